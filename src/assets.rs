//! Data built into the binary: the offer catalog and the contents of the demo store.

use crate::domain::agreement::Confirmation;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::customer::Customer;
use crate::store::Snapshot;
use serde::de::DeserializeOwned;
use serde::Deserialize;

const DEMO_JSON: &str = include_str!("../assets/demo.json");

pub use crate::domain::catalog::{offer, offers};

/// The store contents a new demo store starts with.
pub fn demo_snapshot() -> Snapshot {
    let demo: DemoFile = parse_embedded("demo.json", DEMO_JSON);
    Snapshot {
        partner_name: Some(demo.partner_name),
        customers: demo.customers,
        confirmations: demo.confirmations,
        orders: demo.orders,
        subscriptions: demo.subscriptions,
    }
    .in_store_order()
}

/// The layout of `assets/demo.json`.
#[derive(Deserialize)]
struct DemoFile {
    partner_name: String,
    customers: Vec<Customer>,
    confirmations: Vec<Confirmation>,
    orders: Vec<Order>,
    subscriptions: Vec<Subscription>,
}

fn parse_embedded<T: DeserializeOwned>(file: &str, text: &str) -> T {
    serde_json::from_str(text)
        .unwrap_or_else(|error| panic!("the built-in assets/{file} is not valid: {error}"))
}

#[cfg(test)]
mod offer_tests {
    use super::*;
    use crate::domain::commerce::Billing;
    use std::collections::HashSet;

    #[test]
    fn the_catalog_parses_and_has_both_kinds_of_billing() {
        assert!(offers().len() >= 8);
        assert!(offers().iter().any(|o| o.billing == Billing::UsageBased));
        assert!(offers().iter().any(|o| o.billing == Billing::SeatBased));
    }

    #[test]
    fn the_catalog_holds_the_usual_seat_based_offers() {
        for name in [
            "Microsoft 365 E3",
            "Microsoft 365 E5",
            "Microsoft 365 Business Basic",
            "Microsoft 365 Business Standard",
            "Microsoft 365 Business Premium",
            "Exchange Online (Plan 1)",
            "Office 365 E1",
            "Dynamics 365 Sales Professional",
            "Power BI Pro",
            "Visio Plan 2",
        ] {
            let found = offers().iter().find(|o| o.name == name);
            assert_eq!(found.map(|o| o.billing), Some(Billing::SeatBased), "{name}");
        }
        let azure = offers().iter().find(|o| o.name == "Azure plan");
        assert_eq!(azure.map(|o| o.billing), Some(Billing::UsageBased));
    }

    #[test]
    fn only_seat_based_offers_have_a_seat_maximum() {
        for offer in offers() {
            match offer.billing {
                Billing::SeatBased => {
                    assert!(offer.max_seats.is_some_and(|m| m > 0), "{}", offer.name)
                }
                Billing::UsageBased => assert_eq!(offer.max_seats, None, "{}", offer.name),
            }
        }
    }

    #[test]
    fn offer_ids_are_unique_upper_case_guids() {
        let ids: HashSet<_> = offers().iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids.len(), offers().len());
        for id in ids {
            let groups: Vec<_> = id.split('-').map(str::len).collect();
            assert_eq!(groups, vec![8, 4, 4, 4, 12], "{id}");
            assert!(
                id.chars()
                    .all(|c| c == '-' || c.is_ascii_digit() || c.is_ascii_uppercase()),
                "{id}"
            );
        }
    }

    #[test]
    fn offers_are_found_by_id_in_any_case() {
        let e3 = offers()
            .iter()
            .find(|o| o.name == "Microsoft 365 E3")
            .unwrap();
        assert_eq!(offer(&e3.id), Some(e3));
        assert_eq!(offer(&e3.id.to_lowercase()), Some(e3));
        assert_eq!(offer("00000000-0000-0000-0000-000000000000"), None);
        assert_eq!(offer(""), None);
    }
}

#[cfg(test)]
mod demo_tests {
    use super::*;
    use crate::domain::agreement::Contact;
    use crate::domain::cloud::Cloud;
    use crate::domain::commerce::{check_line, Billing};
    use crate::domain::country;
    use crate::domain::customer::{domain_from_prefix, DOMAIN_SUFFIX};
    use std::collections::HashSet;

    fn demo() -> Snapshot {
        demo_snapshot()
    }

