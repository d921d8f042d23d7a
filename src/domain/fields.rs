//! Validation of single fields. Each check returns the cleaned value, or the problem, which
//! each language says next to the field in its own words (see `field_problem`).

use super::characters::is_hidden;
use super::field_problem::{FieldProblem, Subject};
use chrono::NaiveDate;

pub const NAME_MAX: usize = 50;
pub const EMAIL_MAX: usize = 254;
pub const PHONE_MAX: usize = 25;

/// Refuses a value holding a hidden character (see `characters::is_hidden`).
pub fn check_visible(subject: Subject, value: &str) -> Result<(), FieldProblem> {
    match value.chars().find(|c| is_hidden(*c)) {
        Some(character) => Err(FieldProblem::Hidden { subject, character }),
        None => Ok(()),
    }
}

/// A required, trimmed text of at most `max` characters.
pub fn required_text(
    subject: impl Into<Subject>,
    value: &str,
    max: usize,
) -> Result<String, FieldProblem> {
    let subject = subject.into();
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(FieldProblem::Missing(subject));
    }
    optional_text(subject, trimmed, max).map(|v| v.unwrap_or_default())
}

/// An optional, trimmed text of at most `max` characters; empty means absent.
pub fn optional_text(
    subject: impl Into<Subject>,
    value: &str,
    max: usize,
) -> Result<Option<String>, FieldProblem> {
    let subject = subject.into();
    let trimmed = value.trim();
    let length = trimmed.chars().count();
    if length > max {
        return Err(FieldProblem::TooLong {
            subject,
            max,
            length,
        });
    }
    check_visible(subject, trimmed)?;
    Ok((!trimmed.is_empty()).then(|| trimmed.to_string()))
}

/// A person's first or last name.
pub fn person_name(subject: impl Into<Subject>, value: &str) -> Result<String, FieldProblem> {
    required_text(subject, value, NAME_MAX)
}

/// A well-formed email address: `local@domain.tld`, no spaces, a dotted domain.
pub fn email(value: &str) -> Result<String, FieldProblem> {
    let value = value.trim();
    if value.is_empty() {
        return Err(FieldProblem::Missing(Subject::Email));
    }
    let length = value.chars().count();
    if length > EMAIL_MAX {
        return Err(FieldProblem::TooLong {
            subject: Subject::Email,
            max: EMAIL_MAX,
            length,
        });
    }
    check_visible(Subject::Email, value)?;
    if value.chars().any(char::is_whitespace) {
        return Err(FieldProblem::EmailSpaces);
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return Err(FieldProblem::EmailNoAt);
    };
    let ats = value.matches('@').count();
    if ats > 1 {
        return Err(FieldProblem::EmailAts(ats));
    }
    if local.is_empty() {
        return Err(FieldProblem::EmailNoLocalPart);
    }
    if domain.is_empty() {
        return Err(FieldProblem::EmailNoDomain);
    }
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    if !local_ok {
        return Err(FieldProblem::EmailBadLocalPart);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let tld_ok = labels
        .last()
        .is_some_and(|t| t.chars().count() >= 2 && t.chars().all(char::is_alphabetic));
    if labels.len() < 2 || !labels.iter().all(label_ok) || !tld_ok {
        return Err(FieldProblem::EmailBadDomain);
    }
    Ok(value.to_string())
}

/// An optional phone number: digits, spaces and `+ - ( ) .`, with 7 to 15 digits.
pub fn optional_phone(value: &str) -> Result<Option<String>, FieldProblem> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let length = value.chars().count();
    if length > PHONE_MAX {
        return Err(FieldProblem::TooLong {
            subject: Subject::Phone,
            max: PHONE_MAX,
            length,
        });
    }
    check_visible(Subject::Phone, value)?;
    if let Some(bad) = value
        .chars()
        .find(|c| !(c.is_ascii_digit() || " +-().".contains(*c)))
    {
        return Err(FieldProblem::PhoneCharacter(bad));
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if !(7..=15).contains(&digits) {
        return Err(FieldProblem::PhoneDigits(digits));
    }
    Ok(Some(value.to_string()))
}

/// Parses a `YYYY-MM-DD` date that is a real calendar date.
pub fn calendar_date(value: &str) -> Result<NaiveDate, FieldProblem> {
    let value = value.trim();
    if value.is_empty() {
        return Err(FieldProblem::DateMissing);
    }
    let parts: Vec<&str> = value.split('-').collect();
    let shaped = parts.len() == 3
        && [4, 2, 2]
            .iter()
            .zip(&parts)
            .all(|(n, p)| p.len() == *n && p.chars().all(|c| c.is_ascii_digit()));
    if !shaped {
        return Err(FieldProblem::DateShape(value.to_string()));
    }
    let (y, m, d): (i32, u32, u32) = (
        parts[0].parse().unwrap_or(0),
        parts[1].parse().unwrap_or(0),
        parts[2].parse().unwrap_or(0),
    );
    if !(1..=12).contains(&m) {
        return Err(FieldProblem::DateMonth(value.to_string()));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| FieldProblem::DateDay {
        value: value.to_string(),
        days: days_in_month(y, m),
    })
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())
        .unwrap_or(28)
}

/// The earliest acceptance date there can be: the Microsoft Cloud Agreement came with the Cloud
/// Solution Provider program, launched in 2014. An earlier date is a typing error.
pub const EARLIEST_ACCEPTANCE: NaiveDate = match NaiveDate::from_ymd_opt(2014, 1, 1) {
    Some(date) => date,
    None => panic!("invalid constant date"),
};

/// The last business date pcenter takes: far enough for any use, near enough to be a real one.
/// Nothing is recorded after it.
pub const LATEST_BUSINESS_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(date) => date,
    None => panic!("invalid constant date"),
};

/// The agreement acceptance date: a real date, from 2014 on, not after the business date.
pub fn acceptance_date(value: &str, business_date: NaiveDate) -> Result<NaiveDate, FieldProblem> {
    let date = not_in_the_future(calendar_date(value)?, business_date)?;
    if date < EARLIEST_ACCEPTANCE {
        return Err(FieldProblem::BeforeTheAgreement(date));
    }
    Ok(date)
}

/// Refuses a date after the business date.
pub fn not_in_the_future(
    date: NaiveDate,
    business_date: NaiveDate,
) -> Result<NaiveDate, FieldProblem> {
    if date > business_date {
        return Err(FieldProblem::FutureDate { business_date });
    }
    Ok(date)
}

#[cfg(test)]
mod tests;
