//! The columns of the CSV, its header, and a row's values by column.

use super::csv::Record;
use crate::api::csv_escape::unescape;
use crate::api::output::unneutralised;
use crate::domain::agreement::AcceptanceDraft;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    TenantId,
    Domain,
    Date,
    FirstName,
    LastName,
    Phone,
    Email,
}

impl Column {
    /// In the order of Microsoft's export sample.
    pub const ALL: [Column; 7] = [
        Column::TenantId,
        Column::Domain,
        Column::Date,
        Column::FirstName,
        Column::LastName,
        Column::Phone,
        Column::Email,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Column::TenantId => "TenantId",
            Column::Domain => "Domain",
            Column::Date => "Date",
            Column::FirstName => "First Name",
            Column::LastName => "Last Name",
            Column::Phone => "Phone",
            Column::Email => "Email",
        }
    }
}

/// Where each column is in the file; columns are matched by name in any case and order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// How many fields every row must have.
    width: usize,
    positions: [Option<usize>; 7],
}

/// The header's columns, as a sentence's end, for messages about the header.
pub const EXPECTED: &str = "TenantId (or Domain), Date, First Name, Last Name, Phone and Email, in any order and any case, as agreements export writes them";

impl Header {
    /// The header, or why it cannot be one.
    pub fn parse(record: &Record) -> Result<Header, String> {
        let mut positions = [None; 7];
        for (position, name) in record.fields.iter().enumerate() {
            let name = name.trim();
            let Some(i) = Column::ALL
                .iter()
                .position(|c| c.name().eq_ignore_ascii_case(name))
            else {
                continue; // Other columns are allowed and ignored.
            };
            if positions[i].is_some() {
                return Err(format!("names the column {} twice", Column::ALL[i].name()));
            }
            positions[i] = Some(position);
        }
        let header = Header {
            width: record.fields.len(),
            positions,
        };
        let mut missing: Vec<&str> = Vec::new();
        if !header.has(Column::TenantId) && !header.has(Column::Domain) {
            missing.push("TenantId or Domain");
        }
        let required = [
            Column::Date,
            Column::FirstName,
            Column::LastName,
            Column::Phone,
            Column::Email,
        ];
        missing.extend(
            required
                .iter()
                .filter(|c| !header.has(**c))
                .map(|c| c.name()),
        );
        if missing.is_empty() {
            Ok(header)
        } else {
            Err(format!("has no column {}", missing.join(", ")))
        }
    }

    fn has(&self, column: Column) -> bool {
        self.positions[column as usize].is_some()
    }

    /// The row's values by column, or why the row cannot be read against this header.
    pub fn row<'r>(&self, record: &'r Record) -> Result<Row<'r>, String> {
        let count = record.fields.len();
        if count != self.width {
            return Err(format!(
                "the row has {count} fields where the header has {}; a comma inside a value needs double quotes around the value",
                self.width
            ));
        }
        Ok(Row {
            values: self.positions.map(|p| {
                p.map_or(Cow::Borrowed(""), |p| {
                    unescape(unneutralised(record.fields[p].trim()))
                })
            }),
        })
    }
}

/// One row's values, trimmed, without the quote that keeps a spreadsheet from taking one for
/// a formula, escapes decoded (see `csv_escape`); an absent optional column reads as empty.
#[derive(Debug, Clone)]
pub struct Row<'r> {
    values: [Cow<'r, str>; 7],
}

impl Row<'_> {
    pub fn get(&self, column: Column) -> &str {
        &self.values[column as usize]
    }

    /// The confirmation's fields as typed, for the domain's validation.
    pub fn draft(&self) -> AcceptanceDraft {
        AcceptanceDraft {
            first_name: self.get(Column::FirstName).to_string(),
            last_name: self.get(Column::LastName).to_string(),
            email: self.get(Column::Email).to_string(),
            phone: self.get(Column::Phone).to_string(),
            date: self.get(Column::Date).to_string(),
        }
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;

    pub fn record(fields: &[&str]) -> Record {
        Record {
            line: 1,
            fields: fields.iter().map(|f| f.to_string()).collect(),
        }
    }

    pub fn header(names: &[&str]) -> Result<Header, String> {
        Header::parse(&record(names))
    }

    #[test]
    fn columns_are_found_by_name_in_any_case_and_order() {
        let header = header(&[
            "email",
            " FIRST NAME ",
            "Last Name",
            "Notes",
            "phone",
            "date",
            "Domain",
        ])
        .unwrap();
        let cells = ["a@b.io", "Ada", "Lovelace", "n", "", "2018-09-01", "x.com"];
        let record = record(&cells);
        let row = header.row(&record).unwrap();
        assert_eq!(row.get(Column::FirstName), "Ada");
        assert_eq!(row.get(Column::Domain), "x.com");
        assert_eq!(
            row.get(Column::TenantId),
            "",
            "an absent column reads empty"
        );
        assert_eq!(row.draft().email, "a@b.io");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1_000))]

        /// What `csv_record` writes, the reader and the row give back exactly: quotes, commas,
        /// formulas, line breaks, controls, direction marks, edge spaces, backslashes.
        #[test]
        fn every_value_written_to_a_csv_reads_back_exactly(
            values in proptest::array::uniform7(proptest::prelude::any::<String>())
        ) {
            let mut written = Vec::new();
            crate::api::output::csv_record(&mut written, &Column::ALL.map(Column::name)).unwrap();
            let fields = values.each_ref().map(String::as_str);
            crate::api::output::csv_record(&mut written, &fields).unwrap();
            let mut reader = super::super::csv::Reader::new(written.as_slice());
            let read = |reader: &mut super::super::csv::Reader<&[u8]>| match reader.read() {
                Ok(Some(super::super::csv::Read::Record(record))) => record,
                other => panic!("{other:?}"),
            };
            let header = Header::parse(&read(&mut reader)).unwrap();
            let record = read(&mut reader);
            let row = header.row(&record).unwrap();
            for (column, value) in Column::ALL.iter().zip(&values) {
                proptest::prop_assert_eq!(row.get(*column), value.as_str());
            }
            proptest::prop_assert!(reader.read().unwrap().is_none(), "one line per row");
        }
    }

    #[test]
    fn a_header_without_the_required_columns_says_which() {
        let err = header(&["Tenant", "Date", "First Name", "Email"]).unwrap_err();
        assert_eq!(err, "has no column TenantId or Domain, Last Name, Phone");
        let err = header(&["TenantId", "Email", "EMAIL"]).unwrap_err();
        assert_eq!(err, "names the column Email twice");
    }

    #[test]
    fn a_row_with_another_number_of_fields_is_refused() {
        let names = [
            "TenantId",
            "Domain",
            "Date",
            "First Name",
            "Last Name",
            "Phone",
            "Email",
        ];
        let header = header(&names).unwrap();
        let err = header.row(&record(&["a", "b"])).unwrap_err();
        assert!(
            err.starts_with("the row has 2 fields where the header has 7"),
            "{err}"
        );
    }
}
