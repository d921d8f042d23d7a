//! A damaged or foreign store, from the outside: garbage in its files, a file cut short, a
//! newer schema, a data directory that is a file or out of reach, saved changes gone missing.
//! Each gets one plain line naming the store and what to do, its own exit status, no panic, and
//! the files exactly as they were: nothing is reset or deleted.
#![cfg(unix)]

mod binary;
mod pty;

use binary::*;
use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Every file under `dir`, by path, with its bytes.
fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(contents(&path));
        } else {
            found.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    found
}

/// A demo store that was used and closed, as pcenter leaves it.
fn used_store() -> Demo {
    let demo = Demo::new();
    assert_eq!(
        demo.run(MANDATORY_DAY, &["customers", "list"]).code,
        Some(0)
    );
    let confirmed = demo.run(
        MANDATORY_DAY,
        &[
            "agreements",
            "create",
            "--customer",
            NORTHWIND,
            "--first-name",
            "Diego",
            "--last-name",
            "Siciliani",
            "--email",
            "diego@northwindtraders.com",
        ],
    );
    assert_eq!(confirmed.code, Some(0), "{confirmed:?}");
    demo
}

/// Writes `garbage` over `file` at regular intervals, so that it lands in every part of it.
fn stripe_with_garbage(file: &Path) {
    let mut bytes = std::fs::read(file).unwrap();
    for start in (0..bytes.len()).step_by(4096) {
        let end = (start + 64).min(bytes.len());
        bytes[start..end].copy_from_slice(&b"garbage!".repeat(8)[..end - start]);
    }
    std::fs::write(file, bytes).unwrap();
}

fn snapshot_file(store: &Path) -> PathBuf {
    std::fs::read_dir(store)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("snap.")
        })
        .expect("a snapshot file")
}

/// The refusal of a command, of a writing command and of the dashboard: `exit`, one plain line
/// that names the store and starts with `says`, and every file as it was.
fn assert_refused_untouched(demo: &Demo, exit: i32, says: &str) -> String {
    let data_dir = demo.store_path().parent().unwrap().to_path_buf();
    let before = contents(&data_dir);
    let runs = [
        demo.run(MANDATORY_DAY, &["customers", "list"]),
        demo.run(
            MANDATORY_DAY,
            &[
                "orders",
                "create",
                "--customer",
                CONTOSO,
                "--offer",
                E3,
                "--quantity",
                "5",
            ],
        ),
        demo.run(MANDATORY_DAY, &[]), // the dashboard, here without a terminal
    ];
    let mut line = String::new();
    for run in runs {
        assert_eq!(run.code, Some(exit), "{run:?}");
        assert_eq!(run.stdout, "", "{run:?}");
        line = run.stderr.clone();
        assert_eq!(line.lines().count(), 1, "{run:?}");
        let expected = format!(
            "pcenter: The pcenter store at {} ",
            demo.store_path().display()
        );
        assert!(line.starts_with(&expected), "{line}");
        assert!(line.contains(says), "{line}");
        assert!(!line.contains("panicked"), "{line}");
    }
    assert_eq!(contents(&data_dir), before, "a refused store was changed");
    line
}

#[test]
fn garbage_in_the_database_is_refused_as_damaged_with_the_files_left_as_they_were() {
    let demo = used_store();
    stripe_with_garbage(&demo.store_path().join("db"));
    let line = assert_refused_untouched(&demo, 12, "cannot be read: its data files are damaged.");
    assert!(
        line.contains("restore it from a backup or choose another --data-dir"),
        "{line}"
    );
}

/// A store of 2,000 generated customers and an import of 1,500 confirmations, closed: sled then
/// has enough segments to panic when its file is cut short.
fn busy_store() -> Demo {
    let demo = Demo::new();
    let generated = demo.run(MANDATORY_DAY, &["generate", "--customers", "2000"]);
    assert_eq!(generated.code, Some(0), "{generated:?}");
    let export = demo.run(MANDATORY_DAY, &["agreements", "export"]);
    let mut csv = String::new();
    for (i, line) in export.stdout.lines().take(1501).enumerate() {
        let mut fields = csv_fields(line);
        if i > 0 {
            fields[2] = "2018-11-01".into();
            fields[3] = "Row".into();
            fields[4] = format!("Line {i}");
            fields[6] = format!("row{i}@faults.example");
        }
        csv.push_str(
            &fields
                .iter()
                .map(|f| format!("\"{f}\""))
                .collect::<Vec<_>>()
                .join(","),
        );
        csv.push('\n');
    }
    let file = demo.store_path().with_file_name("import.csv");
    std::fs::write(&file, csv).unwrap();
    let imported = demo.run(
        MANDATORY_DAY,
        &["agreements", "import", file.to_str().unwrap()],
    );
    assert!(imported.stdout.contains("created"), "{imported:?}");
    std::fs::remove_file(file).unwrap();
    demo
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
        "pcenter: The pcenter store at {} cannot be read: its data files are damaged.",
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

/// Waits until no process holds sled's lock on the database.
fn wait_until_released(store: &Path) {
    let file = File::open(store.join("db")).unwrap();
    let started = Instant::now();
    while file.try_lock().is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the database stayed locked"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    file.unlock().unwrap();
}

#[test]
fn a_store_written_by_a_newer_pcenter_is_refused_with_exit_13() {
    let demo = used_store();
    {
        // What a newer pcenter would write: its schema version.
        let db = sled::open(demo.store_path()).unwrap();
        let meta = db.open_tree("meta").unwrap();
        meta.insert("schema_version", &99u32.to_be_bytes()[..])
            .unwrap();
        db.flush().unwrap();
    }
    wait_until_released(&demo.store_path());
    let line = assert_refused_untouched(&demo, 13, "was written by a newer pcenter");
    assert!(
        line.contains("(schema version 99; this one reads up to 2). Upgrade pcenter to open it."),
        "{line}"
    );
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

#[test]
fn a_data_dir_that_is_a_file_is_refused_with_exit_4_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data");
    std::fs::write(&file, "notes").unwrap();
    for args in [&["customers", "list"][..], &[]] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_pcenter"))
            .arg("--data-dir")
            .arg(&file)
            .args(args)
            .env_remove("PCENTER_DATA_DIR")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(4), "{stderr}");
        assert_eq!(
            stderr,
            format!(
                "pcenter: The pcenter store at {}/store could not be used ({} is a file, not a \
                 directory). Check that the path is a directory you may write to, or choose \
                 another --data-dir.\n",
                file.display(),
                file.display()
            )
        );
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "notes");
}

#[test]
fn a_store_out_of_reach_is_refused_with_exit_4() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!("skipped: permissions do not bind the root user");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let demo = used_store();
    let store = demo.store_path();
    let data_dir = store.parent().unwrap().to_path_buf();
    for locked in [&store, &data_dir] {
        std::fs::set_permissions(locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let run = demo.run(MANDATORY_DAY, &["customers", "list"]);
        std::fs::set_permissions(locked, std::fs::Permissions::from_mode(0o700)).unwrap();
        assert_eq!(run.code, Some(4), "{run:?}");
        assert_eq!(
            run.stderr,
            format!(
                "pcenter: The pcenter store at {} could not be used (permission denied). Check \
                 that the path is a directory you may write to, or choose another --data-dir.\n",
                store.display()
            )
        );
    }
    assert_eq!(
        demo.run(MANDATORY_DAY, &["customers", "list"]).code,
        Some(0)
    );
}
