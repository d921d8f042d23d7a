//! `pcenter orders create` from the outside: gated exactly as in the dashboard, and every
//! refusal leaving the store as it was. Seat changes are in api_subscriptions.rs.

mod binary;

use binary::*;
use serde_json::Value;

fn order(demo: &Demo, today: &str, customer: &str, lines: &[(&str, &str)]) -> Run {
    let mut args = vec!["orders", "create", "--customer", customer];
    for (offer, quantity) in lines {
        args.extend(["--offer", offer, "--quantity", quantity]);
    }
    demo.run(today, &args)
}

#[test]
fn an_order_for_a_confirmed_customer_creates_one_subscription_per_line() {
    let demo = Demo::new();
    let lower_case = E3.to_lowercase();
    let run = order(
        &demo,
        MANDATORY_DAY,
        "contosoelectronics.onmicrosoft.com",
        &[(lower_case.as_str(), "25"), (AZURE_PLAN, "1")],
    );
    let order = run.json();
    let id = order["id"].as_str().unwrap();
    assert_eq!(id.len(), 36, "{order}");
    assert_eq!(order["referenceCustomerId"], CONTOSO);
    assert_eq!(order["status"], "completed");
    assert!(
        order["creationDate"]
            .as_str()
            .unwrap()
            .starts_with("2018-11-14T"),
        "{order}"
    );
    let items = order["lineItems"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    for (number, (item, (offer, quantity))) in
        items.iter().zip([(E3, 25), (AZURE_PLAN, 1)]).enumerate()
    {
        assert_eq!(item["lineItemNumber"], number);
        assert_eq!(item["offerId"], offer, "the catalog's spelling");
        assert_eq!(item["quantity"], quantity);
        assert_eq!(item["subscriptionId"].as_str().unwrap().len(), 36);
        assert_eq!(item.as_object().unwrap().len(), 4, "{item}");
    }
    // Read back: the customer has two more subscriptions, the order is stored with its lines.
    assert_eq!(demo.subscription_count(CONTOSO), "5");
    let snapshot = demo.snapshot();
    let stored = snapshot.orders.iter().find(|o| o.id == id).unwrap();
    assert_eq!(stored.created_by, AGENT);
    let e3 = items[0]["subscriptionId"].as_str().unwrap();
    assert_eq!(demo.seats(e3), Some(25));
    let changed = demo
        .set_seats("sales-agent", MANDATORY_DAY, CONTOSO, e3, "30")
        .json();
    assert_eq!(changed["orderId"], id);
}

#[test]
fn orders_and_seat_changes_find_the_customer_by_its_domain_prefix() {
    let demo = Demo::new();
    let placed = order(
        &demo,
        MANDATORY_DAY,
        "ContosoElectronics",
        &[(BUSINESS_BASIC, "3")],
    )
    .json();
    assert_eq!(placed["referenceCustomerId"], CONTOSO);
    let changed = demo
        .set_seats(
            "admin-agent",
            MANDATORY_DAY,
            "contosoelectronics",
            CONTOSO_E3,
            "251",
        )
        .json();
    assert_eq!(changed["quantity"], 251);
    assert_eq!(demo.seats(CONTOSO_E3), Some(251));
}

#[test]
fn orders_of_unconfirmed_public_customers_are_blocked_from_the_mandatory_phase() {
    let demo = Demo::new();
    let blocked = order(&demo, MANDATORY_DAY, NORTHWIND, &[(E3, "5")]);
    let description = blocked.refused(10, 13605);
    assert!(
        description
            .contains("Confirmation of customer acceptance of the Microsoft Cloud Agreement"),
        "{description}"
    );
    assert_eq!(demo.subscription_count(NORTHWIND), "2");
    // Before that date, and for national clouds, nothing is blocked.
    assert_eq!(
        order(&demo, OPTIONAL_DAY, NORTHWIND, &[(E3, "5")]).json()["status"],
        "completed"
    );
    assert_eq!(demo.subscription_count(NORTHWIND), "3");
    let germany = order(&demo, MANDATORY_DAY, BAECKEREI, &[(E3, "5")]).json();
    assert_eq!(germany["referenceCustomerId"], BAECKEREI);
}

#[test]
fn every_bad_order_is_refused_with_its_code_and_writes_nothing() {
    let demo = Demo::new();
    let unknown = order(
        &demo,
        MANDATORY_DAY,
        CONTOSO,
        &[(E3, "1"), ("no-such-offer", "1")],
    );
    assert!(unknown.refused(6, 800004).contains("no-such-offer"));
    let too_many = order(&demo, MANDATORY_DAY, CONTOSO, &[(BUSINESS_BASIC, "301")]);
    assert!(too_many.refused(6, 400).contains("at most 300"));
    let zero = order(&demo, MANDATORY_DAY, CONTOSO, &[(E3, "0")]);
    zero.refused(6, 400);
    let usage = order(&demo, MANDATORY_DAY, CONTOSO, &[(AZURE_PLAN, "2")]);
    assert!(usage.refused(6, 400).contains("usage-based"));
    let unpaired = demo.run(
        MANDATORY_DAY,
        &[
            "orders",
            "create",
            "--customer",
            CONTOSO,
            "--offer",
            E3,
            "--offer",
            AZURE_PLAN,
            "--quantity",
            "1",
        ],
    );
    assert!(unpaired
        .refused(6, 400)
        .contains("one --quantity for each --offer"));
    let nobody = order(&demo, MANDATORY_DAY, "nobody.onmicrosoft.com", &[(E3, "1")]);
    assert!(nobody.refused(8, 404).contains("nobody.onmicrosoft.com"));
    let helpdesk = demo.run_as(
        "helpdesk-agent",
        MANDATORY_DAY,
        &[
            "orders",
            "create",
            "--customer",
            CONTOSO,
            "--offer",
            E3,
            "--quantity",
            "1",
        ],
    );
    assert_eq!(
        helpdesk.refused(7, 403),
        "You must be an Admin agent or Sales agent to create a new order."
    );
    let no_quantity = demo.run(
        MANDATORY_DAY,
        &["orders", "create", "--customer", CONTOSO, "--offer", E3],
    );
    assert_eq!(no_quantity.code, Some(2), "{no_quantity:?}");
    assert_eq!(demo.subscription_count(CONTOSO), "3");
    assert_eq!(
        demo.snapshot().orders.len(),
        pcenter::assets::demo_snapshot().orders.len()
    );
}

#[test]
fn the_order_json_has_exactly_the_fields_of_the_real_order() {
    let demo = Demo::new();
    let order: Value = order(&demo, OPTIONAL_DAY, NORTHWIND, &[(BUSINESS_BASIC, "3")]).json();
    let mut keys: Vec<&String> = order.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "creationDate",
            "id",
            "lineItems",
            "referenceCustomerId",
            "status"
        ]
    );
}

