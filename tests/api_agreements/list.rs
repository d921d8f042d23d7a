//! `agreements list`: a customer's confirmations, newest first.

use crate::common::{CONTOSO, NORTHWIND};
use crate::support::*;
use serde_json::json;

#[test]
fn list_shows_the_demo_confirmation_of_contoso() {
    let demo = Demo::new();
    let listed = success(&demo.run(&[
        "agreements",
        "list",
        "--customer",
        "contosoelectronics.onmicrosoft.com",
    ]));
    assert_eq!(listed["totalCount"], 1);
    let patti = json!({
        "firstName": "Patti",
        "lastName": "Fernandez",
        "email": "patti.fernandez@contosoelectronics.com",
        "phoneNumber": "+1 (425) 555-0100"
    });
    assert_agreement(&listed["items"][0], "Megan Bowen", patti, "2018-08-08");
}

#[test]
fn list_of_a_customer_without_confirmations_is_an_empty_collection() {
    let demo = Demo::new();
    for extra in [&[][..], &["--type", "*"][..]] {
        let mut all = vec!["agreements", "list", "--customer", NORTHWIND];
        all.extend(extra);
        let listed = success(&demo.run(&all));
        assert_eq!(listed, json!({"totalCount": 0, "items": []}), "{extra:?}");
    }
}

#[test]
fn list_is_newest_first_by_acceptance_date_not_by_recording() {
    let demo = Demo::new();
    let confirm = |first: &str, email: &str, date: &str| {
        success(&demo.run(&[
            "agreements",
            "create",
            "--customer",
            NORTHWIND,
            "--first-name",
            first,
            "--last-name",
            "Siciliani",
            "--email",
            email,
            "--date",
            date,
        ]))
    };
    let october = confirm("Diego", "diego@northwindtraders.com", "2018-10-05");
    let september = confirm("Lidia", "lidia@northwindtraders.com", "2018-09-20");
    let november = confirm("Isaiah", "isaiah@northwindtraders.com", "2018-11-10");
    let newest_first = json!([november, october, september]);
    for wanted in [None, Some("*"), Some("MicrosoftCloudAgreement")] {
        let mut all = vec!["agreements", "list", "--customer", NORTHWIND];
        all.extend(wanted.iter().flat_map(|t| ["--type", t]));
        let listed = success(&demo.run(&all));
        assert_eq!(listed["totalCount"], 3, "{wanted:?}");
        assert_eq!(listed["items"], newest_first, "{wanted:?}");
    }
}

#[test]
fn list_of_an_unknown_type_is_400() {
    let demo = Demo::new();
    let refused = refusal(&demo.run(&[
        "agreements",
        "list",
        "--customer",
        CONTOSO,
        "--type",
        "Nonsense",
    ]));
    assert_eq!((refused.code, refused.exit), (400, 6));
    assert!(
        refused
            .description
            .starts_with("Unknown agreement type 'Nonsense'"),
        "{}",
        refused.description
    );
}

#[test]
fn helpdesk_agents_cannot_see_confirmations() {
    let demo = Demo::new();
    let refused = refusal(&demo.run(&[
        "agreements",
        "list",
        "--customer",
        CONTOSO,
        "--role",
        "helpdesk-agent",
    ]));
    assert_eq!((refused.code, refused.exit), (403, 7));
    assert_eq!(
        refused.description,
        "You must be an Admin agent or Sales agent to see the confirmation of customer acceptance."
    );
}

#[test]
fn list_of_an_unknown_customer_is_404() {
    let demo = Demo::new();
    let refused =
        refusal(&demo.run(&["agreements", "list", "--customer", "nobody.onmicrosoft.com"]));
    assert_eq!((refused.code, refused.exit), (404, 8));
    assert!(
        refused.description.contains("'nobody.onmicrosoft.com'"),
        "{}",
        refused.description
    );
}
