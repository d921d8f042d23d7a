//! A change made in one session shows in the others once they follow the core, with no key
//! pressed: the Customers list (status, subscription count, a new customer in its place, the
//! filter applied to it), an open Account and its history.

use crate::common::*;
use crate::support::*;
use pcenter::app::session::Session;
use pcenter::domain::role::Role;
use ratatui::crossterm::event::KeyCode;

const WINGTIP: &str = "8e8bc208"; // Wingtip Toys Ltd, the only demo customer "toys" finds

/// The screen row of the Customers list that names `company`.
fn list_row(s: &mut Session, company: &str) -> String {
    let screen = screen(s);
    screen
        .lines()
        .find(|line| line.contains(company))
        .unwrap_or_else(|| panic!("no row of {company}:\n{screen}"))
        .trim_matches('"')
        .trim_end()
        .to_string()
}

/// The subscription count a row of the Customers list shows (its last column).
fn subs(row: &str) -> &str {
    row.split_whitespace().last().unwrap_or_default()
}

/// Ann confirms Northwind from its Account page, with the contact the form offers.
fn ann_confirms_northwind(ann: &mut Session) {
    open_account(ann, NORTHWIND);
    press(ann, KeyCode::Char('u'));
    ctrl(ann, 's');
    assert_eq!(
        message(ann),
        "Customer acceptance of the Microsoft Cloud Agreement is confirmed."
    );
}

#[test]
fn a_confirmation_shows_in_another_agents_list_with_no_key_pressed() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut ann = demo.open("Ann Agent", Role::AdminAgent);
        let mut bob = demo.open("Bob Agent", Role::SalesAgent);
        assert!(list_row(&mut bob, "Northwind Traders").contains("Not confirmed"));

        ann_confirms_northwind(&mut ann);
        assert!(bob.follow(), "{}: Bob was told", demo.kind);
        let row = list_row(&mut bob, "Northwind Traders");
        assert!(row.contains("Confirmed") && !row.contains("Not"), "{row}");
        assert!(!bob.follow(), "each change is told once");
    }
}

#[test]
fn a_confirmation_shows_in_another_agents_open_account_and_its_history() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut ann = demo.open("Ann Agent", Role::AdminAgent);
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        open_account(&mut bob, NORTHWIND);
        press(&mut bob, KeyCode::Char('h'));
        let before = screen(&mut bob);
        assert!(before.contains("Not confirmed"), "{before}");
        assert!(before.contains("Confirmation history (0)"), "{before}");

        ann_confirms_northwind(&mut ann);
        let stale = screen(&mut bob);
        assert!(
            stale.contains("Not confirmed"),
            "nothing shows before Bob follows"
        );
        assert!(bob.follow());
        let now = screen(&mut bob);
        assert!(
            now.contains("Confirmed: customer acceptance has been provided"),
            "{now}"
        );
        assert!(
            now.contains("Recorded by      Ann Agent on 2018-11-14"),
            "{now}"
        );
        assert!(now.contains("Confirmation history (1)"), "{now}");
        assert!(
            now.contains("2018-11-14  Diego Siciliani           Ann Agent"),
            "{now}"
        );
        assert_eq!(message(&bob), "Confirmed meanwhile by Ann Agent.");
        insta::assert_snapshot!("bob_sees_northwind_confirmed_meanwhile_80x24", now);
        assert!(
            matches!(bob.app.screen, pcenter::app::screens::Screen::Account(_)),
            "Bob stays where he was"
        );
    }
}

