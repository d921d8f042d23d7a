//! The stored form of a dossier: compact binary, less than half the bytes of its JSON. sled reads
//! and rewrites whole nodes of about 16 dossiers, so every byte saved here is read and written
//! 16 times less often by a random lookup, an import or a fill.
//!
//! The first byte tells the form: `{` for the JSON that layouts 2 and 3 wrote first (still read),
//! `FORMAT` for this one. Each record's customer ID is the dossier's own (the store checks it),
//! so it is written once. Lengths and counts are LEB128 varints; text is UTF-8; a timestamp is
//! seconds since 1970 (zigzag varint) and nanoseconds; a date is days since 1 January of year 1.
//!
//! A subscription's seat count and auto-renew each start with a tag byte; layout 5 added the
//! tags that say a dated history of changes follows (`SEATS_WITH_CHANGES`, `RENEWS_WITH_CHANGES`),
//! written only when there is one, so a subscription never changed is written as before.

use crate::domain::agreement::{Channel, Confirmation, Contact};
use crate::domain::cloud::Cloud;
use crate::domain::commerce::{
    Billing, Change, Order, OrderLine, Subscription, SubscriptionStatus,
};
use crate::domain::customer::{Address, Customer};
use crate::store::Dossier;
use chrono::{DateTime, Datelike, NaiveDate, Utc};

const FORMAT: u8 = 1;

/// A subscription's seat-count tags: none (usage-based), a count, or a count then its changes
/// (their number, then each one's date and earlier count).
const NO_SEATS: u8 = 0;
const SEATS: u8 = 1;
const SEATS_WITH_CHANGES: u8 = 2;
/// Auto-renew: off or on (0 or 1); `RENEWS_WITH_CHANGES` plus 0 or 1, then its changes (their
/// number, then each one's date and earlier value).
const RENEWS_WITH_CHANGES: u8 = 2;

/// The stored form of `dossier`; JSON when a record names another customer, which the binary
/// form cannot hold (the store refuses such dossiers before they get here).
pub(super) fn encode(dossier: &Dossier) -> Result<Vec<u8>, serde_json::Error> {
    let id = &dossier.customer.id;
    let foreign = (dossier.confirmations.iter().map(|c| &c.customer_id))
        .chain(dossier.orders.iter().map(|o| &o.customer_id))
        .chain(dossier.subscriptions.iter().map(|s| &s.customer_id))
        .any(|owner| owner != id);
    if foreign {
        return serde_json::to_vec(dossier);
    }
    let mut out = Writer(Vec::with_capacity(768));
    out.byte(FORMAT);
    out.customer(&dossier.customer);
    out.count(dossier.confirmations.len());
    for confirmation in &dossier.confirmations {
        out.confirmation(confirmation);
    }
    out.count(dossier.orders.len());
    for order in &dossier.orders {
        out.order(order);
    }
    out.count(dossier.subscriptions.len());
    for subscription in &dossier.subscriptions {
        out.subscription(subscription);
    }
    Ok(out.0)
}

/// A dossier from its stored form, or what is wrong with the bytes.
pub(super) fn decode(stored: &[u8]) -> Result<Dossier, String> {
    match stored.first() {
        Some(&FORMAT) => {
            let mut input = Reader(&stored[1..]);
            let dossier = input.dossier().ok_or("it is cut short or malformed")?;
            match input.0.is_empty() {
                true => Ok(dossier),
                false => Err("it has bytes after its end".into()),
            }
        }
        _ => serde_json::from_slice(stored).map_err(|e| e.to_string()),
    }
}

struct Writer(Vec<u8>);

impl Writer {
    fn byte(&mut self, byte: u8) {
        self.0.push(byte);
    }

    fn count(&mut self, n: usize) {
        self.varint(n as u64);
    }

