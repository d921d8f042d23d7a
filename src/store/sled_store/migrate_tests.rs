//! Stores in older forms: layout 2, whose indexes held one sled entry per customer, and
//! dossiers stored as JSON.

use super::super::buckets;
use super::super::codec;
use super::super::layout::{CUSTOMERS_TREE, CUSTOMER_IDS_TREE, DOMAINS_TREE, META, SCHEMA};
use super::super::tests::{open_raw, reopen};
use super::V2_INDEXES;
use crate::domain::agreement::Channel;
use crate::domain::cloud::Cloud;
use crate::store::behaviour_tests::{assert_holds, fill_every_kind_of_record};
use crate::store::test_data::{confirmation, customer_in};
use crate::store::{SledStore, Store, StoreError, SCHEMA_VERSION};
use std::path::Path;

/// Rewrites a store of this build's layout as layout 2 wrote it: the bucketed indexes become
/// one entry per key in the layout-2 trees.
fn rewrite_as_layout_2(path: &Path) {
    let db = open_raw(path);
    for (new, old) in [CUSTOMER_IDS_TREE, DOMAINS_TREE]
        .into_iter()
        .zip(V2_INDEXES)
    {
        let flat = db.open_tree(old).unwrap();
        for bucket in db.open_tree(new).unwrap().iter().values() {
            for entry in buckets::entries(&bucket.unwrap()) {
                let (key, value) = entry.unwrap();
                flat.insert(key, value).unwrap();
            }
        }
        db.drop_tree(new).unwrap();
    }
    let meta = db.open_tree(META).unwrap();
    meta.insert(SCHEMA, &2u32.to_be_bytes()[..]).unwrap();
    db.flush().unwrap();
}

#[test]
fn a_store_in_layout_2_gets_bucketed_indexes_on_open_and_keeps_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let expected = {
        let store = SledStore::open(dir.path()).unwrap();
        fill_every_kind_of_record(&store)
    };
    rewrite_as_layout_2(dir.path());

    let store = reopen(dir.path());
    assert_holds(&store, &expected);
    let hanbit = &expected.customers[0];
    assert_eq!(
        store.dossier(&hanbit.id).unwrap().unwrap().customer,
        *hanbit
    );
    let by_domain = store.customer_id_by_domain(&hanbit.domain.to_uppercase());
    assert_eq!(by_domain.unwrap().as_deref(), Some(hanbit.id.as_str()));
    // The migrated domain index still keeps domains unique.
    let prefix = hanbit.domain.split('.').next().unwrap();
    let twin = customer_in(&store.new_id().unwrap(), prefix, Cloud::Public);
    assert!(matches!(
        store.create_customer(&twin, None),
        Err(StoreError::DomainTaken { .. })
    ));
    drop(store);

    let db = open_raw(dir.path());
    let names: Vec<String> = db
        .tree_names()
        .iter()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !V2_INDEXES.contains(&n.as_str())),
        "{names:?}"
    );
    let version = db.open_tree(META).unwrap().get(SCHEMA).unwrap().unwrap();
    assert_eq!(version.as_ref(), SCHEMA_VERSION.to_be_bytes());
}

#[test]
fn dossiers_stored_as_json_read_as_before_and_change_like_any_other() {
    let dir = tempfile::tempdir().unwrap();
    let expected = {
        let store = SledStore::open(dir.path()).unwrap();
        fill_every_kind_of_record(&store)
    };
    {
        // As the first builds of layouts 2 and 3 stored them.
        let db = open_raw(dir.path());
        let customers = db.open_tree(CUSTOMERS_TREE).unwrap();
        for entry in customers.iter() {
            let (number, stored) = entry.unwrap();
            let dossier = codec::decode(&stored).unwrap();
            customers
                .insert(number, serde_json::to_vec(&dossier).unwrap())
                .unwrap();
        }
        db.flush().unwrap();
    }
    let store = reopen(dir.path());
    assert_holds(&store, &expected);
    let hanbit = &expected.customers[0];
    let later = confirmation(&hanbit.id, "2018-10-09T10:00:00Z", Channel::Import);
    store.add_confirmation(&later).unwrap();
    let dossier = store.dossier(&hanbit.id).unwrap().unwrap();
    assert_eq!(dossier.confirmations.last(), Some(&later));
    assert_eq!(dossier.confirmations.len(), 3);
}

