//! A whole-store check: every record whole and within the field rules, and every way of finding
//! a customer (by ID, by domain, in the list) agreeing with the records. Reads everything, so it
//! is meant for checks after a fault, not for every start.

use super::validity;
use super::{Dossier, Listed, Store, StoreError};
use crate::domain::status::AgreementStatus;

/// What is wrong in `store`, one plain sentence per problem; empty when nothing is. An `Err` is
/// a store that cannot even be read.
pub fn audit(store: &dyn Store) -> Result<Vec<String>, StoreError> {
    let snapshot = store.load()?;
    let dossiers = snapshot.into_dossiers();
    let mut problems = Vec::new();
    for dossier in &dossiers {
        let name = &dossier.customer.company_name;
        let id = &dossier.customer.id;
        let mut found: Vec<String> = (validity::dossier_problems(dossier).iter())
            .map(ToString::to_string)
            .collect();
        if store.dossier(id)?.as_ref() != Some(dossier) {
            found.push("reading it by its ID gives another record".into());
        }
        if store
            .customer_id_by_domain(&dossier.customer.domain)?
            .as_ref()
            != Some(id)
        {
            found.push("its domain does not lead to it".into());
        }
        problems.extend(found.into_iter().map(|p| format!("{name} ({id}): {p}")));
    }
    problems.extend(list_problems(store, &dossiers)?);
    let count = store.customer_count()?;
    if count != dossiers.len() as u64 {
        problems.push(format!(
            "the store counts {count} customers but holds {}",
            dossiers.len()
        ));
    }
    Ok(problems)
}

/// Whether the Customers list, and its backlog of unconfirmed rows, shows exactly the stored
/// customers as they are.
fn list_problems(store: &dyn Store, dossiers: &[Dossier]) -> Result<Vec<String>, StoreError> {
    let mut expected: Vec<Listed> = dossiers.iter().map(Dossier::listed).collect();
    expected.sort_by_key(Listed::key);
    let listing = store.listing()?.collect::<Result<Vec<_>, _>>()?;
    // As of the last date there is: every confirmation counts (only those of the Microsoft
    // Customer Agreement by then).
    let unconfirmed = store
        .unconfirmed_listing(chrono::NaiveDate::MAX)?
        .collect::<Result<Vec<_>, _>>()?;
    let mut problems = Vec::new();
    if listing != expected {
        problems.push(format!(
            "the Customers list shows {} rows that differ from the {} stored customers",
            listing.len(),
            expected.len()
        ));
    }
    expected.retain(|row| row.status_on(chrono::NaiveDate::MAX) == AgreementStatus::NotConfirmed);
    if unconfirmed != expected {
        problems.push(format!(
            "the backlog lists {} rows, not the {} customers without a confirmation",
            unconfirmed.len(),
            expected.len()
        ));
    }
    Ok(problems)
}

#[cfg(test)]
mod tests;
