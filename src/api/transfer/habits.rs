//! A spreadsheet habit an import meets: dates in a spreadsheet's display form, answered with
//! what to do in the spreadsheet (`ValueProblem::SpreadsheetDate`).

use super::problem::ValueProblem;

/// The import's message for a date written as a spreadsheet shows it (`11/1/2018`,
/// `1.11.2018`, `01-11-2018 00:00`); `None` for any other value. The order of day and month
/// is not guessed: both are common.
pub fn spreadsheet_date(value: &str) -> Option<ValueProblem> {
    let value = value.trim();
    let date = value.split(' ').next().unwrap_or_default();
    let separator = date.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = date.split(separator).collect();
    let numbers = parts.len() == 3
        && parts
            .iter()
            .all(|p| (1..=4).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
    let iso = separator == '-' && parts.iter().map(|p| p.len()).eq([4, 2, 2]) && date == value;
    (numbers && !iso).then(|| ValueProblem::SpreadsheetDate(value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::super::problem::RowProblem;
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
            let problem = spreadsheet_date(date).unwrap_or_else(|| panic!("{date}"));
            assert_eq!(problem, ValueProblem::SpreadsheetDate(date.into()));
            let date_column = super::super::rows::Column::Date;
            let message = RowProblem::Values(vec![(date_column, problem)]).to_string();
            assert!(
                message.starts_with(&format!("Date: '{date}' is a date")),
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
