//! `pcenter-bench` at a tiny size: every metric of the report is there, with a number, and a
//! second run reuses the data. Times are never asserted: they depend on the machine.

use std::path::Path;
use std::process::{Command, Output};

/// Every row of the results table, by the start of its label.
const METRICS: [&str; 22] = [
    "Generate the customers",
    "First frame, process start included",
    "· first frame in-process",
    "· process start",
    "First frame without the saved list",
    "Directory ready",
    "Filter keystroke + frame, p99",
    "Filter keystroke + frame, max",
    "Filter keystroke + frame under 100 confirmations/s, p99",
    "· confirmations made meanwhile",
    "Another agent's confirmation shown in a session, p99",
    "Scroll key + frame, p99",
    "Peak memory of the dashboard",
    "Peak memory, 20 sessions on one core",
    "· resident memory the 20 sessions added",
    "Confirmation saved durably, p99",
    "CSV streaming",
    "Import confirmations",
    "· rows imported",
    "Command through an open dashboard ÷ alone",
    "· alone: a `pcenter` process",
    "· through: the same process, run by the open dashboard",
];
const NEEDLES: [&str; 4] = ["contoso", "bäck", "a", "zz"];

fn bench(work_dir: &Path, markdown: &Path) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_pcenter-bench"))
        .args(["--customers", "300", "--work-dir"])
        .arg(work_dir)
        .arg("--markdown")
        .arg(markdown)
        .arg("--no-install")
        .output()
        .expect("run pcenter-bench");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn cells(line: &str) -> Vec<&str> {
    line.trim_matches('|').split('|').map(str::trim).collect()
}

fn number(cell: &str) -> f64 {
    cell.replace(',', "")
        .trim_end_matches('×')
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {cell:?}"))
}

fn row<'a>(report: &'a str, start: &str) -> Vec<&'a str> {
    let line = report
        .lines()
        .find(|line| line.starts_with(&format!("| {start}")))
        .unwrap_or_else(|| panic!("no row {start:?} in\n{report}"));
    cells(line)
}

#[test]
fn the_report_has_every_metric_with_a_number_and_the_data_is_reused() {
    let work = tempfile::tempdir().expect("temp dir");
    let markdown = work.path().join("BENCHMARKS.md");
    let output = bench(&work.path().join("data"), &markdown);
    let report = std::fs::read_to_string(&markdown).expect("the markdown file");
    let between = report
        .strip_prefix("<!-- pcenter-bench:begin -->\n")
        .and_then(|r| r.strip_suffix("<!-- pcenter-bench:end -->\n"))
        .expect("the report between the markers");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        between.trim()
    );

    let header = row(&report, "Metric");
    assert_eq!(header, ["Metric", "300", "Target", "Result"]);
    for metric in METRICS {
        let cells = row(&report, metric);
        assert_eq!(cells.len(), 4, "{cells:?}");
        assert!(number(cells[1]) >= 0.0);
        assert!(!cells[3].is_empty());
    }
    let rows = report.lines().filter(|l| l.starts_with("| ")).count();
    let comparison_rows = 1 + NEEDLES.len();
    assert_eq!(rows, 1 + METRICS.len() + comparison_rows, "{report}");
    assert!(number(row(&report, "· rows imported")[1]) > 0.0);
    // The confirming thread did confirm while the filter was typed into.
    assert!(number(row(&report, "· confirmations made meanwhile")[1]) > 0.0);
    assert!(row(&report, "Command through an open dashboard ÷ alone")[1].ends_with('×'));

    for needle in NEEDLES {
        let cells = row(&report, &format!("`{needle}`"));
        assert_eq!(cells.len(), 7, "{cells:?}");
        number(cells[1]);
        number(cells[2]);
        if cells[3] != "sqlite3 not available" {
            number(cells[3]);
        }
    }
    assert!(report.contains("Our filter must beat both"));
    assert!(report.contains("Machine: "), "{report}");

    std::fs::write(&markdown, format!("# Kept\n\n{report}\nKept too.\n")).unwrap();
    let again = bench(&work.path().join("data"), &markdown);
    assert!(String::from_utf8_lossy(&again.stderr).contains("reusing the data"));
    let report = std::fs::read_to_string(&markdown).expect("the markdown file");
    assert!(report.starts_with("# Kept\n\n<!-- pcenter-bench:begin -->\n| Metric"));
    assert!(report.ends_with("<!-- pcenter-bench:end -->\n\nKept too.\n"));
    for metric in METRICS {
        number(row(&report, metric)[1]);
    }
}
