//! Key bindings: one table per context. Dispatch, the footer and the help overlay all read these
//! tables, so what the help says is exactly what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Quit,
    Help,
    Back,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Filter,
    NewCustomer,
    NewOrder,
    UpdateAgreement,
    ChangeSeats,
    History,
    NextField,
    PreviousField,
    Toggle,
    Press,
    Primary,
    More,
    Less,
    Digit,
    Erase,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPattern {
    Plain(KeyCode),
    Ctrl(char),
    AnyDigit,
}

impl KeyPattern {
    pub fn matches(self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match self {
            KeyPattern::Plain(code) => key.code == code && !ctrl && !alt,
            KeyPattern::Ctrl(c) => ctrl && key.code == KeyCode::Char(c),
            KeyPattern::AnyDigit => {
                !ctrl && !alt && matches!(key.code, KeyCode::Char(c) if c.is_ascii_digit())
            }
        }
    }
}

#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [KeyPattern],
    /// How the keys are written in the footer and help, e.g. "↑/k".
    pub shown: &'static str,
    /// What the keys do, in the screen's words.
    pub does: &'static str,
    pub command: Command,
    /// Its short name in the footer, if the footer lists it (the help lists every binding).
    pub footer: Option<&'static str>,
}

use KeyPattern::{AnyDigit, Ctrl, Plain};

const fn bind(
    keys: &'static [KeyPattern],
    shown: &'static str,
    does: &'static str,
    command: Command,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        shown,
        does,
        command,
        footer,
    }
}

/// Ctrl-C quits from anywhere, even from a text field.
#[rustfmt::skip]
pub const ALWAYS: &[Binding] = &[bind(&[Ctrl('c')], "Ctrl-C", "Quit", Command::Quit, None)];

/// Keys of every screen when no text field has focus.
#[rustfmt::skip]
pub const GENERAL: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('?')), Plain(KeyCode::F(1))], "?", "Help: every key of this screen", Command::Help, Some("Help")),
    bind(&[Plain(KeyCode::Char('q'))], "q", "Quit", Command::Quit, Some("Quit")),
];

#[rustfmt::skip]
pub const LIST: &[Binding] = &[
    bind(&[Plain(KeyCode::Up), Plain(KeyCode::Char('k'))], "↑/k", "Previous row", Command::Up, None),
    bind(&[Plain(KeyCode::Down), Plain(KeyCode::Char('j'))], "↓/j", "Next row", Command::Down, None),
    bind(&[Plain(KeyCode::PageUp)], "PgUp", "Previous page", Command::PageUp, None),
    bind(&[Plain(KeyCode::PageDown)], "PgDn", "Next page", Command::PageDown, None),
    bind(&[Plain(KeyCode::Home)], "Home", "First row", Command::Top, None),
    bind(&[Plain(KeyCode::End)], "End", "Last row", Command::Bottom, None),
];

#[rustfmt::skip]
pub const CUSTOMERS: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter)], "Enter", "Account of the selected customer", Command::Open, Some("Account")),
    bind(&[Plain(KeyCode::Char('/'))], "/", "Filter by company name or domain", Command::Filter, Some("Filter")),
    bind(&[Plain(KeyCode::Char('n'))], "n", "New customer", Command::NewCustomer, Some("New customer")),
    bind(&[Plain(KeyCode::Char('o'))], "o", "New order for the selected customer", Command::NewOrder, Some("New order")),
    bind(&[Plain(KeyCode::Esc)], "Esc", "Clear the filter", Command::Back, None),
];

#[rustfmt::skip]
pub const FILTER: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter)], "Enter", "Keep the filter and return to the list", Command::Open, Some("Done")),
    bind(&[Plain(KeyCode::Esc)], "Esc", "Clear the filter", Command::Back, Some("Clear")),
    bind(&[Plain(KeyCode::Up)], "↑", "Previous row", Command::Up, Some("Up")),
    bind(&[Plain(KeyCode::Down)], "↓", "Next row", Command::Down, Some("Down")),
    bind(&[Plain(KeyCode::F(1))], "F1", "Help", Command::Help, Some("Help")),
];

