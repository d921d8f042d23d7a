//! Flows through the dashboard driven by keys, with no terminal: which screen each key leads to,
//! what the agent is told, and what ends up in the store.

mod common;

#[path = "flows/acceptance_form.rs"]
mod acceptance_form;
#[path = "flows/keyboard.rs"]
mod keyboard;
#[path = "flows/large_store.rs"]
mod large_store;
#[path = "flows/leaving.rs"]
mod leaving;
#[path = "flows/new_customer.rs"]
mod new_customer;
#[path = "flows/order_prompt.rs"]
mod order_prompt;
#[path = "flows/persistence.rs"]
mod persistence;
#[path = "flows/roles_and_clouds.rs"]
mod roles_and_clouds;
#[path = "flows/seats.rs"]
mod seats;

/// Accessors that name the screen a test expects, and small key helpers.
mod support {
    use crate::common::*;
    use pcenter::app::screens::acceptance::AcceptanceForm;
    use pcenter::app::screens::account::Account;
    use pcenter::app::screens::new_customer::NewCustomer;
    use pcenter::app::screens::order::NewOrder;
    use pcenter::app::screens::Screen;
    use pcenter::app::session::Session;
    use pcenter::app::Flash;
    use pcenter::store::Snapshot;
    use ratatui::crossterm::event::KeyCode;

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

    pub fn wizard(s: &Session) -> &NewCustomer {
        match &s.app.screen {
            Screen::NewCustomer(wizard) => wizard,
            other => panic!(
                "expected the New customer wizard, got {}",
                other.title(pcenter::locale::Lang::English.words())
            ),
        }
    }

    pub fn on_customers(s: &Session) -> bool {
        matches!(s.app.screen, Screen::Customers)
    }

    pub fn flash(s: &Session) -> &Flash {
        s.app.ctx.flash.as_ref().expect("a flash message")
    }

    pub fn stored(s: &Session) -> Snapshot {
        s.core.store().load().expect("load the store")
    }

    /// Erases the focused text field (no field of the demo data is this long).
    pub fn clear_field(s: &mut Session) {
        for _ in 0..80 {
            press(s, KeyCode::Backspace);
        }
    }

    /// Replaces the value of the focused text field.
    pub fn retype(s: &mut Session, text: &str) {
        clear_field(s);
        type_text(s, text);
    }
}
