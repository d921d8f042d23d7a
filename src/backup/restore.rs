//! Making a store again from a backup. The records go into a new store directory beside the
//! target, checked line by line; only when every line is in does the new store take the
//! target's place, and a store that was there is moved aside, never deleted. A failure at any
//! point leaves the target as it was.

use super::read::{BackupReader, Damage, Tally};
use super::swap;
use super::{stamp, unused_path, Header};
use crate::domain::characters::quote_path;
use crate::store::{domain_key, Dossier, SledStore, Store, StoreError, StoreLock};
use chrono::{DateTime, Utc};
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

/// Customers written to the new store at a time: memory stays bounded however large the file.
const CHUNK: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RestoreError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{} cannot be read ({detail}). Nothing was restored; check the path of the backup and that you may read it.", quote_path(.path))]
    Unreadable { path: PathBuf, detail: String },
    #[error("{}, line {line}: {what}. Nothing was restored; the store is as it was.", quote_path(.path))]
    Damaged {
        path: PathBuf,
        line: u64,
        what: String,
    },
    #[error("The store at {} already holds {customers} customers, so nothing was restored. To restore over it, run again with --replace: that store is then moved aside, not deleted. Or choose an empty --data-dir.", quote_path(.path))]
    NotEmpty { path: PathBuf, customers: u64 },
    #[error("The restored store could not be put in place at {} ({detail}). The store that was there is unchanged.", quote_path(.path))]
    NotPlaced { path: PathBuf, detail: String },
}

/// A backup opened for restoring, its header read and checked.
pub struct Restore {
    path: PathBuf,
    reader: BackupReader<BufReader<File>>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub tally: Tally,
    /// Where the store that held the target's place before now is.
    pub set_aside: Option<PathBuf>,
}

impl Restore {
    pub fn open(path: &Path) -> Result<Restore, RestoreError> {
        Ok(Restore {
            path: path.to_path_buf(),
            reader: open_reader(path)?,
        })
    }

    pub fn header(&self) -> &Header {
        self.reader.header()
    }

