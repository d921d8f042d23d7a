//! The process's own lines: refused command lines and values, and what the shell, the server
//! and the owner of a store say.

use crate::domain::command_line::UsageProblem;
use crate::locale::words::{ShellWords, SshAt};

/// "a, b or c".
fn one_of(values: &[String]) -> String {
    match values {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The line of `problem`; `command` is the command as `--help` takes it.
fn usage(problem: &UsageProblem, command: &str) -> String {
    use UsageProblem as U;
    let see_help = format!("see {command} --help");
    let suggested = |suggestion: &Option<String>| {
        suggestion
            .as_ref()
            .map(|s| format!(" (did you mean '{s}'?)"))
            .unwrap_or_default()
    };
    match problem {
        U::Needs { who, missing } => format!("{who} needs {}; {see_help}", missing.join(", ")),
        U::NeedsValue { option } => format!("{option} needs a value; {see_help}"),
        U::CannotBe {
            option,
            value,
            choices,
        } => {
            let choices = if choices.is_empty() {
                String::new()
            } else {
                format!(": use {}", one_of(choices))
            };
            format!("{option} cannot be '{value}'{choices}.")
        }
        U::Refused { option, why } => format!("{option}: {why}"),
        U::RefusedSaying { option, why } => format!("{option}: {why}"),
        U::RefusedValue { option, value } => format!("{option} cannot be '{value}'."),
        U::UnknownArgument {
            who,
            argument,
            suggestion,
        } => format!(
            "{} '{argument}'{}; {see_help}",
            match who {
                None => "unknown option".to_string(),
                Some(who) => format!("{who} does not take"),
            },
            suggested(suggestion)
        ),
        U::UnknownCommand {
            who,
            name,
            suggestion,
        } => format!(
            "{} '{name}'{}; {see_help}",
            match who {
                None => "unknown command".to_string(),
                Some(who) => format!("{who} has no command"),
            },
            suggested(suggestion)
        ),
        U::OnlyOnce { option } => format!("{option} can be given only once; {see_help}"),
        U::Conflict { option, other } => {
            format!("{option} cannot be used with {other}; {see_help}")
        }
        U::NothingAfter { who, value, option } => {
            format!("{who} does not take '{value}' after {option}; {see_help}")
        }
        U::NotText { said } | U::Other { said } => format!("{said}; {see_help}"),
    }
}

fn ssh_at(at: &SshAt<'_>) -> String {
    let made = if at.made { ", made now" } else { "" };
    format!(
        "SSH dashboards at ssh -t -p {} {} on {} (host key {}{made}; Ctrl-C to stop)",
        at.port, at.host, at.store, at.fingerprint
    )
}

pub const SHELL: ShellWords = ShellWords {
    host_key: |problem| problem.to_string(),
    usage,
    value: |problem| problem.to_string(),
    no_data_dir: "cannot find a home directory for the data; pass --data-dir DIR",
    terminal_error: |error| format!("terminal error: {error}"),
    server_went_away: "the server went away; what was saved stays saved.",
    no_partner_name: "(set --partner NAME)",
    caller_went_away: "the pcenter the command runs for went away",
    owner_went_away: |owner| {
        format!(
            "The command ran in {owner}, which ended before the command finished. What the command reported saved is saved; run it again to finish."
        )
    },
    other_version: |owner, server, owners, commands| {
        let end = if server {
            "stop that server"
        } else {
            "close that dashboard"
        };
        format!(
            "The store is open in {owner}, which is pcenter {owners}, and this is pcenter {commands}: run the command with the same pcenter, or {end} first."
        )
    },
    other_server_version: |servers, ours| {
        format!(
            "The server that has this store open is pcenter {servers}, and this is {ours}: start the dashboard with the server's pcenter."
        )
    },
    takes_no_second: "The store is open in another dashboard, which takes no second one.",
    request_refused: |process, why| {
        let from = process.map_or("another process".to_string(), |pid| {
            format!("process {pid}")
        });
        format!("The command sent by {from} cannot be run: {why}.")
    },
    command_twice: "a command given twice",
    relative_directory: "a relative directory",
    failed_inside:
        "The command failed inside the pcenter that has the store open, and was stopped; \
                    see pcenter.log in the data directory. What it reported saved is saved.",
    owner_closing:
        "The pcenter that holds this store is closing; run the command again in a moment.",
    socket_unreachable: |path, detail| {
        format!("Commands cannot reach this pcenter through {path}: {detail}.")
    },
    socket_in_the_way: |path| {
        format!("{path} is in the way of the socket through which commands reach this pcenter, and is not a socket; move it away.")
    },
    socket_not_private: |path| format!("The socket {path} could not be made its owner's only."),
    serve_what: "say what to serve: --http ADDR (the REST API), --ssh ADDR (dashboards), or both",
    not_an_address: |typed| {
        format!("'{typed}' is not an address to listen on: give HOST:PORT, for example 127.0.0.1:8080 (port 0 picks a free one)")
    },
    cannot_listen: |address, error| format!("cannot listen on {address}: {error}"),
    server_failed: |error| format!("the server failed: {error}"),
    api_not_started: |error| format!("the HTTP API could not start ({error})"),
    no_commands_through_server: |error| format!("commands cannot run through this server: {error}"),
    api_at: |url, store| format!("Partner Center API at {url} on {store} (Ctrl-C to stop)"),
    ssh_at,
    reachable: |address, api| {
        let why = if api {
            "this API has no TLS: its tokens cross the network in clear"
        } else {
            "anyone who can reach it may try to sign in"
        };
        format!("warning: {address} is reachable from other machines; {why}.")
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_home_for_the_data_is_said_as_the_store_says_it() {
        let stored = crate::store::IoProblem::NoDataDir;
        assert_eq!(stored.to_string(), SHELL.no_data_dir);
    }

    #[test]
    fn choices_read_as_a_sentence() {
        let values = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(one_of(&values(&["table"])), "table");
        assert_eq!(
            one_of(&values(&["table", "json", "csv"])),
            "table, json or csv"
        );
    }
}
