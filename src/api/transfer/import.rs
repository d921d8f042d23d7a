//! `pcenter agreements import FILE [--dry-run]`: each row is created (through the service, the
//! same rules as the dashboard, channel Import), unchanged (already on record), skipped (no
//! confirmation in the row) or rejected with its line and reason, and each says so on its own
//! line. Rows are written in groups of `GROUP` (1,000), each group in one atomic write that is
//! flushed before its rows are reported: what a line says was created is on disk, and a failure
//! later loses nothing reported before it.
//!
//! The file is read twice, one record at a time: first to find customers named on more than one
//! row (all their rows are rejected) and to count the rows, then to import.

use super::csv::Read;
use super::decide::{decide, Outcome};
use super::lookup::Customers;
use super::plan::Plan;
use super::progress::Progress;
use super::report::{Group, Tally, GROUP};
use super::source::{Rows, Source};
use crate::api::error::{exit, ApiError};
use crate::api::{write_error, Api};
use crate::domain::characters::message_line as printable;
use crate::domain::characters::quote_path;
use crate::domain::role::GatedAction;
use crate::service::ServiceError;
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
    // The first reading takes seconds on a large file: say so, then show the bar.
    let words = api.words();
    let mut progress = Progress::beside_stdout(words);
    progress.note(&(words.reading)(&quote_path(path)));
    let source = Source::open(path)?;
    let plan = Plan::read(&source, &Customers::new(api.store()))?;
    progress.start(plan.rows);
    let mut tally = Tally::default();
    let mut rows = Rows::open(&source)?;
    // Rows are written a group at a time, in one atomic write, and reported only once it is
    // flushed: what the output says was created is on disk.
    let mut group = Group::new(api.lang.words());
    // A failure of the store or of reading stops the import; what was recorded stays.
    let mut stopped: Option<(String, ApiError)> = None;
    loop {
        let read = match rows.next() {
            Ok(Some(read)) => read,
            Ok(None) => break,
            Err(error) => {
                stopped = Some((
                    words.stopped_reading.into(),
                    source.cannot_read(error).in_language(api.lang),
                ));
                break;
            }
        };
        let (line, outcome) = match read {
            Read::Malformed(malformed) => {
                (malformed.line(), Outcome::Rejected(malformed.problem()))
            }
            Read::Record(record) => match decide(api, &plan, &rows.header, &record) {
                Ok(outcome) => (record.line, outcome),
                Err(error) => {
                    let at = (words.stopped_at)(record.line);
                    stopped = Some((at, error.in_language(api.lang)));
                    break;
                }
            },
        };
        tally.count(&outcome);
        progress.advance();
        group.add(line, outcome, dry_run);
        if tally.rows() % GROUP == 0 {
            // The group's lines go above the bar, which is drawn again below them.
            progress.clear();
            if let Some(stop) = group.write(api, &mut tally, out)? {
                stopped = Some(stop);
                break;
            }
            progress.redraw();
        }
    }
    progress.clear();
    if let Some(stop) = group.write(api, &mut tally, out)? {
        stopped = Some(stop);
    }
    let stop = stopped.as_ref().map_or("", |(stop, _)| stop.as_str());
    let counts = tally.counts(dry_run, words);
    let path = quote_path(path);
    let summary = if dry_run {
        format!("{stop}{}", (words.dry_run_of)(&path, &counts))
    } else {
        format!("{stop}{}", (words.imported)(&path, &counts))
    };
    writeln!(out, "{}", printable(&summary)).map_err(write_error)?;
    match stopped {
        Some((_, error)) => Err(error),
        None if tally.rejected > 0 => Ok(exit::ROWS_REJECTED),
        None => Ok(0),
    }
}
