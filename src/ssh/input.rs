//! What an SSH client types, as the dashboard's actions: bytes arrive in packets that may end in
//! the middle of an escape sequence, a UTF-8 character or a bracketed paste, which are held
//! until whole. A lone Esc cannot be told from the start of a sequence until nothing follows
//! it for a moment: the caller asks for `flush` once `ESC_WAIT` passed with no more bytes.

use crate::app::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::Duration;
use termina::event::{Event, KeyCode as Code, KeyEventKind, Modifiers};

/// How long an Esc at the end of a packet waits for the rest of a sequence: longer than the
/// gap between a sequence's packets on any usable link, shorter than a person notices.
pub const ESC_WAIT: Duration = Duration::from_millis(40);

#[derive(Default)]
pub struct Input {
    parser: termina::Parser,
    /// The last packet ended in Esc: it is a key of its own unless more comes soon.
    esc_pending: bool,
}

impl Input {
    /// The actions of a packet; what is not whole yet waits for the next.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Action> {
        self.parser.parse(bytes, true);
        self.esc_pending = bytes.last() == Some(&0x1b);
        self.drain()
    }

    /// Whether `flush` is due once `ESC_WAIT` passes with no more input.
    pub fn waiting_for_more(&self) -> bool {
        self.esc_pending
    }

    /// Takes what is held as complete: a lone Esc is Esc.
    pub fn flush(&mut self) -> Vec<Action> {
        self.esc_pending = false;
        self.parser.parse(&[], false);
        self.drain()
    }

    fn drain(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        while let Some(event) = self.parser.pop() {
            match event {
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    if let Some(key) = key_event(key.code, key.modifiers) {
                        actions.push(Action::Key(key));
                    }
                }
                Event::Paste(text) => actions.push(Action::Paste(text)),
                _ => {}
            }
        }
        actions
    }
}

/// The dashboard's key for a key the client sent; `None` for keys it has no use for.
fn key_event(code: Code, modifiers: Modifiers) -> Option<KeyEvent> {
    let code = match code {
        Code::Char(c) => KeyCode::Char(c),
        Code::Enter => KeyCode::Enter,
        Code::Backspace => KeyCode::Backspace,
        Code::Tab => KeyCode::Tab,
        Code::BackTab => KeyCode::BackTab,
        Code::Escape => KeyCode::Esc,
        Code::Left => KeyCode::Left,
        Code::Right => KeyCode::Right,
        Code::Up => KeyCode::Up,
        Code::Down => KeyCode::Down,
        Code::Home => KeyCode::Home,
        Code::End => KeyCode::End,
        Code::PageUp => KeyCode::PageUp,
        Code::PageDown => KeyCode::PageDown,
        Code::Insert => KeyCode::Insert,
        Code::Delete => KeyCode::Delete,
        Code::Function(n) => KeyCode::F(n),
        _ => return None,
    };
    let mut mods = KeyModifiers::NONE;
    for (theirs, ours) in [
        (Modifiers::SHIFT, KeyModifiers::SHIFT),
        (Modifiers::ALT, KeyModifiers::ALT),
        (Modifiers::CONTROL, KeyModifiers::CONTROL),
    ] {
        if modifiers.contains(theirs) {
            mods |= ours;
        }
    }
    // BackTab carries Shift in crossterm's own reading too.
    if code == KeyCode::BackTab {
        mods |= KeyModifiers::SHIFT;
    }
    Some(KeyEvent::new(code, mods))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(actions: &[Action]) -> Vec<KeyEvent> {
        actions
            .iter()
            .filter_map(|action| match action {
                Action::Key(key) => Some(*key),
                _ => None,
            })
            .collect()
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn two_keys_in_one_packet_are_two_keys() {
        let mut input = Input::default();
        assert_eq!(
            keys(&input.feed(b"jk")),
            [key(KeyCode::Char('j')), key(KeyCode::Char('k'))]
        );
    }

    #[test]
    fn an_arrow_split_across_packets_is_one_arrow() {
        let mut input = Input::default();
        assert!(input.feed(b"\x1b").is_empty());
        assert!(input.waiting_for_more());
        assert_eq!(keys(&input.feed(b"[B")), [key(KeyCode::Down)]);
        assert!(!input.waiting_for_more());
        assert!(input.feed(b"\x1b[").is_empty());
        assert_eq!(keys(&input.feed(b"A")), [key(KeyCode::Up)]);
    }

    #[test]
    fn a_lone_esc_is_esc_once_nothing_follows() {
        let mut input = Input::default();
        assert!(input.feed(b"\x1b").is_empty());
        assert_eq!(keys(&input.flush()), [key(KeyCode::Esc)]);
        assert!(input.flush().is_empty(), "only once");
    }

    #[test]
    fn korean_and_emoji_split_inside_a_character_arrive_whole() {
        let mut input = Input::default();
        let text = "한🙂".as_bytes();
        let mut typed = Vec::new();
        for byte in text {
            typed.extend(keys(&input.feed(&[*byte])));
        }
        assert_eq!(typed, [key(KeyCode::Char('한')), key(KeyCode::Char('🙂'))]);
    }

    #[test]
    fn a_bracketed_paste_in_pieces_is_one_paste() {
        let mut input = Input::default();
        let mut actions = input.feed(b"\x1b[200~Pat ");
        actions.extend(input.feed("이\r\nLee".as_bytes()));
        actions.extend(input.feed(b"\x1b[201~x"));
        assert!(
            matches!(&actions[0], Action::Paste(text) if text == "Pat 이\r\nLee"),
            "{actions:?}"
        );
        assert_eq!(keys(&actions), [key(KeyCode::Char('x'))]);
    }

    #[test]
    fn control_and_shift_tab_keep_their_modifiers() {
        let mut input = Input::default();
        let typed = keys(&input.feed(b"\x03\x1b[Z"));
        assert_eq!(
            typed[0],
            KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
        );
        assert_eq!(typed[1].code, KeyCode::BackTab);
    }
}
