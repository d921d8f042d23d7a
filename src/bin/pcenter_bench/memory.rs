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
    println!("{PREFIX}{}", peak_kb()?);
    Ok(())
}

/// The other probe: the dashboard's core started on the store with its directory loaded, then
/// [`SESSIONS`] sessions opened on it, each drawn once on a terminal of its own and all kept
/// open; then the peak, on standard output.
pub fn probe_sessions(store_dir: &Path) -> Fallible<()> {
    let core = open_core(store_dir)?.core;
    let mut open = Vec::with_capacity(SESSIONS);
    for _ in 0..SESSIONS {
        let mut session = Session::open(Arc::clone(&core), actor(), SIZE);
        session.follow();
        let mut terminal = terminal()?;
        draw(&mut terminal, &session.app)?;
        open.push((session, terminal));
    }
    println!("{PREFIX}{}", peak_kb()?);
    drop(open);
    Ok(())
}

/// This process's peak resident memory in kB, from `/proc/self/status`.
fn peak_kb() -> Fallible<u64> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    let line = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .ok_or("/proc/self/status has no VmHWM line")?;
    Ok(line.trim().trim_end_matches("kB").trim().parse()?)
}

/// Runs the dashboard's probe as a child process and gives its peak in MB (10^6 bytes).
pub fn peak_mb(store_dir: &Path) -> Fallible<f64> {
    run_probe("probe-memory", store_dir)
}

/// Runs the sessions' probe as a child process and gives its peak in MB (10^6 bytes).
pub fn sessions_peak_mb(store_dir: &Path) -> Fallible<f64> {
    run_probe("probe-sessions", store_dir)
}

fn run_probe(probe: &str, store_dir: &Path) -> Fallible<f64> {
    let output = Command::new(std::env::current_exe()?)
        .arg(probe)
        .arg(store_dir)
        .output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "the memory probe {probe} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        )
        .into());
    }
    let kb: f64 = stdout
        .lines()
        .find_map(|line| line.strip_prefix(PREFIX))
        .ok_or(format!("the memory probe {probe} printed no peak"))?
        .trim()
        .parse()?;
    Ok(kb * 1024.0 / 1e6)
}
