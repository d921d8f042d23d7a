//! The report: the Markdown tables of the results, and the machine they were measured on.

use crate::targets::{Bound, Metric, Row, Target, Unit, HTTP_FROM_SIZE, ROWS};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Everything measured at one size.
#[derive(Debug, Clone, Default)]
pub struct SizeResult {
    pub customers: usize,
    pub values: BTreeMap<Metric, f64>,
    /// Metrics not measured at this size because a tool they need is missing or failed, and
    /// why: a row measured at no size says so instead of its verdict.
    pub skipped: BTreeMap<Metric, String>,
}

/// One needle of the comparison: milliseconds and rows found, or why a tool gave none.
#[derive(Debug, Clone)]
pub struct NeedleTimes {
    pub needle: String,
    pub ours: (f64, usize),
    pub grep: Result<(f64, usize), String>,
    pub sqlite: Result<(f64, usize), String>,
}

#[derive(Debug, Clone)]
pub struct Comparison {
    pub customers: usize,
    pub needles: Vec<NeedleTimes>,
}

/// A request sent by wrk for a while: how many a second were answered as wanted, their
/// latency, and the answers that were not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Load {
    pub per_s: f64,
    pub p99_ms: f64,
    /// Answers with another status than the one wanted, and requests with no answer (socket
    /// errors and timeouts).
    pub other: u64,
}

/// One request of the json-server comparison, as each server took it.
#[derive(Debug, Clone)]
pub struct ServedRequest {
    pub request: String,
    pub ours: Result<Load, String>,
    pub theirs: Result<Load, String>,
}

/// The API against json-server over the same customers.
#[derive(Debug, Clone)]
pub struct ServerComparison {
    pub customers: usize,
    /// What json-server was run with (its version, Node's), or why it could not be.
    pub tool: Result<String, String>,
    /// How wrk was run, and what both were checked for.
    pub how: String,
    pub requests: Vec<ServedRequest>,
}

/// `10k`, `1M`, or the plain number when it is not a round thousand.
pub fn size_label(customers: usize) -> String {
    if customers >= 1_000_000 && customers.is_multiple_of(1_000_000) {
        format!("{}M", customers / 1_000_000)
    } else if customers >= 1_000 && customers.is_multiple_of(1_000) {
        format!("{}k", customers / 1_000)
    } else {
        customers.to_string()
    }
}

/// An integer with a comma every three digits.
pub fn thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.max(0.0));
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn value(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Seconds => format!("{value:.2}"),
        Unit::Millis if value < 1.0 => format!("{value:.3}"),
        Unit::Millis if value < 10.0 => format!("{value:.2}"),
        Unit::Millis | Unit::Megabytes => format!("{value:.1}"),
        Unit::PerSecond => format!("{value:.1}"),
        Unit::RowsPerSecond | Unit::RequestsPerSecond | Unit::Count | Unit::Bytes => {
            thousands(value)
        }
        Unit::Ratio => format!("{value:.2}×"),
    }
}

fn target_text(row: &Row, target: &Target) -> String {
    let unit = match row.unit {
        Unit::Seconds => " s",
        Unit::Millis => " ms",
        Unit::Megabytes => " MB",
        Unit::RowsPerSecond => " rows/s",
        Unit::PerSecond | Unit::RequestsPerSecond => " /s",
        Unit::Count => "",
        Unit::Ratio => "×",
        Unit::Bytes => " B",
    };
    let (sign, limit) = match target.bound {
        Bound::AtMost(limit) => ("≤", limit),
        Bound::AtLeast(limit) => ("≥", limit),
    };
    let limit = match row.unit {
        Unit::RowsPerSecond | Unit::RequestsPerSecond | Unit::Count | Unit::Bytes => {
            thousands(limit)
        }
        _ => format!("{limit}"),
    };
    let at = target
        .only_at
        .map(|size| format!(" at {}", size_label(size)))
        .unwrap_or_default();
    format!("{sign} {limit}{unit}{at}")
}

