//! New order: the acceptance prompt that stands before it, what Cancel and Save and continue do
//! in each phase, and the order itself.

use crate::common::*;
use crate::support::*;
use chrono::{DateTime, NaiveDate, Utc};
use pcenter::app::screens::acceptance::Purpose;
use pcenter::app::screens::order::OrderStep;
use pcenter::app::screens::Origin;
use pcenter::app::session::Session;
use pcenter::assets;
use pcenter::domain::agreement::{AcceptanceField, Channel, MCA_TEMPLATE_ID, MCA_TYPE};
use pcenter::domain::commerce::{Billing, SubscriptionStatus};
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

const E3: &str = "8BBCEA40-9A69-42FA-ABDC-DC6C5F8C6F72";
/// Microsoft Azure, usage-based: Azure plan was not sold before October 1, 2019.
const AZURE: &str = "712C9177-476A-4535-8E4D-EAA4F4B5E0C5";

fn clock_of(date: &str) -> DateTime<Utc> {
    format!("{date}T10:30:00Z").parse().unwrap()
}

/// Presses `o` for a customer, from the Customers list or from its Account.
fn order_from(s: &mut Session, customer_id: &str, origin: &Origin) {
    match origin {
        Origin::Customers => select_customer(s, customer_id),
        Origin::Account(_) => open_account(s, customer_id),
    }
    press(s, KeyCode::Char('o'));
}

fn origins(customer_id: &str) -> [Origin; 2] {
    [Origin::Customers, Origin::Account(customer_id.into())]
}

#[test]
fn o_on_an_unconfirmed_public_customer_inserts_the_prompt_in_both_phases_from_both_screens() {
    for (day, skippable) in [(OPTIONAL_DAY, true), (MANDATORY_DAY, false)] {
        for origin in origins(NORTHWIND) {
            let mut s = session(day, Role::AdminAgent);
            order_from(&mut s, NORTHWIND, &origin);
            let form = acceptance(&s);
            assert_eq!(form.customer_id, NORTHWIND);
            assert_eq!(
                form.purpose,
                Purpose::BeforeOrder {
                    skippable,
                    origin: origin.clone()
                },
                "{day} from {origin:?}"
            );
        }
    }
}

#[test]
fn the_prompt_is_prefilled_with_the_primary_contact_and_the_business_date() {
    let mut s = session(OPTIONAL_DAY, Role::SalesAgent);
    order_from(&mut s, NORTHWIND, &Origin::Customers);
    let form = &acceptance(&s).form;
    use pcenter::app::screens::acceptance::Field;
    assert_eq!(
        form.value(Field::Input(AcceptanceField::FirstName)),
        "Diego"
    );
    assert_eq!(
        form.value(Field::Input(AcceptanceField::LastName)),
        "Siciliani"
    );
    assert_eq!(
        form.value(Field::Input(AcceptanceField::Email)),
        "diego.siciliani@northwindtraders.com"
    );
    assert_eq!(
        form.value(Field::Input(AcceptanceField::Date)),
        OPTIONAL_DAY
    );
}

#[test]
fn o_on_a_confirmed_or_national_cloud_customer_goes_straight_to_the_order() {
    for day in [OPTIONAL_DAY, MANDATORY_DAY] {
        for customer in [CONTOSO, HANBIT, BAECKEREI, LAKEVIEW] {
            if customer == LAKEVIEW && day == OPTIONAL_DAY {
                continue; // created on September 24, 2018: not there yet
            }
            for origin in origins(customer) {
                let mut s = session(day, Role::AdminAgent);
                order_from(&mut s, customer, &origin);
                let order = order(&s);
                assert_eq!(order.customer_id, customer, "{day} {origin:?}");
                assert_eq!(order.origin, origin);
                assert_eq!(order.step, OrderStep::Pick);
            }
        }
    }
}

#[test]
fn before_august_7_2018_there_is_no_prompt_for_unconfirmed_customers() {
    for customer in [NORTHWIND, SAKURA] {
        let mut s = session("2018-08-06", Role::AdminAgent);
        order_from(&mut s, customer, &Origin::Customers);
        assert_eq!(order(&s).customer_id, customer);
    }
}

