//! Small records for store tests.

use crate::domain::agreement::{Channel, Confirmation, Contact, MCA_TEMPLATE_ID, MCA_TYPE};
use crate::domain::cloud::Cloud;
use crate::domain::commerce::{Billing, Order, OrderLine, Subscription, SubscriptionStatus};
use crate::domain::customer::{Address, Customer};
use chrono::{DateTime, NaiveDate, Utc};

/// Offers of the catalog (`assets/offers.json`): the store takes no other.
pub const E3: &str = "8BBCEA40-9A69-42FA-ABDC-DC6C5F8C6F72";
pub const AZURE_PLAN: &str = "1F9583C8-6D90-4583-A9AD-E3083B0600EE";

pub fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("a test timestamp")
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a test date")
}

fn contact(first_name: &str, last_name: &str, email: &str) -> Contact {
    Contact {
        first_name: first_name.to_string(),
        last_name: last_name.to_string(),
        email: email.to_string(),
        phone: None,
    }
}

/// A public-cloud customer with a Korean company name, to check that text survives storage.
pub fn korean_customer(id: &str) -> Customer {
    Customer {
        id: id.to_string(),
        company_name: "한빛물류".to_string(),
        domain: "hanbitlogistics.onmicrosoft.com".to_string(),
        cloud: Cloud::Public,
        address: Address {
            country: "KR".to_string(),
            line1: "세종대로 110".to_string(),
            line2: Some("3층".to_string()),
            city: "서울".to_string(),
            state: "서울특별시".to_string(),
            postal_code: "04524".to_string(),
        },
        primary_contact: Contact {
            phone: Some("+82 2-1234-5678".to_string()),
            ..contact("지우", "박", "jiwoo.park@hanbit.co.kr")
        },
        created_at: at("2018-09-14T09:30:00Z"),
        created_by: "Megan Bowen".to_string(),
    }
}

/// A customer in a national cloud, with its own domain.
pub fn customer_in(id: &str, domain_prefix: &str, cloud: Cloud) -> Customer {
    Customer {
        id: id.to_string(),
        company_name: format!("{domain_prefix} Inc."),
        domain: format!("{domain_prefix}.onmicrosoft.com"),
        cloud,
        address: Address {
            country: "US".to_string(),
            line1: "1 Microsoft Way".to_string(),
            line2: None,
            city: "Redmond".to_string(),
            state: "WA".to_string(),
            postal_code: "98052".to_string(),
        },
        primary_contact: contact("Alex", "Wilber", "alex@contoso.com"),
        created_at: at("2018-10-01T12:00:00Z"),
        created_by: "Megan Bowen".to_string(),
    }
}

pub fn confirmation(customer_id: &str, recorded_at: &str, channel: Channel) -> Confirmation {
    Confirmation {
        customer_id: customer_id.to_string(),
        accepted_by: contact("지우", "박", "jiwoo.park@hanbit.co.kr"),
        date_agreed: day("2018-09-01"),
        agreement_type: MCA_TYPE.to_string(),
        template_id: MCA_TEMPLATE_ID.to_string(),
        recorded_by: "Megan Bowen".to_string(),
        recorded_at: at(recorded_at),
        channel,
    }
}

pub fn order(id: &str, customer_id: &str) -> Order {
    Order {
        id: id.to_string(),
        customer_id: customer_id.to_string(),
        lines: vec![
            OrderLine {
                offer_id: E3.to_string(),
                quantity: 25,
            },
            OrderLine {
                offer_id: AZURE_PLAN.to_string(),
                quantity: 1,
            },
        ],
        created_by: "Megan Bowen".to_string(),
        created_at: at("2018-09-15T08:00:00Z"),
    }
}

/// An order of one line item, of seats of Microsoft 365 E3.
pub fn seat_order(id: &str, customer_id: &str) -> Order {
    let mut order = order(id, customer_id);
    order.lines.truncate(1);
    order
}

pub fn seat_subscription(id: &str, order: &Order, seats: u32) -> Subscription {
    Subscription {
        id: id.to_string(),
        customer_id: order.customer_id.clone(),
        order_id: order.id.clone(),
        offer_id: E3.to_string(),
        offer_name: "Microsoft 365 E3".to_string(),
        billing: Billing::SeatBased,
        quantity: Some(seats),
        status: SubscriptionStatus::Active,
        auto_renew: true,
        created_at: order.created_at,
        seat_changes: Vec::new(),
        auto_renew_changes: Vec::new(),
    }
}

pub fn usage_subscription(id: &str, order: &Order) -> Subscription {
    Subscription {
        id: id.to_string(),
        customer_id: order.customer_id.clone(),
        order_id: order.id.clone(),
        offer_id: AZURE_PLAN.to_string(),
        offer_name: "Azure plan".to_string(),
        billing: Billing::UsageBased,
        quantity: None,
        status: SubscriptionStatus::Active,
        auto_renew: false,
        created_at: order.created_at,
        seat_changes: Vec::new(),
        auto_renew_changes: Vec::new(),
    }
}
