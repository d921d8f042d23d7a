//! Shared test helpers: a session over the demo data in memory, with a fixed clock, driven by
//! keys; several sessions of one shared core over the demo data, in memory or on disk; and
//! rendering a session on a `TestBackend`.
#![allow(dead_code)]

use pcenter::app::session::Session;
use pcenter::app::{Action, App};
use pcenter::assets;
use pcenter::book::Book;
use pcenter::clock::{Clock, FixedClock};
use pcenter::core::Core;
use pcenter::directory::Directory;
use pcenter::domain::role::Role;
use pcenter::service::Actor;
use pcenter::store::{copy_into, MemoryStore, SledStore, Store};
use pcenter::ui;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::sync::Arc;

mod korean;
#[allow(unused_imports)]
pub use korean::*;

/// Demo customers with known states.
pub const CONTOSO: &str = "9d62ba20-49fe-4b68-b3d6-6c88eae123dc"; // confirmed, public
pub const NORTHWIND: &str = "8e56785c-c066-4754-939a-d596743a7b4a"; // unconfirmed, seat-based subs
pub const BAECKEREI: &str = "96312fd6-41dd-4f64-9850-432d9aefd04a"; // Microsoft Cloud Germany
pub const LAKEVIEW: &str = "aba9ac90-80dc-43a8-bb34-350171708d49"; // US Government
pub const HANBIT: &str = "71f38dd5-9faf-45ed-95e8-75334d80b000"; // 한빛물류, confirmed
pub const SAKURA: &str = "24dc1531-9f15-41db-bc71-077987e5c994"; // unconfirmed, no subscriptions

/// A business date in the optional phase, and one in the mandatory phase.
pub const OPTIONAL_DAY: &str = "2018-09-14";
pub const MANDATORY_DAY: &str = "2018-11-14";
/// The first day the API (commands, HTTP) refused orders without a confirmation, in production.
pub const API_DAY: &str = "2019-03-22";

/// The demo data as it was on `date`: only the customers, confirmations, orders and
/// subscriptions made by then.
pub fn demo_on(date: &str) -> pcenter::store::Snapshot {
    let day = date.parse().expect("a date");
    let demo = assets::demo_snapshot();
    let partner = demo.partner_name.clone();
    let dossiers: Vec<pcenter::store::Dossier> = demo
        .into_dossiers()
        .into_iter()
        .filter_map(|dossier| dossier.as_of(day))
        .collect();
    pcenter::store::Snapshot::of_dossiers(partner, dossiers)
}

/// A session over the demo data in a memory store, on `date`, as Megan Bowen with `role`.
pub fn session(date: &str, role: Role) -> Session {
    let snapshot = assets::demo_snapshot();
    let store = MemoryStore::with_snapshot(snapshot);
    session_over(Box::new(store), date, role)
}

/// A session over any store (for example a sled store in a temporary directory).
pub fn session_over(store: Box<dyn Store>, date: &str, role: Role) -> Session {
    let business_date = date.parse().expect("test date");
    let snapshot = store.load().expect("load");
    let actor = Actor {
        agent: "Megan Bowen".into(),
        role,
        business_date,
        access: Default::default(),
    };
    let partner = snapshot.partner_name.clone().unwrap_or_default();
    let app = App::new(actor, partner, Book::from_snapshot(snapshot), (80, 24));
    Session::new(app, store, Box::new(fixed_clock(date)))
}

/// A session of an Admin agent over a new, empty store, with the header's placeholder for no
/// partner name, as the dashboard opens such a store.
pub fn new_store_session(date: &str) -> Session {
    let mut s = session_over(Box::new(MemoryStore::default()), date, Role::AdminAgent);
    s.app.ctx.partner_name = pcenter::dashboard::NO_PARTNER_NAME.to_string();
    s
}

/// The clock of every test session: 10:30 UTC on the business date.
pub fn fixed_clock(date: &str) -> FixedClock {
    FixedClock(format!("{date}T10:30:00Z").parse().expect("test timestamp"))
}

pub fn actor(agent: &str, role: Role, date: &str) -> Actor {
    Actor {
        agent: agent.into(),
        role,
        business_date: date.parse().expect("test date"),
        access: Default::default(),
    }
}

