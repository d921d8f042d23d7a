//! Printing results: JSON where the real API returns JSON; tables and CSV where a person or a
//! spreadsheet may want them.

use super::error::{code, exit, ApiError};
use crate::domain::characters::quote_path;
use crate::locale::words::IoTrouble;
use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;

pub use crate::invocation::Format;

/// Pretty JSON on one value, followed by a newline; safe for a terminal (see `safe_json`).
pub fn json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    crate::safe_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// One CSV record, quoting fields that hold commas, quotes or line breaks (RFC 4180).
pub fn csv_record(out: &mut dyn Write, fields: &[&str]) -> io::Result<()> {
    let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    writeln!(out, "{}", line.join(","))
}

/// One CSV field: hidden characters escaped (see `csv_escape`), neutralised (see
/// `neutralised`), then quoted if it needs to be.
pub fn csv_field(field: &str) -> String {
    let escaped = super::csv_escape::escape(field);
    let field = neutralised(&escaped);
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.into_owned()
    }
}

/// The first characters with which a spreadsheet takes a cell for a formula (OWASP's list for
/// CSV injection): a name such as `=HYPERLINK(…)` would otherwise run when the file is opened.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text` is quotes (maybe none) followed by a formula's first character.
fn quotes_then_formula(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A value as written to CSV: with a single quote before it when a spreadsheet would take it
/// for a formula (phone numbers start with `+`). A value that already starts with quotes before
/// such a character gets one more, so that `unneutralised` gives every value back exactly.
pub fn neutralised(value: &str) -> std::borrow::Cow<'_, str> {
    if quotes_then_formula(value) {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

/// A CSV value as it was before `neutralised`: one leading single quote taken off when quotes
/// and a formula's first character follow it; any other value as it is.
pub fn unneutralised(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if quotes_then_formula(rest) => rest,
        _ => field,
    }
}

/// The refusal of an `--out` file that cannot be written: its own exit status, since the
/// store is fine, and the reason in plain words.
pub fn cannot_write(path: &Path, error: &io::Error) -> ApiError {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (path, parent, trouble) = (quote_path(path), quote_path(parent), IoTrouble::from(error));
    ApiError::said(code::STORE, exit::OUTPUT_FILE, move |words| {
        (words.requests.cannot_write_file)(&path, &parent, &trouble)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::ErrorKind;

    #[test]
    fn an_out_file_that_cannot_be_written_says_why_in_english_and_in_korean() {
        use crate::locale::Lang;
        let said = |kind: ErrorKind| {
            let error = cannot_write(Path::new("out/x.csv"), &io::Error::from(kind));
            assert_eq!((error.code, error.exit), (code::STORE, exit::OUTPUT_FILE));
            let korean = error.clone().in_language(Lang::Korean);
            assert_eq!((korean.code, korean.exit), (error.code, error.exit));
            (error.description, korean.description)
        };
        let (english, korean) = said(ErrorKind::NotFound);
        assert_eq!(
            english,
            "Cannot write out/x.csv: the directory out does not exist. Name a file in an existing directory, or - for standard output."
        );
        assert_eq!(
            korean,
            "out/x.csv에 쓸 수 없습니다: 디렉터리 out이(가) 없습니다. 있는 디렉터리의 파일을 지정하거나, 표준 출력에 쓰려면 -를 지정하십시오."
        );
        let (english, korean) = said(ErrorKind::IsADirectory);
        assert!(english.contains(": it is a directory. "), "{english}");
        assert!(korean.contains(": 디렉터리입니다. "), "{korean}");
        let (english, korean) = said(ErrorKind::NotADirectory);
        assert!(english.contains(": out is not a directory. "), "{english}");
        assert!(
            korean.contains(": out은(는) 디렉터리가 아닙니다. "),
            "{korean}"
        );
        let (english, korean) = said(ErrorKind::PermissionDenied);
        assert!(english.contains(": permission denied. "), "{english}");
        assert!(korean.contains(": 권한이 없습니다. "), "{korean}");
        // A rarer kind: the system's own words in both.
        let (english, korean) = said(ErrorKind::TimedOut);
        assert!(english.contains(": timed out. "), "{english}");
        assert!(korean.contains(": timed out. "), "{korean}");
        // A file in the current directory: its directory is ".".
        let error = cannot_write(Path::new("x.csv"), &io::Error::from(ErrorKind::NotFound));
        assert!(error.description.contains("the directory . does not exist"));
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("Müller, Söhne"), "\"Müller, Söhne\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn csv_fields_that_a_spreadsheet_would_run_get_a_leading_quote() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("+1 (425) 555-0100"), "'+1 (425) 555-0100");
        assert_eq!(csv_field("-Smith"), "'-Smith");
        assert_eq!(csv_field("@Ada"), "'@Ada");
        // A tab or a carriage return is written as its escape, which no spreadsheet runs.
        assert_eq!(csv_field("\tx"), "\\u{9}x");
        assert_eq!(csv_field("\rx"), "\\u{d}x");
        assert_eq!(csv_field("=A1,B1"), "\"'=A1,B1\"");
        assert_eq!(csv_field("'+x"), "''+x");
        for plain in ["O'Brien", "'quoted'", "a=b", "1-2", ""] {
            assert_eq!(csv_field(plain), plain);
        }
    }

    #[test]
    fn unneutralised_gives_back_every_value_exactly() {
        for value in [
            "=1+1", "+44 20", "-x", "@x", "\tx", "\rx", "'+x", "''=x", "'", "'a", "''", "O'Brien",
            "plain", "",
        ] {
            assert_eq!(unneutralised(&neutralised(value)), value, "{value:?}");
        }
        assert_eq!(unneutralised("'+1 425"), "+1 425");
        assert_eq!(unneutralised("'Brien"), "'Brien", "not before a formula");
    }
}
