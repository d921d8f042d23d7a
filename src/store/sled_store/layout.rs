//! Tree names, the `meta` header, and one transaction over every data tree.

use super::{buckets, failure};
use crate::store::rules::Records;
use crate::store::{mix64, Dossier, StoreError, StoreIdentity, SCHEMA_VERSION};
use chrono::{Datelike, NaiveDate};
use sled::transaction::{
    ConflictableTransactionError, ConflictableTransactionResult, TransactionResult,
    TransactionalTree,
};
use sled::Transactional;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

pub(super) const META: &str = "meta";
pub(super) const SCHEMA: &str = "schema_version";
pub(super) const ID_SALT: &str = "id_salt";
pub(super) const NEXT_NUMBER: &str = "next_number";
pub(super) const PARTNER_NAME: &str = "partner_name";
/// The Partner Center environment the store was created for: "production" or "sandbox".
pub(super) const ENVIRONMENT: &str = "environment";
/// The store's identity (see `store::identity`): 16 bytes, written at creation.
pub(super) const IDENTITY: &str = "store_identity";

/// What a store needs from `meta` to make IDs, and the layout version it was written in.
pub(super) struct Header {
    pub salt: u64,
    pub next_number: u64,
    pub version: u32,
}

/// The oldest layout this build migrates from.
pub(super) const OLDEST_MIGRATED: u32 = 1;

/// Reads the header of an existing store, or writes one for a new store. Writes nothing to a
/// store this build cannot read.
pub(super) fn read_or_create_header(
    db: &sled::Db,
    meta: &sled::Tree,
    path: &Path,
) -> Result<Header, StoreError> {
    let fail = |e| failure(path, e);
    let corrupt = |detail: &str| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    };
    let Some(version) = meta.get(SCHEMA).map_err(fail)? else {
        return create_header(db, meta, path);
    };
    let found = <[u8; 4]>::try_from(version.as_ref())
        .map(u32::from_be_bytes)
        .map_err(|_| corrupt("its schema version is unreadable"))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found < OLDEST_MIGRATED {
        return Err(corrupt(&format!("schema version {found} does not exist")));
    }
    let read_u64 = |name: &str| -> Result<u64, StoreError> {
        let value = meta.get(name).map_err(fail)?;
        value
            .and_then(|v| <[u8; 8]>::try_from(v.as_ref()).ok())
            .map(u64::from_be_bytes)
            .ok_or_else(|| corrupt(&format!("its {name} is missing or unreadable")))
    };
    Ok(Header {
        salt: read_u64(ID_SALT)?,
        next_number: read_u64(NEXT_NUMBER)?,
        version: found,
    })
}

fn create_header(db: &sled::Db, meta: &sled::Tree, path: &Path) -> Result<Header, StoreError> {
    let header = Header {
        salt: fresh_salt(),
        next_number: 1,
        version: SCHEMA_VERSION,
    };
    let mut batch = sled::Batch::default();
    batch.insert(SCHEMA, &SCHEMA_VERSION.to_be_bytes()[..]);
    batch.insert(ID_SALT, &header.salt.to_be_bytes()[..]);
    batch.insert(NEXT_NUMBER, &header.next_number.to_be_bytes()[..]);
    batch.insert(IDENTITY, &StoreIdentity::fresh().to_bytes()[..]);
    meta.apply_batch(batch).map_err(|e| failure(path, e))?;
    db.flush().map_err(|e| failure(path, e))?;
    Ok(header)
}

/// Different for every store created, so two stores practically never make the same IDs.
fn fresh_salt() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    mix64(nanos ^ (u64::from(std::process::id()) << 32))
}

pub(super) const GENERATION: &[u8] = b"generation";
pub(super) const CUSTOMER_COUNT: &[u8] = b"customers";
/// The latest acceptance date of any confirmation ever stored, in days from the common era's
/// first day; 0 before the first. At a business date from it on, every confirmation counts,
/// and the backlog trees alone list the customers not confirmed.
pub(super) const LATEST_ACCEPTANCE: &[u8] = b"latest_acceptance";
/// The latest business date on which any record was made (`Dossier::changed_on`): from it on,
/// every list row reads as stored.
pub(super) const LATEST_CHANGE: &[u8] = b"latest_change";

