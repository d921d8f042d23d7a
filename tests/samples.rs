//! The sample bodies in `assets/`, which the README points a newcomer to, are accepted as they
//! are: `customers create --json assets/customer.sample.json` on a new store and on the demo
//! one, `agreements create --json assets/agreement.sample.json` on the demo's Northwind.

mod binary;

use binary::*;
use std::path::PathBuf;

fn sample(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "assets", name]
        .iter()
        .collect();
    path.to_str().expect("a UTF-8 path").to_string()
}

#[test]
fn the_sample_customer_body_creates_a_confirmed_customer_on_a_new_store() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| succeeded_at(dir.path(), MANDATORY_DAY, args);
    let created: serde_json::Value = serde_json::from_str(&run(&[
        "customers",
        "create",
        "--json",
        &sample("customer.sample.json"),
    ]))
    .unwrap();
    assert_eq!(
        created["companyProfile"]["domain"],
        "tailspintoys.onmicrosoft.com"
    );
    let listed = run(&["customers", "list", "--format", "csv"]);
    assert!(
        listed.contains(",Tailspin Toys,tailspintoys.onmicrosoft.com,Public,Confirmed,0"),
        "{listed}"
    );
}

#[test]
fn the_sample_bodies_are_accepted_on_the_demo_store() {
    let demo = Demo::new();
    let customer = demo.run(
        MANDATORY_DAY,
        &[
            "customers",
            "create",
            "--json",
            &sample("customer.sample.json"),
        ],
    );
    assert_eq!(customer.code, Some(0), "{customer:?}");
    let agreement = demo.run(
        MANDATORY_DAY,
        &[
            "agreements",
            "create",
            "--customer",
            "northwindtraders",
            "--json",
            &sample("agreement.sample.json"),
        ],
    );
    assert_eq!(agreement.code, Some(0), "{agreement:?}");
    assert_eq!(agreement.json()["primaryContact"]["lastName"], "Siciliani");
    assert_eq!(demo.customer_count(), 32);
}
