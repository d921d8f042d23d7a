//! The columns of the CSV, its header, and a row's values by column: in the export's own CSV,
//! or in that of Microsoft's bulk sample (see `microsoft`), told apart by the header.

use super::csv::Record;
use super::microsoft;
use super::problem::{HeaderProblem, Needed, RowProblem};
use crate::api::csv_escape::unescape;
use crate::api::output::unneutralised;
use crate::domain::agreement::{AcceptanceDraft, AgreementKind};
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
    /// The agreement: MicrosoftCloudAgreement or MicrosoftCustomerAgreement.
    Type,
}

impl Column {
    /// Every column, as the export writes them and an import reads them: those of Microsoft's
    /// export sample in its order, then the agreement's type (added later: files without it
    /// still import).
    pub const ALL: [Column; 8] = [
        Column::TenantId,
        Column::Domain,
        Column::Date,
        Column::FirstName,
        Column::LastName,
        Column::Phone,
        Column::Email,
        Column::Type,
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
            Column::Type => microsoft::TYPE,
        }
    }
}

/// Which CSV a file is, by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// The export's own: columns named in any order and case, dates as `YYYY-MM-DD`.
    Pcenter,
    /// Microsoft's bulk sample: its columns in its order, the agreement's type as an eighth
    /// value, dates as `11/14/2018 12:00:00 AM`.
    MicrosoftSample,
}

impl Dialect {
    /// The columns a row with a confirmation must fill (of TenantId and Domain, the export's
    /// own CSV needs one; see `lookup`).
    pub fn required(self) -> &'static [Column] {
        use Column::*;
        match self {
            Dialect::Pcenter => &[Date, FirstName, LastName, Email],
            Dialect::MicrosoftSample => &[Date, FirstName, LastName, Email, Type],
        }
    }
}

/// Where each column is in the file; columns are matched by name in any case and order, but
/// in the header of Microsoft's sample by their place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    dialect: Dialect,
    /// How many fields every row must have (in Microsoft's sample: 7 or 8).
    width: usize,
    positions: [Option<usize>; 8],
}

impl Header {
    /// The header, or why it cannot be one.
    pub fn parse(record: &Record) -> Result<Header, HeaderProblem> {
        if microsoft::is_sample_header(record) {
            return Ok(Header {
                dialect: Dialect::MicrosoftSample,
                width: microsoft::WIDTH,
                positions: std::array::from_fn(Some),
            });
        }
        let mut positions = [None; 8];
        for (position, name) in record.fields.iter().enumerate() {
            let name = name.trim();
            let Some(i) = Column::ALL
                .iter()
                .position(|c| c.name().eq_ignore_ascii_case(name))
            else {
                continue; // Other columns are allowed and ignored.
            };
            if positions[i].is_some() {
                return Err(HeaderProblem::Twice(Column::ALL[i]));
            }
            positions[i] = Some(position);
        }
        let header = Header {
            dialect: Dialect::Pcenter,
            width: record.fields.len(),
            positions,
        };
        let mut missing: Vec<Needed> = Vec::new();
        if !header.has(Column::TenantId) && !header.has(Column::Domain) {
            missing.push(Needed::TenantIdOrDomain);
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
                .map(|c| Needed::Column(*c)),
        );
        if missing.is_empty() {
            Ok(header)
        } else {
            Err(HeaderProblem::Missing(missing))
        }
    }

    fn has(&self, column: Column) -> bool {
        self.positions[column as usize].is_some()
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The row's values by column, or why the row cannot be read against this header.
    pub fn row<'r>(&self, record: &'r Record) -> Result<Row<'r>, RowProblem> {
        let count = record.fields.len();
        match self.dialect {
            // A customer without a confirmation has no Type: seven values.
            Dialect::MicrosoftSample if count == self.width || count == self.width - 1 => {}
            Dialect::MicrosoftSample => return Err(RowProblem::SampleFieldCount { count }),
            Dialect::Pcenter if count == self.width => {}
            Dialect::Pcenter => {
                return Err(RowProblem::FieldCount {
                    count,
                    header: self.width,
                });
            }
        }
        Ok(Row {
            dialect: self.dialect,
            values: self
                .positions
                .map(|p| match p.and_then(|p| record.fields.get(p)) {
                    Some(field) => unescape(unneutralised(field.trim())),
                    None => Cow::Borrowed(""),
                }),
        })
    }
}