#[rustfmt::skip]
pub const ACCOUNT: &[Binding] = &[
    bind(&[Plain(KeyCode::Char('u'))], "u", "Update the Microsoft cloud agreement confirmation", Command::UpdateAgreement, Some("Update")),
    bind(&[Plain(KeyCode::Char('o'))], "o", "New order", Command::NewOrder, Some("New order")),
    bind(&[Plain(KeyCode::Char('s'))], "s", "Change the seat count of the selected subscription", Command::ChangeSeats, Some("Seats")),
    bind(&[Plain(KeyCode::Char('h'))], "h", "Show or hide the confirmation history", Command::History, None),
    bind(&[Plain(KeyCode::Up), Plain(KeyCode::Char('k'))], "↑/k", "Previous subscription", Command::Up, None),
    bind(&[Plain(KeyCode::Down), Plain(KeyCode::Char('j'))], "↓/j", "Next subscription", Command::Down, None),
    bind(&[Plain(KeyCode::Esc)], "Esc", "Back to Customers", Command::Back, Some("Back")),
];

/// Form keys that work whatever has focus, text fields included.
#[rustfmt::skip]
pub const FORM: &[Binding] = &[
    bind(&[Plain(KeyCode::Tab), Plain(KeyCode::Down)], "Tab", "Next field", Command::NextField, Some("Next field")),
    bind(&[Plain(KeyCode::BackTab), Plain(KeyCode::Up)], "Shift-Tab", "Previous field", Command::PreviousField, None),
    bind(&[Plain(KeyCode::Enter)], "Enter", "Press the focused button (in a field: next field)", Command::Press, Some("Press")),
    bind(&[Ctrl('s')], "Ctrl-S", "Press the form's primary button", Command::Primary, Some("Primary")),
    bind(&[Plain(KeyCode::Esc)], "Esc", "Cancel, or back to the previous step", Command::Back, Some("Cancel")),
    bind(&[Plain(KeyCode::F(1))], "F1", "Help", Command::Help, Some("Help")),
];

/// Form keys that only work when no text field has focus.
#[rustfmt::skip]
pub const FORM_CONTROLS: &[Binding] = &[
    bind(&[Plain(KeyCode::Char(' '))], "Space", "Tick or clear the focused checkbox", Command::Toggle, None),
    bind(&[Plain(KeyCode::Left)], "←", "Previous button", Command::PreviousField, None),
    bind(&[Plain(KeyCode::Right)], "→", "Next button", Command::NextField, None),
];

#[rustfmt::skip]
pub const ORDER_PICK: &[Binding] = &[
    bind(&[Plain(KeyCode::Up), Plain(KeyCode::Char('k'))], "↑/k", "Previous offer", Command::Up, None),
    bind(&[Plain(KeyCode::Down), Plain(KeyCode::Char('j'))], "↓/j", "Next offer", Command::Down, None),
    bind(&[Plain(KeyCode::Char(' '))], "Space", "Add or remove the offer", Command::Toggle, Some("Select")),
    bind(&[Plain(KeyCode::Char('+')), Plain(KeyCode::Right)], "+", "One more seat", Command::More, None),
    bind(&[Plain(KeyCode::Char('-')), Plain(KeyCode::Left)], "-", "One seat fewer", Command::Less, None),
    bind(&[AnyDigit], "0-9", "Type the quantity", Command::Digit, None),
    bind(&[Plain(KeyCode::Backspace)], "Backspace", "Erase a digit of the quantity", Command::Erase, None),
    bind(&[Plain(KeyCode::Enter), Ctrl('s')], "Enter", "Review the order", Command::Primary, Some("Review")),
    bind(&[Plain(KeyCode::Esc)], "Esc", "Cancel the order", Command::Back, Some("Cancel")),
];

/// The command bound to a key in the first table that has one.
pub fn lookup(tables: &[&'static [Binding]], key: &KeyEvent) -> Option<Command> {
    tables
        .iter()
        .flat_map(|table| table.iter())
        .find(|binding| binding.keys.iter().any(|k| k.matches(key)))
        .map(|binding| binding.command)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn earlier_tables_win_and_modifiers_matter() {
        let tables: &[&[Binding]] = &[ALWAYS, CUSTOMERS, LIST, GENERAL];
        assert_eq!(
            lookup(tables, &key(KeyCode::Char('j'))),
            Some(Command::Down)
        );
        assert_eq!(
            lookup(tables, &key(KeyCode::Char('q'))),
            Some(Command::Quit)
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(tables, &ctrl_c), Some(Command::Quit));
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(lookup(tables, &ctrl_n), None);
        assert_eq!(
            lookup(&[ORDER_PICK], &key(KeyCode::Char('7'))),
            Some(Command::Digit)
        );
    }

    #[test]
    fn shifted_characters_still_match_their_character() {
        let question = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&[GENERAL], &question), Some(Command::Help));
    }
}
