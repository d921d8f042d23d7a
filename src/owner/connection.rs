//! One connection to the owner's socket: who owns the store, and maybe one command, run with
//! the standard streams of the pcenter that sent it.

use super::frame::{self, Attach, Frame, Hello, Refusal, PROTOCOL};
use super::request::{Request, Route};
use super::server::{Invocation, Shared};
use super::stdio::{self, Out, StderrSink, StdinSource, StdoutSink};
use super::{peer, refusals};
use crate::api::error::{code, exit, ApiError};
use crate::api::write_error;
use crate::caller::{self, Caller};
use std::io::{self, Write};
use std::os::unix::net::UnixStream;
use std::time::Duration;

/// How long a connection may take to say what it wants; then it is dropped.
const HANDSHAKE: Duration = Duration::from_secs(5);

/// One connection: who owns the store, and maybe one command.
pub fn serve_connection(stream: UnixStream, shared: &Shared) {
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
        Ok(Some(Frame::Attach(attach))) => return attached(*attach, hello, stream, &out, shared),
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

/// A local dashboard joining the server's sessions; refused by an owner that runs none.
fn attached(attach: Attach, hello: Hello, stream: UnixStream, out: &Out, shared: &Shared) {
    let refused = |error: ApiError| {
        let _ = stdio::lock(out).send(&Frame::Refused(Refusal::from(&error)));
    };
    let words = &attach.lang.words().shell;
    if hello.protocol != PROTOCOL || hello.version != Hello::ours().version {
        return refused(ApiError::new(
            code::STORE_IN_USE,
            exit::STORE_IN_USE,
            (words.other_server_version)(env!("CARGO_PKG_VERSION"), &hello.version),
        ));
    }
    let Some(attacher) = &shared.attacher else {
        return refused(ApiError::new(
            code::STORE_IN_USE,
            exit::STORE_IN_USE,
            words.takes_no_second,
        ));
    };
    let _ = stream.set_read_timeout(None);
    tracing::info!(
        "a local dashboard joined: {} ({})",
        attach.agent,
        attach.role.label()
    );
    attacher(attach, super::AttachedTerminal::of(stream));
}

/// Whether the request may run here: the same protocol and version, values the command line
/// would have taken, a command that does not need the store alone.
fn admissible(
    hello: &Hello,
    request: &Request,
    shared: &Shared,
    process: Option<u32>,
) -> Result<(), ApiError> {
    // The language of the pcenter that asked.
    let lang = request.options.lang();
    let ours = Hello::ours();
    if hello.protocol != PROTOCOL || hello.version != ours.version {
        return Err(refusals::other_version(
            &shared.record,
            &ours.version,
            &hello.version,
            lang,
        ));
    }
    request.check().map_err(|why| {
        let said = lang.words().shell.request_refused;
        ApiError::new(
            code::BAD_REQUEST,
            exit::USAGE,
            said(process, &why.said_in(lang)),
        )
    })?;
    if Route::of(&request.command) == Route::Alone {
        let name = request.command.name();
        return Err(refusals::needs_store_alone_in(
            &shared.store,
            &shared.record,
            name,
            request.options.lang(),
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
    let lang = options.lang();
    stdio::lock(out).lang = lang;
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
            lang.words().shell.failed_inside,
        ))
    });
    result.and_then(|status| {
        (stdout.flush().map(|()| status)).map_err(|e| write_error(e).in_language(lang))
    })
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
