//! The options' values as typed, checked before anything is opened.

use crate::domain::characters::quote;
use crate::domain::fields::{self, EARLIEST_ACCEPTANCE, LATEST_BUSINESS_DATE};
use crate::domain::role::Role;
use chrono::NaiveDate;
use clap::builder::{PossibleValue, TypedValueParser};
use std::ffi::OsStr;

/// The business date: a real date from the Microsoft Cloud Agreement's start to 2100.
pub fn parse_date(value: &str) -> Result<NaiveDate, String> {
    let date = fields::calendar_date(value)?;
    let range = format!("use a date from {EARLIEST_ACCEPTANCE} to {LATEST_BUSINESS_DATE}");
    if date < EARLIEST_ACCEPTANCE {
        return Err(format!(
            "{date} is before the Microsoft Cloud Agreement existed, so no acceptance could ever be confirmed on it; {range}."
        ));
    }
    if date > LATEST_BUSINESS_DATE {
        return Err(format!("{date} is too far ahead; {range}."));
    }
    Ok(date)
}

/// A span of time: minutes (`30`), or a number with `s`, `m` or `h` (`90s`, `2h`); at least a
/// second, at most a week.
pub fn parse_duration(value: &str) -> Result<std::time::Duration, String> {
    let text = value.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => text.split_at(at),
        None => (text, "m"),
    };
    let seconds_per = match unit.trim() {
        "s" => 1,
        "m" | "min" => 60,
        "h" => 3600,
        _ => {
            return Err(format!(
                "'{value}' is not a span of time: give minutes (30), or seconds, minutes or hours (90s, 2m, 1h)"
            ))
        }
    };
    let seconds = number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(seconds_per))
        .filter(|s| (1..=7 * 24 * 3600).contains(s))
        .ok_or_else(|| {
            format!("'{value}' is not a span from 1 second to a week (for example 30, 90s, 2h)")
        })?;
    Ok(std::time::Duration::from_secs(seconds))
}

/// The text of `customers list --filter`, as the Customers filter box takes it.
pub fn parse_filter(value: &str) -> Result<String, String> {
    fields::optional_text("The filter", value, crate::domain::limits::FILTER_CHARS)
        .map(Option::unwrap_or_default)
        .map_err(String::from)
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
        let parse: fn(&str) -> Result<Role, String> = parse_role;
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

pub fn parse_role(value: &str) -> Result<Role, String> {
    value.parse().map_err(|_| {
        format!(
            "unknown role '{}': use admin-agent, sales-agent or helpdesk-agent.",
            quote(value)
        )
    })
}

pub fn parse_agent(value: &str) -> Result<String, String> {
    fields::required_text("Name", value, fields::NAME_MAX).map_err(String::from)
}

/// The agent's name when `--agent` is not given: the user name (`$USER`), checked as `--agent`
/// is; `None` when there is none, and the agent is then "Partner agent".
pub fn agent_from_user(user: Option<std::ffi::OsString>) -> Result<Option<String>, String> {
    let Some(user) = user else {
        return Ok(None);
    };
    let fix = "pass --agent NAME to name the agent";
    let Some(user) = user.to_str() else {
        return Err(format!(
            "$USER is not UTF-8 text, so it cannot name the agent; {fix}."
        ));
    };
    if user.trim().is_empty() {
        return Ok(None);
    }
    parse_agent(user).map(Some).map_err(|why| {
        format!(
            "$USER ('{}') cannot name the agent: {} Or {fix}.",
            quote(user),
            why
        )
    })
}
