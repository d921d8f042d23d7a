//! Partner Center resources as the handlers return them: owned, so that any face may hold them
//! after the change that made them (the command line prints them; HTTP will send them), each
//! serialized in Partner Center's shape through its JSON view.

use super::commerce_json::{OrderJson, SubscriptionJson};
use super::customer_json::CustomerJson;
use crate::domain::agreement::Confirmation;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::credentials::UserCredentials;
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

/// A customer just created, with the credentials of its new administrator: shown in this
/// answer only, never stored.
#[derive(Debug, Clone)]
pub struct CreatedCustomer {
    pub resource: CustomerResource,
    pub credentials: UserCredentials,
}

impl Serialize for CreatedCustomer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let r = &self.resource;
        CustomerJson::of(&r.customer, &r.confirmations, r.role, r.as_of)
            .with_credentials(&self.credentials)
            .serialize(serializer)
    }
}

/// An order with the subscriptions it created, one per line in line order.
#[derive(Debug, Clone)]
pub struct OrderResource {
    pub order: Order,
    pub subscriptions: Vec<Subscription>,
    /// The friendly name each line was given when the order was placed; empty for an order
    /// read back, whose lines keep none.
    pub friendly_names: Vec<Option<String>>,
}

impl Serialize for OrderResource {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        OrderJson::new(&self.order, &self.subscriptions, &self.friendly_names).serialize(serializer)
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

/// A page of customers, as `GET /v1/customers` returns it: the next page, when there is one,
/// is asked for with the `MS-ContinuationToken` header its link gives.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomersPage {
    pub total_count: usize,
    pub items: Vec<CustomerResource>,
    pub links: Links,
    pub attributes: Attributes,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Links {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub uri: String,
    pub method: &'static str,
    pub headers: Vec<KeyValue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KeyValue {
    pub key: &'static str,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attributes {
    pub object_type: &'static str,
}
