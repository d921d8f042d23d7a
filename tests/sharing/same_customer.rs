//! Two agents at work on the same customer: every save is judged on the store's current
//! records, whatever the saving session last saw, and a session on a customer that changed
//! keeps what was typed and says what happened.

use crate::common::*;
use crate::support::*;
use pcenter::app::screens::acceptance::Field;
use pcenter::app::screens::account::SeatField;
use pcenter::app::screens::Screen;
use pcenter::app::session::Session;
use pcenter::app::App;
use pcenter::assets;
use pcenter::book::Book;
use pcenter::domain::agreement::{AcceptanceField, Channel, Confirmation, Contact};
use pcenter::domain::gate::{GateRefusal, Needed};
use pcenter::domain::role::Role;
use pcenter::service::ServiceError;
use pcenter::store::Dossier;
use ratatui::crossterm::event::KeyCode;
use std::sync::Arc;

fn stored(demo: &SharedDemo, customer_id: &str) -> Dossier {
    let dossier = demo.core.store().dossier(customer_id);
    dossier.expect("the store reads").expect("the customer")
}

/// Opens the Update form of a customer's Account (prefilled with its primary contact when it
/// has no confirmation).
fn update_form(s: &mut Session, customer_id: &str) {
    open_account(s, customer_id);
    press(s, KeyCode::Char('u'));
    assert_eq!(acceptance(s).customer_id, customer_id);
}

fn typed(s: &Session, field: AcceptanceField) -> &str {
    acceptance(s).form.value(Field::Input(field))
}

#[test]
fn a_second_save_of_the_same_contact_is_600061_and_the_form_keeps_what_was_typed() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut ann = demo.open("Ann Agent", Role::AdminAgent);
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        update_form(&mut ann, NORTHWIND);
        update_form(&mut bob, NORTHWIND);
        // Bob types the acceptance date again, as it was offered.
        keys(&mut bob, "\t\t\t\t");
        ctrl(&mut bob, 'u');
        type_text(&mut bob, MANDATORY_DAY);

        ctrl(&mut ann, 's');
        assert!(bob.follow());
        assert_eq!(message(&bob), "Confirmed meanwhile by Ann Agent.");
        assert_eq!(typed(&bob, AcceptanceField::Date), MANDATORY_DAY);
        assert_eq!(typed(&bob, AcceptanceField::FirstName), "Diego");
        assert!(screen(&mut bob).contains("Confirmed meanwhile by Ann Agent."));

        ctrl(&mut bob, 's');
        let refusal = ServiceError::AlreadyConfirmed.to_string();
        assert_eq!(acceptance(&bob).notice.as_deref(), Some(refusal.as_str()));
        assert!(screen(&mut bob).contains("A partner confirmed agreement already exists"));
        assert_eq!(
            stored(&demo, NORTHWIND).confirmations.len(),
            1,
            "{}",
            demo.kind
        );
    }
}

#[test]
fn a_save_is_judged_on_the_store_even_before_the_session_hears_of_the_change() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut ann = demo.open("Ann Agent", Role::AdminAgent);
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        update_form(&mut ann, NORTHWIND);
        update_form(&mut bob, NORTHWIND);
        ctrl(&mut ann, 's');
        // Bob's view still says Not confirmed: he has not followed the core yet.
        assert!(bob.app.ctx.book.confirmations(NORTHWIND).is_empty());
        ctrl(&mut bob, 's');
        let refusal = ServiceError::AlreadyConfirmed.to_string();
        assert_eq!(acceptance(&bob).notice.as_deref(), Some(refusal.as_str()));
        let confirmations = stored(&demo, NORTHWIND).confirmations;
        assert_eq!(confirmations.len(), 1, "{}", demo.kind);
        assert_eq!(confirmations[0].recorded_by, "Ann Agent");
        assert_eq!(
            bob.app.ctx.book.confirmations(NORTHWIND),
            confirmations,
            "Bob's view has caught up"
        );
    }
}

