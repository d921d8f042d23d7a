//! The dashboard over a store too large to read whole: the first rows at once, the directory
//! loaded on another thread, customers read one at a time when opened, and the saved list.

use crate::common::*;
use crate::support::account;
use pcenter::app::session::Session;
use pcenter::app::{Action, Indexing};
use pcenter::assets;
use pcenter::clock::FixedClock;
use pcenter::dashboard::{self, FIRST_ROWS};
use pcenter::diagnostics::Logged;
use pcenter::directory::Directory;
use pcenter::domain::customer::Customer;
use pcenter::domain::role::Role;
use pcenter::domain::status::AgreementStatus;
use pcenter::service::Actor;
use pcenter::store::{SledStore, Snapshot, Store, IDENTITY_FILE, LIST_CACHE_FILES};
use ratatui::crossterm::event::KeyCode;

/// More customers than the first page holds, none confirmed: "Company 0000" to "Company N-1".
fn many_customers(count: usize) -> Snapshot {
    let template = assets::demo_snapshot().customers[0].clone();
    let customers = (0..count)
        .map(|i| Customer {
            id: format!("00000000-0000-4000-8000-{i:012}"),
            company_name: format!("Company {i:04}"),
            domain: format!("company{i}.onmicrosoft.com"),
            ..template.clone()
        })
        .collect();
    Snapshot {
        partner_name: Some("Fabrikam CSP Partners".into()),
        customers,
        ..Snapshot::default()
    }
}

fn actor() -> Actor {
    Actor {
        agent: "Megan Bowen".into(),
        role: Role::AdminAgent,
        business_date: OPTIONAL_DAY.parse().unwrap(),
        access: Default::default(),
    }
}

fn filled_store(dir: &std::path::Path, count: usize) -> SledStore {
    let store = SledStore::open(dir).unwrap();
    store.write_snapshot(&many_customers(count)).unwrap();
    store
}

/// A session as the dashboard starts it, and the loading of the rest of its directory.
fn started(store: SledStore) -> (Session, Loading) {
    started_as(store, &actor())
}

fn started_as(store: SledStore, actor: &Actor) -> (Session, Loading) {
    let clock = FixedClock(format!("{OPTIONAL_DAY}T10:30:00Z").parse().unwrap());
    let start = dashboard::start(Logged(store), actor.business_date, Box::new(clock)).unwrap();
    let session = Session::open(start.core, actor.clone(), (80, 24));
    (session, Loading(start.loader))
}

/// The directory's loading, run when a test says so (the dashboard runs it on a thread).
struct Loading(Option<dashboard::Loader>);

impl Loading {
    /// Reads the rest of the directory, without handing it to the core yet.
    fn read(self, s: &Session) -> Option<Directory> {
        self.0.and_then(|loader| loader.read(&s.core))
    }

    /// Loads the rest of the directory, and lets the session follow.
    fn finish(self, s: &mut Session) {
        if let Some(loader) = self.0 {
            loader.run(&s.core);
        }
        s.follow();
    }
}

/// Ends a session and closes its store.
fn close(s: Session) {
    let core = s.core.clone();
    drop(s);
    match std::sync::Arc::try_unwrap(core) {
        Ok(core) => core.close(),
        Err(_) => panic!("the core is still shared"),
    }
}

fn directory(s: &Session) -> std::sync::RwLockReadGuard<'_, Directory> {
    pcenter::core::read(&s.app.ctx.directory)
}

