//! The Customers list saved beside the store, so that the dashboard shows its first page before
//! the database has opened. A copy of the store, never the record: the store removes it before
//! its first write (see `store::LIST_CACHE_FILES`), and a copy is used only for the store it
//! names (its identity, see `StoreIdentity`) at the generation it names.

use super::{read_head, Directory, Head, Stamp};
use crate::store::{StoreIdentity, LIST_CACHE_FILES};
use std::io;
use std::path::{Path, PathBuf};

pub struct ListCache {
    list: PathBuf,
    partner: PathBuf,
}

impl ListCache {
    pub fn of(store_dir: &Path) -> ListCache {
        let [list, partner] = LIST_CACHE_FILES;
        ListCache {
            list: store_dir.join(list),
            partner: store_dir.join(partner),
        }
    }

    /// The first `rows` rows, the count, the stamp and the partner name of the copy of the
    /// list of `store`; `None` when there is no usable copy of it (a damaged one, or one of
    /// another store, is ignored: the store has everything).
    pub fn head(&self, rows: usize, store: StoreIdentity) -> Option<(Head, String)> {
        let head = read_head(&self.list, rows).ok()??;
        if head.stamp.store != store {
            return None;
        }
        let partner = std::fs::read_to_string(&self.partner).ok()?;
        Some((head, partner))
    }

    /// The whole list, when the copy is of the store and generation of `stamp`.
    pub fn load(&self, stamp: Stamp) -> Option<Directory> {
        match Directory::read_file(&self.list) {
            Ok(Some((saved, directory))) if saved == stamp => Some(directory),
            _ => None,
        }
    }

    /// Saves the list of the store and generation of `stamp`. The partner name goes first: a
    /// list file without its partner file is never used.
    pub fn save(&self, directory: &Directory, stamp: Stamp, partner: &str) -> io::Result<()> {
        std::fs::write(&self.partner, partner)?;
        directory.write_file(&self.list, stamp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::ListingRow;
    use crate::domain::cloud::Cloud;
    use crate::domain::status::AgreementStatus;

    fn directory(count: usize) -> Directory {
        Directory::from_rows((0..count).map(|i| ListingRow {
            company_name: format!("Company {i:04}"),
            domain: format!("company{i}.onmicrosoft.com"),
            cloud: Cloud::Public,
            status: AgreementStatus::Confirmed,
            subscriptions: 1,
        }))
    }

    const STORE: StoreIdentity = StoreIdentity(0xfeed);
    const OTHER: StoreIdentity = StoreIdentity(0xbeef);

    fn at(store: StoreIdentity, generation: u64) -> Stamp {
        Stamp { store, generation }
    }

    #[test]
    fn a_saved_list_gives_its_head_and_loads_only_for_its_generation() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ListCache::of(dir.path());
        assert!(cache.head(5, STORE).is_none());
        cache
            .save(&directory(100), at(STORE, 7), "Fabrikam")
            .unwrap();
        let (head, partner) = cache.head(5, STORE).unwrap();
        assert_eq!(
            (head.stamp, head.count, head.rows.len()),
            (at(STORE, 7), 100, 5)
        );
        assert_eq!(head.rows[0].company_name, "Company 0000");
        assert_eq!(partner, "Fabrikam");
        assert_eq!(cache.load(at(STORE, 7)).unwrap().len(), 100);
        assert!(
            cache.load(at(STORE, 8)).is_none(),
            "a copy of another generation is not used"
        );
    }

    #[test]
    fn a_list_of_another_store_is_not_used_even_at_the_same_generation() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ListCache::of(dir.path());
        cache
            .save(&directory(10), at(OTHER, 7), "Fabrikam")
            .unwrap();
        assert!(cache.head(5, STORE).is_none());
        assert!(cache.load(at(STORE, 7)).is_none());
        assert!(cache.head(5, OTHER).is_some());
    }

    #[test]
    fn a_list_without_its_partner_file_or_with_damage_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ListCache::of(dir.path());
        cache.save(&directory(3), at(STORE, 1), "Fabrikam").unwrap();
        std::fs::remove_file(dir.path().join(LIST_CACHE_FILES[1])).unwrap();
        assert!(cache.head(5, STORE).is_none());
        cache.save(&directory(3), at(STORE, 1), "Fabrikam").unwrap();
        std::fs::write(dir.path().join(LIST_CACHE_FILES[0]), b"PCLIST02garbage").unwrap();
        assert!(cache.head(5, STORE).is_none());
        assert!(cache.load(at(STORE, 1)).is_none());
    }
}
