//! The requests that change the store run one after another on one thread of their own, and
//! a second thread makes them durable: while it waits for the disk, the next changes are
//! written, and its next flush takes all of them at once. Confirmations sent together by many
//! clients so cost one flush, not one each, and no pile of blocking threads fights over the
//! core's write lock. Each request is answered only once its change is durable and every
//! session was told of it.

use crate::api::error::ApiError;
use crate::api::Api;
use crate::core::Core;
use crate::service::Actor;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Weak};

/// A change to run: it gives back how to answer once the flush is known.
type Job = Box<dyn FnOnce() -> Answer + Send>;
/// Answers the request, told whether its change is durable.
type Answer = Box<dyn FnOnce(Result<(), ApiError>) + Send>;

/// Hands changes to the writing thread; the thread ends once every `Writer` is dropped.
#[derive(Clone)]
pub struct Writer {
    jobs: Sender<Job>,
}

impl Writer {
    /// Starts the writing thread of `core`. It keeps no hold on the core between changes, so
    /// the core can close once the server stops.
    pub fn start(core: &Arc<Core>) -> std::io::Result<Writer> {
        let (jobs, queue) = mpsc::channel();
        let (written, unflushed) = mpsc::channel();
        let core = Arc::downgrade(core);
        std::thread::Builder::new()
            .name("pcenter-flusher".into())
            .spawn(move || flush_in_turn(&core, &unflushed))?;
        std::thread::Builder::new()
            .name("pcenter-writer".into())
            .spawn(move || write_in_turn(&queue, &written))?;
        Ok(Writer { jobs })
    }

    /// Runs `work` as `actor` on the writing thread and gives its result once its changes are
    /// durable and told.
    pub async fn run<R, W>(&self, core: Arc<Core>, actor: Actor, work: W) -> Result<R, ApiError>
    where
        R: Send + 'static,
        W: FnOnce(&mut Api) -> Result<R, ApiError> + Send + 'static,
    {
        let (reply, replied) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let mut api = Api::on(core, actor).telling_later();
            let result = work(&mut api);
            Box::new(move |flushed: Result<(), ApiError>| {
                let _ = reply.send(flushed.and(result));
            })
        });
        if self.jobs.send(job).is_err() {
            return Err(super::routes::panicked());
        }
        // Dropped unanswered only by a panic in the job, which the panic hook logged.
        replied
            .await
            .unwrap_or_else(|_| Err(super::routes::panicked()))
    }
}

/// Runs the jobs one after another, as they come, and hands their answers to the flusher.
/// Ends when no `Writer` is left; the flusher then ends once it answered the last.
fn write_in_turn(queue: &Receiver<Job>, written: &Sender<Answer>) {
    while let Ok(job) = queue.recv() {
        if let Some(answer) = run_job(job) {
            let _ = written.send(answer);
        }
    }
}

/// Flushes whatever was written while the last flush went on, at once, then answers.
fn flush_in_turn(core: &Weak<Core>, unflushed: &Receiver<Answer>) {
    while let Ok(first) = unflushed.recv() {
        // Every change answered here was written before the flush begins, so it is in it.
        let answers: Vec<Answer> = std::iter::once(first).chain(unflushed.try_iter()).collect();
        let flushed = match core.upgrade() {
            Some(core) => core.flush_and_publish().map_err(ApiError::from),
            None => Ok(()),
        };
        for answer in answers {
            answer(flushed.clone());
        }
    }
}

/// Runs one job; a panic in it (logged by the panic hook) leaves its request answered as
/// failed, and the thread writing the others.
fn run_job(job: Job) -> Option<Answer> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(job)).ok()
}