    fn varint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn text(&mut self, text: &str) {
        self.count(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    fn optional_text(&mut self, text: Option<&str>) {
        match text {
            None => self.byte(0),
            Some(text) => {
                self.byte(1);
                self.text(text);
            }
        }
    }

    fn time(&mut self, at: &DateTime<Utc>) {
        let seconds = at.timestamp();
        self.varint(((seconds << 1) ^ (seconds >> 63)) as u64);
        self.varint(u64::from(at.timestamp_subsec_nanos()));
    }

    fn date(&mut self, date: NaiveDate) {
        let days = i64::from(date.num_days_from_ce());
        self.varint(((days << 1) ^ (days >> 63)) as u64);
    }

    fn contact(&mut self, contact: &Contact) {
        self.text(&contact.first_name);
        self.text(&contact.last_name);
        self.text(&contact.email);
        self.optional_text(contact.phone.as_deref());
    }

    fn customer(&mut self, customer: &Customer) {
        self.text(&customer.id);
        self.text(&customer.company_name);
        self.text(&customer.domain);
        self.byte(
            Cloud::ALL
                .iter()
                .position(|c| *c == customer.cloud)
                .unwrap_or(0) as u8,
        );
        let address = &customer.address;
        self.text(&address.country);
        self.text(&address.line1);
        self.optional_text(address.line2.as_deref());
        self.text(&address.city);
        self.text(&address.state);
        self.text(&address.postal_code);
        self.contact(&customer.primary_contact);
        self.time(&customer.created_at);
        self.text(&customer.created_by);
    }

    fn confirmation(&mut self, confirmation: &Confirmation) {
        self.contact(&confirmation.accepted_by);
        self.date(confirmation.date_agreed);
        self.text(&confirmation.agreement_type);
        self.text(&confirmation.template_id);
        self.text(&confirmation.recorded_by);
        self.time(&confirmation.recorded_at);
        self.byte(match confirmation.channel {
            Channel::NewCustomer => 0,
            Channel::Account => 1,
            Channel::OrderPrompt => 2,
            Channel::Command => 3,
            Channel::Import => 4,
        });
    }

    fn order(&mut self, order: &Order) {
        self.text(&order.id);
        self.count(order.lines.len());
        for line in &order.lines {
            self.text(&line.offer_id);
            self.varint(u64::from(line.quantity));
        }
        self.text(&order.created_by);
        self.time(&order.created_at);
    }

    fn subscription(&mut self, subscription: &Subscription) {
        self.text(&subscription.id);
        self.text(&subscription.order_id);
        self.text(&subscription.offer_id);
        self.text(&subscription.offer_name);
        self.byte(match subscription.billing {
            Billing::SeatBased => 0,
            Billing::UsageBased => 1,
        });
        let seat_changes = &subscription.seat_changes;
        match subscription.quantity {
            None => self.byte(NO_SEATS),
            Some(seats) if seat_changes.is_empty() => {
                self.byte(SEATS);
                self.varint(u64::from(seats));
            }
            Some(seats) => {
                self.byte(SEATS_WITH_CHANGES);
                self.varint(u64::from(seats));
                self.count(seat_changes.len());
                for change in seat_changes {
                    self.date(change.on);
                    self.varint(u64::from(change.before));
                }
            }
        }
        self.byte(match subscription.status {
            SubscriptionStatus::Active => 0,
            SubscriptionStatus::Suspended => 1,
        });
        let renewal_changes = &subscription.auto_renew_changes;
        if renewal_changes.is_empty() {
            self.byte(u8::from(subscription.auto_renew));
        } else {
            self.byte(RENEWS_WITH_CHANGES + u8::from(subscription.auto_renew));
            self.count(renewal_changes.len());
            for change in renewal_changes {
                self.date(change.on);
                self.byte(u8::from(change.before));
            }
        }
        self.time(&subscription.created_at);
    }
}

/// Reads what `Writer` wrote; `None` at the first thing out of place.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            n |= u64::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn signed(&mut self) -> Option<i64> {
        let n = self.varint()?;
        Some((n >> 1) as i64 ^ -((n & 1) as i64))
    }

    fn count(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }

    fn small(&mut self) -> Option<u32> {
        u32::try_from(self.varint()?).ok()
    }

    fn text(&mut self) -> Option<String> {
        let len = self.count()?;
        let (text, rest) = self.0.split_at_checked(len)?;
        self.0 = rest;
        String::from_utf8(text.to_vec()).ok()
    }

    fn optional_text(&mut self) -> Option<Option<String>> {
        match self.byte()? {
            0 => Some(None),
            1 => self.text().map(Some),
            _ => None,
        }
    }

    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn time(&mut self) -> Option<DateTime<Utc>> {
        let seconds = self.signed()?;
        DateTime::from_timestamp(seconds, self.small()?)
    }

    fn date(&mut self) -> Option<NaiveDate> {
        NaiveDate::from_num_days_from_ce_opt(i32::try_from(self.signed()?).ok()?)
    }

