//! Writing a whole snapshot at once: every dossier in large batches, one flush at the end.

use super::layout::{CUSTOMER_COUNT, GENERATION, PARTNER_NAME};
use super::{key, SledStore};
use crate::store::dossier::group;
use crate::store::rules::{self, Records};
use crate::store::{Snapshot, StoreError};

/// Entries applied to a tree at a time: large enough to be fast, small enough to bound memory.
const BATCH_ENTRIES: usize = 50_000;

impl SledStore {
    pub(super) fn write_all(&self, snapshot: &Snapshot) -> Result<(), StoreError> {
        rules::check_snapshot(&Stored(self), snapshot)?;
        self.before_change()?;
        let (dossiers, additions) = group(snapshot);
        // Records for customers stored before go through the ordinary path: they are rare.
        for (customer_id, added) in additions {
            self.change_dossier(&customer_id, |found| {
                Ok(found.cloned().map(|mut dossier| {
                    dossier.absorb(added.clone());
                    dossier
                }))
            })?;
        }
        // Numbers are taken in snapshot order, so the customers read back in that order and
        // after anything already stored.
        let first = self.take_numbers(dossiers.len() as u64)?;
        let trees = &self.trees;
        let mut batches = Batches::default();
        for (offset, dossier) in dossiers.iter().enumerate() {
            let number = key(first + offset as u64);
            let id = dossier.customer.id.as_bytes();
            let row = dossier.listed();
            batches.customers.insert(&number, self.encode(dossier)?);
            batches.customer_ids.insert(id, &number);
            batches
                .domains
                .insert(rules::domain_key(&dossier.customer.domain).as_bytes(), id);
            batches
                .listing
                .insert(row.key().as_bytes(), row.encode().as_bytes());
            if (offset + 1) % BATCH_ENTRIES == 0 {
                self.apply(std::mem::take(&mut batches))?;
            }
        }
        self.apply(batches)?;

        let fail = |e| self.fail(e);
        let counter = |name: &[u8], by: u64| -> Result<(), StoreError> {
            let now = trees.stat(name).map_err(fail)?;
            trees
                .stats
                .insert(name, &(now + by).to_be_bytes()[..])
                .map(drop)
                .map_err(fail)
        };
        counter(CUSTOMER_COUNT, dossiers.len() as u64)?;
        counter(GENERATION, 1)?;
        if let Some(name) = &snapshot.partner_name {
            self.meta
                .insert(PARTNER_NAME, name.as_bytes())
                .map_err(fail)?;
        }
        self.flush()
    }

    fn apply(&self, batches: Batches) -> Result<(), StoreError> {
        let trees = &self.trees;
        for (tree, batch) in [
            (&trees.customers, batches.customers),
            (&trees.customer_ids, batches.customer_ids),
            (&trees.domains, batches.domains),
            (&trees.listing, batches.listing),
        ] {
            tree.apply_batch(batch).map_err(|e| self.fail(e))?;
        }
        Ok(())
    }
}

#[derive(Default)]
struct Batches {
    customers: sled::Batch,
    customer_ids: sled::Batch,
    domains: sled::Batch,
    listing: sled::Batch,
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
}
