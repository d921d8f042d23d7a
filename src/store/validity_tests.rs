use super::*;
use crate::assets;
use crate::domain::record_problem::Record;
use crate::store::Snapshot;
use chrono::{DateTime, NaiveDate, Utc};

// The checks' problems as the English the store says them in, which these tests read.
fn said(problems: Vec<RecordProblem>) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

fn id_problem(record: Record, id: &str) -> Option<String> {
    super::id_problem(record, id).map(|problem| problem.to_string())
}

fn dossier_problems(dossier: &Dossier) -> Vec<String> {
    said(super::dossier_problems(dossier))
}

fn confirmation_problems(customer: &Customer, confirmation: &Confirmation) -> Vec<String> {
    said(super::confirmation_problems(customer, confirmation))
}

fn order_problems(order: &Order) -> Vec<String> {
    said(super::order_problems(order))
}

fn new_order_problems(order: &Order, subscriptions: &[Subscription]) -> Vec<String> {
    said(super::new_order_problems(order, subscriptions))
}

fn subscription_problems(subscription: &Subscription) -> Vec<String> {
    said(super::subscription_problems(subscription))
}

fn history_problems(subscription: &Subscription) -> Vec<String> {
    said(super::history_problems(subscription))
}

fn changed_subscription_problems(stored: &Subscription, changed: &Subscription) -> Vec<String> {
    said(super::changed_subscription_problems(stored, changed))
}

fn demo() -> Snapshot {
    assets::demo_snapshot()
}

/// A confirmation of the demo, and its customer.
fn a_confirmation() -> (Customer, Confirmation) {
    let demo = demo();
    let confirmation = demo.confirmations[0].clone();
    let customer = demo
        .customers
        .into_iter()
        .find(|c| c.id == confirmation.customer_id)
        .unwrap();
    (customer, confirmation)
}

#[test]
fn every_record_of_the_demo_meets_the_rules() {
    for dossier in demo().into_dossiers() {
        assert_eq!(dossier_problems(&dossier), Vec::<String>::new());
    }
}

#[test]
fn ids_are_lower_case_letters_digits_and_hyphens() {
    assert_eq!(
        id_problem(Record::Customer, "9d62ba20-49fe-4b68-b3d6-6c88eae123dc"),
        None
    );
    assert_eq!(id_problem(Record::Customer, "c-1"), None);
    assert!(id_problem(Record::Customer, "")
        .unwrap()
        .contains("empty ID"));
    let upper = id_problem(Record::Customer, "9D62BA20-49FE-4B68-B3D6-6C88EAE123DC").unwrap();
    assert!(upper.contains("lower-case"), "{upper}");
    assert!(id_problem(Record::Order, "a b").is_some());
    assert!(id_problem(Record::Order, "a\u{1b}")
        .unwrap()
        .contains("\\u{1b}"));
    assert!(id_problem(Record::Order, &"a".repeat(ID_MAX + 1)).is_some());
}

#[test]
fn an_acceptance_date_may_be_the_date_anywhere_on_earth_when_it_was_recorded() {
    let (customer, mut confirmation) = a_confirmation();
    // 23:30 UTC on November 13 is already November 14 east of UTC.
    confirmation.recorded_at = "2018-11-13T23:30:00Z".parse().unwrap();
    confirmation.date_agreed = "2018-11-14".parse().unwrap();
    assert_eq!(
        confirmation_problems(&customer, &confirmation),
        Vec::<String>::new()
    );
    // But November 15 had begun nowhere.
    confirmation.date_agreed = "2018-11-15".parse().unwrap();
    let problems = confirmation_problems(&customer, &confirmation);
    assert!(
        problems[0].contains("after the moment it was recorded"),
        "{problems:?}"
    );
    confirmation.date_agreed = "2013-12-31".parse().unwrap();
    let problems = confirmation_problems(&customer, &confirmation);
    assert!(
        problems[0].contains("before the Microsoft Cloud Agreement existed"),
        "{problems:?}"
    );
    confirmation.date_agreed = "2018-08-01".parse().unwrap();
    confirmation.recorded_at = "2018-08-01T10:00:00Z".parse().unwrap();
    let problems = confirmation_problems(&customer, &confirmation);
    assert!(
        problems[0].contains("before confirming customer acceptance existed"),
        "{problems:?}"
    );
}

