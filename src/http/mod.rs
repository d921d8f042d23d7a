//! `pcenter serve --http ADDR`: Partner Center's v1 REST API on the shared core, for scripts
//! and SDKs pointed at it instead of production. A thin shell: each request is signed in by a
//! registered agent's bearer token, handed to `api::handlers` (reads on a blocking thread,
//! changes on the writing thread, which flushes the changes that arrive together at once: see
//! `writer`), and answered with the resource, or the error in Partner Center's shape, with
//! `MS-RequestId` and `MS-CorrelationId` echoed.

mod answer;
pub mod connection;
#[cfg(test)]
mod hostile_tests;
pub mod openapi;
mod own;
mod routes;
#[cfg(test)]
mod tests;
pub mod throttle;
mod writer;

pub use connection::Limits;
pub use routes::{router, Served};
use std::io::Write;

/// How the HTTP face treats its clients.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    /// Requests a minute per agent; 0 for no limit.
    pub throttle: u32,
    pub limits: Limits,
    /// The language of what the server itself says on standard error (`serve --lang`).
    pub lang: crate::locale::Lang,
}

/// Serves the API of `core` on `listener` until `stop`, then lets requests in flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    core: std::sync::Arc<crate::core::Core>,
    settings: Settings,
    stop: impl std::future::Future<Output = ()>,
) {
    let served = match Served::on(core, &settings) {
        Ok(served) => served,
        Err(error) => {
            tracing::error!("the HTTP API could not start its writing thread: {error}");
            // Not eprintln!, which panics when the terminal has gone.
            let _ = writeln!(std::io::stderr(), "{}", not_started(&error, settings.lang));
            return;
        }
    };
    connection::serve(listener, router(served), settings.limits, stop).await;
}

/// The line said when the API cannot start, in `lang`: the system's words follow.
fn not_started(error: &std::io::Error, lang: crate::locale::Lang) -> String {
    let said = lang.words().shell.api_not_started;
    format!("pcenter: {}", said(&error.to_string()))
}

/// The largest request body read: a Customer body with its agreement is about 2 KB.
pub const BODY_LIMIT: usize = 1 << 20;
