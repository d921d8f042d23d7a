//! What every stored record must be: the rules the forms and the commands check, applied once
//! more by the store itself to everything written, whatever wrote it (a form, a command, an
//! import, a fill, a restore), and by `audit` to everything stored. Each function lists every
//! problem it finds, in plain words, about the record it is given.

use crate::domain::agreement::{AgreementKind, Confirmation};
use crate::domain::catalog;
use crate::domain::characters::quote;
use crate::domain::cloud::Cloud;
use crate::domain::commerce::{check_line, Billing, Change, Order, Subscription};
use crate::domain::country;
use crate::domain::customer::{self, Customer};
use crate::domain::field_problem::Subject;
use crate::domain::fields::{self, EARLIEST_ACCEPTANCE, LATEST_BUSINESS_DATE, NAME_MAX};
use crate::domain::phase::{long_date, OPTIONAL_FROM};
use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::dossier::Additions;
use super::Dossier;

/// The longest record ID: a GUID has 36 characters; other IDs (tests, imports of other tools)
/// get some room, but no more than a screen line.
pub const ID_MAX: usize = 64;

/// The latest calendar date anywhere on Earth at `moment`: the time zones run up to UTC+14, so
/// a date typed in any of them is at most this one. An acceptance date after it had not begun
/// anywhere when the confirmation was recorded.
pub fn latest_date_at(moment: DateTime<Utc>) -> NaiveDate {
    moment
        .checked_add_signed(Duration::hours(14))
        .map_or(NaiveDate::MAX, |later| later.date_naive())
}

/// What is wrong with the moment `what` was recorded: nothing is recorded after the last
/// business date pcenter takes.
fn moment_problem(what: &str, moment: DateTime<Utc>) -> Option<String> {
    (moment.date_naive() > LATEST_BUSINESS_DATE).then(|| {
        format!(
            "{what} on {}, after {LATEST_BUSINESS_DATE}, the last business date there can be",
            moment.date_naive()
        )
    })
}

/// What is wrong with a record ID: IDs are compared as written, so they hold one case only.
pub fn id_problem(what: &str, id: &str) -> Option<String> {
    let length = id.chars().count();
    if id.is_empty() {
        return Some(format!("{what} has an empty ID"));
    }
    if length > ID_MAX {
        return Some(format!(
            "{what} has an ID of {length} characters; at most {ID_MAX}"
        ));
    }
    let bad = id
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))?;
    Some(format!(
        "{what} has the ID '{}', which holds '{}': an ID holds only lower-case letters a-z, digits and hyphens, as a GUID does",
        quote(id),
        crate::domain::characters::shown(bad)
    ))
}

/// What is wrong with the name of the agent who recorded something.
fn agent_problem(what: &str, agent: &str) -> Option<String> {
    cleaned(
        fields::required_text("The agent's name", agent, NAME_MAX),
        agent,
    )
    .map(|problem| format!("{what}: {problem}"))
}

/// What is wrong with the partner organization's name, as `--partner` takes it.
pub fn partner_problem(name: &str) -> Option<String> {
    cleaned(
        fields::required_text("The partner's name", name, NAME_MAX),
        name,
    )
}

/// What the New customer form would refuse in a customer, and an ID or agent that no write of
/// pcenter makes.
pub fn customer_problems(customer: &Customer) -> Vec<String> {
    let address = &customer.address;
    let prefix = customer.domain.strip_suffix(customer::DOMAIN_SUFFIX);
    let domain = match prefix.map(customer::domain_from_prefix) {
        Some(Ok(domain)) if domain == customer.domain => Ok(domain),
        Some(Err(problem)) => Err(problem.to_string()),
        _ => Err(format!(
            "the domain '{}' is not a primary domain: use a lower-case prefix of letters a-z and digits, then {}",
            quote(&customer.domain),
            customer::DOMAIN_SUFFIX
        )),
    };
    let required = [
        (
            Subject::CompanyName,
            &customer.company_name,
            customer::COMPANY_NAME_MAX,
        ),
        (Subject::Line1, &address.line1, customer::ADDRESS_LINE_MAX),
        (Subject::City, &address.city, customer::CITY_MAX),
        (Subject::State, &address.state, customer::STATE_MAX),
        (
            Subject::PostalCode,
            &address.postal_code,
            customer::POSTAL_CODE_MAX,
        ),
    ];
    let mut problems: Vec<String> = id_problem("the customer", &customer.id)
        .into_iter()
        .collect();
    problems.extend(required.into_iter().filter_map(|(label, value, max)| {
        cleaned(fields::required_text(label, value, max), value)
    }));
    if let Some(line2) = &address.line2 {
        let check = fields::optional_text(Subject::Line2, line2, customer::ADDRESS_LINE_MAX)
            .map(Option::unwrap_or_default);
        problems.extend(cleaned(check, line2));
    }
    problems.extend(domain.err());
    problems.extend(cleaned(country::parse(&address.country), &address.country));
    problems.extend(
        customer
            .primary_contact
            .problems()
            .into_iter()
            .map(|p| format!("its primary contact: {p}")),
    );
    problems.extend(agent_problem("created by", &customer.created_by));
    problems.extend(moment_problem("it was created", customer.created_at));
    problems
}

