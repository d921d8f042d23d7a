//! A collection `{"totalCount":N,"items":[…]}` written one item at a time, so that a million
//! customers never sit in memory at once. The text is the same as `output::json` prints for the
//! whole collection.

use crate::safe_json;
use serde::Serialize;
use std::io::{self, Write};

pub struct CollectionWriter<W: Write> {
    out: W,
    written: usize,
}

impl<W: Write> CollectionWriter<W> {
    /// Starts the collection; `total_count` items must follow.
    pub fn start(mut out: W, total_count: usize) -> io::Result<CollectionWriter<W>> {
        write!(out, "{{\n  \"totalCount\": {total_count},\n  \"items\": [")?;
        Ok(CollectionWriter { out, written: 0 })
    }

    pub fn item(&mut self, value: &impl Serialize) -> io::Result<()> {
        let mut text = Vec::new();
        safe_json::to_writer_pretty(&mut text, value)?;
        self.out
            .write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        // Strings hold no raw line breaks in JSON, so every line is indented whole.
        for (index, line) in text.split(|b| *b == b'\n').enumerate() {
            if index > 0 {
                self.out.write_all(b"\n")?;
            }
            self.out.write_all(b"    ")?;
            self.out.write_all(line)?;
        }
        self.written += 1;
        Ok(())
    }

    /// Closes the collection; returns how many items were written.
    pub fn finish(mut self) -> io::Result<usize> {
        if self.written > 0 {
            self.out.write_all(b"\n  ")?;
        }
        self.out.write_all(b"]\n}\n")?;
        self.out.flush()?;
        Ok(self.written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::json::Collection;
    use crate::api::output;
    use serde_json::json;

    #[test]
    fn the_text_is_the_whole_collections() {
        let items = [
            json!({"id": "a", "nested": {"list": [1, 2], "empty": []}, "hidden": "x\u{1b}"}),
            json!({"id": "b"}),
            json!({"id": "c", "text": "line\nbreak"}),
        ];
        for count in 0..=items.len() {
            let mut streamed = Vec::new();
            let mut writer = CollectionWriter::start(&mut streamed, count).unwrap();
            for item in &items[..count] {
                writer.item(item).unwrap();
            }
            assert_eq!(writer.finish().unwrap(), count);
            let mut whole = Vec::new();
            output::json(&mut whole, &Collection::of(items[..count].to_vec())).unwrap();
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                String::from_utf8(whole).unwrap(),
                "{count} items"
            );
        }
    }
}
