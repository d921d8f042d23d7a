//! The store a dry run hands to the service, so that every rule is applied exactly as in a real
//! import while nothing is written.

use crate::domain::agreement::Confirmation;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::customer::Customer;
use crate::store::{Dossier, ListingRows, Snapshot, Store, StoreError};
use std::path::PathBuf;

/// Accepts a confirmation and keeps nothing. The service has found the confirmation's customer
/// in the book before it writes, which is all a store would check. Anything else is refused:
/// an import records confirmations only.
pub struct DryRun;

fn refused() -> StoreError {
    StoreError::Io {
        path: PathBuf::from("(dry run)"),
        detail: "a dry run records confirmations only, and keeps none".into(),
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

    fn add_confirmation(&self, _: &Confirmation) -> Result<(), StoreError> {
        Ok(())
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
