//! What every store must do, written once and run against each implementation.

use super::test_data::*;
use super::{Snapshot, Store, StoreError};
use crate::domain::agreement::Channel;
use crate::domain::cloud::Cloud;
use std::collections::HashSet;

mod bulk;
use bulk::*;

/// Writes one record of every kind (and then changes a subscription), returning what the store
/// should now hold.
pub fn fill_every_kind_of_record(store: &dyn Store) -> Snapshot {
    let hanbit = korean_customer(&store.new_id().unwrap());
    let first_confirmation = confirmation(&hanbit.id, "2018-09-14T09:30:00Z", Channel::NewCustomer);
    let contoso = customer_in(&store.new_id().unwrap(), "contosogermany", Cloud::Germany);
    let later_confirmation = confirmation(&hanbit.id, "2018-10-02T16:45:00Z", Channel::Account);
    let order = order(&store.new_id().unwrap(), &hanbit.id);
    let mut seats = seat_subscription(&store.new_id().unwrap(), &order, 25);
    let usage = usage_subscription(&store.new_id().unwrap(), &order);

    store.set_partner_name("Contoso Partner 파트너").unwrap();
    store
        .create_customer(&hanbit, Some(&first_confirmation))
        .unwrap();
    store.create_customer(&contoso, None).unwrap();
    store.add_confirmation(&later_confirmation).unwrap();
    store
        .create_order(&order, &[seats.clone(), usage.clone()])
        .unwrap();
    seats.quantity = Some(40);
    store.update_subscription(&seats).unwrap();

    Snapshot {
        partner_name: Some("Contoso Partner 파트너".to_string()),
        customers: vec![hanbit, contoso],
        confirmations: vec![first_confirmation, later_confirmation],
        orders: vec![order],
        subscriptions: vec![seats, usage],
    }
}

/// Compares kind by kind first, so a failure names the kind that differs.
pub fn assert_holds(store: &dyn Store, expected: &Snapshot) {
    let loaded = store.load().unwrap();
    assert_eq!(loaded.partner_name, expected.partner_name);
    assert_eq!(loaded.customers, expected.customers);
    assert_eq!(loaded.confirmations, expected.confirmations);
    assert_eq!(loaded.orders, expected.orders);
    assert_eq!(loaded.subscriptions, expected.subscriptions);
    assert_eq!(&loaded, expected);
}

fn every_kind_of_record_reads_back_as_written(store: &dyn Store) {
    let expected = fill_every_kind_of_record(store);
    assert_holds(store, &expected);
}

fn a_new_store_is_empty_until_its_first_customer(store: &dyn Store) {
    assert!(store.is_empty().unwrap());
    assert_eq!(store.load().unwrap(), Snapshot::default());
    store.set_partner_name("Contoso").unwrap();
    assert!(store.is_empty().unwrap());
    store
        .create_customer(&korean_customer("c-1"), None)
        .unwrap();
    assert!(!store.is_empty().unwrap());
}

fn a_taken_domain_is_refused_and_nothing_is_written(store: &dyn Store) {
    let first = korean_customer("c-1");
    store.create_customer(&first, None).unwrap();
    let before = store.load().unwrap();

    let mut second = customer_in("c-2", "other", Cloud::Public);
    second.domain = "hanbitlogistics.onmicrosoft.com".to_string();
    let its_confirmation = confirmation("c-2", "2018-09-20T10:00:00Z", Channel::NewCustomer);
    let refusal = store
        .create_customer(&second, Some(&its_confirmation))
        .unwrap_err();

    assert_eq!(
        refusal,
        StoreError::DomainTaken {
            domain: second.domain.clone()
        }
    );
    assert_eq!(
        refusal.to_string(),
        "hanbitlogistics.onmicrosoft.com is already taken; choose another prefix."
    );
    assert_eq!(store.load().unwrap(), before);
    assert!(store.load().unwrap().confirmations.is_empty());
    // The refused customer was not stored under its ID either.
    assert_eq!(
        store.add_confirmation(&its_confirmation),
        Err(StoreError::UnknownCustomer { id: "c-2".into() })
    );
}

fn a_reused_customer_id_is_refused(store: &dyn Store) {
    store
        .create_customer(&korean_customer("c-1"), None)
        .unwrap();
    let again = customer_in("c-1", "elsewhere", Cloud::Public);
    assert_eq!(
        store.create_customer(&again, None),
        Err(StoreError::IdTaken { id: "c-1".into() })
    );
    assert_eq!(store.load().unwrap().customers.len(), 1);
}

