use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn timestamps_count_by_the_date_written_in_them() {
    assert_eq!(body_date("2018-09-14T00:00:00Z"), Ok("2018-09-14".into()));
    assert_eq!(
        body_date("2018-06-14T00:00:00.000Z"),
        Ok("2018-06-14".into())
    );
    assert_eq!(
        body_date("2018-09-14T22:00:00-05:00"),
        Ok("2018-09-14".into())
    );
    assert_eq!(
        body_date("2018-09-14T01:00:00+09:00"),
        Ok("2018-09-14".into())
    );
    assert_eq!(body_date("2018-09-14T08:00:00"), Ok("2018-09-14".into()));
    assert_eq!(body_date(" 2018-09-14 "), Ok("2018-09-14".into()));
    assert_eq!(body_date("yesterday"), Ok("yesterday".into()));
    assert!(body_date("2018-09-14Tnoon")
        .unwrap_err()
        .contains("neither a date nor a timestamp"));
}

#[test]
fn template_ids_are_compared_without_case_and_unknown_ones_name_the_known_one() {
    assert!(check_template(None).is_ok());
    assert!(check_template(Some("998B88DE-AA99-4388-A42C-1B3517D49490")).is_ok());
    let refused = check_template(Some("117a77b0-9360-443b-8795-c6dedc750cf9")).unwrap_err();
    assert!(
        refused.contains("998b88de-aa99-4388-a42c-1b3517d49490 (MicrosoftCloudAgreement)"),
        "{refused}"
    );
}

#[test]
fn every_problem_is_reported_under_the_callers_own_field_names() {
    let body = r#"{"primaryContact":{"firstName":"","lastName":"Park","email":"nobody"},"templateId":"x"}"#;
    let requested = Requested::from_request(parse_body("-", body).unwrap());
    let error = requested.into_acceptance(d("2018-09-14")).unwrap_err();
    assert_eq!(error.code, 400);
    assert!(
        error
            .description
            .starts_with("primaryContact.firstName: Enter the first name. primaryContact.email: The email address needs an @."),
        "{}",
        error.description
    );
    assert!(error
        .description
        .contains("templateId: No agreement template has the ID 'x'."));
}

#[test]
fn no_date_means_the_business_date() {
    let body = r#"{"primaryContact":{"firstName":"Ji-woo","lastName":"Park","email":"jiwoo@hanbit.co.kr"}}"#;
    let requested = Requested::from_request(parse_body("-", body).unwrap());
    assert_eq!(requested.date(d("2018-09-14")), d("2018-09-14"));
    let acceptance = requested.into_acceptance(d("2018-09-14")).unwrap();
    assert_eq!(acceptance.date_agreed, d("2018-09-14"));
    assert_eq!(acceptance.accepted_by.phone, None);
}

#[test]
fn a_body_that_is_not_an_agreement_says_where() {
    let broken = parse_body("body.json", "{\n  \"primaryContact\": {\n}").unwrap_err();
    assert!(
        broken.description.starts_with("The Agreement body from body.json is not valid JSON: EOF while parsing an object at line 3 column 1"),
        "{}",
        broken.description
    );
    let wrong = parse_body("-", r#"{"primaryContact":"Ada"}"#).unwrap_err();
    assert!(
        wrong.description.contains("standard input is not a valid Agreement: primaryContact: invalid type: string \"Ada\", expected a Contact object"),
        "{}",
        wrong.description
    );
    let nested = parse_body("-", r#"{"PrimaryContact":{"firstName":1}}"#).unwrap_err();
    assert!(
        nested
            .description
            .contains("primaryContact.firstName: invalid type: integer `1`, expected a string"),
        "{}",
        nested.description
    );
    let array = parse_body("-", "[1]").unwrap_err();
    assert!(
        array.description.contains("not a JSON object"),
        "{}",
        array.description
    );
    assert!(parse_body("-", "\u{feff}{}").is_ok());
    assert!(parse_body("-", " \n")
        .unwrap_err()
        .description
        .contains("is empty"));
}
