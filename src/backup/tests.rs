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

/// What a store holds, read back as a whole.
fn contents(store: &dyn Store) -> Snapshot {
    store.load().unwrap()
}
