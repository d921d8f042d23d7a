//! The customer list as CSV from the real binary: how fast it streams, and the full export the
//! comparison and the import file are made from.

use crate::stats::median;
use crate::workdir::{Pcenter, SizeDir};
use crate::Fallible;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// The columns of `customers list --format csv`.
pub const CUSTOMER_COLUMNS: [&str; 6] = [
    "TenantId",
    "CompanyName",
    "Domain",
    "Cloud",
    "AgreementStatus",
    "Subscriptions",
];

/// Runs `customers list ARGS --format csv > FILE` and gives its wall time and data rows.
fn list_to(dir: &SizeDir, pcenter: &Pcenter, args: &[&str], file: &Path) -> Fallible<(f64, usize)> {
    let mut command = pcenter.command(&dir.data_dir());
    command
        .args(["customers", "list"])
        .args(args)
        .args(["--format", "csv"]);
    let out = File::create(file)?;
    let (_, seconds) = pcenter.run(command, Stdio::from(out), &[0])?;
    let bytes = std::fs::read(file)?;
    let header = CUSTOMER_COLUMNS.join(",");
    if !bytes.starts_with(header.as_bytes()) {
        return Err(format!("{} does not start with {header}", file.display()).into());
    }
    let lines = memchr::memchr_iter(b'\n', &bytes).count();
    Ok((seconds, lines.saturating_sub(1)))
}

/// Runs of the CSV streaming measurement; the median is reported.
const RUNS: usize = 3;

/// Rows per second of `customers list --unconfirmed --format csv` into a file (median of
/// [`RUNS`]).
pub fn csv_streaming(dir: &SizeDir, pcenter: &Pcenter) -> Fallible<f64> {
    let file = dir.file("unconfirmed.csv");
    let mut rates = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let (seconds, rows) = list_to(dir, pcenter, &["--unconfirmed"], &file)?;
        rates.push(rows as f64 / seconds.max(f64::EPSILON));
    }
    Ok(median(&rates))
}

/// Every customer as CSV, in list order.
pub fn export_all(dir: &SizeDir, pcenter: &Pcenter) -> Fallible<PathBuf> {
    let file = dir.file("customers.csv");
    let (_, rows) = list_to(dir, pcenter, &[], &file)?;
    if rows != dir.customers {
        eprintln!(
            "[{}] note: the export has {rows} customers, not {}",
            dir.customers, dir.customers
        );
    }
    Ok(file)
}

/// The fields of one CSV line as RFC 4180 writes them (quoted when they hold a comma or a
/// quote; no line breaks inside fields, which customer rows never have).
pub fn fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let field = fields.last_mut().expect("one field at least");
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => fields.push(String::new()),
            (c, _) => field.push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_their_commas_and_quotes() {
        assert_eq!(
            fields(r#"id,"Zoë ""Z"", Co.",zoe.onmicrosoft.com,Public"#),
            vec!["id", r#"Zoë "Z", Co."#, "zoe.onmicrosoft.com", "Public"]
        );
        assert_eq!(fields("a,,b"), vec!["a", "", "b"]);
    }
}
