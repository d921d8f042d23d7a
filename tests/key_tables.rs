//! The key tables are the only source of what a key does. In every context of the dashboard,
//! every key of a wide set is pressed on a fresh session: a key that no table in force binds
//! changes nothing at all, and a key that one binds does what its command says (a list moves as
//! its words say, help opens and closes, the rest changes the screen or asks for work).

mod common;

use common::*;
use pcenter::app::keys::{self, Command};
use pcenter::app::screens::new_customer::{Field, WizardStep};
use pcenter::app::screens::{account, customers, Focus, Screen};
use pcenter::app::session::Session;
use pcenter::app::{update, Action, App, Effect};
use pcenter::domain::role::Role;
use pcenter::locale::Lang;
use pcenter::store::{MemoryStore, Snapshot};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::cell::Cell;
use std::sync::OnceLock;

/// A customer with two confirmations on record.
const ATELIER: &str = "e7eb4d5a-e5be-4d46-b94a-4b4be7428976";

thread_local! {
    /// The language of the sessions this thread starts.
    static LANG: Cell<Lang> = const { Cell::new(Lang::English) };
}

/// A session over the demo data, read once for the thousands of sessions this test starts.
fn session(role: Role) -> Session {
    static DEMO: OnceLock<Snapshot> = OnceLock::new();
    let demo = DEMO.get_or_init(pcenter::assets::demo_snapshot).clone();
    let mut s = session_over(
        Box::new(MemoryStore::with_snapshot(demo)),
        OPTIONAL_DAY,
        role,
    );
    s.app.ctx.lang = LANG.get();
    s
}

fn admin() -> Session {
    session(Role::AdminAgent)
}

fn times(s: &mut Session, code: KeyCode, count: usize) {
    for _ in 0..count {
        press(s, code);
    }
}

/// Leaves a text box holding "cont" with the cursor before the "t" and "xy" ready to be put
/// back, so that every editing key has something to do.
fn edit_ready(s: &mut Session) {
    ctrl(s, 'u');
    type_text(s, "coxy");
    times(s, KeyCode::Left, 2);
    ctrl(s, 'k');
    type_text(s, "nt");
    press(s, KeyCode::Left);
}

/// Presses Tab until the New customer wizard's focus is of this kind.
fn wizard_focus(s: &mut Session, kind: Focus) {
    for _ in 0..40 {
        if let Screen::NewCustomer(wizard) = &s.app.screen {
            if wizard.focus() == kind {
                return;
            }
        }
        press(s, KeyCode::Tab);
    }
    panic!("the wizard never focused a {kind:?}");
}

fn fill_account_info(s: &mut Session) {
    keys(
        s,
        "Tailspin Toys\ttailspintoys\tUS\t1 Microsoft Way\t\tRedmond\tWA\t98052\t",
    );
    keys(s, "Adele\tVance\tadele@tailspintoys.com\t+1 425 555 0100\t");
}

