//! The owner's side: a socket bound while the store's lock is held, one thread per connection,
//! each command run by the executor the owner gives, with the standard streams of the pcenter
//! it runs for (see `caller`).

use super::connection::serve_connection;
use super::frame::Attach;
use super::place::{Bound, Place};
use super::{OwnerError, OwnerRecord};
use crate::api::error::ApiError;
use crate::api::Command;
use crate::core::Core;
use crate::invocation::Options;
use crate::store::StoreLock;
use std::collections::HashMap;
use std::io::{self, Write};
use std::net::Shutdown;
use std::os::fd::AsRawFd;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A command to run for another pcenter process.
pub struct Invocation {
    /// Its options as parsed where it was started (`command` left out), the data directory
    /// absolute.
    pub options: Options,
    pub command: Command,
    /// Its process ID, as the system tells it.
    pub process: Option<u32>,
}

/// Runs a command on the owner's store, writing what it prints to the writer given, as
/// `api::execute` does; called on the connection's own thread, with the standard streams of
/// the pcenter it runs for in place (`caller`), so it must run the command on that thread.
pub type Executor = Arc<dyn Fn(Invocation, &mut dyn Write) -> Result<u8, ApiError> + Send + Sync>;

/// Runs a dashboard session for a local pcenter that attached to a server (`Attach`), on the
/// connection's own thread, until it ends: keys and sizes read from the stream, the screen
/// written to it.
pub type Attacher = Arc<dyn Fn(Attach, super::AttachedTerminal) + Send + Sync>;

/// Connections served at once; more are dropped (their commands are told the store is in use).
const MOST_CONNECTIONS: usize = 64;
/// How long `Serving::stop` lets running commands finish before cutting their connections.
const FINISH_PATIENCE: Duration = Duration::from_secs(5);

/// A store's owner, listening: made while it holds the store's lock.
pub struct Owner {
    bound: Bound,
    listener: UnixListener,
    record: OwnerRecord,
    store: PathBuf,
}

impl Owner {
    /// Listens for commands on the store `lock` holds, as `record` (see
    /// `OwnerRecord::dashboard`). The lock may then go into the store
    /// (`SledStore::open_locked`); stop serving before the store is closed.
    pub fn bind(lock: &StoreLock, record: OwnerRecord) -> Result<Owner, OwnerError> {
        let mut bound = Place::of(lock.dir()).bind()?;
        let listener = bound.take_listener();
        listener.set_nonblocking(true).map_err(|e| OwnerError::Io {
            path: bound.place().path(),
            detail: e.to_string(),
        })?;
        Ok(Owner {
            bound,
            listener,
            record,
            store: lock.dir().to_path_buf(),
        })
    }

    /// The socket's path.
    pub fn socket(&self) -> PathBuf {
        self.bound.place().path()
    }
}

/// Serves every connection to `owner`'s socket on a thread of its own, each command run by
/// `executor`, until `Serving::stop` (or its drop).
pub fn serve(owner: Owner, executor: Executor) -> io::Result<Serving> {
    serve_with(owner, executor, None)
}

/// `serve`, with dashboards of local terminals run by `attacher` (a server's sessions).
pub fn serve_with(
    owner: Owner,
    executor: Executor,
    attacher: Option<Attacher>,
) -> io::Result<Serving> {
    let Owner {
        bound,
        listener,
        record,
        store,
    } = owner;
    let (wake, woken) = UnixStream::pair()?;
    let shared = Arc::new(Shared {
        record,
        store,
        executor,
        attacher,
        connections: Mutex::new(Connections::default()),
        ended: Condvar::new(),
    });
    let accepting = shared.clone();
    let accept = std::thread::Builder::new()
        .name("pcenter-owner".into())
        .spawn(move || accept(&listener, &woken, &accepting))?;
    Ok(Serving {
        bound: Some(bound),
        wake,
        accept: Some(accept),
        shared,
    })
}

/// The owner serving; `stop` ends it.
pub struct Serving {
    bound: Option<Bound>,
    wake: UnixStream,
    accept: Option<JoinHandle<()>>,
    shared: Arc<Shared>,
}

impl Serving {
    pub fn socket(&self) -> Option<PathBuf> {
        self.bound.as_ref().map(|bound| bound.place().path())
    }

