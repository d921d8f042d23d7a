//! `pcenter subscriptions list` and `pcenter subscriptions set-seats` from the outside: the IDs
//! a script needs, found without reading the store, and seat changes gated exactly as in the
//! dashboard, every refusal leaving the store as it was.

mod binary;

use binary::*;
use serde_json::json;

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
    // The offer under its name of the business date (Microsoft 365 Business until April 2020).
    let words: Vec<&str> = lines[1].split_whitespace().collect();
    assert!(
        words
            .windows(4)
            .any(|w| w == ["Microsoft", "365", "Business", "45"]),
        "{}",
        lines[1]
    );
    assert_eq!(lines[3], "2 subscriptions");
    let usage = list(&demo, "admin-agent", CONTOSO, &["--format", "table"]);
    assert!(
        usage.stdout.contains("Microsoft Azure   usage-based"),
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

#[test]
fn set_seats_prints_the_subscription_and_stores_the_new_count() {
    let demo = Demo::new();
    let run = demo.set_seats("admin-agent", MANDATORY_DAY, CONTOSO, CONTOSO_E3, "260");
    let subscription = run.json();
    let order_id = demo
        .snapshot()
        .subscriptions
        .iter()
        .find(|s| s.id == CONTOSO_E3)
        .unwrap()
        .order_id
        .clone();
    assert_eq!(
        subscription,
        json!({
            "id": CONTOSO_E3,
            "offerId": E3,
            "offerName": "Microsoft 365 E3",
            "friendlyName": "Microsoft 365 E3",
            "quantity": 260,
            "unitType": "Licenses",
            "status": "active",
            "autoRenewEnabled": true,
            "billingType": "license",
            "orderId": order_id,
            "creationDate": subscription["creationDate"].clone(),
        })
    );
    assert!(subscription["creationDate"]
        .as_str()
        .unwrap()
        .ends_with('Z'));
    assert_eq!(demo.seats(CONTOSO_E3), Some(260));
}

#[test]
fn seat_changes_are_gated_from_the_apis_own_day() {
    let demo = Demo::new();
    let blocked = demo.set_seats("admin-agent", API_DAY, NORTHWIND, NORTHWIND_PREMIUM, "50");
    let description = blocked.refused(10, 13605);
    assert!(description.contains("seat count"), "{description}");
    assert_eq!(demo.seats(NORTHWIND_PREMIUM), Some(45));
    // The dashboard refused it from November 7, 2018; the API let it through until March 22,
    // 2019.
    let before = demo.set_seats(
        "admin-agent",
        MANDATORY_DAY,
        NORTHWIND,
        NORTHWIND_PREMIUM,
        "50",
    );
    assert_eq!(before.json()["quantity"], 50);
    let germany = demo.set_seats("admin-agent", API_DAY, BAECKEREI, BAECKEREI_E1, "20");
    assert_eq!(germany.json()["quantity"], 20);
    assert_eq!(demo.seats(BAECKEREI_E1), Some(20));
}

#[test]
fn every_bad_seat_change_is_refused_with_its_code_and_writes_nothing() {
    let demo = Demo::new();
    let refusals: [(&str, &str, &str, &str, i32, u64, &str); 6] = [
        (
            "admin-agent",
            CONTOSO,
            CONTOSO_AZURE,
            "2",
            6,
            400,
            "usage-based",
        ),
        (
            "admin-agent",
            CONTOSO,
            "no-such-subscription",
            "2",
            8,
            404,
            "no-such-subscription",
        ),
        (
            "admin-agent",
            CONTOSO,
            NORTHWIND_PREMIUM,
            "2",
            8,
            404,
            NORTHWIND_PREMIUM,
        ),
        (
            "admin-agent",
            CONTOSO,
            CONTOSO_E3,
            "10001",
            6,
            400,
            "at most 10000",
        ),
        (
            "admin-agent",
            CONTOSO,
            CONTOSO_E3,
            "0",
            6,
            400,
            "at least 1",
        ),
        (
            "helpdesk-agent",
            CONTOSO,
            CONTOSO_E3,
            "2",
            7,
            403,
            "Admin agent or Sales agent",
        ),
    ];
    for (role, customer, sub, n, exit, code, fragment) in refusals {
        let run = demo.set_seats(role, MANDATORY_DAY, customer, sub, n);
        let description = run.refused(exit, code);
        assert!(description.contains(fragment), "{fragment}: {description}");
    }
    let unknown = demo.set_seats("admin-agent", MANDATORY_DAY, "nobody", CONTOSO_E3, "2");
    unknown.refused(8, 404);
    assert_eq!(demo.seats(CONTOSO_E3), Some(250));
    assert_eq!(demo.seats(CONTOSO_AZURE), None);
    assert_eq!(demo.seats(NORTHWIND_PREMIUM), Some(45));
}
