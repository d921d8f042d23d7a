//! What happens to a generated customer after it is created: confirmations of customer
//! acceptance and orders with their subscriptions.

use super::data::{Generator, AGENTS, FIRST_CONFIRMATION};
use super::words::{Locale, Place};
use crate::assets;
use crate::domain::agreement::{AgreementKind, Channel, Confirmation};
use crate::domain::commerce::Offer;
use crate::domain::commerce::{Billing, Order, OrderLine, Subscription, SubscriptionStatus};
use crate::domain::customer::Customer;
use crate::domain::timeline::CUSTOMER_AGREEMENT_FROM;
use crate::store::Snapshot;
use chrono::{Duration, NaiveDate};

const CHANNELS: [Channel; 5] = [
    Channel::NewCustomer,
    Channel::Account,
    Channel::OrderPrompt,
    Channel::Command,
    Channel::Import,
];

impl Generator {
    /// One to three confirmations, dated from the later of the customer's creation and the
    /// first confirmation day up to the business date, each recorded on or after its date.
    pub(super) fn confirmations(
        &mut self,
        customer: &Customer,
        locale: &Locale,
        company: &str,
        place: &Place,
        snapshot: &mut Snapshot,
    ) {
        let created = customer.created_at.date_naive();
        let from = created.max(FIRST_CONFIRMATION.min(self.today));
        let days = (self.today - from).num_days() as u64 + 1;
        let count = match self.rng.below(100) {
            0..=74 => 1,
            75..=92 => 2,
            _ => 3,
        };
        let mut dates: Vec<NaiveDate> = (0..count)
            .map(|_| from + Duration::days(self.rng.below(days) as i64))
            .collect();
        dates.sort();
        let mut history: Vec<Confirmation> = dates
            .into_iter()
            .map(|date_agreed| {
                let lag = Duration::days(self.rng.below(4) as i64);
                let day = (date_agreed + lag).min(self.today);
                let time = Duration::seconds(self.rng.below(86_400) as i64);
                let recorded_at = (day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc() + time)
                    .max(customer.created_at + Duration::minutes(30));
                let accepted_by = if self.rng.chance(60) {
                    customer.primary_contact.clone()
                } else {
                    self.person(locale, company, place)
                };
                Confirmation {
                    customer_id: customer.id.clone(),
                    accepted_by,
                    date_agreed,
                    agreement_type: agreement_of(recorded_at).type_name().to_string(),
                    template_id: agreement_of(recorded_at).template_id().to_string(),
                    recorded_by: self.rng.pick(&AGENTS).to_string(),
                    recorded_at,
                    channel: *self.rng.pick(&CHANNELS),
                }
            })
            .collect();
        history.sort_by_key(|c| c.recorded_at);
        snapshot.confirmations.append(&mut history);
    }

    /// Zero to four subscriptions of different offers, in one or two orders.
    pub(super) fn orders(&mut self, customer: &Customer, snapshot: &mut Snapshot) {
        let offers = assets::offers();
        let count = match self.rng.below(100) {
            0..=14 => 0,
            15..=44 => 1,
            45..=69 => 2,
            70..=87 => 3,
            _ => 4,
        };
        let mut chosen: Vec<usize> = Vec::with_capacity(count);
        while chosen.len() < count {
            let i = self.rng.below(offers.len() as u64) as usize;
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
        let split = if count >= 2 && self.rng.chance(40) {
            1 + self.rng.below(count as u64 - 1) as usize
        } else {
            count
        };
        let end = self
            .today
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc();
        let mut at = customer.created_at;
        for group in [&chosen[..split], &chosen[split..]] {
            if group.is_empty() {
                continue;
            }
            let lag = Duration::minutes(10 + self.rng.below(60 * 24 * 60) as i64);
            at = if at + lag < end {
                at + lag
            } else {
                at + Duration::minutes(5)
            };
            let order_id = self.id();
            let mut lines = Vec::with_capacity(group.len());
            for &i in group {
                let offer = sold_on(&offers[i], at.date_naive());
                let quantity = match (offer.billing, offer.max_seats) {
                    (Billing::SeatBased, max) => {
                        let cap = *self.rng.pick(&[10, 25, 50, 300, 10_000]);
                        let cap = max.unwrap_or(cap).min(cap);
                        Some(1 + self.rng.below(u64::from(cap)) as u32)
                    }
                    (Billing::UsageBased, _) => None,
                };
                lines.push(OrderLine {
                    offer_id: offer.id.clone(),
                    quantity: quantity.unwrap_or(1),
                });
                let status = if self.rng.chance(5) {
                    SubscriptionStatus::Suspended
                } else {
                    SubscriptionStatus::Active
                };
                snapshot.subscriptions.push(Subscription {
                    id: self.id(),
                    customer_id: customer.id.clone(),
                    order_id: order_id.clone(),
                    offer_id: offer.id.clone(),
                    offer_name: offer.name_on(at.date_naive()).to_string(),
                    billing: offer.billing,
                    quantity,
                    status,
                    auto_renew: self.rng.chance(85),
                    created_at: at,
                    seat_changes: Vec::new(),
                    auto_renew_changes: Vec::new(),
                });
                self.tally.subscriptions += 1;
            }
            snapshot.orders.push(Order {
                id: order_id,
                customer_id: customer.id.clone(),
                lines,
                created_by: self.rng.pick(&AGENTS).to_string(),
                created_at: at,
            });
        }
    }
}

/// The agreement a confirmation recorded at `recorded_at` confirms: the Microsoft Customer
/// Agreement once it exists, as partners then did.
fn agreement_of(recorded_at: chrono::DateTime<chrono::Utc>) -> AgreementKind {
    if recorded_at.date_naive() >= CUSTOMER_AGREEMENT_FROM {
        AgreementKind::CustomerAgreement
    } else {
        AgreementKind::CloudAgreement
    }
}

/// `offer` when it was sold on `date`; else the first offer of the catalog billed the same way
/// that was (Microsoft Azure before Azure plan), so that every order is one of its day.
fn sold_on(offer: &'static Offer, date: NaiveDate) -> &'static Offer {
    if offer.sold_on(date) {
        return offer;
    }
    assets::offers()
        .iter()
        .find(|other| other.billing == offer.billing && other.sold_on(date))
        .unwrap_or(offer)
}
