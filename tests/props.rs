//! The dashboard under long random sequences of keys, pastes and resizes, on the demo data (all
//! customer states, public and national clouds), in every phase and role, rendered after every
//! step at sizes down to 1x1. Nothing may panic, in the app core or in rendering, and after
//! every write:
//!
//! - every confirmation the session saved has valid fields and a date neither in the future nor
//!   before the Microsoft Cloud Agreement existed, and every customer it created is valid;
//! - in the mandatory phase, no order was created and no seat count changed for a public-cloud
//!   customer without a confirmation;
//! - a Helpdesk agent changed nothing.
//!
//! `PROPTEST_CASES` sets how many sequences run (default below). Failures are not saved to
//! files: proptest prints the smallest failing case, to be kept here as a plain test.

mod common;
#[path = "props/rules.rs"]
mod rules;
#[path = "props/strategies.rs"]
mod strategies;

use common::*;
use pcenter::app::Action;
use pcenter::domain::role::Role;
use pcenter::ui;
use proptest::prelude::*;
use proptest::test_runner::Config;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use rules::check_step;
use strategies::*;

/// Sequences per run in CI: thousands, within about half a minute on two cores.
const DEFAULT_CASES: u32 = 2_000;
/// The longest sequence of one case.
const MAX_STEPS: usize = 40;

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

fn run(date: &str, role: Role, start: (u16, u16), steps: &[Step]) -> Result<(), TestCaseError> {
    let mut session = session(date, role);
    let initial = session.store.load().expect("load");
    let mut before = initial.clone();
    let mut generation = session.store.generation().expect("generation");
    let mut terminal = Terminal::new(TestBackend::new(start.0, start.1)).expect("terminal");
    session.handle(Action::Resize(start.0, start.1));
    for step in steps {
        for action in step {
            if let Action::Resize(width, height) = action {
                terminal.backend_mut().resize(*width, *height);
            }
            session.handle(action.clone());
            // Every write changes the generation: each one is checked against the store as it
            // was just before it.
            let now = session.store.generation().expect("generation");
            if now != generation {
                let after = session.store.load().expect("load");
                check_step(&session, &initial, &before, &after)?;
                (before, generation) = (after, now);
            }
        }
        terminal
            .draw(|frame| ui::render(frame, &session.app))
            .expect("draw");
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_keys_pastes_and_sizes_never_panic_nor_break_a_rule(
        date in business_date(),
        role in role(),
        start in size(),
        steps in prop::collection::vec(step(), 0..MAX_STEPS),
    ) {
        run(date, role, start, &steps)?;
    }
}
