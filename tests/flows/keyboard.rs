//! Keys that work everywhere or nowhere: quitting, help, the Customers filter, and the keys of
//! the Account page while it shows the confirmation history.

use crate::common::*;
use crate::support::*;
use pcenter::app::screens::new_customer::Field;
use pcenter::domain::customer::CustomerField;
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

#[test]
fn q_quits_from_the_customers_list() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    assert!(!s.quit);
    press(&mut s, KeyCode::Char('q'));
    assert!(s.quit);
}

#[test]
fn q_quits_from_the_account_page() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('q'));
    assert!(s.quit);
}

#[test]
fn q_in_a_focused_text_field_is_typed_not_a_quit() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('n'));
    type_text(&mut s, "qq");
    assert!(!s.quit);
    assert_eq!(
        wizard(&s)
            .form
            .value(Field::Customer(CustomerField::CompanyName)),
        "qq"
    );
}

#[test]
fn q_in_the_filter_box_is_typed_not_a_quit() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('/'));
    press(&mut s, KeyCode::Char('q'));
    assert!(!s.quit);
    assert_eq!(s.app.ctx.customers.filter.value(), "q");
}

#[test]
fn ctrl_c_quits_even_from_a_text_field() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('n'));
    type_text(&mut s, "Tail");
    assert!(wizard(&s).form.text_focused());
    ctrl(&mut s, 'c');
    assert!(s.quit);
}

#[test]
fn ctrl_c_quits_from_the_filter_box() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('/'));
    type_text(&mut s, "zz");
    ctrl(&mut s, 'c');
    assert!(s.quit);
}

#[test]
fn question_mark_opens_help_and_esc_closes_it_without_leaving_the_screen() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('?'));
    assert!(s.app.ctx.help_open);
    let screen = render(&mut s, 80, 24).to_string();
    assert!(screen.contains("Keys: Account"), "{screen}");
    press(&mut s, KeyCode::Esc);
    assert!(!s.app.ctx.help_open);
    assert_eq!(account(&s).customer_id, CONTOSO, "Esc only closed the help");
    assert!(!s.quit);
}

#[test]
fn keys_pressed_while_help_is_open_do_nothing_else() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('?'));
    press(&mut s, KeyCode::Char('n'));
    assert!(on_customers(&s));
    assert!(s.app.ctx.help_open);
    press(&mut s, KeyCode::Char('q'));
    assert!(!s.app.ctx.help_open, "q closes the help");
    assert!(!s.quit, "…without quitting");
}

#[test]
fn ctrl_c_quits_even_while_help_is_open() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('?'));
    assert!(s.app.ctx.help_open);
    ctrl(&mut s, 'c');
    assert!(s.quit);
}

#[test]
fn typing_in_the_filter_narrows_the_list_and_esc_clears_it() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    let all = s.app.ctx.customers.matches.len();
    assert_eq!(all, 31);
    press(&mut s, KeyCode::Char('/'));
    assert!(s.app.ctx.customers.filtering);
    type_text(&mut s, "caf");
    assert_eq!(s.app.ctx.customers.matches.len(), 2, "the two Cafés");
    type_text(&mut s, "é azteca");
    assert_eq!(s.app.ctx.customers.matches.len(), 1);
    press(&mut s, KeyCode::Esc);
    assert!(!s.app.ctx.customers.filtering);
    assert_eq!(s.app.ctx.customers.filter.value(), "");
    assert_eq!(s.app.ctx.customers.matches.len(), all);
}

#[test]
fn the_filter_matches_domains_and_keeps_its_text_after_enter() {
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    keys(&mut s, "/hanbitlogistics\n");
    assert!(!s.app.ctx.customers.filtering);
    assert_eq!(s.app.ctx.customers.matches.len(), 1);
    let ctx = &s.app.ctx;
    let directory = pcenter::core::read(&ctx.directory);
    let selected = ctx.customers.selected_entry(&directory).unwrap();
    assert_eq!(selected.domain(), "hanbitlogistics.onmicrosoft.com");
    drop(directory);
    press(&mut s, KeyCode::Esc);
    assert_eq!(s.app.ctx.customers.matches.len(), 31);
}

#[test]
fn a_terminal_too_small_to_show_the_screen_ignores_every_key_but_quit() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    s.handle(pcenter::app::Action::Resize(40, 10));
    let before = s.core.store().load().unwrap();
    keys(&mut s, "/contoso\no \n\n");
    s.handle(pcenter::app::Action::Paste("pasted".into()));
    assert!(matches!(
        s.app.screen,
        pcenter::app::screens::Screen::Customers
    ));
    assert_eq!(s.app.ctx.customers.filter.value(), "");
    assert_eq!(s.core.store().load().unwrap(), before);
    press(&mut s, KeyCode::Char('q'));
    assert!(s.quit);
}

