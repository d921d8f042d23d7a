//! A store that keeps everything in memory: the same rules as the sled store, nothing on disk,
//! and predictable IDs, so tests and previews run fast and repeatably.

use super::rules::{self, Records};
use super::{Snapshot, Store, StoreError};
use crate::domain::agreement::Confirmation;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::customer::Customer;
use std::sync::{Mutex, MutexGuard};

/// IDs come from salt 0 and a counter starting at 1, so every fresh store makes the same ones.
#[derive(Debug, Default)]
pub struct MemoryStore {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    snapshot: Snapshot,
    ids_issued: u64,
}

impl MemoryStore {
    /// A store that starts out holding `snapshot`.
    pub fn with_snapshot(snapshot: Snapshot) -> MemoryStore {
        MemoryStore {
            state: Mutex::new(State {
                snapshot,
                ids_issued: 0,
            }),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // Every write checks before it changes anything, so a panic elsewhere cannot leave the
        // state half-written; carrying on after a poisoned lock is safe.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Records for Snapshot {
    type Error = StoreError;

    fn has_customer(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.customers.iter().any(|c| c.id == id))
    }

    fn has_domain(&self, domain: &str) -> Result<bool, StoreError> {
        Ok(self
            .customers
            .iter()
            .any(|c| rules::domain_key(&c.domain) == domain))
    }

    fn has_order(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.orders.iter().any(|o| o.id == id))
    }

    fn has_subscription(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.subscriptions.iter().any(|s| s.id == id))
    }
}

/// Whether any record already carries `id` (a store made from a snapshot may hold IDs that
/// this store's own counter would make again).
fn id_in_use(snapshot: &Snapshot, id: &str) -> bool {
    snapshot.customers.iter().any(|c| c.id == id)
        || snapshot.orders.iter().any(|o| o.id == id)
        || snapshot.subscriptions.iter().any(|s| s.id == id)
}

impl Store for MemoryStore {
    fn load(&self) -> Result<Snapshot, StoreError> {
        Ok(self.state().snapshot.clone())
    }

    fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.state().snapshot.customers.is_empty())
    }

    fn new_id(&self) -> Result<String, StoreError> {
        let mut state = self.state();
        loop {
            state.ids_issued += 1;
            let id = rules::id_for(0, state.ids_issued);
            if !id_in_use(&state.snapshot, &id) {
                return Ok(id);
            }
        }
    }

    fn set_partner_name(&self, name: &str) -> Result<(), StoreError> {
        self.state().snapshot.partner_name = Some(name.to_string());
        Ok(())
    }

    fn create_customer(
        &self,
        customer: &Customer,
        confirmation: Option<&Confirmation>,
    ) -> Result<(), StoreError> {
        let mut state = self.state();
        let snapshot = &mut state.snapshot;
        rules::check_new_customer(&*snapshot, customer, confirmation)?;
        snapshot.customers.push(customer.clone());
        snapshot.confirmations.extend(confirmation.cloned());
        Ok(())
    }

    fn add_confirmation(&self, confirmation: &Confirmation) -> Result<(), StoreError> {
        let mut state = self.state();
        rules::check_confirmation(&state.snapshot, confirmation)?;
        state.snapshot.confirmations.push(confirmation.clone());
        Ok(())
    }

    fn create_order(
        &self,
        order: &Order,
        subscriptions: &[Subscription],
    ) -> Result<(), StoreError> {
        let mut state = self.state();
        let snapshot = &mut state.snapshot;
        rules::check_new_order(&*snapshot, order, subscriptions)?;
        snapshot.orders.push(order.clone());
        snapshot.subscriptions.extend_from_slice(subscriptions);
        Ok(())
    }

    fn update_subscription(&self, subscription: &Subscription) -> Result<(), StoreError> {
        let mut state = self.state();
        rules::check_subscription_update(&state.snapshot, subscription)?;
        let stored = state
            .snapshot
            .subscriptions
            .iter_mut()
            .find(|s| s.id == subscription.id)
            .ok_or_else(|| StoreError::UnknownSubscription {
                id: subscription.id.clone(),
            })?;
        *stored = subscription.clone();
        Ok(())
    }

    fn write_snapshot(&self, snapshot: &Snapshot) -> Result<(), StoreError> {
        let mut state = self.state();
        rules::check_snapshot(&state.snapshot, snapshot)?;
        let stored = &mut state.snapshot;
        if let Some(name) = &snapshot.partner_name {
            stored.partner_name = Some(name.clone());
        }
        stored.customers.extend_from_slice(&snapshot.customers);
        stored
            .confirmations
            .extend_from_slice(&snapshot.confirmations);
        stored.orders.extend_from_slice(&snapshot.orders);
        stored
            .subscriptions
            .extend_from_slice(&snapshot.subscriptions);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_data;

    #[test]
    fn fresh_memory_stores_make_the_same_ids() {
        let (a, b) = (MemoryStore::default(), MemoryStore::default());
        for _ in 0..3 {
            assert_eq!(a.new_id().unwrap(), b.new_id().unwrap());
        }
        assert_eq!(
            MemoryStore::default().new_id().unwrap(),
            rules::id_for(0, 1)
        );
    }

    #[test]
    fn a_store_made_from_a_snapshot_holds_it_and_never_reissues_its_ids() {
        let first = MemoryStore::default();
        let customer = test_data::korean_customer(&first.new_id().unwrap());
        first.create_customer(&customer, None).unwrap();

        let second = MemoryStore::with_snapshot(first.load().unwrap());
        assert_eq!(second.load().unwrap(), first.load().unwrap());
        assert_ne!(second.new_id().unwrap(), customer.id);
    }
}