    fn customer<'a>(demo: &'a Snapshot, id: &str) -> &'a Customer {
        demo.customers
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("no customer {id}"))
    }

    fn is_confirmed(demo: &Snapshot, customer: &Customer) -> bool {
        demo.confirmations
            .iter()
            .any(|c| c.customer_id == customer.id)
    }

    fn is_hangul(c: char) -> bool {
        ('\u{AC00}'..='\u{D7A3}').contains(&c)
    }

    /// A Latin letter with a diacritic, such as é, ø or Ł.
    fn is_accented_latin(c: char) -> bool {
        c.is_alphabetic() && ('\u{00C0}'..='\u{024F}').contains(&c)
    }

    fn people(demo: &Snapshot) -> Vec<&Contact> {
        let contacts = demo.customers.iter().map(|c| &c.primary_contact);
        let acceptors = demo.confirmations.iter().map(|c| &c.accepted_by);
        contacts.chain(acceptors).collect()
    }

    #[test]
    fn the_demo_has_a_partner_name_and_about_thirty_customers() {
        let demo = demo();
        assert_eq!(demo.partner_name.as_deref(), Some("Fabrikam CSP Partners"));
        assert!(
            (25..=35).contains(&demo.customers.len()),
            "{}",
            demo.customers.len()
        );
    }

    #[test]
    fn customer_ids_and_domains_are_unique_and_well_formed() {
        let demo = demo();
        let ids: HashSet<_> = demo.customers.iter().map(|c| &c.id).collect();
        let domains: HashSet<_> = demo.customers.iter().map(|c| &c.domain).collect();
        assert_eq!(ids.len(), demo.customers.len());
        assert_eq!(domains.len(), demo.customers.len());
        for c in &demo.customers {
            let prefix = c.domain.strip_suffix(DOMAIN_SUFFIX).expect(&c.domain);
            assert_eq!(domain_from_prefix(prefix).as_ref(), Ok(&c.domain));
            assert_eq!(c.id.len(), 36, "{}", c.id);
            assert_eq!(c.id, c.id.to_lowercase());
        }
    }

    #[test]
    fn customers_are_in_creation_order_and_each_ones_confirmations_in_recording_order() {
        let demo = demo();
        assert!(demo
            .customers
            .windows(2)
            .all(|w| w[0].created_at <= w[1].created_at));
        for customer in &demo.customers {
            let recorded: Vec<_> = demo
                .confirmations
                .iter()
                .filter(|c| c.customer_id == customer.id)
                .map(|c| c.recorded_at)
                .collect();
            assert!(recorded.windows(2).all(|w| w[0] <= w[1]), "{}", customer.id);
        }
    }

    #[test]
    fn every_record_of_the_demo_could_exist_on_its_own_date() {
        // The demo spans the eras; each record is one Partner Center could have made that day,
        // and the business date hides those made later (see `Dossier::as_of`).
        let demo = demo();
        for c in &demo.confirmations {
            let kind = c.kind().expect("a known agreement");
            assert!(
                crate::domain::timeline::confirmable(kind, c.recorded_at.date_naive()),
                "{kind:?} recorded on {}",
                c.recorded_at
            );
        }
        for s in &demo.subscriptions {
            let day = s.created_at.date_naive();
            let offer = offer(&s.offer_id).expect(&s.offer_id);
            assert!(offer.sold_on(day), "{} on {day}", offer.name);
            assert_eq!(s.offer_name, offer.name_on(day), "{}", s.id);
        }
        let first_eras = ["2018-08-06", "2018-11-06", "2019-09-30", "2020-01-31"];
        let later = |day: &str| {
            let day: chrono::NaiveDate = day.parse().unwrap();
            demo.customers
                .iter()
                .any(|c| c.created_at.date_naive() > day)
        };
        assert!(
            first_eras.iter().all(|day| later(day)),
            "customers come in every era"
        );
    }

    #[test]
    fn every_address_is_in_a_known_country() {
        for c in &demo().customers {
            assert!(
                country::name(&c.address.country).is_some(),
                "{}",
                c.company_name
            );
        }
    }

    #[test]
    fn every_person_passes_the_form_checks() {
        let demo = demo();
        for person in people(&demo) {
            assert_eq!(
                person.problems(),
                Vec::<crate::domain::record_problem::RecordProblem>::new(),
                "{}",
                person.full_name()
            );
        }
    }

    #[test]
    fn every_confirmation_is_a_valid_mca_confirmation_of_a_known_customer() {
        let demo = demo();
        for c in &demo.confirmations {
            let customer = customer(&demo, &c.customer_id);
            assert!(
                c.date_agreed <= c.recorded_at.date_naive(),
                "{}",
                customer.company_name
            );
            assert!(
                c.recorded_at >= customer.created_at,
                "{}",
                customer.company_name
            );
            let kind = c.kind().expect("a known agreement");
            assert_eq!(c.agreement_type, kind.type_name());
        }
    }

    #[test]
    fn national_cloud_customers_exist_and_have_no_confirmation() {
        let demo = demo();
        let national: Vec<_> = demo
            .customers
            .iter()
            .filter(|c| c.cloud != Cloud::Public)
            .collect();
        assert!(!national.is_empty());
        for c in national {
            assert!(!is_confirmed(&demo, c), "{}", c.company_name);
        }
    }

    #[test]
    fn public_customers_are_a_mix_of_confirmed_and_unconfirmed() {
        let demo = demo();
        let public = demo.customers.iter().filter(|c| c.cloud == Cloud::Public);
        let (confirmed, unconfirmed): (Vec<_>, Vec<_>) =
            public.partition(|c| is_confirmed(&demo, c));
        assert!(!confirmed.is_empty());
        assert!(!unconfirmed.is_empty());
    }

    #[test]
    fn names_include_korean_and_accented_ones() {
        let demo = demo();
        let mut texts: Vec<&str> = demo
            .customers
            .iter()
            .map(|c| c.company_name.as_str())
            .collect();
        texts.extend(demo.customers.iter().map(|c| c.address.city.as_str()));
        for person in people(&demo) {
            texts.extend([person.first_name.as_str(), person.last_name.as_str()]);
        }
        let count = |test: fn(char) -> bool| texts.iter().filter(|t| t.chars().any(test)).count();
        assert!(count(is_hangul) >= 3, "Korean names");
        assert!(count(is_accented_latin) >= 5, "accented names");
    }

    #[test]
    fn every_subscription_belongs_to_its_order_and_matches_its_offer() {
        let demo = demo();
        for s in &demo.subscriptions {
            let order = demo
                .orders
                .iter()
                .find(|o| o.id == s.order_id)
                .expect(&s.order_id);
            assert_eq!(order.customer_id, s.customer_id, "{}", s.id);
            assert!(
                demo.customers.iter().any(|c| c.id == s.customer_id),
                "{}",
                s.id
            );
            let offer = offer(&s.offer_id).expect(&s.offer_id);
            assert_eq!(s.offer_name, offer.name_on(s.created_at.date_naive()));
            assert_eq!(s.billing, offer.billing, "{}", s.id);
            match s.billing {
                Billing::SeatBased => {
                    let seats = s.quantity.expect(&s.id);
                    assert_eq!(offer.check_seats(seats), Ok(seats), "{}", s.id);
                }
                Billing::UsageBased => assert_eq!(s.quantity, None, "{}", s.id),
            }
        }
    }

    #[test]
    fn every_order_line_has_its_subscription() {
        let demo = demo();
        let ids: HashSet<_> = demo.orders.iter().map(|o| &o.id).collect();
        assert_eq!(ids.len(), demo.orders.len());
        for order in &demo.orders {
            let customer = customer(&demo, &order.customer_id);
            assert!(order.created_at >= customer.created_at, "{}", order.id);
            let mut ordered: Vec<_> = order
                .lines
                .iter()
                .map(|line| {
                    let offer = offer(&line.offer_id).expect(&line.offer_id);
                    assert_eq!(check_line(offer, line.quantity), Ok(line.quantity));
                    (line.offer_id.as_str(), line.quantity)
                })
                .collect();
            let mut subscribed: Vec<_> = demo
                .subscriptions
                .iter()
                .filter(|s| s.order_id == order.id)
                .map(|s| (s.offer_id.as_str(), s.quantity.unwrap_or(1)))
                .collect();
            ordered.sort();
            subscribed.sort();
            assert_eq!(ordered, subscribed, "order {}", order.id);
        }
    }

    #[test]
    fn each_customer_has_at_most_four_subscriptions() {
        let demo = demo();
        for c in &demo.customers {
            let count = demo
                .subscriptions
                .iter()
                .filter(|s| s.customer_id == c.id)
                .count();
            assert!(count <= 4, "{}", c.company_name);
        }
    }
}
