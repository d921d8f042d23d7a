//! The first reading of an import's file: how many rows it has, which customers are named on
//! more than one row (all their rows are rejected), and whether it is UTF-8 text at all. A file
//! of Microsoft's sample may name a customer once per agreement; one that names the same
//! agreement of a customer twice is refused whole, as the sample refuses it.

use super::csv::{Malformed, Read};
use super::lookup::{has_data, Customers};
use super::rows::{Column, Dialect, Row};
use super::source::{Rows, Source};
use crate::api::error::ApiError;
use crate::domain::agreement::AgreementKind;
use crate::domain::characters::{quote, quote_path};
use crate::locale::words::Repeated;
use std::collections::HashMap;

/// What the first reading learns: how many rows there are, and on which lines each customer
/// named with a confirmation appears.
pub struct Plan {
    pub rows: usize,
    lines: HashMap<String, Vec<usize>>,
}

/// The lines of one customer's agreement in a file of Microsoft's sample, with the tenant ID
/// and the type as the first of them writes them.
struct Agreement {
    tenant: String,
    type_name: String,
    lines: Vec<usize>,
}

/// How many of the repeated agreements a refusal names.
const NAMED: usize = 5;

impl Plan {
    pub fn read(source: &Source, customers: &Customers) -> Result<Plan, ApiError> {
        let mut rows = Rows::open(source)?;
        let dialect = rows.header.dialect();
        let mut plan = Plan {
            rows: 0,
            lines: HashMap::new(),
        };
        let mut agreements: HashMap<(String, String), Agreement> = HashMap::new();
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
            match dialect {
                Dialect::Pcenter if has_data(&row) => {
                    if let Some(customer_id) = customers.key(&row)? {
                        plan.lines.entry(customer_id).or_default().push(record.line);
                    }
                }
                Dialect::Pcenter => {}
                Dialect::MicrosoftSample if complete(&row) => {
                    let Some(customer_id) = customers.key(&row)? else {
                        continue;
                    };
                    let type_name = row.get(Column::Type);
                    let key = (customer_id, type_name.to_lowercase());
                    let agreement = agreements.entry(key).or_insert_with(|| Agreement {
                        tenant: row.get(Column::TenantId).to_string(),
                        type_name: AgreementKind::from_type_name(type_name)
                            .map_or(type_name, |kind| kind.type_name())
                            .to_string(),
                        lines: Vec::new(),
                    });
                    agreement.lines.push(record.line);
                }
                Dialect::MicrosoftSample => {}
            }
        }
        let mut repeated: Vec<Agreement> = (agreements.into_values())
            .filter(|a| a.lines.len() > 1)
            .collect();
        if !repeated.is_empty() {
            repeated.sort_by_key(|a| a.lines[0]);
            return Err(refusal(source, &repeated));
        }
        Ok(plan)
    }

    /// The other lines naming the same customer.
    pub fn other_lines(&self, customer_id: &str, line: usize) -> Vec<usize> {
        let lines = self.lines.get(customer_id).map_or(&[][..], Vec::as_slice);
        lines.iter().copied().filter(|l| *l != line).collect()
    }
}

/// Whether a row of Microsoft's sample has every value the sample needs: the rows it counts
/// when it looks for an agreement given twice.
fn complete(row: &Row) -> bool {
    let needed = [Column::TenantId, Column::Domain];
    (needed.iter().chain(Dialect::MicrosoftSample.required())).all(|c| !row.get(*c).is_empty())
}

/// The refusal of a file of Microsoft's sample that gives an agreement of a customer on more
/// than one row.
fn refusal(source: &Source, repeated: &[Agreement]) -> ApiError {
    let file = quote_path(source.path());
    let named: Vec<(String, String, Vec<usize>)> = (repeated.iter().take(NAMED))
        .map(|a| (quote(&a.tenant), quote(&a.type_name), a.lines.clone()))
        .collect();
    let more = repeated.len().saturating_sub(NAMED);
    ApiError::invalid_said(move |words| {
        let named: Vec<Repeated> = (named.iter())
            .map(|(tenant, type_name, lines)| Repeated {
                tenant,
                type_name,
                lines,
            })
            .collect();
        (words.import.repeated_agreements)(&file, &named, more)
    })
}