fn a_confirmation_passed_with_a_new_customer_must_be_its_own(store: &dyn Store) {
    let stray = confirmation("someone-else", "2018-09-20T10:00:00Z", Channel::NewCustomer);
    assert_eq!(
        store.create_customer(&korean_customer("c-1"), Some(&stray)),
        Err(StoreError::UnknownCustomer {
            id: "someone-else".into()
        })
    );
    assert_eq!(store.load().unwrap(), Snapshot::default());
}

fn a_confirmation_for_an_unknown_customer_is_refused(store: &dyn Store) {
    let stray = confirmation("nobody", "2018-09-20T10:00:00Z", Channel::Command);
    assert_eq!(
        store.add_confirmation(&stray),
        Err(StoreError::UnknownCustomer {
            id: "nobody".into()
        })
    );
    assert!(store.load().unwrap().confirmations.is_empty());
}

fn confirmations_are_never_overwritten(store: &dyn Store) {
    store
        .create_customer(&korean_customer("c-1"), None)
        .unwrap();
    let newer = confirmation("c-1", "2018-10-02T00:00:00Z", Channel::Account);
    let older = confirmation("c-1", "2018-09-01T00:00:00Z", Channel::Import);
    // Recorded newest first: the store keeps recording order, and identical ones twice.
    for c in [&newer, &older, &newer] {
        store.add_confirmation(c).unwrap();
    }
    assert_eq!(
        store.load().unwrap().confirmations,
        vec![newer.clone(), older, newer]
    );
}

fn customers_orders_and_subscriptions_keep_creation_order(store: &dyn Store) {
    // Prefixes in reverse alphabetical order, so no key order but creation order fits.
    let prefixes = ["zeta", "mu", "alpha", "omega", "beta"];
    for (i, prefix) in prefixes.iter().enumerate() {
        let customer = customer_in(&format!("c-{i}"), prefix, Cloud::Public);
        store.create_customer(&customer, None).unwrap();
        let order = seat_order(&format!("o-{prefix}"), &customer.id);
        let subscription = seat_subscription(&format!("s-{prefix}"), &order, 1);
        store.create_order(&order, &[subscription]).unwrap();
    }
    let loaded = store.load().unwrap();
    let domains: Vec<_> = loaded.customers.iter().map(|c| c.domain.as_str()).collect();
    let expected: Vec<_> = prefixes
        .iter()
        .map(|p| format!("{p}.onmicrosoft.com"))
        .collect();
    assert_eq!(domains, expected);
    let order_ids: Vec<_> = loaded.orders.iter().map(|o| o.id.clone()).collect();
    assert_eq!(order_ids, prefixes.map(|p| format!("o-{p}")));
    let subscription_ids: Vec<_> = loaded.subscriptions.iter().map(|s| s.id.clone()).collect();
    assert_eq!(subscription_ids, prefixes.map(|p| format!("s-{p}")));
}

fn an_order_for_an_unknown_customer_writes_nothing(store: &dyn Store) {
    let order = seat_order("o-1", "nobody");
    let subscription = seat_subscription("s-1", &order, 5);
    assert_eq!(
        store.create_order(&order, &[subscription]),
        Err(StoreError::UnknownCustomer {
            id: "nobody".into()
        })
    );
    assert_eq!(store.load().unwrap(), Snapshot::default());
}

fn an_order_is_written_whole_or_not_at_all(store: &dyn Store) {
    let customer = korean_customer("c-1");
    store.create_customer(&customer, None).unwrap();
    let first = seat_order("o-1", &customer.id);
    store
        .create_order(&first, &[seat_subscription("s-1", &first, 5)])
        .unwrap();
    let before = store.load().unwrap();

    // The second order's first subscription is fine; its second reuses a stored ID.
    let second = order("o-2", &customer.id);
    let subscriptions = [
        usage_subscription("s-2", &second),
        seat_subscription("s-1", &second, 9),
    ];
    assert_eq!(
        store.create_order(&second, &subscriptions),
        Err(StoreError::IdTaken { id: "s-1".into() })
    );
    // Two subscriptions with one ID in the same order are refused the same way.
    let twins = [
        usage_subscription("s-3", &second),
        usage_subscription("s-3", &second),
    ];
    assert_eq!(
        store.create_order(&second, &twins),
        Err(StoreError::IdTaken { id: "s-3".into() })
    );
    assert_eq!(store.load().unwrap(), before);
}