/// What no confirmation of `customer` may be: refused by the confirmation form, of no known
/// agreement (its type the one of its template), outside the public cloud, recorded before confirming existed, or dated
/// before the Microsoft Cloud Agreement existed or after it was recorded.
pub fn confirmation_problems(customer: &Customer, confirmation: &Confirmation) -> Vec<String> {
    let mut problems = confirmation.accepted_by.problems();
    let known = AgreementKind::ALL.iter().any(|kind| {
        confirmation.agreement_type == kind.type_name()
            && confirmation.template_id == kind.template_id()
    });
    if !known {
        let agreements: Vec<String> = AgreementKind::ALL
            .iter()
            .map(|kind| format!("type {}, template {}", kind.type_name(), kind.template_id()))
            .collect();
        problems.push(format!(
            "it is not a confirmation of a known agreement ({})",
            agreements.join("; or ")
        ));
    }
    if customer.cloud != Cloud::Public {
        problems.push(format!(
            "{} is in {}, and confirmation of customer acceptance is supported in the Microsoft Public Cloud only",
            quote(&customer.company_name),
            customer.cloud.label()
        ));
    }
    let recorded_on = latest_date_at(confirmation.recorded_at);
    if recorded_on < OPTIONAL_FROM {
        problems.push(format!(
            "it was recorded on {}, before confirming customer acceptance existed ({})",
            confirmation.recorded_at.date_naive(),
            long_date(OPTIONAL_FROM)
        ));
    }
    if confirmation.date_agreed < EARLIEST_ACCEPTANCE {
        problems.push(format!(
            "its acceptance date {} is before the Microsoft Cloud Agreement existed ({EARLIEST_ACCEPTANCE})",
            confirmation.date_agreed
        ));
    }
    if confirmation.date_agreed > recorded_on {
        problems.push(format!(
            "its acceptance date {} is after the moment it was recorded ({})",
            confirmation.date_agreed,
            confirmation.recorded_at.format("%Y-%m-%dT%H:%M:%SZ")
        ));
    }
    problems.extend(agent_problem("recorded by", &confirmation.recorded_by));
    problems.extend(moment_problem("it was recorded", confirmation.recorded_at));
    problems
}

/// What is wrong with an order: its ID, its line items (each an offer of the catalog with a
/// quantity it allows) and who created it.
pub fn order_problems(order: &Order) -> Vec<String> {
    let mut problems: Vec<String> = id_problem("the order", &order.id).into_iter().collect();
    if order.lines.is_empty() {
        problems.push(format!("the order {} has no line items", order.id));
    }
    for line in &order.lines {
        match catalog::offer(&line.offer_id) {
            None => problems.push(unknown_offer(&line.offer_id)),
            Some(offer) => problems.extend(
                check_line(offer, line.quantity)
                    .err()
                    .map(|why| format!("the order {}: {why}", order.id)),
            ),
        }
    }
    problems.extend(agent_problem("the order was created by", &order.created_by));
    problems.extend(moment_problem(
        &format!("the order {} was created", order.id),
        order.created_at,
    ));
    problems
}

/// What is wrong with a subscription on its own: its ID, its offer, and a seat count the offer
/// allows (none for a usage-based offer).
pub fn subscription_problems(subscription: &Subscription) -> Vec<String> {
    let what = format!("the subscription {}", subscription.id);
    let mut problems: Vec<String> = id_problem("the subscription", &subscription.id)
        .into_iter()
        .collect();
    problems.extend(moment_problem(
        &format!("{what} was created"),
        subscription.created_at,
    ));
    let Some(offer) = catalog::offer(&subscription.offer_id) else {
        problems.push(unknown_offer(&subscription.offer_id));
        return problems;
    };
    if subscription.billing != offer.billing {
        problems.push(format!(
            "{what} is billed otherwise than its offer {}",
            offer.name
        ));
    }
    match (offer.billing, subscription.quantity) {
        (Billing::SeatBased, Some(seats)) => problems.extend(
            offer
                .check_seats(seats)
                .err()
                .map(|why| format!("{what}: {why}")),
        ),
        (Billing::SeatBased, None) => problems.push(format!(
            "{what} has no seat count, but {} is seat-based",
            offer.name
        )),
        (Billing::UsageBased, Some(_)) => problems.push(format!(
            "{what} has a seat count, but {} is usage-based",
            offer.name
        )),
        (Billing::UsageBased, None) => {}
    }
    problems.extend(history_problems(subscription));
    problems
}

