//! The directory: a compact in-memory index of every customer as the Customers list shows it,
//! in list order, searchable as the list's filter, and its file (see `read_head`).
//!
//! A row costs no allocation of its own. Company names, original case, lie end to end in one
//! arena; each row's sort key (`folded(name) + '\u{1f}' + domain`, see `sort_key`) and a `'\n'` lie end to
//! end in a second arena, the one [`Directory::search`] scans; small arrays hold the offsets,
//! a packed cloud-and-status code and the subscription count. Offsets are `u32`, so each arena
//! holds at most 4 GiB of text (about 60 MB at a million customers); going past that panics
//! with a message saying so, and a file that would is refused as invalid.

mod build;
mod cache;
mod file;
mod letters;
mod search;
#[cfg(test)]
mod tests;
mod upsert;

pub use build::Building;
pub use cache::ListCache;
pub use file::{read_head, Head, Stamp};

use crate::domain::agreement::AgreementKind;
use crate::domain::cloud::Cloud;
use crate::domain::compare;
use crate::domain::customer::DOMAIN_SUFFIX;
use crate::domain::status::AgreementStatus;
use crate::store::Listed;
use chrono::NaiveDate;
use std::cmp::Ordering;
use std::fmt;

/// Separates the lower-case name from the domain in a sort key.
const SEPARATOR: char = '\u{1f}';
/// Ends a row in the key arena.
const ROW_END: char = '\n';
const TOO_LARGE: &str = "a customer directory holds at most 4 GiB of names and domains";

/// One customer as the Customers list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingRow {
    pub company_name: String,
    /// The full primary domain, lower case.
    pub domain: String,
    pub cloud: Cloud,
    pub status: AgreementStatus,
    /// Which agreement's confirmation counts for a Confirmed row.
    pub agreement: Option<AgreementKind>,
    pub subscriptions: u32,
}

/// The store's whole list as the Customers list shows it on the business date `as_of`, read at
/// once: for small stores and tests (a dashboard reads a large one while it is used, see
/// `dashboard`).
pub fn rows_on(
    store: &dyn crate::store::Store,
    as_of: NaiveDate,
) -> Result<Vec<ListingRow>, crate::store::StoreError> {
    let mut rows = vec![];
    for row in store.listing()? {
        if let Some(row) = crate::store::row_on(store, row?, as_of)? {
            rows.push(ListingRow::on(row, as_of));
        }
    }
    Ok(rows)
}

impl ListingRow {
    /// A row of the store's list as the Customers list shows it on the business date `as_of`.
    pub fn on(row: Listed, as_of: NaiveDate) -> ListingRow {
        ListingRow {
            status: row.status_on(as_of),
            agreement: row.agreement_on(as_of),
            company_name: row.company_name,
            domain: row.domain,
            cloud: row.cloud,
            subscriptions: row.subscriptions,
        }
    }
}

/// The list order: company name lower-cased (`str::to_lowercase`) in normal form C, then
/// domain, encoded as `folded(name) + '\u{1f}' + domain`, whose byte order is that order (names
/// hold no control characters). The key arena holds these, so the search compares names in
/// normal form C without normalising a million names per keystroke.
pub fn sort_key(company_name: &str, domain: &str) -> String {
    let mut key = String::with_capacity(company_name.len() + 1 + domain.len());
    push_folded(&mut key, company_name);
    key.push(SEPARATOR);
    key.push_str(domain);
    key
}

/// Appends `compare::folded(text)`, without allocating when the text is ASCII.
fn push_folded(into: &mut String, text: &str) {
    if text.is_ascii() {
        let start = into.len();
        into.push_str(text);
        into[start..].make_ascii_lowercase();
    } else {
        into.push_str(&compare::folded(text));
    }
}

/// Every customer in list order. See the module documentation for the layout.
#[derive(Clone, PartialEq, Eq)]
pub struct Directory {
    /// Company names as given, end to end; row `r` is `names[name_starts[r]..name_starts[r + 1]]`.
    names: String,
    name_starts: Vec<u32>,
    /// Sort key and `'\n'` per row; row `r` is `keys[key_starts[r]..key_starts[r + 1]]`.
    keys: String,
    key_starts: Vec<u32>,
    /// Where each row's domain starts in `keys`, just after the separator.
    domain_starts: Vec<u32>,
    /// Cloud in bits 0-1, status in bits 2-3.
    codes: Vec<u8>,
    subscriptions: Vec<u32>,
    /// Which letters each row holds, for one-character filters (see `letters`).
    letters: letters::Letters,
}

/// One row of the directory, borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    pub company_name: &'a str,
    domain: &'a str,
    pub cloud: Cloud,
    pub status: AgreementStatus,
    pub agreement: Option<AgreementKind>,
    pub subscriptions: u32,
}

impl<'a> Entry<'a> {
    /// The full primary domain.
    pub fn domain(&self) -> &'a str {
        self.domain
    }

    /// The domain without `.onmicrosoft.com`, or the whole domain when it has another ending.
    pub fn domain_prefix(&self) -> &'a str {
        self.domain
            .strip_suffix(DOMAIN_SUFFIX)
            .unwrap_or(self.domain)
    }

    pub fn to_row(&self) -> ListingRow {
        ListingRow {
            company_name: self.company_name.to_string(),
            domain: self.domain.to_string(),
            cloud: self.cloud,
            status: self.status,
            agreement: self.agreement,
            subscriptions: self.subscriptions,
        }
    }
}

/// An arena would pass 4 GiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TooLarge;

