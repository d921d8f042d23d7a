//! Files an import cannot read as CSV UTF-8, told apart by their first bytes so that the
//! refusal names what the file is, before any row: UTF-16 and UTF-32 text (a spreadsheet's
//! "Unicode Text", or a CSV saved in another encoding), with or without a byte order mark, and
//! spreadsheet workbooks saved without choosing CSV.

use crate::api::error::ApiError;

/// What the first bytes of a file say it is, when it is not UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Foreign {
    /// Text in a wider encoding; `by_bom` when a byte order mark says so, else the pattern of
    /// NUL bytes that ASCII text (the header's column names) leaves in it.
    Wide {
        encoding: &'static str,
        by_bom: bool,
    },
    /// A spreadsheet workbook, not a CSV: `legacy` for Excel 97-2003's `.xls`, else `.xlsx`
    /// or `.ods` (a ZIP archive).
    Workbook { legacy: bool },
    /// NUL bytes in no pattern of a text encoding: no text file holds them.
    NotText,
}

/// How many bytes of the start of a file are looked at.
pub const SNIFFED: usize = 64;

/// Byte order marks, the longer first: UTF-32 LE's starts with UTF-16 LE's.
const MARKS: [(&[u8], &str); 4] = [
    (b"\xFF\xFE\x00\x00", "UTF-32 LE"),
    (b"\x00\x00\xFE\xFF", "UTF-32 BE"),
    (b"\xFF\xFE", "UTF-16 LE"),
    (b"\xFE\xFF", "UTF-16 BE"),
];

/// The first bytes of workbooks, and whether each is Excel 97-2003's.
const WORKBOOKS: [(&[u8], bool); 2] = [
    (b"PK\x03\x04", false),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", true),
];

/// What `start`, the first bytes of a file, say it is when it is not UTF-8 text; `None` when
/// nothing says so.
pub fn sniff(start: &[u8]) -> Option<Foreign> {
    let start = &start[..start.len().min(SNIFFED)];
    if let Some((_, encoding)) = MARKS.iter().find(|(mark, _)| start.starts_with(mark)) {
        return Some(Foreign::Wide {
            encoding,
            by_bom: true,
        });
    }
    if let Some((_, legacy)) = WORKBOOKS.iter().find(|(magic, _)| start.starts_with(magic)) {
        return Some(Foreign::Workbook { legacy: *legacy });
    }
    match by_nul_bytes(start) {
        Some(encoding) => Some(Foreign::Wide {
            encoding,
            by_bom: false,
        }),
        None if start.contains(&0) => Some(Foreign::NotText),
        None => None,
    }
}

/// The wide encoding whose pattern of NUL bytes `start` shows: ASCII characters are one byte
/// and one NUL (UTF-16) or three (UTF-32), the NULs after the byte (little-endian) or before
/// it (big-endian). UTF-8 text holds no NUL at all.
fn by_nul_bytes(start: &[u8]) -> Option<&'static str> {
    let units = start.len() / 4 * 4;
    let start = &start[..units];
    if units == 0 || !start.contains(&0) {
        return None;
    }
    // NULs counted by position within each group of four bytes.
    let mut nuls = [0usize; 4];
    for (at, byte) in start.iter().enumerate() {
        nuls[at % 4] += usize::from(*byte == 0);
    }
    let groups = units / 4;
    let all = |positions: &[usize]| positions.iter().all(|&p| nuls[p] == groups);
    let most = |positions: &[usize]| positions.iter().all(|&p| nuls[p] * 2 > groups);
    let few = |positions: &[usize]| positions.iter().all(|&p| nuls[p] * 4 < groups);
    if all(&[2, 3]) && most(&[1]) && few(&[0]) {
        Some("UTF-32 LE")
    } else if all(&[0, 1]) && most(&[2]) && few(&[3]) {
        Some("UTF-32 BE")
    } else if most(&[1, 3]) && few(&[0, 2]) {
        Some("UTF-16 LE")
    } else if most(&[0, 2]) && few(&[1, 3]) {
        Some("UTF-16 BE")
    } else {
        None
    }
}

