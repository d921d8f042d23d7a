//! Commands run through the core that sessions hold (as a command started while the dashboard
//! is open runs): the same rules on the same current records, and their changes shown live.

use crate::common::*;
use crate::support::*;
use clap::FromArgMatches;
use pcenter::cli::Options;
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;
use std::sync::Arc;

const CONTOSO_E3: &str = "75619fe3-9809-41cf-b6b6-40f5c3c3f4f0"; // 250 seats

/// Runs `pcenter --today <the core's date> --agent "Carl Script" ARGS` on the core of `demo`;
/// gives the exit status (0 or the refusal's) and what was printed.
fn command(demo: &SharedDemo, args: &[&str]) -> (u8, String) {
    command_on(demo, &demo.core.business_date().to_string(), args)
}

/// `command` with its own business date.
fn command_on(demo: &SharedDemo, today: &str, args: &[&str]) -> (u8, String) {
    let head = ["pcenter", "--today", today, "--agent", "Carl Script"];
    let matches = pcenter::cli::command()
        .try_get_matches_from(head.iter().chain(args))
        .expect("valid arguments");
    let mut options = Options::from_arg_matches(&matches).expect("options");
    let command = options.command.take().expect("a command");
    let mut out = Vec::new();
    let result = pcenter::api::execute_on(Arc::clone(&demo.core), command, &options, &mut out);
    let printed = String::from_utf8_lossy(&out).into_owned();
    match result {
        Ok(status) => (status, printed),
        Err(error) => (error.exit, format!("{printed}{}", error.description)),
    }
}

const CONFIRM_DIEGO: [&str; 10] = [
    "agreements",
    "create",
    "--customer",
    "northwindtraders",
    "--first-name",
    "Diego",
    "--last-name",
    "Siciliani",
    "--email",
    "diego.siciliani@northwindtraders.com",
];

#[test]
fn a_confirmation_by_command_shows_in_an_open_account() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        open_account(&mut bob, NORTHWIND);
        assert!(screen(&mut bob).contains("Not confirmed"));

        let (status, printed) = command(&demo, &CONFIRM_DIEGO);
        assert_eq!(status, 0, "{}: {printed}", demo.kind);
        assert!(bob.follow());
        let now = screen(&mut bob);
        assert!(now.contains("Recorded by      Carl Script"), "{now}");
        assert_eq!(message(&bob), "Confirmed meanwhile by Carl Script.");
    }
}

#[test]
fn a_command_and_a_session_judge_a_duplicate_on_the_same_records() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        open_account(&mut bob, NORTHWIND);
        press(&mut bob, KeyCode::Char('u'));
        ctrl(&mut bob, 's');
        assert!(screen(&mut bob).contains("Recorded by      Bob Agent"));

        let (status, printed) = command(&demo, &CONFIRM_DIEGO);
        assert_eq!(status, 9, "{}: 600061, {printed}", demo.kind);
        assert!(
            printed.contains("PartnerConfirmedAgreementAlreadyExists"),
            "{printed}"
        );
        let stored = demo.core.store().dossier(NORTHWIND).unwrap().unwrap();
        assert_eq!(stored.confirmations.len(), 1);
    }
}

#[test]
fn a_seat_change_by_command_keeps_an_auto_renew_change_of_a_session_and_shows_in_it() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        open_account(&mut bob, CONTOSO);
        press(&mut bob, KeyCode::Char('a'));
        let (status, printed) = command(
            &demo,
            &[
                "subscriptions",
                "set-seats",
                "--customer",
                "contosoelectronics",
                "--subscription",
                CONTOSO_E3,
                "--quantity",
                "300",
            ],
        );
        assert_eq!(status, 0, "{}: {printed}", demo.kind);
        let stored = demo.core.store().dossier(CONTOSO).unwrap().unwrap();
        let e3 = stored.subscriptions.iter().find(|s| s.id == CONTOSO_E3);
        let e3 = e3.expect("Contoso's E3");
        assert_eq!(
            (e3.quantity, e3.auto_renew),
            (Some(300), false),
            "{}",
            demo.kind
        );

        assert!(bob.follow());
        assert_eq!(message(&bob), "Seats changed meanwhile by Carl Script.");
        let row = screen(&mut bob)
            .lines()
            .find(|line| line.contains("Microsoft 365 E3"))
            .expect("the E3 row")
            .to_string();
        assert!(row.contains("300") && row.contains("Off"), "{row}");
    }
}

