//! The rules checked after every write, by the dashboard or by a command.

use pcenter::domain::agreement::Confirmation;
use pcenter::domain::customer::{self, Customer};
use pcenter::domain::fields::{self, EARLIEST_ACCEPTANCE};
use pcenter::domain::phase::Phase;
use pcenter::domain::role::Role;
use pcenter::service::Actor;
use pcenter::store::Snapshot;
use proptest::prelude::*;

/// What the form would refuse in a stored customer.
fn customer_problems(c: &Customer) -> Vec<String> {
    let same = |check: Result<String, String>, value: &str| match check {
        Ok(clean) if clean == value => None,
        Ok(clean) => Some(format!("{value:?} is not in its cleaned form {clean:?}")),
        Err(message) => Some(message),
    };
    let a = &c.address;
    let mut problems: Vec<String> = [
        same(
            fields::required_text("Company name", &c.company_name, customer::COMPANY_NAME_MAX),
            &c.company_name,
        ),
        same(customer::domain_from_prefix(&c.domain), &c.domain),
        same(
            fields::required_text("Address line 1", &a.line1, customer::ADDRESS_LINE_MAX),
            &a.line1,
        ),
        same(
            fields::required_text("City", &a.city, customer::CITY_MAX),
            &a.city,
        ),
        same(
            fields::required_text("State", &a.state, customer::STATE_MAX),
            &a.state,
        ),
        same(
            fields::required_text("Postal code", &a.postal_code, customer::POSTAL_CODE_MAX),
            &a.postal_code,
        ),
        same(pcenter::domain::country::parse(&a.country), &a.country),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(line2) = &a.line2 {
        problems.extend(same(
            fields::required_text("Address line 2", line2, customer::ADDRESS_LINE_MAX),
            line2,
        ));
    }
    problems.extend(c.primary_contact.problems());
    problems
}

fn confirmation_problems(c: &Confirmation, business_date: chrono::NaiveDate) -> Vec<String> {
    let mut problems = c.accepted_by.problems();
    if c.date_agreed > business_date {
        problems.push(format!(
            "accepted on {}, after the business date",
            c.date_agreed
        ));
    }
    if c.date_agreed < EARLIEST_ACCEPTANCE {
        problems.push(format!(
            "accepted on {}, before the agreement existed",
            c.date_agreed
        ));
    }
    problems
}

/// Checks what one step of `actor` changed in the store.
pub fn check_step(
    actor: &Actor,
    initial: &Snapshot,
    before: &Snapshot,
    after: &Snapshot,
) -> Result<(), TestCaseError> {
    if actor.role == Role::HelpdeskAgent {
        prop_assert_eq!(after, initial, "a Helpdesk agent changed the store");
    }
    for c in after
        .confirmations
        .iter()
        .filter(|c| !before.confirmations.contains(c))
    {
        let problems = confirmation_problems(c, actor.business_date);
        prop_assert!(problems.is_empty(), "saved {:?}: {:?}", c, problems);
    }
    for c in after
        .customers
        .iter()
        .filter(|c| !before.customers.contains(c))
    {
        let problems = customer_problems(c);
        prop_assert!(problems.is_empty(), "created {:?}: {:?}", c, problems);
    }
    if Phase::on(actor.business_date) != Phase::Mandatory {
        return Ok(());
    }
    let unconfirmed_public = |customer_id: &str| {
        let customer = before.customers.iter().find(|c| c.id == customer_id);
        customer.is_some_and(|c| c.cloud.supports_confirmation())
            && !before
                .confirmations
                .iter()
                .any(|c| c.customer_id == customer_id)
    };
    for order in after.orders.iter().filter(|o| !before.orders.contains(o)) {
        prop_assert!(
            !unconfirmed_public(&order.customer_id),
            "order {:?} for an unconfirmed customer",
            order
        );
    }
    for sub in &after.subscriptions {
        let was = before.subscriptions.iter().find(|s| s.id == sub.id);
        if was.is_some_and(|was| was.quantity != sub.quantity) {
            prop_assert!(
                !unconfirmed_public(&sub.customer_id),
                "seats of {:?} changed for an unconfirmed customer",
                sub
            );
        }
    }
    Ok(())
}
