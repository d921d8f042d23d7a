//! `agreements create` that succeeds: from flags, from a JSON file and from standard input.

use crate::common::{CONTOSO, NORTHWIND};
use crate::support::*;
use serde_json::json;

#[test]
fn create_with_flags_prints_the_created_agreement_and_list_shows_it() {
    let demo = Demo::new();
    let created = success(&demo.run(&[
        "agreements",
        "create",
        "--customer",
        "northwindtraders.onmicrosoft.com",
        "--first-name",
        " Diego ",
        "--last-name",
        "Siciliani",
        "--email",
        "diego.siciliani@northwindtraders.com",
        "--phone",
        "+1 (415) 555-0147",
        "--date",
        "2018-11-01",
        "--template-id",
        MCA_TEMPLATE,
    ]));
    let diego = json!({
        "firstName": "Diego",
        "lastName": "Siciliani",
        "email": "diego.siciliani@northwindtraders.com",
        "phoneNumber": "+1 (415) 555-0147"
    });
    assert_agreement(&created, "Megan Bowen", diego, "2018-11-01");
    let listed = demo.listed(NORTHWIND);
    assert_eq!(listed["totalCount"], 1);
    assert_eq!(listed["items"][0], created);
}

#[test]
fn create_without_a_date_or_template_takes_the_business_date_and_the_cloud_agreement() {
    let demo = Demo::new();
    let mut owned = create_ada(TODAY);
    owned.truncate(owned.len() - 2);
    let created = success(&demo.run(&args(&owned)));
    assert_agreement(&created, "Megan Bowen", ada(), TODAY);
    assert!(created["primaryContact"].get("phoneNumber").is_none());
}

#[test]
fn create_from_a_json_file_takes_the_real_agreement_body() {
    let demo = Demo::new();
    let body = demo.write(
        "agreement.json",
        r#"{
            "primaryContact": {
                "firstName": "Ada",
                "lastName": "Lovelace",
                "email": "ada@northwindtraders.com",
                "phoneNumber": "1234567890"
            },
            "templateId": "998b88de-aa99-4388-a42c-1b3517d49490",
            "dateAgreed": "2018-10-01T00:00:00.000Z",
            "type": "MicrosoftCloudAgreement"
        }"#,
    );
    let created = success(&demo.run(&[
        "agreements",
        "create",
        "--customer",
        NORTHWIND,
        "--json",
        &body,
    ]));
    let mut contact = ada();
    contact["phoneNumber"] = json!("1234567890");
    assert_agreement(&created, "Megan Bowen", contact, "2018-10-01");
    assert_eq!(demo.listed(NORTHWIND)["items"][0], created);
}

#[test]
fn create_from_json_on_standard_input_with_a_plain_date() {
    let demo = Demo::new();
    let body = r#"{"primaryContact":{"firstName":"Ada","lastName":"Lovelace","email":"ada@northwindtraders.com"},"dateAgreed":"2018-09-14","templateId":"998b88de-aa99-4388-a42c-1b3517d49490","type":"MicrosoftCloudAgreement"}"#;
    let created = success(&demo.run_with_input(
        &[
            "agreements",
            "create",
            "--customer",
            "NorthwindTraders.onmicrosoft.com",
            "--json",
            "-",
        ],
        body,
    ));
    assert_agreement(&created, "Megan Bowen", ada(), "2018-09-14");
}

#[test]
fn the_agreement_body_is_read_with_its_keys_in_any_case() {
    let demo = Demo::new();
    let body = r#"{"PrimaryContact":{"FirstName":"Ada","LASTNAME":"Lovelace","Email":"ada@northwindtraders.com"},"DateAgreed":"2018-09-14T00:00:00Z","TemplateId":"998b88de-aa99-4388-a42c-1b3517d49490","Type":"MicrosoftCloudAgreement","Attributes":{"ObjectType":"Agreement"}}"#;
    let created = success(&demo.run_with_input(
        &[
            "agreements",
            "create",
            "--customer",
            NORTHWIND,
            "--json",
            "-",
        ],
        body,
    ));
    assert_agreement(&created, "Megan Bowen", ada(), "2018-09-14");
}

/// A timestamp with an offset counts by the date written in it: late on November 14 in
/// Seattle is November 15 in UTC, yet still November 14, the business date, where it was agreed.
#[test]
fn a_timestamp_with_an_offset_counts_by_the_date_written_in_it() {
    let demo = Demo::new();
    let body = r#"{"primaryContact":{"firstName":"Ada","lastName":"Lovelace","email":"ada@northwindtraders.com"},"dateAgreed":"2018-11-14T20:00:00-08:00","templateId":"998b88de-aa99-4388-a42c-1b3517d49490","type":"MicrosoftCloudAgreement"}"#;
    let created = success(&demo.run_with_input(
        &[
            "agreements",
            "create",
            "--customer",
            NORTHWIND,
            "--json",
            "-",
        ],
        body,
    ));
    assert_agreement(&created, "Megan Bowen", ada(), "2018-11-14");
    let east = body
        .replace("2018-11-14T20:00:00-08:00", "2018-11-13T01:00:00+09:00")
        .replace("Ada", "Ida");
    let created = success(&demo.run_with_input(
        &[
            "agreements",
            "create",
            "--customer",
            NORTHWIND,
            "--json",
            "-",
        ],
        &east,
    ));
    assert_eq!(created["dateAgreed"], "2018-11-13T00:00:00Z");
}

