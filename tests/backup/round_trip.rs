//! Backup, restore into a new data directory, backup again: the two backups are the same but
//! for the moment they were written, and every command answers the same on both stores.

use crate::*;
use serde_json::Value;

/// The lines of a backup, with the moment of writing left out of its header.
fn without_moment(file: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(file).expect("read the backup");
    let mut lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let written = lines[0]
        .as_object_mut()
        .expect("a header")
        .remove("written");
    assert!(written.is_some_and(|w| w.is_string()));
    lines
}

#[test]
fn a_restored_store_backs_up_to_the_same_lines_and_answers_every_command_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let (original, copy) = (dir.path().join("original"), dir.path().join("copy"));
    // Changes beyond the demo data: a confirmation, an order, and a seat change.
    ok(
        &original,
        &[
            "agreements",
            "create",
            "--customer",
            "sakuradesign.onmicrosoft.com",
            "--first-name",
            "山田",
            "--last-name",
            "太郎",
            "--email",
            "taro@sakura.jp",
            "--phone",
            "+81 3-1234-5678",
            "--date",
            "2018-11-01",
        ],
    );
    ok(
        &original,
        &[
            "orders",
            "create",
            "--customer",
            "sakuradesign.onmicrosoft.com",
            "--offer",
            "8BBCEA40-9A69-42FA-ABDC-DC6C5F8C6F72",
            "--quantity",
            "12",
        ],
    );
    let first = backup_demo(&original, &dir.path().join("first.jsonl"));

    let said = ok(&copy, &["restore", arg(&first)]);
    assert_eq!(
        said,
        format!(
            "Restored 34 customers (27 confirmations, 41 orders, 62 subscriptions) from {} into {}\n",
            first.display(),
            copy.join("demo").display()
        )
    );
    assert_eq!(load(&copy), load(&original));
    let second = backup_demo(&copy, &dir.path().join("second.jsonl"));
    assert_eq!(without_moment(&second), without_moment(&first));

    let sakura = "sakuradesign.onmicrosoft.com";
    let contoso = "contosoelectronics.onmicrosoft.com";
    for args in [
        &["customers", "list"][..],
        &["customers", "list", "--format", "csv"],
        &["agreements", "list", "--customer", sakura],
        &["agreements", "list", "--customer", contoso],
        &["customers", "show", sakura],
        &["report", "compliance"],
        &["report", "compliance", "--format", "json"],
        &["agreements", "export"],
    ] {
        assert_eq!(ok(&copy, args), ok(&original, args), "{args:?}");
    }
}

#[test]
fn a_generated_store_of_some_thousands_comes_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let (original, copy) = (dir.path().join("original"), dir.path().join("copy"));
    let generate = |data: &Path| {
        let mut command = pcenter(data);
        let args = [
            "--partner",
            "Tailspin",
            "generate",
            "--customers",
            "3000",
            "--seed",
            "7",
        ];
        let output = command.args(args).output().expect("run pcenter");
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    };
    generate(&original);
    let file = dir.path().join("generated.jsonl");
    assert_eq!(
        ok(&original, &["backup", "--out", arg(&file)]),
        format!("Backed up 3,000 customers to {}\n", file.display())
    );
    let said = ok(&copy, &["restore", arg(&file)]);
    assert!(said.starts_with("Restored 3,000 customers ("), "{said}");
    assert_eq!(load(&copy), load(&original));
    assert_eq!(
        ok(&copy, &["report", "compliance", "--format", "csv"]),
        ok(&original, &["report", "compliance", "--format", "csv"])
    );
}