#[test]
fn a_confirmation_outside_the_public_cloud_is_refused() {
    let snapshot = demo();
    let national = snapshot
        .customers
        .iter()
        .find(|c| c.cloud != Cloud::Public)
        .unwrap();
    let mut confirmation = snapshot.confirmations[0].clone();
    confirmation.customer_id = national.id.clone();
    let problems = confirmation_problems(national, &confirmation);
    assert!(problems[0].contains("Public Cloud only"), "{problems:?}");
}

#[test]
fn a_subscription_keeps_to_its_offer() {
    let snapshot = demo();
    let seat_based = snapshot
        .subscriptions
        .iter()
        .find(|s| s.billing == Billing::SeatBased)
        .unwrap();
    let max = crate::domain::catalog::offer(&seat_based.offer_id)
        .unwrap()
        .max_seats
        .unwrap();
    let mut over = seat_based.clone();
    over.quantity = Some(max + 1);
    let problems = subscription_problems(&over);
    assert!(
        problems[0].contains(&format!("at most {max} seats")),
        "{problems:?}"
    );
    over.quantity = Some(0);
    assert!(subscription_problems(&over)[0].contains("at least 1 seat"));
    over.quantity = None;
    assert!(subscription_problems(&over)[0].contains("no seat count"));
    over.offer_id = "no-such-offer".into();
    assert!(subscription_problems(&over)[0].contains("not in the catalog"));
    let mut moved = seat_based.clone();
    moved.order_id = "another-order".into();
    assert!(changed_subscription_problems(seat_based, &moved)
        .iter()
        .any(|p| p.contains("never change")));
}

#[test]
fn an_order_has_one_subscription_per_line_of_its_offer() {
    let snapshot = demo();
    let order = &snapshot.orders[0];
    let subscriptions: Vec<Subscription> = snapshot
        .subscriptions
        .iter()
        .filter(|s| s.order_id == order.id)
        .cloned()
        .collect();
    assert_eq!(
        new_order_problems(order, &subscriptions),
        Vec::<String>::new()
    );
    assert!(new_order_problems(order, &subscriptions[1..])
        .iter()
        .any(|p| p.contains("line items")));
    let mut empty = order.clone();
    empty.lines.clear();
    assert!(order_problems(&empty)[0].contains("no line items"));
}

#[test]
fn names_over_their_limit_and_malformed_fields_are_found() {
    let mut dossier = demo().into_dossiers().remove(0);
    dossier.customer.company_name = "x".repeat(101);
    dossier.customer.domain = "Contoso.onmicrosoft.com".into();
    dossier.customer.created_by = String::new();
    let problems = dossier_problems(&dossier);
    for says in ["at most 100 characters", "domain", "agent name"] {
        assert!(
            problems.iter().any(|p| p.contains(says)),
            "{says}: {problems:?}"
        );
    }
}

#[test]
fn a_moment_at_the_end_of_time_is_refused_without_a_panic() {
    let (customer, mut confirmation) = a_confirmation();
    confirmation.recorded_at = DateTime::<Utc>::MAX_UTC;
    assert_eq!(latest_date_at(confirmation.recorded_at), NaiveDate::MAX);
    let problems = confirmation_problems(&customer, &confirmation);
    assert!(
        problems.iter().any(|p| p.contains("after 2100-12-31")),
        "{problems:?}"
    );
    let mut dossier = demo().into_dossiers().remove(0);
    dossier.customer.created_at = DateTime::<Utc>::MAX_UTC;
    assert!(dossier_problems(&dossier)
        .iter()
        .any(|p| p.contains("after 2100-12-31")));
}

