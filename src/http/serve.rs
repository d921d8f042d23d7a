//! The server's life: it takes the store as a dashboard does (commands on the same data
//! directory run through it), listens, serves until SIGINT or SIGTERM, lets the requests in
//! flight finish, and closes the store.

use super::connection::{self, Limits};
use super::throttle::Throttle;
use super::{router, Served};
use crate::clock::SystemClock;
use crate::dashboard;
use crate::diagnostics::Logged;
use crate::invocation::{prepare, Options};
use crate::owner::{self, Owner, OwnerKind, OwnerRecord};
use crate::store::{SledStore, StoreError, StoreLock};
use std::io::Write;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;

/// Why the server could not run: the exit status and one line to say.
#[derive(Debug)]
pub struct Failure {
    pub exit: u8,
    pub message: String,
}

fn failure(exit: u8, message: impl Into<String>) -> Failure {
    Failure {
        exit,
        message: message.into(),
    }
}

fn store_failure(error: StoreError) -> Failure {
    let exit = match error {
        StoreError::Locked { .. } => 3,
        StoreError::Corrupt { .. } => 12,
        StoreError::NewerSchema { .. } => 13,
        _ => 4,
    };
    failure(exit, error.to_string())
}

/// The address to listen on: `HOST:PORT`, or a port alone for loopback.
pub fn address(text: &str) -> Result<SocketAddr, String> {
    let text = text.trim();
    if let Ok(port) = text.parse::<u16>() {
        return Ok(SocketAddr::from(([127, 0, 0, 1], port)));
    }
    let text = text.replace("localhost:", "127.0.0.1:");
    text.parse().map_err(|_| {
        format!("'{text}' is not an address to listen on: give HOST:PORT, for example 127.0.0.1:8080 (port 0 picks a free one)")
    })
}

/// How the server treats its clients.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    /// Requests a minute per agent; 0 for no limit.
    pub throttle: u32,
    pub limits: Limits,
}

/// Serves the store of `options` on `addr` until SIGINT or SIGTERM; says where on `out`.
pub fn run(
    options: &Options,
    addr: &str,
    settings: Settings,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let addr = address(addr).map_err(|message| failure(2, message))?;
    let path = options
        .store_path()
        .map_err(|message| failure(4, message))?;
    let lock = StoreLock::acquire(&path).map_err(store_failure)?;
    // Listening is settled before anything is started that would have to be stopped.
    let listener =
        TcpListener::bind(addr).map_err(|e| failure(2, format!("cannot listen on {addr}: {e}")))?;
    let bound = listener
        .local_addr()
        .map_err(|e| failure(2, e.to_string()))?;
    let actor = options.actor();
    let record = OwnerRecord {
        kind: OwnerKind::Server,
        ..OwnerRecord::dashboard(&actor)
    };
    let owner = Owner::bind(&lock, record).map_err(|e| failure(3, e.to_string()))?;
    let store = SledStore::open_locked(lock)
        .map(Logged)
        .map_err(store_failure)?;
    prepare(&store, options).map_err(store_failure)?;
    let start = dashboard::start(store, actor.business_date, Box::new(SystemClock))
        .map_err(store_failure)?;
    let core = start.core;
    let loading = start.loader.map(|loader| {
        let core = Arc::clone(&core);
        std::thread::spawn(move || loader.run(&core))
    });
    let served = match owner::serve(owner, owner::commands_through(&core)) {
        Ok(serving) => {
            say_where(out, bound, &path);
            let served = serve_until_stopped(listener, Arc::clone(&core), settings);
            serving.stop();
            served.map_err(|e| failure(4, format!("the server failed: {e}")))
        }
        Err(e) => Err(failure(
            3,
            format!("commands cannot run through this server: {e}"),
        )),
    };
    // However serving ended, the store is closed whole.
    core.stop_loading();
    if let Some(loading) = loading {
        let _ = loading.join();
    }
    dashboard::save_list(&core);
    match Arc::try_unwrap(core) {
        Ok(core) => core.close(),
        Err(_) => {
            tracing::warn!("the store is closed by the process's exit: a request still held it")
        }
    }
    tracing::info!("HTTP server stopped");
    served
}

fn say_where(out: &mut dyn Write, bound: SocketAddr, path: &std::path::Path) {
    if !bound.ip().is_loopback() {
        let _ = writeln!(
            out,
            "pcenter: warning: {bound} is reachable from other machines, and this API has no TLS: its tokens cross the network in clear."
        );
    }
    let _ = writeln!(
        out,
        "pcenter: Partner Center API at http://{bound}/v1 on {} (Ctrl-C to stop)",
        path.display()
    );
    let _ = out.flush();
    tracing::info!("HTTP server listening on {bound} for {}", path.display());
}

/// Runs the router on one tokio runtime (two workers: the machine's cores) until SIGINT or
/// SIGTERM, then lets the requests in flight finish.
fn serve_until_stopped(
    listener: TcpListener,
    core: Arc<crate::core::Core>,
    settings: Settings,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("pcenter-http")
        .enable_all()
        .build()?;
    let served = Served {
        core,
        throttle: Throttle::per_minute(settings.throttle),
        body_deadline: settings.limits.body,
    };
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        connection::serve(listener, router(served), settings.limits, stopped()).await;
        Ok(())
    })
}
/// SIGINT or SIGTERM.
async fn stopped() {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut interrupt), Ok(mut terminate)) = (
        signal(SignalKind::interrupt()),
        signal(SignalKind::terminate()),
    ) else {
        return std::future::pending().await;
    };
    tokio::select! {
        _ = interrupt.recv() => {}
        _ = terminate.recv() => {}
    }
}
