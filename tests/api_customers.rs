//! `pcenter customers list|show|create` from the outside: the real binary on a demo store.

mod binary;
#[path = "api_customers/list.rs"]
mod list;

use binary::*;
use serde_json::{json, Value};

#[test]
fn show_gives_the_customer_resource_field_by_field_by_id_or_domain() {
    let demo = Demo::new();
    let by_id = demo
        .run(MANDATORY_DAY, &["customers", "show", CONTOSO])
        .json();
    let expected = json!({
        "id": CONTOSO,
        // A GUID of its own, derived from the tenant ID: the same at every read, in every version.
        "commerceId": "930cbdbd-61d8-4b4b-af1b-88710e8d2b13",
        "companyProfile": {
            "tenantId": CONTOSO,
            "domain": "contosoelectronics.onmicrosoft.com",
            "companyName": "Contoso Electronics"
        },
        "billingProfile": {
            "companyName": "Contoso Electronics",
            "email": "patti.fernandez@contosoelectronics.com",
            "culture": "en-US",
            "language": "en",
            "firstName": "Patti",
            "lastName": "Fernandez",
            "defaultAddress": {
                "country": "US",
                "addressLine1": "4000 Lake Washington Blvd NE",
                "city": "Kirkland",
                "state": "WA",
                "postalCode": "98033",
                "firstName": "Patti",
                "lastName": "Fernandez",
                "phoneNumber": "+1 (425) 555-0100"
            }
        },
        "relationshipToPartner": "reseller",
        "cloud": "Public",
        "agreementStatus": "Confirmed",
        "currentAgreement": {
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
        }
    });
    assert_eq!(by_id, expected);
    let by_domain = demo.run(
        MANDATORY_DAY,
        &["customers", "show", " ContosoElectronics.onmicrosoft.com "],
    );
    assert_eq!(by_domain.json(), expected);
    let germany = demo
        .run(MANDATORY_DAY, &["customers", "show", BAECKEREI])
        .json();
    assert_eq!(germany["cloud"], "Germany");
    assert_eq!(germany["agreementStatus"], "Not supported");
    assert_eq!(germany["currentAgreement"], Value::Null);
    let lakeview = demo
        .run(MANDATORY_DAY, &["customers", "show", LAKEVIEW])
        .json();
    assert_eq!(lakeview["cloud"], "UsGovernment");
}

#[test]
fn a_helpdesk_agent_sees_the_customer_but_not_whether_its_acceptance_was_confirmed() {
    let demo = Demo::new();
    let helpdesk = |args: &[&str]| demo.run_as("helpdesk-agent", MANDATORY_DAY, args);
    let customer = helpdesk(&["customers", "show", CONTOSO]).json();
    assert_eq!(
        customer["companyProfile"]["domain"],
        "contosoelectronics.onmicrosoft.com"
    );
    assert!(customer.get("agreementStatus").is_none(), "{customer}");
    assert!(customer.get("currentAgreement").is_none(), "{customer}");
    let list = helpdesk(&["customers", "list", "--format", "json"]);
    assert_eq!(list.code, Some(0), "{list:?}");
    for hidden in ["currentAgreement", "primaryContact", "agreementStatus"] {
        assert!(!list.stdout.contains(hidden), "{hidden}");
    }
    // The table shows "—" where the status would be, as the dashboard does; the CSV nothing.
    let table = helpdesk(&["customers", "list", "--format", "table"]);
    let contoso = table
        .stdout
        .lines()
        .find(|l| l.contains("Contoso"))
        .unwrap();
    assert!(contoso.contains(" — "), "{contoso}");
    for status in ["Confirmed", "Not confirmed", "Not supported"] {
        assert!(!table.stdout.contains(status), "{}", table.stdout);
    }
    let csv = helpdesk(&["customers", "list", "--format", "csv"]);
    let contoso = csv.stdout.lines().find(|l| l.contains("Contoso")).unwrap();
    assert!(contoso.ends_with(",Public,,3"), "{contoso}");
    // Which customers are unconfirmed is a confirmation's to see.
    let unconfirmed = helpdesk(&["customers", "list", "--unconfirmed"]);
    assert!(unconfirmed
        .refused(7, 403)
        .contains("Admin agent or Sales agent"));
    let sales = demo.run_as(
        "sales-agent",
        MANDATORY_DAY,
        &["customers", "show", CONTOSO],
    );
    assert_eq!(sales.json()["agreementStatus"], "Confirmed");
}

#[test]
fn an_unknown_customer_is_not_found() {
    let demo = Demo::new();
    for unknown in ["nobody.onmicrosoft.com", "nobody", "contosoelectronics.com"] {
        let run = demo.run(MANDATORY_DAY, &["customers", "show", unknown]);
        assert_eq!(
            run.refused(8, 404),
            format!("No customer has the tenant ID, primary domain or domain prefix '{unknown}'.")
        );
    }
}

#[test]
fn a_customer_is_found_by_the_prefix_of_its_domain_as_well() {
    let demo = Demo::new();
    let by_id = demo
        .run(MANDATORY_DAY, &["customers", "show", CONTOSO])
        .json();
    for named in ["contosoelectronics", " ContosoElectronics "] {
        let by_prefix = demo
            .run(MANDATORY_DAY, &["customers", "show", named])
            .json();
        assert_eq!(by_prefix, by_id, "{named}");
    }
    let listed = demo
        .run(
            MANDATORY_DAY,
            &[
                "agreements",
                "list",
                "--customer",
                "contosoelectronics",
                "--type",
                "*",
            ],
        )
        .json();
    assert_eq!(listed["items"][0], by_id["currentAgreement"]);
}
