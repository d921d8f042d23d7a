//! Peak memory, measured in a process of its own so that nothing else this bench holds counts:
//! `pcenter-bench probe-memory STORE` runs the dashboard's path, `probe-sessions STORE` opens
//! many sessions on one core, and each prints its high-water mark of resident memory (`VmHWM`).

use crate::dash::{actor, draw, open_core, open_ready, press, terminal, SIZE};
use crate::targets::SESSIONS;
use crate::Fallible;
use pcenter::app::session::Session;
use pcenter::dashboard;
use ratatui::crossterm::event::KeyCode;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

const PREFIX: &str = "peak_kb=";
const ADDED_PREFIX: &str = "sessions_added_kb=";

/// The probe itself: the saved list, the store opened, the directory loaded and taken, a few
/// filter keys, each followed by a frame; then the peak, on standard output.
pub fn probe(store_dir: &Path) -> Fallible<()> {
    let mut terminal = terminal()?;
    if let Some(preview) = dashboard::preview(store_dir, &actor(), SIZE) {
        draw(&mut terminal, &preview)?;
    }
    let mut ready = open_ready(store_dir)?;
    let session = &mut ready.session;
    draw(&mut terminal, &session.app)?;
    press(session, KeyCode::Char('/'));
    for c in "contoso".chars() {
        press(session, KeyCode::Char(c));
        draw(&mut terminal, &session.app)?;
    }
    press(session, KeyCode::Esc);
    draw(&mut terminal, &session.app)?;
    println!("{PREFIX}{}", status_kb("VmHWM")?);
    Ok(())
}

/// The other probe: the dashboard's core started on the store with its directory loaded, then
/// [`SESSIONS`] sessions opened on it, each drawn once on a terminal of its own and all kept
/// open; then the peak, and the resident memory the sessions added, on standard output.
pub fn probe_sessions(store_dir: &Path) -> Fallible<()> {
    let core = open_core(store_dir)?.core;
    let before = status_kb("VmRSS")?;
    let mut open = Vec::with_capacity(SESSIONS);
    for _ in 0..SESSIONS {
        let mut session = Session::open(Arc::clone(&core), actor(), SIZE);
        session.follow();
        let mut terminal = terminal()?;
        draw(&mut terminal, &session.app)?;
        open.push((session, terminal));
    }
    let added = status_kb("VmRSS")?.saturating_sub(before);
    println!("{PREFIX}{}\n{ADDED_PREFIX}{added}", status_kb("VmHWM")?);
    drop(open);
    Ok(())
}

/// A line of this process's `/proc/self/status` in kB: `VmHWM` is the peak resident memory,
/// `VmRSS` the resident memory now.
fn status_kb(key: &str) -> Fallible<u64> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    let line = status
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
        .ok_or(format!("/proc/self/status has no {key} line"))?;
    Ok(line.trim().trim_end_matches("kB").trim().parse()?)
}

/// Runs the dashboard's probe as a child process and gives its peak in MB (10^6 bytes).
pub fn peak_mb(store_dir: &Path) -> Fallible<f64> {
    let output = run_probe("probe-memory", store_dir)?;
    mb_after(&output, PREFIX)
}

/// The memory of many sessions on one core, in MB (10^6 bytes).
pub struct SessionsMemory {
    /// The process's peak.
    pub peak_mb: f64,
    /// What opening the sessions added to the resident memory of the core alone.
    pub added_mb: f64,
}

/// Runs the sessions' probe as a child process.
pub fn sessions_mb(store_dir: &Path) -> Fallible<SessionsMemory> {
    let output = run_probe("probe-sessions", store_dir)?;
    Ok(SessionsMemory {
        peak_mb: mb_after(&output, PREFIX)?,
        added_mb: mb_after(&output, ADDED_PREFIX)?,
    })
}

/// The standard output of `pcenter-bench PROBE STORE`.
fn run_probe(probe: &str, store_dir: &Path) -> Fallible<String> {
    let output = Command::new(std::env::current_exe()?)
        .arg(probe)
        .arg(store_dir)
        .output()?;
    if !output.status.success() {
        return Err(format!(
            "the memory probe {probe} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        )
        .into());
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The kB a probe printed after `prefix`, in MB.
fn mb_after(output: &str, prefix: &str) -> Fallible<f64> {
    let kb: f64 = output
        .lines()
        .find_map(|line| line.strip_prefix(prefix))
        .ok_or(format!("the memory probe printed no {prefix}"))?
        .trim()
        .parse()?;
    Ok(kb * 1024.0 / 1e6)
}
