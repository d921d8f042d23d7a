//! Command line: options, their environment fallbacks, and start-up of the dashboard. Every bad
//! value is reported on one line with exit code 2 before the terminal is touched, in the
//! language the command line asks for (`usage::lang_of`), even when it cannot be parsed.

mod exit_codes;
mod usage;

use crate::app::session::Session;
use crate::clock::SystemClock;
use crate::diagnostics::{self, Logged};
use crate::invocation::prepare;
pub use crate::invocation::{
    open_store, open_unseeded, parse_agent, parse_date, parse_filter, Options,
};
use crate::locale::Lang;
use crate::service::Actor;
use crate::signals::Stop;
use crate::store::{SledStore, StoreError, StoreLock};
use crate::{dashboard, term};
use clap::{CommandFactory, FromArgMatches};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use usage::Refusal;

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

/// The whole command line: the options, and every command with its exit codes in its help.
pub fn command() -> clap::Command {
    fn with_exit_codes(command: clap::Command, codes: &str) -> clap::Command {
        command.mut_subcommands(|sub| with_exit_codes(sub.after_help(codes.to_string()), codes))
    }
    with_exit_codes(
        Options::command().after_help(exit_codes::of_everything()),
        &exit_codes::of_commands(),
    )
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
                let lang = options.lang();
                options.agent = crate::invocation::agent_from_user(std::env::var_os("USER"))
                    .map_err(|refusal| fail(EXIT_USAGE, refusal.said_in(lang), lang))?;
            }
            return Ok(options);
        }
        Err(error) => error,
    };
    let lang = usage::lang_of(&args, |name| std::env::var(name).ok());
    if !error.use_stderr() {
        // --help and --version, on standard output: in English, but for a failure to write them.
        return Err(said(error.print(), ExitCode::SUCCESS, lang));
    }
    Err(match usage::explain(&error, &mut command, &args, lang) {
        Refusal::Line(line) => fail(EXIT_USAGE, line, lang),
        Refusal::Help(help) => said(
            write!(std::io::stderr(), "{help}"),
            ExitCode::from(EXIT_USAGE),
            lang,
        ),
    })
}

/// `code`, unless what had to be said could not be written: then the status for that (see
/// `api::write_error`), since a script cannot read a message that is not there, and a line
/// saying so in `lang`.
fn said(written: std::io::Result<()>, code: ExitCode, lang: Lang) -> ExitCode {
    let Err(error) = written else {
        return code;
    };
    let error = crate::api::write_error(error).in_language(lang);
    if !error.description.is_empty() {
        // Standard error may still take it when standard output was the one that failed.
        let _ = writeln!(std::io::stderr(), "pcenter: {}", error.description);
    }
    ExitCode::from(error.exit)
}

/// Ends with `code` after the line `message`, which is in `lang`, as is a failure to write it.
fn fail(code: u8, message: impl std::fmt::Display, lang: Lang) -> ExitCode {
    tracing::warn!("pcenter ended with exit code {code}: {message}");
    // Not eprintln!, which panics when the terminal has gone (a hang-up).
    let written = writeln!(
        std::io::stderr(),
        "pcenter: {}",
        printable(&message.to_string())
    );
    said(written, ExitCode::from(code), lang)
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
    if let Some(data_dir) = options.store_path().as_deref().and_then(Path::parent) {
        diagnostics::start(data_dir);
    }
    if let Some(command) = options.command.take() {
        // A store open in a dashboard runs the command there.
        #[cfg(unix)]
        if let Some(code) = crate::owner::forward(&options, &command) {
            return code;
        }
        #[cfg(unix)]
        if let crate::api::Command::Serve {
            http,
            ssh,
            throttle,
            max_sessions,
            idle_timeout,
            record,
        } = &command
        {
            let plan = crate::serve::Plan {
                http: http.clone(),
                ssh: ssh.clone(),
                http_settings: crate::http::Settings {
                    throttle: *throttle,
                    limits: crate::http::Limits::default(),
                    lang: options.lang(),
                },
                ssh_settings: crate::ssh::Settings {
                    max_sessions: (*max_sessions).max(1),
                    idle: *idle_timeout,
                    record: record.clone(),
                    ..crate::ssh::Settings::default()
                },
            };
            return match crate::serve::run(&options, &plan, &mut std::io::stdout()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(failure) => fail(failure.exit, failure.message, options.lang()),
            };
        }
        return crate::api::run(command, &options);
    }
    let path = match options.store_path() {
        Some(path) => path,
        None => {
            let lang = options.lang();
            return fail(EXIT_STORE, lang.words().shell.no_data_dir, lang);
        }
    };
    let lock = match StoreLock::acquire(&path) {
        Ok(lock) => lock,
        Err(error) => {
            // A server has the store: this dashboard joins it as one more session.
            #[cfg(unix)]
            if let Some(code) = join_server(&options, &path, &error) {
                return code;
            }
            let exit = store_exit(&error);
            return fail(exit, not_acquired(&path, error, &options), options.lang());
        }
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        // The store is still prepared (seeded, partner saved), as a start with a terminal would.
        let prepared = SledStore::open_locked(lock).and_then(|store| {
            let store = Logged(store);
            prepare(&store, &options).map(|()| store.0.close())
        });
        if let Err(error) = prepared {
            return fail(
                store_exit(&error),
                store_said(&error, &options),
                options.lang(),
            );
        }
        let lang = options.lang();
        return fail(EXIT_TERMINAL, lang.words().commands.needs_terminal, lang);
    }
    match run_dashboard(&options, &path, lock) {
        Ok(code) => code,
        Err(error) => fail(
            EXIT_TERMINAL,
            terminal_error(&error, &options),
            options.lang(),
        ),
    }
}

