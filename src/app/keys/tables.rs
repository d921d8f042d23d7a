//! Every key of the dashboard, one table per context. A screen says which tables are in force
//! (`App::bindings`); dispatch, the footer, the help overlay and the hints on screen read only
//! these, so each key's words are exactly what it does.

use super::Binding;
use super::Command;
use super::KeyPattern::{AnyCharacter, AnyDigit, Ctrl, Plain};
use super::Say;
use ratatui::crossterm::event::KeyCode;

const fn bind(
    keys: &'static [super::KeyPattern],
    does: Say,
    command: Command,
    footer: Option<Say>,
) -> Binding {
    Binding {
        keys,
        does,
        command,
        footer,
    }
}

/// Ctrl-C quits from anywhere, even from a text field, without asking.
#[rustfmt::skip]
pub const ALWAYS: &[Binding] = &[
    bind(&[Ctrl('c')], |w| w.keys.quit_now, Command::QuitNow, None),
];

/// While the terminal is too small to show the screen, only quitting works; `q` only where it
/// loses nothing, since the question about unsaved changes could not be seen.
#[rustfmt::skip]
pub const TOO_SMALL: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('q'))], |w| w.keys.quit, Command::Quit, None),
];

/// While the help overlay shows.
#[rustfmt::skip]
pub const HELP: &[Binding] = &[
    bind(&[Plain(KeyCode::Esc), Plain(KeyCode::Char('?')), Plain(KeyCode::F(1)), Plain(KeyCode::Char('q'))], |w| w.keys.close_help, Command::CloseHelp, Some(|w| w.keys.close_help_short)),
];

/// Keys of every screen when no text field has focus.
#[rustfmt::skip]
pub const GENERAL: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('?')), Plain(KeyCode::F(1))], |w| w.keys.help, Command::Help, Some(|w| w.keys.help_short)),
    bind(&[Plain(KeyCode::Char('q'))], |w| w.keys.quit, Command::Quit, Some(|w| w.keys.quit)),
];

#[rustfmt::skip]
pub const LIST: &[Binding] = &[
    bind(&[Plain(KeyCode::Up), Plain(KeyCode::Char('k'))], |w| w.keys.previous_row, Command::Up, None),
    bind(&[Plain(KeyCode::Down), Plain(KeyCode::Char('j'))], |w| w.keys.next_row, Command::Down, None),
    bind(&[Plain(KeyCode::PageUp)], |w| w.keys.previous_page, Command::PageUp, None),
    bind(&[Plain(KeyCode::PageDown)], |w| w.keys.next_page, Command::PageDown, None),
    bind(&[Plain(KeyCode::Home)], |w| w.keys.first_row, Command::Top, None),
    bind(&[Plain(KeyCode::End)], |w| w.keys.last_row, Command::Bottom, None),
];

#[rustfmt::skip]
pub const CUSTOMERS: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter)], |w| w.keys.open_account, Command::Open, Some(|w| w.keys.account_short)),
    bind(&[Plain(KeyCode::Char('/'))], |w| w.keys.filter, Command::Filter, Some(|w| w.keys.filter_short)),
    bind(&[Plain(KeyCode::Char('n'))], |w| w.keys.new_customer, Command::NewCustomer, Some(|w| w.keys.new_customer_short)),
    bind(&[Plain(KeyCode::Char('o'))], |w| w.keys.new_order_for_selected, Command::NewOrder, Some(|w| w.keys.new_order_short)),
    bind(&[Plain(KeyCode::Char('b'))], |w| w.keys.back_up, Command::Backup, Some(|w| w.keys.back_up_short)),
];

/// Customers while a filter narrows the list: Esc clears it.
#[rustfmt::skip]
pub const CUSTOMERS_FILTERED: &[Binding] = &[
    bind(&[Plain(KeyCode::Esc)], |w| w.keys.clear_filter, Command::Back, Some(|w| w.keys.clear_filter_short)),
];

