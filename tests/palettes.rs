//! The dashboard in each palette: every screen at 80x24 with its styles (each cell's colours
//! and modifiers where they change) in 256 colours, 16 colours and none; each palette keeps to
//! its colours; and without colour, wherever focus moves, the element that has it is told from
//! the others by its modifiers alone.

mod common;

use common::*;
use pcenter::app::session::Session;
use pcenter::app::Action;
use pcenter::domain::role::Role;
use pcenter::ui::{self, Palette};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use ratatui::Terminal;

/// A customer with two confirmations on record.
const ATELIER: &str = "e7eb4d5a-e5be-4d46-b94a-4b4be7428976";

const WIDTH: u16 = 80;
const HEIGHT: u16 = 24;

fn draw(session: &mut Session, palette: Palette) -> Buffer {
    session.handle(Action::Resize(WIDTH, HEIGHT));
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    terminal
        .draw(|frame| ui::render_in(frame, &session.app, palette))
        .expect("draw");
    terminal.backend().buffer().clone()
}

fn name_of(palette: Palette) -> &'static str {
    match palette {
        Palette::Colors256 => "256",
        Palette::Colors16 => "16",
        Palette::NoColor => "no_color",
    }
}

/// Every colour a cell uses must be one its palette has.
fn assert_colors_within(buffer: &Buffer, palette: Palette) {
    for (index, cell) in buffer.content.iter().enumerate() {
        let (x, y) = buffer.pos_of(index);
        for color in [cell.fg, cell.bg, cell.underline_color] {
            let allowed = match palette {
                Palette::NoColor => color == Color::Reset,
                Palette::Colors16 => !matches!(color, Color::Indexed(_) | Color::Rgb(..)),
                Palette::Colors256 => !matches!(color, Color::Rgb(..)),
            };
            assert!(allowed, "{palette:?} draws {color:?} at ({x}, {y})");
        }
    }
}

/// Snapshots the screen, styles included, in every palette.
fn snap_palettes(name: &str, session: &mut Session) {
    for palette in Palette::ALL {
        let buffer = draw(session, palette);
        assert_colors_within(&buffer, palette);
        insta::assert_debug_snapshot!(format!("{name}_{}", name_of(palette)), buffer);
    }
}

fn admin(date: &str) -> Session {
    session(date, Role::AdminAgent)
}

/// The New customer form of a session on `date`, filled with valid values up to the phone
/// number; focus ends on the agreement checkbox.
fn new_customer_filled(date: &str) -> Session {
    let mut s = admin(date);
    press(&mut s, KeyCode::Char('n'));
    keys(
        &mut s,
        "Tailspin Toys\ttailspintoys\tUS\t1 Microsoft Way\t\tRedmond\tWA\t98052\t",
    );
    keys(
        &mut s,
        "Adele\tVance\tadele@tailspintoys.com\t+1 425 555 0100\t",
    );
    s
}

fn account(date: &str, customer_id: &str) -> Session {
    let mut s = admin(date);
    open_account(&mut s, customer_id);
    s
}

/// Contoso's New order with its first offer picked.
fn order_picked() -> Session {
    let mut s = account(OPTIONAL_DAY, CONTOSO);
    press(&mut s, KeyCode::Char('o'));
    press(&mut s, KeyCode::Char(' '));
    s
}

// ---------------------------------------------------------------------------------------------
// Every screen in every palette

#[test]
fn customers_in_every_palette() {
    snap_palettes("customers_optional", &mut admin(OPTIONAL_DAY));
}

#[test]
fn customers_filtering_in_the_mandatory_phase_in_every_palette() {
    let mut s = admin(MANDATORY_DAY);
    press(&mut s, KeyCode::Char('/'));
    type_text(&mut s, "c");
    snap_palettes("customers_mandatory_filtering", &mut s);
}

#[test]
fn account_blocked_with_an_error_message_in_every_palette() {
    let mut s = account(MANDATORY_DAY, NORTHWIND);
    press(&mut s, KeyCode::Char('s'));
    snap_palettes("account_mandatory_blocked", &mut s);
}

#[test]
fn account_with_a_success_message_in_every_palette() {
    let mut s = account(OPTIONAL_DAY, CONTOSO);
    press(&mut s, KeyCode::Char('a'));
    snap_palettes("account_auto_renew_changed", &mut s);
}

#[test]
fn account_history_in_every_palette() {
    let mut s = account(MANDATORY_DAY, ATELIER);
    press(&mut s, KeyCode::Char('h'));
    snap_palettes("account_history", &mut s);
}

