//! Building a directory from rows, in whatever order they come.

use super::{offset, pack, push_folded, Directory, ListingRow, TooLarge};
use super::{ROW_END, SEPARATOR, TOO_LARGE};

/// A directory being built one row at a time, in any order (see `Directory::from_rows`).
pub struct Building {
    directory: Directory,
    in_order: bool,
}

impl Building {
    pub fn with_capacity(rows: usize) -> Building {
        Building {
            directory: Directory::with_capacity(rows, rows * 24, rows * 56),
            in_order: true,
        }
    }

    pub fn push(&mut self, row: &ListingRow) {
        let directory = &mut self.directory;
        let code = pack(row.cloud, row.status, row.agreement);
        directory
            .push(
                &row.company_name,
                (&row.domain, ""),
                code,
                row.subscriptions,
            )
            .expect(TOO_LARGE);
        let n = directory.len();
        self.in_order = self.in_order && (n < 2 || directory.key(n - 2) < directory.key(n - 1));
    }

    pub fn finish(mut self) -> Directory {
        if self.in_order {
            self.directory.shrink_to_fit();
            self.directory
        } else {
            self.directory.sorted()
        }
    }
}

impl Directory {
    pub(super) fn with_capacity(rows: usize, name_bytes: usize, key_bytes: usize) -> Directory {
        let mut starts = Vec::with_capacity(rows + 1);
        starts.push(0);
        Directory {
            names: String::with_capacity(name_bytes),
            name_starts: starts.clone(),
            keys: String::with_capacity(key_bytes),
            key_starts: starts,
            domain_starts: Vec::with_capacity(rows),
            codes: Vec::with_capacity(rows),
            subscriptions: Vec::with_capacity(rows),
            letters: Default::default(),
        }
    }

    /// The rows in list order, whatever order they come in; a name and domain given twice keeps
    /// its last row. Rows already in order (the usual case) are only copied in.
    pub fn from_rows(rows: impl IntoIterator<Item = ListingRow>) -> Directory {
        let rows = rows.into_iter();
        let mut building = Building::with_capacity(rows.size_hint().0);
        for row in rows {
            building.push(&row);
        }
        building.finish()
    }

    /// Gives back capacity a guessed size left unused.
    fn shrink_to_fit(&mut self) {
        self.names.shrink_to_fit();
        self.name_starts.shrink_to_fit();
        self.keys.shrink_to_fit();
        self.key_starts.shrink_to_fit();
        self.domain_starts.shrink_to_fit();
        self.codes.shrink_to_fit();
        self.subscriptions.shrink_to_fit();
    }

    /// Appends a row whose domain is `domain.0 + domain.1`, leaving the directory as it was when
    /// an arena would pass 4 GiB.
    fn push(
        &mut self,
        name: &str,
        domain: (&str, &str),
        code: u8,
        subscriptions: u32,
    ) -> Result<(), TooLarge> {
        let name_end = offset(self.names.len() + name.len())?;
        self.push_key(name, domain)?;
        self.names.push_str(name);
        self.name_starts.push(name_end);
        self.codes.push(code);
        self.subscriptions.push(subscriptions);
        Ok(())
    }

    /// Appends a row's sort key to the key arena alone, leaving it as it was when it would pass
    /// 4 GiB.
    pub(super) fn push_key(&mut self, name: &str, domain: (&str, &str)) -> Result<(), TooLarge> {
        let keys_len = self.keys.len();
        push_folded(&mut self.keys, name);
        self.keys.push(SEPARATOR);
        let domain_start = self.keys.len();
        self.keys.push_str(domain.0);
        self.keys.push_str(domain.1);
        self.keys.push(ROW_END);
        let Ok(key_end) = offset(self.keys.len()) else {
            self.keys.truncate(keys_len);
            return Err(TooLarge);
        };
        self.key_starts.push(key_end);
        self.domain_starts.push(domain_start as u32);
        Ok(())
    }

    /// A copy in key order, keeping the last of rows with equal keys.
    fn sorted(&self) -> Directory {
        let mut order: Vec<u32> = (0..self.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let key = |r: u32| self.key(r as usize);
            key(a).cmp(key(b)).then(a.cmp(&b))
        });
        let mut out = Directory::with_capacity(self.len(), self.names.len(), self.keys.len());
        for (i, &r) in order.iter().enumerate() {
            let r = r as usize;
            if order
                .get(i + 1)
                .is_some_and(|&next| self.key(next as usize) == self.key(r))
            {
                continue;
            }
            let entry = self.entry(r);
            out.push(
                entry.company_name,
                (entry.domain, ""),
                self.codes[r],
                entry.subscriptions,
            )
            .expect("a sorted copy is no larger than the original");
        }
        out
    }
}
