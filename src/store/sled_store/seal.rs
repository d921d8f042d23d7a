//! The seal: a small file beside the database (`pcenter.seal`) that says how many changes were
//! saved, and, while the files are known whole (once the store is closed, or right after an
//! open that checked them, until the first write), the size, times and identity of each of
//! sled's files.
//!
//! sled cannot tell a damaged file from one cut short by a crash: when it reads garbage where
//! recent changes should be, it takes the rest for an unfinished write and discards it. The seal
//! turns that into a refusal: a store that holds fewer changes than were saved is not opened. And
//! a store whose files changed after it was closed (by anything but pcenter) is first opened and
//! read whole on a copy, so that a damaged store is refused with its files exactly as they were.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

pub(super) const SEAL_FILE: &str = "pcenter.seal";
const SEAL_VERSION: u32 = 1;

/// sled's own files in the store directory: the only ones whose changes matter.
pub(super) fn is_database_file(name: &str) -> bool {
    matches!(name, "conf" | "db") || name.starts_with("snap.") || name.starts_with("blobs/")
}

/// One of sled's files as it was left. The time of its last change of status and its inode
/// number, which no one can set back, tell a file written to or replaced even when its size
/// and modification time were restored. Seals of versions before them say 0: such a store is
/// checked once on a copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Stamp {
    name: String,
    len: u64,
    modified_ns: u128,
    #[serde(default)]
    changed_ns: i128,
    #[serde(default)]
    inode: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stored {
    seal: u32,
    /// The schema version of the pcenter that wrote the seal, so that a store of a newer one is
    /// refused before its files are opened (which changes them). Absent from the seals of
    /// versions before it, all of an older schema.
    #[serde(default)]
    schema: Option<u32>,
    /// The store's generation once its last saved change was flushed.
    generation: u64,
    /// sled's files as they were when last known whole: when the store was closed, or right
    /// after an open that checked them; `None` once a write has begun (and after a crash in
    /// one).
    closed: Option<Vec<Stamp>>,
}

/// What the seal says about the store before it is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Before {
    /// No database yet: a new store.
    New,
    /// Closed by pcenter, and untouched since.
    Untouched { generation: u64 },
    /// Left open (pcenter ended without closing it): sled recovers it.
    LeftOpen { generation: u64 },
    /// Its files changed after pcenter closed it, or there is no readable seal for them.
    Changed { generation: Option<u64> },
}

impl Before {
    pub fn read(dir: &Path) -> Before {
        let stored = std::fs::read(dir.join(SEAL_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
            .filter(|stored| stored.seal == SEAL_VERSION);
        let has_database = dir.join("db").exists();
        match stored {
            None if !has_database => Before::New,
            None => Before::Changed { generation: None },
            Some(Stored {
                generation,
                closed: None,
                ..
            }) => Before::LeftOpen { generation },
            Some(Stored {
                generation,
                closed: Some(stamps),
                ..
            }) if stamp(dir).as_ref().ok() == Some(&stamps) => Before::Untouched { generation },
            Some(Stored { generation, .. }) => Before::Changed {
                generation: Some(generation),
            },
        }
    }

    /// The generation the store must have reached, when known.
    pub fn generation(&self) -> Option<u64> {
        match *self {
            Before::New => None,
            Before::Untouched { generation } | Before::LeftOpen { generation } => Some(generation),
            Before::Changed { generation } => generation,
        }
    }
}

/// The schema version of the pcenter that last wrote the seal, when it says.
pub(super) fn schema(dir: &Path) -> Option<u32> {
    std::fs::read(dir.join(SEAL_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
        .and_then(|stored| stored.schema)
}

/// Writes the seal: the generation saved so far, and the files when `closed`. The file is
/// replaced whole (written beside it, then renamed), so it is never half-written.
pub(super) fn write(dir: &Path, generation: u64, closed: bool) -> std::io::Result<()> {
    let closed = if closed { Some(stamp(dir)?) } else { None };
    let stored = Stored {
        seal: SEAL_VERSION,
        schema: Some(crate::store::SCHEMA_VERSION),
        generation,
        closed,
    };
    let next = dir.join(format!("{SEAL_FILE}.next"));
    std::fs::write(&next, serde_json::to_vec(&stored)?)?;
    std::fs::rename(next, dir.join(SEAL_FILE))
}

/// sled's files in `dir`, in name order.
fn stamp(dir: &Path) -> std::io::Result<Vec<Stamp>> {
    let mut stamps = Vec::new();
    for (name, path) in files(dir)? {
        if !is_database_file(&name) {
            continue;
        }
        let metadata = std::fs::metadata(&path)?;
        let modified = metadata.modified()?.duration_since(UNIX_EPOCH);
        #[cfg(unix)]
        let (changed_ns, inode) = {
            use std::os::unix::fs::MetadataExt;
            let changed =
                i128::from(metadata.ctime()) * 1_000_000_000 + i128::from(metadata.ctime_nsec());
            (changed, metadata.ino())
        };
        #[cfg(not(unix))]
        let (changed_ns, inode) = (0, 0);
        stamps.push(Stamp {
            name,
            len: metadata.len(),
            modified_ns: modified.map_or(0, |d| d.as_nanos()),
            changed_ns,
            inode,
        });
    }
    stamps.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(stamps)
}

/// The files of `dir` and of its `blobs` directory, named relative to `dir`.
pub(super) fn files(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type()?.is_file() {
            found.push((name, entry.path()));
        } else if name == "blobs" {
            for blob in std::fs::read_dir(entry.path())? {
                let blob = blob?;
                let blob_name = blob.file_name().to_string_lossy().into_owned();
                found.push((format!("blobs/{blob_name}"), blob.path()));
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_store_is_untouched_until_one_of_its_files_changes() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Before::read(dir.path()), Before::New);
        std::fs::write(dir.path().join("db"), b"data").unwrap();
        std::fs::write(dir.path().join("customers.list"), b"list").unwrap();
        assert_eq!(
            Before::read(dir.path()),
            Before::Changed { generation: None }
        );
        write(dir.path(), 7, false).unwrap();
        assert_eq!(Before::read(dir.path()), Before::LeftOpen { generation: 7 });
        write(dir.path(), 8, true).unwrap();
        assert_eq!(
            Before::read(dir.path()),
            Before::Untouched { generation: 8 }
        );
        // Files other than sled's may change.
        std::fs::write(dir.path().join("customers.list"), b"another list").unwrap();
        assert_eq!(
            Before::read(dir.path()),
            Before::Untouched { generation: 8 }
        );
        std::fs::write(dir.path().join("db"), b"dat").unwrap();
        assert_eq!(
            Before::read(dir.path()),
            Before::Changed {
                generation: Some(8)
            }
        );
    }

    #[test]
    fn an_unreadable_seal_counts_as_none() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("db"), b"data").unwrap();
        std::fs::write(dir.path().join(SEAL_FILE), b"\0garbage").unwrap();
        assert_eq!(
            Before::read(dir.path()),
            Before::Changed { generation: None }
        );
    }
}
