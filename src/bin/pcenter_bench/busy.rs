//! The filter of one session while another agent's thread confirms customers through the same
//! core, at a steady pace, on a scratch copy of the data (see `workdir::scratch_copy`): each
//! confirmation takes the core's write lock, is flushed, updates the shared directory and is
//! told to the session, which follows it between keys as the shell does.

use crate::dash::{self, actor, SIZE};
use crate::keys::{self, KeyTimes, Notices};
use crate::targets::BUSY_CONFIRMATIONS_PER_S;
use crate::workdir::Scratch;
use crate::writes::{confirm_candidates, contact, DATE_AGREED};
use crate::Fallible;
use pcenter::app::session::Session;
use pcenter::core::Core;
use pcenter::domain::agreement::{Acceptance, Channel};
use pcenter::service::Actor;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// Customers set aside for the confirming thread: a minute's worth, far more than the keys
/// take; when a small store has fewer, they are confirmed again with other contacts.
const CANDIDATES: usize = 60 * BUSY_CONFIRMATIONS_PER_S as usize;

/// The filter keys' times, and how many confirmations a second were made meanwhile.
pub struct Busy {
    pub keys: KeyTimes,
    pub confirmations_per_s: f64,
}

/// Types the filter words (as `keys::filter` does) in a session of the dashboard's core while
/// another thread confirms [`BUSY_CONFIRMATIONS_PER_S`] customers a second through that core.
pub fn filter_while_confirming(scratch: &Scratch) -> Fallible<Busy> {
    let core = dash::open_core(&scratch.store_dir())?.core;
    let customers = confirm_candidates(core.store(), CANDIDATES)?;
    if customers.is_empty() {
        return Err("no customer can be confirmed: the store has no public-cloud customer".into());
    }
    let mut session = Session::open(Arc::clone(&core), actor(), SIZE);
    session.follow();
    let stop = Arc::new(AtomicBool::new(false));
    let confirming = {
        let (core, stop) = (Arc::clone(&core), Arc::clone(&stop));
        thread::spawn(move || confirm_steadily(&core, &customers, &stop))
    };
    let keys = keys::filter(&mut session, Notices::Followed);
    stop.store(true, Ordering::Release);
    let confirmed = confirming
        .join()
        .map_err(|_| "the confirming thread panicked")?;
    let keys = keys?;
    let (made, seconds) = confirmed?;
    session.follow();
    drop(session);
    dash::close(core)?;
    Ok(Busy {
        keys,
        confirmations_per_s: made as f64 / seconds.max(f64::EPSILON),
    })
}

/// Another agent, so the session is told of every confirmation as of someone else's.
fn colleague() -> Actor {
    Actor {
        agent: "Bench Colleague".into(),
        ..actor()
    }
}

/// Confirms the customers in turn, one every 1/[`BUSY_CONFIRMATIONS_PER_S`] of a second (a
/// late one is made at once, so the rate holds on average), until told to stop, and at least
/// one; gives how many were made and in how many seconds.
fn confirm_steadily(
    core: &Core,
    customers: &[String],
    stop: &AtomicBool,
) -> Result<(usize, f64), String> {
    let agent = colleague();
    let session = core.new_session_id();
    let date_agreed = DATE_AGREED.parse().expect("a valid date");
    let period = Duration::from_secs(1) / BUSY_CONFIRMATIONS_PER_S;
    let started = Instant::now();
    let mut made = 0;
    loop {
        let id = &customers[made % customers.len()];
        let acceptance = Acceptance {
            accepted_by: contact("busy", made),
            date_agreed,
            agreement: pcenter::domain::agreement::AgreementKind::CloudAgreement,
        };
        core.change(&agent, session, |ops| {
            ops.confirm(id, acceptance, Channel::Account)
        })
        .map_err(|e| format!("confirming {id} through the core failed: {e}"))?;
        made += 1;
        let next = started + period * made as u32;
        if let Some(wait) = next.checked_duration_since(Instant::now()) {
            thread::sleep(wait);
        }
        if stop.load(Ordering::Acquire) {
            return Ok((made, started.elapsed().as_secs_f64()));
        }
    }
}
