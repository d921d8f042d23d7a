//! `pcenter agreements import FILE [--dry-run]`: each row is created (through the service, the
//! same rules as the dashboard, channel Import), unchanged (the customer's current confirmation
//! has the same contact), skipped (no confirmation in the row) or rejected with its line and
//! reason. Each created row is flushed on its own, so a failure later loses nothing before it.
//!
//! The file is read twice, one record at a time: first to find customers named on more than one
//! row (all their rows are rejected) and to count the rows, then to import.

use super::csv::{Malformed, Read, Record};
use super::dry_run::DryRun;
use super::habits::spreadsheet_date;
use super::lookup::{has_data, insufficient, Check, Customers};
use super::progress::Progress;
use super::rows::{Column, Header};
use super::source::{Rows, Source};
use crate::api::error::{exit, ApiError};
use crate::api::{write_error, Api};
use crate::app::session::Clock;
use crate::book::Book;
use crate::domain::agreement::{AcceptanceField, Channel, Confirmation};
use crate::domain::role::GatedAction;
use crate::service::{Operations, ServiceError};
use crate::store::Store;
use crate::ui::text::visible;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

pub fn import(
    api: &mut Api,
    path: &Path,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    api.actor
        .role
        .require(GatedAction::ConfirmAcceptance)
        .map_err(ServiceError::from)?;
    let source = Source::open(path)?;
    let plan = Plan::read(&source, &Customers::new(&api.store))?;
    let mut progress = Progress::on_stderr(plan.rows);
    let mut tally = Tally::default();
    let mut rows = Rows::open(&source)?;
    // Rows are written a group at a time, in one atomic write, and reported only once it is
    // flushed: what the output says was created is on disk.
    let mut group = Group::default();
    // A failure of the store or of reading stops the import; what was recorded stays.
    let mut stopped: Option<(String, ApiError)> = None;
    loop {
        let read = match rows.next() {
            Ok(Some(read)) => read,
            Ok(None) => break,
            Err(error) => {
                stopped = Some((
                    "Stopped reading the file. ".into(),
                    source.cannot_read(error),
                ));
                break;
            }
        };
        let (line, outcome) = match read {
            Read::Malformed(malformed) => (malformed.line(), Outcome::Rejected(malformed.reason())),
            Read::Record(record) => {
                let outcome = decide(api, &plan, &rows.header, &record);
                match outcome {
                    Ok(outcome) => (record.line, outcome),
                    Err(error) => {
                        let at = format!("Stopped at line {}. ", record.line);
                        stopped = Some((at, error));
                        break;
                    }
                }
            }
        };
        tally.count(&outcome);
        progress.advance();
        group.add(line, outcome, dry_run);
        if tally.rows() % GROUP == 0 {
            progress.clear();
            if let Some(stop) = group.write(api, &mut tally, out)? {
                stopped = Some(stop);
                break;
            }
        }
    }
    progress.clear();
    if let Some(stop) = group.write(api, &mut tally, out)? {
        stopped = Some(stop);
    }
    let stop = stopped.as_ref().map_or("", |(stop, _)| stop.as_str());
    let note = if dry_run {
        " (dry run: nothing was written)"
    } else {
        ""
    };
    writeln!(
        out,
        "{stop}Imported {}: {} created, {} unchanged, {} skipped, {} rejected{note}",
        path.display(),
        tally.created,
        tally.unchanged,
        tally.skipped,
        tally.rejected
    )
    .map_err(write_error)?;
    match stopped {
        Some((_, error)) => Err(error),
        None if tally.rejected > 0 => Ok(exit::ROWS_REJECTED),
        None => Ok(0),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// Recorded; the customer as `Company (domain)`, and the confirmation.
    Created(String, Box<Confirmation>),
    Unchanged,
    Skipped,
    Rejected(String),
}

#[derive(Debug, Default)]
struct Tally {
    created: usize,
    unchanged: usize,
    skipped: usize,
    rejected: usize,
}

impl Tally {
    fn rows(&self) -> usize {
        self.created + self.unchanged + self.skipped + self.rejected
    }

    fn count(&mut self, outcome: &Outcome) {
        *match outcome {
            Outcome::Created(..) => &mut self.created,
            Outcome::Unchanged => &mut self.unchanged,
            Outcome::Skipped => &mut self.skipped,
            Outcome::Rejected(_) => &mut self.rejected,
        } += 1;
    }
}

/// Rows imported between two flushes: few enough that a report is never far behind, many
/// enough that flushing costs little per row.
const GROUP: usize = 1000;

/// The rows read since the last write: their confirmations, and what to say of each row.
#[derive(Default)]
struct Group {
    confirmations: Vec<(usize, Confirmation)>,
    /// Line, what to say, and whether the row created a confirmation.
    said: Vec<(usize, String, bool)>,
}

impl Group {
    fn add(&mut self, line: usize, outcome: Outcome, dry_run: bool) {
        match outcome {
            Outcome::Created(label, confirmation) => {
                if !dry_run {
                    self.confirmations.push((line, *confirmation));
                }
                self.said
                    .push((line, format!("line {line}: created: {label}"), true));
            }
            Outcome::Rejected(reason) => {
                tracing::warn!("import refused line {line}: {reason}");
                self.said
                    .push((line, format!("line {line}: rejected: {reason}"), false));
            }
            Outcome::Unchanged | Outcome::Skipped => {}
        }
    }

    /// Writes the group's confirmations in one atomic write and flushes, then says what became
    /// of its rows. Should that write fail, they are written one by one up to the first that
    /// fails, where the import stops (returned): the rows before it stay recorded. The book
    /// is emptied, so it holds at most one group's customers.
    fn write(
        &mut self,
        api: &mut Api,
        tally: &mut Tally,
        out: &mut dyn Write,
    ) -> Result<Option<(String, ApiError)>, ApiError> {
        let confirmations: Vec<Confirmation> =
            self.confirmations.iter().map(|(_, c)| c.clone()).collect();
        let mut stop = None;
        if api.store.add_confirmations(&confirmations).is_err() {
            for (line, confirmation) in &self.confirmations {
                if let Err(error) = api.store.add_confirmation(confirmation) {
                    let unwritten =
                        |(at, _, created): &(usize, String, bool)| *created && at >= line;
                    tally.created -= self.said.iter().filter(|s| unwritten(s)).count();
                    self.said.retain(|s| !unwritten(s));
                    stop = Some((format!("Stopped at line {line}. "), ApiError::from(error)));
                    break;
                }
            }
        }
        api.book = Book::default();
        self.confirmations.clear();
        for (_, said, _) in self.said.drain(..) {
            // Values from the file or the store never reach the terminal raw.
            writeln!(out, "{}", visible(&said)).map_err(write_error)?;
        }
        Ok(stop)
    }
}

/// One row's outcome; an `Err` only for a failure that stops the import (the store's).
fn decide(
    api: &mut Api,
    plan: &Plan,
    header: &Header,
    record: &Record,
) -> Result<Outcome, ApiError> {
    let row = match header.row(record) {
        Ok(row) => row,
        Err(reason) => return Ok(Outcome::Rejected(reason)),
    };
    let (customer_id, missing) = match Customers::new(&api.store).check(&mut api.book, &row)? {
        Check::Empty => return Ok(Outcome::Skipped),
        Check::Rejected(reason) => return Ok(Outcome::Rejected(reason)),
        Check::Identified {
            customer_id,
            missing,
        } => (customer_id, missing),
    };
    let others = plan.other_lines(&customer_id, record.line);
    if !others.is_empty() {
        let lines = if others.len() == 1 { "line" } else { "lines" };
        let others: Vec<String> = others.iter().map(usize::to_string).collect();
        return Ok(Outcome::Rejected(format!(
            "{} has more than one row in the file (also {lines} {}); none of its rows is imported",
            label(api, &customer_id),
            others.join(", ")
        )));
    }
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|c| c.name()).collect();
        return Ok(Outcome::Rejected(insufficient(&names)));
    }
    // Only the date's form is checked here: the service refuses a future date, with Partner
    // Center's own message.
    let acceptance = match row.draft().validate(NaiveDate::MAX) {
        Ok(acceptance) => acceptance,
        Err(errors) => {
            let messages: Vec<String> = errors
                .iter()
                .map(|(field, message)| {
                    let column = column(*field);
                    let message = match column {
                        Column::Date => spreadsheet_date(row.get(Column::Date)),
                        _ => None,
                    }
                    .unwrap_or_else(|| message.clone());
                    format!("{}: {message}", column.name())
                })
                .collect();
            return Ok(Outcome::Rejected(messages.join(" ")));
        }
    };
    match checked(api).confirm(&customer_id, acceptance, Channel::Import) {
        Ok(confirmation) => Ok(Outcome::Created(
            label(api, &customer_id),
            Box::new(confirmation),
        )),
        Err(ServiceError::AlreadyConfirmed) => Ok(Outcome::Unchanged),
        Err(error) => {
            let error = ApiError::from(error);
            if error.exit == exit::STORE || error.exit == exit::STORE_IN_USE {
                return Err(error);
            }
            // Partner Center's own codes (600002, …) are worth showing; HTTP-like ones are not.
            Ok(Outcome::Rejected(match error.code {
                code if code >= 10_000 => format!("{} ({code})", error.description),
                _ => error.description,
            }))
        }
    }
}

