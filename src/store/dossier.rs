//! The unit a store reads and writes: one customer with everything recorded for it, and the one
//! line of it the Customers list shows.

use super::Snapshot;
use crate::domain::agreement::AgreementKind;
use crate::domain::agreement::Confirmation;
use crate::domain::cloud::Cloud;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::customer::{list_order_key, Customer};
use crate::domain::record_problem::RecordProblem;
use crate::domain::status::AgreementStatus;
use crate::domain::timeline::AgreementEra;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A customer and its records, each kind in creation order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dossier {
    pub customer: Customer,
    #[serde(default)]
    pub confirmations: Vec<Confirmation>,
    #[serde(default)]
    pub orders: Vec<Order>,
    #[serde(default)]
    pub subscriptions: Vec<Subscription>,
}

impl Dossier {
    pub fn new(customer: Customer) -> Dossier {
        Dossier {
            customer,
            confirmations: vec![],
            orders: vec![],
            subscriptions: vec![],
        }
    }

    /// The customer as it was on the business date `date`: `None` when it was created later;
    /// else without the confirmations recorded, and the orders and subscriptions made, later,
    /// and each subscription with the seat count and auto-renew it had that day.
    pub fn as_of(mut self, date: NaiveDate) -> Option<Dossier> {
        if self.customer.created_at.date_naive() > date {
            return None;
        }
        self.confirmations.retain(|c| c.recorded_on() <= date);
        self.orders.retain(|o| o.created_at.date_naive() <= date);
        self.subscriptions = (self.subscriptions.into_iter())
            .filter(|s| s.created_at.date_naive() <= date)
            .map(|s| s.as_of(date))
            .collect();
        Some(self)
    }

    /// The last business date on which one of its records was made or changed (a seat count,
    /// auto-renew): from then on the customer reads the same whatever the date (its list row
    /// too, but for the agreement's era).
    pub fn changed_on(&self) -> NaiveDate {
        let confirmations = self.confirmations.iter().map(|c| c.counts_from());
        let orders = self.orders.iter().map(|o| o.created_at.date_naive());
        let subscriptions = self.subscriptions.iter().map(Subscription::changed_on);
        confirmations
            .chain(orders)
            .chain(subscriptions)
            .fold(self.customer.created_at.date_naive(), NaiveDate::max)
    }

    pub fn listed(&self) -> Listed {
        Listed {
            id: self.customer.id.clone(),
            company_name: self.customer.company_name.clone(),
            domain: self.customer.domain.clone(),
            cloud: self.customer.cloud,
            confirmed_since: self.confirmations.iter().map(|c| c.counts_from()).min(),
            customer_agreement_since: self
                .confirmations
                .iter()
                .filter(|c| c.kind() == Some(AgreementKind::CustomerAgreement))
                .map(|c| c.counts_from())
                .min(),
            subscriptions: self.subscriptions.len() as u32,
            changed_on: Some(self.changed_on()),
        }
    }

    pub fn has_order(&self, id: &str) -> bool {
        self.orders.iter().any(|o| o.id == id)
    }

    pub fn has_subscription(&self, id: &str) -> bool {
        self.subscriptions.iter().any(|s| s.id == id)
    }
}

/// Records to add to one customer's dossier.
#[derive(Debug, Clone, Default)]
pub(super) struct Additions {
    pub confirmations: Vec<Confirmation>,
    pub orders: Vec<Order>,
    pub subscriptions: Vec<Subscription>,
}

impl Dossier {
    pub(super) fn absorb(&mut self, additions: Additions) {
        self.confirmations.extend(additions.confirmations);
        self.orders.extend(additions.orders);
        self.subscriptions.extend(additions.subscriptions);
    }
}

/// A snapshot sorted into dossiers: its own customers' in order, and the records it adds to
/// customers stored before (by customer ID, in first-mention order). Checked beforehand, so every
/// record belongs to one or the other.
pub(super) fn group(snapshot: Snapshot) -> (Vec<Dossier>, Vec<(String, Additions)>) {
    let position: HashMap<String, usize> = snapshot
        .customers
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    let mut dossiers: Vec<Dossier> = snapshot.customers.into_iter().map(Dossier::new).collect();
    let mut earlier = Earlier::default();
    for c in snapshot.confirmations {
        match position.get(&c.customer_id) {
            Some(&i) => dossiers[i].confirmations.push(c),
            None => earlier.of(&c.customer_id).confirmations.push(c),
        }
    }
    for o in snapshot.orders {
        match position.get(&o.customer_id) {
            Some(&i) => dossiers[i].orders.push(o),
            None => earlier.of(&o.customer_id).orders.push(o),
        }
    }
    for s in snapshot.subscriptions {
        match position.get(&s.customer_id) {
            Some(&i) => dossiers[i].subscriptions.push(s),
            None => earlier.of(&s.customer_id).subscriptions.push(s),
        }
    }
    (dossiers, earlier.additions)
}

/// Additions to customers stored before, in first-mention order.
#[derive(Default)]
struct Earlier {
    additions: Vec<(String, Additions)>,
    positions: HashMap<String, usize>,
}

