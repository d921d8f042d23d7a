//! The New customer wizard and the New order screen in Korean: snapshots of each step in each
//! confirmation phase and agreement era at 80x24 and 120x40, each checked for English words of
//! the dashboard's own, and the messages these screens leave after ordering or cancelling.

mod common;

use common::*;
use pcenter::app::screens::Screen;
use pcenter::app::session::Session;
use pcenter::app::Action;
use pcenter::domain::commerce::{Billing, Offer};
use pcenter::domain::credentials::UserCredentials;
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

/// The phases and eras of the wizard: optional and mandatory confirmation of the Microsoft
/// Cloud Agreement, both agreements (2019-11-20) and the Microsoft Customer Agreement only
/// (2020-06-01).
const ERAS: [(&str, &str); 4] = [
    ("optional", OPTIONAL_DAY),
    ("mandatory", MANDATORY_DAY),
    ("both_agreements", "2019-11-20"),
    ("customer_agreement", "2020-06-01"),
];

/// Snapshots the screen at 80x24 and 120x40, text only, after checking it speaks Korean.
fn snap_ko(name: &str, session: &mut Session) {
    snap_ko_except(name, session, &[]);
}

/// As `snap_ko`, the `data` (values the session made up, such as a temporary password) left
/// out of the check for English words.
fn snap_ko_except(name: &str, session: &mut Session, data: &[String]) {
    for (width, height) in [(80, 24), (120, 40)] {
        let backend = render(session, width, height);
        let text = screen_text(&backend);
        let checked = data
            .iter()
            .fold(text.clone(), |text, value| text.replace(value.as_str(), ""));
        assert_korean(&format!("{name} at {width}x{height}"), &checked);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

fn flash_text(s: &Session) -> String {
    s.app.ctx.flash.as_ref().expect("a message").text.clone()
}

// ---------------------------------------------------------------------------------------------
// New customer

/// The wizard in Korean, its Submit handing out fixed credentials.
fn wizard_ko(date: &str) -> Session {
    let mut s = session_ko(date, Role::AdminAgent);
    s.set_credentials(|| UserCredentials::from_entropy(20181114));
    press(&mut s, KeyCode::Char('n'));
    s
}

/// Fills the company and primary contact of a Korean company; focus ends on the field after
/// the phone number (the agreement checkbox).
fn fill_account_info(s: &mut Session) {
    keys(
        s,
        "한빛소프트\thanbit\tKR\t서울특별시 중구 세종대로 110\t\t서울\t서울특별시\t04524\t",
    );
    keys(s, "민준\t김\tminjun.kim@hanbit.co.kr\t+82 2 555 0100\t");
}

/// Account info filled and the box ticked, then Next: on Subscriptions.
fn on_subscriptions(date: &str) -> Session {
    let mut s = wizard_ko(date);
    fill_account_info(&mut s);
    press(&mut s, KeyCode::Char(' '));
    ctrl(&mut s, 's');
    s
}

/// On Subscriptions: moves to the first offer `is` picks and selects it; false when none is
/// sold on the day.
fn choose_offer(s: &mut Session, is: impl Fn(&Offer) -> bool) -> bool {
    let Screen::NewCustomer(wizard) = &s.app.screen else {
        panic!("expected the wizard");
    };
    let Some(index) = wizard.offers.lines.iter().position(|line| is(line.offer)) else {
        return false;
    };
    press(s, KeyCode::Home);
    for _ in 0..index {
        press(s, KeyCode::Down);
    }
    press(s, KeyCode::Char(' '));
    true
}

/// 25 seats of Microsoft 365 E3, and a usage-based offer the agreement confirmed allows.
fn choose_two(s: &mut Session) {
    assert!(choose_offer(s, |o| o.name == "Microsoft 365 E3"));
    type_text(s, "25");
    let usage_based = |o: &Offer| o.billing == Billing::UsageBased;
    if !choose_offer(s, |o| usage_based(o) && !o.requires_customer_agreement) {
        assert!(choose_offer(s, usage_based));
    }
}

/// The sign-in name and password Confirmation shows: made up by the session, not words.
fn credentials(s: &Session) -> Vec<String> {
    let Screen::NewCustomer(wizard) = &s.app.screen else {
        panic!("expected the wizard");
    };
    let created = wizard.created.as_ref().expect("Confirmation");
    vec![
        created.credentials.sign_in_name(&created.domain),
        created.credentials.password.clone(),
    ]
}

#[test]
fn account_info_in_each_phase_and_era() {
    for (era, date) in ERAS {
        let mut s = wizard_ko(date);
        snap_ko(&format!("ko_wizard_account_info_{era}"), &mut s);
        fill_account_info(&mut s);
        press(&mut s, KeyCode::Char(' '));
        snap_ko(&format!("ko_wizard_account_info_ticked_{era}"), &mut s);
    }
}

#[test]
fn account_info_styled() {
    let s = &mut wizard_ko(OPTIONAL_DAY);
    insta::assert_debug_snapshot!(
        "ko_wizard_account_info_styled_80x24",
        render(s, 80, 24).buffer()
    );
}

#[test]
fn account_info_with_the_acceptor_fields() {
    let mut s = wizard_ko(OPTIONAL_DAY);
    fill_account_info(&mut s);
    // Tick the box, skip the date, press Update.
    keys(&mut s, " \t\t\n");
    snap_ko("ko_wizard_account_info_acceptor", &mut s);
}

#[test]
fn account_info_unticked_where_confirmation_is_mandatory() {
    for (era, date) in &ERAS[1..] {
        let mut s = wizard_ko(date);
        fill_account_info(&mut s);
        ctrl(&mut s, 's');
        snap_ko(&format!("ko_wizard_account_info_unticked_{era}"), &mut s);
    }
}

#[test]
fn subscriptions_review_and_confirmation_in_each_phase_and_era() {
    for (era, date) in ERAS {
        let mut s = on_subscriptions(date);
        snap_ko(&format!("ko_wizard_subscriptions_{era}"), &mut s);
        choose_two(&mut s);
        snap_ko(&format!("ko_wizard_subscriptions_chosen_{era}"), &mut s);
        press(&mut s, KeyCode::Enter);
        snap_ko(&format!("ko_wizard_review_{era}"), &mut s);
        press(&mut s, KeyCode::Enter); // Submit
        let made_up = credentials(&s);
        snap_ko_except(&format!("ko_wizard_confirmation_{era}"), &mut s, &made_up);
        press(&mut s, KeyCode::Enter); // Done
        assert_eq!(flash_text(&s), "한빛소프트 고객을 만들었습니다.");
    }
}

#[test]
fn subscriptions_with_a_button_focused_and_a_usage_based_offer_given_seats() {
    let mut s = on_subscriptions(OPTIONAL_DAY);
    choose_two(&mut s);
    type_text(&mut s, "5");
    snap_ko("ko_wizard_subscriptions_usage_based_seats", &mut s);
    press(&mut s, KeyCode::Tab);
    snap_ko("ko_wizard_subscriptions_button", &mut s);
}

#[test]
fn review_and_confirmation_without_confirmation_or_subscriptions() {
    let mut s = wizard_ko(OPTIONAL_DAY);
    fill_account_info(&mut s);
    ctrl(&mut s, 's'); // Next: Subscriptions
    ctrl(&mut s, 's'); // Next: Review
    snap_ko("ko_wizard_review_not_confirmed", &mut s);
    press(&mut s, KeyCode::Enter); // Submit
    let made_up = credentials(&s);
    snap_ko_except("ko_wizard_confirmation_none_chosen", &mut s, &made_up);
}

// ---------------------------------------------------------------------------------------------
// New order

/// A new order for 한빛물류 (confirmed, so no prompt), in Korean.
fn order_ko() -> Session {
    let mut s = session_ko(OPTIONAL_DAY, Role::AdminAgent);
    open_account(&mut s, HANBIT);
    press(&mut s, KeyCode::Char('o'));
    assert!(matches!(s.app.screen, Screen::Order(_)), "no prompt first");
    s
}

#[test]
fn new_order_picking_typing_and_review() {
    let mut s = order_ko();
    snap_ko("ko_new_order_pick", &mut s);
    // Microsoft 365 E3 x 25, Microsoft 365 E5 x 10.
    keys(&mut s, " 25j 10");
    snap_ko("ko_new_order_quantities", &mut s);
    press(&mut s, KeyCode::Enter);
    snap_ko("ko_new_order_review", &mut s);
    ctrl(&mut s, 's');
    assert_eq!(
        flash_text(&s),
        "주문을 제출했습니다. 새 구독 2개를 만들었습니다."
    );
}

#[test]
fn new_order_says_what_is_wrong_by_the_offer() {
    let mut s = order_ko();
    press(&mut s, KeyCode::Enter);
    snap_ko("ko_new_order_none_selected", &mut s);
    // Microsoft 365 Business Basic allows 300 seats: a step past it stays there and says so.
    keys(&mut s, "jj 300+");
    snap_ko("ko_new_order_at_most", &mut s);
    s.handle(Action::Paste("스물다섯".into()));
    snap_ko("ko_new_order_pasted_words", &mut s);
    press(&mut s, KeyCode::End);
    type_text(&mut s, "3");
    snap_ko("ko_new_order_usage_based_seats", &mut s);
}

#[test]
fn new_order_cancelled() {
    let mut s = order_ko();
    press(&mut s, KeyCode::Esc);
    assert_eq!(
        flash_text(&s),
        "주문을 취소했습니다. 아무것도 주문하지 않았습니다."
    );
    let mut s = order_ko();
    press(&mut s, KeyCode::Char(' '));
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('d'));
    assert_eq!(
        flash_text(&s),
        "주문을 취소했습니다. 아무것도 주문하지 않았습니다."
    );
}

#[test]
fn submit_refused_because_the_domain_was_taken_meanwhile() {
    let mut s = on_subscriptions(OPTIONAL_DAY);
    // Next: Review; then another session takes the domain while this one reviews.
    ctrl(&mut s, 's');
    let mut rival = pcenter::assets::demo_snapshot().customers[0].clone();
    rival.id = "7f3c9a10-0d7e-4b1e-9a2f-5b6c7d8e9f01".into();
    rival.domain = "hanbit.onmicrosoft.com".into();
    s.core.store().create_customer(&rival, None).unwrap();
    ctrl(&mut s, 's');
    snap_ko("ko_wizard_submit_refused_domain_taken", &mut s);
}
