//! `pcenter subscriptions list` and `pcenter offers list` from the outside: the IDs a script
//! needs for `subscriptions set-seats` and `orders create`, found without reading the store.

mod binary;

use binary::*;
use serde_json::{json, Value};

fn list(demo: &Demo, role: &str, customer: &str, format: &[&str]) -> Run {
    let mut args = vec!["subscriptions", "list", "--customer", customer];
    args.extend(format);
    demo.run_as(role, MANDATORY_DAY, &args)
}

#[test]
fn a_customers_subscriptions_come_as_the_real_collection() {
    let demo = Demo::new();
    let listed = list(&demo, "admin-agent", CONTOSO, &[]).json();
    assert_eq!(listed["totalCount"], 3);
    let items = listed["items"].as_array().unwrap();
    let ids: Vec<&str> = items.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(&ids[..2], [CONTOSO_E3, CONTOSO_AZURE]);
    let stored = demo.snapshot();
    let e3 = stored
        .subscriptions
        .iter()
        .find(|s| s.id == CONTOSO_E3)
        .unwrap();
    assert_eq!(
        items[0],
        json!({
            "id": CONTOSO_E3,
            "offerId": E3,
            "offerName": "Microsoft 365 E3",
            "friendlyName": "Microsoft 365 E3",
            "quantity": 250,
            "unitType": "Licenses",
            "status": "active",
            "autoRenewEnabled": true,
            "billingType": "license",
            "orderId": e3.order_id,
            "creationDate": items[0]["creationDate"].clone(),
        })
    );
    assert_eq!(items[1]["billingType"], "usage");
    // The shape set-seats prints: a script can read either.
    let changed = demo
        .run(
            MANDATORY_DAY,
            &[
                "subscriptions",
                "set-seats",
                "--customer",
                CONTOSO,
                "--subscription",
                ids[0],
                "--quantity",
                "251",
            ],
        )
        .json();
    let again = list(&demo, "admin-agent", "contosoelectronics", &[]).json();
    assert_eq!(again["items"][0], changed);
}

#[test]
fn every_role_may_list_them_as_a_table_or_csv() {
    let demo = Demo::new();
    let table = list(&demo, "helpdesk-agent", NORTHWIND, &["--format", "table"]);
    assert_eq!((table.code, table.stderr.as_str()), (Some(0), ""));
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", table.stdout);
    assert!(lines[0].starts_with("Subscription ID"), "{}", lines[0]);
    assert!(lines[1].starts_with(NORTHWIND_PREMIUM), "{}", lines[1]);
    assert!(
        lines[1].contains("Microsoft 365 Business Premium  45 "),
        "{}",
        lines[1]
    );
    assert_eq!(lines[3], "2 subscriptions");
    let usage = list(&demo, "admin-agent", CONTOSO, &["--format", "table"]);
    assert!(
        usage.stdout.contains("Azure plan        usage-based"),
        "{}",
        usage.stdout
    );

    let csv = list(&demo, "sales-agent", CONTOSO, &["--format", "csv"]);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "SubscriptionId,OfferId,OfferName,Quantity,BillingType,Status,AutoRenewEnabled,CreationDate"
    );
    let e3 = csv_fields(lines[1]);
    assert_eq!(
        &e3[..7],
        [
            CONTOSO_E3,
            E3,
            "Microsoft 365 E3",
            "250",
            "license",
            "active",
            "true"
        ]
    );
    assert_eq!(lines.len(), 4);
}

#[test]
fn an_unknown_customer_is_404_and_one_without_subscriptions_says_so() {
    let demo = Demo::new();
    let unknown = list(&demo, "admin-agent", "nobody", &[]);
    assert_eq!(
        unknown.refused(8, 404),
        "No customer has the tenant ID, primary domain or domain prefix 'nobody'."
    );
    let body = json!({
        "companyProfile": {"domain": "emptyhanded"},
        "billingProfile": {
            "companyName": "Empty Handed", "email": "ada@emptyhanded.com",
            "defaultAddress": {"country": "US", "addressLine1": "1 Main St", "city": "Redmond",
                "state": "WA", "postalCode": "98052", "firstName": "Ada", "lastName": "Lovelace"}
        }
    });
    demo.run_with_input(
        MANDATORY_DAY,
        &["customers", "create", "--json", "-"],
        &body.to_string(),
    )
    .json();
    let none = list(&demo, "admin-agent", "emptyhanded", &[]).json();
    assert_eq!(none, json!({"totalCount": 0, "items": []}));
    let table = list(&demo, "admin-agent", "emptyhanded", &["--format", "table"]);
    assert_eq!(table.stdout, "No subscriptions.\n");
}

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
            "id": E3, "name": "Microsoft 365 E3", "category": "Microsoft 365",
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

    // Every ID listed is one an order takes.
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
        let order = demo.run(MANDATORY_DAY, &args).json();
        assert_eq!(order["lineItems"][0]["offerId"], Value::from(id));
    }
}
