//! The reading of `agreements import`, from bytes, for the fuzz target `csv_import` (see
//! `api::fuzzing`): the file's header and every row, each row's customer looked up in the demo
//! data and its confirmation checked by the domain's rules, as the import does before it
//! writes. Panics when something that must hold of any file does not.

use super::csv::Read;
use super::habits::spreadsheet_date;
use super::lookup::{Check, Customers};
use super::plan::Plan;
use super::rows::{Column, Row};
use super::source::{Rows, Source};
use crate::api::output::csv_record;
use crate::assets;
use crate::book::Book;
use crate::store::MemoryStore;
use chrono::NaiveDate;
use std::path::Path;

thread_local! {
    /// The customers rows name: read, never written.
    static DEMO: MemoryStore = MemoryStore::with_snapshot(assets::demo_snapshot());
}

/// Reads `data` as `agreements import` reads a file, and checks that:
///
/// - the file is refused as a whole by both readings (the plan and the rows) or by neither;
/// - records come in the order of their lines;
/// - every row's values, written again by the export's CSV writer, read back the same, so an
///   export imports back exactly;
/// - a row that names a customer names one that is there;
/// - a confirmation the domain accepts has a clean contact and a date from 2014-01-01 to the
///   business date.
pub fn csv_import(data: &[u8]) {
    let path = Path::new("fuzz.csv");
    let Ok(source) = Source::from_bytes(path, data.to_vec()) else {
        // Refused before any row, by its first bytes (UTF-16, UTF-32, a workbook).
        return;
    };
    DEMO.with(|store| {
        let customers = Customers::new(store);
        let plan = Plan::read(&source, &customers);
        let rows = Rows::open(&source);
        let Ok(mut rows) = rows else {
            assert!(plan.is_err(), "the plan read a file the rows refuse");
            return;
        };
        let mut book = Book::default();
        let mut last_line = 0;
        while let Some(read) = rows.next().expect("a file in memory is always read") {
            let line = match &read {
                Read::Record(record) => record.line,
                Read::Malformed(malformed) => malformed.line(),
            };
            assert!(line > last_line, "line {line} came after line {last_line}");
            last_line = line;
            let Read::Record(record) = read else {
                continue;
            };
            let Ok(row) = rows.header.row(&record) else {
                continue;
            };
            assert_reads_back(&row);
            if let Check::Identified { customer_id, .. } = customers
                .check(&mut book, &row)
                .expect("the memory store answers")
            {
                assert!(book.customer(&customer_id).is_some(), "{customer_id}");
            }
            assert_confirmation_is_clean(&row);
        }
    });
}

/// Writes the row's values as the export does, reads them back as the import does, and checks
/// that they are the same.
fn assert_reads_back(row: &Row) {
    let values = Column::ALL.map(|column| row.get(column));
    let mut csv = Vec::new();
    csv_record(&mut csv, &Column::ALL.map(Column::name)).expect("memory");
    csv_record(&mut csv, &values).expect("memory");
    let written = String::from_utf8_lossy(&csv).into_owned();
    let source = Source::from_bytes(Path::new("again.csv"), csv).expect("the export writes UTF-8");
    let mut rows = Rows::open(&source).expect("the export's header reads back");
    let Ok(Some(Read::Record(record))) = rows.next() else {
        panic!("the row {values:?}, written as {written:?}, does not read back as one record");
    };
    let again = rows
        .header
        .row(&record)
        .expect("as many fields as the header");
    for column in Column::ALL {
        assert_eq!(
            again.get(column),
            row.get(column),
            "{} changed on its way through {written:?}",
            column.name()
        );
    }
    assert!(
        matches!(rows.next(), Ok(None)),
        "one row written as {written:?} reads back as more"
    );
}

/// The row's confirmation, if the domain takes it on some business date, is clean and dated
/// within the rules.
fn assert_confirmation_is_clean(row: &Row) {
    let business_date = NaiveDate::from_ymd_opt(2018, 11, 14).expect("a date");
    let date = row.get(Column::Date);
    // Said instead of the date check's message when the date is a spreadsheet's.
    let _ = spreadsheet_date(date);
    if let Ok(acceptance) = row.draft().validate(business_date) {
        crate::api::fuzzing::assert_clean(&acceptance, business_date);
    }
}
