//! What is wrong with a command line, as data: a usage that cannot be run (`UsageProblem`) and
//! an option's value that cannot be used (`ValueProblem`). Each language says them in its own
//! words (`ShellWords`); `ValueProblem`'s `Display` is the English sentence.

use super::characters::quote;
use super::field_problem::FieldProblem;
use super::fields::{EARLIEST_ACCEPTANCE, LATEST_BUSINESS_DATE};
use chrono::NaiveDate;
use std::fmt;

/// What the checks of names and filters call the value, in English.
pub const NAME: &str = "Name";
pub const FILTER: &str = "The filter";

/// What is wrong with a command line, each value already quoted as it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageProblem {
    /// Arguments the command requires (`who`: "agreements create", or "pcenter").
    Needs { who: String, missing: Vec<String> },
    /// An option given without its value.
    NeedsValue { option: String },
    /// A value outside the option's fixed set (`choices`, none when the set is not told).
    CannotBe {
        option: String,
        value: String,
        choices: Vec<String>,
    },
    /// A value its option's check refused, and why.
    Refused { option: String, why: ValueProblem },
    /// A value refused for a reason the check gave in words of its own (English).
    RefusedSaying { option: String, why: String },
    /// A value refused with no reason given.
    RefusedValue { option: String, value: String },
    /// An option (or argument) the command does not take; `who` is `None` at the top level.
    UnknownArgument {
        who: Option<String>,
        argument: String,
        suggestion: Option<String>,
    },
    /// A command that does not exist; `who` (the command group) is `None` at the top level.
    UnknownCommand {
        who: Option<String>,
        name: String,
        suggestion: Option<String>,
    },
    /// An option given twice.
    OnlyOnce { option: String },
    /// Two options that exclude each other.
    Conflict { option: String, other: String },
    /// A value after an option that takes none.
    NothingAfter {
        who: String,
        value: String,
        option: String,
    },
    /// An argument that is not UTF-8 text.
    NotText { said: String },
    /// Any other refusal: the parser's own first line (English).
    Other { said: String },
}

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
    /// More customers than `generate` makes (`most`): the digits.
    TooManyCustomers { digits: String, most: usize },
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
            V::Lang(value) => write!(
                f,
                "'{value}' is not a language pcenter speaks; use en (English) or ko (한국어)."
            ),
            V::Environment(value) => write!(
                f,
                "'{}' is not an environment: use production or sandbox.",
                quote(value)
            ),
            V::SeatCount(value) => write!(
                f,
                "'{}' is not a seat count: use a whole number of at most {} digits, for example 25.",
                quote(value),
                super::limits::QUANTITY_DIGITS
            ),
            V::NotWhole(value) => write!(
                f,
                "'{}' is not a whole number (digits only, for example 1000).",
                quote(value)
            ),
            V::TooManyCustomers { digits, most } => write!(
                f,
                "{} is more than generate makes: at most {} customers (a store of about 20 GB).",
                quote(digits),
                super::count::thousands(*most)
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