/// Customers while the filter box has focus.
#[rustfmt::skip]
pub const FILTER: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter)], |w| w.keys.keep_filter, Command::Open, Some(|w| w.keys.done_short)),
    bind(&[Plain(KeyCode::Esc)], |w| w.keys.clear_filter, Command::Back, Some(|w| w.keys.clear_short)),
    bind(&[Plain(KeyCode::Up)], |w| w.keys.previous_row, Command::Up, Some(|w| w.keys.up_short)),
    bind(&[Plain(KeyCode::Down)], |w| w.keys.next_row, Command::Down, Some(|w| w.keys.down_short)),
];

#[rustfmt::skip]
pub const ACCOUNT_UPDATE: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('u'))], |w| w.keys.update_agreement, Command::UpdateAgreement, Some(|w| w.keys.update_short)),
];

/// Where the section offers no Update (a national cloud, or before confirmation exists), `u`
/// only says why.
#[rustfmt::skip]
pub const ACCOUNT_NO_UPDATE: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('u'))], |w| w.keys.why_no_update, Command::UpdateAgreement, None),
];

/// The Account page's own keys; Update comes from `ACCOUNT_UPDATE` where the section offers it.
#[rustfmt::skip]
pub const ACCOUNT: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('o'))], |w| w.keys.new_order, Command::NewOrder, Some(|w| w.keys.new_order_short)),
    bind(&[Plain(KeyCode::Char('s')), Plain(KeyCode::Enter)], |w| w.keys.change_seats, Command::ChangeSeats, Some(|w| w.keys.seats_short)),
    bind(&[Plain(KeyCode::Char('a'))], |w| w.keys.auto_renew, Command::AutoRenew, Some(|w| w.keys.auto_renew_short)),
    bind(&[Plain(KeyCode::Char('h'))], |w| w.keys.show_history, Command::History, Some(|w| w.keys.history_short)),
    bind(&[Plain(KeyCode::Up), Plain(KeyCode::Char('k'))], |w| w.keys.previous_subscription, Command::Up, None),
    bind(&[Plain(KeyCode::Down), Plain(KeyCode::Char('j'))], |w| w.keys.next_subscription, Command::Down, None),
    bind(&[Plain(KeyCode::Esc)], |w| w.keys.back_to_customers, Command::Back, Some(|w| w.keys.back_short)),
];

/// The Account page while it shows the confirmation history in place of the subscriptions.
#[rustfmt::skip]
pub const ACCOUNT_HISTORY: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('h'))], |w| w.keys.hide_history, Command::History, Some(|w| w.keys.subscriptions_short)),
    bind(&[Plain(KeyCode::Char('o'))], |w| w.keys.new_order, Command::NewOrder, Some(|w| w.keys.new_order_short)),
    bind(&[Plain(KeyCode::Up), Plain(KeyCode::Char('k'))], |w| w.keys.newer_confirmation, Command::Up, None),
    bind(&[Plain(KeyCode::Down), Plain(KeyCode::Char('j'))], |w| w.keys.older_confirmation, Command::Down, None),
    bind(&[Plain(KeyCode::Esc)], |w| w.keys.back_to_customers, Command::Back, Some(|w| w.keys.back_short)),
];

/// Form keys that work whatever has focus, text fields included.
#[rustfmt::skip]
pub const FORM: &[Binding] = &[
    bind(&[Plain(KeyCode::Tab), Plain(KeyCode::Down)], |w| w.keys.next_field, Command::NextField, Some(|w| w.keys.next_field_short)),
    bind(&[Plain(KeyCode::BackTab), Plain(KeyCode::Up)], |w| w.keys.previous_field, Command::PreviousField, None),
];

