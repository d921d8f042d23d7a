//! The exit codes, said at the end of the help: every command's, and in the top-level help the
//! same list with the dashboard's own. One table, so the two lists cannot disagree.

use super::EXIT_TERMINAL;
use crate::api::error::exit;

/// Every status a command can end with, and what it means.
const COMMAND_CODES: [(u8, &str); 14] = [
    (0, "done"),
    (exit::USAGE, "bad option value"),
    (exit::STORE_IN_USE, "the store is in use by another pcenter"),
    (exit::STORE, "the store cannot be used"),
    (exit::INVALID, "invalid input (400)"),
    (exit::FORBIDDEN, "role not allowed (403)"),
    (exit::NOT_FOUND, "not found (404)"),
    (exit::CONFLICT, "same confirmation already exists (600061)"),
    (exit::BLOCKED, "blocked: confirmation required (13605)"),
    (exit::ROWS_REJECTED, "an import rejected some rows"),
    (exit::STORE_DAMAGED, "the store is damaged"),
    (
        exit::STORE_NEWER,
        "the store was written by a newer pcenter",
    ),
    (
        exit::OUTPUT,
        "the output cannot be written (the --out file, standard output or error)",
    ),
    (
        exit::PIPE_CLOSED,
        "the reader of the output stopped early (as | head does)",
    ),
];

/// Only the dashboard ends with these.
const DASHBOARD_CODE: (u8, &str) = (EXIT_TERMINAL, "no usable terminal");
const DASHBOARD_SIGNALS: &str =
    "the dashboard ends on SIGHUP with 129 and on SIGTERM with 143, its work saved";

fn listed<'a>(codes: impl Iterator<Item = &'a (u8, &'a str)>) -> String {
    let codes: Vec<String> = codes.map(|(code, what)| format!("{code} {what}")).collect();
    format!("Exit codes: {}", codes.join(", "))
}

/// The end of each command's `--help`.
pub fn of_commands() -> String {
    format!("{}.", listed(COMMAND_CODES.iter()))
}

/// The end of the top-level `--help`: the commands' codes with the dashboard's, in order.
pub fn of_everything() -> String {
    let mut codes = COMMAND_CODES.to_vec();
    codes.push(DASHBOARD_CODE);
    codes.sort_by_key(|(code, _)| *code);
    format!(
        "Without a command, opens the dashboard.\n\n{}; {DASHBOARD_SIGNALS}.",
        listed(codes.iter())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_commands_codes_in_order() {
        assert_eq!(
            of_commands(),
            "Exit codes: 0 done, 2 bad option value, 3 the store is in use by another pcenter, 4 the store cannot be used, 6 invalid input (400), 7 role not allowed (403), 8 not found (404), 9 same confirmation already exists (600061), 10 blocked: confirmation required (13605), 11 an import rejected some rows, 12 the store is damaged, 13 the store was written by a newer pcenter, 14 the output cannot be written (the --out file, standard output or error), 141 the reader of the output stopped early (as | head does)."
        );
    }

    #[test]
    fn the_top_level_help_has_the_commands_codes_with_the_dashboards() {
        assert_eq!(
            of_everything(),
            "Without a command, opens the dashboard.\n\nExit codes: 0 done, 2 bad option value, 3 the store is in use by another pcenter, 4 the store cannot be used, 5 no usable terminal, 6 invalid input (400), 7 role not allowed (403), 8 not found (404), 9 same confirmation already exists (600061), 10 blocked: confirmation required (13605), 11 an import rejected some rows, 12 the store is damaged, 13 the store was written by a newer pcenter, 14 the output cannot be written (the --out file, standard output or error), 141 the reader of the output stopped early (as | head does); the dashboard ends on SIGHUP with 129 and on SIGTERM with 143, its work saved."
        );
    }
}
