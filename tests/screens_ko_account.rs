//! The Account page and the acceptance form in Korean: snapshots at 80x24 and 120x40 of each
//! state (a confirmed customer, an unconfirmed one in the mandatory phase, a national cloud, a
//! Korean company, the confirmation history, the seat editor, the Update form, the prompt before
//! a new order, and both in each agreement's era), each checked for English words of the
//! dashboard's own.

mod common;

use common::*;
use pcenter::app::session::Session;
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

/// A customer with two confirmations on record.
const ATELIER: &str = "e7eb4d5a-e5be-4d46-b94a-4b4be7428976";

/// 부산해양기술: confirmed under the Microsoft Cloud Agreement only.
const BUSAN: &str = "5ee93356-2854-43b3-8d9a-31979c51d206";

/// While either agreement counts, and once only the Microsoft Customer Agreement does.
const EITHER_DAY: &str = "2019-11-20";
const CUSTOMER_AGREEMENT_DAY: &str = "2020-06-01";

/// Snapshots the screen at 80x24 and 120x40, text only, after checking it speaks Korean.
fn snap_ko(name: &str, session: &mut Session) {
    for (width, height) in [(80, 24), (120, 40)] {
        let text = screen_text(&render(session, width, height));
        assert_korean(&format!("{name} at {width}x{height}"), &text);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

fn admin_ko(date: &str) -> Session {
    session_ko(date, Role::AdminAgent)
}

/// Erases the focused text box (the cursor is at its end).
fn clear_field(session: &mut Session) {
    for _ in 0..60 {
        press(session, KeyCode::Backspace);
    }
}

// ---------------------------------------------------------------------------------------------
// Account

#[test]
fn account_of_a_confirmed_customer() {
    let mut s = admin_ko(OPTIONAL_DAY);
    open_account(&mut s, CONTOSO);
    snap_ko("ko_account_confirmed_contoso", &mut s);
}

#[test]
fn account_of_an_unconfirmed_customer_in_the_mandatory_phase() {
    let mut s = admin_ko(MANDATORY_DAY);
    open_account(&mut s, NORTHWIND);
    snap_ko("ko_account_unconfirmed_mandatory_northwind", &mut s);
}

#[test]
fn account_styled() {
    let mut s = admin_ko(MANDATORY_DAY);
    open_account(&mut s, NORTHWIND);
    let backend = render(&mut s, 80, 24);
    assert_korean("the styled Account page", &screen_text(&backend));
    insta::assert_debug_snapshot!("ko_account_styled_80x24", backend.buffer());
}

#[test]
fn account_of_a_customer_in_a_national_cloud() {
    let mut s = admin_ko(OPTIONAL_DAY);
    open_account(&mut s, BAECKEREI);
    snap_ko("ko_account_national_cloud_baeckerei", &mut s);
}

#[test]
fn account_of_a_korean_company() {
    let mut s = admin_ko(OPTIONAL_DAY);
    open_account(&mut s, HANBIT);
    snap_ko("ko_account_korean_hanbit", &mut s);
}

#[test]
fn account_seen_by_a_helpdesk_agent() {
    let mut s = session_ko(OPTIONAL_DAY, Role::HelpdeskAgent);
    open_account(&mut s, CONTOSO);
    snap_ko("ko_account_helpdesk_agent", &mut s);
}

#[test]
fn account_with_the_confirmation_history() {
    let mut s = admin_ko(OPTIONAL_DAY);
    open_account(&mut s, ATELIER);
    press(&mut s, KeyCode::Char('h'));
    snap_ko("ko_account_history", &mut s);
}

#[test]
fn account_with_an_empty_history() {
    let mut s = admin_ko(MANDATORY_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('h'));
    snap_ko("ko_account_history_empty", &mut s);
}

#[test]
fn account_of_a_customer_without_subscriptions() {
    let mut s = admin_ko(MANDATORY_DAY);
    open_account(&mut s, SAKURA);
    snap_ko("ko_account_no_subscriptions_sakura", &mut s);
    press(&mut s, KeyCode::Char('a'));
    snap_ko("ko_account_no_subscriptions_auto_renew", &mut s);
}

#[test]
fn account_after_auto_renew_is_turned_off() {
    let mut s = admin_ko(MANDATORY_DAY);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('a'));
    snap_ko("ko_account_auto_renew_off", &mut s);
}

// ---------------------------------------------------------------------------------------------
// The seat editor

#[test]
fn account_with_the_seat_editor_open() {
    let mut s = admin_ko(OPTIONAL_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('s'));
    snap_ko("ko_account_seat_editor", &mut s);
}

#[test]
fn account_seat_editor_after_a_refused_value() {
    let mut s = admin_ko(OPTIONAL_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('s'));
    clear_field(&mut s);
    type_text(&mut s, "스물");
    ctrl(&mut s, 's');
    snap_ko("ko_account_seat_editor_refused", &mut s);
}

#[test]
fn account_seat_editor_kept_and_changed() {
    let mut s = admin_ko(OPTIONAL_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('s'));
    ctrl(&mut s, 's');
    snap_ko("ko_account_seats_unchanged", &mut s);
    press(&mut s, KeyCode::Char('s'));
    clear_field(&mut s);
    type_text(&mut s, "50");
    ctrl(&mut s, 's');
    snap_ko("ko_account_seats_changed", &mut s);
}

// ---------------------------------------------------------------------------------------------
// The Update form

#[test]
fn update_form_as_it_opens_emptied_and_with_field_errors() {
    let mut s = admin_ko(OPTIONAL_DAY);
    open_account(&mut s, CONTOSO);
    press(&mut s, KeyCode::Char('u'));
    snap_ko("ko_update_form", &mut s);
    for _ in 0..5 {
        clear_field(&mut s);
        press(&mut s, KeyCode::Tab);
    }
    snap_ko("ko_update_form_empty", &mut s);
    ctrl(&mut s, 's');
    snap_ko("ko_update_form_errors", &mut s);
}

#[test]
fn update_form_saved() {
    let mut s = admin_ko(OPTIONAL_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('u'));
    ctrl(&mut s, 's');
    snap_ko("ko_update_form_saved", &mut s);
}

// ---------------------------------------------------------------------------------------------
// The prompt before a new order

#[test]
fn prompt_before_an_order_in_the_optional_phase() {
    let mut s = admin_ko(OPTIONAL_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('o'));
    snap_ko("ko_prompt_optional", &mut s);
}

#[test]
fn prompt_before_an_order_in_the_mandatory_phase() {
    let mut s = admin_ko(MANDATORY_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('o'));
    snap_ko("ko_prompt_mandatory", &mut s);
}

// ---------------------------------------------------------------------------------------------
// The agreements' eras

#[test]
fn account_and_update_form_while_either_agreement_counts() {
    let mut s = admin_ko(EITHER_DAY);
    open_account(&mut s, CONTOSO);
    snap_ko("ko_era_either_account_contoso", &mut s);
    let mut s = admin_ko(EITHER_DAY);
    open_account(&mut s, NORTHWIND);
    snap_ko("ko_era_either_account_northwind", &mut s);
    press(&mut s, KeyCode::Char('u'));
    snap_ko("ko_era_either_update_northwind", &mut s);
    let mut s = admin_ko(EITHER_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('o'));
    snap_ko("ko_era_either_prompt_northwind", &mut s);
}

#[test]
fn account_and_update_form_once_only_the_customer_agreement_counts() {
    let mut s = admin_ko(CUSTOMER_AGREEMENT_DAY);
    open_account(&mut s, CONTOSO);
    snap_ko("ko_era_customer_agreement_account_contoso", &mut s);
    let mut s = admin_ko(CUSTOMER_AGREEMENT_DAY);
    open_account(&mut s, NORTHWIND);
    snap_ko("ko_era_customer_agreement_account_northwind", &mut s);
    press(&mut s, KeyCode::Char('u'));
    snap_ko("ko_era_customer_agreement_update_northwind", &mut s);
    let mut s = admin_ko(CUSTOMER_AGREEMENT_DAY);
    open_account(&mut s, NORTHWIND);
    press(&mut s, KeyCode::Char('o'));
    snap_ko("ko_era_customer_agreement_prompt_northwind", &mut s);
    // Confirmed under the Microsoft Cloud Agreement only: the section says it no longer counts.
    let mut s = admin_ko(CUSTOMER_AGREEMENT_DAY);
    open_account(&mut s, BUSAN);
    let screen = screen_text(&render(&mut s, 120, 40));
    assert!(
        screen.contains("2020년 1월 31일까지 유효했습니다"),
        "{screen}"
    );
    snap_ko("ko_era_customer_agreement_account_busan", &mut s);
}
