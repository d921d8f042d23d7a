//! Kill -9 during writes: many writing commands on one store (`agreements create`, `orders
//! create`, `agreements import` of many rows, `customers create`), each killed with SIGKILL at a
//! random moment. After every cycle the store must open, hold every write that was acknowledged
//! (exit 0, or an import row reported as created), and hold no half-written record.
//!
//! `PCENTER_KILL_CYCLES` sets the number of cycles (default 50, what CI runs);
//! `PCENTER_KILL_SEED` replays a run. By hand, with a summary at the end:
//!
//! ```sh
//! PCENTER_KILL_CYCLES=1000 cargo test --test kill_cycles -- --nocapture
//! ```
#![cfg(unix)]

#[path = "kill_cycles/ledger.rs"]
mod ledger;
#[path = "kill_cycles/process.rs"]
mod process;
#[path = "kill_cycles/random.rs"]
mod random;
#[path = "kill_cycles/texts.rs"]
mod texts;
#[path = "kill_cycles/workload.rs"]
mod workload;

use ledger::Ledger;
use pcenter::store::{audit, SledStore, Store};
use random::Random;
use std::collections::HashMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use workload::{Kind, Workload};

const CUSTOMERS: usize = 2000;

fn setting(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    Some(
        value
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={value} is not a number")),
    )
}

/// How long a command of each kind takes per unit of work, learnt from the commands that
/// finished, so that kills land anywhere from start-up to the last write.
struct Timing {
    per_unit: HashMap<Kind, f64>,
}

impl Timing {
    fn kill_after(&self, kind: Kind, size: usize, random: &mut Random) -> Duration {
        let expected = self.per_unit.get(&kind).copied().unwrap_or(0.05) * size as f64;
        Duration::from_secs_f64(random.fraction() * expected * 1.25)
    }

    fn learn(&mut self, kind: Kind, size: usize, took: Duration) {
        let observed = took.as_secs_f64() / size as f64;
        let estimate = self.per_unit.entry(kind).or_insert(observed);
        *estimate = 0.7 * *estimate + 0.3 * observed;
    }
}

#[test]
fn kill_9_during_writes_loses_no_acknowledged_write_and_leaves_nothing_half_written() {
    let cycles = setting("PCENTER_KILL_CYCLES").unwrap_or(50) as usize;
    let seed = setting("PCENTER_KILL_SEED").unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
    });
    println!("kill cycles: {cycles}, seed {seed} (PCENTER_KILL_SEED={seed} replays it)");
    let dir = tempfile::tempdir().unwrap();
    let mut workload = Workload::new(dir.path(), CUSTOMERS, seed);
    let mut random = Random::new(seed);
    let mut timing = Timing {
        per_unit: HashMap::from([(Kind::Import, 0.0005)]),
    };
    let mut ledger = Ledger::default();
    let mut interrupted = 0;
    // Every failure is described; the run goes on (unless the store no longer opens), so that
    // the summary counts them all.
    let mut lost = std::collections::BTreeSet::new();
    let mut corrupt_opens = 0;
    let mut failures = Vec::new();
    for cycle in 1..=cycles {
        let planned = workload.plan(&mut random, cycle);
        let kill_after = timing.kill_after(planned.kind, planned.size(), &mut random);
        let finished = workload.run(&planned, kill_after);
        match finished.code {
            Some(_) => timing.learn(planned.kind, planned.size(), finished.elapsed),
            None => interrupted += 1,
        }
        ledger.record(workload.acknowledged(&planned, &finished));
        let when = format!("cycle {cycle}, {:?} killed at {kill_after:?}", planned.kind);

        let store = match SledStore::open(&workload.store_path()) {
            Ok(store) => store,
            Err(error) => {
                corrupt_opens += 1;
                failures.push(format!("{when}: the store does not open: {error}"));
                break;
            }
        };
        let snapshot = store.load().expect("the store reads back");
        for write in ledger.missing(&snapshot) {
            if lost.insert(write.clone()) {
                failures.push(format!("{when}: an acknowledged write is missing: {write}"));
            }
        }
        let problems = audit(&store).expect("the store reads back");
        failures.extend(problems.iter().map(|p| format!("{when}: {p}")));
    }
    println!(
        "kill cycles: {cycles} cycles (seed {seed}), {interrupted} commands killed while \
         running, {} acknowledged writes checked, {} lost, {corrupt_opens} corrupt opens",
        ledger.len(),
        lost.len()
    );
    assert!(failures.is_empty(), "seed {seed}: {failures:#?}");
}
