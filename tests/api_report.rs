//! `pcenter report compliance` from the outside: every customer's status, the confirmation in
//! force, what is blocked on the business date, and the summary, in each format and role.

mod binary;

use binary::*;
use serde_json::{json, Value};

fn report(demo: &Demo, role: &str, today: &str, format: &str) -> Run {
    demo.run_as(role, today, &["report", "compliance", "--format", format])
}

fn entry<'a>(report: &'a Value, tenant: &str) -> &'a Value {
    report["customers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["tenantId"] == tenant)
        .unwrap_or_else(|| panic!("no {tenant}"))
}

#[test]
fn json_in_the_mandatory_phase_counts_and_blocks_the_unconfirmed() {
    let demo = Demo::new();
    let report = report(&demo, "admin-agent", MANDATORY_DAY, "json").json();
    assert_eq!(report["businessDate"], "2018-11-14");
    assert_eq!(report["phase"], "Mandatory");
    assert_eq!(
        report["summary"],
        json!({"customers": 31, "confirmed": 18, "notConfirmed": 10, "notSupported": 3, "blocked": 10})
    );
    let customers = report["customers"].as_array().unwrap();
    assert_eq!(customers.len(), 31);
    assert_eq!(customers[0]["companyName"], "Adventure Works Cycles");
    assert_eq!(
        entry(&report, CONTOSO),
        &json!({
            "tenantId": CONTOSO,
            "domain": "contosoelectronics.onmicrosoft.com",
            "companyName": "Contoso Electronics",
            "cloud": "Public",
            "agreementStatus": "Confirmed",
            "agreementType": "MicrosoftCloudAgreement",
            "latestConfirmation": {
                "userId": pcenter::domain::agent::object_id("Megan Bowen"),
                "primaryContact": {
                    "firstName": "Patti",
                    "lastName": "Fernandez",
                    "email": "patti.fernandez@contosoelectronics.com",
                    "phoneNumber": "+1 (425) 555-0100"
                },
                "templateId": "998b88de-aa99-4388-a42c-1b3517d49490",
                "dateAgreed": "2018-08-08T00:00:00Z",
                "type": "MicrosoftCloudAgreement",
                "agreementLink": "https://docs.microsoft.com/partner-center/agreements",
                "recordedBy": "Megan Bowen"
            },
            "newOrdersBlocked": false,
            "seatChangesBlocked": false,
            "apiNewOrdersBlocked": false,
            "apiSeatChangesBlocked": false
        })
    );
    let northwind = entry(&report, NORTHWIND);
    assert_eq!(northwind["agreementStatus"], "Not confirmed");
    assert_eq!(northwind["agreementType"], Value::Null);
    assert_eq!(northwind["latestConfirmation"], Value::Null);
    assert_eq!(
        (
            &northwind["newOrdersBlocked"],
            &northwind["seatChangesBlocked"]
        ),
        (&json!(true), &json!(true))
    );
    let germany = entry(&report, BAECKEREI);
    assert_eq!(germany["agreementStatus"], "Not supported");
    assert_eq!(germany["newOrdersBlocked"], false);
    let blocked = customers
        .iter()
        .filter(|c| c["newOrdersBlocked"] == true)
        .count();
    assert_eq!(blocked, 10);
}

#[test]
fn nothing_is_blocked_in_the_optional_phase() {
    let demo = Demo::new();
    let report = report(&demo, "admin-agent", OPTIONAL_DAY, "json").json();
    assert_eq!(report["phase"], "Optional");
    assert_eq!(report["summary"]["blocked"], 0);
    // Of the 19 customers created by September 14, 2018, 7 in the public cloud have no
    // confirmation recorded by then (the others come, and are confirmed, later).
    assert_eq!(report["summary"]["customers"], 19);
    assert_eq!(report["summary"]["notConfirmed"], 7);
    for customer in report["customers"].as_array().unwrap() {
        assert_eq!(customer["newOrdersBlocked"], false, "{customer}");
        assert_eq!(customer["seatChangesBlocked"], false, "{customer}");
    }
}

