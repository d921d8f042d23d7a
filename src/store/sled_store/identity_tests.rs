//! The store's identity: written at creation, kept across reopening, and given once to a store
//! made before it existed, only when asked for (when its list is first saved).

use super::layout::{IDENTITY, META};
use super::tests::{open_raw, reopen};
use super::SledStore;
use crate::store::{StoreIdentity, IDENTITY_FILE};

#[test]
fn a_new_store_has_its_own_identity_from_creation_on() {
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let first = SledStore::open(one.path()).unwrap();
    let identity = first
        .stored_identity()
        .unwrap()
        .expect("written at creation");
    assert_eq!(first.identity().unwrap(), identity);
    assert_eq!(StoreIdentity::beside(one.path()), Some(identity));
    first.close();
    assert_eq!(
        reopen(one.path()).stored_identity().unwrap(),
        Some(identity)
    );
    let second = SledStore::open(two.path()).unwrap();
    assert_ne!(second.identity().unwrap(), identity);
}

#[test]
fn a_store_made_before_identities_gets_one_when_asked_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    SledStore::open(dir.path()).unwrap().close();
    {
        let db = open_raw(dir.path());
        db.open_tree(META).unwrap().remove(IDENTITY).unwrap();
        db.flush().unwrap();
    }
    let store = reopen(dir.path());
    assert_eq!(
        store.stored_identity().unwrap(),
        None,
        "opening writes none"
    );
    assert_eq!(StoreIdentity::beside(dir.path()), None);
    let given = store.identity().unwrap();
    assert_eq!(StoreIdentity::beside(dir.path()), Some(given));
    store.close();
    let store = reopen(dir.path());
    assert_eq!(store.stored_identity().unwrap(), Some(given));
    // A file beside it that says otherwise is put right.
    std::fs::write(dir.path().join(IDENTITY_FILE), "0".repeat(32)).unwrap();
    assert_eq!(store.identity().unwrap(), given);
    assert_eq!(StoreIdentity::beside(dir.path()), Some(given));
}
