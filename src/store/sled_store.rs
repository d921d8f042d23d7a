//! The store on disk, kept in a sled database.
//!
//! Layout. Numbers are big-endian everywhere, so numeric keys sort in numeric order.
//! - `meta`: `schema_version` → u32, `id_salt` → u64, `next_number` → u64 (the first number
//!   not yet reserved), `partner_name` → UTF-8 text, `store_identity` → 16 bytes (see
//!   `store::identity`; absent from stores made before it). Never renamed, so any build can
//!   read the schema version.
//! - `v2.customers`: sequence number → the customer's dossier (the customer with its
//!   confirmations, orders and subscriptions) as JSON. Sequence numbers only grow, so iterating
//!   gives creation order; a customer's records are read and written together.
//! - `v3.customer_ids`: customer ID → sequence number, and `v3.domains`: domain (lower case) →
//!   customer ID, which keeps domains unique. Both are kept in hash buckets, many entries to a
//!   sled value (see `buckets`).
//! - `v2.listing` and `v2.unconfirmed`: list order key (see `list_order_key`) → the customer's
//!   list row, so the Customers list reads its first page, or every row, without reading any
//!   dossier. A row is in `unconfirmed` while its customer (in the public cloud) has no
//!   confirmation, in `listing` otherwise: the backlog reads without the rest. A fill writes
//!   its rows as pages of rows into `v3.listing_pages` and `v3.unconfirmed_pages`, and these
//!   two trees lie over them (see `list_pages`).
//! - `v2.stats`: `generation` (counts writes) and `customers` (how many) → u64.
//!
//! A tree's prefix is the layout version that gave it its present form: a new layout gets new
//! trees beside the old ones, and opening an older store migrates it (see `migrate`).

mod agents;
mod bucket_writes;
mod buckets;
mod bulk;
mod codec;
mod identity;
#[cfg(test)]
mod identity_tests;
mod layout;
mod list_pages;
mod merge;
mod migrate;
mod open;
mod packed;
mod seal;
mod stream;
#[cfg(test)]
mod tests;

use self::bucket_writes::{domain_taken, id_taken};
use self::layout::{
    DataTrees, Tx, CUSTOMER_COUNT, ENVIRONMENT, GENERATION, LATEST_ACCEPTANCE, LATEST_CHANGE,
    NEXT_NUMBER, PARTNER_NAME,
};
use super::rules;
use super::StoreIdentity;
use super::LIST_CACHE_FILES;
use super::{
    Dossier, DossierRows, IoProblem, Listed, ListingRows, Snapshot, Store, StoreError, StoreLock,
};
use crate::domain::agreement::Confirmation;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::customer::Customer;
use crate::domain::status::AgreementStatus;
use crate::domain::timeline::{AgreementEra, Environment};
use chrono::NaiveDate;
use merge::Merged;
use serde::de::DeserializeOwned;
use sled::transaction::{ConflictableTransactionResult, TransactionError};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

/// Numbers reserved on disk at a time. Reserving ahead keeps `new_id` off the disk most of the
/// time; numbers reserved but unused when the store closes are skipped, never reissued.
const NUMBERS_PER_RESERVATION: u64 = 256;

pub struct SledStore {
    path: PathBuf,
    db: sled::Db,
    meta: sled::Tree,
    trees: DataTrees,
    salt: u64,
    numbers: Mutex<Reservation>,
    /// Whether the saved copy of the list is gone (see `LIST_CACHE_FILES`).
    list_copy_gone: AtomicBool,
    /// Whether writes of records leave their flush to `flush_written` (see `group_flushes`).
    grouping_flushes: AtomicBool,
    /// How many writes of records have returned.
    written: AtomicU64,
    /// Held while flushing: how many writes of records were known flushed at the last flush.
    flushed: Mutex<u64>,
    /// How many times the database was flushed.
    #[cfg(test)]
    flushes: AtomicU64,
    /// Declared last, so it is released after the database is closed.
    _lock: StoreLock,
}

/// Numbers `next..end` are reserved on disk and not yet handed out.
struct Reservation {
    next: u64,
    end: u64,
}

