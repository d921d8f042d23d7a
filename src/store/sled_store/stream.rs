//! Reading every dossier one at a time, in creation order (sequence number order), for copies
//! of stores too large to load whole.

use super::SledStore;
use crate::store::DossierRows;

impl SledStore {
    pub(super) fn stream_dossiers(&self) -> DossierRows<'_> {
        Box::new(self.trees.customers.iter().values().map(|value| {
            let stored = value.map_err(|e| self.fail(e))?;
            self.decode_dossier(&stored)
        }))
    }
}