#[test]
fn a_save_of_another_contact_is_a_new_confirmation_in_the_history() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut ann = demo.open("Ann Agent", Role::AdminAgent);
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        update_form(&mut ann, NORTHWIND);
        update_form(&mut bob, NORTHWIND);
        keys(&mut bob, "\t\t\t");
        type_text(&mut bob, "+1 415 555 0199");

        ctrl(&mut ann, 's');
        assert!(bob.follow());
        assert_eq!(typed(&bob, AcceptanceField::Phone), "+1 415 555 0199");
        ctrl(&mut bob, 's');
        assert_eq!(
            message(&bob),
            "Customer acceptance of the Microsoft Cloud Agreement is confirmed."
        );

        let confirmations = stored(&demo, NORTHWIND).confirmations;
        let by: Vec<(&str, Option<&str>)> = confirmations
            .iter()
            .map(|c| (c.recorded_by.as_str(), c.accepted_by.phone.as_deref()))
            .collect();
        assert_eq!(
            by,
            [("Ann Agent", None), ("Bob Agent", Some("+1 415 555 0199"))],
            "{}",
            demo.kind
        );
        press(&mut bob, KeyCode::Char('h'));
        let history = screen(&mut bob);
        assert!(history.contains("Confirmation history (2)"), "{history}");
        assert!(ann.follow());
        press(&mut ann, KeyCode::Char('h'));
        let seen_by_ann = screen(&mut ann);
        assert!(
            seen_by_ann.contains("Confirmation history (2)"),
            "{seen_by_ann}"
        );
        assert!(
            seen_by_ann.contains("Bob Agent, 2018-11-14"),
            "{seen_by_ann}"
        );
    }
}

/// Picks the first offer (Microsoft 365 E3) on New order and submits the order.
fn order_first_offer(s: &mut Session) {
    assert_eq!(order(s).step, pcenter::app::screens::order::OrderStep::Pick);
    press(s, KeyCode::Char(' '));
    press(s, KeyCode::Enter);
    ctrl(s, 's');
}

#[test]
fn an_order_prompt_whose_customer_was_confirmed_meanwhile_lets_the_order_through() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut ann = demo.open("Ann Agent", Role::AdminAgent);
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        // Bob starts an order for Northwind: the confirmation prompt stands before it.
        select_customer(&mut bob, NORTHWIND);
        press(&mut bob, KeyCode::Char('o'));
        assert!(acceptance(&bob).notice.is_none());
        // Ann confirms the same contact meanwhile; Bob saves the prompt as it was offered.
        update_form(&mut ann, NORTHWIND);
        ctrl(&mut ann, 's');
        assert!(bob.follow());
        assert_eq!(message(&bob), "Confirmed meanwhile by Ann Agent.");
        ctrl(&mut bob, 's');
        assert!(
            matches!(bob.app.screen, Screen::Order(_)),
            "{}: the gate is open, the order goes on: {}",
            demo.kind,
            screen(&mut bob)
        );
        assert_eq!(
            message(&bob),
            "Customer acceptance was confirmed meanwhile with this contact. Continue with the new order."
        );
        order_first_offer(&mut bob);
        assert_eq!(
            message(&bob),
            "The order was submitted: 1 new subscription."
        );
        let northwind = stored(&demo, NORTHWIND);
        assert_eq!(northwind.orders.len(), 2, "{}", demo.kind);
        assert_eq!(northwind.confirmations.len(), 1, "no second confirmation");
    }
}

#[test]
fn an_order_prompt_saved_with_another_contact_after_a_confirmation_meanwhile_records_it_too() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut ann = demo.open("Ann Agent", Role::AdminAgent);
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        select_customer(&mut bob, NORTHWIND);
        press(&mut bob, KeyCode::Char('o'));
        keys(&mut bob, "\t\t\t");
        type_text(&mut bob, "+1 415 555 0199");
        update_form(&mut ann, NORTHWIND);
        ctrl(&mut ann, 's');
        ctrl(&mut bob, 's');
        order_first_offer(&mut bob);
        let northwind = stored(&demo, NORTHWIND);
        assert_eq!(northwind.orders.len(), 2, "{}", demo.kind);
        assert_eq!(northwind.confirmations.len(), 2, "{}", demo.kind);
    }
}

/// A session whose view of the customers was read from `snapshot`, joined to the core of
/// `demo`: a view the store does not bear out.
fn session_seeing(demo: &SharedDemo, agent: &str, snapshot: pcenter::store::Snapshot) -> Session {
    let actor = actor(
        agent,
        Role::AdminAgent,
        &demo.core.business_date().to_string(),
    );
    let partner = demo.core.partner_name().to_string();
    let app = App::new(actor, partner, Book::from_snapshot(snapshot), (80, 24));
    Session::join(Arc::clone(&demo.core), app)
}

/// The demo data as if Northwind were confirmed.
fn northwind_confirmed() -> pcenter::store::Snapshot {
    let mut snapshot = assets::demo_snapshot();
    snapshot.confirmations.push(Confirmation {
        customer_id: NORTHWIND.into(),
        accepted_by: Contact {
            first_name: "Diego".into(),
            last_name: "Siciliani".into(),
            email: "diego.siciliani@northwindtraders.com".into(),
            phone: None,
        },
        date_agreed: "2018-11-01".parse().unwrap(),
        agreement_type: pcenter::domain::agreement::MCA_TYPE.into(),
        template_id: pcenter::domain::agreement::MCA_TEMPLATE_ID.into(),
        recorded_by: "Nobody".into(),
        recorded_at: "2018-11-01T09:00:00Z".parse().unwrap(),
        channel: Channel::Account,
    });
    snapshot
}

