//! Who is told of each change: every session of the core, each through a function that hands
//! the notice on (to a channel) without blocking.

use super::{lock, Notice};
use std::sync::{Arc, Mutex};

type Listener = Box<dyn Fn(Notice) -> bool + Send>;

#[derive(Default)]
pub(super) struct Listeners {
    all: Arc<Mutex<Entries>>,
}

#[derive(Default)]
struct Entries {
    next_id: u64,
    listening: Vec<(u64, Listener)>,
}

impl Listeners {
    pub(super) fn add(&self, listener: Listener) -> Subscription {
        let mut entries = lock(&self.all);
        let id = entries.next_id;
        entries.next_id += 1;
        entries.listening.push((id, listener));
        Subscription {
            id,
            all: Arc::clone(&self.all),
        }
    }

    /// Tells every listener; one that says it no longer listens is dropped.
    pub(super) fn tell(&self, notice: Notice) {
        lock(&self.all)
            .listening
            .retain(|(_, listener)| listener(notice.clone()));
    }

    #[cfg(test)]
    pub(super) fn count(&self) -> usize {
        lock(&self.all).listening.len()
    }
}

/// Listening to a core; dropping it stops the notices.
pub struct Subscription {
    id: u64,
    all: Arc<Mutex<Entries>>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        lock(&self.all).listening.retain(|(id, _)| *id != self.id);
    }
}

impl std::fmt::Debug for Subscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subscription")
            .field("id", &self.id)
            .finish()
    }
}