/// One row's values, trimmed, without the quote that keeps a spreadsheet from taking one for
/// a formula, escapes decoded (see `csv_escape`); an absent optional column reads as empty.
#[derive(Debug, Clone)]
pub struct Row<'r> {
    dialect: Dialect,
    values: [Cow<'r, str>; 8],
}

impl Row<'_> {
    pub fn get(&self, column: Column) -> &str {
        &self.values[column as usize]
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The confirmation's fields as typed, for the domain's validation. A date of Microsoft's
    /// sample (`11/14/2018 12:00:00 AM`) is given as `YYYY-MM-DD`.
    pub fn draft(&self) -> AcceptanceDraft {
        let date = self.get(Column::Date);
        let date = match self.dialect {
            Dialect::MicrosoftSample => microsoft::iso_date(date).unwrap_or_else(|| date.into()),
            Dialect::Pcenter => date.to_string(),
        };
        AcceptanceDraft {
            first_name: self.get(Column::FirstName).to_string(),
            last_name: self.get(Column::LastName).to_string(),
            email: self.get(Column::Email).to_string(),
            phone: self.get(Column::Phone).to_string(),
            date,
        }
    }

    /// The agreement the row's Type names; `None` when it names none (no Type column, or an
    /// empty value), or why its value is no agreement.
    pub fn agreement(&self) -> Result<Option<AgreementKind>, RowProblem> {
        match self.get(Column::Type) {
            "" => Ok(None),
            value => microsoft::agreement(value).map(Some),
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

    pub fn header(names: &[&str]) -> Result<Header, HeaderProblem> {
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
            values in proptest::array::uniform8(proptest::prelude::any::<String>())
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
        let err = header(&["Tenant", "Date", "First Name", "Email"])
            .unwrap_err()
            .to_string();
        assert_eq!(err, "has no column TenantId or Domain, Last Name, Phone");
        let err = header(&["TenantId", "Email", "EMAIL"])
            .unwrap_err()
            .to_string();
        assert_eq!(err, "names the column Email twice");
    }

    #[test]
    fn the_header_of_microsofts_sample_reads_its_rows_by_place_with_the_type_last() {
        let sample: Vec<&str> = microsoft::HEADER_LINE.split(',').collect();
        let sample = header(&sample).unwrap();
        assert_eq!(sample.dialect(), Dialect::MicrosoftSample);
        let cells = [
            "x",
            "x.com",
            "11/14/2019 12:00:00 AM",
            "Ada",
            "Lovelace",
            "'+1 425",
            "a@b.io",
            " MicrosoftCustomerAgreement ",
        ];
        let eight = record(&cells);
        let row = sample.row(&eight).unwrap();
        assert_eq!(row.get(Column::Phone), "+1 425");
        assert_eq!(row.get(Column::Type), "MicrosoftCustomerAgreement");
        assert_eq!(row.draft().date, "2019-11-14");
        assert_eq!(row.agreement(), Ok(Some(AgreementKind::CustomerAgreement)));
        // A customer without a confirmation: seven values, no Type.
        let seven = record(&["x ", "x.com", "", "", "", "", ""]);
        let row = sample.row(&seven).unwrap();
        assert_eq!(
            (row.get(Column::TenantId), row.get(Column::Type)),
            ("x", "")
        );
        assert_eq!(row.agreement(), Ok(None));
        let err = sample.row(&record(&["a"; 9])).unwrap_err().to_string();
        assert!(
            err.starts_with("the row has 9 fields where a row of Microsoft's sample has 8"),
            "{err}"
        );
        // The export's own header, with a Type column anywhere, is read by name.
        let own = header(&[
            "Type",
            "Email",
            "Date",
            "First Name",
            "Last Name",
            "Phone",
            "TenantId",
        ])
        .unwrap();
        assert_eq!(own.dialect(), Dialect::Pcenter);
        let typed = record(&[
            "microsoftcloudagreement",
            "a@b.io",
            "2018-11-14",
            "Ada",
            "L",
            "",
            "x",
        ]);
        let row = own.row(&typed).unwrap();
        assert_eq!(row.agreement(), Ok(Some(AgreementKind::CloudAgreement)));
        assert_eq!(row.draft().date, "2018-11-14");
        let untyped = record(&["Cloud", "", "", "", "", "", "x"]);
        let bad = own.row(&untyped).unwrap();
        assert!(bad
            .agreement()
            .unwrap_err()
            .to_string()
            .starts_with("Type: 'Cloud' is not an agreement type"));
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
        let err = header.row(&record(&["a", "b"])).unwrap_err().to_string();
        assert!(
            err.starts_with("the row has 2 fields where the header has 7"),
            "{err}"
        );
    }
}