/// A shared core over `store`, showing the statuses of `date`, its whole directory read from
/// the store, as a dashboard's core is once loaded.
pub fn core_over(store: Box<dyn Store>, date: &str, clock: Box<dyn Clock>) -> Arc<Core> {
    let business_date = date.parse().expect("test date");
    let rows = pcenter::directory::rows_on(store.as_ref(), business_date).expect("listing");
    let directory = Directory::from_rows(rows);
    let partner = store.partner_name().expect("partner").unwrap_or_default();
    Arc::new(Core::with_directory(
        store,
        clock,
        business_date,
        partner,
        directory,
        None,
    ))
}

/// The demo data in a new sled store in `dir`.
pub fn sled_demo(dir: &std::path::Path) -> SledStore {
    let store = SledStore::open(&dir.join("store")).expect("a new store");
    copy_into(&store, &assets::demo_snapshot()).expect("the demo data");
    store
}

/// One shared core over the demo data, on a business date, with the fixed clock; its store in
/// memory or on disk (kept as long as this is).
pub struct SharedDemo {
    pub core: Arc<Core>,
    /// "memory" or "sled", for messages.
    pub kind: &'static str,
    date: String,
    _dir: Option<tempfile::TempDir>,
}

impl SharedDemo {
    pub fn in_memory(date: &str) -> SharedDemo {
        let store = MemoryStore::with_snapshot(assets::demo_snapshot());
        SharedDemo {
            core: core_over(Box::new(store), date, Box::new(fixed_clock(date))),
            kind: "memory",
            date: date.into(),
            _dir: None,
        }
    }

    pub fn on_disk(date: &str) -> SharedDemo {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store = sled_demo(dir.path());
        SharedDemo {
            core: core_over(Box::new(store), date, Box::new(fixed_clock(date))),
            kind: "sled",
            date: date.into(),
            _dir: Some(dir),
        }
    }

    /// A new session of the core, on the Customers list at 80x24.
    pub fn open(&self, agent: &str, role: Role) -> Session {
        Session::open(
            Arc::clone(&self.core),
            actor(agent, role, &self.date),
            (80, 24),
        )
    }
}

/// The demo data on one core in each kind of store: what every test of sharing runs on.
pub fn shared_demos(date: &str) -> [SharedDemo; 2] {
    [SharedDemo::in_memory(date), SharedDemo::on_disk(date)]
}

pub fn press(session: &mut Session, code: KeyCode) {
    session.handle(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub fn ctrl(session: &mut Session, c: char) {
    session.handle(Action::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

/// Types text one key at a time, as a person would.
pub fn type_text(session: &mut Session, text: &str) {
    for c in text.chars() {
        press(session, KeyCode::Char(c));
    }
}

/// Types a key sequence where `\t` is Tab and `\n` is Enter.
pub fn keys(session: &mut Session, text: &str) {
    for c in text.chars() {
        match c {
            '\t' => press(session, KeyCode::Tab),
            '\n' => press(session, KeyCode::Enter),
            c => press(session, KeyCode::Char(c)),
        }
    }
}

/// Selects a customer on the Customers screen by filtering for its domain, then leaves the
/// filter with the customer selected.
pub fn select_customer(session: &mut Session, customer_id: &str) {
    let domain = session
        .core
        .store()
        .dossier(customer_id)
        .expect("the store reads")
        .expect("known customer")
        .customer
        .domain;
    press(session, KeyCode::Char('/'));
    type_text(session, &domain);
    press(session, KeyCode::Enter);
}

/// Opens the Account of a customer from the Customers screen.
pub fn open_account(session: &mut Session, customer_id: &str) {
    select_customer(session, customer_id);
    press(session, KeyCode::Enter);
}

/// Renders the session at a size and returns the backend (its Display is the screen text).
pub fn render(session: &mut Session, width: u16, height: u16) -> TestBackend {
    session.handle(Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| ui::render(frame, &session.app))
        .expect("draw");
    terminal.backend().clone()
}

/// The one record of `after` that `before` lacks; every record of `before` must still be there.
pub fn only_new<'a, T: PartialEq + std::fmt::Debug>(before: &[T], after: &'a [T]) -> &'a T {
    assert!(
        before.iter().all(|b| after.contains(b)),
        "a record was lost"
    );
    let new: Vec<&T> = after.iter().filter(|a| !before.contains(a)).collect();
    assert_eq!(new.len(), 1, "{new:?}");
    new[0]
}
