//! Text helpers measured in terminal columns, so wide (CJK) characters line up. Each one shows
//! text through `visible`, so no control character or text-direction mark, even one stored
//! before the forms refused them, reaches the terminal or shifts a column.

use crate::domain::characters::{is_hidden, is_line_break};
use ratatui::text::Span;
use std::borrow::Cow;

/// Stands for a hidden character on screen.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Text as the terminal may show it: composed (Unicode normal form C, so that Hangul stored
/// as separate jamo shows as syllables), a tab or line break as a space, any other hidden
/// character as `REPLACEMENT`. A box's value is composed as it is typed, so its cursor,
/// counted in characters, keeps its place.
pub fn visible(text: &str) -> Cow<'_, str> {
    let text = crate::locale::composed(text);
    if !text.chars().any(is_hidden) {
        return text;
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' => ' ',
                c if is_line_break(c) => ' ',
                c if is_hidden(c) => REPLACEMENT,
                c => c,
            })
            .collect(),
    )
}

pub use crate::domain::count::thousands;

pub fn width(text: &str) -> usize {
    Span::raw(visible(text)).width()
}

/// Cuts `text` to at most `max` columns, ending with "…" when cut.
pub fn truncate(text: &str, max: usize) -> String {
    let text = visible(text);
    if width(&text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// What a text box `columns` wide shows of an input: the part around the cursor, scrolled
/// sideways as the cursor moves, and the cursor's column within the box.
pub fn input_window(input: &tui_input::Input, columns: usize) -> (String, usize) {
    // One column stays free at the end for the cursor after the last character.
    let skip = input.visual_scroll(columns.saturating_sub(1));
    let mut used = 0;
    let mut shown = String::new();
    for c in input.value().chars() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used < skip {
            used += w;
            continue;
        }
        if width(&shown) + w > columns {
            break;
        }
        shown.push(c);
    }
    (shown, input.visual_cursor().saturating_sub(skip))
}

/// Pads `text` with spaces to exactly `columns` columns (cutting it first if needed).
pub fn pad(text: &str, columns: usize) -> String {
    let cut = truncate(text, columns);
    let fill = columns.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(fill))
}

/// Word-wraps `text` into lines of at most `columns` columns.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let text = visible(text);
    let columns = columns.max(1);
    let mut lines = vec![];
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = if line.is_empty() {
            width(word)
        } else {
            width(&line) + 1 + width(word)
        };
        if needed > columns && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while width(&line) > columns {
            let head = truncate_exact(&line, columns);
            let rest = line[head.len()..].to_string();
            lines.push(head);
            line = rest;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Word-wraps `text` after `mark` (such as "✗ "), indenting the following lines under the text.
pub fn wrap_marked(mark: &str, text: &str, columns: usize) -> Vec<String> {
    let indent = " ".repeat(width(mark));
    wrap(text, columns.saturating_sub(width(mark)))
        .into_iter()
        .enumerate()
        .map(|(i, line)| format!("{}{line}", if i == 0 { mark } else { &indent }))
        .collect()
}

/// Wraps a list written as "a · b · c" between its items, so that an item such as a phone number
/// stays whole; an item wider than a line is word-wrapped.
pub fn wrap_list(text: &str, separator: &str, columns: usize) -> Vec<String> {
    let text = visible(text);
    let columns = columns.max(1);
    let tail = separator.trim_end();
    let mut lines = vec![];
    let mut line = String::new();
    for item in text.split(separator) {
        if line.is_empty() {
            line = item.to_string();
        } else if width(&line) + width(separator) + width(item) <= columns {
            line = format!("{line}{separator}{item}");
        } else {
            if width(&line) + width(tail) <= columns {
                line.push_str(tail);
            }
            lines.push(std::mem::take(&mut line));
            line = item.to_string();
        }
        if width(&line) > columns {
            let mut parts = wrap(&line, columns);
            line = parts.pop().unwrap_or_default();
            lines.extend(parts);
        }
    }
    lines.push(line);
    lines
}

fn truncate_exact(text: &str, columns: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if width(&out) + width(c.encode_utf8(&mut [0; 4])) > columns {
            break;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(width("한빛물류"), 8);
        assert_eq!(truncate("한빛물류 Logistics", 7), "한빛물…");
        assert_eq!(pad("Zoë", 5), "Zoë  ");
    }

    #[test]
    fn hidden_characters_show_one_for_one_and_take_their_column() {
        assert_eq!(visible("Zoë 山田"), "Zoë 山田");
        assert!(matches!(visible("Zoë"), Cow::Borrowed(_)));
        assert_eq!(
            visible("a\tb\nc\x1b[31md\u{202E}"),
            "a b c\u{FFFD}[31md\u{FFFD}"
        );
        assert_eq!(width("Evil\u{202E}Corp\x07"), 10);
        assert_eq!(pad("a\x07b", 4), "a\u{FFFD}b ");
        assert_eq!(truncate("\x1b[31mRed Corp", 6), "\u{FFFD}[31m…");
        assert_eq!(wrap("one\ntwo", 3), vec!["one", "two"]);
    }

    #[test]
    fn wrapping_breaks_between_words_and_splits_long_words() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), vec![""]);
    }

    #[test]
    fn marked_wrapping_hangs_under_the_text() {
        assert_eq!(
            wrap_marked("✗ ", "Enter the first name.", 14),
            vec!["✗ Enter the", "  first name."]
        );
    }

    #[test]
    fn lists_wrap_between_items() {
        assert_eq!(
            wrap_list("Ann Lee · ann@example.com · +1 425 555 0100", " · ", 30),
            vec!["Ann Lee · ann@example.com ·", "+1 425 555 0100"]
        );
        assert_eq!(wrap_list("short", " · ", 30), vec!["short"]);
        assert_eq!(
            wrap_list("a · bcdefgh", " · ", 4),
            vec!["a ·", "bcde", "fgh"]
        );
    }
}
