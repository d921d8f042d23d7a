//! `agreements create` refused: each error with its code and exit status, and nothing written.

use crate::common::{BAECKEREI, CONTOSO, NORTHWIND};
use crate::support::*;

#[test]
fn a_future_date_is_600002_and_wins_over_every_other_field() {
    let demo = Demo::new();
    let refused = refused_create(
        &demo,
        NORTHWIND,
        &[
            "agreements",
            "create",
            "--customer",
            NORTHWIND,
            "--first-name",
            "",
            "--last-name",
            "",
            "--email",
            "nobody",
            "--template-id",
            "not-a-template",
            "--date",
            "2018-11-15",
        ],
    );
    assert_eq!((refused.code, refused.exit), (600002, 6));
    assert_eq!(
        refused.description,
        "Date of agreement cannot be greater than the current date."
    );
    let body = demo.write(
        "future.json",
        r#"{"primaryContact":{"firstName":"Ada","lastName":"Lovelace","email":"ada@northwindtraders.com"},"dateAgreed":"2018-11-15T00:00:00Z","templateId":"998b88de-aa99-4388-a42c-1b3517d49490","type":"MicrosoftCloudAgreement"}"#,
    );
    let refused = refused_create(
        &demo,
        NORTHWIND,
        &[
            "agreements",
            "create",
            "--customer",
            NORTHWIND,
            "--json",
            &body,
        ],
    );
    assert_eq!((refused.code, refused.exit), (600002, 6));
}

#[test]
fn missing_and_invalid_fields_are_400_naming_each_field() {
    let demo = Demo::new();
    let cases: [(&[&str], &str); 4] = [
        (
            &["--first-name", "", "--last-name", " ", "--email", ""],
            "first-name: Enter the first name. last-name: Enter the last name. email: Enter the email address.",
        ),
        (
            &["--first-name", "Ada", "--last-name", "Lovelace", "--email", "ada.northwindtraders.com"],
            "email: The email address needs an @. Use the form name@example.com.",
        ),
        (
            &["--first-name", "Ada", "--last-name", "Lovelace", "--email", "ada@northwindtraders.com", "--phone", "555-CALL-NOW"],
            "phone: A phone number can hold only digits, spaces and + - ( ) . — remove 'C'.",
        ),
        (
            &["--first-name", "Ada", "--last-name", "Lovelace", "--email", "ada@northwindtraders.com", "--date", "2018-02-30"],
            "date: 2018-02-30 is not a real date: that month has 28 days.",
        ),
    ];
    for (fields, says) in cases {
        let mut all = vec!["agreements", "create", "--customer", NORTHWIND];
        all.extend(fields);
        let refused = refused_create(&demo, NORTHWIND, &all);
        assert_eq!((refused.code, refused.exit), (400, 6), "{fields:?}");
        assert_eq!(refused.description, says, "{fields:?}");
    }
}

