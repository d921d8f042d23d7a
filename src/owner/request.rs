//! A command as one pcenter sends it to the owner of its store: its options and arguments as
//! parsed where it was started (environment variables, `$USER` and defaults resolved there),
//! and what the owner needs to run it as if it ran there: its directory, whether its standard
//! error is a terminal, how wide its standard output is.

use crate::api::{AgreementsCommand, Command, CustomersCommand, OffersCommand};
use crate::caller::FileId;
use crate::invocation::{Options, ValueProblem};
use crate::locale::Lang;
use serde::{Deserialize, Serialize};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Request {
    /// The options, `command` left out (it is the next field).
    pub options: Options,
    pub command: Command,
    /// The directory the command was started in, which its relative paths are relative to.
    #[serde(with = "crate::serde_path")]
    pub directory: PathBuf,
    pub stderr_is_terminal: bool,
    pub stdout_columns: Option<usize>,
    pub stdout_file: Option<FileId>,
}

/// Why a request is not obeyed: the command line where it was made could not have made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unfit {
    /// A value the command line refuses.
    Value(ValueProblem),
    /// The command both in the options and beside them.
    CommandTwice,
    /// A directory that is not absolute.
    RelativeDirectory,
}

impl From<ValueProblem> for Unfit {
    fn from(problem: ValueProblem) -> Unfit {
        Unfit::Value(problem)
    }
}

impl Unfit {
    /// Why, in `lang`.
    pub fn said_in(&self, lang: Lang) -> String {
        let words = &lang.words().shell;
        match self {
            Unfit::Value(problem) => problem.said_in(lang),
            Unfit::CommandTwice => words.command_twice.to_string(),
            Unfit::RelativeDirectory => words.relative_directory.to_string(),
        }
    }
}

impl std::fmt::Display for Unfit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said_in(Lang::English))
    }
}

/// What becomes of a command when its store has an owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// It opens no store, so it runs where it was started.
    Here,
    /// It needs the store alone (it makes the store anew), so it is refused while the store is
    /// owned.
    Alone,
    /// The owner runs it.
    ThroughOwner,
}

impl Route {
    /// Every command has its route written here: a new command does not compile until it has
    /// one.
    pub fn of(command: &Command) -> Route {
        match command {
            Command::Agreements(AgreementsCommand::Templates { .. }) => Route::Here,
            Command::Offers(OffersCommand::List { .. }) => Route::Here,
            Command::Generate { .. } | Command::Restore { .. } | Command::Serve { .. } => {
                Route::Alone
            }
            Command::Agreements(
                AgreementsCommand::Create(_)
                | AgreementsCommand::List { .. }
                | AgreementsCommand::Export { .. }
                | AgreementsCommand::Import { .. },
            )
            | Command::Customers(
                CustomersCommand::List { .. }
                | CustomersCommand::Show { .. }
                | CustomersCommand::Create { .. },
            )
            | Command::Orders(_)
            | Command::Subscriptions(_)
            | Command::Report(_)
            | Command::Agents(_)
            | Command::Backup { .. } => Route::ThroughOwner,
        }
    }
}

impl Request {
    /// The request for `command`, started in this process with `options`, its store at
    /// `store` (named by an absolute path, whatever directory the owner was started in).
    pub fn here(options: &Options, command: &Command, store: &Path) -> Request {
        let directory = std::env::current_dir()
            // A directory removed since it was entered is still this process's own.
            .unwrap_or_else(|_| PathBuf::from(format!("/proc/{}/cwd", std::process::id())));
        let mut options = options.clone();
        options.command = None;
        options.data_dir = store.parent().map(|data| directory.join(data));
        // The language is this process's (--lang, or its own locale), not the owner's.
        options.lang = Some(options.lang());
        Request {
            options,
            command: command.clone(),
            directory,
            stderr_is_terminal: std::io::stderr().is_terminal(),
            stdout_columns: crate::api::terminal_columns(),
            stdout_file: FileId::of_stdout(),
        }
    }

    /// Checks again what the command line checked where the request was made: a request comes
    /// from another process, and is obeyed only if that process could have made it.
    pub fn check(&self) -> Result<(), Unfit> {
        let options = &self.options;
        for value in [&options.agent, &options.partner].into_iter().flatten() {
            crate::invocation::parse_agent(value)?;
        }
        if let Some(today) = options.today {
            crate::invocation::parse_date(&today.format("%Y-%m-%d").to_string())?;
        }
        if options.command.is_some() {
            return Err(Unfit::CommandTwice);
        }
        if let Command::Customers(CustomersCommand::List {
            filter: Some(filter),
            ..
        }) = &self.command
        {
            crate::invocation::parse_filter(filter)?;
        }
        if !self.directory.is_absolute() {
            return Err(Unfit::RelativeDirectory);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn parsed(args: &[&str]) -> (Options, Command) {
        let mut options = Options::try_parse_from(["pcenter"].iter().chain(args)).unwrap();
        let command = options.command.take().unwrap();
        (options, command)
    }

    #[test]
    fn a_request_names_the_store_by_an_absolute_path_and_keeps_the_arguments_as_typed() {
        let (options, command) = parsed(&[
            "--data-dir",
            "rel/data",
            "--agent",
            "Ann Agent",
            "agreements",
            "export",
            "--out",
            "backlog.csv",
        ]);
        let store = options.store_path().unwrap();
        let request = Request::here(&options, &command, &store);
        let here = std::env::current_dir().unwrap();
        assert_eq!(request.options.data_dir, Some(here.join("rel/data")));
        assert_eq!(request.directory, here);
        let json = serde_json::to_string(&request).unwrap();
        let back: Request = serde_json::from_str(&json).unwrap();
        let Command::Agreements(AgreementsCommand::Export { out, .. }) = &back.command else {
            panic!("{json}")
        };
        assert_eq!(out.as_deref(), Some(Path::new("backlog.csv")));
        assert_eq!(back.options.agent.as_deref(), Some("Ann Agent"));
        back.check().unwrap();
    }

    #[test]
    fn a_request_another_process_could_not_have_made_is_refused() {
        let (options, command) = parsed(&["customers", "list"]);
        let request = Request::here(&options, &command, Path::new("/d/store"));
        let mut bad_agent = request.clone();
        bad_agent.options.agent = Some("Ann\u{1b}[2J".into());
        assert!(bad_agent.check().is_err());
        let mut bad_date = request.clone();
        bad_date.options.today = Some("2013-12-31".parse().unwrap());
        assert!(bad_date.check().is_err());
        let mut bad_filter = request.clone();
        bad_filter.command = Command::Customers(CustomersCommand::List {
            filter: Some("x".repeat(101)),
            unconfirmed: false,
            format: Default::default(),
        });
        assert!(bad_filter.check().is_err());
        let mut relative = request;
        relative.directory = PathBuf::from("here");
        assert!(relative.check().is_err());
    }

    #[test]
    fn only_the_commands_that_open_the_store_go_through_its_owner() {
        let route = |args: &[&str]| Route::of(&parsed(args).1);
        assert_eq!(route(&["agreements", "templates"]), Route::Here);
        assert_eq!(route(&["offers", "list"]), Route::Here);
        assert_eq!(route(&["generate", "--customers", "5"]), Route::Alone);
        assert_eq!(route(&["restore", "b.jsonl"]), Route::Alone);
        assert_eq!(route(&["customers", "list"]), Route::ThroughOwner);
        assert_eq!(route(&["backup", "--out", "-"]), Route::ThroughOwner);
    }
}
