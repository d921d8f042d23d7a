//! The CSV of Microsoft's bulk sample (Partner-Center-DotNet-Samples,
//! sdk/SdkSamples/Agreements): `GetAllCustomersAgreements` writes it and
//! `ImportCustomersAgreement` reads it.
//!
//! Its header is the line `TenantId,Domain,Date,First Name,Last Name,Phone,Email ` (a space
//! after Email, as the sample writes it). Each row holds a customer's latest confirmation of one
//! agreement, with the agreement's type as an eighth value that the header does not name:
//! `MicrosoftCloudAgreement` or `MicrosoftCustomerAgreement`, one row per type the customer
//! has; a customer without any has one row of its tenant ID and domain and five empty values.
//! The date is .NET's general form in US English: `11/14/2018 12:00:00 AM` (month first).
//!
//! A header of the sample's with an eighth column named `Type` (`…,Email ,Type`) is read the
//! same way. The space after Email tells the sample's header from pcenter's own, which names
//! the same columns, then Type, without it (see `rows`).

use super::csv::Record;
use super::problem::{RowProblem, ValueProblem};
use crate::domain::agreement::AgreementKind;
use chrono::{Datelike, NaiveDate};

/// The columns of the sample's header, in its order.
pub const NAMES: [&str; 7] = [
    "TenantId",
    "Domain",
    "Date",
    "First Name",
    "Last Name",
    "Phone",
    "Email",
];

/// The header line exactly as the sample writes it: the space after Email is the sample's.
pub const HEADER_LINE: &str = "TenantId,Domain,Date,First Name,Last Name,Phone,Email ";

/// The name of the eighth column, when a header names it.
pub const TYPE: &str = "Type";

/// How many values a row of the sample has: eight with a confirmation, seven without.
pub const WIDTH: usize = 8;

/// Whether `record` is the sample's header, judged on the whole of it: its seven names in its
/// order (in any case) with the space the sample writes after Email, maybe followed by an
/// eighth column named Type. Without that space it is pcenter's own header, whose columns are
/// the same names, then Type: telling them apart by the number of columns alone would read
/// one as the other.
pub fn is_sample_header(record: &Record) -> bool {
    let fields = &record.fields;
    let named = fields.len() >= NAMES.len()
        && NAMES
            .iter()
            .zip(fields)
            .all(|(name, field)| field.trim().eq_ignore_ascii_case(name));
    let space_after_email = named && fields[6] != fields[6].trim_end();
    match fields.len() {
        7 => space_after_email,
        8 => space_after_email && fields[7].trim().eq_ignore_ascii_case(TYPE),
        _ => false,
    }
}

/// The sample's date, as .NET writes a date in US English (`DateTime.ToString()`).
pub fn write_date(date: NaiveDate) -> String {
    format!(
        "{}/{}/{} 12:00:00 AM",
        date.month(),
        date.day(),
        date.year()
    )
}

/// A date as the sample writes or reads it, as `YYYY-MM-DD` for the domain's check of the
/// calendar: month/day/year (`11/14/2018`), maybe followed by a time (`12:00:00 AM`,
/// `0:00`), or year-month-day (`2018-11-14`), maybe followed by the API's time
/// (`T00:00:00.000Z`). The time is not kept: a confirmation is of a day. `None` for anything
/// else.
pub fn iso_date(value: &str) -> Option<String> {
    let value = value.trim();
    if let Some((date, time)) = split_iso(value) {
        return (time.is_empty() || iso_time(time)).then(|| date.to_string());
    }
    let (date, time) = value.split_once(' ').unwrap_or((value, ""));
    let parts: Vec<&str> = date.split('/').collect();
    let [month, day, year] = parts.as_slice() else {
        return None;
    };
    let number = |text: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<u32>().ok())
            .flatten()
    };
    let (month, day, year) = (
        number(month, 1..=2)?,
        number(day, 1..=2)?,
        number(year, 4..=4)?,
    );
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let time = time.trim();
    (time.is_empty() || us_time(time)).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// `2018-11-14` and what follows it after a `T` or a space.
