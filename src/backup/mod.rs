//! Backups: a whole store as JSON lines that a person can read, and a store made again from
//! one.
//!
//! ```text
//! {"format":"pcenter-backup","version":1,"schema":5,"partner":"…","customers":2,"written":"…","agents":[…]}
//! {"customer":{…},"confirmations":[…],"orders":[…],"subscriptions":[…]}
//! {"customer":{…},"confirmations":[],"orders":[],"subscriptions":[]}
//! {"end":"pcenter-backup","customers":2}
//! ```
//!
//! The first line says what the file is and how many customers follow, each on its own line
//! with everything recorded for it, in creation order; the closing line repeats the count, so
//! a file cut short is known as such.

mod damage;
mod read;
mod restore;
mod swap;
#[cfg(test)]
mod tests;
mod write;

pub use damage::{AgentProblem, Damage, DamageProblem, NotAHeader, Shared};
pub use read::{BackupReader, Tally};
pub use restore::{Restore, RestoreError, Restored};
pub use write::{into_backups_dir, write, write_file, BackupError, ATTEMPTS};

use crate::domain::agent::Agent;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The name in every backup's first line.
pub const FORMAT: &str = "pcenter-backup";
/// The version of the file format this build writes, and the newest it reads.
pub const VERSION: u32 = 1;

/// The first line of a backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub version: u32,
    /// The store schema version the records are written in (see `store::SCHEMA_VERSION`).
    pub schema: u32,
    pub partner: Option<String>,
    /// The Partner Center environment the store was created for; absent from backups of stores
    /// that kept none (production).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<crate::domain::timeline::Environment>,
    pub customers: u64,
    pub written: DateTime<Utc>,
    /// The agents who sign in when the store is served, without their tokens: after a restore
    /// each needs a new one. Absent from backups of stores that have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agents: Vec<Agent>,
}

/// The last line of a backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Closing {
    end: String,
    customers: u64,
}

/// `base` if nothing is there yet, else `base` with `-2`, `-3`, … before its extension: a
/// backup or a store set aside never takes the place of another.
fn unused_path(base: &Path) -> PathBuf {
    if !base.exists() {
        return base.to_path_buf();
    }
    let stem = base.file_stem().unwrap_or_default().to_string_lossy();
    let extension = base
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (2..)
        .map(|n| base.with_file_name(format!("{stem}-{n}{extension}")))
        .find(|path| !path.exists())
        .expect("some number is free")
}

/// A moment as it appears in file names: `20181114T103000Z`.
fn stamp(moment: DateTime<Utc>) -> String {
    moment.format("%Y%m%dT%H%M%SZ").to_string()
}
