//! Where everything is kept: a small trait, with sled behind it by default.

pub mod agents;
mod audit;
mod checks;
mod dossier;
mod identity;
mod io_problem;
mod lock;
mod memory;
mod rules;
mod sled_store;
mod validity;

#[cfg(test)]
mod behaviour_tests;
#[cfg(test)]
pub(crate) mod test_data;

pub use agents::AgentRegistry;
pub use audit::audit;
pub use checks::{check_new_confirmation, check_partner_name, check_restored_dossier, domain_key};
pub use dossier::{Dossier, Listed};
pub use identity::{StoreIdentity, IDENTITY_FILE};
pub use io_problem::IoProblem;
pub use lock::StoreLock;
pub use memory::MemoryStore;
pub use sled_store::SledStore;
pub use validity::{latest_date_at, ID_MAX};

use crate::domain::agreement::Confirmation;
use crate::domain::commerce::{Order, Subscription};
use crate::domain::customer::Customer;
use crate::domain::status::AgreementStatus;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The files of the Customers list saved beside the database (see `directory::ListCache`),
/// removed before the store's first write so that no stale copy outlives a change.
pub const LIST_CACHE_FILES: [&str; 2] = ["customers.list", "customers.list.partner"];

/// The version of the keys and values this build writes. A store written by a newer build is
/// refused rather than misread; an older one is migrated on open.
pub const SCHEMA_VERSION: u32 = 5;

/// Everything a store holds. Customers are in creation order; the other records are grouped by
/// customer, in that order, each customer's in creation (recording) order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub partner_name: Option<String>,
    pub customers: Vec<Customer>,
    /// Every confirmation ever recorded.
    pub confirmations: Vec<Confirmation>,
    pub orders: Vec<Order>,
    pub subscriptions: Vec<Subscription>,
}

impl Snapshot {
    /// The snapshot of dossiers given in creation order.
    pub fn of_dossiers(
        partner_name: Option<String>,
        dossiers: impl IntoIterator<Item = Dossier>,
    ) -> Snapshot {
        let mut snapshot = Snapshot {
            partner_name,
            ..Snapshot::default()
        };
        for dossier in dossiers {
            snapshot.customers.push(dossier.customer);
            snapshot.confirmations.extend(dossier.confirmations);
            snapshot.orders.extend(dossier.orders);
            snapshot.subscriptions.extend(dossier.subscriptions);
        }
        snapshot
    }
}

impl Snapshot {
    /// The snapshot's customers with their records, moved rather than copied. Records whose
    /// customer is not in the snapshot are dropped.
    pub fn into_dossiers(self) -> Vec<Dossier> {
        dossier::group(self).0
    }

    /// The same records in the order a store reads them back: grouped by customer, customers in
    /// the snapshot's order. Records of customers not in the snapshot keep their place, after.
    pub fn in_store_order(self) -> Snapshot {
        let partner_name = self.partner_name.clone();
        let (dossiers, others) = dossier::group(self);
        let mut ordered = Snapshot::of_dossiers(partner_name, dossiers);
        for (_, rest) in others {
            ordered.confirmations.extend(rest.confirmations);
            ordered.orders.extend(rest.orders);
            ordered.subscriptions.extend(rest.subscriptions);
        }
        ordered
    }
}

/// Rows of the customer list, one at a time, in list order.
pub type ListingRows = Box<dyn Iterator<Item = Result<Listed, StoreError>> + Send>;

/// A row of `Store::listing` as it was on the business date `as_of`: `None` for a customer
/// created later; a row changed later is worked out from the customer's records as they were
/// then (see `Dossier::as_of`). A row unchanged since is returned as it is, without a read.
pub fn row_on(
    store: &dyn Store,
    row: Listed,
    as_of: NaiveDate,
) -> Result<Option<Listed>, StoreError> {
    if row.changed_on.is_none_or(|changed| changed <= as_of) {
        return Ok(Some(row));
    }
    Ok(store
        .dossier(&row.id)?
        .and_then(|dossier| dossier.as_of(as_of))
        .map(|dossier| dossier.listed()))
}

