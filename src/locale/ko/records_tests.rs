use super::*;
use crate::domain::cloud::Cloud;
use crate::domain::commerce::LineProblem;
use crate::domain::field_problem::{FieldProblem, Subject};
use chrono::NaiveDate;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn boxed(problem: RecordProblem) -> Box<RecordProblem> {
    Box::new(problem)
}

/// One problem of every kind, with data (IDs, names) that reads the same in any language.
fn every_kind() -> Vec<RecordProblem> {
    use RecordProblem as P;
    let subscription = || "1111".to_string();
    let seats = LineProblem::TooManySeats {
        offer: "Microsoft 365 E3".into(),
        max: 300,
    };
    vec![
        P::Field(FieldProblem::Missing(Subject::CompanyName)),
        P::NotCleaned {
            value: " 가나 ".into(),
            clean: "가나".into(),
        },
        P::Id {
            record: Record::Customer,
            problem: IdProblem::Empty,
        },
        P::Id {
            record: Record::Order,
            problem: IdProblem::TooLong(65),
        },
        P::Id {
            record: Record::Subscription,
            problem: IdProblem::Character {
                id: "12\u{1b}".into(),
                character: '\u{1b}',
            },
        },
        P::AfterLastBusinessDate {
            made: Made::CustomerCreated,
            on: day("2101-01-01"),
        },
        P::AfterLastBusinessDate {
            made: Made::ConfirmationRecorded,
            on: day("2101-01-01"),
        },
        P::AfterLastBusinessDate {
            made: Made::OrderCreated("2222".into()),
            on: day("2101-01-01"),
        },
        P::AfterLastBusinessDate {
            made: Made::SubscriptionCreated(subscription()),
            on: day("2101-01-01"),
        },
        P::Agent {
            of: MadeBy::Customer,
            problem: boxed(P::Field(FieldProblem::Missing(Subject::Named(
                "Agent name",
            )))),
        },
        P::Agent {
            of: MadeBy::Confirmation,
            problem: boxed(P::NotCleaned {
                value: " 김 ".into(),
                clean: "김".into(),
            }),
        },
        P::Agent {
            of: MadeBy::Order,
            problem: boxed(P::Field(FieldProblem::Hidden {
                subject: Subject::Named("Agent name"),
                character: '\u{7}',
            })),
        },
        P::PartnerName(boxed(P::Field(FieldProblem::TooLong {
            subject: Subject::Named("Partner name"),
            max: 100,
            length: 120,
        }))),
        P::NotPrimaryDomain("가나.onmicrosoft.com".into()),
        P::PrimaryContact(boxed(P::Field(FieldProblem::EmailNoAt))),
        P::UnknownAgreement,
        P::NotPublicCloud {
            company: "가나".into(),
            cloud: Cloud::Germany,
        },
        P::RecordedBeforeConfirming(day("2018-08-01")),
        P::AcceptedBeforeTheAgreement(day("2013-12-31")),
        P::AcceptedAfterRecording {
            accepted: day("2018-11-15"),
            recorded_at: "2018-11-13T23:30:00Z".parse().unwrap(),
        },
        P::NoLineItems {
            order: "2222".into(),
        },
        P::OrderLine {
            order: "2222".into(),
            problem: LineProblem::NoSeats,
        },
        P::UnknownOffer("1234".into()),
        P::BilledOtherwise {
            subscription: subscription(),
            offer: "Microsoft 365 E3".into(),
        },
        P::Seats {
            subscription: subscription(),
            problem: seats.clone(),
        },
        P::NoSeatCount {
            subscription: subscription(),
            offer: "Microsoft 365 E3".into(),
        },
        P::SeatCountOfUsage {
            subscription: subscription(),
            offer: "Azure".into(),
        },
        P::ChangesOutOfOrder {
            subscription: subscription(),
            history: History::Seats,
        },
        P::ChangeNotAfterCreation {
            subscription: subscription(),
            history: History::AutoRenew,
            on: day("2019-01-01"),
            created: day("2019-01-01"),
        },
        P::ChangeAfterLastBusinessDate {
            subscription: subscription(),
            history: History::Seats,
            on: day("2101-01-01"),
        },
        P::SeatChangesWithoutSeats {
            subscription: subscription(),
        },
        P::ChangeOfNothing {
            subscription: subscription(),
            history: History::Seats,
        },
        P::ChangeOfNothing {
            subscription: subscription(),
            history: History::AutoRenew,
        },
        P::SeatsBefore {
            subscription: subscription(),
            on: day("2019-02-01"),
            problem: seats,
        },
        P::OfAnotherOrder {
            subscription: subscription(),
            order: "2222".into(),
        },
        P::OfNoStoredOrder {
            subscription: subscription(),
        },
        P::FixedPartChanged {
            subscription: subscription(),
        },
        P::OfAnotherCustomer {
            record: Record::Confirmation,
            owner: "3333".into(),
        },
        P::GivenTwice {
            record: Record::Order,
            id: "2222".into(),
        },
        P::Confirmation {
            email: "가@나.kr".into(),
            problem: boxed(P::AcceptedBeforeTheAgreement(day("2013-12-31"))),
        },
        P::LinesWithoutTheirSubscriptions {
            order: "2222".into(),
            lines: 2,
            subscriptions: 1,
        },
        P::ControlCharacter("가\n나".into()),
        P::IndexEntryTooLong(70_000),
        P::EmptyPhone,
    ]
}

