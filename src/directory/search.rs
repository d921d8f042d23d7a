//! The Customers list filter over the directory: the same answers as
//! [`CustomerFilter::matches`](crate::domain::customer::CustomerFilter::matches), found by one
//! scan of the key arena instead of lower-casing every name.

use super::{letters, Directory};
use crate::domain::compare;
use memchr::memmem::Finder;
use std::ops::Range;

impl Directory {
    /// The ranks, ascending, of the rows whose folded company name (lower case, normal form C)
    /// or whose domain contains the trimmed, folded text: exactly the rows
    /// `CustomerFilter::new(text)` matches. An empty or blank text matches every row.
    ///
    /// One thread: a scan of a million rows takes a few milliseconds, and starting a second
    /// thread for every keystroke made the slowest keystrokes several times slower (see
    /// BENCHMARKS.md) for a gain on the median only.
    pub fn search(&self, text: &str) -> Vec<u32> {
        let needle = compare::folded(text.trim());
        if needle.is_empty() {
            return (0..self.len() as u32).collect();
        }
        if let [byte] = needle.as_bytes() {
            if let Some(bit) = letters::bit(*byte) {
                return self.with_letter(bit);
            }
        }
        self.scan(&Finder::new(needle.as_bytes()), 0..self.len())
    }

    /// Makes what the search of one character reads, if not made yet: the loader does it,
    /// so that the first key typed does not.
    pub fn prepare_search(&self) {
        self.masks();
    }

    fn masks(&self) -> &[u64] {
        self.letters.get_or_init(|| {
            (0..self.len())
                .map(|rank| letters::mask(self.key(rank)))
                .collect()
        })
    }

    /// The rows whose name or domain holds the character of `bit`.
    fn with_letter(&self, bit: u32) -> Vec<u32> {
        let masks = self.masks();
        let mut ranks = Vec::new();
        for (rank, mask) in masks.iter().enumerate() {
            if mask >> bit & 1 == 1 {
                ranks.push(rank as u32);
            }
        }
        ranks
    }

    /// The matching ranks among `rows`. Each hit is mapped to its row by a cursor that only moves
    /// forward; a hit inside a name or a domain counts the row and the scan goes on at the next
    /// row. A hit across the separator or the row end (possible only for a needle holding a
    /// control character) matches nothing, as neither field contains it; the scan goes on one
    /// byte further.
    fn scan(&self, finder: &Finder<'_>, rows: Range<usize>) -> Vec<u32> {
        let mut ranks = Vec::new();
        if rows.is_empty() {
            return ranks;
        }
        let haystack = self.keys.as_bytes();
        let needle_len = finder.needle().len();
        let end = self.key_starts[rows.end] as usize;
        let mut at = self.key_starts[rows.start] as usize;
        let mut row = rows.start;
        while let Some(found) = finder.find(&haystack[at..end]) {
            let hit = at + found;
            row = self.row_at(hit, row);
            let domain_start = self.domain_starts[row] as usize;
            let row_end = self.key_starts[row + 1] as usize;
            // Each field ends one byte before the next one starts: separator, row end.
            let field_end = if hit < domain_start {
                domain_start - 1
            } else {
                row_end - 1
            };
            if hit + needle_len <= field_end {
                ranks.push(row as u32);
                row += 1;
                if row == rows.end {
                    break;
                }
                at = row_end;
            } else {
                at = hit + 1;
            }
        }
        ranks
    }

    /// The row holding byte `at` of the key arena, at or after row `from` (which starts at or
    /// before `at`): one step when the hit is in the next row, galloping when it is far.
    fn row_at(&self, at: usize, from: usize) -> usize {
        let starts = &self.key_starts;
        let at = at as u32;
        if starts[from + 1] > at {
            return from;
        }
        // Invariant: starts[low] <= at.
        let (mut low, mut step) = (from + 1, 1);
        loop {
            let high = (low + step).min(starts.len());
            if high == starts.len() || starts[high] > at {
                return low + starts[low..high].partition_point(|&s| s <= at) - 1;
            }
            low = high;
            step *= 2;
        }
    }
}

#[cfg(test)]
mod tests;
