//! The binary form gives back exactly what was stored, refuses damaged bytes without panicking,
//! and still reads the JSON that earlier builds stored.

use super::{decode, encode};
use crate::domain::agreement::Channel;
use crate::domain::cloud::Cloud;
use crate::domain::commerce::{Change, SubscriptionStatus};
use crate::store::test_data::*;
use crate::store::Dossier;
use chrono::{DateTime, NaiveDate};

/// Dossiers covering every variant and edge the form has: every cloud and channel, missing and
/// present optional fields, dates and times far apart, long and non-Latin text.
fn varied_dossiers() -> Vec<Dossier> {
    let channels = [
        Channel::NewCustomer,
        Channel::Account,
        Channel::OrderPrompt,
        Channel::Command,
        Channel::Import,
    ];
    let mut dossiers = vec![Dossier::new(korean_customer("k-0"))];
    for n in 0..40usize {
        let id = format!("c-{n}");
        let cloud = Cloud::ALL[n % Cloud::ALL.len()];
        let mut customer = customer_in(&id, &format!("varied{n}"), cloud);
        customer.created_at = DateTime::from_timestamp(
            -62_000_000_000 + (n as i64) * 1_000_000_007,
            n as u32 * 1_000_003,
        )
        .unwrap();
        if n % 4 == 1 {
            customer.company_name = "山田太郎 Zoë 😀 شركة".repeat(n * 50);
            customer.address.line2 = Some(String::new());
            customer.primary_contact.phone = Some("+1 (425) 555-0100".into());
        }
        let mut dossier = Dossier::new(customer);
        for c in 0..n % 4 {
            let mut confirmation =
                confirmation(&id, "2018-09-14T09:30:00.123456789Z", channels[(n + c) % 5]);
            confirmation.date_agreed =
                NaiveDate::from_ymd_opt(1 + (n as i32) * 200, 1 + c as u32, 28).unwrap();
            confirmation.accepted_by.phone = (c % 2 == 1).then(|| "555 0100".to_string());
            dossier.confirmations.push(confirmation);
        }
        for o in 0..n % 3 {
            let order = order(&format!("o-{n}-{o}"), &id);
            let mut seats = seat_subscription(
                &format!("s-{n}-{o}"),
                &order,
                (n * 1000) as u32 + u32::MAX / 2,
            );
            seats.status = SubscriptionStatus::Suspended;
            if n % 5 == 2 {
                let day = |days: u64| seats.created_at.date_naive() + chrono::Days::new(days);
                seats.seat_changes = vec![
                    Change {
                        on: day(1),
                        before: 1,
                    },
                    Change {
                        on: day(400),
                        before: u32::MAX,
                    },
                ];
                seats.auto_renew_changes = vec![Change {
                    on: day(30 + o as u64),
                    before: o % 2 == 0,
                }];
                seats.auto_renew = o % 2 == 1;
            }
            dossier.subscriptions.push(seats);
            dossier
                .subscriptions
                .push(usage_subscription(&format!("u-{n}-{o}"), &order));
            dossier.orders.push(order);
        }
        dossiers.push(dossier);
    }
    dossiers
}

#[test]
fn every_dossier_reads_back_exactly_as_written() {
    for dossier in varied_dossiers() {
        let stored = encode(&dossier).unwrap();
        assert_eq!(stored[0], super::FORMAT);
        assert_eq!(decode(&stored).unwrap(), dossier, "{}", dossier.customer.id);
    }
}

#[test]
fn the_binary_form_of_ordinary_dossiers_is_less_than_half_their_json() {
    let ordinary = |d: &Dossier| d.customer.company_name.len() < 100;
    let dossiers: Vec<Dossier> = varied_dossiers().into_iter().filter(ordinary).collect();
    let binary: usize = dossiers.iter().map(|d| encode(d).unwrap().len()).sum();
    let json: usize = dossiers
        .iter()
        .map(|d| serde_json::to_vec(d).unwrap().len())
        .sum();
    assert!(binary * 2 < json, "binary {binary} bytes, JSON {json}");
}

#[test]
fn dossiers_stored_as_json_by_earlier_builds_still_read() {
    for dossier in varied_dossiers() {
        assert_eq!(
            decode(&serde_json::to_vec(&dossier).unwrap()).unwrap(),
            dossier
        );
    }
}

#[test]
fn a_record_of_another_customer_is_kept_as_json_rather_than_lost() {
    let mut dossier = Dossier::new(korean_customer("k-1"));
    dossier.confirmations.push(confirmation(
        "someone-else",
        "2018-09-14T09:30:00Z",
        Channel::Import,
    ));
    let stored = encode(&dossier).unwrap();
    assert_eq!(stored[0], b'{');
    assert_eq!(decode(&stored).unwrap(), dossier);
}

#[test]
fn damaged_bytes_are_refused_and_never_read_as_another_dossier() {
    let dossier = varied_dossiers().swap_remove(5);
    let stored = encode(&dossier).unwrap();
    for cut in 0..stored.len() {
        assert!(decode(&stored[..cut]).is_err(), "cut at {cut}");
    }
    let mut longer = stored.clone();
    longer.push(0);
    assert!(decode(&longer).is_err());
    // Every single-byte change either fails or reads as a different dossier, never panics.
    for at in 1..stored.len() {
        let mut changed = stored.clone();
        changed[at] ^= 0xff;
        if let Ok(read) = decode(&changed) {
            assert_ne!(read, dossier, "byte {at}");
        }
    }
}

#[test]
fn a_subscription_never_changed_is_written_as_before_and_its_changes_only_with_the_new_tags() {
    let order = order("o-1", "c-1");
    let plain = seat_subscription("s-1", &order, 25);
    let mut changed = plain.clone();
    changed.seat_changes = vec![Change {
        on: "2018-12-01".parse().unwrap(),
        before: 10,
    }];
    let dossier = |subscription| {
        let mut dossier = Dossier::new(customer_in("c-1", "plain", Cloud::Public));
        dossier.orders.push(order.clone());
        dossier.subscriptions.push(subscription);
        dossier
    };
    let (plain, changed) = (dossier(plain), dossier(changed));
    let (before, after) = (encode(&plain).unwrap(), encode(&changed).unwrap());
    // The seat tag, then the count 25, then the status: 1, 25, then 0 (active).
    let tag = before
        .windows(3)
        .rposition(|w| w == [super::SEATS, 25, 0])
        .expect("the seat count as layout 4 wrote it");
    assert_eq!(after[tag], super::SEATS_WITH_CHANGES);
    assert_eq!(decode(&before).unwrap(), plain);
    assert_eq!(decode(&after).unwrap(), changed);
    // A tag that says changes follow, followed by none, is no form this writes.
    let mut none = after[..tag + 2].to_vec();
    none.push(0);
    none.extend_from_slice(&before[tag + 2..]);
    assert!(decode(&none).is_err());
}
