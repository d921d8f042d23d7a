//! A damaged or foreign store, from the outside: garbage in its files, a file cut short, a
//! newer schema, a data directory that is a file or out of reach, saved changes gone missing.
//! Each gets one plain line naming the store and what to do, its own exit status, no panic, and
//! the files exactly as they were: nothing is reset or deleted.
#![cfg(unix)]

mod binary;
#[path = "faults_store/foreign.rs"]
mod foreign;
mod pty;
#[path = "faults_store/support.rs"]
mod support;

use binary::*;
use std::fs::File;
use support::*;

#[test]
fn garbage_in_the_database_is_refused_as_damaged_with_the_files_left_as_they_were() {
    let demo = used_store();
    stripe_with_garbage(&demo.store_path().join("db"));
    let line = assert_refused_untouched(&demo, 12, "cannot be read: its data files are damaged");
    assert!(
        line.contains("restore it from a backup or choose another --data-dir"),
        "{line}"
    );
}

#[test]
fn the_dashboard_in_a_terminal_refuses_a_damaged_store_and_restores_the_terminal() {
    let demo = used_store();
    stripe_with_garbage(&demo.store_path().join("db"));
    let data_dir = demo.store_path().parent().unwrap().to_path_buf();
    let before = contents(&data_dir);
    let mut dashboard = pty::Dashboard::start_with(&data_dir, &["--demo"]);
    let status = dashboard.wait_for_exit();
    assert_eq!(status.code(), Some(12), "{status:?}");
    let output = dashboard.raw_output();
    let message = format!(
        "pcenter: The pcenter store at {} cannot be read: its data files are damaged",
        demo.store_path().display()
    );
    let shown = output.rfind(&message).expect("the refusal is shown");
    if let Some(entered) = output.find(pty::ENTER_ALTERNATE_SCREEN) {
        let left = output
            .rfind(pty::LEAVE_ALTERNATE_SCREEN)
            .expect("the screen was left");
        assert!(
            entered < left && left < shown,
            "the refusal was written on the dashboard"
        );
    }
    assert_eq!(contents(&data_dir), before, "a refused store was changed");
}

#[test]
fn a_truncated_database_is_refused_as_damaged_without_a_panic() {
    let demo = busy_store();
    let database = demo.store_path().join("db");
    let len = std::fs::metadata(&database).unwrap().len();
    let file = File::options().write(true).open(&database).unwrap();
    file.set_len(len * 3 / 5).unwrap();
    assert_refused_untouched(&demo, 12, "its data files are damaged");
}

#[test]
fn garbage_in_the_snapshot_file_is_refused_as_damaged() {
    let demo = used_store();
    stripe_with_garbage(&snapshot_file(&demo.store_path()));
    assert_refused_untouched(&demo, 12, "its data files are damaged");
}
#[test]
fn a_store_missing_saved_changes_is_refused_until_its_seal_is_removed() {
    let demo = used_store();
    // As if sled had taken the last changes for an unfinished write and dropped them.
    let seal = demo.store_path().join("pcenter.seal");
    let mut sealed: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&seal).unwrap()).unwrap();
    sealed["generation"] = (sealed["generation"].as_u64().unwrap() + 5).into();
    std::fs::write(&seal, sealed.to_string()).unwrap();

    let run = demo.run(MANDATORY_DAY, &["customers", "show", NORTHWIND]);
    assert_eq!(run.code, Some(12), "{run:?}");
    assert!(
        run.stderr
            .contains("its data files are damaged: 5 saved changes are missing"),
        "{run:?}"
    );
    assert!(
        run.stderr
            .contains(&format!("delete {} to accept them", seal.display())),
        "{run:?}"
    );
    std::fs::remove_file(&seal).unwrap();
    let run = demo.run(MANDATORY_DAY, &["customers", "show", NORTHWIND]);
    assert_eq!(run.code, Some(0), "{run:?}");
}

/// Rewrites the seal of a closed store with `change`.
fn edit_seal(demo: &Demo, change: impl FnOnce(&mut serde_json::Value)) {
    let seal = demo.store_path().join("pcenter.seal");
    let mut sealed: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&seal).unwrap()).unwrap();
    change(&mut sealed);
    std::fs::write(&seal, sealed.to_string()).unwrap();
}

#[test]
fn a_store_closed_by_a_newer_pcenter_is_refused_before_its_files_are_opened() {
    let demo = used_store();
    // As a newer pcenter leaves it: closed, its files untouched since, its seal naming its schema.
    edit_seal(&demo, |sealed| sealed["schema"] = 99.into());
    let line = assert_refused_untouched(&demo, 13, "was written by a newer pcenter");
    assert!(
        line.contains("(schema version 99; this one reads up to"),
        "{line}"
    );
}

#[test]
fn a_damaged_store_left_open_by_a_crash_is_refused_with_its_files_as_they_were() {
    let demo = used_store();
    // As a pcenter killed while it held the store leaves it: the seal says it is open.
    edit_seal(&demo, |sealed| sealed["closed"] = serde_json::Value::Null);
    stripe_with_garbage(&demo.store_path().join("db"));
    assert_refused_untouched(&demo, 12, "its data files are damaged");
}

#[test]
fn a_store_left_open_and_missing_saved_changes_is_refused_with_its_files_as_they_were() {
    let demo = used_store();
    edit_seal(&demo, |sealed| {
        sealed["closed"] = serde_json::Value::Null;
        sealed["generation"] = (sealed["generation"].as_u64().unwrap() + 5).into();
    });
    assert_refused_untouched(&demo, 12, "5 saved changes are missing");
}
