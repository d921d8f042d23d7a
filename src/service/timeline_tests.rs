//! The rules by date and face: the API's own enforcement days, the Customer Agreement, the
//! retired Cloud Agreement template, offers by their first day, and records made later.

use super::*;
use crate::domain::agreement::{AcceptanceDraft, AgreementKind};
use crate::store::MemoryStore;

const NORTHWIND: &str = "8e56785c-c066-4754-939a-d596743a7b4a";
const CONTOSO: &str = "9d62ba20-49fe-4b68-b3d6-6c88eae123dc";
const AZURE_PLAN: &str = "1F9583C8-6D90-4583-A9AD-E3083B0600EE";
const BUSINESS_STANDARD: &str = "95CB32B2-203F-4003-97D7-30AC8650A8EC";

struct World {
    store: MemoryStore,
    book: Book,
    actor: Actor,
}

fn world(date: &str, access: Access) -> World {
    let snapshot = assets::demo_snapshot();
    let business_date = date.parse().unwrap();
    World {
        store: MemoryStore::with_snapshot(snapshot),
        book: Book::on(business_date),
        actor: Actor {
            agent: "Megan Bowen".into(),
            role: Role::AdminAgent,
            business_date,
            access,
        },
    }
}

fn dashboard(date: &str) -> World {
    world(date, Access::dashboard(Environment::Production))
}

fn api(date: &str, environment: Environment) -> World {
    world(date, Access::api(environment))
}

impl World {
    fn ops(&mut self) -> Operations<'_> {
        let now = self
            .actor
            .business_date
            .and_hms_opt(10, 0, 0)
            .unwrap()
            .and_utc();
        Operations::new(&self.store, &mut self.book, &self.actor, now)
    }

    fn order(&mut self, customer: &str, offer: &str, quantity: u32) -> Result<(), ServiceError> {
        let lines = vec![OrderLine {
            offer_id: offer.into(),
            quantity,
        }];
        self.ops().create_order(customer, lines).map(|_| ())
    }

    fn confirm(&mut self, customer: &str, agreement: AgreementKind) -> Result<(), ServiceError> {
        let mut acceptance = AcceptanceDraft {
            first_name: "Diego".into(),
            last_name: "Siciliani".into(),
            email: "diego@northwindtraders.com".into(),
            phone: String::new(),
            date: self.actor.business_date.to_string(),
        }
        .validate(self.actor.business_date)
        .unwrap();
        acceptance.agreement = agreement;
        self.ops()
            .confirm(customer, acceptance, Channel::Command)
            .map(|_| ())
    }
}

fn refused_by_gate(result: Result<(), ServiceError>) -> bool {
    matches!(result, Err(ServiceError::Gate(_)))
}

#[test]
fn the_api_lets_orders_through_until_its_own_day_in_each_environment() {
    let e3 = "8BBCEA40-9A69-42FA-ABDC-DC6C5F8C6F72";
    assert!(refused_by_gate(
        dashboard("2018-11-07").order(NORTHWIND, e3, 5)
    ));
    assert_eq!(
        api("2019-03-21", Environment::Production).order(NORTHWIND, e3, 5),
        Ok(())
    );
    assert!(refused_by_gate(
        api("2019-03-22", Environment::Production).order(NORTHWIND, e3, 5)
    ));
    assert_eq!(
        api("2019-03-10", Environment::Sandbox).order(NORTHWIND, e3, 5),
        Ok(())
    );
    let refused = api("2019-03-11", Environment::Sandbox)
        .order(NORTHWIND, e3, 5)
        .unwrap_err()
        .to_string();
    assert!(refused.contains("March 11, 2019"), "{refused}");
}