impl Earlier {
    fn of(&mut self, customer_id: &str) -> &mut Additions {
        let next = self.additions.len();
        let i = *self
            .positions
            .entry(customer_id.to_string())
            .or_insert(next);
        if i == next {
            self.additions
                .push((customer_id.to_string(), Additions::default()));
        }
        &mut self.additions[i].1
    }
}

/// One customer as the Customers list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub id: String,
    pub company_name: String,
    pub domain: String,
    pub cloud: Cloud,
    /// The first day one of the customer's confirmations counts (accepted and recorded by
    /// then); `None` without any. At an earlier business date the customer is not confirmed yet.
    pub confirmed_since: Option<NaiveDate>,
    /// The same for its confirmations of the Microsoft Customer Agreement: from February 1,
    /// 2020 only those count.
    pub customer_agreement_since: Option<NaiveDate>,
    pub subscriptions: u32,
    /// The last business date on which one of its records was made (see
    /// `Dossier::changed_on`); `None` in rows written before it was kept. At an earlier date
    /// the row is worked out again from the customer's records (`Store::listing_on`).
    pub changed_on: Option<NaiveDate>,
}

/// Field separator of the stored form: never part of a name, domain or ID.
const SEPARATOR: char = '\u{1f}';

impl Listed {
    /// The status once every recorded confirmation counts: which list tree the row is kept in
    /// (the backlog holds the customers never confirmed).
    pub fn status(&self) -> AgreementStatus {
        AgreementStatus::of(self.cloud, self.confirmed_since.is_some())
    }

    /// The status on the business date `as_of`: a confirmation accepted or recorded later
    /// does not count, and from February 1, 2020 only the Microsoft Customer Agreement does.
    pub fn status_on(&self, as_of: NaiveDate) -> AgreementStatus {
        let since = match AgreementEra::on(as_of) {
            AgreementEra::CustomerAgreement => self.customer_agreement_since,
            _ => self.confirmed_since,
        };
        AgreementStatus::of(self.cloud, since.is_some_and(|since| since <= as_of))
    }

    /// Which agreement's confirmation makes the row Confirmed on the business date `as_of`:
    /// the Microsoft Customer Agreement once it counts, else the Microsoft Cloud Agreement
    /// until January 31, 2020; `None` when the row is not confirmed then.
    pub fn agreement_on(&self, as_of: NaiveDate) -> Option<AgreementKind> {
        if self.status_on(as_of) != AgreementStatus::Confirmed {
            None
        } else if self
            .customer_agreement_since
            .is_some_and(|since| since <= as_of)
        {
            Some(AgreementKind::CustomerAgreement)
        } else {
            Some(AgreementKind::CloudAgreement)
        }
    }

    /// The key that keeps rows in list order.
    pub fn key(&self) -> String {
        list_order_key(&self.company_name, &self.domain)
    }

    /// The stored form: the fields in one line of text, separated by U+001F; the first
    /// acceptance date as `YYYY-MM-DD`, or `0` without one; then, when the customer has one, the
    /// first day of its Microsoft Customer Agreement (rows written before it existed end before).
    pub fn encode(&self) -> String {
        let cloud = Cloud::ALL
            .iter()
            .position(|c| *c == self.cloud)
            .unwrap_or(0);
        format!(
            "{id}{s}{name}{s}{domain}{s}{cloud}{s}{confirmed}{s}{subscriptions}",
            id = self.id,
            name = self.company_name,
            domain = self.domain,
            confirmed = self
                .confirmed_since
                .map_or("0".to_string(), |since| since.to_string()),
            subscriptions = self.subscriptions,
            s = SEPARATOR,
        ) + &match (self.customer_agreement_since, self.changed_on) {
            (None, None) => String::new(),
            (since, changed) => format!(
                "{SEPARATOR}{}{SEPARATOR}{}",
                since.map_or("0".to_string(), |d| d.to_string()),
                changed.map_or("0".to_string(), |d| d.to_string())
            ),
        }
    }

