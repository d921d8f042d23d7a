//! The store's own lock: one pcenter process at a time per store. Taken before anything is
//! read, so a second dashboard or command learns at once that the store is in use, before the
//! database (which may take a moment to open) is touched.
//!
//! The lock is taken on the store's directory itself, not on a file in it: taking it adds
//! nothing to a store, so a store that is then refused is left exactly as it was, and it stays
//! with the directory whatever name the directory is given (a restore trades two names).

use super::{IoProblem, StoreError};
use crate::domain::io_trouble::IoTrouble;
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A process that just closed the store may still be exiting; it deserves a moment.
const PATIENCE: Duration = Duration::from_millis(500);
const PAUSE: Duration = Duration::from_millis(25);

/// Held while the store is open; released when dropped, or by the system when the process ends
/// in any way (even `kill -9`), so a crash never leaves the store locked.
#[derive(Debug)]
pub struct StoreLock {
    /// The store's directory, open while the lock is held.
    _directory: File,
    dir: PathBuf,
}

impl StoreLock {
    /// Creates the store directory if needed (only its owner may enter it, nor any parent
    /// created with it) and takes its lock, waiting briefly for a process that is letting go
    /// of it.
    pub fn acquire(dir: &Path) -> Result<StoreLock, StoreError> {
        let io = |e: std::io::Error| StoreError::Io {
            path: dir.to_path_buf(),
            detail: problem(dir, &e),
        };
        let started = Instant::now();
        loop {
            crate::private::create_dir_all(dir).map_err(io)?;
            // A directory opens for reading, and takes a lock like a file.
            let file = File::open(dir).map_err(io)?;
            match file.try_lock() {
                // The directory may have been given another name while this waited (a restore
                // trades two names): the lock is only the store's if the path still names it.
                Ok(()) if still_named(&file, dir) => {
                    return Ok(StoreLock {
                        _directory: file,
                        dir: dir.to_path_buf(),
                    })
                }
                Ok(()) if started.elapsed() < PATIENCE => std::thread::sleep(PAUSE),
                Ok(()) => {
                    return Err(StoreError::Locked {
                        path: dir.to_path_buf(),
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

/// Whether `dir` still names the directory `opened` is.
fn still_named(opened: &File, dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (opened.metadata(), std::fs::metadata(dir)) {
            (Ok(held), Ok(named)) => held.dev() == named.dev() && held.ino() == named.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (opened, dir);
        true
    }
}

/// What went wrong with the store's directory: which path is a file, or that permission is
/// missing; the system's error otherwise.
fn problem(dir: &Path, e: &std::io::Error) -> IoProblem {
    use std::io::ErrorKind;
    let file_in_the_way = dir.ancestors().find(|p| p.is_file());
    match (e.kind(), file_in_the_way) {
        (ErrorKind::AlreadyExists | ErrorKind::NotADirectory, Some(file)) => {
            IoProblem::FileInTheWay {
                file: file.to_path_buf(),
            }
        }
        (ErrorKind::PermissionDenied, _) => IoProblem::System(IoTrouble {
            kind: ErrorKind::PermissionDenied,
            said: "permission denied".to_string(),
        }),
        _ => IoProblem::system(e),
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

    #[test]
    fn a_lock_waited_for_is_taken_on_the_directory_the_path_names_when_it_comes() {
        let dir = tempfile::tempdir().unwrap();
        let (store, aside) = (dir.path().join("store"), dir.path().join("aside"));
        let first = StoreLock::acquire(&store).unwrap();
        let waiting = {
            let store = store.clone();
            std::thread::spawn(move || StoreLock::acquire(&store))
        };
        std::thread::sleep(PAUSE * 4);
        // The locked directory goes aside and another takes its name, as a restore does.
        std::fs::rename(&store, &aside).unwrap();
        std::fs::create_dir(&store).unwrap();
        let second = StoreLock::acquire(&store).unwrap();
        drop(first);
        // The waiting process gets no lock on the directory set aside, and the new one is held.
        assert!(matches!(
            waiting.join().unwrap(),
            Err(StoreError::Locked { .. })
        ));
        drop(second);
        StoreLock::acquire(&store).unwrap();
    }

    #[test]
    fn taking_the_lock_adds_nothing_to_the_store() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("db"), "data").unwrap();
        let lock = StoreLock::acquire(dir.path()).unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["db"]);
        drop(lock);
    }

    #[test]
    fn a_file_in_the_way_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("data");
        std::fs::write(&file, "notes").unwrap();
        let Err(StoreError::Io { detail, .. }) = StoreLock::acquire(&file.join("store")) else {
            panic!("a store under a file was opened");
        };
        assert_eq!(
            detail.to_string(),
            format!("{} is a file, not a directory", file.display())
        );
        assert_eq!(detail, IoProblem::FileInTheWay { file });
    }
}
