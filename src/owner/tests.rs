//! The owner's socket and protocol, with an executor that stands in for the store: where the
//! socket is and who may reach it, stale sockets, and connections that misbehave.

use super::frame::{self, Frame, Hello, FRAME_MAX};
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

fn ann() -> OwnerRecord {
    OwnerRecord {
        kind: OwnerKind::Dashboard,
        agent: "Ann Agent".into(),
        role: crate::domain::role::Role::AdminAgent,
        pid: std::process::id(),
        since: "2026-12-04T10:32:00Z".parse().unwrap(),
    }
}

/// A data directory whose path is longer than a socket's address can be.
fn long_data_dir(base: &Path) -> PathBuf {
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
fn executor(lines: usize, results: mpsc::Sender<Result<u8, ApiError>>) -> Executor {
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

struct Running {
    _dir: tempfile::TempDir,
    store: PathBuf,
    serving: Option<Serving>,
    _lock: StoreLock,
    results: mpsc::Receiver<Result<u8, ApiError>>,
}

fn start_in(dir: tempfile::TempDir, data: &Path, lines: usize) -> Running {
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

fn start(lines: usize) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_path_buf();
    start_in(dir, &data, lines)
}

impl Running {
    fn socket(&self) -> PathBuf {
        self.store.with_extension("sock")
    }

    /// A connection that has said hello and been told who the owner is.
    fn greeted(&self) -> UnixStream {
        let mut stream = Place::of(&self.store).connect().unwrap();
        frame::write(&mut stream, &Frame::Hello(Hello::ours())).unwrap();
        assert!(matches!(
            frame::read(&mut stream),
            Ok(Some(Frame::Owner(_)))
        ));
        stream
    }

    fn request(&self, args: &[&str]) -> Request {
        let mut options =
            crate::cli::Options::try_parse_from(["pcenter"].iter().chain(args)).unwrap();
        let command = options.command.take().unwrap();
        Request::here(&options, &command, &self.store)
    }
}

#[test]
fn the_socket_is_beside_the_store_its_owners_only_and_removed_on_close() {
    let mut running = start(0);
    let socket = running.socket();
    assert_eq!(socket.file_name().unwrap(), "store.sock");
    let found = std::fs::symlink_metadata(&socket).unwrap();
    assert!(found.file_type().is_socket());
    assert_eq!(found.permissions().mode() & 0o777, 0o600);
    assert_eq!(owner_of(&running.store), Some(ann()));
    let leftovers: Vec<_> = std::fs::read_dir(socket.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .filter(|name| name.to_string_lossy().contains(".new"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    running.serving.take().unwrap().stop();
    assert!(!socket.exists(), "removed on close");
    assert_eq!(owner_of(&running.store), None);
}

#[test]
fn a_data_directory_longer_than_a_socket_address_works() {
    let dir = tempfile::tempdir().unwrap();
    let data = long_data_dir(dir.path());
    let mut running = start_in(dir, &data, 0);
    assert!(running.socket().as_os_str().len() > ADDRESS_MAX);
    let found = std::fs::symlink_metadata(running.socket()).unwrap();
    assert!(found.file_type().is_socket());
    assert_eq!(found.permissions().mode() & 0o777, 0o600);
    assert_eq!(owner_of(&running.store), Some(ann()));
    running.serving.take().unwrap().stop();
    assert!(!running.socket().exists());
}

#[test]
fn a_stale_socket_is_no_owner_and_is_replaced_by_the_next_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    // What a killed owner leaves: the socket's file, no process listening.
    drop(UnixListener::bind(dir.path().join("store.sock")).unwrap());
    assert!(dir.path().join("store.sock").exists());
    assert_eq!(owner_of(&store), None);
    assert!(Place::of(&store).connect().is_err());

    let lock = StoreLock::acquire(&store).unwrap();
    let owner = Owner::bind(&lock, ann()).unwrap();
    let (sender, _results) = mpsc::channel();
    let serving = serve(owner, executor(0, sender)).unwrap();
    assert_eq!(owner_of(&store), Some(ann()));
    serving.stop();
}

#[test]
fn a_file_in_the_way_of_the_socket_is_left_alone_and_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    std::fs::write(dir.path().join("store.sock"), "mine").unwrap();
    let lock = StoreLock::acquire(&store).unwrap();
    let Err(error) = Owner::bind(&lock, ann()) else {
        panic!("bound over a file")
    };
    assert!(matches!(error, OwnerError::InTheWay { .. }), "{error}");
    assert!(error.to_string().contains("move it away"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("store.sock")).unwrap(),
        "mine"
    );
}

#[test]
fn a_socket_removed_by_a_later_owner_is_not_its_own_to_remove() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let lock = StoreLock::acquire(&store).unwrap();
    let first = Owner::bind(&lock, ann()).unwrap();
    // Another socket takes the name (as a later owner's would).
    std::fs::remove_file(first.socket()).unwrap();
    let later = UnixListener::bind(first.socket()).unwrap();
    drop(first);
    assert!(
        dir.path().join("store.sock").exists(),
        "the later one stays"
    );
    drop(later);
}

#[test]
fn a_command_runs_and_its_result_comes_back() {
    let running = start(0);
    let mut stream = running.greeted();
    let request = running.request(&["customers", "show", "contoso"]);
    frame::write(&mut stream, &Frame::Run(Box::new(request))).unwrap();
    assert!(matches!(frame::read(&mut stream), Ok(Some(Frame::Stdout(b))) if b == b"contoso\n"));
    assert!(matches!(frame::read(&mut stream), Ok(Some(Frame::Exit(0)))));

    let mut stream = running.greeted();
    let args = [
        "orders",
        "create",
        "--customer",
        "x",
        "--offer",
        "y",
        "--quantity",
        "1",
    ];
    let request = running.request(&args);
    frame::write(&mut stream, &Frame::Run(Box::new(request))).unwrap();
    let Ok(Some(Frame::Refused(refusal))) = frame::read(&mut stream) else {
        panic!("not refused")
    };
    assert_eq!((refusal.code, refusal.exit), (404, 8));
}

#[test]
fn the_command_finds_the_callers_terminal_and_its_output_comes_in_order() {
    let running = start(0);
    let mut stream = running.greeted();
    let mut request = running.request(&["report", "compliance"]);
    request.stderr_is_terminal = true;
    request.stdout_columns = Some(61);
    frame::write(&mut stream, &Frame::Run(Box::new(request))).unwrap();
    assert!(matches!(frame::read(&mut stream), Ok(Some(Frame::Stdout(b))) if b == b"before\n"));
    let Ok(Some(Frame::Stderr(seen))) = frame::read(&mut stream) else {
        panic!("no stderr")
    };
    assert_eq!(
        String::from_utf8(seen).unwrap(),
        "terminal true, Some(61) columns\n"
    );
    assert!(matches!(frame::read(&mut stream), Ok(Some(Frame::Exit(0)))));
}

#[test]
fn standard_input_is_asked_for_as_the_command_reads_it() {
    let running = start(0);
    let mut stream = running.greeted();
    let request = running.request(&["customers", "create", "--json", "-"]);
    frame::write(&mut stream, &Frame::Run(Box::new(request))).unwrap();
    let mut given = b"{\"companyProfile\":{}}".as_slice();
    loop {
        match frame::read(&mut stream).unwrap().unwrap() {
            Frame::StdinWanted(wanted) => {
                // A few bytes at a time, as a pipe may give them.
                let n = given.len().min(wanted as usize).min(5);
                frame::write(&mut stream, &Frame::Stdin(given[..n].to_vec())).unwrap();
                given = &given[n..];
            }
            Frame::Stdout(bytes) => assert_eq!(bytes, b"{\"companyProfile\":{}}"),
            Frame::Exit(status) => {
                assert_eq!(status, 0);
                break;
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn commands_that_need_the_store_alone_are_refused_by_the_owner_too() {
    let running = start(0);
    let mut stream = running.greeted();
    let request = running.request(&["restore", "backup.jsonl"]);
    frame::write(&mut stream, &Frame::Run(Box::new(request))).unwrap();
    let Ok(Some(Frame::Refused(refusal))) = frame::read(&mut stream) else {
        panic!("not refused")
    };
    assert_eq!(refusal.exit, 3);
    assert!(refusal
        .description
        .contains("restore needs the store alone"));
}

#[test]
fn garbage_oversize_and_silence_are_answered_or_dropped_and_the_owner_serves_on() {
    let running = start(0);
    // Not pcenter at all.
    let mut http = Place::of(&running.store).connect().unwrap();
    http.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let Ok(Some(Frame::Refused(refusal))) = frame::read(&mut http) else {
        panic!("not answered")
    };
    assert!(
        refusal.description.contains("pcenter commands only"),
        "{refusal:?}"
    );
    // A frame that claims more than a frame may hold.
    let mut huge = running.greeted();
    huge.write_all(&[3, 0xff, 0xff, 0xff, 0xf0]).unwrap();
    assert!(matches!(
        frame::read(&mut huge),
        Ok(Some(Frame::Refused(_)))
    ));
    let mut too_large = running.greeted();
    let length = (FRAME_MAX as u32 + 1).to_be_bytes();
    too_large
        .write_all(&[3, length[0], length[1], length[2], length[3]])
        .unwrap();
    assert!(matches!(
        frame::read(&mut too_large),
        Ok(Some(Frame::Refused(_)))
    ));
    // A request that is not one.
    let mut not_a_request = running.greeted();
    let mut bytes = vec![3, 0, 0, 0, 2];
    bytes.extend_from_slice(b"{}");
    not_a_request.write_all(&bytes).unwrap();
    assert!(matches!(
        frame::read(&mut not_a_request),
        Ok(Some(Frame::Refused(_)))
    ));
    // Silent ones, and one that hung up half-way through its hello.
    let _silent = Place::of(&running.store).connect().unwrap();
    let _greeted_then_silent = running.greeted();
    let mut cut = Place::of(&running.store).connect().unwrap();
    cut.write_all(&[1, 0, 0]).unwrap();
    drop(cut);
    // None of them holds up the others.
    assert_eq!(owner_of(&running.store), Some(ann()));
    let mut stream = running.greeted();
    frame::write(
        &mut stream,
        &Frame::Run(Box::new(running.request(&["customers", "show", "x"]))),
    )
    .unwrap();
    assert!(matches!(
        frame::read(&mut stream),
        Ok(Some(Frame::Stdout(_)))
    ));
    assert!(matches!(frame::read(&mut stream), Ok(Some(Frame::Exit(0)))));
}

#[test]
fn a_request_sent_a_byte_at_a_time_is_read_whole() {
    let running = start(0);
    let mut stream = Place::of(&running.store).connect().unwrap();
    let mut bytes = Vec::new();
    frame::write(&mut bytes, &Frame::Hello(Hello::ours())).unwrap();
    for byte in bytes {
        stream.write_all(&[byte]).unwrap();
    }
    assert!(matches!(
        frame::read(&mut stream),
        Ok(Some(Frame::Owner(_)))
    ));
    let mut bytes = Vec::new();
    let request = running.request(&["customers", "show", "piecemeal"]);
    frame::write(&mut bytes, &Frame::Run(Box::new(request))).unwrap();
    for byte in bytes {
        stream.write_all(&[byte]).unwrap();
    }
    assert!(matches!(frame::read(&mut stream), Ok(Some(Frame::Stdout(b))) if b == b"piecemeal\n"));
}

#[test]
fn output_streams_in_chunks_and_a_client_that_hangs_up_stops_the_command_quietly() {
    // About 20 MB: far more than the socket holds.
    let running = start(1_000_000);
    let mut stream = running.greeted();
    frame::write(
        &mut stream,
        &Frame::Run(Box::new(running.request(&["customers", "list"]))),
    )
    .unwrap();
    let Ok(Some(Frame::Stdout(first))) = frame::read(&mut stream) else {
        panic!("no output")
    };
    assert!(first.len() <= frame::CHUNK);
    drop(stream);
    let result = running
        .results
        .recv_timeout(Duration::from_secs(60))
        .unwrap();
    let error = result.unwrap_err();
    assert_eq!(
        error.exit,
        crate::api::error::exit::PIPE_CLOSED,
        "{error:?}"
    );
    assert_eq!(owner_of(&running.store), Some(ann()), "the owner serves on");
}

#[test]
fn stopping_ends_a_command_that_waits_for_input_and_removes_the_socket() {
    let mut running = start(0);
    let mut stream = running.greeted();
    frame::write(
        &mut stream,
        &Frame::Run(Box::new(running.request(&[
            "customers",
            "create",
            "--json",
            "-",
        ]))),
    )
    .unwrap();
    assert!(matches!(
        frame::read(&mut stream),
        Ok(Some(Frame::StdinWanted(_)))
    ));
    // The client never answers; the owner closes.
    running.serving.take().unwrap().stop();
    assert!(!running.socket().exists());
    let result = running
        .results
        .recv_timeout(Duration::from_secs(10))
        .unwrap();
    assert_eq!(result.unwrap_err().exit, crate::api::error::exit::INVALID);
}

#[test]
fn a_peer_is_this_user() {
    let (a, _b) = UnixStream::pair().unwrap();
    let found = peer::of(&a).unwrap();
    assert!(found.is_same_user());
    assert_eq!(found.pid, std::process::id());
}

#[test]
fn reading_a_connection_gives_what_was_sent_in_order() {
    // `read` used on a real socket, with a writer on another thread.
    let (mut a, mut b) = UnixStream::pair().unwrap();
    let writer = std::thread::spawn(move || {
        for i in 0..100u8 {
            frame::write(&mut a, &Frame::Stdout(vec![i; 10_000])).unwrap();
        }
    });
    for i in 0..100u8 {
        let Ok(Some(Frame::Stdout(bytes))) = frame::read(&mut b) else {
            panic!()
        };
        assert_eq!(bytes, vec![i; 10_000]);
    }
    writer.join().unwrap();
    let mut rest = Vec::new();
    b.read_to_end(&mut rest).unwrap();
    assert!(rest.is_empty());
}
