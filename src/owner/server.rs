//! The owner's side: a socket bound while the store's lock is held, one thread per connection,
//! each command run by the executor the owner gives, with the standard streams of the pcenter
//! it runs for (see `caller`).

use super::frame::{self, Frame, Hello, Refusal, PROTOCOL};
use super::place::{Bound, Place};
use super::request::{Request, Route};
use super::stdio::{self, Out, StderrSink, StdinSource, StdoutSink};
use super::{peer, refusals, OwnerError, OwnerRecord};
use crate::api::error::{code, exit, ApiError};
use crate::api::{write_error, Command};
use crate::caller::{self, Caller};
use crate::cli::Options;
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

/// How long a connection may take to say what it wants; then it is dropped.
const HANDSHAKE: Duration = Duration::from_secs(5);
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

struct Shared {
    record: OwnerRecord,
    store: PathBuf,
    executor: Executor,
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

/// One connection: who owns the store, and maybe one command.
fn serve_connection(stream: UnixStream, shared: &Shared) {
    let peer = peer::of(&stream);
    if peer.is_some_and(|peer| !peer.is_same_user()) {
        tracing::warn!("a process of another user connected to the owner's socket; dropped");
        return;
    }
    let process = peer.map(|peer| peer.pid);
    let (Ok(mut input), Ok(output)) = (stream.try_clone(), stream.try_clone()) else {
        return;
    };
    let _ = stream.set_read_timeout(Some(HANDSHAKE));
    let out = stdio::shared(output);
    let hello = match frame::read(&mut input) {
        Ok(Some(Frame::Hello(hello))) => hello,
        Ok(None) => return,
        other => return not_understood(&out, other),
    };
    if stdio::lock(&out)
        .send(&Frame::Owner(shared.record.clone()))
        .is_err()
    {
        return;
    }
    let request = match frame::read(&mut input) {
        // It only asked who owns the store.
        Ok(None) => return,
        Ok(Some(Frame::Run(request))) => *request,
        other => return not_understood(&out, other),
    };
    let _ = stream.set_read_timeout(None);
    let name = request.command.name();
    let answer = match admissible(&hello, &request, shared, process) {
        Ok(()) => run(request, process, &out, input, shared),
        Err(refused) => Err(refused),
    };
    match &answer {
        Ok(status) => tracing::info!("ran {name} for process {process:?}: exit code {status}"),
        Err(error) => tracing::info!(
            "ran {name} for process {process:?}: exit code {}, code {}",
            error.exit,
            error.code
        ),
    }
    let last = match &answer {
        Ok(status) => Frame::Exit(*status),
        Err(error) => Frame::Refused(Refusal::from(error)),
    };
    let _ = stdio::lock(&out).send(&last);
}

/// Whether the request may run here: the same protocol and version, values the command line
/// would have taken, a command that does not need the store alone.
fn admissible(
    hello: &Hello,
    request: &Request,
    shared: &Shared,
    process: Option<u32>,
) -> Result<(), ApiError> {
    let ours = Hello::ours();
    if hello.protocol != PROTOCOL || hello.version != ours.version {
        return Err(refusals::other_version(
            &shared.record,
            &ours.version,
            &hello.version,
        ));
    }
    request.check().map_err(|why| {
        let from = process.map_or("another process".to_string(), |pid| {
            format!("process {pid}")
        });
        ApiError::new(
            code::BAD_REQUEST,
            exit::USAGE,
            format!("The command sent by {from} cannot be run: {why}."),
        )
    })?;
    if Route::of(&request.command) == Route::Alone {
        let name = request.command.name();
        return Err(refusals::needs_store_alone(
            &shared.store,
            &shared.record,
            name,
        ));
    }
    Ok(())
}

/// Runs the command with the caller's streams, as `api::run` does: what is left in the output
/// is written before the status, so that a failure to write it is the status.
fn run(
    request: Request,
    process: Option<u32>,
    out: &Out,
    input: UnixStream,
    shared: &Shared,
) -> Result<u8, ApiError> {
    let Request {
        options,
        command,
        directory,
        stderr_is_terminal,
        stdout_columns,
        stdout_file,
    } = request;
    let caller = Caller {
        stdin: Box::new(StdinSource::new(out.clone(), input)),
        stderr: Box::new(StderrSink(out.clone())),
        stderr_is_terminal,
        stdout_columns,
        stdout_file,
        directory,
        process,
    };
    let mut stdout = StdoutSink(out.clone());
    let invocation = Invocation {
        options,
        command,
        process,
    };
    let executor = &shared.executor;
    let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        caller::run_for(caller, || executor(invocation, &mut stdout))
    }));
    let result = ran.unwrap_or_else(|_| {
        Err(ApiError::new(
            code::STORE,
            exit::STORE,
            "The command failed inside the pcenter that has the store open, and was stopped; \
             see pcenter.log in the data directory. What it reported saved is saved.",
        ))
    });
    result.and_then(|status| stdout.flush().map(|()| status).map_err(write_error))
}

/// Answers a connection that sent what no pcenter sends, then drops it.
fn not_understood(out: &Out, read: Result<Option<Frame>, frame::FrameError>) {
    let what = match read {
        Ok(Some(_)) => "a message out of turn".to_string(),
        Ok(None) => return,
        Err(frame::FrameError::Io(e))
            if matches!(
                e.kind(),
                io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
            ) =>
        {
            "nothing in time".to_string()
        }
        Err(e) => e.to_string(),
    };
    tracing::warn!("a connection to the owner's socket sent {what}; dropped");
    let refused = Refusal {
        code: code::BAD_REQUEST,
        description: format!(
            "This socket takes pcenter commands only; it was sent {what}. Run the command with pcenter."
        ),
        exit: exit::USAGE,
    };
    let _ = stdio::lock(out).send(&Frame::Refused(refused));
}
