//! The store's identity in its metadata (see `store::identity`).

use super::layout::IDENTITY;
use super::SledStore;
use crate::domain::io_trouble::IoTrouble;
use crate::store::{IoProblem, StoreError, StoreIdentity};

impl SledStore {
    /// The store's identity, written now when the store was made by a build without one (this
    /// is called only once the store is open and about to have its list saved), and repeated
    /// beside the database.
    pub fn identity(&self) -> Result<StoreIdentity, StoreError> {
        let identity = match self.stored_identity()? {
            Some(identity) => identity,
            None => {
                let identity = StoreIdentity::fresh();
                self.meta
                    .insert(IDENTITY, &identity.to_bytes()[..])
                    .map_err(|e| self.fail(e))?;
                self.flush()?;
                identity
            }
        };
        identity
            .write_beside(&self.path)
            .map_err(|e| StoreError::Io {
                path: self.path.clone(),
                detail: IoProblem::IdentityNotWritten(IoTrouble::from(&e)),
            })?;
        Ok(identity)
    }

    /// The identity in the store's metadata, without writing one when there is none.
    pub fn stored_identity(&self) -> Result<Option<StoreIdentity>, StoreError> {
        let stored = self.meta.get(IDENTITY).map_err(|e| self.fail(e))?;
        Ok(stored.as_deref().and_then(StoreIdentity::from_bytes))
    }
}