    /// Makes the store at `target` hold exactly what the backup holds. A target that holds
    /// customers is refused unless `replace`; then, as any other store found there, it is moved
    /// aside to a directory named after it and `now`. `progress` is told how many customers
    /// each step wrote.
    ///
    /// The target's lock is held from the first step to the last, so no other pcenter uses the
    /// store, or makes one in its place, meanwhile: a command or dashboard started during a
    /// restore is refused as for any store in use, and nothing it could have saved is moved
    /// aside.
    pub fn into_store(
        self,
        target: &Path,
        replace: bool,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Restored, RestoreError> {
        let made_for_the_lock = !target.exists();
        let restored = self.put_in_place(target, replace, now, progress);
        if restored.is_err() && made_for_the_lock && is_empty(target) {
            // The directory taking the lock made, and nothing else: a refused restore makes
            // no store.
            let _ = std::fs::remove_dir_all(target);
        }
        restored
    }

    fn put_in_place(
        mut self,
        target: &Path,
        replace: bool,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Restored, RestoreError> {
        let lock = StoreLock::acquire(target)?;
        let lock = if target.join("db").exists() && !replace {
            let store = SledStore::open_locked(lock)?;
            let customers = store.customer_count();
            let lock = store.close_keeping_lock();
            match customers? {
                0 => lock,
                customers => {
                    return Err(RestoreError::NotEmpty {
                        path: target.to_path_buf(),
                        customers,
                    })
                }
            }
        } else {
            lock
        };
        let fresh = unused_path(&sibling(target, "restoring", now));
        let fresh_lock = match self.fill(&fresh, progress) {
            Ok(fresh_lock) => fresh_lock,
            Err(error) => {
                // Only ever the directory made for this restore.
                let _ = std::fs::remove_dir_all(&fresh);
                return Err(error);
            }
        };
        if let Err(error) = swap::exchange(&fresh, target) {
            drop(fresh_lock);
            let _ = std::fs::remove_dir_all(&fresh);
            return Err(not_placed(target, &error));
        }
        // `fresh` now names what was at the target: the empty directory this restore made to
        // lock, or a store, which is kept.
        let set_aside = if is_empty(&fresh) {
            let _ = std::fs::remove_dir_all(&fresh);
            None
        } else {
            let aside = unused_path(&sibling(target, "before-restore", now));
            match std::fs::rename(&fresh, &aside) {
                Ok(()) => Some(aside),
                Err(_) => Some(fresh.clone()),
            }
        };
        drop((fresh_lock, lock));
        let tally = self.reader.tally();
        tracing::info!(
            "store write: {} customers restored from {} into {}{}",
            tally.customers,
            self.path.display(),
            target.display(),
            set_aside.as_ref().map_or(String::new(), |aside| format!(
                "; the store that was there is now at {}",
                aside.display()
            ))
        );
        Ok(Restored { tally, set_aside })
    }

    /// Writes every customer of the backup into a new store at `dir`, and closes it; its lock
    /// is kept, so that no other pcenter opens it before it is in place.
    fn fill(
        &mut self,
        dir: &Path,
        progress: &mut dyn FnMut(usize),
    ) -> Result<StoreLock, RestoreError> {
        let store = SledStore::open(dir)?;
        let partner = self.reader.header().partner.clone();
        let reader = &mut self.reader;
        let mut damage: Option<Damage> = None;
        let mut chunks = std::iter::from_fn(|| {
            let mut chunk: Vec<Dossier> = Vec::with_capacity(CHUNK);
            while chunk.len() < CHUNK {
                match reader.next_dossier() {
                    Ok(Some(dossier)) => chunk.push(dossier),
                    Ok(None) => break,
                    Err(found) => {
                        damage = Some(found);
                        return None;
                    }
                }
            }
            (!chunk.is_empty()).then_some(chunk)
        });
        let filled = store.fill(partner.as_deref(), &mut chunks, progress);
        if let Some(found) = damage {
            return Err(self.damaged(found));
        }
        match filled {
            Ok(_) => Ok(store.close_keeping_lock()),
            Err(StoreError::IdTaken { id }) => Err(self.repeated(&format!("the ID {id}"), |d| {
                d.customer.id == id
                    || d.orders.iter().any(|o| o.id == id)
                    || d.subscriptions.iter().any(|s| s.id == id)
            })),
            Err(StoreError::DomainTaken { domain }) => {
                let key = domain_key(&domain);
                let what = format!("the primary domain {domain}");
                Err(self.repeated(&what, |d| domain_key(&d.customer.domain) == key))
            }
            Err(error) => Err(error.into()),
        }
    }

    /// A refusal naming the lines that share what must be unique; found by reading the file
    /// again, so the restore itself keeps no index of its own.
    fn repeated(&self, what: &str, holds: impl Fn(&Dossier) -> bool) -> RestoreError {
        let mut lines = vec![];
        if let Ok(mut reader) = open_reader(&self.path) {
            while let Ok(Some(dossier)) = reader.next_dossier() {
                if holds(&dossier) {
                    lines.push(reader.line());
                }
            }
        }
        let damage = match lines.as_slice() {
            [first, .., last] => Damage {
                line: *last,
                what: format!("{what} is already held by the customer on line {first}"),
            },
            _ => Damage {
                line: self.reader.line(),
                what: format!("{what} is held by two customers of this backup"),
            },
        };
        self.damaged(damage)
    }

    fn damaged(&self, damage: Damage) -> RestoreError {
        RestoreError::Damaged {
            path: self.path.clone(),
            line: damage.line,
            what: damage.what,
        }
    }
}

fn open_reader(path: &Path) -> Result<BackupReader<BufReader<File>>, RestoreError> {
    let file = File::open(path).map_err(|e| RestoreError::Unreadable {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    BackupReader::open(BufReader::new(file)).map_err(|damage| RestoreError::Damaged {
        path: path.to_path_buf(),
        line: damage.line,
        what: damage.what,
    })
}

/// `<data dir>/store-before-restore-20181114T103000Z` beside `<data dir>/store`.
fn sibling(target: &Path, what: &str, now: DateTime<Utc>) -> PathBuf {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    target.with_file_name(format!("{name}-{what}-{}", stamp(now)))
}

/// Whether `dir` is an empty directory: what taking the lock of a store that did not exist
/// yet made.
fn is_empty(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

fn not_placed(target: &Path, error: &std::io::Error) -> RestoreError {
    RestoreError::NotPlaced {
        path: target.to_path_buf(),
        detail: error.to_string(),
    }
}
