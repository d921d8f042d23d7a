use super::data::{Generator, FIRST_CONFIRMATION};
use crate::assets;
use crate::domain::agreement::Contact;
use crate::domain::cloud::Cloud;
use crate::domain::commerce::{check_line, Billing};
use crate::domain::customer::{domain_from_prefix, COMPANY_NAME_MAX, DOMAIN_SUFFIX};
use crate::domain::{country, fields};
use crate::store::Snapshot;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn generate(seed: u64, today: &str, count: usize) -> Snapshot {
    Generator::new(seed, day(today), count).chunk(count)
}

fn sample() -> Snapshot {
    generate(7, "2024-05-01", 4_000)
}

fn assert_valid_person(person: &Contact) {
    assert_eq!(
        person.problems(),
        Vec::<crate::domain::record_problem::RecordProblem>::new(),
        "{}",
        person.full_name()
    );
}

#[test]
fn the_same_seed_gives_the_same_records_and_another_seed_other_ones() {
    assert_eq!(
        generate(7, "2024-05-01", 300),
        generate(7, "2024-05-01", 300)
    );
    assert_ne!(
        generate(7, "2024-05-01", 300),
        generate(8, "2024-05-01", 300)
    );
}

#[test]
fn the_size_of_the_chunks_does_not_change_the_records() {
    let whole = generate(3, "2024-05-01", 500);
    let mut generator = Generator::new(3, day("2024-05-01"), 500);
    let mut joined = Snapshot::default();
    while generator.remaining() > 0 {
        let mut chunk = generator.chunk(120);
        joined.customers.append(&mut chunk.customers);
        joined.confirmations.append(&mut chunk.confirmations);
        joined.orders.append(&mut chunk.orders);
        joined.subscriptions.append(&mut chunk.subscriptions);
    }
    assert_eq!(joined, whole);
    assert!(generator.chunk(10).customers.is_empty());
}

#[test]
fn every_customer_and_person_passes_the_form_checks() {
    let data = sample();
    assert_eq!(data.customers.len(), 4_000);
    for c in &data.customers {
        let prefix = c.domain.strip_suffix(DOMAIN_SUFFIX).expect(&c.domain);
        assert_eq!(domain_from_prefix(prefix).as_ref(), Ok(&c.domain));
        let name = fields::required_text("Company name", &c.company_name, COMPANY_NAME_MAX);
        assert_eq!(name.as_ref(), Ok(&c.company_name));
        assert!(
            country::name(&c.address.country).is_some(),
            "{}",
            c.address.country
        );
        for text in [
            &c.address.line1,
            &c.address.city,
            &c.address.state,
            &c.address.postal_code,
        ] {
            assert!(
                fields::required_text("Address", text, 100).is_ok(),
                "{text}"
            );
        }
        assert_valid_person(&c.primary_contact);
    }
    for confirmation in &data.confirmations {
        assert_valid_person(&confirmation.accepted_by);
    }
}

#[test]
fn ids_and_domains_are_unique_guids() {
    let data = sample();
    let mut ids = HashSet::new();
    let all_ids = data.customers.iter().map(|c| &c.id);
    let all_ids = all_ids.chain(data.orders.iter().map(|o| &o.id));
    for id in all_ids.chain(data.subscriptions.iter().map(|s| &s.id)) {
        assert!(ids.insert(id.clone()), "{id} twice");
        let groups: Vec<_> = id.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12], "{id}");
    }
    let domains: HashSet<_> = data.customers.iter().map(|c| &c.domain).collect();
    assert_eq!(domains.len(), data.customers.len());
}

