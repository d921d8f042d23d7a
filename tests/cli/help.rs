//! Every command's help: what it takes, and the exit codes it can end with.

use super::*;
use clap::Command as Cli;

/// The command paths of every command and command group: `["agreements", "import"]`, ….
fn every_command(command: &Cli, path: Vec<String>, all: &mut Vec<Vec<String>>) {
    for sub in command.get_subcommands() {
        let mut here = path.clone();
        here.push(sub.get_name().to_string());
        every_command(sub, here.clone(), all);
        all.push(here);
    }
}

#[test]
fn every_commands_help_ends_with_the_exit_codes() {
    let mut all = Vec::new();
    every_command(&pcenter::cli::command(), Vec::new(), &mut all);
    assert!(all.len() > 15, "{all:?}");
    for path in all {
        let output = run(pcenter().args(&path).arg("--help"));
        assert_eq!(output.status.code(), Some(0), "{path:?}");
        let help = stdout(&output);
        let last = help.trim_end().lines().last().unwrap_or_default();
        assert!(
            last.starts_with("Exit codes: 0 done, 2 bad option value,"),
            "{path:?}:\n{help}"
        );
        assert!(
            last.contains("11 an import rejected some rows"),
            "{path:?}: {last}"
        );
    }
}

#[test]
fn the_agent_option_names_both_defaults() {
    let help = stdout(&run(pcenter().arg("--help")));
    assert!(
        help.contains(
            "(default: the user name, $USER, checked the same way; \"Partner agent\" when that is unset)"
        ),
        "{help}"
    );
}

#[test]
fn every_argument_of_every_command_says_what_it_takes() {
    fn check(command: &Cli, path: &str, missing: &mut Vec<String>) {
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if arg.get_help().is_none() && !["help", "version"].contains(&id) {
                missing.push(format!("{path} {id}"));
            }
        }
        for sub in command.get_subcommands() {
            check(sub, &format!("{path} {}", sub.get_name()), missing);
        }
    }
    let mut missing = Vec::new();
    check(&pcenter::cli::command(), "pcenter", &mut missing);
    assert_eq!(missing, Vec::<String>::new());
}
