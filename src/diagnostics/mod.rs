//! Diagnostics: a log file under the data directory (`pcenter.log`), never the terminal, with
//! contact details masked. It tells what each command and dashboard did: when they started and
//! ended, each store write, each refusal and each store error.

mod file;
mod logged;
pub mod mask;

pub use file::{LogFile, LIMIT};
pub use logged::Logged;

use std::path::Path;
use std::sync::Mutex;

pub const FILE_NAME: &str = "pcenter.log";

/// Sends this process's log to `<data dir>/pcenter.log`. Diagnostics never stand in the way of
/// work: when the file cannot be opened there is no log, and nothing else changes.
pub fn start(data_dir: &Path) {
    if crate::private::create_dir_all(data_dir).is_err() {
        return;
    }
    let Ok(file) = LogFile::open(&data_dir.join(FILE_NAME), LIMIT) else {
        return;
    };
    let subscriber = tracing_subscriber::fmt()
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .with_target(false)
        .finish();
    let _ = tracing::subscriber::set_global_default(subscriber);
}