#[test]
fn the_customer_agreement_is_confirmable_from_october_1_2019() {
    let refused = dashboard("2019-09-30").confirm(NORTHWIND, AgreementKind::CustomerAgreement);
    assert_eq!(refused, Err(ServiceError::AgreementNotYetAvailable));
    let mut w = dashboard("2019-10-01");
    assert_eq!(
        w.confirm(NORTHWIND, AgreementKind::CustomerAgreement),
        Ok(())
    );
    let stored = w.store.dossier(NORTHWIND).unwrap().unwrap();
    let last = stored.confirmations.last().unwrap();
    assert_eq!(last.template_id, "117a77b0-9360-443b-8795-c6dedc750cf9");
    assert_eq!(last.agreement_type, "MicrosoftCustomerAgreement");
}

#[test]
fn the_cloud_agreement_template_is_refused_from_february_1_2020() {
    assert_eq!(
        dashboard("2020-01-31").confirm(NORTHWIND, AgreementKind::CloudAgreement),
        Ok(())
    );
    let mut w = api("2020-02-01", Environment::Production);
    let before = w.store.load().unwrap();
    let refused = w
        .confirm(NORTHWIND, AgreementKind::CloudAgreement)
        .unwrap_err();
    assert_eq!(refused, ServiceError::TemplateRetired);
    assert!(refused.to_string().starts_with(
        "Microsoft Cloud Agreement Template ID '998b88de-aa99-4388-a42c-1b3517d49490' is no longer supported."
    ));
    assert_eq!(w.store.load().unwrap(), before, "nothing written");
}

#[test]
fn from_february_1_2020_a_cloud_agreement_no_longer_opens_the_gate() {
    // Contoso accepted the Microsoft Cloud Agreement in 2018 and the Customer Agreement on
    // October 14, 2019; Northwind only ever the Cloud Agreement, through this test.
    let e3 = "8BBCEA40-9A69-42FA-ABDC-DC6C5F8C6F72";
    let mut w = dashboard("2020-01-31");
    w.confirm(NORTHWIND, AgreementKind::CloudAgreement).unwrap();
    assert_eq!(w.order(NORTHWIND, e3, 5), Ok(()));
    let mut later = World {
        book: Book::on("2020-02-01".parse().unwrap()),
        actor: Actor {
            business_date: "2020-02-01".parse().unwrap(),
            ..w.actor.clone()
        },
        store: w.store,
    };
    let refused = later.order(NORTHWIND, e3, 5).unwrap_err().to_string();
    assert!(
        refused.contains("Microsoft Customer Agreement"),
        "{refused}"
    );
    assert!(refused.contains("January 31, 2020"), "{refused}");
    assert_eq!(later.order(CONTOSO, e3, 5), Ok(()));
}

#[test]
fn azure_plan_needs_the_customer_agreement_even_while_either_counts() {
    let mut w = dashboard("2019-12-15");
    w.confirm(NORTHWIND, AgreementKind::CloudAgreement).unwrap();
    let refused = w.order(NORTHWIND, AZURE_PLAN, 1);
    assert!(refused_by_gate(refused.clone()), "{refused:?}");
    assert_eq!(w.order(CONTOSO, AZURE_PLAN, 1), Ok(()));
}

#[test]
fn an_offer_is_sold_from_its_first_day_under_its_name_of_the_day() {
    let refused = dashboard("2019-09-30")
        .order(CONTOSO, AZURE_PLAN, 1)
        .unwrap_err();
    assert!(matches!(refused, ServiceError::OfferNotYetSold { .. }));
    assert!(refused.to_string().contains("October 1, 2019"), "{refused}");
    let named_on = |date: &str| {
        let line = OrderLine {
            offer_id: BUSINESS_STANDARD.into(),
            quantity: 3,
        };
        let (_, subscriptions) = dashboard(date)
            .ops()
            .create_order(CONTOSO, vec![line])
            .unwrap();
        subscriptions[0].offer_name.clone()
    };
    assert_eq!(named_on("2020-04-20"), "Office 365 Business Premium");
    assert_eq!(named_on("2020-04-21"), "Microsoft 365 Business Standard");
}