#[test]
fn the_first_rows_show_at_once_and_the_rest_arrive_from_the_loader() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, loading) = started(filled_store(dir.path(), FIRST_ROWS + 50));
    assert_eq!(directory(&s).len(), FIRST_ROWS);
    let ctx = &s.app.ctx;
    assert_eq!(
        ctx.indexing,
        Some(Indexing {
            loaded: FIRST_ROWS,
            total: FIRST_ROWS + 50
        })
    );
    assert!(
        ctx.book.is_empty(),
        "no customer is read whole before it is opened"
    );
    // Progress moves the count, never past the total.
    s.handle(Action::Indexing(FIRST_ROWS + 20));
    assert_eq!(s.app.ctx.indexing.map(|i| i.loaded), Some(FIRST_ROWS + 20));
    s.handle(Action::Indexing(FIRST_ROWS + 999));
    assert_eq!(s.app.ctx.indexing.map(|i| i.loaded), Some(FIRST_ROWS + 50));
    loading.finish(&mut s);
    let ctx = &s.app.ctx;
    assert_eq!(ctx.indexing, None);
    assert_eq!(directory(&s).len(), FIRST_ROWS + 50);
    assert_eq!(ctx.customers.matches.len(), FIRST_ROWS + 50);
    press(&mut s, KeyCode::End);
    let shown = directory(&s);
    let last = s.app.ctx.customers.selected_entry(&shown);
    assert_eq!(last.unwrap().company_name, "Company 0249");
}

#[test]
fn opening_a_customer_reads_it_and_a_confirmation_updates_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = started(filled_store(dir.path(), 20));
    keys(&mut s, "/company7.\n\n");
    assert_eq!(
        account(&s).customer_id,
        "00000000-0000-4000-8000-000000000007"
    );
    assert_eq!(s.app.ctx.book.len(), 1, "only the opened customer is read");
    press(&mut s, KeyCode::Char('u'));
    ctrl(&mut s, 's');
    press(&mut s, KeyCode::Esc);
    let ctx = &s.app.ctx;
    let directory = pcenter::core::read(&ctx.directory);
    let row = ctx.customers.selected_entry(&directory).unwrap();
    assert_eq!(row.company_name, "Company 0007");
    assert_eq!(row.status, AgreementStatus::Confirmed);
}

#[test]
fn a_change_made_while_the_directory_loads_is_kept_when_it_arrives() {
    let dir = tempfile::tempdir().unwrap();
    // The loader reads every row before the change below is made.
    let (mut s, loading) = started(filled_store(dir.path(), FIRST_ROWS + 10));
    let loaded = loading.read(&s).unwrap();
    keys(&mut s, "/company3.\n\nu");
    ctrl(&mut s, 's');
    s.core.take_directory(loaded);
    s.follow();
    let directory = directory(&s);
    let rank = directory
        .rank_of("Company 0003", "company3.onmicrosoft.com")
        .unwrap();
    assert_eq!(
        directory.get(rank).unwrap().status,
        AgreementStatus::Confirmed
    );
}

#[test]
fn the_saved_list_previews_the_store_until_the_store_changes() {
    let dir = tempfile::tempdir().unwrap();
    let store = filled_store(dir.path(), FIRST_ROWS + 10);
    assert!(dashboard::preview(dir.path(), &actor(), (80, 24)).is_none());
    let (mut s, reported) = started(store);
    reported.finish(&mut s);
    dashboard::save_list(&s.core);
    let preview = dashboard::preview(dir.path(), &actor(), (80, 24)).unwrap();
    assert_eq!(preview.ctx.partner_name, "Fabrikam CSP Partners");
    assert_eq!(
        pcenter::core::read(&preview.ctx.directory).len(),
        FIRST_ROWS
    );
    assert_eq!(preview.ctx.indexing.map(|i| i.total), Some(FIRST_ROWS + 10));

    keys(&mut s, "/company1.\n\nu");
    ctrl(&mut s, 's');
    assert!(
        dashboard::preview(dir.path(), &actor(), (80, 24)).is_none(),
        "a change removes the saved list"
    );
    dashboard::save_list(&s.core);
    let preview = dashboard::preview(dir.path(), &actor(), (80, 24)).unwrap();
    let rank = pcenter::core::read(&preview.ctx.directory)
        .rank_of("Company 0001", "company1.onmicrosoft.com")
        .unwrap();
    assert_eq!(
        pcenter::core::read(&preview.ctx.directory)
            .get(rank)
            .unwrap()
            .status,
        AgreementStatus::Confirmed
    );
}

