//! The wait of a session's thread, the dashboard's and a spectator's alike: for the client's
//! bytes (read as keys, a lone Esc once `ESC_WAIT` passed with nothing after it), its resizes,
//! news, or the end: the client hanging up, the server stopping, the idle timeout.

use super::input::{Input, ESC_WAIT};
use super::remote::{Ended, Wake};
use crate::app::Action;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// What woke a session, for it to handle.
pub enum Woken<'a> {
    /// Bytes from the client, and the keys they complete.
    Input(&'a [u8], Vec<Action>),
    /// Keys completed by waiting: a lone Esc.
    Held(Vec<Action>),
    Resize(u16, u16),
    /// The core, or a session watched, has news.
    Notice,
}

/// What a session does after one wake: goes on with those already waiting, or draws first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    Next,
    Draw,
}

/// A session's input as it waits: keys held until whole, and the time of its last.
pub struct Waiting {
    input: Input,
    last_input: Instant,
    idle: Duration,
}

impl Waiting {
    /// A session closed after `idle` without input.
    pub fn new(idle: Duration) -> Waiting {
        Waiting {
            input: Input::default(),
            last_input: Instant::now(),
            idle,
        }
    }

    /// Waits for what comes next and hands it to `handle`: the wake, and every one already
    /// waiting behind it (up to 256) unless `handle` asks to draw first; or the keys held, once
    /// nothing followed a lone Esc. Returns when they are handled, for the session to draw;
    /// `Err` when the session ends, whether `handle` says so or the client or server does.
    pub fn next(
        &mut self,
        wakes: &Receiver<Wake>,
        mut handle: impl FnMut(Woken) -> Result<Then, Ended>,
    ) -> Result<(), Ended> {
        let idle_left = self.idle.saturating_sub(self.last_input.elapsed());
        if idle_left.is_zero() {
            return Err(Ended::Idle);
        }
        let wait = match self.input.waiting_for_more() {
            true => ESC_WAIT.min(idle_left),
            false => idle_left,
        };
        let wake = match wakes.recv_timeout(wait) {
            Ok(wake) => wake,
            Err(RecvTimeoutError::Timeout) => {
                if self.input.waiting_for_more() {
                    handle(Woken::Held(self.input.flush()))?;
                }
                return Ok(());
            }
            Err(RecvTimeoutError::Disconnected) => return Err(Ended::HungUp),
        };
        // Everything already waiting is handled before the next frame.
        for wake in std::iter::once(wake).chain(wakes.try_iter().take(256)) {
            let then = match wake {
                Wake::Input(bytes) => {
                    self.last_input = Instant::now();
                    let actions = self.input.feed(&bytes);
                    handle(Woken::Input(&bytes, actions))?
                }
                Wake::Resize(width, height) => handle(Woken::Resize(width, height))?,
                Wake::Notice => handle(Woken::Notice)?,
                Wake::HungUp => return Err(Ended::HungUp),
                Wake::Stop => return Err(Ended::Stopped),
            };
            if then == Then::Draw {
                break;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    /// What `next` handed over, as words.
    fn woken(waiting: &mut Waiting, wakes: &Receiver<Wake>) -> (Vec<String>, Result<(), Ended>) {
        let mut seen = Vec::new();
        let result = waiting.next(wakes, |woken| {
            seen.push(match woken {
                Woken::Input(bytes, actions) => format!("input {bytes:?} {}", actions.len()),
                Woken::Held(actions) => format!("held {actions:?}"),
                Woken::Resize(width, height) => format!("resize {width}x{height}"),
                Woken::Notice => "notice".to_string(),
            });
            Ok(Then::Next)
        });
        (seen, result)
    }

    #[test]
    fn a_lone_esc_is_handed_over_once_nothing_follows_it() {
        let (wake, wakes) = mpsc::channel();
        let mut waiting = Waiting::new(Duration::from_secs(60));
        wake.send(Wake::Input(b"\x1b".to_vec())).unwrap();
        let (seen, result) = woken(&mut waiting, &wakes);
        assert_eq!((seen, result), (vec!["input [27] 0".to_string()], Ok(())));
        let (seen, result) = woken(&mut waiting, &wakes);
        assert_eq!(result, Ok(()));
        assert_eq!(seen.len(), 1);
        assert!(
            seen[0].starts_with("held [Key(") && seen[0].contains("Esc"),
            "{seen:?}"
        );
    }

    #[test]
    fn wakes_already_waiting_are_handed_over_together_until_the_end_of_the_session() {
        let (wake, wakes) = mpsc::channel();
        let mut waiting = Waiting::new(Duration::from_secs(60));
        for sent in [
            Wake::Resize(100, 30),
            Wake::Notice,
            Wake::Stop,
            Wake::Notice,
        ] {
            wake.send(sent).unwrap();
        }
        let (seen, result) = woken(&mut waiting, &wakes);
        assert_eq!(seen, ["resize 100x30", "notice"]);
        assert_eq!(result, Err(Ended::Stopped));
        // What came after stays for whoever asks next; then the client is gone.
        drop(wake);
        assert_eq!(woken(&mut waiting, &wakes), (vec!["notice".into()], Ok(())));
        assert_eq!(woken(&mut waiting, &wakes), (vec![], Err(Ended::HungUp)));
    }

    #[test]
    fn a_session_without_input_ends_idle() {
        let (_wake, wakes) = mpsc::channel();
        let mut waiting = Waiting::new(Duration::from_millis(30));
        assert_eq!(woken(&mut waiting, &wakes), (vec![], Ok(())));
        assert_eq!(woken(&mut waiting, &wakes), (vec![], Err(Ended::Idle)));
    }
}