impl SledStore {
    /// Opens the store at `path`, creating the directory and an empty store if there is none.
    pub fn open(path: &Path) -> Result<SledStore, StoreError> {
        SledStore::open_locked(StoreLock::acquire(path)?)
    }

    /// Opens the store whose lock the caller already holds, as its files are (see `open` for
    /// the checks around it).
    fn open_as_is(lock: StoreLock) -> Result<SledStore, StoreError> {
        let path = &lock.dir().to_path_buf();
        let fail = |e| failure(path, e);
        let db = open_db(path)?;
        let meta = db.open_tree(layout::META).map_err(fail)?;
        let header = layout::read_or_create_header(&db, &meta, path)?;
        // Only opened once the schema version is known to be readable, so that a newer store
        // is left exactly as it was.
        let trees = DataTrees::open(&db, path).map_err(fail)?;
        let store = SledStore {
            path: path.to_path_buf(),
            db,
            meta,
            trees,
            salt: header.salt,
            numbers: Mutex::new(Reservation {
                next: header.next_number,
                end: header.next_number,
            }),
            list_copy_gone: AtomicBool::new(false),
            grouping_flushes: AtomicBool::new(false),
            written: AtomicU64::new(0),
            flushed: Mutex::new(0),
            #[cfg(test)]
            flushes: AtomicU64::new(0),
            _lock: lock,
        };
        if header.version < super::SCHEMA_VERSION {
            store.migrate(header.version)?;
        }
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn fail(&self, e: sled::Error) -> StoreError {
        failure(&self.path, e)
    }

    /// Removes the saved copy of the list before the first change, so it never shows what
    /// the store no longer holds.
    fn before_change(&self) -> Result<(), StoreError> {
        if self.list_copy_gone.load(Ordering::Acquire) {
            return Ok(());
        }
        for name in LIST_CACHE_FILES {
            match std::fs::remove_file(self.path.join(name)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(StoreError::Io {
                        path: self.path.join(name),
                        detail: IoProblem::system(&e),
                    })
                }
                _ => {}
            }
        }
        self.list_copy_gone.store(true, Ordering::Release);
        Ok(())
    }

    fn flush(&self) -> Result<(), StoreError> {
        let mut flushed = self.flushed.lock().unwrap_or_else(PoisonError::into_inner);
        self.flush_holding(&mut flushed)
    }

    /// Flushes every write made before it began; `flushed` is the lock on the last count.
    fn flush_holding(&self, flushed: &mut u64) -> Result<(), StoreError> {
        // Counted before flushing: writes may go on meanwhile, and the seal must never say
        // more was saved than the flush holds (an open would refuse the store).
        let writes = self.written.load(Ordering::Acquire);
        let generation = self.trees.stat(GENERATION);
        self.db.flush().map_err(|e| self.fail(e))?;
        #[cfg(test)]
        self.flushes.fetch_add(1, Ordering::Relaxed);
        *flushed = writes.max(*flushed);
        if let Ok(generation) = generation {
            self.saved(generation);
        }
        Ok(())
    }

    /// A number never handed out before by this store, also across reopening.
    fn take_number(&self) -> Result<u64, StoreError> {
        self.take_numbers(1)
    }

    /// The first of `count` consecutive numbers never handed out before, also across reopening.
    fn take_numbers(&self, count: u64) -> Result<u64, StoreError> {
        // The reservation is only advanced after it is on disk, so a poisoned lock still
        // guards a consistent value.
        let mut numbers = self.numbers.lock().unwrap_or_else(PoisonError::into_inner);
        if numbers.end - numbers.next < count {
            let end = numbers.next + count.max(NUMBERS_PER_RESERVATION);
            self.meta
                .insert(NEXT_NUMBER, &end.to_be_bytes()[..])
                .map_err(|e| self.fail(e))?;
            self.flush()?;
            numbers.end = end;
        }
        let first = numbers.next;
        numbers.next += count;
        Ok(first)
    }

