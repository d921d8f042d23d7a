//! A command line that cannot be run, said in one line that names what to fix: the missing
//! arguments, the refused value, the unknown option. Every value repeated from the command line
//! is quoted the same way (hidden characters as escapes, at most 40 characters), built from the
//! parser's own record of what was typed rather than from its rendered text, which drops
//! escape sequences silently. The line is worded by the catalog of the language the command
//! line asks for (`UsageProblem`, `ShellWords::usage`).

use crate::domain::characters::{quote, shown};
pub use crate::domain::command_line::UsageProblem;
use crate::domain::command_line::ValueProblem;
use crate::locale::Lang;
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

/// Explains `error`, raised while parsing `args` (the program name first) against `root`, in
/// `lang`.
pub fn explain(error: &Error, root: &mut Command, args: &[OsString], lang: Lang) -> Refusal {
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
    let said = (lang.words().shell.usage)(&problem(error, &path), &full_name(&path));
    Refusal::Line(safe(&said))
}

/// The language of a command line that could not be parsed, as `Options::lang` would have
/// chosen it: the last `--lang` (`--lang ko`, `--lang=ko`) that names a language, then
/// `PCENTER_LANG`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`); `var` reads the
/// environment.
pub fn lang_of(args: &[OsString], var: impl Fn(&str) -> Option<String>) -> Lang {
    let mut given = None;
    let mut args = args.iter().skip(1).map(|arg| arg.to_str());
    while let Some(arg) = args.next() {
        let value = match arg {
            Some("--") => break,
            Some("--lang") => args.next().flatten(),
            Some(arg) => arg.strip_prefix("--lang="),
            None => None,
        };
        if let Some(lang) = value.and_then(|value| Lang::parse(value).ok()) {
            given = Some(lang);
        }
    }
    given
        .or_else(|| var("PCENTER_LANG").and_then(|value| Lang::parse(&value).ok()))
        .unwrap_or_else(|| Lang::of_environment(var))
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

fn problem(error: &Error, path: &[String]) -> UsageProblem {
    use UsageProblem as U;
    let who = if path.is_empty() {
        "pcenter".to_string()
    } else {
        path.join(" ")
    };
    let group = (!path.is_empty()).then(|| who.clone());
    let arg = context(error, ContextKind::InvalidArg).unwrap_or_default();
    let option = option_name(&arg).to_string();
    let value = context(error, ContextKind::InvalidValue).unwrap_or_default();
    // clap lists its suggestions least similar first.
    let suggestion = |kind| {
        contexts(error, kind)
            .last()
            .map(|s| option_name(s).to_string())
    };
    match error.kind() {
        ErrorKind::MissingRequiredArgument => U::Needs {
            who,
            missing: contexts(error, ContextKind::InvalidArg),
        },
        ErrorKind::InvalidValue if value.is_empty() => U::NeedsValue { option },
        ErrorKind::InvalidValue => U::CannotBe {
            option,
            value: quote(&value),
            choices: contexts(error, ContextKind::ValidValue),
        },
        // The value parsers' messages quote the value themselves where it helps.
        ErrorKind::ValueValidation => match std::error::Error::source(error) {
            Some(source) => match source.downcast_ref::<ValueProblem>() {
                Some(why) => U::Refused {
                    option,
                    why: why.clone(),
                },
                None => U::RefusedSaying {
                    option,
                    why: source.to_string(),
                },
            },
            None => U::RefusedValue {
                option,
                value: quote(&value),
            },
        },
        ErrorKind::UnknownArgument => U::UnknownArgument {
            who: group,
            argument: quote(&arg),
            suggestion: suggestion(ContextKind::SuggestedArg),
        },
        ErrorKind::InvalidSubcommand => U::UnknownCommand {
            who: group,
            name: quote(&context(error, ContextKind::InvalidSubcommand).unwrap_or_default()),
            suggestion: suggestion(ContextKind::SuggestedSubcommand),
        },
        ErrorKind::ArgumentConflict => {
            let prior = context(error, ContextKind::PriorArg).unwrap_or_default();
            if prior.is_empty() || prior == arg {
                U::OnlyOnce { option }
            } else {
                U::Conflict {
                    option,
                    other: option_name(&prior).to_string(),
                }
            }
        }
        ErrorKind::TooManyValues => U::NothingAfter {
            who,
            value: quote(&value),
            option,
        },
        kind => {
            // Kinds that repeat no value: the parser's own first line.
            let text = error.to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            let said = first.trim_start_matches("error: ").to_string();
            if kind == ErrorKind::InvalidUtf8 {
                U::NotText { said }
            } else {
                U::Other { said }
            }
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

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("pcenter")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn a_refused_command_line_speaks_the_lang_option_then_pcenter_lang_then_the_locale() {
        let korean = env(&[("LANG", "ko_KR.UTF-8")]);
        let lang = |list: &[&str], env: &dyn Fn(&str) -> Option<String>| lang_of(&args(list), env);
        assert_eq!(lang(&["--lang", "ko", "--bogus"], &env(&[])), Lang::Korean);
        assert_eq!(lang(&["--bogus", "--lang=ko"], &env(&[])), Lang::Korean);
        assert_eq!(lang(&["--lang=KO-kr", "x"], &env(&[])), Lang::Korean);
        assert_eq!(lang(&["--lang", "en", "--bogus"], &korean), Lang::English);
        // The last --lang that names a language counts; one that names none does not.
        assert_eq!(
            lang(&["--lang", "ko", "--lang", "fr"], &env(&[])),
            Lang::Korean
        );
        assert_eq!(
            lang(&["--lang", "ko", "--lang=en"], &env(&[])),
            Lang::English
        );
        assert_eq!(lang(&["--lang", "fr"], &korean), Lang::Korean);
        assert_eq!(lang(&["--lang"], &korean), Lang::Korean);
        // After "--" nothing is an option.
        assert_eq!(lang(&["--", "--lang", "ko"], &env(&[])), Lang::English);
        // Without --lang: PCENTER_LANG, then LC_ALL, LC_MESSAGES and LANG.
        assert_eq!(
            lang(&["--bogus"], &env(&[("PCENTER_LANG", "ko")])),
            Lang::Korean
        );
        assert_eq!(
            lang(
                &["--bogus"],
                &env(&[("PCENTER_LANG", "en"), ("LANG", "ko_KR.UTF-8")])
            ),
            Lang::English
        );
        assert_eq!(
            lang(
                &["--bogus"],
                &env(&[("PCENTER_LANG", "fr"), ("LANG", "ko_KR.UTF-8")])
            ),
            Lang::Korean
        );
        assert_eq!(lang(&["--bogus"], &korean), Lang::Korean);
        assert_eq!(
            lang(
                &["--bogus"],
                &env(&[("LANG", "ko_KR.UTF-8"), ("LC_ALL", "C")])
            ),
            Lang::English
        );
        assert_eq!(lang(&["--bogus"], &env(&[])), Lang::English);
    }

    #[test]
    fn every_refusal_of_the_command_line_is_worded_in_each_language() {
        let mut root = crate::cli::command();
        let refused = |list: &[&str], root: &mut Command, lang: Lang| {
            let args = args(list);
            let error = root.try_get_matches_from_mut(&args).unwrap_err();
            match explain(&error, root, &args, lang) {
                Refusal::Line(line) => line,
                Refusal::Help(help) => panic!("help for {list:?}: {help}"),
            }
        };
        let cases: [(&[&str], &str, &str); 9] = [
            (&["--bogus"], "unknown option '--bogus'", "'--bogus'은(는) 알 수 없는 옵션입니다."),
            (&["bogus"], "unknown command 'bogus'", "'bogus'은(는) 알 수 없는 명령입니다."),
            (&["--today"], "--today needs a value", "--today 옵션에는 값이 필요합니다."),
            (
                &["customers", "list", "--format", "xml"],
                "--format cannot be 'xml': use table, json or csv.",
                "--format 옵션에는 'xml'을(를) 사용할 수 없습니다. table, json, csv 중 하나를 사용하십시오.",
            ),
            (
                &["--today", "2013-01-01"],
                "--today: 2013-01-01 is before",
                "--today: 2013-01-01은 Microsoft 클라우드 계약이 생기기 전이므로",
            ),
            (
                &["customers", "show"],
                "customers show needs <CUSTOMER>; see pcenter customers show --help",
                "customers show 명령에는 <CUSTOMER>이(가) 필요합니다. 자세한 내용은 pcenter customers show --help를 참조하십시오.",
            ),
            (
                &["customers", "list", "--format", "csv", "--format", "json"],
                "--format can be given only once",
                "--format 옵션은 한 번만 지정할 수 있습니다.",
            ),
            (
                &["agreements", "create", "--json", "x", "--email", "a@b.c"],
                "--json cannot be used with --email",
                "--json 옵션은 --email 옵션과 함께 사용할 수 없습니다.",
            ),
            (
                &["--demo=yes"],
                "pcenter does not take 'yes' after --demo",
                "pcenter 명령에서 --demo 옵션 뒤에는 'yes'을(를) 사용할 수 없습니다.",
            ),
        ];
        for (list, english, korean) in cases {
            let line = refused(list, &mut root, Lang::English);
            assert!(line.contains(english), "{list:?}: {line}");
            let line = refused(list, &mut root, Lang::Korean);
            assert!(line.contains(korean), "{list:?}: {line}");
        }
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