#[test]
fn a_confirmation_dated_after_the_business_date_does_not_count_at_that_date() {
    let demo = Demo::new();
    let confirmed = demo.run("2018-11-20", &CONFIRM_NORTHWIND);
    assert_eq!(confirmed.code, Some(0), "{confirmed:?}");
    let earlier = "2018-11-10";
    // With the business date moved back before the acceptance date, the gate stays shut...
    let refused = order(&demo, earlier, NORTHWIND, &[(E3, "5")]);
    assert!(
        refused.refused(10, 13605).contains("mandatory"),
        "{refused:?}"
    );
    // ...and every view says the customer is not confirmed yet.
    let show = demo.run(earlier, &["customers", "show", NORTHWIND]).json();
    assert_eq!(show["agreementStatus"], "Not confirmed");
    assert_eq!(show["currentAgreement"], Value::Null);
    let backlog = demo.run(
        earlier,
        &["customers", "list", "--unconfirmed", "--format", "csv"],
    );
    assert!(backlog.stdout.contains(NORTHWIND), "{}", backlog.stdout);
    let report = demo
        .run(earlier, &["report", "compliance", "--format", "json"])
        .json();
    let row = (report["customers"].as_array().unwrap().iter())
        .find(|c| c["tenantId"] == NORTHWIND)
        .unwrap()
        .clone();
    assert_eq!(row["agreementStatus"], "Not confirmed", "{row}");
    assert_eq!(row["newOrdersBlocked"], true, "{row}");
    let export = demo.run(earlier, &["agreements", "export"]);
    let line = export
        .stdout
        .lines()
        .find(|l| l.starts_with(NORTHWIND))
        .unwrap();
    assert!(line.ends_with(",,,,,"), "{line}");
    // On its date, the confirmation counts.
    let placed = order(&demo, "2018-11-20", NORTHWIND, &[(E3, "5")]);
    assert_eq!(placed.code, Some(0), "{placed:?}");
}