#[test]
fn an_order_shows_in_another_agents_list_and_account_with_its_subscription_count() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut ann = demo.open("Ann Agent", Role::AdminAgent);
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        let mut carol = demo.open("Carol Agent", Role::AdminAgent);
        assert_eq!(subs(&list_row(&mut bob, "Contoso Electronics")), "3");
        open_account(&mut carol, CONTOSO);
        assert!(screen(&mut carol).contains("Subscriptions (3)"));

        // Ann orders Microsoft 365 E3 for Contoso (confirmed): the first offer, its default seats.
        select_customer(&mut ann, CONTOSO);
        press(&mut ann, KeyCode::Char('o'));
        press(&mut ann, KeyCode::Char(' '));
        press(&mut ann, KeyCode::Enter);
        ctrl(&mut ann, 's');
        // (The store holds Contoso's Azure plan of October 2019 too.)
        let day = demo.core.business_date();
        assert_eq!(
            demo.core
                .store()
                .dossier(CONTOSO)
                .unwrap()
                .unwrap()
                .as_of(day)
                .unwrap()
                .subscriptions
                .len(),
            4,
            "{}: {}",
            demo.kind,
            message(&ann)
        );

        assert!(bob.follow() && carol.follow());
        let row = list_row(&mut bob, "Contoso Electronics");
        assert_eq!(subs(&row), "4", "{row}");
        let account = screen(&mut carol);
        assert!(account.contains("Subscriptions (4)"), "{account}");
        assert_eq!(
            message(&carol),
            "An order was placed meanwhile by Ann Agent."
        );
    }
}

/// Ann creates a customer with the New customer wizard, confirming its acceptance (the
/// mandatory phase asks for it).
fn ann_creates(ann: &mut Session, company: &str, prefix: &str) {
    press(ann, KeyCode::Char('n'));
    for value in [
        company,
        prefix,
        "US",
        "1 Main St",
        "",
        "Redmond",
        "WA",
        "98052",
        "Ada",
        "Lovelace",
        "ada@example.com",
        "",
    ] {
        type_text(ann, value);
        press(ann, KeyCode::Enter);
    }
    // The customer has accepted the agreement; date → Update → Next: Subscriptions, then
    // Next: Review (none chosen), then Submit.
    press(ann, KeyCode::Char(' '));
    keys(ann, "\t\t\t\n\n\n");
    assert_eq!(message(ann), format!("{company} was created."));
    press(ann, KeyCode::Enter); // Done, on the Confirmation
}

#[test]
fn a_new_customer_takes_its_place_in_another_list_and_the_selection_stays() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut ann = demo.open("Ann Agent", Role::AdminAgent);
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        // Bob selects Wingtip Toys, then clears the filter: the whole list, Wingtip selected.
        select_customer(&mut bob, &wingtip(&demo));
        press(&mut bob, KeyCode::Esc);
        assert_eq!(bob.app.ctx.customers.matches.len(), 31);
        let selected = |s: &Session| {
            let directory = pcenter::core::read(&s.app.ctx.directory);
            let entry = s
                .app
                .ctx
                .customers
                .selected_entry(&directory)
                .expect("a selection");
            entry.company_name.to_string()
        };
        assert_eq!(selected(&bob), "Wingtip Toys Ltd");

        // Before Wingtip in the list, after it, and first of all.
        ann_creates(&mut ann, "Tailspin Toys", "tailspintoys");
        ann_creates(&mut ann, "Zenith Yachts", "zenithyachts");
        ann_creates(&mut ann, "Aardvark Analytics", "aardvarkanalytics");
        assert!(bob.follow());
        assert_eq!(bob.app.ctx.customers.matches.len(), 34, "{}", demo.kind);
        assert_eq!(selected(&bob), "Wingtip Toys Ltd", "{}", demo.kind);
        // Every row of Bob's list is the store's row at that place.
        // (as of the business date: the demo's customers of later days are not there yet)
        let listed: Vec<String> =
            pcenter::directory::rows_on(demo.core.store(), demo.core.business_date())
                .unwrap()
                .into_iter()
                .map(|row| row.company_name)
                .collect();
        let directory = pcenter::core::read(&bob.app.ctx.directory);
        for (index, name) in listed.iter().enumerate() {
            let rank = bob.app.ctx.customers.matches.rank(index).expect("a row");
            assert_eq!(&directory.get(rank).unwrap().company_name, name);
        }
        drop(directory);
        let page = screen(&mut bob);
        assert!(page.contains("› Wingtip Toys Ltd"), "{page}");
    }
}

/// Wingtip Toys' tenant ID, found by its prefix.
fn wingtip(demo: &SharedDemo) -> String {
    demo.core
        .store()
        .customer_id_by_domain("wingtiptoys.onmicrosoft.com")
        .unwrap()
        .filter(|id| id.starts_with(WINGTIP))
        .expect("Wingtip Toys")
}

