//! The New customer wizard.

use crate::common::*;
use crate::*;
use pcenter::app::screens::new_customer::{Field, WizardStep};
use pcenter::assets;
use pcenter::domain::characters::is_hidden;
use pcenter::domain::customer::CustomerField as C;
use pcenter::domain::limits;
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

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
        let note = form.message(id).expect("a note next to the field");
        assert!(
            note.contains(&format!("at most {max} characters")),
            "{note}"
        );
        // A key past the limit is refused too, and says why.
        press(&mut s, KeyCode::Char('x'));
        assert_eq!(wizard(&s).form.value(id).chars().count(), max);
        assert_eq!(
            wizard(&s).form.message(id),
            Some(format!("This box holds at most {max} characters."))
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
        assert!(form.message(id).unwrap().contains("cannot be typed here"));
    }
    paste(&mut s, "\x1b[31mTail\u{202E}spin\r\nToys\t\x07");
    assert_eq!(
        wizard(&s).form.value(id),
        "[31mTailspin Toys ",
        "the tab became a space"
    );
    assert!(wizard(&s)
        .form
        .message(id)
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
        assert_eq!(
            wizard.form.message(Field::Customer(field)).as_deref(),
            Some(message)
        );
    }
    assert_eq!(wizard.form.message(Field::Customer(C::Line2)), None);
    assert_eq!(wizard.form.message(Field::Customer(C::Phone)), None);
    assert_eq!(s.core.store().load().unwrap(), assets::demo_snapshot());
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
    let message = wizard
        .form
        .message(Field::Customer(C::DomainPrefix))
        .unwrap();
    assert!(message.contains("already taken"), "{message}");
    assert_eq!(s.core.store().load().unwrap(), assets::demo_snapshot());
}