    fn encode_dossier(&self, dossier: &Dossier) -> Result<Vec<u8>, StoreError> {
        codec::encode(dossier).map_err(|e| StoreError::Io {
            path: self.path.clone(),
            detail: IoProblem::NotEncoded(e.to_string()),
        })
    }

    fn decode_dossier(&self, stored: &[u8]) -> Result<Dossier, StoreError> {
        codec::decode(stored).map_err(|why| self.unreadable("customer", &why))
    }

    /// Runs `write` as one transaction over every data tree, then flushes. A `StoreError`
    /// returned by `write` aborts the transaction and is passed on unchanged.
    fn write(
        &self,
        write: impl Fn(&Tx<'_>) -> ConflictableTransactionResult<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.before_change()?;
        self.trees.transaction(write).map_err(|e| match e {
            TransactionError::Abort(refusal) => refusal,
            TransactionError::Storage(e) => self.fail(e),
        })?;
        self.written.fetch_add(1, Ordering::AcqRel);
        if self.grouping_flushes.load(Ordering::Acquire) {
            return Ok(());
        }
        self.flush()
    }

    /// List rows decoded from entries of the list trees.
    fn rows(
        &self,
        entries: impl Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>> + Send + 'static,
    ) -> ListingRows {
        let path = self.path.clone();
        Box::new(entries.map(move |entry| {
            let (_, value) = entry.map_err(|e| failure(&path, e))?;
            Listed::decode(&value).map_err(|why| StoreError::Corrupt {
                path: path.clone(),
                detail: format!("the customer list is unreadable ({why})"),
            })
        }))
    }

    fn decode<T: DeserializeOwned>(&self, stored: &[u8], kind: &str) -> Result<T, StoreError> {
        serde_json::from_slice(stored).map_err(|e| self.unreadable(kind, &e.to_string()))
    }

    fn unreadable(&self, kind: &str, why: &str) -> StoreError {
        StoreError::Corrupt {
            path: self.path.clone(),
            detail: format!("a stored {kind} is unreadable ({why})"),
        }
    }

    /// The sequence number (key in `customers`) of a customer, read inside a transaction.
    fn dossier_in(
        &self,
        tx: &Tx<'_>,
        customer_id: &str,
    ) -> ConflictableTransactionResult<Option<(Vec<u8>, Dossier)>, StoreError> {
        let Some(number) = self.index_get_in(tx.customer_ids, customer_id.as_bytes())? else {
            return Ok(None);
        };
        let Some(stored) = tx.customers.get(&number)? else {
            return Ok(None);
        };
        Ok(Some((number, self.decode_dossier(&stored)?)))
    }

    /// Writes a dossier, new or changed from `before`, with its list row, inside a transaction.
    fn put_dossier(
        &self,
        tx: &Tx<'_>,
        number: &[u8],
        before: Option<&Dossier>,
        dossier: &Dossier,
    ) -> ConflictableTransactionResult<(), StoreError> {
        tx.customers.insert(number, self.encode_dossier(dossier)?)?;
        let row = dossier.listed();
        let unconfirmed = |row: &Listed| row.status() == AgreementStatus::NotConfirmed;
        let (into, out_of) = if unconfirmed(&row) {
            (tx.unconfirmed, tx.listing)
        } else {
            (tx.listing, tx.unconfirmed)
        };
        let key = row.key();
        into.insert(key.as_bytes(), row.encode().as_bytes())?;
        tx.note_acceptances(dossier)?;
        // The row may be on a page of the other tree, which only a tombstone can hide.
        if before.is_some_and(|before| unconfirmed(&before.listed()) != unconfirmed(&row)) {
            out_of.insert(key.as_bytes(), list_pages::TOMBSTONE)?;
        }
        Ok(())
    }

    /// Reads, changes and writes back one customer's dossier, atomically, then flushes.
    fn change_dossier(
        &self,
        customer_id: &str,
        change: impl Fn(Option<&Dossier>) -> Result<Option<Dossier>, StoreError>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let found = self.dossier_in(tx, customer_id)?;
            let changed = change(found.as_ref().map(|(_, d)| d))?;
            if let (Some((number, before)), Some(dossier)) = (found, changed) {
                self.put_dossier(tx, &number, Some(&before), &dossier)?;
            }
            tx.bump(0)
        })
    }

    pub fn partner_name(&self) -> Result<Option<String>, StoreError> {
        let Some(value) = self.meta.get(PARTNER_NAME).map_err(|e| self.fail(e))? else {
            return Ok(None);
        };
        String::from_utf8(value.to_vec())
            .map(Some)
            .map_err(|_| StoreError::Corrupt {
                path: self.path.clone(),
                detail: "the partner name is not valid text".to_string(),
            })
    }
}

