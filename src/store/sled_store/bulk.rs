//! Writing a whole snapshot at once: every dossier in large batches, one flush at the end.

use super::bucket_writes::{domain_taken, id_taken};
use super::layout::{CUSTOMER_COUNT, GENERATION, PARTNER_NAME};
use super::list_pages::{encode_page, paged};
use super::packed::Packed;
use super::{key, SledStore};
use crate::domain::status::AgreementStatus;
use crate::store::dossier::group;
use crate::store::rules::{self, Records};
use crate::store::{Dossier, Listed, Snapshot, Store, StoreError};

/// Entries applied to a tree at a time: large enough to be fast, small enough to bound memory.
const BATCH_ENTRIES: usize = 50_000;

/// Where the records of a snapshot come from, which decides what is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    /// New records: each must meet every rule of the store.
    New,
    /// Records this store already holds, moved into a new layout: kept exactly as an older
    /// version stored them, even a value today's rules refuse.
    Stored,
}

impl SledStore {
    pub(super) fn write_all(&self, snapshot: &Snapshot, origin: Origin) -> Result<(), StoreError> {
        rules::check_snapshot(&Stored(self), snapshot)?;
        if origin == Origin::New {
            rules::check_partner_name(snapshot.partner_name.as_deref())?;
        }
        let (dossiers, additions) = group(snapshot.clone());
        if origin == Origin::New {
            rules::check_grouped(&dossiers, &additions, |id| self.dossier(id))?;
        }
        self.before_change()?;
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
        let mut customer_ids = Packed::default();
        let mut domains = Packed::default();
        for (offset, dossier) in dossiers.iter().enumerate() {
            let number = key(first + offset as u64);
            let id = dossier.customer.id.as_bytes();
            let row = dossier.listed();
            batches
                .customers
                .insert(&number, self.encode_dossier(dossier)?);
            customer_ids.push(id, &number);
            domains.push(rules::domain_key(&dossier.customer.domain).as_bytes(), id);
            batches
                .list_for(&row)
                .insert(row.key().as_bytes(), row.encode().as_bytes());
            if (offset + 1) % BATCH_ENTRIES == 0 {
                self.apply(std::mem::take(&mut batches))?;
            }
        }
        self.apply(batches)?;
        self.add_to_index(&trees.customer_ids, &customer_ids, &id_taken)?;
        self.add_to_index(&trees.domains, &domains, &domain_taken)?;

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
        let latest = snapshot.confirmations.iter().map(|c| c.counts_from()).max();
        trees.note_acceptance(latest).map_err(fail)?;
        // Additions to customers stored before change them too.
        let changed = (snapshot.customers.iter().map(|c| c.created_at.date_naive()))
            .chain(snapshot.confirmations.iter().map(|c| c.counts_from()))
            .chain(snapshot.orders.iter().map(|o| o.created_at.date_naive()))
            .chain(
                snapshot
                    .subscriptions
                    .iter()
                    .map(|s| s.created_at.date_naive()),
            )
            .max();
        trees.note_change(changed).map_err(fail)?;
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
            (&trees.listing, batches.listing),
            (&trees.unconfirmed, batches.unconfirmed),
        ] {
            tree.apply_batch(batch).map_err(|e| self.fail(e))?;
        }
        Ok(())
    }
}

#[derive(Default)]
struct Batches {
    customers: sled::Batch,
    listing: sled::Batch,
    unconfirmed: sled::Batch,
}

impl Batches {
    /// The batch of the list tree a row belongs in.
    fn list_for(&mut self, row: &Listed) -> &mut sled::Batch {
        if row.status() == AgreementStatus::NotConfirmed {
            &mut self.unconfirmed
        } else {
            &mut self.listing
        }
    }
}

/// The data trees read directly, outside a transaction.
struct Stored<'a>(&'a SledStore);

