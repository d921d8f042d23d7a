//! `pcenter customers create --json FILE|-` from the outside: the Customer body, its optional
//! agreement, and every refusal leaving the store as it was.

mod binary;
#[path = "api_customers_create/refused.rs"]
mod refused;

use binary::*;
use serde_json::{json, Value};

fn body() -> Value {
    json!({
        "companyProfile": {"domain": "fabrikamnorth.onmicrosoft.com"},
        "billingProfile": {
            "companyName": "Fabrikam North, Inc.",
            "email": "ada.lovelace@fabrikam.com",
            "culture": "en-US",
            "language": "en",
            "firstName": "Ada",
            "lastName": "Lovelace",
            "defaultAddress": {
                "country": "us",
                "addressLine1": "1 Microsoft Way",
                "addressLine2": "Building 4",
                "city": "Redmond",
                "state": "WA",
                "postalCode": "98052",
                "firstName": "Ada",
                "lastName": "Lovelace",
                "phoneNumber": "+1 425 555 0199"
            }
        }
    })
}

fn agreement() -> Value {
    json!({
        "primaryContact": {
            "firstName": "Grace",
            "lastName": "Hopper",
            "email": "grace.hopper@fabrikam.com",
            "phoneNumber": "4255550123"
        },
        "templateId": "998b88de-aa99-4388-a42c-1b3517d49490",
        "dateAgreed": "2018-11-01T00:00:00.000Z",
        "type": "MicrosoftCloudAgreement"
    })
}

/// Runs `customers create --json -` with `body` on stdin.
fn create(demo: &Demo, today: &str, body: &Value) -> Run {
    demo.run_with_input(
        today,
        &["customers", "create", "--json", "-"],
        &body.to_string(),
    )
}

/// Asserts a 400 naming `field`, and that no customer was added.
fn assert_invalid(demo: &Demo, body: &Value, field: &str) -> String {
    let description = create(demo, MANDATORY_DAY, body).refused(6, 400);
    assert!(
        description.contains(&format!("{field}:")),
        "{field}: {description}"
    );
    assert_eq!(demo.customer_count(), 31, "nothing was written");
    description
}

#[test]
fn a_customer_is_created_with_its_agreement_and_printed_as_the_resource() {
    let demo = Demo::new();
    let mut body = body();
    body["agreement"] = agreement();
    let mut created = create(&demo, MANDATORY_DAY, &body).json();
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 36, "a GUID: {id}");
    // The new administrator's credentials, in this answer only.
    let credentials = created
        .as_object_mut()
        .unwrap()
        .remove("userCredentials")
        .expect("userCredentials in the answer to the creation");
    assert_admin_credentials(&credentials);
    let mut expected = body.clone();
    expected.as_object_mut().unwrap().remove("agreement");
    expected["id"] = json!(id);
    expected["commerceId"] = created["commerceId"].clone();
    expected["companyProfile"] = json!({
        "tenantId": id,
        "domain": "fabrikamnorth.onmicrosoft.com",
        "companyName": "Fabrikam North, Inc."
    });
    expected["billingProfile"]["defaultAddress"]["country"] = json!("US");
    expected["relationshipToPartner"] = json!("reseller");
    expected["cloud"] = json!("Public");
    expected["agreementStatus"] = json!("Confirmed");
    let mut current = agreement();
    current["userId"] = json!(pcenter::domain::agent::object_id(AGENT));
    current["recordedBy"] = json!(AGENT);
    current["dateAgreed"] = json!("2018-11-01T00:00:00Z");
    current["agreementLink"] = json!("https://docs.microsoft.com/partner-center/agreements");
    expected["currentAgreement"] = current;
    assert_eq!(created, expected);
    // Read back by another command, by domain: the same commerce ID, no credentials.
    let shown = demo.run(
        MANDATORY_DAY,
        &["customers", "show", "fabrikamnorth.onmicrosoft.com"],
    );
    assert_eq!(shown.json(), expected);
    assert_eq!(demo.customer_count(), 32);
    let confirmation = &demo.snapshot().confirmations;
    let recorded = confirmation.iter().find(|c| c.customer_id == id).unwrap();
    assert_eq!(recorded.channel.label(), "Command");
}

