//! `customers create` refused: each error with its code, and nothing written.

use super::*;

#[test]
fn each_field_error_is_a_400_naming_the_json_field_and_writes_nothing() {
    let demo = Demo::new();
    let cases: [(&str, Value, &str); 9] = [
        (
            "/companyProfile/domain",
            json!("con-toso"),
            "companyProfile.domain",
        ),
        (
            "/billingProfile/email",
            json!("ada.fabrikam.com"),
            "billingProfile.email",
        ),
        (
            "/billingProfile/companyName",
            json!(" "),
            "billingProfile.companyName",
        ),
        (
            "/billingProfile/culture",
            json!("fr-FR"),
            "billingProfile.culture",
        ),
        (
            "/billingProfile/firstName",
            json!("Grace"),
            "billingProfile.firstName",
        ),
        (
            "/billingProfile/defaultAddress/country",
            json!("XX"),
            "billingProfile.defaultAddress.country",
        ),
        (
            "/billingProfile/defaultAddress/postalCode",
            Value::Null,
            "billingProfile.defaultAddress.postalCode",
        ),
        (
            "/billingProfile/defaultAddress/city",
            json!(""),
            "billingProfile.defaultAddress.city",
        ),
        (
            "/billingProfile/defaultAddress/phoneNumber",
            json!("12"),
            "billingProfile.defaultAddress.phoneNumber",
        ),
    ];
    for (pointer, value, field) in cases {
        let mut body = body();
        *body.pointer_mut(pointer).unwrap() = value;
        assert_invalid(&demo, &body, field);
    }
    // Every field at once, each named.
    let description = assert_invalid(&demo, &json!({}), "companyProfile.domain");
    for field in [
        "billingProfile.email",
        "billingProfile.defaultAddress.lastName",
        "billingProfile.defaultAddress.addressLine1",
    ] {
        assert!(description.contains(field), "{description}");
    }
}

#[test]
fn agreement_errors_name_the_agreement_fields_and_write_nothing() {
    let demo = Demo::new();
    let cases: [(&str, Value, &str); 5] = [
        (
            "/primaryContact/email",
            json!("grace@"),
            "agreement.primaryContact.email",
        ),
        (
            "/primaryContact/firstName",
            json!(""),
            "agreement.primaryContact.firstName",
        ),
        ("/dateAgreed", json!("2018-02-30"), "agreement.dateAgreed"),
        (
            "/templateId",
            json!("117a77b0-0000-443b-8795-c6dedc750cf9"),
            "agreement.templateId",
        ),
        ("/type", json!("Cloud"), "agreement.type"),
    ];
    for (pointer, value, field) in cases {
        let mut body = body();
        body["agreement"] = agreement();
        *body["agreement"].pointer_mut(pointer).unwrap() = value;
        assert_invalid(&demo, &body, field);
    }
}

#[test]
fn a_future_agreement_date_is_600002_as_for_agreements_create() {
    let demo = Demo::new();
    for future in ["2018-11-15", "2018-11-15T00:00:00Z"] {
        let mut body = body();
        body["agreement"] = agreement();
        body["agreement"]["dateAgreed"] = json!(future);
        // A field in error as well: the date is reported first, as `agreements create` does.
        body["agreement"]["primaryContact"]["email"] = json!("grace@");
        let description = create(&demo, MANDATORY_DAY, &body).refused(6, 600002);
        assert_eq!(
            description,
            "Date of agreement cannot be greater than the current date."
        );
    }
    assert_eq!(demo.customer_count(), 31, "nothing was written");
}

#[test]
fn a_taken_domain_is_refused_whatever_its_case() {
    let demo = Demo::new();
    let mut body = body();
    body["companyProfile"]["domain"] = json!("ContosoElectronics.onmicrosoft.com");
    let description = assert_invalid(&demo, &body, "companyProfile.domain");
    assert!(description.contains("already taken"), "{description}");
}

#[test]
fn a_body_that_is_not_json_or_cannot_be_read_is_a_400() {
    let demo = Demo::new();
    let run = demo.run_with_input(
        MANDATORY_DAY,
        &["customers", "create", "--json", "-"],
        "{\"companyProfile\":",
    );
    assert!(run.refused(6, 400).contains("not valid JSON"));
    let wrong_type = create(
        &demo,
        MANDATORY_DAY,
        &json!({"billingProfile": {"email": 5}}),
    );
    assert!(wrong_type.refused(6, 400).contains("not valid JSON"));
    let missing = demo.run(
        MANDATORY_DAY,
        &["customers", "create", "--json", "/nonexistent/body.json"],
    );
    assert!(missing.refused(6, 400).contains("/nonexistent/body.json"));
    assert_eq!(demo.customer_count(), 31);
}

#[test]
fn a_helpdesk_agent_may_not_create_customers() {
    let demo = Demo::new();
    let run = demo.run_full(
        MANDATORY_DAY,
        "helpdesk-agent",
        &["customers", "create", "--json", "-"],
        Some(&body().to_string()),
    );
    let description = run.refused(7, 403);
    assert_eq!(
        description,
        "You must be an Admin agent or Sales agent to create a customer."
    );
    assert_eq!(demo.customer_count(), 31);
}

#[test]
fn an_agreement_before_confirmation_existed_is_refused_with_the_customer() {
    let demo = Demo::new();
    let mut body = body();
    body["agreement"] = agreement();
    body["agreement"]["dateAgreed"] = json!("2018-07-01");
    let run = create(&demo, "2018-07-02", &body);
    assert!(run.refused(6, 400).contains("August 7, 2018"));
    assert_eq!(demo.customer_count(), 31);
}

#[test]
fn a_field_given_twice_in_one_object_is_refused_in_the_same_case_as_in_two() {
    let demo = Demo::new();
    let text = body().to_string();
    for (twice, says) in [
        (
            text.replacen(r#""companyName":"#, r#""companyName":"Evil Corp","companyName":"#, 1),
            "The body gives 'companyName' twice in one object ('companyName' both times); keep one.",
        ),
        (
            text.replacen(r#""companyName":"#, r#""CompanyName":"Evil Corp","companyName":"#, 1),
            "The body gives 'companyName' twice in one object ('CompanyName' and 'companyName'); keep one.",
        ),
    ] {
        assert_ne!(twice, text);
        let run = demo.run_with_input(MANDATORY_DAY, &["customers", "create", "--json", "-"], &twice);
        assert_eq!(run.refused(6, 400), says);
    }
    assert_eq!(demo.customer_count(), 31);
}