/// Why the import refuses such a file (`file`, quoted), and how to save one it takes.
pub fn refusal(file: String, foreign: Foreign) -> ApiError {
    ApiError::invalid_said(move |words| {
        let words = &words.import;
        match foreign {
            Foreign::Wide { encoding, by_bom } => (words.wide_encoding)(&file, encoding, by_bom),
            Foreign::Workbook { legacy } => (words.workbook)(&file, legacy),
            Foreign::NotText => (words.not_text)(&file),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "TenantId,Domain,Date,First Name,Last Name,Phone,Email\r\n";

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if little {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            })
            .collect()
    }

    fn utf32(text: &str, little: bool) -> Vec<u8> {
        text.chars()
            .flat_map(|c| {
                let c = c as u32;
                if little {
                    c.to_le_bytes()
                } else {
                    c.to_be_bytes()
                }
            })
            .collect()
    }

    fn wide(encoding: &'static str, by_bom: bool) -> Option<Foreign> {
        Some(Foreign::Wide { encoding, by_bom })
    }

    #[test]
    fn utf16_and_utf32_are_named_with_a_byte_order_mark_or_without() {
        for (text, with_mark) in [
            (HEADER.to_string(), false),
            (format!("\u{feff}{HEADER}"), true),
        ] {
            let cases = [
                (utf16(&text, true), "UTF-16 LE"),
                (utf16(&text, false), "UTF-16 BE"),
                (utf32(&text, true), "UTF-32 LE"),
                (utf32(&text, false), "UTF-32 BE"),
            ];
            for (bytes, encoding) in cases {
                assert_eq!(sniff(&bytes), wide(encoding, with_mark), "{encoding}");
            }
        }
    }

    #[test]
    fn a_short_or_non_ascii_start_is_still_named() {
        // A header of a few characters, and names in other scripts right after it.
        assert_eq!(sniff(&utf16("Date,名前\n", true)), wide("UTF-16 LE", false));
        assert_eq!(sniff(&utf32("T", false)), wide("UTF-32 BE", false));
        assert_eq!(sniff(&utf16("Ta", false)), wide("UTF-16 BE", false));
    }

    #[test]
    fn utf8_text_and_other_files_are_left_to_the_reader() {
        for start in [
            HEADER.as_bytes(),
            "\u{feff}TenantId,Domain".as_bytes(),
            "Müller,山田\n".as_bytes(),
            b"",
            b"T",
        ] {
            assert_eq!(sniff(start), None, "{start:?}");
        }
        for binary in [&b"a\0b,c,d,e,f,g,h"[..], &[0u8; 64][..], b"\0\0\0"] {
            assert_eq!(sniff(binary), Some(Foreign::NotText), "{binary:?}");
        }
    }

    #[test]
    fn workbooks_are_named_as_such() {
        let workbook = |start: &[u8]| refusal("a.csv".into(), sniff(start).unwrap()).description;
        assert!(workbook(b"PK\x03\x04\x14\x00\x06\x00").contains("(.xlsx or .ods"));
        let legacy = workbook(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00");
        assert!(legacy.contains("Excel 97-2003 workbook (.xls)"), "{legacy}");
    }

    #[test]
    fn the_refusal_names_the_encoding_and_how_to_save_as_csv_utf8() {
        let foreign = wide("UTF-16 LE", true).unwrap();
        let message = refusal("backlog.csv".into(), foreign).description;
        assert_eq!(
            message,
            "backlog.csv is UTF-16 LE text (it starts with the byte order mark of UTF-16 LE), not UTF-8, so nothing was imported. Save it from the spreadsheet as \"CSV UTF-8\" (Excel: Save As, then CSV UTF-8 (Comma delimited)) and import that file."
        );
    }
}
