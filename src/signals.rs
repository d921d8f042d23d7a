//! SIGTERM, and SIGHUP (the terminal went away, as when an SSH connection drops), end the
//! dashboard as a quit does instead of killing it on the spot: the loop sees the request, the
//! terminal is restored, the list copy saved and the store closed, then pcenter exits with
//! 128 + the signal's number, the status a shell reports for it.
//!
//! Every change is saved when it is made, so nothing depends on that ending. That matters after
//! a hang-up: the terminal library can then keep reading the closed terminal and never return
//! to the loop, so a watchdog ends the process if the loop has not let go in time.

use signal_hook::consts::{SIGHUP, SIGTERM};
use std::io::{self, Read};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long the loop has to see a signal (it looks ten times a second) before the watchdog
/// ends the process.
const GRACE: Duration = Duration::from_secs(2);
/// How long a failed terminal waits for the SIGHUP of its hang-up.
const SIGNAL_LAG: Duration = Duration::from_millis(200);

/// The signals that end the dashboard, once registered.
pub struct Stop {
    received: Arc<AtomicUsize>,
    left_the_loop: Arc<AtomicBool>,
}

/// No signal received yet.
const NONE: usize = 0;

impl Stop {
    /// Catches SIGTERM and SIGHUP from now on; each records that it came and wakes the watchdog,
    /// which calls `before_forced_exit` (to put the terminal back) should it end the process.
    pub fn register(before_forced_exit: fn()) -> io::Result<Stop> {
        let received = Arc::new(AtomicUsize::new(NONE));
        let left_the_loop = Arc::new(AtomicBool::new(false));
        let (mut wake_up, alarm) = UnixStream::pair()?;
        for signal in [SIGTERM, SIGHUP] {
            signal_hook::flag::register_usize(signal, Arc::clone(&received), signal as usize)?;
            signal_hook::low_level::pipe::register(signal, alarm.try_clone()?)?;
        }
        let stop = Stop {
            received,
            left_the_loop,
        };
        let (received, left) = (Arc::clone(&stop.received), Arc::clone(&stop.left_the_loop));
        std::thread::spawn(move || {
            if wake_up.read(&mut [0]).is_err() {
                return;
            }
            std::thread::sleep(GRACE);
            if let (false, Some(status)) = (left.load(Ordering::Acquire), status_of(&received)) {
                before_forced_exit();
                std::process::exit(status.into());
            }
        });
        Ok(stop)
    }

    /// The exit status for the signal received, if one was.
    pub fn requested(&self) -> Option<u8> {
        status_of(&self.received)
    }

    /// The exit status for a signal received now or in a moment: a terminal fails as soon as
    /// it hangs up, and its SIGHUP may be a moment behind.
    pub fn after_terminal_failure(&self) -> Option<u8> {
        let started = Instant::now();
        while started.elapsed() < SIGNAL_LAG {
            if let Some(status) = self.requested() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        self.requested()
    }

    /// Tells the watchdog that the loop has ended and the rest is done in order.
    pub fn left_the_loop(&self) {
        self.left_the_loop.store(true, Ordering::Release);
    }
}

fn status_of(received: &AtomicUsize) -> Option<u8> {
    match received.load(Ordering::Acquire) {
        NONE => None,
        signal => Some(128 + signal as u8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signal_is_recorded_with_its_exit_status() {
        let stop = Stop::register(|| {}).unwrap();
        stop.left_the_loop(); // so that the watchdog leaves this test process alone
        assert_eq!(stop.requested(), None);
        signal_hook::low_level::raise(SIGHUP).unwrap();
        assert_eq!(stop.requested(), Some(129));
        signal_hook::low_level::raise(SIGTERM).unwrap();
        assert_eq!(stop.requested(), Some(143));
    }
}
