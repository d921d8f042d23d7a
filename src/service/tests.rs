//! Each operation checks its rules and writes nothing when it refuses.

use super::*;
use crate::domain::agreement::AcceptanceDraft;
use crate::domain::gate::Needed;
use crate::store::MemoryStore;

const NORTHWIND: &str = "8e56785c-c066-4754-939a-d596743a7b4a";
const CONTOSO: &str = "9d62ba20-49fe-4b68-b3d6-6c88eae123dc";
const BAECKEREI: &str = "96312fd6-41dd-4f64-9850-432d9aefd04a";

struct World {
    store: MemoryStore,
    book: Book,
    actor: Actor,
}

fn world(date: &str, role: Role) -> World {
    let snapshot = assets::demo_snapshot();
    World {
        store: MemoryStore::with_snapshot(snapshot.clone()),
        book: Book::from_snapshot(snapshot),
        actor: Actor {
            agent: "Megan Bowen".into(),
            role,
            business_date: date.parse().unwrap(),
            access: Default::default(),
        },
    }
}

impl World {
    fn ops(&mut self) -> Operations<'_> {
        Operations::new(
            &self.store,
            &mut self.book,
            &self.actor,
            "2018-11-14T10:00:00Z".parse().unwrap(),
        )
    }
}

fn acceptance(date: &str) -> Acceptance {
    AcceptanceDraft {
        first_name: "Diego".into(),
        last_name: "Siciliani".into(),
        email: "diego@northwindtraders.com".into(),
        phone: String::new(),
        date: date.into(),
    }
    .validate("2018-11-14".parse().unwrap())
    .unwrap()
}

fn e3(quantity: u32) -> Vec<OrderLine> {
    let offer = assets::offers()
        .iter()
        .find(|o| o.name == "Microsoft 365 E3")
        .unwrap();
    vec![OrderLine {
        offer_id: offer.id.clone(),
        quantity,
    }]
}

#[test]
fn mandatory_phase_refuses_orders_for_an_unconfirmed_customer_and_writes_nothing() {
    let mut w = world("2018-11-14", Role::AdminAgent);
    let before = w.store.load().unwrap();
    let refused = w.ops().create_order(NORTHWIND, e3(5)).unwrap_err();
    assert_eq!(
        refused,
        ServiceError::Gate(GateRefusal::NewOrder(Needed::CLOUD_IN_DASHBOARD))
    );
    assert_eq!(w.store.load().unwrap(), before);
}

#[test]
fn confirming_lifts_the_gate() {
    let mut w = world("2018-11-14", Role::SalesAgent);
    let confirmation = w
        .ops()
        .confirm(NORTHWIND, acceptance("2018-11-01"), Channel::Account)
        .unwrap();
    assert_eq!(confirmation.recorded_by, "Megan Bowen");
    let (order, subscriptions) = w.ops().create_order(NORTHWIND, e3(5)).unwrap();
    assert_eq!(subscriptions.len(), 1);
    assert_eq!(subscriptions[0].quantity, Some(5));
    assert_eq!(subscriptions[0].order_id, order.id);
    let stored = w.store.load().unwrap();
    assert!(stored.orders.iter().any(|o| o.id == order.id));
}

#[test]
fn the_optional_phase_lets_orders_through_without_confirmation() {
    let mut w = world("2018-09-14", Role::AdminAgent);
    assert!(w.ops().create_order(NORTHWIND, e3(1)).is_ok());
}

#[test]
fn helpdesk_agents_change_nothing() {
    let mut w = world("2018-09-14", Role::HelpdeskAgent);
    let before = w.store.load().unwrap();
    assert!(matches!(
        w.ops()
            .confirm(NORTHWIND, acceptance("2018-09-01"), Channel::Account),
        Err(ServiceError::Role(_))
    ));
    assert!(matches!(
        w.ops().create_order(CONTOSO, e3(1)),
        Err(ServiceError::Role(_))
    ));
    let sub = w.book.subscriptions(CONTOSO)[0].id.clone();
    assert!(matches!(
        w.ops().change_seats(CONTOSO, &sub, 3),
        Err(ServiceError::Role(_))
    ));
    assert_eq!(w.store.load().unwrap(), before);
}

#[test]
fn national_cloud_customers_cannot_be_confirmed_but_can_order() {
    let mut w = world("2018-11-14", Role::AdminAgent);
    let refused = w
        .ops()
        .confirm(BAECKEREI, acceptance("2018-11-01"), Channel::Account)
        .unwrap_err();
    assert!(
        refused.to_string().contains("Public Cloud only"),
        "{refused}"
    );
    assert!(w.ops().create_order(BAECKEREI, e3(2)).is_ok());
}

