//! Validation of single fields. Each check returns the cleaned value, or a message that says
//! what is wrong and how to fix it, written to stand next to the field.

use super::characters::{check_visible, quote, shown};
use chrono::NaiveDate;

pub const NAME_MAX: usize = 50;
pub const EMAIL_MAX: usize = 254;
pub const PHONE_MAX: usize = 25;

/// A required, trimmed text of at most `max` characters.
pub fn required_text(label: &str, value: &str, max: usize) -> Result<String, String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        // "Enter the city.", but "Enter address line 1.": a numbered line takes no article.
        let article = if label.ends_with(|c: char| c.is_ascii_digit()) {
            ""
        } else {
            "the "
        };
        return Err(format!("Enter {article}{}.", label.to_lowercase()));
    }
    optional_text(label, trimmed, max).map(|v| v.unwrap_or_default())
}

/// An optional, trimmed text of at most `max` characters; empty means absent.
pub fn optional_text(label: &str, value: &str, max: usize) -> Result<Option<String>, String> {
    let trimmed = value.trim();
    let length = trimmed.chars().count();
    if length > max {
        return Err(format!(
            "{label} can be at most {max} characters; this one has {length}."
        ));
    }
    check_visible(label, trimmed)?;
    Ok((!trimmed.is_empty()).then(|| trimmed.to_string()))
}

/// A person's first or last name.
pub fn person_name(label: &str, value: &str) -> Result<String, String> {
    required_text(label, value, NAME_MAX)
}

/// A well-formed email address: `local@domain.tld`, no spaces, a dotted domain.
pub fn email(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err("Enter the email address.".into());
    }
    let example = "Use the form name@example.com.";
    let length = value.chars().count();
    if length > EMAIL_MAX {
        return Err(format!(
            "An email address can be at most {EMAIL_MAX} characters; this one has {length}."
        ));
    }
    check_visible("An email address", value)?;
    if value.chars().any(char::is_whitespace) {
        return Err(format!("An email address cannot contain spaces. {example}"));
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return Err(format!("The email address needs an @. {example}"));
    };
    let ats = value.matches('@').count();
    if ats > 1 {
        return Err(format!(
            "An email address has one @; this one has {ats}. {example}"
        ));
    }
    if local.is_empty() {
        return Err(format!("Enter the name before the @. {example}"));
    }
    if domain.is_empty() {
        return Err(format!(
            "Enter the domain after the @, for example contoso.com. {example}"
        ));
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
        return Err(format!(
            "The part before the @ is not valid in an email address. {example}"
        ));
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
        return Err(format!(
            "The domain after the @ is not valid, for example contoso.com. {example}"
        ));
    }
    Ok(value.to_string())
}

/// An optional phone number: digits, spaces and `+ - ( ) .`, with 7 to 15 digits.
pub fn optional_phone(value: &str) -> Result<Option<String>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let length = value.chars().count();
    if length > PHONE_MAX {
        return Err(format!(
            "A phone number can be at most {PHONE_MAX} characters; this one has {length}."
        ));
    }
    check_visible("A phone number", value)?;
    if let Some(bad) = value
        .chars()
        .find(|c| !(c.is_ascii_digit() || " +-().".contains(*c)))
    {
        return Err(format!(
            "A phone number can hold only digits, spaces and + - ( ) . — remove '{}'.",
            shown(bad)
        ));
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if !(7..=15).contains(&digits) {
        return Err(format!(
            "A phone number has 7 to 15 digits; this one has {digits}."
        ));
    }
    Ok(Some(value.to_string()))
}

/// Parses a `YYYY-MM-DD` date that is a real calendar date.
pub fn calendar_date(value: &str) -> Result<NaiveDate, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err("Enter the date as YYYY-MM-DD, for example 2018-09-14.".into());
    }
    let parts: Vec<&str> = value.split('-').collect();
    let shaped = parts.len() == 3
        && [4, 2, 2]
            .iter()
            .zip(&parts)
            .all(|(n, p)| p.len() == *n && p.chars().all(|c| c.is_ascii_digit()));
    if !shaped {
        return Err(format!(
            "'{}' is not a date in the form YYYY-MM-DD, for example 2018-09-14.",
            quote(value)
        ));
    }
    let (y, m, d): (i32, u32, u32) = (
        parts[0].parse().unwrap_or(0),
        parts[1].parse().unwrap_or(0),
        parts[2].parse().unwrap_or(0),
    );
    if !(1..=12).contains(&m) {
        return Err(format!(
            "{value} is not a real date: months run from 01 to 12."
        ));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        let days = days_in_month(y, m);
        format!("{value} is not a real date: that month has {days} days.")
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
pub fn acceptance_date(value: &str, business_date: NaiveDate) -> Result<NaiveDate, String> {
    let date = not_in_the_future(calendar_date(value)?, business_date)?;
    if date < EARLIEST_ACCEPTANCE {
        return Err(format!(
            "{date} is before the Microsoft Cloud Agreement existed; use a date from {EARLIEST_ACCEPTANCE} on. Check the year."
        ));
    }
    Ok(date)
}

/// Refuses a date after the business date.
pub fn not_in_the_future(date: NaiveDate, business_date: NaiveDate) -> Result<NaiveDate, String> {
    if date > business_date {
        return Err(format!(
            "You cannot set this to a future date. Use {business_date} or earlier."
        ));
    }
    Ok(date)
}

#[cfg(test)]
mod tests;