/// The service over a store that keeps nothing: it applies every rule, and the book (this
/// command's own read model, gone when it ends) takes each new confirmation, so a later row is
/// judged as it would be once written. The group writes the confirmations (unless dry run).
fn checked(api: &mut Api) -> Operations<'_> {
    Operations {
        store: &DryRun,
        book: &mut api.book,
        actor: &api.actor,
        now: api.clock.now(),
    }
}

fn label(api: &Api, customer_id: &str) -> String {
    match api.book.customer(customer_id) {
        Some(c) => format!("{} ({})", c.company_name, c.domain),
        None => customer_id.to_string(),
    }
}

fn column(field: AcceptanceField) -> Column {
    match field {
        AcceptanceField::FirstName => Column::FirstName,
        AcceptanceField::LastName => Column::LastName,
        AcceptanceField::Email => Column::Email,
        AcceptanceField::Phone => Column::Phone,
        AcceptanceField::Date => Column::Date,
    }
}

/// What the first reading learns: how many rows there are, and on which lines each customer
/// named with a confirmation appears.
struct Plan {
    rows: usize,
    lines: HashMap<String, Vec<usize>>,
}

impl Plan {
    fn read(source: &Source, customers: &Customers) -> Result<Plan, ApiError> {
        let mut rows = Rows::open(source)?;
        let mut plan = Plan {
            rows: 0,
            lines: HashMap::new(),
        };
        while let Some(read) = rows.next().map_err(|e| source.cannot_read(e))? {
            plan.rows += 1;
            let record = match read {
                Read::Record(record) => record,
                // Rows of another encoding would each be refused: the whole file is, at once.
                Read::Malformed(Malformed::NotUtf8 { line }) => {
                    return Err(source.not_utf8(line));
                }
                Read::Malformed(_) => continue,
            };
            let Ok(row) = rows.header.row(&record) else {
                continue;
            };
            if has_data(&row) {
                if let Some(customer_id) = customers.key(&row)? {
                    plan.lines.entry(customer_id).or_default().push(record.line);
                }
            }
        }
        Ok(plan)
    }

    /// The other lines naming the same customer.
    fn other_lines(&self, customer_id: &str, line: usize) -> Vec<usize> {
        let lines = self.lines.get(customer_id).map_or(&[][..], Vec::as_slice);
        lines.iter().copied().filter(|l| *l != line).collect()
    }
}