#[test]
fn seat_editor_with_a_refused_count_in_every_palette() {
    let mut s = account(OPTIONAL_DAY, NORTHWIND);
    press(&mut s, KeyCode::Char('s'));
    for _ in 0..5 {
        press(&mut s, KeyCode::Backspace);
    }
    type_text(&mut s, "999");
    ctrl(&mut s, 's');
    snap_palettes("seat_editor_refused", &mut s);
}

#[test]
fn new_customer_with_every_field_refused_in_every_palette() {
    let mut s = admin(OPTIONAL_DAY);
    press(&mut s, KeyCode::Char('n'));
    ctrl(&mut s, 's');
    snap_palettes("new_customer_refused", &mut s);
}

#[test]
fn new_customer_on_the_agreement_checkbox_in_every_palette() {
    snap_palettes(
        "new_customer_checkbox",
        &mut new_customer_filled(MANDATORY_DAY),
    );
}

#[test]
fn new_customer_review_in_every_palette() {
    let mut s = new_customer_filled(MANDATORY_DAY);
    press(&mut s, KeyCode::Char(' '));
    ctrl(&mut s, 's'); // Next: Subscriptions
    ctrl(&mut s, 's'); // Next: Review
    snap_palettes("new_customer_review", &mut s);
}

#[test]
fn agreement_update_form_in_every_palette() {
    let mut s = account(OPTIONAL_DAY, NORTHWIND);
    press(&mut s, KeyCode::Char('u'));
    snap_palettes("agreement_update", &mut s);
}

#[test]
fn new_order_offers_in_every_palette() {
    let mut s = order_picked();
    press(&mut s, KeyCode::Down);
    snap_palettes("order_offers", &mut s);
}

#[test]
fn new_order_review_in_every_palette() {
    let mut s = order_picked();
    press(&mut s, KeyCode::Enter);
    snap_palettes("order_review", &mut s);
}

#[test]
fn unsaved_changes_question_in_every_palette() {
    let mut s = admin(OPTIONAL_DAY);
    press(&mut s, KeyCode::Char('n'));
    type_text(&mut s, "Tailspin");
    press(&mut s, KeyCode::Esc);
    snap_palettes("unsaved_changes", &mut s);
}

#[test]
fn help_in_every_palette() {
    let mut s = admin(OPTIONAL_DAY);
    press(&mut s, KeyCode::Char('?'));
    snap_palettes("help", &mut s);
}

// ---------------------------------------------------------------------------------------------
// Without colour, focus shows

/// Where `text` is drawn between the top two rows and the footer: its columns and its row.
/// Each character of `text` takes one cell (no wide characters here); it must be there once.
fn find(buffer: &Buffer, text: &str) -> (std::ops::Range<u16>, u16) {
    let chars: Vec<String> = text.chars().map(String::from).collect();
    let width = chars.len() as u16;
    let mut found = vec![];
    for y in 2..HEIGHT - 1 {
        for x in 0..=WIDTH.saturating_sub(width) {
            if (0..width).all(|i| buffer[(x + i, y)].symbol() == chars[i as usize]) {
                found.push((x..x + width, y));
            }
        }
    }
    assert_eq!(found.len(), 1, "{text:?} is drawn once: {found:?}");
    found.remove(0)
}

/// Draws without colour, presses `key`, draws again: every cell of each text in `leaving`
/// (focused before) and in `arriving` (focused after) must carry, with focus, a modifier it
/// lacks without (wherever a scrolled form put it), so focus never shows by colour alone.
fn assert_focus_moves_visibly(
    session: &mut Session,
    key: KeyCode,
    leaving: &[&str],
    arriving: &[&str],
) {
    let before = draw(session, Palette::NoColor);
    press(session, key);
    let after = draw(session, Palette::NoColor);
    let cases = leaving
        .iter()
        .map(|text| (text, &before, &after))
        .chain(arriving.iter().map(|text| (text, &after, &before)));
    for (text, focused, unfocused) in cases {
        let (on_columns, on_y) = find(focused, text);
        let (off_columns, off_y) = find(unfocused, text);
        for (on_x, off_x) in on_columns.zip(off_columns) {
            let on = focused[(on_x, on_y)].modifier;
            let off = unfocused[(off_x, off_y)].modifier;
            assert!(
                !off.contains(on),
                "without colour, {text:?} at ({on_x}, {on_y}) carries nothing with focus \
                 ({on:?}) that it lacks without ({off:?})"
            );
        }
    }
}

