//! A second pcenter on a store a dashboard holds: a command runs through the dashboard, its
//! change shown there at once with no key pressed; a second dashboard, and the commands that
//! need the store alone, are told in one plain line who holds it (exit 3), and change nothing:
//! not the store, not their terminal.
#![cfg(unix)]

mod pty;

use pty::{Dashboard, ENTER_ALTERNATE_SCREEN};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// "Within a second", with a margin for a busy machine.
const AT_ONCE: Duration = Duration::from_millis(1500);

fn pcenter(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pcenter"))
        .args(["--demo", "--today", "2018-09-14", "--data-dir"])
        .arg(data_dir)
        .args(args)
        .env_remove("PCENTER_DATA_DIR")
        .env("PCENTER_AGENT", "Bob Agent")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// The start of the line that names the dashboard holding the store (its process ID and start
/// time follow).
fn held_by_dashboard(data_dir: &Path) -> String {
    format!(
        "pcenter: The pcenter store at {} is open in the dashboard of Megan Bowen (process ",
        data_dir.join("demo").display()
    )
}

/// The status the dashboard's list shows for Northwind Traders.
fn northwind_status(dashboard: &Dashboard) -> String {
    let screen = dashboard.screen();
    let row = screen
        .lines()
        .find(|line| line.contains("Northwind Traders"))
        .unwrap_or_default()
        .to_string();
    ["Not confirmed", "Confirmed"]
        .into_iter()
        .find(|status| row.contains(status))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_command_while_the_dashboard_runs_goes_through_it_and_shows_there_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut dashboard = Dashboard::start_with(
        dir.path(),
        &["--demo", "--today", "2018-09-14", "--agent", "Megan Bowen"],
    );
    dashboard.wait_for_screen(&["Customers", "Fabrikam"]);
    dashboard.type_bytes(b"/northwind");
    dashboard.wait_for_screen(&["1 of 19 customers"]);
    assert_eq!(northwind_status(&dashboard), "Not confirmed");

    let listed = pcenter(dir.path(), &["customers", "list", "--format", "table"]);
    assert_eq!(listed.status.code(), Some(0), "{listed:?}");
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Northwind Traders"));

    let started = Instant::now();
    let confirmed = pcenter(
        dir.path(),
        &[
            "agreements",
            "create",
            "--customer",
            "northwindtraders.onmicrosoft.com",
            "--first-name",
            "Diego",
            "--last-name",
            "Siciliani",
            "--email",
            "d@example.com",
        ],
    );
    assert_eq!(confirmed.status.code(), Some(0), "{confirmed:?}");
    assert!(String::from_utf8_lossy(&confirmed.stdout).contains("\"recordedBy\": \"Bob Agent\""));
    assert!(started.elapsed() < AT_ONCE, "took {:?}", started.elapsed());
    // No key is pressed: the dashboard shows the change by itself.
    let shown = dashboard.read_until(|d| northwind_status(d) == "Confirmed");
    assert!(shown, "the change never showed:\n{}", dashboard.screen());

    // The same rules: the same confirmation again is 600061, exit 9.
    let again = pcenter(
        dir.path(),
        &[
            "agreements",
            "create",
            "--customer",
            "northwindtraders",
            "--first-name",
            "Diego",
            "--last-name",
            "Siciliani",
            "--email",
            "d@example.com",
        ],
    );
    assert_eq!(again.status.code(), Some(9), "{again:?}");
    assert!(String::from_utf8_lossy(&again.stderr).contains("600061"));

    dashboard.type_bytes(b"\x1b\x1bq");
    assert_eq!(dashboard.wait_for_exit().code(), Some(0));
    // Closed: the socket is gone, and the command opens the store itself again.
    assert!(!dir.path().join("demo.sock").exists());
    let alone = pcenter(dir.path(), &["customers", "show", "northwindtraders"]);
    assert_eq!(alone.status.code(), Some(0), "{alone:?}");
}

#[test]
fn restore_generate_and_another_partner_name_are_refused_naming_the_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut dashboard = Dashboard::start_with(
        dir.path(),
        &["--demo", "--today", "2018-09-14", "--agent", "Megan Bowen"],
    );
    dashboard.wait_for_screen(&["Customers", "Fabrikam"]);
    let backup = dir.path().join("backup.jsonl");
    let backed_up = pcenter(dir.path(), &["backup", "--out", backup.to_str().unwrap()]);
    assert_eq!(backed_up.status.code(), Some(0), "{backed_up:?}");
    for args in [
        &["restore", backup.to_str().unwrap(), "--replace"][..],
        &["generate", "--customers", "10"][..],
    ] {
        let refused = pcenter(dir.path(), args);
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert_eq!(refused.status.code(), Some(3), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with(&held_by_dashboard(dir.path())),
            "{stderr}"
        );
        assert!(stderr.contains("Close that dashboard first"), "{stderr}");
    }
    // Renaming the partner would rename it under the dashboard: refused, nothing changed.
    let renamed = pcenter(
        dir.path(),
        &["--partner", "Other Partner", "customers", "list"],
    );
    let stderr = String::from_utf8_lossy(&renamed.stderr);
    assert_eq!(renamed.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("Run the command without --partner"),
        "{stderr}"
    );
    assert!(renamed.stdout.is_empty());
    let same = pcenter(
        dir.path(),
        &[
            "--partner",
            "Fabrikam CSP Partners",
            "customers",
            "show",
            "northwindtraders",
        ],
    );
    assert_eq!(same.status.code(), Some(0), "{same:?}");
    dashboard.type_bytes(b"q");
    assert_eq!(dashboard.wait_for_exit().code(), Some(0));
}

#[test]
fn a_second_dashboard_is_told_at_once_who_holds_the_store_and_leaves_its_terminal_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Dashboard::start_with(
        dir.path(),
        &["--demo", "--today", "2018-09-14", "--agent", "Megan Bowen"],
    );
    first.wait_for_screen(&["Customers", "Fabrikam"]);

    let started = Instant::now();
    let mut second = Dashboard::start(dir.path());
    let status = second.wait_for_exit();
    let took = started.elapsed();
    assert_eq!(status.code(), Some(3), "{status:?}");
    assert!(took < AT_ONCE, "took {took:?}");
    let output = second.raw_output();
    let line = output.trim_end();
    assert!(line.starts_with(&held_by_dashboard(dir.path())), "{line}");
    assert!(
        line.contains(&format!("process {}, since ", first.pid())),
        "{line}"
    );
    assert_eq!(line.lines().count(), 1, "only the one line: {line}");
    assert!(!output.contains(ENTER_ALTERNATE_SCREEN));

    // The first one carries on.
    first.type_bytes(b"/northwind");
    first.wait_for_screen(&["Northwind Traders", "1 of 19 customers"]);
    first.type_bytes(&[0x03]); // Ctrl-C quits
    assert_eq!(first.wait_for_exit().code(), Some(0));
}
