//! Hostile values in every box of the dashboard, driven through the app core: the New customer
//! wizard, the confirmation form (Update and the order prompt), the seat count, the New order
//! quantities and the Customers filter. A box never takes more than its limit nor a hidden
//! character, each refusal is said where the agent looks, and nothing invalid is saved.

mod common;

use common::*;
use pcenter::app::screens::acceptance::{AcceptanceForm, Field as AField};
use pcenter::app::screens::account::SeatField;
use pcenter::app::screens::new_customer::{Field, NewCustomer, WizardStep};
use pcenter::app::screens::order::NewOrder;
use pcenter::app::screens::Screen;
use pcenter::app::session::Session;
use pcenter::app::Action;
use pcenter::assets;
use pcenter::domain::agreement::AcceptanceField as A;
use pcenter::domain::characters::is_hidden;
use pcenter::domain::customer::CustomerField as C;
use pcenter::domain::limits;
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

fn wizard(s: &Session) -> &NewCustomer {
    match &s.app.screen {
        Screen::NewCustomer(wizard) => wizard,
        other => panic!("expected the New customer wizard, got {}", other.title()),
    }
}

fn acceptance(s: &Session) -> &AcceptanceForm {
    match &s.app.screen {
        Screen::Acceptance(form) => form,
        other => panic!("expected the acceptance form, got {}", other.title()),
    }
}

fn order(s: &Session) -> &NewOrder {
    match &s.app.screen {
        Screen::Order(order) => order,
        other => panic!("expected New order, got {}", other.title()),
    }
}

fn paste(s: &mut Session, text: &str) {
    s.handle(Action::Paste(text.into()));
}

/// Empties the focused box (Ctrl-U).
fn clear(s: &mut Session) {
    ctrl(s, 'u');
}

/// 100 KB of pasted text, with a control character and a line break in it.
fn page() -> String {
    format!("{}\x07\n", "Northwind Traders ".repeat(100 * 1024 / 18))
}

const WIZARD_FIELDS: [C; 12] = [
    C::CompanyName,
    C::DomainPrefix,
    C::Country,
    C::Line1,
    C::Line2,
    C::City,
    C::State,
    C::PostalCode,
    C::FirstName,
    C::LastName,
    C::Email,
    C::Phone,
];

#[test]
fn every_wizard_box_takes_a_page_only_up_to_its_limit_and_says_so() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('n'));
    for field in WIZARD_FIELDS {
        let id = Field::Customer(field);
        assert_eq!(wizard(&s).form.focus, id);
        paste(&mut s, &page());
        let form = &wizard(&s).form;
        let max = limits::customer_field(field);
        assert_eq!(form.value(id).chars().count(), max, "{field:?}");
        assert!(!form.value(id).chars().any(is_hidden), "{field:?}");
        let note = form.error(id).expect("a note next to the field");
        assert!(
            note.contains(&format!("at most {max} characters")),
            "{note}"
        );
        // A key past the limit is refused too, and says why.
        press(&mut s, KeyCode::Char('x'));
        assert_eq!(wizard(&s).form.value(id).chars().count(), max);
        assert_eq!(
            wizard(&s).form.error(id),
            Some(format!("This box holds at most {max} characters.").as_str())
        );
        press(&mut s, KeyCode::Tab);
    }
}

#[test]
fn control_characters_and_direction_marks_never_get_into_a_wizard_box() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('n'));
    let id = Field::Customer(C::CompanyName);
    for c in [
        '\x1b', '\x07', '\0', '\x7f', '\u{9b}', '\u{202E}', '\u{200B}',
    ] {
        press(&mut s, KeyCode::Char(c));
        let form = &wizard(&s).form;
        assert_eq!(form.value(id), "", "{}", c.escape_unicode());
        assert!(form.error(id).unwrap().contains("cannot be typed here"));
    }
    paste(&mut s, "\x1b[31mTail\u{202E}spin\r\nToys\t\x07");
    assert_eq!(
        wizard(&s).form.value(id),
        "[31mTailspin Toys ",
        "the tab became a space"
    );
    assert!(wizard(&s)
        .form
        .error(id)
        .unwrap()
        .contains("3 hidden characters"));
}

#[test]
fn whitespace_only_values_are_missing_values_and_nothing_is_saved() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('n'));
    for _ in WIZARD_FIELDS {
        paste(&mut s, "   \u{3000} ");
        press(&mut s, KeyCode::Tab);
    }
    ctrl(&mut s, 's');
    let wizard = wizard(&s);
    assert_eq!(wizard.step, WizardStep::AccountInfo);
    for (field, message) in [
        (C::CompanyName, "Enter the company name."),
        (C::City, "Enter the city."),
        (C::FirstName, "Enter the first name."),
        (C::Email, "Enter the email address."),
    ] {
        assert_eq!(wizard.form.error(Field::Customer(field)), Some(message));
    }
    assert_eq!(wizard.form.error(Field::Customer(C::Line2)), None);
    assert_eq!(wizard.form.error(Field::Customer(C::Phone)), None);
    assert_eq!(s.store.load().unwrap(), assets::demo_snapshot());
}

