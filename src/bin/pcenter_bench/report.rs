//! The report: the Markdown tables of the results, and the machine they were measured on.

use crate::targets::{Bound, Metric, Row, Target, Unit, ROWS};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Everything measured at one size.
#[derive(Debug, Clone, Default)]
pub struct SizeResult {
    pub customers: usize,
    pub values: BTreeMap<Metric, f64>,
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
        Unit::RowsPerSecond | Unit::Count => thousands(value),
        Unit::Ratio => format!("{value:.2}×"),
    }
}

fn target_text(row: &Row, target: &Target) -> String {
    let unit = match row.unit {
        Unit::Seconds => " s",
        Unit::Millis => " ms",
        Unit::Megabytes => " MB",
        Unit::RowsPerSecond => " rows/s",
        Unit::PerSecond => " /s",
        Unit::Count => "",
        Unit::Ratio => "×",
    };
    let (sign, limit) = match target.bound {
        Bound::AtMost(limit) => ("≤", limit),
        Bound::AtLeast(limit) => ("≥", limit),
    };
    let limit = match row.unit {
        Unit::RowsPerSecond | Unit::Count => thousands(limit),
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
        None => "not measured".into(),
    }
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
    for row in &ROWS {
        let _ = write!(out, "| {} |", row.label);
        for result in results {
            let cell = result
                .values
                .get(&row.metric)
                .map_or("—".to_string(), |&v| value(row.unit, v));
            let _ = write!(out, " {cell} |");
        }
        let (target, verdict) = match &row.target {
            Some(target) => (target_text(row, target), verdict(row, target, results)),
            None => ("—".into(), "info".into()),
        };
        let _ = writeln!(out, " {target} | {verdict} |");
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
}
