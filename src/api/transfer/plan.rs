//! The first reading of an import's file: how many rows it has, which customers are named on
//! more than one row (all their rows are rejected), and whether it is UTF-8 text at all.

use super::csv::{Malformed, Read};
use super::lookup::{has_data, Customers};
use super::source::{Rows, Source};
use crate::api::error::ApiError;
use std::collections::HashMap;

/// What the first reading learns: how many rows there are, and on which lines each customer
/// named with a confirmation appears.
pub struct Plan {
    pub rows: usize,
    lines: HashMap<String, Vec<usize>>,
}

impl Plan {
    pub fn read(source: &Source, customers: &Customers) -> Result<Plan, ApiError> {
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
    pub fn other_lines(&self, customer_id: &str, line: usize) -> Vec<usize> {
        let lines = self.lines.get(customer_id).map_or(&[][..], Vec::as_slice);
        lines.iter().copied().filter(|l| *l != line).collect()
    }
}
