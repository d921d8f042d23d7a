//! Random sequences on the demo data (all customer states, public and national clouds), in
//! every phase and role:
//!
//! - the dashboard under long sequences of keys, pastes and resizes, rendered after every step
//!   at sizes down to 1x1;
//! - the commands, run in this process on one store on disk (created for production or for the
//!   sandbox), with valid and invalid arguments, business dates from before the confirmation
//!   existed to the Microsoft Customer Agreement alone, roles and agents (see `props/world.rs`);
//! - two to four sessions of one shared core, each its own agent and role, their keys
//!   interleaved, each session showing the store as it is after every step (see
//!   `props/sessions.rs`).
//!
//! Nothing may panic, and after every write:
//!
//! - every confirmation saved has valid fields, a date neither in the future nor before the
//!   Microsoft Cloud Agreement existed, and is of an agreement that could be confirmed on the
//!   business date; every customer created is valid; every record is made on the business date,
//!   for a customer (and a subscription) that exists on it;
//! - in the mandatory phase of the face that wrote (the dashboard from November 7, 2018, the
//!   API from March 2019), no order was created and no seat count changed for a public-cloud
//!   customer without a confirmation that counts on the business date and satisfies its
//!   agreement era; no Azure plan was ordered without the Microsoft Customer Agreement;
//! - a Helpdesk agent changed nothing.
//!
//! After every command, besides, `store::audit` finds nothing wrong in the store; a command
//! that breaks a rule is refused with that rule's exit status and changes nothing, one that
//! breaks none succeeds and writes what it says.
//!
//! `PROPTEST_CASES` sets how many sequences each runs (defaults below). Failures are not saved
//! to files: proptest prints the smallest failing case, to be kept here as a plain test.

#[path = "props/command_strategies.rs"]
mod command_strategies;
#[path = "props/commands.rs"]
mod commands;
mod common;
#[path = "props/expect.rs"]
mod expect;
#[path = "props/expect_import.rs"]
mod expect_import;
#[path = "props/names.rs"]
mod names;
#[path = "props/render.rs"]
mod render;
#[path = "props/rules.rs"]
mod rules;
#[path = "props/sessions.rs"]
mod sessions;
#[path = "props/strategies.rs"]
mod strategies;
#[path = "props/world.rs"]
mod world;

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
/// Sequences of commands per run in CI: each command opens the store on disk and writes durably,
/// so a few dozen take a minute or less.
const DEFAULT_COMMAND_CASES: u32 = 64;
/// The longest sequence of commands of one case.
const MAX_COMMANDS: usize = 20;
/// Cases of sessions sharing a core per run in CI: each checks every session against the store
/// after every step, so a few hundred take seconds.
const DEFAULT_SHARING_CASES: u32 = 150;

fn config() -> Config {
    config_of(DEFAULT_CASES)
}

/// `PROPTEST_CASES` cases if set, else `default`.
fn config_of(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

fn run(date: &str, role: Role, start: (u16, u16), steps: &[Step]) -> Result<(), TestCaseError> {
    let mut session = session(date, role);
    let initial = session.core.store().load().expect("load");
    let mut before = initial.clone();
    let mut generation = session.core.store().generation().expect("generation");
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
            let now = session.core.store().generation().expect("generation");
            if now != generation {
                let after = session.core.store().load().expect("load");
                check_step(&session.app.ctx.actor, &initial, &before, &after)?;
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

proptest! {
    #![proptest_config(config_of(DEFAULT_COMMAND_CASES))]

    #[test]
    fn random_commands_on_one_store_never_break_a_rule(
        environment in command_strategies::store_environment(),
        calls in prop::collection::vec(command_strategies::call(), 1..MAX_COMMANDS),
    ) {
        let mut world = world::World::new(environment);
        for call in &calls {
            world.run(call)?;
        }
    }
}

proptest! {
    #![proptest_config(config_of(DEFAULT_SHARING_CASES))]

    #[test]
    fn sessions_of_one_core_with_interleaved_keys_never_break_a_rule_and_show_the_store(
        date in business_date(),
        roles in sessions::roles(),
        steps in prop::collection::vec((0usize..4, sessions::step()), 0..MAX_STEPS),
    ) {
        sessions::run(date, &roles, &steps)?;
    }
}