fn offset(len: usize) -> Result<u32, TooLarge> {
    u32::try_from(len).map_err(|_| TooLarge)
}

fn pack(cloud: Cloud, status: AgreementStatus, agreement: Option<AgreementKind>) -> u8 {
    let cloud = match cloud {
        Cloud::Public => 0,
        Cloud::Germany => 1,
        Cloud::China21Vianet => 2,
        Cloud::UsGovernment => 3,
    };
    let status = match status {
        AgreementStatus::Confirmed => 0,
        AgreementStatus::NotConfirmed => 1,
        AgreementStatus::NotSupported => 2,
    };
    let agreement = match agreement {
        None => 0,
        Some(AgreementKind::CloudAgreement) => 1,
        Some(AgreementKind::CustomerAgreement) => 2,
    };
    cloud | status << 2 | agreement << AGREEMENT_SHIFT
}

/// Where the agreement of a Confirmed row sits in its code: bits 5-6 (bit 4 is the saved
/// file's own).
const AGREEMENT_SHIFT: u8 = 5;

/// The bits [`pack`] may set.
pub(crate) const CODE_BITS: u8 = 0x0f | 3 << AGREEMENT_SHIFT;

/// The cloud, status and agreement of a code, or `None` for a code [`pack`] never makes.
fn unpack(code: u8) -> Option<(Cloud, AgreementStatus, Option<AgreementKind>)> {
    if code & !CODE_BITS != 0 {
        return None;
    }
    let status = match (code >> 2) & 3 {
        0 => AgreementStatus::Confirmed,
        1 => AgreementStatus::NotConfirmed,
        2 => AgreementStatus::NotSupported,
        _ => return None,
    };
    let agreement = match (code >> AGREEMENT_SHIFT) & 3 {
        0 => None,
        1 => Some(AgreementKind::CloudAgreement),
        2 => Some(AgreementKind::CustomerAgreement),
        _ => return None,
    };
    Some((Cloud::ALL[usize::from(code & 3)], status, agreement))
}

impl Default for Directory {
    fn default() -> Directory {
        Directory::new()
    }
}

impl fmt::Debug for Directory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Directory")
            .field("len", &self.len())
            .field("heap_bytes", &self.heap_bytes())
            .finish_non_exhaustive()
    }
}

impl Directory {
    pub fn new() -> Directory {
        Directory::with_capacity(0, 0, 0)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// The row at `rank` in list order.
    pub fn get(&self, rank: usize) -> Option<Entry<'_>> {
        (rank < self.len()).then(|| self.entry(rank))
    }

    fn entry(&self, rank: usize) -> Entry<'_> {
        let (cloud, status, agreement) =
            unpack(self.codes[rank]).expect("codes are packed on the way in");
        let span = |starts: &[u32], r: usize| starts[r] as usize..starts[r + 1] as usize;
        let domain_start = self.domain_starts[rank] as usize;
        let key_end = self.key_starts[rank + 1] as usize - ROW_END.len_utf8();
        Entry {
            company_name: &self.names[span(&self.name_starts, rank)],
            domain: &self.keys[domain_start..key_end],
            cloud,
            status,
            agreement,
            subscriptions: self.subscriptions[rank],
        }
    }

    /// Every row in list order.
    pub fn rows(&self) -> impl Iterator<Item = Entry<'_>> + '_ {
        (0..self.len()).map(|rank| self.entry(rank))
    }

    /// The sort key of a row.
    fn key(&self, rank: usize) -> &[u8] {
        let start = self.key_starts[rank] as usize;
        let end = self.key_starts[rank + 1] as usize - ROW_END.len_utf8();
        &self.keys.as_bytes()[start..end]
    }

    /// The rank of the row with this key, or where it would go.
    fn find(&self, key: &[u8]) -> Result<usize, usize> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            match self.key(middle).cmp(key) {
                Ordering::Less => low = middle + 1,
                Ordering::Greater => high = middle,
                Ordering::Equal => return Ok(middle),
            }
        }
        Err(low)
    }

    /// The rank of the customer with this name (compared whatever its case, as the list order
    /// does) and domain.
    pub fn rank_of(&self, company_name: &str, domain: &str) -> Option<usize> {
        self.find(sort_key(company_name, domain).as_bytes()).ok()
    }

    /// The rank of the first row after the one whose sort key is `key` (see `sort_key`), that
    /// row there or not: where a page that ended with it goes on.
    pub fn rank_after_key(&self, key: &str) -> usize {
        match self.find(key.as_bytes()) {
            Ok(rank) => rank + 1,
            Err(rank) => rank,
        }
    }

    /// The ranks of the rows whose company name, folded, starts with `folded_prefix`: one run
    /// of the list, found by two binary searches.
    pub fn ranks_with_name_prefix(&self, folded_prefix: &str) -> std::ops::Range<usize> {
        let prefix = folded_prefix.as_bytes();
        if folded_prefix.contains(SEPARATOR) {
            return 0..0;
        }
        let first = self.find(prefix).unwrap_or_else(|rank| rank);
        let (mut low, mut high) = (first, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if self.key(middle).starts_with(prefix) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        first..low
    }

    /// Heap bytes held, counting capacity.
    pub fn heap_bytes(&self) -> usize {
        let u32s = self.name_starts.capacity()
            + self.key_starts.capacity()
            + self.domain_starts.capacity()
            + self.subscriptions.capacity();
        self.names.capacity()
            + self.keys.capacity()
            + self.codes.capacity()
            + u32s * 4
            + self.letters.heap_bytes()
    }
}
