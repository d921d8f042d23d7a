//! Writing a backup: streamed, one dossier at a time, into a file beside the target that takes
//! the target's name only once it is complete and of one state of the store.

use super::{stamp, unused_path, Closing, Header, FORMAT, VERSION};
use crate::private;
use crate::store::{Store, StoreError, SCHEMA_VERSION};
use chrono::{DateTime, SubsecRound, Utc};
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// How often a backup is written again because the store changed while it was written.
const ATTEMPTS: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("The backup could not be written to {path} ({detail}). Nothing in the store changed; choose a place you may write to with room to spare, and try again.")]
    Write { path: PathBuf, detail: String },
    #[error("The store changed every time the backup was being written, {ATTEMPTS} times in a row. Nothing was written; try again when the store is idle.")]
    KeptChanging,
    #[error("This store is kept in memory only, so there is nothing on disk to back up.")]
    NotOnDisk,
}

/// Writes a backup of `store` to `path`, written at `now`; returns how many customers it holds.
/// The backup is of one state of the store: if the store changed while it was being written
/// (its generation moved), it is written again. Until it is complete, `path` is untouched.
pub fn write_file(store: &dyn Store, path: &Path, now: DateTime<Utc>) -> Result<u64, BackupError> {
    let partial = partial_path(path);
    let written = write_consistent(store, &partial, now.trunc_subsecs(0)).and_then(|count| {
        std::fs::rename(&partial, path).map_err(|e| cannot(path, &e))?;
        sync_directory_of(path);
        tracing::info!("backup of {count} customers written to {}", path.display());
        Ok(count)
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

/// Writes a backup into the `backups` directory beside the store, named after the store and
/// the moment: `<data dir>/backups/store-20181114T103000Z.jsonl`. Returns its path and how many
/// customers it holds.
pub fn into_backups_dir(
    store: &dyn Store,
    now: DateTime<Utc>,
) -> Result<(PathBuf, u64), BackupError> {
    let store_dir = store.location().ok_or(BackupError::NotOnDisk)?;
    let name = store_dir
        .file_name()
        .map_or_else(|| "store".to_string(), |n| n.to_string_lossy().into_owned());
    let backups = store_dir.parent().unwrap_or(store_dir).join("backups");
    private::create_dir_all(&backups).map_err(|e| cannot(&backups, &e))?;
    let path = unused_path(&backups.join(format!("{name}-{}.jsonl", stamp(now))));
    let customers = write_file(store, &path, now)?;
    Ok((path, customers))
}

fn write_consistent(
    store: &dyn Store,
    partial: &Path,
    now: DateTime<Utc>,
) -> Result<u64, BackupError> {
    // The count of the store's statistics, unless a pass found it wrong.
    let mut counted = None;
    for _ in 0..ATTEMPTS {
        let generation = store.generation()?;
        let header = Header {
            format: FORMAT.to_string(),
            version: VERSION,
            schema: SCHEMA_VERSION,
            partner: store.partner_name()?,
            customers: match counted {
                Some(count) => count,
                None => store.customer_count()?,
            },
            written: now,
        };
        let file = private::create_file(partial).map_err(|e| cannot(partial, &e))?;
        let mut out = BufWriter::new(file);
        let written = write_lines(store, &header, &mut out, partial)?;
        let file = out.into_inner().map_err(|e| cannot(partial, e.error()))?;
        file.sync_all().map_err(|e| cannot(partial, &e))?;
        if store.generation()? != generation {
            counted = None;
        } else if written != header.customers {
            counted = Some(written);
        } else {
            return Ok(written);
        }
    }
    Err(BackupError::KeptChanging)
}

/// The header, every dossier, and the closing line; returns how many dossiers were written.
fn write_lines(
    store: &dyn Store,
    header: &Header,
    out: &mut dyn Write,
    path: &Path,
) -> Result<u64, BackupError> {
    let fail = |e: io::Error| cannot(path, &e);
    write_line(out, header).map_err(fail)?;
    let mut count = 0u64;
    for dossier in store.dossiers()? {
        write_line(out, &dossier?).map_err(fail)?;
        count += 1;
    }
    let closing = Closing {
        end: FORMAT.to_string(),
        customers: count,
    };
    write_line(out, &closing).map_err(fail)?;
    Ok(count)
}

/// One value as one line of JSON: serde_json escapes line breaks inside strings.
fn write_line<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Where a backup is written before it is complete: beside its place, so the last step is a
/// rename on the same disk.
fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

/// Makes the rename itself durable; a failure costs nothing but that.
fn sync_directory_of(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
}

fn cannot(path: &Path, error: &io::Error) -> BackupError {
    BackupError::Write {
        path: path.to_path_buf(),
        detail: error.to_string(),
    }
}
