//! Every key of the dashboard, one table per context. A screen says which tables are in force
//! (`App::bindings`); dispatch, the footer, the help overlay and the hints on screen read only
//! these, so each key's words are exactly what it does.

use super::Binding;
use super::Command;
use super::KeyPattern::{AnyCharacter, AnyDigit, Ctrl, Plain};
use ratatui::crossterm::event::KeyCode;

const fn bind(
    keys: &'static [super::KeyPattern],
    does: &'static str,
    command: Command,
    footer: Option<&'static str>,
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
    bind(&[Ctrl('c')], "Quit at once, without asking about unsaved changes", Command::QuitNow, None),
];

/// While the terminal is too small to show the screen, only quitting works; `q` only where it
/// loses nothing, since the question about unsaved changes could not be seen.
#[rustfmt::skip]
pub const TOO_SMALL: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('q'))], "Quit", Command::Quit, None),
];

/// While the help overlay shows.
#[rustfmt::skip]
pub const HELP: &[Binding] = &[
    bind(&[Plain(KeyCode::Esc), Plain(KeyCode::Char('?')), Plain(KeyCode::F(1)), Plain(KeyCode::Char('q'))], "Close this help", Command::CloseHelp, Some("Close help")),
];

/// Keys of every screen when no text field has focus.
#[rustfmt::skip]
pub const GENERAL: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('?')), Plain(KeyCode::F(1))], "Help: every key of this screen", Command::Help, Some("Help")),
    bind(&[Plain(KeyCode::Char('q'))], "Quit", Command::Quit, Some("Quit")),
];

#[rustfmt::skip]
pub const LIST: &[Binding] = &[
    bind(&[Plain(KeyCode::Up), Plain(KeyCode::Char('k'))], "Previous row", Command::Up, None),
    bind(&[Plain(KeyCode::Down), Plain(KeyCode::Char('j'))], "Next row", Command::Down, None),
    bind(&[Plain(KeyCode::PageUp)], "Previous page", Command::PageUp, None),
    bind(&[Plain(KeyCode::PageDown)], "Next page", Command::PageDown, None),
    bind(&[Plain(KeyCode::Home)], "First row", Command::Top, None),
    bind(&[Plain(KeyCode::End)], "Last row", Command::Bottom, None),
];

#[rustfmt::skip]
pub const CUSTOMERS: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter)], "Account of the selected customer", Command::Open, Some("Account")),
    bind(&[Plain(KeyCode::Char('/'))], "Filter by company name or domain", Command::Filter, Some("Filter")),
    bind(&[Plain(KeyCode::Char('n'))], "New customer", Command::NewCustomer, Some("New customer")),
    bind(&[Plain(KeyCode::Char('o'))], "New order for the selected customer", Command::NewOrder, Some("New order")),
    bind(&[Plain(KeyCode::Char('b'))], "Back up every customer to a file in the data directory", Command::Backup, Some("Back up")),
];

/// Customers while a filter narrows the list: Esc clears it.
#[rustfmt::skip]
pub const CUSTOMERS_FILTERED: &[Binding] = &[
    bind(&[Plain(KeyCode::Esc)], "Clear the filter", Command::Back, Some("Clear filter")),
];

/// Customers while the filter box has focus.
#[rustfmt::skip]
pub const FILTER: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter)], "Keep the filter and return to the list", Command::Open, Some("Done")),
    bind(&[Plain(KeyCode::Esc)], "Clear the filter", Command::Back, Some("Clear")),
    bind(&[Plain(KeyCode::Up)], "Previous row", Command::Up, Some("Up")),
    bind(&[Plain(KeyCode::Down)], "Next row", Command::Down, Some("Down")),
];

#[rustfmt::skip]
pub const ACCOUNT_UPDATE: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('u'))], "Update the Microsoft cloud agreement confirmation", Command::UpdateAgreement, Some("Update")),
];

/// Where the section offers no Update (a national cloud, or before confirmation exists), `u`
/// only says why.
#[rustfmt::skip]
pub const ACCOUNT_NO_UPDATE: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('u'))], "Why this customer offers no Update", Command::UpdateAgreement, None),
];

