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
        &[(lower_case.as_str(), "25"), (AZURE, "1")],
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
    for (number, (item, (offer, quantity))) in items.iter().zip([(E3, 25), (AZURE, 1)]).enumerate()
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
fn orders_of_unconfirmed_public_customers_are_blocked_from_the_apis_own_day() {
    let demo = Demo::new();
    let blocked = order(&demo, API_DAY, NORTHWIND, &[(E3, "5")]);
    let description = blocked.refused(10, 13605);
    assert!(
        description.contains(
            "Confirmation of customer acceptance of the Microsoft Cloud Agreement is mandatory since March 22, 2019"
        ),
        "{description}"
    );
    assert_eq!(demo.subscription_count(NORTHWIND), "2");
    // Before that date (the dashboard's gate started on November 7, 2018, the API's later),
    // and for national clouds, nothing is blocked.
    assert_eq!(
        order(&demo, "2019-03-21", NORTHWIND, &[(E3, "5")]).json()["status"],
        "completed"
    );
    assert_eq!(
        order(&demo, MANDATORY_DAY, NORTHWIND, &[(E3, "5")]).json()["status"],
        "completed"
    );
    assert_eq!(demo.subscription_count(NORTHWIND), "4");
    let germany = order(&demo, API_DAY, BAECKEREI, &[(E3, "5")]).json();
    assert_eq!(germany["referenceCustomerId"], BAECKEREI);
}

#[test]
fn in_the_sandbox_the_api_blocks_from_march_11_2019() {
    let demo = Demo::new();
    let sandbox = |today: &str| {
        let mut args = vec!["--environment", "sandbox"];
        args.extend([
            "orders",
            "create",
            "--customer",
            NORTHWIND,
            "--offer",
            E3,
            "--quantity",
            "5",
        ]);
        demo.run(today, &args)
    };
    let blocked = sandbox("2019-03-11").refused(10, 13605);
    assert!(blocked.contains("March 11, 2019"), "{blocked}");
    assert_eq!(sandbox("2019-03-10").json()["status"], "completed");
    // The store was created for the sandbox: production is refused with a plain message.
    let other = demo.run(
        API_DAY,
        &["--environment", "production", "customers", "list"],
    );
    assert_eq!(other.code, Some(4), "{other:?}");
    assert!(
        other
            .stderr
            .contains("created for the Partner Center sandbox environment"),
        "{other:?}"
    );
    // Without --environment the store opens in its own.
    assert_eq!(demo.run(API_DAY, &["customers", "list"]).code, Some(0));
}

#[test]
fn azure_plan_is_sold_from_october_1_2019_and_needs_the_customer_agreement() {
    let demo = Demo::new();
    let early = order(&demo, "2019-09-30", CONTOSO, &[(AZURE_PLAN, "1")]);
    assert!(early
        .refused(6, 400)
        .contains("Azure plan is sold from October 1, 2019"));
    // Contoso has had the Microsoft Customer Agreement since October 15, 2019; Northwind,
    // once it confirms the Microsoft Cloud Agreement, still cannot order Azure plan.
    let before_it = order(&demo, "2019-10-14", CONTOSO, &[(AZURE_PLAN, "1")]);
    assert!(
        before_it
            .refused(10, 13605)
            .contains("Microsoft Customer Agreement"),
        "{before_it:?}"
    );
    assert_eq!(
        order(&demo, "2019-10-15", CONTOSO, &[(AZURE_PLAN, "1")]).json()["status"],
        "completed"
    );
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
    let usage = order(&demo, MANDATORY_DAY, CONTOSO, &[(AZURE, "2")]);
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
            AZURE,
            "--quantity",
            "1",
        ],
    );
    assert!(unpaired
        .refused(6, 400)
        .contains("one --quantity for each --offer"));
    let nobody = order(&demo, MANDATORY_DAY, "nobody.onmicrosoft.com", &[(E3, "1")]);
    assert!(nobody.refused(8, 404).contains("nobody.onmicrosoft.com"));
    // A customer created after the business date is not there yet: the refusal names what was
    // typed, not an ID the caller never gave.
    let not_yet = order(&demo, "2018-09-01", "mumbaitextiles", &[(E3, "1")]);
    let said = not_yet.refused(8, 404);
    assert!(
        said.contains("mumbaitextiles") && !said.contains("4ed30d00"),
        "{said}"
    );
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

/// The Order as Partner Center returns it: billed monthly, its lines numbered from 0, each
/// with the subscription it made, and `completed`, since it is provisioned as it is placed.
#[test]
fn the_order_json_has_exactly_the_fields_of_the_real_order() {
    let demo = Demo::new();
    let order: Value = order(&demo, OPTIONAL_DAY, NORTHWIND, &[(BUSINESS_BASIC, "3")]).json();
    let mut keys: Vec<&String> = order.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "attributes",
            "billingCycle",
            "creationDate",
            "id",
            "lineItems",
            "referenceCustomerId",
            "status"
        ]
    );
    assert_eq!(order["billingCycle"], "monthly");
    assert_eq!(order["status"], "completed");
    assert_eq!(
        order["attributes"],
        serde_json::json!({"objectType": "Order"})
    );
    let line = &order["lineItems"][0];
    let mut line_keys: Vec<&String> = line.as_object().unwrap().keys().collect();
    line_keys.sort();
    assert_eq!(
        line_keys,
        ["lineItemNumber", "offerId", "quantity", "subscriptionId"]
    );
    assert_eq!(line["lineItemNumber"], 0);
    assert_eq!(line["offerId"], BUSINESS_BASIC);
    assert_eq!(line["quantity"], 3);
    // The subscription exists as the order is answered.
    let subscription = line["subscriptionId"].as_str().unwrap();
    let listed = demo
        .run(
            OPTIONAL_DAY,
            &[
                "subscriptions",
                "list",
                "--customer",
                NORTHWIND,
                "--format",
                "json",
            ],
        )
        .json();
    let made = (listed["items"].as_array().unwrap().iter())
        .find(|s| s["id"] == subscription)
        .unwrap_or_else(|| panic!("{subscription} in {listed}"));
    assert_eq!(made["orderId"], order["id"]);
}

#[test]
fn a_confirmation_dated_after_the_business_date_does_not_count_at_that_date() {
    let demo = Demo::new();
    // In the months the API's gate is shut without a confirmation (from March 22, 2019).
    let confirmed = demo.run("2019-04-10", &CONFIRM_NORTHWIND);
    assert_eq!(confirmed.code, Some(0), "{confirmed:?}");
    let earlier = "2019-04-01";
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
    let placed = order(&demo, "2019-04-10", NORTHWIND, &[(E3, "5")]);
    assert_eq!(placed.code, Some(0), "{placed:?}");
}
