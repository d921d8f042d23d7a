use super::*;
use crate::domain::agreement::{CUSTOMER_AGREEMENT_TEMPLATE_ID, MCA_TEMPLATE_ID};
use crate::locale::Lang;

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
    assert_eq!(
        body_date("2018-09-14Tnoon"),
        Err(BodyProblem::NotDateNorTimestamp("2018-09-14Tnoon".into()))
    );
}

fn body_of(text: &str) -> Requested {
    Requested::from_request(parse_body("-", text).unwrap())
}

const ADA: &str = r#""primaryContact":{"firstName":"Ada","lastName":"Lovelace","email":"ada@contoso.com"},"dateAgreed":"2019-12-02""#;

#[test]
fn the_template_decides_the_agreement_whatever_the_case_of_its_id_or_the_type_sent() {
    let cloud = body_of(&format!(
        r#"{{{ADA},"templateId":"998B88DE-AA99-4388-A42C-1B3517D49490","type":"MicrosoftCustomerAgreement"}}"#
    ));
    let acceptance = cloud.validate(d("2019-12-02")).unwrap();
    assert_eq!(acceptance.agreement, AgreementKind::CloudAgreement);
    let customer = body_of(&format!(
        r#"{{{ADA},"templateId":" 117a77b0-9360-443b-8795-c6dedc750cf9 ","type":"microsoftcloudagreement"}}"#
    ));
    let acceptance = customer.validate(d("2019-12-02")).unwrap();
    assert_eq!(acceptance.agreement, AgreementKind::CustomerAgreement);
}