/// The Account page's own keys; Update comes from `ACCOUNT_UPDATE` where the section offers it.
#[rustfmt::skip]
pub const ACCOUNT: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('o'))], "New order", Command::NewOrder, Some("New order")),
    bind(&[Plain(KeyCode::Char('s')), Plain(KeyCode::Enter)], "Change the seat count of the selected subscription", Command::ChangeSeats, Some("Seats")),
    bind(&[Plain(KeyCode::Char('a'))], "Turn auto-renew of the selected subscription on or off", Command::AutoRenew, Some("Auto-renew")),
    bind(&[Plain(KeyCode::Char('h'))], "Show the confirmation history", Command::History, Some("History")),
    bind(&[Plain(KeyCode::Up), Plain(KeyCode::Char('k'))], "Previous subscription", Command::Up, None),
    bind(&[Plain(KeyCode::Down), Plain(KeyCode::Char('j'))], "Next subscription", Command::Down, None),
    bind(&[Plain(KeyCode::Esc)], "Back to Customers", Command::Back, Some("Back")),
];

/// The Account page while it shows the confirmation history in place of the subscriptions.
#[rustfmt::skip]
pub const ACCOUNT_HISTORY: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('h'))], "Hide the confirmation history: back to the subscriptions", Command::History, Some("Subscriptions")),
    bind(&[Plain(KeyCode::Char('o'))], "New order", Command::NewOrder, Some("New order")),
    bind(&[Plain(KeyCode::Up), Plain(KeyCode::Char('k'))], "Newer confirmation", Command::Up, None),
    bind(&[Plain(KeyCode::Down), Plain(KeyCode::Char('j'))], "Older confirmation", Command::Down, None),
    bind(&[Plain(KeyCode::Esc)], "Back to Customers", Command::Back, Some("Back")),
];

/// Form keys that work whatever has focus, text fields included.
#[rustfmt::skip]
pub const FORM: &[Binding] = &[
    bind(&[Plain(KeyCode::Tab), Plain(KeyCode::Down)], "Next field", Command::NextField, Some("Next field")),
    bind(&[Plain(KeyCode::BackTab), Plain(KeyCode::Up)], "Previous field", Command::PreviousField, None),
];

/// Ctrl-S presses the form's primary button; each form has its own, named as on screen.
#[rustfmt::skip]
pub const PRIMARY_NEXT: &[Binding] = &[
    bind(&[Ctrl('s')], "Next: Subscriptions, once Account info is checked", Command::Primary, Some("Next")),
];
#[rustfmt::skip]
pub const PRIMARY_NEXT_REVIEW: &[Binding] = &[
    bind(&[Ctrl('s')], "Next: Review, once each seat count is checked", Command::Primary, Some("Next")),
];
#[rustfmt::skip]
pub const PRIMARY_SUBMIT: &[Binding] = &[
    bind(&[Ctrl('s')], "Submit", Command::Primary, Some("Submit")),
];
#[rustfmt::skip]
pub const PRIMARY_SAVE: &[Binding] = &[
    bind(&[Ctrl('s')], "Save and continue", Command::Primary, Some("Save and continue")),
];

/// Esc does what the form's Cancel button does, or, on a second step, its Back button.
#[rustfmt::skip]
pub const ESC_CANCEL: &[Binding] = &[
    bind(&[Plain(KeyCode::Esc)], "Cancel, as the Cancel button does", Command::Back, Some("Cancel")),
];
#[rustfmt::skip]
pub const ESC_BACK: &[Binding] = &[
    bind(&[Plain(KeyCode::Esc)], "Back to the previous step, as the Back button does", Command::Back, Some("Back")),
];

/// A focused text box: Enter moves on to the next field.
#[rustfmt::skip]
pub const TEXT_FIELD: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter)], "Next field", Command::NextField, None),
];

/// The one box of a one-box form (the seat count): Enter submits it.
#[rustfmt::skip]
pub const TEXT_FIELD_SUBMITS: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter)], "Submit", Command::Primary, None),
];

/// Help from a focused text box, where `q` is typed.
#[rustfmt::skip]
pub const TEXT_HELP: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('?')), Plain(KeyCode::F(1))], "Help (to type a ?, paste it)", Command::Help, Some("Help")),
];

/// Editing keys of a focused text box; they come last, after every table that claims a key.
#[rustfmt::skip]
pub const TEXT_EDITING: &[Binding] = &[
    bind(&[Plain(KeyCode::Left), Plain(KeyCode::Right)], "Move the cursor", Command::EditText, None),
    bind(&[Plain(KeyCode::Home), Ctrl('a')], "To the start of the text", Command::EditText, None),
    bind(&[Plain(KeyCode::End), Ctrl('e')], "To the end of the text", Command::EditText, None),
    bind(&[Plain(KeyCode::Backspace)], "Erase the character before the cursor", Command::EditText, None),
    bind(&[Plain(KeyCode::Delete)], "Erase the character at the cursor", Command::EditText, None),
    bind(&[Ctrl('w')], "Erase the word before the cursor", Command::EditText, None),
    bind(&[Ctrl('k')], "Erase from the cursor to the end", Command::EditText, None),
    bind(&[Ctrl('u')], "Erase the whole text", Command::EditText, None),
    bind(&[Ctrl('y')], "Put back the text last erased", Command::EditText, None),
    bind(&[AnyCharacter], "Typed into the box", Command::EditText, None),
];

