//! Offers, orders and subscriptions.

use chrono::{DateTime, Utc};
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
}

impl Offer {
    /// Checks a seat count for one subscription of this offer.
    pub fn check_seats(&self, quantity: u32) -> Result<u32, String> {
        match (self.billing, self.max_seats) {
            (Billing::UsageBased, _) => Err(format!(
                "{} is usage-based: it has no seat count.",
                self.name
            )),
            (Billing::SeatBased, _) if quantity == 0 => Err("Enter at least 1 seat.".to_string()),
            (Billing::SeatBased, Some(max)) if quantity > max => Err(format!(
                "{} allows at most {max} seats per subscription; lower the quantity.",
                self.name
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
    match offer.billing {
        Billing::SeatBased => offer.check_seats(quantity),
        Billing::UsageBased if quantity == 1 => Ok(1),
        Billing::UsageBased => Err(format!(
            "{} is usage-based: order it with quantity 1.",
            offer.name
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
        }
    }

    fn azure() -> Offer {
        Offer {
            id: "azure".into(),
            name: "Azure plan".into(),
            category: "Azure".into(),
            billing: Billing::UsageBased,
            max_seats: None,
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
}
