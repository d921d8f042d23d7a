//! `pcenter serve --http ADDR`: Partner Center's v1 REST API on the shared core, for scripts
//! and SDKs pointed at it instead of production. A thin shell: each request is signed in by a
//! registered agent's bearer token, handed to `api::handlers` on a blocking thread (a change
//! waits for the disk), and answered with the resource, or the error in Partner Center's shape,
//! with `MS-RequestId` and `MS-CorrelationId` echoed.

mod answer;
mod connection;
#[cfg(test)]
mod hostile_tests;
pub mod openapi;
mod own;
mod routes;
mod serve;
#[cfg(test)]
mod tests;
mod throttle;

pub use connection::Limits;
pub use routes::{router, Served};
pub use serve::{run, Settings};

/// The largest request body read: a Customer body with its agreement is about 2 KB.
pub const BODY_LIMIT: usize = 1 << 20;
