//! The shared core: one per process, whatever serves its agents (the local dashboard, commands
//! run through it, later HTTP and SSH). It owns the store, the clock and the customer directory,
//! and is the only path by which anything changes:
//!
//! - each change takes the write lock, reads the customer's current records from the store into
//!   a book made for that change alone, checks every rule against them, writes, and only then
//!   lets the next change in: no rule is ever decided on a session's copy;
//! - once written, the change waits for its flush outside the lock, so that changes made at the
//!   same time share one flush (one wait for the disk, not one each in a queue);
//! - once flushed, and in the order the changes were written, it brings the shared directory up
//!   to date and tells every listener what changed, with the customer's records as they were
//!   written, so every session shows it at once; only then is the change's maker answered.

mod listeners;
#[cfg(test)]
mod tests;

pub use listeners::Subscription;

use crate::book::Book;
use crate::clock::Clock;
use crate::directory::{Directory, ListingRow};
use crate::domain::timeline::Environment;
use crate::service::{Access, Actor, Changed, Operations, ServiceError};
use crate::store::{Dossier, Store};
use chrono::{DateTime, NaiveDate, Utc};
use listeners::Listeners;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard};

/// The customer directory every session of a core reads; the core alone writes it.
pub type SharedDirectory = Arc<RwLock<Directory>>;

/// Reads the shared directory. A panic elsewhere while it was written leaves it whole (every
/// write to it is one call), so a poisoned lock is still read.
pub fn read(directory: &SharedDirectory) -> RwLockReadGuard<'_, Directory> {
    directory.read().unwrap_or_else(PoisonError::into_inner)
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Who made a change: a session of the core, or a command run through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SessionId(u64);

impl SessionId {
    /// A command (of this process, or run through it for another one).
    pub const COMMAND: SessionId = SessionId(0);
}

/// How far the loading of the directory has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Indexing {
    pub loaded: usize,
    pub total: usize,
}

/// One change, once durable.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub session: SessionId,
    /// The agent who made it.
    pub agent: String,
    pub what: Changed,
    /// The customer's records as they are after the change.
    pub dossier: Dossier,
    /// The customer's row of the Customers list after the change.
    pub row: ListingRow,
    /// The rank at which the row was added to the directory, when it is new there: the rows
    /// from that rank on moved down one.
    pub inserted_at: Option<usize>,
}

/// What a core tells its listeners.
#[derive(Debug, Clone)]
pub enum Notice {
    Changed(Arc<Change>),
    /// This many customers of the directory are read so far.
    Indexing(usize),
    /// The whole directory is read.
    Indexed,
}

/// What is known of the directory while it loads: rows changed meanwhile, laid over the loaded
/// directory once it is complete.
#[derive(Debug, Default)]
struct Loading {
    indexing: Option<Indexing>,
    changed_meanwhile: Vec<ListingRow>,
}

pub struct Core {
    store: Box<dyn Store>,
    clock: Box<dyn Clock>,
    /// The business date whose statuses the directory shows.
    business_date: NaiveDate,
    /// The Partner Center environment of the store (see `Store::environment`).
    environment: Environment,
    partner_name: String,
    /// Held for every change, from reading the current records to writing them: the number of
    /// changes written so far that have something to tell, each one's place in the order of
    /// publishing.
    writing: Mutex<u64>,
    /// Changes written and not yet published, in the order they were written.
    unpublished: Mutex<VecDeque<Unpublished>>,
    /// Held while changes are published, so that they are told in the order they were written.
    publishing: Mutex<()>,
    directory: SharedDirectory,
    /// Whether the core keeps a directory at all (a core serving commands only does not).
    keeps_directory: bool,
    loading: Mutex<Loading>,
    listeners: Listeners,
    next_session: AtomicU64,
    /// Counts the changes made (see `generation`).
    generation: AtomicU64,
    /// Set when the core is about to close: the directory's loading stops at its next row.
    stopping: AtomicBool,
}

/// Records read from the store, and the `Core::generation` before they were read.
#[derive(Default)]
pub struct Seed {
    pub generation: u64,
    pub book: Book,
}

impl Seed {
    /// The records a change ended with, at `generation`; none when it failed (what it held
    /// then may not all be written).
    fn after<T, E>(result: &Result<T, E>, generation: u64, book: Book) -> Seed {
        let book = if result.is_ok() {
            book
        } else {
            Book::default()
        };
        Seed { generation, book }
    }
}

impl Core {
    /// A core without a directory: for commands, which read the store's list instead.
    pub fn new(
        store: Box<dyn Store>,
        clock: Box<dyn Clock>,
        business_date: NaiveDate,
        partner_name: String,
    ) -> Core {
        let mut core = Core::with_directory(
            store,
            clock,
            business_date,
            partner_name,
            Directory::new(),
            None,
        );
        core.keeps_directory = false;
        core
    }