/// How long a held store is retried before it is reported in use. sled releases its file lock
/// from a background thread a moment after the last handle of a process is dropped, so a store
/// closed just before (by this process or one that just exited) deserves a few more tries.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_millis(500);
const LOCK_PAUSE: std::time::Duration = std::time::Duration::from_millis(25);

/// sled's page cache. Its default (1 GiB) would dwarf the rest of the dashboard; reads of a
/// large store are mostly whole-list scans, which a cache does not help.
const CACHE_BYTES: u64 = 64 * 1024 * 1024;

fn open_db(path: &Path) -> Result<sled::Db, StoreError> {
    let started = std::time::Instant::now();
    loop {
        match sled::Config::new()
            .path(path)
            .cache_capacity(CACHE_BYTES)
            .open()
            .map_err(|e| failure(path, e))
        {
            Err(StoreError::Locked { .. }) if started.elapsed() < LOCK_PATIENCE => {
                std::thread::sleep(LOCK_PAUSE)
            }
            opened => return opened,
        }
    }
}

/// Puts a sled failure in the product's words; sled's own text is never shown for a lock.
fn failure(path: &Path, e: sled::Error) -> StoreError {
    let path = path.to_path_buf();
    match e {
        sled::Error::Io(io) if io.to_string().contains("could not acquire lock") => {
            StoreError::Locked { path }
        }
        sled::Error::Io(io) => StoreError::Io {
            path,
            detail: IoProblem::system(&io),
        },
        sled::Error::Corruption { .. } => StoreError::Corrupt {
            path,
            detail: "its data files are damaged".to_string(),
        },
        sled::Error::Unsupported(why) => StoreError::Corrupt {
            path,
            detail: format!("its data files are in an unsupported form ({why})"),
        },
        sled::Error::CollectionNotFound(_) => StoreError::Corrupt {
            path,
            detail: "a part of it is missing".to_string(),
        },
        sled::Error::ReportableBug(what) => StoreError::Io {
            path,
            detail: IoProblem::EngineFailed(what),
        },
    }
}

fn key(number: u64) -> [u8; 8] {
    number.to_be_bytes()
}

impl Store for SledStore {
    /// From now on, writes of records (customers, confirmations, orders, subscriptions) return
    /// once written, before they are flushed: `flush_written` makes them durable. A core asks
    /// for this, so that changes made at the same time share one flush.
    fn group_flushes(&self) {
        self.grouping_flushes.store(true, Ordering::Release);
    }

    /// Makes every write that returned before this call durable. Callers that arrive while a
    /// flush is under way wait for it, then find their writes flushed by the next one, which
    /// only one of them makes: a group of changes costs one flush.
    fn flush_written(&self) -> Result<(), StoreError> {
        let wanted = self.written.load(Ordering::Acquire);
        let mut flushed = self.flushed.lock().unwrap_or_else(PoisonError::into_inner);
        if *flushed >= wanted {
            return Ok(());
        }
        self.flush_holding(&mut flushed)
    }

    fn load(&self) -> Result<Snapshot, StoreError> {
        let dossiers = self
            .trees
            .customers
            .iter()
            .values()
            .map(|value| self.decode_dossier(&value.map_err(|e| self.fail(e))?))
            .collect::<Result<Vec<Dossier>, StoreError>>()?;
        Ok(Snapshot::of_dossiers(self.partner_name()?, dossiers))
    }

