//! Text going into a one-line box, typed or pasted: hidden characters never get in, and a box
//! never holds more than its limit. What was refused is said in a note for the agent.

use crate::domain::characters::{is_hidden, is_line_break};
use crate::domain::field_problem::InputNote;
use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;
use tui_input::Input;

/// What became of a key or a paste.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entered {
    /// Whether the value changed.
    pub changed: bool,
    /// What was left out and why, for the agent.
    pub note: Option<InputNote>,
}

/// Pasted text made fit for one line: the line breaks around it go, those inside and tabs
/// become spaces ("\r\n" as one), other hidden characters are dropped and counted.
pub fn clean_paste(text: &str) -> (String, usize) {
    let text = text.trim_matches(is_line_break).replace("\r\n", " ");
    let mut dropped = 0;
    let clean = text
        .chars()
        .filter_map(|c| {
            if c == '\t' || is_line_break(c) {
                Some(' ')
            } else if is_hidden(c) {
                dropped += 1;
                None
            } else {
                Some(c)
            }
        })
        .collect();
    (clean, dropped)
}

/// The input in Unicode normal form C, the cursor after the same text: Hangul typed or pasted
/// as separate jamo (as macOS sends it), or a letter and its combining accent, become the one
/// character a terminal draws and a store keeps.
pub fn composed(input: &Input) -> Input {
    let value = input.value();
    if crate::locale::composed(value) == value {
        return input.clone();
    }
    let before_cursor: String = value.chars().take(input.cursor()).collect();
    let whole = crate::locale::composed(value).into_owned();
    let cursor = crate::locale::composed(&before_cursor).chars().count();
    let length = whole.chars().count();
    Input::new(whole).with_cursor(cursor.min(length))
}

/// Inserts pasted text at the cursor, cleaned, and as much of it as the box's `max`
/// characters leave room for.
pub fn paste_into(input: &mut Input, text: &str, max: usize) -> Entered {
    let (clean, dropped) = clean_paste(text);
    let clean = crate::locale::composed(&clean).into_owned();
    let room = max.saturating_sub(input.value().chars().count());
    let offered = clean.chars().count();
    let kept: Vec<char> = clean.chars().take(room).collect();
    let cursor = input.cursor();
    let mut value: Vec<char> = input.value().chars().collect();
    value.splice(cursor..cursor, kept.iter().copied());
    if !kept.is_empty() {
        let pasted = Input::new(value.into_iter().collect()).with_cursor(cursor + kept.len());
        *input = composed(&pasted);
    }
    Entered {
        changed: !kept.is_empty(),
        note: (offered > room || dropped > 0).then_some(InputNote::Pasted {
            max,
            kept: kept.len(),
            offered,
            dropped,
        }),
    }
}

