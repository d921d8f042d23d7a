//! How a CSV value carries characters that must not reach a spreadsheet or a terminal raw, and
//! still imports back exactly. A hidden character (a control or format character, see
//! `characters::is_hidden`) is written as the escape `\u{1b}`, and so is a space at either end
//! of a value, which a reader would trim. A backslash that would otherwise start such an escape
//! (`\u{` typed in a name) is itself written as `\u{5c}`, so every escape in the file is one
//! that `unescape` decodes back, and every other backslash is left as it stands.

use crate::domain::characters::is_hidden;
use std::borrow::Cow;

const START: &str = "\\u{";

/// `value` with every character that a CSV must not carry raw written as an escape.
pub fn escape(value: &str) -> Cow<'_, str> {
    let last = value.chars().count().saturating_sub(1);
    let needs_escape = |index: usize, at: usize, c: char| {
        is_hidden(c)
            || (c.is_whitespace() && (index == 0 || index == last))
            || (c == '\\' && value[at + 1..].starts_with("u{"))
    };
    let positions = || value.char_indices().enumerate();
    if !positions().any(|(index, (at, c))| needs_escape(index, at, c)) {
        return value.into();
    }
    let mut escaped = String::with_capacity(value.len() + 8);
    for (index, (at, c)) in positions() {
        if needs_escape(index, at, c) {
            escaped.extend(c.escape_unicode());
        } else {
            escaped.push(c);
        }
    }
    escaped.into()
}

/// A value read from a CSV with every escape `escape` writes (`\u{` one to six hex digits `}`
/// naming a character) decoded; anything else, another backslash too, as it stands.
pub fn unescape(field: &str) -> Cow<'_, str> {
    if !field.contains(START) {
        return field.into();
    }
    let mut decoded = String::with_capacity(field.len());
    let mut rest = field;
    while let Some(at) = rest.find(START) {
        decoded.push_str(&rest[..at]);
        let after = &rest[at + START.len()..];
        match decode_one(after) {
            Some((c, used)) => {
                decoded.push(c);
                rest = &after[used..];
            }
            None => {
                decoded.push('\\');
                rest = &rest[at + 1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded.into()
}

/// The character named by the hex digits and `}` at the start of `text`, and how many bytes
/// they take.
fn decode_one(text: &str) -> Option<(char, usize)> {
    let end = text.find('}')?;
    let digits = &text[..end];
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = char::from_u32(u32::from_str_radix(digits, 16).ok()?)?;
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hidden_characters_edge_spaces_and_escape_like_backslashes_are_escaped() {
        assert_eq!(escape("Zoë 山田"), "Zoë 山田");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
        assert_eq!(
            escape("Evil\u{202E}Corp\x1b[2J"),
            "Evil\\u{202e}Corp\\u{1b}[2J"
        );
        assert_eq!(escape("a\tb\nc\r"), "a\\u{9}b\\u{a}c\\u{d}");
        assert_eq!(escape(" Ada "), "\\u{20}Ada\\u{20}");
        assert_eq!(escape("C:\\Users"), "C:\\Users", "other backslashes stay");
        assert_eq!(escape("\\u{41}"), "\\u{5c}u{41}");
        assert_eq!(escape("\\"), "\\");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn unescape_decodes_escapes_and_leaves_anything_else() {
        assert_eq!(unescape("Evil\\u{202e}Corp"), "Evil\u{202E}Corp");
        assert_eq!(unescape("\\u{5c}u{41}"), "\\u{41}");
        for kept in [
            "\\u{}",
            "\\u{zz}",
            "\\u{1234567}",
            "\\u{d800}",
            "\\u{41",
            "C:\\u",
        ] {
            assert_eq!(unescape(kept), kept);
        }
        assert_eq!(unescape("\\u{1F600}"), "😀");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn every_string_comes_back_exactly(value in any::<String>()) {
            let written = escape(&value);
            prop_assert_eq!(written.chars().find(|c| is_hidden(*c)), None);
            prop_assert_eq!(written.trim(), written.as_ref());
            prop_assert_eq!(unescape(&written), value.as_str());
        }

        #[test]
        fn strings_made_of_escape_pieces_come_back_exactly(
            value in proptest::collection::vec(
                prop_oneof![
                    Just("\\"), Just("u"), Just("{"), Just("}"), Just("5c"), Just("1b"),
                    Just(" "), Just("\u{202e}"), Just("\x1b"), Just("a"), Just("\\u{"),
                ],
                0..12,
            ).prop_map(|pieces| pieces.concat())
        ) {
            let written = escape(&value);
            prop_assert_eq!(unescape(&written), value.as_str());
        }
    }
}