#[test]
fn confirmations_wait_for_august_7_2018() {
    let mut w = world("2018-08-06", Role::AdminAgent);
    let refused = w
        .ops()
        .confirm(NORTHWIND, acceptance("2018-08-01"), Channel::Account)
        .unwrap_err();
    assert_eq!(refused, ServiceError::NotYetAvailable);
}

#[test]
fn a_future_acceptance_date_is_refused_even_when_built_directly() {
    let mut w = world("2018-09-14", Role::AdminAgent);
    let mut future = acceptance("2018-09-01");
    future.date_agreed = "2018-09-15".parse().unwrap();
    let refused = w
        .ops()
        .confirm(NORTHWIND, future, Channel::Command)
        .unwrap_err();
    assert!(
        matches!(refused, ServiceError::FutureDate { .. }),
        "{refused}"
    );
    assert!(refused
        .to_string()
        .starts_with("Date of agreement cannot be greater than the current date"));
}

#[test]
fn seat_changes_are_gated_and_bounded() {
    let mut w = world("2018-11-14", Role::AdminAgent);
    let unconfirmed = w.book.subscriptions(NORTHWIND)[0].id.clone();
    assert_eq!(
        w.ops()
            .change_seats(NORTHWIND, &unconfirmed, 3)
            .unwrap_err(),
        ServiceError::Gate(GateRefusal::SeatChange(Needed::CLOUD_IN_DASHBOARD))
    );
    let seat_based = w
        .book
        .subscriptions(CONTOSO)
        .iter()
        .find(|s| s.billing == crate::domain::commerce::Billing::SeatBased)
        .unwrap()
        .id
        .clone();
    let changed = w.ops().change_seats(CONTOSO, &seat_based, 7).unwrap();
    assert_eq!(changed.quantity, Some(7));
    assert!(matches!(
        w.ops().change_seats(CONTOSO, &seat_based, 1_000_000),
        Err(ServiceError::Line(LineProblem::TooManySeats { .. }))
    ));
    let stored = w.store.load().unwrap();
    let saved = stored
        .subscriptions
        .iter()
        .find(|s| s.id == seat_based)
        .unwrap();
    assert_eq!(saved.quantity, Some(7));
}

#[test]
fn keeping_a_seat_count_is_no_change_even_where_a_change_is_gated() {
    let mut w = world("2018-11-14", Role::AdminAgent);
    let unconfirmed = w.book.subscriptions(NORTHWIND)[0].clone();
    let before = w.store.load().unwrap();
    let kept = w
        .ops()
        .change_seats(NORTHWIND, &unconfirmed.id, unconfirmed.quantity.unwrap())
        .unwrap();
    assert_eq!(kept, unconfirmed);
    assert_eq!(w.store.load().unwrap(), before, "nothing written");
}

#[test]
fn a_suspended_subscription_keeps_its_seat_count() {
    const ALPINE: &str = "200687a0-6bc8-46e7-bdb7-0ccbe2d6dcbc";
    let mut w = world("2018-11-14", Role::AdminAgent);
    let suspended = w
        .book
        .subscriptions(ALPINE)
        .iter()
        .find(|s| s.status == crate::domain::commerce::SubscriptionStatus::Suspended)
        .unwrap()
        .id
        .clone();
    assert!(matches!(
        w.ops().change_seats(ALPINE, &suspended, 20),
        Err(ServiceError::Line(LineProblem::Suspended { .. }))
    ));
}

#[test]
fn auto_renew_changes_in_the_mandatory_phase_without_a_confirmation_but_not_for_helpdesk() {
    let mut w = world("2018-11-14", Role::AdminAgent);
    let sub = w.book.subscriptions(NORTHWIND)[0].clone();
    let changed = w
        .ops()
        .set_auto_renew(NORTHWIND, &sub.id, !sub.auto_renew)
        .unwrap();
    assert_eq!(changed.auto_renew, !sub.auto_renew);
    let stored = w.store.load().unwrap();
    assert!(stored.subscriptions.contains(&changed));
    let mut helpdesk = world("2018-11-14", Role::HelpdeskAgent);
    assert!(matches!(
        helpdesk.ops().set_auto_renew(NORTHWIND, &sub.id, false),
        Err(ServiceError::Role(_))
    ));
}