#[test]
fn a_taken_domain_typed_with_its_suffix_in_capitals_is_refused() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('n'));
    keys(
        &mut s,
        "Second Contoso\tCONTOSOELECTRONICS.onmicrosoft.com\tUS\t1 Main St\t\tRedmond\tWA\t98052\t",
    );
    keys(&mut s, "Ada\tLovelace\tada@contoso.com\t\t");
    ctrl(&mut s, 's');
    let wizard = wizard(&s);
    assert_eq!(wizard.step, WizardStep::AccountInfo);
    let message = wizard.form.error(Field::Customer(C::DomainPrefix)).unwrap();
    assert!(message.contains("already taken"), "{message}");
    assert_eq!(s.store.load().unwrap(), assets::demo_snapshot());
}

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
        assert!(acceptance(&s).form.error(id).is_some(), "{field:?}");
        press(&mut s, KeyCode::Tab);
    }
    ctrl(&mut s, 's');
    assert!(
        matches!(s.app.screen, Screen::Acceptance(_)),
        "nothing valid to save"
    );
    assert_eq!(s.store.load().unwrap(), assets::demo_snapshot());
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
        s.store.load().unwrap(),
        assets::demo_snapshot(),
        "{value:?} saved nothing"
    );
    acceptance(&s)
        .form
        .error(AField::Input(field))
        .map(str::to_string)
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
        (A::Email, "ada@@contoso.com", "before the @"),
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
    let message = acceptance(&s).form.error(AField::Input(A::Date)).unwrap();
    assert!(message.contains("future date"), "{message}");
    assert_eq!(s.store.load().unwrap(), assets::demo_snapshot());
}

#[test]
fn a_seat_count_box_takes_nine_digits_and_refuses_what_is_not_a_number() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('s'));
    let editor = |s: &Session| match &s.app.screen {
        Screen::Account(account) => account.seat_editor.clone().expect("the seat editor"),
        _ => panic!("expected the Account page"),
    };
    clear(&mut s);
    paste(&mut s, &"9".repeat(100));
    assert_eq!(editor(&s).form.value(SeatField::Quantity), "9".repeat(9));
    assert!(editor(&s).form.error(SeatField::Quantity).is_some());
    clear(&mut s);
    paste(&mut s, "\x1b[2J5");
    ctrl(&mut s, 's');
    assert_eq!(
        editor(&s).form.error(SeatField::Quantity),
        Some("'[2J5' is not a seat count: enter a whole number such as 25.")
    );
    assert_eq!(s.store.load().unwrap(), assets::demo_snapshot());
}

#[test]
fn a_pasted_seat_count_on_the_order_screen_is_a_whole_number_or_refused() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('o'));
    let seat_based = order(&s)
        .lines
        .iter()
        .position(|l| l.offer.max_seats.is_some())
        .unwrap();
    for _ in 0..seat_based {
        press(&mut s, KeyCode::Down);
    }
    paste(&mut s, " 25\r\n");
    let line = &order(&s).lines[seat_based];
    assert_eq!((line.selected, line.quantity.as_str()), (true, "25"));
    paste(&mut s, "twenty\x07");
    let line = &order(&s).lines[seat_based];
    assert_eq!(line.quantity, "25", "kept");
    assert_eq!(
        line.error.as_deref(),
        Some("'twenty' is not a seat count: paste or type a whole number such as 25.")
    );
    paste(&mut s, "1234567890");
    let line = &order(&s).lines[seat_based];
    assert_eq!(
        line.error.as_deref(),
        Some("A seat count has at most 9 digits; this one has 10.")
    );
    assert_eq!(line.quantity, "25");
}

#[test]
fn the_customers_filter_takes_a_page_only_up_to_its_limit_and_joins_lines() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('/'));
    paste(&mut s, &page());
    let filter = s.app.ctx.customers.filter.value().to_string();
    assert_eq!(filter.chars().count(), limits::FILTER_CHARS);
    let flash = s.app.ctx.flash.clone().expect("a message");
    assert!(flash
        .text
        .starts_with("Filter: This box holds at most 100 characters"));
    clear(&mut s);
    paste(&mut s, "\nContoso\r\n");
    assert_eq!(s.app.ctx.customers.filter.value(), "Contoso");
    assert!(!s.app.ctx.customers.matches.is_empty());
    press(&mut s, KeyCode::Char('\u{202E}'));
    assert_eq!(s.app.ctx.customers.filter.value(), "Contoso");
    let flash = s.app.ctx.flash.clone().expect("a message");
    assert!(
        flash.text.contains("U+202E cannot be typed here"),
        "{}",
        flash.text
    );
}
