//! Refusals of `restore` that leave the store as it was, roles, and file modes.

use crate::*;
use serde_json::Value;

/// The description of the one JSON error on stderr, after checking the exit status and code.
fn refused(output: &Output, exit: i32, code: u64) -> String {
    assert_eq!(output.status.code(), Some(exit), "{}", stderr(output));
    assert_eq!(stdout(output), "");
    let error: Value = serde_json::from_str(stderr(output).trim()).expect("one JSON error");
    assert_eq!(error["code"], code, "{error}");
    error["description"]
        .as_str()
        .expect("a description")
        .to_string()
}

#[test]
fn restoring_over_customers_needs_replace_and_then_keeps_them_aside() {
    let dir = tempfile::tempdir().unwrap();
    let (original, target) = (dir.path().join("original"), dir.path().join("target"));
    let file = backup_demo(&original, &dir.path().join("demo.jsonl"));
    ok(
        &target,
        &[
            "agreements",
            "create",
            "--customer",
            "northwindtraders.onmicrosoft.com",
            "--first-name",
            "Zoë",
            "--last-name",
            "Wright",
            "--email",
            "zoe@northwind.com",
        ],
    );
    let before = load(&target);

    let description = refused(&run(&target, &["restore", arg(&file)]), 6, 400);
    assert_eq!(description, format!(
        "The store at {} already holds 34 customers, so nothing was restored. To restore over it, run again with --replace: that store is then moved aside, not deleted. Or choose an empty --data-dir.",
        target.join("demo").display()
    ));
    assert_eq!(load(&target), before);

    let said = ok(&target, &["restore", arg(&file), "--replace"]);
    let aside = names(&target)
        .into_iter()
        .find(|n| n.starts_with("demo-before-restore-"))
        .expect("the old store, moved aside");
    assert!(
        said.ends_with(&format!(
            "The store that was there is kept, unchanged, at {}\n",
            target.join(&aside).display()
        )),
        "{said}"
    );
    assert_eq!(load(&target), load(&original));
    let kept = SledStore::open(&target.join(aside)).unwrap();
    assert_eq!(kept.load().unwrap(), before, "nothing lost");
}

#[test]
fn a_truncated_or_newer_backup_is_refused_with_its_line_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (original, target) = (dir.path().join("original"), dir.path().join("target"));
    let file = backup_demo(&original, &dir.path().join("demo.jsonl"));
    let text = std::fs::read_to_string(&file).unwrap();
    let cut = dir.path().join("cut.jsonl");
    std::fs::write(&cut, &text[..text.len() * 2 / 3]).unwrap();

    let description = refused(&run(&target, &["restore", arg(&cut)]), 6, 400);
    let prefix = format!(
        "{}, line 23: this is not a customer record: EOF while parsing",
        cut.display()
    );
    assert!(description.starts_with(&prefix), "{description}");
    assert!(description.ends_with("Nothing was restored; the store is as it was."));
    assert_eq!(
        names(&target),
        ["pcenter.log"],
        "no store was made, not even in part"
    );

    let lines: Vec<&str> = text.lines().collect();
    let without_end = dir.path().join("without-end.jsonl");
    std::fs::write(&without_end, lines[..31].join("\n")).unwrap();
    let description = refused(&run(&target, &["restore", arg(&without_end)]), 6, 400);
    assert!(
        description.contains("line 31: the file ends after line 31 without its closing line"),
        "{description}"
    );

    let newer = dir.path().join("newer.jsonl");
    std::fs::write(&newer, text.replacen("\"version\":1", "\"version\":7", 1)).unwrap();
    let description = refused(&run(&target, &["restore", arg(&newer)]), 6, 400);
    assert!(description.contains("line 1: this backup is in format version 7, and this pcenter reads up to version 1; restore it with a newer pcenter"), "{description}");
    assert_eq!(names(&target), ["pcenter.log"]);
}

#[test]
fn a_helpdesk_agent_may_neither_back_up_nor_restore() {
    let dir = tempfile::tempdir().unwrap();
    let file = backup_demo(dir.path(), &dir.path().join("demo.jsonl"));
    let other = dir.path().join("other");
    for (data, args) in [
        (dir.path(), vec!["backup", "--out", "/dev/null"]),
        (other.as_path(), vec!["restore", arg(&file)]),
    ] {
        let mut command = pcenter(data);
        let output = command
            .args(["--role", "helpdesk-agent"])
            .args(&args)
            .output()
            .unwrap();
        let description = refused(&output, 7, 403);
        assert!(
            description.starts_with("You must be an Admin agent or Sales agent to"),
            "{description}"
        );
    }
    assert!(!other.join("demo").exists());
}

#[cfg(unix)]
#[test]
fn backups_and_exports_are_the_owners_only_and_so_is_a_new_data_directory() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("new").join("data");
    let (backup, export) = (dir.path().join("b.jsonl"), dir.path().join("e.csv"));
    for file in [&backup, &export] {
        std::fs::write(file, "an older file anyone could read").unwrap();
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    backup_demo(&data, &backup);
    ok(&data, &["agreements", "export", "--out", arg(&export)]);
    assert_eq!((mode(&backup), mode(&export)), (0o600, 0o600));
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("demo")), 0o700);

    let restored = dir.path().join("restored");
    ok(&restored, &["restore", arg(&backup)]);
    assert_eq!(mode(&restored), 0o700);
    assert_eq!(mode(&restored.join("demo")), 0o700);
}

#[test]
fn agents_come_back_from_a_backup_without_their_tokens() {
    let dir = tempfile::tempdir().unwrap();
    let (original, target) = (dir.path().join("original"), dir.path().join("target"));
    ok(
        &original,
        &["agents", "add", "Ann Agent", "--role", "sales-agent"],
    );
    ok(
        &original,
        &["agents", "add", "Bob Agent", "--role", "helpdesk-agent"],
    );
    let token = ok(&original, &["agents", "token", "Ann Agent"]);
    let file = dir.path().join("with-agents.jsonl");
    ok(&original, &["backup", "--out", arg(&file)]);
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(!written.contains(token.trim()), "no token in a backup");
    let header: Value = serde_json::from_str(written.lines().next().unwrap()).unwrap();
    assert_eq!(header["agents"][1]["name"], "Bob Agent");

    ok(&target, &["restore", arg(&file)]);
    assert_eq!(
        ok(&target, &["agents", "list"]),
        ok(&original, &["agents", "list"]),
        "the same agents, with the same object IDs"
    );
    let revoked: Value =
        serde_json::from_str(&ok(&target, &["agents", "token", "Ann Agent", "--revoke"])).unwrap();
    assert_eq!(revoked["tokensRevoked"], 0, "tokens are not restored");

    // A backup whose header names one agent twice is refused, naming it, and nothing changes.
    let twice = written.replacen("\"name\":\"Bob Agent\"", "\"name\":\"ann agent\"", 1);
    let twice_file = dir.path().join("twice.jsonl");
    std::fs::write(&twice_file, twice).unwrap();
    let empty = dir.path().join("empty");
    let output = run(&empty, &["restore", arg(&twice_file)]);
    let said = stderr(&output);
    assert!(
        said.contains("line 1") && said.contains("the agent 'ann agent' cannot be restored"),
        "{said}"
    );
    assert_ne!(output.status.code(), Some(0));
}
