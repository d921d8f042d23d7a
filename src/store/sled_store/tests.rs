//! What only the store on disk does: survive reopening, lock, and guard its schema version.
//! The behaviour shared with the in-memory store is tested in `store::behaviour_tests`.

use super::layout::{META, SCHEMA};
use super::SledStore;
use crate::domain::cloud::Cloud;
use crate::store::behaviour_tests::{assert_holds, fill_every_kind_of_record};
use crate::store::test_data::{customer_in, korean_customer};
use crate::store::{MemoryStore, Store, StoreError, SCHEMA_VERSION};
use std::collections::HashSet;
use std::path::Path;
use std::thread::sleep;
use std::time::Duration;

/// sled can hold its lock for a moment after the last handle is dropped; wait that out.
pub(super) fn reopen(path: &Path) -> SledStore {
    for _ in 0..50 {
        match SledStore::open(path) {
            Err(StoreError::Locked { .. }) => sleep(Duration::from_millis(20)),
            opened => return opened.unwrap(),
        }
    }
    panic!("{} stayed locked", path.display());
}

/// Opens the database directly, as another program could.
pub(super) fn open_raw(path: &Path) -> sled::Db {
    for _ in 0..50 {
        match sled::open(path) {
            Err(sled::Error::Io(e)) if e.to_string().contains("could not acquire lock") => {
                sleep(Duration::from_millis(20))
            }
            opened => return opened.unwrap(),
        }
    }
    panic!("{} stayed locked", path.display());
}

type TreeDump = Vec<(Vec<u8>, Vec<(Vec<u8>, Vec<u8>)>)>;

/// Every tree with every entry, to tell whether anything changed.
fn dump(db: &sled::Db) -> TreeDump {
    let mut names = db.tree_names();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let tree = db.open_tree(&name).unwrap();
            let entries = tree
                .iter()
                .map(|entry| {
                    let (k, v) = entry.unwrap();
                    (k.to_vec(), v.to_vec())
                })
                .collect();
            (name.to_vec(), entries)
        })
        .collect()
}

#[test]
fn a_reopened_store_holds_what_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let expected = {
        let store = SledStore::open(dir.path()).unwrap();
        fill_every_kind_of_record(&store)
    };
    let store = reopen(dir.path());
    assert_holds(&store, &expected);
    assert_eq!(store.path(), dir.path());
}

fn ann_agent() -> crate::domain::agent::Agent {
    crate::domain::agent::Agent {
        id: "a-ann".into(),
        name: "Ann Agent".into(),
        role: crate::domain::role::Role::AdminAgent,
        added_at: "2026-01-02T10:00:00Z".parse().unwrap(),
        ssh_keys: vec![],
    }
}

#[test]
fn agents_and_tokens_survive_reopening_and_reading_them_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = SledStore::open(dir.path()).unwrap();
    fill_every_kind_of_record(&store);
    Box::new(store).close();
    let before = dump(&open_raw(dir.path()));
    let store = reopen(dir.path());
    let registry = store.registry().unwrap();
    assert!(registry.agents().unwrap().is_empty());
    assert_eq!(registry.agent_of_token("h").unwrap(), None);
    drop(store);
    assert_eq!(dump(&open_raw(dir.path())), before, "a read made no tree");

    let store = reopen(dir.path());
    let ann = ann_agent();
    store.registry().unwrap().add_agent(&ann).unwrap();
    store.registry().unwrap().add_token("a-ann", "h").unwrap();
    drop(store);
    let store = reopen(dir.path());
    let registry = store.registry().unwrap();
    assert_eq!(registry.agents().unwrap(), vec![ann.clone()]);
    assert_eq!(registry.agent_of_token("h").unwrap(), Some(ann));
}

