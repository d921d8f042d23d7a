//! Spreadsheet habits an import meets, answered with what to do in the spreadsheet: dates in a
//! spreadsheet's display form, and files saved in another encoding than UTF-8.

/// The import's message for a date written as a spreadsheet shows it (`11/1/2018`,
/// `1.11.2018`, `01-11-2018 00:00`); `None` for any other value. The order of day and month
/// is not guessed: both are common.
pub fn spreadsheet_date(value: &str) -> Option<String> {
    let value = value.trim();
    let date = value.split(' ').next().unwrap_or_default();
    let separator = date.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = date.split(separator).collect();
    let numbers = parts.len() == 3
        && parts
            .iter()
            .all(|p| (1..=4).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
    let iso = separator == '-' && parts.iter().map(|p| p.len()).eq([4, 2, 2]) && date == value;
    (numbers && !iso).then(|| {
        format!(
            "'{}' is a date as a spreadsheet shows it; write the date as YYYY-MM-DD, e.g. 2018-11-01 (format the column as text or as YYYY-MM-DD before saving)",
            crate::domain::characters::quote(value)
        )
    })
}

/// Why a file that is not UTF-8 text (from `line` on) is refused, and how to save it.
pub fn not_utf8(file: &std::path::Path, line: usize) -> String {
    format!(
        "{} is not UTF-8 text (line {line} is the first that is not), so nothing was imported. Save it from the spreadsheet as \"CSV UTF-8\" and import that file.",
        crate::domain::characters::quote_path(file)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_a_spreadsheets_form_are_recognised() {
        for date in [
            "11/1/2018",
            "1.11.2018",
            "01-11-2018",
            "2018/11/01",
            "2018.11.01",
            "11/1/18",
            "1/11/2018 0:00",
            "2018-11-01 00:00",
        ] {
            let message = spreadsheet_date(date).unwrap_or_else(|| panic!("{date}"));
            assert!(
                message.starts_with(&format!("'{date}' is a date")),
                "{message}"
            );
            assert!(message.contains("YYYY-MM-DD, e.g. 2018-11-01"));
        }
        for other in [
            "2018-11-01",
            "2018-1-1x",
            "yesterday",
            "",
            "11/2018",
            "1/2/3/4",
        ] {
            assert_eq!(spreadsheet_date(other), None, "{other}");
        }
    }
}
