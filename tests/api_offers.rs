//! `pcenter offers list` from the outside: the catalog an order names its offers from, read
//! without any store.

mod binary;

use binary::*;
use serde_json::{json, Value};

fn offers(dir: &std::path::Path, format: &[&str]) -> Run {
    let output = pcenter_at(dir, &["offers", "list"])
        .args(format)
        .output()
        .expect("run pcenter");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

#[test]
fn the_offer_catalog_lists_every_offer_an_order_can_name() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = offers(dir.path(), &[]).json();
    let items = catalog["items"].as_array().unwrap();
    assert_eq!(catalog["totalCount"], items.len());
    assert_eq!(items.len(), pcenter::assets::offers().len());
    let find = |id: &str| items.iter().find(|o| o["id"] == id).unwrap().clone();
    assert_eq!(
        find(E3),
        json!({
            "id": E3, "name": "Microsoft 365 E3",
            "category": { "id": "microsoft-365", "name": "Microsoft 365", "rank": 0, "locale": "en-US", "country": "US" },
            "billing": "license", "unitType": "Licenses",
            "minimumQuantity": 1, "maximumQuantity": 10000
        })
    );
    assert_eq!(find(BUSINESS_BASIC)["maximumQuantity"], 300);
    assert_eq!(find(AZURE_PLAN)["billing"], "usage");
    assert_eq!(find(AZURE_PLAN)["maximumQuantity"], 1);
    assert!(
        !dir.path().join("store").exists(),
        "the catalog opens no store"
    );

    let table = offers(dir.path(), &["--format", "table"]);
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert_eq!(lines.len(), items.len() + 2);
    assert_eq!(lines.last().unwrap(), &format!("{} offers", items.len()));
    let azure = lines.iter().find(|l| l.starts_with(AZURE_PLAN)).unwrap();
    assert!(azure.ends_with("usage-based  —"), "{azure}");
    let csv = offers(dir.path(), &["--format", "csv"]);
    assert!(csv
        .stdout
        .starts_with("OfferId,Name,Category,Billing,MaximumQuantity\n"));
    assert!(csv.stdout.contains(&format!(
        "\n{E3},Microsoft 365 E3,Microsoft 365,license,10000\n"
    )));

    // Every ID listed is one an order takes on the day it is listed (Contoso has the Microsoft
    // Customer Agreement that Azure plan needs).
    let demo = Demo::new();
    for offer in items {
        let quantity = if offer["billing"] == "usage" {
            "1"
        } else {
            "2"
        };
        let id = offer["id"].as_str().unwrap();
        let args = [
            "orders",
            "create",
            "--customer",
            CONTOSO,
            "--offer",
            id,
            "--quantity",
            quantity,
        ];
        let order = demo.run("2025-01-15", &args).json();
        assert_eq!(order["lineItems"][0]["offerId"], Value::from(id));
    }
}

#[test]
fn the_catalog_of_a_business_date_holds_the_offers_sold_then_under_their_names_of_then() {
    let dir = tempfile::tempdir().unwrap();
    let on = |today: &str| {
        let output = pcenter_at(
            dir.path(),
            &["--today", today, "offers", "list", "--format", "csv"],
        )
        .output()
        .expect("run pcenter");
        String::from_utf8(output.stdout).unwrap()
    };
    let before_azure_plan = on("2019-09-30");
    assert!(
        !before_azure_plan.contains(AZURE_PLAN),
        "{before_azure_plan}"
    );
    assert!(before_azure_plan.contains(&format!("\n{AZURE},Microsoft Azure,Azure,usage,1\n")));
    assert!(before_azure_plan.contains("Office 365 Business Essentials"));
    assert!(!before_azure_plan.contains("Microsoft 365 Business Basic"));
    let after = on("2020-04-21");
    assert!(after.contains(&format!("\n{AZURE_PLAN},Azure plan,Azure,usage,1\n")));
    assert!(after.contains("Microsoft 365 Business Basic"));
    assert!(!after.contains("Office 365 Business Essentials"));
    assert!(after.contains("Microsoft Azure (legacy)"));
    // The last day of the old names.
    assert!(on("2020-04-20").contains("Office 365 Business Premium"));
}
