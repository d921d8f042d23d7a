//! The real binary from the outside: options, exit codes and the one-line messages on stderr.
//! Every run names a temporary data directory, so no test touches the user's own data.

#[path = "cli/help.rs"]
mod help;
#[path = "cli/usage.rs"]
mod usage;

use pcenter::store::{SledStore, Store};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const ENV_VARS: [&str; 5] = [
    "PCENTER_DATA_DIR",
    "PCENTER_TODAY",
    "PCENTER_AGENT",
    "PCENTER_ROLE",
    "PCENTER_PARTNER",
];

/// The binary with none of its environment variables inherited, and no terminal: stdin is
/// empty and stdout and stderr are captured.
fn pcenter() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pcenter"));
    for var in ENV_VARS {
        command.env_remove(var);
    }
    command.stdin(Stdio::null());
    command
}

fn run(command: &mut Command) -> Output {
    command.output().expect("run pcenter")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr")
}

/// The single line on stderr, without its newline; fails unless there is exactly one.
fn one_line(output: &Output) -> String {
    let text = stderr(output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "stderr should be one line:\n{text}");
    assert!(text.ends_with('\n'), "{text:?}");
    lines[0].to_string()
}

/// A message in the product's words, not a library's or a crash's.
fn assert_plain(line: &str) {
    assert!(line.starts_with("pcenter: "), "{line}");
    for internal in ["sled", "IO error", "panicked", "Error {", "RUST_BACKTRACE"] {
        assert!(!line.contains(internal), "mentions {internal}: {line}");
    }
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[test]
fn help_lists_every_option_and_the_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(pcenter().arg("--help").env("PCENTER_DATA_DIR", dir.path()));
    assert_eq!(output.status.code(), Some(0));
    let help = stdout(&output);
    for option in [
        "--data-dir <DIR>",
        "--today <YYYY-MM-DD>",
        "--agent <NAME>",
        "--role <ROLE>",
        "--partner <NAME>",
        "--demo",
        "--help",
        "--version",
    ] {
        assert!(help.contains(option), "{option} missing:\n{help}");
    }
    for env in ENV_VARS {
        assert!(help.contains(env), "{env} missing:\n{help}");
    }
    assert!(
        help.contains("Exit codes: 0 done, 2 bad option value, 3 the store is in use by another pcenter, 4 the store cannot be used, 5 no usable terminal,"),
        "{help}"
    );
    assert_eq!(stderr(&output), "");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "help opens no store"
    );
}

#[test]
fn every_option_with_fixed_values_lists_them_in_its_help() {
    let help = |args: &[&str]| {
        let output = run(pcenter().args(args).arg("--help"));
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        stdout(&output)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let role = "[possible values: admin-agent, sales-agent, helpdesk-agent, spectator]";
    assert!(help(&[]).contains(role), "{}", help(&[]));
    assert!(help(&["report", "compliance"]).contains(role));
    let formats = "[possible values: table, json, csv]";
    for command in [
        &["customers", "list"][..],
        &["offers", "list"],
        &["subscriptions", "list"],
        &["report", "compliance"],
    ] {
        assert!(help(command).contains(formats), "{command:?}");
    }
    for command in [&["agreements", "templates"][..], &["agreements", "list"]] {
        let text = help(command);
        for value in [
            "MicrosoftCloudAgreement",
            "MicrosoftCustomerAgreement",
            "'*'",
        ] {
            assert!(text.contains(value), "{command:?}: {text}");
        }
    }
    // Every option of every command whose values are a fixed set shows them.
    fn check(command: &clap::Command, path: &str) {
        for arg in command.get_arguments() {
            let values = arg.get_possible_values();
            if !values.is_empty() && !arg.is_hide_possible_values_set() {
                continue;
            }
            assert!(
                values.is_empty(),
                "{path} {:?} hides its values",
                arg.get_id()
            );
        }
        for sub in command.get_subcommands() {
            check(sub, &format!("{path} {}", sub.get_name()));
        }
    }
    check(&pcenter::cli::command(), "pcenter");
}

#[test]
fn version_prints_the_package_version() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(pcenter()
        .arg("--version")
        .env("PCENTER_DATA_DIR", dir.path()));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        format!("pcenter {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_option_values_give_one_line_and_exit_code_2_before_any_store_is_opened() {
    let cases: [(&[&str], &str); 4] = [
        (
            &["--today", "2018-02-30"],
            "2018-02-30 is not a real date: that month has 28 days.",
        ),
        (
            &["--today", "tomorrow"],
            "'tomorrow' is not a date in the form YYYY-MM-DD",
        ),
        (
            &["--role", "global-admin"],
            "use admin-agent, sales-agent or helpdesk-agent",
        ),
        (&["--agent", "  "], "Enter the name."),
    ];
    for (args, says) in cases {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let output = run(pcenter().args(args).arg("--data-dir").arg(&data));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let line = one_line(&output);
        assert_plain(&line);
        assert!(line.contains(says), "{args:?}: {line}");
        assert!(!data.exists(), "{args:?} created the data directory");
        assert_eq!(stdout(&output), "");
    }
}

#[test]
fn a_bad_business_date_in_the_environment_is_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(pcenter()
        .env("PCENTER_TODAY", "bad")
        .env("PCENTER_DATA_DIR", dir.path()));
    assert_eq!(output.status.code(), Some(2));
    let line = one_line(&output);
    assert_plain(&line);
    assert!(line.contains("'bad' is not a date"), "{line}");
}