/// Every customer's dossier, one at a time, in creation order.
pub type DossierRows<'s> = Box<dyn Iterator<Item = Result<Dossier, StoreError>> + 's>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("The pcenter store at {} is in use by another pcenter process. Close that one, or choose another --data-dir, and try again.", crate::domain::characters::quote_path(.path))]
    Locked { path: PathBuf },
    #[error("The pcenter store at {} was written by a newer pcenter (schema version {found}; this one reads up to {supported}). Upgrade pcenter to open it.", crate::domain::characters::quote_path(.path))]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("The pcenter store at {} cannot be read: {detail}. Nothing was changed; restore it from a backup or choose another --data-dir.", crate::domain::characters::quote_path(.path))]
    Corrupt { path: PathBuf, detail: String },
    #[error("This store was created for the Partner Center {store} environment, not {asked}: run with --environment {store} (or without --environment), or choose another --data-dir for {asked}.")]
    OtherEnvironment {
        store: crate::domain::timeline::Environment,
        asked: crate::domain::timeline::Environment,
    },
    #[error("The pcenter store at {} could not be used ({detail}). Check that the path is a directory you may write to, or choose another --data-dir.", crate::domain::characters::quote_path(.path))]
    Io { path: PathBuf, detail: IoProblem },
    /// Said as the domain box says it (`FieldProblem::DomainTaken`).
    #[error("{}", crate::domain::field_problem::FieldProblem::DomainTaken(crate::domain::characters::escaped(.domain).into_owned()))]
    DomainTaken { domain: String },
    #[error("No customer has the ID {}.", crate::domain::characters::quote(.id))]
    UnknownCustomer { id: String },
    #[error("No subscription has the ID {}.", crate::domain::characters::quote(.id))]
    UnknownSubscription { id: String },
    /// A create call named a record ID that is already stored (possible with imported data;
    /// `new_id` never repeats). Refused so that no two records share an ID.
    #[error("The ID {} is already in use; nothing was written.", crate::domain::characters::quote(.id))]
    IdTaken { id: String },
    #[error("The pcenter store at {} already holds customers; filling is only for an empty store. Choose another --data-dir.", crate::domain::characters::quote_path(.path))]
    NotEmpty { path: PathBuf },
    /// A record that breaks a rule of stored records, or that the store's own formats cannot
    /// hold; the forms refuse it before it gets here.
    #[error("This record cannot be stored: {}. Nothing was written.", .what.to_string().trim_end_matches('.'))]
    Unstorable {
        what: crate::domain::record_problem::RecordProblem,
    },
    #[error("An agent named '{}' is already registered; choose another name, or remove that agent first.", crate::domain::characters::quote(.name))]
    AgentTaken { name: String },
    #[error("No agent is named '{}'; see pcenter agents list.", crate::domain::characters::quote(.name))]
    UnknownAgent { name: String },
    #[error("This store keeps no agents.")]
    NoAgents,
}

impl StoreError {
    /// The same error, about the store at `path` (for a check made on a copy of it).
    pub fn at(self, path: &Path) -> StoreError {
        let path = path.to_path_buf();
        match self {
            StoreError::Locked { .. } => StoreError::Locked { path },
            StoreError::NewerSchema {
                found, supported, ..
            } => StoreError::NewerSchema {
                path,
                found,
                supported,
            },
            StoreError::Corrupt { detail, .. } => StoreError::Corrupt { path, detail },
            StoreError::Io { detail, .. } => StoreError::Io { path, detail },
            StoreError::NotEmpty { .. } => StoreError::NotEmpty { path },
            other => other,
        }
    }
}

