//! Writing a whole snapshot at once: every record in large batches, one flush at the end.

use super::layout::PARTNER_NAME;
use super::{key, SledStore};
use crate::store::rules::{self, Records};
use crate::store::{Snapshot, StoreError};

/// Entries applied to a tree at a time: large enough to be fast, small enough to bound memory.
const BATCH_ENTRIES: usize = 10_000;

type Entry = (Vec<u8>, Vec<u8>);

impl SledStore {
    pub(super) fn write_all(&self, snapshot: &Snapshot) -> Result<(), StoreError> {
        rules::check_snapshot(&Stored(self), snapshot)?;
        let count = snapshot.customers.len()
            + snapshot.confirmations.len()
            + snapshot.orders.len()
            + snapshot.subscriptions.len();
        // Numbers are taken in snapshot order, kind by kind, so each tree reads back in the
        // snapshot's order and after anything already stored.
        let mut next = self.take_numbers(count as u64)?;
        let mut number = move || {
            next += 1;
            key(next - 1).to_vec()
        };
        let trees = &self.trees;

        let customers: Vec<(Vec<u8>, _)> =
            snapshot.customers.iter().map(|c| (number(), c)).collect();
        self.fill(
            &trees.customers,
            customers.iter().map(|(k, c)| self.entry(k, *c)),
        )?;
        let ids = customers
            .iter()
            .map(|(k, c)| Ok((c.id.as_bytes().to_vec(), k.clone())));
        self.fill(&trees.customer_ids, ids)?;
        let domains = customers.iter().map(|(_, c)| {
            let domain = rules::domain_key(&c.domain);
            Ok((domain.into_bytes(), c.id.as_bytes().to_vec()))
        });
        self.fill(&trees.domains, domains)?;

        let confirmations = snapshot.confirmations.iter();
        self.fill(
            &trees.confirmations,
            confirmations.map(|c| self.entry(&number(), c)),
        )?;

        let orders: Vec<(Vec<u8>, _)> = snapshot.orders.iter().map(|o| (number(), o)).collect();
        self.fill(&trees.orders, orders.iter().map(|(k, o)| self.entry(k, *o)))?;
        let ids = orders
            .iter()
            .map(|(k, o)| Ok((o.id.as_bytes().to_vec(), k.clone())));
        self.fill(&trees.order_ids, ids)?;

        let subscriptions: Vec<(Vec<u8>, _)> = snapshot
            .subscriptions
            .iter()
            .map(|s| (number(), s))
            .collect();
        let records = subscriptions.iter().map(|(k, s)| self.entry(k, *s));
        self.fill(&trees.subscriptions, records)?;
        let ids = subscriptions
            .iter()
            .map(|(k, s)| Ok((s.id.as_bytes().to_vec(), k.clone())));
        self.fill(&trees.subscription_ids, ids)?;

        if let Some(name) = &snapshot.partner_name {
            self.meta
                .insert(PARTNER_NAME, name.as_bytes())
                .map_err(|e| self.fail(e))?;
        }
        self.flush()
    }

    fn entry<T: serde::Serialize>(&self, key: &[u8], record: &T) -> Result<Entry, StoreError> {
        Ok((key.to_vec(), self.encode(record)?))
    }

    /// Inserts the entries into `tree`, `BATCH_ENTRIES` at a time.
    fn fill(
        &self,
        tree: &sled::Tree,
        entries: impl Iterator<Item = Result<Entry, StoreError>>,
    ) -> Result<(), StoreError> {
        let mut batch = sled::Batch::default();
        let mut size = 0;
        for entry in entries {
            let (key, value) = entry?;
            batch.insert(key, value);
            size += 1;
            if size == BATCH_ENTRIES {
                tree.apply_batch(std::mem::take(&mut batch))
                    .map_err(|e| self.fail(e))?;
                size = 0;
            }
        }
        tree.apply_batch(batch).map_err(|e| self.fail(e))
    }
}

/// The data trees read directly, outside a transaction.
struct Stored<'a>(&'a SledStore);

impl Stored<'_> {
    fn has(&self, tree: &sled::Tree, key: &str) -> Result<bool, StoreError> {
        tree.contains_key(key).map_err(|e| self.0.fail(e))
    }
}

impl Records for Stored<'_> {
    type Error = StoreError;

    fn has_customer(&self, id: &str) -> Result<bool, StoreError> {
        self.has(&self.0.trees.customer_ids, id)
    }

    fn has_domain(&self, domain: &str) -> Result<bool, StoreError> {
        self.has(&self.0.trees.domains, domain)
    }

    fn has_order(&self, id: &str) -> Result<bool, StoreError> {
        self.has(&self.0.trees.order_ids, id)
    }

    fn has_subscription(&self, id: &str) -> Result<bool, StoreError> {
        self.has(&self.0.trees.subscription_ids, id)
    }
}