#[test]
fn another_list_applies_its_filter_to_a_new_customer() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut ann = demo.open("Ann Agent", Role::AdminAgent);
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        press(&mut bob, KeyCode::Char('/'));
        type_text(&mut bob, "toys");
        press(&mut bob, KeyCode::Enter);
        assert_eq!(bob.app.ctx.customers.matches.len(), 1);

        ann_creates(&mut ann, "Tailspin Toys", "tailspintoys");
        ann_creates(&mut ann, "Fabrikam Outlet", "fabrikamoutlet");
        assert!(bob.follow());
        let page = screen(&mut bob);
        assert!(page.contains("2 of 33 customers"), "{}: {page}", demo.kind);
        assert!(page.contains("Tailspin Toys"), "{page}");
        assert!(!page.contains("Fabrikam Outlet"), "{page}");
        assert!(
            page.contains("› Wingtip Toys Ltd"),
            "the selection stays: {page}"
        );
    }
}

#[test]
fn a_domain_another_agent_just_took_is_refused_on_the_store() {
    for demo in shared_demos(MANDATORY_DAY) {
        let mut ann = demo.open("Ann Agent", Role::AdminAgent);
        let mut bob = demo.open("Bob Agent", Role::AdminAgent);
        // Bob fills the wizard up to the review, then Ann creates a customer with that domain.
        press(&mut bob, KeyCode::Char('n'));
        for value in [
            "Tailspin Toys Ltd",
            "tailspintoys",
            "US",
            "2 Main St",
            "",
            "Redmond",
            "WA",
            "98052",
            "Bo",
            "Berg",
            "bo@example.com",
            "",
        ] {
            type_text(&mut bob, value);
            press(&mut bob, KeyCode::Enter);
        }
        press(&mut bob, KeyCode::Char(' '));
        keys(&mut bob, "\t\t\t\n\n"); // Next: Subscriptions, Next: Review
        ann_creates(&mut ann, "Tailspin Toys", "tailspintoys");
        press(&mut bob, KeyCode::Enter); // Submit, without following first.
        let taken = demo
            .core
            .store()
            .load()
            .unwrap()
            .customers
            .iter()
            .filter(|c| c.domain == "tailspintoys.onmicrosoft.com")
            .map(|c| c.company_name.clone())
            .collect::<Vec<_>>();
        assert_eq!(taken, ["Tailspin Toys"], "{}", demo.kind);
        let page = screen(&mut bob);
        assert!(
            page.contains("Submit created nothing: the primary domain was taken meanwhile."),
            "{page}"
        );
        assert!(
            page.contains("[Tailspin Toys Ltd "),
            "what Bob typed stays: {page}"
        );
    }
}

#[test]
fn a_list_loaded_before_a_session_joined_is_not_left_loading_in_it() {
    // A session made while the list loads, joined to the core only after it finished (the
    // moment between reading the core's state and subscribing to its notices).
    let store = pcenter::store::MemoryStore::with_snapshot(pcenter::assets::demo_snapshot());
    let day: chrono::NaiveDate = MANDATORY_DAY.parse().unwrap();
    let rows = pcenter::directory::rows_on(&store, day).unwrap();
    let indexing = pcenter::core::Indexing {
        loaded: 1,
        total: rows.len(),
    };
    let core = std::sync::Arc::new(pcenter::core::Core::with_directory(
        Box::new(store),
        Box::new(fixed_clock(MANDATORY_DAY)),
        day,
        "Fabrikam".into(),
        pcenter::directory::Directory::from_rows(rows[..1].to_vec()),
        Some(indexing),
    ));
    let app = pcenter::app::App::with_directory(
        actor("Ann Agent", Role::AdminAgent, MANDATORY_DAY),
        "Fabrikam".into(),
        pcenter::book::Book::default(),
        core.directory(),
        core.indexing(),
        (80, 24),
    );
    core.take_directory(pcenter::directory::Directory::from_rows(rows.clone()));
    let mut session = pcenter::app::session::Session::join(core, app);
    assert_eq!(session.app.ctx.indexing, None);
    let page = screen(&mut session);
    assert!(
        !page.contains("Loading") && page.contains(&format!("({} customers)", rows.len())),
        "{page}"
    );
}
