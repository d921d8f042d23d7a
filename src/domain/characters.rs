//! Which characters a value may hold. Control characters act on the terminal instead of
//! showing, and format characters such as a right-to-left override reorder or hide the text
//! around them; neither belongs in a name or an address. Also how a message quotes what was
//! typed, so that a message never carries such characters, nor 100 KB of pasted text.

use finl_unicode::categories::CharacterCategories;
use std::borrow::Cow;
use std::path::Path;

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
pub fn is_direction_mark(c: char) -> bool {
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

/// Text as every output of the commands writes it, whole: hidden characters as escapes.
pub fn escaped(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_hidden) {
        text.chars().map(shown).collect::<String>().into()
    } else {
        text.into()
    }
}

/// A message from a library (a JSON parser's) with every value it repeats between `"` or
/// `` ` `` cut after `QUOTE_MAX` characters with "…", as `quote` cuts typed text.
pub fn cut_quoted(message: &str) -> String {
    let mut cut = String::with_capacity(message.len().min(1_000));
    let mut chars = message.chars();
    while let Some(mark) = chars.next() {
        cut.push(mark);
        if mark != '"' && mark != '`' {
            continue;
        }
        let (mut value, mut backslash, mut closed) = (String::new(), false, false);
        for c in chars.by_ref() {
            if c == mark && !backslash {
                closed = true;
                break;
            }
            backslash = c == '\\' && !backslash;
            if value.chars().count() <= QUOTE_MAX {
                value.push(c);
            }
        }
        if value.chars().count() > QUOTE_MAX {
            value = value.chars().take(QUOTE_MAX).chain(['…']).collect();
        }
        cut.push_str(&value);
        if closed {
            cut.push(mark);
        }
    }
    cut
}

/// How many characters of a path a message shows: enough for any path a person types, not the
/// 100 KB a script may pass.
pub const PATH_MAX: usize = 100;

/// A path as a message names it: hidden characters as escapes, and only its last `PATH_MAX`
/// characters after "…" when longer, since the end (the file name) is what tells it apart.
pub fn quote_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    let count = text.chars().count();
    let kept = text.chars().skip(count.saturating_sub(PATH_MAX)).map(shown);
    let cut = if count > PATH_MAX { "…" } else { "" };
    std::iter::once(cut.to_string()).chain(kept).collect()
}

/// How many characters of one message line are written: far more than any message of pcenter
/// says, so that only a flood is cut.
pub const LINE_MAX: usize = 2_000;

/// A line of a message as written to a terminal: hidden characters as escapes, and cut (see
/// `cut_flood`).
pub fn message_line(line: &str) -> String {
    escaped(&cut_flood(line)).into_owned()
}

/// A message cut in its middle past `LINE_MAX` characters, so that its start (what happened)
/// and its end (what to do) stay.
pub fn cut_flood(line: &str) -> Cow<'_, str> {
    let count = line.chars().count();
    if count <= LINE_MAX {
        return line.into();
    }
    let half = LINE_MAX / 2;
    let start: String = line.chars().take(half).collect();
    let end: String = line.chars().skip(count - half).collect();
    format!("{start} … {end}").into()
}

#[cfg(test)]
mod tests {
    use super::super::field_problem::Subject;
    use super::*;

    /// The check of the dashboard's fields, as its English message.
    fn check_visible(subject: Subject, value: &str) -> Result<(), String> {
        super::super::fields::check_visible(subject, value).map_err(String::from)
    }

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
            check_visible(Subject::FirstName, "Ada\u{E0041}"),
            Err("First name cannot contain the invisible character U+E0041; remove it.".into())
        );
        assert_eq!(
            check_visible(Subject::City, "\u{0600}12"),
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
            check_visible(Subject::FirstName, "Ada\u{202E}"),
            Err("First name cannot contain the text-direction mark U+202E; remove it.".into())
        );
        assert_eq!(
            check_visible(Subject::City, "Oslo\tNorway"),
            Err("City cannot contain a tab; remove it.".into())
        );
        assert_eq!(
            check_visible(Subject::City, "\x1b[31mOslo"),
            Err("City cannot contain the control character U+001B; remove it.".into())
        );
        assert_eq!(
            describe('\n'),
            "a line break (U+000A)",
            "a line break is named as one"
        );
        assert!(check_visible(Subject::City, "Zoë 山田 🙂").is_ok());
    }

    #[test]
    fn quoting_escapes_hidden_characters_and_cuts_long_text() {
        assert_eq!(quote("18-9-1\x1b[2J"), "18-9-1\\u{1b}[2J");
        assert_eq!(quote("a\u{202E}b"), "a\\u{202e}b");
        let long = "x".repeat(100_000);
        assert_eq!(quote(&long), format!("{}…", "x".repeat(QUOTE_MAX)));
        assert_eq!(quote("山田太郎"), "山田太郎");
    }

    #[test]
    fn escaped_text_is_whole_and_shows_every_hidden_character() {
        assert_eq!(escaped("Zoë 山田"), "Zoë 山田");
        assert!(matches!(escaped("plain"), Cow::Borrowed(_)));
        let long = format!("{}\u{202E}", "x".repeat(1_000));
        assert_eq!(escaped(&long), format!("{}\\u{{202e}}", "x".repeat(1_000)));
    }

    #[test]
    fn values_quoted_in_a_library_message_are_cut() {
        let long = "x".repeat(100_000);
        let message = format!("invalid type: string \"{long}\\\"\", expected a `{long}` here");
        let x40 = "x".repeat(QUOTE_MAX);
        assert_eq!(
            cut_quoted(&message),
            format!("invalid type: string \"{x40}…\", expected a `{x40}…` here")
        );
        let short = "invalid type: string \"a\\\"b\", expected u32 at line 1 column 5";
        assert_eq!(cut_quoted(short), short);
        assert_eq!(cut_quoted("open \"abc"), "open \"abc");
    }

    #[test]
    fn paths_keep_their_end_and_show_hidden_characters_as_escapes() {
        let path = Path::new("/tmp/back\x1b]0;owned\x07log.csv");
        assert_eq!(quote_path(path), "/tmp/back\\u{1b}]0;owned\\u{7}log.csv");
        let deep = format!("/{}/backlog.csv", "d/".repeat(50_000));
        let quoted = quote_path(Path::new(&deep));
        assert!(quoted.starts_with('…'), "{quoted}");
        assert!(quoted.ends_with("d/d//backlog.csv"), "{quoted}");
        assert_eq!(quoted.chars().count(), PATH_MAX + 1);
        let real = "/home/megan/Documents/Partner Center/2018/backlog-november.csv";
        assert_eq!(quote_path(Path::new(real)), real, "real paths are whole");
    }

    #[test]
    fn message_lines_are_cut_in_the_middle_only_when_flooding() {
        let line = "Cannot read x: no such file. Check the path.";
        assert_eq!(message_line(line), line);
        let flood = format!("Start {} end: do this.", "\x1b".repeat(100_000));
        let cut = message_line(&flood);
        assert!(cut.starts_with("Start \\u{1b}"), "{cut}");
        assert!(cut.ends_with("\\u{1b} end: do this."), "{cut}");
        assert!(cut.contains(" … "));
        assert!(cut.chars().count() < LINE_MAX * 7);
        assert_eq!(first_hidden(&cut), None);
    }
}