/// What is wrong with the dated changes of a subscription's seat count and auto-renew: each
/// history in date order, one change a day at most, each after the day the subscription was
/// created and by the last business date there can be, each a change of the value; the seat
/// counts of a seat-based subscription only, each one its offer allows.
pub fn history_problems(subscription: &Subscription) -> Vec<String> {
    let what = format!("the subscription {}", subscription.id);
    let created = subscription.created_at.date_naive();
    let mut problems = Vec::new();
    let mut dates = |kind: &str, days: &[NaiveDate]| {
        if days.windows(2).any(|pair| pair[0] >= pair[1]) {
            problems.push(format!(
                "{what} has {kind} changes out of date order, or two on one day"
            ));
        }
        for day in days {
            if *day <= created {
                problems.push(format!(
                    "{what} has a {kind} change on {day}, not after the day it was created ({created})"
                ));
            }
            if *day > LATEST_BUSINESS_DATE {
                problems.push(format!(
                    "{what} has a {kind} change on {day}, after {LATEST_BUSINESS_DATE}, the last business date there can be"
                ));
            }
        }
    };
    let seat_days: Vec<NaiveDate> = subscription.seat_changes.iter().map(|c| c.on).collect();
    let renewal_days: Vec<NaiveDate> = (subscription.auto_renew_changes.iter())
        .map(|c| c.on)
        .collect();
    dates("seat", &seat_days);
    dates("auto-renew", &renewal_days);
    match subscription.quantity {
        None if !subscription.seat_changes.is_empty() => {
            problems.push(format!("{what} has seat count changes, but no seat count"))
        }
        None => {}
        Some(current) => {
            if changes_nothing(&subscription.seat_changes, &current) {
                problems.push(format!(
                    "{what} has a seat count change that leaves the count as it was"
                ));
            }
            if let Some(offer) = catalog::offer(&subscription.offer_id) {
                problems.extend(subscription.seat_changes.iter().filter_map(|change| {
                    (offer.check_seats(change.before).err())
                        .map(|why| format!("{what}: its seat count before {}: {why}", change.on))
                }));
            }
        }
    }
    if changes_nothing(&subscription.auto_renew_changes, &subscription.auto_renew) {
        problems.push(format!(
            "{what} has an auto-renew change that leaves it as it was"
        ));
    }
    problems
}

/// Whether one of `changes` leaves the value as it was: its `before` is the value after it
/// (the next change's `before`, or `current` after the last).
fn changes_nothing<T: PartialEq>(changes: &[Change<T>], current: &T) -> bool {
    changes.iter().enumerate().any(|(i, change)| {
        let after = changes.get(i + 1).map_or(current, |next| &next.before);
        change.before == *after
    })
}

/// What is wrong with a new order and the subscriptions it makes: one per line item, of that
/// line's offer, all of the order.
pub fn new_order_problems(order: &Order, subscriptions: &[Subscription]) -> Vec<String> {
    let mut problems = order_problems(order);
    for subscription in subscriptions {
        problems.extend(subscription_problems(subscription));
        if subscription.order_id != order.id {
            problems.push(format!(
                "the subscription {} belongs to another order than {}",
                subscription.id, order.id
            ));
        }
    }
    problems.extend(lines_without_their_subscription(
        order,
        subscriptions.iter(),
    ));
    problems
}

/// What is wrong with a changed subscription: a change of anything but its seats, status and
/// auto-renew (with their dated changes), and new seats the offer does not allow. Only the change is judged: a
/// subscription an older version stored (of an offer since left out of the catalog, say) can
/// still have its auto-renew turned on or off.
pub fn changed_subscription_problems(stored: &Subscription, changed: &Subscription) -> Vec<String> {
    let mut problems = if changed.quantity != stored.quantity {
        subscription_problems(changed)
    } else if changed.seat_changes != stored.seat_changes
        || changed.auto_renew_changes != stored.auto_renew_changes
    {
        history_problems(changed)
    } else {
        Vec::new()
    };
    let fixed = |s: &Subscription| {
        (
            s.order_id.clone(),
            s.offer_id.clone(),
            s.billing,
            s.created_at,
        )
    };
    if fixed(stored) != fixed(changed) {
        problems.push(format!(
            "the subscription {} would change its order, offer, billing or creation time, which never change",
            changed.id
        ));
    }
    problems
}

