//! Opening and closing a store on disk so that a damaged one is refused, never used or reset:
//! sled's panics become refusals, a store missing saved changes is refused, and a store whose
//! files changed since pcenter closed it is checked on a copy first (see `seal`).

use super::layout::GENERATION;
use super::seal::{self, Before};
use super::SledStore;
use crate::domain::io_trouble::IoTrouble;
use crate::store::{IoProblem, StoreError, StoreLock, SCHEMA_VERSION};
use std::fs::File;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long closing waits for sled to let go of its files before sealing them.
const RELEASE_PATIENCE: Duration = Duration::from_secs(2);
const RELEASE_PAUSE: Duration = Duration::from_millis(5);

impl SledStore {
    /// Opens the store whose lock the caller already holds.
    ///
    /// A store that is refused is left exactly as it was: one of a newer pcenter is known by
    /// its seal, before its files are opened; one whose files changed since they were sealed,
    /// that a write left open (a crash, which sled recovers from by writing to its files), or
    /// that an older pcenter sealed (and this one migrates) is opened and read whole on a copy
    /// first.
    ///
    /// Once open and checked, the files are sealed as they are: a session that ends without
    /// closing the store before its first write (a read-only command interrupted) leaves it
    /// as untouched, to be opened in place next time.
    pub fn open_locked(lock: StoreLock) -> Result<SledStore, StoreError> {
        let dir = lock.dir().to_path_buf();
        let sealed_schema = seal::schema(&dir);
        if let Some(found) = sealed_schema.filter(|&found| found > SCHEMA_VERSION) {
            return Err(StoreError::NewerSchema {
                path: dir,
                found,
                supported: SCHEMA_VERSION,
            });
        }
        let before = Before::read(&dir);
        match before {
            Before::Changed { generation } => check_on_a_copy(&dir, generation)?,
            Before::LeftOpen { generation } => check_on_a_copy(&dir, Some(generation))?,
            Before::Untouched { generation } if sealed_schema != Some(SCHEMA_VERSION) => {
                check_on_a_copy(&dir, Some(generation))?
            }
            Before::New | Before::Untouched { .. } => {}
        }
        if !matches!(before, Before::LeftOpen { .. }) {
            // From here on sled may write: the files are no longer as sealed.
            let saved = before.generation().unwrap_or(0);
            seal::write(&dir, saved, false).map_err(|e| io(&dir, e))?;
        }
        let store = guarded(&dir, || SledStore::open_as_is(lock))?;
        require_generation(&store, before.generation(), &dir)?;
        if let Ok(generation) = store.trees.stat(GENERATION) {
            // Without it the next open checks more, so a failure here is not the open's.
            let _ = seal::write(&dir, generation, true);
        }
        Ok(store)
    }

    /// Records that every change up to `generation` is saved (called after each flush). Without
    /// it the next open checks less, so a failure here is not the write's failure.
    pub(super) fn saved(&self, generation: u64) {
        let _ = seal::write(&self.path, generation, false);
    }

    /// Closes the store and seals its files as they are left, so that the next open knows
    /// whether anything else changed them. Every change was already saved; closing without
    /// this (a crash) only means the next open cannot tell.
    pub fn close(self) {
        drop(self.close_keeping_lock());
    }

    /// Closes the store as `close` does, but keeps its lock: no other pcenter opens the store
    /// until the lock returned is dropped (a restore holds it while it puts another store in
    /// this one's place).
    pub fn close_keeping_lock(self) -> StoreLock {
        let generation = self.trees.stat(GENERATION);
        let SledStore {
            path,
            db,
            meta,
            trees,
            _lock: lock,
            ..
        } = self;
        drop((trees, meta, db));
        if let (Ok(generation), true) = (generation, released(&path.join("db"))) {
            let _ = seal::write(&path, generation, true);
        }
        lock
    }
}

/// Waits until sled has let go of its database file (it does so from a background thread a
/// moment after the last handle is dropped), after which it writes nothing more.
fn released(database: &Path) -> bool {
    let Ok(file) = File::open(database) else {
        return false;
    };
    let started = Instant::now();
    while started.elapsed() < RELEASE_PATIENCE {
        if file.try_lock().is_ok() {
            return file.unlock().is_ok();
        }
        std::thread::sleep(RELEASE_PAUSE);
    }
    false
}

