//! The dashboard shows what a command recorded.

use crate::common::{open_account, press, render, session_over, NORTHWIND};
use crate::support::*;
use pcenter::domain::role::Role;
use pcenter::store::SledStore;
use ratatui::crossterm::event::KeyCode;

#[test]
fn the_dashboard_shows_a_confirmation_made_by_a_command() {
    let demo = Demo::new();
    let mut owned = create_ada("2018-11-01");
    owned.extend(["--agent".into(), "Alex Wilber".into()]);
    success(&demo.run(&args(&owned)));

    let store = SledStore::open(&demo.dir.path().join("demo")).expect("open the demo store");
    let mut session = session_over(Box::new(store), TODAY, Role::AdminAgent);
    open_account(&mut session, NORTHWIND);
    let screen = render(&mut session, 140, 40).to_string();
    assert!(
        screen.contains("Confirmed: customer acceptance has been provided"),
        "{screen}"
    );
    assert!(screen.contains("Ada Lovelace"), "{screen}");
    assert!(screen.contains("2018-11-01"), "{screen}");
    assert!(screen.contains("Alex Wilber on 2018-11-14"), "{screen}");
    assert!(screen.contains("(Command)"), "{screen}");

    press(&mut session, KeyCode::Char('h'));
    let history = render(&mut session, 140, 40).to_string();
    assert!(history.contains("Confirmation history (1)"), "{history}");
    assert!(
        history.contains("Alex Wilber, 2018-11-14, Command"),
        "{history}"
    );
}
