//! Connections: accepted up to a bound, each served by hyper with deadlines, so that a client
//! that sends too slowly, or stops reading what it asked for, is cut off instead of holding a
//! connection (and a blocking thread) for ever; on stop, every connection finishes its request
//! in flight, within a grace period.

use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Semaphore};
use tokio::time::Sleep;

/// How long a client may take, and how many may be connected at once.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// From a connection's first byte (or the end of its last answer) to the end of a request's
    /// head; also how long an idle kept-alive connection stays open.
    pub head: Duration,
    /// For the whole body of a request, once its head has arrived.
    pub body: Duration,
    /// How long an answer may wait for a client that does not read it.
    pub write_stall: Duration,
    /// Connections served at once; the next ones wait in the listen queue.
    pub connections: usize,
    /// On stop, how long requests in flight have to finish.
    pub grace: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            head: Duration::from_secs(30),
            body: Duration::from_secs(30),
            write_stall: Duration::from_secs(30),
            connections: 256,
            grace: Duration::from_secs(10),
        }
    }
}

/// Serves `router` on `listener` until `stop` resolves; then lets the requests in flight finish
/// (at most `limits.grace`) and returns.
pub async fn serve(
    listener: TcpListener,
    router: axum::Router,
    limits: Limits,
    stop: impl Future<Output = ()>,
) {
    let slots = Arc::new(Semaphore::new(limits.connections));
    let (stopping, stop_seen) = watch::channel(false);
    let mut stop = std::pin::pin!(stop);
    loop {
        // A free slot first: beyond the bound, clients wait in the kernel's queue, unread.
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => slot.expect("the semaphore is never closed"),
            () = &mut stop => break,
        };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut stop => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(error) => {
                // Out of file descriptors, for one: wait a moment rather than spin.
                tracing::warn!("HTTP accept failed: {error}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let router = router.clone();
        let mut stop_seen = stop_seen.clone();
        tokio::spawn(async move {
            serve_one(stream, router, limits, &mut stop_seen).await;
            drop(slot);
        });
    }
    let _ = stopping.send(true);
    // Every connection holds a slot until it ends: all slots back means all ended.
    let all = u32::try_from(limits.connections).unwrap_or(u32::MAX);
    if tokio::time::timeout(limits.grace, slots.acquire_many(all))
        .await
        .is_err()
    {
        tracing::warn!(
            "HTTP requests still running after {} s were cut off at stop",
            limits.grace.as_secs()
        );
    }
}

async fn serve_one(
    stream: TcpStream,
    router: axum::Router,
    limits: Limits,
    stop_seen: &mut watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let io = TokioIo::new(WriteDeadline::new(stream, limits.write_stall));
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.head)
        .keep_alive(true);
    let connection = builder.serve_connection(io, TowerToHyperService::new(router));
    let mut connection = std::pin::pin!(connection);
    tokio::select! {
        _ = connection.as_mut() => return,
        _ = stop_seen.wait_for(|stopping| *stopping) => {}
    }
    // Stopping: the request in flight is answered, then the connection closes.
    connection.as_mut().graceful_shutdown();
    let _ = connection.await;
}

/// A stream whose writes fail once one has waited `stall` for a client that reads nothing.
pub struct WriteDeadline<S> {
    inner: S,
    stall: Duration,
    waiting: Option<Pin<Box<Sleep>>>,
}

impl<S> WriteDeadline<S> {
    pub fn new(inner: S, stall: Duration) -> WriteDeadline<S> {
        WriteDeadline {
            inner,
            stall,
            waiting: None,
        }
    }

    /// Pending: starts the clock, or fails when it has run out.
    fn still_waiting(&mut self, context: &mut Context<'_>) -> Poll<io::Result<()>> {
        let stall = self.stall;
        let clock = self
            .waiting
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(stall)));
        match clock.as_mut().poll(context) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client stopped reading its answer",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for WriteDeadline<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        context: &mut Context<'_>,
        buffer: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(context, buffer)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for WriteDeadline<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        context: &mut Context<'_>,
        bytes: &[u8],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write(context, bytes) {
            Poll::Pending => self.still_waiting(context).map(|result| result.map(|()| 0)),
            ready => {
                self.waiting = None;
                ready
            }
        }
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        context: &mut Context<'_>,
        bytes: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write_vectored(context, bytes) {
            Poll::Pending => self.still_waiting(context).map(|result| result.map(|()| 0)),
            ready => {
                self.waiting = None;
                ready
            }
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<io::Result<()>> {
        match Pin::new(&mut self.inner).poll_flush(context) {
            Poll::Pending => self.still_waiting(context),
            ready => {
                self.waiting = None;
                ready
            }
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<io::Result<()>> {
        match Pin::new(&mut self.inner).poll_shutdown(context) {
            Poll::Pending => self.still_waiting(context),
            ready => {
                self.waiting = None;
                ready
            }
        }
    }
}