#[test]
fn optional_phase_esc_on_the_prompt_skips_to_the_order_and_records_nothing() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    order_from(&mut s, NORTHWIND, &Origin::Customers);
    press(&mut s, KeyCode::Esc);
    let order = order(&s);
    assert_eq!(order.customer_id, NORTHWIND);
    assert_eq!(order.origin, Origin::Customers);
    assert!(flash(&s).text.contains("skipped"), "{:?}", flash(&s));
    assert!(s.app.ctx.book.confirmations(NORTHWIND).is_empty());
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn optional_phase_the_cancel_button_skips_to_the_order_and_records_nothing() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    order_from(&mut s, NORTHWIND, &Origin::Account(NORTHWIND.into()));
    // First name → Last name → Email → Phone → Date → Save and continue → Cancel.
    keys(&mut s, "\t\t\t\t\t\t");
    assert_eq!(
        acceptance(&s).form.focus,
        pcenter::app::screens::acceptance::Field::Cancel
    );
    press(&mut s, KeyCode::Enter);
    assert_eq!(order(&s).origin, Origin::Account(NORTHWIND.into()));
    assert!(s.app.ctx.book.confirmations(NORTHWIND).is_empty());
    assert_eq!(stored(&s), assets::demo_snapshot());
}

fn assert_refused_without_an_order(s: &Session) {
    let flash = flash(s);
    assert!(flash.is_error, "{flash:?}");
    assert!(flash.text.contains("No order was created"), "{flash:?}");
    assert!(flash.text.contains("mandatory"), "{flash:?}");
    assert!(flash.text.contains("November 7, 2018"), "{flash:?}");
    assert_eq!(stored(s), assets::demo_snapshot());
}

#[test]
fn mandatory_phase_esc_on_the_prompt_returns_to_customers_without_an_order() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    order_from(&mut s, NORTHWIND, &Origin::Customers);
    press(&mut s, KeyCode::Esc);
    assert!(
        on_customers(&s),
        "got {}",
        s.app.screen.title(pcenter::locale::Lang::English.words())
    );
    assert_refused_without_an_order(&s);
}

#[test]
fn mandatory_phase_the_cancel_button_returns_to_the_account_without_an_order() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    order_from(&mut s, SAKURA, &Origin::Account(SAKURA.into()));
    press(&mut s, KeyCode::BackTab); // wraps from First name to Cancel
    press(&mut s, KeyCode::Enter);
    assert_eq!(account(&s).customer_id, SAKURA);
    assert_refused_without_an_order(&s);
}

fn assert_prompt_confirmation_recorded(s: &Session, customer_id: &str, day: &str) {
    let snapshot = stored(s);
    let demo = assets::demo_snapshot();
    let recorded = only_new(&demo.confirmations, &snapshot.confirmations);
    assert_eq!(recorded.customer_id, customer_id);
    assert_eq!(recorded.channel, Channel::OrderPrompt);
    assert_eq!(recorded.recorded_by, "Megan Bowen");
    assert_eq!(recorded.recorded_at, clock_of(day));
    assert_eq!(recorded.date_agreed, day.parse::<NaiveDate>().unwrap());
    assert_eq!(recorded.template_id, MCA_TEMPLATE_ID);
    assert_eq!(recorded.agreement_type, MCA_TYPE);
    assert_eq!(
        s.app.ctx.book.confirmations(customer_id),
        std::slice::from_ref(recorded)
    );
    assert_eq!(snapshot.orders, demo.orders, "no order yet");
}

#[test]
fn ctrl_s_on_the_prompt_records_the_confirmation_and_opens_the_order() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    order_from(&mut s, NORTHWIND, &Origin::Customers);
    ctrl(&mut s, 's');
    assert_eq!(order(&s).customer_id, NORTHWIND);
    assert_eq!(order(&s).origin, Origin::Customers);
    assert!(!flash(&s).is_error);
    assert_prompt_confirmation_recorded(&s, NORTHWIND, OPTIONAL_DAY);
    let demo = assets::demo_snapshot();
    let stored = stored(&s);
    let recorded = only_new(&demo.confirmations, &stored.confirmations);
    assert_eq!(recorded.accepted_by.full_name(), "Diego Siciliani");
}

#[test]
fn enter_on_save_and_continue_records_the_confirmation_in_the_mandatory_phase() {
    let mut s = session(MANDATORY_DAY, Role::SalesAgent);
    order_from(&mut s, SAKURA, &Origin::Account(SAKURA.into()));
    keys(&mut s, "\t\t\t\t\t");
    assert_eq!(
        acceptance(&s).form.focus,
        pcenter::app::screens::acceptance::Field::SaveAndContinue
    );
    press(&mut s, KeyCode::Enter);
    assert_eq!(order(&s).origin, Origin::Account(SAKURA.into()));
    assert_prompt_confirmation_recorded(&s, SAKURA, MANDATORY_DAY);
}

