//! How a call names customers and subscriptions on the store as it is, and finds them again as
//! the commands do; the values a call gives, as the rules clean them.

use crate::commands::*;
use pcenter::domain::agreement::Contact as Person;
use pcenter::domain::customer::{domain_from_prefix, Customer, DOMAIN_SUFFIX};
use pcenter::store::Snapshot;

/// The seats an order line asks for (an order has no count of its own to keep).
pub fn order_seats(seats: Seats) -> u32 {
    match seats {
        Seats::Count(count) => count,
        Seats::Same | Seats::Text(_) => 1,
    }
}

/// The seat count `set-seats` is given.
pub fn set_seats_count(seats: Seats, current: Option<u32>) -> u32 {
    match seats {
        Seats::Count(count) => count,
        Seats::Same => current.unwrap_or(1),
        Seats::Text(_) => 0,
    }
}

/// The person of a contact, as the rules clean it.
pub fn person(contact: Contact) -> Person {
    Person {
        first_name: contact.first.0.trim().to_string(),
        last_name: contact.last.0.trim().to_string(),
        email: contact.email.0.trim().to_string(),
        phone: Some(contact.phone.0.trim().to_string()).filter(|p| !p.is_empty()),
    }
}

/// How a call names a customer, on the store as it is.
pub fn customer_text(customer: CustomerRef, snapshot: &Snapshot) -> String {
    let (id, domain) = match customer.named {
        Named::Demo(i) => {
            let found = snapshot.customers.iter().find(|c| c.id == DEMO[i]);
            (DEMO[i].to_string(), found.map(|c| c.domain.clone()))
        }
        Named::Created(i) => {
            let domain = format!("{}{DOMAIN_SUFFIX}", CREATED[i]);
            let found = snapshot.customers.iter().find(|c| c.domain == domain);
            let id = found.map_or_else(|| CREATED[i].to_string(), |c| c.id.clone());
            (id, Some(domain))
        }
        Named::Unknown(i) => (UNKNOWN[i].to_string(), Some(UNKNOWN[i].to_string())),
    };
    let domain = domain.unwrap_or_else(|| id.clone());
    match customer.form {
        Form::Id => id,
        Form::IdInCapitals => id.to_uppercase(),
        Form::Domain => domain,
        Form::DomainInCapitals => domain.to_uppercase(),
        Form::Prefix => domain.trim_end_matches(DOMAIN_SUFFIX).to_string(),
    }
}

/// The customer a command finds by tenant ID, primary domain or domain prefix, in any case.
pub fn resolve<'s>(text: &str, snapshot: &'s Snapshot) -> Option<&'s Customer> {
    let key = text.trim().to_ascii_lowercase();
    let prefixed = domain_from_prefix(text).ok();
    (snapshot.customers.iter())
        .find(|c| c.id == key || c.domain == key)
        .or_else(|| {
            let domain = prefixed?;
            snapshot.customers.iter().find(|c| c.domain == domain)
        })
}

/// The subscription ID a call names for `customer`.
pub fn subscription_id(
    customer: &Customer,
    subscription: SubscriptionRef,
    snapshot: &Snapshot,
) -> String {
    let of = |own: bool| -> Vec<&str> {
        (snapshot.subscriptions.iter())
            .filter(|s| (s.customer_id == customer.id) == own)
            .map(|s| s.id.as_str())
            .collect()
    };
    let pick = |ids: Vec<&str>, i: usize| ids.get(i % ids.len().max(1)).map(|id| id.to_string());
    match subscription {
        SubscriptionRef::Own(i) => pick(of(true), i),
        SubscriptionRef::Other(i) => pick(of(false), i),
        SubscriptionRef::Unknown => None,
    }
    .unwrap_or_else(|| "00000000-0000-0000-0000-00000000beef".to_string())
}
