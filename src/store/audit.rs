//! A whole-store check: every record whole and within the field rules, and every way of finding
//! a customer (by ID, by domain, in the list) agreeing with the records. Reads everything, so it
//! is meant for checks after a fault, not for every start.

use super::rules::check_dossier;
use super::{Dossier, Listed, Store, StoreError};
use crate::domain::agreement::{Confirmation, MCA_TEMPLATE_ID, MCA_TYPE};
use crate::domain::cloud::Cloud;
use crate::domain::country;
use crate::domain::customer::{self, Customer};
use crate::domain::fields;
use crate::domain::status::AgreementStatus;
use std::collections::HashSet;

/// What is wrong in `store`, one plain sentence per problem; empty when nothing is. An `Err` is
/// a store that cannot even be read.
pub fn audit(store: &dyn Store) -> Result<Vec<String>, StoreError> {
    let snapshot = store.load()?;
    let dossiers = snapshot.into_dossiers();
    let mut problems = Vec::new();
    for dossier in &dossiers {
        let name = &dossier.customer.company_name;
        let id = &dossier.customer.id;
        let mut found = dossier_problems(dossier);
        if store.dossier(id)?.as_ref() != Some(dossier) {
            found.push("reading it by its ID gives another record".into());
        }
        if store
            .customer_id_by_domain(&dossier.customer.domain)?
            .as_ref()
            != Some(id)
        {
            found.push("its domain does not lead to it".into());
        }
        problems.extend(found.into_iter().map(|p| format!("{name} ({id}): {p}")));
    }
    problems.extend(list_problems(store, &dossiers)?);
    let count = store.customer_count()?;
    if count != dossiers.len() as u64 {
        problems.push(format!(
            "the store counts {count} customers but holds {}",
            dossiers.len()
        ));
    }
    Ok(problems)
}

/// What is wrong within one customer's records.
fn dossier_problems(dossier: &Dossier) -> Vec<String> {
    let mut problems = customer_problems(&dossier.customer);
    if let Err(refusal) = check_dossier(dossier) {
        problems.push(refusal.to_string());
    }
    for confirmation in &dossier.confirmations {
        problems.extend(
            confirmation_problems(&dossier.customer, confirmation)
                .into_iter()
                .map(|p| format!("confirmation by {}: {p}", confirmation.accepted_by.email)),
        );
    }
    let mut subscription_ids = HashSet::new();
    for subscription in &dossier.subscriptions {
        if !subscription_ids.insert(&subscription.id) {
            problems.push(format!("subscription {} is stored twice", subscription.id));
        }
        if !dossier.has_order(&subscription.order_id) {
            problems.push(format!(
                "subscription {} belongs to no stored order",
                subscription.id
            ));
        }
    }
    for order in &dossier.orders {
        let subscriptions = (dossier.subscriptions.iter())
            .filter(|s| s.order_id == order.id)
            .count();
        if order.lines.is_empty() || subscriptions != order.lines.len() {
            problems.push(format!(
                "order {} has {} line items but {subscriptions} subscriptions",
                order.id,
                order.lines.len()
            ));
        }
    }
    problems
}

/// What the New customer form would refuse in a stored customer.
fn customer_problems(customer: &Customer) -> Vec<String> {
    let address = &customer.address;
    let prefix = customer.domain.strip_suffix(customer::DOMAIN_SUFFIX);
    let domain = match prefix.map(customer::domain_from_prefix) {
        Some(Ok(domain)) if domain == customer.domain => Ok(domain),
        Some(Err(message)) => Err(message),
        _ => Err(format!(
            "the domain {} is not a primary domain",
            customer.domain
        )),
    };
    let required = [
        (
            "Company name",
            &customer.company_name,
            customer::COMPANY_NAME_MAX,
        ),
        ("Address line 1", &address.line1, customer::ADDRESS_LINE_MAX),
        ("City", &address.city, customer::CITY_MAX),
        ("State/province", &address.state, customer::STATE_MAX),
        (
            "Postal code",
            &address.postal_code,
            customer::POSTAL_CODE_MAX,
        ),
    ];
    let texts = required
        .into_iter()
        .map(|(label, value, max)| cleaned(fields::required_text(label, value, max), value));
    let mut problems: Vec<String> = texts.flatten().collect();
    problems.extend(domain.err());
    problems.extend(cleaned(country::parse(&address.country), &address.country));
    problems.extend(customer.primary_contact.problems());
    problems
}

/// What the confirmation form would refuse in a stored confirmation, and what no confirmation
/// may be: for another kind of agreement, outside the public cloud, or dated after it was
/// recorded.
fn confirmation_problems(customer: &Customer, confirmation: &Confirmation) -> Vec<String> {
    let mut problems = confirmation.accepted_by.problems();
    if confirmation.agreement_type != MCA_TYPE || confirmation.template_id != MCA_TEMPLATE_ID {
        problems.push("it is not a Microsoft Cloud Agreement confirmation".into());
    }
    if customer.cloud != Cloud::Public {
        problems.push(format!(
            "{} is not in the public cloud",
            customer.company_name
        ));
    }
    if confirmation.date_agreed > confirmation.recorded_at.date_naive() {
        problems.push(format!(
            "accepted on {}, after it was recorded",
            confirmation.date_agreed
        ));
    }
    problems
}

/// The message for a stored value that the check refuses or would store differently.
fn cleaned(check: Result<String, String>, value: &str) -> Option<String> {
    match check {
        Ok(clean) if clean == value => None,
        Ok(clean) => Some(format!("'{value}' is not in its cleaned form '{clean}'")),
        Err(message) => Some(message),
    }
}

/// Whether the Customers list, and its backlog of unconfirmed rows, shows exactly the stored
/// customers as they are.
fn list_problems(store: &dyn Store, dossiers: &[Dossier]) -> Result<Vec<String>, StoreError> {
    let mut expected: Vec<Listed> = dossiers.iter().map(Dossier::listed).collect();
    expected.sort_by_key(Listed::key);
    let listing = store.listing()?.collect::<Result<Vec<_>, _>>()?;
    let unconfirmed = store
        .unconfirmed_listing()?
        .collect::<Result<Vec<_>, _>>()?;
    let mut problems = Vec::new();
    if listing != expected {
        problems.push(format!(
            "the Customers list shows {} rows that differ from the {} stored customers",
            listing.len(),
            expected.len()
        ));
    }
    expected.retain(|row| row.status() == AgreementStatus::NotConfirmed);
    if unconfirmed != expected {
        problems.push(format!(
            "the backlog lists {} rows, not the {} customers without a confirmation",
            unconfirmed.len(),
            expected.len()
        ));
    }
    Ok(problems)
}

#[cfg(test)]
mod tests;
