//! The Customer body of `customers create` and the Agreement body of `agreements create
//! --json`, read and checked as those commands do, on business dates of every phase. What a
//! body gives once checked is recorded, through the service, in a store in memory, which must
//! then hold nothing that `store::audit` finds wrong.

use crate::api::agreement_request::{parse_body, Requested};
use crate::api::customer_body::CustomerRequest;
use crate::api::error::ApiError;
use crate::assets;
use crate::book::Book;
use crate::domain::agreement::{Acceptance, Channel};
use crate::domain::fields::EARLIEST_ACCEPTANCE;
use crate::domain::phase::Phase;
use crate::domain::role::Role;
use crate::service::{Actor, Operations, ServiceError};
use crate::store::{audit, MemoryStore, Snapshot, Store};
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value};

/// Northwind Traders of the demo data: public cloud, no confirmation yet.
const NORTHWIND: &str = "8e56785c-c066-4754-939a-d596743a7b4a";

thread_local! {
    /// The customer an Agreement body confirms, with its records.
    static CUSTOMER: Snapshot = {
        let dossiers = assets::demo_snapshot().into_dossiers();
        let northwind = dossiers.into_iter().filter(|d| d.customer.id == NORTHWIND);
        Snapshot::of_dossiers(None, northwind)
    };
}

/// Before confirmations existed, in the optional phase, and in the mandatory one.
fn business_dates() -> [NaiveDate; 5] {
    [
        (2018, 7, 1),
        (2018, 9, 14),
        (2018, 11, 14),
        (2019, 12, 15),
        (2020, 2, 1),
    ]
    .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("a date"))
}

/// Reads `data` as a Customer body and as an Agreement body, and checks that:
///
/// - a body that is refused is refused as invalid input (400), saying why;
/// - a body that passes the checks is recorded by the service, unless confirmations do not
///   exist yet on the business date, and the store then holds nothing `store::audit` finds
///   wrong (so every field met its rules);
/// - a body reads the same with every key in upper case.
pub fn json_bodies(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    customer_body(text);
    agreement_body(text);
    if let Some(shouted) = with_keys_in_upper_case(text) {
        if let Ok(request) = CustomerRequest::parse(text) {
            let again = CustomerRequest::parse(&shouted).map(|r| format!("{r:?}"));
            assert_eq!(again, Ok(format!("{request:?}")), "keys in upper case");
        }
        if let Ok(request) = parse_body("fuzz.json", text) {
            let again = parse_body("fuzz.json", &shouted).map(|r| format!("{r:?}"));
            assert_eq!(again, Ok(format!("{request:?}")), "keys in upper case");
        }
    }
}

fn customer_body(text: &str) {
    let request = match CustomerRequest::parse(text) {
        Ok(request) => request,
        Err(error) => return assert_invalid(&error),
    };
    for business_date in business_dates() {
        let (profile, acceptance) = match request.validate(|_| false, business_date) {
            Ok(checked) => checked,
            Err(error) => {
                assert_invalid(&error);
                continue;
            }
        };
        if let Some(acceptance) = &acceptance {
            assert_clean(acceptance, business_date);
        }
        let dated = acceptance.is_some();
        let kind = acceptance.as_ref().map(|a| a.agreement);
        let store = MemoryStore::default();
        let actor = admin_agent(business_date);
        let created = operations(&store, &mut Book::default(), &actor).create_customer(
            profile,
            acceptance,
            Channel::Command,
        );
        match created {
            Ok(_) => {}
            Err(ServiceError::NotYetAvailable) if dated && before_confirmations(business_date) => {}
            Err(ServiceError::TemplateRetired | ServiceError::AgreementNotYetAvailable)
                if kind.is_some_and(|kind| outside_its_era(kind, business_date)) => {}
            Err(refusal) => {
                panic!("a Customer body that passed every check was refused: {refusal}")
            }
        }
        assert_sound(&store);
    }
}

