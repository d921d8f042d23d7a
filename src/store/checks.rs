//! The store's rules for a dossier that arrives whole (from a backup), for callers outside the
//! store that want to name the offending line before anything is written.

use super::{rules, validity, Dossier, StoreError};
use crate::domain::agreement::Confirmation;
use crate::domain::record_problem::RecordProblem;

/// Whether the store would take a dossier that arrives whole (from a backup), with the checks
/// of its own fills.
pub fn check_restored_dossier(dossier: &Dossier) -> Result<(), RecordProblem> {
    rules::dossier_problem(dossier).map_or(Ok(()), Err)
}

/// Whether the store would take `confirmation` for the customer of `dossier` (as the store
/// finds it), with the same checks as its own writes: what a dry run judges without writing.
pub fn check_new_confirmation(
    dossier: Option<&Dossier>,
    confirmation: &Confirmation,
) -> Result<(), StoreError> {
    rules::check_confirmation(dossier, confirmation)
}

/// Whether the store would take `name` as the partner organization's name.
pub fn check_partner_name(name: &str) -> Result<(), RecordProblem> {
    validity::partner_problem(name).map_or(Ok(()), Err)
}

/// The form of a domain under which the store keeps domains unique.
pub fn domain_key(domain: &str) -> String {
    rules::domain_key(domain)
}