/// `{"userName": "admin", "password": …}`, the password in the form of Partner Center's
/// temporary ones: an upper case letter, two lower case ones, five digits.
fn assert_admin_credentials(credentials: &Value) {
    assert_eq!(credentials["userName"], "admin", "{credentials}");
    let password = credentials["password"].as_str().expect("a password");
    let chars: Vec<char> = password.chars().collect();
    assert_eq!(chars.len(), 8, "{password}");
    assert!(chars[0].is_ascii_uppercase(), "{password}");
    assert!(
        chars[1..3].iter().all(char::is_ascii_lowercase),
        "{password}"
    );
    assert!(chars[3..].iter().all(char::is_ascii_digit), "{password}");
    assert_eq!(credentials.as_object().unwrap().len(), 2, "{credentials}");
}

/// The bytes of every file under `dir`.
fn files_under(dir: &std::path::Path) -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(std::fs::read(&path).unwrap());
        }
    }
    files
}

#[test]
fn the_created_customer_has_the_real_resources_fields_and_its_admin_credentials_once() {
    let demo = Demo::new();
    let created = create(&demo, MANDATORY_DAY, &body()).json();
    let mut keys: Vec<&String> = created.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "agreementStatus",
            "billingProfile",
            "cloud",
            "commerceId",
            "companyProfile",
            "currentAgreement",
            "id",
            "relationshipToPartner",
            "userCredentials"
        ]
    );
    assert_admin_credentials(&created["userCredentials"]);
    let id = created["id"].as_str().unwrap();
    let commerce_id = created["commerceId"].as_str().unwrap();
    assert_eq!(commerce_id.len(), 36, "a GUID: {commerce_id}");
    assert_ne!(commerce_id, id);
    assert_eq!(created["companyProfile"]["tenantId"], id);
    assert_eq!(
        created["companyProfile"]["domain"],
        "fabrikamnorth.onmicrosoft.com"
    );
    assert_eq!(
        created["companyProfile"]["companyName"],
        "Fabrikam North, Inc."
    );
    assert_eq!(created["relationshipToPartner"], "reseller");
    // Read back, by ID and in the list: the same commerce ID, and the password is nowhere.
    for shown in [
        demo.run(MANDATORY_DAY, &["customers", "show", id]).json(),
        demo.run(MANDATORY_DAY, &["customers", "list", "--format", "json"])
            .json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
            .clone(),
    ] {
        assert_eq!(shown["commerceId"], commerce_id, "{shown}");
        assert_eq!(shown["relationshipToPartner"], "reseller");
        assert!(shown.get("userCredentials").is_none(), "{shown}");
    }
    let password = created["userCredentials"]["password"].as_str().unwrap();
    for bytes in files_under(&demo.store_path()) {
        assert!(
            !bytes
                .windows(password.len())
                .any(|w| w == password.as_bytes()),
            "the password is not stored"
        );
    }
    // Another customer gets other credentials.
    let mut second = body();
    second["companyProfile"]["domain"] = json!("fabrikamsouth");
    let again = create(&demo, MANDATORY_DAY, &second).json();
    assert_ne!(again["userCredentials"]["password"], password);
    assert_ne!(again["commerceId"], commerce_id);
}

#[test]
fn an_agreement_timestamp_with_an_offset_counts_by_the_date_written_in_it() {
    let demo = Demo::new();
    let mut body = body();
    body["agreement"] = agreement();
    body["agreement"]["dateAgreed"] = json!("2018-11-14T20:00:00-08:00");
    let created = create(&demo, MANDATORY_DAY, &body).json();
    assert_eq!(
        created["currentAgreement"]["dateAgreed"],
        "2018-11-14T00:00:00Z"
    );
}