    pub fn decode(stored: &[u8]) -> Result<Listed, String> {
        let text = std::str::from_utf8(stored).map_err(|_| "a list row is not text".to_string())?;
        let fields: Vec<&str> = text.split(SEPARATOR).collect();
        let (id, name, domain, cloud, confirmed, subscriptions, dates) = match fields[..] {
            [id, name, domain, cloud, confirmed, subscriptions] => {
                (id, name, domain, cloud, confirmed, subscriptions, None)
            }
            [id, name, domain, cloud, confirmed, subscriptions, since, changed] => (
                id,
                name,
                domain,
                cloud,
                confirmed,
                subscriptions,
                Some((since, changed)),
            ),
            _ => {
                return Err(format!(
                    "a list row has {} fields, not 6 or 8",
                    fields.len()
                ))
            }
        };
        let optional_date = |text: &str, what: &str| -> Result<Option<NaiveDate>, String> {
            match text {
                "0" => Ok(None),
                date => date
                    .parse()
                    .map(Some)
                    .map_err(|_| format!("a list row has a bad {what} ({date})")),
            }
        };
        let (customer_agreement_since, changed_on) = match dates {
            None => (None, None),
            Some((since, changed)) => (
                optional_date(since, "Customer Agreement date")?,
                optional_date(changed, "date of change")?,
            ),
        };
        let cloud = cloud
            .parse::<usize>()
            .ok()
            .and_then(|i| Cloud::ALL.get(i).copied())
            .ok_or_else(|| format!("a list row names an unknown cloud ({cloud})"))?;
        let subscriptions = subscriptions
            .parse()
            .map_err(|_| format!("a list row has a bad subscription count ({subscriptions})"))?;
        let confirmed_since = match confirmed {
            "0" => None,
            date => Some(
                date.parse()
                    .map_err(|_| format!("a list row has a bad first acceptance date ({date})"))?,
            ),
        };
        Ok(Listed {
            id: id.to_string(),
            company_name: name.to_string(),
            domain: domain.to_string(),
            cloud,
            confirmed_since,
            customer_agreement_since,
            subscriptions,
            changed_on,
        })
    }
}

/// Text fields of stored records must not hold the separator, or a row could not be read back.
pub(super) fn storable_problem(customer: &Customer) -> Option<RecordProblem> {
    [&customer.id, &customer.company_name, &customer.domain]
        .into_iter()
        .find(|text| text.contains(SEPARATOR) || text.contains('\n'))
        .map(|text| RecordProblem::ControlCharacter(text.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_row_reads_back_as_written() {
        for cloud in Cloud::ALL {
            let row = Listed {
                id: "9d62ba20-49fe-4b68-b3d6-6c88eae123dc".into(),
                company_name: "한빛 Trading, Zoë & Co.".into(),
                domain: "hanbit.onmicrosoft.com".into(),
                cloud,
                confirmed_since: (cloud == Cloud::Public).then(|| "2018-09-01".parse().unwrap()),
                customer_agreement_since: (cloud == Cloud::Public)
                    .then(|| "2019-10-02".parse().unwrap()),
                subscriptions: 70_000,
                changed_on: Some("2020-03-01".parse().unwrap()),
            };
            assert_eq!(Listed::decode(row.encode().as_bytes()), Ok(row.clone()));
            let without = Listed {
                customer_agreement_since: None,
                changed_on: None,
                ..row
            };
            assert_eq!(
                Listed::decode(without.encode().as_bytes()),
                Ok(without.clone())
            );
        }
    }

    #[test]
    fn from_february_1_2020_a_row_is_confirmed_only_by_the_customer_agreement() {
        let row = Listed {
            id: "c-1".into(),
            company_name: "Contoso".into(),
            domain: "contoso.onmicrosoft.com".into(),
            cloud: Cloud::Public,
            confirmed_since: Some("2018-11-20".parse().unwrap()),
            customer_agreement_since: None,
            subscriptions: 0,
            changed_on: None,
        };
        let on = |row: &Listed, date: &str| row.status_on(date.parse().unwrap());
        assert_eq!(on(&row, "2020-01-31"), AgreementStatus::Confirmed);
        assert_eq!(on(&row, "2020-02-01"), AgreementStatus::NotConfirmed);
        let both = Listed {
            customer_agreement_since: Some("2020-01-10".parse().unwrap()),
            ..row
        };
        assert_eq!(on(&both, "2020-02-01"), AgreementStatus::Confirmed);
    }

    #[test]
    fn a_row_is_confirmed_from_its_first_acceptance_date_on() {
        let row = Listed {
            id: "c-1".into(),
            company_name: "Contoso".into(),
            domain: "contoso.onmicrosoft.com".into(),
            cloud: Cloud::Public,
            confirmed_since: Some("2018-11-20".parse().unwrap()),
            customer_agreement_since: None,
            subscriptions: 0,
            changed_on: None,
        };
        let on = |date: &str| row.status_on(date.parse().unwrap());
        assert_eq!(on("2018-11-19"), AgreementStatus::NotConfirmed);
        assert_eq!(on("2018-11-20"), AgreementStatus::Confirmed);
        assert_eq!(row.status(), AgreementStatus::Confirmed);
        assert_eq!(Listed::decode(row.encode().as_bytes()), Ok(row.clone()));
        // Layout 3's rows said only "1"; they are written again, never read as layout 4's.
        let layout_3 = row.encode().replace("2018-11-20", "1");
        assert!(Listed::decode(layout_3.as_bytes()).is_err());
    }

    #[test]
    fn a_damaged_list_row_is_refused_with_a_reason() {
        assert!(Listed::decode(b"only\x1ftwo")
            .unwrap_err()
            .contains("fields"));
        assert!(Listed::decode(b"i\x1fn\x1fd\x1f9\x1f1\x1f3")
            .unwrap_err()
            .contains("cloud"));
        assert!(Listed::decode(b"i\x1fn\x1fd\x1f0\x1f1\x1fmany")
            .unwrap_err()
            .contains("subscription"));
        assert!(Listed::decode(&[0xff, 0xfe]).is_err());
    }
}