/// A focused button.
#[rustfmt::skip]
pub const BUTTON: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter)], "Press the focused button", Command::Press, Some("Press")),
    bind(&[Plain(KeyCode::Left)], "Previous button", Command::PreviousField, None),
    bind(&[Plain(KeyCode::Right)], "Next button", Command::NextField, None),
];

/// A focused checkbox.
#[rustfmt::skip]
pub const CHECKBOX: &[Binding] = &[
    bind(&[Plain(KeyCode::Char(' ')), Plain(KeyCode::Enter)], "Tick or clear the checkbox", Command::Toggle, Some("Tick")),
];

/// The question asked before leaving a screen with unsaved changes.
#[rustfmt::skip]
pub const LEAVE: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('d'))], "Discard changes and leave", Command::Discard, Some("Discard changes")),
    bind(&[Plain(KeyCode::Esc)], "Keep editing: back to the screen, changes kept", Command::KeepEditing, Some("Keep editing")),
    bind(&[Plain(KeyCode::Enter)], "Press the focused button", Command::Press, Some("Press")),
    bind(&[Plain(KeyCode::Tab), Plain(KeyCode::Right)], "Next button", Command::NextField, None),
    bind(&[Plain(KeyCode::BackTab), Plain(KeyCode::Left)], "Previous button", Command::PreviousField, None),
    bind(&[Plain(KeyCode::Char('?')), Plain(KeyCode::F(1))], "Help", Command::Help, Some("Help")),
];

/// A list of offers with their seat counts: the New order screen's and the New customer
/// wizard's Subscriptions. Every offer fits on one page, so there is no paging: PgUp and PgDn
/// go to the first and the last offer, as Home and End do.
#[rustfmt::skip]
pub const OFFER_LIST: &[Binding] = &[
    bind(&[Plain(KeyCode::Up), Plain(KeyCode::Char('k'))], "Previous offer", Command::Up, None),
    bind(&[Plain(KeyCode::Down), Plain(KeyCode::Char('j'))], "Next offer", Command::Down, None),
    bind(&[Plain(KeyCode::Home), Plain(KeyCode::PageUp)], "First offer", Command::Top, None),
    bind(&[Plain(KeyCode::End), Plain(KeyCode::PageDown)], "Last offer", Command::Bottom, None),
    bind(&[Plain(KeyCode::Char(' '))], "Add or remove the offer", Command::Toggle, Some("Select")),
    bind(&[Plain(KeyCode::Char('+')), Plain(KeyCode::Right)], "One more seat", Command::More, None),
    bind(&[Plain(KeyCode::Char('-')), Plain(KeyCode::Left)], "One seat fewer", Command::Less, None),
    bind(&[AnyDigit], "Type the quantity", Command::Digit, None),
    bind(&[Plain(KeyCode::Backspace)], "Erase a digit of the quantity", Command::Erase, None),
];

/// New order, picking offers (with `OFFER_LIST`).
#[rustfmt::skip]
pub const ORDER_PICK: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter), Ctrl('s')], "Review the order", Command::Primary, Some("Review")),
    bind(&[Plain(KeyCode::Esc)], "Cancel the order", Command::Back, Some("Cancel")),
];

/// New customer, Subscriptions, while the offers have focus (with `OFFER_LIST`): the wizard's
/// Next, Back and buttons.
#[rustfmt::skip]
pub const NEW_CUSTOMER_OFFERS: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter), Ctrl('s')], "Next: Review, once each seat count is checked", Command::Primary, Some("Next")),
    bind(&[Plain(KeyCode::Tab)], "To the buttons: Next: Review, Back, Cancel", Command::NextField, Some("Buttons")),
    bind(&[Plain(KeyCode::BackTab)], "To the buttons, from Cancel", Command::PreviousField, None),
    bind(&[Plain(KeyCode::Esc)], "Back to Account info, keeping what was typed and chosen", Command::Back, Some("Back")),
];

/// New customer, Confirmation: Done is the only button.
#[rustfmt::skip]
pub const NEW_CUSTOMER_DONE: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter), Ctrl('s')], "Done: back to Customers, the new customer selected", Command::Primary, Some("Done")),
];