#[test]
fn records_written_after_reopening_come_after_the_earlier_ones() {
    let dir = tempfile::tempdir().unwrap();
    let first = customer_in("c-1", "zulu", Cloud::Public);
    SledStore::open(dir.path())
        .unwrap()
        .create_customer(&first, None)
        .unwrap();
    let store = reopen(dir.path());
    let second = customer_in("c-0", "alpha", Cloud::Public);
    store.create_customer(&second, None).unwrap();
    assert_eq!(store.load().unwrap().customers, vec![first, second]);
}

#[test]
fn a_written_snapshot_survives_reopening_and_later_records_follow_it() {
    let dir = tempfile::tempdir().unwrap();
    let snapshot = fill_every_kind_of_record(&MemoryStore::default());
    SledStore::open(dir.path())
        .unwrap()
        .write_snapshot(&snapshot)
        .unwrap();
    let store = reopen(dir.path());
    assert_holds(&store, &snapshot);
    let later = customer_in("c-later", "aardvark", Cloud::Public);
    store.create_customer(&later, None).unwrap();
    assert_eq!(store.load().unwrap().customers.last(), Some(&later));
}

#[test]
fn ids_stay_distinct_across_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let mut ids = HashSet::new();
    for _ in 0..2 {
        let store = reopen(dir.path());
        for _ in 0..1000 {
            ids.insert(store.new_id().unwrap());
        }
    }
    assert_eq!(ids.len(), 2000);
}

#[test]
fn two_stores_make_different_ids() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let first_a = SledStore::open(a.path()).unwrap().new_id().unwrap();
    let first_b = SledStore::open(b.path()).unwrap().new_id().unwrap();
    assert_ne!(first_a, first_b);
}

#[test]
fn a_held_store_is_reported_locked_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let held = SledStore::open(dir.path()).unwrap();
    let refusal = match SledStore::open(dir.path()) {
        Err(e) => e,
        Ok(_) => panic!("a second handle opened a held store"),
    };
    assert_eq!(
        refusal,
        StoreError::Locked {
            path: dir.path().to_path_buf()
        }
    );
    let message = refusal.to_string();
    assert!(
        message.contains(&dir.path().display().to_string()),
        "{message}"
    );
    assert!(!message.to_lowercase().contains("sled"), "{message}");
    assert!(!message.contains("IO error"), "{message}");
    // The holder is unaffected.
    held.create_customer(&korean_customer("c-1"), None).unwrap();
}

#[test]
fn opening_creates_missing_directories() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a").join("b");
    let store = SledStore::open(&path).unwrap();
    assert!(store.is_empty().unwrap());
    assert!(path.is_dir());
}

#[test]
fn a_path_that_is_a_file_is_an_io_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-a-directory");
    std::fs::write(&path, "x").unwrap();
    match SledStore::open(&path) {
        Err(StoreError::Io { path: named, .. }) => assert_eq!(named, path),
        Err(other) => panic!("expected an IO error, got {other:?}"),
        Ok(_) => panic!("opened a file as a store"),
    }
}

#[test]
fn a_new_store_records_its_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    drop(SledStore::open(dir.path()).unwrap());
    let db = open_raw(dir.path());
    let stored = db.open_tree(META).unwrap().get(SCHEMA).unwrap().unwrap();
    assert_eq!(stored.as_ref(), SCHEMA_VERSION.to_be_bytes());
}

/// Marks the store at `path` as written by the next schema version; returns its contents.
fn mark_newer(path: &Path) -> TreeDump {
    let db = open_raw(path);
    let newer = (SCHEMA_VERSION + 1).to_be_bytes();
    db.open_tree(META)
        .unwrap()
        .insert(SCHEMA, &newer[..])
        .unwrap();
    db.flush().unwrap();
    dump(&db)
}

/// Opens a store expected to be refused for a reason other than its lock.
fn reopen_refused(path: &Path) -> StoreError {
    for _ in 0..50 {
        match SledStore::open(path) {
            Err(StoreError::Locked { .. }) => sleep(Duration::from_millis(20)),
            Err(e) => return e,
            Ok(_) => panic!("{} was opened", path.display()),
        }
    }
    panic!("{} stayed locked", path.display());
}

