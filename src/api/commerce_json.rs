//! The Order and Subscription resources as Partner Center returns them.

use crate::domain::commerce::{Billing, Order, Subscription, SubscriptionStatus};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

/// The billing cycle of every order: the offers here are billed monthly, Partner Center's
/// default at order creation.
pub const BILLING_CYCLE: &str = "monthly";

/// Partner Center's billing cycles an order may ask for (its `BillingCycleType` less
/// `unknown`, which only the server gives).
pub const BILLING_CYCLES: [&str; 4] = ["monthly", "annual", "none", "one_time"];

/// An order is provisioned here as it is placed, in the same change that records it: by the
/// time it is answered every line has its subscription. Partner Center's `pending` is an
/// order still being provisioned, whose lines have no subscription yet; an order whose
/// subscriptions exist is `completed`, which is what the real API then returns for it.
pub const ORDER_STATUS: &str = "completed";

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderJson<'a> {
    pub id: &'a str,
    pub reference_customer_id: &'a str,
    pub billing_cycle: &'static str,
    pub line_items: Vec<LineItemJson<'a>>,
    pub creation_date: String,
    pub status: &'static str,
    pub attributes: Attributes,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LineItemJson<'a> {
    pub line_item_number: usize,
    pub offer_id: &'a str,
    /// Present once the line is provisioned, which here is at once.
    pub subscription_id: &'a str,
    /// As the order gave it; left out when it gave none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<&'a str>,
    pub quantity: u32,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attributes {
    pub object_type: &'static str,
}

impl<'a> OrderJson<'a> {
    /// An order with the subscriptions it created, one per line in line order, and the
    /// friendly names its lines were given (by line; none for an order read back).
    pub fn new(
        order: &'a Order,
        subscriptions: &'a [Subscription],
        friendly_names: &'a [Option<String>],
    ) -> OrderJson<'a> {
        let line_items = order
            .lines
            .iter()
            .zip(subscriptions)
            .enumerate()
            .map(|(number, (line, subscription))| LineItemJson {
                line_item_number: number,
                offer_id: &line.offer_id,
                subscription_id: &subscription.id,
                friendly_name: friendly_names.get(number).and_then(Option::as_deref),
                quantity: line.quantity,
            })
            .collect();
        OrderJson {
            id: &order.id,
            reference_customer_id: &order.customer_id,
            billing_cycle: BILLING_CYCLE,
            line_items,
            creation_date: timestamp(order.created_at),
            status: ORDER_STATUS,
            attributes: Attributes {
                object_type: "Order",
            },
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionJson<'a> {
    pub id: &'a str,
    pub offer_id: &'a str,
    pub offer_name: &'a str,
    pub friendly_name: &'a str,
    /// Seats; a usage-based subscription counts as 1, the quantity it was ordered with.
    pub quantity: u32,
    pub unit_type: &'static str,
    pub status: &'static str,
    pub auto_renew_enabled: bool,
    pub billing_type: &'static str,
    pub order_id: &'a str,
    pub creation_date: String,
}

impl<'a> SubscriptionJson<'a> {
    pub fn new(subscription: &'a Subscription) -> SubscriptionJson<'a> {
        let (unit_type, billing_type) = match subscription.billing {
            Billing::SeatBased => ("Licenses", "license"),
            Billing::UsageBased => ("Usage-based", "usage"),
        };
        SubscriptionJson {
            id: &subscription.id,
            offer_id: &subscription.offer_id,
            offer_name: &subscription.offer_name,
            friendly_name: &subscription.offer_name,
            quantity: subscription.quantity.unwrap_or(1),
            unit_type,
            status: match subscription.status {
                SubscriptionStatus::Active => "active",
                SubscriptionStatus::Suspended => "suspended",
            },
            auto_renew_enabled: subscription.auto_renew,
            billing_type,
            order_id: &subscription.order_id,
            creation_date: timestamp(subscription.created_at),
        }
    }
}

/// A UTC timestamp to the second, e.g. `2018-11-14T10:30:00Z`.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::commerce::OrderLine;

    fn at() -> DateTime<Utc> {
        "2018-11-14T10:30:00Z".parse().unwrap()
    }

    fn subscription(id: &str, billing: Billing, quantity: Option<u32>) -> Subscription {
        Subscription {
            id: id.into(),
            customer_id: "c".into(),
            order_id: "o".into(),
            offer_id: "OFFER".into(),
            offer_name: "Offer".into(),
            billing,
            quantity,
            status: SubscriptionStatus::Active,
            auto_renew: true,
            created_at: at(),
            seat_changes: vec![],
            auto_renew_changes: vec![],
        }
    }

    #[test]
    fn an_order_numbers_its_line_items_from_zero() {
        let order = Order {
            id: "o".into(),
            customer_id: "c".into(),
            lines: vec![
                OrderLine {
                    offer_id: "A".into(),
                    quantity: 5,
                },
                OrderLine {
                    offer_id: "B".into(),
                    quantity: 1,
                },
            ],
            created_by: "Megan".into(),
            created_at: at(),
        };
        let subs = [
            subscription("s0", Billing::SeatBased, Some(5)),
            subscription("s1", Billing::UsageBased, None),
        ];
        let names = [Some("Sales seats".to_string())];
        let json = serde_json::to_value(OrderJson::new(&order, &subs, &names)).unwrap();
        assert_eq!(json["lineItems"][1]["lineItemNumber"], 1);
        assert_eq!(json["lineItems"][1]["subscriptionId"], "s1");
        assert_eq!(json["lineItems"][0]["friendlyName"], "Sales seats");
        assert!(json["lineItems"][1].get("friendlyName").is_none());
        assert_eq!(json["creationDate"], "2018-11-14T10:30:00Z");
        assert_eq!(json["billingCycle"], "monthly");
        assert_eq!(json["status"], "completed");
        assert_eq!(json["attributes"]["objectType"], "Order");
    }

    #[test]
    fn billing_gives_the_unit_and_billing_types() {
        let usage = subscription("s", Billing::UsageBased, None);
        let json = serde_json::to_value(SubscriptionJson::new(&usage)).unwrap();
        assert_eq!(json["billingType"], "usage");
        assert_eq!(json["quantity"], 1);
        let seats = subscription("s", Billing::SeatBased, Some(12));
        let json = serde_json::to_value(SubscriptionJson::new(&seats)).unwrap();
        assert_eq!(
            (json["billingType"].clone(), json["quantity"].clone()),
            ("license".into(), 12.into())
        );
        assert_eq!(json["unitType"], "Licenses");
    }
}
