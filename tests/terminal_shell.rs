//! The local terminal shell: it draws only when something changed, and a hang-up ends the
//! dashboard cleanly.

mod pty;

use pty::Dashboard;
use std::time::Duration;

#[test]
fn an_idle_dashboard_writes_nothing_to_its_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut dashboard = Dashboard::start(dir.path());
    dashboard.wait_for_screen(&["Customers", "Northwind Traders"]);
    // Whatever the first frames still bring, then nothing at all while no one types.
    dashboard.output_during(Duration::from_millis(300));
    let idle = dashboard.output_during(Duration::from_millis(1500));
    assert_eq!(idle, 0, "an idle dashboard wrote {idle} bytes");
    // A key still draws at once.
    dashboard.type_bytes(b"/north");
    dashboard.wait_for_screen(&["1 of 19 customers"]);
    dashboard.type_bytes(b"\x1b\x1bq");
    assert!(dashboard.wait_for_exit().success());
}

#[test]
fn a_hang_up_closes_the_store_as_a_quit_does() {
    let dir = tempfile::tempdir().unwrap();
    let mut dashboard = Dashboard::start(dir.path());
    dashboard.wait_for_screen(&["Customers"]);
    dashboard.hang_up();
    let ended = dashboard.wait_for_exit();
    assert_eq!(ended.code(), Some(129), "{ended:?}");
    let log = std::fs::read_to_string(dir.path().join("pcenter.log")).unwrap();
    assert!(
        log.contains("dashboard ended by a signal (exit 129)"),
        "the dashboard did not end in order:\n{log}"
    );
    // The store was closed: the next start needs no check of a store left open.
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_pcenter"))
        .args(["--demo", "--today", "2018-09-14", "customers", "list"])
        .arg("--data-dir")
        .arg(dir.path())
        .env_remove("PCENTER_DATA_DIR")
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let log = std::fs::read_to_string(dir.path().join("pcenter.log")).unwrap();
    assert!(!log.contains("left open"), "{log}");
}
