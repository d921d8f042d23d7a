//! The rules checked after every write, by the dashboard or by a command, and what they look
//! at: which confirmations open the gate on a business date, which customers exist on it.

use chrono::NaiveDate;
use pcenter::assets;
use pcenter::domain::agreement::{held_on, AgreementKind, Confirmation};
use pcenter::domain::customer::{self, Customer};
use pcenter::domain::field_problem::FieldProblem;
use pcenter::domain::fields::{self, EARLIEST_ACCEPTANCE};
use pcenter::domain::phase::Phase;
use pcenter::domain::role::Role;
use pcenter::domain::timeline::{self, AgreementEra};
use pcenter::service::Actor;
use pcenter::store::Snapshot;
use proptest::prelude::*;

/// What the form would refuse in a stored customer.
fn customer_problems(c: &Customer) -> Vec<String> {
    let same = |check: Result<String, FieldProblem>, value: &str| match check {
        Ok(clean) if clean == value => None,
        Ok(clean) => Some(format!("{value:?} is not in its cleaned form {clean:?}")),
        Err(problem) => Some(problem.to_string()),
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
    problems.extend(c.primary_contact.problems().iter().map(ToString::to_string));
    problems
}

/// Whether a customer's confirmations that count on the business date `today` (see
/// `held_on`) satisfy the gate of that date's agreement era, for an order of offers that do
/// (`true`) or do not require the Microsoft Customer Agreement.
pub fn gate_opens(
    confirmations: &[Confirmation],
    today: NaiveDate,
    requires_customer_agreement: bool,
) -> bool {
    let held = held_on(confirmations, today);
    let era = AgreementEra::on(today);
    AgreementKind::ALL
        .into_iter()
        .any(|kind| held.holds(kind) && era.satisfied_by(kind, requires_customer_agreement))
}

/// The confirmations of one customer in a store, whatever their dates.
pub fn confirmations_of(snapshot: &Snapshot, customer_id: &str) -> Vec<Confirmation> {
    (snapshot.confirmations.iter())
        .filter(|c| c.customer_id == customer_id)
        .cloned()
        .collect()
}

/// Whether the customer exists on the business date `today`: created by then.
pub fn exists_on(customer: &Customer, today: NaiveDate) -> bool {
    customer.created_at.date_naive() <= today
}

fn confirmation_problems(c: &Confirmation, business_date: NaiveDate) -> Vec<String> {
    let mut problems: Vec<String> = (c.accepted_by.problems().iter())
        .map(ToString::to_string)
        .collect();
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
    if c.recorded_on() != business_date {
        problems.push(format!("recorded on {}", c.recorded_on()));
    }
    match c.kind() {
        Some(kind) if timeline::confirmable(kind, business_date) => {}
        Some(kind) => problems.push(format!("of the {}, not confirmable then", kind.name())),
        None => problems.push(format!("of the unknown template {}", c.template_id)),
    }
    problems
}

/// Checks what one step of `actor` changed in the store: the records it made are valid, made
/// on its business date, and of customers (and subscriptions) that exist on it; no order was
/// created and no seat count changed that the gate of the actor's face, in the agreement era
/// of the business date, forbids.
pub fn check_step(
    actor: &Actor,
    initial: &Snapshot,
    before: &Snapshot,
    after: &Snapshot,
) -> Result<(), TestCaseError> {
    let today = actor.business_date;
    if actor.role == Role::HelpdeskAgent {
        prop_assert_eq!(after, initial, "a Helpdesk agent changed the store");
    }
    // A step may make several writes (the wizard creates a customer, then its order): what
    // it wrote is judged on the store as the step left it.
    let existing = |customer_id: &str| {
        (after.customers.iter()).find(|c| c.id == customer_id && exists_on(c, today))
    };
    for c in after
        .confirmations
        .iter()
        .filter(|c| !before.confirmations.contains(c))
    {
        let mut problems = confirmation_problems(c, today);
        if existing(&c.customer_id).is_none() {
            problems.push("of a customer that does not exist on the business date".into());
        }
        prop_assert!(problems.is_empty(), "saved {:?}: {:?}", c, problems);
    }
    for c in after
        .customers
        .iter()
        .filter(|c| !before.customers.contains(c))
    {
        let mut problems = customer_problems(c);
        if c.created_at.date_naive() != today {
            problems.push(format!("created on {}", c.created_at.date_naive()));
        }
        prop_assert!(problems.is_empty(), "created {:?}: {:?}", c, problems);
    }
    // The gate: the face's phase, the customer's cloud, and the confirmations that count on the
    // business date, in its era.
    let mandatory = actor.phase() == Phase::Mandatory;
    let blocked = |customer: &Customer, requires_customer_agreement: bool| {
        let confirmations = confirmations_of(after, &customer.id);
        let public = customer.cloud.supports_confirmation();
        public
            && ((mandatory && !gate_opens(&confirmations, today, false))
                || (requires_customer_agreement && !gate_opens(&confirmations, today, true)))
    };
    for order in after.orders.iter().filter(|o| !before.orders.contains(o)) {
        prop_assert_eq!(order.created_at.date_naive(), today, "order {:?}", order);
        let customer = existing(&order.customer_id);
        prop_assert!(
            customer.is_some(),
            "order {:?} for a customer that does not exist on the business date",
            order
        );
        let requires = (order.lines.iter()).any(|line| {
            assets::offer(&line.offer_id).is_some_and(|o| o.requires_customer_agreement)
        });
        prop_assert!(
            !customer.is_some_and(|c| blocked(c, requires)),
            "order {:?} for a customer the gate blocks",
            order
        );
    }
    for sub in &after.subscriptions {
        let was = before.subscriptions.iter().find(|s| s.id == sub.id);
        let Some(was) = was else {
            prop_assert_eq!(sub.created_at.date_naive(), today, "subscription {:?}", sub);
            continue;
        };
        if was.quantity != sub.quantity || was.seat_changes != sub.seat_changes {
            let customer = existing(&sub.customer_id);
            prop_assert!(
                customer.is_some() && was.created_at.date_naive() <= today,
                "seats of {:?} changed, which does not exist on the business date",
                sub
            );
            prop_assert!(
                !customer.is_some_and(|c| blocked(c, false)),
                "seats of {:?} changed for a customer the gate blocks",
                sub
            );
        }
    }
    Ok(())
}
