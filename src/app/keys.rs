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
    Backup,
    UpdateAgreement,
    ChangeSeats,
    AutoRenew,
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
    Discard,
    KeepEditing,
    /// An editing key for the focused text box.
    EditText,
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
    /// What the keys do, in the screen's words.
    pub does: &'static str,
    pub command: Command,
    /// Its short name in the footer, if the footer lists it (the help lists every binding).
    pub footer: Option<&'static str>,
}

use KeyPattern::{AnyDigit, Ctrl, Plain};

const fn bind(
    keys: &'static [KeyPattern],
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

/// Ctrl-C quits from anywhere, even from a text field.
#[rustfmt::skip]
pub const ALWAYS: &[Binding] = &[bind(&[Ctrl('c')], "Quit", Command::Quit, None)];

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
    bind(&[Plain(KeyCode::Esc)], "Clear the filter", Command::Back, None),
];

#[rustfmt::skip]
pub const FILTER: &[Binding] = &[
    bind(&[Plain(KeyCode::Enter)], "Keep the filter and return to the list", Command::Open, Some("Done")),
    bind(&[Plain(KeyCode::Esc)], "Clear the filter", Command::Back, Some("Clear")),
    bind(&[Plain(KeyCode::Up)], "Previous row", Command::Up, Some("Up")),
    bind(&[Plain(KeyCode::Down)], "Next row", Command::Down, Some("Down")),
    bind(&[Plain(KeyCode::Char('?')), Plain(KeyCode::F(1))], "Help", Command::Help, Some("Help")),
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
    bind(&[Plain(KeyCode::Char('a'))], "Turn auto-renew of the selected subscription on or off", Command::AutoRenew, None),
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
    bind(&[Plain(KeyCode::Enter)], "Press the focused button (in a field: next field)", Command::Press, Some("Press")),
    bind(&[Ctrl('s')], "Press the form's primary button", Command::Primary, Some("Primary")),
    bind(&[Plain(KeyCode::Esc)], "Cancel, or back to the previous step", Command::Back, Some("Cancel")),
    bind(&[Plain(KeyCode::Char('?')), Plain(KeyCode::F(1))], "Help (to type a ?, paste it)", Command::Help, Some("Help")),
];

/// Editing keys of a focused text box (other characters are typed; a `?` is pasted).
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
];

/// Form keys that only work when no text field has focus.
#[rustfmt::skip]
pub const FORM_CONTROLS: &[Binding] = &[
    bind(&[Plain(KeyCode::Char(' '))], "Tick or clear the focused checkbox", Command::Toggle, None),
    bind(&[Plain(KeyCode::Left)], "Previous button", Command::PreviousField, None),
    bind(&[Plain(KeyCode::Right)], "Next button", Command::NextField, None),
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

#[rustfmt::skip]
pub const ORDER_PICK: &[Binding] = &[
    bind(&[Plain(KeyCode::Up), Plain(KeyCode::Char('k'))], "Previous offer", Command::Up, None),
    bind(&[Plain(KeyCode::Down), Plain(KeyCode::Char('j'))], "Next offer", Command::Down, None),
    bind(&[Plain(KeyCode::Char(' '))], "Add or remove the offer", Command::Toggle, Some("Select")),
    bind(&[Plain(KeyCode::Char('+')), Plain(KeyCode::Right)], "One more seat", Command::More, None),
    bind(&[Plain(KeyCode::Char('-')), Plain(KeyCode::Left)], "One seat fewer", Command::Less, None),
    bind(&[AnyDigit], "Type the quantity", Command::Digit, None),
    bind(&[Plain(KeyCode::Backspace)], "Erase a digit of the quantity", Command::Erase, None),
    bind(&[Plain(KeyCode::Enter), Ctrl('s')], "Review the order", Command::Primary, Some("Review")),
    bind(&[Plain(KeyCode::Esc)], "Cancel the order", Command::Back, Some("Cancel")),
];

impl KeyPattern {
    /// How the key is written for people: "↑", "Ctrl-S", "Space", "0-9".
    pub fn label(self) -> String {
        match self {
            KeyPattern::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            KeyPattern::AnyDigit => "0-9".into(),
            KeyPattern::Plain(code) => match code {
                KeyCode::Char(' ') => "Space".into(),
                KeyCode::Char(c) => c.to_string(),
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::F(n) => format!("F{n}"),
                other => other.to_string(),
            },
        }
    }
}

impl Binding {
    /// Every key of the binding, as the help lists them: "↑/k".
    pub fn keys_label(&self) -> String {
        let labels: Vec<String> = self.keys.iter().map(|k| k.label()).collect();
        labels.join("/")
    }

    /// The first key only, for the footer.
    pub fn first_key_label(&self) -> String {
        self.keys.first().map(|k| k.label()).unwrap_or_default()
    }
}

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
    fn labels_are_built_from_the_keys_themselves() {
        let down = LIST.iter().find(|b| b.command == Command::Down).unwrap();
        assert_eq!(down.keys_label(), "↓/j");
        let primary = FORM.iter().find(|b| b.command == Command::Primary).unwrap();
        assert_eq!(primary.keys_label(), "Ctrl-S");
        let help = GENERAL.iter().find(|b| b.command == Command::Help).unwrap();
        assert_eq!(help.keys_label(), "?/F1");
        assert_eq!(help.first_key_label(), "?");
        assert_eq!(KeyPattern::Plain(KeyCode::Char(' ')).label(), "Space");
    }

    #[test]
    fn shifted_characters_still_match_their_character() {
        let question = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&[GENERAL], &question), Some(Command::Help));
    }
}