#[test]
fn an_order_is_refused_when_the_store_says_unconfirmed_whatever_the_session_saw() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut bob = session_seeing(&demo, "Bob Agent", northwind_confirmed());
        select_customer(&mut bob, NORTHWIND);
        press(&mut bob, KeyCode::Char('o'));
        // Bob's view says Confirmed, so no prompt stands before the order.
        order_first_offer(&mut bob);
        let refusal =
            ServiceError::Gate(GateRefusal::NewOrder(Needed::CLOUD_IN_DASHBOARD)).to_string();
        assert_eq!(
            order(&bob).notice.as_deref(),
            Some(refusal.as_str()),
            "{}",
            demo.kind
        );
        assert_eq!(stored(&demo, NORTHWIND).orders.len(), 1, "{}", demo.kind);
    }
}

#[test]
fn a_seat_change_is_refused_when_the_store_says_unconfirmed_whatever_the_session_saw() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut bob = session_seeing(&demo, "Bob Agent", northwind_confirmed());
        open_account(&mut bob, NORTHWIND);
        press(&mut bob, KeyCode::Char('s'));
        let editor = account(&bob).seat_editor.as_ref().expect("the seat editor");
        assert_eq!(editor.subscription_name, "Microsoft 365 Business");
        ctrl(&mut bob, 'u');
        type_text(&mut bob, "50");
        ctrl(&mut bob, 's');
        let editor = account(&bob).seat_editor.as_ref().expect("the seat editor");
        let refusal = GateRefusal::SeatChange(Needed::CLOUD_IN_DASHBOARD).to_string();
        assert_eq!(
            editor.form.message(SeatField::Quantity),
            Some(refusal),
            "{}",
            demo.kind
        );
        let seats: Vec<Option<u32>> = stored(&demo, NORTHWIND)
            .subscriptions
            .iter()
            .map(|s| s.quantity)
            .collect();
        assert_eq!(seats, [Some(45), Some(12)], "{}", demo.kind);
    }
}

#[test]
fn a_seat_change_is_let_through_once_another_agent_confirmed() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut ann = demo.open("Ann Agent", Role::AdminAgent);
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        open_account(&mut bob, NORTHWIND);
        press(&mut bob, KeyCode::Char('s'));
        assert!(account(&bob).seat_editor.is_none(), "the gate is closed");
        update_form(&mut ann, NORTHWIND);
        ctrl(&mut ann, 's');
        assert!(bob.follow());
        press(&mut bob, KeyCode::Char('s'));
        ctrl(&mut bob, 'u');
        type_text(&mut bob, "50");
        ctrl(&mut bob, 's');
        assert_eq!(
            message(&bob),
            "Microsoft 365 Business: the seat count is now 50."
        );
        assert_eq!(stored(&demo, NORTHWIND).subscriptions[0].quantity, Some(50));
    }
}

#[test]
fn a_seat_change_and_an_auto_renew_change_from_two_sessions_both_stay() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut ann = demo.open("Ann Agent", Role::AdminAgent);
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        open_account(&mut ann, CONTOSO);
        open_account(&mut bob, CONTOSO);
        let e3 = stored(&demo, CONTOSO).subscriptions[0].clone();
        assert_eq!((e3.quantity, e3.auto_renew), (Some(250), true));

        // Ann changes the seats; Bob, who has not followed, turns auto-renew off.
        press(&mut ann, KeyCode::Char('s'));
        ctrl(&mut ann, 'u');
        type_text(&mut ann, "260");
        ctrl(&mut ann, 's');
        press(&mut bob, KeyCode::Char('a'));
        let after = stored(&demo, CONTOSO).subscriptions[0].clone();
        assert_eq!(
            (after.quantity, after.auto_renew),
            (Some(260), false),
            "{}",
            demo.kind
        );

        // And the other way round: Bob turns it on again, then Ann, who has not followed,
        // changes the seats.
        press(&mut bob, KeyCode::Char('a'));
        press(&mut ann, KeyCode::Char('s'));
        ctrl(&mut ann, 'u');
        type_text(&mut ann, "270");
        ctrl(&mut ann, 's');
        let after = stored(&demo, CONTOSO).subscriptions[0].clone();
        assert_eq!(
            (after.quantity, after.auto_renew),
            (Some(270), true),
            "{}",
            demo.kind
        );
        ann.follow();
        bob.follow();
        for s in [&ann, &bob] {
            let seen = &s.app.ctx.book.subscriptions(CONTOSO)[0];
            assert_eq!((seen.quantity, seen.auto_renew), (Some(270), true));
        }
    }
}
