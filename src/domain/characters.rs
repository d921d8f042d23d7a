//! Which characters a value may hold. Control characters act on the terminal instead of
//! showing, and format characters such as a right-to-left override reorder or hide the text
//! around them; neither belongs in a name or an address. Also how a message quotes what was
//! typed, so that a message never carries such characters, nor 100 KB of pasted text.

use finl_unicode::categories::CharacterCategories;

/// Joiners stay allowed: emoji sequences (U+200D) and Persian and Indic spelling (U+200C) need
/// them, and they move nothing around.
const JOINERS: [char; 2] = ['\u{200C}', '\u{200D}'];

/// Whether `c` would not show as itself on a terminal: a control character (C0, DEL, C1), a
/// line or paragraph separator, or a format character of any plane (Unicode's general category
/// Cf: text-direction marks, embeddings, overrides and isolates, zero-width spaces, the byte
/// order mark, Arabic and Syriac number signs, Egyptian hieroglyph and musical format
/// controls, tag characters, …), the two joiners excepted.
pub fn is_hidden(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    c.is_control() || is_invisible_format(c)
}

/// Whether `c` breaks a line: pasted text turns these into spaces rather than dropping them.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Marks that change the direction of the text after them.
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A format character (category Cf, from the Unicode tables of `finl_unicode`), or one of the
/// unassigned code points beside them that a later Unicode may make one.
fn is_invisible_format(c: char) -> bool {
    if JOINERS.contains(&c) {
        return false;
    }
    c.is_format()
        || is_direction_mark(c)
        || matches!(
            c,
            '\u{00AD}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// The first hidden character of `value`, said the way a person can act on it.
pub fn first_hidden(value: &str) -> Option<String> {
    value.chars().find(|c| is_hidden(*c)).map(describe)
}

/// "a line break", "a tab", "the control character U+001B", "the text-direction mark U+202E".
pub fn describe(c: char) -> String {
    let code = format!("U+{:04X}", c as u32);
    if c == '\t' {
        "a tab".into()
    } else if is_line_break(c) {
        format!("a line break ({code})")
    } else if c.is_control() {
        format!("the control character {code}")
    } else if is_direction_mark(c) {
        format!("the text-direction mark {code}")
    } else {
        format!("the invisible character {code}")
    }
}

/// Refuses a value with a hidden character: "{label} cannot contain a tab; remove it."
pub fn check_visible(label: &str, value: &str) -> Result<(), String> {
    match first_hidden(value) {
        Some(what) => Err(format!("{label} cannot contain {what}; remove it.")),
        None => Ok(()),
    }
}

/// How many characters of typed text a message repeats.
pub const QUOTE_MAX: usize = 40;

/// Typed text as a message repeats it: hidden characters written as escapes (`\u{1b}`), and
/// cut after `QUOTE_MAX` characters with "…".
pub fn quote(value: &str) -> String {
    let mut quoted = String::new();
    for (index, c) in value.chars().enumerate() {
        if index == QUOTE_MAX {
            quoted.push('…');
            break;
        }
        quoted.push_str(&shown(c));
    }
    quoted
}

/// One character as a message shows it: itself, or its escape when it is hidden.
pub fn shown(c: char) -> String {
    if is_hidden(c) {
        c.escape_unicode().to_string()
    } else {
        c.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_separators_and_direction_marks_are_hidden() {
        for c in [
            '\0',
            '\x07',
            '\t',
            '\n',
            '\r',
            '\x1b',
            '\x7f',
            '\u{85}',
            '\u{9b}',
            '\u{200B}',
            '\u{200E}',
            '\u{202E}',
            '\u{2066}',
            '\u{2028}',
            '\u{FEFF}',
            '\u{E0041}',
            '\u{AD}',
        ] {
            assert!(is_hidden(c), "{}", c.escape_unicode());
        }
    }

    /// Every character of general category Cf in Unicode 16.0 (DerivedGeneralCategory.txt,
    /// https://www.unicode.org/Public/16.0.0/ucd/extracted/DerivedGeneralCategory.txt):
    /// 170 code points in 21 ranges, on planes 0, 1 and 14.
    const FORMAT_CHARACTERS: [(u32, u32); 21] = [
        (0x00AD, 0x00AD),
        (0x0600, 0x0605),
        (0x061C, 0x061C),
        (0x06DD, 0x06DD),
        (0x070F, 0x070F),
        (0x0890, 0x0891),
        (0x08E2, 0x08E2),
        (0x180E, 0x180E),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2060, 0x2064),
        (0x2066, 0x206F),
        (0xFEFF, 0xFEFF),
        (0xFFF9, 0xFFFB),
        (0x110BD, 0x110BD),
        (0x110CD, 0x110CD),
        (0x13430, 0x1343F),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0001, 0xE0001),
        (0xE0020, 0xE007F),
    ];

    #[test]
    fn every_format_character_of_every_plane_is_hidden_but_the_joiners() {
        let mut count = 0;
        for (first, last) in FORMAT_CHARACTERS {
            for code in first..=last {
                let c = char::from_u32(code).unwrap();
                count += 1;
                assert_eq!(is_hidden(c), !JOINERS.contains(&c), "U+{code:04X}");
                assert!(first_hidden(&format!("Ada{c}")).is_some() || JOINERS.contains(&c));
            }
        }
        assert_eq!(count, 170);
        // And whatever the tables add later: every Cf character of every plane.
        let every = (0..=0x10FFFF).filter_map(char::from_u32);
        for c in every.filter(|c| c.is_format() && !JOINERS.contains(c)) {
            assert!(is_hidden(c), "{}", c.escape_unicode());
        }
    }

    #[test]
    fn a_format_character_is_named_with_its_code_point() {
        assert_eq!(
            check_visible("First name", "Ada\u{E0041}"),
            Err("First name cannot contain the invisible character U+E0041; remove it.".into())
        );
        assert_eq!(
            check_visible("City", "\u{0600}12"),
            Err("City cannot contain the invisible character U+0600; remove it.".into())
        );
    }

    #[test]
    fn letters_of_every_script_marks_and_emoji_show() {
        for text in [
            "山田太郎",
            "Zoë",
            "Zoe\u{308}",
            "שלום",
            "مرحبا",
            "👩\u{200D}💻",
            "می\u{200C}خواهم",
            "❤\u{FE0F}",
        ] {
            assert_eq!(first_hidden(text), None, "{text}");
        }
    }

    #[test]
    fn the_message_names_the_character_and_how_to_fix_it() {
        assert_eq!(
            check_visible("First name", "Ada\u{202E}"),
            Err("First name cannot contain the text-direction mark U+202E; remove it.".into())
        );
        assert_eq!(
            check_visible("City", "Oslo\tNorway"),
            Err("City cannot contain a tab; remove it.".into())
        );
        assert_eq!(
            check_visible("City", "\x1b[31mOslo"),
            Err("City cannot contain the control character U+001B; remove it.".into())
        );
        assert_eq!(
            describe('\n'),
            "a line break (U+000A)",
            "a line break is named as one"
        );
        assert!(check_visible("City", "Zoë 山田 🙂").is_ok());
    }

    #[test]
    fn quoting_escapes_hidden_characters_and_cuts_long_text() {
        assert_eq!(quote("18-9-1\x1b[2J"), "18-9-1\\u{1b}[2J");
        assert_eq!(quote("a\u{202E}b"), "a\\u{202e}b");
        let long = "x".repeat(100_000);
        assert_eq!(quote(&long), format!("{}…", "x".repeat(QUOTE_MAX)));
        assert_eq!(quote("山田太郎"), "山田太郎");
    }
}
