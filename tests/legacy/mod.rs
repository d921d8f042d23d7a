//! Stores as an older pcenter left them, with values today's rules refuse (a control character
//! in a name, say): pcenter keeps such values as they are, and shows them safely.
#![allow(dead_code)]

use pcenter::store::Snapshot;
use serde_json::Value;

/// A store as the first pcenter wrote it: schema version 1, each kind of record in a tree of
/// its own, keyed by a sequence number, as JSON.
pub fn write_layout_1(path: &std::path::Path, snapshot: &Snapshot) {
    let db = sled::open(path).expect("create a layout-1 store");
    let meta = db.open_tree("meta").unwrap();
    meta.insert("schema_version", &1u32.to_be_bytes()[..])
        .unwrap();
    meta.insert("id_salt", &7u64.to_be_bytes()[..]).unwrap();
    if let Some(partner) = &snapshot.partner_name {
        meta.insert("partner_name", partner.as_bytes()).unwrap();
    }
    let mut number = 0u64;
    let mut put = |tree: &str, records: Vec<Value>| {
        let tree = db.open_tree(tree).unwrap();
        for record in records {
            number += 1;
            tree.insert(number.to_be_bytes(), serde_json::to_vec(&record).unwrap())
                .unwrap();
        }
    };
    put("v1.customers", values(&snapshot.customers));
    put("v1.confirmations", values(&snapshot.confirmations));
    put("v1.orders", values(&snapshot.orders));
    put("v1.subscriptions", values(&snapshot.subscriptions));
    meta.insert("next_number", &(number + 1).to_be_bytes()[..])
        .unwrap();
    db.flush().unwrap();
}

fn values<T: serde::Serialize>(records: &[T]) -> Vec<Value> {
    records
        .iter()
        .map(|record| serde_json::to_value(record).expect("a record as JSON"))
        .collect()
}
