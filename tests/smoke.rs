mod common;

use common::*;
use pcenter::domain::role::Role;

#[test]
fn the_demo_session_starts_on_customers_and_opens_an_account() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    let screen = render(&mut s, 80, 24).to_string();
    assert!(screen.contains("Press / to filter"), "{screen}");
    assert!(!screen.contains("Customer account info"), "{screen}");
    open_account(&mut s, NORTHWIND);
    let screen = render(&mut s, 80, 24).to_string();
    assert!(screen.contains("Customer account info"), "{screen}");
    assert!(
        screen.contains(NORTHWIND),
        "the Microsoft ID shows:\n{screen}"
    );
}
