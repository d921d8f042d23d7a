//! Opening a store written in an older layout moves its records into this one, in one go, and
//! then removes the old trees. Until the new schema version is recorded (the last step), the old
//! trees are untouched, so an interrupted migration starts over on the next open.

use super::layout::SCHEMA;
use super::SledStore;
use crate::domain::agreement::Confirmation;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::customer::Customer;
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

impl SledStore {
    pub(super) fn migrate(&self, from: u32) -> Result<(), StoreError> {
        debug_assert_eq!(from, 1, "layout 1 is the only older one");
        self.clear_partial_migration()?;
        let snapshot = Snapshot {
            partner_name: None,
            customers: self.read_v1::<Customer>(V1_RECORDS[0])?,
            confirmations: self.read_v1::<Confirmation>(V1_RECORDS[1])?,
            orders: self.read_v1::<Order>(V1_RECORDS[2])?,
            subscriptions: self.read_v1::<Subscription>(V1_RECORDS[3])?,
        };
        self.write_all(&snapshot)?;
        let fail = |e| self.fail(e);
        self.meta
            .insert(SCHEMA, &SCHEMA_VERSION.to_be_bytes()[..])
            .map_err(fail)?;
        self.flush()?;
        for name in V1_RECORDS.iter().chain(&V1_INDEXES) {
            self.db.drop_tree(name).map_err(fail)?;
        }
        self.flush()
    }

    /// Empties the new trees, which an interrupted migration may have part-filled.
    fn clear_partial_migration(&self) -> Result<(), StoreError> {
        let trees = &self.trees;
        for tree in [
            &trees.customers,
            &trees.customer_ids,
            &trees.domains,
            &trees.listing,
            &trees.unconfirmed,
            &trees.stats,
        ] {
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
