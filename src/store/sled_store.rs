//! The store on disk, kept in a sled database.
//!
//! Layout. Numbers are big-endian everywhere, so numeric keys sort in numeric order.
//! - `meta`: `schema_version` → u32, `id_salt` → u64, `next_number` → u64 (the first number
//!   not yet reserved), `partner_name` → UTF-8 text. Never renamed, so any build can read the
//!   schema version.
//! - `v1.customers`, `v1.confirmations`, `v1.orders`, `v1.subscriptions`: sequence number →
//!   record as JSON. Sequence numbers only grow, so iterating a tree gives insertion order.
//! - `v1.customer_ids`, `v1.order_ids`, `v1.subscription_ids`: record ID → sequence number.
//! - `v1.domains`: domain (lower case) → customer ID, which keeps domains unique.
//!
//! The `v1.` prefix is the schema version: a future layout gets new trees beside the old ones.

mod bulk;
mod layout;
#[cfg(test)]
mod tests;

use self::layout::{DataTrees, Tx, NEXT_NUMBER, PARTNER_NAME};
use super::rules;
use super::{Snapshot, Store, StoreError};
use crate::domain::agreement::Confirmation;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::customer::Customer;
use serde::de::DeserializeOwned;
use serde::Serialize;
use sled::transaction::{ConflictableTransactionResult, TransactionError};
use std::path::{Path, PathBuf};
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
}

/// Numbers `next..end` are reserved on disk and not yet handed out.
struct Reservation {
    next: u64,
    end: u64,
}