/// Every write is durable (flushed to disk) when the call returns `Ok`, unless the store was
/// asked to `group_flushes`: then once `flush_written` returns.
pub trait Store: Send + Sync {
    /// From now on, writes of records (customers, confirmations, orders, subscriptions) may
    /// return before they are durable, and `flush_written` makes them so: a core asks for this,
    /// so that changes made at the same time share one flush.
    fn group_flushes(&self) {}
    /// Makes every write that returned before this call durable.
    fn flush_written(&self) -> Result<(), StoreError> {
        Ok(())
    }
    /// Everything in the store. Reads every record: meant for small stores and copies.
    fn load(&self) -> Result<Snapshot, StoreError>;
    /// Every customer with its records, in creation order, read one at a time so that a store
    /// of any size can be copied out in little memory. Not a snapshot: a write made while the
    /// rows are read may or may not show (compare `generation` before and after).
    fn dossiers(&self) -> Result<DossierRows<'_>, StoreError> {
        Ok(Box::new(self.load()?.into_dossiers().into_iter().map(Ok)))
    }
    /// The partner organization's name, when one is saved.
    fn partner_name(&self) -> Result<Option<String>, StoreError> {
        Ok(self.load()?.partner_name)
    }
    /// One customer with everything recorded for it.
    fn dossier(&self, customer_id: &str) -> Result<Option<Dossier>, StoreError>;
    /// The ID of the customer whose primary domain is `domain` (any case).
    fn customer_id_by_domain(&self, domain: &str) -> Result<Option<String>, StoreError>;
    /// Every customer as the Customers list shows it, in list order (company name, any case,
    /// then domain). Reads lazily, so the first rows come at once however many there are; the
    /// rows can be read on another thread.
    fn listing(&self) -> Result<ListingRows, StoreError>;
    /// The rows of `listing` whose status on the business date `as_of` is Not confirmed, in
    /// the same order.
    fn unconfirmed_listing(&self, as_of: NaiveDate) -> Result<ListingRows, StoreError> {
        let rows = self.listing()?.filter(move |row| {
            row.as_ref().map_or(true, |row| {
                row.status_on(as_of) == AgreementStatus::NotConfirmed
            })
        });
        Ok(Box::new(rows))
    }
    /// How many customers the store holds.
    fn customer_count(&self) -> Result<u64, StoreError>;
    /// A date no stored confirmation's acceptance date is after (`None` without any): from it
    /// on, every confirmation counts.
    fn latest_acceptance(&self) -> Result<Option<NaiveDate>, StoreError> {
        let snapshot = self.load()?;
        Ok(snapshot.confirmations.iter().map(|c| c.counts_from()).max())
    }
    /// The latest business date on which any record was made (`None` in an empty store, or
    /// one that cannot say): from it on every row of `listing` reads as stored, and before it
    /// some rows must be read as they were (see `row_on`).
    fn latest_change(&self) -> Result<Option<NaiveDate>, StoreError> {
        let snapshot = self.load()?;
        Ok(snapshot
            .into_dossiers()
            .iter()
            .map(Dossier::changed_on)
            .max())
    }
    /// A number that changes with every write: a copy of the list taken at one generation is
    /// current as long as the store's generation is the same.
    fn generation(&self) -> Result<u64, StoreError>;
    /// The directory of a store on disk, where a copy of the list may be saved beside it.
    fn location(&self) -> Option<&std::path::Path> {
        None
    }
    /// Tells the store a copy of the list was saved after its last change (see
    /// `LIST_CACHE_FILES`), so that its next change removes it again.
    fn list_copy_saved(&self) {}
    /// Which store this is, for a copy of its list to name (see `StoreIdentity`); `None` for a
    /// store that keeps no copy.
    fn identity(&self) -> Result<Option<StoreIdentity>, StoreError> {
        Ok(None)
    }
    /// Ends the use of the store. Every change is already saved; a store on disk also records
    /// how its files were left, so that its next open can tell whether anything else changed
    /// them.
    fn close(self: Box<Self>) {}
    /// Whether the store holds no customers yet (used to seed the demo store once).
    fn is_empty(&self) -> Result<bool, StoreError>;
    /// A new GUID-shaped ID, unique in this store and practically unique across stores.
    fn new_id(&self) -> Result<String, StoreError>;
    fn set_partner_name(&self, name: &str) -> Result<(), StoreError>;
    /// The Partner Center environment the store was created for; `None` for a store that does
    /// not keep one (taken as production).
    fn environment(&self) -> Result<Option<crate::domain::timeline::Environment>, StoreError> {
        Ok(None)
    }
    /// Records the environment of a new store (see `invocation::prepare`).
    fn set_environment(
        &self,
        environment: crate::domain::timeline::Environment,
    ) -> Result<(), StoreError> {
        let _ = environment;
        Ok(())
    }
    /// The agents who sign in to the store when it is served; `None` for a store that keeps
    /// none (a dry run's).
    fn registry(&self) -> Option<&dyn AgentRegistry> {
        None
    }
    /// Creates a customer and, when given, its first confirmation, in one atomic write.
    /// Refuses a domain that another customer holds (`DomainTaken`).
    fn create_customer(
        &self,
        customer: &Customer,
        confirmation: Option<&Confirmation>,
    ) -> Result<(), StoreError>;
    /// Adds a confirmation to a customer's history; none is ever overwritten.
    fn add_confirmation(&self, confirmation: &Confirmation) -> Result<(), StoreError>;
    /// Adds many confirmations in one atomic write: all of them, or none when one is refused.
    /// Far faster than one by one for an import.
    fn add_confirmations(&self, confirmations: &[Confirmation]) -> Result<(), StoreError> {
        confirmations
            .iter()
            .try_for_each(|c| self.add_confirmation(c))
    }
    /// Creates an order and its subscriptions in one atomic write.
    fn create_order(&self, order: &Order, subscriptions: &[Subscription])
        -> Result<(), StoreError>;
    /// Replaces a subscription (for example after a seat change).
    fn update_subscription(&self, subscription: &Subscription) -> Result<(), StoreError>;
    /// Adds every record of a snapshot (and its partner name, when set) as if each were created
    /// in order, in large batches with one flush at the end: the fast way to fill a store.
    /// Checked whole before anything is written (the refusals of the single writes), but not
    /// atomic: a failure of the disk part-way may leave part of it written.
    fn write_snapshot(&self, snapshot: &Snapshot) -> Result<(), StoreError>;

    /// Fills a store that holds no customer with many at once, chunk by chunk, calling
    /// `progress` with the size of each chunk written; returns how many were written. IDs and
    /// domains must be unique; if they are not, nothing stays written. Not atomic against a
    /// failing disk: the store may then hold part of them.
    fn fill(
        &self,
        partner_name: Option<&str>,
        chunks: &mut dyn Iterator<Item = Vec<Dossier>>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<u64, StoreError> {
        if !self.is_empty()? {
            return Err(StoreError::NotEmpty {
                path: self.location().map(Path::to_path_buf).unwrap_or_default(),
            });
        }
        let mut written = 0;
        for chunk in chunks {
            let count = chunk.len();
            let mut snapshot = Snapshot::of_dossiers(None, chunk);
            if written == 0 {
                snapshot.partner_name = partner_name.map(str::to_string);
            }
            self.write_snapshot(&snapshot)?;
            written += count as u64;
            progress(count);
        }
        Ok(written)
    }
}

/// Writes every record of a snapshot into a store (used to seed the demo store).
pub fn copy_into(store: &dyn Store, snapshot: &Snapshot) -> Result<(), StoreError> {
    store.write_snapshot(snapshot)
}

pub use crate::domain::guid::format_guid;

/// A fast, well-mixed 64-bit hash (splitmix64), used to spread sequential IDs.
pub fn mix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_have_the_version_4_shape() {
        let g = format_guid(mix64(1), mix64(2));
        assert_eq!(g.len(), 36);
        let parts: Vec<_> = g.split('-').map(str::len).collect();
        assert_eq!(parts, vec![8, 4, 4, 4, 12]);
        assert_eq!(&g[14..15], "4");
        assert!("89ab".contains(&g[19..20]));
        assert_ne!(
            format_guid(mix64(1), mix64(2)),
            format_guid(mix64(3), mix64(4))
        );
    }
}
