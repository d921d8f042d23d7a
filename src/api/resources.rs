//! Partner Center resources as the handlers return them: owned, so that any face may hold them
//! after the change that made them (the command line prints them; HTTP will send them), each
//! serialized in Partner Center's shape through its JSON view.

use super::commerce_json::{OrderJson, SubscriptionJson};
use super::customer_json::CustomerJson;
use crate::domain::agreement::Confirmation;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::customer::Customer;
use crate::domain::role::Role;
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

pub use super::json::{Agreement, AgreementMetaData, Collection};
pub use super::offers::OfferJson as Offer;

/// A customer as an agent of `role` may see it on the business date `as_of`.
#[derive(Debug, Clone)]
pub struct CustomerResource {
    pub customer: Customer,
    pub confirmations: Vec<Confirmation>,
    pub role: Role,
    pub as_of: NaiveDate,
}

impl Serialize for CustomerResource {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CustomerJson::of(&self.customer, &self.confirmations, self.role, self.as_of)
            .serialize(serializer)
    }
}

/// An order with the subscriptions it created, one per line in line order.
#[derive(Debug, Clone)]
pub struct OrderResource {
    pub order: Order,
    pub subscriptions: Vec<Subscription>,
}

impl Serialize for OrderResource {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        OrderJson::new(&self.order, &self.subscriptions).serialize(serializer)
    }
}

/// One subscription of a customer.
#[derive(Debug, Clone)]
pub struct SubscriptionResource(pub Subscription);

impl Serialize for SubscriptionResource {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SubscriptionJson::new(&self.0).serialize(serializer)
    }
}