/// A named way to bring a fresh session into one context.
type Context = (&'static str, fn() -> Session);

fn contexts() -> Vec<Context> {
    vec![
        ("customers", || {
            let mut s = admin();
            times(&mut s, KeyCode::Down, 10);
            s
        }),
        ("customers, empty store", || {
            let store = MemoryStore::with_snapshot(Snapshot::default());
            let mut s = session_over(Box::new(store), OPTIONAL_DAY, Role::AdminAgent);
            s.app.ctx.lang = LANG.get();
            s
        }),
        ("customers, helpdesk agent", || {
            let mut s = session(Role::HelpdeskAgent);
            times(&mut s, KeyCode::Down, 3);
            s
        }),
        ("customers, filtered", || {
            let mut s = admin();
            keys(&mut s, "/o\n");
            times(&mut s, KeyCode::Down, 2);
            s
        }),
        ("customers, filter box", || {
            let mut s = admin();
            press(&mut s, KeyCode::Char('/'));
            edit_ready(&mut s);
            s
        }),
        ("account", || {
            let mut s = admin();
            open_account(&mut s, CONTOSO);
            press(&mut s, KeyCode::Down);
            s
        }),
        ("account, national cloud", || {
            let mut s = admin();
            open_account(&mut s, BAECKEREI);
            s
        }),
        ("account, helpdesk agent", || {
            let mut s = session(Role::HelpdeskAgent);
            open_account(&mut s, NORTHWIND);
            s
        }),
        ("account, history", || {
            let mut s = admin();
            open_account(&mut s, ATELIER);
            press(&mut s, KeyCode::Char('h'));
            s
        }),
        ("seat editor, box", || {
            let mut s = admin();
            open_account(&mut s, CONTOSO);
            press(&mut s, KeyCode::Char('s'));
            edit_ready(&mut s);
            s
        }),
        ("seat editor, button", || {
            let mut s = admin();
            open_account(&mut s, CONTOSO);
            press(&mut s, KeyCode::Char('s'));
            press(&mut s, KeyCode::Tab);
            s
        }),
        ("new customer, text box", || {
            let mut s = admin();
            press(&mut s, KeyCode::Char('n'));
            edit_ready(&mut s);
            s
        }),
        ("new customer, checkbox", || {
            let mut s = admin();
            press(&mut s, KeyCode::Char('n'));
            wizard_focus(&mut s, Focus::Checkbox);
            s
        }),
        ("new customer, button", || {
            let mut s = admin();
            press(&mut s, KeyCode::Char('n'));
            wizard_focus(&mut s, Focus::Button);
            s
        }),
        ("new customer, subscriptions", || {
            let mut s = admin();
            press(&mut s, KeyCode::Char('n'));
            fill_account_info(&mut s);
            ctrl(&mut s, 's');
            times(&mut s, KeyCode::Down, 5);
            keys(&mut s, " 5");
            s
        }),
        ("new customer, subscriptions, button", || {
            let mut s = admin();
            press(&mut s, KeyCode::Char('n'));
            fill_account_info(&mut s);
            ctrl(&mut s, 's');
            press(&mut s, KeyCode::Tab);
            s
        }),
        ("new customer, review", || {
            let mut s = admin();
            press(&mut s, KeyCode::Char('n'));
            fill_account_info(&mut s);
            ctrl(&mut s, 's');
            ctrl(&mut s, 's');
            s
        }),
        ("new customer, confirmation", || {
            let mut s = admin();
            press(&mut s, KeyCode::Char('n'));
            // A domain no demo customer holds, so that Submit creates it.
            keys(
                &mut s,
                "Proseware\tproseware\tUS\t1 Main St\t\tRedmond\tWA\t98052\t",
            );
            keys(&mut s, "Adele\tVance\tadele@proseware.com\t\t");
            for _ in 0..3 {
                ctrl(&mut s, 's'); // Next, Next, Submit
            }
            assert!(
                matches!(&s.app.screen, Screen::NewCustomer(w) if w.step == WizardStep::Confirmation),
                "on the Confirmation"
            );
            s
        }),
        ("update form, text box", || {
            let mut s = admin();
            open_account(&mut s, CONTOSO);
            press(&mut s, KeyCode::Char('u'));
            edit_ready(&mut s);
            s
        }),
        ("update form, button", || {
            let mut s = admin();
            open_account(&mut s, CONTOSO);
            press(&mut s, KeyCode::Char('u'));
            press(&mut s, KeyCode::BackTab);
            s
        }),
        ("new order", || {
            let mut s = admin();
            open_account(&mut s, CONTOSO);
            press(&mut s, KeyCode::Char('o'));
            times(&mut s, KeyCode::Down, 5);
            keys(&mut s, " 5");
            s
        }),
        ("new order, review", || {
            let mut s = admin();
            open_account(&mut s, CONTOSO);
            press(&mut s, KeyCode::Char('o'));
            keys(&mut s, " \n");
            s
        }),
        ("unsaved changes", || {
            let mut s = admin();
            press(&mut s, KeyCode::Char('n'));
            type_text(&mut s, "Tail");
            press(&mut s, KeyCode::Esc);
            s
        }),
        ("help", || {
            let mut s = admin();
            press(&mut s, KeyCode::Char('?'));
            s
        }),
        ("help over a text box", || {
            let mut s = admin();
            press(&mut s, KeyCode::Char('n'));
            press(&mut s, KeyCode::F(1));
            s
        }),
        ("terminal too small", || {
            let mut s = admin();
            s.handle(Action::Resize(40, 10));
            s
        }),
        ("terminal too small, unsaved changes", || {
            let mut s = admin();
            press(&mut s, KeyCode::Char('n'));
            type_text(&mut s, "Tail");
            s.handle(Action::Resize(40, 10));
            s
        }),
    ]
}

/// Every key a person may press: every printable ASCII character, a few others, Ctrl and
/// Alt with letters, and the named keys alone and with Shift and Ctrl.
fn every_key() -> Vec<KeyEvent> {
    let mut keys = vec![];
    let key = |code, modifiers| KeyEvent::new(code, modifiers);
    for c in (' '..='~').chain(['é', '山']) {
        keys.push(key(KeyCode::Char(c), KeyModifiers::NONE));
    }
    for c in ['A', 'Q', '?'] {
        keys.push(key(KeyCode::Char(c), KeyModifiers::SHIFT));
    }
    for c in 'a'..='z' {
        keys.push(key(KeyCode::Char(c), KeyModifiers::CONTROL));
        keys.push(key(KeyCode::Char(c), KeyModifiers::ALT));
    }
    let named = [
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Tab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Insert,
    ];
    for code in named.into_iter().chain((1..=12).map(KeyCode::F)) {
        for modifiers in [
            KeyModifiers::NONE,
            KeyModifiers::SHIFT,
            KeyModifiers::CONTROL,
        ] {
            keys.push(key(code, modifiers));
        }
    }
    keys.push(key(KeyCode::BackTab, KeyModifiers::SHIFT));
    keys
}

/// Where the selection of the list on screen is: (row, rows, rows per page).
fn position(app: &App) -> Option<(usize, usize, usize)> {
    let ctx = &app.ctx;
    match &app.screen {
        Screen::Customers => Some((
            ctx.customers.selected,
            ctx.customers.matches.len(),
            customers::page_rows(ctx.size),
        )),
        Screen::Account(account) if account.seat_editor.is_none() => {
            let page = account::page_rows(ctx.size, account.show_history);
            Some(if account.show_history {
                let rows = ctx.book.confirmations(&account.customer_id).len();
                (account.history_selected, rows, page)
            } else {
                let rows = ctx.book.subscriptions(&account.customer_id).len();
                (account.selected, rows, page)
            })
        }
        Screen::Order(order) => Some((order.cursor, order.lines.len(), order.lines.len())),
        Screen::NewCustomer(wizard)
            if wizard.step == WizardStep::Subscriptions && wizard.form.focus == Field::Offers =>
        {
            let offers = &wizard.offers;
            Some((offers.cursor, offers.lines.len(), offers.lines.len()))
        }
        _ => None,
    }
}

/// Where a movement command must leave the selection.
fn moved(command: Command, (row, rows, page): (usize, usize, usize)) -> Option<usize> {
    let last = rows.saturating_sub(1);
    Some(match command {
        Command::Up => row.saturating_sub(1),
        Command::Down => (row + 1).min(last),
        Command::PageUp => row.saturating_sub(page),
        Command::PageDown => (row + page).min(last),
        Command::Top => 0,
        Command::Bottom => last,
        _ => return None,
    })
}

/// Everything a key can change: the records change only when requested work is done.
fn state(app: &App) -> String {
    let ctx = &app.ctx;
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?}",
        app.screen, app.leave_prompt, ctx.customers, ctx.flash, ctx.help_open, ctx.size
    )
}

