use super::*;
use crate::assets;
use crate::domain::agreement::Confirmation;
use crate::domain::cloud::Cloud;
use crate::domain::customer::Customer;
use crate::store::{ListingRows, MemoryStore, SledStore, Snapshot};

fn demo() -> Snapshot {
    assets::demo_snapshot()
}

/// The problems found in the demo data after `damage`.
fn problems_after(damage: impl FnOnce(&mut Snapshot)) -> Vec<String> {
    let mut snapshot = demo();
    damage(&mut snapshot);
    audit(&MemoryStore::holding_unchecked(snapshot)).unwrap()
}

fn assert_found(problems: &[String], says: &str) {
    assert!(
        problems.iter().any(|p| p.contains(says)),
        "nothing says {says:?}: {problems:?}"
    );
}

#[test]
fn the_demo_data_is_whole_in_both_stores() {
    assert_eq!(
        audit(&MemoryStore::with_snapshot(demo())).unwrap(),
        Vec::<String>::new()
    );
    let dir = tempfile::tempdir().unwrap();
    let sled = SledStore::open(dir.path()).unwrap();
    sled.write_snapshot(&demo()).unwrap();
    assert_eq!(audit(&sled).unwrap(), Vec::<String>::new());
}

#[test]
fn an_order_without_its_subscriptions_is_found() {
    let problems = problems_after(|s| {
        let order = s.orders[0].id.clone();
        s.subscriptions.retain(|sub| sub.order_id != order);
    });
    assert_found(&problems, "subscriptions");
}

#[test]
fn a_subscription_without_its_order_is_found() {
    let problems = problems_after(|s| {
        let order = s.subscriptions[0].order_id.clone();
        s.orders.retain(|o| o.id != order);
    });
    assert_found(&problems, "belongs to no stored order");
}

#[test]
fn a_customer_without_a_required_field_is_found() {
    let problems = problems_after(|s| s.customers[0].address.city = String::new());
    assert_found(&problems, "Enter the city.");
    let problems = problems_after(|s| s.customers[1].domain = "contoso.com".into());
    assert_found(&problems, "is not a primary domain");
    let problems = problems_after(|s| s.customers[2].primary_contact.email = "x".into());
    assert_found(&problems, "needs an @");
}

#[test]
fn a_confirmation_that_breaks_the_field_rules_is_found() {
    let problems = problems_after(|s| s.confirmations[0].accepted_by.first_name = " ".into());
    assert_found(&problems, "Enter the first name.");
    let problems = problems_after(|s| {
        let c = &mut s.confirmations[0];
        // A day later than the date anywhere on Earth when it was recorded.
        c.date_agreed = c.recorded_at.date_naive() + chrono::Days::new(2);
    });
    assert_found(&problems, "after the moment it was recorded");
    let problems = problems_after(|s| {
        let confirmed = s.confirmations[0].customer_id.clone();
        let customer = s.customers.iter_mut().find(|c| c.id == confirmed).unwrap();
        customer.cloud = Cloud::Germany;
    });
    assert_found(&problems, "Public Cloud only");
}

/// The demo data, with a store that answers some questions wrongly.
struct Skewed {
    store: MemoryStore,
    lost_domain: bool,
    lost_row: bool,
}

impl Store for Skewed {
    fn load(&self) -> Result<Snapshot, StoreError> {
        self.store.load()
    }
    fn dossier(&self, id: &str) -> Result<Option<Dossier>, StoreError> {
        self.store.dossier(id)
    }
    fn customer_id_by_domain(&self, domain: &str) -> Result<Option<String>, StoreError> {
        match self.lost_domain {
            true => Ok(None),
            false => self.store.customer_id_by_domain(domain),
        }
    }
    fn listing(&self) -> Result<ListingRows, StoreError> {
        Ok(Box::new(
            self.store.listing()?.skip(usize::from(self.lost_row)),
        ))
    }
    fn customer_count(&self) -> Result<u64, StoreError> {
        self.store.customer_count()
    }
    fn generation(&self) -> Result<u64, StoreError> {
        self.store.generation()
    }
    fn is_empty(&self) -> Result<bool, StoreError> {
        self.store.is_empty()
    }
    fn new_id(&self) -> Result<String, StoreError> {
        self.store.new_id()
    }
    fn set_partner_name(&self, name: &str) -> Result<(), StoreError> {
        self.store.set_partner_name(name)
    }
    fn create_customer(&self, c: &Customer, a: Option<&Confirmation>) -> Result<(), StoreError> {
        self.store.create_customer(c, a)
    }
    fn add_confirmation(&self, confirmation: &Confirmation) -> Result<(), StoreError> {
        self.store.add_confirmation(confirmation)
    }
    fn create_order(
        &self,
        order: &crate::domain::commerce::Order,
        subscriptions: &[crate::domain::commerce::Subscription],
    ) -> Result<(), StoreError> {
        self.store.create_order(order, subscriptions)
    }
    fn update_subscription(
        &self,
        subscription: &crate::domain::commerce::Subscription,
    ) -> Result<(), StoreError> {
        self.store.update_subscription(subscription)
    }
    fn write_snapshot(&self, snapshot: &Snapshot) -> Result<(), StoreError> {
        self.store.write_snapshot(snapshot)
    }
}

fn skewed(lost_domain: bool, lost_row: bool) -> Vec<String> {
    let store = Skewed {
        store: MemoryStore::with_snapshot(demo()),
        lost_domain,
        lost_row,
    };
    audit(&store).unwrap()
}

#[test]
fn ways_of_finding_a_customer_that_disagree_with_the_records_are_found() {
    assert_eq!(skewed(false, false), Vec::<String>::new());
    assert_found(&skewed(true, false), "its domain does not lead to it");
    assert_found(&skewed(false, true), "the Customers list shows 33 rows");
}