#[test]
fn an_order_needs_known_offers_and_valid_quantities() {
    let mut w = world("2018-09-14", Role::AdminAgent);
    assert!(matches!(
        w.ops().create_order(CONTOSO, vec![]),
        Err(ServiceError::Line(LineProblem::NoOffers))
    ));
    let unknown = vec![OrderLine {
        offer_id: "no-such-offer".into(),
        quantity: 1,
    }];
    assert!(matches!(
        w.ops().create_order(CONTOSO, unknown),
        Err(ServiceError::UnknownOffer { id }) if id == "no-such-offer"
    ));
    assert!(matches!(
        w.ops().create_order(CONTOSO, e3(0)),
        Err(ServiceError::Line(_))
    ));
}

#[test]
fn the_same_contact_as_the_current_confirmation_is_refused_and_a_new_one_is_not() {
    let mut w = world("2018-11-14", Role::AdminAgent);
    w.ops()
        .confirm(NORTHWIND, acceptance("2018-11-01"), Channel::Account)
        .unwrap();
    let again = w
        .ops()
        .confirm(NORTHWIND, acceptance("2018-11-10"), Channel::Command)
        .unwrap_err();
    assert_eq!(again, ServiceError::AlreadyConfirmed);
    let mut other = acceptance("2018-11-10");
    other.accepted_by.phone = Some("+1 206 555 0100".into());
    assert!(w.ops().confirm(NORTHWIND, other, Channel::Command).is_ok());
    assert_eq!(w.book.confirmations(NORTHWIND).len(), 2);
}

#[test]
fn the_same_contact_typed_with_combining_accents_is_already_confirmed() {
    let mut w = world("2018-11-14", Role::AdminAgent);
    let mut zoe = acceptance("2018-11-01");
    zoe.accepted_by.first_name = "Zoë".into();
    w.ops().confirm(NORTHWIND, zoe, Channel::Account).unwrap();
    let mut typed = acceptance("2018-11-10");
    typed.accepted_by.first_name = "Zoe\u{308}".into();
    let again = w.ops().confirm(NORTHWIND, typed, Channel::Command);
    assert_eq!(again.unwrap_err(), ServiceError::AlreadyConfirmed);
    assert_eq!(w.book.confirmations(NORTHWIND).len(), 1);
}

#[test]
fn the_wizard_cannot_create_a_customer_without_confirmation_in_the_mandatory_phase() {
    let mut w = world("2018-11-14", Role::AdminAgent);
    let profile = w.book.customer(CONTOSO).unwrap().clone();
    let profile = crate::domain::customer::CustomerProfile {
        company_name: "Fresh Start Ltd".into(),
        domain: "freshstart.onmicrosoft.com".into(),
        address: profile.address,
        primary_contact: profile.primary_contact,
    };
    let refused = w
        .ops()
        .create_customer(profile.clone(), None, Channel::NewCustomer)
        .unwrap_err();
    assert!(matches!(refused, ServiceError::ConfirmationRequired { .. }));
    assert!(!w.book.domain_taken("freshstart.onmicrosoft.com"));
    // A command may create it; its orders then stay blocked until confirmed.
    let created = w
        .ops()
        .create_customer(profile, None, Channel::Command)
        .unwrap();
    assert_eq!(
        w.ops().create_order(&created.id, e3(1)).unwrap_err(),
        ServiceError::Gate(GateRefusal::NewOrder(Needed::CLOUD_IN_DASHBOARD))
    );
}

#[test]
fn the_pre_check_reports_what_confirm_would_refuse_before_the_contact() {
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    let mut w = world("2018-09-14", Role::AdminAgent);
    assert!(w
        .ops()
        .check_confirmation(NORTHWIND, d("2018-09-14"))
        .is_ok());
    assert!(matches!(
        w.ops().check_confirmation(NORTHWIND, d("2018-09-15")),
        Err(ServiceError::FutureDate { .. })
    ));
    assert!(matches!(
        w.ops().check_confirmation(BAECKEREI, d("2018-09-01")),
        Err(ServiceError::NotSupported { .. })
    ));
    assert!(matches!(
        w.ops().check_confirmation("no-such-id", d("2018-09-01")),
        Err(ServiceError::Store(StoreError::UnknownCustomer { .. }))
    ));
    let mut helpdesk = world("2018-09-14", Role::HelpdeskAgent);
    assert!(matches!(
        helpdesk
            .ops()
            .check_confirmation(NORTHWIND, d("2018-09-15")),
        Err(ServiceError::Role(_))
    ));
}
