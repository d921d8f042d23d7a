//! The tables of the commands as a person sees them: fitted to the terminal standard output is
//! (its width, or `COLUMNS`), whole in a pipe or a file; and what an empty store says.

mod binary;
mod pty;

use binary::*;
use pcenter::ui::text::width;
use pty::open_pty;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::process::Stdio;

const TABLES: [&[&str]; 4] = [
    &["customers", "list", "--format", "table"],
    &["report", "compliance"],
    &["offers", "list", "--format", "table"],
    &[
        "subscriptions",
        "list",
        "--customer",
        "contosoelectronics",
        "--format",
        "table",
    ],
];

/// Runs pcenter on the demo store with standard output on a terminal `columns` wide, and
/// returns what the terminal received, line by line.
fn on_a_terminal(data: &Path, columns: u16, env: Option<(&str, &str)>, args: &[&str]) -> String {
    on_a_terminal_on(data, MANDATORY_DAY, columns, env, args)
}

/// `on_a_terminal` on the business date `today`.
fn on_a_terminal_on(
    data: &Path,
    today: &str,
    columns: u16,
    env: Option<(&str, &str)>,
    args: &[&str],
) -> String {
    let (master, slave) = open_pty(columns, 24);
    let mut command = pcenter_at(data, &["--demo", "--today", today]);
    command
        .args(args)
        .env_remove("COLUMNS")
        .stdout(Stdio::from(slave))
        .stderr(Stdio::piped());
    if let Some((name, value)) = env {
        command.env(name, value);
    }
    let child = command.spawn().expect("run pcenter");
    // Our copy of the terminal's other side goes with the command, so reading ends with it.
    drop(command);
    let mut shown = Vec::new();
    let _ = File::from(master).read_to_end(&mut shown);
    let output = child.wait_with_output().expect("wait for pcenter");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    String::from_utf8(shown).unwrap().replace("\r\n", "\n")
}

fn widest(text: &str) -> usize {
    text.lines().map(width).max().unwrap_or(0)
}

#[test]
fn on_an_80_column_terminal_every_table_fits_and_says_what_it_left_out() {
    let demo = Demo::new();
    for args in TABLES {
        let shown = on_a_terminal(demo.dir(), 80, None, args);
        assert!(widest(&shown) <= 80, "{args:?}:\n{shown}");
        assert!(
            shown.contains("Fitted to 80 columns ("),
            "{args:?}:\n{shown}"
        );
        assert!(
            shown.replace('\n', " ").contains("pipe the output"),
            "{args:?}:\n{shown}"
        );
    }
    let report = on_a_terminal(demo.dir(), 80, None, &["report", "compliance"]);
    let header = report.lines().next().unwrap();
    for kept in [
        "Company name",
        "Agreement",
        "Date",
        "Orders",
        "Seats",
        "API",
    ] {
        assert!(header.contains(kept), "{header}");
    }
    assert!(report.contains("Contoso Electronics"), "{report}");
    assert!(report.contains("Blocked"), "{report}");
}

#[test]
fn in_every_era_and_in_korean_every_table_fits_80_columns() {
    let demo = Demo::new();
    for today in ["2019-11-20", "2020-06-01", "2026-12-04"] {
        for lang in ["en", "ko"] {
            for args in TABLES {
                let args = [args, &["--lang", lang]].concat();
                let shown = on_a_terminal_on(demo.dir(), today, 80, None, &args);
                assert!(widest(&shown) <= 80, "{today} {args:?}:\n{shown}");
            }
        }
        // Once two agreements exist, the report names the one in force in a word.
        let report = on_a_terminal_on(demo.dir(), today, 80, None, &["report", "compliance"]);
        let contoso = report.lines().find(|l| l.starts_with("Contoso")).unwrap();
        assert!(contoso.contains("Customer Agreement"), "{report}");
    }
}

#[test]
fn in_a_pipe_every_table_keeps_every_column_whole() {
    let demo = Demo::new();
    for args in TABLES {
        let run = demo.run(MANDATORY_DAY, args);
        assert_eq!(run.code, Some(0), "{run:?}");
        assert!(widest(&run.stdout) > 80, "{args:?}:\n{}", run.stdout);
        assert!(!run.stdout.contains("Fitted to"), "{}", run.stdout);
    }
    let report = demo.run(MANDATORY_DAY, &["report", "compliance"]).stdout;
    assert!(report.starts_with("Company name  "), "{report}");
    assert!(report.lines().next().unwrap().contains("Email"), "{report}");
}

#[test]
fn columns_overrides_the_terminals_own_width() {
    let demo = Demo::new();
    let args = ["customers", "list", "--format", "table"];
    let wide = on_a_terminal(demo.dir(), 80, Some(("COLUMNS", "200")), &args);
    assert!(widest(&wide) > 80, "{wide}");
    assert!(!wide.contains("Fitted to"), "{wide}");
    let narrow = on_a_terminal(demo.dir(), 80, Some(("COLUMNS", "60")), &args);
    assert!(widest(&narrow) <= 60, "{narrow}");
    assert!(narrow.contains("Fitted to 60 columns"), "{narrow}");
}

#[test]
fn an_empty_store_says_how_to_add_a_customer_and_a_filter_that_matches_nothing_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let empty = |args: &[&str]| succeeded_at(dir.path(), MANDATORY_DAY, args);
    for args in [
        &["customers", "list", "--format", "table"][..],
        &[
            "customers",
            "list",
            "--format",
            "table",
            "--filter",
            "contoso",
        ],
        &["report", "compliance"],
    ] {
        let said = empty(args);
        assert!(
            said.starts_with(
                "No customers yet. Create one with pcenter customers create --json FILE"
            ),
            "{args:?}: {said}"
        );
        assert!(said.contains("--demo"), "{said}");
        assert_eq!(said.lines().count(), 1, "{said}");
    }
    let demo = Demo::new();
    let none = demo.run(
        MANDATORY_DAY,
        &[
            "customers",
            "list",
            "--format",
            "table",
            "--filter",
            "no such company",
        ],
    );
    assert_eq!(none.stdout, "No customers match.\n");
}
