//! `pcenter backup` and `pcenter restore` run as the real binary on temporary data directories,
//! and the dashboard's backup key: what the file holds, a round trip that reproduces the store,
//! refusals that leave the store as it was, and the modes of what is written.

mod common;

mod binary;
#[path = "backup/commands.rs"]
mod commands;
#[path = "backup/dashboard.rs"]
mod dashboard;
#[path = "backup/round_trip.rs"]
mod round_trip;
#[path = "backup/rules.rs"]
mod rules;

use pcenter::store::{SledStore, Snapshot, Store, StoreError};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::Duration;

/// A business date in the mandatory phase.
pub const TODAY: &str = "2018-11-14";

/// pcenter with the demo store under `data`, on `TODAY`, with none of its environment
/// variables inherited and no terminal.
pub fn pcenter(data: &Path) -> Command {
    binary::pcenter_at(
        data,
        &["--demo", "--today", TODAY, "--agent", "Megan Bowen"],
    )
}

/// Runs pcenter with `args`; waits out the moment sled may keep a store locked after the
/// process before closed it.
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

/// Runs pcenter with `args` and returns its standard output; fails unless it succeeded.
pub fn ok(data: &Path, args: &[&str]) -> String {
    let output = run(data, args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr")
}

pub fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The demo store under `data`, opened once pcenter has let go of it.
pub fn open(data: &Path) -> SledStore {
    let path = data.join("demo");
    for _ in 0..50 {
        match SledStore::open(&path) {
            Err(StoreError::Locked { .. }) => sleep(Duration::from_millis(20)),
            opened => return opened.expect("open the store"),
        }
    }
    panic!("{} stayed locked", path.display());
}

/// Everything the demo store under `data` holds.
pub fn load(data: &Path) -> Snapshot {
    open(data).load().expect("load the store")
}

/// A backup of the demo store (seeded by its first use) under `data`, written to `file`.
pub fn backup_demo(data: &Path, file: &Path) -> PathBuf {
    let said = ok(data, &["backup", "--out", arg(file)]);
    assert_eq!(
        said,
        format!("Backed up 34 customers to {}\n", file.display())
    );
    file.to_path_buf()
}

/// The names in a directory, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read a directory")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}
