//! A command's side: whether its store has an owner, and running the command through it, its
//! output written here as it comes, its standard input read here when the command reads it.

use super::frame::{self, Attach, Frame, Hello, CHUNK};
use super::place::Place;
use super::request::{Request, Route};
use super::{peer, refusals, OwnerRecord};
use crate::api::error::ApiError;
use crate::api::{tell, write_error, Command};
use crate::invocation::Options;
use std::io::{self, Read, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

/// How long an owner has to say who it is: it answers at once from a thread of its own, so
/// one that does not is taken for none.
const ANSWER: Duration = Duration::from_secs(2);

/// Who owns the store at `store`: `None` when no process listens on its socket (there is
/// none, or one left by a process that was killed), or none answers in time as an owner of
/// this user.
pub fn owner_of(store: &Path) -> Option<OwnerRecord> {
    Connection::open(store).map(|connection| connection.owner)
}

/// Runs `command` through the owner of its store, when it has one: the exit status, once its
/// output is written here; `None` when the store has no owner (or the command opens no
/// store), and the command is to run here as usual. A command that needs the store alone
/// (`restore`, `generate`) is refused while the store is owned, naming the owner.
pub fn forward(options: &Options, command: &Command) -> Option<ExitCode> {
    let route = Route::of(command);
    if route == Route::Here {
        return None;
    }
    let store = options.store_path()?;
    let connection = Connection::open(&store)?;
    let name = command.name();
    if route == Route::Alone {
        let refusal =
            refusals::needs_store_alone_in(&store, &connection.owner, name, options.lang());
        tracing::warn!("command refused: {name}: {}", refusal.description);
        return Some(tell(&refusal));
    }
    tracing::info!(
        "command started: {name}, run in {}",
        connection.owner.describe()
    );
    let status = connection.run(Request::here(options, command, &store));
    tracing::info!("command finished: {name} ({status:?})");
    Some(status)
}

/// A dashboard of this terminal joined to the server that owns the store: the server draws
/// it; this process only passes keys and sizes one way and the screen the other.
pub struct Attached {
    stream: UnixStream,
    pub owner: OwnerRecord,
}

/// What the server sends an attached dashboard.
pub enum Shown {
    Screen(Vec<u8>),
    /// The session ended, with this status.
    Ended(u8),
}

/// Joins the server that owns `store` as one more dashboard session: `None` when the store's
/// owner is no server (or none answers).
pub fn attach(store: &Path, attach: Attach) -> Option<Attached> {
    let mut connection = Connection::open(store)?;
    if connection.owner.kind != super::OwnerKind::Server {
        return None;
    }
    frame::write(&mut connection.stream, &Frame::Attach(Box::new(attach))).ok()?;
    connection.stream.set_read_timeout(None).ok()?;
    connection.stream.set_write_timeout(None).ok()?;
    Some(Attached {
        stream: connection.stream,
        owner: connection.owner,
    })
}

impl Attached {
    /// Another handle on the same connection, for a thread of its own.
    pub fn try_clone(&self) -> io::Result<Attached> {
        Ok(Attached {
            stream: self.stream.try_clone()?,
            owner: self.owner.clone(),
        })
    }

    pub fn send_keys(&mut self, bytes: &[u8]) -> io::Result<()> {
        for chunk in bytes.chunks(CHUNK) {
            frame::write(&mut self.stream, &Frame::Stdin(chunk.to_vec()))?;
        }
        Ok(())
    }

    pub fn send_size(&mut self, (width, height): (u16, u16)) -> io::Result<()> {
        frame::write(&mut self.stream, &Frame::Resize(width, height))
    }

    /// The next thing the server sends; `None` once the connection is gone.
    pub fn shown(&mut self) -> Option<Shown> {
        match frame::read(&mut self.stream) {
            Ok(Some(Frame::Stdout(bytes))) => Some(Shown::Screen(bytes)),
            Ok(Some(Frame::Exit(status))) => Some(Shown::Ended(status)),
            Ok(Some(Frame::Refused(refusal))) => {
                let _ = tell(&ApiError::from(refusal));
                Some(Shown::Ended(1))
            }
            _ => None,
        }
    }

    /// Ends this side: the server sees the session hang up.
    pub fn hang_up(&self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Both);
    }
}

struct Connection {
    stream: UnixStream,
    owner: OwnerRecord,
}

impl Connection {
    /// Connects to the store's owner and asks who it is.
    fn open(store: &Path) -> Option<Connection> {
        let mut stream = Place::of(store).connect().ok()?;
        let peer = peer::of(&stream);
        if peer.is_some_and(|peer| !peer.is_same_user()) {
            tracing::warn!(
                "a process of another user listens on the socket of {}",
                store.display()
            );
            return None;
        }
        stream.set_read_timeout(Some(ANSWER)).ok()?;
        stream.set_write_timeout(Some(ANSWER)).ok()?;
        frame::write(&mut stream, &Frame::Hello(Hello::ours())).ok()?;
        let Ok(Some(Frame::Owner(mut owner))) = frame::read(&mut stream) else {
            return None;
        };
        if let Some(peer) = peer {
            // What the system says, rather than what the owner says.
            owner.pid = peer.pid;
        }
        Some(Connection { stream, owner })
    }

    /// Sends the command, and writes what the owner sends back until its exit status.
    fn run(mut self, request: Request) -> ExitCode {
        let lang = request.options.lang();
        let went_away = || tell(&refusals::owner_went_away(&self.owner, lang));
        let sent = frame::write(&mut self.stream, &Frame::Run(Box::new(request)));
        if sent.is_err()
            || self.stream.set_read_timeout(None).is_err()
            || self.stream.set_write_timeout(None).is_err()
        {
            return went_away();
        }
        let stdout = io::stdout();
        let mut stdout = stdout.lock();
        loop {
            let frame = match frame::read(&mut self.stream) {
                Ok(Some(frame)) => frame,
                Ok(None) | Err(_) => return went_away(),
            };
            match frame {
                Frame::Stdout(bytes) => {
                    // As on its own: the command ends when its output cannot be written.
                    if let Err(e) = stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
                        return tell(&write_error(e));
                    }
                }
                Frame::Stderr(bytes) => {
                    // Progress and notes; the final word says whether standard error works.
                    let _ = io::stderr().write_all(&bytes);
                }
                Frame::StdinWanted(wanted) => {
                    let answer = read_stdin(wanted as usize);
                    if frame::write(&mut self.stream, &answer).is_err() {
                        return went_away();
                    }
                }
                Frame::Exit(status) => {
                    return match stdout.flush() {
                        Ok(()) => ExitCode::from(status),
                        Err(e) => tell(&write_error(e)),
                    };
                }
                Frame::Refused(refusal) => {
                    let _ = stdout.flush();
                    return tell(&ApiError::from(refusal));
                }
                Frame::Hello(_)
                | Frame::Owner(_)
                | Frame::Run(_)
                | Frame::Stdin(_)
                | Frame::StdinFailed(_)
                | Frame::Attach(_)
                | Frame::Resize(..) => return went_away(),
            }
        }
    }
}

/// At most `wanted` bytes of this process's standard input, in one read: empty at its end.
fn read_stdin(wanted: usize) -> Frame {
    let mut buffer = vec![0; wanted.clamp(1, CHUNK)];
    loop {
        match io::stdin().lock().read(&mut buffer) {
            Ok(n) => {
                buffer.truncate(n);
                return Frame::Stdin(buffer);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Frame::StdinFailed(e.to_string()),
        }
    }
}
