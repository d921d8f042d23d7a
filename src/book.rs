//! The in-memory read model of a store: customers in name order, each with its confirmations and
//! subscriptions, and the lookups the rules need.

use crate::domain::agreement::{self, AgreementKind, Confirmation};
use crate::domain::commerce::{Order, Subscription};
use crate::domain::compare;
use crate::domain::customer::{list_order_key, Customer};
use crate::domain::gate::GateFacts;
use crate::domain::phase::Phase;
use crate::domain::timeline::{self, AgreementEra, Environment, Face};
use crate::store::{Dossier, Snapshot, Store, StoreError};
use chrono::NaiveDate;
use std::collections::HashMap;

pub use crate::domain::status::AgreementStatus;

#[derive(Debug, Clone, Default)]
pub struct Book {
    pub partner_name: Option<String>,
    customers: Vec<Customer>,
    /// Customer id → position in `customers`.
    positions: HashMap<String, usize>,
    /// Positions in `customers`, sorted by company name (case-insensitive), then domain.
    by_name: Vec<usize>,
    /// The sort key of each customer, by position: computed once, as inserting compares many.
    keys: Vec<String>,
    confirmations: HashMap<String, Vec<Confirmation>>,
    subscriptions: HashMap<String, Vec<Subscription>>,
    /// Customer id → its orders, in the order they were placed.
    orders: HashMap<String, Vec<Order>>,
    /// The business date the book shows the store on: records made on later days are left
    /// out as they come in (see `Dossier::as_of`). `None` shows everything.
    as_of: Option<NaiveDate>,
}

impl Book {
    pub fn from_snapshot(snapshot: Snapshot) -> Book {
        let mut book = Book {
            partner_name: snapshot.partner_name,
            ..Book::default()
        };
        for order in snapshot.orders {
            book.add_customer_order(order);
        }
        for customer in snapshot.customers {
            book.insert_customer(customer);
        }
        for confirmation in snapshot.confirmations {
            book.add_confirmation(confirmation);
        }
        for subscription in snapshot.subscriptions {
            book.subscriptions
                .entry(subscription.customer_id.clone())
                .or_default()
                .push(subscription);
        }
        book
    }

    /// An empty book that shows the store as it was on the business date `date`.
    pub fn on(date: NaiveDate) -> Book {
        Book {
            as_of: Some(date),
            ..Book::default()
        }
    }

    /// Shows the store as it was on `date` from now on: records made on later days that the
    /// book holds are dropped too.
    pub fn set_as_of(&mut self, date: NaiveDate) {
        if self.as_of == Some(date) {
            return;
        }
        // Nothing made after the date (the usual case, today): no record to drop, and no
        // rebuild of a million customers' index.
        let later = |at: &chrono::DateTime<chrono::Utc>| at.date_naive() > date;
        let anything_later = self.customers.iter().any(|c| later(&c.created_at))
            || self
                .confirmations
                .values()
                .flatten()
                .any(|c| later(&c.recorded_at))
            || self.orders.values().flatten().any(|o| later(&o.created_at))
            || self
                .subscriptions
                .values()
                .flatten()
                .any(|s| s.changed_on() > date);
        if !anything_later {
            self.as_of = Some(date);
            return;
        }
        let ids: Vec<String> = self.customers.iter().map(|c| c.id.clone()).collect();
        let dossiers: Vec<Dossier> = ids.iter().filter_map(|id| self.dossier(id)).collect();
        *self = Book {
            partner_name: self.partner_name.take(),
            ..Book::on(date)
        };
        for dossier in dossiers {
            self.insert_dossier(dossier);
        }
    }

    /// The dossier as the book's business date sees it; `None` for a customer created later.
    fn visible(&self, dossier: Dossier) -> Option<Dossier> {
        match self.as_of {
            Some(date) => dossier.as_of(date),
            None => Some(dossier),
        }
    }

    /// Adds a customer read from the store with its records, unless the book already has it
    /// (the book's copy is then the same or newer).
    pub fn insert_dossier(&mut self, dossier: Dossier) {
        if self.positions.contains_key(&dossier.customer.id) {
            return;
        }
        let Some(dossier) = self.visible(dossier) else {
            return;
        };
        let id = dossier.customer.id.clone();
        self.insert_customer(dossier.customer);
        self.confirmations.insert(id.clone(), dossier.confirmations);
        self.subscriptions.insert(id.clone(), dossier.subscriptions);
        self.orders.insert(id, dossier.orders);
    }