/// Keys in any case, as the real API reads them: Microsoft's samples write the Customer in
/// PascalCase, with nulls and attributes this product ignores.
#[test]
fn a_body_in_pascal_case_creates_the_customer() {
    let demo = Demo::new();
    let body = json!({
        "Id": null,
        "CommerceId": null,
        "CompanyProfile": {
            "TenantId": null,
            "Domain": "TailspinToys.onmicrosoft.com",
            "CompanyName": null,
            "Attributes": {"ObjectType": "CustomerCompanyProfile"}
        },
        "BillingProfile": {
            "Id": null,
            "FirstName": null,
            "LastName": null,
            "Email": "tim.lee@tailspintoys.com",
            "Culture": "EN-US",
            "Language": "En",
            "CompanyName": "Tailspin Toys",
            "DefaultAddress": {
                "Country": "US",
                "Region": null,
                "City": "Redmond",
                "State": "WA",
                "AddressLine1": "1 Microsoft Way",
                "AddressLine2": null,
                "PostalCode": "98052",
                "FirstName": "Tim",
                "LastName": "Lee",
                "PhoneNumber": "4255550101"
            },
            "Attributes": {"ObjectType": "CustomerBillingProfile"}
        },
        "RelationshipToPartner": "none",
        "AGREEMENT": {
            "PrimaryContact": {"FIRSTNAME": "Tim", "lastname": "Lee", "Email": "tim.lee@tailspintoys.com"},
            "DateAgreed": "2018-11-01T00:00:00Z",
            "TemplateId": "998b88de-aa99-4388-a42c-1b3517d49490",
            "Type": "MicrosoftCloudAgreement"
        }
    });
    let created = create(&demo, MANDATORY_DAY, &body).json();
    assert_eq!(
        created["companyProfile"]["domain"],
        "tailspintoys.onmicrosoft.com"
    );
    assert_eq!(created["billingProfile"]["companyName"], "Tailspin Toys");
    assert_eq!(
        created["billingProfile"]["email"],
        "tim.lee@tailspintoys.com"
    );
    let address = &created["billingProfile"]["defaultAddress"];
    assert_eq!(
        (
            &address["city"],
            &address["lastName"],
            &address["phoneNumber"]
        ),
        (&json!("Redmond"), &json!("Lee"), &json!("4255550101"))
    );
    assert_eq!(created["agreementStatus"], "Confirmed");
    assert_eq!(
        created["currentAgreement"]["primaryContact"]["firstName"],
        "Tim"
    );
    assert_eq!(
        created["currentAgreement"]["dateAgreed"],
        "2018-11-01T00:00:00Z"
    );
    assert_eq!(demo.customer_count(), 32);

    let mut twice = body.clone();
    twice["BillingProfile"]["email"] = json!("other@tailspintoys.com");
    let description = create(&demo, MANDATORY_DAY, &twice).refused(6, 400);
    assert!(description.contains("gives 'email' twice"), "{description}");
}

#[test]
fn a_file_body_a_bare_domain_prefix_and_the_agreements_defaults() {
    let demo = Demo::new();
    let mut body = body();
    body["companyProfile"]["domain"] = json!("FabrikamSouth");
    // No date, and a type the template overrules, as Partner Center does.
    body["agreement"] = json!({
        "primaryContact": agreement()["primaryContact"],
        "templateId": "998b88de-aa99-4388-a42c-1b3517d49490",
        "type": "MicrosoftCustomerAgreement"
    });
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), format!("\u{feff}{body}")).unwrap();
    let path = file.path().to_str().unwrap();
    let created = demo
        .run(OPTIONAL_DAY, &["customers", "create", "--json", path])
        .json();
    assert_eq!(
        created["companyProfile"]["domain"],
        "fabrikamsouth.onmicrosoft.com"
    );
    assert_eq!(
        created["currentAgreement"]["dateAgreed"],
        "2018-09-14T00:00:00Z"
    );
    assert_eq!(
        created["currentAgreement"]["templateId"],
        "998b88de-aa99-4388-a42c-1b3517d49490"
    );
    assert_eq!(
        created["currentAgreement"]["type"],
        "MicrosoftCloudAgreement"
    );
}

#[test]
fn without_an_agreement_in_the_mandatory_phase_the_customer_is_created_but_orders_wait() {
    // As the FAQ says: the customer can be created; new orders need the confirmation first.
    let demo = Demo::new();
    let created = create(&demo, MANDATORY_DAY, &body()).json();
    assert_eq!(created["agreementStatus"], "Not confirmed");
    assert_eq!(created["currentAgreement"], Value::Null);
    let id = created["id"].as_str().unwrap();
    // The commands are the API's face: its gate started on March 22, 2019.
    let order = demo.run(
        API_DAY,
        &[
            "orders",
            "create",
            "--customer",
            id,
            "--offer",
            E3,
            "--quantity",
            "5",
        ],
    );
    let description = order.refused(10, 13605);
    assert!(
        description.contains("Microsoft Cloud Agreement"),
        "{description}"
    );
    assert_eq!(demo.subscription_count(id), "0");
    // Before that day the same order goes through the API (the dashboard refused it).
    let optional = demo.run(
        MANDATORY_DAY,
        &[
            "orders",
            "create",
            "--customer",
            id,
            "--offer",
            E3,
            "--quantity",
            "5",
        ],
    );
    assert_eq!(optional.json()["status"], "completed");
}