/// A date as the stats keep it: days from January 1 of year 1.
pub(super) fn day_number(date: NaiveDate) -> u64 {
    u64::try_from(date.num_days_from_ce()).unwrap_or(0)
}

/// The date a stats entry keeps, `None` for 0 (never written).
pub(super) fn day_of(number: u64) -> Option<NaiveDate> {
    let days = i32::try_from(number).ok().filter(|&days| days > 0)?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// Each data tree's name carries the layout version that gave it its present form; a layout
/// that leaves a tree as it was keeps its name, so migrating never copies it.
pub(super) const CUSTOMERS_TREE: &str = "v2.customers";
pub(super) const CUSTOMER_IDS_TREE: &str = "v3.customer_ids";
pub(super) const DOMAINS_TREE: &str = "v3.domains";
pub(super) const LISTING_TREE: &str = "v4.listing";
const UNCONFIRMED_TREE: &str = "v4.unconfirmed";
const LISTING_PAGES_TREE: &str = "v4.listing_pages";
const UNCONFIRMED_PAGES_TREE: &str = "v4.unconfirmed_pages";
/// The list trees of layouts 2 and 3, whose rows said only whether a customer had a
/// confirmation; layout 4's rows give the first acceptance date.
pub(super) const V3_LIST_TREES: [&str; 4] = [
    "v2.listing",
    "v2.unconfirmed",
    "v3.listing_pages",
    "v3.unconfirmed_pages",
];
const STATS_TREE: &str = "v2.stats";

pub(super) struct DataTrees {
    /// Where the store is, for messages about what is found in the trees.
    pub path: PathBuf,
    pub customers: sled::Tree,
    pub customer_ids: sled::Tree,
    pub domains: sled::Tree,
    pub listing: sled::Tree,
    pub unconfirmed: sled::Tree,
    /// Pages of rows under `listing` and `unconfirmed`, written by a fill and never in a
    /// transaction (see `list_pages`).
    pub listing_pages: sled::Tree,
    pub unconfirmed_pages: sled::Tree,
    pub stats: sled::Tree,
}

/// The data trees as seen inside a transaction.
pub(super) struct Tx<'a> {
    pub path: &'a Path,
    pub customers: &'a TransactionalTree,
    pub customer_ids: &'a TransactionalTree,
    pub domains: &'a TransactionalTree,
    pub listing: &'a TransactionalTree,
    pub unconfirmed: &'a TransactionalTree,
    pub stats: &'a TransactionalTree,
}

impl DataTrees {
    pub fn open(db: &sled::Db, path: &Path) -> sled::Result<DataTrees> {
        Ok(DataTrees {
            path: path.to_path_buf(),
            customers: db.open_tree(CUSTOMERS_TREE)?,
            customer_ids: db.open_tree(CUSTOMER_IDS_TREE)?,
            domains: db.open_tree(DOMAINS_TREE)?,
            listing: db.open_tree(LISTING_TREE)?,
            unconfirmed: db.open_tree(UNCONFIRMED_TREE)?,
            listing_pages: db.open_tree(LISTING_PAGES_TREE)?,
            unconfirmed_pages: db.open_tree(UNCONFIRMED_PAGES_TREE)?,
            stats: db.open_tree(STATS_TREE)?,
        })
    }

    /// The trees that hold customers and their list rows: all of them but `stats`.
    pub fn records(&self) -> [&sled::Tree; 7] {
        [
            &self.customers,
            &self.customer_ids,
            &self.domains,
            &self.listing,
            &self.unconfirmed,
            &self.listing_pages,
            &self.unconfirmed_pages,
        ]
    }