#[test]
fn fields_of_a_json_body_are_named_by_their_path() {
    let demo = Demo::new();
    let body = r#"{"primaryContact":{"firstName":"Ada","lastName":"","email":"ada@","phoneNumber":"12"},"dateAgreed":"yesterday","templateId":"998b88de-aa99-4388-a42c-1b3517d49490","type":"MicrosoftCloudAgreement"}"#;
    let before = demo.listed(NORTHWIND);
    let refused = refusal(&demo.run_with_input(
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
    assert_eq!((refused.code, refused.exit), (400, 6));
    for says in [
        "primaryContact.lastName: Enter the last name.",
        "primaryContact.email: Enter the domain after the @",
        "primaryContact.phoneNumber: A phone number has 7 to 15 digits; this one has 2.",
        "dateAgreed: 'yesterday' is not a date in the form YYYY-MM-DD",
    ] {
        assert!(
            refused.description.contains(says),
            "{says}\n{}",
            refused.description
        );
    }
    assert_eq!(demo.listed(NORTHWIND), before);
}

#[test]
fn an_unknown_template_is_400_naming_the_known_ones() {
    let demo = Demo::new();
    let mut owned = create_ada("2018-11-01");
    owned.extend([
        "--template-id".into(),
        "117a77b0-0000-443b-8795-c6dedc750cf9".into(),
    ]);
    let refused = refused_create(&demo, NORTHWIND, &args(&owned));
    assert_eq!((refused.code, refused.exit), (400, 6));
    assert_eq!(
        refused.description,
        "template-id: No agreement template has the ID '117a77b0-0000-443b-8795-c6dedc750cf9'. The known templates are 998b88de-aa99-4388-a42c-1b3517d49490 (MicrosoftCloudAgreement) and 117a77b0-9360-443b-8795-c6dedc750cf9 (MicrosoftCustomerAgreement); `pcenter agreements templates --type '*'` lists them."
    );
}

/// The Agreement body with `fields` after its contact and date, sent on standard input.
fn body_create(demo: &Demo, fields: &str) -> Refusal {
    let body = format!(
        r#"{{"primaryContact":{{"firstName":"Ada","lastName":"Lovelace","email":"ada@northwindtraders.com"}},"dateAgreed":"2018-11-01"{fields}}}"#
    );
    let before = demo.listed(NORTHWIND);
    let refused = refusal(&demo.run_with_input(
        &[
            "agreements",
            "create",
            "--customer",
            NORTHWIND,
            "--json",
            "-",
        ],
        &body,
    ));
    assert_eq!(demo.listed(NORTHWIND), before, "nothing written");
    assert_eq!((refused.code, refused.exit), (400, 6), "{fields}");
    refused
}

#[test]
fn the_body_without_a_type_is_400_naming_type() {
    let demo = Demo::new();
    for fields in [
        format!(r#","templateId":"{MCA_TEMPLATE}""#),
        format!(r#","templateId":"{MCA_TEMPLATE}","type":null"#),
        format!(r#","templateId":"{MCA_TEMPLATE}","type":"  ""#),
    ] {
        assert_eq!(
            body_create(&demo, &fields).description,
            r#"type: The agreement type is missing: add "type": "MicrosoftCloudAgreement" or "MicrosoftCustomerAgreement"."#,
            "{fields}"
        );
    }
}

#[test]
fn the_body_without_a_template_is_400_naming_templateid() {
    let demo = Demo::new();
    let refused = body_create(&demo, r#","type":"MicrosoftCloudAgreement""#);
    assert_eq!(
        refused.description,
        "templateId: The template ID is missing: add \"templateId\" with the template of the agreement accepted, 998b88de-aa99-4388-a42c-1b3517d49490 (MicrosoftCloudAgreement) and 117a77b0-9360-443b-8795-c6dedc750cf9 (MicrosoftCustomerAgreement); `pcenter agreements templates --type '*'` lists them."
    );
    // Neither: both are named, in the body's order.
    let neither = body_create(&demo, "").description;
    assert!(
        neither.starts_with("templateId: The template ID is missing")
            && neither.contains(". type: The agreement type is missing"),
        "{neither}"
    );
}

#[test]
fn an_unknown_type_or_template_in_the_body_is_400_naming_it() {
    let demo = Demo::new();
    let unknown_type = body_create(
        &demo,
        &format!(r#","templateId":"{MCA_TEMPLATE}","type":"MicrosoftPartnerAgreement""#),
    );
    assert_eq!(
        unknown_type.description,
        r#"type: 'MicrosoftPartnerAgreement' is not an agreement type: use "MicrosoftCloudAgreement" or "MicrosoftCustomerAgreement"."#
    );
    let unknown_template = body_create(
        &demo,
        r#","templateId":"00000000-0000-0000-0000-000000000000","type":"MicrosoftCloudAgreement""#,
    );
    assert!(
        unknown_template
            .description
            .starts_with("templateId: No agreement template has the ID '00000000-0000-0000-0000-000000000000'. The known templates are "),
        "{}",
        unknown_template.description
    );
}

#[test]
fn the_same_contact_as_the_current_confirmation_is_600061() {
    let demo = Demo::new();
    let refused = refused_create(
        &demo,
        CONTOSO,
        &[
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
            "--phone",
            "+1 (425) 555-0100",
            "--date",
            "2018-11-01",
        ],
    );
    assert_eq!((refused.code, refused.exit), (600061, 9));
    assert!(
        refused
            .description
            .starts_with("PartnerConfirmedAgreementAlreadyExists"),
        "{}",
        refused.description
    );
    success(&demo.run(&args(&create_ada("2018-11-01"))));
    let again = refused_create(&demo, NORTHWIND, &args(&create_ada("2018-11-02")));
    assert_eq!((again.code, again.exit), (600061, 9));
}

#[test]
fn a_helpdesk_agent_cannot_confirm() {
    let demo = Demo::new();
    let mut owned = create_ada("2018-11-15");
    owned.extend(["--role".into(), "helpdesk-agent".into()]);
    let refused = refused_create(&demo, NORTHWIND, &args(&owned));
    assert_eq!((refused.code, refused.exit), (403, 7));
    assert_eq!(
        refused.description,
        "You must be an Admin agent or Sales agent to confirm customer acceptance."
    );
}

#[test]
fn an_unknown_customer_is_404() {
    let demo = Demo::new();
    let mut owned = create_ada("2018-11-01");
    owned[3] = "00000000-0000-0000-0000-000000000000".into();
    let refused = refusal(&demo.run(&args(&owned)));
    assert_eq!((refused.code, refused.exit), (404, 8));
    assert_eq!(
        refused.description,
        "No customer has the tenant ID, primary domain or domain prefix '00000000-0000-0000-0000-000000000000'."
    );
}

#[test]
fn a_national_cloud_customer_is_refused_as_public_cloud_only() {
    let demo = Demo::new();
    let mut owned = create_ada("2018-11-01");
    owned[3] = BAECKEREI.into();
    let refused = refused_create(&demo, BAECKEREI, &args(&owned));
    assert_eq!((refused.code, refused.exit), (400, 6));
    assert_eq!(
        refused.description,
        "Confirmation of customer acceptance is supported with Microsoft Public Cloud only; Bäckerei Schröder KG is in Microsoft Cloud Germany."
    );
}

#[test]
fn before_august_7_2018_confirmation_is_not_yet_available() {
    let demo = Demo::new();
    let mut owned = create_ada("2018-08-01");
    owned.extend(["--today".into(), "2018-08-06".into()]);
    let refused = refused_create(&demo, NORTHWIND, &args(&owned));
    assert_eq!((refused.code, refused.exit), (400, 6));
    assert_eq!(
        refused.description,
        "Confirmation of customer acceptance becomes available on August 7, 2018."
    );
}

#[test]
fn a_body_that_cannot_be_read_or_is_not_an_agreement_says_what_is_wrong() {
    let demo = Demo::new();
    let create_from = |file: &str| {
        let refused = refused_create(
            &demo,
            NORTHWIND,
            &[
                "agreements",
                "create",
                "--customer",
                NORTHWIND,
                "--json",
                file,
            ],
        );
        assert_eq!((refused.code, refused.exit), (400, 6), "{file}");
        refused.description
    };
    let broken = demo.write(
        "broken.json",
        "{\n  \"primaryContact\": {\"firstName\": \"Ada\",}\n}",
    );
    assert_eq!(
        create_from(&broken),
        format!("The Agreement body from {broken} is not valid JSON: trailing comma at line 2 column 41.")
    );
    let wrong = demo.write("wrong.json", r#"{"primaryContact": "Ada"}"#);
    assert_eq!(
        create_from(&wrong),
        format!("The Agreement body from {wrong} is not a valid Agreement: primaryContact: invalid type: string \"Ada\", expected a Contact object {{firstName, lastName, email, phoneNumber}}.")
    );
    let missing = demo.dir.path().join("missing.json");
    let missing = missing.to_str().unwrap();
    let unreadable = create_from(missing);
    assert!(
        unreadable.starts_with(&format!("Cannot read the JSON body from {missing}: ")),
        "{unreadable}"
    );
    let empty = refusal(&demo.run_with_input(
        &[
            "agreements",
            "create",
            "--customer",
            NORTHWIND,
            "--json",
            "-",
        ],
        "",
    ));
    assert_eq!((empty.code, empty.exit), (400, 6));
    assert!(
        empty
            .description
            .starts_with("The Agreement body from standard input is empty"),
        "{}",
        empty.description
    );
}

#[test]
fn a_json_body_and_field_flags_together_are_a_usage_error() {
    let demo = Demo::new();
    let output = demo.run(&[
        "agreements",
        "create",
        "--customer",
        NORTHWIND,
        "--json",
        "-",
        "--email",
        "ada@northwindtraders.com",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot be used with"), "{stderr}");
}
