//! The checks every store makes before a write, written once for all of them. A store answers
//! a few yes/no questions about what it holds ([`Records`]); these functions turn the answers
//! into the refusal the screens show.

use super::dossier::{storable_problem, Additions};
use super::validity;
use super::{format_guid, mix64, Dossier, Snapshot, StoreError};
use crate::domain::agreement::Confirmation;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::customer::Customer;
use crate::domain::record_problem::RecordProblem;
use std::collections::HashSet;

/// What a store can tell about the records it already holds.
///
/// `Error` is the store's own failure type, so the questions can be asked from inside a
/// transaction; a refusal is turned into it with `From<StoreError>`.
pub(super) trait Records {
    type Error: From<StoreError>;

    fn has_customer(&self, id: &str) -> Result<bool, Self::Error>;
    /// `domain` is already a [`domain_key`].
    fn has_domain(&self, domain: &str) -> Result<bool, Self::Error>;
}

/// The form of a domain under which uniqueness is checked: domains are case-insensitive.
pub(super) fn domain_key(domain: &str) -> String {
    domain.trim().to_ascii_lowercase()
}

/// A new customer needs an unused ID and an unused domain; a confirmation passed with it must
/// be that customer's.
pub(super) fn check_new_customer<R: Records>(
    records: &R,
    customer: &Customer,
    confirmation: Option<&Confirmation>,
) -> Result<(), R::Error> {
    refuse(storable_problem(customer))?;
    refuse(validity::customer_problems(customer))?;
    if let Some(confirmation) = confirmation {
        refuse(validity::confirmation_problems(customer, confirmation))?;
    }
    if records.has_customer(&customer.id)? {
        return Err(id_taken(&customer.id));
    }
    if records.has_domain(&domain_key(&customer.domain))? {
        return Err(StoreError::DomainTaken {
            domain: customer.domain.clone(),
        }
        .into());
    }
    match confirmation {
        Some(c) if c.customer_id != customer.id => Err(unknown_customer(&c.customer_id)),
        _ => Ok(()),
    }
}

/// A confirmation needs its customer, found by the store as `dossier`, and must be one that
/// customer can have.
pub(super) fn check_confirmation(
    dossier: Option<&Dossier>,
    confirmation: &Confirmation,
) -> Result<(), StoreError> {
    let dossier = require(dossier, &confirmation.customer_id)?;
    refuse(validity::confirmation_problems(
        &dossier.customer,
        confirmation,
    ))
}

/// An order needs its customer (`dossier`), and IDs unused by that customer, for itself and for
/// every subscription; its subscriptions belong to the same customer. (IDs from `new_id` are
/// unique across the whole store by construction.)
pub(super) fn check_new_order(
    dossier: Option<&Dossier>,
    order: &Order,
    subscriptions: &[Subscription],
) -> Result<(), StoreError> {
    let dossier = require(dossier, &order.customer_id)?;
    if dossier.has_order(&order.id) {
        return Err(id_taken(&order.id));
    }
    let mut seen = HashSet::new();
    for subscription in subscriptions {
        if !seen.insert(subscription.id.as_str()) || dossier.has_subscription(&subscription.id) {
            return Err(id_taken(&subscription.id));
        }
        if subscription.customer_id != order.customer_id {
            return Err(unknown_customer(&subscription.customer_id));
        }
    }
    refuse(validity::new_order_problems(order, subscriptions))
}

/// Only a stored subscription of the customer can be replaced.
pub(super) fn check_subscription_update(
    dossier: Option<&Dossier>,
    subscription: &Subscription,
) -> Result<(), StoreError> {
    let dossier = require(dossier, &subscription.customer_id)?;
    match dossier
        .subscriptions
        .iter()
        .find(|s| s.id == subscription.id)
    {
        Some(stored) => refuse(validity::changed_subscription_problems(
            stored,
            subscription,
        )),
        None => Err(StoreError::UnknownSubscription {
            id: subscription.id.clone(),
        }),
    }
}

