//! `pcenter agents add|list|remove|token` from the outside: the agents who sign in when the
//! store is served, one per name, each token shown once and kept only as its hash.

mod binary;

use binary::*;
use serde_json::Value;
use std::path::Path;

fn agents(dir: &Path, args: &[&str]) -> Run {
    let output = pcenter_at(dir, &["--today", MANDATORY_DAY, "agents"])
        .args(args)
        .output()
        .expect("run pcenter");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn names(dir: &Path) -> Vec<String> {
    let listed: Value = serde_json::from_str(&agents(dir, &["list"]).stdout).unwrap();
    listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|agent| agent["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn agents_are_added_with_a_role_and_an_object_id_listed_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    assert!(names(dir.path()).is_empty());
    let added = agents(
        dir.path(),
        &["add", "  Ann Agent ", "--role", "sales-agent"],
    );
    assert_eq!(added.code, Some(0), "{added:?}");
    let ann: Value = serde_json::from_str(&added.stdout).unwrap();
    assert_eq!(ann["name"], "Ann Agent");
    assert_eq!(ann["role"], "sales-agent");
    let id = ann["id"].as_str().unwrap();
    assert_eq!(id.len(), 36, "a GUID: {id}");
    agents(
        dir.path(),
        &["add", "Bob Agent", "--role", "helpdesk-agent"],
    );
    assert_eq!(names(dir.path()), ["Ann Agent", "Bob Agent"]);

    let table = agents(dir.path(), &["list", "--format", "table"]).stdout;
    assert!(table.contains("Ann Agent  sales-agent"), "{table}");
    assert!(table.ends_with("2 agents\n"), "{table}");
    let csv = agents(dir.path(), &["list", "--format", "csv"]).stdout;
    assert!(
        csv.starts_with("Name,Role,ObjectId,Added\nAnn Agent,sales-agent,"),
        "{csv}"
    );

    let removed = agents(dir.path(), &["remove", "ann AGENT"]);
    assert_eq!(removed.code, Some(0), "{removed:?}");
    assert_eq!(
        serde_json::from_str::<Value>(&removed.stdout).unwrap()["id"],
        id
    );
    assert_eq!(names(dir.path()), ["Bob Agent"]);
}

#[test]
fn each_refusal_says_what_to_do_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    agents(dir.path(), &["add", "Ann Agent", "--role", "admin-agent"]);
    let cases: [(&[&str], i32, &str); 5] = [
        (
            &["add", "ANN agent", "--role", "sales-agent"],
            6,
            "An agent named 'Ann Agent' is already registered",
        ),
        (
            &["add", "Bob Agent"],
            6,
            "Give the role of Bob Agent: --role admin-agent, sales-agent or helpdesk-agent.",
        ),
        (
            &["add", " ", "--role", "sales-agent"],
            6,
            "Enter the agent name.",
        ),
        (
            &["remove", "Nobody"],
            8,
            "No agent is named 'Nobody'; see pcenter agents list.",
        ),
        (&["token", "Nobody"], 8, "No agent is named 'Nobody'"),
    ];
    for (args, code, said) in cases {
        let refused = agents(dir.path(), args);
        assert_eq!(refused.code, Some(code), "{args:?}: {refused:?}");
        assert!(
            refused.stderr.contains(said),
            "{args:?}: {}",
            refused.stderr
        );
        assert!(refused.stdout.is_empty());
    }
    assert_eq!(names(dir.path()), ["Ann Agent"]);
}

#[test]
fn a_token_is_printed_once_kept_only_as_its_hash_and_revoked() {
    let dir = tempfile::tempdir().unwrap();
    agents(dir.path(), &["add", "Ann Agent", "--role", "admin-agent"]);
    let first = agents(dir.path(), &["token", "Ann Agent"]);
    assert_eq!(first.code, Some(0), "{first:?}");
    let token = first.stdout.trim_end_matches('\n');
    assert!(pcenter::domain::agent::is_token_shaped(token), "{token:?}");
    let second = agents(dir.path(), &["token", "ann agent"]).stdout;
    assert_ne!(second.trim_end(), token, "each token is new");

    // Nothing in the store's files holds the token itself.
    let secret = &token["pcenter_".len()..];
    for entry in walk(dir.path()) {
        let bytes = std::fs::read(&entry).unwrap();
        let found = bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
        assert!(!found, "{} holds the token", entry.display());
    }

    let revoked = agents(dir.path(), &["token", "Ann Agent", "--revoke"]);
    let revoked: Value = serde_json::from_str(&revoked.stdout).unwrap();
    assert_eq!(revoked["tokensRevoked"], 2);
    let again: Value =
        serde_json::from_str(&agents(dir.path(), &["token", "Ann Agent", "--revoke"]).stdout)
            .unwrap();
    assert_eq!(again["tokensRevoked"], 0);
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
