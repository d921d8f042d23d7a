//! Writes, on a scratch copy of the data (see `workdir::scratch_copy`): confirmations recorded
//! one by one through the service, then a confirmation CSV imported by the real binary.
//!
//! Customers without a confirmation come first; confirmed public-cloud customers (recording a
//! confirmation with another contact, as updating it does) make up the numbers when a small
//! store has too few.

use crate::dash::actor;
use crate::exports::{fields, CUSTOMER_COLUMNS};
use crate::stats::timed;
use crate::targets::{CONFIRMATIONS, IMPORT_ROWS};
use crate::workdir::{Pcenter, Scratch, SizeDir, TODAY};
use crate::Fallible;
use chrono::NaiveDate;
use pcenter::book::{AgreementStatus, Book};
use pcenter::domain::agreement::{Acceptance, Channel, Contact};
use pcenter::domain::cloud::Cloud;
use pcenter::service::Operations;
use pcenter::store::{SledStore, Store};
use std::fmt::Write as _;
use std::fs::File;
use std::path::Path;
use std::process::Stdio;

/// The acceptance date of every confirmation written (before the business date).
pub const DATE_AGREED: &str = "2019-02-01";
const FIRST_NAMES: [&str; 8] = [
    "Anna", "Björn", "Chloé", "Daniel", "Emi", "Farah", "Giulia", "Hiroshi",
];
const LAST_NAMES: [&str; 8] = [
    "Berg", "Dubois", "Fischer", "García", "Hansen", "Kowalski", "Nguyen", "Sato",
];

/// The `i`th contact of a kind of write; no two are the same.
pub fn contact(kind: &str, i: usize) -> Contact {
    let first = FIRST_NAMES[i % FIRST_NAMES.len()];
    let last = LAST_NAMES[(i / FIRST_NAMES.len()) % LAST_NAMES.len()];
    Contact {
        first_name: first.into(),
        last_name: last.into(),
        email: format!("{kind}.{i}@example.com"),
        phone: None,
    }
}

/// Public-cloud customers from the exported CSV, those without a confirmation first, as
/// (tenant ID, domain).
fn import_candidates(csv: &Path, wanted: usize) -> Fallible<Vec<(String, String)>> {
    let text = std::fs::read_to_string(csv)?;
    let position = |name| CUSTOMER_COLUMNS.iter().position(|c| *c == name);
    let (Some(id), Some(domain), Some(cloud), Some(status)) = (
        position("TenantId"),
        position("Domain"),
        position("Cloud"),
        position("AgreementStatus"),
    ) else {
        unreachable!("the columns are constants");
    };
    let (mut first, mut then) = (Vec::new(), Vec::new());
    for line in text.lines().skip(1) {
        let f = fields(line);
        if f.len() != CUSTOMER_COLUMNS.len() || f[cloud] != Cloud::Public.short_label() {
            continue;
        }
        let pair = (f[id].clone(), f[domain].clone());
        if f[status] == AgreementStatus::NotConfirmed.label() {
            first.push(pair);
        } else if then.len() < wanted {
            then.push(pair);
        }
    }
    first.extend(then);
    first.truncate(wanted);
    Ok(first)
}

/// Imports a confirmation CSV of up to [`IMPORT_ROWS`] rows (at most one per customer, taken
/// from the export `csv`) with `pcenter agreements import` into the scratch copy; gives its
/// wall time in seconds and the rows in the file.
pub fn import(
    dir: &SizeDir,
    scratch: &Scratch,
    pcenter: &Pcenter,
    csv: &Path,
) -> Fallible<(f64, usize)> {
    let customers = import_candidates(csv, IMPORT_ROWS.min(dir.customers))?;
    let mut text = String::from("TenantId,Domain,Date,First Name,Last Name,Phone,Email\n");
    for (i, (id, domain)) in customers.iter().enumerate() {
        let c = contact("import", i);
        let (first, last) = (&c.first_name, &c.last_name);
        let _ = writeln!(
            text,
            "{id},{domain},{DATE_AGREED},{first},{last},,{}",
            c.email
        );
    }
    let file = dir.file("import.csv");
    std::fs::write(&file, text)?;
    let mut command = pcenter.command(&scratch.data_dir);
    command.args(["agreements", "import"]).arg(&file);
    let log = dir.file("import.log");
    // 11: some rows were rejected; the log says which.
    let (_, seconds) = pcenter.run(command, Stdio::from(File::create(&log)?), &[0, 11])?;
    let summary = std::fs::read_to_string(&log)?;
    let summary = summary.lines().last().unwrap_or_default();
    if !summary.contains(&format!(" {} created,", customers.len())) {
        eprintln!("[{}] note: {summary}", dir.customers);
    }
    Ok((seconds, customers.len()))
}

/// Customers to confirm one by one: public cloud, without a confirmation first.
pub fn confirm_candidates(store: &dyn Store, wanted: usize) -> Fallible<Vec<String>> {
    let (mut first, mut then) = (Vec::new(), Vec::new());
    for row in store.listing()? {
        let row = row?;
        match row.status() {
            AgreementStatus::NotConfirmed => first.push(row.id),
            AgreementStatus::Confirmed if then.len() < wanted => then.push(row.id),
            _ => {}
        }
        if first.len() == wanted {
            break;
        }
    }
    first.extend(then);
    first.truncate(wanted);
    Ok(first)
}

/// Milliseconds of each of [`CONFIRMATIONS`] confirmations recorded through
/// `Operations::confirm`, which returns once the store has flushed it to disk. The customer's
/// records are read first, as opening its Account does, and not counted.
pub fn confirmations(scratch: &Scratch) -> Fallible<Vec<f64>> {
    let store = SledStore::open(&scratch.store_dir())?;
    let actor = actor();
    let mut book = Book::default();
    let date_agreed: NaiveDate = DATE_AGREED.parse()?;
    // As the dashboard's clock does with a business date: that day, at some time.
    let now = format!("{TODAY}T10:00:00Z").parse()?;
    let mut samples = Vec::with_capacity(CONFIRMATIONS);
    for (i, id) in confirm_candidates(&store, CONFIRMATIONS)?
        .iter()
        .enumerate()
    {
        book.fetch(&store, id)?
            .ok_or_else(|| format!("customer {id} is listed but cannot be read"))?;
        let mut ops = Operations::new(&store, &mut book, &actor, now);
        let acceptance = Acceptance {
            accepted_by: contact("confirm", i),
            date_agreed,
            agreement: pcenter::domain::agreement::AgreementKind::CloudAgreement,
        };
        let (confirmed, ms) = timed(|| ops.confirm(id, acceptance, Channel::Account));
        confirmed?;
        samples.push(ms);
    }
    // Closed as the dashboard closes it: a store left open after writes is checked whole on a
    // copy at its next open, which the import measured next would count.
    store.close();
    Ok(samples)
}