/// Pass or fail at the size the target is judged at: its own size, else the largest measured.
fn verdict(row: &Row, target: &Target, results: &[SizeResult]) -> String {
    let judged = match target.only_at {
        Some(size) => results.iter().find(|r| r.customers == size),
        None => results.iter().max_by_key(|r| r.customers),
    };
    let Some(result) = judged else {
        return format!(
            "not judged (needs {})",
            size_label(target.only_at.unwrap_or(0))
        );
    };
    match result.values.get(&row.metric) {
        Some(&measured) if target.passes(measured) => "pass".into(),
        Some(_) => "**fail**".into(),
        None => match result.skipped.get(&row.metric) {
            Some(why) => format!("skipped: {why}"),
            None => "not measured".into(),
        },
    }
}

/// The rows of a run: those measured at one of its sizes.
fn rows_of(results: &[SizeResult]) -> impl Iterator<Item = &'static Row> {
    let largest = results.iter().map(|r| r.customers).max().unwrap_or(0);
    ROWS.iter().filter(move |row| row.from_size <= largest)
}

/// The results table: one column per size, then the target and its verdict.
pub fn results_table(results: &[SizeResult]) -> String {
    let mut out = String::from("| Metric |");
    for result in results {
        let _ = write!(out, " {} |", size_label(result.customers));
    }
    out.push_str(" Target | Result |\n|---|");
    out.push_str(&"---:|".repeat(results.len()));
    out.push_str("---|---|\n");
    for row in rows_of(results) {
        let _ = write!(out, "| {} |", row.label);
        for result in results {
            let cell = result
                .values
                .get(&row.metric)
                .map_or("—".to_string(), |&v| value(row.unit, v));
            let _ = write!(out, " {cell} |");
        }
        let measured = results.iter().any(|r| r.values.contains_key(&row.metric));
        let skipped = results.iter().find_map(|r| r.skipped.get(&row.metric));
        let verdict = match (&row.target, skipped) {
            (_, Some(why)) if !measured => format!("skipped: {why}"),
            (Some(target), _) => verdict(row, target, results),
            (None, _) => "info".into(),
        };
        let target = row
            .target
            .as_ref()
            .map_or("—".into(), |target| target_text(row, target));
        let _ = writeln!(out, " {target} | {verdict} |");
    }
    let largest = results.iter().map(|r| r.customers).max().unwrap_or(0);
    if largest < HTTP_FROM_SIZE {
        let _ = writeln!(
            out,
            "\nThe HTTP API's rows (wrk on loopback) and the SSH dashboards' rows are measured from {} customers up; this run's sizes are smaller.",
            thousands(HTTP_FROM_SIZE as f64)
        );
    }
    out
}

fn ratio(tool: &Result<(f64, usize), String>, ours: f64) -> String {
    match tool {
        Ok((ms, _)) if ours > 0.0 => format!("{:.1}×", ms / ours),
        Ok(_) => "—".into(),
        Err(_) => "—".into(),
    }
}

fn tool_ms(tool: &Result<(f64, usize), String>) -> String {
    match tool {
        Ok((ms, _)) => value(Unit::Millis, *ms),
        Err(why) => why.clone(),
    }
}

fn tool_rows(tool: &Result<(f64, usize), String>) -> String {
    tool.as_ref()
        .map_or("—".into(), |(_, rows)| thousands(*rows as f64))
}