    fn contact(&mut self) -> Option<Contact> {
        Some(Contact {
            first_name: self.text()?,
            last_name: self.text()?,
            email: self.text()?,
            phone: self.optional_text()?,
        })
    }

    fn dossier(&mut self) -> Option<Dossier> {
        let customer = self.customer()?;
        let id = customer.id.clone();
        let confirmations = (0..self.count()?)
            .map(|_| self.confirmation(&id))
            .collect::<Option<_>>()?;
        let orders = (0..self.count()?)
            .map(|_| self.order(&id))
            .collect::<Option<_>>()?;
        let subscriptions = (0..self.count()?)
            .map(|_| self.subscription(&id))
            .collect::<Option<_>>()?;
        Some(Dossier {
            customer,
            confirmations,
            orders,
            subscriptions,
        })
    }

    fn customer(&mut self) -> Option<Customer> {
        Some(Customer {
            id: self.text()?,
            company_name: self.text()?,
            domain: self.text()?,
            cloud: *Cloud::ALL.get(usize::from(self.byte()?))?,
            address: Address {
                country: self.text()?,
                line1: self.text()?,
                line2: self.optional_text()?,
                city: self.text()?,
                state: self.text()?,
                postal_code: self.text()?,
            },
            primary_contact: self.contact()?,
            created_at: self.time()?,
            created_by: self.text()?,
        })
    }

    fn confirmation(&mut self, customer_id: &str) -> Option<Confirmation> {
        Some(Confirmation {
            accepted_by: self.contact()?,
            date_agreed: self.date()?,
            agreement_type: self.text()?,
            template_id: self.text()?,
            recorded_by: self.text()?,
            recorded_at: self.time()?,
            channel: match self.byte()? {
                0 => Channel::NewCustomer,
                1 => Channel::Account,
                2 => Channel::OrderPrompt,
                3 => Channel::Command,
                4 => Channel::Import,
                _ => return None,
            },
            customer_id: customer_id.to_string(),
        })
    }

    fn order(&mut self, customer_id: &str) -> Option<Order> {
        let id = self.text()?;
        let lines = (0..self.count()?)
            .map(|_| {
                Some(OrderLine {
                    offer_id: self.text()?,
                    quantity: self.small()?,
                })
            })
            .collect::<Option<_>>()?;
        Some(Order {
            id,
            customer_id: customer_id.to_string(),
            lines,
            created_by: self.text()?,
            created_at: self.time()?,
        })
    }

    fn subscription(&mut self, customer_id: &str) -> Option<Subscription> {
        let id = self.text()?;
        let order_id = self.text()?;
        let offer_id = self.text()?;
        let offer_name = self.text()?;
        let billing = match self.byte()? {
            0 => Billing::SeatBased,
            1 => Billing::UsageBased,
            _ => return None,
        };
        let (quantity, seat_changes) = match self.byte()? {
            NO_SEATS => (None, Vec::new()),
            SEATS => (Some(self.small()?), Vec::new()),
            SEATS_WITH_CHANGES => {
                let seats = self.small()?;
                (Some(seats), self.changes(Reader::small)?)
            }
            _ => return None,
        };
        let status = match self.byte()? {
            0 => SubscriptionStatus::Active,
            1 => SubscriptionStatus::Suspended,
            _ => return None,
        };
        let (auto_renew, auto_renew_changes) = match self.byte()? {
            tag @ (0 | 1) => (tag == 1, Vec::new()),
            tag @ (RENEWS_WITH_CHANGES | 3) => {
                (tag == RENEWS_WITH_CHANGES + 1, self.changes(Reader::flag)?)
            }
            _ => return None,
        };
        Some(Subscription {
            id,
            customer_id: customer_id.to_string(),
            order_id,
            offer_id,
            offer_name,
            billing,
            quantity,
            status,
            auto_renew,
            created_at: self.time()?,
            seat_changes,
            auto_renew_changes,
        })
    }

    /// A history of changes, each a date and the value before it: at least one, as a tag that
    /// says changes follow is written only with some.
    fn changes<T>(&mut self, before: fn(&mut Self) -> Option<T>) -> Option<Vec<Change<T>>> {
        let count = self.count().filter(|&count| count > 0)?;
        (0..count)
            .map(|_| {
                Some(Change {
                    on: self.date()?,
                    before: before(self)?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
#[path = "codec_tests.rs"]
mod tests;