fn updating_an_unknown_subscription_is_refused(store: &dyn Store) {
    let customer = korean_customer("c-1");
    store.create_customer(&customer, None).unwrap();
    let order = seat_order("o-1", &customer.id);
    let stray = seat_subscription("s-404", &order, 10);
    assert_eq!(
        store.update_subscription(&stray),
        Err(StoreError::UnknownSubscription { id: "s-404".into() })
    );
    assert!(store.load().unwrap().subscriptions.is_empty());
}

fn updating_a_subscription_replaces_it_in_place(store: &dyn Store) {
    let customer = korean_customer("c-1");
    store.create_customer(&customer, None).unwrap();
    let order = order("o-1", &customer.id);
    let (mut first, second) = (
        seat_subscription("s-1", &order, 5),
        usage_subscription("s-2", &order),
    );
    store
        .create_order(&order, &[first.clone(), second.clone()])
        .unwrap();
    first.quantity = Some(300);
    first.auto_renew = false;
    store.update_subscription(&first).unwrap();
    assert_eq!(store.load().unwrap().subscriptions, vec![first, second]);
}

fn ids_are_distinct_guids(store: &dyn Store) {
    let ids: Vec<String> = (0..1000).map(|_| store.new_id().unwrap()).collect();
    let distinct: HashSet<_> = ids.iter().collect();
    assert_eq!(distinct.len(), ids.len());
    for id in &ids {
        let lengths: Vec<_> = id.split('-').map(str::len).collect();
        assert_eq!(lengths, [8, 4, 4, 4, 12], "{id}");
    }
}

fn a_customer_is_read_whole_by_id_or_found_by_domain(store: &dyn Store) {
    let expected = fill_every_kind_of_record(store);
    let hanbit = &expected.customers[0];
    let dossier = store.dossier(&hanbit.id).unwrap().unwrap();
    assert_eq!(&dossier.customer, hanbit);
    assert_eq!(dossier.confirmations, expected.confirmations);
    assert_eq!(dossier.orders, expected.orders);
    assert_eq!(dossier.subscriptions, expected.subscriptions);
    assert_eq!(store.dossier("nobody").unwrap(), None);
    assert_eq!(
        store
            .customer_id_by_domain("HanbitLogistics.onmicrosoft.com")
            .unwrap(),
        Some(hanbit.id.clone())
    );
    assert_eq!(
        store
            .customer_id_by_domain("nobody.onmicrosoft.com")
            .unwrap(),
        None
    );
}

fn the_list_is_in_name_order_and_follows_every_write(store: &dyn Store) {
    let rows = |store: &dyn Store| -> Vec<crate::store::Listed> {
        store.listing().unwrap().map(Result::unwrap).collect()
    };
    for (i, prefix) in ["zeta", "Alpha", "mu", "beta"].iter().enumerate() {
        let customer = customer_in(&format!("c-{i}"), &prefix.to_lowercase(), Cloud::Public);
        let customer = crate::domain::customer::Customer {
            company_name: format!("{prefix} Inc."),
            ..customer
        };
        store.create_customer(&customer, None).unwrap();
    }
    let names: Vec<_> = rows(store).into_iter().map(|r| r.company_name).collect();
    assert_eq!(names, ["Alpha Inc.", "beta Inc.", "mu Inc.", "zeta Inc."]);
    assert_eq!(store.customer_count().unwrap(), 4);

    let before = store.generation().unwrap();
    store
        .add_confirmation(&confirmation(
            "c-2",
            "2018-09-14T09:30:00Z",
            Channel::Account,
        ))
        .unwrap();
    let order = seat_order("o-1", "c-2");
    store
        .create_order(&order, &[seat_subscription("s-1", &order, 3)])
        .unwrap();
    assert!(store.generation().unwrap() >= before + 2);
    let mu = rows(store).into_iter().find(|r| r.id == "c-2").unwrap();
    // Accepted on September 1, recorded on September 14: it counts from the 14th.
    let counts_from = "2018-09-14".parse().unwrap();
    assert_eq!(mu.confirmed_since, Some(counts_from));
    assert_eq!(store.latest_acceptance().unwrap(), Some(counts_from));
    assert_eq!(mu.subscriptions, 1);
    assert_eq!(
        mu.status(),
        crate::domain::status::AgreementStatus::Confirmed
    );
    let others = rows(store).into_iter().filter(|r| r.id != "c-2");
    assert!(others
        .into_iter()
        .all(|r| r.confirmed_since.is_none() && r.subscriptions == 0));
    let backlog = |as_of: &str| -> Vec<String> {
        store
            .unconfirmed_listing(as_of.parse().unwrap())
            .unwrap()
            .map(|r| r.unwrap().company_name)
            .collect()
    };
    assert_eq!(
        backlog("2018-11-14"),
        ["Alpha Inc.", "beta Inc.", "zeta Inc."]
    );
    assert_eq!(
        backlog("2018-09-14"),
        ["Alpha Inc.", "beta Inc.", "zeta Inc."]
    );
    // Before the day its confirmation was recorded, mu was not confirmed yet.
    assert_eq!(
        backlog("2018-09-13"),
        ["Alpha Inc.", "beta Inc.", "mu Inc.", "zeta Inc."]
    );
    let names: Vec<_> = rows(store).into_iter().map(|r| r.company_name).collect();
    assert_eq!(names, ["Alpha Inc.", "beta Inc.", "mu Inc.", "zeta Inc."]);
}