    /// A core whose directory starts as `directory`; with `indexing`, it holds only the first
    /// customers, and `take_directory` brings the rest.
    pub fn with_directory(
        store: Box<dyn Store>,
        clock: Box<dyn Clock>,
        business_date: NaiveDate,
        partner_name: String,
        directory: Directory,
        indexing: Option<Indexing>,
    ) -> Core {
        store.group_flushes();
        // A store that cannot say is taken as production, as before environments were kept.
        let environment = store.environment().ok().flatten().unwrap_or_default();
        Core {
            store,
            clock,
            business_date,
            environment,
            partner_name,
            writing: Mutex::new(0),
            unpublished: Mutex::new(VecDeque::new()),
            publishing: Mutex::new(()),
            directory: Arc::new(RwLock::new(directory)),
            keeps_directory: true,
            loading: Mutex::new(Loading {
                indexing,
                changed_meanwhile: vec![],
            }),
            listeners: Listeners::default(),
            next_session: AtomicU64::new(1),
            generation: AtomicU64::new(0),
            stopping: AtomicBool::new(false),
        }
    }

    /// The store, for reading. Every change goes through `change`.
    pub fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    /// Ends the use of the store (see `Store::close`), once no session holds the core.
    pub fn close(self) {
        self.store.close();
    }

    pub fn business_date(&self) -> NaiveDate {
        self.business_date
    }

    pub fn environment(&self) -> Environment {
        self.environment
    }

    /// How an agent of the dashboard reaches Partner Center through this core.
    pub fn dashboard_access(&self) -> Access {
        Access::dashboard(self.environment)
    }

    /// How a caller of the API (commands, HTTP) reaches Partner Center through this core.
    pub fn api_access(&self) -> Access {
        Access::api(self.environment)
    }

    pub fn partner_name(&self) -> &str {
        &self.partner_name
    }

    /// The moment a change on `business_date` is recorded at.
    pub fn now_on(&self, business_date: NaiveDate) -> DateTime<Utc> {
        self.clock.now_on(business_date)
    }

    pub fn directory(&self) -> SharedDirectory {
        Arc::clone(&self.directory)
    }

    /// How far the directory has loaded, while it loads.
    pub fn indexing(&self) -> Option<Indexing> {
        lock(&self.loading).indexing
    }

    /// A new session's ID, different from every other of this core.
    pub fn new_session_id(&self) -> SessionId {
        SessionId(self.next_session.fetch_add(1, Ordering::Relaxed))
    }

    /// Calls `listener` with every notice from now on, on the thread that caused it, until it
    /// returns `false` or the subscription is dropped. It must not block: hand the notice on.
    pub fn subscribe(&self, listener: impl Fn(Notice) -> bool + Send + 'static) -> Subscription {
        self.listeners.add(Box::new(listener))
    }

