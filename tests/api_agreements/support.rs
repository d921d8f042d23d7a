//! The binary on a demo store of its own, and readers of what it prints.

use crate::common::NORTHWIND;
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

pub const MCA_TEMPLATE: &str = "998b88de-aa99-4388-a42c-1b3517d49490";
pub const MCA_LINK: &str = "https://docs.microsoft.com/partner-center/agreements";
pub const TODAY: &str = "2018-11-14";

/// A demo store of its own, and the binary run on it with none of its environment inherited.
pub struct Demo {
    pub dir: TempDir,
}

impl Demo {
    pub fn new() -> Demo {
        Demo {
            dir: tempfile::tempdir().expect("temporary directory"),
        }
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_pcenter"));
        for (var, _) in std::env::vars() {
            if var.starts_with("PCENTER_") {
                command.env_remove(var);
            }
        }
        command
            .arg("--data-dir")
            .arg(self.dir.path())
            .arg("--demo")
            .args(args)
            .stdin(Stdio::null());
        command
    }

    /// Runs on the business date `TODAY` as Megan Bowen, unless the arguments say otherwise.
    pub fn run(&self, args: &[&str]) -> Output {
        let mut all = args.to_vec();
        if !args.contains(&"--today") {
            all.extend(["--today", TODAY]);
        }
        if !args.contains(&"--agent") {
            all.extend(["--agent", "Megan Bowen"]);
        }
        self.command(&all).output().expect("run pcenter")
    }

    /// Runs with `input` on standard input.
    pub fn run_with_input(&self, args: &[&str], input: &str) -> Output {
        let mut child = self
            .command(args)
            .args(["--today", TODAY, "--agent", "Megan Bowen"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start pcenter");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input.as_bytes()).expect("write stdin");
        drop(stdin);
        child.wait_with_output().expect("run pcenter")
    }

    /// Every confirmation of a customer as `agreements list --type '*'` prints them.
    pub fn listed(&self, customer: &str) -> Value {
        success(&self.run(&["agreements", "list", "--customer", customer, "--type", "*"]))
    }

    pub fn write(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).expect("write file");
        path.to_str().expect("UTF-8 path").to_string()
    }
}

/// The JSON on stdout of a run that succeeded with nothing on stderr.
pub fn success(output: &Output) -> Value {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(stderr, "");
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

/// A refusal: nothing on stdout, one line of Partner Center's error on stderr:
/// `{"code":…,"description":…,"data":[],"source":"PartnerFD"}`, with `errorName` and
/// `isRetryable` where the real API gives them.
pub struct Refusal {
    pub exit: i32,
    pub code: u64,
    pub description: String,
}

pub fn refusal(output: &Output) -> Refusal {
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "",
        "a refusal prints nothing on stdout"
    );
    let stderr = String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr");
    assert_eq!(stderr.lines().count(), 1, "one line on stderr: {stderr}");
    let error: Value = serde_json::from_str(&stderr).expect("JSON on stderr");
    assert!(
        stderr.starts_with("{\"code\":"),
        "code comes first: {stderr}"
    );
    let keys: Vec<&str> = error
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    let shape = ["code", "description", "data", "source"];
    let named = ["errorName", "isRetryable"];
    assert!(
        shape.iter().all(|key| keys.contains(key))
            && keys
                .iter()
                .all(|key| shape.contains(key) || named.contains(key)),
        "{stderr}"
    );
    assert_eq!(error["data"], serde_json::json!([]), "{stderr}");
    assert_eq!(error["source"], "PartnerFD", "{stderr}");
    Refusal {
        exit: output.status.code().expect("an exit status"),
        code: error["code"].as_u64().expect("a numeric code"),
        description: error["description"]
            .as_str()
            .expect("a description")
            .to_string(),
    }
}

/// Checks an Agreement field by field, and that it has no other fields: `userId` is the
/// object ID of the agent `user`, and `recordedBy` its name.
pub fn assert_agreement(agreement: &Value, user: &str, contact: Value, date: &str) {
    assert_eq!(
        agreement["userId"],
        pcenter::domain::agent::object_id(user),
        "{agreement}"
    );
    assert_eq!(agreement["recordedBy"], user, "{agreement}");
    assert_eq!(agreement["primaryContact"], contact, "{agreement}");
    assert_eq!(agreement["templateId"], MCA_TEMPLATE, "{agreement}");
    assert_eq!(
        agreement["dateAgreed"],
        format!("{date}T00:00:00Z"),
        "{agreement}"
    );
    assert_eq!(agreement["type"], "MicrosoftCloudAgreement", "{agreement}");
    assert_eq!(agreement["agreementLink"], MCA_LINK, "{agreement}");
    let mut fields: Vec<&String> = agreement.as_object().expect("an object").keys().collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "agreementLink",
            "dateAgreed",
            "primaryContact",
            "recordedBy",
            "templateId",
            "type",
            "userId"
        ]
    );
}

pub fn ada() -> Value {
    json!({"firstName": "Ada", "lastName": "Lovelace", "email": "ada@northwindtraders.com"})
}

pub fn create_ada(date: &str) -> Vec<String> {
    [
        "agreements",
        "create",
        "--customer",
        NORTHWIND,
        "--first-name",
        "Ada",
        "--last-name",
        "Lovelace",
        "--email",
        "ada@northwindtraders.com",
        "--date",
        date,
    ]
    .map(String::from)
    .to_vec()
}

pub fn args(owned: &[String]) -> Vec<&str> {
    owned.iter().map(String::as_str).collect()
}

/// Runs a create that must be refused, and checks that the customer's confirmations did not change.
pub fn refused_create(demo: &Demo, customer: &str, args: &[&str]) -> Refusal {
    let before = demo.listed(customer);
    let refused = refusal(&demo.run(args));
    assert_eq!(demo.listed(customer), before, "nothing written");
    refused
}
