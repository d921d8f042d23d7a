//! How soon a change made by one agent shows in another agent's session: a session on its own
//! thread waits as the terminal shell does (woken by the core's notice, no key pressed),
//! follows the change and draws a frame; the time is from the start of the change (its write
//! and flush included) to the end of that frame. On a scratch copy of the data.

use crate::dash::{self, actor, SIZE};
use crate::targets::LIVE_CHANGES;
use crate::workdir::Scratch;
use crate::writes::{confirm_candidates, contact, DATE_AGREED};
use crate::Fallible;
use pcenter::app::session::Session;
use pcenter::domain::agreement::{Acceptance, Channel};
use pcenter::service::Actor;
use std::sync::mpsc;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// Longer than any change should take to show: a change not shown by then is a failure.
const PATIENCE: Duration = Duration::from_secs(5);

/// Milliseconds from the start of each of [`LIVE_CHANGES`] confirmations to the end of the
/// frame that shows it in another session.
pub fn change_to_frame(scratch: &Scratch) -> Fallible<Vec<f64>> {
    let core = dash::open_core(&scratch.store_dir())?.core;
    let customers = confirm_candidates(core.store(), LIVE_CHANGES)?;
    if customers.is_empty() {
        return Err("no customer can be confirmed: the store has no public-cloud customer".into());
    }
    let mut watching = Session::open(Arc::clone(&core), actor(), SIZE);
    watching.follow();
    let (wake, woken) = mpsc::channel::<()>();
    watching.set_waker(move || {
        let _ = wake.send(());
    });
    let (drawn, frames) = mpsc::channel::<Instant>();
    let (stop, stopped) = mpsc::channel::<()>();
    let shell = thread::spawn(move || -> Result<(), String> {
        let mut terminal = dash::terminal().map_err(|e| e.to_string())?;
        loop {
            match woken.recv_timeout(Duration::from_millis(50)) {
                Ok(()) => {
                    while woken.try_recv().is_ok() {}
                    if watching.follow() {
                        dash::draw(&mut terminal, &watching.app).map_err(|e| e.to_string())?;
                        let _ = drawn.send(Instant::now());
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) if stopped.try_recv().is_err() => {}
                Err(_) => return Ok(()),
            }
        }
    });
    let colleague = Actor {
        agent: "Bench Colleague".into(),
        ..actor()
    };
    let session = core.new_session_id();
    let date_agreed = DATE_AGREED.parse()?;
    let mut samples = Vec::with_capacity(LIVE_CHANGES);
    for made in 0..LIVE_CHANGES {
        let id = &customers[made % customers.len()];
        let acceptance = Acceptance {
            accepted_by: contact("live", made),
            date_agreed,
            agreement: pcenter::domain::agreement::AgreementKind::CloudAgreement,
        };
        let started = Instant::now();
        core.change(&colleague, session, |ops| {
            ops.confirm(id, acceptance, Channel::Account)
        })
        .map_err(|e| format!("confirming {id} through the core failed: {e}"))?;
        let shown = frames
            .recv_timeout(PATIENCE)
            .map_err(|_| format!("the confirmation of {id} did not show in the other session"))?;
        samples.push(shown.duration_since(started).as_secs_f64() * 1_000.0);
        // Paced as people are, and any late frame of this change not taken for the next.
        thread::sleep(Duration::from_millis(10));
        while frames.try_recv().is_ok() {}
    }
    let _ = stop.send(());
    shell
        .join()
        .map_err(|_| "the watching session's thread panicked")??;
    dash::close(core)?;
    Ok(samples)
}