#[test]
fn a_change_of_auto_renew_is_judged_alone_and_new_seats_by_the_offer() {
    let mut stored = demo()
        .subscriptions
        .into_iter()
        .find(|s| s.billing == Billing::SeatBased)
        .unwrap();
    // As an older version may have stored it: an offer no longer in the catalog.
    stored.offer_id = "RETIRED-OFFER".into();
    let mut renewed = stored.clone();
    renewed.auto_renew = !stored.auto_renew;
    assert_eq!(
        changed_subscription_problems(&stored, &renewed),
        Vec::<String>::new()
    );
    let mut seats = stored.clone();
    seats.quantity = Some(7);
    assert!(changed_subscription_problems(&stored, &seats)[0].contains("not in the catalog"));
}

#[test]
fn a_record_of_another_customer_or_an_id_given_twice_is_found() {
    let mut dossier = demo()
        .into_dossiers()
        .into_iter()
        .find(|d| !d.subscriptions.is_empty() && !d.confirmations.is_empty())
        .unwrap();
    dossier.confirmations[0].customer_id = "someone-else".into();
    dossier.subscriptions.push(dossier.subscriptions[0].clone());
    let problems = dossier_problems(&dossier);
    for says in [
        "it holds a confirmation of another customer, someone-else",
        "is given to two of its subscriptions",
    ] {
        assert!(
            problems.iter().any(|p| p.contains(says)),
            "{says}: {problems:?}"
        );
    }
}

#[test]
fn a_confirmation_is_of_a_known_agreement_its_type_the_one_of_its_template() {
    let (customer, mut confirmation) = a_confirmation();
    let unknown = |c: &Confirmation| {
        confirmation_problems(&customer, c)
            .iter()
            .any(|p| p.contains("not a confirmation of a known agreement"))
    };
    assert!(!unknown(&confirmation));
    let customer_agreement = AgreementKind::CustomerAgreement;
    confirmation.template_id = customer_agreement.template_id().to_string();
    confirmation.agreement_type = customer_agreement.type_name().to_string();
    assert!(!unknown(&confirmation));
    confirmation.agreement_type = AgreementKind::CloudAgreement.type_name().to_string();
    assert!(unknown(&confirmation), "a type that is not its template's");
    confirmation.template_id = "00000000-0000-0000-0000-000000000000".into();
    assert!(unknown(&confirmation), "an unknown template");
}

#[test]
fn dated_changes_of_seats_and_auto_renew_are_accepted_when_they_hold_together() {
    let stored = demo()
        .subscriptions
        .into_iter()
        .find(|s| s.billing == Billing::SeatBased && s.quantity.is_some_and(|n| n > 2))
        .unwrap();
    let created = stored.created_at.date_naive();
    let day = |days: u64| created + chrono::Days::new(days);
    let mut changed = stored.clone();
    changed.set_quantity_on(day(10), 2);
    changed.set_quantity_on(day(5), 1);
    changed.set_auto_renew_on(day(7), !stored.auto_renew);
    assert_eq!(subscription_problems(&changed), Vec::<String>::new());
    assert_eq!(
        changed_subscription_problems(&stored, &changed),
        Vec::<String>::new()
    );
    // Only the history changes when a change is made before a later one: judged all the same.
    let mut earlier = changed.clone();
    earlier.seat_changes[0].before = 0;
    assert!(changed_subscription_problems(&changed, &earlier)
        .iter()
        .any(|p| p.contains("seat count before") && p.contains("at least 1 seat")));

    let problems = |s: &Subscription| history_problems(s).join("\n");
    let mut disordered = changed.clone();
    disordered.seat_changes.reverse();
    assert!(problems(&disordered).contains("out of date order"));
    let mut at_creation = changed.clone();
    at_creation.seat_changes[0].on = created;
    assert!(problems(&at_creation).contains("not after the day it was created"));
    let mut no_change = changed.clone();
    no_change.auto_renew_changes[0].before = no_change.auto_renew;
    assert!(problems(&no_change).contains("auto-renew change that leaves it as it was"));
    let mut usage = changed.clone();
    usage.quantity = None;
    assert!(problems(&usage).contains("seat count changes, but no seat count"));
    let mut late = changed;
    late.auto_renew_changes[0].on = LATEST_BUSINESS_DATE + chrono::Days::new(1);
    assert!(problems(&late).contains("the last business date there can be"));
}
