//! Validation of single fields. Each check returns the cleaned value, or a message that says
//! what is wrong and how to fix it, written to stand next to the field.

use chrono::NaiveDate;

pub const NAME_MAX: usize = 50;
pub const EMAIL_MAX: usize = 254;
pub const PHONE_MAX: usize = 25;

/// A required, trimmed text of at most `max` characters.
pub fn required_text(label: &str, value: &str, max: usize) -> Result<String, String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(format!("Enter the {}.", label.to_lowercase()));
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
    if trimmed.chars().any(char::is_control) {
        return Err(format!("{label} cannot contain control characters."));
    }
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
    if value.chars().count() > EMAIL_MAX {
        return Err(format!(
            "An email address can be at most {EMAIL_MAX} characters."
        ));
    }
    if value.chars().any(char::is_whitespace) {
        return Err(format!("An email address cannot contain spaces. {example}"));
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return Err(format!("The email address needs an @. {example}"));
    };
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
    if value.chars().count() > PHONE_MAX {
        return Err(format!(
            "A phone number can be at most {PHONE_MAX} characters."
        ));
    }
    if let Some(bad) = value
        .chars()
        .find(|c| !(c.is_ascii_digit() || " +-().".contains(*c)))
    {
        return Err(format!(
            "A phone number can hold only digits, spaces and + - ( ) . — remove '{}'.",
            bad.escape_default()
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
            "'{value}' is not a date in the form YYYY-MM-DD, for example 2018-09-14."
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

/// The agreement acceptance date: a real date, not after the business date.
pub fn acceptance_date(value: &str, business_date: NaiveDate) -> Result<NaiveDate, String> {
    not_in_the_future(calendar_date(value)?, business_date)
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
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn names_are_required_and_trimmed() {
        assert_eq!(person_name("First name", "  Ada "), Ok("Ada".into()));
        assert_eq!(
            person_name("First name", "   "),
            Err("Enter the first name.".into())
        );
        assert_eq!(
            person_name("Last name", ""),
            Err("Enter the last name.".into())
        );
    }

    #[test]
    fn names_have_a_maximum_length_that_the_message_states() {
        let long = "x".repeat(NAME_MAX + 1);
        let err = person_name("First name", &long).unwrap_err();
        assert!(err.contains("at most 50"), "{err}");
        assert!(person_name("First name", &"x".repeat(NAME_MAX)).is_ok());
    }

    #[test]
    fn names_keep_accents_and_wide_characters() {
        assert_eq!(person_name("Last name", "김민준"), Ok("김민준".into()));
        assert_eq!(person_name("First name", "Zoë"), Ok("Zoë".into()));
    }

    #[test]
    fn well_formed_emails_are_accepted() {
        for ok in [
            "ada@contoso.com",
            "first.last+tag@mail.contoso.co.uk",
            "o'brien@fabrikam.ie",
            " padded@contoso.com ",
        ] {
            assert!(email(ok).is_ok(), "{ok}");
        }
        assert_eq!(email(" a@b.io "), Ok("a@b.io".into()));
    }

    #[test]
    fn malformed_emails_are_rejected_with_a_reason() {
        for (bad, fragment) in [
            ("", "Enter the email"),
            ("ada.contoso.com", "needs an @"),
            ("ada@", "domain after the @"),
            ("@contoso.com", "before the @"),
            ("ada@contoso", "domain after the @"),
            ("ada@contoso.c", "domain after the @"),
            ("ada lovelace@contoso.com", "spaces"),
            ("ada..l@contoso.com", "before the @"),
            ("ada@-contoso.com", "domain after the @"),
            ("ada@contoso..com", "domain after the @"),
        ] {
            let err = email(bad).unwrap_err();
            assert!(err.contains(fragment), "{bad}: {err}");
        }
    }

    #[test]
    fn phone_is_optional_but_checked_when_given() {
        assert_eq!(optional_phone(""), Ok(None));
        assert_eq!(optional_phone("   "), Ok(None));
        assert_eq!(
            optional_phone("+1 (425) 555-0100"),
            Ok(Some("+1 (425) 555-0100".into()))
        );
        assert_eq!(
            optional_phone("02.12.34.56.78"),
            Ok(Some("02.12.34.56.78".into()))
        );
    }

    #[test]
    fn phone_rejects_letters_and_wrong_digit_counts() {
        assert!(optional_phone("555-CALL-NOW")
            .unwrap_err()
            .contains("remove 'C'"));
        assert!(optional_phone("123456")
            .unwrap_err()
            .contains("this one has 6"));
        assert!(optional_phone("1234567").is_ok());
        assert!(optional_phone("123456789012345").is_ok());
        assert!(optional_phone("1234567890123456")
            .unwrap_err()
            .contains("16"));
    }

    #[test]
    fn dates_must_be_real_and_in_iso_form() {
        assert_eq!(calendar_date("2018-09-14"), Ok(d("2018-09-14")));
        assert!(calendar_date("2018-02-30").unwrap_err().contains("28 days"));
        assert!(calendar_date("2020-02-30").unwrap_err().contains("29 days"));
        assert!(calendar_date("2018-13-01")
            .unwrap_err()
            .contains("01 to 12"));
        assert!(calendar_date("18-9-1").unwrap_err().contains("YYYY-MM-DD"));
        assert!(calendar_date("14/09/2018")
            .unwrap_err()
            .contains("YYYY-MM-DD"));
        assert!(calendar_date("").unwrap_err().contains("Enter the date"));
    }

    #[test]
    fn acceptance_date_cannot_be_in_the_future() {
        let today = d("2018-09-14");
        assert_eq!(acceptance_date("2018-09-14", today), Ok(today));
        assert_eq!(acceptance_date("2018-01-02", today), Ok(d("2018-01-02")));
        let err = acceptance_date("2018-09-15", today).unwrap_err();
        assert!(
            err.starts_with("You cannot set this to a future date"),
            "{err}"
        );
        assert!(err.contains("2018-09-14"), "{err}");
    }
}
