//! Runs the real binary on the demo store in a temporary data directory, as a script would:
//! none of pcenter's environment variables inherited, no terminal, a fixed business date and
//! agent. Outputs are read as text or as JSON.
#![allow(dead_code)]

#[path = "../legacy/mod.rs"]
mod legacy;
#[cfg(unix)]
pub mod served;
pub mod speaking;

use legacy::write_layout_1;
use pcenter::store::{SledStore, Snapshot, Store};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

/// Demo customers with known states.
pub const CONTOSO: &str = "9d62ba20-49fe-4b68-b3d6-6c88eae123dc"; // confirmed, public
pub const NORTHWIND: &str = "8e56785c-c066-4754-939a-d596743a7b4a"; // unconfirmed, seat-based subs
pub const BAECKEREI: &str = "96312fd6-41dd-4f64-9850-432d9aefd04a"; // Microsoft Cloud Germany
pub const LAKEVIEW: &str = "aba9ac90-80dc-43a8-bb34-350171708d49"; // US Government
pub const DAEHAN: &str = "52ee6057-d0fb-44eb-b812-a80175a1ddc8"; // a comma in its name

/// Subscriptions of the demo store.
pub const CONTOSO_E3: &str = "75619fe3-9809-41cf-b6b6-40f5c3c3f4f0"; // 250 seats
pub const CONTOSO_AZURE: &str = "f7e521e5-6f3c-42ac-97a2-289ba330d956"; // usage-based
pub const NORTHWIND_PREMIUM: &str = "a81784eb-9656-4a5b-9de5-c179308bd51a"; // 45 seats, max 300
pub const BAECKEREI_E1: &str = "e2e48f69-6ac1-48f8-80b0-121f059eff97"; // 18 seats

/// Offers of the catalog.
pub const E3: &str = "8BBCEA40-9A69-42FA-ABDC-DC6C5F8C6F72"; // seat-based, at most 10000
pub const BUSINESS_BASIC: &str = "7BC7829D-9AAE-460E-9E59-99B0F862663A"; // at most 300
pub const AZURE_PLAN: &str = "1F9583C8-6D90-4583-A9AD-E3083B0600EE"; // usage-based, from 2019-10-01
pub const AZURE: &str = "712C9177-476A-4535-8E4D-EAA4F4B5E0C5"; // Microsoft Azure, usage-based

/// `agreements create` of a confirmation for Northwind Traders, by Diego Siciliani.
pub const CONFIRM_NORTHWIND: [&str; 10] = [
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
];

pub const OPTIONAL_DAY: &str = "2018-09-14";
pub const MANDATORY_DAY: &str = "2018-11-14";
/// The first day the API (and so the commands) refused orders without a confirmation, in
/// production.
pub const API_DAY: &str = "2019-03-22";
pub const AGENT: &str = "Megan Bowen";

const ENV_VARS: [&str; 6] = [
    "PCENTER_DATA_DIR",
    "PCENTER_TODAY",
    "PCENTER_AGENT",
    "PCENTER_ROLE",
    "PCENTER_PARTNER",
    "PCENTER_ENVIRONMENT",
];

/// pcenter on the data directory `data`, with `options` before its own arguments: none of its
/// environment variables inherited, and nothing on standard input.
pub fn pcenter_at(data: &std::path::Path, options: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pcenter"));
    for var in ENV_VARS {
        command.env_remove(var);
    }
    command
        .arg("--data-dir")
        .arg(data)
        .args(options)
        .stdin(Stdio::null());
    command
}

/// Runs pcenter with `args` on the real (not demo) store under `data`, on `today`; its
/// standard output, failing unless it succeeded.
pub fn succeeded_at(data: &std::path::Path, today: &str, args: &[&str]) -> String {
    let output = pcenter_at(data, &["--today", today])
        .args(args)
        .output()
        .expect("run pcenter");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    String::from_utf8(output.stdout).expect("UTF-8 stdout")
}

/// One demo store in its own temporary directory.
pub struct Demo {
    dir: tempfile::TempDir,
}

/// What one run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<std::process::Output> for Run {
    fn from(output: std::process::Output) -> Run {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
            stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
        }
    }
}

impl Demo {
    pub fn new() -> Demo {
        Demo {
            dir: tempfile::tempdir().expect("temporary directory"),
        }
    }

    /// Runs `pcenter --demo` with `args` on `today`, as an Admin agent.
    pub fn run(&self, today: &str, args: &[&str]) -> Run {
        self.run_full(today, "admin-agent", args, None)
    }

    pub fn run_as(&self, role: &str, today: &str, args: &[&str]) -> Run {
        self.run_full(today, role, args, None)
    }

    /// `subscriptions set-seats` of one subscription, as `role` on `today`.
    pub fn set_seats(&self, role: &str, today: &str, customer: &str, sub: &str, n: &str) -> Run {
        let args = [
            "subscriptions",
            "set-seats",
            "--customer",
            customer,
            "--subscription",
            sub,
            "--quantity",
            n,
        ];
        self.run_as(role, today, &args)
    }

    /// Runs with `input` on standard input.
    pub fn run_with_input(&self, today: &str, args: &[&str], input: &str) -> Run {
        self.run_full(today, "admin-agent", args, Some(input))
    }

