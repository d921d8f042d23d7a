//! `pcenter serve`: one process owns the store, as a dashboard does (commands on the same data
//! directory run through it), and serves it on the faces asked for, HTTP (`http`) and SSH
//! (`ssh`), on one tokio runtime, until SIGINT or SIGTERM; then each face lets its clients go
//! (requests in flight finish, dashboards are told), and the store is closed.

use crate::clock::SystemClock;
use crate::core::Core;
use crate::dashboard;
use crate::diagnostics::Logged;
use crate::invocation::{prepare, Options};
use crate::locale::words::SshAt;
use crate::locale::Lang;
use crate::owner::{self, Owner, OwnerKind, OwnerRecord};
use crate::store::{SledStore, StoreError, StoreLock};
use std::io::Write;
use std::net::{SocketAddr, TcpListener};
use std::path::Path;
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

/// A store that cannot be served, said in `lang`.
fn store_failure(error: StoreError, lang: Lang) -> Failure {
    let exit = match error {
        StoreError::Locked { .. } => 3,
        StoreError::Corrupt { .. } => 12,
        StoreError::NewerSchema { .. } => 13,
        _ => 4,
    };
    let refusal = crate::service::ServiceError::Store(error);
    failure(exit, (lang.words().problems.refusal)(&refusal))
}

/// The address to listen on: `HOST:PORT`, or a port alone for loopback; refused in `lang`.
pub fn address(text: &str, lang: Lang) -> Result<SocketAddr, String> {
    let text = text.trim();
    if let Ok(port) = text.parse::<u16>() {
        return Ok(SocketAddr::from(([127, 0, 0, 1], port)));
    }
    let text = text.replace("localhost:", "127.0.0.1:");
    text.parse()
        .map_err(|_| (lang.words().shell.not_an_address)(&text))
}

/// What to serve and how.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// `HOST:PORT` of the REST API.
    pub http: Option<String>,
    /// `HOST:PORT` of the SSH dashboards.
    pub ssh: Option<String>,
    pub http_settings: crate::http::Settings,
    pub ssh_settings: crate::ssh::Settings,
}

/// The listeners, bound before anything else starts.
struct Listeners {
    http: Option<TcpListener>,
    ssh: Option<TcpListener>,
}

fn bind(text: Option<&str>, lang: Lang) -> Result<Option<TcpListener>, Failure> {
    let Some(text) = text else {
        return Ok(None);
    };
    let addr = address(text, lang).map_err(|message| failure(2, message))?;
    TcpListener::bind(addr).map(Some).map_err(|e| {
        let said = lang.words().shell.cannot_listen;
        failure(2, said(&addr.to_string(), &e.to_string()))
    })
}