impl Stored<'_> {
    fn has(&self, index: &sled::Tree, key: &str) -> Result<bool, StoreError> {
        Ok(self.0.index_get(index, key.as_bytes())?.is_some())
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

/// The index entries of a fill, kept until every dossier is written and then written in key
/// order: sorted inserts into empty trees are sled's fastest path.
#[derive(Default)]
struct Indexes {
    customer_ids: Packed,
    domains: Packed,
    listing: Packed,
    unconfirmed: Packed,
}

impl SledStore {
    pub(super) fn fill_empty(
        &self,
        partner_name: Option<&str>,
        chunks: &mut dyn Iterator<Item = Vec<Dossier>>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<u64, StoreError> {
        if !self.is_empty()? {
            return Err(StoreError::NotEmpty {
                path: self.path.clone(),
            });
        }
        rules::check_partner_name(partner_name)?;
        self.before_change()?;
        let filled = self
            .fill_dossiers(chunks, progress)
            .and_then(|(count, indexes)| {
                self.write_indexes(indexes)?;
                Ok(count)
            });
        let count = match filled {
            Ok(count) => count,
            Err(refusal) => {
                // The store was empty: emptying it again leaves nothing half-written.
                self.clear_data()?;
                return Err(refusal);
            }
        };
        let fail = |e| self.fail(e);
        let trees = &self.trees;
        trees
            .stats
            .insert(CUSTOMER_COUNT, &count.to_be_bytes()[..])
            .map_err(fail)?;
        let generation = trees.stat(GENERATION).map_err(fail)? + 1;
        trees
            .stats
            .insert(GENERATION, &generation.to_be_bytes()[..])
            .map_err(fail)?;
        if let Some(name) = partner_name {
            self.meta
                .insert(PARTNER_NAME, name.as_bytes())
                .map_err(fail)?;
        }
        self.flush()?;
        Ok(count)
    }

    /// Writes the dossiers as they come, in creation order, collecting their index entries.
    fn fill_dossiers(
        &self,
        chunks: &mut dyn Iterator<Item = Vec<Dossier>>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<(u64, Indexes), StoreError> {
        let mut indexes = Indexes::default();
        let mut count = 0u64;
        for chunk in chunks {
            let latest = (chunk.iter().flat_map(|d| &d.confirmations))
                .map(|c| c.counts_from())
                .max();
            self.trees
                .note_acceptance(latest)
                .map_err(|e| self.fail(e))?;
            let changed = chunk.iter().map(Dossier::changed_on).max();
            self.trees.note_change(changed).map_err(|e| self.fail(e))?;
            let first = self.take_numbers(chunk.len() as u64)?;
            let mut batch = sled::Batch::default();
            for (offset, dossier) in chunk.iter().enumerate() {
                rules::check_dossier(dossier)?;
                let number = key(first + offset as u64);
                let id = dossier.customer.id.as_bytes();
                let row = dossier.listed();
                batch.insert(&number[..], self.encode_dossier(dossier)?);
                indexes.customer_ids.push(id, &number);
                let domain = rules::domain_key(&dossier.customer.domain);
                indexes.domains.push(domain.as_bytes(), id);
                let list = if row.status() == AgreementStatus::NotConfirmed {
                    &mut indexes.unconfirmed
                } else {
                    &mut indexes.listing
                };
                list.push(row.key().as_bytes(), row.encode().as_bytes());
            }
            self.trees
                .customers
                .apply_batch(batch)
                .map_err(|e| self.fail(e))?;
            count += chunk.len() as u64;
            progress(chunk.len());
        }
        Ok((count, indexes))
    }

    fn write_indexes(&self, indexes: Indexes) -> Result<(), StoreError> {
        let trees = &self.trees;
        self.add_to_index(&trees.customer_ids, &indexes.customer_ids, &id_taken)?;
        self.add_to_index(&trees.domains, &indexes.domains, &domain_taken)?;
        // Unique domains make unique list keys.
        self.write_pages(&trees.listing_pages, &indexes.listing, &domain_taken)?;
        self.write_pages(
            &trees.unconfirmed_pages,
            &indexes.unconfirmed,
            &domain_taken,
        )
    }

    /// Writes list rows, in key order, as pages into an empty page tree; a key given twice is
    /// refused.
    pub(super) fn write_pages(
        &self,
        pages: &sled::Tree,
        rows: &Packed,
        taken: &dyn Fn(&[u8]) -> StoreError,
    ) -> Result<(), StoreError> {
        let order = rows.key_order();
        let keys = || order.iter().map(|&i| rows.get(i).0);
        if let Some((key, _)) = keys().zip(keys().skip(1)).find(|(a, b)| a == b) {
            return Err(taken(key));
        }
        let sorted: Vec<(&[u8], &[u8])> = order.iter().map(|&i| rows.get(i)).collect();
        let mut batch = sled::Batch::default();
        for page in paged(&sorted) {
            batch.insert(page[0].0, encode_page(page.iter().copied())?);
        }
        pages.apply_batch(batch).map_err(|e| self.fail(e))
    }

    fn clear_data(&self) -> Result<(), StoreError> {
        for tree in self.trees.records() {
            tree.clear().map_err(|e| self.fail(e))?;
        }
        self.flush()
    }
}