fn many_confirmations_are_written_all_or_none(store: &dyn Store) {
    let expected = fill_every_kind_of_record(store);
    let hanbit = &expected.customers[0].id;
    let first = confirmation(hanbit, "2018-10-05T08:00:00Z", Channel::Import);
    let second = confirmation(hanbit, "2018-10-05T08:00:01Z", Channel::Import);
    let stray = confirmation("nobody", "2018-10-05T08:00:02Z", Channel::Import);
    assert_eq!(
        store.add_confirmations(&[first.clone(), stray]),
        Err(StoreError::UnknownCustomer {
            id: "nobody".into()
        })
    );
    assert_holds(store, &expected);
    store
        .add_confirmations(&[first.clone(), second.clone()])
        .unwrap();
    let confirmations = store.dossier(hanbit).unwrap().unwrap().confirmations;
    assert_eq!(confirmations[confirmations.len() - 2..], [first, second]);
}

/// The store itself refuses what no form or command would write, whoever asks: here a
/// confirmation of a customer outside the public cloud, one dated after it was recorded, and a
/// seat count over the offer's maximum.
fn records_that_break_a_rule_are_refused_by_the_store(store: &dyn Store) {
    let expected = fill_every_kind_of_record(store);
    let (hanbit, germany) = (&expected.customers[0].id, &expected.customers[1].id);
    let national = confirmation(germany, "2018-10-05T08:00:00Z", Channel::Import);
    let refusal = store.add_confirmation(&national).unwrap_err();
    assert!(
        refusal.to_string().contains("Public Cloud only"),
        "{refusal}"
    );
    let mut future = confirmation(hanbit, "2018-10-05T08:00:00Z", Channel::Command);
    future.date_agreed = "2018-10-07".parse().unwrap();
    let refusal = store.add_confirmations(&[future]).unwrap_err();
    assert!(
        refusal
            .to_string()
            .contains("after the moment it was recorded"),
        "{refusal}"
    );
    let mut seats = expected.subscriptions[0].clone();
    seats.quantity = Some(10_001);
    let refusal = store.update_subscription(&seats).unwrap_err();
    assert!(
        refusal.to_string().contains("at most 10000 seats"),
        "{refusal}"
    );
    for partner in ["Fabrikam\u{1b}[2J", &"P".repeat(51), " "] {
        assert!(matches!(
            store.set_partner_name(partner),
            Err(StoreError::Unstorable { .. })
        ));
    }
    let mut nameless = customer_in("c-new", "nameless", Cloud::Public);
    nameless.company_name = " ".into();
    let refusal = store.create_customer(&nameless, None).unwrap_err();
    assert!(
        refusal.to_string().contains("Enter the company name"),
        "{refusal}"
    );
    assert_holds(store, &expected);
}

fn agent(id: &str, name: &str, added_at: &str) -> crate::domain::agent::Agent {
    crate::domain::agent::Agent {
        id: id.into(),
        name: name.into(),
        role: crate::domain::role::Role::SalesAgent,
        added_at: added_at.parse().unwrap(),
        ssh_keys: vec![],
    }
}