    /// Stops serving: no new connection is taken, the socket is removed, a command waiting for
    /// its standard input gets its end, and running commands are let finish (a few seconds,
    /// then their connections are cut and they end at their next output). Call it before the
    /// store is closed, while the store's lock is still held.
    pub fn stop(mut self) {
        self.finish();
    }

    fn finish(&mut self) {
        let Some(accept) = self.accept.take() else {
            return;
        };
        let _ = self.wake.write_all(&[1]);
        let _ = accept.join();
        drop(self.bound.take());
        self.shared.wind_down();
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        self.finish();
    }
}

pub(super) struct Shared {
    pub(super) record: OwnerRecord,
    pub(super) store: PathBuf,
    pub(super) executor: Executor,
    pub(super) attacher: Option<Attacher>,
    connections: Mutex<Connections>,
    ended: Condvar,
}

#[derive(Default)]
struct Connections {
    next: u64,
    live: HashMap<u64, UnixStream>,
}

impl Shared {
    fn connections(&self) -> MutexGuard<'_, Connections> {
        self.connections.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes a connection in, unless too many are served already.
    fn admit(self: &Arc<Shared>, stream: UnixStream) {
        let Ok(kept) = stream.try_clone() else {
            return;
        };
        let id = {
            let mut connections = self.connections();
            if connections.live.len() >= MOST_CONNECTIONS {
                tracing::warn!("{MOST_CONNECTIONS} commands at once: one more was turned away");
                return;
            }
            connections.next += 1;
            let id = connections.next;
            connections.live.insert(id, kept);
            id
        };
        let shared = self.clone();
        let spawned = std::thread::Builder::new()
            .name("pcenter-command".into())
            .spawn(move || {
                let _done = Done(&shared, id);
                serve_connection(stream, &shared);
            });
        if spawned.is_err() {
            self.connections().live.remove(&id);
        }
    }

    fn wind_down(&self) {
        let mut connections = self.connections();
        for stream in connections.live.values() {
            let _ = stream.shutdown(Shutdown::Read);
        }
        let deadline = Instant::now() + FINISH_PATIENCE;
        while !connections.live.is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            connections = self
                .ended
                .wait_timeout(connections, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        for stream in connections.live.values() {
            let _ = stream.shutdown(Shutdown::Both);
        }
        while !connections.live.is_empty() {
            connections = self
                .ended
                .wait(connections)
                .unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// Takes a connection off the list when its thread ends, however it ends.
struct Done<'a>(&'a Shared, u64);

impl Drop for Done<'_> {
    fn drop(&mut self) {
        self.0.connections().live.remove(&self.1);
        self.0.ended.notify_all();
    }
}

/// Takes connections until woken.
fn accept(listener: &UnixListener, woken: &UnixStream, shared: &Arc<Shared>) {
    loop {
        let mut waiting = [
            libc::pollfd {
                fd: listener.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: woken.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        // SAFETY: two pollfd of descriptors open for the whole call.
        let ready = unsafe { libc::poll(waiting.as_mut_ptr(), 2, -1) };
        if ready < 0 {
            let error = io::Error::last_os_error();
            if error.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            tracing::warn!("the owner's socket cannot be watched: {error}");
            return;
        }
        if waiting[1].revents != 0 {
            return;
        }
        match listener.accept() {
            Ok((stream, _)) => {
                if stream.set_nonblocking(false).is_ok() {
                    shared.admit(stream);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
            Err(e) => {
                // Out of descriptors, say: wait a moment rather than spin.
                tracing::warn!("a connection to the owner's socket failed: {e}");
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}

/// Runs each command sent to the owner's socket on its shared core, as one more agent: its
/// rules decided on the store's current records, its change shown live in every session.
pub fn commands_through(core: &Arc<Core>) -> Executor {
    let core = Arc::downgrade(core);
    Arc::new(move |invocation, out| match core.upgrade() {
        Some(core) => crate::api::execute_on(core, invocation.command, &invocation.options, out),
        None => Err(ApiError::new(
            crate::api::error::code::STORE,
            crate::api::error::exit::STORE_IN_USE,
            invocation.options.lang().words().shell.owner_closing,
        )),
    })
}
