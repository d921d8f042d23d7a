//! The rows an import has decided but not yet written, written a group at a time, and what is
//! said of each row once its group is on disk; the counts for the summary.

use super::decide::Outcome;
use super::problem::Unchanged;
use crate::api::error::ApiError;
use crate::api::{write_error, Api};
use crate::domain::agreement::Confirmation;
use crate::domain::characters::message_line as printable;
use crate::locale::words::{CommandWords, ImportCounts, Words};
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
        *self.counter(Kind::of(outcome)) += 1;
    }

    fn counter(&mut self, kind: Kind) -> &mut usize {
        match kind {
            Kind::Created => &mut self.created,
            Kind::Unchanged => &mut self.unchanged,
            Kind::Skipped => &mut self.skipped,
            Kind::Rejected => &mut self.rejected,
        }
    }

    /// The summary's counts: `2 created, 1 unchanged, …`, or `would create 2, …` in a dry run.
    pub fn counts(&self, dry_run: bool, words: &CommandWords) -> String {
        (words.import_counts)(&ImportCounts {
            created: self.created,
            unchanged: self.unchanged,
            skipped: self.skipped,
            rejected: self.rejected,
            dry_run,
        })
    }
}

/// Which counter of the tally a row went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Created,
    Unchanged,
    Skipped,
    Rejected,
}

impl Kind {
    fn of(outcome: &Outcome) -> Kind {
        match outcome {
            Outcome::Created { .. } => Kind::Created,
            Outcome::Unchanged { .. } => Kind::Unchanged,
            Outcome::Skipped => Kind::Skipped,
            Outcome::Rejected(_) => Kind::Rejected,
        }
    }
}

/// The rows read since the last write: their confirmations, and what to say of each row.
pub struct Group {
    /// The words of what is said.
    words: &'static Words,
    /// Line, confirmation, and what to say of the row should it be on record by the time it
    /// is written (another agent recorded the same contact meanwhile).
    confirmations: Vec<(usize, Confirmation, String)>,
    /// Line, what to say, and which counter the row went to.
    said: Vec<(usize, String, Kind)>,
}

impl Group {
    pub fn new(words: &'static Words) -> Group {
        Group {
            words,
            confirmations: Vec::new(),
            said: Vec::new(),
        }
    }

    pub fn add(&mut self, line: usize, outcome: Outcome, dry_run: bool) {
        let said = outcome.said(line, dry_run, self.words);
        let kind = Kind::of(&outcome);
        match outcome {
            Outcome::Created {
                confirmation,
                ref customer,
                ..
            } if !dry_run => {
                let unchanged = Outcome::Unchanged {
                    customer: customer.clone(),
                    why: Unchanged::SAME_AS_CURRENT,
                };
                self.confirmations.push((
                    line,
                    *confirmation,
                    unchanged.said(line, dry_run, self.words),
                ));
            }
            Outcome::Rejected(ref reason) => {
                tracing::warn!("import refused line {line}: {reason}");
            }
            _ => {}
        }
        self.said.push((line, said, kind));
    }

    /// Writes the group's confirmations in one atomic write and flushes, then says what became
    /// of its rows. Should that write fail, they are written one by one up to the first that
    /// fails, where the import stops (returned): the rows before it stay recorded, and nothing
    /// is said or counted of that row and the ones after it. The book is emptied, so it holds
    /// at most one group's customers.
    pub fn write(
        &mut self,
        api: &mut Api,
        tally: &mut Tally,
        out: &mut dyn Write,
    ) -> Result<Option<(String, ApiError)>, ApiError> {
        let stop = self.store(api, tally);
        if let Some((line, _)) = &stop {
            self.stop_at(*line, tally);
        }
        api.forget();
        self.confirmations.clear();
        self.say(out)?;
        let words = &self.words.commands;
        Ok(stop.map(|(line, error)| ((words.stopped_at)(line), error.in_language(api.lang))))
    }

