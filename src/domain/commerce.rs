//! Offers, orders and subscriptions.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Billing {
    /// Licensed per seat; the seat count can change, within the offer's maximum.
    SeatBased,
    /// Billed by consumption; there is no seat count.
    UsageBased,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub id: String,
    pub name: String,
    pub category: String,
    pub billing: Billing,
    /// The most seats one subscription may hold (seat-based offers only).
    #[serde(default)]
    pub max_seats: Option<u32>,
    /// The first day partners could sell it.
    #[serde(default = "long_ago")]
    pub available_from: NaiveDate,
    /// The names it had before `name`, oldest first, each with its last day.
    #[serde(default)]
    pub earlier_names: Vec<EarlierName>,
    /// A new offer that only the Microsoft Customer Agreement opens (Azure plan).
    #[serde(default)]
    pub requires_customer_agreement: bool,
    /// Where its dates and names come from.
    #[serde(default)]
    pub source: String,
}

/// A name an offer had until a day, when Partner Center renamed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierName {
    pub name: String,
    pub until: NaiveDate,
}

fn long_ago() -> NaiveDate {
    NaiveDate::MIN
}

impl Offer {
    /// Whether partners could sell it on the business date `date`.
    pub fn sold_on(&self, date: NaiveDate) -> bool {
        self.available_from <= date
    }

    /// Its name as Partner Center showed it on `date`.
    pub fn name_on(&self, date: NaiveDate) -> &str {
        self.earlier_names
            .iter()
            .find(|earlier| date <= earlier.until)
            .map_or(&self.name, |earlier| &earlier.name)
    }

    /// Checks a seat count for one subscription of this offer.
    pub fn check_seats(&self, quantity: u32) -> Result<u32, String> {
        self.check_seats_on(quantity, NaiveDate::MAX)
    }

    /// Checks a seat count, naming the offer as it was named on the business date `date`.
    pub fn check_seats_on(&self, quantity: u32, date: NaiveDate) -> Result<u32, String> {
        let name = self.name_on(date);
        match (self.billing, self.max_seats) {
            (Billing::UsageBased, _) => {
                Err(format!("{name} is usage-based: it has no seat count."))
            }
            (Billing::SeatBased, _) if quantity == 0 => Err("Enter at least 1 seat.".to_string()),
            (Billing::SeatBased, Some(max)) if quantity > max => Err(format!(
                "{name} allows at most {max} seats per subscription; lower the quantity."
            )),
            (Billing::SeatBased, _) => Ok(quantity),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubscriptionStatus {
    Active,
    Suspended,
}

impl SubscriptionStatus {
    pub fn label(self) -> &'static str {
        match self {
            SubscriptionStatus::Active => "Active",
            SubscriptionStatus::Suspended => "Suspended",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub id: String,
    pub customer_id: String,
    pub order_id: String,
    pub offer_id: String,
    pub offer_name: String,
    pub billing: Billing,
    /// Seats for seat-based subscriptions; `None` for usage-based ones.
    pub quantity: Option<u32>,
    pub status: SubscriptionStatus,
    pub auto_renew: bool,
    pub created_at: DateTime<Utc>,
}

impl Subscription {
    /// A suspended subscription keeps its seat count until it is active again.
    pub fn check_seats_changeable(&self) -> Result<(), String> {
        match self.status {
            SubscriptionStatus::Active => Ok(()),
            SubscriptionStatus::Suspended => Err(format!(
                "{} is suspended: its seat count can change once it is active again.",
                self.offer_name
            )),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub offer_id: String,
    pub quantity: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: String,
    pub customer_id: String,
    pub lines: Vec<OrderLine>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// Checks one order line against its offer: seat-based lines need a seat count within the maximum;
/// usage-based lines always have quantity 1.
pub fn check_line(offer: &Offer, quantity: u32) -> Result<u32, String> {
    check_line_on(offer, quantity, NaiveDate::MAX)
}

/// `check_line`, naming the offer as it was named on the business date `date`.
pub fn check_line_on(offer: &Offer, quantity: u32, date: NaiveDate) -> Result<u32, String> {
    match offer.billing {
        Billing::SeatBased => offer.check_seats_on(quantity, date),
        Billing::UsageBased if quantity == 1 => Ok(1),
        Billing::UsageBased => Err(format!(
            "{} is usage-based: order it with quantity 1.",
            offer.name_on(date)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e3() -> Offer {
        Offer {
            id: "e3".into(),
            name: "Microsoft 365 E3".into(),
            category: "Microsoft 365".into(),
            billing: Billing::SeatBased,
            max_seats: Some(300),
            available_from: "2017-08-01".parse().unwrap(),
            earlier_names: vec![],
            requires_customer_agreement: false,
            source: String::new(),
        }
    }

    fn azure() -> Offer {
        Offer {
            id: "azure".into(),
            name: "Azure plan".into(),
            category: "Azure".into(),
            billing: Billing::UsageBased,
            max_seats: None,
            available_from: "2019-10-01".parse().unwrap(),
            earlier_names: vec![],
            requires_customer_agreement: true,
            source: String::new(),
        }
    }

    #[test]
    fn seat_counts_run_from_1_to_the_offers_maximum() {
        assert_eq!(e3().check_seats(1), Ok(1));
        assert_eq!(e3().check_seats(300), Ok(300));
        assert!(e3().check_seats(0).unwrap_err().contains("at least 1"));
        assert!(e3().check_seats(301).unwrap_err().contains("at most 300"));
    }

    #[test]
    fn usage_based_offers_have_no_seat_count() {
        assert!(azure().check_seats(5).unwrap_err().contains("usage-based"));
        assert_eq!(check_line(&azure(), 1), Ok(1));
        assert!(check_line(&azure(), 2).is_err());
        assert_eq!(check_line(&e3(), 25), Ok(25));
    }

    #[test]
    fn an_offer_is_sold_from_its_first_day_under_the_name_of_the_day() {
        let mut standard = e3();
        standard.name = "Microsoft 365 Business Standard".into();
        standard.available_from = "2014-10-01".parse().unwrap();
        standard.earlier_names = vec![EarlierName {
            name: "Office 365 Business Premium".into(),
            until: "2020-04-20".parse().unwrap(),
        }];
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert!(!standard.sold_on(d("2014-09-30")));
        assert!(standard.sold_on(d("2014-10-01")));
        assert_eq!(
            standard.name_on(d("2020-04-20")),
            "Office 365 Business Premium"
        );
        assert_eq!(
            standard.name_on(d("2020-04-21")),
            "Microsoft 365 Business Standard"
        );
        assert!(!azure().sold_on(d("2019-09-30")));
        assert!(azure().sold_on(d("2019-10-01")));
    }
}
