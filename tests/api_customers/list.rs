//! `customers list`: JSON by default, a table with a count, CSV; filters; streaming.

use crate::binary::*;
use serde_json::{json, Value};

fn list_json(demo: &Demo, extra: &[&str]) -> Value {
    let mut args = vec!["customers", "list", "--format", "json"];
    args.extend(extra);
    demo.run(MANDATORY_DAY, &args).json()
}

fn statuses(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["agreementStatus"].as_str().unwrap().to_string())
        .collect()
}

fn count(list: &[String], status: &str) -> usize {
    list.iter().filter(|s| *s == status).count()
}

#[test]
fn list_as_json_is_a_collection_of_every_customer_in_company_name_order() {
    let demo = Demo::new();
    let list = list_json(&demo, &[]);
    assert_eq!(list["totalCount"], 31);
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 31);
    let names: Vec<String> = items
        .iter()
        .map(|c| {
            c["companyProfile"]["companyName"]
                .as_str()
                .unwrap()
                .to_lowercase()
        })
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    let all = statuses(&list);
    assert_eq!(count(&all, "Confirmed"), 18);
    assert_eq!(count(&all, "Not confirmed"), 10);
    assert_eq!(count(&all, "Not supported"), 3);
    let national: Vec<&Value> = items.iter().filter(|c| c["cloud"] != "Public").collect();
    let clouds: Vec<&Value> = national.iter().map(|c| &c["cloud"]).collect();
    assert_eq!(
        clouds,
        [
            &json!("Germany"),
            &json!("UsGovernment"),
            &json!("China21Vianet")
        ]
    );
    assert!(national
        .iter()
        .all(|c| c["agreementStatus"] == "Not supported"));
}

#[test]
fn unconfirmed_keeps_the_ten_public_customers_without_a_confirmation() {
    let demo = Demo::new();
    let list = list_json(&demo, &["--unconfirmed"]);
    assert_eq!(list["totalCount"], 10);
    for customer in list["items"].as_array().unwrap() {
        assert_eq!(customer["agreementStatus"], "Not confirmed", "{customer}");
        assert_eq!(customer["cloud"], "Public", "{customer}");
        assert_eq!(customer["currentAgreement"], Value::Null, "{customer}");
    }
    let ids: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&NORTHWIND));
    assert!(!ids.contains(&CONTOSO));
    assert!(!ids.contains(&BAECKEREI));
}

#[test]
fn the_filter_matches_company_name_or_domain_whatever_the_case() {
    let demo = Demo::new();
    let by_name = list_json(&demo, &["--filter", "CONTOSO elec"]);
    assert_eq!(by_name["totalCount"], 1);
    assert_eq!(by_name["items"][0]["id"], CONTOSO);
    let by_domain = list_json(&demo, &["--filter", "NorthwindTraders.onmicrosoft"]);
    assert_eq!(by_domain["totalCount"], 1);
    assert_eq!(by_domain["items"][0]["id"], NORTHWIND);
    let accented = list_json(&demo, &["--filter", "café"]);
    assert_eq!(accented["totalCount"], 2);
    assert_eq!(
        list_json(&demo, &["--filter", "onmicrosoft.com"])["totalCount"],
        31
    );
    assert_eq!(list_json(&demo, &["--filter", "  "])["totalCount"], 31);
    let none = list_json(&demo, &["--filter", "no such company"]);
    assert_eq!(none, json!({"totalCount": 0, "items": []}));
    // Both together: unconfirmed customers whose name or domain holds "ltd".
    let both = list_json(&demo, &["--filter", "LTD", "--unconfirmed"]);
    let names: Vec<&str> = both["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["companyProfile"]["companyName"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Dublin Craft Brewing Ltd",
            "Kiwi Farm Supplies Ltd",
            "Mumbai Textiles Pvt Ltd",
            "Table Mountain Tours (Pty) Ltd",
            "Transportes Araújo Ltda."
        ]
    );
}

#[test]
fn list_gives_json_by_default_as_the_real_api_does() {
    let demo = Demo::new();
    for args in [&["--filter", "ltd", "--unconfirmed"][..], &[]] {
        let mut default = vec!["customers", "list"];
        default.extend(args);
        let run = demo.run(MANDATORY_DAY, &default);
        assert_eq!(run.json(), list_json(&demo, args), "{args:?}");
        let mut json = default.clone();
        json.extend(["--format", "json"]);
        assert_eq!(run.stdout, demo.run(MANDATORY_DAY, &json).stdout);
    }
}

