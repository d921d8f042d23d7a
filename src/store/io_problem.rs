//! Why the store's files could not be used (`StoreError::Io`), as data: English says it as
//! below, with the system's own words; another language says each case, and the common kinds
//! of the system's errors, in its own (see `IoTrouble`).

use crate::domain::characters::quote_path;
use crate::domain::io_trouble::IoTrouble;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IoProblem {
    /// The system's error with the store's files.
    #[error("{}", .0.said)]
    System(IoTrouble),
    /// A file stands where the store's directory, or one it is in, should be.
    #[error("{} is a file, not a directory", quote_path(.file))]
    FileInTheWay { file: PathBuf },
    /// The Customers list could not be saved beside the store (see `directory::ListCache`).
    #[error("the list could not be saved beside the store ({})", .0.said)]
    ListNotSaved(IoTrouble),
    /// The store's identity could not be written beside it (see `StoreIdentity`).
    #[error("its identity could not be written beside it ({})", .0.said)]
    IdentityNotWritten(IoTrouble),
    /// The store's files changed while it was closed, and the copy they are checked on could
    /// not be made beside it.
    #[error("its files changed since pcenter closed it, and checking them needs a copy beside it, which could not be made ({}); free some space and try again", .0.said)]
    NoCopyToCheck(IoTrouble),
    /// A record the store's format cannot hold; the encoder's words.
    #[error("a record could not be encoded ({0})")]
    NotEncoded(String),
    /// The storage engine failed in a way it should not; its words.
    #[error("the storage engine failed ({0})")]
    EngineFailed(String),
    /// No home directory to keep the data in, and no `--data-dir`: as the English shell says
    /// it (`ShellWords::no_data_dir`).
    #[error("cannot find a home directory for the data; pass --data-dir DIR")]
    NoDataDir,
    /// A dry run's store was asked for more than judging a confirmation.
    #[error("a dry run records confirmations only, and keeps none")]
    DryRun,
}

impl IoProblem {
    /// The system's error, with its kind.
    pub fn system(error: &std::io::Error) -> IoProblem {
        IoProblem::System(IoTrouble::from(error))
    }
}