#[test]
fn a_saved_list_of_another_store_is_never_shown_even_at_the_same_generation() {
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let count = FIRST_ROWS + 10;
    let (mut a, reported) = started(filled_store(dir_a.path(), count));
    reported.finish(&mut a);
    dashboard::save_list(&a.core);
    let store_b = SledStore::open(dir_b.path()).unwrap();
    let mut others = many_customers(count);
    for customer in &mut others.customers {
        customer.company_name = customer.company_name.replace("Company", "Other");
    }
    store_b.write_snapshot(&others).unwrap();
    assert_eq!(
        store_b.generation().unwrap(),
        a.core.store().generation().unwrap(),
        "the same generation"
    );
    // A's list, and even A's identity file, placed beside B.
    for name in LIST_CACHE_FILES.into_iter().chain([IDENTITY_FILE]) {
        std::fs::copy(dir_a.path().join(name), dir_b.path().join(name)).unwrap();
    }
    let (b, reported) = started(store_b);
    let indexed = reported.read(&b);
    let names: Vec<String> = indexed
        .unwrap()
        .rows()
        .map(|row| row.company_name.to_string())
        .collect();
    assert_eq!(names.len(), count);
    assert!(names.iter().all(|n| n.starts_with("Other")), "{names:?}");
    drop(b);
    // The first frame, drawn before the database opens, takes no list of another store.
    let dir_c = tempfile::tempdir().unwrap();
    let c = SledStore::open(dir_c.path()).unwrap();
    c.write_snapshot(&others).unwrap();
    let (mut c, reported) = started(c);
    reported.finish(&mut c);
    dashboard::save_list(&c.core);
    assert!(dashboard::preview(dir_c.path(), &actor(), (80, 24)).is_some());
    for name in LIST_CACHE_FILES {
        std::fs::copy(dir_a.path().join(name), dir_c.path().join(name)).unwrap();
    }
    assert!(dashboard::preview(dir_c.path(), &actor(), (80, 24)).is_none());
}

#[test]
fn a_list_is_shown_and_saved_only_with_the_statuses_of_its_business_date() {
    let dir = tempfile::tempdir().unwrap();
    let store = filled_store(dir.path(), FIRST_ROWS + 10);
    let mut later = assets::demo_snapshot().confirmations[0].clone();
    later.customer_id = "00000000-0000-4000-8000-000000000001".into();
    later.date_agreed = "2018-11-01".parse().unwrap();
    later.recorded_at = "2018-11-01T10:00:00Z".parse().unwrap();
    store.add_confirmation(&later).unwrap();
    let status = |s: &Session| {
        let directory = directory(s);
        let rank = directory
            .rank_of("Company 0001", "company1.onmicrosoft.com")
            .unwrap();
        directory.get(rank).unwrap().status
    };
    // On September 14 the confirmation accepted on November 1 does not count yet; the list
    // says so, and is not saved, since its statuses are those of dates before November 1.
    let (mut s, reported) = started(store);
    reported.finish(&mut s);
    assert_eq!(status(&s), AgreementStatus::NotConfirmed);
    dashboard::save_list(&s.core);
    assert!(!dir.path().join(LIST_CACHE_FILES[0]).exists());
    close(s);

    // From November 1 on it counts: that list is saved, and shown on those dates only.
    let mut november = actor();
    november.business_date = "2018-11-14".parse().unwrap();
    let (mut s, reported) = started_as(SledStore::open(dir.path()).unwrap(), &november);
    reported.finish(&mut s);
    assert_eq!(status(&s), AgreementStatus::Confirmed);
    dashboard::save_list(&s.core);
    assert!(dashboard::preview(dir.path(), &november, (80, 24)).is_some());
    assert!(dashboard::preview(dir.path(), &actor(), (80, 24)).is_none());
}
