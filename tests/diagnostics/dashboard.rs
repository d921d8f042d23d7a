//! The real dashboard in a pseudo-terminal: its log goes to the file, and not one line of it
//! to the terminal, where it would tear the screen.

use crate::pty::Dashboard;
use crate::*;

#[test]
fn the_dashboard_logs_to_its_file_and_never_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let options = ["--demo", "--today", TODAY, "--agent", "Megan Bowen"];
    let mut dashboard = Dashboard::start_with(&data, &options);
    dashboard.wait_for_screen(&["Fabrikam"]);
    dashboard.type_bytes(b"b");
    dashboard.wait_for_screen(&["Backed up 34 customers"]);
    dashboard.type_bytes(b"q");
    assert_eq!(dashboard.wait_for_exit().code(), Some(0));

    let log = log(&data);
    let terminal = dashboard.raw_output();
    for line in [
        " INFO dashboard started on ",
        " INFO store write: 34 customers, 26 confirmations",
        " INFO backup of 34 customers written to ",
        " INFO dashboard ended",
    ] {
        assert!(log.contains(line), "the log lacks {line:?}:\n{log}");
        assert!(
            !terminal.contains(line.trim()),
            "{line:?} reached the terminal"
        );
    }
    assert!(
        !terminal.contains(" INFO "),
        "a log line reached the terminal"
    );
}
