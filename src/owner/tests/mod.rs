//! The owner's socket and protocol, with an executor that stands in for the store: where the
//! socket is and who may reach it, stale sockets, and connections that misbehave.

mod connections;
mod socket;

use super::frame::{self, Frame, Hello};
use super::*;
use crate::api::error::ApiError;
use crate::api::Command;
use crate::store::StoreLock;
use clap::Parser;
use std::io::{Read, Write};
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

pub fn ann() -> OwnerRecord {
    OwnerRecord {
        kind: OwnerKind::Dashboard,
        agent: "Ann Agent".into(),
        role: crate::domain::role::Role::AdminAgent,
        pid: std::process::id(),
        since: "2026-12-04T10:32:00Z".parse().unwrap(),
    }
}

/// A data directory whose path is longer than a socket's address can be.
pub fn long_data_dir(base: &Path) -> PathBuf {
    let dir = base
        .join("a".repeat(90))
        .join("b".repeat(90))
        .join("c".repeat(40));
    std::fs::create_dir_all(&dir).unwrap();
    assert!(dir.as_os_str().len() > 200);
    dir
}

/// Stands in for the store: `customers show X` prints X; `customers create --json -` prints
/// what it read from standard input; `customers list` prints `lines` lines; anything else is
/// refused as not found. Each result is also sent on `results`.
pub fn executor(lines: usize, results: mpsc::Sender<Result<u8, ApiError>>) -> Executor {
    let results = std::sync::Mutex::new(results);
    Arc::new(move |invocation: Invocation, out: &mut dyn Write| {
        use crate::api::CustomersCommand;
        let result = match invocation.command {
            Command::Customers(CustomersCommand::Show { customer }) => writeln!(out, "{customer}")
                .map(|()| 0)
                .map_err(crate::api::write_error),
            Command::Customers(CustomersCommand::Create { json }) => {
                let mut bytes = Vec::new();
                crate::caller::read_stdin(1 << 20, &mut bytes)
                    .map_err(|e| ApiError::invalid(format!("Cannot read {json}: {e}.")))
                    .and_then(|_| out.write_all(&bytes).map_err(crate::api::write_error))
                    .map(|()| 0)
            }
            Command::Customers(CustomersCommand::List { .. }) => (0..lines)
                .try_for_each(|i| writeln!(out, "customer {i:08}"))
                .map(|()| 0)
                .map_err(crate::api::write_error),
            Command::Report(_) => {
                // What the command finds of its caller: its terminal, not the owner's.
                let seen = format!(
                    "terminal {}, {:?} columns\n",
                    crate::caller::stderr_is_terminal(),
                    crate::api::terminal_columns()
                );
                writeln!(out, "before").map_err(crate::api::write_error)?;
                crate::caller::stderr().write_all(seen.as_bytes()).unwrap();
                Ok(0)
            }
            _ => Err(ApiError::not_found("No such thing.")),
        };
        let _ = results.lock().unwrap().send(result.clone());
        result
    })
}

pub struct Running {
    pub _dir: tempfile::TempDir,
    pub store: PathBuf,
    pub serving: Option<Serving>,
    pub _lock: StoreLock,
    pub results: mpsc::Receiver<Result<u8, ApiError>>,
}

pub fn start_in(dir: tempfile::TempDir, data: &Path, lines: usize) -> Running {
    let store = data.join("store");
    let lock = StoreLock::acquire(&store).unwrap();
    let owner = Owner::bind(&lock, ann()).unwrap();
    let (sender, results) = mpsc::channel();
    let serving = serve(owner, executor(lines, sender)).unwrap();
    Running {
        _dir: dir,
        store,
        serving: Some(serving),
        _lock: lock,
        results,
    }
}

pub fn start(lines: usize) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_path_buf();
    start_in(dir, &data, lines)
}

impl Running {
    pub fn socket(&self) -> PathBuf {
        self.store.with_extension("sock")
    }

    /// A connection that has said hello and been told who the owner is.
    pub fn greeted(&self) -> UnixStream {
        let mut stream = Place::of(&self.store).connect().unwrap();
        frame::write(&mut stream, &Frame::Hello(Hello::ours())).unwrap();
        assert!(matches!(
            frame::read(&mut stream),
            Ok(Some(Frame::Owner(_)))
        ));
        stream
    }

    pub fn request(&self, args: &[&str]) -> Request {
        let mut options =
            crate::invocation::Options::try_parse_from(["pcenter"].iter().chain(args)).unwrap();
        let command = options.command.take().unwrap();
        Request::here(&options, &command, &self.store)
    }
}
