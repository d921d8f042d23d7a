//! The store's own lock: one pcenter process at a time per store. Taken before anything is
//! read, so a second dashboard or command learns at once that the store is in use, before the
//! database (which may take a moment to open) is touched.

use super::StoreError;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const LOCK_FILE: &str = "pcenter.lock";

/// A process that just closed the store may still be exiting; it deserves a moment.
const PATIENCE: Duration = Duration::from_millis(500);
const PAUSE: Duration = Duration::from_millis(25);

/// Held while the store is open; released when dropped, or by the system when the process ends
/// in any way (even `kill -9`), so a crash never leaves the store locked.
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
    dir: PathBuf,
}

impl StoreLock {
    /// Creates the store directory if needed (only its owner may enter it, nor any parent
    /// created with it) and takes its lock, waiting briefly for a process that is letting go
    /// of it.
    pub fn acquire(dir: &Path) -> Result<StoreLock, StoreError> {
        let io = |e: std::io::Error| StoreError::Io {
            path: dir.to_path_buf(),
            detail: e.to_string(),
        };
        crate::private::create_dir_all(dir).map_err(io)?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))
            .map_err(io)?;
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => {
                    return Ok(StoreLock {
                        _file: file,
                        dir: dir.to_path_buf(),
                    })
                }
                Err(TryLockError::WouldBlock) if started.elapsed() < PATIENCE => {
                    std::thread::sleep(PAUSE)
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(StoreError::Locked {
                        path: dir.to_path_buf(),
                    })
                }
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let first = StoreLock::acquire(dir.path()).unwrap();
        let started = Instant::now();
        assert_eq!(
            StoreLock::acquire(dir.path()).unwrap_err(),
            StoreError::Locked {
                path: dir.path().to_path_buf()
            }
        );
        // Refused within the patience, not after some long timeout.
        assert!(started.elapsed() < Duration::from_secs(1));
        drop(first);
        StoreLock::acquire(dir.path()).unwrap();
    }
}