fn split_iso(value: &str) -> Option<(&str, &str)> {
    let date = value.get(..10)?;
    let shaped = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    let rest = &value[10..];
    match rest.chars().next() {
        None => Some((date, "")),
        Some('T' | 't' | ' ') => Some((date, rest[1..].trim())),
        Some(_) => None,
    }
}

/// `h:mm`, `h:mm:ss`, then `AM` or `PM` (hours 1 to 12), or without them (hours 0 to 23).
fn us_time(time: &str) -> bool {
    let (clock, half) = match time.rsplit_once(' ') {
        Some((clock, half)) => (clock.trim(), Some(half)),
        None => (time, None),
    };
    let Some(hour) = clock_hour(clock) else {
        return false;
    };
    match half {
        Some(half) if half.eq_ignore_ascii_case("AM") || half.eq_ignore_ascii_case("PM") => {
            (1..=12).contains(&hour)
        }
        Some(_) => false,
        None => hour <= 23,
    }
}

/// The API's time: `00:00:00`, maybe with a fraction (`.000`), then `Z` or an offset.
fn iso_time(time: &str) -> bool {
    let end = time.find(['Z', 'z', '+', '-']).unwrap_or(time.len());
    let (clock, zone) = time.split_at(end);
    let clock = match clock.split_once('.') {
        Some((clock, fraction))
            if !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit()) =>
        {
            clock
        }
        Some(_) => return false,
        None => clock,
    };
    let zone_ok = match zone {
        "" | "Z" | "z" => true,
        _ => {
            let offset = &zone[1..];
            let digits: String = offset.chars().filter(|c| *c != ':').collect();
            digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())
        }
    };
    zone_ok && clock_hour(clock).is_some_and(|hour| hour <= 23)
}