/// What pressing `key` in a fresh session of `context` breaks, if anything.
fn check(context: &Context, key: KeyEvent) -> Option<String> {
    let (name, start) = context;
    let mut s = start();
    s.app.ctx.flash = None;
    let command = keys::lookup(&s.app.bindings(), &key);
    let before = state(&s.app);
    let was_at = position(&s.app);
    let effects = update(&mut s.app, Action::Key(key));
    let changed = state(&s.app) != before;
    let did_something = changed || !effects.is_empty();
    let fault = match command {
        None if did_something => Some("no table binds it, yet it did something".to_string()),
        None => None,
        Some(Command::QuitNow) if effects != [Effect::Quit] => Some("did not quit".into()),
        Some(Command::Quit) if effects != [Effect::Quit] && s.app.leave_prompt.is_none() => {
            Some("neither quit nor asked first".into())
        }
        Some(Command::Help) if !s.app.ctx.help_open => Some("did not open the help".into()),
        Some(Command::CloseHelp) if s.app.ctx.help_open => Some("did not close the help".into()),
        Some(command) => match was_at.and_then(|at| moved(command, at).map(|to| (at, to))) {
            Some((at, to)) => {
                let now = position(&s.app).map(|(row, _, _)| row);
                (now != Some(to)).then(|| {
                    format!(
                        "{command:?} should move from row {} to {to}, moved to {now:?}",
                        at.0
                    )
                })
            }
            None => (!did_something).then(|| format!("{command:?} did nothing")),
        },
    };
    fault.map(|fault| format!("{name}: {key:?} ({command:?}): {fault}"))
}