    pub fn run_full(&self, today: &str, role: &str, args: &[&str], input: Option<&str>) -> Run {
        let options = ["--demo", "--today", today, "--agent", AGENT, "--role", role];
        let mut command = pcenter_at(self.dir.path(), &options);
        command
            .args(args)
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("run pcenter");
        if let Some(input) = input {
            let mut stdin = child.stdin.take().expect("stdin");
            stdin.write_all(input.as_bytes()).expect("write stdin");
        }
        let output = child.wait_with_output().expect("wait for pcenter");
        Run {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
            stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
        }
    }

    /// The store once the demo data is in it (the first run seeds it).
    pub fn snapshot_after_seeding(&self) -> Snapshot {
        self.run(OPTIONAL_DAY, &["customers", "list", "--format", "csv"]);
        self.snapshot()
    }

    /// Adds a customer to the seeded store as the first pcenter stored its records (layout 1,
    /// one tree of JSON records per kind), with no check of its fields: values today's rules
    /// refuse, as an older version may have kept them. The next pcenter to open the store moves
    /// it into today's layout, keeping every value as it is.
    pub fn plant(&self, customer: &pcenter::domain::customer::Customer) {
        self.plant_records(Snapshot {
            customers: vec![customer.clone()],
            ..Snapshot::default()
        });
    }

    /// Adds `records` to the seeded store as `plant` does: kept as an older version stored
    /// them, with no check.
    pub fn plant_records(&self, records: Snapshot) {
        let mut snapshot = self.snapshot_after_seeding();
        snapshot.customers.extend(records.customers);
        snapshot.confirmations.extend(records.confirmations);
        snapshot.orders.extend(records.orders);
        snapshot.subscriptions.extend(records.subscriptions);
        std::fs::remove_dir_all(self.store_path()).expect("remove the demo store");
        write_layout_1(&self.store_path(), &snapshot);
    }

    /// The data directory the demo store is in.
    pub fn dir(&self) -> &std::path::Path {
        self.dir.path()
    }

    /// Where the demo store lives.
    pub fn store_path(&self) -> std::path::PathBuf {
        self.dir.path().join("demo")
    }

    /// The store as the last run left it (read directly, after the binary has exited).
    pub fn snapshot(&self) -> Snapshot {
        let store = SledStore::open(&self.store_path()).expect("open the demo store");
        store.load().expect("load the demo store")
    }

    /// Customer count, as `customers list` reports it.
    /// How many customers the store held on March 22, 2019: the demo's 31 of then (three more
    /// come later) and those the test created by then.
    pub fn customer_count(&self) -> u64 {
        let list = self.run(API_DAY, &["customers", "list", "--format", "json"]);
        list.json()["totalCount"].as_u64().expect("totalCount")
    }

    /// Seats of a subscription, read from the store.
    pub fn seats(&self, subscription: &str) -> Option<u32> {
        self.snapshot()
            .subscriptions
            .iter()
            .find(|s| s.id == subscription)
            .expect("known subscription")
            .quantity
    }

    /// Number of subscriptions of a customer on March 22, 2019 (the demo's next ones come in
    /// October 2019), as `customers list --format csv` reports it.
    pub fn subscription_count(&self, customer: &str) -> String {
        let list = self.run(API_DAY, &["customers", "list", "--format", "csv"]);
        let line = list
            .stdout
            .lines()
            .find(|l| l.starts_with(customer))
            .expect("customer row")
            .to_string();
        line.rsplit(',').next().unwrap().to_string()
    }
}

impl Run {
    /// Standard output as JSON; fails unless the run succeeded with nothing on stderr.
    pub fn json(&self) -> Value {
        assert_eq!(self.code, Some(0), "{self:?}");
        assert_eq!(self.stderr, "", "{self:?}");
        serde_json::from_str(&self.stdout).expect("JSON on stdout")
    }

    /// Asserts a refusal: its exit status, the one JSON line of Partner Center's error on
    /// stderr (`code`, `description`, `data`, `source`, and `errorName` and `isRetryable` for
    /// the codes that have them) with `code`, nothing on stdout. Returns the description.
    pub fn refused(&self, exit: i32, code: u64) -> String {
        assert_eq!(self.code, Some(exit), "{self:?}");
        assert_eq!(self.stdout, "", "{self:?}");
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{self:?}");
        let error: Value = serde_json::from_str(lines[0]).expect("JSON error on stderr");
        assert_eq!(error["code"], code, "{self:?}");
        let object = error.as_object().expect("an object");
        let named = ["errorName", "isRetryable"];
        assert!(
            object.keys().all(|key| named.contains(&key.as_str())
                || ["code", "description", "data", "source"].contains(&key.as_str())),
            "only Partner Center's fields: {error}"
        );
        assert_eq!(error["data"], serde_json::json!([]), "{error}");
        assert_eq!(error["source"], "PartnerFD", "{error}");
        error["description"]
            .as_str()
            .expect("description")
            .to_string()
    }
}

/// Splits one CSV record (RFC 4180 quoting, no line breaks inside fields).
pub fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}
