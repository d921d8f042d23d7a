//! Command line: options, their environment fallbacks, and start-up of the dashboard. Every bad
//! value is reported on one line with exit code 2 before the terminal is touched.

mod exit_codes;
mod usage;
mod values;

use crate::app::session::Session;
use crate::clock::SystemClock;
use crate::diagnostics::{self, Logged};
use crate::domain::role::Role;
use crate::service::Actor;
use crate::signals::Stop;
use crate::store::{self, SledStore, Store, StoreError, StoreLock};
use crate::{assets, dashboard, term};
use chrono::{Local, NaiveDate};
use clap::{CommandFactory, FromArgMatches, Parser};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use usage::Refusal;
use values::RoleParser;
pub use values::{parse_agent, parse_date, parse_filter};

pub const EXIT_USAGE: u8 = 2;
pub const EXIT_STORE_IN_USE: u8 = 3;
pub const EXIT_STORE: u8 = 4;
pub const EXIT_TERMINAL: u8 = 5;
pub const EXIT_STORE_DAMAGED: u8 = 12;
pub const EXIT_STORE_NEWER: u8 = 13;

/// The exit status for a store that cannot be opened: each needs something else done.
pub fn store_exit(error: &StoreError) -> u8 {
    match error {
        StoreError::Locked { .. } => EXIT_STORE_IN_USE,
        StoreError::Corrupt { .. } => EXIT_STORE_DAMAGED,
        StoreError::NewerSchema { .. } => EXIT_STORE_NEWER,
        _ => EXIT_STORE,
    }
}

/// The options as parsed here; also sent to the owner of the store with a command (see
/// `owner`), so they serialize.
#[derive(Debug, Clone, Parser, serde::Serialize, serde::Deserialize)]
#[command(
    name = "pcenter",
    version,
    about = "Partner Center in the terminal: customers, the Microsoft Cloud Agreement confirmation, and orders.",
    after_help = exit_codes::of_everything()
)]
pub struct Options {
    #[command(subcommand)]
    pub command: Option<crate::api::Command>,
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
    /// The signed-in agent's role. A Helpdesk agent may look, but not create customers or
    /// orders, change subscriptions, or confirm or see confirmations.
    #[arg(long, global = true, env = "PCENTER_ROLE", value_name = "ROLE", default_value = "admin-agent", value_parser = RoleParser)]
    pub role: Role,
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
            role: self.role,
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
fn prepare(store: &dyn Store, options: &Options) -> Result<(), StoreError> {
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

/// The whole command line: the options, and every command with its exit codes in its help.
pub fn command() -> clap::Command {
    fn with_exit_codes(command: clap::Command, codes: &str) -> clap::Command {
        command.mut_subcommands(|sub| with_exit_codes(sub.after_help(codes.to_string()), codes))
    }
    with_exit_codes(Options::command(), &exit_codes::of_commands())
}

/// The options of this process's command line, or what to print and the exit code when they
/// cannot be used.
fn parse_options() -> Result<Options, ExitCode> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut command = command();
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|matches| Options::from_arg_matches(&matches));
    let error = match parsed {
        Ok(mut options) => {
            if options.agent.is_none() {
                options.agent = values::agent_from_user(std::env::var_os("USER"))
                    .map_err(|refusal| fail(EXIT_USAGE, refusal))?;
            }
            return Ok(options);
        }
        Err(error) => error,
    };
    if !error.use_stderr() {
        // --help and --version, on standard output.
        return Err(said(error.print(), ExitCode::SUCCESS));
    }
    Err(match usage::explain(&error, &mut command, &args) {
        Refusal::Line(line) => fail(EXIT_USAGE, line),
        Refusal::Help(help) => said(
            write!(std::io::stderr(), "{help}"),
            ExitCode::from(EXIT_USAGE),
        ),
    })
}

/// `code`, unless what had to be said could not be written: then the status for that (see
/// `api::write_error`), since a script cannot read a message that is not there.
fn said(written: std::io::Result<()>, code: ExitCode) -> ExitCode {
    let Err(error) = written else {
        return code;
    };
    let error = crate::api::write_error(error);
    if !error.description.is_empty() {
        // Standard error may still take it when standard output was the one that failed.
        let _ = writeln!(std::io::stderr(), "pcenter: {}", error.description);
    }
    ExitCode::from(error.exit)
}

fn fail(code: u8, message: impl std::fmt::Display) -> ExitCode {
    tracing::warn!("pcenter ended with exit code {code}: {message}");
    // Not eprintln!, which panics when the terminal has gone (a hang-up).
    let written = writeln!(
        std::io::stderr(),
        "pcenter: {}",
        printable(&message.to_string())
    );
    said(written, ExitCode::from(code))
}

/// A plain line made safe for a terminal: a path or value in it may hold an escape sequence,
/// which is shown as `\u{1b}` rather than acted on, and a flood of text is cut (see
/// `characters::message_line`).
pub fn printable(line: &str) -> String {
    crate::domain::characters::message_line(line)
}