    /// Runs `act` as one change: with the write lock held, on a book that starts empty, so each
    /// operation reads the current records of the customers it touches from the store. What
    /// it wrote is then published, even when it ends with an error after some writes.
    pub fn change<T>(
        &self,
        actor: &Actor,
        session: SessionId,
        act: impl FnOnce(&mut Operations<'_>) -> Result<T, ServiceError>,
    ) -> Result<T, ServiceError> {
        self.change_telling(actor, session, act).0
    }

    /// `change`, also giving the records of each customer changed, as written.
    pub fn change_telling<T>(
        &self,
        actor: &Actor,
        session: SessionId,
        act: impl FnOnce(&mut Operations<'_>) -> Result<T, ServiceError>,
    ) -> (Result<T, ServiceError>, Vec<Dossier>) {
        let written = self.write_change(actor, session, act);
        let (result, changed, _) = self.publish_flushed(written);
        (result, changed)
    }

    /// A change on a book that starts empty, written under the write lock, not yet flushed.
    fn write_change<T>(
        &self,
        actor: &Actor,
        session: SessionId,
        act: impl FnOnce(&mut Operations<'_>) -> Result<T, ServiceError>,
    ) -> Written<T> {
        let mut writing = lock(&self.writing);
        self.change_locked(&mut writing, actor, session, Book::default(), act)
    }

    /// Makes every change written so far durable, then tells the listeners every one not yet
    /// told, in the order they were written.
    pub fn flush_and_publish(&self) -> Result<(), ServiceError> {
        // Only changes written before the flush begins are certainly in it.
        let Some(last) = lock(&self.unpublished).back().map(|change| change.place) else {
            // Every change was told, after a flush that held it, or is being told: wait for
            // that to end.
            drop(lock(&self.publishing));
            return Ok(());
        };
        let flushed = self.store.flush_written();
        self.publish_up_to(last);
        Ok(flushed?)
    }

    /// The count of changes made so far: records read when it had a value are current for as
    /// long as it keeps it.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// `change`, starting from records read earlier (`seed`) when no change was made since they
    /// were read, rather than reading them again; otherwise from the store, as `change` does.
    /// Gives back the records the change ended with, current as of its end (none when it
    /// failed: what it held then may not all be written).
    pub fn change_seeded<T>(
        &self,
        actor: &Actor,
        session: SessionId,
        seed: Seed,
        act: impl FnOnce(&mut Operations<'_>) -> Result<T, ServiceError>,
    ) -> (Result<T, ServiceError>, Seed) {
        let (written, generation) = self.write_seeded(actor, session, seed, act);
        let (result, _, book) = self.publish_flushed(written);
        let seed = Seed::after(&result, generation, book);
        (result, seed)
    }

    /// `change_seeded`, leaving the change written but neither flushed nor told: the caller
    /// answers no one about it before `flush_and_publish` returns. One thread can so make many
    /// changes in a row and wait for the disk once for all of them.
    pub fn change_seeded_later<T>(
        &self,
        actor: &Actor,
        session: SessionId,
        seed: Seed,
        act: impl FnOnce(&mut Operations<'_>) -> Result<T, ServiceError>,
    ) -> (Result<T, ServiceError>, Seed) {
        let (written, generation) = self.write_seeded(actor, session, seed, act);
        let seed = Seed::after(&written.result, generation, written.book);
        (written.result, seed)
    }

    /// A change on `seed` while it is current, written under the write lock, not yet flushed;
    /// with the generation its records are current at.
    fn write_seeded<T>(
        &self,
        actor: &Actor,
        session: SessionId,
        seed: Seed,
        act: impl FnOnce(&mut Operations<'_>) -> Result<T, ServiceError>,
    ) -> (Written<T>, u64) {
        let mut writing = lock(&self.writing);
        let book = if seed.generation == self.generation() {
            seed.book
        } else {
            Book::default()
        };
        let written = self.change_locked(&mut writing, actor, session, book, act);
        // Taken before the lock is let go: the next change moves it on.
        (written, self.generation())
    }

    /// A change, the write lock held (`written` counts the changes written before it): `book`
    /// holds current records or none.
    fn change_locked<T>(
        &self,
        written: &mut u64,
        actor: &Actor,
        session: SessionId,
        mut book: Book,
        act: impl FnOnce(&mut Operations<'_>) -> Result<T, ServiceError>,
    ) -> Written<T> {
        // Whatever happens next may write: records read before it are no longer known current.
        self.generation.fetch_add(1, Ordering::AcqRel);
        let now = self.clock.now_on(actor.business_date);
        // Rules are decided on the store as it was on the actor's business date.
        book.set_as_of(actor.business_date);
        let mut ops = Operations::new(self.store.as_ref(), &mut book, actor, now);
        let result = act(&mut ops);
        // And again once written: a reader that took the generation while this change was
        // writing may have read records from before it.
        self.generation.fetch_add(1, Ordering::AcqRel);
        let changes = std::mem::take(&mut ops.changes);
        let mut told = Vec::with_capacity(changes.len());
        // Each customer changed once in what is given back, as last written; an import's group
        // changes a thousand, so no search through the list for each.
        let mut changed: Vec<Dossier> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for what in changes {
            if let Some(dossier) = book.dossier(what.customer_id()) {
                match index.get(&dossier.customer.id) {
                    Some(&at) => changed[at] = dossier.clone(),
                    None => {
                        index.insert(dossier.customer.id.clone(), changed.len());
                        changed.push(dossier.clone());
                    }
                }
                told.push((what, dossier));
            }
        }
        // A change made at an earlier business date than the sessions' (a command of an
        // earlier --today) was made on records as that day saw them: the sessions are told the
        // records as stored, later ones included, and each reads them as of its own day.
        if actor.business_date < self.business_date {
            let mut stored: HashMap<String, Dossier> = HashMap::new();
            for (_, dossier) in &mut told {
                let id = dossier.customer.id.clone();
                if !stored.contains_key(&id) {
                    match self.store.dossier(&id) {
                        Ok(Some(read)) => {
                            stored.insert(id.clone(), read);
                        }
                        Ok(None) => {}
                        Err(error) => tracing::warn!(
                            "the stored records of {id} could not be read for the sessions: {error}"
                        ),
                    }
                }
                if let Some(read) = stored.get(&id) {
                    *dossier = read.clone();
                }
            }
        }
        let place = (!told.is_empty()).then_some(*written);
        if let Some(place) = place {
            *written += 1;
            lock(&self.unpublished).push_back(Unpublished {
                place,
                session,
                agent: actor.agent.clone(),
                told,
            });
        }
        Written {
            result,
            changed,
            book,
            place,
        }
    }

    /// Waits until the change is flushed, then publishes it with every change written before
    /// it that is not yet published (all flushed by then), in the order they were written. The
    /// write lock is not held: other changes are written meanwhile, and share the flush.
    fn publish_flushed<T>(
        &self,
        written: Written<T>,
    ) -> (Result<T, ServiceError>, Vec<Dossier>, Book) {
        let Written {
            result,
            changed,
            book,
            place,
        } = written;
        let Some(place) = place else {
            return (result, changed, book);
        };
        // Even when the change ended with an error: what it wrote before is in the store.
        let flushed = self.store.flush_written();
        self.publish_up_to(place);
        let result = match flushed {
            Ok(()) => result,
            Err(error) => Err(error.into()),
        };
        (result, changed, book)
    }

    /// Tells the listeners every change not yet told that was written no later than `place`
    /// (a later change may have told them all already).
    fn publish_up_to(&self, place: u64) {
        let _publishing = lock(&self.publishing);
        while let Some(next) = self.next_unpublished(place) {
            for (what, dossier) in next.told {
                self.publish(next.session, &next.agent, what, dossier);
            }
        }
    }

    /// The first change not yet published, when it was written no later than `place`.
    fn next_unpublished(&self, place: u64) -> Option<Unpublished> {
        let mut unpublished = lock(&self.unpublished);
        if unpublished.front()?.place > place {
            return None;
        }
        unpublished.pop_front()
    }

    /// Runs `read` while no change can be written (a backup reads the whole store this way).
    pub fn exclusive<T>(&self, read: impl FnOnce(&dyn Store) -> T) -> T {
        let _writing = lock(&self.writing);
        read(self.store.as_ref())
    }

    fn publish(&self, session: SessionId, agent: &str, what: Changed, dossier: Dossier) {
        // The row as the business date sees it: records made on later days do not show, and a
        // customer created after it (by a command of a later --today) is not listed at all.
        let then = dossier.clone().as_of(self.business_date);
        let row = ListingRow::on(
            then.as_ref().unwrap_or(&dossier).listed(),
            self.business_date,
        );
        let inserted_at = (self.keeps_directory && then.is_some())
            .then(|| self.lay(&row))
            .flatten();
        let change = Change {
            session,
            agent: agent.to_string(),
            what,
            dossier,
            row,
            inserted_at,
        };
        self.listeners.tell(Notice::Changed(Arc::new(change)));
    }

    /// Puts a changed row in the directory; returns its rank when it is new there.
    fn lay(&self, row: &ListingRow) -> Option<usize> {
        let mut loading = lock(&self.loading);
        if loading.indexing.is_some() {
            loading.changed_meanwhile.push(row.clone());
        }
        let mut directory = self
            .directory
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        let new = directory.rank_of(&row.company_name, &row.domain).is_none();
        let rank = directory.upsert(row);
        new.then_some(rank)
    }

    /// Asks the directory's loading to stop, before the core closes.
    pub fn stop_loading(&self) {
        self.stopping.store(true, Ordering::Release);
    }

    /// Whether the directory's loading is to stop.
    pub fn loading_stopped(&self) -> bool {
        self.stopping.load(Ordering::Acquire)
    }

    /// Progress of the directory's loading, told to every listener.
    pub fn indexing_progress(&self, loaded: usize) {
        {
            let mut loading = lock(&self.loading);
            let Some(indexing) = &mut loading.indexing else {
                return;
            };
            indexing.loaded = loaded.min(indexing.total);
        }
        self.listeners.tell(Notice::Indexing(loaded));
    }

    /// Takes the whole directory, read from the store, in place of the first rows, with every
    /// row changed while it was read laid over it.
    pub fn take_directory(&self, mut loaded: Directory) {
        // Before any lock: a million rows take a few milliseconds.
        loaded.prepare_search();
        let _writing = lock(&self.writing);
        {
            let mut loading = lock(&self.loading);
            for row in loading.changed_meanwhile.drain(..) {
                loaded.upsert(&row);
            }
            loading.indexing = None;
            *self
                .directory
                .write()
                .unwrap_or_else(PoisonError::into_inner) = loaded;
        }
        self.listeners.tell(Notice::Indexed);
    }
}

/// A change as written, before it is flushed and published.
struct Written<T> {
    result: Result<T, ServiceError>,
    /// Each customer changed, as last written.
    changed: Vec<Dossier>,
    book: Book,
    /// Its place in the order changes are published; `None` when it has nothing to tell.
    place: Option<u64>,
}

/// What a change written tells the listeners once it is flushed.
struct Unpublished {
    place: u64,
    session: SessionId,
    agent: String,
    /// In the order it was done.
    told: Vec<(Changed, Dossier)>,
}
