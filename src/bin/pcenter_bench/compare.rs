//! Our filter against the usual tools over the same customers: `grep -c -i` on the exported CSV,
//! and SQLite's `LIKE` on a table imported from it.

use crate::report::{Comparison, NeedleTimes};
use crate::stats::{median, timed};
use crate::workdir::SizeDir;
use pcenter::directory::Directory;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A common name, a non-ASCII one, a letter matching most rows, and one matching almost none.
pub const NEEDLES: [&str; 4] = ["contoso", "bäck", "a", "zz"];
const RUNS: usize = 5;
const NO_SQLITE: &str = "sqlite3 not available";

/// Times every needle with the three; `install` lets a missing sqlite3 be installed with apt.
pub fn compare(dir: &SizeDir, csv: &Path, directory: &Directory, install: bool) -> Comparison {
    let database = sqlite_database(dir, csv, install);
    let needles = NEEDLES
        .iter()
        .map(|&needle| NeedleTimes {
            needle: needle.to_string(),
            ours: ours(directory, needle),
            grep: grep(csv, needle),
            sqlite: database
                .as_ref()
                .map_err(Clone::clone)
                .and_then(|db| sqlite(db, needle)),
        })
        .collect();
    Comparison {
        customers: dir.customers,
        needles,
    }
}

/// Milliseconds (median) and rows of `Directory::search`, the Customers list's filter.
fn ours(directory: &Directory, needle: &str) -> (f64, usize) {
    let mut rows = 0;
    let samples: Vec<f64> = (0..RUNS)
        .map(|_| {
            let (found, ms) = timed(|| directory.search(needle));
            rows = found.len();
            ms
        })
        .collect();
    (median(&samples), rows)
}

/// Milliseconds (median of whole runs) and the count of `grep -c -i NEEDLE FILE`.
fn grep(csv: &Path, needle: &str) -> Result<(f64, usize), String> {
    let mut count = 0;
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let (output, ms) = timed(|| {
            Command::new("grep")
                .args(["-c", "-i", needle])
                .arg(csv)
                .output()
        });
        let output = output.map_err(|_| "grep not available".to_string())?;
        // 1 is "no line matched"; anything else is trouble.
        if !matches!(output.status.code(), Some(0 | 1)) {
            return Err(format!("grep failed ({})", output.status));
        }
        count = String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .map_err(|_| "grep printed no count".to_string())?;
        samples.push(ms);
    }
    Ok((median(&samples), count))
}

fn sqlite_works() -> bool {
    Command::new("sqlite3")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Installs the Debian package `package` with apt, as root or through sudo without a password,
/// and tells whether the tool then `works`.
pub fn apt_install(package: &str, works: impl Fn() -> bool) -> bool {
    eprintln!("{package} is missing: trying apt-get install -y {package}");
    let apt = ["apt-get", "install", "-y", "-q", package];
    let quiet = |command: &mut Command| command.stdout(Stdio::null()).status();
    let as_root = quiet(Command::new(apt[0]).args(&apt[1..])).is_ok_and(|s| s.success());
    if as_root && works() {
        return true;
    }
    let with_sudo = quiet(Command::new("sudo").arg("-n").args(apt)).is_ok_and(|s| s.success());
    with_sudo && works()
}

/// A fresh SQLite database holding the CSV as the table `customers` (columns named by its
/// header: TenantId, CompanyName, Domain, …).
fn sqlite_database(dir: &SizeDir, csv: &Path, install: bool) -> Result<PathBuf, String> {
    let available = sqlite_works() || (install && apt_install("sqlite3", sqlite_works));
    if !available {
        return Err(NO_SQLITE.into());
    }
    let db = dir.file("customers.db");
    if db.exists() {
        std::fs::remove_file(&db).map_err(|e| format!("cannot replace {}: {e}", db.display()))?;
    }
    let status = Command::new("sqlite3")
        .arg(&db)
        .arg(format!(".import --csv \"{}\" customers", csv.display()))
        .status()
        .map_err(|_| NO_SQLITE.to_string())?;
    if !status.success() {
        return Err(format!("sqlite3 .import failed ({status})"));
    }
    Ok(db)
}

/// Milliseconds (median of sqlite's own `Run Time: real`) and the count of the query, run
/// [`RUNS`] times in one sqlite3 process.
fn sqlite(db: &Path, needle: &str) -> Result<(f64, usize), String> {
    let needle = needle.replace('\'', "''");
    let query = format!(
        "SELECT count(*) FROM customers WHERE CompanyName LIKE '%{needle}%' OR Domain LIKE '%{needle}%';\n"
    );
    let mut child = Command::new("sqlite3")
        .arg(db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|_| NO_SQLITE.to_string())?;
    let mut script = String::from(".timer on\n");
    script.push_str(&query.repeat(RUNS));
    child
        .stdin
        .take()
        .ok_or("sqlite3 has no input")?
        .write_all(script.as_bytes())
        .map_err(|e| format!("cannot talk to sqlite3: {e}"))?;
    let output = child
        .wait_with_output()
        .map_err(|e| format!("sqlite3 failed: {e}"))?;
    if !output.status.success() {
        return Err(format!("sqlite3 failed ({})", output.status));
    }
    parse_sqlite(&String::from_utf8_lossy(&output.stdout))
}

/// The median of the `Run Time: real SECONDS` lines, in milliseconds, and the last count.
fn parse_sqlite(output: &str) -> Result<(f64, usize), String> {
    let mut samples = Vec::new();
    let mut count = None;
    for line in output.lines() {
        if let Some(rest) = line.strip_prefix("Run Time: real ") {
            let seconds: f64 = rest
                .split_whitespace()
                .next()
                .and_then(|s| s.parse().ok())
                .ok_or("sqlite3 printed a run time without seconds")?;
            samples.push(seconds * 1_000.0);
        } else if let Ok(n) = line.trim().parse() {
            count = Some(n);
        }
    }
    match (samples.is_empty(), count) {
        (false, Some(count)) => Ok((median(&samples), count)),
        _ => Err("sqlite3 printed no time or count".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_times_are_read_from_its_timer_lines() {
        let output = "42\nRun Time: real 0.010 user 0.008 sys 0.001\n42\nRun Time: real 0.030 user 0.02 sys 0\n42\nRun Time: real 0.020 user 0.02 sys 0\n";
        let (ms, count) = parse_sqlite(output).unwrap();
        assert_eq!(count, 42);
        assert!((ms - 20.0).abs() < 1e-9);
        assert!(parse_sqlite("").is_err());
    }
}