#[test]
fn no_date_is_after_the_business_date_and_confirmations_follow_creation() {
    for today in ["2024-05-01", "2018-09-01"] {
        let today = day(today);
        let data = Generator::new(11, today, 2_000).chunk(2_000);
        let created: HashMap<_, _> = data
            .customers
            .iter()
            .map(|c| (&c.id, c.created_at))
            .collect();
        assert!(data
            .customers
            .windows(2)
            .all(|w| w[0].created_at <= w[1].created_at));
        assert!(data
            .customers
            .iter()
            .all(|c| c.created_at.date_naive() <= today));
        for c in &data.confirmations {
            assert!(c.date_agreed <= today, "{c:?}");
            assert!(c.date_agreed >= FIRST_CONFIRMATION.min(today), "{c:?}");
            assert!(c.date_agreed <= c.recorded_at.date_naive(), "{c:?}");
            assert!(c.recorded_at.date_naive() <= today, "{c:?}");
            assert!(c.recorded_at >= created[&c.customer_id], "{c:?}");
        }
        for o in &data.orders {
            assert!(o.created_at.date_naive() <= today, "{o:?}");
            assert!(o.created_at >= created[&o.customer_id], "{o:?}");
        }
    }
}

#[test]
fn about_seventy_percent_of_public_customers_are_confirmed_some_more_than_once() {
    let data = sample();
    let mut per_customer: HashMap<&str, usize> = HashMap::new();
    for c in &data.confirmations {
        *per_customer.entry(&c.customer_id).or_default() += 1;
    }
    let public = data.customers.iter().filter(|c| c.cloud == Cloud::Public);
    let public = public.count();
    let share = per_customer.len() as f64 / public as f64;
    assert!((0.65..=0.75).contains(&share), "{share}");
    assert!(per_customer.values().all(|n| (1..=3).contains(n)));
    assert!(per_customer.values().filter(|n| **n > 1).count() > 100);
    let channels: HashSet<_> = data
        .confirmations
        .iter()
        .map(|c| c.channel.label())
        .collect();
    assert!(channels.len() >= 3, "{channels:?}");
}

#[test]
fn a_few_customers_are_in_national_clouds_without_a_confirmation() {
    let data = sample();
    let confirmed: HashSet<_> = data.confirmations.iter().map(|c| &c.customer_id).collect();
    let national: Vec<_> = data
        .customers
        .iter()
        .filter(|c| c.cloud != Cloud::Public)
        .collect();
    assert!((10..=80).contains(&national.len()), "{}", national.len());
    assert!(national.iter().all(|c| !confirmed.contains(&c.id)));
    let clouds: HashSet<_> = national.iter().map(|c| c.cloud.label()).collect();
    assert_eq!(clouds.len(), 3, "{clouds:?}");
}

#[test]
fn subscriptions_match_their_offers_and_orders() {
    let data = sample();
    let mut per_customer: HashMap<&str, (usize, usize)> = HashMap::new();
    for s in &data.subscriptions {
        let offer = assets::offer(&s.offer_id).expect(&s.offer_id);
        let day = s.created_at.date_naive();
        assert!(offer.sold_on(day), "{} on {day}", offer.name);
        assert_eq!(
            (s.billing, s.offer_name.as_str()),
            (offer.billing, offer.name_on(day))
        );
        match s.billing {
            Billing::SeatBased => {
                let seats = s.quantity.expect(&s.id);
                assert_eq!(offer.check_seats(seats), Ok(seats), "{}", s.id);
            }
            Billing::UsageBased => assert_eq!(s.quantity, None, "{}", s.id),
        }
        per_customer.entry(&s.customer_id).or_default().0 += 1;
    }
    for order in &data.orders {
        let mut lines: Vec<_> = order
            .lines
            .iter()
            .map(|l| (l.offer_id.as_str(), l.quantity))
            .collect();
        for line in &order.lines {
            let offer = assets::offer(&line.offer_id).expect(&line.offer_id);
            assert_eq!(check_line(offer, line.quantity), Ok(line.quantity));
        }
        let subscriptions = data.subscriptions.iter().filter(|s| s.order_id == order.id);
        let mut subscribed: Vec<_> = subscriptions
            .inspect(|s| assert_eq!(s.customer_id, order.customer_id))
            .map(|s| (s.offer_id.as_str(), s.quantity.unwrap_or(1)))
            .collect();
        lines.sort();
        subscribed.sort();
        assert_eq!(lines, subscribed, "{}", order.id);
        per_customer.entry(&order.customer_id).or_default().1 += 1;
    }
    assert!(per_customer
        .values()
        .all(|(s, o)| (1..=4).contains(s) && (1..=2).contains(o)));
    assert!(per_customer.values().any(|(_, orders)| *orders == 2));
    assert!(per_customer.len() < data.customers.len(), "some have none");
}

