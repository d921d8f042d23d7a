//! A store that logs every write it passes on: which customer, and what was written, with
//! contact details masked. Failures are logged too, reads included.

use super::mask;
use crate::domain::agreement::Confirmation;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::customer::Customer;
use crate::store::{Dossier, DossierRows, ListingRows, Snapshot, Store, StoreError};
use chrono::NaiveDate;
use std::path::Path;

/// Wraps a store; everything else about it is reached through `Deref`.
pub struct Logged<S>(pub S);

impl<S> std::ops::Deref for Logged<S> {
    type Target = S;

    fn deref(&self) -> &S {
        &self.0
    }
}

impl Logged<crate::store::SledStore> {
    /// Closes the store (see `SledStore::close`).
    pub fn close(self) {
        self.0.close();
    }
}

/// Logs a failure of `what`, and passes the result on.
fn noted<T>(what: &str, result: Result<T, StoreError>) -> Result<T, StoreError> {
    if let Err(error) = &result {
        tracing::warn!("store {what} failed: {error}");
    }
    result
}

fn confirmation_text(c: &Confirmation) -> String {
    format!(
        "dated {}, accepted by {} ({}), recorded by {} through {}",
        c.date_agreed,
        mask::email(&c.accepted_by.email),
        mask::optional_phone(c.accepted_by.phone.as_deref()),
        c.recorded_by,
        c.channel.label().to_lowercase()
    )
}

impl<S: Store> Store for Logged<S> {
    fn close(self: Box<Self>) {
        Box::new(self.0).close();
    }
    fn group_flushes(&self) {
        self.0.group_flushes();
    }
    fn flush_written(&self) -> Result<(), StoreError> {
        noted("flush", self.0.flush_written())
    }
    fn load(&self) -> Result<Snapshot, StoreError> {
        noted("read", self.0.load())
    }
    fn dossiers(&self) -> Result<DossierRows<'_>, StoreError> {
        noted("read", self.0.dossiers())
    }
    fn partner_name(&self) -> Result<Option<String>, StoreError> {
        noted("read", self.0.partner_name())
    }
    fn dossier(&self, customer_id: &str) -> Result<Option<Dossier>, StoreError> {
        noted("read", self.0.dossier(customer_id))
    }
    fn customer_id_by_domain(&self, domain: &str) -> Result<Option<String>, StoreError> {
        noted("read", self.0.customer_id_by_domain(domain))
    }
    fn listing(&self) -> Result<ListingRows, StoreError> {
        noted("read", self.0.listing())
    }
    fn unconfirmed_listing(&self, as_of: NaiveDate) -> Result<ListingRows, StoreError> {
        noted("read", self.0.unconfirmed_listing(as_of))
    }
    fn latest_change(&self) -> Result<Option<NaiveDate>, StoreError> {
        noted("read", self.0.latest_change())
    }
    fn latest_acceptance(&self) -> Result<Option<NaiveDate>, StoreError> {
        noted("read", self.0.latest_acceptance())
    }
    fn customer_count(&self) -> Result<u64, StoreError> {
        noted("read", self.0.customer_count())
    }
    fn generation(&self) -> Result<u64, StoreError> {
        noted("read", self.0.generation())
    }
    fn location(&self) -> Option<&Path> {
        self.0.location()
    }
    fn list_copy_saved(&self) {
        self.0.list_copy_saved()
    }
    fn identity(&self) -> Result<Option<crate::store::StoreIdentity>, StoreError> {
        noted("read", self.0.identity())
    }
    fn is_empty(&self) -> Result<bool, StoreError> {
        noted("read", self.0.is_empty())
    }
    fn new_id(&self) -> Result<String, StoreError> {
        noted("read", self.0.new_id())
    }

    fn registry(&self) -> Option<&dyn crate::store::AgentRegistry> {
        self.0.registry()
    }

    fn environment(&self) -> Result<Option<crate::domain::timeline::Environment>, StoreError> {
        noted("read", self.0.environment())
    }
    fn set_environment(
        &self,
        environment: crate::domain::timeline::Environment,
    ) -> Result<(), StoreError> {
        noted("write", self.0.set_environment(environment))?;
        tracing::info!("store write: environment set to {environment}");
        Ok(())
    }
    fn set_partner_name(&self, name: &str) -> Result<(), StoreError> {
        noted("write", self.0.set_partner_name(name))?;
        tracing::info!("store write: partner name set to {name}");
        Ok(())
    }

    fn create_customer(
        &self,
        customer: &Customer,
        confirmation: Option<&Confirmation>,
    ) -> Result<(), StoreError> {
        noted("write", self.0.create_customer(customer, confirmation))?;
        let contact = &customer.primary_contact;
        tracing::info!(
            "store write: customer {} created ({}, {} cloud), primary contact {} ({}){}",
            customer.id,
            customer.domain,
            customer.cloud.label(),
            mask::email(&contact.email),
            mask::optional_phone(contact.phone.as_deref()),
            confirmation.map_or(String::new(), |c| format!(
                ", with a confirmation {}",
                confirmation_text(c)
            ))
        );
        Ok(())
    }

    fn add_confirmation(&self, confirmation: &Confirmation) -> Result<(), StoreError> {
        noted("write", self.0.add_confirmation(confirmation))?;
        tracing::info!(
            "store write: customer {} confirmation {}",
            confirmation.customer_id,
            confirmation_text(confirmation)
        );
        Ok(())
    }

    fn add_confirmations(&self, confirmations: &[Confirmation]) -> Result<(), StoreError> {
        noted("write", self.0.add_confirmations(confirmations))?;
        for confirmation in confirmations {
            tracing::info!(
                "store write: customer {} confirmation {} (one of {} written at once)",
                confirmation.customer_id,
                confirmation_text(confirmation),
                confirmations.len()
            );
        }
        Ok(())
    }

    fn create_order(
        &self,
        order: &Order,
        subscriptions: &[Subscription],
    ) -> Result<(), StoreError> {
        noted("write", self.0.create_order(order, subscriptions))?;
        let lines: Vec<String> = (order.lines.iter())
            .map(|l| format!("{} x {}", l.quantity, l.offer_id))
            .collect();
        tracing::info!(
            "store write: customer {} order {} ({}) with {} subscriptions",
            order.customer_id,
            order.id,
            lines.join(", "),
            subscriptions.len()
        );
        Ok(())
    }

    fn update_subscription(&self, subscription: &Subscription) -> Result<(), StoreError> {
        noted("write", self.0.update_subscription(subscription))?;
        tracing::info!(
            "store write: customer {} subscription {} ({}) now has {} seats, auto-renew {}",
            subscription.customer_id,
            subscription.id,
            subscription.offer_name,
            subscription
                .quantity
                .map_or("no".to_string(), |q| q.to_string()),
            if subscription.auto_renew { "on" } else { "off" }
        );
        Ok(())
    }

    fn write_snapshot(&self, snapshot: &Snapshot) -> Result<(), StoreError> {
        noted("write", self.0.write_snapshot(snapshot))?;
        tracing::info!(
            "store write: {} customers, {} confirmations, {} orders and {} subscriptions at once",
            snapshot.customers.len(),
            snapshot.confirmations.len(),
            snapshot.orders.len(),
            snapshot.subscriptions.len()
        );
        Ok(())
    }

    fn fill(
        &self,
        partner_name: Option<&str>,
        chunks: &mut dyn Iterator<Item = Vec<Dossier>>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<u64, StoreError> {
        let count = noted("write", self.0.fill(partner_name, chunks, progress))?;
        tracing::info!("store write: an empty store filled with {count} customers");
        Ok(count)
    }
}
