//! The dashboard in this process, as the terminal shell runs it: the real start-up, app core,
//! store and rendering, drawn on a test backend instead of a terminal.

use crate::stats::ms;
use crate::workdir::{AGENT, TODAY};
use crate::Fallible;
use pcenter::app::session::Session;
use pcenter::app::{Action, App};
use pcenter::clock::FixedClock;
use pcenter::core::Core;
use pcenter::dashboard;
use pcenter::diagnostics::Logged;
use pcenter::domain::role::Role;
use pcenter::owner::{self, Owner, OwnerRecord, Serving};
use pcenter::service::Actor;
use pcenter::store::{SledStore, StoreLock};
use pcenter::ui;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// The terminal size drawn on: the smallest the dashboard supports.
pub const SIZE: (u16, u16) = (80, 24);

pub fn actor() -> Actor {
    Actor {
        agent: AGENT.into(),
        role: Role::AdminAgent,
        business_date: TODAY.parse().expect("a valid date"),
        access: Default::default(),
    }
}

pub fn terminal() -> Fallible<Terminal<TestBackend>> {
    Ok(Terminal::new(TestBackend::new(SIZE.0, SIZE.1))?)
}

pub fn draw(terminal: &mut Terminal<TestBackend>, app: &App) -> Fallible<()> {
    terminal.draw(|frame| ui::render(frame, app))?;
    Ok(())
}

pub fn press(session: &mut Session, code: KeyCode) {
    session.handle(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// The shared core of a dashboard whose directory is complete, and how long loading the
/// directory took.
pub struct ReadyCore {
    pub core: Arc<Core>,
    /// Milliseconds from `Loader::run` to `Action::Indexed`; 0 when the first rows were all.
    pub directory_ms: f64,
}

/// Opens the store and starts the dashboard's core on it, then runs the loader to its end (on
/// this thread: the shell runs it on another).
pub fn open_core(store_dir: &Path) -> Fallible<ReadyCore> {
    start_core(Logged(SledStore::open(store_dir)?))
}

/// A dashboard whose directory is complete, serving commands started on its store over the
/// store's socket as the real dashboard does (`owner::serve`); stop the `Serving` before the
/// core is closed.
pub fn open_ready_serving(store_dir: &Path) -> Fallible<(Ready, Serving)> {
    let lock = StoreLock::acquire(store_dir)?;
    let owner = Owner::bind(&lock, OwnerRecord::dashboard(&actor()))?;
    let ReadyCore { core, directory_ms } = start_core(Logged(SledStore::open_locked(lock)?))?;
    let serving = owner::serve(owner, owner::commands_through(&core))?;
    let mut session = Session::open(core, actor(), SIZE);
    session.follow();
    let ready = Ready {
        session,
        directory_ms,
    };
    Ok((ready, serving))
}

fn start_core(store: Logged<SledStore>) -> Fallible<ReadyCore> {
    let clock = FixedClock(format!("{TODAY}T10:00:00Z").parse()?);
    let start = dashboard::start(store, actor().business_date, Box::new(clock))?;
    let mut directory_ms = 0.0;
    if let Some(loader) = start.loader {
        let started = Instant::now();
        loader.run(&start.core);
        if start.core.indexing().is_some() {
            return Err("the directory did not load: the store failed while reading it".into());
        }
        directory_ms = ms(started.elapsed());
    }
    Ok(ReadyCore {
        core: start.core,
        directory_ms,
    })
}

/// A dashboard whose directory is complete, and how long loading the directory took.
pub struct Ready {
    pub session: Session,
    /// Milliseconds from `Loader::run` to `Action::Indexed`; 0 when the first rows were all.
    pub directory_ms: f64,
}

/// The dashboard's core (see `open_core`) and one session on it, which has followed the
/// loading to its end.
pub fn open_ready(store_dir: &Path) -> Fallible<Ready> {
    let ReadyCore { core, directory_ms } = open_core(store_dir)?;
    let mut session = Session::open(core, actor(), SIZE);
    session.follow();
    Ok(Ready {
        session,
        directory_ms,
    })
}

/// Ends the use of the store once nothing else holds the core, as the dashboard does when it
/// closes: a store left open after writes is checked whole at its next open.
pub fn close(core: Arc<Core>) -> Fallible<()> {
    let core = Arc::into_inner(core).ok_or("the core is still held when it is to close")?;
    core.close();
    Ok(())
}
