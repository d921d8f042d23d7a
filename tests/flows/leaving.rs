//! Leaving a screen with unsaved changes asks first: Discard changes, or Keep editing. Nothing
//! typed is lost by a stray Esc, Cancel or q; Ctrl-C still quits at once.

use crate::common::*;
use crate::support::*;
use pcenter::app::leave::{LeaveButton, Leaving};
use pcenter::app::screens::acceptance::Field as AcceptanceButton;
use pcenter::app::screens::new_customer::{Field, WizardStep};
use pcenter::app::session::Session;
use pcenter::assets;
use pcenter::domain::customer::CustomerField;
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

fn asking(s: &Session) -> bool {
    s.app.leave_prompt.is_some()
}

/// Opens New customer and types `company` into its first box.
fn open_typed_wizard(s: &mut Session, company: &str) {
    press(s, KeyCode::Char('n'));
    type_text(s, company);
}

/// Moves focus on to the first box or button that is not a text field, where `q` is a key.
fn focus_past_the_text_fields(s: &mut Session) {
    press(s, KeyCode::Tab);
    while wizard(s).form.text_focused() {
        press(s, KeyCode::Tab);
    }
}

#[test]
fn an_untouched_wizard_leaves_at_once() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('n'));
    press(&mut s, KeyCode::Esc);
    assert!(!asking(&s));
    assert!(on_customers(&s));
}

#[test]
fn esc_on_a_typed_wizard_asks_and_esc_again_keeps_every_value() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_typed_wizard(&mut s, "Tailspin Toys");
    press(&mut s, KeyCode::Esc);
    assert!(asking(&s));
    assert_eq!(
        wizard(&s).step,
        WizardStep::AccountInfo,
        "still under the question"
    );
    let prompt = s.app.leave_prompt.as_ref().unwrap();
    assert_eq!(
        prompt.focus,
        LeaveButton::KeepEditing,
        "a stray Enter loses nothing"
    );
    press(&mut s, KeyCode::Esc);
    assert!(!asking(&s));
    let wizard = wizard(&s);
    assert_eq!(
        wizard
            .form
            .value(Field::Customer(CustomerField::CompanyName)),
        "Tailspin Toys"
    );
    assert_eq!(
        wizard.form.focus,
        Field::Customer(CustomerField::CompanyName)
    );
}

#[test]
fn enter_presses_the_focused_button_and_tab_moves_between_them() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_typed_wizard(&mut s, "T");
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Enter);
    assert!(!asking(&s), "Enter on Keep editing closes the question");
    assert_eq!(wizard(&s).step, WizardStep::AccountInfo);
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Tab);
    assert_eq!(
        s.app.leave_prompt.as_ref().unwrap().focus,
        LeaveButton::Discard
    );
    press(&mut s, KeyCode::Enter);
    assert!(on_customers(&s));
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn keys_other_than_the_questions_own_do_nothing_while_it_asks() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_typed_wizard(&mut s, "Tail");
    press(&mut s, KeyCode::Esc);
    type_text(&mut s, "xq");
    s.handle(pcenter::app::Action::Paste("pasted".into()));
    assert!(asking(&s));
    assert!(!s.quit);
    press(&mut s, KeyCode::Esc);
    assert_eq!(
        wizard(&s)
            .form
            .value(Field::Customer(CustomerField::CompanyName)),
        "Tail"
    );
}

#[test]
fn ticking_the_agreement_box_alone_counts_as_a_change() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('n'));
    while wizard(&s).form.focus != Field::Accepted {
        press(&mut s, KeyCode::Tab);
    }
    press(&mut s, KeyCode::Char(' '));
    press(&mut s, KeyCode::Esc);
    assert!(asking(&s));
}

#[test]
fn q_with_unsaved_changes_asks_before_quitting_and_d_quits() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_typed_wizard(&mut s, "Tailspin");
    focus_past_the_text_fields(&mut s);
    press(&mut s, KeyCode::Char('q'));
    assert!(!s.quit);
    assert!(matches!(
        s.app.leave_prompt.as_ref().unwrap().leaving,
        Leaving::Quit
    ));
    press(&mut s, KeyCode::Char('d'));
    assert!(s.quit);
}

#[test]
fn ctrl_c_quits_at_once_even_while_asking() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_typed_wizard(&mut s, "Tailspin");
    press(&mut s, KeyCode::Esc);
    ctrl(&mut s, 'c');
    assert!(s.quit);
}

#[test]
fn an_edited_update_form_asks_and_an_unedited_one_does_not() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('u'));
    press(&mut s, KeyCode::Esc);
    assert!(!asking(&s), "the pre-filled values are not a change");
    assert_eq!(account(&s).customer_id, CONTOSO);
    press(&mut s, KeyCode::Char('u'));
    type_text(&mut s, "x");
    press(&mut s, KeyCode::Esc);
    assert!(asking(&s));
    press(&mut s, KeyCode::Char('d'));
    assert_eq!(account(&s).customer_id, CONTOSO);
    assert_eq!(stored(&s), assets::demo_snapshot());
}

#[test]
fn the_mandatory_refusal_is_still_explained_after_discarding_the_prompt() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('o'));
    type_text(&mut s, "x");
    press(&mut s, KeyCode::BackTab); // wraps from First name to Cancel
    assert_eq!(acceptance(&s).form.focus, AcceptanceButton::Cancel);
    press(&mut s, KeyCode::Enter);
    assert!(asking(&s));
    assert!(
        s.app.ctx.flash.is_none(),
        "the refusal waits for the answer"
    );
    press(&mut s, KeyCode::Char('d'));
    assert_eq!(account(&s).customer_id, NORTHWIND);
    let flash = flash(&s);
    assert!(
        flash.is_error && flash.text.contains("No order was created"),
        "{flash:?}"
    );
}

#[test]
fn on_a_terminal_too_small_to_ask_q_keeps_unsaved_changes_and_ctrl_c_still_quits() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_typed_wizard(&mut s, "Tailspin");
    focus_past_the_text_fields(&mut s);
    s.handle(pcenter::app::Action::Resize(60, 20));
    press(&mut s, KeyCode::Char('q'));
    assert!(!s.quit, "the question could not be seen, so q does nothing");
    ctrl(&mut s, 'c');
    assert!(s.quit);
}

#[test]
fn a_typed_seat_count_counts_as_unsaved() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('s'));
    type_text(&mut s, "1");
    press(&mut s, KeyCode::Tab); // to Submit, where q is a key again
    press(&mut s, KeyCode::Char('q'));
    assert!(!s.quit);
    assert!(matches!(
        s.app.leave_prompt.as_ref().unwrap().leaving,
        Leaving::Quit
    ));
}