#[test]
fn a_paste_while_help_is_open_goes_nowhere() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('n'));
    press(&mut s, KeyCode::F(1));
    assert!(s.app.ctx.help_open);
    s.handle(pcenter::app::Action::Paste("Hidden Ltd".into()));
    press(&mut s, KeyCode::Esc);
    assert_eq!(
        wizard(&s)
            .form
            .value(Field::Customer(CustomerField::CompanyName)),
        ""
    );
}

#[test]
fn with_the_history_shown_the_arrows_move_through_confirmations_not_subscriptions() {
    const ATELIER: &str = "e7eb4d5a-e5be-4d46-b94a-4b4be7428976"; // two confirmations
    let mut s = session(MANDATORY_DAY, Role::AdminAgent);
    open_account(&mut s, ATELIER);
    press(&mut s, KeyCode::Char('h'));
    assert!(account(&s).show_history);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Down);
    assert_eq!(account(&s).history_selected, 1, "stops at the oldest");
    assert_eq!(account(&s).selected, 0, "the subscription stays selected");
    press(&mut s, KeyCode::Char('s'));
    assert!(
        account(&s).seat_editor.is_none(),
        "no seat change from the history"
    );
    press(&mut s, KeyCode::Char('h'));
    assert!(!account(&s).show_history);
    press(&mut s, KeyCode::Down);
    assert_eq!(account(&s).selected, 1);
    press(&mut s, KeyCode::Char('h'));
    assert_eq!(
        account(&s).history_selected,
        0,
        "shown again from the newest"
    );
}

#[test]
fn a_helpdesk_agent_is_told_why_h_shows_no_history() {
    let mut s = session(OPTIONAL_DAY, Role::HelpdeskAgent);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('h'));
    assert!(!account(&s).show_history);
    let flash = flash(&s);
    assert!(flash.is_error);
    assert!(
        flash.text.contains("Admin agent or Sales agent"),
        "{flash:?}"
    );
}

#[test]
fn question_mark_opens_help_even_from_a_text_field_and_a_pasted_one_is_typed() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('n'));
    assert!(wizard(&s).form.text_focused());
    press(&mut s, KeyCode::Char('?'));
    assert!(s.app.ctx.help_open);
    press(&mut s, KeyCode::Esc);
    s.handle(pcenter::app::Action::Paste("Who?".into()));
    assert_eq!(
        wizard(&s)
            .form
            .value(Field::Customer(CustomerField::CompanyName)),
        "Who?"
    );
    press(&mut s, KeyCode::Char('/'));
    assert!(!s.app.ctx.help_open);
    ctrl(&mut s, 'u');
    assert_eq!(
        wizard(&s)
            .form
            .value(Field::Customer(CustomerField::CompanyName)),
        "",
        "Ctrl-U, listed in the help, erases the whole text"
    );
}

#[test]
fn before_august_7_2018_the_list_says_confirmation_is_not_available_yet() {
    let mut s = session("2018-08-06", Role::AdminAgent);
    let screen = render(&mut s, 140, 40).to_string();
    for status in ["Confirmed", "Not confirmed"] {
        assert!(!screen.contains(status), "{status} shown:\n{screen}");
    }
    let contoso = screen.lines().find(|l| l.contains("Contoso")).unwrap();
    assert!(contoso.contains("Not available"), "{contoso}");
    let baeckerei = screen.lines().find(|l| l.contains("Bäckerei")).unwrap();
    assert!(baeckerei.contains("Not supported"), "{baeckerei}");
}

#[test]
fn enter_and_o_with_no_customer_to_act_on_say_what_to_do() {
    use pcenter::store::{MemoryStore, Snapshot};
    let empty = MemoryStore::with_snapshot(Snapshot::default());
    let mut s = session_over(Box::new(empty), OPTIONAL_DAY, Role::AdminAgent);
    for key in [KeyCode::Enter, KeyCode::Char('o')] {
        press(&mut s, key);
        assert!(on_customers(&s));
        assert_eq!(
            flash(&s).text,
            "There are no customers yet: press n for New customer."
        );
    }
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    press(&mut s, KeyCode::Char('/'));
    type_text(&mut s, "zzz");
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Char('o'));
    assert_eq!(
        flash(&s).text,
        "No customer matches the filter: press Esc to clear it."
    );
}

#[test]
fn page_down_in_the_history_moves_by_the_rows_it_shows() {
    const ATELIER: &str = "e7eb4d5a-e5be-4d46-b94a-4b4be7428976";
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, ATELIER);
    for i in 1..=12 {
        press(&mut s, KeyCode::Char('u'));
        for _ in 0..60 {
            press(&mut s, KeyCode::Backspace);
        }
        type_text(&mut s, &format!("Signer{i}"));
        ctrl(&mut s, 's');
    }
    press(&mut s, KeyCode::Char('h'));
    press(&mut s, KeyCode::PageDown);
    assert_eq!(
        account(&s).history_selected,
        10,
        "a page of the history at 80x24"
    );
    press(&mut s, KeyCode::Char('h'));
    press(&mut s, KeyCode::PageDown);
    assert_eq!(account(&s).selected, 1, "Atelier has two subscriptions");
}
