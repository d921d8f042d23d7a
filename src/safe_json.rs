//! JSON that is safe to print on a terminal. serde_json escapes only the C0 controls; DEL, the
//! C1 controls and text-direction marks would still reach the terminal as they are, so these
//! are written as `\uXXXX` escapes too. The JSON means the same; a reader decodes them back.

use crate::domain::characters::is_hidden;
use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter, Serializer};
use std::io::{self, Write};

/// A formatter that escapes every hidden character in strings, laid out by `F`.
struct Escaping<F>(F);

/// Writes `value` as pretty JSON (two-space indent).
pub fn to_writer_pretty(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = Serializer::with_formatter(out, Escaping(PrettyFormatter::new()));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// `value` as JSON on one line.
pub fn to_string(value: &impl Serialize) -> serde_json::Result<String> {
    let mut bytes = Vec::new();
    let mut serializer = Serializer::with_formatter(&mut bytes, Escaping(CompactFormatter));
    value.serialize(&mut serializer)?;
    // Only valid UTF-8 is ever written: the fragments are str, the escapes ASCII.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

impl<F: Formatter> Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (index, c) in fragment.char_indices() {
            if is_hidden(c) {
                writer.write_all(&fragment.as_bytes()[start..index])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = index + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_key(writer)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_escaped_and_read_back_the_same() {
        let value = serde_json::json!({
            "companyName": "Evil\u{202E}Corp\u{7f}\u{9b}31m\x1b[2J 山田 Zoë 🙂 \u{E0041}",
            "list": [1, "two"]
        });
        let compact = to_string(&value).unwrap();
        assert!(!compact.chars().any(is_hidden), "{compact}");
        assert!(
            compact
                .contains("Evil\\u202eCorp\\u007f\\u009b31m\\u001b[2J 山田 Zoë 🙂 \\udb40\\udc41"),
            "{compact}"
        );
        let back: serde_json::Value = serde_json::from_str(&compact).unwrap();
        assert_eq!(back, value);
        let mut pretty = Vec::new();
        to_writer_pretty(&mut pretty, &value).unwrap();
        let pretty = String::from_utf8(pretty).unwrap();
        assert_eq!(
            pretty,
            serde_json::to_string_pretty(&back)
                .unwrap()
                .replace(
                    "Evil\u{202E}Corp\u{7f}\u{9b}31m\\u001b[2J",
                    "Evil\\u202eCorp\\u007f\\u009b31m\\u001b[2J"
                )
                .replace('\u{E0041}', "\\udb40\\udc41")
        );
    }
}
