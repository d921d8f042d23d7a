//! Writing a whole snapshot at once behaves like creating its records one by one.

use super::{assert_holds, fill_every_kind_of_record};
use crate::domain::agreement::Channel;
use crate::domain::cloud::Cloud;
use crate::domain::status::AgreementStatus;
use crate::store::test_data::*;
use crate::store::{Dossier, Listed, MemoryStore, Snapshot, Store, StoreError};

pub fn a_written_snapshot_reads_back_after_earlier_records_and_before_later_ones(
    store: &dyn Store,
) {
    let earlier = customer_in("c-earlier", "zulu", Cloud::Public);
    store.create_customer(&earlier, None).unwrap();
    let snapshot = fill_every_kind_of_record(&MemoryStore::default());
    store.write_snapshot(&snapshot).unwrap();
    let later = customer_in("c-later", "alpha", Cloud::Public);
    let its_confirmation = confirmation(&later.id, "2018-11-01T08:00:00Z", Channel::Import);
    store
        .create_customer(&later, Some(&its_confirmation))
        .unwrap();

    let mut expected = snapshot.clone();
    expected.customers.insert(0, earlier);
    expected.customers.push(later);
    expected.confirmations.push(its_confirmation);
    assert_holds(store, &expected);
    // The snapshot's domains are taken like those of customers created one by one.
    let mut again = customer_in("c-again", "again", Cloud::Public);
    again.domain = snapshot.customers[1].domain.clone();
    assert!(matches!(
        store.create_customer(&again, None),
        Err(StoreError::DomainTaken { .. })
    ));
}

pub fn a_snapshot_breaking_a_rule_is_refused_whole(store: &dyn Store) {
    store
        .create_customer(&korean_customer("c-1"), None)
        .unwrap();
    let before = store.load().unwrap();
    let fresh = customer_in("c-2", "fresh", Cloud::Public);
    let mut twin = customer_in("c-3", "twin", Cloud::Public);
    twin.domain = "FRESH.onmicrosoft.com".to_string();
    let mut hanbit_domain = customer_in("c-4", "x", Cloud::Public);
    hanbit_domain.domain = "hanbitlogistics.onmicrosoft.com".to_string();
    let first = order("o-1", "c-2");
    let with = |customers: Vec<_>, confirmations, subscriptions| Snapshot {
        partner_name: Some("Not written".into()),
        customers,
        confirmations,
        orders: vec![first.clone()],
        subscriptions,
    };
    let cases = [
        (
            with(
                vec![fresh.clone(), customer_in("c-1", "other", Cloud::Public)],
                vec![],
                vec![],
            ),
            StoreError::IdTaken { id: "c-1".into() },
        ),
        (
            with(vec![fresh.clone(), twin], vec![], vec![]),
            StoreError::DomainTaken {
                domain: "FRESH.onmicrosoft.com".into(),
            },
        ),
        (
            with(vec![fresh.clone(), hanbit_domain], vec![], vec![]),
            StoreError::DomainTaken {
                domain: "hanbitlogistics.onmicrosoft.com".into(),
            },
        ),
        (
            with(
                vec![fresh.clone()],
                vec![confirmation(
                    "nobody",
                    "2018-09-20T10:00:00Z",
                    Channel::Import,
                )],
                vec![],
            ),
            StoreError::UnknownCustomer {
                id: "nobody".into(),
            },
        ),
        (
            with(
                vec![fresh.clone()],
                vec![],
                vec![
                    seat_subscription("s-1", &first, 1),
                    usage_subscription("s-1", &first),
                ],
            ),
            StoreError::IdTaken { id: "s-1".into() },
        ),
    ];
    for (snapshot, refusal) in cases {
        assert_eq!(store.write_snapshot(&snapshot), Err(refusal));
        assert_eq!(store.load().unwrap(), before);
    }
    // Records added to a stored customer take IDs it does not use yet, as an order on its own.
    let stored = seat_order("o-9", "c-1");
    store
        .create_order(&stored, &[seat_subscription("s-9", &stored, 2)])
        .unwrap();
    let before = store.load().unwrap();
    let again = Snapshot {
        orders: vec![stored.clone()],
        subscriptions: vec![seat_subscription("s-10", &stored, 3)],
        ..Snapshot::default()
    };
    assert_eq!(
        store.write_snapshot(&again),
        Err(StoreError::IdTaken { id: "o-9".into() })
    );
    assert_eq!(store.load().unwrap(), before);
}

/// The list as the store's records say it should be: every customer's row in list order, and
/// the backlog's rows alone.
fn expected_lists(store: &dyn Store) -> (Vec<Listed>, Vec<Listed>) {
    let mut rows: Vec<Listed> = store
        .load()
        .unwrap()
        .into_dossiers()
        .iter()
        .map(Dossier::listed)
        .collect();
    rows.sort_by_key(Listed::key);
    let backlog = rows
        .iter()
        .filter(|row| row.status_on(chrono::NaiveDate::MAX) == AgreementStatus::NotConfirmed)
        .cloned()
        .collect();
    (rows, backlog)
}

fn assert_lists_follow_the_records(store: &dyn Store) {
    let listed: Vec<Listed> = store.listing().unwrap().map(Result::unwrap).collect();
    let backlog: Vec<Listed> = store
        .unconfirmed_listing(chrono::NaiveDate::MAX)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!((listed, backlog), expected_lists(store));
}

/// More customers than a page of the list holds, filled in one go; every third one confirmed.
pub fn a_filled_store_lists_its_customers_and_follows_later_writes(store: &dyn Store) {
    let dossiers: Vec<Dossier> = (0..300)
        .map(|n| {
            let id = format!("f-{n:03}");
            let mut dossier = Dossier::new(customer_in(&id, &format!("fill{n:03}"), Cloud::Public));
            if n % 3 == 0 {
                let confirmed = confirmation(&id, "2018-09-14T09:30:00Z", Channel::Import);
                dossier.confirmations.push(confirmed);
            }
            dossier
        })
        .collect();
    let mut chunks = dossiers.chunks(70).map(<[Dossier]>::to_vec);
    assert_eq!(store.fill(None, &mut chunks, &mut |_| {}).unwrap(), 300);
    assert_lists_follow_the_records(store);

    // A row leaves the backlog, another changes in place, and a new customer joins both lists.
    let moved = confirmation("f-001", "2018-09-15T09:30:00Z", Channel::Account);
    store.add_confirmation(&moved).unwrap();
    let order = seat_order("o-f", "f-003");
    let seats = seat_subscription("s-f", &order, 5);
    store.create_order(&order, &[seats]).unwrap();
    let newcomer = customer_in("f-new", "fill150a", Cloud::Public);
    store.create_customer(&newcomer, None).unwrap();
    let confirmed = [confirmation(
        "f-002",
        "2018-09-16T09:30:00Z",
        Channel::Import,
    )];
    store.add_confirmations(&confirmed).unwrap();
    assert_lists_follow_the_records(store);
    // The last day the Microsoft Cloud Agreement counts: every confirmation here does.
    let backlog: Vec<String> = store
        .unconfirmed_listing(crate::domain::timeline::CLOUD_AGREEMENT_VALID_UNTIL)
        .unwrap()
        .map(|row| row.unwrap().id)
        .collect();
    assert!(!backlog.contains(&"f-001".to_string()) && !backlog.contains(&"f-002".to_string()));
    assert!(backlog.contains(&"f-new".to_string()));
    assert_eq!(store.customer_count().unwrap(), 301);
}