/// Every problem of a whole dossier: every record on its own, and how they hold together (each
/// record the customer's own, each order and subscription ID given once, each subscription of
/// a stored order, each order with one subscription per line item).
pub fn dossier_problems(dossier: &Dossier) -> Vec<String> {
    let customer = &dossier.customer;
    let mut problems = customer_problems(customer);
    let owners = (dossier
        .confirmations
        .iter()
        .map(|c| ("confirmation", &c.customer_id)))
    .chain(dossier.orders.iter().map(|o| ("order", &o.customer_id)))
    .chain(
        dossier
            .subscriptions
            .iter()
            .map(|s| ("subscription", &s.customer_id)),
    );
    for (kind, owner) in owners.filter(|(_, owner)| **owner != customer.id) {
        problems.push(format!(
            "it holds a {kind} of another customer, {}",
            quote(owner)
        ));
    }
    problems.extend(given_twice("order", dossier.orders.iter().map(|o| &o.id)));
    problems.extend(given_twice(
        "subscription",
        dossier.subscriptions.iter().map(|s| &s.id),
    ));
    for confirmation in &dossier.confirmations {
        problems.extend(
            confirmation_problems(customer, confirmation)
                .into_iter()
                .map(|p| {
                    format!(
                        "its confirmation by {}: {p}",
                        quote(&confirmation.accepted_by.email)
                    )
                }),
        );
    }
    // Each record on its own first: what is wrong with a subscription says more than that its
    // order no longer matches it.
    for subscription in &dossier.subscriptions {
        problems.extend(subscription_problems(subscription));
    }
    for order in &dossier.orders {
        problems.extend(order_problems(order));
    }
    for subscription in &dossier.subscriptions {
        if !dossier.has_order(&subscription.order_id) {
            problems.push(format!(
                "the subscription {} belongs to no stored order",
                subscription.id
            ));
        }
    }
    for order in &dossier.orders {
        let of_order = dossier
            .subscriptions
            .iter()
            .filter(|s| s.order_id == order.id);
        problems.extend(lines_without_their_subscription(order, of_order));
    }
    problems
}

/// Every problem of records added to a stored customer, found in `merged`, the customer's
/// dossier with them added: only the added records are judged, so a value an older version
/// stored does not stand in the way of new records.
pub fn added_problems(merged: &Dossier, added: &Additions) -> Vec<String> {
    let mut problems = Vec::new();
    for confirmation in &added.confirmations {
        problems.extend(confirmation_problems(&merged.customer, confirmation));
    }
    for order in &added.orders {
        problems.extend(order_problems(order));
        let of_order = merged
            .subscriptions
            .iter()
            .filter(|s| s.order_id == order.id);
        problems.extend(lines_without_their_subscription(order, of_order));
    }
    for subscription in &added.subscriptions {
        problems.extend(subscription_problems(subscription));
        if !merged.has_order(&subscription.order_id) {
            problems.push(format!(
                "the subscription {} belongs to no stored order",
                subscription.id
            ));
        }
    }
    problems
}

/// The IDs given to two records of one kind.
fn given_twice<'i>(kind: &str, ids: impl Iterator<Item = &'i String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    ids.filter(|id| !seen.insert(*id))
        .map(|id| format!("the {kind} ID {} is given to two of its {kind}s", quote(id)))
        .collect()
}

/// Whether the subscriptions of an order are one per line item, each of its line's offer.
fn lines_without_their_subscription<'s>(
    order: &Order,
    subscriptions: impl Iterator<Item = &'s Subscription>,
) -> Option<String> {
    let mut offers: Vec<&str> = subscriptions.map(|s| s.offer_id.as_str()).collect();
    let mut ordered: Vec<&str> = order.lines.iter().map(|l| l.offer_id.as_str()).collect();
    offers.sort_unstable();
    ordered.sort_unstable();
    (offers != ordered).then(|| {
        format!(
            "the order {} has {} line items but {} subscriptions of their offers",
            order.id,
            order.lines.len(),
            offers.len()
        )
    })
}

fn unknown_offer(offer_id: &str) -> String {
    format!(
        "the offer '{}' is not in the catalog (see pcenter offers list)",
        quote(offer_id)
    )
}

/// The message for a stored value that the check refuses or would store differently.
fn cleaned<E: Into<String>>(check: Result<String, E>, value: &str) -> Option<String> {
    match check {
        Ok(clean) if clean == value => None,
        Ok(clean) => Some(format!(
            "'{}' is not in its cleaned form '{}'",
            quote(value),
            quote(&clean)
        )),
        Err(message) => Some(message.into()),
    }
}

#[cfg(test)]
#[path = "validity_tests.rs"]
mod tests;