#[test]
fn list_as_a_table_has_a_header_aligned_columns_and_a_count() {
    let demo = Demo::new();
    let table = ["customers", "list", "--format", "table"];
    let mut contoso = table.to_vec();
    contoso.extend(["--filter", "contoso"]);
    let run = demo.run(MANDATORY_DAY, &contoso);
    assert_eq!(run.code, Some(0), "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert_eq!(lines[2], "1 customer");
    let header = lines[0];
    for title in [
        "Tenant ID",
        "Company name",
        "Primary domain",
        "Cloud",
        "Microsoft cloud agreement",
        "Subscriptions",
    ] {
        assert!(header.contains(title), "{header}");
    }
    let row = lines[1];
    assert!(row.starts_with(CONTOSO), "{row}");
    for (title, value) in [
        ("Company name", "Contoso Electronics"),
        ("Primary domain", "contosoelectronics.onmicrosoft.com"),
        ("Cloud", "Public"),
        ("Microsoft cloud agreement", "Confirmed"),
        ("Subscriptions", "3"),
    ] {
        let column = header.find(title).unwrap();
        assert!(row[column..].starts_with(value), "{title}\n{header}\n{row}");
    }
    let mut unconfirmed = table.to_vec();
    unconfirmed.push("--unconfirmed");
    let all = demo.run(MANDATORY_DAY, &unconfirmed);
    assert_eq!(all.stdout.lines().count(), 12, "{}", all.stdout);
    assert!(all.stdout.ends_with("\n10 customers\n"), "{}", all.stdout);
    let mut nobody = table.to_vec();
    nobody.extend(["--filter", "no such company"]);
    let none = demo.run(MANDATORY_DAY, &nobody);
    assert_eq!(
        (none.code, none.stdout.as_str()),
        (Some(0), "No customers match.\n")
    );
}

#[test]
fn list_as_csv_has_a_header_and_one_quoted_record_per_customer() {
    let demo = Demo::new();
    let run = demo.run(MANDATORY_DAY, &["customers", "list", "--format", "csv"]);
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 32);
    assert_eq!(
        lines[0],
        "TenantId,CompanyName,Domain,Cloud,AgreementStatus,Subscriptions"
    );
    assert!(
        lines.iter().all(|l| csv_fields(l).len() == 6),
        "{}",
        run.stdout
    );
    assert!(lines.contains(
        &format!(
            "{NORTHWIND},Northwind Traders,northwindtraders.onmicrosoft.com,Public,Not confirmed,2"
        )
        .as_str()
    ));
    assert!(lines.contains(
        &format!("{BAECKEREI},Bäckerei Schröder KG,baeckereischroeder.onmicrosoft.com,Germany,Not supported,1").as_str()
    ));
    let daehan = lines.iter().find(|l| l.starts_with(DAEHAN)).unwrap();
    assert_eq!(csv_fields(daehan)[1], "Daehan Precision Co., Ltd.");
    assert!(
        daehan.contains("\"Daehan Precision Co., Ltd.\""),
        "{daehan}"
    );
    let none = demo.run(
        MANDATORY_DAY,
        &["customers", "list", "--format", "csv", "--filter", "zzz"],
    );
    assert_eq!(none.stdout, format!("{}\n", lines[0]));
}

#[test]
fn list_as_csv_streams_a_large_store_in_name_order() {
    use pcenter::store::{SledStore, Store};
    let demo = Demo::new();
    assert_eq!(demo.customer_count(), 31);
    let mut customers = demo.snapshot().customers;
    let template = customers[0].clone();
    let store = SledStore::open(&demo.store_path()).unwrap();
    for n in 0..2_000 {
        let mut customer = template.clone();
        customer.id = format!("00000000-0000-4000-8000-{n:012}");
        customer.company_name = format!("Bulk Customer {:04}", 1_999 - n);
        customer.domain = format!("bulk{n}.onmicrosoft.com");
        store.create_customer(&customer, None).unwrap();
        customers.push(customer);
    }
    drop(store);
    let run = demo.run(MANDATORY_DAY, &["customers", "list", "--format", "csv"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2_032);
    let bulk: Vec<String> = lines
        .iter()
        .map(|l| csv_fields(l)[1].clone())
        .filter(|name| name.starts_with("Bulk Customer"))
        .collect();
    assert_eq!(bulk.len(), 2_000);
    assert_eq!(bulk[0], "Bulk Customer 0000");
    assert_eq!(bulk[1_999], "Bulk Customer 1999");
    // The JSON, streamed too, in the same order, with and without a filter.
    for filter in [&[][..], &["--filter", "bulk customer 1"]] {
        let mut args = vec!["customers", "list"];
        args.extend(filter);
        let json = demo.run(MANDATORY_DAY, &args).json();
        let names: Vec<&str> = json["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["companyProfile"]["companyName"].as_str().unwrap())
            .filter(|name| name.starts_with("Bulk Customer"))
            .collect();
        let expected: Vec<&String> = bulk
            .iter()
            .filter(|name| filter.is_empty() || name.starts_with("Bulk Customer 1"))
            .collect();
        assert_eq!(names, expected, "{filter:?}");
        let items = json["items"].as_array().unwrap().len();
        assert_eq!(json["totalCount"], items, "{filter:?}");
    }
}
