//! `pcenter agreements export` and `import` run as the real binary on temporary data
//! directories: the CSV written, every kind of row read back, dry runs, roles, and an export →
//! import round trip on 10,000 customers.

mod binary;
#[path = "api_transfer/encodings.rs"]
mod encodings;
#[path = "api_transfer/export.rs"]
mod export;
#[path = "api_transfer/formulas.rs"]
mod formulas;
#[path = "api_transfer/import.rs"]
mod import;
#[path = "api_transfer/out_file.rs"]
mod out_file;
#[cfg(unix)]
#[path = "api_transfer/progress.rs"]
mod progress;
#[cfg(unix)]
mod pty;
#[path = "api_transfer/round_trip.rs"]
mod round_trip;

use pcenter::store::{SledStore, Snapshot, Store, StoreError};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::Duration;

/// Demo customers with known states.
pub const CONTOSO: &str = "9d62ba20-49fe-4b68-b3d6-6c88eae123dc"; // confirmed
pub const NORTHWIND: &str = "8e56785c-c066-4754-939a-d596743a7b4a"; // unconfirmed
pub const BAECKEREI: &str = "96312fd6-41dd-4f64-9850-432d9aefd04a"; // Microsoft Cloud Germany
pub const SAKURA: &str = "24dc1531-9f15-41db-bc71-077987e5c994"; // unconfirmed
pub const HANBIT: &str = "71f38dd5-9faf-45ed-95e8-75334d80b000"; // confirmed

/// A business date in the mandatory phase.
pub const TODAY: &str = "2018-11-14";
pub const AGENT: &str = "Megan Bowen";

/// The header of a file exported before the Type column: such files still import.
pub const HEADER: &str = "TenantId,Domain,Date,First Name,Last Name,Phone,Email";
/// The header the export writes: the same columns, then the agreement's type.
pub const EXPORT_HEADER: &str = "TenantId,Domain,Date,First Name,Last Name,Phone,Email,Type";

/// pcenter on the store under `data`, on `TODAY`, as `AGENT`, with none of its environment
/// variables inherited and no terminal.
pub fn pcenter(data: &Path) -> Command {
    binary::pcenter_at(data, &["--today", TODAY, "--agent", AGENT])
}

/// Runs pcenter with `args`; waits out the moment sled may keep a store locked after this
/// process closed it.
pub fn run(data: &Path, args: &[&str]) -> Output {
    for _ in 0..50 {
        let output = pcenter(data).args(args).output().expect("run pcenter");
        if output.status.code() != Some(3) {
            return output;
        }
        sleep(Duration::from_millis(20));
    }
    panic!("the store under {} stayed locked", data.display());
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr")
}

fn open(data: &Path) -> SledStore {
    let path = data.join("store");
    for _ in 0..50 {
        match SledStore::open(&path) {
            Err(StoreError::Locked { .. }) => sleep(Duration::from_millis(20)),
            opened => return opened.expect("open the store"),
        }
    }
    panic!("{} stayed locked", path.display());
}

/// Fills the (real, not demo) store under `data` with `snapshot`.
pub fn seed(data: &Path, snapshot: &Snapshot) {
    open(data).write_snapshot(snapshot).expect("seed the store");
}

/// Everything the store under `data` holds.
pub fn load(data: &Path) -> Snapshot {
    open(data).load().expect("load the store")
}

pub fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write a test file");
    path
}

pub fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The primary domain of a customer of `snapshot`.
pub fn domain(snapshot: &Snapshot, id: &str) -> String {
    let customer = snapshot.customers.iter().find(|c| c.id == id);
    customer.expect("a known customer").domain.clone()
}
