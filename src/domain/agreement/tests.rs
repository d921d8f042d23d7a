use super::*;

#[test]
fn chinese_japanese_and_korean_names_put_the_family_name_first() {
    let person = |first: &str, last: &str| Contact {
        first_name: first.into(),
        last_name: last.into(),
        email: "a@b.co".into(),
        phone: None,
    };
    assert_eq!(person("Ada", "Lovelace").full_name(), "Ada Lovelace");
    assert_eq!(person("민준", "김").full_name(), "김민준");
    assert_eq!(person("太郎", "山田").full_name(), "山田太郎");
    assert_eq!(person("芳", "王").full_name(), "王芳");
    assert_eq!(person("Ji-woo", "Park").full_name(), "Ji-woo Park");
    assert_eq!(
        person("Ji-woo", "朴").full_name(),
        "Ji-woo 朴",
        "mixed scripts keep the order"
    );
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn draft() -> AcceptanceDraft {
    AcceptanceDraft {
        first_name: " Ji-woo ".into(),
        last_name: "Park".into(),
        email: "jiwoo.park@hanbit.co.kr".into(),
        phone: "".into(),
        date: "2018-09-01".into(),
    }
}

#[test]
fn a_complete_draft_becomes_an_acceptance_with_trimmed_names() {
    let acceptance = draft().validate(d("2018-09-14")).unwrap();
    assert_eq!(acceptance.accepted_by.first_name, "Ji-woo");
    assert_eq!(acceptance.accepted_by.phone, None);
    assert_eq!(acceptance.date_agreed, d("2018-09-01"));
}

#[test]
fn every_bad_field_gets_its_own_message_in_form_order() {
    let bad = AcceptanceDraft {
        first_name: "".into(),
        last_name: " ".into(),
        email: "nobody".into(),
        phone: "12".into(),
        date: "2018-09-15".into(),
    };
    let errors = bad.validate(d("2018-09-14")).unwrap_err();
    let fields: Vec<_> = errors.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        vec![
            AcceptanceField::FirstName,
            AcceptanceField::LastName,
            AcceptanceField::Email,
            AcceptanceField::Phone,
            AcceptanceField::Date
        ]
    );
    assert!(errors[4].1.to_string().contains("future date"));
}

#[test]
fn the_same_person_is_found_however_the_accents_are_encoded() {
    let zoe = Contact {
        first_name: "Zoë".into(),
        last_name: "Ångström".into(),
        email: "zoë@contoso.com".into(),
        phone: Some("555 0100".into()),
    };
    let typed = Contact {
        first_name: "Zoe\u{308}".into(),
        last_name: "A\u{30a}ngstro\u{308}m".into(),
        email: "zoe\u{308}@contoso.com".into(),
        phone: Some("555 0100".into()),
    };
    assert_ne!(zoe, typed, "stored as typed, not rewritten");
    assert!(zoe.same_person(&typed));
    assert!(typed.same_person(&zoe));
    for other in [
        Contact {
            first_name: "Zoe".into(),
            ..zoe.clone()
        },
        Contact {
            phone: None,
            ..zoe.clone()
        },
        Contact {
            email: "zoe@contoso.com".into(),
            ..zoe.clone()
        },
    ] {
        assert!(!zoe.same_person(&other), "{other:?}");
    }
}

#[test]
fn a_stored_contact_reports_what_the_form_would_refuse() {
    let good = Contact {
        first_name: "Zoë".into(),
        last_name: "김".into(),
        email: "zoe@contoso.com".into(),
        phone: None,
    };
    assert!(good.problems().is_empty());
    let bad = Contact {
        first_name: " Zoë".into(),
        email: "nobody".into(),
        phone: Some("12".into()),
        ..good.clone()
    };
    assert_eq!(bad.problems().len(), 3, "{:?}", bad.problems());
    assert_eq!(
        bad.problems()[0],
        RecordProblem::NotCleaned {
            value: " Zoë".into(),
            clean: "Zoë".into()
        }
    );
    let empty_phone = Contact {
        phone: Some(String::new()),
        ..good.clone()
    };
    assert_eq!(empty_phone.problems(), [RecordProblem::EmptyPhone]);
    let spaced_phone = Contact {
        phone: Some(" +1 425 555 0100".into()),
        ..good
    };
    assert_eq!(
        spaced_phone.problems(),
        [RecordProblem::NotCleaned {
            value: " +1 425 555 0100".into(),
            clean: "+1 425 555 0100".into()
        }]
    );
}

#[test]
fn recording_stamps_the_agreement_agent_and_time() {
    let at: DateTime<Utc> = "2018-09-14T10:00:00Z".parse().unwrap();
    let c = draft().validate(d("2018-09-14")).unwrap().record(
        "t-1",
        "Megan Bowen",
        at,
        Channel::Account,
    );
    assert_eq!(c.agreement_type, "MicrosoftCloudAgreement");
    assert_eq!(c.template_id, "998b88de-aa99-4388-a42c-1b3517d49490");
    assert_eq!(c.recorded_by, "Megan Bowen");
    assert_eq!(c.recorded_at, at);
    assert_eq!(c.customer_id, "t-1");
}

