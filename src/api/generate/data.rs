//! Realistic customers made from a seed: the same seed, count and business date always give the
//! same records, whatever the size of the chunks they are asked for in.

use super::words::{self, Locale, Place, LOCALES};
use crate::domain::agreement::Contact;
use crate::domain::cloud::Cloud;
use crate::domain::customer::{Address, Customer, DOMAIN_SUFFIX};
use crate::store::{format_guid, mix64, Snapshot};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::HashMap;

/// Confirmations of customer acceptance are dated from the day Microsoft began taking them.
pub const FIRST_CONFIRMATION: NaiveDate = match NaiveDate::from_ymd_opt(2018, 8, 7) {
    Some(date) => date,
    None => panic!("a real date"),
};
/// Letters of a domain prefix taken from the company name; the rest is left for a number.
const BASE_MAX: usize = 18;
pub(super) const AGENTS: [&str; 4] = ["Megan Bowen", "Adele Vance", "Alex Wilber", "Lee Gu"];
const NATIONAL: [Cloud; 3] = [Cloud::Germany, Cloud::China21Vianet, Cloud::UsGovernment];

/// A small, fast pseudo-random sequence (splitmix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(1);
        mix64(self.0)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// What has been generated so far.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub customers: usize,
    pub confirmed: usize,
    pub not_confirmed: usize,
    pub national: usize,
    pub subscriptions: usize,
}

pub struct Generator {
    pub(super) rng: Rng,
    salt: (u64, u64),
    next_id: u64,
    pub(super) today: NaiveDate,
    first_instant: DateTime<Utc>,
    span_seconds: i64,
    total: usize,
    /// How many customers hold each domain base so far.
    bases: HashMap<String, u32>,
    pub tally: Tally,
}

impl Generator {
    /// `total` customers created before `today`, the business date.
    pub fn new(seed: u64, today: NaiveDate, total: usize) -> Generator {
        let mut rng = Rng::new(mix64(seed));
        let salt = (rng.next(), rng.next());
        let first_day = NaiveDate::from_ymd_opt(2016, 1, 1)
            .unwrap_or(FIRST_CONFIRMATION)
            .min(today - Duration::days(730));
        let first_instant = first_day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
        let end = today.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
        Generator {
            rng,
            salt,
            next_id: 0,
            today,
            first_instant,
            span_seconds: (end - first_instant).num_seconds(),
            total,
            bases: HashMap::new(),
            tally: Tally::default(),
        }
    }

    /// Customers still to make.
    pub fn remaining(&self) -> usize {
        self.total - self.tally.customers
    }

    /// The next `count` customers (fewer at the end) with their confirmations, orders and
    /// subscriptions.
    pub fn chunk(&mut self, count: usize) -> Snapshot {
        let mut snapshot = Snapshot::default();
        for _ in 0..count.min(self.remaining()) {
            self.customer(&mut snapshot);
        }
        snapshot
    }

    pub(super) fn id(&mut self) -> String {
        self.next_id += 1;
        let n = self.next_id;
        format_guid(mix64(self.salt.0 ^ n), mix64(self.salt.1 ^ n))
    }

    fn customer(&mut self, snapshot: &mut Snapshot) {
        // Creation times grow with the customer's number, so customers come in creation order.
        let step = self.span_seconds * self.tally.customers as i64 / self.total.max(1) as i64;
        let created_at = self.first_instant + Duration::seconds(step);
        let national = self.rng.chance(1).then(|| *self.rng.pick(&NATIONAL));
        let (locale, place) = self.locale(national);
        let (company_name, base) = self.company(locale);
        let domain = self.domain(&base);
        let primary_contact = self.person(locale, &base, place);
        let line1 = self.street(locale);
        let customer = Customer {
            id: self.id(),
            company_name,
            domain,
            cloud: national.unwrap_or(Cloud::Public),
            address: Address {
                country: place.country.to_string(),
                line1,
                line2: None,
                city: place.city.to_string(),
                state: place.state.to_string(),
                postal_code: place.postal_code.to_string(),
            },
            primary_contact,
            created_at,
            created_by: self.rng.pick(&AGENTS).to_string(),
        };
        self.tally.customers += 1;
        if national.is_some() {
            self.tally.national += 1;
        } else if self.rng.chance(70) {
            self.tally.confirmed += 1;
            self.confirmations(&customer, locale, &base, place, snapshot);
        } else {
            self.tally.not_confirmed += 1;
        }
        self.orders(&customer, snapshot);
        snapshot.customers.push(customer);
    }