fn agents_are_kept_in_added_order_and_one_per_name(store: &dyn Store) {
    let registry = store.registry().expect("a store that keeps agents");
    assert!(registry.agents().unwrap().is_empty());
    let ann = agent("b-ann", "Ann Agent", "2026-01-02T10:00:00Z");
    let bob = agent("a-bob", "Bob Agent", "2026-01-03T10:00:00Z");
    registry.add_agent(&ann).unwrap();
    registry.add_agent(&bob).unwrap();
    assert_eq!(registry.agents().unwrap(), vec![ann.clone(), bob.clone()]);
    let twin = agent("c-twin", "ANN AGENT", "2026-01-04T10:00:00Z");
    assert_eq!(
        registry.add_agent(&twin).unwrap_err(),
        StoreError::AgentTaken {
            name: "Ann Agent".into()
        }
    );
    let same_id = agent("b-ann", "Anna", "2026-01-04T10:00:00Z");
    assert!(matches!(
        registry.add_agent(&same_id),
        Err(StoreError::IdTaken { .. })
    ));
    assert_eq!(registry.agents().unwrap().len(), 2, "nothing written");
}

fn a_token_signs_in_its_agent_until_revoked_or_removed(store: &dyn Store) {
    let registry = store.registry().expect("a store that keeps agents");
    let ann = agent("b-ann", "Ann Agent", "2026-01-02T10:00:00Z");
    let bob = agent("a-bob", "Bob Agent", "2026-01-03T10:00:00Z");
    registry.add_agent(&ann).unwrap();
    registry.add_agent(&bob).unwrap();
    assert_eq!(registry.agent_of_token("h1").unwrap(), None);
    registry.add_token(&ann.id, "h1").unwrap();
    registry.add_token(&ann.id, "h2").unwrap();
    registry.add_token(&bob.id, "h3").unwrap();
    assert_eq!(registry.agent_of_token("h1").unwrap(), Some(ann.clone()));
    assert_eq!(registry.agent_of_token("h3").unwrap(), Some(bob.clone()));
    assert_eq!(registry.revoke_tokens(&ann.id).unwrap(), 2);
    assert_eq!(registry.agent_of_token("h2").unwrap(), None);
    assert_eq!(registry.revoke_tokens(&ann.id).unwrap(), 0);
    registry.remove_agent(&bob.id).unwrap();
    assert_eq!(registry.agent_of_token("h3").unwrap(), None);
    assert_eq!(registry.agents().unwrap(), vec![ann]);
}

/// Runs each behaviour against a fresh store of every kind.
macro_rules! for_every_store {
    ($($behaviour:ident),* $(,)?) => {
        mod memory_store {
            use crate::store::MemoryStore;
            $(
                #[test]
                fn $behaviour() {
                    super::$behaviour(&MemoryStore::default());
                }
            )*
        }

        mod sled_store {
            use crate::store::SledStore;
            $(
                #[test]
                fn $behaviour() {
                    let dir = tempfile::tempdir().unwrap();
                    let store = SledStore::open(dir.path()).unwrap();
                    super::$behaviour(&store);
                }
            )*
        }
    };
}

for_every_store!(
    every_kind_of_record_reads_back_as_written,
    a_new_store_is_empty_until_its_first_customer,
    a_taken_domain_is_refused_and_nothing_is_written,
    a_reused_customer_id_is_refused,
    a_confirmation_passed_with_a_new_customer_must_be_its_own,
    a_confirmation_for_an_unknown_customer_is_refused,
    confirmations_are_never_overwritten,
    customers_orders_and_subscriptions_keep_creation_order,
    an_order_for_an_unknown_customer_writes_nothing,
    an_order_is_written_whole_or_not_at_all,
    updating_an_unknown_subscription_is_refused,
    updating_a_subscription_replaces_it_in_place,
    ids_are_distinct_guids,
    a_written_snapshot_reads_back_after_earlier_records_and_before_later_ones,
    a_snapshot_breaking_a_rule_is_refused_whole,
    a_customer_is_read_whole_by_id_or_found_by_domain,
    the_list_is_in_name_order_and_follows_every_write,
    many_confirmations_are_written_all_or_none,
    records_that_break_a_rule_are_refused_by_the_store,
    a_filled_store_lists_its_customers_and_follows_later_writes,
    agents_are_kept_in_added_order_and_one_per_name,
    a_token_signs_in_its_agent_until_revoked_or_removed,
);

#[test]
fn both_stores_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<super::MemoryStore>();
    shareable::<super::SledStore>();
}