#[test]
fn every_key_does_what_its_table_says_and_no_other_key_does_anything() {
    let keys = every_key();
    // Thousands of fresh sessions: the contexts are tried side by side.
    let faults: Vec<String> = std::thread::scope(|scope| {
        let tried: Vec<_> = contexts()
            .into_iter()
            .map(|context| {
                let keys = &keys;
                scope.spawn(move || {
                    keys.iter()
                        .filter_map(|key| check(&context, *key))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        tried
            .into_iter()
            .flat_map(|thread| thread.join().expect("a context panicked"))
            .collect()
    });
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn every_table_is_in_force_in_some_context_tried() {
    // A table no context uses would escape the test above.
    let mut used: Vec<String> = vec![];
    for (_, start) in contexts() {
        let s = start();
        let mut tables = s.app.bindings();
        tables.extend(s.app.screen_bindings());
        used.extend(tables.iter().map(|t| signature(t)));
    }
    for (name, table) in [
        ("ALWAYS", keys::ALWAYS),
        ("TOO_SMALL", keys::TOO_SMALL),
        ("HELP", keys::HELP),
        ("GENERAL", keys::GENERAL),
        ("LIST", keys::LIST),
        ("CUSTOMERS", keys::CUSTOMERS),
        ("CUSTOMERS_FILTERED", keys::CUSTOMERS_FILTERED),
        ("FILTER", keys::FILTER),
        ("ACCOUNT_UPDATE", keys::ACCOUNT_UPDATE),
        ("ACCOUNT_NO_UPDATE", keys::ACCOUNT_NO_UPDATE),
        ("ACCOUNT", keys::ACCOUNT),
        ("ACCOUNT_HISTORY", keys::ACCOUNT_HISTORY),
        ("FORM", keys::FORM),
        ("PRIMARY_NEXT", keys::PRIMARY_NEXT),
        ("PRIMARY_NEXT_REVIEW", keys::PRIMARY_NEXT_REVIEW),
        ("PRIMARY_SUBMIT", keys::PRIMARY_SUBMIT),
        ("PRIMARY_SAVE", keys::PRIMARY_SAVE),
        ("ESC_CANCEL", keys::ESC_CANCEL),
        ("ESC_BACK", keys::ESC_BACK),
        ("TEXT_FIELD", keys::TEXT_FIELD),
        ("TEXT_FIELD_SUBMITS", keys::TEXT_FIELD_SUBMITS),
        ("TEXT_HELP", keys::TEXT_HELP),
        ("TEXT_EDITING", keys::TEXT_EDITING),
        ("BUTTON", keys::BUTTON),
        ("CHECKBOX", keys::CHECKBOX),
        ("LEAVE", keys::LEAVE),
        ("OFFER_LIST", keys::OFFER_LIST),
        ("ORDER_PICK", keys::ORDER_PICK),
        ("NEW_CUSTOMER_OFFERS", keys::NEW_CUSTOMER_OFFERS),
        ("NEW_CUSTOMER_DONE", keys::NEW_CUSTOMER_DONE),
    ] {
        assert!(used.contains(&signature(table)), "no context uses {name}");
    }
}

/// A table told by its keys and commands (its words are functions, with no stable address).
fn signature(table: &[keys::Binding]) -> String {
    let entries: Vec<String> = table
        .iter()
        .map(|b| format!("{:?} {:?}", b.keys, b.command))
        .collect();
    entries.join("; ")
}

#[test]
fn at_80x24_every_footer_keeps_help_and_every_help_shows_whole() {
    for (name, start) in contexts() {
        let mut s = start();
        if !s.app.ctx.fits() {
            continue;
        }
        let screen = render(&mut s, 80, 24).to_string();
        let footer = screen.lines().last().unwrap();
        assert!(
            footer.contains("? Help") || footer.contains("Close help"),
            "{name}: {footer}"
        );
        s.app.ctx.help_open = true;
        let help = render(&mut s, 80, 24).to_string();
        assert!(help.contains("Close this help"), "{name}:\n{help}");
    }
}

/// Every context, started in Korean, shows no English word of the dashboard's own: its screen,
/// footer and message line, then its help, at 80x24 and 120x40.
#[test]
fn every_context_and_its_help_speak_korean() {
    LANG.set(Lang::Korean);
    for (name, start) in contexts() {
        for (width, height) in [(80, 24), (120, 40)] {
            let mut s = start();
            // The temporary password the wizard made up is data, not words, even in part.
            let password = match &s.app.screen {
                Screen::NewCustomer(wizard) => wizard
                    .created
                    .as_ref()
                    .map(|created| created.credentials.password.clone()),
                _ => None,
            }
            .unwrap_or_default();
            let check = |what: String, screen: String| {
                let english: Vec<String> = english_words(&screen)
                    .into_iter()
                    .filter(|word| !password.contains(word.as_str()))
                    .collect();
                assert!(
                    english.is_empty(),
                    "{what} shows English words {english:?} in Korean:\n{screen}"
                );
            };
            let screen = screen_text(&render(&mut s, width, height));
            check(format!("{name} at {width}x{height}"), screen);
            if s.app.ctx.fits() && !s.app.ctx.help_open {
                press(&mut s, KeyCode::F(1));
                assert!(s.app.ctx.help_open, "{name}: F1 opens help");
                let help = screen_text(&render(&mut s, width, height));
                check(format!("help of {name} at {width}x{height}"), help);
            }
        }
    }
}
