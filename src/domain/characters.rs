//! Which characters a value may hold. Control characters act on the terminal instead of
//! showing, and format characters such as a right-to-left override reorder or hide the text
//! around them; neither belongs in a name or an address. Also how a message quotes what was
//! typed, so that a message never carries such characters, nor 100 KB of pasted text.

/// Joiners stay allowed: emoji sequences (U+200D) and Persian and Indic spelling (U+200C) need
/// them, and they move nothing around.
const JOINERS: [char; 2] = ['\u{200C}', '\u{200D}'];

/// Whether `c` would not show as itself on a terminal: a control character (C0, DEL, C1), a
/// line or paragraph separator, or an invisible format character (text-direction marks,
/// embeddings, overrides and isolates, zero-width spaces, the byte order mark, tag characters).
pub fn is_hidden(c: char) -> bool {
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

fn is_invisible_format(c: char) -> bool {
    if JOINERS.contains(&c) {
        return false;
    }
    is_direction_mark(c)
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