#[test]
fn a_store_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    fill_every_kind_of_record(&SledStore::open(dir.path()).unwrap());
    let before = mark_newer(dir.path());

    assert_eq!(
        reopen_refused(dir.path()),
        StoreError::NewerSchema {
            path: dir.path().to_path_buf(),
            found: SCHEMA_VERSION + 1,
            supported: SCHEMA_VERSION,
        }
    );
    assert_eq!(dump(&open_raw(dir.path())), before);
}

#[test]
fn a_newer_store_gains_no_trees_of_this_version() {
    let dir = tempfile::tempdir().unwrap();
    let before = mark_newer(dir.path());
    assert!(matches!(
        reopen_refused(dir.path()),
        StoreError::NewerSchema { .. }
    ));
    assert_eq!(dump(&open_raw(dir.path())), before);
}

#[test]
fn a_store_in_the_first_layout_is_migrated_whole_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let expected = fill_every_kind_of_record(&MemoryStore::default());
    {
        // Layout 1 as its build wrote it: one tree per kind, sequence number → JSON.
        let db = open_raw(dir.path());
        let meta = db.open_tree(META).unwrap();
        meta.insert(SCHEMA, &1u32.to_be_bytes()[..]).unwrap();
        meta.insert("id_salt", &7u64.to_be_bytes()[..]).unwrap();
        meta.insert("next_number", &100u64.to_be_bytes()[..])
            .unwrap();
        meta.insert("partner_name", expected.partner_name.as_deref().unwrap())
            .unwrap();
        let mut number = 1u64;
        let mut put = |tree: &str, json: Vec<u8>| {
            db.open_tree(tree)
                .unwrap()
                .insert(number.to_be_bytes(), json)
                .unwrap();
            number += 1;
        };
        for c in &expected.customers {
            put("v1.customers", serde_json::to_vec(c).unwrap());
        }
        for c in &expected.confirmations {
            put("v1.confirmations", serde_json::to_vec(c).unwrap());
        }
        for o in &expected.orders {
            put("v1.orders", serde_json::to_vec(o).unwrap());
        }
        for s in &expected.subscriptions {
            put("v1.subscriptions", serde_json::to_vec(s).unwrap());
        }
        db.flush().unwrap();
    }
    let store = reopen(dir.path());
    assert_holds(&store, &expected);
    assert_eq!(store.customer_count().unwrap(), 2);
    assert_eq!(store.listing().unwrap().count(), 2);
    drop(store);
    let db = open_raw(dir.path());
    let names: Vec<String> = db
        .tree_names()
        .iter()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with("v1.")), "{names:?}");
    let version = db.open_tree(META).unwrap().get(SCHEMA).unwrap().unwrap();
    assert_eq!(version.as_ref(), SCHEMA_VERSION.to_be_bytes());
}

/// sled writes a node over 128 KiB to a file of its own, which did not survive being killed
/// at random moments (see `list_pages::PAGE_BYTES`): a fill must make none.
#[test]
fn a_filled_store_keeps_every_node_in_the_log_and_none_in_a_blob_file() {
    use crate::domain::agreement::Channel;
    use crate::store::test_data::confirmation;
    use crate::store::Dossier;
    let dir = tempfile::tempdir().unwrap();
    let store = SledStore::open(dir.path()).unwrap();
    let dossiers: Vec<Dossier> = (0..3000)
        .map(|n| {
            let id = format!("{n:08x}-0000-4000-8000-000000000000");
            let name = format!("Harbor Outfitters and Distribution {n:04}");
            let mut customer = customer_in(&id, &format!("harboroutfitters{n}"), Cloud::Public);
            customer.company_name = name;
            let mut dossier = Dossier::new(customer);
            if n % 3 == 0 {
                dossier.confirmations.push(confirmation(
                    &id,
                    "2018-09-14T09:30:00Z",
                    Channel::Import,
                ));
            }
            dossier
        })
        .collect();
    let mut chunks = dossiers.chunks(500).map(<[Dossier]>::to_vec);
    store.fill(None, &mut chunks, &mut |_| {}).unwrap();
    drop(store);
    let blobs: Vec<_> = std::fs::read_dir(dir.path().join("blobs"))
        .map(|entries| entries.map(|e| e.unwrap().file_name()).collect())
        .unwrap_or_default();
    assert!(blobs.is_empty(), "blob files: {blobs:?}");
}