/// The comparison with grep and SQLite, and whether our filter beat both on every needle.
pub fn comparison_table(comparison: &Comparison) -> String {
    let mut out = format!(
        "Filter compared with grep and SQLite at {} customers (median of 5 each; grep and sqlite3 are whole processes on the exported CSV and a table imported from it; ours is `Directory::search` in the running app):\n\n",
        thousands(comparison.customers as f64)
    );
    out.push_str("| Needle | Ours (ms) | `grep -c -i` (ms) | sqlite3 `LIKE` (ms) | grep ÷ ours | sqlite ÷ ours | Rows: ours / grep / sqlite |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|---|\n");
    let mut beaten = !comparison.needles.is_empty();
    for n in &comparison.needles {
        let ours = n.ours.0;
        for tool in [&n.grep, &n.sqlite] {
            beaten &= tool.as_ref().is_ok_and(|(ms, _)| ours < *ms);
        }
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} | {} / {} / {} |",
            n.needle,
            value(Unit::Millis, ours),
            tool_ms(&n.grep),
            tool_ms(&n.sqlite),
            ratio(&n.grep, ours),
            ratio(&n.sqlite, ours),
            thousands(n.ours.1 as f64),
            tool_rows(&n.grep),
            tool_rows(&n.sqlite),
        );
    }
    let verdict = if beaten { "pass" } else { "**fail**" };
    let _ = writeln!(
        out,
        "\nOur filter must beat both, for every needle: {verdict}. (grep counts lines matching anywhere, tenant ID and status included; ours and SQLite match the company name or the domain.)"
    );
    out
}

fn load_cells(load: &Result<Load, String>) -> (String, String) {
    match load {
        Ok(load) => (thousands(load.per_s), value(Unit::Millis, load.p99_ms)),
        Err(why) => (why.clone(), "—".into()),
    }
}

/// The API against json-server, request by request, and whether the API was faster (more
/// requests a second) on every one.
pub fn server_comparison_table(comparison: &ServerComparison) -> String {
    let tool = match &comparison.tool {
        Ok(tool) => tool.clone(),
        Err(why) => format!("json-server, not run ({why}),"),
    };
    let mut out = format!(
        "The HTTP API compared with {tool} at {} customers, the same customers served from one JSON file; {}:\n\n",
        thousands(comparison.customers as f64),
        comparison.how
    );
    out.push_str("| Request (pcenter; json-server) | pcenter (requests/s) | p99 (ms) | json-server (requests/s) | p99 (ms) | pcenter ÷ json-server | Not 200 or unanswered: pcenter / json-server |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|---|\n");
    let mut faster = !comparison.requests.is_empty();
    let mut judged = true;
    for r in &comparison.requests {
        let (ours_rate, ours_p99) = load_cells(&r.ours);
        let (their_rate, their_p99) = load_cells(&r.theirs);
        let times = match (&r.ours, &r.theirs) {
            (Ok(ours), Ok(theirs)) => {
                faster &= ours.per_s > theirs.per_s;
                if theirs.per_s > 0.0 {
                    format!("{:.1}×", ours.per_s / theirs.per_s)
                } else {
                    "∞".into()
                }
            }
            _ => {
                judged = false;
                "—".into()
            }
        };
        let other = |load: &Result<Load, String>| {
            load.as_ref()
                .map_or("—".into(), |load| thousands(load.other as f64))
        };
        let _ = writeln!(
            out,
            "| {} | {ours_rate} | {ours_p99} | {their_rate} | {their_p99} | {times} | {} / {} |",
            r.request,
            other(&r.ours),
            other(&r.theirs),
        );
    }
    let verdict = match (judged, faster) {
        (false, _) => "not judged (not every request was measured on both)",
        (true, true) => "pass",
        (true, false) => "**fail**",
    };
    let _ = writeln!(
        out,
        "\npcenter must answer more requests a second than json-server on every row: {verdict}."
    );
    out
}

