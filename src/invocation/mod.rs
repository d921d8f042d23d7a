//! What a pcenter invocation asks for: the options every command shares, the commands that
//! mirror the REST API, and the checks of their values. Parsed by the command line (`cli`), run
//! by the handlers (`api`), and sent to the owner of a store with a command run through it
//! (`owner`), so they serialize.

mod commands;
mod format;
mod values;

pub use commands::*;
pub use format::Format;
pub use values::{agent_from_user, parse_agent, parse_date, parse_filter, RoleParser};

use crate::assets;
use crate::diagnostics::Logged;
use crate::domain::role::Role;
use crate::service::Actor;
use crate::store::{self, SledStore, Store, StoreError};
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
    #[arg(long, global = true)]
    pub demo: bool,
}

impl Options {
    pub fn store_path(&self) -> Result<PathBuf, String> {
        let base = match &self.data_dir {
            Some(dir) => dir.clone(),
            None => directories::ProjectDirs::from("com", "pcenter", "pcenter")
                .map(|dirs| dirs.data_dir().to_path_buf())
                .ok_or("cannot find a home directory for the data; pass --data-dir DIR")?,
        };
        Ok(base.join(if self.demo { "demo" } else { "store" }))
    }

    /// Who acts: the agent of `--agent` (or of `$USER`, read with the options), "Partner agent"
    /// when neither names one.
    pub fn actor(&self) -> Actor {
        let agent = self.agent.clone().unwrap_or_else(|| "Partner agent".into());
        Actor {
            agent,
            role: self.role.unwrap_or(Role::AdminAgent),
            business_date: self.today.unwrap_or_else(|| Local::now().date_naive()),
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
    if let Some(partner) = &options.partner {
        if store.partner_name()?.as_ref() != Some(partner) {
            store.set_partner_name(partner)?;
        }
    }
    Ok(())
}

/// Opens the store for these options as it is: an empty demo store stays empty.
pub fn open_unseeded(options: &Options) -> Result<SledStore, StoreError> {
    let path = options.store_path().map_err(|detail| StoreError::Io {
        path: PathBuf::from("."),
        detail,
    })?;
    SledStore::open(&path)
}