/// A whole snapshot written at once must meet the checks above as if its records were created
/// one by one in order: IDs unused in the store and in the snapshot, domains likewise, and every
/// confirmation, order and subscription belonging to a customer of the store or the snapshot.
/// Order and subscription IDs are checked within the snapshot.
pub(super) fn check_snapshot<R: Records>(records: &R, snapshot: &Snapshot) -> Result<(), R::Error> {
    let mut customers = HashSet::new();
    let mut domains = HashSet::new();
    for customer in &snapshot.customers {
        refuse(storable_problem(customer))?;
        if !customers.insert(customer.id.as_str()) || records.has_customer(&customer.id)? {
            return Err(id_taken(&customer.id));
        }
        let domain = domain_key(&customer.domain);
        if records.has_domain(&domain)? || !domains.insert(domain) {
            return Err(StoreError::DomainTaken {
                domain: customer.domain.clone(),
            }
            .into());
        }
    }
    let require = |id: &str| -> Result<(), R::Error> {
        if customers.contains(id) {
            Ok(())
        } else {
            require_customer(records, id)
        }
    };
    for confirmation in &snapshot.confirmations {
        require(&confirmation.customer_id)?;
    }
    let mut orders = HashSet::new();
    for order in &snapshot.orders {
        if !orders.insert(order.id.as_str()) {
            return Err(id_taken(&order.id));
        }
        require(&order.customer_id)?;
    }
    let mut subscriptions = HashSet::new();
    for subscription in &snapshot.subscriptions {
        if !subscriptions.insert(subscription.id.as_str()) {
            return Err(id_taken(&subscription.id));
        }
        require(&subscription.customer_id)?;
    }
    Ok(())
}

/// A dossier written whole (by a fill or a restore) must be storable and meet every rule of
/// its records, which are its own, each ID given once (see `validity::dossier_problems`).
pub(super) fn check_dossier(dossier: &Dossier) -> Result<(), StoreError> {
    refuse(dossier_problem(dossier))
}

/// The first reason the store would refuse a dossier written whole.
pub(super) fn dossier_problem(dossier: &Dossier) -> Option<RecordProblem> {
    storable_problem(&dossier.customer)
        .or_else(|| validity::dossier_problems(dossier).into_iter().next())
}

/// The `n`th ID of a store whose salt is `salt`. `mix64` is a bijection, so distinct `n` give
/// distinct halves; the salt keeps two stores from making the same sequence.
pub(super) fn id_for(salt: u64, n: u64) -> String {
    const SECOND_HALF: u64 = 0x6a09_e667_f3bc_c908;
    format_guid(
        mix64(salt ^ n),
        mix64(salt.rotate_left(32) ^ n ^ SECOND_HALF),
    )
}

/// The records of a snapshot, grouped: each new customer's whole dossier, and what is added to
/// customers stored before, each judged with its stored customer (see `validity`).
pub(super) fn check_grouped(
    dossiers: &[Dossier],
    additions: &[(String, Additions)],
    stored: impl Fn(&str) -> Result<Option<Dossier>, StoreError>,
) -> Result<(), StoreError> {
    for dossier in dossiers {
        refuse(validity::dossier_problems(dossier))?;
    }
    for (customer_id, added) in additions {
        let mut merged = require(stored(customer_id)?.as_ref(), customer_id)?.clone();
        // IDs unused by the customer, as for an order written on its own.
        let ids =
            (added.orders.iter().map(|o| &o.id)).chain(added.subscriptions.iter().map(|s| &s.id));
        if let Some(taken) = ids
            .into_iter()
            .find(|id| merged.has_order(id) || merged.has_subscription(id))
        {
            return Err(id_taken(taken));
        }
        merged.absorb(added.clone());
        refuse(validity::added_problems(&merged, added))?;
    }
    Ok(())
}

/// A partner name stored must be one `--partner` takes.
pub(super) fn check_partner_name(name: Option<&str>) -> Result<(), StoreError> {
    refuse(name.and_then(validity::partner_problem))
}

/// The first problem found, as the store's refusal.
fn refuse<E: From<StoreError>>(problems: impl IntoIterator<Item = RecordProblem>) -> Result<(), E> {
    match problems.into_iter().next() {
        None => Ok(()),
        Some(what) => Err(StoreError::Unstorable { what }.into()),
    }
}

fn require_customer<R: Records>(records: &R, id: &str) -> Result<(), R::Error> {
    if records.has_customer(id)? {
        Ok(())
    } else {
        Err(unknown_customer(id))
    }
}

fn require<'d>(dossier: Option<&'d Dossier>, id: &str) -> Result<&'d Dossier, StoreError> {
    dossier.ok_or_else(|| unknown_customer(id))
}

fn unknown_customer<E: From<StoreError>>(id: &str) -> E {
    StoreError::UnknownCustomer { id: id.to_string() }.into()
}

fn id_taken<E: From<StoreError>>(id: &str) -> E {
    StoreError::IdTaken { id: id.to_string() }.into()
}
