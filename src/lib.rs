//! pcenter: a keyboard-first terminal replica of the Partner Center screens with which a partner
//! confirms that a customer accepted the Microsoft Cloud Agreement, and of the rules that hang on
//! that confirmation.
//!
//! Layers, each using only those above it: `domain` (pure rules) → `store` (a small trait, sled
//! by default) → `book` and `service` (the read model and the operations that enforce the rules)
//! → `core` (the one shared core of a process) → `app` (state, `update`, session; no terminal)
//! → `ui` (rendering as a function of state) → the shells: the terminal in `term` and `cli`,
//! the commands' socket in `owner`, the REST API in `http`, SSH dashboards in `ssh`, and the
//! server process that owns a store and runs both in `serve`.

pub mod api;
pub mod app;
pub mod assets;
pub mod backup;
pub mod book;
pub mod caller;
pub mod classic_colors;
pub mod cli;
pub mod clock;
pub mod core;
pub mod dashboard;
pub mod diagnostics;
pub mod directory;
pub mod domain;
#[cfg(unix)]
pub mod http;
pub mod invocation;
pub mod locale;
pub mod out_file;
#[cfg(unix)]
pub mod owner;
pub mod private;
pub mod pty;
pub mod safe_json;
pub mod serde_path;
#[cfg(unix)]
pub mod serve;
pub mod service;
pub mod signals;
#[cfg(unix)]
pub mod ssh;
pub mod store;
pub mod term;
#[cfg(test)]
mod testing;
pub mod ui;
pub mod wide_cells;

/// mimalloc instead of the system allocator, for every program built on this crate: sled
/// allocates and frees a node for every page it reads, and with the system allocator that work
/// took more than a third of an import's time (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