#[test]
fn the_table_is_the_default_with_aligned_columns_and_a_summary_line() {
    let demo = Demo::new();
    let run = demo.run(MANDATORY_DAY, &["report", "compliance"]);
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 34, "{}", run.stdout);
    let header = lines[0];
    let columns = [
        "Company name",
        "Primary domain",
        "Cloud",
        "Microsoft cloud agreement",
        "Accepted by",
        "Email",
        "Date agreed",
        "New orders",
        "Seat changes",
        "API orders and seats",
    ];
    let mut at = 0;
    for title in columns {
        let found = header[at..].find(title).map(|i| i + at);
        assert!(found.is_some(), "{title} in order: {header}");
        at = found.unwrap();
    }
    let contoso = lines
        .iter()
        .find(|l| l.starts_with("Contoso Electronics"))
        .unwrap();
    for (title, value) in [
        ("Microsoft cloud agreement", "Confirmed"),
        ("Accepted by", "Patti Fernandez"),
        ("Email", "patti.fernandez@contosoelectronics.com"),
        ("Date agreed", "2018-08-08"),
        ("New orders", "Allowed"),
    ] {
        let column = header.find(title).unwrap();
        assert!(
            contoso[column..].starts_with(value),
            "{title}\n{header}\n{contoso}"
        );
    }
    let northwind = lines
        .iter()
        .find(|l| l.starts_with("Northwind Traders"))
        .unwrap();
    assert_eq!(
        header.find("New orders"),
        northwind.find("Blocked"),
        "{northwind}"
    );
    assert_eq!(lines[32], "");
    assert_eq!(
        lines[33],
        "31 customers: 18 confirmed, 10 not confirmed, 3 not supported; 10 blocked on 2018-11-14 (Mandatory phase)."
    );
}

#[test]
fn csv_has_a_header_and_rows_and_the_summary_goes_to_stderr() {
    let demo = Demo::new();
    let run = report(&demo, "admin-agent", MANDATORY_DAY, "csv");
    assert_eq!(run.code, Some(0));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 32);
    assert_eq!(
        lines[0],
        "TenantId,CompanyName,Domain,Cloud,AgreementStatus,AcceptedBy,Email,DateAgreed,NewOrders,SeatChanges,ApiNewOrders,ApiSeatChanges"
    );
    assert!(
        lines.iter().all(|l| csv_fields(l).len() == 12),
        "{}",
        run.stdout
    );
    assert!(lines.contains(&format!("{CONTOSO},Contoso Electronics,contosoelectronics.onmicrosoft.com,Public,Confirmed,Patti Fernandez,patti.fernandez@contosoelectronics.com,2018-08-08,Allowed,Allowed,Allowed,Allowed").as_str()));
    assert!(lines.contains(&format!("{NORTHWIND},Northwind Traders,northwindtraders.onmicrosoft.com,Public,Not confirmed,,,,Blocked,Blocked,Allowed,Allowed").as_str()));
    assert!(lines.contains(&format!("{LAKEVIEW},City of Lakeview Public Works,lakeviewpublicworks.onmicrosoft.com,US Gov,Not supported,,,,Allowed,Allowed,Allowed,Allowed").as_str()));
    assert!(!run.stdout.contains("31 customers"));
    assert_eq!(
        run.stderr,
        "pcenter: 31 customers: 18 confirmed, 10 not confirmed, 3 not supported; 10 blocked on 2018-11-14 (Mandatory phase).\n"
    );
}

#[test]
fn a_korean_name_is_written_family_name_first_as_the_dashboard_writes_it() {
    let demo = Demo::new();
    let table = demo.run(MANDATORY_DAY, &["report", "compliance"]).stdout;
    let hanbit = table.lines().find(|l| l.starts_with("한빛물류")).unwrap();
    assert!(hanbit.contains(" 김민준 "), "{hanbit}");
    assert!(!table.contains("민준 김"), "{table}");

    let csv = report(&demo, "admin-agent", MANDATORY_DAY, "csv").stdout;
    let hanbit = csv.lines().find(|l| l.contains("hanbitlogistics")).unwrap();
    assert_eq!(csv_fields(hanbit)[5], "김민준", "{hanbit}");
}