#[test]
fn a_confirmation_recorded_after_the_business_date_does_not_open_the_gate_yet() {
    // Contoso's Customer Agreement was recorded on October 15, 2019: on the 14th it does not
    // exist yet, so Azure plan cannot be ordered.
    assert!(refused_by_gate(
        dashboard("2019-10-14").order(CONTOSO, AZURE_PLAN, 1)
    ));
    assert_eq!(
        dashboard("2019-10-15").order(CONTOSO, AZURE_PLAN, 1),
        Ok(())
    );
}

#[test]
fn a_customer_created_after_the_business_date_does_not_exist_yet() {
    let fourth_coffee = assets::demo_snapshot()
        .customers
        .into_iter()
        .find(|c| c.company_name == "Lucerne Publishing")
        .unwrap();
    let e3 = "8BBCEA40-9A69-42FA-ABDC-DC6C5F8C6F72";
    let refused = dashboard("2020-03-15").order(&fourth_coffee.id, e3, 1);
    assert!(
        matches!(
            refused,
            Err(ServiceError::Store(StoreError::UnknownCustomer { .. }))
        ),
        "{refused:?}"
    );
    assert_eq!(
        dashboard("2020-03-16").order(&fourth_coffee.id, e3, 1),
        Ok(())
    );
}

#[test]
fn an_import_records_the_customer_agreement_of_the_person_who_accepted_the_cloud_agreement() {
    // Nowak Systemy's Cloud Agreement was accepted by Łukasz Nowak on August 7, 2018.
    let nowak = "b8925761-d4c8-4bf0-a3f9-0fb0bd112528";
    let mut w = dashboard("2019-12-02");
    let cloud = w.book_confirmations(nowak)[0].clone();
    let mut customer_agreement = cloud.clone();
    customer_agreement.agreement_type = AgreementKind::CustomerAgreement.type_name().into();
    customer_agreement.template_id = AgreementKind::CustomerAgreement.template_id().into();
    customer_agreement.date_agreed = "2019-12-02".parse().unwrap();
    let mut same_cloud_again = cloud.clone();
    same_cloud_again.date_agreed = "2019-12-02".parse().unwrap();
    let written = w
        .ops()
        .record_decided(vec![customer_agreement, same_cloud_again])
        .unwrap();
    assert_eq!(written, [true, false]);
}

impl World {
    fn book_confirmations(&mut self, customer: &str) -> Vec<Confirmation> {
        self.ops().load(customer).unwrap();
        self.book.confirmations(customer).to_vec()
    }
}

#[test]
fn no_one_accepted_the_customer_agreement_before_it_existed() {
    let mut w = dashboard("2019-12-15");
    let mut acceptance = AcceptanceDraft {
        first_name: "Diego".into(),
        last_name: "Siciliani".into(),
        email: "diego@northwindtraders.com".into(),
        phone: String::new(),
        date: "2019-09-30".into(),
    }
    .validate(w.actor.business_date)
    .unwrap();
    acceptance.agreement = AgreementKind::CustomerAgreement;
    let refused = w
        .ops()
        .confirm(NORTHWIND, acceptance.clone(), Channel::Command)
        .unwrap_err();
    assert!(matches!(
        refused,
        ServiceError::AcceptedBeforeTheAgreement { .. }
    ));
    assert!(
        refused.to_string().contains("on or after 2019-10-01"),
        "{refused}"
    );
    acceptance.date_agreed = "2019-10-01".parse().unwrap();
    assert!(w
        .ops()
        .confirm(NORTHWIND, acceptance, Channel::Command)
        .is_ok());
}

const CONTOSO_E3: &str = "75619fe3-9809-41cf-b6b6-40f5c3c3f4f0"; // 250 seats since 2018-06-04

impl World {
    /// The same store on another business date, for the same agent through the same face.
    fn on(self, date: &str) -> World {
        let business_date = date.parse().unwrap();
        World {
            book: Book::on(business_date),
            actor: Actor {
                business_date,
                ..self.actor
            },
            store: self.store,
        }
    }