    /// Runs `f` atomically over every data tree. sled may run `f` more than once, so it must
    /// only read and write through the trees it is given.
    pub fn transaction<A>(
        &self,
        f: impl Fn(&Tx<'_>) -> ConflictableTransactionResult<A, StoreError>,
    ) -> TransactionResult<A, StoreError> {
        (
            &self.customers,
            &self.customer_ids,
            &self.domains,
            &self.listing,
            &self.unconfirmed,
            &self.stats,
        )
            .transaction(
                |(customers, customer_ids, domains, listing, unconfirmed, stats)| {
                    f(&Tx {
                        path: &self.path,
                        customers,
                        customer_ids,
                        domains,
                        listing,
                        unconfirmed,
                        stats,
                    })
                },
            )
    }

    /// A counter of `stats`, 0 when never written.
    pub fn stat(&self, name: &[u8]) -> sled::Result<u64> {
        Ok(self.stats.get(name)?.map_or(0, |v| read_counter(&v)))
    }

    /// Raises the latest date of change to `date` when it is later.
    pub fn note_change(&self, date: Option<NaiveDate>) -> sled::Result<()> {
        let Some(date) = date else { return Ok(()) };
        if self.stat(LATEST_CHANGE)? < day_number(date) {
            self.stats
                .insert(LATEST_CHANGE, &day_number(date).to_be_bytes()[..])?;
        }
        Ok(())
    }

    /// Raises the latest acceptance date to `date` when it is later.
    pub fn note_acceptance(&self, date: Option<NaiveDate>) -> sled::Result<()> {
        let Some(date) = date else { return Ok(()) };
        if self.stat(LATEST_ACCEPTANCE)? < day_number(date) {
            self.stats
                .insert(LATEST_ACCEPTANCE, &day_number(date).to_be_bytes()[..])?;
        }
        Ok(())
    }
}

pub(super) fn read_counter(stored: &[u8]) -> u64 {
    <[u8; 8]>::try_from(stored).map_or(0, u64::from_be_bytes)
}

type TxResult<A> = ConflictableTransactionResult<A, StoreError>;

impl Tx<'_> {
    /// Counts one more write, and `new_customers` more customers.
    pub fn bump(&self, new_customers: u64) -> TxResult<()> {
        for (name, by) in [(GENERATION, 1), (CUSTOMER_COUNT, new_customers)] {
            let now = self.stats.get(name)?.map_or(0, |v| read_counter(&v));
            self.stats.insert(name, &(now + by).to_be_bytes()[..])?;
        }
        Ok(())
    }
}

impl Tx<'_> {
    /// Raises the latest acceptance date to that of `dossier`'s latest confirmation, and the
    /// latest date of change to the dossier's.
    pub fn note_acceptances(&self, dossier: &Dossier) -> TxResult<()> {
        let changed = day_number(dossier.changed_on());
        let stored = (self.stats.get(LATEST_CHANGE)?).map_or(0, |v| read_counter(&v));
        if stored < changed {
            self.stats
                .insert(LATEST_CHANGE, &changed.to_be_bytes()[..])?;
        }
        let Some(latest) = dossier.confirmations.iter().map(|c| c.counts_from()).max() else {
            return Ok(());
        };
        let stored = self
            .stats
            .get(LATEST_ACCEPTANCE)?
            .map_or(0, |v| read_counter(&v));
        if stored < day_number(latest) {
            self.stats
                .insert(LATEST_ACCEPTANCE, &day_number(latest).to_be_bytes()[..])?;
        }
        Ok(())
    }

    fn has_entry(&self, index: &TransactionalTree, key: &str) -> TxResult<bool> {
        Ok(buckets::get_in(index, key.as_bytes(), self.path)?.is_some())
    }
}

impl Records for Tx<'_> {
    type Error = ConflictableTransactionError<StoreError>;

    fn has_customer(&self, id: &str) -> Result<bool, Self::Error> {
        self.has_entry(self.customer_ids, id)
    }

    fn has_domain(&self, domain: &str) -> Result<bool, Self::Error> {
        self.has_entry(self.domains, domain)
    }
}

/// A refusal found inside a transaction aborts it.
impl From<StoreError> for ConflictableTransactionError<StoreError> {
    fn from(refusal: StoreError) -> Self {
        ConflictableTransactionError::Abort(refusal)
    }
}