#[test]
fn without_colour_the_selected_customer_shows() {
    // In the mandatory phase, where the status of unconfirmed customers is bold as an error.
    let mut s = admin(MANDATORY_DAY);
    assert_focus_moves_visibly(
        &mut s,
        KeyCode::Down,
        &["Adventure Works Cycles  adventureworkscycles.o… Public   Not confirmed 3"],
        &["Alpine Outfitters AG    alpineoutfitters.onmic… Public   Confirmed     3"],
    );
}

#[test]
fn without_colour_the_filter_being_typed_shows() {
    let mut s = admin(OPTIONAL_DAY);
    press(&mut s, KeyCode::Char('/'));
    type_text(&mut s, "cycles");
    assert_focus_moves_visibly(&mut s, KeyCode::Enter, &["Filter: cycles"], &[]);
}

#[test]
fn without_colour_the_focused_text_box_shows() {
    let mut s = admin(OPTIONAL_DAY);
    press(&mut s, KeyCode::Char('n'));
    keys(&mut s, "Tailspin\ttailspin1");
    // "tailspin1 " in its box, not "tailspin1.onmicrosoft.com" under it.
    assert_focus_moves_visibly(&mut s, KeyCode::BackTab, &["tailspin1 "], &["Tailspin"]);
}

#[test]
fn without_colour_the_focused_checkbox_and_button_show() {
    let mut s = new_customer_filled(MANDATORY_DAY);
    assert_focus_moves_visibly(
        &mut s,
        KeyCode::Tab,
        &["[ ] The customer has accepted the latest Microsoft cloud agreement"],
        // Next scrolls into view only as it takes focus.
        &[],
    );
    assert_focus_moves_visibly(
        &mut s,
        KeyCode::Right,
        &["[ Next: Subscriptions ]"],
        &["[ Cancel ]"],
    );
}

#[test]
fn without_colour_the_focused_button_of_a_review_shows() {
    let mut s = new_customer_filled(MANDATORY_DAY);
    press(&mut s, KeyCode::Char(' '));
    ctrl(&mut s, 's'); // Next: Subscriptions
    ctrl(&mut s, 's'); // Next: Review
    assert_focus_moves_visibly(&mut s, KeyCode::Right, &["[ Submit ]"], &["[ Back ]"]);
}

#[test]
fn without_colour_the_focus_of_the_agreement_form_shows() {
    let mut s = account(OPTIONAL_DAY, NORTHWIND);
    press(&mut s, KeyCode::Char('u'));
    assert_focus_moves_visibly(&mut s, KeyCode::Tab, &["Diego"], &["Siciliani"]);
    for _ in 0..4 {
        press(&mut s, KeyCode::Tab);
    }
    assert_focus_moves_visibly(
        &mut s,
        KeyCode::Right,
        &["[ Save and continue ]"],
        &["[ Cancel ]"],
    );
}

#[test]
fn without_colour_the_focused_offer_and_order_button_show() {
    let mut s = order_picked();
    assert_focus_moves_visibly(
        &mut s,
        KeyCode::Down,
        &["[x] Microsoft 365 E3"],
        &["[ ] Microsoft 365 E5"],
    );
    press(&mut s, KeyCode::Up);
    press(&mut s, KeyCode::Enter);
    assert_focus_moves_visibly(&mut s, KeyCode::Right, &["[ Submit ]"], &["[ Back ]"]);
}

#[test]
fn without_colour_the_selected_subscription_and_confirmation_show() {
    let mut s = account(MANDATORY_DAY, NORTHWIND);
    assert_focus_moves_visibly(
        &mut s,
        KeyCode::Down,
        &["Microsoft 365 Business                   45"],
        &["Exchange Online (Plan 1)                 12"],
    );
    let mut s = account(MANDATORY_DAY, ATELIER);
    press(&mut s, KeyCode::Char('h'));
    assert_focus_moves_visibly(
        &mut s,
        KeyCode::Down,
        &["2018-10-02  Camille Rousseau"],
        &["2018-08-21  Fran"],
    );
}

#[test]
fn without_colour_the_focus_of_the_seat_editor_shows() {
    let mut s = account(OPTIONAL_DAY, NORTHWIND);
    press(&mut s, KeyCode::Char('s'));
    assert_focus_moves_visibly(
        &mut s,
        KeyCode::Tab,
        &["45                                       "],
        &["[ Submit ]"],
    );
}

#[test]
fn without_colour_the_focused_button_of_the_unsaved_changes_question_shows() {
    let mut s = admin(OPTIONAL_DAY);
    press(&mut s, KeyCode::Char('n'));
    type_text(&mut s, "Tailspin");
    press(&mut s, KeyCode::Esc);
    assert_focus_moves_visibly(
        &mut s,
        KeyCode::Left,
        &["[ Keep editing ]"],
        &["[ Discard changes ]"],
    );
}
