//! The owner of a store (the dashboard today) and the commands it runs for other pcenter
//! processes. Only one process may have a store open (`store::StoreLock`); the one that has it
//! listens on a socket in the data directory, beside the store (`store.sock`, `demo.sock`;
//! its owner's only, removed when it closes), and a `pcenter` command started on that data
//! directory runs through it: the same output, exit status and rules as on its own, its
//! change seen at once by the owner.
//!
//! - `Owner::bind` (holding the store's lock) and `serve`: the owner's side.
//! - `owner_of`, `forward`: a command's side.
//!
//! An owner, in order:
//!
//! ```text
//! let lock = StoreLock::acquire(&path)?;
//! let owner = owner::Owner::bind(&lock, OwnerRecord::dashboard(&actor))?;
//! let store = SledStore::open_locked(lock)?;            // the lock goes into the store
//! let serving = owner::serve(owner, executor)?;         // Executor: runs one command
//! …                                                     // the dashboard runs
//! serving.stop();                                       // the socket removed, commands done
//! store.close();                                        // only then is the lock let go
//! ```

mod client;
mod connection;
mod frame;
mod peer;
mod place;
mod refusals;
mod request;
mod server;
mod stdio;
mod terminal;

#[cfg(test)]
mod tests;

use crate::domain::role::Role;
use crate::locale::Lang;
use crate::service::Actor;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

pub use client::{attach, forward, owner_of, Attached, Shown};
pub use frame::Attach;
pub use place::{Place, ADDRESS_MAX, MODE};
pub use refusals::{dashboard_refused, dashboard_refused_in, needs_store_alone};
pub use request::{Request, Route, Unfit};
pub use server::{
    commands_through, serve, serve_with, Attacher, Executor, Invocation, Owner, Serving,
};
pub use terminal::{AttachedTerminal, Typed};

/// What owns a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OwnerKind {
    Dashboard,
    Server,
}

/// Who owns a store, as the owner tells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnerRecord {
    pub kind: OwnerKind,
    pub agent: String,
    pub role: Role,
    pub pid: u32,
    pub since: DateTime<Utc>,
}

impl OwnerRecord {
    /// This process, a dashboard opened by `actor` now.
    pub fn dashboard(actor: &Actor) -> OwnerRecord {
        OwnerRecord {
            kind: OwnerKind::Dashboard,
            agent: actor.agent.clone(),
            role: actor.role,
            pid: std::process::id(),
            since: Utc::now(),
        }
    }

    /// "the dashboard of Ann Agent (process 4242, since 2026-12-04 10:32 UTC)"
    pub fn describe(&self) -> String {
        self.describe_in(Lang::English)
    }

    /// `describe` in `lang`.
    pub fn describe_in(&self, lang: Lang) -> String {
        let since = self.since.format("%Y-%m-%d %H:%M UTC").to_string();
        (lang.words().commands.owner)(self.is_server(), &self.agent, self.pid, &since)
    }

    pub fn is_server(&self) -> bool {
        self.kind == OwnerKind::Server
    }
}

/// Why a store's owner cannot listen for commands; `Display` says it in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnerError {
    Io { path: PathBuf, detail: String },
    InTheWay { path: PathBuf },
    NotPrivate { path: PathBuf },
}

impl OwnerError {
    /// The error in `lang`.
    pub fn said_in(&self, lang: Lang) -> String {
        use crate::domain::characters::quote_path;
        let words = &lang.words().shell;
        match self {
            OwnerError::Io { path, detail } => {
                (words.socket_unreachable)(&quote_path(path), detail)
            }
            OwnerError::InTheWay { path } => (words.socket_in_the_way)(&quote_path(path)),
            OwnerError::NotPrivate { path } => (words.socket_not_private)(&quote_path(path)),
        }
    }
}

impl std::fmt::Display for OwnerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said_in(Lang::English))
    }
}

impl std::error::Error for OwnerError {}
