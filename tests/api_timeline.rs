//! The commands on every day of the timeline: the templates of the day, the Cloud Agreement's
//! template refused from February 1, 2020, the Customer Agreement from October 1, 2019, the
//! environment option, and the demo's own day.

mod binary;

use binary::*;
use serde_json::Value;

const CLOUD_TEMPLATE: &str = "998b88de-aa99-4388-a42c-1b3517d49490";
const CUSTOMER_TEMPLATE: &str = "117a77b0-9360-443b-8795-c6dedc750cf9";

fn templates(demo: &Demo, today: &str) -> Vec<String> {
    let listed = demo
        .run(today, &["agreements", "templates", "--type", "*"])
        .json();
    (listed["items"].as_array().unwrap().iter())
        .map(|t| t["agreementType"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_templates_of_each_day_are_listed() {
    let demo = Demo::new();
    assert_eq!(templates(&demo, "2019-09-30"), ["MicrosoftCloudAgreement"]);
    assert_eq!(
        templates(&demo, "2019-10-01"),
        ["MicrosoftCloudAgreement", "MicrosoftCustomerAgreement"]
    );
    assert_eq!(
        templates(&demo, "2020-01-31"),
        ["MicrosoftCloudAgreement", "MicrosoftCustomerAgreement"]
    );
    assert_eq!(
        templates(&demo, "2020-02-01"),
        ["MicrosoftCustomerAgreement"]
    );
}

fn confirm(demo: &Demo, today: &str, template: Option<&str>) -> Run {
    let mut args = CONFIRM_NORTHWIND.to_vec();
    if let Some(template) = template {
        args.extend(["--template-id", template]);
    }
    demo.run(today, &args)
}

#[test]
fn the_cloud_agreement_template_is_refused_from_february_1_2020() {
    let demo = Demo::new();
    let refused = confirm(&demo, "2020-02-01", Some(CLOUD_TEMPLATE)).refused(6, 400);
    assert!(
        refused.starts_with(&format!(
            "Microsoft Cloud Agreement Template ID '{CLOUD_TEMPLATE}' is no longer supported."
        )),
        "{refused}"
    );
    assert!(
        refused.contains(CUSTOMER_TEMPLATE),
        "says what to use: {refused}"
    );
    let kept = confirm(&demo, "2020-01-31", Some(CLOUD_TEMPLATE)).json();
    assert_eq!(kept["type"], "MicrosoftCloudAgreement");
}

#[test]
fn the_customer_agreement_is_confirmed_from_october_1_2019_and_by_default_from_february_2020() {
    let demo = Demo::new();
    let early = confirm(&demo, "2019-09-30", Some(CUSTOMER_TEMPLATE)).refused(6, 400);
    assert!(early.contains("from October 1, 2019"), "{early}");
    let made = confirm(&demo, "2019-10-01", Some(CUSTOMER_TEMPLATE)).json();
    assert_eq!(made["type"], "MicrosoftCustomerAgreement");
    assert_eq!(made["agreementLink"], "https://aka.ms/customeragreement");
    // Without a template: the agreement the dashboard names on the day.
    let demo = Demo::new();
    assert_eq!(
        confirm(&demo, "2020-01-31", None).json()["type"],
        "MicrosoftCloudAgreement"
    );
    let demo = Demo::new();
    assert_eq!(
        confirm(&demo, "2020-02-01", None).json()["type"],
        "MicrosoftCustomerAgreement"
    );
}

#[test]
fn an_unknown_environment_is_refused_with_the_values_it_takes() {
    let dir = tempfile::tempdir().unwrap();
    let output = pcenter_at(
        dir.path(),
        &["--environment", "staging", "customers", "list"],
    )
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8(output.stderr).unwrap();
    assert!(said.contains("production or sandbox"), "{said}");
}

#[test]
fn the_demo_opens_on_november_14_2018_without_today() {
    let dir = tempfile::tempdir().unwrap();
    let output = pcenter_at(
        dir.path(),
        &["--demo", "report", "compliance", "--format", "json"],
    )
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["businessDate"], "2018-11-14");
    assert_eq!(report["summary"]["customers"], 31);
    // --today chooses another day.
    let later = pcenter_at(
        dir.path(),
        &[
            "--demo",
            "--today",
            "2020-06-01",
            "report",
            "compliance",
            "--format",
            "json",
        ],
    )
    .output()
    .unwrap();
    let later: Value = serde_json::from_slice(&later.stdout).unwrap();
    assert_eq!(later["summary"]["customers"], 34);
}

#[test]
fn a_customer_says_which_agreement_counts_and_a_cloud_agreement_alone_no_longer_does() {
    let demo = Demo::new();
    let show = |today: &str, customer: &str| {
        demo.run(today, &["customers", "show", customer]).json()["agreementStatus"].clone()
    };
    // Atelier Lumière accepted the Microsoft Cloud Agreement in 2018; Contoso also the
    // Microsoft Customer Agreement on October 14, 2019.
    let atelier = "e7eb4d5a-e5be-4d46-b94a-4b4be7428976";
    assert_eq!(show("2019-09-30", atelier), "Confirmed");
    assert_eq!(
        show("2020-01-31", atelier),
        "Confirmed: Microsoft Cloud Agreement"
    );
    assert_eq!(show("2020-02-01", atelier), "Not confirmed");
    assert_eq!(
        show("2020-02-01", CONTOSO),
        "Confirmed: Microsoft Customer Agreement"
    );
    let listed = demo.run("2020-02-01", &["customers", "list", "--format", "csv"]);
    let row = listed
        .stdout
        .lines()
        .find(|l| l.starts_with(atelier))
        .unwrap();
    assert!(row.contains(",Not confirmed,"), "{row}");
    let unconfirmed = demo.run(
        "2020-02-01",
        &["customers", "list", "--unconfirmed", "--format", "csv"],
    );
    assert!(
        unconfirmed.stdout.contains(atelier),
        "{}",
        unconfirmed.stdout
    );
    assert!(
        !unconfirmed.stdout.contains(CONTOSO),
        "{}",
        unconfirmed.stdout
    );
}

#[test]
fn a_backup_keeps_the_environment_its_store_was_created_for() {
    let original = tempfile::tempdir().unwrap();
    let run = |dir: &std::path::Path, args: &[&str]| {
        pcenter_at(dir, &["--today", MANDATORY_DAY])
            .args(args)
            .output()
            .unwrap()
    };
    let made = run(
        original.path(),
        &["--environment", "sandbox", "customers", "list"],
    );
    assert_eq!(made.status.code(), Some(0));
    let file = original.path().join("store.jsonl");
    let backup = run(
        original.path(),
        &["backup", "--out", file.to_str().unwrap()],
    );
    assert_eq!(backup.status.code(), Some(0), "{backup:?}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains(r#""environment":"sandbox""#),
        "{text}"
    );
    let copy = tempfile::tempdir().unwrap();
    let restored = run(copy.path(), &["restore", file.to_str().unwrap()]);
    assert_eq!(restored.status.code(), Some(0), "{restored:?}");
    let production = run(
        copy.path(),
        &["--environment", "production", "customers", "list"],
    );
    assert_eq!(production.status.code(), Some(4), "{production:?}");
    let sandbox = run(
        copy.path(),
        &["--environment", "sandbox", "customers", "list"],
    );
    assert_eq!(sandbox.status.code(), Some(0), "{sandbox:?}");
}

#[test]
fn without_a_type_the_templates_of_2020_are_none_and_the_command_says_where_they_are() {
    let demo = Demo::new();
    let run = demo.run("2020-02-15", &["agreements", "templates"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let listed: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(listed["totalCount"], 0);
    assert!(
        run.stderr.contains("--type MicrosoftCustomerAgreement"),
        "{run:?}"
    );
    let before = demo.run("2020-01-31", &["agreements", "templates"]);
    assert_eq!(before.stderr, "", "{before:?}");
}

#[test]
fn a_domain_taken_by_a_customer_of_a_later_day_is_refused_saying_so() {
    let demo = Demo::new();
    let body = r#"{"companyProfile":{"domain":"treyresearch.onmicrosoft.com"},"billingProfile":{"companyName":"Trey Again","email":"ada@treyagain.com","culture":"en-US","language":"en","firstName":"Ada","lastName":"Lovelace","defaultAddress":{"country":"US","addressLine1":"1 Main St","city":"Seattle","state":"WA","postalCode":"98101","firstName":"Ada","lastName":"Lovelace"}}}"#;
    let refused = demo
        .run_with_input(MANDATORY_DAY, &["customers", "create", "--json", "-"], body)
        .refused(6, 400);
    assert!(
        refused.contains("created on 2019-11-12, after the business date"),
        "{refused}"
    );
    assert!(
        refused.contains("choose another domain prefix"),
        "{refused}"
    );
}

#[test]
fn tables_name_the_agreement_column_by_its_era() {
    let demo = Demo::new();
    let header = |today: &str, args: &[&str]| {
        let run = demo.run(today, args);
        run.stdout.lines().next().unwrap_or_default().to_string()
    };
    let list = ["customers", "list", "--format", "table"];
    assert!(header(MANDATORY_DAY, &list).contains("Microsoft cloud agreement"));
    let later = header("2020-02-15", &list);
    assert!(later.contains("Agreement confirmed"), "{later}");
    assert!(!later.contains("Microsoft cloud agreement"), "{later}");
    let report = ["report", "compliance"];
    let later = header("2020-02-15", &report);
    assert!(later.contains("Agreement confirmed"), "{later}");
}

/// Contoso's E3 seats in `subscriptions list` on `today`, in JSON and in the table.
fn e3_seats(demo: &Demo, today: &str) -> (Value, String) {
    let args = ["subscriptions", "list", "--customer", CONTOSO];
    let listed = demo.run(today, &args).json();
    let e3 = (listed["items"].as_array().unwrap().iter())
        .find(|s| s["id"] == CONTOSO_E3)
        .unwrap()
        .clone();
    let keys: Vec<&str> = e3.as_object().unwrap().keys().map(String::as_str).collect();
    assert!(
        !keys
            .iter()
            .any(|k| k.contains("hange") || k.contains("istory")),
        "Partner Center's shape, nothing more: {keys:?}"
    );
    let mut table_args = args.to_vec();
    table_args.extend(["--format", "table"]);
    let table = demo.run(today, &table_args).stdout;
    let row = table
        .lines()
        .find(|l| l.contains(CONTOSO_E3))
        .unwrap()
        .to_string();
    (e3["quantity"].clone(), row)
}

#[test]
fn a_seat_change_shows_from_the_business_date_it_was_made_on_and_not_before() {
    let demo = Demo::new();
    let changed = demo.set_seats("admin-agent", "2019-02-01", CONTOSO, CONTOSO_E3, "300");
    assert_eq!(changed.json()["quantity"], 300, "{changed:?}");
    let (before, row) = e3_seats(&demo, "2019-01-31");
    assert_eq!(before, 250);
    assert!(row.contains(" 250 "), "{row}");
    assert!(!row.contains("300"), "{row}");
    assert_eq!(e3_seats(&demo, "2019-02-01").0, 300);

    // A change made at an earlier business date holds until the later one, which stays.
    let earlier = demo.set_seats("admin-agent", "2019-01-15", CONTOSO, CONTOSO_E3, "270");
    assert_eq!(earlier.json()["quantity"], 270, "{earlier:?}");
    for (today, seats) in [
        ("2019-01-14", 250),
        ("2019-01-15", 270),
        ("2019-01-31", 270),
        ("2019-02-01", 300),
        (MANDATORY_DAY, 250),
    ] {
        assert_eq!(e3_seats(&demo, today).0, seats, "{today}");
    }
    // The same count again on its own day changes nothing, and answers with that day's count.
    let same = demo.set_seats("admin-agent", "2019-01-20", CONTOSO, CONTOSO_E3, "270");
    assert_eq!(same.json()["quantity"], 270);
    let stored = demo.snapshot();
    let e3 = stored
        .subscriptions
        .iter()
        .find(|s| s.id == CONTOSO_E3)
        .unwrap();
    assert_eq!(e3.quantity, Some(300));
    assert_eq!(e3.seat_changes.len(), 2, "{:?}", e3.seat_changes);
}

#[test]
fn a_backup_keeps_the_dates_of_seat_changes_and_a_restore_reads_them_back() {
    let demo = Demo::new();
    demo.set_seats("admin-agent", "2019-02-01", CONTOSO, CONTOSO_E3, "300");
    let backup = demo.dir().join("seats.backup");
    let written = demo.run("2019-02-01", &["backup", "--out", backup.to_str().unwrap()]);
    assert_eq!(written.code, Some(0), "{written:?}");
    let text = std::fs::read_to_string(&backup).unwrap();
    assert!(
        text.contains(r#""seat_changes":[{"on":"2019-02-01","before":250}]"#),
        "{text}"
    );
    let restored = demo.run(
        "2019-02-01",
        &["restore", backup.to_str().unwrap(), "--replace"],
    );
    assert_eq!(restored.code, Some(0), "{restored:?}");
    assert_eq!(e3_seats(&demo, "2019-01-31").0, 250);
    assert_eq!(e3_seats(&demo, "2019-02-01").0, 300);
}