#[test]
fn the_report_is_for_the_roles_that_may_see_confirmations() {
    let demo = Demo::new();
    for format in ["json", "table", "csv"] {
        let refused = report(&demo, "helpdesk-agent", MANDATORY_DAY, format).refused(7, 403);
        assert!(refused.contains("Admin agent or Sales agent"), "{refused}");
    }
    let sales = report(&demo, "sales-agent", MANDATORY_DAY, "json").json();
    assert_eq!(sales["summary"]["confirmed"], 18);
}

#[test]
fn the_report_follows_changes_made_by_other_commands() {
    let demo = Demo::new();
    let body = json!({
        "companyProfile": {"domain": "newco"},
        "billingProfile": {
            "companyName": "NewCo", "email": "ann@newco.com",
            "defaultAddress": {"country": "NZ", "addressLine1": "1 Queen St", "city": "Auckland",
                "state": "AUK", "postalCode": "1010", "firstName": "Ann", "lastName": "Lee"}
        }
    });
    let created = demo.run_with_input(
        MANDATORY_DAY,
        &["customers", "create", "--json", "-"],
        &body.to_string(),
    );
    let id = created.json()["id"].as_str().unwrap().to_string();
    let report = report(&demo, "admin-agent", MANDATORY_DAY, "json").json();
    assert_eq!(report["summary"]["customers"], 32);
    assert_eq!(report["summary"]["notConfirmed"], 11);
    assert_eq!(report["summary"]["blocked"], 11);
    assert_eq!(entry(&report, &id)["newOrdersBlocked"], true);
}

#[test]
fn help_says_who_gets_the_report() {
    let demo = Demo::new();
    let help = demo.run(MANDATORY_DAY, &["report", "compliance", "--help"]);
    assert_eq!(help.code, Some(0));
    assert!(
        help.stdout.contains("For Admin and Sales agents only"),
        "{}",
        help.stdout
    );
    assert!(help.stdout.contains("stderr"), "{}", help.stdout);
}

#[test]
fn from_february_1_2020_the_report_names_the_agreement_and_blocks_the_cloud_agreement_alone() {
    let demo = Demo::new();
    let later = report(&demo, "admin-agent", "2020-06-01", "json").json();
    assert_eq!(later["summary"]["customers"], 34);
    let contoso = entry(&later, CONTOSO);
    assert_eq!(
        contoso["agreementStatus"],
        "Confirmed: Microsoft Customer Agreement"
    );
    assert_eq!(contoso["agreementType"], "MicrosoftCustomerAgreement");
    assert_eq!(contoso["newOrdersBlocked"], false);
    // Confirmed in 2018, with the Microsoft Cloud Agreement only.
    let atelier = entry(&later, "e7eb4d5a-e5be-4d46-b94a-4b4be7428976");
    assert_eq!(atelier["agreementStatus"], "Not confirmed");
    assert_eq!(atelier["agreementType"], Value::Null);
    assert_eq!(atelier["newOrdersBlocked"], true);
    let either = report(&demo, "admin-agent", "2019-12-15", "json").json();
    let atelier = entry(&either, "e7eb4d5a-e5be-4d46-b94a-4b4be7428976");
    assert_eq!(
        atelier["agreementStatus"],
        "Confirmed: Microsoft Cloud Agreement"
    );
    assert_eq!(atelier["newOrdersBlocked"], false);
}

