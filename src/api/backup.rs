//! `pcenter backup --out FILE|-` and `pcenter restore FILE [--replace]`: the whole store as a
//! file of JSON lines, and a store made again from one (see `crate::backup`).

use super::error::{code, exit, ApiError};
use super::output::cannot_write;
use super::transfer::progress::Progress;
use super::{write_error, Api};
use crate::backup::{self, BackupError, Restore, RestoreError};
use crate::clock::{Clock, SystemClock};
use crate::domain::characters::quote_path;
use crate::domain::role::GatedAction;
use crate::invocation::Options;
use crate::locale::words::Restored;
use crate::out_file::OutFile;
use crate::service::ServiceError;
use std::io::Write;
use std::path::Path;

/// Writes a backup of the store to `file`. A backup holds every confirmation, so only the roles
/// that may see them may take one.
pub fn backup(api: &mut Api, file: &Path, out: &mut dyn Write) -> Result<u8, ApiError> {
    api.actor
        .role
        .require(GatedAction::SeeConfirmation)
        .map_err(ServiceError::from)?;
    let destination = OutFile::open(file, Some(&mut *out)).map_err(|e| cannot_write(file, &e))?;
    let to_stdout = destination.is_standard_output();
    let now = api.now();
    // While no change can be written, so the backup is of one moment.
    let written = api
        .core
        .exclusive(|store| backup::write(store, destination, now));
    let customers = match written {
        // On standard output a failed write is the output's error, as for any command.
        Err(BackupError::Write { detail, kind, .. }) if to_stdout => {
            return Err(write_error(std::io::Error::new(kind, detail)));
        }
        written => written?,
    };
    if !to_stdout {
        let customers = crate::domain::count::thousands(customers as usize);
        let file = quote_path(file);
        let said = (api.words().backed_up)(&customers, &file);
        writeln!(out, "{said}").map_err(write_error)?;
    }
    Ok(0)
}

/// Makes the store of these options hold exactly what the backup `file` holds.
pub fn restore(
    options: &Options,
    file: &Path,
    replace: bool,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    options
        .actor()
        .role
        .require(GatedAction::CreateCustomer)
        .map_err(ServiceError::from)?;
    let target = options
        .store_path()
        .ok_or_else(|| ApiError::said(code::STORE, exit::STORE, |w| w.shell.no_data_dir.into()))?;
    let restore = Restore::open(file)?;
    let total = restore.header().customers;
    let words = &options.lang().words().commands;
    let mut progress = Progress::on_stderr(usize::try_from(total).unwrap_or(usize::MAX), words);
    let now = SystemClock.now_on(options.actor().business_date);
    let restored = restore.into_store(&target, replace, now, &mut |written| {
        for _ in 0..written {
            progress.advance();
        }
    })?;
    progress.clear();
    let tally = restored.tally;
    let count = |n: u64| crate::domain::count::thousands(n as usize);
    let said = (words.restored)(&Restored {
        customers: &count(tally.customers),
        confirmations: &count(tally.confirmations),
        orders: &count(tally.orders),
        subscriptions: &count(tally.subscriptions),
        from: &quote_path(file),
        into: &quote_path(&target),
    });
    writeln!(out, "{said}").map_err(write_error)?;
    if let Some(aside) = restored.set_aside {
        let said = (words.kept_aside)(&quote_path(&aside));
        writeln!(out, "{said}").map_err(write_error)?;
    }
    Ok(0)
}

impl From<BackupError> for ApiError {
    fn from(error: BackupError) -> ApiError {
        let exit = match &error {
            BackupError::Store(error) => return error.clone().into(),
            BackupError::Write { .. } => exit::OUTPUT_FILE,
            _ => exit::STORE,
        };
        // The dashboard's backup says the same refusal, in the catalogs' words.
        ApiError::new(code::STORE, exit, error.to_string()).made_from(ServiceError::Backup(error))
    }
}

impl From<RestoreError> for ApiError {
    fn from(error: RestoreError) -> ApiError {
        let (code, exit) = match &error {
            RestoreError::Store(error) => return error.clone().into(),
            RestoreError::NotPlaced { .. } => (code::STORE, exit::STORE),
            RestoreError::Unreadable { .. }
            | RestoreError::Damaged { .. }
            | RestoreError::NotEmpty { .. } => (code::BAD_REQUEST, exit::INVALID),
        };
        ApiError::said(code, exit, move |words| (words.problems.restore)(&error))
    }
}
