//! Changes to a subscription: its seat count (gated) and auto-renew (never gated), each dated
//! on the business date it is made on, so that earlier dates read the subscription as it was.

use super::{find_offer, Changed, Operations, ServiceError};
use crate::domain::commerce::Subscription;
use crate::domain::role::GatedAction;
use crate::store::StoreError;

impl Operations<'_> {
    pub fn change_seats(
        &mut self,
        customer_id: &str,
        subscription_id: &str,
        quantity: u32,
    ) -> Result<Subscription, ServiceError> {
        self.actor.role.require(GatedAction::ChangeSeats)?;
        self.load(customer_id)?;
        let customer = self.customer(customer_id)?;
        let facts = self.gate_facts(customer);
        let subscription = self.subscription(customer_id, subscription_id)?;
        if subscription.quantity == Some(quantity) {
            // Nothing changes, so nothing is written and no gate stands in the way.
            return Ok(subscription.clone());
        }
        subscription.check_seats_changeable()?;
        facts.check_seat_change(subscription.billing)?;
        let offer = find_offer(&subscription.offer_id)?;
        let date = self.actor.business_date;
        let quantity = offer.check_seats_on(quantity, date)?;
        let mut changed = self.as_stored(subscription)?;
        changed.set_quantity_on(date, quantity);
        self.store.update_subscription(&changed)?;
        self.book.replace_subscription(changed.clone());
        self.changes.push(Changed::SeatsChanged {
            customer_id: customer_id.to_string(),
            subscription_id: changed.id.clone(),
        });
        Ok(changed.as_of(date))
    }

    /// Turns auto-renew on or off. No confirmation gate applies: auto-renewal is never blocked
    /// by a missing confirmation, in any phase.
    pub fn set_auto_renew(
        &mut self,
        customer_id: &str,
        subscription_id: &str,
        on: bool,
    ) -> Result<Subscription, ServiceError> {
        self.actor.role.require(GatedAction::ChangeAutoRenew)?;
        self.load(customer_id)?;
        self.customer(customer_id)?;
        let subscription = self.subscription(customer_id, subscription_id)?;
        if subscription.auto_renew == on {
            return Ok(subscription.clone());
        }
        let date = self.actor.business_date;
        let mut changed = self.as_stored(subscription)?;
        changed.set_auto_renew_on(date, on);
        self.store.update_subscription(&changed)?;
        self.book.replace_subscription(changed.clone());
        self.changes.push(Changed::AutoRenewSet {
            customer_id: customer_id.to_string(),
            subscription_id: changed.id.clone(),
        });
        Ok(changed.as_of(date))
    }

    /// The subscription as the store holds it, with the changes made after the business date
    /// that the book leaves out: a change writes the whole record, and must keep them.
    fn as_stored(&self, seen: &Subscription) -> Result<Subscription, ServiceError> {
        let stored = self.store.dossier(&seen.customer_id)?.and_then(|dossier| {
            (dossier.subscriptions.into_iter()).find(|stored| stored.id == seen.id)
        });
        Ok(stored.unwrap_or_else(|| seen.clone()))
    }

    fn subscription(
        &self,
        customer_id: &str,
        subscription_id: &str,
    ) -> Result<&Subscription, ServiceError> {
        self.book
            .subscription(customer_id, subscription_id)
            .ok_or_else(|| {
                StoreError::UnknownSubscription {
                    id: subscription_id.into(),
                }
                .into()
            })
    }
}