#[test]
fn the_report_says_what_the_dashboard_blocks_and_what_the_api_does() {
    let demo = Demo::new();
    let blocked = |today: &str| {
        let report = report(&demo, "admin-agent", today, "json").json();
        let northwind = entry(&report, NORTHWIND).clone();
        (
            northwind["newOrdersBlocked"].clone(),
            northwind["apiNewOrdersBlocked"].clone(),
            northwind["apiSeatChangesBlocked"].clone(),
        )
    };
    // The dashboard from November 7, 2018; the API from March 22, 2019.
    assert_eq!(
        blocked("2019-03-21"),
        (json!(true), json!(false), json!(false))
    );
    assert_eq!(
        blocked("2019-03-22"),
        (json!(true), json!(true), json!(true))
    );
    assert_eq!(
        blocked(OPTIONAL_DAY),
        (json!(false), json!(false), json!(false))
    );
}

/// The cell of `tenant`'s row under `title` in a table: the text from the column's start to the
/// next gap of two spaces.
fn table_cell(table: &str, company: &str, title: &str) -> String {
    let header = table.lines().next().unwrap();
    let row = table
        .lines()
        .find(|l| l.starts_with(company))
        .unwrap_or_else(|| panic!("no {company} in\n{table}"));
    let column = header
        .find(title)
        .unwrap_or_else(|| panic!("no {title} in {header}"));
    // Company names here are ASCII, so byte and column places agree.
    let rest = &row[column..];
    rest.split("  ").next().unwrap().to_string()
}

#[test]
fn the_table_and_the_csv_say_what_the_api_blocks_where_it_differs_from_the_dashboard() {
    let demo = Demo::new();
    // Between November 7, 2018 and March 21, 2019 in production the dashboard blocks an
    // unconfirmed customer and the API does not; from March 22 both do.
    for (today, dashboard, api) in [
        (MANDATORY_DAY, "Blocked", "Allowed"),
        ("2019-03-21", "Blocked", "Allowed"),
        (API_DAY, "Blocked", "Blocked"),
        (OPTIONAL_DAY, "Allowed", "Allowed"),
    ] {
        let table = demo.run(today, &["report", "compliance"]).stdout;
        assert_eq!(
            table_cell(&table, "Northwind Traders", "New orders"),
            dashboard,
            "{today}\n{table}"
        );
        assert_eq!(
            table_cell(&table, "Northwind Traders", "API orders and seats"),
            api,
            "{today}\n{table}"
        );
        assert_eq!(
            table_cell(&table, "Contoso Electronics", "API orders and seats"),
            "Allowed",
            "{today}\n{table}"
        );

        let csv = report(&demo, "admin-agent", today, "csv").stdout;
        let header = csv_fields(csv.lines().next().unwrap());
        let northwind = csv.lines().find(|l| l.starts_with(NORTHWIND)).unwrap();
        let northwind = csv_fields(northwind);
        let cell = |name: &str| {
            let at = header.iter().position(|h| h == name).unwrap();
            northwind[at].clone()
        };
        assert_eq!(
            (cell("NewOrders"), cell("SeatChanges")),
            (dashboard.to_string(), dashboard.to_string()),
            "{today}"
        );
        assert_eq!(
            (cell("ApiNewOrders"), cell("ApiSeatChanges")),
            (api.to_string(), api.to_string()),
            "{today}"
        );
    }
}

#[test]
fn in_the_sandbox_the_api_gate_of_the_table_and_the_csv_starts_on_march_11_2019() {
    let demo = Demo::new();
    let run = |today: &str, format: &str| {
        demo.run(
            today,
            &[
                "--environment",
                "sandbox",
                "report",
                "compliance",
                "--format",
                format,
            ],
        )
    };
    for (today, api) in [("2019-03-10", "Allowed"), ("2019-03-11", "Blocked")] {
        let table = run(today, "table");
        assert_eq!(table.code, Some(0), "{table:?}");
        assert_eq!(
            table_cell(&table.stdout, "Northwind Traders", "API orders and seats"),
            api,
            "{today}\n{}",
            table.stdout
        );
        let csv = run(today, "csv").stdout;
        let northwind = csv.lines().find(|l| l.starts_with(NORTHWIND)).unwrap();
        assert!(
            northwind.ends_with(&format!(",Blocked,Blocked,{api},{api}")),
            "{today}: {northwind}"
        );
    }
}
