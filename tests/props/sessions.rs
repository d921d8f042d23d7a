//! Two to four dashboard sessions of one shared core, each its own agent and role, their keys
//! interleaved at random. After every write the rules are checked on the store (`check_step`,
//! for the agent who made it) and `store::audit` finds nothing wrong; after every step every
//! session follows the core, and then shows the store as it was on its business date: its
//! Customers list holds the store's rows of that date its filter lets through, with the
//! selection on one of them, and every customer it has opened is the store's, records and all,
//! without those recorded after that date. Every session is drawn after every step.

use crate::common::*;
use crate::rules::check_step;
use crate::strategies::Step;
use pcenter::app::session::Session;
use pcenter::app::Action;
use pcenter::directory::{rows_on, ListingRow};
use pcenter::domain::customer::CustomerFilter;
use pcenter::domain::role::Role;
use pcenter::store::{audit, Store};
use pcenter::ui;
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// Runs the steps, each by the session its number names (modulo how many there are).
pub fn run(date: &str, roles: &[Role], steps: &[(usize, Step)]) -> Result<(), TestCaseError> {
    let demo = SharedDemo::in_memory(date);
    let store = || demo.core.store();
    let mut sessions: Vec<Session> = (roles.iter().enumerate())
        .map(|(i, role)| demo.open(&format!("Agent {i}"), *role))
        .collect();
    let mut terminals: Vec<Terminal<TestBackend>> = (0..sessions.len())
        .map(|_| Terminal::new(TestBackend::new(80, 24)).expect("terminal"))
        .collect();
    let mut before = store().load().expect("load");
    let mut generation = store().generation().expect("generation");
    for (who, step) in steps {
        let who = who % sessions.len();
        for action in step {
            if let Action::Resize(width, height) = action {
                terminals[who].backend_mut().resize(*width, *height);
            }
            sessions[who].handle(action.clone());
            let now = store().generation().expect("generation");
            if now != generation {
                let after = store().load().expect("load");
                let actor = &sessions[who].app.ctx.actor;
                check_step(actor, &before, &before, &after)?;
                let problems = audit(store()).expect("the store reads");
                prop_assert!(problems.is_empty(), "store::audit: {:?}", problems);
                (before, generation) = (after, now);
            }
        }
        for (session, terminal) in sessions.iter_mut().zip(&mut terminals) {
            session.follow();
            shows_the_store(session, store())?;
            terminal
                .draw(|frame| ui::render(frame, &session.app))
                .expect("draw");
        }
    }
    Ok(())
}

/// The session's list and the customers it opened, against the store as it was on the
/// session's business date: nothing recorded later shows.
fn shows_the_store(session: &Session, store: &dyn Store) -> Result<(), TestCaseError> {
    let ctx = &session.app.ctx;
    let today = ctx.actor.business_date;
    let directory = pcenter::core::read(&ctx.directory);
    let filter = CustomerFilter::new(ctx.customers.filter.value());
    let stored: Vec<ListingRow> = rows_on(store, today)
        .expect("listing")
        .into_iter()
        .filter(|row| filter.matches_text(&row.company_name, &row.domain))
        .collect();
    let matches = &ctx.customers.matches;
    let listed: Vec<ListingRow> = (0..matches.len())
        .filter_map(|i| directory.get(matches.rank(i)?))
        .map(|entry| entry.to_row())
        .collect();
    prop_assert_eq!(
        &listed,
        &stored,
        "{} lists other rows than the store",
        ctx.actor.agent
    );
    prop_assert!(
        stored.is_empty() || ctx.customers.selected < stored.len(),
        "{} selects row {} of {}",
        ctx.actor.agent,
        ctx.customers.selected,
        stored.len()
    );
    for customer in ctx.book.customers_by_name() {
        let seen = ctx.book.dossier(&customer.id);
        let current = (store.dossier(&customer.id).expect("the store reads"))
            .and_then(|dossier| dossier.as_of(today));
        prop_assert_eq!(
            seen,
            current,
            "{} sees another {}",
            ctx.actor.agent,
            customer.company_name
        );
    }
    Ok(())
}

/// A step of one session: as in the single-session test, with more of the runs of keys that
/// save something, so that sessions often change what another one shows.
pub fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        2 => crate::strategies::step(),
        1 => crate::strategies::journey(),
    ]
}

/// Two to four roles, one per session.
pub fn roles() -> impl Strategy<Value = Vec<Role>> {
    prop::collection::vec(crate::strategies::role(), 2..=4)
}
