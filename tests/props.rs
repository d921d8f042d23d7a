//! The dashboard under long random sequences of keys, pastes and resizes, on the demo data (all
//! customer states, public and national clouds), in every phase and role, rendered after every
//! step at sizes down to 1x1. After every step:
//!
//! - nothing panicked (in the app core or in rendering);
//! - every confirmation the session saved has valid fields and a date neither in the future nor
//!   before the Microsoft Cloud Agreement existed, and every customer it created is valid;
//! - in the mandatory phase, no order was created and no seat count changed for a public-cloud
//!   customer without a confirmation;
//! - a Helpdesk agent changed nothing.
//!
//! `PROPTEST_CASES` sets how many sequences run (default below); failures are not saved to
//! files: each one found is kept as a regression test at the end of this file.

mod common;

use common::*;
use pcenter::app::session::Session;
use pcenter::app::Action;
use pcenter::domain::agreement::Confirmation;
use pcenter::domain::customer::{self, Customer};
use pcenter::domain::fields::{self, EARLIEST_ACCEPTANCE};
use pcenter::domain::phase::Phase;
use pcenter::domain::role::Role;
use pcenter::store::Snapshot;
use pcenter::ui;
use proptest::prelude::*;
use proptest::test_runner::Config;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Terminal;

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

/// One step: a key, a paste, a resize, or a short run of actions a person would take to get
/// somewhere (open an account, save the prompt, submit an order, fill the wizard), so that
/// random sequences reach saves and orders often. The screen is drawn after each step.
type Step = Vec<Action>;

/// Characters a person, a paste or a broken terminal may send.
const CHARS: &[char] = &[
    'a', 'Z', '0', '5', '9', '@', '.', '-', ' ', '山', 'ë', '\u{308}', '🙂', 'ש', '\x1b', '\x07',
    '\0', '\x7f', '\u{9b}', '\u{202E}', '\u{200B}', '\r', '\n', '\t',
];

/// Pastes: valid values that lead somewhere, and hostile ones.
const PASTES: &[&str] = &[
    "Ada",
    "Lovelace",
    "ada@contoso.com",
    "+1 425 555 0100",
    "2018-09-01",
    "2018-11-01",
    "2018-11-07",
    "2099-01-01",
    "2018-02-30",
    "18-9-1",
    "0001-01-01",
    "2013-12-31",
    "25",
    "99999999999",
    "contoso",
    "US",
    "\x1b[31mRed\x1b[0m",
    "Evil\u{202E}Corp",
    "line\r\nbreak\n",
    "\t",
    "山田太郎",
    "Zoe\u{308}",
    "",
];

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        4 => prop::sample::select(vec![
            KeyCode::Tab, KeyCode::BackTab, KeyCode::Enter, KeyCode::Esc, KeyCode::Up,
            KeyCode::Down, KeyCode::Left, KeyCode::Right, KeyCode::Home, KeyCode::End,
            KeyCode::PageUp, KeyCode::PageDown, KeyCode::Backspace, KeyCode::Delete, KeyCode::F(1),
        ]),
        5 => prop::sample::select(vec!['n', 'o', 'u', 's', 'h', '/', '?', ' ', '+', '-', '1', '0', 'q', 'j', 'k'])
            .prop_map(KeyCode::Char),
        2 => prop::sample::select(CHARS).prop_map(KeyCode::Char),
        1 => any::<char>().prop_map(KeyCode::Char),
    ]
}

fn key() -> impl Strategy<Value = KeyEvent> {
    let modifiers = prop_oneof![
        12 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::ALT),
        1 => Just(KeyModifiers::CONTROL | KeyModifiers::ALT),
    ];
    let ctrl = prop::sample::select(vec!['s', 's', 'u', 'y', 'w', 'k', 'a', 'e', 'h', 'c'])
        .prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    prop_oneof![
        12 => (key_code(), modifiers, prop::bool::weighted(0.03)).prop_map(|(code, modifiers, release)| {
            let mut key = KeyEvent::new(code, modifiers);
            if release {
                key.kind = KeyEventKind::Release;
            }
            key
        }),
        2 => ctrl,
    ]
}

fn paste() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(PASTES).prop_map(str::to_string),
        2 => prop::collection::vec(prop::sample::select(CHARS), 0..40).prop_map(|c| c.into_iter().collect()),
        1 => (1usize..4_000).prop_map(|n| "Northwind ".repeat(n / 10 + 1)),
    ]
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        2 => Just((80, 24)),
        1 => Just((140, 40)),
        1 => Just((1, 1)),
        1 => Just((20, 5)),
        1 => (1u16..160, 1u16..50),
    ]
}