    fn dossiers(&self) -> Result<DossierRows<'_>, StoreError> {
        Ok(self.stream_dossiers())
    }

    fn partner_name(&self) -> Result<Option<String>, StoreError> {
        SledStore::partner_name(self)
    }

    fn dossier(&self, customer_id: &str) -> Result<Option<Dossier>, StoreError> {
        let fail = |e| self.fail(e);
        let ids = &self.trees.customer_ids;
        let Some(number) = self.index_get(ids, customer_id.as_bytes())? else {
            return Ok(None);
        };
        match self.trees.customers.get(number).map_err(fail)? {
            Some(stored) => self.decode_dossier(&stored).map(Some),
            None => Ok(None),
        }
    }

    fn customer_id_by_domain(&self, domain: &str) -> Result<Option<String>, StoreError> {
        let key = rules::domain_key(domain);
        let Some(id) = self.index_get(&self.trees.domains, key.as_bytes())? else {
            return Ok(None);
        };
        String::from_utf8(id)
            .map(Some)
            .map_err(|_| self.unreadable("domain", "its customer ID is not text"))
    }

    fn listing(&self) -> Result<ListingRows, StoreError> {
        let trees = &self.trees;
        let merged = Merged::new(
            list_pages::rows(&trees.listing_pages, &trees.listing),
            list_pages::rows(&trees.unconfirmed_pages, &trees.unconfirmed),
        );
        Ok(self.rows(merged))
    }

    fn unconfirmed_listing(&self, as_of: NaiveDate) -> Result<ListingRows, StoreError> {
        let latest = self
            .trees
            .stat(LATEST_ACCEPTANCE)
            .map_err(|e| self.fail(e))?;
        // From February 1, 2020 customers with only the Microsoft Cloud Agreement are not
        // confirmed either, and the backlog holds only those never confirmed.
        if layout::day_of(latest).is_some_and(|latest| latest > as_of)
            || AgreementEra::on(as_of) == AgreementEra::CustomerAgreement
        {
            // Some customers confirmed later are not confirmed yet on that date: the whole
            // list, filtered.
            let rows = self.listing()?.filter(move |row| {
                row.as_ref().map_or(true, |row| {
                    row.status_on(as_of) == AgreementStatus::NotConfirmed
                })
            });
            return Ok(Box::new(rows));
        }
        let trees = &self.trees;
        let rows = list_pages::rows(&trees.unconfirmed_pages, &trees.unconfirmed);
        Ok(self.rows(rows))
    }

    fn latest_change(&self) -> Result<Option<NaiveDate>, StoreError> {
        let latest = self.trees.stat(LATEST_CHANGE).map_err(|e| self.fail(e))?;
        Ok(layout::day_of(latest))
    }

    fn latest_acceptance(&self) -> Result<Option<NaiveDate>, StoreError> {
        let latest = self
            .trees
            .stat(LATEST_ACCEPTANCE)
            .map_err(|e| self.fail(e))?;
        Ok(layout::day_of(latest))
    }

    fn customer_count(&self) -> Result<u64, StoreError> {
        self.trees.stat(CUSTOMER_COUNT).map_err(|e| self.fail(e))
    }

    fn generation(&self) -> Result<u64, StoreError> {
        self.trees.stat(GENERATION).map_err(|e| self.fail(e))
    }

    fn location(&self) -> Option<&Path> {
        Some(&self.path)
    }

    fn close(self: Box<Self>) {
        SledStore::close(*self)
    }

    fn list_copy_saved(&self) {
        self.list_copy_gone.store(false, Ordering::Release);
    }

    fn identity(&self) -> Result<Option<StoreIdentity>, StoreError> {
        SledStore::identity(self).map(Some)
    }

    fn is_empty(&self) -> Result<bool, StoreError> {
        // `first` reads one entry; `len` would walk the whole tree.
        let first = self.trees.customers.first().map_err(|e| self.fail(e))?;
        Ok(first.is_none())
    }

    fn new_id(&self) -> Result<String, StoreError> {
        Ok(rules::id_for(self.salt, self.take_number()?))
    }

    fn registry(&self) -> Option<&dyn super::AgentRegistry> {
        Some(self)
    }

    fn environment(&self) -> Result<Option<Environment>, StoreError> {
        let Some(value) = self.meta.get(ENVIRONMENT).map_err(|e| self.fail(e))? else {
            return Ok(None);
        };
        let name = std::str::from_utf8(&value).unwrap_or("");
        Environment::parse(name)
            .map(Some)
            .ok_or_else(|| StoreError::Corrupt {
                path: self.path.clone(),
                detail: "the environment it was created for is not production or sandbox"
                    .to_string(),
            })
    }

    fn set_environment(&self, environment: Environment) -> Result<(), StoreError> {
        self.meta
            .insert(ENVIRONMENT, environment.name().as_bytes())
            .map_err(|e| self.fail(e))?;
        self.flush()
    }

    fn set_partner_name(&self, name: &str) -> Result<(), StoreError> {
        rules::check_partner_name(Some(name))?;
        self.before_change()?;
        self.meta
            .insert(PARTNER_NAME, name.as_bytes())
            .map_err(|e| self.fail(e))?;
        self.flush()
    }

    fn create_customer(
        &self,
        customer: &Customer,
        confirmation: Option<&Confirmation>,
    ) -> Result<(), StoreError> {
        let number = key(self.take_number()?);
        let mut dossier = Dossier::new(customer.clone());
        dossier.confirmations.extend(confirmation.cloned());
        let domain = rules::domain_key(&customer.domain);
        self.write(|tx| {
            rules::check_new_customer(tx, customer, confirmation)?;
            self.put_dossier(tx, &number, None, &dossier)?;
            let id = customer.id.as_bytes();
            self.index_add_in(tx.customer_ids, id, &number, &id_taken)?;
            self.index_add_in(tx.domains, domain.as_bytes(), id, &domain_taken)?;
            tx.bump(1)
        })
    }

    fn add_confirmation(&self, confirmation: &Confirmation) -> Result<(), StoreError> {
        self.change_dossier(&confirmation.customer_id, |found| {
            rules::check_confirmation(found, confirmation)?;
            Ok(found.cloned().map(|mut dossier| {
                dossier.confirmations.push(confirmation.clone());
                dossier
            }))
        })
    }

    fn add_confirmations(&self, confirmations: &[Confirmation]) -> Result<(), StoreError> {
        self.write(|tx| {
            for confirmation in confirmations {
                let found = self.dossier_in(tx, &confirmation.customer_id)?;
                let found = found.as_ref();
                rules::check_confirmation(found.map(|(_, d)| d), confirmation)?;
                if let Some((number, before)) = found {
                    let mut dossier = before.clone();
                    dossier.confirmations.push(confirmation.clone());
                    self.put_dossier(tx, number, Some(before), &dossier)?;
                }
            }
            tx.bump(0)
        })
    }

    fn create_order(
        &self,
        order: &Order,
        subscriptions: &[Subscription],
    ) -> Result<(), StoreError> {
        self.change_dossier(&order.customer_id, |found| {
            rules::check_new_order(found, order, subscriptions)?;
            Ok(found.cloned().map(|mut dossier| {
                dossier.orders.push(order.clone());
                dossier.subscriptions.extend_from_slice(subscriptions);
                dossier
            }))
        })
    }

    fn update_subscription(&self, subscription: &Subscription) -> Result<(), StoreError> {
        self.change_dossier(&subscription.customer_id, |found| {
            rules::check_subscription_update(found, subscription)?;
            Ok(found.cloned().map(|mut dossier| {
                for stored in &mut dossier.subscriptions {
                    if stored.id == subscription.id {
                        *stored = subscription.clone();
                    }
                }
                dossier
            }))
        })
    }

    fn write_snapshot(&self, snapshot: &Snapshot) -> Result<(), StoreError> {
        self.write_all(snapshot, bulk::Origin::New)
    }

    fn fill(
        &self,
        partner_name: Option<&str>,
        chunks: &mut dyn Iterator<Item = Vec<Dossier>>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<u64, StoreError> {
        self.fill_empty(partner_name, chunks, progress)
    }
}
