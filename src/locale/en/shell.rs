//! The process's own lines: refused command lines and values, and what the shell, the server
//! and the owner of a store say.

use crate::locale::words::ShellWords;

pub const SHELL: ShellWords = ShellWords {
    usage: crate::cli::usage_english,
    value: |problem| problem.to_string(),
    no_data_dir: "cannot find a home directory for the data; pass --data-dir DIR",
    terminal_error: |error| format!("terminal error: {error}"),
    server_went_away: "the server went away; what was saved stays saved.",
};
