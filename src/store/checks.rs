//! The store's rules for a dossier that arrives whole (from a backup), for callers outside the
//! store that want to name the offending line before anything is written.

use super::{rules, Dossier, StoreError};
use crate::domain::agreement::Confirmation;
use std::collections::HashSet;

/// A dossier must be storable, hold only its own records, and, as every order written one at a
/// time would, give each order and each subscription an ID of its own within the customer.
pub fn check_restored_dossier(dossier: &Dossier) -> Result<(), StoreError> {
    let mut orders = HashSet::new();
    for order in &dossier.orders {
        if !orders.insert(order.id.as_str()) {
            return Err(StoreError::IdTaken {
                id: order.id.clone(),
            });
        }
    }
    let mut subscriptions = HashSet::new();
    for subscription in &dossier.subscriptions {
        if !subscriptions.insert(subscription.id.as_str()) {
            return Err(StoreError::IdTaken {
                id: subscription.id.clone(),
            });
        }
    }
    rules::check_dossier(dossier)
}

/// Whether the store would take `confirmation` for the customer of `dossier` (as the store
/// finds it), with the same checks as its own writes: what a dry run judges without writing.
pub fn check_new_confirmation(
    dossier: Option<&Dossier>,
    confirmation: &Confirmation,
) -> Result<(), StoreError> {
    rules::check_confirmation(dossier, confirmation)
}

/// Whether the store would take `name` as the partner organization's name.
pub fn check_partner_name(name: &str) -> Result<(), StoreError> {
    rules::check_partner_name(Some(name))
}

/// The form of a domain under which the store keeps domains unique.
pub fn domain_key(domain: &str) -> String {
    rules::domain_key(domain)
}
