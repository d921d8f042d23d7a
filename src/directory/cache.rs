//! The Customers list saved beside the store, so that the dashboard shows its first page before
//! the database has opened. A copy of the store, never the record: the store removes it before
//! its first write (see `store::LIST_CACHE_FILES`), and a copy whose generation differs from the
//! store's is not used.

use super::{read_head, Directory, Head};
use crate::store::LIST_CACHE_FILES;
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

    /// The first `rows` rows, the count, the generation and the partner name; `None` when
    /// there is no usable copy (a damaged one is ignored: the store has everything).
    pub fn head(&self, rows: usize) -> Option<(Head, String)> {
        let head = read_head(&self.list, rows).ok()??;
        let partner = std::fs::read_to_string(&self.partner).ok()?;
        Some((head, partner))
    }

    /// The whole list, when the copy is of the store at `generation`.
    pub fn load(&self, generation: u64) -> Option<Directory> {
        match Directory::read_file(&self.list) {
            Ok(Some((saved, directory))) if saved == generation => Some(directory),
            _ => None,
        }
    }

    /// Saves the list of the store at `generation`. The partner name goes first: a list file
    /// without its partner file is never used.
    pub fn save(&self, directory: &Directory, generation: u64, partner: &str) -> io::Result<()> {
        std::fs::write(&self.partner, partner)?;
        directory.write_file(&self.list, generation)
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

    #[test]
    fn a_saved_list_gives_its_head_and_loads_only_for_its_generation() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ListCache::of(dir.path());
        assert!(cache.head(5).is_none());
        cache.save(&directory(100), 7, "Fabrikam").unwrap();
        let (head, partner) = cache.head(5).unwrap();
        assert_eq!((head.generation, head.count, head.rows.len()), (7, 100, 5));
        assert_eq!(head.rows[0].company_name, "Company 0000");
        assert_eq!(partner, "Fabrikam");
        assert_eq!(cache.load(7).unwrap().len(), 100);
        assert!(
            cache.load(8).is_none(),
            "a copy of another generation is not used"
        );
    }

    #[test]
    fn a_list_without_its_partner_file_or_with_damage_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ListCache::of(dir.path());
        cache.save(&directory(3), 1, "Fabrikam").unwrap();
        std::fs::remove_file(dir.path().join(LIST_CACHE_FILES[1])).unwrap();
        assert!(cache.head(5).is_none());
        cache.save(&directory(3), 1, "Fabrikam").unwrap();
        std::fs::write(dir.path().join(LIST_CACHE_FILES[0]), b"PCLIST01garbage").unwrap();
        assert!(cache.head(5).is_none());
        assert!(cache.load(1).is_none());
    }
}