#[test]
fn the_current_confirmation_is_the_latest_by_date_then_by_recording() {
    let base = draft().validate(d("2018-09-14")).unwrap();
    let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
    let mut early = base
        .clone()
        .record("t", "a", at("2018-08-01T12:00:00Z"), Channel::Account);
    early.date_agreed = d("2018-08-01");
    let late_a = base
        .clone()
        .record("t", "b", at("2018-09-10T00:00:00Z"), Channel::Account);
    let late_b = base.record("t", "c", at("2018-09-11T00:00:00Z"), Channel::Command);
    let all = vec![late_b.clone(), early.clone(), late_a.clone()];
    let whenever = d("2100-12-31");
    assert_eq!(current_on(&all, whenever), Some(&late_b));
    assert_eq!(current_on(&[], whenever), None);
    // Before the later acceptance date, only the early one counts; before it, none.
    assert_eq!(
        current_on(&all, late_a.date_agreed.pred_opt().unwrap()),
        Some(&early)
    );
    assert_eq!(current_on(&all, d("2018-07-31")), None);
    assert!(!confirmed_on(&all, d("2018-07-31")));
    assert!(confirmed_on(&all, d("2018-08-01")));
    assert_eq!(sorted_newest_first(&all), vec![&late_b, &late_a, &early]);
    assert!(sorted_newest_first(&[]).is_empty());
}

#[test]
fn among_identical_moments_the_newest_first_order_starts_with_the_current_one() {
    let at: DateTime<Utc> = "2018-09-10T00:00:00Z".parse().unwrap();
    let base = draft().validate(d("2018-09-14")).unwrap();
    let first = base.clone().record("t", "a", at, Channel::Account);
    let second = base.record("t", "b", at, Channel::Command);
    let all = vec![first.clone(), second.clone()];
    assert_eq!(current_on(&all, d("2100-12-31")), Some(&second));
    assert_eq!(sorted_newest_first(&all), vec![&second, &first]);
}

#[test]
fn a_confirmation_recorded_after_the_business_date_does_not_exist_yet() {
    let at: DateTime<Utc> = "2018-11-20T09:00:00Z".parse().unwrap();
    let mut c = draft()
        .validate(d("2018-11-20"))
        .unwrap()
        .record("t", "a", at, Channel::Account);
    c.date_agreed = d("2018-09-01");
    let all = vec![c.clone()];
    assert!(!c.counts_on(d("2018-11-19")));
    assert!(c.counts_on(d("2018-11-20")));
    assert_eq!(current_on(&all, d("2018-11-19")), None);
    assert!(!confirmed_on(&all, d("2018-11-19")));
    assert_eq!(current_on(&all, d("2018-11-20")), Some(&c));
}

#[test]
fn the_template_decides_which_agreement_a_confirmation_is_of() {
    let at: DateTime<Utc> = "2020-02-03T09:00:00Z".parse().unwrap();
    let mut acceptance = draft().validate(d("2020-02-03")).unwrap();
    assert_eq!(acceptance.agreement, AgreementKind::CustomerAgreement);
    let customer = acceptance.clone().record("t", "a", at, Channel::Account);
    assert_eq!(customer.template_id, "117a77b0-9360-443b-8795-c6dedc750cf9");
    assert_eq!(customer.agreement_type, "MicrosoftCustomerAgreement");
    acceptance.agreement = AgreementKind::CloudAgreement;
    let cloud = acceptance.record("t", "a", at, Channel::Account);
    let both = vec![cloud.clone(), customer.clone()];
    let held = held_on(&both, d("2020-02-03"));
    assert!(
        held.holds(AgreementKind::CloudAgreement) && held.holds(AgreementKind::CustomerAgreement)
    );
    assert_eq!(
        current_of(&both, AgreementKind::CloudAgreement, d("2020-02-03")),
        Some(&cloud)
    );
    assert_eq!(
        AgreementKind::from_template_id(" 117A77B0-9360-443B-8795-C6DEDC750CF9 "),
        Some(AgreementKind::CustomerAgreement)
    );
    assert_eq!(
        AgreementKind::from_type_name("microsoftcloudagreement"),
        Some(AgreementKind::CloudAgreement)
    );
    assert_eq!(
        AgreementKind::from_template_id("00000000-0000-0000-0000-000000000000"),
        None
    );
}

#[test]
fn the_agreement_in_force_is_the_customer_agreement_when_there_is_one() {
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    let at = |s: &str| format!("{s}T09:00:00Z").parse::<DateTime<Utc>>().unwrap();
    let mut cloud = draft().validate(d("2019-01-10")).unwrap().record(
        "t",
        "a",
        at("2019-01-10"),
        Channel::Account,
    );
    cloud.agreement_type = MCA_TYPE.into();
    let mut acceptance = draft().validate(d("2019-11-04")).unwrap();
    acceptance.agreement = AgreementKind::CustomerAgreement;
    let customer = acceptance.record("t", "a", at("2019-11-04"), Channel::Account);
    let only_cloud = vec![cloud.clone()];
    assert_eq!(in_force_on(&only_cloud, d("2019-01-09")), None);
    assert_eq!(
        in_force_on(&only_cloud, d("2020-01-31")),
        Some(AgreementKind::CloudAgreement)
    );
    assert_eq!(in_force_on(&only_cloud, d("2020-02-01")), None);
    let both = vec![cloud, customer];
    assert_eq!(
        in_force_on(&both, d("2019-11-03")),
        Some(AgreementKind::CloudAgreement)
    );
    assert_eq!(
        in_force_on(&both, d("2019-11-04")),
        Some(AgreementKind::CustomerAgreement)
    );
    assert_eq!(
        in_force_on(&both, d("2026-12-04")),
        Some(AgreementKind::CustomerAgreement)
    );
}
