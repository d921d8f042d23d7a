//! Hang-up and termination: SIGTERM and SIGHUP end the dashboard as a quit does (terminal
//! restored, list copy saved, store closed) with 143 and 129; a closed terminal ends it too; and
//! a command terminated in the middle of an import keeps every row it reported.
#![cfg(unix)]

mod pty;

use pcenter::domain::agreement::Channel;
use pcenter::store::{audit, SledStore, Store};
use pty::Dashboard;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NORTHWIND: &str = "8e56785c-c066-4754-939a-d596743a7b4a";

/// The dashboard on the demo store, after confirming Northwind Traders through the prompt
/// before a new order.
fn dashboard_after_a_confirmation(data_dir: &Path) -> Dashboard {
    // A day after every record of the demo: the list shows the store as it is, so it is saved
    // for the next start.
    let mut dashboard = Dashboard::start_with(data_dir, &["--demo", "--today", "2020-06-01"]);
    dashboard.wait_for_screen(&["Customers", "34 customers"]);
    dashboard.type_bytes(b"/northwind\r");
    dashboard.type_bytes(b"o");
    dashboard.wait_for_screen(&["Confirm customer acceptance before a new order"]);
    dashboard.type_bytes(&[0x13]); // Ctrl-S: Save and continue
    dashboard.wait_for_screen(&["Choose offers for Northwind Traders"]);
    dashboard
}

/// Northwind's confirmation made on the prompt is in the store, and nothing is half-written.
fn assert_confirmation_kept(data_dir: &Path) {
    let store = SledStore::open(&data_dir.join("demo")).expect("the store opens");
    let dossier = store.dossier(NORTHWIND).unwrap().unwrap();
    assert!(
        dossier
            .confirmations
            .iter()
            .any(|c| c.channel == Channel::OrderPrompt),
        "{:?}",
        dossier.confirmations
    );
    assert_eq!(audit(&store).unwrap(), Vec::<String>::new());
}

fn ended_by(signal: libc::c_int, status: u8) {
    let dir = tempfile::tempdir().unwrap();
    let mut dashboard = dashboard_after_a_confirmation(dir.path());
    dashboard.signal(signal);
    let ended = dashboard.wait_for_exit();
    assert_eq!(ended.code(), Some(i32::from(status)), "{ended:?}");
    dashboard.assert_terminal_restored();
    let list_copy = dir.path().join("demo").join("customers.list");
    assert!(list_copy.exists(), "the list copy was not saved");
    assert_confirmation_kept(dir.path());
}

#[test]
fn sigterm_ends_the_dashboard_with_143_as_a_quit_does() {
    ended_by(libc::SIGTERM, 143);
}

#[test]
fn sighup_ends_the_dashboard_with_129_as_a_quit_does() {
    ended_by(libc::SIGHUP, 129);
}

#[test]
fn a_closed_terminal_ends_the_dashboard_with_129_and_keeps_what_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut dashboard = dashboard_after_a_confirmation(dir.path());
    dashboard.hang_up();
    let ended = dashboard.wait_for_exit();
    assert_eq!(ended.code(), Some(129), "{ended:?}");
    assert_confirmation_kept(dir.path());
}

#[test]
fn sigterm_in_the_middle_of_an_import_keeps_every_row_reported_as_created() {
    let dir = tempfile::tempdir().unwrap();
    let pcenter = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_pcenter"));
        command
            .env_remove("PCENTER_DATA_DIR")
            .args(["--today", "2019-03-01", "--data-dir"])
            .arg(dir.path());
        command
    };
    let generated = pcenter()
        .args(["generate", "--customers", "5000"])
        .output()
        .unwrap();
    assert!(generated.status.success(), "{generated:?}");
    let export = pcenter().args(["agreements", "export"]).output().unwrap();
    let export = String::from_utf8(export.stdout).unwrap();
    // Every public-cloud customer gets a new confirmation from a row of its own.
    let mut csv = String::from("TenantId,Domain,Date,First Name,Last Name,Phone,Email\n");
    let mut rows = vec![];
    for line in export.lines().skip(1) {
        let (id, rest) = line.split_once(',').unwrap();
        let domain = rest.split(',').next().unwrap();
        let email = format!("term{}@signals.example", rows.len() + 2);
        csv.push_str(&format!("{id},{domain},2019-02-01,Row,Term,,{email}\n"));
        rows.push((id.to_string(), email));
    }
    let file = dir.path().join("import.csv");
    std::fs::write(&file, csv).unwrap();

    let out = dir.path().join("import.out");
    let mut import = pcenter()
        .args(["agreements", "import"])
        .arg(&file)
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Terminated once the first group of rows is reported, while the next ones are written.
    let started = Instant::now();
    while !std::fs::read_to_string(&out).unwrap().contains("created") {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no row was created"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    // SAFETY: kill only sends a signal to the process this test started.
    assert_eq!(unsafe { libc::kill(import.id() as i32, libc::SIGTERM) }, 0);
    let status = import.wait().unwrap();
    assert_eq!(status.signal(), Some(libc::SIGTERM), "{status:?}");

    let reported = std::fs::read_to_string(&out).unwrap();
    let store = SledStore::open(&dir.path().join("store")).expect("the store opens");
    let snapshot = store.load().unwrap();
    let mut created = 0;
    for line in reported.lines() {
        let Some((number, _)) = line
            .strip_prefix("line ")
            .and_then(|rest| rest.split_once(": created: "))
        else {
            continue;
        };
        let (customer, email) = &rows[number.parse::<usize>().unwrap() - 2];
        assert!(
            snapshot
                .confirmations
                .iter()
                .any(|c| c.customer_id == *customer && c.accepted_by.email == *email),
            "line {number} was reported as created but is missing"
        );
        created += 1;
    }
    assert!(
        created < rows.len(),
        "the import ended before it was terminated"
    );
    assert_eq!(audit(&store).unwrap(), Vec::<String>::new());
}
