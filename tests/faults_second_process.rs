//! A second pcenter on a store in use, whether a command or the dashboard, is told so in one
//! plain line within a second (exit 3), and changes nothing: not the store, not its terminal.
#![cfg(unix)]

mod pty;

use pty::{Dashboard, ENTER_ALTERNATE_SCREEN};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// "Within a second", with a margin for a busy machine.
const AT_ONCE: Duration = Duration::from_millis(1500);

fn in_use(data_dir: &Path) -> String {
    format!(
        "pcenter: The pcenter store at {} is in use by another pcenter process. Close that one, \
         or choose another --data-dir, and try again.",
        data_dir.join("demo").display()
    )
}

#[test]
fn a_command_while_the_dashboard_runs_is_told_at_once_that_the_store_is_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let mut dashboard = Dashboard::start(dir.path());
    dashboard.wait_for_screen(&["Customers", "Fabrikam"]);
    let commands: [&[&str]; 2] = [
        &["customers", "list"],
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
    ];
    for args in commands {
        let started = Instant::now();
        let output = Command::new(env!("CARGO_BIN_EXE_pcenter"))
            .args(["--demo", "--today", "2018-09-14", "--data-dir"])
            .arg(dir.path())
            .args(args)
            .env_remove("PCENTER_DATA_DIR")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let took = started.elapsed();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(3), "{args:?}: {stderr}");
        assert_eq!(stderr, format!("{}\n", in_use(dir.path())), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(took < AT_ONCE, "{args:?} took {took:?}");
    }
    dashboard.type_bytes(b"q");
    assert_eq!(dashboard.wait_for_exit().code(), Some(0));
}

#[test]
fn a_second_dashboard_is_told_at_once_and_leaves_its_terminal_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Dashboard::start(dir.path());
    first.wait_for_screen(&["Customers", "Fabrikam"]);

    let started = Instant::now();
    let mut second = Dashboard::start(dir.path());
    let status = second.wait_for_exit();
    let took = started.elapsed();
    assert_eq!(status.code(), Some(3), "{status:?}");
    assert!(took < AT_ONCE, "took {took:?}");
    let output = second.raw_output();
    assert_eq!(output.trim_end(), in_use(dir.path()), "only the one line");
    assert!(!output.contains(ENTER_ALTERNATE_SCREEN));

    // The first one carries on.
    first.type_bytes(b"/northwind");
    first.wait_for_screen(&["Northwind Traders", "1 of 31 customers"]);
    first.type_bytes(&[0x03]); // Ctrl-C quits
    assert_eq!(first.wait_for_exit().code(), Some(0));
}