/// Ctrl-S presses the form's primary button; each form has its own, named as on screen.
#[rustfmt::skip]
pub const PRIMARY_NEXT: &[Binding] = &[
    bind(&[Ctrl('s')], |w| w.keys.next_to_subscriptions, Command::Primary, Some(|w| w.keys.next_short)),
];
#[rustfmt::skip]
pub const PRIMARY_NEXT_REVIEW: &[Binding] = &[
    bind(&[Ctrl('s')], |w| w.keys.next_to_review, Command::Primary, Some(|w| w.keys.next_short)),
];
#[rustfmt::skip]
pub const PRIMARY_SUBMIT: &[Binding] = &[
    bind(&[Ctrl('s')], |w| w.keys.submit, Command::Primary, Some(|w| w.keys.submit_short)),
];
#[rustfmt::skip]
pub const PRIMARY_SAVE: &[Binding] = &[
    bind(&[Ctrl('s')], |w| w.keys.save_and_continue, Command::Primary, Some(|w| w.keys.save_and_continue)),
];

/// Esc does what the form's Cancel button does, or, on a second step, its Back button.
#[rustfmt::skip]
pub const ESC_CANCEL: &[Binding] = &[
    bind(&[Plain(KeyCode::Esc)], |w| w.keys.cancel_as_button, Command::Back, Some(|w| w.keys.cancel_short)),
];
#[rustfmt::skip]
pub const ESC_BACK: &[Binding] = &[
    bind(&[Plain(KeyCode::Esc)], |w| w.keys.back_as_button, Command::Back, Some(|w| w.keys.back_short)),
];

/// A focused text box: Enter moves on to the next field.
#[rustfmt::skip]
pub const TEXT_FIELD: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter)], |w| w.keys.next_field, Command::NextField, None),
];

/// The one box of a one-box form (the seat count): Enter submits it.
#[rustfmt::skip]
pub const TEXT_FIELD_SUBMITS: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter)], |w| w.keys.submit, Command::Primary, None),
];

/// Help from a focused text box, where `q` is typed.
#[rustfmt::skip]
pub const TEXT_HELP: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('?')), Plain(KeyCode::F(1))], |w| w.keys.help_in_text, Command::Help, Some(|w| w.keys.help_short)),
];

/// Editing keys of a focused text box; they come last, after every table that claims a key.
#[rustfmt::skip]
pub const TEXT_EDITING: &[Binding] = &[
    bind(&[Plain(KeyCode::Left), Plain(KeyCode::Right)], |w| w.keys.move_cursor, Command::EditText, None),
    bind(&[Plain(KeyCode::Home), Ctrl('a')], |w| w.keys.to_start, Command::EditText, None),
    bind(&[Plain(KeyCode::End), Ctrl('e')], |w| w.keys.to_end, Command::EditText, None),
    bind(&[Plain(KeyCode::Backspace)], |w| w.keys.erase_before, Command::EditText, None),
    bind(&[Plain(KeyCode::Delete)], |w| w.keys.erase_at, Command::EditText, None),
    bind(&[Ctrl('w')], |w| w.keys.erase_word, Command::EditText, None),
    bind(&[Ctrl('k')], |w| w.keys.erase_to_end, Command::EditText, None),
    bind(&[Ctrl('u')], |w| w.keys.erase_all, Command::EditText, None),
    bind(&[Ctrl('y')], |w| w.keys.put_back, Command::EditText, None),
    bind(&[AnyCharacter], |w| w.keys.typed_into_box, Command::EditText, None),
];

/// A focused button.
#[rustfmt::skip]
pub const BUTTON: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter)], |w| w.keys.press_button, Command::Press, Some(|w| w.keys.press_short)),
    bind(&[Plain(KeyCode::Left)], |w| w.keys.previous_button, Command::PreviousField, None),
    bind(&[Plain(KeyCode::Right)], |w| w.keys.next_button, Command::NextField, None),
];

/// A focused checkbox.
#[rustfmt::skip]
pub const CHECKBOX: &[Binding] = &[
    bind(&[Plain(KeyCode::Char(' ')), Plain(KeyCode::Enter)], |w| w.keys.tick, Command::Toggle, Some(|w| w.keys.tick_short)),
];

