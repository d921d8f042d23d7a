//! What the concurrency test checks after a run (see `concurrent`), on the store and on the
//! journal of the changes.

use crate::common::MANDATORY_DAY;
use crate::workload::*;
use pcenter::app::session::Session;
use pcenter::core::{Core, Notice};
use pcenter::directory::ListingRow;
use pcenter::domain::agreement::{confirmed_on, current_on, Confirmation};
use pcenter::domain::customer::CustomerFilter;
use pcenter::domain::gate::GateRefusal;
use pcenter::domain::role::Role;
use pcenter::service::{Changed, ServiceError};
use pcenter::store::{Dossier, Snapshot, StoreError};
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::mpsc;

/// The store holds the starting records and every change reported done, replayed in write
/// order, and nothing else.
pub fn check_replay(start: &Snapshot, journal: &[Entry], end: &Snapshot, context: &str) {
    let mut expected = start.clone();
    let mut subscriptions: BTreeMap<String, _> = (start.subscriptions.iter())
        .map(|s| (s.id.clone(), s.clone()))
        .collect();
    for entry in journal {
        let Ok(made) = &entry.outcome else {
            assert!(
                entry.told.is_empty(),
                "{context}: a refusal wrote {entry:?}"
            );
            continue;
        };
        match made {
            Made::Confirmation(c) => expected.confirmations.push(c.clone()),
            Made::Order(order, new) => {
                expected.orders.push(order.clone());
                subscriptions.extend(new.iter().map(|s| (s.id.clone(), s.clone())));
            }
            Made::Subscription(s) => {
                subscriptions.insert(s.id.clone(), s.clone());
            }
            Made::Customer(customer, confirmation) => {
                expected.customers.push(customer.as_ref().clone());
                expected.confirmations.extend(confirmation.clone());
            }
        }
    }
    let by_key = |snapshot: &Snapshot| {
        let mut s = snapshot.clone();
        s.customers.sort_by(|a, b| a.id.cmp(&b.id));
        s.confirmations
            .sort_by(|a, b| (&a.customer_id, a.recorded_at).cmp(&(&b.customer_id, b.recorded_at)));
        s.orders.sort_by(|a, b| a.id.cmp(&b.id));
        s.subscriptions.sort_by(|a, b| a.id.cmp(&b.id));
        s
    };
    expected.subscriptions = subscriptions.into_values().collect();
    let (expected, end) = (by_key(&expected), by_key(end));
    same_records("customers", &end.customers, &expected.customers, context);
    let confirmations = (&end.confirmations, &expected.confirmations);
    same_records("confirmations", confirmations.0, confirmations.1, context);
    same_records("orders", &end.orders, &expected.orders, context);
    let subscriptions = (&end.subscriptions, &expected.subscriptions);
    same_records("subscriptions", subscriptions.0, subscriptions.1, context);
}

/// Fails naming the first few records the store lacks or has too many of, not all of them.
fn same_records<T: PartialEq + Debug>(what: &str, stored: &[T], expected: &[T], context: &str) {
    if stored == expected {
        return;
    }
    let lost: Vec<&T> = expected
        .iter()
        .filter(|r| !stored.contains(r))
        .take(3)
        .collect();
    let extra: Vec<&T> = stored
        .iter()
        .filter(|r| !expected.contains(r))
        .take(3)
        .collect();
    panic!(
        "{context}: {} {what} stored, {} expected; missing (first 3): {lost:#?}; \
         not expected (first 3): {extra:#?}",
        stored.len(),
        expected.len()
    );
}

/// The customer's confirmations recorded before `moment`.
fn before(dossier: &[Confirmation], moment: &Confirmation) -> Vec<Confirmation> {
    let earlier = dossier
        .iter()
        .filter(|c| c.recorded_at < moment.recorded_at);
    earlier.cloned().collect::<Vec<_>>()
}

