//! The confirmation form: Update on the Account page, and the prompt before a new order.

use crate::common::*;
use crate::*;
use pcenter::app::screens::acceptance::Field as AField;
use pcenter::app::screens::Screen;
use pcenter::app::session::Session;
use pcenter::assets;
use pcenter::domain::agreement::AcceptanceField as A;
use pcenter::domain::limits;
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

/// Opens the Update form of Northwind (unconfirmed), on the first name.
fn update_form(date: &str) -> Session {
    let mut s = session(date, Role::AdminAgent);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(acceptance(&s).form.focus, AField::Input(A::FirstName));
    s
}

#[test]
fn every_box_of_the_confirmation_form_keeps_its_limit() {
    let mut s = update_form(OPTIONAL_DAY);
    for field in [A::FirstName, A::LastName, A::Email, A::Phone, A::Date] {
        let id = AField::Input(field);
        assert_eq!(acceptance(&s).form.focus, id);
        clear(&mut s);
        paste(&mut s, &page());
        let max = limits::acceptance_field(field);
        assert_eq!(acceptance(&s).form.value(id).chars().count(), max);
        assert!(acceptance(&s).form.message(id).is_some(), "{field:?}");
        press(&mut s, KeyCode::Tab);
    }
    ctrl(&mut s, 's');
    assert!(
        matches!(s.app.screen, Screen::Acceptance(_)),
        "nothing valid to save"
    );
    assert_eq!(s.core.store().load().unwrap(), assets::demo_snapshot());
}

/// Types a value into one box of the Update form, presses Save, and returns its message.
fn save_with(field: A, value: &str) -> Option<String> {
    let mut s = update_form(OPTIONAL_DAY);
    let order = [A::FirstName, A::LastName, A::Email, A::Phone, A::Date];
    for _ in 0..order.iter().position(|f| *f == field).unwrap() {
        press(&mut s, KeyCode::Tab);
    }
    clear(&mut s);
    paste(&mut s, value);
    ctrl(&mut s, 's');
    assert_eq!(
        s.core.store().load().unwrap(),
        assets::demo_snapshot(),
        "{value:?} saved nothing"
    );
    acceptance(&s).form.message(AField::Input(field))
}

#[test]
fn impossible_dates_are_refused_next_to_the_date_with_their_reason() {
    for (date, expected) in [
        (
            "2018-02-30",
            "2018-02-30 is not a real date: that month has 28 days.",
        ),
        ("18-9-1", "'18-9-1' is not a date in the form YYYY-MM-DD"),
        (
            "0001-01-01",
            "0001-01-01 is before the Microsoft Cloud Agreement existed",
        ),
        ("2013-12-31", "use a date from 2014-01-01 on"),
        (
            "9999-12-31",
            "You cannot set this to a future date. Use 2018-09-14 or earlier.",
        ),
        ("", "Enter the date as YYYY-MM-DD"),
    ] {
        let message = save_with(A::Date, date).expect("a message by the date");
        assert!(message.contains(expected), "{date}: {message}");
    }
}

#[test]
fn malformed_emails_and_blank_names_are_refused_next_to_their_box() {
    for (field, value, expected) in [
        (A::Email, "ada@@contoso.com", "has one @; this one has 2"),
        (A::Email, "ada@contoso", "domain after the @"),
        (A::Email, "ada contoso.com", "spaces"),
        (A::Email, "   ", "Enter the email address."),
        (A::FirstName, " \u{3000} ", "Enter the first name."),
        (A::LastName, "", "Enter the last name."),
        (A::Phone, "call me", "remove 'c'"),
    ] {
        let message = save_with(field, value).expect("a message");
        assert!(message.contains(expected), "{value:?}: {message}");
    }
}

#[test]
fn the_order_prompt_refuses_a_future_date_and_orders_nothing() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('o'));
    for _ in 0..4 {
        press(&mut s, KeyCode::Tab);
    }
    clear(&mut s);
    paste(&mut s, "2999-01-01\n");
    ctrl(&mut s, 's');
    let message = acceptance(&s).form.message(AField::Input(A::Date)).unwrap();
    assert!(message.contains("future date"), "{message}");
    assert_eq!(s.core.store().load().unwrap(), assets::demo_snapshot());
}
