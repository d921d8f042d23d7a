//! Changing one row in place, or adding it where it belongs.

use super::{offset, pack, sort_key, Directory, ListingRow};
use super::{ROW_END, TOO_LARGE};

impl Directory {
    /// Puts a row in its place, or updates the cloud, status and subscriptions (and the case of
    /// the name) of the row with the same name and domain; returns its rank. An update takes
    /// O(log n) unless the name's spelling changes; an insert moves the rows after it.
    pub fn upsert(&mut self, row: &ListingRow) -> usize {
        let key = sort_key(&row.company_name, &row.domain);
        let code = pack(row.cloud, row.status, row.agreement);
        match self.find(key.as_bytes()) {
            Ok(rank) => {
                self.codes[rank] = code;
                self.subscriptions[rank] = row.subscriptions;
                if self.entry(rank).company_name != row.company_name {
                    self.rename(rank, &row.company_name);
                }
                rank
            }
            Err(rank) => {
                self.insert(rank, row, key, code);
                rank
            }
        }
    }

    fn insert(&mut self, rank: usize, row: &ListingRow, mut key: String, code: u8) {
        key.push(ROW_END);
        offset(self.names.len() + row.company_name.len()).expect(TOO_LARGE);
        offset(self.keys.len() + key.len()).expect(TOO_LARGE);
        self.make_room(row.company_name.len(), key.len());
        let name_at = self.name_starts[rank];
        self.names.insert_str(name_at as usize, &row.company_name);
        self.name_starts.insert(rank, name_at);
        shift(
            &mut self.name_starts[rank + 1..],
            row.company_name.len() as u32,
        );
        let key_at = self.key_starts[rank];
        self.keys.insert_str(key_at as usize, &key);
        self.key_starts.insert(rank, key_at);
        shift(&mut self.key_starts[rank + 1..], key.len() as u32);
        let domain_at = key_at + (key.len() - row.domain.len() - ROW_END.len_utf8()) as u32;
        self.domain_starts.insert(rank, domain_at);
        shift(&mut self.domain_starts[rank + 1..], key.len() as u32);
        self.codes.insert(rank, code);
        self.subscriptions.insert(rank, row.subscriptions);
        self.letters
            .insert(rank, &key.as_bytes()[..key.len() - ROW_END.len_utf8()]);
    }

    /// Makes room for one more row: a full array grows by a thirty-second, not twice its size,
    /// since the next insert moves every row after it anyway.
    fn make_room(&mut self, name_bytes: usize, key_bytes: usize) {
        let extra = |len: usize, capacity: usize, more: usize| {
            (capacity - len < more).then_some(more + len / 32)
        };
        if let Some(more) = extra(self.names.len(), self.names.capacity(), name_bytes) {
            self.names.reserve_exact(more);
        }
        if let Some(more) = extra(self.keys.len(), self.keys.capacity(), key_bytes) {
            self.keys.reserve_exact(more);
        }
        if let Some(more) = extra(self.codes.len(), self.codes.capacity(), 1) {
            self.codes.reserve_exact(more);
        }
        for offsets in [
            &mut self.name_starts,
            &mut self.key_starts,
            &mut self.domain_starts,
            &mut self.subscriptions,
        ] {
            if let Some(more) = extra(offsets.len(), offsets.capacity(), 1) {
                offsets.reserve_exact(more);
            }
        }
    }

    /// Respells a row's name; its key, and so its place, stays the same.
    fn rename(&mut self, rank: usize, name: &str) {
        let (start, end) = (self.name_starts[rank], self.name_starts[rank + 1]);
        offset(self.names.len() - (end - start) as usize + name.len()).expect(TOO_LARGE);
        self.names.replace_range(start as usize..end as usize, name);
        let delta = (name.len() as u32).wrapping_sub(end - start);
        shift(&mut self.name_starts[rank + 1..], delta);
    }
}

/// Adds `delta` (modulo 2^32, so a wrapped negative delta subtracts) to every offset.
fn shift(offsets: &mut [u32], delta: u32) {
    for offset in offsets {
        *offset = offset.wrapping_add(delta);
    }
}