/// No confirmation written during the run names the person of the confirmation current just
/// before it; and 600061 was given exactly when the store's current one named that person.
pub fn check_duplicates(start: &Snapshot, journal: &[Entry], end: &Snapshot, context: &str) {
    let today = MANDATORY_DAY.parse().unwrap();
    for c in end
        .confirmations
        .iter()
        .filter(|c| !start.confirmations.contains(c))
    {
        let history: Vec<Confirmation> = (end.confirmations.iter())
            .filter(|o| o.customer_id == c.customer_id)
            .cloned()
            .collect();
        let earlier = before(&history, c);
        if let Some(current) = current_on(&earlier, today) {
            assert!(
                !current.accepted_by.same_person(&c.accepted_by),
                "{context}: {c:?} confirms again the person of {current:?}"
            );
        }
    }
    for entry in journal {
        let Op::Confirm { person: p, .. } = &entry.op else {
            continue;
        };
        let seen = entry.seen.as_ref().expect("a customer");
        let current = current_on(&seen.confirmations, today);
        let same = current.is_some_and(|c| c.accepted_by.same_person(&person(*p)));
        let refused_as_duplicate =
            entry.outcome.as_ref().err() == Some(&ServiceError::AlreadyConfirmed);
        let allowed = entry.agent_may_change() && seen.customer.cloud.supports_confirmation();
        if allowed {
            assert_eq!(refused_as_duplicate, same, "{context}: {entry:?}");
        }
    }
}

/// Orders and seat changes went through exactly when the gate was open in the store.
pub fn check_gate(start: &Snapshot, journal: &[Entry], end: &Snapshot, context: &str) {
    let today = MANDATORY_DAY.parse().unwrap();
    let open = |seen: &Dossier| {
        !seen.customer.cloud.supports_confirmation() || confirmed_on(&seen.confirmations, today)
    };
    for entry in journal {
        let (Op::Order { .. } | Op::Seats { .. }) = &entry.op else {
            continue;
        };
        let seen = entry.seen.as_ref().expect("a customer");
        let gated = matches!(
            entry.outcome,
            Err(ServiceError::Gate(
                GateRefusal::NewOrder(_) | GateRefusal::SeatChange(_)
            ))
        );
        if !entry.told.is_empty() {
            assert!(open(seen), "{context}: passed a closed gate: {entry:?}");
        }
        if gated {
            assert!(!open(seen), "{context}: refused at an open gate: {entry:?}");
        }
    }
    // And from the store alone: a new order of a public-cloud customer comes after one of its
    // confirmations that counts on the business date.
    for order in end.orders.iter().filter(|o| !start.orders.contains(o)) {
        let customer = end.customers.iter().find(|c| c.id == order.customer_id);
        if !customer
            .expect("the order's customer")
            .cloud
            .supports_confirmation()
        {
            continue;
        }
        let confirmed_first = end.confirmations.iter().any(|c| {
            c.customer_id == order.customer_id
                && c.date_agreed <= today
                && c.recorded_at < order.created_at
        });
        assert!(
            confirmed_first,
            "{context}: {order:?} before any confirmation"
        );
    }
}

/// Every refusal is one the rules give, for the reason they give it.
pub fn check_refusals(journal: &[Entry], context: &str) {
    for entry in journal {
        let Err(refusal) = &entry.outcome else {
            continue;
        };
        let fine = match (refusal, &entry.op) {
            (ServiceError::Role(_), _) => !entry.agent_may_change(),
            (ServiceError::Store(StoreError::DomainTaken { .. }), Op::Create { .. }) => {
                entry.domain_taken
            }
            (ServiceError::ConfirmationRequired { .. }, Op::Create { confirmed, .. }) => !confirmed,
            (ServiceError::AlreadyConfirmed, Op::Confirm { .. }) => true,
            (ServiceError::NotSupported { .. }, Op::Confirm { .. }) => true,
            (ServiceError::Gate(GateRefusal::NewOrder(_)), Op::Order { .. }) => true,
            (ServiceError::Gate(_), Op::Seats { .. }) => true,
            // A seat count over the offer's maximum, or a suspended subscription.
            (ServiceError::Line(_), Op::Seats { .. }) => true,
            (
                ServiceError::Store(StoreError::UnknownSubscription { .. }),
                Op::Seats { .. } | Op::AutoRenew { .. },
            ) => entry
                .seen
                .as_ref()
                .is_some_and(|d| d.subscriptions.is_empty()),
            _ => false,
        };
        assert!(
            fine,
            "{context}: unexpected refusal {refusal:?} of {entry:?}"
        );
    }
    let created_while_taken = journal
        .iter()
        .any(|e| matches!(e.op, Op::Create { .. }) && e.domain_taken && e.outcome.is_ok());
    assert!(!created_while_taken, "{context}: a domain was taken twice");
}