    /// Puts a customer's current records in place of those the book holds (or adds them): how
    /// a session's view follows a change made anywhere.
    pub fn replace_dossier(&mut self, dossier: Dossier) {
        let Some(dossier) = self.visible(dossier) else {
            return;
        };
        let id = dossier.customer.id.clone();
        match self.positions.get(&id) {
            Some(&position) => {
                let key = sort_key(&dossier.customer);
                self.customers[position] = dossier.customer;
                if key != self.keys[position] {
                    self.by_name.retain(|&i| i != position);
                    self.keys[position] = key;
                    let key = &self.keys[position];
                    let rank = self.by_name.partition_point(|&i| &self.keys[i] <= key);
                    self.by_name.insert(rank, position);
                }
                self.confirmations.insert(id.clone(), dossier.confirmations);
                self.subscriptions.insert(id.clone(), dossier.subscriptions);
                self.orders.insert(id, dossier.orders);
            }
            None => self.insert_dossier(dossier),
        }
    }

    /// A customer of the book with everything recorded for it.
    pub fn dossier(&self, customer_id: &str) -> Option<Dossier> {
        let customer = self.customer(customer_id)?.clone();
        Some(Dossier {
            customer,
            confirmations: self.confirmations(customer_id).to_vec(),
            orders: self.orders.get(customer_id).cloned().unwrap_or_default(),
            subscriptions: self.subscriptions(customer_id).to_vec(),
        })
    }

    /// Makes sure the book holds the customer with this tenant ID or primary domain, reading it
    /// from `store` when it does not yet; returns its ID, or `None` when there is no such customer.
    pub fn fetch(
        &mut self,
        store: &dyn Store,
        id_or_domain: &str,
    ) -> Result<Option<String>, StoreError> {
        if let Some(customer) = self.find(id_or_domain) {
            return Ok(Some(customer.id.clone()));
        }
        let key = compare::lookup_key(id_or_domain);
        // Every domain ends in .onmicrosoft.com: text without a dot is an ID (as in the API's
        // paths), read with one lookup instead of two.
        let by_domain = if key.contains('.') {
            store.customer_id_by_domain(&key)?
        } else {
            None
        };
        let id = by_domain.unwrap_or(key);
        Ok(store.dossier(&id)?.map(|dossier| {
            self.insert_dossier(dossier);
            id
        }))
    }

    pub fn len(&self) -> usize {
        self.customers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.customers.is_empty()
    }

    /// The customer at `rank` in company-name order.
    pub fn by_name(&self, rank: usize) -> Option<&Customer> {
        self.by_name.get(rank).map(|&i| &self.customers[i])
    }

    /// Customers in company-name order.
    pub fn customers_by_name(&self) -> impl Iterator<Item = &Customer> {
        self.by_name.iter().map(|&i| &self.customers[i])
    }

    pub fn customer(&self, id: &str) -> Option<&Customer> {
        self.positions.get(id).map(|&i| &self.customers[i])
    }

    /// Finds a customer by tenant ID or by primary domain (case-insensitive, in normal form C).
    pub fn find(&self, id_or_domain: &str) -> Option<&Customer> {
        let key = compare::lookup_key(id_or_domain);
        self.customer(&key)
            .or_else(|| self.customers.iter().find(|c| c.domain == key))
    }

    pub fn domain_taken(&self, domain: &str) -> bool {
        let key = compare::lookup_key(domain);
        self.customers
            .iter()
            .any(|c| compare::lookup_key(&c.domain) == key)
    }

