//! What a pcenter invocation asks for: the options every command shares, the commands that
//! mirror the REST API, and the checks of their values. Parsed by the command line (`cli`), run
//! by the handlers (`api`), and sent to the owner of a store with a command run through it
//! (`owner`), so they serialize.

mod commands;
mod format;
mod values;

pub use commands::*;
pub use format::Format;
pub use values::{
    agent_from_user, parse_agent, parse_date, parse_environment, parse_filter, parse_lang,
    RoleParser, ValueProblem, FILTER, NAME,
};

use crate::assets;
use crate::diagnostics::Logged;
use crate::domain::role::Role;
use crate::domain::timeline::Environment;
use crate::locale::Lang;
use crate::service::{Access, Actor};
use crate::store::{self, IoProblem, SledStore, Store, StoreError};
use chrono::{Local, NaiveDate};
use clap::Parser;
use std::path::PathBuf;

/// The options as parsed here; also sent to the owner of the store with a command (see
/// `owner`), so they serialize.
#[derive(Debug, Clone, Parser, serde::Serialize, serde::Deserialize)]
#[command(
    name = "pcenter",
    version,
    about = "Partner Center in the terminal: customers, the Microsoft Cloud Agreement confirmation, and orders."
)]
pub struct Options {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Where the stores live (default: the platform's data directory for pcenter).
    #[arg(long, global = true, env = "PCENTER_DATA_DIR", value_name = "DIR")]
    #[serde(with = "crate::serde_path::option")]
    pub data_dir: Option<PathBuf>,
    /// The business date every rule uses, from 2014-01-01 to 2100-12-31 (default: today's
    /// local date).
    #[arg(long, global = true, env = "PCENTER_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// The signed-in agent's name, recorded with every change, at most 50 characters (default:
    /// the user name, $USER, checked the same way; "Partner agent" when that is unset).
    #[arg(long, global = true, env = "PCENTER_AGENT", value_name = "NAME", value_parser = parse_agent)]
    pub agent: Option<String>,
    /// The signed-in agent's role (default: admin-agent). A Helpdesk agent may look, but not
    /// create customers or orders, change subscriptions, or confirm or see confirmations. For
    /// `agents add`, the role of the agent added (a spectator only watches dashboards over SSH).
    #[arg(long, global = true, env = "PCENTER_ROLE", value_name = "ROLE", value_parser = RoleParser)]
    pub role: Option<Role>,
    /// The partner organization's name shown in the header (saved in the store).
    #[arg(long, global = true, env = "PCENTER_PARTNER", value_name = "NAME", value_parser = parse_agent)]
    pub partner: Option<String>,
    /// Use the demo store (seeded with sample customers on first use) instead of the real one.
    /// Without --today it opens on 2018-11-14, the first week of the mandatory confirmation.
    #[arg(long, global = true)]
    pub demo: bool,
    /// The Partner Center environment: production or sandbox (API enforcement began on
    /// 2019-03-22 in production, 2019-03-11 in the sandbox). A store keeps the environment it
    /// was created for (default: production) and refuses the other.
    #[arg(long, global = true, env = "PCENTER_ENVIRONMENT", value_name = "ENVIRONMENT", value_parser = parse_environment)]
    pub environment: Option<Environment>,
    /// The language of the dashboard and of the commands' messages: en or ko (default: from
    /// LC_ALL, LC_MESSAGES or LANG, where ko_KR.UTF-8 means ko). JSON and CSV stay as the API
    /// writes them.
    #[arg(long, global = true, env = "PCENTER_LANG", value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

/// The demo's business date without --today: November 14, 2018, the first week in which the
/// dashboard required the confirmation, the era of the page pcenter replicates.
pub const DEMO_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2018, 11, 14) {
    Some(date) => date,
    None => panic!("invalid demo date"),
};

impl Options {
    /// The store's path; without `--data-dir`, in the platform's data directory: none when the
    /// platform has none (each caller says so in its language, `ShellWords::no_data_dir`).
    pub fn store_path(&self) -> Option<PathBuf> {
        let base = match &self.data_dir {
            Some(dir) => dir.clone(),
            None => directories::ProjectDirs::from("com", "pcenter", "pcenter")
                .map(|dirs| dirs.data_dir().to_path_buf())?,
        };
        Some(base.join(if self.demo { "demo" } else { "store" }))
    }

    /// Who acts in the dashboard: the agent of `--agent` (or of `$USER`, read with the
    /// options), "Partner agent" when neither names one.
    pub fn actor(&self) -> Actor {
        let agent = self.agent.clone().unwrap_or_else(|| "Partner agent".into());
        Actor {
            agent,
            role: self.role.unwrap_or(Role::AdminAgent),
            business_date: self.business_date(),
            access: Access::dashboard(self.environment.unwrap_or_default()),
        }
    }

    /// Who acts through the API face (the commands): as `actor`, with the API's schedule.
    pub fn api_actor(&self) -> Actor {
        Actor {
            access: Access::api(self.environment.unwrap_or_default()),
            ..self.actor()
        }
    }

    /// `--lang`; without it, the language of the locale this process runs in.
    pub fn lang(&self) -> Lang {
        self.lang
            .unwrap_or_else(|| Lang::of_environment(|name| std::env::var(name).ok()))
    }

    /// `--today`; without it, the demo's date for the demo store, else today's local date.
    pub fn business_date(&self) -> NaiveDate {
        match self.today {
            Some(date) => date,
            None if self.demo => DEMO_DATE,
            None => Local::now().date_naive(),
        }
    }
}

/// Opens the store for these options, seeding the demo store on first use; its writes are
/// logged.
pub fn open_store(options: &Options) -> Result<Logged<SledStore>, StoreError> {
    let store = Logged(open_unseeded(options)?);
    prepare(&store, options)?;
    Ok(store)
}

/// Seeds an empty demo store, and records a partner name given on the command line.
pub fn prepare(store: &dyn Store, options: &Options) -> Result<(), StoreError> {
    if options.demo && store.is_empty()? {
        store::copy_into(store, &assets::demo_snapshot())?;
    }
    match (store.environment()?, options.environment) {
        (Some(kept), Some(asked)) if kept != asked => {
            return Err(StoreError::OtherEnvironment { store: kept, asked })
        }
        (None, asked) => store.set_environment(asked.unwrap_or_default())?,
        _ => {}
    }
    if let Some(partner) = &options.partner {
        if store.partner_name()?.as_ref() != Some(partner) {
            store.set_partner_name(partner)?;
        }
    }
    Ok(())
}

/// Opens the store for these options as it is: an empty demo store stays empty.
pub fn open_unseeded(options: &Options) -> Result<SledStore, StoreError> {
    let path = options.store_path().ok_or_else(|| StoreError::Io {
        path: PathBuf::from("."),
        detail: IoProblem::NoDataDir,
    })?;
    SledStore::open(&path)
}
