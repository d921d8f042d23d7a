//! A command line that cannot be run, said in one line that names what to fix: the missing
//! arguments, the refused value, the unknown option. Every value repeated from the command line
//! is quoted the same way (hidden characters as escapes, at most 40 characters), built from the
//! parser's own record of what was typed rather than from its rendered text, which drops
//! escape sequences silently.

use crate::domain::characters::{quote, shown};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Command, Error};
use std::ffi::OsString;

/// What to print for a refused command line.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// One line, printed after "pcenter: ".
    Line(String),
    /// A command group given without one of its commands: its help, listing them.
    Help(String),
}

/// The longest line printed: a safety net for text that repeats a value without quoting it.
const LINE_MAX: usize = 300;

/// Explains `error`, raised while parsing `args` (the program name first) against `root`.
pub fn explain(error: &Error, root: &mut Command, args: &[OsString]) -> Refusal {
    root.build();
    let path = subcommand_path(root, args);
    if matches!(
        error.kind(),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let mut group = root.clone();
        for name in &path {
            match group.find_subcommand(name) {
                Some(sub) => group = sub.clone(),
                None => break,
            }
        }
        let help = group.bin_name(full_name(&path)).render_help();
        return Refusal::Help(help.to_string());
    }
    Refusal::Line(safe(&line(error, &path)))
}

/// "pcenter agreements create", or "pcenter" for the top level.
fn full_name(path: &[String]) -> String {
    std::iter::once("pcenter")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The subcommands named on the command line, in order: `["agreements", "create"]`. Values of
/// options are skipped, so `--agent agreements` names no subcommand.
fn subcommand_path(root: &Command, args: &[OsString]) -> Vec<String> {
    let mut path = Vec::new();
    let mut current = root;
    let mut args = args.iter().skip(1);
    while let Some(arg) = args.next() {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            if !long.contains('=') && takes_value(current, long) {
                args.next();
            }
            continue;
        }
        if arg.starts_with('-') {
            continue;
        }
        if let Some(sub) = current.find_subcommand(arg) {
            path.push(sub.get_name().to_string());
            current = sub;
        }
    }
    path
}

fn takes_value(command: &Command, long: &str) -> bool {
    command
        .get_arguments()
        .any(|arg| arg.get_long() == Some(long) && arg.get_action().takes_values())
}

fn context(error: &Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::Strings(texts) => texts.first().cloned(),
        _ => None,
    }
}

fn contexts(error: &Error, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::Strings(texts)) => texts.clone(),
        Some(ContextValue::String(text)) => vec![text.clone()],
        _ => Vec::new(),
    }
}

/// `--today <YYYY-MM-DD>` as the option alone: `--today`.
fn option_name(arg: &str) -> &str {
    arg.split_whitespace().next().unwrap_or(arg)
}

/// "a, b or c".
fn one_of(values: &[String]) -> String {
    match values {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

fn line(error: &Error, path: &[String]) -> String {
    let who = if path.is_empty() {
        "pcenter".to_string()
    } else {
        path.join(" ")
    };
    let see_help = format!("see {} --help", full_name(path));
    let arg = context(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(error, ContextKind::InvalidValue).unwrap_or_default();
    // clap lists its suggestions least similar first.
    let suggestion = |kind| {
        contexts(error, kind)
            .last()
            .map(|s| format!(" (did you mean '{}'?)", option_name(s)))
            .unwrap_or_default()
    };
    match error.kind() {
        ErrorKind::MissingRequiredArgument => {
            let missing = contexts(error, ContextKind::InvalidArg);
            format!("{who} needs {}; {see_help}", missing.join(", "))
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("{} needs a value; {see_help}", option_name(&arg))
        }
        ErrorKind::InvalidValue => {
            let valid = contexts(error, ContextKind::ValidValue);
            let choices = if valid.is_empty() {
                String::new()
            } else {
                format!(": use {}", one_of(&valid))
            };
            format!(
                "{} cannot be '{}'{choices}.",
                option_name(&arg),
                quote(&value)
            )
        }
        // The value parsers' messages quote the value themselves where it helps.
        ErrorKind::ValueValidation => match std::error::Error::source(error) {
            Some(source) => format!("{}: {source}", option_name(&arg)),
            None => format!("{} cannot be '{}'.", option_name(&arg), quote(&value)),
        },
        ErrorKind::UnknownArgument => format!(
            "{} '{}'{}; {see_help}",
            if path.is_empty() {
                "unknown option".to_string()
            } else {
                format!("{who} does not take")
            },
            quote(&arg),
            suggestion(ContextKind::SuggestedArg)
        ),
        ErrorKind::InvalidSubcommand => format!(
            "{} '{}'{}; {see_help}",
            if path.is_empty() {
                "unknown command".to_string()
            } else {
                format!("{who} has no command")
            },
            quote(&context(error, ContextKind::InvalidSubcommand).unwrap_or_default()),
            suggestion(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::ArgumentConflict => {
            let prior = context(error, ContextKind::PriorArg).unwrap_or_default();
            if prior.is_empty() || prior == arg {
                format!("{} can be given only once; {see_help}", option_name(&arg))
            } else {
                format!(
                    "{} cannot be used with {}; {see_help}",
                    option_name(&arg),
                    option_name(&prior)
                )
            }
        }
        ErrorKind::TooManyValues => format!(
            "{who} does not take '{}' after {}; {see_help}",
            quote(&value),
            option_name(&arg)
        ),
        _ => {
            // Kinds that repeat no value: the parser's own first line.
            let text = error.to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            format!("{}; {see_help}", first.trim_start_matches("error: "))
        }
    }
}

/// The line escaped, and cut in its middle when very long, so that the start (the option) and
/// the end (the way out) stay.
fn safe(line: &str) -> String {
    let shown: Vec<String> = line.chars().map(shown).collect();
    if shown.len() <= LINE_MAX {
        return shown.concat();
    }
    let half = LINE_MAX / 2;
    format!(
        "{} … {}",
        shown[..half].concat(),
        shown[shown.len() - half..].concat()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_read_as_a_sentence() {
        let values = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(one_of(&values(&["table"])), "table");
        assert_eq!(
            one_of(&values(&["table", "json", "csv"])),
            "table, json or csv"
        );
    }

    #[test]
    fn a_long_line_keeps_its_start_and_end() {
        let long = format!("start {} end", "x\u{1b}".repeat(400));
        let cut = safe(&long);
        assert!(cut.starts_with("start x\\u{1b}x"), "{cut}");
        assert!(cut.ends_with(" end"), "{cut}");
        assert!(!cut.contains('\u{1b}'));
        assert_eq!(safe("short"), "short");
    }
}
