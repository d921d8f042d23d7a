//! A small command, `pcenter customers show`, alone on the store and through an open dashboard.
//!
//! Alone, it is a `pcenter` process that opens the store itself. Through the dashboard, it is
//! the same process started while a dashboard owns the store: it sends its command line over
//! the store's socket and the dashboard runs it on its open core.

use crate::stats::median;
use crate::workdir::{Pcenter, SizeDir};
use crate::Fallible;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Command;
use std::process::Stdio;

/// Runs of each; the median is reported.
const RUNS: usize = 7;

/// The command measured, and what it printed alone.
pub struct Alone {
    /// The customer shown.
    pub domain: String,
    pub stdout: Vec<u8>,
    /// Milliseconds, median of [`RUNS`] whole processes.
    pub ms: f64,
}

/// The domain of the customer halfway down the exported list (`csv`, from `customers list`).
fn customer_halfway(dir: &SizeDir, csv: &Path) -> Fallible<String> {
    let halfway = dir.customers / 2;
    let line = BufReader::new(std::fs::File::open(csv)?)
        .lines()
        .nth(1 + halfway)
        .ok_or_else(|| format!("{} has fewer than {halfway} customers", csv.display()))??;
    let fields = crate::exports::fields(&line);
    Ok(fields
        .get(2)
        .cloned()
        .ok_or("the export has no Domain column")?)
}

/// `pcenter customers show DOMAIN` as a process on the store, which no one else holds.
pub fn alone(dir: &SizeDir, pcenter: &Pcenter, csv: &Path) -> Fallible<Alone> {
    let domain = customer_halfway(dir, csv)?;
    let mut samples = Vec::with_capacity(RUNS);
    let mut stdout = Vec::new();
    for _ in 0..RUNS {
        let (output, seconds) = pcenter.run(show(dir, pcenter, &domain), Stdio::piped(), &[0])?;
        samples.push(seconds * 1_000.0);
        stdout = output.stdout;
    }
    Ok(Alone {
        domain,
        stdout,
        ms: median(&samples),
    })
}

/// Milliseconds, median of [`RUNS`], of the same `pcenter` process started while this process's
/// dashboard owns the store (see `dash::open_ready_serving`): it runs through the dashboard's
/// socket, on its open core, and must print what it printed alone. Alone on a store that is
/// owned it would be refused, so a success is a run through the owner.
pub fn through(dir: &SizeDir, pcenter: &Pcenter, alone: &Alone) -> Fallible<f64> {
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let command = show(dir, pcenter, &alone.domain);
        let (output, seconds) = pcenter.run(command, Stdio::piped(), &[0])?;
        if output.stdout != alone.stdout {
            return Err(format!(
                "through the open dashboard, the command printed:\n{}\nwhere alone it printed:\n{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&alone.stdout)
            )
            .into());
        }
        samples.push(seconds * 1_000.0);
    }
    Ok(median(&samples))
}

fn show(dir: &SizeDir, pcenter: &Pcenter, domain: &str) -> Command {
    let mut command = pcenter.command(&dir.data_dir());
    command.args(["customers", "show", domain]);
    command
}