/// The hour of `h:mm` or `h:mm:ss` with minutes and seconds below 60.
fn clock_hour(clock: &str) -> Option<u32> {
    let parts: Vec<&str> = clock.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut numbers = parts.iter().enumerate().map(|(i, part)| {
        let digits = if i == 0 { 1..=2 } else { 2..=2 };
        (digits.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    });
    let hour = numbers.next()??;
    for minutes_or_seconds in numbers {
        if minutes_or_seconds? >= 60 {
            return None;
        }
    }
    Some(hour)
}

/// Why a date of a row of the sample's file cannot be read.
pub fn date_problem(value: &str) -> ValueProblem {
    let value = value.trim();
    let first: Option<u32> = value
        .split('/')
        .next()
        .filter(|part| value.contains('/') && (1..=2).contains(&part.len()))
        .and_then(|part| part.parse().ok());
    match first {
        Some(day) if (13..=31).contains(&day) => ValueProblem::DayFirst(value.to_string()),
        _ => ValueProblem::NotSampleDate(value.to_string()),
    }
}

/// The agreement of a Type value, or why it names none.
pub fn agreement(value: &str) -> Result<AgreementKind, RowProblem> {
    AgreementKind::from_type_name(value)
        .ok_or_else(|| RowProblem::NotAType(value.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::super::problem::Needed;
    use super::super::rows::{Column, Dialect};
    use super::*;

    fn record(fields: &[&str]) -> Record {
        Record {
            line: 1,
            fields: fields.iter().map(|f| f.to_string()).collect(),
        }
    }

    #[test]
    fn the_samples_header_is_known_by_the_space_after_email_with_or_without_a_type_column() {
        let sample: Vec<&str> = HEADER_LINE.split(',').collect();
        assert!(is_sample_header(&record(&sample)));
        let mut typed = sample.clone();
        typed.push(" type ");
        assert!(is_sample_header(&record(&typed)));
        // The export's own header, old (seven names) and new (then Type), other orders and
        // other columns are not the sample's.
        assert!(!is_sample_header(&record(&NAMES)));
        let mut own = NAMES.to_vec();
        own.push(TYPE);
        assert!(!is_sample_header(&record(&own)));
        let mut space_before_type = NAMES.to_vec();
        space_before_type.push(" Type");
        assert!(!is_sample_header(&record(&space_before_type)));
        let mut reordered = sample.clone();
        reordered.swap(0, 1);
        assert!(!is_sample_header(&record(&reordered)));
        let mut other = NAMES.to_vec();
        other.push("Notes");
        assert!(!is_sample_header(&record(&other)));
    }

    #[test]
    fn dates_are_written_as_dotnet_writes_them_in_us_english() {
        let date = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(write_date(date("2018-11-04")), "11/4/2018 12:00:00 AM");
        assert_eq!(write_date(date("2019-01-31")), "1/31/2019 12:00:00 AM");
        for day in ["2018-11-04", "2019-12-25", "2020-02-29"] {
            assert_eq!(iso_date(&write_date(date(day))).as_deref(), Some(day));
        }
    }

    #[test]
    fn dates_are_read_in_the_forms_the_sample_reads() {
        for (value, iso) in [
            ("11/14/2018 12:00:00 AM", "2018-11-14"),
            ("1/2/2019 3:04:05 pm", "2019-01-02"),
            (" 01/02/2019 ", "2019-01-02"),
            ("1/2/2019 0:00", "2019-01-02"),
            ("1/2/2019 23:59:59", "2019-01-02"),
            ("2019-01-02", "2019-01-02"),
            ("2019-01-02T00:00:00.000Z", "2019-01-02"),
            ("2019-01-02 10:30:00+01:00", "2019-01-02"),
            // The calendar is checked after, with the domain's own message.
            ("2/30/2019", "2019-02-30"),
        ] {
            assert_eq!(iso_date(value).as_deref(), Some(iso), "{value}");
        }
        for value in [
            "",
            "14/11/2018",
            "11/14/18",
            "11-14-2018",
            "14.11.2018 00:00:00",
            "11/14/2018 13:00:00 PM",
            "11/14/2018 12:60:00 AM",
            "11/14/2018 noon",
            "2018-11-14X",
            "2018-11-14T25:00:00Z",
            "yesterday",
        ] {
            assert_eq!(iso_date(value), None, "{value}");
        }
    }

    fn date_refusal(value: &str) -> String {
        let problem = RowProblem::Values(vec![(Column::Date, date_problem(value))]);
        problem.to_string().replacen("Date: ", "", 1)
    }

    fn insufficient(columns: &[Column]) -> String {
        let empty = columns.iter().map(|c| Needed::Column(*c)).collect();
        let dialect = Dialect::MicrosoftSample;
        RowProblem::Insufficient { dialect, empty }.to_string()
    }

    #[test]
    fn a_refused_date_says_how_the_sample_writes_one() {
        let day_first = date_refusal("14/11/2018 00:00:00");
        assert!(
            day_first.starts_with("'14/11/2018 00:00:00' puts the day first"),
            "{day_first}"
        );
        assert!(day_first.ends_with("11/14/2018 12:00:00 AM (or 11/14/2018, or 2018-11-14)"));
        let other = date_refusal("yesterday");
        assert!(other.starts_with("'yesterday' is not a date as Microsoft's sample writes it; write it as the sample does"), "{other}");
    }

    #[test]
    fn empty_values_and_types_are_explained() {
        assert_eq!(
            insufficient(&[Column::LastName]),
            "insufficient data: Last Name empty; every value but Phone is needed"
        );
        assert_eq!(
            insufficient(&[Column::Email, Column::Type]),
            "insufficient data: Email, Type empty; every value but Phone is needed, and the eighth, after Email, is the agreement's type: MicrosoftCloudAgreement or MicrosoftCustomerAgreement"
        );
        assert_eq!(
            agreement(" microsoftcustomeragreement "),
            Ok(AgreementKind::CustomerAgreement)
        );
        assert_eq!(
            agreement("MCA").unwrap_err().to_string(),
            "Type: 'MCA' is not an agreement type; write MicrosoftCloudAgreement or MicrosoftCustomerAgreement"
        );
    }
}