fn plain(code: KeyCode) -> Action {
    Action::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn control(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn typed(text: &str) -> Action {
    Action::Paste(text.to_string())
}

/// The New customer wizard filled in, with a prefix that may be taken and any acceptance date.
fn wizard(prefix: &str, date: &str) -> Step {
    let mut step = vec![plain(KeyCode::Char('n'))];
    for value in [
        "Tailspin Toys",
        prefix,
        "US",
        "1 Main St",
        "",
        "Redmond",
        "WA",
        "98052",
        "Ada",
        "Lovelace",
        "ada@tailspintoys.com",
        "",
    ] {
        step.extend([typed(value), plain(KeyCode::Tab)]);
    }
    // The box, the acceptance date, then Next and Submit.
    step.extend([
        plain(KeyCode::Char(' ')),
        plain(KeyCode::Tab),
        control('u'),
        typed(date),
        control('s'),
        control('s'),
    ]);
    step
}

fn journey() -> impl Strategy<Value = Step> {
    let date = prop::sample::select(PASTES);
    prop_oneof![
        3 => Just(vec![plain(KeyCode::Enter)]),
        2 => Just(vec![plain(KeyCode::Char('u')), control('s')]),
        2 => Just(vec![plain(KeyCode::Char('o')), control('s')]),
        2 => Just(vec![plain(KeyCode::Char(' ')), plain(KeyCode::Enter), control('s')]),
        2 => (1u32..400).prop_map(|n| vec![
            plain(KeyCode::Char('s')), control('u'), typed(&n.to_string()), control('s'),
        ]),
        1 => date.clone().prop_map(|date| {
            let mut step = vec![plain(KeyCode::Tab); 4];
            step.extend([control('u'), typed(date), control('s')]);
            step
        }),
        1 => (prop::sample::select(vec!["tailspintoys", "contosoelectronics", "Tail\u{202E}spin"]), date)
            .prop_map(|(prefix, date)| wizard(prefix, date)),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        30 => key().prop_map(|key| vec![Action::Key(key)]),
        3 => paste().prop_map(|text| vec![Action::Paste(text)]),
        1 => size().prop_map(|(w, h)| vec![Action::Resize(w, h)]),
        12 => journey(),
    ]
}

fn business_date() -> impl Strategy<Value = &'static str> {
    // Before confirmation existed, the optional phase, its last day, the mandatory phase.
    prop::sample::select(vec![
        "2018-07-01",
        OPTIONAL_DAY,
        "2018-11-06",
        MANDATORY_DAY,
        "2019-03-01",
    ])
}

fn role() -> impl Strategy<Value = Role> {
    prop::sample::select(vec![
        Role::AdminAgent,
        Role::SalesAgent,
        Role::HelpdeskAgent,
    ])
}

/// What the form would refuse in a stored customer.
fn customer_problems(c: &Customer) -> Vec<String> {
    let same = |check: Result<String, String>, value: &str| match check {
        Ok(clean) if clean == value => None,
        Ok(clean) => Some(format!("{value:?} is not in its cleaned form {clean:?}")),
        Err(message) => Some(message),
    };
    let a = &c.address;
    let mut problems: Vec<String> = [
        same(
            fields::required_text("Company name", &c.company_name, customer::COMPANY_NAME_MAX),
            &c.company_name,
        ),
        same(customer::domain_from_prefix(&c.domain), &c.domain),
        same(
            fields::required_text("Address line 1", &a.line1, customer::ADDRESS_LINE_MAX),
            &a.line1,
        ),
        same(
            fields::required_text("City", &a.city, customer::CITY_MAX),
            &a.city,
        ),
        same(
            fields::required_text("State", &a.state, customer::STATE_MAX),
            &a.state,
        ),
        same(
            fields::required_text("Postal code", &a.postal_code, customer::POSTAL_CODE_MAX),
            &a.postal_code,
        ),
        same(pcenter::domain::country::parse(&a.country), &a.country),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(line2) = &a.line2 {
        problems.extend(same(
            fields::required_text("Address line 2", line2, customer::ADDRESS_LINE_MAX),
            line2,
        ));
    }
    problems.extend(c.primary_contact.problems());
    problems
}

fn confirmation_problems(c: &Confirmation, business_date: chrono::NaiveDate) -> Vec<String> {
    let mut problems = c.accepted_by.problems();
    if c.date_agreed > business_date {
        problems.push(format!(
            "accepted on {}, after the business date",
            c.date_agreed
        ));
    }
    if c.date_agreed < EARLIEST_ACCEPTANCE {
        problems.push(format!(
            "accepted on {}, before the agreement existed",
            c.date_agreed
        ));
    }
    problems
}

/// Checks what one step changed in the store.
fn check_step(
    session: &Session,
    initial: &Snapshot,
    before: &Snapshot,
    after: &Snapshot,
) -> Result<(), TestCaseError> {
    let actor = &session.app.ctx.actor;
    if actor.role == Role::HelpdeskAgent {
        prop_assert_eq!(after, initial, "a Helpdesk agent changed the store");
    }
    for c in after
        .confirmations
        .iter()
        .filter(|c| !before.confirmations.contains(c))
    {
        let problems = confirmation_problems(c, actor.business_date);
        prop_assert!(problems.is_empty(), "saved {:?}: {:?}", c, problems);
    }
    for c in after
        .customers
        .iter()
        .filter(|c| !before.customers.contains(c))
    {
        let problems = customer_problems(c);
        prop_assert!(problems.is_empty(), "created {:?}: {:?}", c, problems);
    }
    if Phase::on(actor.business_date) != Phase::Mandatory {
        return Ok(());
    }
    let unconfirmed_public = |customer_id: &str| {
        let customer = before.customers.iter().find(|c| c.id == customer_id);
        customer.is_some_and(|c| c.cloud.supports_confirmation())
            && !before
                .confirmations
                .iter()
                .any(|c| c.customer_id == customer_id)
    };
    for order in after.orders.iter().filter(|o| !before.orders.contains(o)) {
        prop_assert!(
            !unconfirmed_public(&order.customer_id),
            "order {:?} for an unconfirmed customer",
            order
        );
    }
    for sub in &after.subscriptions {
        let was = before.subscriptions.iter().find(|s| s.id == sub.id);
        if was.is_some_and(|was| was.quantity != sub.quantity) {
            prop_assert!(
                !unconfirmed_public(&sub.customer_id),
                "seats of {:?} changed for an unconfirmed customer",
                sub
            );
        }
    }
    Ok(())
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
