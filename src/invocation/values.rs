//! The options' values as typed, checked before anything is opened. A refused value is a
//! `ValueProblem`: its `Display` is the English line, and each catalog words it (see
//! `ShellWords::value`) once the language of the command line is known.

use crate::domain::characters::quote;
use crate::domain::field_problem::FieldProblem;
use crate::domain::fields::{self, EARLIEST_ACCEPTANCE, LATEST_BUSINESS_DATE};
use crate::domain::role::Role;
use crate::domain::timeline::Environment;
use crate::locale::Lang;
use chrono::NaiveDate;
use clap::builder::{PossibleValue, TypedValueParser};
use std::ffi::OsStr;
use std::fmt;

/// Why an option's value (or `$USER`) cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueProblem {
    /// Not a date of the calendar (`--today`).
    Date(FieldProblem),
    /// A date before the Microsoft Cloud Agreement existed.
    DateBefore(NaiveDate),
    /// A date after `LATEST_BUSINESS_DATE`.
    DateAfter(NaiveDate),
    /// Not a span of time: the value as typed.
    DurationShape(String),
    /// A span shorter than a second or longer than a week: the value as typed.
    DurationRange(String),
    /// A text refused as a field is (an agent's or partner's name, a filter).
    Text(FieldProblem),
    /// No role of that name: the value as typed.
    Role(String),
    /// No language of that name: the value as typed.
    Lang(String),
    /// No environment of that name: the value as typed.
    Environment(String),
    /// Not a seat count: the value as typed.
    SeatCount(String),
    /// Not a whole number: the value as typed.
    NotWhole(String),
    /// More customers than `generate` makes: the digits.
    TooManyCustomers(String),
    /// More than a seed of 64 bits: the digits.
    SeedTooBig(String),
    /// `$USER` is not UTF-8 text.
    UserNotText,
    /// `$USER` names no agent: the user name, and why.
    UserCannotName { user: String, why: FieldProblem },
}

/// The business date's range, in the English lines.
fn date_range() -> String {
    format!("use a date from {EARLIEST_ACCEPTANCE} to {LATEST_BUSINESS_DATE}")
}

const FIX_USER: &str = "pass --agent NAME to name the agent";

impl fmt::Display for ValueProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ValueProblem as V;
        match self {
            V::Date(problem) | V::Text(problem) => write!(f, "{problem}"),
            V::DateBefore(date) => write!(
                f,
                "{date} is before the Microsoft Cloud Agreement existed, so no acceptance could ever be confirmed on it; {}.",
                date_range()
            ),
            V::DateAfter(date) => write!(f, "{date} is too far ahead; {}.", date_range()),
            V::DurationShape(value) => write!(
                f,
                "'{value}' is not a span of time: give minutes (30), or seconds, minutes or hours (90s, 2m, 1h)"
            ),
            V::DurationRange(value) => write!(
                f,
                "'{value}' is not a span from 1 second to a week (for example 30, 90s, 2h)"
            ),
            V::Role(value) => write!(
                f,
                "unknown role '{}': use admin-agent, sales-agent or helpdesk-agent.",
                quote(value)
            ),
            V::Lang(value) => match Lang::parse(value) {
                Err(said) => f.write_str(&said),
                Ok(_) => write!(f, "'{}' is not a language pcenter speaks.", quote(value)),
            },
            V::Environment(value) => match Environment::parse(value) {
                Err(said) => f.write_str(&said),
                Ok(_) => write!(f, "'{}' is not an environment.", quote(value)),
            },
            V::SeatCount(value) => write!(
                f,
                "'{}' is not a seat count: use a whole number of at most {} digits, for example 25.",
                quote(value),
                crate::domain::limits::QUANTITY_DIGITS
            ),
            V::NotWhole(value) => write!(
                f,
                "'{}' is not a whole number (digits only, for example 1000).",
                quote(value)
            ),
            V::TooManyCustomers(digits) => write!(
                f,
                "{} is more than generate makes: at most {} customers (a store of about 20 GB).",
                quote(digits),
                crate::domain::count::thousands(super::MOST_CUSTOMERS)
            ),
            V::SeedTooBig(digits) => write!(
                f,
                "{} is more than a seed can be: at most {}.",
                quote(digits),
                u64::MAX
            ),
            V::UserNotText => write!(
                f,
                "$USER is not UTF-8 text, so it cannot name the agent; {FIX_USER}."
            ),
            V::UserCannotName { user, why } => write!(
                f,
                "$USER ('{}') cannot name the agent: {why} Or {FIX_USER}.",
                quote(user)
            ),
        }
    }
}

impl std::error::Error for ValueProblem {}

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

/// What the checks of names and filters call the value, in English.
pub const NAME: &str = "Name";
pub const FILTER: &str = "The filter";

/// `--lang`: `en` or `ko` (see `Lang::parse`).
pub fn parse_lang(value: &str) -> Result<Lang, ValueProblem> {
    Lang::parse(value).map_err(|_| ValueProblem::Lang(value.trim().to_string()))
}

/// `--environment`: `production` or `sandbox` (see `Environment::parse`).
pub fn parse_environment(value: &str) -> Result<Environment, ValueProblem> {
    Environment::parse(value).map_err(|_| ValueProblem::Environment(value.trim().to_string()))
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
            parse_lang("fr").unwrap_err().to_string(),
            Lang::parse("fr").unwrap_err()
        );
        assert_eq!(
            parse_environment(" prod ").unwrap_err().to_string(),
            Environment::parse(" prod ").unwrap_err()
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
