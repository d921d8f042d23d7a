//! Key bindings: what a key is, how it is written, and which command it names in the tables in
//! force. The tables themselves are in `tables`.

use crate::domain::role::{GatedAction, Role};
use crate::locale::Words;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod tables;
pub use tables::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Quit without asking, whatever is unsaved (Ctrl-C).
    QuitNow,
    /// Quit, asking first when something is unsaved.
    Quit,
    Help,
    CloseHelp,
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

impl Command {
    /// What the command does that a role may be refused: a key whose action the agent's role
    /// may not take only says why, so the footer leaves it out (the help still lists it).
    pub fn gated(self) -> Option<GatedAction> {
        match self {
            Command::NewCustomer => Some(GatedAction::CreateCustomer),
            Command::NewOrder => Some(GatedAction::CreateOrder),
            Command::UpdateAgreement => Some(GatedAction::ConfirmAcceptance),
            Command::ChangeSeats => Some(GatedAction::ChangeSeats),
            Command::AutoRenew => Some(GatedAction::ChangeAutoRenew),
            // The history and a backup are confirmations to see.
            Command::History | Command::Backup => Some(GatedAction::SeeConfirmation),
            _ => None,
        }
    }

    /// Whether `role` may take this command's action.
    pub fn allowed_to(self, role: Role) -> bool {
        self.gated().is_none_or(|action| role.may(action))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPattern {
    Plain(KeyCode),
    Ctrl(char),
    AnyDigit,
    /// Any character typed without Ctrl or Alt: text for a focused box.
    AnyCharacter,
}

impl KeyPattern {
    pub fn matches(self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match self {
            // Shift is part of a character ('?', 'A') and of Shift-Tab; with any other key it
            // makes another key, which no table binds.
            KeyPattern::Plain(code) => {
                let shift = key.modifiers.contains(KeyModifiers::SHIFT);
                let shift_is_part = matches!(code, KeyCode::Char(_) | KeyCode::BackTab);
                key.code == code && !ctrl && !alt && (shift_is_part || !shift)
            }
            KeyPattern::Ctrl(c) => ctrl && key.code == KeyCode::Char(c),
            KeyPattern::AnyDigit => {
                !ctrl && !alt && matches!(key.code, KeyCode::Char(c) if c.is_ascii_digit())
            }
            KeyPattern::AnyCharacter => !ctrl && !alt && matches!(key.code, KeyCode::Char(_)),
        }
    }
}

/// Words of a catalog, chosen in the session's language when shown.
pub type Say = fn(&Words) -> &'static str;

#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [KeyPattern],
    /// What the keys do, in the screen's words.
    pub does: Say,
    pub command: Command,
    /// Its short name in the footer, if the footer lists it (the help lists every binding).
    pub footer: Option<Say>,
}

impl KeyPattern {
    /// How the key is written for people: "↑", "Ctrl-S", "Space", "0-9".
    pub fn label(self) -> String {
        match self {
            KeyPattern::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            KeyPattern::AnyDigit => "0-9".into(),
            KeyPattern::AnyCharacter => "Characters".into(),
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

impl KeyPattern {
    /// The key as written in a language: a key cap keeps its name ("Space", "Esc"), and any
    /// character typed into a box is said in words.
    pub fn label_in(self, words: &Words) -> String {
        match self {
            KeyPattern::AnyCharacter => words.chrome.key_characters.into(),
            key => key.label(),
        }
    }
}

impl Binding {
    /// Every key of the binding, as the help lists them: "↑/k".
    pub fn keys_label(&self, words: &Words) -> String {
        let labels: Vec<String> = self.keys.iter().map(|k| k.label_in(words)).collect();
        labels.join("/")
    }

    pub fn does_in(&self, words: &Words) -> &'static str {
        (self.does)(words)
    }

    pub fn footer_in(&self, words: &Words) -> Option<&'static str> {
        self.footer.map(|say| say(words))
    }

    /// The first key only, for the footer.
    pub fn first_key_label(&self) -> String {
        self.keys.first().map(|k| k.label()).unwrap_or_default()
    }
}

/// How the keys of `command` in `table` are written, for a hint on screen ("u", "Enter");
/// the first key only, as the footer shows it.
pub fn key_of(table: &[Binding], command: Command) -> String {
    table
        .iter()
        .find(|binding| binding.command == command)
        .map(Binding::first_key_label)
        .unwrap_or_default()
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
        assert_eq!(lookup(tables, &ctrl_c), Some(Command::QuitNow));
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(lookup(tables, &ctrl_n), None);
        assert_eq!(
            lookup(&[OFFER_LIST, ORDER_PICK], &key(KeyCode::Char('7'))),
            Some(Command::Digit)
        );
    }

    #[test]
    fn labels_are_built_from_the_keys_themselves() {
        let down = LIST.iter().find(|b| b.command == Command::Down).unwrap();
        let words = crate::locale::Lang::Korean.words();
        assert_eq!(down.keys_label(words), "↓/j");
        let primary = PRIMARY_SUBMIT
            .iter()
            .find(|b| b.command == Command::Primary)
            .unwrap();
        assert_eq!(primary.keys_label(words), "Ctrl-S");
        let help = GENERAL.iter().find(|b| b.command == Command::Help).unwrap();
        assert_eq!(help.keys_label(words), "?/F1");
        assert_eq!(help.first_key_label(), "?");
        assert_eq!(KeyPattern::Plain(KeyCode::Char(' ')).label(), "Space");
        assert_eq!(KeyPattern::AnyCharacter.label_in(words), "문자");
    }

    #[test]
    fn shifted_characters_still_match_their_character() {
        let question = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&[GENERAL], &question), Some(Command::Help));
        let back_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(lookup(&[FORM], &back_tab), Some(Command::PreviousField));
        let shift_left = KeyEvent::new(KeyCode::Left, KeyModifiers::SHIFT);
        assert_eq!(lookup(&[TEXT_EDITING], &shift_left), None);
    }

    #[test]
    fn any_character_is_typed_but_not_with_ctrl_or_alt() {
        let typed = |code, modifiers| lookup(&[TEXT_EDITING], &KeyEvent::new(code, modifiers));
        assert_eq!(
            typed(KeyCode::Char('é'), KeyModifiers::NONE),
            Some(Command::EditText)
        );
        assert_eq!(
            typed(KeyCode::Char('Q'), KeyModifiers::SHIFT),
            Some(Command::EditText)
        );
        assert_eq!(typed(KeyCode::Char('b'), KeyModifiers::ALT), None);
        assert_eq!(typed(KeyCode::Char('x'), KeyModifiers::CONTROL), None);
        assert_eq!(typed(KeyCode::F(5), KeyModifiers::NONE), None);
    }

    #[test]
    fn a_hint_names_the_key_its_table_binds() {
        assert_eq!(key_of(ACCOUNT_UPDATE, Command::UpdateAgreement), "u");
        assert_eq!(key_of(ORDER_PICK, Command::Primary), "Enter");
        assert_eq!(key_of(ORDER_PICK, Command::Filter), "");
    }
}