/// Applies an editing key. A key that would bring in a hidden character, or grow the value
/// past `max` characters, changes nothing and says why. A value that was already longer, or
/// already held hidden characters (stored before these checks), can still be shortened.
pub fn edit_input(input: &mut Input, key: KeyEvent, max: usize) -> Entered {
    let before = input.clone();
    let changed = input
        .handle_event(&Event::Key(key))
        .is_some_and(|change| change.value);
    if !changed {
        return Entered::default();
    }
    *input = composed(input);
    let hidden = |value: &str| value.chars().filter(|c| is_hidden(*c)).count();
    let note = if hidden(input.value()) > hidden(before.value()) {
        let first = input.value().chars().find(|c| is_hidden(*c));
        first.map(InputNote::HiddenTyped)
    } else {
        let length = input.value().chars().count();
        (length > max && length > before.value().chars().count())
            .then_some(InputNote::TypedPastLimit { max })
    };
    if note.is_some() {
        *input = before;
        return Entered {
            changed: false,
            note,
        };
    }
    Entered {
        changed: true,
        note: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    #[test]
    fn hangul_typed_as_jamo_is_kept_as_syllables_with_the_cursor_after_them() {
        let mut input = Input::default();
        // 한글 as macOS sends it: six jamo, one key each.
        for jamo in [
            '\u{1112}', '\u{1161}', '\u{11AB}', '\u{1100}', '\u{1173}', '\u{11AF}',
        ] {
            edit_input(&mut input, key(KeyCode::Char(jamo)), 10);
        }
        assert_eq!(input.value(), "한글");
        assert_eq!(input.cursor(), 2);
        assert_eq!(input.visual_cursor(), 4, "two wide characters");
        let mut pasted = Input::default();
        paste_into(&mut pasted, "Zoe\u{308} \u{1112}\u{1161}\u{11AB}", 10);
        assert_eq!(pasted.value(), "Zoë 한");
        assert_eq!(pasted.cursor(), 5);
    }

    #[test]
    fn a_composed_value_counts_against_the_limit_as_composed() {
        let mut input = Input::new("한".into());
        let entered = paste_into(&mut input, "\u{1100}\u{1173}\u{11AF}", 2);
        assert!(entered.changed);
        assert_eq!(input.value(), "한글");
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn pasted_lines_join_with_spaces_and_controls_are_dropped_and_counted() {
        assert_eq!(clean_paste("山田\n太郎\u{7}"), ("山田 太郎".into(), 1));
        assert_eq!(
            clean_paste("Contoso\r\nLtd\rTwo\n"),
            ("Contoso Ltd Two".into(), 0)
        );
        assert_eq!(clean_paste("\x1b[31mRed\u{202E}"), ("[31mRed".into(), 2));
        assert_eq!(clean_paste("a\tb"), ("a b".into(), 0));
        assert_eq!(
            clean_paste(" Ltd"),
            (" Ltd".into(), 0),
            "spaces are the agent's"
        );
    }

    #[test]
    fn a_paste_lands_at_the_cursor_and_stops_at_the_limit_saying_so() {
        let mut input = Input::new("Zoë".into()).with_cursor(2);
        let entered = paste_into(&mut input, "12345", 6);
        assert_eq!(input.value(), "Zo123ë");
        assert_eq!(input.cursor(), 5);
        assert!(entered.changed);
        assert_eq!(
            entered.note.map(|n| n.to_string()).as_deref(),
            Some("This box holds at most 6 characters: the pasted text was cut after 3 of its 5.")
        );
        let mut input = Input::default();
        let huge = "x".repeat(100 * 1024);
        let entered = paste_into(&mut input, &huge, 50);
        assert_eq!(input.value().len(), 50);
        assert!(entered
            .note
            .unwrap()
            .to_string()
            .contains("after 50 of its 102400"));
    }

    #[test]
    fn a_paste_of_nothing_but_controls_changes_nothing_and_says_why() {
        let mut input = Input::new("Ada".into());
        let entered = paste_into(&mut input, "\x07\x1b", 50);
        assert_eq!(input.value(), "Ada");
        assert!(!entered.changed);
        assert_eq!(
            entered.note.map(|n| n.to_string()).as_deref(),
            Some("2 hidden characters (control characters or text-direction marks) were left out.")
        );
    }

    #[test]
    fn typing_stops_at_the_limit_and_refuses_hidden_characters() {
        let mut input = Input::new("abc".into());
        let entered = edit_input(&mut input, key(KeyCode::Char('d')), 3);
        assert_eq!(input.value(), "abc");
        assert_eq!(
            entered.note.map(|n| n.to_string()).as_deref(),
            Some("This box holds at most 3 characters.")
        );
        let entered = edit_input(&mut input, key(KeyCode::Char('\u{202E}')), 10);
        assert_eq!(input.value(), "abc");
        assert_eq!(
            entered.note.map(|n| n.to_string()).as_deref(),
            Some("The text-direction mark U+202E cannot be typed here.")
        );
        let entered = edit_input(&mut input, key(KeyCode::Char('\x1b')), 10);
        assert!(entered
            .note
            .unwrap()
            .to_string()
            .starts_with("The control character U+001B"));
        assert!(edit_input(&mut input, key(KeyCode::Char('山')), 10).changed);
        assert_eq!(input.value(), "abc山");
    }

    #[test]
    fn a_yank_cannot_grow_the_value_past_the_limit() {
        let mut input = Input::new("abcd".into());
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        edit_input(&mut input, ctrl('u'), 4);
        assert!(edit_input(&mut input, ctrl('y'), 4).changed);
        let entered = edit_input(&mut input, ctrl('y'), 4);
        assert_eq!(input.value(), "abcd");
        assert!(entered.note.is_some());
    }

    #[test]
    fn a_value_stored_too_long_or_with_controls_can_still_be_shortened() {
        let mut input = Input::new("a\x1bbcdef".into());
        assert!(edit_input(&mut input, key(KeyCode::Backspace), 3).changed);
        assert_eq!(input.value(), "a\x1bbcde");
        let home = edit_input(&mut input, key(KeyCode::Home), 3);
        assert!(!home.changed && home.note.is_none());
    }
}