/// As in Partner Center, the template decides the type: a contradicting `type` gives way.
#[test]
fn a_type_that_contradicts_the_template_gives_way_to_the_template() {
    let demo = Demo::new();
    let body = r#"{"primaryContact":{"firstName":"Ada","lastName":"Lovelace","email":"ada@northwindtraders.com"},"dateAgreed":"2018-11-14T00:00:00Z","templateId":"998b88de-aa99-4388-a42c-1b3517d49490","type":"MicrosoftCustomerAgreement"}"#;
    let created = success(&demo.run_with_input(
        &[
            "agreements",
            "create",
            "--customer",
            NORTHWIND,
            "--json",
            "-",
        ],
        body,
    ));
    assert_agreement(&created, "Megan Bowen", ada(), TODAY);
}

#[test]
fn a_new_contact_for_a_confirmed_customer_is_recorded_beside_the_old_one() {
    let demo = Demo::new();
    let created = success(&demo.run(&[
        "agreements",
        "create",
        "--customer",
        CONTOSO,
        "--first-name",
        "Patti",
        "--last-name",
        "Fernandez",
        "--email",
        "patti.fernandez@contosoelectronics.com",
        "--date",
        "2018-11-02",
    ]));
    let listed = demo.listed(CONTOSO);
    assert_eq!(listed["totalCount"], 2);
    assert_eq!(listed["items"][0], created);
    assert_eq!(listed["items"][1]["dateAgreed"], "2018-08-08T00:00:00Z");
}

#[test]
fn a_confirmation_made_today_in_any_time_zone_passes_the_audit() {
    // Without --today, the business date is the local date, which east of UTC can be a day
    // after the UTC date the confirmation is recorded at; every zone from UTC-12 to UTC+14.
    for zone in [
        "Pacific/Kiritimati",
        "Asia/Tokyo",
        "UTC",
        "America/Los_Angeles",
        "Etc/GMT+12",
    ] {
        let demo = Demo::new();
        let output = demo
            .command(&[
                "--agent",
                "Megan Bowen",
                "agreements",
                "create",
                "--customer",
                NORTHWIND,
                "--first-name",
                "Diego",
                "--last-name",
                "Siciliani",
                "--email",
                "diego@northwindtraders.com",
            ])
            .env("TZ", zone)
            .output()
            .unwrap();
        success(&output);
        let store = pcenter::store::SledStore::open(&demo.dir.path().join("demo")).unwrap();
        assert_eq!(
            pcenter::store::audit(&store).unwrap(),
            Vec::<String>::new(),
            "{zone}"
        );
    }
}

const CUSTOMER_AGREEMENT_TEMPLATE: &str = "117a77b0-9360-443b-8795-c6dedc750cf9";
const CUSTOMER_AGREEMENT_LINK: &str = "https://aka.ms/customeragreement";

/// From October 1, 2019 the Microsoft Customer Agreement is confirmed with its own template,
/// and the Agreement, as created and as listed, is of that agreement: its type, its template,
/// its link.
#[test]
fn a_customer_agreement_template_confirms_the_microsoft_customer_agreement() {
    let demo = Demo::new();
    let body = format!(
        r#"{{"primaryContact":{{"firstName":"Ada","lastName":"Lovelace","email":"ada@northwindtraders.com"}},"dateAgreed":"2020-02-15T00:00:00Z","templateId":"{CUSTOMER_AGREEMENT_TEMPLATE}","type":"MicrosoftCustomerAgreement"}}"#
    );
    let file = demo.write("customer-agreement.json", &body);
    let created = success(&demo.run(&[
        "agreements",
        "create",
        "--customer",
        NORTHWIND,
        "--json",
        &file,
        "--today",
        "2020-03-01",
    ]));
    assert_eq!(created["type"], "MicrosoftCustomerAgreement", "{created}");
    assert_eq!(created["templateId"], CUSTOMER_AGREEMENT_TEMPLATE);
    assert_eq!(created["agreementLink"], CUSTOMER_AGREEMENT_LINK);
    assert_eq!(created["dateAgreed"], "2020-02-15T00:00:00Z");
    assert_eq!(created["primaryContact"], ada());
    let of_type = |wanted: &str| {
        success(&demo.run(&[
            "agreements",
            "list",
            "--customer",
            NORTHWIND,
            "--type",
            wanted,
            "--today",
            "2020-03-01",
        ]))
    };
    assert_eq!(of_type("MicrosoftCustomerAgreement")["items"][0], created);
    assert_eq!(of_type("*")["items"][0], created);
    assert_eq!(of_type("MicrosoftCloudAgreement")["totalCount"], 0);
}

/// The flags name no template: they confirm the agreement the dashboard confirms on the
/// business date, the Microsoft Customer Agreement from February 1, 2020.
#[test]
fn the_flags_without_a_template_confirm_the_dashboards_agreement_of_the_day() {
    let demo = Demo::new();
    let mut owned = create_ada("2020-02-15");
    owned.extend(["--today".into(), "2020-03-01".into()]);
    let created = success(&demo.run(&args(&owned)));
    assert_eq!(created["type"], "MicrosoftCustomerAgreement", "{created}");
    assert_eq!(created["templateId"], CUSTOMER_AGREEMENT_TEMPLATE);
    assert_eq!(created["agreementLink"], CUSTOMER_AGREEMENT_LINK);
}
