mod common;

use common::*;
use pcenter::domain::role::Role;

#[test]
fn the_demo_session_starts_on_customers() {
    let mut s = session(OPTIONAL_DAY, Role::AdminAgent);
    let screen = render(&mut s, 80, 24).to_string();
    assert!(screen.contains("Customers"), "{screen}");
    open_account(&mut s, NORTHWIND);
    let screen = render(&mut s, 80, 24).to_string();
    assert!(screen.contains("Northwind Traders"), "{screen}");
}
