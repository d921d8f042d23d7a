//! What becomes of one row of an import: created, unchanged, skipped or rejected, judged by the
//! service's own rules on the book, without writing (the caller writes a group at a time).
//!
//! A row that names its agreement (the Type of Microsoft's sample, or a Type column) is judged
//! against the customer's confirmations of that agreement; a row that names none confirms the
//! agreement the dashboard confirms on the business date.

use super::csv::Record;
use super::dry_run::DryRun;
use super::habits::spreadsheet_date;
use super::lookup::{Check, Customers};
use super::microsoft;
use super::plan::Plan;
use super::problem::{Needed, RowProblem, Unchanged, ValueProblem};
use super::rows::{Column, Dialect, Header, Row};
use crate::api::error::{exit, ApiError};
use crate::api::Api;
use crate::domain::agreement::{
    self, Acceptance, AcceptanceField, AgreementKind, Channel, Confirmation,
};
use crate::domain::timeline;
use crate::locale::words::Words;
use crate::service::{Operations, ServiceError};
use crate::store::Dossier;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// To be recorded. `current` is the date of the customer's current confirmation when it
    /// stays current (this one's acceptance came before it).
    Created {
        customer: String,
        confirmation: Box<Confirmation>,
        current: Option<NaiveDate>,
    },
    /// Already on record; why, after the customer's name.
    Unchanged {
        customer: String,
        why: Unchanged,
    },
    /// No confirmation in the row (an export writes such rows).
    Skipped,
    Rejected(RowProblem),
}

impl Outcome {
    /// What the import says of the row on `line`, in `words`.
    pub fn said(&self, line: usize, dry_run: bool, all_words: &Words) -> String {
        let words = &all_words.commands;
        match self {
            Outcome::Created {
                customer, current, ..
            } => {
                let kept = current.map_or(String::new(), words.import_kept);
                format!("{}{kept}", (words.import_created)(line, customer, dry_run))
            }
            Outcome::Unchanged { customer, why } => {
                (words.import_unchanged)(line, customer, &why.said(&all_words.import))
            }
            Outcome::Skipped => (words.import_skipped)(line),
            Outcome::Rejected(problem) => (words.import_rejected)(line, &problem.said(all_words)),
        }
    }
}

