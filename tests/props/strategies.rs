//! What a case is made of: the business date, the role, the first terminal size, and the
//! steps, drawn with weights that keep most steps plain keys yet reach saves often.

use crate::common::*;
use pcenter::app::Action;
use pcenter::domain::role::Role;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// One step: a key, a paste, a resize, or a short run of actions a person would take to get
/// somewhere (open an account, save the prompt, submit an order, fill the wizard), so that
/// random sequences reach saves and orders often. The screen is drawn after each step.
pub type Step = Vec<Action>;

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
    "2019-12-15",
    "2020-02-01",
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

pub fn size() -> impl Strategy<Value = (u16, u16)> {
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
    // The box, the acceptance date, then Next: Subscriptions, Next: Review, Submit and Done.
    step.extend([
        plain(KeyCode::Char(' ')),
        plain(KeyCode::Tab),
        control('u'),
        typed(date),
        control('s'),
        control('s'),
        control('s'),
        control('s'),
    ]);
    step
}

pub fn journey() -> impl Strategy<Value = Step> {
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

pub fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        30 => key().prop_map(|key| vec![Action::Key(key)]),
        3 => paste().prop_map(|text| vec![Action::Paste(text)]),
        1 => size().prop_map(|(w, h)| vec![Action::Resize(w, h)]),
        12 => journey(),
    ]
}

pub fn business_date() -> impl Strategy<Value = &'static str> {
    // Before confirmation existed, the optional phase, its last day, the mandatory phase (with
    // the API's gate from March 2019), the first day of the Microsoft Customer Agreement, both
    // agreements, the last day of the Microsoft Cloud Agreement, the Customer Agreement alone.
    prop::sample::select(vec![
        "2018-07-01",
        OPTIONAL_DAY,
        "2018-11-06",
        MANDATORY_DAY,
        "2019-03-01",
        "2019-03-21",
        "2019-03-22",
        "2019-10-01",
        "2019-12-15",
        "2020-01-31",
        "2020-02-01",
    ])
}

pub fn role() -> impl Strategy<Value = Role> {
    prop::sample::select(vec![
        Role::AdminAgent,
        Role::SalesAgent,
        Role::HelpdeskAgent,
    ])
}
