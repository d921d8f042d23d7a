//! The confirmation form: every bad field gets its own message and nothing is written; Update on
//! the Account page adds a confirmation and keeps the history.

use crate::common::*;
use crate::support::*;
use chrono::NaiveDate;
use pcenter::app::screens::acceptance::{Field, Purpose};
use pcenter::app::session::Session;
use pcenter::assets;
use pcenter::domain::agreement::{AcceptanceField, Channel};
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Opens the prompt before an order for Northwind Traders.
fn prompt(day: &str) -> Session {
    let mut s = session(day, Role::AdminAgent);
    select_customer(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('o'));
    assert!(matches!(
        acceptance(&s).purpose,
        Purpose::BeforeOrder { .. }
    ));
    s
}

#[test]
fn saving_bad_fields_shows_a_message_on_each_and_writes_nothing() {
    let mut s = prompt(OPTIONAL_DAY);
    clear_field(&mut s); // First name
    press(&mut s, KeyCode::Tab); // Last name stays as it is
    press(&mut s, KeyCode::Tab);
    retype(&mut s, "diego.northwind");
    press(&mut s, KeyCode::Tab);
    retype(&mut s, "555-CALL-NOW");
    press(&mut s, KeyCode::Tab);
    retype(&mut s, "2018-09-15");
    ctrl(&mut s, 's');

    let form = &acceptance(&s).form;
    assert_eq!(
        form.message(Field::Input(AcceptanceField::FirstName))
            .as_deref(),
        Some("Enter the first name.")
    );
    assert_eq!(form.message(Field::Input(AcceptanceField::LastName)), None);
    assert!(form
        .message(Field::Input(AcceptanceField::Email))
        .is_some_and(|m| m.contains("needs an @")));
    assert!(form
        .message(Field::Input(AcceptanceField::Phone))
        .is_some_and(|m| m.contains("remove 'C'")));
    assert!(form
        .message(Field::Input(AcceptanceField::Date))
        .is_some_and(|m| m.starts_with("You cannot set this to a future date")));
    assert_eq!(
        form.focus,
        Field::Input(AcceptanceField::FirstName),
        "focus moves to the first error"
    );
    assert!(s.app.ctx.book.confirmations(NORTHWIND).is_empty());
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn an_impossible_calendar_date_is_refused_next_to_the_date_field() {
    let mut s = prompt(MANDATORY_DAY);
    keys(&mut s, "\t\t\t\t");
    retype(&mut s, "2018-02-30");
    keys(&mut s, "\t");
    press(&mut s, KeyCode::Enter); // Save and continue
    let form = &acceptance(&s).form;
    assert_eq!(
        form.message(Field::Input(AcceptanceField::Date)).as_deref(),
        Some("2018-02-30 is not a real date: that month has 28 days.")
    );
    for good in [
        Field::Input(AcceptanceField::FirstName),
        Field::Input(AcceptanceField::LastName),
        Field::Input(AcceptanceField::Email),
        Field::Input(AcceptanceField::Phone),
    ] {
        assert_eq!(form.message(good), None, "{good:?}");
    }
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn typing_in_a_field_with_a_message_clears_that_message_only() {
    let mut s = prompt(OPTIONAL_DAY);
    clear_field(&mut s);
    keys(&mut s, "\t\t\t\t");
    retype(&mut s, "2018-02-30");
    ctrl(&mut s, 's');
    assert!(acceptance(&s)
        .form
        .message(Field::Input(AcceptanceField::FirstName))
        .is_some());
    type_text(&mut s, "Diego");
    let form = &acceptance(&s).form;
    assert_eq!(form.message(Field::Input(AcceptanceField::FirstName)), None);
    assert!(form.message(Field::Input(AcceptanceField::Date)).is_some());
}

#[test]
fn update_on_the_account_records_a_new_confirmation_and_keeps_the_old_one() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, CONTOSO);
    let old = s
        .app
        .ctx
        .book
        .current_confirmation(CONTOSO, s.app.ctx.actor.business_date)
        .unwrap()
        .clone();
    press(&mut s, KeyCode::Char('u'));
    let form = acceptance(&s);
    assert_eq!(form.purpose, Purpose::Update);
    assert_eq!(
        form.form.value(Field::Input(AcceptanceField::FirstName)),
        old.accepted_by.first_name,
        "pre-filled with the current acceptor"
    );
    assert_eq!(
        form.form.value(Field::Input(AcceptanceField::Date)),
        OPTIONAL_DAY
    );
    retype(&mut s, "Alex");
    press(&mut s, KeyCode::Tab);
    retype(&mut s, "Wilber");
    press(&mut s, KeyCode::Tab);
    retype(&mut s, "alex.wilber@contosoelectronics.com");
    ctrl(&mut s, 's');

    assert_eq!(account(&s).customer_id, CONTOSO);
    assert!(flash(&s).text.contains("confirmed"), "{:?}", flash(&s));
    let history = s.app.ctx.book.confirmations(CONTOSO);
    assert_eq!(history.len(), 2);
    assert_eq!(history[0], old);
    let current = s
        .app
        .ctx
        .book
        .current_confirmation(CONTOSO, s.app.ctx.actor.business_date)
        .unwrap();
    assert_eq!(current.accepted_by.full_name(), "Alex Wilber");
    assert_eq!(current.date_agreed, date(OPTIONAL_DAY));
    assert_eq!(current.channel, Channel::Account);

    // The store holds Contoso's later confirmations too: the session shows those recorded by
    // its business date.
    let stored_history: Vec<_> = stored(&s)
        .confirmations
        .into_iter()
        .filter(|c| c.customer_id == CONTOSO && c.recorded_on() <= date(OPTIONAL_DAY))
        .collect();
    assert_eq!(stored_history, history);
}

#[test]
fn an_update_with_an_earlier_acceptance_date_keeps_the_later_one_current() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, CONTOSO);
    let old = s
        .app
        .ctx
        .book
        .current_confirmation(CONTOSO, s.app.ctx.actor.business_date)
        .unwrap()
        .clone();
    assert_eq!(old.date_agreed, date("2018-08-08"));
    press(&mut s, KeyCode::Char('u'));
    retype(&mut s, "Alex");
    keys(&mut s, "\t\t\t\t");
    retype(&mut s, "2018-08-07");
    ctrl(&mut s, 's');
    assert_eq!(s.app.ctx.book.confirmations(CONTOSO).len(), 2);
    assert_eq!(
        s.app
            .ctx
            .book
            .current_confirmation(CONTOSO, s.app.ctx.actor.business_date),
        Some(&old)
    );
    let message = &s.app.ctx.flash.as_ref().unwrap().text;
    assert!(
        message.contains("stays current because it is later") && message.contains("2018-08-08"),
        "{message}"
    );
}

#[test]
fn esc_on_the_update_form_returns_to_the_account_and_records_nothing() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(acceptance(&s).purpose, Purpose::Update);
    press(&mut s, KeyCode::Esc);
    assert_eq!(account(&s).customer_id, NORTHWIND);
    assert_eq!(stored(&s), assets::demo_snapshot());
}