fn agreement_body(text: &str) {
    let request = match parse_body("fuzz.json", text) {
        Ok(request) => request,
        Err(error) => return assert_invalid(&error),
    };
    for business_date in business_dates() {
        let acceptance = match Requested::nested(request.clone(), "").validate(business_date) {
            Ok(acceptance) => acceptance,
            Err(problems) => {
                assert!(!problems.is_empty(), "refused without a reason");
                for (field, problem) in problems {
                    for lang in crate::locale::Lang::ALL {
                        let message = (lang.words().requests.body_field)(&problem);
                        assert!(!field.is_empty() && !message.trim().is_empty());
                    }
                }
                continue;
            }
        };
        assert_clean(&acceptance, business_date);
        let kind = acceptance.agreement;
        let store = MemoryStore::with_snapshot(CUSTOMER.with(Snapshot::clone));
        let mut book = Book::from_snapshot(store.load().expect("memory"));
        let actor = admin_agent(business_date);
        let confirmed =
            operations(&store, &mut book, &actor).confirm(NORTHWIND, acceptance, Channel::Command);
        match confirmed {
            Ok(_) => {}
            Err(ServiceError::NotYetAvailable) if before_confirmations(business_date) => {}
            Err(ServiceError::TemplateRetired | ServiceError::AgreementNotYetAvailable)
                if outside_its_era(kind, business_date) => {}
            Err(refusal) => {
                panic!("an Agreement body that passed every check was refused: {refusal}")
            }
        }
        assert_sound(&store);
    }
}

fn assert_invalid(error: &ApiError) {
    assert_eq!((error.code, error.exit), (400, 6), "{}", error.description);
    assert!(
        !error.description.trim().is_empty(),
        "refused without a reason"
    );
}

/// An acceptance the domain took: its contact clean, its date from 2014-01-01 to the business
/// date.
pub(crate) fn assert_clean(acceptance: &Acceptance, business_date: NaiveDate) {
    let problems = acceptance.accepted_by.problems();
    assert!(problems.is_empty(), "{problems:?}");
    let dated = acceptance.date_agreed;
    assert!(
        (EARLIEST_ACCEPTANCE..=business_date).contains(&dated),
        "{dated}"
    );
}

fn assert_sound(store: &MemoryStore) {
    let problems = audit(store).expect("memory");
    assert!(problems.is_empty(), "{problems:?}");
}

/// Whether the agreement cannot be confirmed on the business date: the Customer Agreement
/// before October 1, 2019, the Cloud Agreement from February 1, 2020.
fn outside_its_era(
    kind: crate::domain::agreement::AgreementKind,
    business_date: NaiveDate,
) -> bool {
    !before_confirmations(business_date)
        && !crate::domain::timeline::confirmable(kind, business_date)
}

fn before_confirmations(business_date: NaiveDate) -> bool {
    Phase::on(business_date) == Phase::NotYetAvailable
}

fn admin_agent(business_date: NaiveDate) -> Actor {
    Actor {
        agent: "Megan Bowen".into(),
        role: Role::AdminAgent,
        business_date,
        access: Default::default(),
    }
}

fn operations<'a>(store: &'a MemoryStore, book: &'a mut Book, actor: &'a Actor) -> Operations<'a> {
    Operations::new(store, book, actor, noon(actor.business_date))
}

fn noon(date: NaiveDate) -> DateTime<Utc> {
    date.and_hms_opt(12, 0, 0).expect("noon").and_utc()
}

/// The JSON text with every object key in upper case (ASCII letters only, as keys are read in
/// any ASCII case); `None` when it is not JSON, or when two keys of one object would become one.
fn with_keys_in_upper_case(text: &str) -> Option<String> {
    fn shout(value: Value) -> Option<Value> {
        match value {
            Value::Object(object) => {
                let count = object.len();
                let shouted: Map<String, Value> = object
                    .into_iter()
                    .map(|(key, value)| Some((key.to_ascii_uppercase(), shout(value)?)))
                    .collect::<Option<_>>()?;
                (shouted.len() == count).then_some(Value::Object(shouted))
            }
            Value::Array(items) => items
                .into_iter()
                .map(shout)
                .collect::<Option<_>>()
                .map(Value::Array),
            other => Some(other),
        }
    }
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    shout(value).map(|value| value.to_string())
}
