//! The rows an import has decided but not yet written, written a group at a time, and what is
//! said of each row once its group is on disk; the counts for the summary.

use super::decide::Outcome;
use crate::api::error::ApiError;
use crate::api::{write_error, Api};
use crate::book::Book;
use crate::domain::agreement::Confirmation;
use crate::store::Store;
use crate::ui::text::visible;
use std::io::Write;

/// Rows imported between two flushes: few enough that a report is never far behind, many
/// enough that flushing costs little per row.
pub const GROUP: usize = 1000;

#[derive(Debug, Default)]
pub struct Tally {
    pub created: usize,
    pub unchanged: usize,
    pub skipped: usize,
    pub rejected: usize,
}

impl Tally {
    pub fn rows(&self) -> usize {
        self.created + self.unchanged + self.skipped + self.rejected
    }

    pub fn count(&mut self, outcome: &Outcome) {
        *match outcome {
            Outcome::Created { .. } => &mut self.created,
            Outcome::Unchanged { .. } => &mut self.unchanged,
            Outcome::Skipped => &mut self.skipped,
            Outcome::Rejected(_) => &mut self.rejected,
        } += 1;
    }

    /// The summary's counts: `2 created, 1 unchanged, …`, or `would create 2, …` in a dry run.
    pub fn counts(&self, dry_run: bool) -> String {
        let created = if dry_run {
            format!("would create {}", self.created)
        } else {
            format!("{} created", self.created)
        };
        format!(
            "{created}, {} unchanged, {} skipped, {} rejected",
            self.unchanged, self.skipped, self.rejected
        )
    }
}

/// The rows read since the last write: their confirmations, and what to say of each row.
#[derive(Default)]
pub struct Group {
    confirmations: Vec<(usize, Confirmation)>,
    /// Line, what to say, and whether the row created a confirmation.
    said: Vec<(usize, String, bool)>,
}

impl Group {
    pub fn add(&mut self, line: usize, outcome: Outcome, dry_run: bool) {
        let said = outcome.said(line, dry_run);
        match outcome {
            Outcome::Created { confirmation, .. } => {
                if !dry_run {
                    self.confirmations.push((line, *confirmation));
                }
                self.said.push((line, said, true));
            }
            Outcome::Rejected(reason) => {
                tracing::warn!("import refused line {line}: {reason}");
                self.said.push((line, said, false));
            }
            Outcome::Unchanged { .. } | Outcome::Skipped => self.said.push((line, said, false)),
        }
    }

    /// Writes the group's confirmations in one atomic write and flushes, then says what became
    /// of its rows. Should that write fail, they are written one by one up to the first that
    /// fails, where the import stops (returned): the rows before it stay recorded. The book
    /// is emptied, so it holds at most one group's customers.
    pub fn write(
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
        out.flush().map_err(write_error)?;
        Ok(stop)
    }
}