    /// Stores the confirmations through the core, each judged again on the current records;
    /// on failure, the line of the first one that could not be stored, and why. A row on
    /// record by now (recorded meanwhile by someone else) is said to be unchanged.
    fn store(&mut self, api: &mut Api, tally: &mut Tally) -> Option<(usize, ApiError)> {
        let confirmations: Vec<Confirmation> = self
            .confirmations
            .iter()
            .map(|(_, c, _)| c.clone())
            .collect();
        // The book holds the group's customers as read, plus the confirmations decided for
        // them; as read, they are what the write starts from when nothing changed meanwhile.
        for confirmation in &confirmations {
            api.book.remove_confirmation(confirmation);
        }
        let written = match api.change_on_what_was_read(|ops| ops.record_decided(confirmations)) {
            Ok(written) => written,
            // One at a time, up to the first that fails.
            Err(_) => {
                let mut written = Vec::new();
                let each: Vec<(usize, Confirmation)> = self
                    .confirmations
                    .iter()
                    .map(|(line, c, _)| (*line, c.clone()))
                    .collect();
                for (line, confirmation) in each {
                    match api.change(|ops| ops.record_decided(vec![confirmation])) {
                        Ok(one) => written.extend(one),
                        Err(error) => {
                            self.said_unchanged(&written, tally);
                            return Some((line, ApiError::from(error)));
                        }
                    }
                }
                written
            }
        };
        self.said_unchanged(&written, tally);
        None
    }

    /// Says "unchanged" of each row not written (`false`), and counts it so.
    fn said_unchanged(&mut self, written: &[bool], tally: &mut Tally) {
        for ((line, _, unchanged), written) in self.confirmations.iter().zip(written) {
            if *written {
                continue;
            }
            if let Some(said) = self.said.iter_mut().find(|(at, _, _)| at == line) {
                said.1 = unchanged.clone();
                *tally.counter(said.2) -= 1;
                said.2 = Kind::Unchanged;
                tally.unchanged += 1;
            }
        }
    }

    /// Forgets the rows from `line` on, whatever became of them, and takes each off its count:
    /// the import stopped there, so they were not imported.
    fn stop_at(&mut self, line: usize, tally: &mut Tally) {
        for (_, _, kind) in self.said.iter().filter(|(at, _, _)| *at >= line) {
            *tally.counter(*kind) -= 1;
        }
        self.said.retain(|(at, _, _)| *at < line);
    }

    /// Prints what became of each row, and flushes.
    fn say(&mut self, out: &mut dyn Write) -> Result<(), ApiError> {
        for (_, said, _) in self.said.drain(..) {
            // Values from the file or the store never reach the terminal raw: hidden
            // characters are written as escapes, as in every other message.
            writeln!(out, "{}", printable(&said)).map_err(write_error)?;
        }
        out.flush().map_err(write_error)
    }
}

#[cfg(test)]
mod tests {
    use super::super::problem::RowProblem;
    use super::*;
    use crate::domain::agreement::{Channel, Contact, MCA_TEMPLATE_ID, MCA_TYPE};

    fn created(customer: &str) -> Outcome {
        let confirmation = Confirmation {
            customer_id: customer.into(),
            accepted_by: Contact {
                first_name: "Ada".into(),
                last_name: "Lovelace".into(),
                email: "ada@contoso.com".into(),
                phone: None,
            },
            date_agreed: "2018-11-14".parse().unwrap(),
            agreement_type: MCA_TYPE.into(),
            template_id: MCA_TEMPLATE_ID.into(),
            recorded_by: "Partner agent".into(),
            recorded_at: "2018-11-14T10:00:00Z".parse().unwrap(),
            channel: Channel::Import,
        };
        Outcome::Created {
            customer: customer.into(),
            confirmation: Box::new(confirmation),
            current: None,
        }
    }

    #[test]
    fn a_stop_drops_every_row_from_its_line_on_from_what_is_said_and_counted() {
        let rows = [
            (2, created("Contoso")),
            (3, Outcome::Skipped),
            (
                4,
                Outcome::Unchanged {
                    customer: "Fabrikam".into(),
                    why: Unchanged::SAME_AS_CURRENT,
                },
            ),
            (5, created("Northwind")),
            (6, Outcome::Rejected(RowProblem::UnclosedQuote)),
            (7, Outcome::Skipped),
            (
                8,
                Outcome::Unchanged {
                    customer: "Tailspin".into(),
                    why: Unchanged::SAME_AS_CURRENT,
                },
            ),
            (9, created("Litware")),
        ];
        let english = crate::locale::Lang::English.words();
        let (mut group, mut tally) = (Group::new(english), Tally::default());
        for (line, outcome) in rows {
            tally.count(&outcome);
            group.add(line, outcome, false);
        }
        group.stop_at(5, &mut tally);
        let mut out = Vec::new();
        group.say(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "line 2: created: Contoso\n\
             line 3: skipped: no confirmation details\n\
             line 4: unchanged: Fabrikam, the same contact is already confirmed\n"
        );
        assert_eq!(
            tally.counts(false, &english.commands),
            "1 created, 1 unchanged, 1 skipped, 0 rejected"
        );
    }
}