#[test]
fn names_come_from_many_languages() {
    let data = sample();
    let names: Vec<String> = data
        .customers
        .iter()
        .map(|c| format!("{} {}", c.company_name, c.primary_contact.full_name()))
        .collect();
    let has = |test: fn(char) -> bool| names.iter().filter(|n| n.chars().any(test)).count();
    assert!(
        has(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)) > 50,
        "Hangul"
    );
    assert!(
        has(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) > 50,
        "Chinese characters"
    );
    assert!(has(|c| "äöüß".contains(c)) > 50, "German");
    assert!(has(|c| "éèêç".contains(c)) > 50, "French");
    assert!(has(|c| "ñíóá".contains(c)) > 50, "Spanish");
    assert!(has(|c| "ễạảộưđ".contains(c)) > 20, "Vietnamese");
}

#[test]
fn the_tally_counts_what_was_made() {
    let mut generator = Generator::new(5, day("2024-05-01"), 1_000);
    let data = generator.chunk(1_000);
    let tally = generator.tally;
    let confirmed: HashSet<_> = data.confirmations.iter().map(|c| &c.customer_id).collect();
    assert_eq!(tally.customers, 1_000);
    assert_eq!(tally.confirmed, confirmed.len());
    assert_eq!(
        tally.confirmed + tally.not_confirmed + tally.national,
        1_000
    );
    assert_eq!(tally.subscriptions, data.subscriptions.len());
}

#[test]
fn a_list_that_cannot_be_saved_beside_the_store_is_said_in_the_callers_language() {
    use crate::diagnostics::Logged;
    use crate::domain::characters::quote_path;
    use crate::domain::role::Role;
    use crate::locale::Lang;
    use crate::service::Actor;
    use crate::store::{SledStore, Store};
    let dir = tempfile::tempdir().unwrap();
    let store = Logged(SledStore::open(&dir.path().join("store")).unwrap());
    // The store's first change removes the saved list's files; a directory then stands where
    // the list's partner name is saved.
    store.set_partner_name("Contoso").unwrap();
    std::fs::create_dir(store.path().join("customers.list.partner")).unwrap();
    let actor = Actor {
        agent: "Megan Bowen".into(),
        role: Role::AdminAgent,
        business_date: day("2024-05-01"),
        access: Default::default(),
    };
    let words = &Lang::English.words().commands;
    let error = super::generate(&store, &actor, None, 20, 7, words, &mut Vec::new()).unwrap_err();
    assert_eq!(error.exit, crate::api::error::exit::STORE);
    let path = quote_path(store.path());
    let system = std::io::Error::from_raw_os_error(21).to_string();
    assert_eq!(
        error.description,
        format!("The pcenter store at {path} could not be used (the list could not be saved beside the store ({system})). Check that the path is a directory you may write to, or choose another --data-dir.")
    );
    let korean = error.in_language(Lang::Korean);
    assert_eq!(
        korean.description,
        format!("{path}의 pcenter 저장소를 사용할 수 없습니다(고객 목록을 저장소 옆에 저장할 수 없습니다(파일이 아니라 디렉터리입니다)). 쓸 수 있는 디렉터리인지 확인하거나 다른 --data-dir을 선택하십시오.")
    );
    assert_eq!(korean.exit, crate::api::error::exit::STORE);
    assert_eq!(
        store.customer_count().unwrap(),
        20,
        "the customers are kept"
    );
}
