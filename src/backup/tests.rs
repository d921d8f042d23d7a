//! Backups: what is written, what is read back, and what a restore does with it.

mod reading;
mod restoring;
mod writing;

use crate::assets;
use crate::store::{SledStore, Snapshot, Store};
use chrono::{DateTime, Utc};
use std::path::Path;

fn now() -> DateTime<Utc> {
    "2018-11-14T10:30:00Z".parse().unwrap()
}

/// A sled store at `dir` holding the demo customers.
fn demo_store(dir: &Path) -> SledStore {
    let store = SledStore::open(dir).unwrap();
    store.write_snapshot(&assets::demo_snapshot()).unwrap();
    store
}

/// The names in a directory, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// What a store holds, read back as a whole.
fn contents(store: &dyn Store) -> Snapshot {
    store.load().unwrap()
}
