//! Standard output and standard error that cannot take what a command writes: a full disk
//! (`/dev/full`), or a reader that stops early (`| head`). No panic, no store error: exit 14
//! for output that cannot be written, with one line saying so when standard error can take it,
//! and 141 for a reader gone, as other tools end.

use crate::binary::*;
use std::fs::File;
use std::io::Read;
use std::process::Stdio;

fn full() -> Stdio {
    Stdio::from(
        File::options()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full"),
    )
}

/// Every kind of command: reads in each format, a write, a refusal, help.
fn commands(file: &str) -> Vec<Vec<&str>> {
    vec![
        vec!["customers", "list"],
        vec!["customers", "list", "--format", "table"],
        vec!["customers", "list", "--format", "csv"],
        vec!["customers", "show", "contosoelectronics"],
        vec!["report", "compliance"],
        vec!["report", "compliance", "--format", "csv"],
        vec!["agreements", "export"],
        vec!["agreements", "templates"],
        vec!["offers", "list", "--format", "table"],
        vec!["subscriptions", "list", "--customer", "contosoelectronics"],
        vec!["agreements", "import", file, "--dry-run"],
        vec!["customers", "show", "nobody"],
        vec!["--help"],
        vec!["customers", "list", "--help"],
        vec!["--version"],
    ]
}

fn backlog(dir: &std::path::Path) -> String {
    let file = dir.join("backlog.csv");
    std::fs::write(
        &file,
        format!("TenantId,Domain,Date,First Name,Last Name,Phone,Email\n{NORTHWIND},,2018-11-01,Ada,Lovelace,,ada@northwindtraders.com\n"),
    )
    .unwrap();
    file.to_str().unwrap().to_string()
}

fn run(
    demo_dir: &std::path::Path,
    args: &[&str],
    stdout: Stdio,
    stderr: Stdio,
) -> (Option<i32>, String) {
    let options = ["--demo", "--today", MANDATORY_DAY, "--agent", AGENT];
    let output = pcenter_at(demo_dir, &options)
        .args(args)
        .stdout(stdout)
        .stderr(stderr)
        .output()
        .expect("run pcenter");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    (output.status.code(), stderr)
}

#[test]
fn a_full_standard_output_ends_every_command_with_exit_14_and_one_line_saying_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = backlog(dir.path());
    for args in commands(&file) {
        let (code, stderr) = run(dir.path(), &args, full(), Stdio::piped());
        if args == ["customers", "show", "nobody"] {
            assert_eq!(code, Some(8), "{stderr}");
            continue;
        }
        assert_eq!(code, Some(14), "{args:?}: {stderr}");
        assert_eq!(
            stderr,
            "pcenter: Cannot write the output: No space left on device (os error 28). Whatever the command saved in the store is saved; only what it printed is lost.\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_full_standard_error_ends_with_exit_14_when_something_had_to_be_said_there() {
    let dir = tempfile::tempdir().unwrap();
    let file = backlog(dir.path());
    for args in commands(&file) {
        let (code, _) = run(dir.path(), &args, Stdio::null(), full());
        let says_on_stderr = args == ["customers", "show", "nobody"]
            || args.ends_with(&["--format", "csv"]) && args[0] == "report";
        let expected = if says_on_stderr { 14 } else { 0 };
        assert_eq!(code, Some(expected), "{args:?}");
    }
    for args in [
        &["--bogus"][..],
        &["customers"],
        &["generate", "--customers", "x"],
    ] {
        let (code, _) = run(dir.path(), args, Stdio::null(), full());
        assert_eq!(code, Some(14), "{args:?}: a refusal that cannot be said");
    }
}

#[test]
fn a_write_whose_output_cannot_be_written_is_saved_all_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let confirmations = || {
        let list = ["agreements", "list", "--customer", NORTHWIND];
        let (code, stdout) = {
            let options = ["--demo", "--today", MANDATORY_DAY];
            let output = pcenter_at(dir.path(), &options)
                .args(list)
                .output()
                .unwrap();
            (
                output.status.code(),
                String::from_utf8(output.stdout).unwrap(),
            )
        };
        assert_eq!(code, Some(0));
        let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        json["totalCount"].as_u64().unwrap()
    };
    let before = confirmations();
    let args = [
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
    ];
    let (code, stderr) = run(dir.path(), &args, full(), Stdio::piped());
    assert_eq!(code, Some(14), "{stderr}");
    assert!(stderr.contains("Whatever the command saved in the store is saved"));
    assert_eq!(confirmations(), before + 1);
}

#[test]
fn a_reader_that_stops_early_ends_the_command_with_141_and_nothing_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let generated = pcenter_at(dir.path(), &["--today", "2019-03-01"])
        .args(["generate", "--customers", "2000"])
        .output()
        .unwrap();
    assert_eq!(generated.status.code(), Some(0));
    // Far more than a pipe holds, so the command is still writing when the reader goes.
    for format in ["json", "csv", "table"] {
        let mut child = pcenter_at(dir.path(), &["--today", "2019-03-01"])
            .args(["customers", "list", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 1];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(141), "{format}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{format}");
    }
}