#[test]
fn grouped_writes_share_one_flush_and_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = SledStore::open(dir.path()).unwrap();
        store.group_flushes();
        let flushes = || store.flushes.load(std::sync::atomic::Ordering::Relaxed);
        // The first write also reserves sequence numbers on disk, which flushes at once.
        store
            .create_customer(&customer_in("z0", "zulu", Cloud::Public), None)
            .unwrap();
        store.flush_written().unwrap();
        let before = flushes();
        for (id, prefix) in [("a1", "alpha"), ("b2", "bravo"), ("c3", "charlie")] {
            store
                .create_customer(&customer_in(id, prefix, Cloud::Public), None)
                .unwrap();
        }
        assert_eq!(flushes(), before, "grouped writes wait for flush_written");
        store.flush_written().unwrap();
        assert_eq!(flushes(), before + 1, "one flush for the three writes");
        store.flush_written().unwrap();
        assert_eq!(flushes(), before + 1, "nothing left to flush");
        // Dropped without closing: only what was flushed is certain, and it is all there.
    }
    let store = reopen(dir.path());
    assert_eq!(store.customer_count().unwrap(), 4);
}

#[test]
fn writes_flushed_from_many_threads_at_once_are_all_kept_and_sealed() {
    let dir = tempfile::tempdir().unwrap();
    let writes: u64 = 8 * 25;
    {
        let store = SledStore::open(dir.path()).unwrap();
        store.group_flushes();
        std::thread::scope(|threads| {
            for thread in 0..8 {
                let store = &store;
                threads.spawn(move || {
                    for n in 0..25 {
                        let id = format!("t{thread}-{n}");
                        let customer = customer_in(&id, &format!("t{thread}n{n}"), Cloud::Public);
                        store.create_customer(&customer, None).unwrap();
                        store.flush_written().unwrap();
                    }
                });
            }
        });
        let generation = store.generation().unwrap();
        let sealed = super::seal::Before::read(dir.path()).generation();
        assert_eq!(
            sealed,
            Some(generation),
            "the seal says every write is saved"
        );
    }
    let store = reopen(dir.path());
    assert_eq!(store.customer_count().unwrap(), writes);
}

#[test]
fn the_registry_keeps_the_saved_list_and_the_generation_a_customer_change_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let store = SledStore::open(dir.path()).unwrap();
    let saved_list = || {
        crate::store::LIST_CACHE_FILES
            .iter()
            .all(|name| dir.path().join(name).exists())
    };
    for name in crate::store::LIST_CACHE_FILES {
        std::fs::write(dir.path().join(name), b"a saved list").unwrap();
    }
    let generation = store.generation().unwrap();
    let registry = store.registry().unwrap();
    let ann = ann_agent();
    registry.add_agent(&ann).unwrap();
    registry.add_token("a-ann", "h").unwrap();
    registry.replace_agent(&ann).unwrap();
    registry.revoke_tokens("a-ann").unwrap();
    registry.remove_agent("a-ann").unwrap();
    assert!(saved_list(), "the list holds nothing of the agents");
    assert_eq!(store.generation().unwrap(), generation);
    store
        .create_customer(&customer_in("c1", "alpha", Cloud::Public), None)
        .unwrap();
    assert!(
        !saved_list(),
        "a customer's change makes the saved list stale"
    );
}