/// The dashboard of this terminal as a session of the server that owns the store at `path`,
/// when one does; `None` otherwise (no server, or no terminal here).
#[cfg(unix)]
fn join_server(options: &Options, path: &Path, error: &StoreError) -> Option<ExitCode> {
    if !matches!(error, StoreError::Locked { .. })
        || !std::io::stdout().is_terminal()
        || !std::io::stdin().is_terminal()
    {
        return None;
    }
    let actor = options.actor();
    let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let attach = crate::owner::Attach {
        agent: actor.agent,
        role: actor.role,
        size,
        term: std::env::var("TERM").ok(),
        colorterm: std::env::var("COLORTERM").ok(),
        no_color: std::env::var("NO_COLOR").ok(),
        lang: options.lang(),
    };
    let attached = crate::owner::attach(path, attach)?;
    tracing::info!("dashboard joined {}", attached.owner.describe());
    Some(match crate::term::relay(attached, options.lang()) {
        Ok(status) => ExitCode::from(status),
        Err(error) => fail(
            EXIT_TERMINAL,
            terminal_error(&error, options),
            options.lang(),
        ),
    })
}

/// A terminal that failed under the dashboard, said in the language of the options.
fn terminal_error(error: &std::io::Error, options: &Options) -> String {
    (options.lang().words().shell.terminal_error)(&error.to_string())
}

/// Why the store's lock could not be taken: when its owner answers, who holds it and since
/// when.
fn not_acquired(path: &Path, error: StoreError, options: &Options) -> String {
    #[cfg(unix)]
    if matches!(error, StoreError::Locked { .. }) {
        if let Some(owner) = crate::owner::owner_of(path) {
            return crate::owner::dashboard_refused_in(path, &owner, options.lang());
        }
    }
    store_said(&error, options)
}

/// A store that cannot be opened, said in the language of the options.
fn store_said(error: &StoreError, options: &Options) -> String {
    let refusal = crate::service::ServiceError::Store(error.clone());
    (options.lang().words().problems.refusal)(&refusal)
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
            let said = store_said(&error, options);
            return Ok(fail(store_exit(&error), said, options.lang()));
        }
    };
    let core = start.core;
    // The store's environment, whatever --environment said (prepare refused another one).
    let actor = Actor {
        access: core.dashboard_access(),
        ..actor
    };
    let loading = start.loader.map(|loader| {
        let core = Arc::clone(&core);
        std::thread::spawn(move || loader.run(&core))
    });
    let serving = owner.and_then(|owner| {
        crate::owner::serve(owner, crate::owner::commands_through(&core))
            .inspect_err(|error| {
                tracing::warn!("commands cannot run through this dashboard: {error}")
            })
            .ok()
    });
    let mut session = Session::open(Arc::clone(&core), actor.clone(), size);
    session.app.ctx.lang = options.lang();
    if options.demo && options.today.is_none() {
        let note = session.app.ctx.words().chrome.demo_note;
        session.app.ctx.info(note);
    }
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
