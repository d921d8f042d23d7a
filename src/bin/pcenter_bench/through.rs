//! A small command, `pcenter customers show`, alone on the store and through an open dashboard.
//!
//! Alone, it is a `pcenter` process that opens the store itself. Through the dashboard, it is to
//! run in the process that owns the store, reached over a local socket; until that is there, the
//! closest stand-in is the same command line parsed and run by `api::execute_on` on the open
//! core in this process, plus the cost of starting a process (which the command's own process
//! still pays). The socket's round trip is not counted.

use crate::stats::{median, timed};
use crate::workdir::{Pcenter, SizeDir};
use crate::Fallible;
use clap::Parser;
use pcenter::api;
use pcenter::cli::Options;
use pcenter::core::Core;
use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use std::sync::Arc;

/// Runs of each; the median is reported.
const RUNS: usize = 7;

/// The command measured, and what it printed alone.
pub struct Alone {
    /// Every argument after the program's name, options included.
    pub args: Vec<OsString>,
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
    let command = || {
        let mut command = pcenter.command(&dir.data_dir());
        command.args(["customers", "show", &domain]);
        command
    };
    let args = command().get_args().map(OsString::from).collect();
    let mut samples = Vec::with_capacity(RUNS);
    let mut stdout = Vec::new();
    for _ in 0..RUNS {
        let (output, seconds) = pcenter.run(command(), Stdio::piped(), &[0])?;
        samples.push(seconds * 1_000.0);
        stdout = output.stdout;
    }
    Ok(Alone {
        args,
        stdout,
        ms: median(&samples),
    })
}

/// Milliseconds, median of [`RUNS`], of the same command line parsed and run by
/// `api::execute_on` on `core`; it must print what it printed alone.
pub fn through(core: &Arc<Core>, alone: &Alone) -> Fallible<f64> {
    let argv = || std::iter::once(OsString::from("pcenter")).chain(alone.args.iter().cloned());
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let mut out = Vec::new();
        let (status, ms) = timed(|| -> Fallible<u8> {
            let mut options = Options::try_parse_from(argv())?;
            let command = options
                .command
                .take()
                .ok_or("no command in the arguments")?;
            api::execute_on(Arc::clone(core), command, &options, &mut out).map_err(|e| {
                format!(
                    "the command failed through the open core ({}): {}",
                    e.code, e.description
                )
                .into()
            })
        });
        let status = status?;
        if status != 0 || out != alone.stdout {
            return Err(format!(
                "through the open core, the command exited {status} and printed:\n{}\nwhere alone it printed:\n{}",
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&alone.stdout)
            )
            .into());
        }
        samples.push(ms);
    }
    Ok(median(&samples))
}