impl SledStore {
    /// Opens the store at `path`, creating the directory and an empty store if there is none.
    pub fn open(path: &Path) -> Result<SledStore, StoreError> {
        std::fs::create_dir_all(path).map_err(|e| StoreError::Io {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        let fail = |e| failure(path, e);
        let db = open_db(path)?;
        let meta = db.open_tree(layout::META).map_err(fail)?;
        let header = layout::read_or_create_header(&db, &meta, path)?;
        // Only opened once the schema version is known to be readable, so that a newer store
        // is left exactly as it was.
        let trees = DataTrees::open(&db).map_err(fail)?;
        Ok(SledStore {
            path: path.to_path_buf(),
            db,
            meta,
            trees,
            salt: header.salt,
            numbers: Mutex::new(Reservation {
                next: header.next_number,
                end: header.next_number,
            }),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn fail(&self, e: sled::Error) -> StoreError {
        failure(&self.path, e)
    }

    fn flush(&self) -> Result<(), StoreError> {
        self.db.flush().map(drop).map_err(|e| self.fail(e))
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

    fn encode<T: Serialize>(&self, record: &T) -> Result<Vec<u8>, StoreError> {
        serde_json::to_vec(record).map_err(|e| StoreError::Io {
            path: self.path.clone(),
            detail: format!("a record could not be encoded ({e})"),
        })
    }

    /// Runs `write` as one transaction over every data tree, then flushes. A `StoreError`
    /// returned by `write` aborts the transaction and is passed on unchanged.
    fn write(
        &self,
        write: impl Fn(&Tx<'_>) -> ConflictableTransactionResult<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.trees.transaction(write).map_err(|e| match e {
            TransactionError::Abort(refusal) => refusal,
            TransactionError::Storage(e) => self.fail(e),
        })?;
        self.flush()
    }

    fn read_all<T: DeserializeOwned>(
        &self,
        tree: &sled::Tree,
        kind: &str,
    ) -> Result<Vec<T>, StoreError> {
        tree.iter()
            .values()
            .map(|value| {
                let value = value.map_err(|e| self.fail(e))?;
                serde_json::from_slice(&value).map_err(|e| StoreError::Corrupt {
                    path: self.path.clone(),
                    detail: format!("a stored {kind} is unreadable ({e})"),
                })
            })
            .collect()
    }

    fn partner_name(&self) -> Result<Option<String>, StoreError> {
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

fn open_db(path: &Path) -> Result<sled::Db, StoreError> {
    let started = std::time::Instant::now();
    loop {
        match sled::Config::new()
            .path(path)
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
            detail: io.to_string(),
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
            detail: format!("the storage engine failed ({what})"),
        },
    }
}

fn key(number: u64) -> [u8; 8] {
    number.to_be_bytes()
}

impl Store for SledStore {
    fn load(&self) -> Result<Snapshot, StoreError> {
        Ok(Snapshot {
            partner_name: self.partner_name()?,
            customers: self.read_all(&self.trees.customers, "customer")?,
            confirmations: self.read_all(&self.trees.confirmations, "confirmation")?,
            orders: self.read_all(&self.trees.orders, "order")?,
            subscriptions: self.read_all(&self.trees.subscriptions, "subscription")?,
        })
    }

    fn is_empty(&self) -> Result<bool, StoreError> {
        // `first` reads one entry; `len` would walk the whole tree.
        let first = self.trees.customers.first().map_err(|e| self.fail(e))?;
        Ok(first.is_none())
    }

    fn new_id(&self) -> Result<String, StoreError> {
        Ok(rules::id_for(self.salt, self.take_number()?))
    }

    fn set_partner_name(&self, name: &str) -> Result<(), StoreError> {
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
        let customer_key = key(self.take_number()?);
        let customer_json = self.encode(customer)?;
        let confirmation_entry = match confirmation {
            Some(c) => Some((key(self.take_number()?), self.encode(c)?)),
            None => None,
        };
        let domain = rules::domain_key(&customer.domain);
        self.write(|tx| {
            rules::check_new_customer(tx, customer, confirmation)?;
            tx.customers.insert(&customer_key[..], &customer_json[..])?;
            tx.customer_ids
                .insert(customer.id.as_bytes(), &customer_key[..])?;
            tx.domains
                .insert(domain.as_bytes(), customer.id.as_bytes())?;
            if let Some((confirmation_key, confirmation_json)) = &confirmation_entry {
                tx.confirmations
                    .insert(&confirmation_key[..], &confirmation_json[..])?;
            }
            Ok(())
        })
    }

    fn add_confirmation(&self, confirmation: &Confirmation) -> Result<(), StoreError> {
        let confirmation_key = key(self.take_number()?);
        let confirmation_json = self.encode(confirmation)?;
        self.write(|tx| {
            rules::check_confirmation(tx, confirmation)?;
            tx.confirmations
                .insert(&confirmation_key[..], &confirmation_json[..])?;
            Ok(())
        })
    }

    fn create_order(
        &self,
        order: &Order,
        subscriptions: &[Subscription],
    ) -> Result<(), StoreError> {
        let order_key = key(self.take_number()?);
        let order_json = self.encode(order)?;
        let subscription_entries = subscriptions
            .iter()
            .map(|s| Ok((key(self.take_number()?), s.id.as_bytes(), self.encode(s)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        self.write(|tx| {
            rules::check_new_order(tx, order, subscriptions)?;
            tx.orders.insert(&order_key[..], &order_json[..])?;
            tx.order_ids.insert(order.id.as_bytes(), &order_key[..])?;
            for (subscription_key, id, json) in &subscription_entries {
                tx.subscriptions.insert(&subscription_key[..], &json[..])?;
                tx.subscription_ids.insert(*id, &subscription_key[..])?;
            }
            Ok(())
        })
    }

    fn update_subscription(&self, subscription: &Subscription) -> Result<(), StoreError> {
        let json = self.encode(subscription)?;
        self.write(|tx| {
            rules::check_subscription_update(tx, subscription)?;
            // The check above found the ID, so the index entry is there.
            if let Some(subscription_key) = tx.subscription_ids.get(subscription.id.as_bytes())? {
                tx.subscriptions.insert(subscription_key, &json[..])?;
            }
            Ok(())
        })
    }

    fn write_snapshot(&self, snapshot: &Snapshot) -> Result<(), StoreError> {
        self.write_all(snapshot)
    }
}