    fn locale(&mut self, cloud: Option<Cloud>) -> (&'static Locale, &'static Place) {
        // A national-cloud tenant is in the cloud's own country.
        let country = match cloud {
            Some(Cloud::Germany) => "DE",
            Some(Cloud::China21Vianet) => "CN",
            Some(_) => "US",
            None => {
                let total: u32 = LOCALES.iter().map(|l| l.weight).sum();
                let mut left = self.rng.below(u64::from(total)) as u32;
                let locale = LOCALES.iter().find(|l| {
                    let hit = left < l.weight;
                    left = left.saturating_sub(l.weight);
                    hit
                });
                let locale = locale.unwrap_or(&LOCALES[0]);
                return (locale, self.rng.pick(locale.places));
            }
        };
        let places: Vec<(&Locale, &Place)> = LOCALES
            .iter()
            .flat_map(|l| l.places.iter().map(move |p| (l, p)))
            .filter(|(_, p)| p.country == country)
            .collect();
        *self.rng.pick(&places)
    }

    /// A company name from one of the language's shapes, and its ASCII letters for domains.
    fn company(&mut self, locale: &Locale) -> (String, String) {
        let template = *self.rng.pick(locale.templates);
        let (mut name, mut base) = (String::new(), String::new());
        let mut parts = template.split('{');
        name.push_str(parts.next().unwrap_or(""));
        for part in parts {
            let (slot, literal) = part.split_at(part.find('}').unwrap_or(0));
            let list = match slot {
                "w" => locale.words,
                "t" => locale.trades,
                "l" => locale.last_names,
                _ => locale.forms,
            };
            let word = *self.rng.pick(list);
            name.push_str(words::display(word));
            if slot != "s" {
                words::ascii(word, &mut base);
            }
            name.push_str(literal.trim_start_matches('}'));
        }
        if base.is_empty() {
            base.push_str("tenant");
        }
        base.truncate(BASE_MAX);
        (name, base)
    }

    /// `<base><n>.onmicrosoft.com`, with the number only from the second customer of a base on.
    /// Bases are letters only, so a prefix tells its base and number apart: no two are equal.
    fn domain(&mut self, base: &str) -> String {
        let seen = match self.bases.get_mut(base) {
            Some(seen) => {
                *seen += 1;
                *seen
            }
            None => {
                self.bases.insert(base.to_string(), 1);
                1
            }
        };
        match seen {
            1 => format!("{base}{DOMAIN_SUFFIX}"),
            n => format!("{base}{n}{DOMAIN_SUFFIX}"),
        }
    }

    /// Someone at the company: a name of its language, an email at its own domain, and most
    /// of the time a phone number.
    pub(super) fn person(&mut self, locale: &Locale, company: &str, place: &Place) -> Contact {
        let first = *self.rng.pick(locale.first_names);
        let last = *self.rng.pick(locale.last_names);
        let mut email = String::new();
        words::ascii(first, &mut email);
        email.push('.');
        words::ascii(last, &mut email);
        email.push('@');
        email.push_str(company);
        email.push('.');
        email.push_str(place.tld);
        let phone = self.rng.chance(85).then(|| {
            let n = self.rng.below(10_000_000_000);
            format!(
                "+{} {:03} {:03} {:04}",
                place.dial,
                n / 10_000_000,
                n / 10_000 % 1000,
                n % 10_000
            )
        });
        Contact {
            first_name: words::display(first).to_string(),
            last_name: words::display(last).to_string(),
            email,
            phone,
        }
    }

    fn street(&mut self, locale: &Locale) -> String {
        let street = self.rng.pick(locale.streets);
        let number = 1 + self.rng.below(400);
        if locale.number_first {
            format!("{number} {street}")
        } else {
            format!("{street} {number}")
        }
    }
}