/// Serves the store of `options` as `plan` says until SIGINT or SIGTERM; says where on `out`.
pub fn run(options: &Options, plan: &Plan, out: &mut dyn Write) -> Result<(), Failure> {
    let lang = options.lang();
    let words = &lang.words().shell;
    if plan.http.is_none() && plan.ssh.is_none() {
        return Err(failure(2, words.serve_what));
    }
    without_huge_pages();
    let path = options
        .store_path()
        .ok_or_else(|| failure(4, words.no_data_dir))?;
    let store_refused = |error| store_failure(error, lang);
    let lock = StoreLock::acquire(&path).map_err(store_refused)?;
    // Listening is settled before anything is started that would have to be stopped.
    let listeners = Listeners {
        http: bind(plan.http.as_deref(), lang)?,
        ssh: bind(plan.ssh.as_deref(), lang)?,
    };
    let host_key = match &listeners.ssh {
        Some(_) => {
            let data_dir = path.parent().unwrap_or(&path);
            let host_key = crate::ssh::host_key::load_or_make(data_dir);
            Some(host_key.map_err(|e| failure(4, (lang.words().shell.host_key)(&e)))?)
        }
        None => None,
    };
    let actor = options.actor();
    let record = OwnerRecord {
        kind: OwnerKind::Server,
        ..OwnerRecord::dashboard(&actor)
    };
    let owner = Owner::bind(&lock, record).map_err(|e| failure(3, e.said_in(lang)))?;
    let store = SledStore::open_locked(lock)
        .map(Logged)
        .map_err(store_refused)?;
    prepare(&store, options).map_err(store_refused)?;
    let start = dashboard::start(store, actor.business_date, Box::new(SystemClock))
        .map_err(store_refused)?;
    let core = start.core;
    let loading = start.loader.map(|loader| {
        let core = Arc::clone(&core);
        std::thread::spawn(move || loader.run(&core))
    });
    // The dashboards' sessions: over SSH, and of local terminals attached through the socket.
    let sessions = crate::ssh::Shared::new(Arc::clone(&core), plan.ssh_settings.clone());
    let attacher = Some(crate::ssh::attacher(Arc::clone(&sessions)));
    let served = match owner::serve_with(owner, owner::commands_through(&core), attacher) {
        Ok(serving) => {
            let said = say_where(out, &listeners, host_key.as_ref(), &path, lang);
            let served = said.and_then(|()| {
                serve_until_stopped(listeners, host_key, Arc::clone(&core), &sessions, plan)
                    .map_err(|e| failure(4, (words.server_failed)(&e.to_string())))
            });
            serving.stop();
            served
        }
        Err(e) => Err(failure(
            3,
            (words.no_commands_through_server)(&e.to_string()),
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
    tracing::info!("server stopped");
    served
}

/// Asks the kernel for no transparent huge pages in this process. The allocator takes memory
/// for each session's thread apart, and where the system hands out huge pages on request, each
/// session touched fresh 2 MB pages: 4.5 MB a session instead of well under 1, for no speed
/// measured (see BENCHMARKS.md). Without the call (another system) nothing changes.
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and changes only this process's flag.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// One line per listener, with the address bound.
fn say_where(
    out: &mut dyn Write,
    listeners: &Listeners,
    host_key: Option<&crate::ssh::host_key::HostKey>,
    path: &Path,
    lang: Lang,
) -> Result<(), Failure> {
    let words = &lang.words().shell;
    let local =
        |listener: &TcpListener| listener.local_addr().map_err(|e| failure(2, e.to_string()));
    let store = path.display().to_string();
    let mut lines = Vec::new();
    if let Some(listener) = &listeners.http {
        let bound = local(listener)?;
        warn_if_open(&mut lines, bound, true, lang);
        let url = format!("http://{bound}/v1");
        lines.push(format!("pcenter: {}", (words.api_at)(&url, &store)));
        tracing::info!("HTTP server listening on {bound} for {}", path.display());
    }
    if let (Some(listener), Some(key)) = (&listeners.ssh, host_key) {
        let bound = local(listener)?;
        warn_if_open(&mut lines, bound, false, lang);
        let host = bound.ip().to_string();
        let fingerprint = key.fingerprint().to_string();
        let at = SshAt {
            port: bound.port(),
            host: &host,
            store: &store,
            fingerprint: &fingerprint,
            made: key.made,
        };
        lines.push(format!("pcenter: {}", (words.ssh_at)(&at)));
        tracing::info!(
            "SSH server listening on {bound}, host key {}",
            key.fingerprint()
        );
    }
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    let _ = out.flush();
    Ok(())
}

/// A warning for an address other machines can reach: the API's (`api`) or the SSH one's.
fn warn_if_open(lines: &mut Vec<String>, bound: SocketAddr, api: bool, lang: Lang) {
    if !bound.ip().is_loopback() {
        let said = lang.words().shell.reachable;
        lines.push(format!("pcenter: {}", said(&bound.to_string(), api)));
    }
}

/// Runs the faces on one tokio runtime (two workers: the machine's cores) until SIGINT or
/// SIGTERM, then lets each finish with its clients.
fn serve_until_stopped(
    listeners: Listeners,
    host_key: Option<crate::ssh::host_key::HostKey>,
    core: Arc<Core>,
    sessions: &Arc<crate::ssh::Shared>,
    plan: &Plan,
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("pcenter-serve")
        .enable_all()
        .build()?;
    let (stopping, stop_seen) = tokio::sync::watch::channel(false);
    let stop = move || {
        let mut seen = stop_seen.clone();
        async move {
            let _ = seen.wait_for(|stopping| *stopping).await;
        }
    };
    let http_settings = plan.http_settings;
    let sessions = Arc::clone(sessions);
    runtime.block_on(async move {
        let mut faces = tokio::task::JoinSet::new();
        if let Some(listener) = listeners.http {
            listener.set_nonblocking(true)?;
            let listener = tokio::net::TcpListener::from_std(listener)?;
            faces.spawn(crate::http::serve(
                listener,
                Arc::clone(&core),
                http_settings,
                stop(),
            ));
        }
        if let (Some(listener), Some(key)) = (listeners.ssh, host_key) {
            listener.set_nonblocking(true)?;
            let listener = tokio::net::TcpListener::from_std(listener)?;
            let config = Arc::new(crate::ssh::config(key.key));
            faces.spawn(crate::ssh::serve(
                listener,
                Arc::clone(&sessions),
                config,
                stop(),
            ));
        }
        stopped().await;
        let _ = stopping.send(true);
        while faces.join_next().await.is_some() {}
        // Local dashboards are told too, when no SSH face told them.
        sessions.stop_sessions().await;
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

#[cfg(test)]
mod tests {
    use super::address;
    use crate::locale::Lang;

    fn english(text: &str) -> Result<std::net::SocketAddr, String> {
        address(text, Lang::English)
    }

    #[test]
    fn an_address_is_host_and_port_or_a_port_on_loopback() {
        assert_eq!(english("8080").unwrap().to_string(), "127.0.0.1:8080");
        assert_eq!(english("localhost:0").unwrap().to_string(), "127.0.0.1:0");
        assert_eq!(english("0.0.0.0:80").unwrap().to_string(), "0.0.0.0:80");
        assert!(english("here").unwrap_err().contains("HOST:PORT"));
    }
}