/// Runs `open` with sled's panics caught and kept off the terminal: sled panics on some
/// damaged files instead of returning an error.
pub(super) fn guarded<T>(
    dir: &Path,
    open: impl FnOnce() -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    // One at a time, so that each puts back the hook it found.
    static HOOK: Mutex<()> = Mutex::new(());
    let _one_at_a_time = HOOK.lock().unwrap_or_else(PoisonError::into_inner);
    let previous = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let result = panic::catch_unwind(AssertUnwindSafe(open));
    panic::set_hook(previous);
    result.unwrap_or_else(|_| Err(damaged(dir, "its data files are damaged")))
}

/// Refuses a store that lost changes that were saved: sled discards what it cannot read at the
/// end of its log without a word.
fn require_generation(store: &SledStore, saved: Option<u64>, dir: &Path) -> Result<(), StoreError> {
    let Some(saved) = saved else {
        return Ok(());
    };
    let found = store.trees.stat(GENERATION).map_err(|e| store.fail(e))?;
    if found >= saved {
        return Ok(());
    }
    let missing = match saved - found {
        1 => "1 saved change is".to_string(),
        n => format!("{n} saved changes are"),
    };
    Err(damaged(
        dir,
        &format!(
            "its data files are damaged: {missing} missing from them (if these files were \
             restored from a backup on purpose, delete {} to accept them)",
            crate::domain::characters::quote_path(&dir.join(seal::SEAL_FILE))
        ),
    ))
}

/// Opens a copy of the store beside it and reads every record of the copy, leaving the store
/// itself as it is; the copy is removed afterwards.
fn check_on_a_copy(dir: &Path, saved: Option<u64>) -> Result<(), StoreError> {
    let copy = Copy::of(dir)?;
    let checked = guarded(&copy.0, || {
        let store = SledStore::open_as_is(StoreLock::acquire(&copy.0)?)?;
        require_generation(&store, saved, dir)?;
        store.read_everything()
    });
    drop(copy);
    checked.map_err(|error| error.at(dir))
}

impl SledStore {
    /// Reads every entry of every tree, which checks them all against their checksums, and
    /// decodes every record.
    fn read_everything(&self) -> Result<(), StoreError> {
        let fail = |e| self.fail(e);
        for name in self.db.tree_names() {
            for entry in self.db.open_tree(name).map_err(fail)?.iter() {
                entry.map_err(fail)?;
            }
        }
        crate::store::Store::load(self)?;
        for row in crate::store::Store::listing(self)? {
            row?;
        }
        Ok(())
    }
}

/// A copy of a store's database files in a directory beside it, removed when dropped.
struct Copy(PathBuf);

impl Copy {
    fn of(dir: &Path) -> Result<Copy, StoreError> {
        let name = dir
            .file_name()
            .map_or("store".into(), |n| n.to_string_lossy());
        let copy = Copy(dir.with_file_name(format!(".{name}.checking")));
        let cannot = |e: std::io::Error| StoreError::Io {
            path: dir.to_path_buf(),
            detail: IoProblem::NoCopyToCheck(IoTrouble::from(&e)),
        };
        let _ = std::fs::remove_dir_all(&copy.0); // left by a check that was interrupted
        std::fs::create_dir_all(copy.0.join("blobs")).map_err(cannot)?;
        for (name, path) in seal::files(dir).map_err(cannot)? {
            if seal::is_database_file(&name) {
                std::fs::copy(&path, copy.0.join(&name)).map_err(cannot)?;
            }
        }
        Ok(copy)
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn damaged(dir: &Path, detail: &str) -> StoreError {
    StoreError::Corrupt {
        path: dir.to_path_buf(),
        detail: detail.to_string(),
    }
}

fn io(dir: &Path, e: std::io::Error) -> StoreError {
    StoreError::Io {
        path: dir.to_path_buf(),
        detail: IoProblem::system(&e),
    }
}

#[cfg(test)]
mod tests;
