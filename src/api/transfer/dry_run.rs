//! The store a dry run hands to the service, so that every rule is applied exactly as in a real
//! import while nothing is written.

use crate::domain::agreement::Confirmation;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::customer::Customer;
use crate::store::{
    check_new_confirmation, Dossier, IoProblem, ListingRows, Snapshot, Store, StoreError,
};
use std::path::PathBuf;

/// Judges a confirmation of `customer` as the real store would, by the store's own rules, and
/// keeps nothing. Anything else is refused: an import records confirmations only.
pub struct DryRun {
    /// The customer the row names, as read from the store into the book.
    pub customer: Option<Dossier>,
}

fn refused() -> StoreError {
    StoreError::Io {
        path: PathBuf::from("(dry run)"),
        detail: IoProblem::DryRun,
    }
}

impl Store for DryRun {
    fn load(&self) -> Result<Snapshot, StoreError> {
        Err(refused())
    }

    fn dossier(&self, _: &str) -> Result<Option<Dossier>, StoreError> {
        Err(refused())
    }

    fn customer_id_by_domain(&self, _: &str) -> Result<Option<String>, StoreError> {
        Err(refused())
    }

    fn listing(&self) -> Result<ListingRows, StoreError> {
        Err(refused())
    }

    fn customer_count(&self) -> Result<u64, StoreError> {
        Err(refused())
    }

    fn generation(&self) -> Result<u64, StoreError> {
        Err(refused())
    }

    fn is_empty(&self) -> Result<bool, StoreError> {
        Err(refused())
    }

    fn new_id(&self) -> Result<String, StoreError> {
        Err(refused())
    }

    fn set_partner_name(&self, _: &str) -> Result<(), StoreError> {
        Err(refused())
    }

    fn create_customer(&self, _: &Customer, _: Option<&Confirmation>) -> Result<(), StoreError> {
        Err(refused())
    }

    fn add_confirmation(&self, confirmation: &Confirmation) -> Result<(), StoreError> {
        let dossier =
            (self.customer.as_ref()).filter(|d| d.customer.id == confirmation.customer_id);
        check_new_confirmation(dossier, confirmation)
    }

    fn create_order(&self, _: &Order, _: &[Subscription]) -> Result<(), StoreError> {
        Err(refused())
    }

    fn update_subscription(&self, _: &Subscription) -> Result<(), StoreError> {
        Err(refused())
    }

    fn write_snapshot(&self, _: &Snapshot) -> Result<(), StoreError> {
        Err(refused())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets;
    use crate::domain::cloud::Cloud;

    #[test]
    fn a_dry_run_refuses_what_the_store_would() {
        let demo = assets::demo_snapshot();
        let mut confirmation = demo.confirmations[0].clone();
        let customer = |id: &str| {
            let customer = demo.customers.iter().find(|c| c.id == id).unwrap();
            Some(Dossier::new(customer.clone()))
        };
        let dry_run = DryRun {
            customer: customer(&confirmation.customer_id),
        };
        assert_eq!(dry_run.add_confirmation(&confirmation), Ok(()));
        let national = demo
            .customers
            .iter()
            .find(|c| c.cloud != Cloud::Public)
            .unwrap();
        confirmation.customer_id = national.id.clone();
        let dry_run = DryRun {
            customer: customer(&national.id),
        };
        let refusal = dry_run.add_confirmation(&confirmation).unwrap_err();
        assert!(
            refusal.to_string().contains("Public Cloud only"),
            "{refusal}"
        );
        let nobody = DryRun { customer: None };
        assert!(matches!(
            nobody.add_confirmation(&confirmation),
            Err(StoreError::UnknownCustomer { .. })
        ));
    }
}
