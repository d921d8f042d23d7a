//! Where the sections of a directory file lie, and their checks.

use super::{invalid, Stamp, HEADER_LEN, MAGIC, SUFFIXED};
use crate::directory::unpack;
use crate::store::StoreIdentity;
use chrono::NaiveDate;
use std::io;
use std::ops::Range;
use std::path::Path;

/// The section sizes a header announces, checked against the file's length.
pub(super) struct Layout {
    pub count: usize,
    pub names_len: usize,
    pub domains_len: usize,
}

/// Bytes per row in the fixed-size sections: code, subscriptions, name end, domain end.
const ROW_BYTES: u128 = 13;

impl Layout {
    /// The stamp and layout of a file of `file_len` bytes that starts with `header`.
    pub fn parse(header: &[u8], file_len: u64, path: &Path) -> io::Result<(Stamp, Layout)> {
        if header.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
            return Err(invalid(path, "it does not start with PCLIST03"));
        }
        let store = StoreIdentity::from_bytes(&header[8..24]).expect("sixteen bytes");
        // The numbers follow the magic and the identity, eight bytes each.
        let number = |field: usize| {
            let at = 24 + field * 8;
            u64::from_le_bytes(header[at..at + 8].try_into().expect("eight bytes"))
        };
        let (count, names_len, domains_len) = (number(1), number(2), number(3));
        let expected = HEADER_LEN as u128
            + ROW_BYTES * u128::from(count)
            + u128::from(names_len)
            + u128::from(domains_len);
        if expected > u128::from(file_len) {
            return Err(invalid(
                path,
                format!("truncated: its header announces {expected} bytes, it holds {file_len}"),
            ));
        }
        if expected < u128::from(file_len) {
            return Err(invalid(
                path,
                format!("its header announces {expected} bytes, it holds {file_len}"),
            ));
        }
        // Every size is at most the file's length, which was read or mapped, so fits a usize.
        let size = |n: u64| usize::try_from(n).map_err(|_| invalid(path, "too large"));
        let layout = Layout {
            count: size(count)?,
            names_len: size(names_len)?,
            domains_len: size(domains_len)?,
        };
        let from = i32::from_le_bytes(header[56..60].try_into().expect("four bytes"));
        let statuses_from = match from {
            0 => None,
            days => Some(
                NaiveDate::from_num_days_from_ce_opt(days)
                    .ok_or_else(|| invalid(path, format!("its date {days} is no date")))?,
            ),
        };
        let stamp = Stamp {
            store,
            generation: number(0),
            statuses_from,
        };
        Ok((stamp, layout))
    }

    pub fn codes(&self, rows: usize) -> Range<usize> {
        HEADER_LEN..HEADER_LEN + rows
    }

    pub fn subscriptions(&self, rows: usize) -> Range<usize> {
        let start = HEADER_LEN + self.count;
        start..start + 4 * rows
    }

    pub fn name_ends(&self, rows: usize) -> Range<usize> {
        let start = HEADER_LEN + 5 * self.count;
        start..start + 4 * rows
    }

    pub fn domain_ends(&self, rows: usize) -> Range<usize> {
        let start = HEADER_LEN + 9 * self.count;
        start..start + 4 * rows
    }

    pub fn names(&self) -> Range<usize> {
        let start = HEADER_LEN + 13 * self.count;
        start..start + self.names_len
    }

    pub fn domains(&self) -> Range<usize> {
        let start = self.names().end;
        start..start + self.domains_len
    }
}

/// The rows of a file (or of its head), checked: every code valid, every text UTF-8, every end
/// on a character boundary, after the previous one, and the last at the end of its section.
/// It owns what it read, so the names become the directory's without a copy.
pub(super) struct Columns {
    pub codes: Vec<u8>,
    pub subscriptions: Vec<u32>,
    pub name_ends: Vec<u32>,
    pub domain_ends: Vec<u32>,
    pub names: String,
    pub domains: String,
}

pub(super) fn le_u32(bytes: &[u8]) -> u32 {
    u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])
}

fn u32s(bytes: Vec<u8>) -> Vec<u32> {
    bytes.chunks_exact(4).map(le_u32).collect()
}

impl Columns {
    /// `fixed` holds the codes, subscriptions, name ends and domain ends of the same rows.
    pub fn parse(
        fixed: [Vec<u8>; 4],
        names: Vec<u8>,
        domains: Vec<u8>,
        path: &Path,
    ) -> io::Result<Columns> {
        let [codes, subscriptions, name_ends, domain_ends] = fixed;
        if let Some(code) = codes
            .iter()
            .find(|&&code| unpack(code & !SUFFIXED).is_none())
        {
            return Err(invalid(
                path,
                format!("a row has the unknown code {code:#04x}"),
            ));
        }
        let name_ends = u32s(name_ends);
        let domain_ends = u32s(domain_ends);
        let names = text(names, &name_ends).map_err(|p| invalid(path, format!("names: {p}")))?;
        let domains =
            text(domains, &domain_ends).map_err(|p| invalid(path, format!("domains: {p}")))?;
        Ok(Columns {
            codes,
            subscriptions: u32s(subscriptions),
            name_ends,
            domain_ends,
            names,
            domains,
        })
    }

    /// A row's name, stored domain and code.
    pub fn parts(&self, rank: usize) -> (&str, &str, u8) {
        let span = |ends: &[u32]| {
            let start = if rank == 0 { 0 } else { ends[rank - 1] };
            start as usize..ends[rank] as usize
        };
        (
            &self.names[span(&self.name_ends)],
            &self.domains[span(&self.domain_ends)],
            self.codes[rank],
        )
    }
}

/// A section of text cut at `ends`.
fn text(bytes: Vec<u8>, ends: &[u32]) -> Result<String, String> {
    let text = String::from_utf8(bytes).map_err(|e| format!("not UTF-8 ({})", e.utf8_error()))?;
    let mut previous = 0;
    for &end in ends {
        let end = end as usize;
        if end < previous || !text.is_char_boundary(end) {
            return Err(format!("a row ends at byte {end}, which cuts the text"));
        }
        previous = end;
    }
    if previous != text.len() {
        return Err(format!(
            "the rows end at byte {previous} of {} bytes",
            text.len()
        ));
    }
    Ok(text)
}
