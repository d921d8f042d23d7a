//! A store that keeps everything in memory: the same rules as the sled store, nothing on disk,
//! and predictable IDs, so tests and previews run fast and repeatably.

use super::agents::{self, AgentRegistry};
use super::dossier::group;
use super::rules::{self, Records};
use super::{Dossier, ListingRows, Snapshot, Store, StoreError};
use crate::domain::agent::Agent;
use crate::domain::agreement::Confirmation;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::customer::Customer;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

/// IDs come from salt 0 and a counter starting at 1, so every fresh store makes the same ones.
#[derive(Debug, Default)]
pub struct MemoryStore {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    partner_name: Option<String>,
    /// In creation order.
    dossiers: Vec<Dossier>,
    ids_issued: u64,
    generation: u64,
    /// In the order they were added.
    agents: Vec<Agent>,
    /// Token hash → agent ID.
    tokens: HashMap<String, String>,
}

impl MemoryStore {
    /// A store that starts out holding `snapshot`.
    pub fn with_snapshot(snapshot: Snapshot) -> MemoryStore {
        let store = MemoryStore::default();
        store
            .write_snapshot(&snapshot)
            .expect("a snapshot for a memory store must meet the store's rules");
        store
    }

    /// A store holding `snapshot` as it is, unchecked: records that break the store's rules,
    /// as an older version or a damaged file may have left them, for the checks that find them.
    #[cfg(test)]
    pub(crate) fn holding_unchecked(snapshot: Snapshot) -> MemoryStore {
        let store = MemoryStore::default();
        store.state().partner_name = snapshot.partner_name.clone();
        store.state().dossiers = snapshot.into_dossiers();
        store
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // Every write checks before it changes anything, so a panic elsewhere cannot leave the
        // state half-written; carrying on after a poisoned lock is safe.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl State {
    fn find(&self, customer_id: &str) -> Option<usize> {
        self.dossiers
            .iter()
            .position(|d| d.customer.id == customer_id)
    }

    fn dossier_mut(&mut self, customer_id: &str) -> Option<&mut Dossier> {
        let i = self.find(customer_id)?;
        Some(&mut self.dossiers[i])
    }

    /// Whether any record already carries `id` (a store made from a snapshot may hold IDs that
    /// this store's own counter would make again).
    fn id_in_use(&self, id: &str) -> bool {
        self.dossiers
            .iter()
            .any(|d| d.customer.id == id || d.has_order(id) || d.has_subscription(id))
    }
}

impl Records for State {
    type Error = StoreError;

    fn has_customer(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.find(id).is_some())
    }

    fn has_domain(&self, domain: &str) -> Result<bool, StoreError> {
        Ok(self
            .dossiers
            .iter()
            .any(|d| rules::domain_key(&d.customer.domain) == domain))
    }
}

impl Store for MemoryStore {
    fn registry(&self) -> Option<&dyn AgentRegistry> {
        Some(self)
    }

    fn load(&self) -> Result<Snapshot, StoreError> {
        let state = self.state();
        Ok(Snapshot::of_dossiers(
            state.partner_name.clone(),
            state.dossiers.iter().cloned(),
        ))
    }

    fn dossier(&self, customer_id: &str) -> Result<Option<Dossier>, StoreError> {
        let state = self.state();
        Ok(state.find(customer_id).map(|i| state.dossiers[i].clone()))
    }

    fn customer_id_by_domain(&self, domain: &str) -> Result<Option<String>, StoreError> {
        let key = rules::domain_key(domain);
        let state = self.state();
        let found = state
            .dossiers
            .iter()
            .find(|d| rules::domain_key(&d.customer.domain) == key);
        Ok(found.map(|d| d.customer.id.clone()))
    }

    fn listing(&self) -> Result<ListingRows, StoreError> {
        let mut rows: Vec<_> = self.state().dossiers.iter().map(Dossier::listed).collect();
        rows.sort_by_cached_key(|row| row.key());
        Ok(Box::new(rows.into_iter().map(Ok)))
    }

    fn customer_count(&self) -> Result<u64, StoreError> {
        Ok(self.state().dossiers.len() as u64)
    }

    fn generation(&self) -> Result<u64, StoreError> {
        Ok(self.state().generation)
    }

    fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.state().dossiers.is_empty())
    }

    fn new_id(&self) -> Result<String, StoreError> {
        let mut state = self.state();
        loop {
            state.ids_issued += 1;
            let id = rules::id_for(0, state.ids_issued);
            if !state.id_in_use(&id) {
                return Ok(id);
            }
        }
    }

    fn set_partner_name(&self, name: &str) -> Result<(), StoreError> {
        rules::check_partner_name(Some(name))?;
        let mut state = self.state();
        state.partner_name = Some(name.to_string());
        state.generation += 1;
        Ok(())
    }

    fn create_customer(
        &self,
        customer: &Customer,
        confirmation: Option<&Confirmation>,
    ) -> Result<(), StoreError> {
        let mut state = self.state();
        rules::check_new_customer(&*state, customer, confirmation)?;
        let mut dossier = Dossier::new(customer.clone());
        dossier.confirmations.extend(confirmation.cloned());
        state.dossiers.push(dossier);
        state.generation += 1;
        Ok(())
    }

    fn add_confirmation(&self, confirmation: &Confirmation) -> Result<(), StoreError> {
        let mut state = self.state();
        let dossier = state.dossier_mut(&confirmation.customer_id);
        rules::check_confirmation(dossier.as_deref(), confirmation)?;
        if let Some(dossier) = dossier {
            dossier.confirmations.push(confirmation.clone());
        }
        state.generation += 1;
        Ok(())
    }

    fn add_confirmations(&self, confirmations: &[Confirmation]) -> Result<(), StoreError> {
        let mut state = self.state();
        for confirmation in confirmations {
            let found = state.find(&confirmation.customer_id);
            rules::check_confirmation(found.map(|i| &state.dossiers[i]), confirmation)?;
        }
        for confirmation in confirmations {
            if let Some(dossier) = state.dossier_mut(&confirmation.customer_id) {
                dossier.confirmations.push(confirmation.clone());
            }
        }
        state.generation += 1;
        Ok(())
    }

    fn create_order(
        &self,
        order: &Order,
        subscriptions: &[Subscription],
    ) -> Result<(), StoreError> {
        let mut state = self.state();
        let dossier = state.dossier_mut(&order.customer_id);
        rules::check_new_order(dossier.as_deref(), order, subscriptions)?;
        if let Some(dossier) = dossier {
            dossier.orders.push(order.clone());
            dossier.subscriptions.extend_from_slice(subscriptions);
        }
        state.generation += 1;
        Ok(())
    }

    fn update_subscription(&self, subscription: &Subscription) -> Result<(), StoreError> {
        let mut state = self.state();
        let dossier = state.dossier_mut(&subscription.customer_id);
        rules::check_subscription_update(dossier.as_deref(), subscription)?;
        if let Some(stored) =
            dossier.and_then(|d| d.subscriptions.iter_mut().find(|s| s.id == subscription.id))
        {
            *stored = subscription.clone();
        }
        state.generation += 1;
        Ok(())
    }

    fn write_snapshot(&self, snapshot: &Snapshot) -> Result<(), StoreError> {
        let mut state = self.state();
        rules::check_snapshot(&*state, snapshot)?;
        rules::check_partner_name(snapshot.partner_name.as_deref())?;
        let (dossiers, additions) = group(snapshot.clone());
        rules::check_grouped(&dossiers, &additions, |id| {
            Ok(state.find(id).map(|i| state.dossiers[i].clone()))
        })?;
        if let Some(name) = &snapshot.partner_name {
            state.partner_name = Some(name.clone());
        }
        for (customer_id, added) in additions {
            if let Some(dossier) = state.dossier_mut(&customer_id) {
                dossier.absorb(added);
            }
        }
        state.dossiers.extend(dossiers);
        state.generation += 1;
        Ok(())
    }
}

impl AgentRegistry for MemoryStore {
    fn agents(&self) -> Result<Vec<Agent>, StoreError> {
        Ok(self.state().agents.clone())
    }

    fn add_agent(&self, agent: &Agent) -> Result<(), StoreError> {
        let mut state = self.state();
        agents::check_new_agent(&state.agents, agent)?;
        state.agents.push(agent.clone());
        Ok(())
    }

    fn remove_agent(&self, id: &str) -> Result<(), StoreError> {
        let mut state = self.state();
        state.agents.retain(|agent| agent.id != id);
        state.tokens.retain(|_, owner| owner != id);
        Ok(())
    }

    fn add_token(&self, agent_id: &str, token_hash: &str) -> Result<(), StoreError> {
        self.state()
            .tokens
            .insert(token_hash.to_string(), agent_id.to_string());
        Ok(())
    }

    fn revoke_tokens(&self, agent_id: &str) -> Result<usize, StoreError> {
        let mut state = self.state();
        let before = state.tokens.len();
        state.tokens.retain(|_, owner| owner != agent_id);
        Ok(before - state.tokens.len())
    }

    fn agent_of_token(&self, token_hash: &str) -> Result<Option<Agent>, StoreError> {
        let state = self.state();
        let Some(id) = state.tokens.get(token_hash) else {
            return Ok(None);
        };
        Ok(state.agents.iter().find(|agent| &agent.id == id).cloned())
    }

    fn replace_agent(&self, agent: &Agent) -> Result<(), StoreError> {
        let mut state = self.state();
        match state.agents.iter_mut().find(|kept| kept.id == agent.id) {
            Some(kept) => *kept = agent.clone(),
            None => {
                return Err(StoreError::UnknownAgent {
                    name: agent.name.clone(),
                })
            }
        }
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