/// Every listener heard every change, in write order, with the customer's records as written.
pub fn check_told(
    core: &Core,
    journal: &[Entry],
    heard: Vec<mpsc::Receiver<Notice>>,
    context: &str,
) {
    let expected: Vec<(String, Changed)> = journal
        .iter()
        .flat_map(|e| e.told.iter().map(|what| (e.agent.clone(), what.clone())))
        .collect();
    assert!(
        expected.len() > 1_000,
        "{context}: {} changes only",
        expected.len()
    );
    for notices in heard {
        let changes: Vec<_> = notices
            .try_iter()
            .filter_map(|notice| match notice {
                Notice::Changed(change) => Some(change),
                _ => None,
            })
            .collect();
        let told: Vec<(String, Changed)> = changes
            .iter()
            .map(|c| (c.agent.clone(), c.what.clone()))
            .collect();
        assert_eq!(told.len(), expected.len(), "{context}: changes told");
        let differs = told.iter().zip(&expected).position(|(t, e)| t != e);
        if let Some(at) = differs {
            let (told, written) = (&told[at], &expected[at]);
            panic!("{context}: change {at} told is {told:?}, but {written:?} was written");
        }
        // The last notice of each customer carries its records as they now are.
        let mut last: BTreeMap<&str, &Dossier> = BTreeMap::new();
        for change in &changes {
            last.insert(change.what.customer_id(), &change.dossier);
        }
        for (id, dossier) in last {
            let stored = core
                .store()
                .dossier(id)
                .expect("reads")
                .expect("the customer");
            assert_eq!(dossier, &stored, "{context}: the last notice of {id}");
        }
    }
}

/// Sessions that follow the core show the store as it is: the list, and an open Account.
pub fn check_sessions(core: &Core, sessions: &mut [Session], context: &str) {
    let today = core.business_date();
    let listed: Vec<ListingRow> = pcenter::directory::rows_on(core.store(), today).expect("reads");
    for session in sessions {
        assert!(session.follow(), "{context}: the session was told");
        let directory = pcenter::core::read(&session.app.ctx.directory);
        let list = &session.app.ctx.customers;
        let filter = CustomerFilter::new(list.filter.value());
        let matching: Vec<&ListingRow> = (listed.iter())
            .filter(|row| filter.matches_text(&row.company_name, &row.domain))
            .collect();
        let rows: Vec<ListingRow> = (0..list.matches.len())
            .map(|i| {
                directory
                    .get(list.matches.rank(i).unwrap())
                    .unwrap()
                    .to_row()
            })
            .collect();
        assert_eq!(
            rows.iter().collect::<Vec<_>>(),
            matching,
            "{context}: the session's list"
        );
        for customer in session.app.ctx.book.customers_by_name() {
            let stored = core.store().dossier(&customer.id).expect("reads");
            assert_eq!(
                session.app.ctx.book.dossier(&customer.id),
                stored,
                "{context}"
            );
        }
    }
}

impl Entry {
    /// Whether the agent's role may make changes at all.
    fn agent_may_change(&self) -> bool {
        let thread: usize = self.agent.trim_start_matches("Agent ").parse().unwrap();
        role_of_thread(thread) != Role::HelpdeskAgent
    }
}