/// The question asked before leaving a screen with unsaved changes.
#[rustfmt::skip]
pub const LEAVE: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('d'))], |w| w.keys.discard_and_leave, Command::Discard, Some(|w| w.keys.discard_short)),
    bind(&[Plain(KeyCode::Esc)], |w| w.keys.keep_editing, Command::KeepEditing, Some(|w| w.keys.keep_editing_short)),
    bind(&[Plain(KeyCode::Enter)], |w| w.keys.press_button, Command::Press, Some(|w| w.keys.press_short)),
    bind(&[Plain(KeyCode::Tab), Plain(KeyCode::Right)], |w| w.keys.next_button, Command::NextField, None),
    bind(&[Plain(KeyCode::BackTab), Plain(KeyCode::Left)], |w| w.keys.previous_button, Command::PreviousField, None),
    bind(&[Plain(KeyCode::Char('?')), Plain(KeyCode::F(1))], |w| w.keys.help_plain, Command::Help, Some(|w| w.keys.help_short)),
];

/// A list of offers with their seat counts: the New order screen's and the New customer
/// wizard's Subscriptions. Every offer fits on one page, so there is no paging: PgUp and PgDn
/// go to the first and the last offer, as Home and End do.
#[rustfmt::skip]
pub const OFFER_LIST: &[Binding] = &[
    bind(&[Plain(KeyCode::Up), Plain(KeyCode::Char('k'))], |w| w.keys.previous_offer, Command::Up, None),
    bind(&[Plain(KeyCode::Down), Plain(KeyCode::Char('j'))], |w| w.keys.next_offer, Command::Down, None),
    bind(&[Plain(KeyCode::Home), Plain(KeyCode::PageUp)], |w| w.keys.first_offer, Command::Top, None),
    bind(&[Plain(KeyCode::End), Plain(KeyCode::PageDown)], |w| w.keys.last_offer, Command::Bottom, None),
    bind(&[Plain(KeyCode::Char(' '))], |w| w.keys.select_offer, Command::Toggle, Some(|w| w.keys.select_short)),
    bind(&[Plain(KeyCode::Char('+')), Plain(KeyCode::Right)], |w| w.keys.one_more_seat, Command::More, None),
    bind(&[Plain(KeyCode::Char('-')), Plain(KeyCode::Left)], |w| w.keys.one_seat_fewer, Command::Less, None),
    bind(&[AnyDigit], |w| w.keys.type_quantity, Command::Digit, None),
    bind(&[Plain(KeyCode::Backspace)], |w| w.keys.erase_digit, Command::Erase, None),
];

/// New order, picking offers (with `OFFER_LIST`).
#[rustfmt::skip]
pub const ORDER_PICK: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter), Ctrl('s')], |w| w.keys.review_order, Command::Primary, Some(|w| w.keys.review_short)),
    bind(&[Plain(KeyCode::Esc)], |w| w.keys.cancel_order, Command::Back, Some(|w| w.keys.cancel_short)),
];

/// New customer, Subscriptions, while the offers have focus (with `OFFER_LIST`): the wizard's
/// Next, Back and buttons.
#[rustfmt::skip]
pub const NEW_CUSTOMER_OFFERS: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter), Ctrl('s')], |w| w.keys.next_to_review, Command::Primary, Some(|w| w.keys.next_short)),
    bind(&[Plain(KeyCode::Tab)], |w| w.keys.to_buttons, Command::NextField, Some(|w| w.keys.buttons_short)),
    bind(&[Plain(KeyCode::BackTab)], |w| w.keys.to_buttons_from_cancel, Command::PreviousField, None),
    bind(&[Plain(KeyCode::Esc)], |w| w.keys.back_to_account_info, Command::Back, Some(|w| w.keys.back_short)),
];

/// New customer, Confirmation: Done is the only button.
#[rustfmt::skip]
pub const NEW_CUSTOMER_DONE: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter), Ctrl('s')], |w| w.keys.done_to_customers, Command::Primary, Some(|w| w.keys.done_short)),
];
