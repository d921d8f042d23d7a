//! What every stored record must be: the rules the forms and the commands check, applied once
//! more by the store itself to everything written, whatever wrote it (a form, a command, an
//! import, a fill, a restore), and by `audit` to everything stored. Each function lists every
//! problem it finds, as data (`RecordProblem`), about the record it is given.

use crate::domain::agreement::{AgreementKind, Confirmation};
use crate::domain::catalog;
use crate::domain::cloud::Cloud;
use crate::domain::commerce::{check_line, Billing, Change, Order, Subscription};
use crate::domain::country;
use crate::domain::customer::{self, Customer};
use crate::domain::field_problem::Subject;
use crate::domain::fields::{self, EARLIEST_ACCEPTANCE, LATEST_BUSINESS_DATE, NAME_MAX};
use crate::domain::phase::OPTIONAL_FROM;
use crate::domain::record_problem::{History, IdProblem, Made, MadeBy, Record, RecordProblem};
use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::dossier::Additions;
use super::Dossier;

pub use crate::domain::record_problem::ID_MAX;

/// The latest calendar date anywhere on Earth at `moment`: the time zones run up to UTC+14, so
/// a date typed in any of them is at most this one. An acceptance date after it had not begun
/// anywhere when the confirmation was recorded.
pub fn latest_date_at(moment: DateTime<Utc>) -> NaiveDate {
    moment
        .checked_add_signed(Duration::hours(14))
        .map_or(NaiveDate::MAX, |later| later.date_naive())
}

/// What is wrong with the moment a record was `made`: nothing is recorded after the last
/// business date pcenter takes.
fn moment_problem(made: Made, moment: DateTime<Utc>) -> Option<RecordProblem> {
    let on = moment.date_naive();
    (on > LATEST_BUSINESS_DATE).then_some(RecordProblem::AfterLastBusinessDate { made, on })
}

/// What is wrong with a record ID: IDs are compared as written, so they hold one case only.
pub fn id_problem(record: Record, id: &str) -> Option<RecordProblem> {
    let length = id.chars().count();
    let problem = if id.is_empty() {
        IdProblem::Empty
    } else if length > ID_MAX {
        IdProblem::TooLong(length)
    } else {
        let character = id
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))?;
        IdProblem::Character {
            id: id.to_string(),
            character,
        }
    };
    Some(RecordProblem::Id { record, problem })
}

/// What is wrong with the name of the agent who made a record.
fn agent_problem(of: MadeBy, agent: &str) -> Option<RecordProblem> {
    RecordProblem::of_value(fields::required_text("Agent name", agent, NAME_MAX), agent).map(
        |problem| RecordProblem::Agent {
            of,
            problem: Box::new(problem),
        },
    )
}

/// What is wrong with the partner organization's name, as `--partner` takes it.
pub fn partner_problem(name: &str) -> Option<RecordProblem> {
    RecordProblem::of_value(fields::required_text("Partner name", name, NAME_MAX), name)
        .map(|problem| RecordProblem::PartnerName(Box::new(problem)))
}