/// Which kind of problem this is: a new kind does not compile here until it is numbered, and
/// then fails the test below until `every_kind` holds one.
fn kind(problem: &RecordProblem) -> usize {
    use RecordProblem as P;
    match problem {
        P::Field(_) => 0,
        P::NotCleaned { .. } => 1,
        P::Id { .. } => 2,
        P::AfterLastBusinessDate { .. } => 3,
        P::Agent { .. } => 4,
        P::PartnerName(_) => 5,
        P::EmptyPhone => 6,
        P::NotPrimaryDomain(_) => 7,
        P::PrimaryContact(_) => 8,
        P::UnknownAgreement => 9,
        P::NotPublicCloud { .. } => 10,
        P::RecordedBeforeConfirming(_) => 11,
        P::AcceptedBeforeTheAgreement(_) => 12,
        P::AcceptedAfterRecording { .. } => 13,
        P::NoLineItems { .. } => 14,
        P::OrderLine { .. } => 15,
        P::UnknownOffer(_) => 16,
        P::BilledOtherwise { .. } => 17,
        P::Seats { .. } => 18,
        P::NoSeatCount { .. } => 19,
        P::SeatCountOfUsage { .. } => 20,
        P::ChangesOutOfOrder { .. } => 21,
        P::ChangeNotAfterCreation { .. } => 22,
        P::ChangeAfterLastBusinessDate { .. } => 23,
        P::SeatChangesWithoutSeats { .. } => 24,
        P::ChangeOfNothing { .. } => 25,
        P::SeatsBefore { .. } => 26,
        P::OfAnotherOrder { .. } => 27,
        P::OfNoStoredOrder { .. } => 28,
        P::FixedPartChanged { .. } => 29,
        P::OfAnotherCustomer { .. } => 30,
        P::GivenTwice { .. } => 31,
        P::Confirmation { .. } => 32,
        P::LinesWithoutTheirSubscriptions { .. } => 33,
        P::ControlCharacter(_) => 34,
        P::IndexEntryTooLong(_) => 35,
        P::NotEncodable(_) => 36,
    }
}

#[test]
fn every_kind_of_problem_is_tried() {
    let tried: std::collections::BTreeSet<usize> = every_kind().iter().map(kind).collect();
    // `NotEncodable` is the encoder's own words, in any language.
    let untried: Vec<usize> = (0..=35).filter(|k| !tried.contains(k)).collect();
    assert_eq!(untried, Vec::<usize>::new());
}

/// Words a reason may keep in Latin letters: product names, codes, the command to run, the
/// agreements' type names and the domain suffix.
const LATIN: &[&str] = &[
    "Microsoft",
    "Azure",
    "E",
    "ID",
    "GUID",
    "UTC",
    "pcenter",
    "offers",
    "list",
    "a",
    "z",
    "onmicrosoft",
    "com",
    "kr",
    "MicrosoftCloudAgreement",
    "MicrosoftCustomerAgreement",
    "T",
    "Z",
    "U",
];