#[test]
fn a_seat_change_by_a_command_of_an_earlier_day_leaves_a_later_session_its_later_count() {
    for demo in shared_demos("2019-06-01") {
        let set_seats = |today: &str, quantity: &str| {
            let args = [
                "subscriptions",
                "set-seats",
                "--customer",
                "contosoelectronics",
                "--subscription",
                CONTOSO_E3,
                "--quantity",
                quantity,
            ];
            let (status, printed) = command_on(&demo, today, &args);
            assert_eq!(status, 0, "{}: {printed}", demo.kind);
        };
        set_seats("2019-05-01", "300");
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        open_account(&mut bob, CONTOSO);
        // Earlier than Bob's day and than the change of May: Bob still sees 300, the count of
        // the latest day, and the change of January is kept before it.
        set_seats("2019-01-20", "270");
        assert!(bob.follow());
        let row = screen(&mut bob)
            .lines()
            .find(|line| line.contains("Microsoft 365 E3"))
            .expect("the E3 row")
            .to_string();
        assert!(row.contains("300"), "{}: {row}", demo.kind);
        let stored = demo.core.store().dossier(CONTOSO).unwrap().unwrap();
        let e3 = stored.subscriptions.iter().find(|s| s.id == CONTOSO_E3);
        assert_eq!(
            e3.expect("Contoso's E3").quantity,
            Some(300),
            "{}",
            demo.kind
        );
    }
}

#[test]
fn an_order_by_command_waits_for_a_confirmation_made_in_a_session() {
    // Commands are the API's face: its gate is shut from March 22, 2019.
    for demo in shared_demos(API_DAY) {
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        let order = [
            "orders",
            "create",
            "--customer",
            "northwindtraders",
            "--offer",
            "8BBCEA40-9A69-42FA-ABDC-DC6C5F8C6F72",
            "--quantity",
            "5",
        ];
        let (status, printed) = command(&demo, &order);
        assert_eq!(status, 10, "{}: the gate is closed, {printed}", demo.kind);

        open_account(&mut bob, NORTHWIND);
        press(&mut bob, KeyCode::Char('u'));
        ctrl(&mut bob, 's');
        let (status, printed) = command(&demo, &order);
        assert_eq!(status, 0, "{}: the gate is open, {printed}", demo.kind);
        assert!(bob.follow());
        assert_eq!(
            message(&bob),
            "An order was placed meanwhile by Carl Script."
        );
        assert!(screen(&mut bob).contains("Subscriptions (3)"));
    }
}

#[test]
fn a_customer_created_by_a_command_of_a_later_day_is_not_in_the_lists_of_the_sessions() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        let before = bob.app.ctx.customers.matches.len();
        let body = demo_dir_file(
            "later.json",
            r#"{"companyProfile":{"domain":"laterco.onmicrosoft.com"},"billingProfile":{"companyName":"Later Co","email":"ada@laterco.com","culture":"en-US","language":"en","firstName":"Ada","lastName":"Lovelace","defaultAddress":{"country":"US","addressLine1":"1 Main St","city":"Seattle","state":"WA","postalCode":"98101","firstName":"Ada","lastName":"Lovelace"}}}"#,
        );
        let (status, printed) = command_on(
            &demo,
            "2020-03-02",
            &["customers", "create", "--json", body.to_str().unwrap()],
        );
        assert_eq!(status, 0, "{}: {printed}", demo.kind);
        bob.follow();
        assert_eq!(bob.app.ctx.customers.matches.len(), before, "{}", demo.kind);
        assert!(!screen(&mut bob).contains("Later Co"), "{}", demo.kind);
        assert_eq!(
            pcenter::core::read(&demo.core.directory()).len(),
            before,
            "{}: the core's list holds the customers of its own day",
            demo.kind
        );
    }
}

#[test]
fn a_command_naming_another_environment_is_refused_by_the_owner_of_the_store() {
    for demo in shared_demos(MANDATORY_DAY) {
        let (status, printed) = command(&demo, &["--environment", "sandbox", "customers", "list"]);
        assert_eq!(status, 4, "{}: {printed}", demo.kind);
        assert!(printed.contains("production"), "{printed}");
        let (status, _) = command(&demo, &["--environment", "production", "customers", "list"]);
        assert_eq!(status, 0, "{}", demo.kind);
    }
}

/// A file for a command's --json, kept for the test's run.
fn demo_dir_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = tempfile::tempdir().unwrap().keep();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}