/// What the New customer form would refuse in a customer, and an ID or agent that no write of
/// pcenter makes.
pub fn customer_problems(customer: &Customer) -> Vec<RecordProblem> {
    let address = &customer.address;
    let prefix = customer.domain.strip_suffix(customer::DOMAIN_SUFFIX);
    let domain = match prefix.map(customer::domain_from_prefix) {
        Some(Ok(domain)) if domain == customer.domain => None,
        Some(Err(problem)) => Some(RecordProblem::Field(problem)),
        _ => Some(RecordProblem::NotPrimaryDomain(customer.domain.clone())),
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
    let mut problems: Vec<RecordProblem> = id_problem(Record::Customer, &customer.id)
        .into_iter()
        .collect();
    problems.extend(required.into_iter().filter_map(|(label, value, max)| {
        RecordProblem::of_value(fields::required_text(label, value, max), value)
    }));
    if let Some(line2) = &address.line2 {
        let check = fields::optional_text(Subject::Line2, line2, customer::ADDRESS_LINE_MAX)
            .map(Option::unwrap_or_default);
        problems.extend(RecordProblem::of_value(check, line2));
    }
    problems.extend(domain);
    problems.extend(RecordProblem::of_value(
        country::parse(&address.country),
        &address.country,
    ));
    problems.extend(
        customer
            .primary_contact
            .problems()
            .into_iter()
            .map(|p| RecordProblem::PrimaryContact(Box::new(p))),
    );
    problems.extend(agent_problem(MadeBy::Customer, &customer.created_by));
    problems.extend(moment_problem(Made::CustomerCreated, customer.created_at));
    problems
}

/// What no confirmation of `customer` may be: refused by the confirmation form, of no known
/// agreement (its type the one of its template), outside the public cloud, recorded before
/// confirming existed, or dated before the Microsoft Cloud Agreement existed or after it was
/// recorded.
pub fn confirmation_problems(
    customer: &Customer,
    confirmation: &Confirmation,
) -> Vec<RecordProblem> {
    let mut problems = confirmation.accepted_by.problems();
    let known = AgreementKind::ALL.iter().any(|kind| {
        confirmation.agreement_type == kind.type_name()
            && confirmation.template_id == kind.template_id()
    });
    if !known {
        problems.push(RecordProblem::UnknownAgreement);
    }
    if customer.cloud != Cloud::Public {
        problems.push(RecordProblem::NotPublicCloud {
            company: customer.company_name.clone(),
            cloud: customer.cloud,
        });
    }
    let recorded_on = latest_date_at(confirmation.recorded_at);
    if recorded_on < OPTIONAL_FROM {
        problems.push(RecordProblem::RecordedBeforeConfirming(
            confirmation.recorded_at.date_naive(),
        ));
    }
    if confirmation.date_agreed < EARLIEST_ACCEPTANCE {
        problems.push(RecordProblem::AcceptedBeforeTheAgreement(
            confirmation.date_agreed,
        ));
    }
    if confirmation.date_agreed > recorded_on {
        problems.push(RecordProblem::AcceptedAfterRecording {
            accepted: confirmation.date_agreed,
            recorded_at: confirmation.recorded_at,
        });
    }
    problems.extend(agent_problem(
        MadeBy::Confirmation,
        &confirmation.recorded_by,
    ));
    problems.extend(moment_problem(
        Made::ConfirmationRecorded,
        confirmation.recorded_at,
    ));
    problems
}

/// What is wrong with an order: its ID, its line items (each an offer of the catalog with a
/// quantity it allows) and who created it.
pub fn order_problems(order: &Order) -> Vec<RecordProblem> {
    let mut problems: Vec<RecordProblem> =
        id_problem(Record::Order, &order.id).into_iter().collect();
    if order.lines.is_empty() {
        problems.push(RecordProblem::NoLineItems {
            order: order.id.clone(),
        });
    }
    for line in &order.lines {
        match catalog::offer(&line.offer_id) {
            None => problems.push(RecordProblem::UnknownOffer(line.offer_id.clone())),
            Some(offer) => problems.extend(check_line(offer, line.quantity).err().map(|problem| {
                RecordProblem::OrderLine {
                    order: order.id.clone(),
                    problem,
                }
            })),
        }
    }
    problems.extend(agent_problem(MadeBy::Order, &order.created_by));
    problems.extend(moment_problem(
        Made::OrderCreated(order.id.clone()),
        order.created_at,
    ));
    problems
}

/// What is wrong with a subscription on its own: its ID, its offer, and a seat count the offer
/// allows (none for a usage-based offer).
pub fn subscription_problems(subscription: &Subscription) -> Vec<RecordProblem> {
    let id = || subscription.id.clone();
    let mut problems: Vec<RecordProblem> = id_problem(Record::Subscription, &subscription.id)
        .into_iter()
        .collect();
    problems.extend(moment_problem(
        Made::SubscriptionCreated(id()),
        subscription.created_at,
    ));
    let Some(offer) = catalog::offer(&subscription.offer_id) else {
        problems.push(RecordProblem::UnknownOffer(subscription.offer_id.clone()));
        return problems;
    };
    let offer_name = || offer.name.to_string();
    if subscription.billing != offer.billing {
        problems.push(RecordProblem::BilledOtherwise {
            subscription: id(),
            offer: offer_name(),
        });
    }
    match (offer.billing, subscription.quantity) {
        (Billing::SeatBased, Some(seats)) => problems.extend(offer.check_seats(seats).err().map(
            |problem| RecordProblem::Seats {
                subscription: id(),
                problem,
            },
        )),
        (Billing::SeatBased, None) => problems.push(RecordProblem::NoSeatCount {
            subscription: id(),
            offer: offer_name(),
        }),
        (Billing::UsageBased, Some(_)) => problems.push(RecordProblem::SeatCountOfUsage {
            subscription: id(),
            offer: offer_name(),
        }),
        (Billing::UsageBased, None) => {}
    }
    problems.extend(history_problems(subscription));
    problems
}

/// What is wrong with the dated changes of a subscription's seat count and auto-renew: each
/// history in date order, one change a day at most, each after the day the subscription was
/// created and by the last business date there can be, each a change of the value; the seat
/// counts of a seat-based subscription only, each one its offer allows.
pub fn history_problems(subscription: &Subscription) -> Vec<RecordProblem> {
    let id = || subscription.id.clone();
    let created = subscription.created_at.date_naive();
    let mut problems = Vec::new();
    let mut dates = |history: History, days: &[NaiveDate]| {
        if days.windows(2).any(|pair| pair[0] >= pair[1]) {
            problems.push(RecordProblem::ChangesOutOfOrder {
                subscription: id(),
                history,
            });
        }
        for &on in days {
            if on <= created {
                problems.push(RecordProblem::ChangeNotAfterCreation {
                    subscription: id(),
                    history,
                    on,
                    created,
                });
            }
            if on > LATEST_BUSINESS_DATE {
                problems.push(RecordProblem::ChangeAfterLastBusinessDate {
                    subscription: id(),
                    history,
                    on,
                });
            }
        }
    };
    let seat_days: Vec<NaiveDate> = subscription.seat_changes.iter().map(|c| c.on).collect();
    let renewal_days: Vec<NaiveDate> = (subscription.auto_renew_changes.iter())
        .map(|c| c.on)
        .collect();
    dates(History::Seats, &seat_days);
    dates(History::AutoRenew, &renewal_days);
    match subscription.quantity {
        None if !subscription.seat_changes.is_empty() => {
            problems.push(RecordProblem::SeatChangesWithoutSeats { subscription: id() })
        }
        None => {}
        Some(current) => {
            if changes_nothing(&subscription.seat_changes, &current) {
                problems.push(RecordProblem::ChangeOfNothing {
                    subscription: id(),
                    history: History::Seats,
                });
            }
            if let Some(offer) = catalog::offer(&subscription.offer_id) {
                problems.extend(subscription.seat_changes.iter().filter_map(|change| {
                    (offer.check_seats(change.before).err()).map(|problem| {
                        RecordProblem::SeatsBefore {
                            subscription: id(),
                            on: change.on,
                            problem,
                        }
                    })
                }));
            }
        }
    }
    if changes_nothing(&subscription.auto_renew_changes, &subscription.auto_renew) {
        problems.push(RecordProblem::ChangeOfNothing {
            subscription: id(),
            history: History::AutoRenew,
        });
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
pub fn new_order_problems(order: &Order, subscriptions: &[Subscription]) -> Vec<RecordProblem> {
    let mut problems = order_problems(order);
    for subscription in subscriptions {
        problems.extend(subscription_problems(subscription));
        if subscription.order_id != order.id {
            problems.push(RecordProblem::OfAnotherOrder {
                subscription: subscription.id.clone(),
                order: order.id.clone(),
            });
        }
    }
    problems.extend(lines_without_their_subscription(
        order,
        subscriptions.iter(),
    ));
    problems
}

/// What is wrong with a changed subscription: a change of anything but its seats, status and
/// auto-renew (with their dated changes), and new seats the offer does not allow. Only the
/// change is judged: a subscription an older version stored (of an offer since left out of the
/// catalog, say) can still have its auto-renew turned on or off.
pub fn changed_subscription_problems(
    stored: &Subscription,
    changed: &Subscription,
) -> Vec<RecordProblem> {
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
        problems.push(RecordProblem::FixedPartChanged {
            subscription: changed.id.clone(),
        });
    }
    problems
}

/// Every problem of a whole dossier: every record on its own, and how they hold together (each
/// record the customer's own, each order and subscription ID given once, each subscription of
/// a stored order, each order with one subscription per line item).
pub fn dossier_problems(dossier: &Dossier) -> Vec<RecordProblem> {
    let customer = &dossier.customer;
    let mut problems = customer_problems(customer);
    let owners = (dossier
        .confirmations
        .iter()
        .map(|c| (Record::Confirmation, &c.customer_id)))
    .chain(
        dossier
            .orders
            .iter()
            .map(|o| (Record::Order, &o.customer_id)),
    )
    .chain(
        dossier
            .subscriptions
            .iter()
            .map(|s| (Record::Subscription, &s.customer_id)),
    );
    for (record, owner) in owners.filter(|(_, owner)| **owner != customer.id) {
        problems.push(RecordProblem::OfAnotherCustomer {
            record,
            owner: owner.clone(),
        });
    }
    problems.extend(given_twice(
        Record::Order,
        dossier.orders.iter().map(|o| &o.id),
    ));
    problems.extend(given_twice(
        Record::Subscription,
        dossier.subscriptions.iter().map(|s| &s.id),
    ));
    for confirmation in &dossier.confirmations {
        problems.extend(
            confirmation_problems(customer, confirmation)
                .into_iter()
                .map(|problem| RecordProblem::Confirmation {
                    email: confirmation.accepted_by.email.clone(),
                    problem: Box::new(problem),
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
            problems.push(RecordProblem::OfNoStoredOrder {
                subscription: subscription.id.clone(),
            });
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
pub fn added_problems(merged: &Dossier, added: &Additions) -> Vec<RecordProblem> {
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
            problems.push(RecordProblem::OfNoStoredOrder {
                subscription: subscription.id.clone(),
            });
        }
    }
    problems
}

/// The IDs given to two records of one kind.
fn given_twice<'i>(record: Record, ids: impl Iterator<Item = &'i String>) -> Vec<RecordProblem> {
    let mut seen = std::collections::HashSet::new();
    ids.filter(|id| !seen.insert(*id))
        .map(|id| RecordProblem::GivenTwice {
            record,
            id: id.clone(),
        })
        .collect()
}

/// Whether the subscriptions of an order are one per line item, each of its line's offer.
fn lines_without_their_subscription<'s>(
    order: &Order,
    subscriptions: impl Iterator<Item = &'s Subscription>,
) -> Option<RecordProblem> {
    let mut offers: Vec<&str> = subscriptions.map(|s| s.offer_id.as_str()).collect();
    let mut ordered: Vec<&str> = order.lines.iter().map(|l| l.offer_id.as_str()).collect();
    offers.sort_unstable();
    ordered.sort_unstable();
    (offers != ordered).then(|| RecordProblem::LinesWithoutTheirSubscriptions {
        order: order.id.clone(),
        lines: order.lines.len(),
        subscriptions: offers.len(),
    })
}

#[cfg(test)]
#[path = "validity_tests.rs"]
mod tests;