/// One row's outcome; an `Err` only for a failure that stops the import (the store's).
pub fn decide(
    api: &mut Api,
    plan: &Plan,
    header: &Header,
    record: &Record,
) -> Result<Outcome, ApiError> {
    let row = match header.row(record) {
        Ok(row) => row,
        Err(reason) => return Ok(Outcome::Rejected(reason)),
    };
    let dialect = row.dialect();
    let (customer_id, missing) =
        match Customers::new(api.core.store()).check(&mut api.book, &row)? {
            Check::Empty => return Ok(Outcome::Skipped),
            Check::Rejected(reason) => return Ok(Outcome::Rejected(reason)),
            Check::Identified {
                customer_id,
                missing,
            } => (customer_id, missing),
        };
    let customer = label(api, &customer_id);
    // Microsoft's sample gives a customer one row per agreement; the plan refused a file that
    // gives one agreement twice.
    let others = match dialect {
        Dialect::Pcenter => plan.other_lines(&customer_id, record.line),
        Dialect::MicrosoftSample => Vec::new(),
    };
    if !others.is_empty() {
        return Ok(Outcome::Rejected(RowProblem::MoreThanOneRow {
            customer,
            others,
        }));
    }
    if !missing.is_empty() {
        let empty = missing.into_iter().map(Needed::Column).collect();
        return Ok(Outcome::Rejected(RowProblem::Insufficient {
            dialect,
            empty,
        }));
    }
    let named = match row.agreement() {
        Ok(named) => named,
        Err(reason) => return Ok(Outcome::Rejected(reason)),
    };
    let unchanged = match (dialect, named) {
        (Dialect::MicrosoftSample, Some(kind)) => {
            same_contact_as_current(api, &customer_id, &row, kind)
        }
        _ => on_record_as_written(api, &customer_id, &row, named),
    };
    if let Some(why) = unchanged {
        return Ok(Outcome::Unchanged { customer, why });
    }
    // Only the date's form is checked here: the service refuses a future date, with Partner
    // Center's own message.
    let mut acceptance = match row.draft().validate(NaiveDate::MAX) {
        Ok(acceptance) => acceptance,
        Err(errors) => {
            // The column's name is the file's; what is wrong with it is said for a person.
            let problems = errors
                .iter()
                .map(|(field, problem)| {
                    let column = column(*field);
                    let date = row.get(Column::Date);
                    let problem = match (column, dialect) {
                        (Column::Date, Dialect::Pcenter) => spreadsheet_date(date),
                        (Column::Date, Dialect::MicrosoftSample)
                            if microsoft::iso_date(date).is_none() =>
                        {
                            Some(microsoft::date_problem(date))
                        }
                        _ => None,
                    }
                    .unwrap_or_else(|| ValueProblem::Field(problem.clone()));
                    (column, problem)
                })
                .collect();
            return Ok(Outcome::Rejected(RowProblem::Values(problems)));
        }
    };
    // A row that names no agreement confirms the one the dashboard confirms on the business
    // date. The service refuses an agreement that cannot be confirmed then, with its message.
    acceptance.agreement =
        named.unwrap_or_else(|| timeline::dashboard_agreement(api.actor.business_date));
    let kind = acceptance.agreement;
    match record_unless_on_record(api, &customer_id, acceptance, named) {
        Ok(Some(confirmation)) => {
            let current = current(api, &customer_id, named)
                .filter(|current| **current != confirmation)
                .map(|current| current.date_agreed);
            Ok(Outcome::Created {
                customer,
                confirmation: Box::new(confirmation),
                current,
            })
        }
        Ok(None) => Ok(Outcome::Unchanged {
            customer,
            why: Unchanged::SameAsEarlier,
        }),
        Err(ServiceError::AlreadyConfirmed) => Ok(Outcome::Unchanged {
            customer,
            why: Unchanged::SameAsCurrent {
                of: named,
                on: None,
            },
        }),
        // The agreement the row names cannot be confirmed on the business date: the other can.
        Err(error @ (ServiceError::TemplateRetired | ServiceError::AgreementNotYetAvailable))
            if named.is_some() =>
        {
            let other = AgreementKind::ALL.into_iter().find(|k| *k != kind);
            let hint = other.map_or(String::new(), |other| {
                (api.words().other_type_hint)(other.type_name())
            });
            Ok(Outcome::Rejected(RowProblem::Refused(format!(
                "{}{hint}",
                ApiError::from(error).in_language(api.lang).description
            ))))
        }
        Err(error) => {
            let error = ApiError::from(error);
            if error.exit == exit::STORE || error.exit == exit::STORE_IN_USE {
                return Err(error);
            }
            let error = error.in_language(api.lang);
            // Partner Center's own codes (600002, …) are worth showing; HTTP-like ones are not.
            Ok(Outcome::Rejected(RowProblem::Refused(match error.code {
                code if code >= 10_000 => format!("{} ({code})", error.description),
                _ => error.description,
            })))
        }
    }
}

/// The customer's confirmation in force on the business date: of the agreement `named`, or of
/// any agreement.
fn current<'a>(
    api: &'a Api,
    customer_id: &str,
    named: Option<AgreementKind>,
) -> Option<&'a Confirmation> {
    let confirmations = api.book.confirmations(customer_id);
    agreement::current_for(confirmations, named, api.actor.business_date)
}

