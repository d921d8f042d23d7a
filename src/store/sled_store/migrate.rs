//! Opening a store written in an older layout moves its records into this one, in one go, and
//! then removes the old trees: from layout 1 (one tree per kind of record) every record is
//! rewritten; from layout 2 the indexes and the list rows are; from layouts 3 and 4 the list
//! rows. Until the new schema version is recorded (the last step), the old trees are untouched
//! (layout 4's list trees are written again from the dossiers, which stay as they are), so an
//! interrupted migration starts over on the next open.

use super::bucket_writes::{domain_taken, id_taken};
use super::bulk::Origin;
use super::layout::{SCHEMA, V3_LIST_TREES};
use super::packed::Packed;
use super::SledStore;
use crate::domain::agreement::Confirmation;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::customer::Customer;
use crate::domain::status::AgreementStatus;
use crate::store::{Snapshot, StoreError, SCHEMA_VERSION};
use serde::de::DeserializeOwned;

/// The record trees of layout 1: sequence number → record as JSON, each in creation order.
const V1_RECORDS: [&str; 4] = [
    "v1.customers",
    "v1.confirmations",
    "v1.orders",
    "v1.subscriptions",
];
const V1_INDEXES: [&str; 4] = [
    "v1.customer_ids",
    "v1.domains",
    "v1.order_ids",
    "v1.subscription_ids",
];

/// The index trees of layout 2: customer ID → sequence number, and domain → customer ID, one
/// sled entry each.
pub(super) const V2_INDEXES: [&str; 2] = ["v2.customer_ids", "v2.domains"];

impl SledStore {
    pub(super) fn migrate(&self, from: u32) -> Result<(), StoreError> {
        match from {
            1 => self.migrate_from_v1(),
            2 => {
                self.bucket_the_v2_indexes()?;
                self.date_the_list_rows()?;
                self.record_layout(&[V2_INDEXES.as_slice(), &V3_LIST_TREES].concat())
            }
            3 => {
                self.date_the_list_rows()?;
                self.record_layout(&V3_LIST_TREES)
            }
            // Layout 4's rows lack the first day of a Customer Agreement and the day of the
            // last change: they are written again, in the same trees.
            _ => {
                self.date_the_list_rows()?;
                self.record_layout(&[])
            }
        }
    }

    /// Layout 3's list rows said only whether a customer had a confirmation; layout 4's give
    /// the first acceptance date, so that a customer confirmed later is not yet confirmed at an
    /// earlier business date. Every row is written from its dossier into the new list trees,
    /// as a fill writes them, and the latest acceptance date of the store is noted; the old
    /// trees stay as they are until the new layout is recorded.
    fn date_the_list_rows(&self) -> Result<(), StoreError> {
        let fail = |e| self.fail(e);
        let trees = &self.trees;
        for tree in [
            &trees.listing,
            &trees.unconfirmed,
            &trees.listing_pages,
            &trees.unconfirmed_pages,
        ] {
            tree.clear().map_err(fail)?;
        }
        let (mut listing, mut unconfirmed) = (Packed::default(), Packed::default());
        let mut latest = None;
        let mut changed = None;
        for stored in trees.customers.iter().values() {
            let dossier = self.decode_dossier(&stored.map_err(fail)?)?;
            let row = dossier.listed();
            let list = if row.status() == AgreementStatus::NotConfirmed {
                &mut unconfirmed
            } else {
                &mut listing
            };
            list.push(row.key().as_bytes(), row.encode().as_bytes());
            latest = latest.max(dossier.confirmations.iter().map(|c| c.counts_from()).max());
            changed = changed.max(Some(dossier.changed_on()));
        }
        self.write_pages(&trees.listing_pages, &listing, &domain_taken)?;
        self.write_pages(&trees.unconfirmed_pages, &unconfirmed, &domain_taken)?;
        trees.note_acceptance(latest).map_err(fail)?;
        trees.note_change(changed).map_err(fail)
    }

    /// Layout 2 kept one sled entry per index entry; layout 3 keeps them in buckets. The other
    /// trees are the same, so only the two indexes are rewritten.
    fn bucket_the_v2_indexes(&self) -> Result<(), StoreError> {
        let fail = |e| self.fail(e);
        let trees = &self.trees;
        for (old, new, taken) in [
            (
                V2_INDEXES[0],
                &trees.customer_ids,
                &id_taken as &dyn Fn(&[u8]) -> StoreError,
            ),
            (V2_INDEXES[1], &trees.domains, &domain_taken),
        ] {
            new.clear().map_err(fail)?;
            let mut entries = Packed::default();
            for entry in self.db.open_tree(old).map_err(fail)?.iter() {
                let (key, value) = entry.map_err(fail)?;
                entries.push(&key, &value);
            }
            self.add_to_index(new, &entries, taken)?;
        }
        Ok(())
    }

    fn migrate_from_v1(&self) -> Result<(), StoreError> {
        self.clear_partial_migration()?;
        let snapshot = Snapshot {
            partner_name: None,
            customers: self.read_v1::<Customer>(V1_RECORDS[0])?,
            confirmations: self.read_v1::<Confirmation>(V1_RECORDS[1])?,
            orders: self.read_v1::<Order>(V1_RECORDS[2])?,
            subscriptions: self.read_v1::<Subscription>(V1_RECORDS[3])?,
        };
        self.write_all(&snapshot, Origin::Stored)?;
        let old: Vec<&str> = V1_RECORDS.iter().chain(&V1_INDEXES).copied().collect();
        self.record_layout(&old)
    }

    /// Records that the store is in this build's layout, then removes the trees it replaced.
    fn record_layout(&self, replaced: &[&str]) -> Result<(), StoreError> {
        let fail = |e| self.fail(e);
        self.meta
            .insert(SCHEMA, &SCHEMA_VERSION.to_be_bytes()[..])
            .map_err(fail)?;
        self.flush()?;
        for name in replaced {
            self.db.drop_tree(name).map_err(fail)?;
        }
        self.flush()
    }

    /// Empties the new trees, which an interrupted migration may have part-filled.
    fn clear_partial_migration(&self) -> Result<(), StoreError> {
        for tree in self.trees.records().into_iter().chain([&self.trees.stats]) {
            tree.clear().map_err(|e| self.fail(e))?;
        }
        Ok(())
    }

    fn read_v1<T: DeserializeOwned>(&self, name: &str) -> Result<Vec<T>, StoreError> {
        let tree = self.db.open_tree(name).map_err(|e| self.fail(e))?;
        tree.iter()
            .values()
            .map(|value| self.decode(&value.map_err(|e| self.fail(e))?, name))
            .collect()
    }
}

#[cfg(test)]
#[path = "migrate_tests.rs"]
mod tests;
