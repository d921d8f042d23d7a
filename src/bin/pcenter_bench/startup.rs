//! Start-up: the first frame from the saved list, the cost of starting a process, and the first
//! frame when there is no saved list and the database must open first.

use crate::dash::{actor, draw, open_ready, terminal, SIZE};
use crate::stats::{median, ms};
use crate::workdir::{Pcenter, TODAY};
use crate::Fallible;
use pcenter::dashboard;
use pcenter::directory::ListCache;
use pcenter::store::{SledStore, Store, StoreLock, LIST_CACHE_FILES};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

/// Runs of each start-up measurement; the median is reported.
const RUNS: usize = 7;
/// Runs of the first frame without the saved list, which opens the whole database each time.
const COLD_RUNS: usize = 3;
/// Where the saved list waits while the first frame is measured without it.
const AWAY: &str = "customers.list.bench-away";

/// Makes sure the saved list beside the store is there and of the store's generation, as a
/// dashboard leaves it when it quits; saves it through the dashboard's own path otherwise.
pub fn ensure_saved_list(store_dir: &Path) -> Fallible<()> {
    let list = store_dir.join(LIST_CACHE_FILES[0]);
    let away = store_dir.join(AWAY);
    if away.exists() && !list.exists() {
        // A run stopped while the list was moved away.
        std::fs::rename(&away, &list)?;
    }
    let (identity, generation) = {
        let store = SledStore::open(store_dir)?;
        (store.identity()?, store.generation()?)
    };
    let saved = ListCache::of(store_dir).stamp();
    if !saved.is_some_and(|stamp| stamp.shows(identity, generation, actor().business_date)) {
        let ready = open_ready(store_dir)?;
        dashboard::save_list(&ready.session.core);
    }
    Ok(())
}

/// Milliseconds, median of [`RUNS`], from taking the store's lock to the first frame drawn from
/// the saved list, as the dashboard starts before the database opens.
pub fn first_frame(store_dir: &Path) -> Fallible<f64> {
    let actor = actor();
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let lock = StoreLock::acquire(store_dir)?;
        let app = dashboard::preview(store_dir, &actor, SIZE)
            .ok_or("there is no saved list beside the store")?;
        let mut terminal = terminal()?;
        draw(&mut terminal, &app)?;
        samples.push(ms(started.elapsed()));
        drop(lock);
    }
    Ok(median(&samples))
}

/// Milliseconds, median of [`RUNS`], of running `pcenter --version`: what starting the
/// process costs before any of its own work.
pub fn process_start(pcenter: &Pcenter) -> Fallible<f64> {
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let status = std::process::Command::new(&pcenter.binary)
            .arg("--version")
            .stdout(Stdio::null())
            .status()?;
        samples.push(ms(started.elapsed()));
        if !status.success() {
            return Err(format!("pcenter --version failed ({status})").into());
        }
    }
    Ok(median(&samples))
}

/// Puts the saved list back when dropped, whatever happened meanwhile.
struct MovedAway {
    list: PathBuf,
    away: PathBuf,
}

impl Drop for MovedAway {
    fn drop(&mut self) {
        if let Err(error) = std::fs::rename(&self.away, &self.list) {
            eprintln!(
                "could not put {} back (it is at {}): {error}",
                self.list.display(),
                self.away.display()
            );
        }
    }
}

/// Milliseconds, median of [`COLD_RUNS`], of opening the store, starting the dashboard on it
/// and drawing the first frame, with the saved list moved away for the time being.
pub fn first_frame_without_list(store_dir: &Path) -> Fallible<f64> {
    let list = store_dir.join(LIST_CACHE_FILES[0]);
    let away = store_dir.join(AWAY);
    std::fs::rename(&list, &away)?;
    let _restore = MovedAway { list, away };
    let actor = actor();
    let mut samples = Vec::with_capacity(COLD_RUNS);
    for _ in 0..COLD_RUNS {
        let started = Instant::now();
        let store = pcenter::diagnostics::Logged(SledStore::open(store_dir)?);
        let clock = pcenter::clock::FixedClock(format!("{TODAY}T10:00:00Z").parse()?);
        let start = dashboard::start(store, actor.business_date, Box::new(clock))?;
        let session = pcenter::app::session::Session::open(start.core, actor.clone(), SIZE);
        let mut terminal = terminal()?;
        draw(&mut terminal, &session.app)?;
        samples.push(ms(started.elapsed()));
        if dashboard::preview(store_dir, &actor, SIZE).is_some() {
            return Err("the saved list came back while it was moved away".into());
        }
    }
    Ok(median(&samples))
}
