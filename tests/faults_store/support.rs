//! Stores as pcenter leaves them, ways of damaging them, and the refusal every entry point
//! must give.

use crate::binary::*;
use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Every file under `dir`, by path, with its bytes.
pub fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        // The diagnostics log says what happened; it is not part of the store.
        let name = path.file_name().unwrap().to_string_lossy();
        if name.starts_with("pcenter.log") {
            continue;
        }
        if path.is_dir() {
            found.extend(contents(&path));
        } else {
            found.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    found
}

/// A demo store that was used and closed, as pcenter leaves it.
pub fn used_store() -> Demo {
    let demo = Demo::new();
    assert_eq!(
        demo.run(MANDATORY_DAY, &["customers", "list"]).code,
        Some(0)
    );
    let confirmed = demo.run(MANDATORY_DAY, &CONFIRM_NORTHWIND);
    assert_eq!(confirmed.code, Some(0), "{confirmed:?}");
    demo
}

/// Writes `garbage` over `file` at regular intervals, so that it lands in every part of it.
pub fn stripe_with_garbage(file: &Path) {
    let mut bytes = std::fs::read(file).unwrap();
    for start in (0..bytes.len()).step_by(4096) {
        let end = (start + 64).min(bytes.len());
        bytes[start..end].copy_from_slice(&b"garbage!".repeat(8)[..end - start]);
    }
    std::fs::write(file, bytes).unwrap();
}

pub fn snapshot_file(store: &Path) -> PathBuf {
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
pub fn assert_refused_untouched(demo: &Demo, exit: i32, says: &str) -> String {
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

/// A store of 2,000 generated customers and an import of 1,500 confirmations, closed: sled then
/// has enough segments to panic when its file is cut short.
pub fn busy_store() -> Demo {
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
/// Waits until no process holds sled's lock on the database.
pub fn wait_until_released(store: &Path) {
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
