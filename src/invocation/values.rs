//! The options' values as typed, checked before anything is opened. A refused value is a
//! `ValueProblem`: its `Display` is the English line, and each catalog words it (see
//! `ShellWords::value`) once the language of the command line is known.

pub use crate::domain::command_line::{ValueProblem, FILTER, NAME};
use crate::domain::fields::{self, EARLIEST_ACCEPTANCE, LATEST_BUSINESS_DATE};
use crate::domain::role::Role;
use crate::domain::timeline::Environment;
use crate::locale::Lang;
use chrono::NaiveDate;
use clap::builder::{PossibleValue, TypedValueParser};
use std::ffi::OsStr;

impl ValueProblem {
    /// The problem in `lang`.
    pub fn said_in(&self, lang: Lang) -> String {
        (lang.words().shell.value)(self)
    }
}

/// The business date: a real date from the Microsoft Cloud Agreement's start to 2100.
pub fn parse_date(value: &str) -> Result<NaiveDate, ValueProblem> {
    let date = fields::calendar_date(value).map_err(ValueProblem::Date)?;
    if date < EARLIEST_ACCEPTANCE {
        return Err(ValueProblem::DateBefore(date));
    }
    if date > LATEST_BUSINESS_DATE {
        return Err(ValueProblem::DateAfter(date));
    }
    Ok(date)
}

/// A span of time: minutes (`30`), or a number with `s`, `m` or `h` (`90s`, `2h`); at least a
/// second, at most a week.
pub fn parse_duration(value: &str) -> Result<std::time::Duration, ValueProblem> {
    let text = value.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => text.split_at(at),
        None => (text, "m"),
    };
    let seconds_per = match unit.trim() {
        "s" => 1,
        "m" | "min" => 60,
        "h" => 3600,
        _ => return Err(ValueProblem::DurationShape(value.to_string())),
    };
    let seconds = number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(seconds_per))
        .filter(|s| (1..=7 * 24 * 3600).contains(s))
        .ok_or_else(|| ValueProblem::DurationRange(value.to_string()))?;
    Ok(std::time::Duration::from_secs(seconds))
}

/// The text of `customers list --filter`, as the Customers filter box takes it.
pub fn parse_filter(value: &str) -> Result<String, ValueProblem> {
    fields::optional_text(FILTER, value, crate::domain::limits::FILTER_CHARS)
        .map(Option::unwrap_or_default)
        .map_err(ValueProblem::Text)
}

/// `--lang`: `en` or `ko` (see `Lang::parse`).
pub fn parse_lang(value: &str) -> Result<Lang, ValueProblem> {
    Lang::parse(value)
}

/// `--environment`: `production` or `sandbox` (see `Environment::parse`).
pub fn parse_environment(value: &str) -> Result<Environment, ValueProblem> {
    Environment::parse(value).ok_or_else(|| ValueProblem::Environment(value.trim().to_string()))
}

/// `--role`: checked by `parse_role`, and listing its values in the help as a fixed set does.
#[derive(Debug, Clone, Copy)]
pub struct RoleParser;

impl TypedValueParser for RoleParser {
    type Value = Role;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Role, clap::Error> {
        let parse: fn(&str) -> Result<Role, ValueProblem> = parse_role;
        parse.parse_ref(command, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            Role::ALL
                .into_iter()
                .map(|role| PossibleValue::new(role.cli_name())),
        ))
    }
}

pub fn parse_role(value: &str) -> Result<Role, ValueProblem> {
    value
        .parse()
        .map_err(|_| ValueProblem::Role(value.to_string()))
}

pub fn parse_agent(value: &str) -> Result<String, ValueProblem> {
    fields::required_text(NAME, value, fields::NAME_MAX).map_err(ValueProblem::Text)
}

/// The agent's name when `--agent` is not given: the user name (`$USER`), checked as `--agent`
/// is; `None` when there is none, and the agent is then "Partner agent".
pub fn agent_from_user(user: Option<std::ffi::OsString>) -> Result<Option<String>, ValueProblem> {
    let Some(user) = user else {
        return Ok(None);
    };
    let Some(user) = user.to_str() else {
        return Err(ValueProblem::UserNotText);
    };
    if user.trim().is_empty() {
        return Ok(None);
    }
    parse_agent(user).map(Some).map_err(|why| match why {
        ValueProblem::Text(why) => ValueProblem::UserCannotName {
            user: user.to_string(),
            why,
        },
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_lines_of_refused_values_are_the_checks_own() {
        assert_eq!(
            parse_environment(" prod ").unwrap_err().to_string(),
            "'prod' is not an environment: use production or sandbox."
        );
        assert_eq!(
            parse_date("2013-01-01").unwrap_err().to_string(),
            "2013-01-01 is before the Microsoft Cloud Agreement existed, so no acceptance could ever be confirmed on it; use a date from 2014-01-01 to 2100-12-31."
        );
        assert_eq!(
            parse_role("boss").unwrap_err().to_string(),
            "unknown role 'boss': use admin-agent, sales-agent or helpdesk-agent."
        );
        assert_eq!(
            agent_from_user(Some("a\u{1b}".into())).unwrap_err().to_string(),
            "$USER ('a\\u{1b}') cannot name the agent: Name cannot contain the control character U+001B; remove it. Or pass --agent NAME to name the agent."
        );
    }
}