/// Why a row of Microsoft's sample is already on record, as the sample judges it: its contact
/// is, value for value and in the same case, that of the customer's current confirmation of
/// the row's agreement (the date aside, as a new date alone records nothing). A row whose date
/// cannot be read is not judged here, and is refused for it.
fn same_contact_as_current(
    api: &Api,
    customer_id: &str,
    row: &Row,
    kind: AgreementKind,
) -> Option<Unchanged> {
    let date = microsoft::iso_date(row.get(Column::Date))?;
    let current = current(api, customer_id, Some(kind))?;
    let who = &current.accepted_by;
    let same = row.get(Column::FirstName) == who.first_name
        && row.get(Column::LastName) == who.last_name
        && row.get(Column::Phone) == who.phone.as_deref().unwrap_or("")
        && row.get(Column::Email) == who.email;
    if !same {
        return None;
    }
    Some(Unchanged::SameAsCurrent {
        of: Some(kind),
        on: (date != current.date_agreed.to_string()).then_some(current.date_agreed),
    })
}

/// Why the row is already on record when it is, value for value, a confirmation of the
/// customer as an export writes it (of the agreement `named`, when the row names one). Such a
/// row writes nothing, so it is unchanged even with a value that an older version stored and
/// the rules now refuse (a control character in a name): an export of any store imports back
/// as unchanged rows.
fn on_record_as_written(
    api: &Api,
    customer_id: &str,
    row: &Row,
    named: Option<AgreementKind>,
) -> Option<Unchanged> {
    let same = |c: &Confirmation| {
        let who = &c.accepted_by;
        row.get(Column::FirstName) == who.first_name
            && row.get(Column::LastName) == who.last_name
            && row.get(Column::Email) == who.email
            && row.get(Column::Phone) == who.phone.as_deref().unwrap_or("")
            && row.get(Column::Date) == c.date_agreed.format("%Y-%m-%d").to_string()
    };
    if current(api, customer_id, named).is_some_and(same) {
        return Some(Unchanged::SAME_AS_CURRENT);
    }
    (api.book.confirmations(customer_id).iter())
        .filter(|c| of_agreement(c, named))
        .any(same)
        .then_some(Unchanged::SameAsEarlier)
}

/// Whether `confirmation` is of the agreement `named`; any is, when none is named.
fn of_agreement(confirmation: &Confirmation, named: Option<AgreementKind>) -> bool {
    named.is_none_or(|kind| confirmation.kind() == Some(kind))
}

/// Confirms through the service, unless a confirmation of the same person on the same date is
/// already on record for the customer (of the agreement `named`, when the row names one):
/// `None`, importing a file again adds nothing. A contact equal to the current confirmation's
/// is the service's own refusal (600061), on any date.
fn record_unless_on_record(
    api: &mut Api,
    customer_id: &str,
    acceptance: Acceptance,
    named: Option<AgreementKind>,
) -> Result<Option<Confirmation>, ServiceError> {
    let dry_run = DryRun {
        customer: api.book.customer(customer_id).cloned().map(Dossier::new),
    };
    let mut ops = checked(api, &dry_run);
    ops.check_confirmation(customer_id, acceptance.date_agreed)?;
    let book = &ops.book;
    let same_person = |c: &Confirmation| c.accepted_by.same_person(&acceptance.accepted_by);
    let confirmations = book.confirmations(customer_id);
    let as_of = ops.actor.business_date;
    let current = agreement::current_for(confirmations, named, as_of);
    let current_is_same = current.is_some_and(same_person);
    let on_record = confirmations.iter().any(|c| {
        of_agreement(c, named) && same_person(c) && c.date_agreed == acceptance.date_agreed
    });
    if on_record && !current_is_same {
        return Ok(None);
    }
    ops.confirm(customer_id, acceptance, Channel::Import)
        .map(Some)
}

/// The service over a store that keeps nothing: it applies every rule, and the book (this
/// command's own read model, gone when it ends) takes each new confirmation, so a later row is
/// judged as it would be once written. The group writes the confirmations (unless dry run).
fn checked<'a>(api: &'a mut Api, dry_run: &'a DryRun) -> Operations<'a> {
    {
        let now = api.now();
        Operations::new(dry_run, &mut api.book, &api.actor, now)
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
