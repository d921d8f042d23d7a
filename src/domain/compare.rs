//! How typed text is matched against stored text. The same letter may be typed as one character
//! or as a base and a combining mark (`ë` or `e` + U+0308, as a Mac keyboard or a copy from a
//! PDF gives it): Unicode calls the two canonically equivalent, and every match here compares
//! them in normal form C. Stored values are never rewritten; only the compared forms are.

use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// `text` in Unicode normal form C, borrowed when it already is (all ASCII text is).
pub fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// The form under which the filter compares text: lower case, then normal form C, so that
/// `ZOË`, `zoë` and `Zoe` + U+0308 are one text.
pub fn folded(text: &str) -> String {
    let lower = if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    };
    match nfc(&lower) {
        Cow::Borrowed(_) => lower,
        Cow::Owned(normal) => normal,
    }
}

/// Whether two texts are the same once both are in normal form C.
pub fn same_text(a: &str, b: &str) -> bool {
    a == b || nfc(a) == nfc(b)
}

/// The form under which a tenant ID or a domain is looked up: trimmed, in normal form C, then
/// lower case for ASCII letters (IDs and domains are ASCII; the Kelvin sign U+212A is a `K` in
/// normal form C, and finds the same customer).
pub fn lookup_key(text: &str) -> String {
    nfc(text.trim()).to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_combining_mark_and_the_precomposed_letter_are_the_same_text() {
        assert_eq!(nfc("Zoe\u{308}"), "Zoë");
        assert!(matches!(nfc("Zoë"), Cow::Borrowed(_)));
        assert!(matches!(nfc("contoso"), Cow::Borrowed(_)));
        assert!(same_text("Zoe\u{308}", "Zoë"));
        assert!(same_text("\u{212B}ngstr\u{f6}m", "\u{c5}ngstro\u{308}m"));
        assert!(!same_text("Zoe", "Zoë"));
    }

    #[test]
    fn folding_lowers_the_case_then_composes() {
        assert_eq!(folded("ZOE\u{308}"), "zoë");
        assert_eq!(folded("Zoë"), "zoë");
        assert_eq!(folded("CONTOSO"), "contoso");
        assert_eq!(folded("Ha\u{301}n"), "hán");
    }

    #[test]
    fn lookup_keys_are_trimmed_composed_and_lower_case() {
        assert_eq!(
            lookup_key(" Contoso.onmicrosoft.com "),
            "contoso.onmicrosoft.com"
        );
        assert_eq!(lookup_key("\u{212A}wik"), "kwik", "the Kelvin sign is a K");
    }
}
