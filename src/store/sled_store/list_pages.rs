//! The list trees as pages of rows plus single entries laid over them.
//!
//! A fill writes its rows in pages of at most `PAGE_BYTES`, keyed by their first row's key: sled
//! keeps about 16 entries to a node and holds a little memory per node from the moment it opens,
//! so a million single rows cost seconds to write and tens of megabytes before anything is read.
//! Later changes write single rows into the list tree itself (the overlay, as in layout 2), and
//! a row that leaves a tree there is covered by an empty value (a tombstone): a page is never
//! rewritten for one customer. Reading merges a tree's pages with its overlay, in key order;
//! the overlay wins where both hold a key.

use super::buckets::{entries, push_entry, Malformed};
use std::iter::Peekable;

/// A page ends once its rows reach this size. sled writes a node of more than 128 KiB to a file
/// of its own (a blob), a path that did not survive being killed at every moment as its
/// ordinary log does. It splits a node past 16 values, but a node filled by a large batch was
/// seen with over 30 pages of 4 KB: at 2 KB a million customers make no blob.
pub(super) const PAGE_BYTES: usize = 2048;

/// Splits `rows` (key, row) into runs that each make one page, in order.
pub(super) fn paged<'a>(rows: &'a [(&'a [u8], &'a [u8])]) -> Vec<&'a [(&'a [u8], &'a [u8])]> {
    let mut pages = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (at, (key, row)) in rows.iter().enumerate() {
        bytes += key.len() + row.len() + 4;
        if bytes >= PAGE_BYTES {
            pages.push(&rows[start..=at]);
            (start, bytes) = (at + 1, 0);
        }
    }
    if start < rows.len() {
        pages.push(&rows[start..]);
    }
    pages
}

/// The overlay value of a row that is no longer in its tree.
pub(super) const TOMBSTONE: &[u8] = b"";

type Entry = sled::Result<(sled::IVec, sled::IVec)>;

/// Appends one page of `rows` (key, row), given in key order.
pub(super) fn encode_page<'a>(
    rows: impl Iterator<Item = (&'a [u8], &'a [u8])>,
) -> Result<Vec<u8>, crate::store::StoreError> {
    let mut page = Vec::new();
    for (key, row) in rows {
        push_entry(&mut page, key, row)?;
    }
    Ok(page)
}

/// The rows of a list tree: its pages merged with its overlay, tombstones left out.
pub(super) fn rows(pages: &sled::Tree, overlay: &sled::Tree) -> impl Iterator<Item = Entry> + Send {
    Overlaid {
        pages: PageRows {
            pages: pages.iter(),
            current: Vec::new().into_iter(),
        }
        .peekable(),
        overlay: overlay.iter().peekable(),
    }
}

/// Every row of every page, in order.
struct PageRows {
    pages: sled::Iter,
    current: std::vec::IntoIter<(sled::IVec, sled::IVec)>,
}

impl Iterator for PageRows {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            if let Some(row) = self.current.next() {
                return Some(Ok(row));
            }
            let page = match self.pages.next()? {
                Ok((_, page)) => page,
                Err(e) => return Some(Err(e)),
            };
            let rows: Result<Vec<_>, Malformed> = entries(&page)
                .map(|entry| entry.map(|(key, row)| (key.into(), row.into())))
                .collect();
            match rows {
                Ok(rows) => self.current = rows.into_iter(),
                Err(Malformed) => {
                    let why = "a page of the customer list is malformed";
                    return Some(Err(sled::Error::Unsupported(why.into())));
                }
            }
        }
    }
}

struct Overlaid<P: Iterator<Item = Entry>, O: Iterator<Item = Entry>> {
    pages: Peekable<P>,
    overlay: Peekable<O>,
}

impl<P: Iterator<Item = Entry>, O: Iterator<Item = Entry>> Iterator for Overlaid<P, O> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            // An error is passed on at once, whichever side it comes from.
            let (from_overlay, replaced) = match (self.pages.peek(), self.overlay.peek()) {
                (None, None) => return None,
                (Some(Err(_)), _) => (false, false),
                (_, Some(Err(_))) | (None, Some(_)) => (true, false),
                (Some(_), None) => (false, false),
                (Some(Ok((page_key, _))), Some(Ok((overlay_key, _)))) => {
                    (overlay_key <= page_key, overlay_key == page_key)
                }
            };
            if replaced {
                // The overlay's entry replaces the page's row.
                self.pages.next();
            }
            let entry = if from_overlay {
                self.overlay.next()?
            } else {
                self.pages.next()?
            };
            match entry {
                Ok((_, row)) if row.as_ref() == TOMBSTONE => continue,
                entry => return Some(entry),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(entries: &[(&str, &str)]) -> Vec<Entry> {
        entries
            .iter()
            .map(|(k, v)| Ok((k.as_bytes().into(), v.as_bytes().into())))
            .collect()
    }

    fn merged(pages: &[(&str, &str)], overlay: &[(&str, &str)]) -> Vec<(String, String)> {
        let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).unwrap();
        Overlaid {
            pages: run(pages).into_iter().peekable(),
            overlay: run(overlay).into_iter().peekable(),
        }
        .map(|entry| {
            let (key, row) = entry.unwrap();
            (text(&key), text(&row))
        })
        .collect()
    }

    #[test]
    fn the_overlay_adds_replaces_and_removes_rows_of_the_pages() {
        let pages = [("b", "page b"), ("d", "page d"), ("f", "page f")];
        let overlay = [("a", "new a"), ("d", "new d"), ("f", ""), ("g", "new g")];
        let rows = merged(&pages, &overlay);
        let expected = [
            ("a", "new a"),
            ("b", "page b"),
            ("d", "new d"),
            ("g", "new g"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(rows, expected);
    }

    #[test]
    fn either_side_alone_reads_as_itself_without_tombstones() {
        assert_eq!(merged(&[("a", "1")], &[]).len(), 1);
        assert_eq!(merged(&[], &[("a", "1"), ("b", "")]).len(), 1);
        assert!(merged(&[], &[]).is_empty());
    }

    #[test]
    fn pages_on_disk_read_back_row_by_row_under_their_overlay() {
        let db = sled::Config::new().temporary(true).open().unwrap();
        let pages = db.open_tree("pages").unwrap();
        let overlay = db.open_tree("overlay").unwrap();
        let keys: Vec<String> = (0..300)
            .map(|n| format!("row {n:03} {}", "x".repeat(n)))
            .collect();
        let rows: Vec<(&[u8], &[u8])> = keys.iter().map(|k| (k.as_bytes(), k.as_bytes())).collect();
        let runs = paged(&rows);
        assert!(runs.len() > 10, "{} pages", runs.len());
        for run in runs {
            let page = encode_page(run.iter().copied()).unwrap();
            assert!(page.len() < PAGE_BYTES + 1024, "{} bytes", page.len());
            pages.insert(run[0].0, page).unwrap();
        }
        overlay.insert(keys[150].as_bytes(), TOMBSTONE).unwrap();
        let read: Vec<String> = super::rows(&pages, &overlay)
            .map(|e| String::from_utf8(e.unwrap().0.to_vec()).unwrap())
            .collect();
        assert_eq!(read.len(), 299);
        assert!(read.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(!read.contains(&keys[150]));
    }
}
