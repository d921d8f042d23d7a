//! How one run of the binary chooses its language: an option, or the environment's locale,
//! with none of the environment's own language variables inherited.

use std::process::Command;

/// What the language is chosen by in one run.
#[derive(Debug, Clone, Copy)]
pub enum Speaking {
    /// `--lang CODE` before the command's arguments.
    Option(&'static str),
    /// `--lang=CODE` after them.
    OptionAfter(&'static str),
    /// `(variable, value)` pairs of the environment.
    Locale(&'static [(&'static str, &'static str)]),
}

pub const KO: Speaking = Speaking::Option("ko");
pub const EN: Speaking = Speaking::Option("en");
pub const KO_LOCALE: Speaking = Speaking::Locale(&[("LANG", "ko_KR.UTF-8")]);
pub const C_OVER_KO: Speaking = Speaking::Locale(&[("LANG", "ko_KR.UTF-8"), ("LC_ALL", "C")]);

/// The variables a language is read from.
const LANGUAGE_VARIABLES: [&str; 4] = ["PCENTER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];

impl Speaking {
    /// Adds `args` to `command`, speaking so, and nothing else of the environment's language.
    pub fn with_args(self, command: &mut Command, args: &[&str]) {
        for var in LANGUAGE_VARIABLES {
            command.env_remove(var);
        }
        match self {
            Speaking::Option(code) => {
                command.args(["--lang", code]).args(args);
            }
            Speaking::OptionAfter(code) => {
                command.args(args).arg(format!("--lang={code}"));
            }
            Speaking::Locale(pairs) => {
                command.envs(pairs.iter().copied()).args(args);
            }
        }
    }
}