    /// Contoso's E3 as this world's business date sees it.
    fn e3(&mut self) -> Subscription {
        self.ops().load(CONTOSO).unwrap();
        self.book.subscription(CONTOSO, CONTOSO_E3).unwrap().clone()
    }
}

#[test]
fn a_seat_change_counts_from_the_business_date_it_was_made_on() {
    let mut w = dashboard("2021-03-01");
    let changed = w.ops().change_seats(CONTOSO, CONTOSO_E3, 300).unwrap();
    assert_eq!(changed.quantity, Some(300));
    assert_eq!(w.e3().quantity, Some(300));

    // The day before, the subscription still had its 250 seats, in every read.
    let mut before = w.on("2021-02-28");
    assert_eq!(before.e3().quantity, Some(250));
    let stored = before.store.dossier(CONTOSO).unwrap().unwrap();
    assert_eq!(stored.changed_on(), "2021-03-01".parse().unwrap());
    let then = stored.clone().as_of("2021-02-28".parse().unwrap()).unwrap();
    let e3 = |dossier: &crate::store::Dossier| {
        let found = dossier.subscriptions.iter().find(|s| s.id == CONTOSO_E3);
        found.unwrap().quantity
    };
    assert_eq!((e3(&stored), e3(&then)), (Some(300), Some(250)));
    // A book of the whole store, moved back to that day, reads it again as it was.
    let mut book = Book::from_snapshot(before.store.load().unwrap());
    assert_eq!(
        book.subscription(CONTOSO, CONTOSO_E3).unwrap().quantity,
        Some(300)
    );
    book.set_as_of("2021-02-28".parse().unwrap());
    assert_eq!(
        book.subscription(CONTOSO, CONTOSO_E3).unwrap().quantity,
        Some(250)
    );
    // The list row is worked out again for that day, from the records of that day.
    let row = stored.listed();
    assert_eq!(row.changed_on, Some("2021-03-01".parse().unwrap()));
    let day_before = crate::store::row_on(&before.store, row, "2021-02-28".parse().unwrap());
    assert_eq!(day_before.unwrap(), Some(then.listed()));

    let mut after = before.on("2021-03-01");
    assert_eq!(after.e3().quantity, Some(300));
}

#[test]
fn a_change_made_at_an_earlier_business_date_holds_until_the_later_one() {
    let mut w = dashboard("2021-03-01");
    w.ops().change_seats(CONTOSO, CONTOSO_E3, 300).unwrap();
    let mut earlier = w.on("2021-02-15");
    assert_eq!(earlier.e3().quantity, Some(250));
    let changed = earlier
        .ops()
        .change_seats(CONTOSO, CONTOSO_E3, 270)
        .unwrap();
    assert_eq!(changed.quantity, Some(270), "answered as of its own day");
    let stored = earlier.store.dossier(CONTOSO).unwrap().unwrap();
    let e3 = stored
        .subscriptions
        .iter()
        .find(|s| s.id == CONTOSO_E3)
        .unwrap();
    assert_eq!(
        e3.quantity,
        Some(300),
        "the latest date's count stays current"
    );
    let on = |day: &str| e3.quantity_on(day.parse().unwrap());
    assert_eq!(
        [
            on("2021-02-14"),
            on("2021-02-15"),
            on("2021-02-28"),
            on("2021-03-01")
        ],
        [Some(250), Some(270), Some(270), Some(300)]
    );
    assert_eq!(
        crate::store::audit(&earlier.store).unwrap(),
        Vec::<String>::new()
    );
}

#[test]
fn auto_renew_turned_off_later_is_still_on_at_an_earlier_business_date() {
    let mut w = dashboard("2021-03-01");
    let changed = w.ops().set_auto_renew(CONTOSO, CONTOSO_E3, false).unwrap();
    assert!(!changed.auto_renew);
    let mut before = w.on("2021-02-28");
    assert!(before.e3().auto_renew);
    assert!(!before.on("2021-03-01").e3().auto_renew);
}