pub fn main() -> ExitCode {
    let mut options = match parse_options() {
        Ok(options) => options,
        Err(code) => return code,
    };
    if let Some(data_dir) = options.store_path().ok().as_deref().and_then(Path::parent) {
        diagnostics::start(data_dir);
    }
    if let Some(command) = options.command.take() {
        // A store open in a dashboard runs the command there.
        #[cfg(unix)]
        if let Some(code) = crate::owner::forward(&options, &command) {
            return code;
        }
        return crate::api::run(command, &options);
    }
    let path = match options.store_path() {
        Ok(path) => path,
        Err(detail) => return fail(EXIT_STORE, detail),
    };
    let lock = match StoreLock::acquire(&path) {
        Ok(lock) => lock,
        Err(error) => return fail(store_exit(&error), not_acquired(&path, error)),
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        // The store is still prepared (seeded, partner saved), as a start with a terminal would.
        let prepared = SledStore::open_locked(lock).and_then(|store| {
            let store = Logged(store);
            prepare(&store, &options).map(|()| store.0.close())
        });
        if let Err(error) = prepared {
            return fail(store_exit(&error), error);
        }
        return fail(
            EXIT_TERMINAL,
            "the dashboard needs an interactive terminal (stdin and stdout must be a tty).",
        );
    }
    match run_dashboard(&options, &path, lock) {
        Ok(code) => code,
        Err(error) => fail(EXIT_TERMINAL, format!("terminal error: {error}")),
    }
}

/// Why the store's lock could not be taken: when its owner answers, who holds it and since
/// when.
fn not_acquired(path: &Path, error: StoreError) -> String {
    #[cfg(unix)]
    if matches!(error, StoreError::Locked { .. }) {
        if let Some(owner) = crate::owner::owner_of(path) {
            return crate::owner::dashboard_refused(path, &owner);
        }
    }
    error.to_string()
}

/// The dashboard on this terminal: the saved list at once when there is one, then the store.
fn run_dashboard(
    options: &Options,
    path: &std::path::Path,
    lock: StoreLock,
) -> std::io::Result<ExitCode> {
    let actor = options.actor();
    // From here on SIGTERM and SIGHUP end the dashboard as a quit does.
    let stop = Stop::register(term::restore)?;
    let mut screen = term::Screen::open()?;
    let size = screen.size()?;
    // A start that changes the store first (seeding, a new partner name) waits for it.
    if !options.demo && options.partner.is_none() {
        if let Some(preview) = dashboard::preview(path, &actor, size) {
            screen.draw(&preview)?;
        }
    }
    // Commands started on this store while the dashboard is open run through it.
    let owner = match crate::owner::Owner::bind(&lock, crate::owner::OwnerRecord::dashboard(&actor))
    {
        Ok(owner) => Some(owner),
        Err(error) => {
            tracing::warn!("commands cannot run through this dashboard: {error}");
            None
        }
    };
    let opened = SledStore::open_locked(lock)
        .map(Logged)
        .and_then(|store| prepare(&store, options).map(|()| store))
        .and_then(|store| dashboard::start(store, actor.business_date, Box::new(SystemClock)));
    let start = match opened {
        Ok(start) => start,
        Err(error) => {
            drop(screen);
            return Ok(fail(store_exit(&error), error));
        }
    };
    let core = start.core;
    let loading = start.loader.map(|loader| {
        let core = Arc::clone(&core);
        std::thread::spawn(move || loader.run(&core))
    });
    let serving = owner.and_then(|owner| {
        crate::owner::serve(owner, commands_through(&core))
            .inspect_err(|error| {
                tracing::warn!("commands cannot run through this dashboard: {error}")
            })
            .ok()
    });
    let mut session = Session::open(Arc::clone(&core), actor.clone(), size);
    tracing::info!(
        "dashboard started on {} as {} ({}), business date {}",
        path.display(),
        actor.agent,
        actor.role.label(),
        actor.business_date
    );
    let result = screen.run(&mut session, &stop);
    stop.left_the_loop();
    drop(screen); // the terminal restored first: after a hang-up, the rest may take a moment
    drop(session);
    // No command runs once the store is closing; the socket goes first.
    if let Some(serving) = serving {
        serving.stop();
    }
    // The directory's loading ends at the next row, so the store can be closed.
    core.stop_loading();
    if let Some(loading) = loading {
        let _ = loading.join();
    }
    dashboard::save_list(&core);
    if let Ok(core) = Arc::try_unwrap(core) {
        core.close();
    }
    match &result {
        Ok(None) => tracing::info!("dashboard ended"),
        Ok(Some(status)) => tracing::info!("dashboard ended by a signal (exit {status})"),
        Err(error) => tracing::warn!("dashboard ended by a terminal error: {error}"),
    }
    result.map(|signal| signal.map_or(ExitCode::SUCCESS, ExitCode::from))
}

/// Runs each command sent to the dashboard's socket on its shared core, as one more agent: its
/// rules decided on the store's current records, its change shown live on the dashboard.
fn commands_through(core: &Arc<crate::core::Core>) -> crate::owner::Executor {
    let core = Arc::downgrade(core);
    Arc::new(move |invocation, out| match core.upgrade() {
        Some(core) => crate::api::execute_on(core, invocation.command, &invocation.options, out),
        None => Err(crate::api::error::ApiError::new(
            crate::api::error::code::STORE,
            crate::api::error::exit::STORE_IN_USE,
            "The dashboard that holds this store is closing; run the command again in a moment.",
        )),
    })
}
