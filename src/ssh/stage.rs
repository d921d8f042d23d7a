//! What spectators see of a session: its last frame, published after each draw, and who is
//! watching, told of each new frame. A spectator never reaches the session itself.

use super::remote::Wake;
use crate::domain::role::Role;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use std::sync::mpsc::Sender;
use std::sync::{Mutex, PoisonError};

/// One live session, as spectators list and watch it.
pub struct Stage {
    pub agent: String,
    pub role: Role,
    pub since: DateTime<Utc>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    frame: Option<Buffer>,
    ended: bool,
    watchers: Vec<Sender<Wake>>,
}

impl Stage {
    pub fn new(agent: String, role: Role, since: DateTime<Utc>) -> Stage {
        Stage {
            agent,
            role,
            since,
            state: Mutex::default(),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A new frame of the session: kept, and every watcher told.
    pub fn publish(&self, frame: &Buffer) {
        let mut state = self.state();
        state.frame = Some(frame.clone());
        state
            .watchers
            .retain(|watcher| watcher.send(Wake::Notice).is_ok());
    }

    /// The session is over: its watchers are told, and no frame comes again.
    pub fn end(&self) {
        let mut state = self.state();
        state.ended = true;
        for watcher in state.watchers.drain(..) {
            let _ = watcher.send(Wake::Notice);
        }
    }

    /// Tells `watcher` of each new frame from now on.
    pub fn watch(&self, watcher: Sender<Wake>) {
        self.state().watchers.push(watcher);
    }

    /// The last frame, and whether the session is over.
    pub fn frame(&self) -> (Option<Buffer>, bool) {
        let state = self.state();
        (state.frame.clone(), state.ended)
    }
}
