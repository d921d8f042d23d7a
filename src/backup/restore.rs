//! Making a store again from a backup. The records go into a new store directory beside the
//! target, checked line by line; only when every line is in does the new store take the
//! target's place, and a store that was there is moved aside, never deleted. A failure at any
//! point leaves the target as it was.

use super::damage::{Damage, DamageProblem, Shared};
use super::read::{BackupReader, Tally};
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
    Unreadable {
        path: PathBuf,
        detail: String,
        kind: std::io::ErrorKind,
    },
    #[error("{}, line {line}: {problem}. Nothing was restored; the store is as it was.", quote_path(.path))]
    Damaged {
        path: PathBuf,
        line: u64,
        problem: DamageProblem,
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
        mut self,
        target: &Path,
        replace: bool,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Restored, RestoreError> {
        let made_target = make_directory(target).map_err(|e| not_placed(target, &e))?;
        let mut held = Held {
            target: target.to_path_buf(),
            made_target,
            lock: Some(StoreLock::acquire(target)?),
            fresh: None,
            fresh_lock: None,
            placed: false,
        };
        if target.join("db").exists() && !replace {
            let lock = held.lock.take().expect("the target's lock is held");
            let store = SledStore::open_locked(lock)?;
            let customers = store.customer_count();
            held.lock = Some(store.close_keeping_lock());
            match customers? {
                0 => {}
                customers => {
                    return Err(RestoreError::NotEmpty {
                        path: target.to_path_buf(),
                        customers,
                    })
                }
            }
        }
        let fresh = unused_path(&sibling(target, "restoring", now));
        held.fresh = Some(fresh.clone());
        held.fresh_lock = Some(self.fill(&fresh, progress)?);
        swap::exchange(&fresh, target).map_err(|e| not_placed(target, &e))?;
        held.placed = true;
        // `fresh` now names what was at the target: an empty directory (made to take the lock),
        // which goes, or a store, which is kept.
        let set_aside = if std::fs::remove_dir(&fresh).is_ok() {
            None
        } else {
            let aside = unused_path(&sibling(target, "before-restore", now));
            match std::fs::rename(&fresh, &aside) {
                Ok(()) => Some(aside),
                Err(_) => Some(fresh.clone()),
            }
        };
        drop(held);
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
            Ok(_) => {
                for agent in &self.reader.header().agents {
                    crate::store::AgentRegistry::add_agent(&store, agent)?;
                }
                // The restored store is of the environment it was backed up from.
                if let Some(environment) = self.reader.header().environment {
                    store.set_environment(environment)?;
                }
                Ok(store.close_keeping_lock())
            }
            Err(StoreError::IdTaken { id }) => Err(self.repeated(Shared::Id(id.clone()), |d| {
                d.customer.id == id
                    || d.orders.iter().any(|o| o.id == id)
                    || d.subscriptions.iter().any(|s| s.id == id)
            })),
            Err(StoreError::DomainTaken { domain }) => {
                let key = domain_key(&domain);
                let what = Shared::Domain(domain.clone());
                Err(self.repeated(what, |d| domain_key(&d.customer.domain) == key))
            }
            Err(error) => Err(error.into()),
        }
    }

    /// A refusal naming the lines that share what must be unique; found by reading the file
    /// again, so the restore itself keeps no index of its own.
    fn repeated(&self, what: Shared, holds: impl Fn(&Dossier) -> bool) -> RestoreError {
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
                problem: DamageProblem::AlreadyHeld {
                    what,
                    first: *first,
                },
            },
            _ => Damage {
                line: self.reader.line(),
                problem: DamageProblem::HeldByTwo { what },
            },
        };
        self.damaged(damage)
    }

    fn damaged(&self, damage: Damage) -> RestoreError {
        RestoreError::Damaged {
            path: self.path.clone(),
            line: damage.line,
            problem: damage.problem,
        }
    }
}

fn open_reader(path: &Path) -> Result<BackupReader<BufReader<File>>, RestoreError> {
    let file = File::open(path).map_err(|e| RestoreError::Unreadable {
        path: path.to_path_buf(),
        detail: e.to_string(),
        kind: e.kind(),
    })?;
    BackupReader::open(BufReader::new(file)).map_err(|damage| RestoreError::Damaged {
        path: path.to_path_buf(),
        line: damage.line,
        problem: damage.problem,
    })
}

/// `<data dir>/store-before-restore-20181114T103000Z` beside `<data dir>/store`.
fn sibling(target: &Path, what: &str, now: DateTime<Utc>) -> PathBuf {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    target.with_file_name(format!("{name}-{what}-{}", stamp(now)))
}

/// What a restore holds while it runs: the target's lock and the new store's, and what it
/// made. Until the new store is in place, dropping it (a refusal, or a panic) removes what
/// the restore made, before the locks go: the new store's directory, and the target's
/// directory when the restore made it and it is still empty.
struct Held {
    target: PathBuf,
    made_target: bool,
    lock: Option<StoreLock>,
    fresh: Option<PathBuf>,
    fresh_lock: Option<StoreLock>,
    placed: bool,
}

impl Drop for Held {
    fn drop(&mut self) {
        if self.placed {
            return;
        }
        if let Some(fresh) = &self.fresh {
            // Only ever the directory made for this restore.
            let _ = std::fs::remove_dir_all(fresh);
        }
        if self.made_target {
            // Removes nothing but an empty directory.
            let _ = std::fs::remove_dir(&self.target);
        }
    }
}

/// Makes the directory `dir` (and its parents), readable by its owner only; whether it was
/// made, rather than there already.
fn make_directory(dir: &Path) -> std::io::Result<bool> {
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        crate::private::create_dir_all(parent)?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(dir) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    }
}

fn not_placed(target: &Path, error: &std::io::Error) -> RestoreError {
    RestoreError::NotPlaced {
        path: target.to_path_buf(),
        detail: error.to_string(),
    }
}
