//! The Customers list saved beside the store, so that the dashboard shows its first page before
//! the database has opened. A copy of the store, never the record: the store removes it before
//! its first write (see `store::LIST_CACHE_FILES`), and a copy is used only for the store it
//! names (its identity, see `StoreIdentity`) at the generation it names.

use super::{read_head, Directory, Head, Stamp};
use crate::store::{StoreIdentity, LIST_CACHE_FILES};
use chrono::NaiveDate;
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
    /// list of `store` with the statuses of the business date `as_of`; `None` when there is no
    /// usable copy of it (a damaged one, one of another store or with the statuses of other
    /// dates is ignored: the store has everything).
    pub fn head(
        &self,
        rows: usize,
        store: StoreIdentity,
        as_of: NaiveDate,
    ) -> Option<(Head, String)> {
        let head = read_head(&self.list, rows).ok()??;
        if head.stamp.store != store || !head.stamp.holds_on(as_of) {
            return None;
        }
        let partner = std::fs::read_to_string(&self.partner).ok()?;
        Some((head, partner))
    }

    /// The whole list, when the copy shows `store` at `generation` on the business date
    /// `as_of`.
    pub fn load(
        &self,
        store: StoreIdentity,
        generation: u64,
        as_of: NaiveDate,
    ) -> Option<Directory> {
        match Directory::read_file(&self.list) {
            Ok(Some((saved, directory))) if saved.shows(store, generation, as_of) => {
                Some(directory)
            }
            _ => None,
        }
    }

    /// The stamp of the saved copy, when there is one that can be read.
    pub fn stamp(&self) -> Option<Stamp> {
        read_head(&self.list, 0).ok()?.map(|head| head.stamp)
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
            agreement: Some(crate::domain::agreement::AgreementKind::CloudAgreement),
            subscriptions: 1,
        }))
    }

    const STORE: StoreIdentity = StoreIdentity(0xfeed);
    const OTHER: StoreIdentity = StoreIdentity(0xbeef);

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// Any business date after every acceptance date of the saved lists.
    fn today() -> NaiveDate {
        day("2018-11-14")
    }

    fn at(store: StoreIdentity, generation: u64) -> Stamp {
        Stamp {
            store,
            generation,
            statuses_from: Some(day("2018-11-01")),
        }
    }

    #[test]
    fn a_saved_list_gives_its_head_and_loads_only_for_its_generation() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ListCache::of(dir.path());
        assert!(cache.head(5, STORE, today()).is_none());
        cache
            .save(&directory(100), at(STORE, 7), "Fabrikam")
            .unwrap();
        let (head, partner) = cache.head(5, STORE, today()).unwrap();
        assert_eq!(
            (head.stamp, head.count, head.rows.len()),
            (at(STORE, 7), 100, 5)
        );
        assert_eq!(head.rows[0].company_name, "Company 0000");
        assert_eq!(partner, "Fabrikam");
        assert_eq!(cache.stamp(), Some(at(STORE, 7)));
        assert_eq!(cache.load(STORE, 7, today()).unwrap().len(), 100);
        assert!(
            cache.load(STORE, 8, today()).is_none(),
            "a copy of another generation is not used"
        );
    }

    #[test]
    fn a_list_is_not_used_on_a_business_date_before_its_statuses_hold() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ListCache::of(dir.path());
        cache
            .save(&directory(10), at(STORE, 7), "Fabrikam")
            .unwrap();
        let before = day("2018-10-31");
        assert!(cache.head(5, STORE, before).is_none());
        assert!(cache.load(STORE, 7, before).is_none());
        assert!(cache.load(STORE, 7, day("2018-11-01")).is_some());
        let every_date = Stamp {
            statuses_from: None,
            ..at(STORE, 8)
        };
        cache.save(&directory(10), every_date, "Fabrikam").unwrap();
        assert!(cache.load(STORE, 8, day("2014-01-01")).is_some());
    }

    #[test]
    fn a_list_of_another_store_is_not_used_even_at_the_same_generation() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ListCache::of(dir.path());
        cache
            .save(&directory(10), at(OTHER, 7), "Fabrikam")
            .unwrap();
        assert!(cache.head(5, STORE, today()).is_none());
        assert!(cache.load(STORE, 7, today()).is_none());
        assert!(cache.head(5, OTHER, today()).is_some());
    }

    #[test]
    fn a_list_without_its_partner_file_or_with_damage_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ListCache::of(dir.path());
        cache.save(&directory(3), at(STORE, 1), "Fabrikam").unwrap();
        std::fs::remove_file(dir.path().join(LIST_CACHE_FILES[1])).unwrap();
        assert!(cache.head(5, STORE, today()).is_none());
        cache.save(&directory(3), at(STORE, 1), "Fabrikam").unwrap();
        std::fs::write(dir.path().join(LIST_CACHE_FILES[0]), b"PCLIST03garbage").unwrap();
        assert!(cache.head(5, STORE, today()).is_none());
        assert!(cache.load(STORE, 1, today()).is_none());
    }
}