#[test]
fn an_order_after_the_prompt_creates_its_subscriptions_and_lands_on_the_account() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    order_from(&mut s, NORTHWIND, &Origin::Customers);
    ctrl(&mut s, 's');
    // Microsoft 365 E3 (first offer) with 25 seats, and the usage-based Microsoft Azure.
    press(&mut s, KeyCode::Char(' '));
    type_text(&mut s, "25");
    let azure = order(&s)
        .lines
        .iter()
        .position(|l| l.offer.id == AZURE)
        .unwrap();
    for _ in 0..azure {
        press(&mut s, KeyCode::Char('j'));
    }
    press(&mut s, KeyCode::Char(' '));
    press(&mut s, KeyCode::Enter);
    assert_eq!(order(&s).step, OrderStep::Review);
    ctrl(&mut s, 's');

    assert_eq!(account(&s).customer_id, NORTHWIND);
    assert_eq!(
        flash(&s).text,
        "The order was submitted: 2 new subscriptions."
    );
    let snapshot = stored(&s);
    let demo = assets::demo_snapshot();
    let placed = only_new(&demo.orders, &snapshot.orders);
    assert_eq!(placed.customer_id, NORTHWIND);
    assert_eq!(placed.created_by, "Megan Bowen");
    assert_eq!(placed.created_at, clock_of(MANDATORY_DAY));
    let lines: Vec<_> = placed
        .lines
        .iter()
        .map(|l| (l.offer_id.as_str(), l.quantity))
        .collect();
    assert_eq!(lines, [(E3, 25), (AZURE, 1)]);
    let new: Vec<_> = snapshot
        .subscriptions
        .iter()
        .filter(|sub| sub.order_id == placed.id)
        .collect();
    assert_eq!(new.len(), 2);
    assert_eq!(
        (new[0].offer_id.as_str(), new[0].billing, new[0].quantity),
        (E3, Billing::SeatBased, Some(25))
    );
    assert_eq!(
        (new[1].offer_id.as_str(), new[1].billing, new[1].quantity),
        (AZURE, Billing::UsageBased, None)
    );
    assert!(new.iter().all(|sub| sub.customer_id == NORTHWIND
        && sub.status == SubscriptionStatus::Active
        && sub.auto_renew));
    assert_eq!(s.app.ctx.book.subscriptions(NORTHWIND).len(), 4);
}

#[test]
fn an_order_after_skipping_the_prompt_records_the_order_but_no_confirmation() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    order_from(&mut s, SAKURA, &Origin::Customers);
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char(' '));
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Enter); // Submit has focus on the review
    assert_eq!(account(&s).customer_id, SAKURA);
    let snapshot = stored(&s);
    let demo = assets::demo_snapshot();
    assert_eq!(snapshot.confirmations, demo.confirmations);
    assert_eq!(snapshot.orders.len(), demo.orders.len() + 1);
    let sakura_subs: Vec<_> = snapshot
        .subscriptions
        .iter()
        .filter(|sub| sub.customer_id == SAKURA)
        .map(|sub| (sub.offer_id.as_str(), sub.quantity))
        .collect();
    assert_eq!(sakura_subs, [(E3, Some(1))]);
}

#[test]
fn cancelling_the_order_itself_returns_to_its_origin_with_nothing_ordered() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    order_from(&mut s, CONTOSO, &Origin::Account(CONTOSO.into()));
    press(&mut s, KeyCode::Char(' '));
    press(&mut s, KeyCode::Esc);
    assert!(s.app.leave_prompt.is_some(), "a picked offer asks first");
    press(&mut s, KeyCode::Char('d'));
    assert_eq!(account(&s).customer_id, CONTOSO);
    assert!(flash(&s).text.contains("nothing was ordered"));
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn seats_stop_at_the_offers_maximum_and_a_count_past_it_is_refused_as_typed() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    order_from(&mut s, CONTOSO, &Origin::Account(CONTOSO.into()));
    keys(&mut s, "jj"); // Microsoft 365 Business Basic, at most 300 seats
    keys(&mut s, " 299");
    press(&mut s, KeyCode::Char('+'));
    assert_eq!(order(&s).lines[2].quantity, "300");
    assert_eq!(order(&s).lines[2].error, None);
    press(&mut s, KeyCode::Right);
    assert_eq!(
        order(&s).lines[2].quantity,
        "300",
        "a step past it stays there"
    );
    let said = order(&s).lines[2]
        .error
        .clone()
        .expect("the reason by the offer");
    assert!(said.contains("at most 300 seats"), "{said}");
    press(&mut s, KeyCode::Char('-'));
    assert_eq!(order(&s).lines[2].error, None);
    keys(&mut s, "j 20000");
    let said = order(&s).lines[3].error.clone().expect("said while typing");
    assert!(said.contains("at most 300 seats"), "{said}");
}