/// One line on the machine: cores, CPU, memory and the date.
pub fn machine_line() -> String {
    let cores = std::process::Command::new("nproc")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| {
            std::thread::available_parallelism().map_or("?".into(), |n| n.to_string())
        });
    let field = |file: &str, key: &str| {
        std::fs::read_to_string(file).ok().and_then(|text| {
            text.lines()
                .find(|line| line.starts_with(key))
                .and_then(|line| line.split_once(':'))
                .map(|(_, value)| value.trim().to_string())
        })
    };
    let cpu = field("/proc/cpuinfo", "model name").unwrap_or_else(|| "unknown CPU".into());
    let memory = field("/proc/meminfo", "MemTotal")
        .and_then(|kb| kb.trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or("unknown memory".into(), |kb| {
            format!("{:.1} GiB memory", kb / 1024.0 / 1024.0)
        });
    let date = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC");
    format!("Machine: {cores} cores (nproc), {cpu}, {memory}; measured {date}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_numbers_read_as_people_write_them() {
        assert_eq!(size_label(10_000), "10k");
        assert_eq!(size_label(1_000_000), "1M");
        assert_eq!(size_label(300), "300");
        assert_eq!(thousands(1_234_567.4), "1,234,567");
        assert_eq!(thousands(999.0), "999");
    }

    #[test]
    fn a_target_is_judged_at_its_own_size_or_the_largest() {
        let mut small = SizeResult {
            customers: 10_000,
            ..SizeResult::default()
        };
        small.values.insert(Metric::FirstFrame, 900.0);
        small.values.insert(Metric::Generate, 1.0);
        let mut large = SizeResult {
            customers: 100_000,
            ..SizeResult::default()
        };
        large.values.insert(Metric::FirstFrame, 20.0);
        large.values.insert(Metric::Generate, 5.0);
        let table = results_table(&[small, large]);
        let line = |start: &str| table.lines().find(|l| l.starts_with(start)).unwrap();
        assert!(line("| First frame, process").ends_with("| pass |"));
        assert!(line("| Generate").ends_with("| not judged (needs 1M) |"));
    }

    #[test]
    fn http_rows_are_left_out_below_their_size_and_say_why_they_were_skipped() {
        let mut small = SizeResult {
            customers: 300,
            ..SizeResult::default()
        };
        let table = results_table(std::slice::from_ref(&small));
        assert!(!table.contains("| API "), "{table}");
        assert!(table.contains("are measured from 100,000 customers up"));

        let mut large = SizeResult {
            customers: 1_000_000,
            ..SizeResult::default()
        };
        large.values.insert(Metric::HttpReadRate, 12_345.6);
        for result in [&mut small, &mut large] {
            result
                .skipped
                .insert(Metric::HttpConfirmRate, "wrk not installed".into());
        }
        let table = results_table(&[small, large]);
        let line = |start: &str| table.lines().find(|l| l.starts_with(start)).unwrap();
        assert!(line("| API `GET").ends_with("| — | 12,346 | ≥ 10,000 /s at 1M | pass |"));
        assert!(line("| API `POST").ends_with("| skipped: wrk not installed |"));
        assert!(!table.contains("are measured from"));
    }

    #[test]
    fn the_servers_are_judged_on_every_request_measured_on_both() {
        let load = |per_s| Load {
            per_s,
            p99_ms: 5.0,
            other: 0,
        };
        let request = |ours: Result<Load, String>, theirs| ServedRequest {
            request: "GET".into(),
            ours,
            theirs,
        };
        let mut comparison = ServerComparison {
            customers: 100_000,
            tool: Ok("json-server 0.17.4 (Node v20)".into()),
            how: "wrk".into(),
            requests: vec![
                request(Ok(load(1_000.0)), Ok(load(100.0))),
                request(Ok(load(50.0)), Ok(load(100.0))),
            ],
        };
        let table = server_comparison_table(&comparison);
        assert!(table.contains("| 10.0× |"), "{table}");
        assert!(table.ends_with("every row: **fail**.\n"), "{table}");
        comparison.requests.pop();
        assert!(server_comparison_table(&comparison).ends_with("every row: pass.\n"));
        comparison.requests[0].theirs = Err("npm not found".into());
        let table = server_comparison_table(&comparison);
        assert!(table.contains("| npm not found | — |"), "{table}");
        assert!(table.contains(": not judged"));
    }
}
