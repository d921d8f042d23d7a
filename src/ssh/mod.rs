//! `pcenter serve --ssh ADDR`: the dashboard for many agents at once over SSH, every session
//! one agent's, all on the one shared core. A thin shell: russh carries the bytes; `input`
//! turns them into the dashboard's keys; `remote` runs one session and draws it, and
//! `spectate` one spectator, each waiting in `wait` for what comes next; `server` signs agents
//! in by their public keys and bounds what a client may hold.

pub mod host_key;
mod input;
mod local;
mod recording;
mod remote;
mod server;
mod spectate;
mod stage;
mod wait;

pub use local::attacher;
pub use server::{config, serve, Settings, Shared};
