//! The writes that a command acknowledged (exit 0, or a row reported as created), and the
//! check that each of them is in the store.

use pcenter::store::Snapshot;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone)]
pub enum Write {
    /// A confirmation of `customer` accepted by the person with `email` (unique per write).
    Confirmation {
        customer: String,
        email: String,
    },
    /// An order with its subscriptions.
    Order {
        customer: String,
        id: String,
        subscriptions: Vec<String>,
    },
    Customer {
        id: String,
        domain: String,
    },
}

#[derive(Debug, Default)]
pub struct Ledger {
    writes: Vec<Write>,
}

impl Ledger {
    pub fn record(&mut self, writes: Vec<Write>) {
        self.writes.extend(writes);
    }

    pub fn len(&self) -> usize {
        self.writes.len()
    }

    /// Each acknowledged write that `snapshot` lacks, described.
    pub fn missing(&self, snapshot: &Snapshot) -> Vec<String> {
        let confirmations: HashSet<(&str, &str)> = (snapshot.confirmations.iter())
            .map(|c| (c.customer_id.as_str(), c.accepted_by.email.as_str()))
            .collect();
        let orders: HashMap<&str, &str> = (snapshot.orders.iter())
            .map(|o| (o.id.as_str(), o.customer_id.as_str()))
            .collect();
        let mut subscriptions: HashMap<&str, Vec<&str>> = HashMap::new();
        for s in &snapshot.subscriptions {
            subscriptions.entry(&s.order_id).or_default().push(&s.id);
        }
        let customers: HashMap<&str, &str> = (snapshot.customers.iter())
            .map(|c| (c.id.as_str(), c.domain.as_str()))
            .collect();
        let mut missing = Vec::new();
        for write in &self.writes {
            let present = match write {
                Write::Confirmation { customer, email } => {
                    confirmations.contains(&(customer.as_str(), email.as_str()))
                }
                Write::Order {
                    customer,
                    id,
                    subscriptions: expected,
                } => {
                    let stored = subscriptions.get(id.as_str()).cloned().unwrap_or_default();
                    orders.get(id.as_str()) == Some(&customer.as_str()) && stored == *expected
                }
                Write::Customer { id, domain } => {
                    customers.get(id.as_str()) == Some(&domain.as_str())
                }
            };
            if !present {
                missing.push(format!("{write:?}"));
            }
        }
        missing
    }
}