#[test]
fn every_reason_is_said_in_korean_without_a_full_stop_at_its_end() {
    for problem in every_kind() {
        let said = record(&problem);
        // Codes and data (U+001B, escapes, dates, emails) hold a digit, @ or \; the rest are words.
        let english: Vec<&str> = said
            .split(|c: char| c.is_whitespace() || "'(),:.".contains(c))
            .filter(|token| !token.contains(|c: char| c.is_ascii_digit() || "@\\".contains(c)))
            .flat_map(|token| token.split(|c: char| !c.is_ascii_alphabetic()))
            .filter(|word| !word.is_empty() && !LATIN.contains(word))
            .collect();
        assert!(english.is_empty(), "{english:?} in {said:?} ({problem})");
        assert!(!said.is_empty() && !said.contains(".."), "{said:?}");
        assert!(said.chars().all(|c| !c.is_control()), "{said:?}");
        assert_ne!(said, problem.to_string());
    }
}

#[test]
fn the_reasons_read_as_partner_center_words_them() {
    use RecordProblem as P;
    let said = |problem: RecordProblem| record(&problem);
    assert_eq!(
        said(P::Id {
            record: Record::Customer,
            problem: IdProblem::Character {
                id: "9D62".into(),
                character: 'D'
            }
        }),
        "고객 ID '9D62'에 'D'이(가) 있습니다. ID에는 GUID처럼 영문 소문자 a-z, 숫자, 하이픈만 쓸 수 있습니다"
    );
    assert_eq!(
        said(P::Confirmation {
            email: "patti@contoso.com".into(),
            problem: boxed(P::AcceptedBeforeTheAgreement(day("2013-05-01")))
        }),
        "'patti@contoso.com'의 동의 확인: 계약 동의 날짜 2013년 5월 1일은 Microsoft 클라우드 계약이 생긴 2014년 1월 1일보다 앞섭니다"
    );
    // The agent's and the partner's names are named in Korean, like the fields of the forms.
    assert_eq!(
        said(P::Agent {
            of: MadeBy::Customer,
            problem: boxed(P::Field(FieldProblem::Missing(Subject::Named(
                "Agent name"
            ))))
        }),
        "고객을 만든 에이전트: 에이전트 이름을 입력하십시오"
    );
    assert_eq!(
        said(P::PartnerName(boxed(P::Field(FieldProblem::Missing(
            Subject::Named("Partner name")
        ))))),
        "파트너 이름을 입력하십시오"
    );
    assert_eq!(
        said(P::AfterLastBusinessDate {
            made: Made::OrderCreated("2222".into()),
            on: day("2101-01-01")
        }),
        "주문 2222를 만든 날짜(2101년 1월 1일)가 기준일이 될 수 있는 마지막 날(2100년 12월 31일)보다 뒤입니다"
    );
    // A hidden character is named, never written.
    let hidden = said(P::Id {
        record: Record::Order,
        problem: IdProblem::Character {
            id: "a\u{1b}".into(),
            character: '\u{1b}',
        },
    });
    assert!(
        hidden.contains("제어 문자 U+001B이(가) 있습니다"),
        "{hidden}"
    );
    assert!(hidden.contains("'a\\u{1b}'"), "{hidden}");
    let spaced = said(P::Id {
        record: Record::Order,
        problem: IdProblem::Character {
            id: "a b".into(),
            character: ' ',
        },
    });
    assert!(
        spaced.starts_with("주문 ID 'a b'에 공백이 있습니다."),
        "{spaced}"
    );
    // The seat limits are the order screen's words.
    assert_eq!(
        said(P::Seats {
            subscription: "1111".into(),
            problem: LineProblem::TooManySeats {
                offer: "Microsoft 365 E3".into(),
                max: 300
            }
        }),
        "구독 1111: Microsoft 365 E3 제품은 구독 하나에 라이선스를 최대 300개까지 허용합니다. 수량을 줄이십시오"
    );
}
