//! The Customers list filter over the directory: the same answers as
//! [`CustomerFilter::matches`](crate::domain::customer::CustomerFilter::matches), found by one
//! scan of the key arena instead of lower-casing every name.

use super::Directory;
use memchr::memmem::Finder;
use std::ops::Range;
use std::thread;

/// From this many rows on, a search runs on two threads.
#[cfg(not(test))]
const PARALLEL_ROWS: usize = 50_000;
/// Low enough that the tests exercise the two-thread path too.
#[cfg(test)]
const PARALLEL_ROWS: usize = 64;

impl Directory {
    /// The ranks, ascending, of the rows whose lower-case company name or whose domain contains
    /// the trimmed, lower-cased text: exactly the rows `CustomerFilter::new(text)` matches. An
    /// empty or blank text matches every row.
    pub fn search(&self, text: &str) -> Vec<u32> {
        let parts = if self.len() >= PARALLEL_ROWS { 2 } else { 1 };
        self.search_in_parts(text, parts)
    }

    /// [`Directory::search`], with the rows split into `parts` runs searched on as many threads.
    fn search_in_parts(&self, text: &str, parts: usize) -> Vec<u32> {
        let needle = text.trim().to_lowercase();
        if needle.is_empty() {
            return (0..self.len() as u32).collect();
        }
        let finder = Finder::new(needle.as_bytes());
        let parts = parts.clamp(1, self.len().max(1));
        let run = |part: usize| self.len() * part / parts..self.len() * (part + 1) / parts;
        if parts == 1 {
            return self.scan(&finder, run(0));
        }
        thread::scope(|scope| {
            let finder = &finder;
            let others: Vec<_> = (1..parts)
                .map(|part| scope.spawn(move || self.scan(finder, run(part))))
                .collect();
            let mut ranks = self.scan(finder, run(0));
            for other in others {
                match other.join() {
                    Ok(more) => ranks.extend_from_slice(&more),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            ranks
        })
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
