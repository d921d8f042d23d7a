//! `restore` applies every rule of the store to every line, and holds the store for its whole
//! run.

use crate::*;
use serde_json::{json, Value};
use std::io::Write;
use std::time::Instant;

/// The demo backup's lines, and the line (counted from 1) of the first customer that `holds`.
fn line_where(lines: &[Value], holds: impl Fn(&Value) -> bool) -> usize {
    1 + lines
        .iter()
        .position(|line| line.get("customer").is_some() && holds(line))
        .expect("a customer of the demo holds it")
}

fn confirmed(line: &Value) -> bool {
    line["customer"]["cloud"] == "Public" && !line["confirmations"].as_array().unwrap().is_empty()
}

fn seat_based(line: &Value) -> bool {
    (line["subscriptions"].as_array().unwrap().iter()).any(|s| s["billing"] == "seat-based")
}

type Damage = (
    &'static str,
    fn(&[Value]) -> usize,
    fn(&mut Value),
    &'static str,
);

/// What breaks each rule, the line it is done to, and what the refusal says.
fn damages() -> Vec<Damage> {
    vec![
        (
            "a confirmation of a customer in a national cloud",
            |lines| line_where(lines, |l| l["customer"]["cloud"] != "Public"),
            |line| {
                let id = line["customer"]["id"].clone();
                line["confirmations"] = json!([{
                    "customer_id": id,
                    "accepted_by": {"first_name": "Jonas", "last_name": "Bäcker", "email": "jonas@baeckerei.de", "phone": null},
                    "date_agreed": "2018-10-01",
                    "agreement_type": "MicrosoftCloudAgreement",
                    "template_id": "998b88de-aa99-4388-a42c-1b3517d49490",
                    "recorded_by": "Megan Bowen",
                    "recorded_at": "2018-10-01T09:00:00Z",
                    "channel": "account"
                }]);
            },
            "Public Cloud only",
        ),
        (
            "an acceptance date after the moment it was recorded",
            |lines| line_where(lines, confirmed),
            |line| {
                let recorded: chrono::DateTime<chrono::Utc> = line["confirmations"][0]
                    ["recorded_at"]
                    .as_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                let later = recorded.date_naive() + chrono::Days::new(2);
                line["confirmations"][0]["date_agreed"] = later.to_string().into();
            },
            "after the moment it was recorded",
        ),
        (
            "an acceptance date before 2014",
            |lines| line_where(lines, confirmed),
            |line| line["confirmations"][0]["date_agreed"] = "2013-12-31".into(),
            "before the Microsoft Cloud Agreement existed",
        ),
        (
            "an email without @",
            |lines| line_where(lines, confirmed),
            |line| line["confirmations"][0]["accepted_by"]["email"] = "patti.contoso.com".into(),
            "needs an @",
        ),
        (
            "a name over its limit",
            |lines| line_where(lines, confirmed),
            |line| line["confirmations"][0]["accepted_by"]["first_name"] = "N".repeat(51).into(),
            "at most 50 characters",
        ),
        (
            "a company name over its limit",
            |lines| line_where(lines, |_| true),
            |line| line["customer"]["company_name"] = "C".repeat(101).into(),
            "at most 100 characters",
        ),
        (
            "a seat count over the offer's maximum",
            |lines| line_where(lines, seat_based),
            |line| {
                let subscriptions = line["subscriptions"].as_array_mut().unwrap();
                let seats = subscriptions
                    .iter_mut()
                    .find(|s| s["billing"] == "seat-based")
                    .unwrap();
                seats["quantity"] = 10_001.into();
            },
            "seats per subscription",
        ),
        (
            "a malformed domain",
            |lines| line_where(lines, |_| true),
            |line| line["customer"]["domain"] = "north wind.onmicrosoft.com".into(),
            "domain prefix holds only letters",
        ),
        (
            "an empty ID",
            |lines| line_where(lines, |_| true),
            |line| line["customer"]["id"] = "".into(),
            "empty ID",
        ),
        (
            "an ID in capitals, which would differ from another only in case",
            |lines| line_where(lines, |_| true),
            |line| {
                let id = line["customer"]["id"].as_str().unwrap().to_uppercase();
                line["customer"]["id"] = id.into();
            },
            "lower-case letters a-z",
        ),
        (
            "a domain in capitals, which would differ from another only in case",
            |lines| line_where(lines, |_| true),
            |line| {
                let domain = line["customer"]["domain"].as_str().unwrap().to_uppercase();
                line["customer"]["domain"] = domain.into();
            },
            "not a primary domain",
        ),
        (
            "an offer not in the catalog",
            |lines| line_where(lines, seat_based),
            |line| line["subscriptions"][0]["offer_id"] = "NO-SUCH-OFFER".into(),
            "not in the catalog",
        ),
        (
            "an agent's name with a control character",
            |lines| line_where(lines, confirmed),
            |line| line["confirmations"][0]["recorded_by"] = "Megan\u{1b}[2J".into(),
            "control character U+001B",
        ),
    ]
}