#[test]
fn the_body_names_its_template_and_its_type() {
    let refused = |text: String| {
        body_of(&text)
            .into_acceptance(d("2019-12-02"))
            .unwrap_err()
            .description
    };
    assert_eq!(
        refused(format!(r#"{{{ADA},"templateId":"{MCA_TEMPLATE_ID}"}}"#)),
        "type: The agreement type is missing: add \"type\": \"MicrosoftCloudAgreement\" or \"MicrosoftCustomerAgreement\"."
    );
    assert_eq!(
        refused(format!(r#"{{{ADA},"templateId":"{MCA_TEMPLATE_ID}","type":"Cloud"}}"#)),
        "type: 'Cloud' is not an agreement type: use \"MicrosoftCloudAgreement\" or \"MicrosoftCustomerAgreement\"."
    );
    let missing = refused(format!(
        r#"{{{ADA},"templateId":" ","type":"MicrosoftCloudAgreement"}}"#
    ));
    assert!(
        missing.starts_with("templateId: The template ID is missing: add \"templateId\""),
        "{missing}"
    );
    assert!(
        missing.contains("998b88de-aa99-4388-a42c-1b3517d49490 (MicrosoftCloudAgreement) and 117a77b0-9360-443b-8795-c6dedc750cf9 (MicrosoftCustomerAgreement)"),
        "{missing}"
    );
    let both = refused(format!("{{{ADA}}}"));
    assert!(
        both.starts_with("templateId: The template ID is missing")
            && both.contains(" type: The agreement type is missing"),
        "{both}"
    );
}

#[test]
fn the_flags_without_a_template_confirm_the_dashboards_agreement_of_the_business_date() {
    let args = |template_id: Option<&str>| CreateAgreementArgs {
        customer: "contoso".into(),
        json: None,
        first_name: Some("Ada".into()),
        last_name: Some("Lovelace".into()),
        email: Some("ada@contoso.com".into()),
        phone: None,
        date: None,
        template_id: template_id.map(str::to_string),
    };
    let on = |date: &str, template_id| {
        Requested::from_flags(&args(template_id))
            .validate(d(date))
            .map(|acceptance| acceptance.agreement)
    };
    assert_eq!(on("2020-01-31", None), Ok(AgreementKind::CloudAgreement));
    assert_eq!(on("2020-02-01", None), Ok(AgreementKind::CustomerAgreement));
    assert_eq!(
        on("2018-11-14", Some(CUSTOMER_AGREEMENT_TEMPLATE_ID)),
        Ok(AgreementKind::CustomerAgreement)
    );
    let unknown = on("2018-11-14", Some("x")).unwrap_err();
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].0, "template-id");
    assert_eq!(unknown[0].1, BodyProblem::TemplateUnknown("x".into()));
    assert!(fields_said(&unknown, Lang::English.words())
        .starts_with("template-id: No agreement template has the ID 'x'."));
}

#[test]
fn every_problem_is_reported_under_the_callers_own_field_names() {
    let body = r#"{"primaryContact":{"firstName":"","lastName":"Park","email":"nobody"},"templateId":"x","type":"MicrosoftCloudAgreement"}"#;
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
    let body = r#"{"primaryContact":{"firstName":"Ji-woo","lastName":"Park","email":"jiwoo@hanbit.co.kr"},"templateId":"998b88de-aa99-4388-a42c-1b3517d49490","type":"MicrosoftCloudAgreement"}"#;
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

fn korean(error: ApiError) -> String {
    let said = error.clone().in_language(Lang::Korean);
    assert_eq!((said.code, said.exit), (error.code, error.exit));
    said.description
}

#[test]
fn the_bodys_template_and_type_problems_are_said_in_korean_under_the_same_field_names() {
    let refused = |text: String| body_of(&text).into_acceptance(d("2019-12-02")).unwrap_err();
    let untyped = refused(format!(r#"{{{ADA},"templateId":"{MCA_TEMPLATE_ID}"}}"#));
    assert_eq!(
        korean(untyped),
        "type: 계약 유형이 없습니다. \"type\": \"MicrosoftCloudAgreement\" 또는 \"MicrosoftCustomerAgreement\"을(를) 추가하십시오."
    );
    let unknown = refused(
        r#"{"primaryContact":{"firstName":"","lastName":"Park","email":"jiwoo@hanbit.co.kr"},"dateAgreed":"2019-12-02Tnoon","templateId":"x","type":"Cloud"}"#
            .to_string(),
    );
    let said = korean(unknown);
    for words in [
        "primaryContact.firstName: 이름을 입력하십시오. ",
        "dateAgreed: '2019-12-02Tnoon'은(는) 날짜도 타임스탬프도 아닙니다. ",
        "templateId: ID가 'x'인 계약 템플릿이 없습니다. 알려진 템플릿은 998b88de-aa99-4388-a42c-1b3517d49490(MicrosoftCloudAgreement) 및 117a77b0-9360-443b-8795-c6dedc750cf9(MicrosoftCustomerAgreement)입니다.",
        " type: 'Cloud'은(는) 계약 유형이 아닙니다.",
    ] {
        assert!(said.contains(words), "{words}\n{said}");
    }
    let missing = refused(format!("{{{ADA}}}"));
    let said = korean(missing);
    assert!(
        said.starts_with("templateId: 템플릿 ID가 없습니다. ")
            && said.contains("`pcenter agreements templates --type '*'`로 템플릿 목록을 볼 수 있습니다. type: 계약 유형이 없습니다."),
        "{said}"
    );
}

#[test]
fn a_body_that_is_not_an_agreement_says_where_in_korean() {
    assert_eq!(
        korean(parse_body("-", " \n").unwrap_err()),
        "표준 입력의 계약 본문이 비어 있습니다. 계약 개체 {primaryContact, templateId, dateAgreed, type}를 보내십시오."
    );
    assert_eq!(
        korean(parse_request_body("[1]").unwrap_err()),
        "요청의 계약 본문이 올바른 계약이 아닙니다: 본문이 JSON 개체 {…}가 아닙니다."
    );
    let broken = korean(parse_body("body.json", "{").unwrap_err());
    assert!(
        broken.starts_with("body.json의 계약 본문이 올바른 JSON이 아닙니다: EOF while parsing"),
        "{broken}"
    );
}
