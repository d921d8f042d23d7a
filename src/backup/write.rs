//! Writing a backup: streamed, one dossier at a time, into a file beside the target that takes
//! the target's name only once it is complete and of one state of the store, or into a stream
//! (standard output, a FIFO) as it is read.

use super::{stamp, unused_path, Closing, Header, FORMAT, VERSION};
use crate::domain::characters::quote_path;
use crate::out_file::OutFile;
use crate::private;
use crate::store::{Store, StoreError, SCHEMA_VERSION};
use chrono::{DateTime, SubsecRound, Utc};
use serde::Serialize;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// How often a backup is written again because the store changed while it was written.
pub const ATTEMPTS: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("The backup could not be written to {} ({detail}). Nothing in the store changed; choose a place you may write to with room to spare, and try again.", quote_path(.path))]
    Write {
        path: PathBuf,
        detail: String,
        kind: io::ErrorKind,
    },
    #[error("The store changed every time the backup was being written, {ATTEMPTS} times in a row. Nothing was written; try again when the store is idle.")]
    KeptChanging,
    #[error("The store changed while its backup was being written to {}, which cannot be written again: what it got ends without the closing line, so restore refuses it. Back up to a file, or try again when the store is idle.", quote_path(.path))]
    ChangedWhileStreamed { path: PathBuf },
    #[error("This store is kept in memory only, so there is nothing on disk to back up.")]
    NotOnDisk,
}

/// Writes a backup of `store` to the file `path`, written at `now`; returns how many customers
/// it holds. See `write`.
pub fn write_file(store: &dyn Store, path: &Path, now: DateTime<Utc>) -> Result<u64, BackupError> {
    let out = OutFile::open(path, None).map_err(|e| cannot(path, &e))?;
    write(store, out, now)
}

/// Writes a backup of `store` into `out`, written at `now`; returns how many customers it
/// holds. The backup is of one state of the store: a file is written again if the store
/// changed while it was being written (its generation moved), and takes its place only once
/// complete. A stream cannot be written again: if the store changed meanwhile, it gets no
/// closing line, so that it is never taken for a backup of one moment. (A command holds the
/// store for its whole run, so nothing else changes it meanwhile.)
pub fn write(store: &dyn Store, mut out: OutFile, now: DateTime<Utc>) -> Result<u64, BackupError> {
    let now = now.trunc_subsecs(0);
    // The count of the store's statistics, unless a pass found it wrong.
    let mut counted = None;
    for attempt in 0..ATTEMPTS {
        if attempt > 0 {
            out.start_over().map_err(|e| cannot(out.path(), &e))?;
        }
        let generation = store.generation()?;
        let header = Header {
            format: FORMAT.to_string(),
            version: VERSION,
            schema: SCHEMA_VERSION,
            partner: store.partner_name()?,
            environment: store.environment()?,
            customers: match counted {
                Some(count) => count,
                None => store.customer_count()?,
            },
            written: now,
            agents: match store.registry() {
                Some(registry) => registry.agents()?,
                None => Vec::new(),
            },
        };
        let path = out.path().to_path_buf();
        let mut buffered = BufWriter::new(&mut out);
        let written = write_dossiers(store, &header, &mut buffered, &path)?;
        buffered.flush().map_err(|e| cannot(&path, &e))?;
        drop(buffered);
        let changed = store.generation()? != generation;
        if !changed && written == header.customers {
            let closing = Closing {
                end: FORMAT.to_string(),
                customers: written,
            };
            write_line(&mut out, &closing).map_err(|e| cannot(&path, &e))?;
            out.finish().map_err(|e| cannot(&path, &e))?;
            tracing::info!(
                "backup of {written} customers written to {}",
                path.display()
            );
            return Ok(written);
        }
        if !out.can_start_over() {
            return Err(BackupError::ChangedWhileStreamed { path });
        }
        counted = (!changed).then_some(written);
    }
    Err(BackupError::KeptChanging)
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

/// The header and every dossier; returns how many dossiers were written.
fn write_dossiers(
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
    Ok(count)
}

/// One value as one line of JSON: line breaks inside strings are escaped, and so is every
/// other hidden character, since a backup may be written to a terminal (`--out -`).
fn write_line<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let line = crate::safe_json::to_string(value).map_err(io::Error::from)?;
    out.write_all(line.as_bytes())?;
    out.write_all(b"\n")
}

fn cannot(path: &Path, error: &io::Error) -> BackupError {
    BackupError::Write {
        path: path.to_path_buf(),
        detail: error.to_string(),
        kind: error.kind(),
    }
}
