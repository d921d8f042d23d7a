//! Seat counts (the Account page's editor and New order) and the Customers filter.

use crate::common::*;
use crate::*;
use pcenter::app::screens::account::SeatField;
use pcenter::app::screens::Screen;
use pcenter::app::session::Session;
use pcenter::assets;
use pcenter::domain::limits;
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

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
    assert!(editor(&s).form.message(SeatField::Quantity).is_some());
    clear(&mut s);
    paste(&mut s, "\x1b[2J5");
    ctrl(&mut s, 's');
    assert_eq!(
        editor(&s).form.message(SeatField::Quantity).as_deref(),
        Some("'[2J5' is not a seat count: enter a whole number such as 25.")
    );
    assert_eq!(s.core.store().load().unwrap(), assets::demo_snapshot());
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
