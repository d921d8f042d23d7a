//! Why an import refuses a row or its header, and why a row is unchanged: data, said in the
//! caller's language by the catalogs (`ImportWords`). Values from the file are quoted here,
//! whatever the language, so that none can draw on the terminal.

use super::csv::LINE_MAX;
use super::rows::{Column, Dialect};
use crate::domain::agreement::AgreementKind;
use crate::domain::characters::quote;
use crate::domain::field_problem::FieldProblem;
use crate::locale::words::{ImportWords, Terms, Words};
use crate::locale::Lang;
use chrono::NaiveDate;

/// A required value, by its column, or one of two columns where either will do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Needed {
    Column(Column),
    TenantIdOrDomain,
}

impl Needed {
    fn name(&self, terms: &Terms) -> String {
        match self {
            Needed::Column(column) => column.name().to_string(),
            Needed::TenantIdOrDomain => {
                (terms.or_list)(&[Column::TenantId.name(), Column::Domain.name()])
            }
        }
    }
}

/// What is wrong with one value of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueProblem {
    /// A date as a spreadsheet shows it (`11/1/2018`).
    SpreadsheetDate(String),
    /// A date of Microsoft's sample written day first (`14/11/2018`).
    DayFirst(String),
    /// Not a date as Microsoft's sample writes one.
    NotSampleDate(String),
    /// The rule of the dashboard's field.
    Field(FieldProblem),
}

/// Why a row is not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    UnclosedQuote,
    NotUtf8,
    TooLong,
    FieldCount {
        count: usize,
        header: usize,
    },
    SampleFieldCount {
        count: usize,
    },
    Insufficient {
        dialect: Dialect,
        empty: Vec<Needed>,
    },
    UnknownTenant(String),
    UnknownDomain(String),
    Disagree {
        tenant: String,
        domain_of_tenant: String,
        domain: String,
    },
    /// Another row names the same customer (its customer, the other lines).
    MoreThanOneRow {
        customer: String,
        others: Vec<usize>,
    },
    NotAType(String),
    Values(Vec<(Column, ValueProblem)>),
    /// A refusal of the service, already said in the caller's language.
    Refused(String),
}

/// "MicrosoftCloudAgreement or MicrosoftCustomerAgreement".
fn type_names(terms: &Terms) -> String {
    let names: Vec<&str> = AgreementKind::ALL.iter().map(|k| k.type_name()).collect();
    (terms.or_list)(&names)
}

impl RowProblem {
    pub fn said(&self, words: &Words) -> String {
        let w = &words.import;
        match self {
            RowProblem::UnclosedQuote => w.unclosed_quote.to_string(),
            RowProblem::NotUtf8 => w.row_not_utf8.to_string(),
            RowProblem::TooLong => (w.line_too_long)(LINE_MAX >> 20),
            RowProblem::FieldCount { count, header } => (w.field_count)(*count, *header),
            RowProblem::SampleFieldCount { count } => (w.sample_field_count)(*count),
            RowProblem::Insufficient { dialect, empty } => {
                let names: Vec<String> = empty.iter().map(|n| n.name(&words.terms)).collect();
                match dialect {
                    Dialect::Pcenter => (w.insufficient)(&names),
                    Dialect::MicrosoftSample => {
                        let no_type = empty.contains(&Needed::Column(Column::Type));
                        (w.sample_insufficient)(
                            &names,
                            no_type.then(|| type_names(&words.terms)).as_deref(),
                        )
                    }
                }
            }
            RowProblem::UnknownTenant(tenant) => (w.unknown_tenant)(&quote(tenant)),
            RowProblem::UnknownDomain(domain) => (w.unknown_domain)(&quote(domain)),
            RowProblem::Disagree {
                tenant,
                domain_of_tenant,
                domain,
            } => (w.disagree)(&quote(tenant), domain_of_tenant, &quote(domain)),
            RowProblem::MoreThanOneRow { customer, others } => {
                (w.more_than_one_row)(customer, others)
            }
            RowProblem::NotAType(value) => (w.not_a_type)(&quote(value), &type_names(&words.terms)),
            RowProblem::Values(values) => {
                let said: Vec<String> = values
                    .iter()
                    .map(|(column, problem)| {
                        let problem = match problem {
                            ValueProblem::SpreadsheetDate(v) => (w.spreadsheet_date)(&quote(v)),
                            ValueProblem::DayFirst(v) => (w.day_first)(&quote(v)),
                            ValueProblem::NotSampleDate(v) => (w.not_sample_date)(&quote(v)),
                            ValueProblem::Field(problem) => (words.problems.field)(problem),
                        };
                        (w.value_problem)(column.name(), &problem)
                    })
                    .collect();
                said.join(" ")
            }
            RowProblem::Refused(said) => said.clone(),
        }
    }
}

/// In English, for logs and tests (a refusal of the service as it was said).
impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said(Lang::English.words()))
    }
}

/// Why a header is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderProblem {
    Twice(Column),
    Missing(Vec<Needed>),
}

impl HeaderProblem {
    pub fn said(&self, words: &Words) -> String {
        match self {
            HeaderProblem::Twice(column) => (words.import.column_twice)(column.name()),
            HeaderProblem::Missing(needed) => {
                let names: Vec<String> = needed.iter().map(|n| n.name(&words.terms)).collect();
                (words.import.no_column)(&names)
            }
        }
    }
}

impl std::fmt::Display for HeaderProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said(Lang::English.words()))
    }
}

/// Why a row writes nothing: it is on record already.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unchanged {
    /// Its contact is that of the customer's current confirmation (of the agreement the row
    /// names, when it names one); `on` the date on record, when the row gives another.
    SameAsCurrent {
        of: Option<AgreementKind>,
        on: Option<NaiveDate>,
    },
    /// Its contact and date are in the customer's history.
    SameAsEarlier,
}

impl Unchanged {
    pub const SAME_AS_CURRENT: Unchanged = Unchanged::SameAsCurrent { of: None, on: None };

    pub fn said(&self, words: &ImportWords) -> String {
        match self {
            Unchanged::SameAsCurrent { of, on } => {
                let mut why = match of {
                    Some(kind) => (words.same_as_current_of)(*kind),
                    None => words.same_as_current.to_string(),
                };
                if let Some(on) = on {
                    why.push_str(&(words.new_date_alone)(*on));
                }
                why
            }
            Unchanged::SameAsEarlier => words.same_as_earlier.to_string(),
        }
    }
}
