//! The diagnostics log under the data directory: what the commands and the dashboard write to
//! it, contact details masked, its mode, and never a line of it on the dashboard's terminal.

mod binary;
#[path = "diagnostics/commands.rs"]
mod commands;
#[cfg(unix)]
#[path = "diagnostics/dashboard.rs"]
mod dashboard;
#[cfg(unix)]
mod pty;

use std::path::Path;
use std::process::{Command, Output};

pub const TODAY: &str = "2018-11-14";

/// pcenter on the demo store under `data`, with none of its environment variables inherited.
pub fn pcenter(data: &Path) -> Command {
    binary::pcenter_at(
        data,
        &["--demo", "--today", TODAY, "--agent", "Megan Bowen"],
    )
}

pub fn run(data: &Path, args: &[&str]) -> Output {
    pcenter(data).args(args).output().expect("run pcenter")
}

/// The log under `data`.
pub fn log(data: &Path) -> String {
    std::fs::read_to_string(data.join("pcenter.log")).expect("the log exists")
}