/// Rewrites the list rows of a store of this build as layout 3 wrote them, in its trees: `1`
/// where a customer has a confirmation, in place of its first acceptance date; and no latest
/// date.
fn rewrite_as_layout_3(path: &Path) {
    let db = open_raw(path);
    for (new, old) in [
        ("v4.listing", "v2.listing"),
        ("v4.unconfirmed", "v2.unconfirmed"),
    ] {
        let layout_3 = db.open_tree(old).unwrap();
        for entry in db.open_tree(new).unwrap().iter() {
            let (key, row) = entry.unwrap();
            let mut fields: Vec<String> = String::from_utf8(row.to_vec())
                .unwrap()
                .split('\u{1f}')
                .map(str::to_string)
                .collect();
            if fields[4] != "0" {
                fields[4] = "1".into();
            }
            layout_3
                .insert(key, fields.join("\u{1f}").as_bytes())
                .unwrap();
        }
        db.drop_tree(new).unwrap();
    }
    db.open_tree("v2.stats")
        .unwrap()
        .remove("latest_acceptance")
        .unwrap();
    let meta = db.open_tree(META).unwrap();
    meta.insert(SCHEMA, &3u32.to_be_bytes()[..]).unwrap();
    db.flush().unwrap();
}

#[test]
fn a_store_in_layout_3_gets_list_rows_with_the_first_acceptance_date_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let expected = {
        let store = SledStore::open(dir.path()).unwrap();
        fill_every_kind_of_record(&store)
    };
    rewrite_as_layout_3(dir.path());
    let store = reopen(dir.path());
    assert_holds(&store, &expected);
    let hanbit = &expected.customers[0];
    let accepted = expected.confirmations[0].counts_from();
    let row = store
        .listing()
        .unwrap()
        .map(Result::unwrap)
        .find(|row| row.id == hanbit.id)
        .unwrap();
    assert_eq!(row.confirmed_since, Some(accepted));
    let latest = expected.confirmations.iter().map(|c| c.counts_from()).max();
    assert_eq!(store.latest_acceptance().unwrap(), latest);
    let backlog = |as_of: chrono::NaiveDate| -> Vec<String> {
        (store.unconfirmed_listing(as_of).unwrap())
            .map(|row| row.unwrap().id)
            .collect()
    };
    assert!(!backlog(accepted).contains(&hanbit.id));
    assert!(backlog(accepted.pred_opt().unwrap()).contains(&hanbit.id));
    assert_eq!(crate::store::audit(&store).unwrap(), Vec::<String>::new());
    drop(store);
    let db = open_raw(dir.path());
    let version = db.open_tree(META).unwrap().get(SCHEMA).unwrap().unwrap();
    assert_eq!(version.as_ref(), SCHEMA_VERSION.to_be_bytes());
    let names: Vec<String> = (db.tree_names().iter())
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect();
    assert!(!names.contains(&"v2.listing".to_string()), "{names:?}");
}

/// Rewrites a store of this build's layout as layout 4 wrote it: list rows of six fields, and
/// no latest date of change.
fn rewrite_as_layout_4(path: &Path) {
    let db = open_raw(path);
    for name in ["v4.listing", "v4.unconfirmed"] {
        let tree = db.open_tree(name).unwrap();
        for entry in tree.iter() {
            let (key, row) = entry.unwrap();
            let text = String::from_utf8(row.to_vec()).unwrap();
            let fields: Vec<&str> = text.split('\u{1f}').take(6).collect();
            tree.insert(key, fields.join("\u{1f}").as_bytes()).unwrap();
        }
    }
    db.open_tree("v2.stats")
        .unwrap()
        .remove("latest_change")
        .unwrap();
    let meta = db.open_tree(META).unwrap();
    meta.insert(SCHEMA, &4u32.to_be_bytes()[..]).unwrap();
    db.flush().unwrap();
}

#[test]
fn a_store_in_layout_4_gets_list_rows_with_their_day_of_change_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let expected = {
        let store = SledStore::open(dir.path()).unwrap();
        fill_every_kind_of_record(&store)
    };
    rewrite_as_layout_4(dir.path());
    let store = reopen(dir.path());
    assert_holds(&store, &expected);
    let rows: Vec<_> = store.listing().unwrap().map(Result::unwrap).collect();
    assert!(rows.iter().all(|row| row.changed_on.is_some()), "{rows:?}");
    let latest = expected
        .into_dossiers()
        .iter()
        .map(crate::store::Dossier::changed_on)
        .max();
    assert_eq!(store.latest_change().unwrap(), latest);
    assert_eq!(crate::store::audit(&store).unwrap(), Vec::<String>::new());
    drop(store);
    let db = open_raw(dir.path());
    let version = db.open_tree(META).unwrap().get(SCHEMA).unwrap().unwrap();
    assert_eq!(version.as_ref(), SCHEMA_VERSION.to_be_bytes());
}
