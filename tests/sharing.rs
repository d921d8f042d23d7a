//! Several sessions of one shared core, and commands through it, with no terminal: what one
//! agent does shows in every other session, and every rule is decided on the store's current
//! records, never on what a session last saw. Each test runs on the demo data in a memory store
//! and in a sled store on disk.

#[path = "sharing/commands.rs"]
mod commands;
mod common;
#[path = "sharing/concurrent.rs"]
mod concurrent;
#[path = "sharing/concurrent_checks.rs"]
mod concurrent_checks;
#[path = "sharing/import_race.rs"]
mod import_race;
#[path = "sharing/live.rs"]
mod live;
#[path = "sharing/same_customer.rs"]
mod same_customer;
#[path = "sharing/workload.rs"]
mod workload;

/// Accessors that name the screen a test expects.
mod support {
    use pcenter::app::screens::acceptance::AcceptanceForm;
    use pcenter::app::screens::account::Account;
    use pcenter::app::screens::order::NewOrder;
    use pcenter::app::screens::Screen;
    use pcenter::app::session::Session;

    pub fn acceptance(s: &Session) -> &AcceptanceForm {
        match &s.app.screen {
            Screen::Acceptance(form) => form,
            other => panic!(
                "expected the acceptance form, got {}",
                other.title(pcenter::locale::Lang::English.words())
            ),
        }
    }

    pub fn order(s: &Session) -> &NewOrder {
        match &s.app.screen {
            Screen::Order(order) => order,
            other => panic!(
                "expected the New order screen, got {}",
                other.title(pcenter::locale::Lang::English.words())
            ),
        }
    }

    pub fn account(s: &Session) -> &Account {
        match &s.app.screen {
            Screen::Account(account) => account,
            other => panic!(
                "expected the Account screen, got {}",
                other.title(pcenter::locale::Lang::English.words())
            ),
        }
    }

    /// The message line's text, or "" when there is none.
    pub fn message(s: &Session) -> &str {
        s.app
            .ctx
            .flash
            .as_ref()
            .map_or("", |flash| flash.text.as_str())
    }

    /// The screen as text, at 80x24.
    pub fn screen(s: &mut Session) -> String {
        crate::common::render(s, 80, 24).to_string()
    }
}