#[test]
fn a_store_in_use_by_another_process_is_exit_code_3_with_a_plain_line() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("store");
    let held = SledStore::open(&store_path).unwrap();
    let output = run(pcenter()
        .arg("--data-dir")
        .arg(dir.path())
        .args(["--today", "2018-09-14"]));
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let line = one_line(&output);
    assert_plain(&line);
    assert!(line.contains(arg(&store_path)), "{line}");
    assert!(line.contains("in use by another pcenter"), "{line}");
    drop(held);
}

#[test]
fn a_data_dir_that_is_a_regular_file_is_exit_code_4_with_a_plain_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-directory");
    std::fs::write(&file, "notes").unwrap();
    let output = run(pcenter().arg("--data-dir").arg(&file));
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let line = one_line(&output);
    assert_plain(&line);
    assert!(line.contains(arg(&file)), "{line}");
    assert!(line.contains("could not be used"), "{line}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "notes");
}

#[test]
fn a_path_with_an_escape_sequence_is_shown_escaped_in_the_plain_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x\u{1b}[31mred");
    std::fs::write(&file, "notes").unwrap();
    for command in [&[][..], &["customers", "list"]] {
        let output = run(pcenter().arg("--data-dir").arg(&file).args(command));
        assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
        let line = one_line(&output);
        assert!(!line.contains('\u{1b}'), "{command:?}: {line}");
        assert!(line.contains("x\\u{1b}[31mred"), "{command:?}: {line}");
    }
}

#[test]
fn without_a_terminal_the_demo_store_is_seeded_then_exit_code_5() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(pcenter()
        .args(["--demo", "--today", "2018-09-14", "--data-dir"])
        .arg(dir.path())
        .stdout(Stdio::piped()));
    assert_eq!(output.status.code(), Some(5), "{}", stderr(&output));
    let line = one_line(&output);
    assert_plain(&line);
    assert!(line.contains("needs an interactive terminal"), "{line}");
    assert_eq!(stdout(&output), "", "nothing drawn");

    let demo = SledStore::open(&dir.path().join("demo")).unwrap();
    let snapshot = demo.load().unwrap();
    assert_eq!(snapshot.customers.len(), 34);
    assert_eq!(
        snapshot.partner_name.as_deref(),
        Some("Fabrikam CSP Partners")
    );
    assert!(
        !dir.path().join("store").exists(),
        "--demo leaves the real store alone"
    );
}

#[test]
fn the_demo_store_is_seeded_once_and_partner_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        let output = run(pcenter()
            .args(["--demo", "--partner", "Tailspin CSP", "--data-dir"])
            .arg(dir.path()));
        assert_eq!(output.status.code(), Some(5), "{}", stderr(&output));
    }
    let snapshot = SledStore::open(&dir.path().join("demo"))
        .unwrap()
        .load()
        .unwrap();
    assert_eq!(snapshot.customers.len(), 34, "seeded once, not twice");
    assert_eq!(snapshot.partner_name.as_deref(), Some("Tailspin CSP"));
}