#[test]
fn a_line_that_breaks_any_rule_of_the_store_is_refused_with_its_number_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (original, target) = (dir.path().join("original"), dir.path().join("target"));
    let file = backup_demo(&original, &dir.path().join("demo.jsonl"));
    let text = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    for (what, line_of, damage, says) in damages() {
        let number = line_of(&lines);
        let mut damaged = lines.clone();
        damage(&mut damaged[number - 1]);
        let written: Vec<String> = damaged.iter().map(Value::to_string).collect();
        let bad = dir.path().join("damaged.jsonl");
        std::fs::write(&bad, written.join("\n") + "\n").unwrap();

        let output = run(&target, &["restore", arg(&bad)]);
        assert_eq!(output.status.code(), Some(6), "{what}: {}", stderr(&output));
        let error: Value = serde_json::from_str(stderr(&output).trim()).expect("one JSON error");
        let description = error["description"].as_str().unwrap();
        assert!(
            description.contains(&format!("line {number}: ")) && description.contains(says),
            "{what}: {description}"
        );
        assert_eq!(names(&target), ["pcenter.log"], "{what}: no store was made");
    }
}

#[cfg(unix)]
#[test]
fn a_pcenter_started_while_a_restore_runs_is_refused_and_the_restore_puts_its_store_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let (original, target) = (dir.path().join("original"), dir.path().join("target"));
    let file = backup_demo(&original, &dir.path().join("demo.jsonl"));
    let text = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // A backup that arrives slowly, through a pipe, keeps the restore running.
    let pipe = dir.path().join("slow.jsonl");
    let c_path = std::ffi::CString::new(arg(&pipe)).unwrap();
    // SAFETY: a NUL-terminated path that lives across the call.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let restore = pcenter(&target)
        .args(["restore", arg(&pipe), "--replace"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut writer = std::fs::File::options().write(true).open(&pipe).unwrap();
    writeln!(writer, "{}", lines[..5].join("\n")).unwrap();

    let started = Instant::now();
    let in_use = |args: &[&str]| {
        let output = pcenter(&target)
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        output.status.code() == Some(3)
    };
    while !in_use(&["customers", "list"]) {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the restore never held the store"
        );
        sleep(Duration::from_millis(50));
    }
    assert!(
        in_use(&binary::CONFIRM_NORTHWIND),
        "a writing command is refused"
    );
    assert!(in_use(&[]), "the dashboard is refused");

    writeln!(writer, "{}", lines[5..].join("\n")).unwrap();
    drop(writer);
    let restored = restore.wait_with_output().unwrap();
    assert_eq!(restored.status.code(), Some(0), "{}", stderr(&restored));
    assert_eq!(load(&target), load(&original));
    let leftovers: Vec<String> = names(&target)
        .into_iter()
        .filter(|name| name.contains("restoring"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new());
}
