//! Command line: options, their environment fallbacks, and start-up of the dashboard. Every bad
//! value is reported on one line with exit code 2 before the terminal is touched.

use crate::app::session::{Clock, Session};
use crate::app::App;
use crate::book::Book;
use crate::domain::fields;
use crate::domain::role::Role;
use crate::service::Actor;
use crate::store::{self, SledStore, Store, StoreError};
use crate::{assets, term};
use chrono::{DateTime, Local, NaiveDate, Utc};
use clap::Parser;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXIT_USAGE: u8 = 2;
pub const EXIT_STORE_IN_USE: u8 = 3;
pub const EXIT_STORE: u8 = 4;
pub const EXIT_TERMINAL: u8 = 5;

#[derive(Debug, Parser)]
#[command(
    name = "pcenter",
    version,
    about = "Partner Center in the terminal: customers, the Microsoft Cloud Agreement confirmation, and orders.",
    after_help = "Without a command, opens the dashboard.\n\nExit codes: 0 done, 2 bad option value, 3 the store is in use by another pcenter, 4 the store cannot be used, 5 no usable terminal, 6 invalid input (400), 7 role not allowed (403), 8 not found (404), 9 same confirmation already exists (600061), 10 blocked: confirmation required (13605), 11 an import rejected some rows."
)]
pub struct Options {
    #[command(subcommand)]
    pub command: Option<crate::api::Command>,
    /// Where the stores live (default: the platform's data directory for pcenter).
    #[arg(long, global = true, env = "PCENTER_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The business date every rule uses (default: today's local date).
    #[arg(long, global = true, env = "PCENTER_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// The signed-in agent's name, recorded with every change (default: the user name).
    #[arg(long, global = true, env = "PCENTER_AGENT", value_name = "NAME", value_parser = parse_agent)]
    pub agent: Option<String>,
    /// The signed-in agent's role.
    #[arg(long, global = true, env = "PCENTER_ROLE", value_name = "ROLE", default_value = "admin-agent", value_parser = parse_role)]
    pub role: Role,
    /// The partner organization's name shown in the header (saved in the store).
    #[arg(long, global = true, env = "PCENTER_PARTNER", value_name = "NAME", value_parser = parse_agent)]
    pub partner: Option<String>,
    /// Use the demo store (seeded with sample customers on first use) instead of the real one.
    #[arg(long, global = true)]
    pub demo: bool,
}

fn parse_date(value: &str) -> Result<NaiveDate, String> {
    fields::calendar_date(value)
}

fn parse_role(value: &str) -> Result<Role, String> {
    value.parse()
}

fn parse_agent(value: &str) -> Result<String, String> {
    fields::required_text("Name", value, fields::NAME_MAX)
}

/// The clock of the real world, used only by the shell. With a business date set, timestamps
/// fall on that date (at the real time of day), so records stay in step with the rules' "today".
pub struct SystemClock {
    pub business_date: Option<NaiveDate>,
}

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        let now = Utc::now();
        match self.business_date {
            Some(date) => date.and_time(now.time()).and_utc(),
            None => now,
        }
    }
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

    pub fn actor(&self) -> Actor {
        let agent = self
            .agent
            .clone()
            .or_else(|| std::env::var("USER").ok().filter(|u| !u.trim().is_empty()))
            .unwrap_or_else(|| "Partner agent".into());
        Actor {
            agent,
            role: self.role,
            business_date: self.today.unwrap_or_else(|| Local::now().date_naive()),
        }
    }
}

/// Opens the store for these options, seeding the demo store on first use.
pub fn open_store(options: &Options) -> Result<SledStore, StoreError> {
    let store = open_unseeded(options)?;
    if options.demo && store.is_empty()? {
        store::copy_into(&store, &assets::demo_snapshot())?;
    }
    if let Some(partner) = &options.partner {
        store.set_partner_name(partner)?;
    }
    Ok(store)
}

/// Opens the store for these options as it is: an empty demo store stays empty.
pub fn open_unseeded(options: &Options) -> Result<SledStore, StoreError> {
    let path = options.store_path().map_err(|detail| StoreError::Io {
        path: PathBuf::from("."),
        detail,
    })?;
    SledStore::open(&path)
}

fn fail(code: u8, message: impl std::fmt::Display) -> ExitCode {
    eprintln!("pcenter: {message}");
    ExitCode::from(code)
}

pub fn main() -> ExitCode {
    let mut options = match Options::try_parse() {
        Ok(options) => options,
        Err(error) if !error.use_stderr() => {
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            let text = error.to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            return fail(EXIT_USAGE, first.trim_start_matches("error: "));
        }
    };
    if let Some(command) = options.command.take() {
        return crate::api::run(command, &options);
    }
    let store = match open_store(&options) {
        Ok(store) => store,
        Err(error @ StoreError::Locked { .. }) => return fail(EXIT_STORE_IN_USE, error),
        Err(error) => return fail(EXIT_STORE, error),
    };
    let snapshot = match store.load() {
        Ok(snapshot) => snapshot,
        Err(error) => return fail(EXIT_STORE, error),
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return fail(
            EXIT_TERMINAL,
            "the dashboard needs an interactive terminal (stdin and stdout must be a tty).",
        );
    }
    let partner = snapshot
        .partner_name
        .clone()
        .unwrap_or_else(|| "Your partner organization".into());
    let app = App::new(
        options.actor(),
        partner,
        Book::from_snapshot(snapshot),
        (80, 24),
    );
    let mut session = Session::new(
        app,
        Box::new(store),
        Box::new(SystemClock {
            business_date: options.today,
        }),
    );
    match term::run(&mut session) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(EXIT_TERMINAL, format!("terminal error: {error}")),
    }
}
