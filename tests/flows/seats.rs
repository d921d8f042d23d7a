//! Seat changes on the Account page: the gate in the mandatory phase, the offer's maximum, and
//! usage-based subscriptions.

use crate::common::*;
use crate::support::*;
use pcenter::app::screens::account::SeatField;
use pcenter::app::session::Session;
use pcenter::assets;
use pcenter::domain::commerce::Billing;
use pcenter::domain::gate::{GateRefusal, Needed};
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

/// The seat count of a customer's subscription to an offer, as stored.
fn stored_seats(s: &Session, customer_id: &str, offer_name: &str) -> Option<u32> {
    stored(s)
        .subscriptions
        .iter()
        .find(|sub| sub.customer_id == customer_id && sub.offer_name == offer_name)
        .expect("subscription")
        .quantity
}

#[test]
fn mandatory_phase_refuses_seat_changes_for_an_unconfirmed_customer() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    open_account(&mut s, NORTHWIND);
    let selected = &s.app.ctx.book.subscriptions(NORTHWIND)[0];
    assert_eq!(selected.billing, Billing::SeatBased);
    press(&mut s, KeyCode::Char('s'));
    assert!(account(&s).seat_editor.is_none());
    assert!(flash(&s).is_error);
    assert_eq!(
        flash(&s).text,
        GateRefusal::SeatChange(Needed::CLOUD_IN_DASHBOARD).to_string()
    );
    assert!(flash(&s).text.contains("November 7, 2018"));
}

#[test]
fn optional_phase_lets_an_unconfirmed_customer_change_seats() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('s'));
    let editor = account(&s).seat_editor.as_ref().expect("seat editor");
    assert_eq!(editor.subscription_name, "Microsoft 365 Business");
    assert_eq!(editor.form.value(SeatField::Quantity), "45");
}

#[test]
fn a_confirmed_customer_saves_a_valid_seat_count() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('s'));
    let editor = account(&s).seat_editor.as_ref().expect("seat editor");
    assert_eq!(editor.subscription_name, "Microsoft 365 E3");
    assert_eq!(editor.form.value(SeatField::Quantity), "250");
    retype(&mut s, "260");
    ctrl(&mut s, 's');
    assert!(account(&s).seat_editor.is_none());
    assert_eq!(
        flash(&s).text,
        "Microsoft 365 E3: the seat count is now 260."
    );
    assert_eq!(stored_seats(&s, CONTOSO, "Microsoft 365 E3"), Some(260));
    assert_eq!(s.app.ctx.book.subscriptions(CONTOSO)[0].quantity, Some(260));
}

#[test]
fn a_seat_count_above_the_offer_maximum_is_refused_next_to_the_field() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('s'));
    retype(&mut s, "10001");
    keys(&mut s, "\t\n"); // Submit
    let editor = account(&s).seat_editor.as_ref().expect("editor stays open");
    assert_eq!(
        editor.form.message(SeatField::Quantity).as_deref(),
        Some("Microsoft 365 E3 allows at most 10000 seats per subscription; lower the quantity.")
    );
    assert_eq!(editor.form.focus, SeatField::Quantity);
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn a_seat_count_that_is_not_a_number_is_refused_next_to_the_field() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('s'));
    retype(&mut s, "lots");
    ctrl(&mut s, 's');
    let editor = account(&s).seat_editor.as_ref().expect("editor stays open");
    assert!(editor
        .form
        .message(SeatField::Quantity)
        .is_some_and(|m| m.contains("'lots' is not a seat count")));
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn a_usage_based_subscription_has_no_seat_count_to_change() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('j'));
    let selected = &s.app.ctx.book.subscriptions(CONTOSO)[account(&s).selected];
    // Azure plan was not sold yet: Contoso's usage-based subscription is Microsoft Azure.
    assert_eq!(selected.offer_name, "Microsoft Azure");
    press(&mut s, KeyCode::Char('s'));
    assert!(account(&s).seat_editor.is_none());
    assert!(flash(&s).is_error);
    assert_eq!(
        flash(&s).text,
        "This subscription is usage-based: it has no seat count to change."
    );
}

#[test]
fn a_customer_without_subscriptions_is_pointed_to_a_new_order() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, SAKURA);
    press(&mut s, KeyCode::Char('s'));
    assert!(account(&s).seat_editor.is_none());
    assert!(flash(&s).text.contains("no subscriptions"));
}

#[test]
fn cancel_closes_the_seat_editor_without_saving() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('s'));
    retype(&mut s, "7");
    keys(&mut s, "\t\t\n"); // Cancel
    assert!(account(&s).seat_editor.is_none());
    assert_eq!(stored_seats(&s, CONTOSO, "Microsoft 365 E3"), Some(250));
}

#[test]
fn keeping_the_seat_count_writes_nothing_and_says_so() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('s'));
    ctrl(&mut s, 's');
    assert!(account(&s).seat_editor.is_none());
    let flash = flash(&s);
    assert!(!flash.is_error);
    assert_eq!(
        flash.text,
        "Microsoft 365 E3 already has 250 seats; nothing changed."
    );
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn a_suspended_subscription_keeps_its_seat_count() {
    const ALPINE: &str = "200687a0-6bc8-46e7-bdb7-0ccbe2d6dcbc"; // Power BI Pro is suspended
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    open_account(&mut s, ALPINE);
    let subs = s.app.ctx.book.subscriptions(ALPINE);
    let suspended = subs
        .iter()
        .position(|sub| sub.offer_name == "Power BI Pro")
        .expect("the suspended subscription");
    for _ in 0..suspended {
        press(&mut s, KeyCode::Down);
    }
    press(&mut s, KeyCode::Char('s'));
    assert!(account(&s).seat_editor.is_none());
    let flash = flash(&s);
    assert!(flash.is_error);
    assert_eq!(
        flash.text,
        "Power BI Pro is suspended: its seat count can change once it is active again."
    );
}

#[test]
fn auto_renew_is_never_blocked_by_a_missing_confirmation() {
    let mut s = session(MANDATORY_DAY, Role::SalesAgent);
    open_account(&mut s, NORTHWIND);
    let before = s.app.ctx.book.subscriptions(NORTHWIND)[0].clone();
    press(&mut s, KeyCode::Char('s'));
    assert!(flash(&s).is_error, "seat changes are gated");
    press(&mut s, KeyCode::Char('a'));
    let flash = flash(&s);
    assert!(!flash.is_error, "{flash:?}");
    assert_eq!(
        flash.text,
        format!(
            "{}: auto-renew is now {}.",
            before.offer_name,
            if before.auto_renew { "Off" } else { "On" }
        )
    );
    let stored = stored(&s);
    let after = stored
        .subscriptions
        .iter()
        .find(|sub| sub.id == before.id)
        .unwrap();
    assert_eq!(after.auto_renew, !before.auto_renew);
    assert_eq!(after.quantity, before.quantity);
}

#[test]
fn a_helpdesk_agent_may_not_turn_auto_renew_on_or_off() {
    let mut s = session(OPTIONAL_DAY, Role::HelpdeskAgent);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('a'));
    assert!(flash(&s).is_error);
    assert!(flash(&s).text.contains("Admin agent or Sales agent"));
    assert_eq!(stored(&s), assets::demo_snapshot());
}