    /// Every confirmation of a customer, oldest recording first.
    pub fn confirmations(&self, customer_id: &str) -> &[Confirmation] {
        self.confirmations
            .get(customer_id)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The confirmation in force on the business date `as_of` (see `agreement::current_on`).
    pub fn current_confirmation(
        &self,
        customer_id: &str,
        as_of: NaiveDate,
    ) -> Option<&Confirmation> {
        agreement::current_on(self.confirmations(customer_id), as_of)
    }

    pub fn subscriptions(&self, customer_id: &str) -> &[Subscription] {
        self.subscriptions
            .get(customer_id)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn subscription(&self, customer_id: &str, id: &str) -> Option<&Subscription> {
        self.subscriptions(customer_id).iter().find(|s| s.id == id)
    }

    /// The customer's status on the business date `as_of`: a confirmation accepted later does
    /// not count yet.
    pub fn status(&self, customer: &Customer, as_of: NaiveDate) -> AgreementStatus {
        let confirmed = self.gate_facts(customer, as_of).satisfied(false);
        AgreementStatus::of(customer.cloud, confirmed)
    }

    /// Which agreement's confirmation counts for the customer on `as_of`: the Microsoft
    /// Customer Agreement when it has one, else the Microsoft Cloud Agreement while it counts.
    pub fn agreement_in_force(
        &self,
        customer: &Customer,
        as_of: NaiveDate,
    ) -> Option<AgreementKind> {
        agreement::in_force_on(self.confirmations(&customer.id), as_of)
    }

    /// What the gate looks at on the business date `as_of`, in the dashboard.
    pub fn gate_facts(&self, customer: &Customer, as_of: NaiveDate) -> GateFacts {
        self.gate_facts_for(customer, as_of, Face::Dashboard, Environment::Production)
    }

    /// What the gate looks at on the business date `as_of` through one face of Partner Center
    /// in one environment.
    pub fn gate_facts_for(
        &self,
        customer: &Customer,
        as_of: NaiveDate,
        face: Face,
        environment: Environment,
    ) -> GateFacts {
        GateFacts {
            phase: Phase::for_face(as_of, face, environment),
            cloud: customer.cloud,
            era: AgreementEra::on(as_of),
            held: agreement::held_on(self.confirmations(&customer.id), as_of),
            mandatory_from: timeline::mandatory_from(face, environment),
        }
    }

    pub fn insert_customer(&mut self, customer: Customer) {
        let position = self.customers.len();
        self.positions.insert(customer.id.clone(), position);
        let key = sort_key(&customer);
        let rank = self.by_name.partition_point(|&i| self.keys[i] <= key);
        self.by_name.insert(rank, position);
        self.customers.push(customer);
        self.keys.push(key);
    }

    /// Rank of a customer in company-name order.
    pub fn rank_of(&self, customer_id: &str) -> Option<usize> {
        let position = *self.positions.get(customer_id)?;
        self.by_name.iter().position(|&i| i == position)
    }

    pub fn add_confirmation(&mut self, confirmation: Confirmation) {
        self.confirmations
            .entry(confirmation.customer_id.clone())
            .or_default()
            .push(confirmation);
    }

    fn add_customer_order(&mut self, order: Order) {
        self.orders
            .entry(order.customer_id.clone())
            .or_default()
            .push(order);
    }

    /// Takes back a confirmation added to the book and not written (an import's plan).
    pub fn remove_confirmation(&mut self, confirmation: &Confirmation) {
        if let Some(recorded) = self.confirmations.get_mut(&confirmation.customer_id) {
            if let Some(at) = recorded.iter().rposition(|c| c == confirmation) {
                recorded.remove(at);
            }
        }
    }

    pub fn add_order(&mut self, order: Order, subscriptions: Vec<Subscription>) {
        self.add_customer_order(order);
        for subscription in subscriptions {
            self.subscriptions
                .entry(subscription.customer_id.clone())
                .or_default()
                .push(subscription);
        }
    }

    /// Puts a subscription as written in place of the book's copy, as the book's business
    /// date sees it (its seat count and auto-renew of that day).
    pub fn replace_subscription(&mut self, subscription: Subscription) {
        let subscription = match self.as_of {
            Some(date) => subscription.as_of(date),
            None => subscription,
        };
        if let Some(slot) = self
            .subscriptions
            .get_mut(&subscription.customer_id)
            .and_then(|subs| subs.iter_mut().find(|s| s.id == subscription.id))
        {
            *slot = subscription;
        }
    }
}

fn sort_key(customer: &Customer) -> String {
    list_order_key(&customer.company_name, &customer.domain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets;

    fn demo() -> Book {
        Book::from_snapshot(assets::demo_snapshot())
    }

    #[test]
    fn customers_are_listed_by_company_name_whatever_the_case() {
        let book = demo();
        let names: Vec<String> = book
            .customers_by_name()
            .map(|c| c.company_name.to_lowercase())
            .collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert_eq!(book.len(), 34);
    }

    #[test]
    fn a_new_customer_takes_its_place_in_name_order() {
        let mut book = demo();
        let mut customer = book.by_name(0).unwrap().clone();
        customer.id = "new-id".into();
        customer.company_name = "AAA First Company".into();
        customer.domain = "aaafirst.onmicrosoft.com".into();
        book.insert_customer(customer);
        assert_eq!(book.by_name(0).unwrap().id, "new-id");
        assert_eq!(book.rank_of("new-id"), Some(0));
        assert!(book.domain_taken("AAAFIRST.onmicrosoft.com"));
    }

    #[test]
    fn status_reflects_cloud_and_confirmations() {
        let book = demo();
        let on = "2018-11-14".parse().unwrap();
        let status = |id: &str| book.status(book.customer(id).unwrap(), on);
        assert_eq!(
            status("9d62ba20-49fe-4b68-b3d6-6c88eae123dc"),
            AgreementStatus::Confirmed
        );
        assert_eq!(
            status("8e56785c-c066-4754-939a-d596743a7b4a"),
            AgreementStatus::NotConfirmed
        );
        assert_eq!(
            status("96312fd6-41dd-4f64-9850-432d9aefd04a"),
            AgreementStatus::NotSupported
        );
    }

    #[test]
    fn customers_are_found_by_id_or_domain() {
        let book = demo();
        let by_domain = book.find("ContosoElectronics.onmicrosoft.com").unwrap();
        assert_eq!(by_domain.id, "9d62ba20-49fe-4b68-b3d6-6c88eae123dc");
        assert!(book.find("9d62ba20-49fe-4b68-b3d6-6c88eae123dc").is_some());
        assert!(book.find("nobody.onmicrosoft.com").is_none());
    }
}
