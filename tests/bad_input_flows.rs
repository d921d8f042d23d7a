//! Hostile values in every box of the dashboard, driven through the app core: the New customer
//! wizard, the confirmation form (Update and the order prompt), the seat count, the New order
//! quantities and the Customers filter. A box never takes more than its limit nor a hidden
//! character, each refusal is said where the agent looks, and nothing invalid is saved.

mod common;

use common::*;
use pcenter::app::screens::acceptance::AcceptanceForm;
use pcenter::app::screens::new_customer::NewCustomer;
use pcenter::app::screens::order::NewOrder;
use pcenter::app::screens::Screen;
use pcenter::app::session::Session;
use pcenter::app::Action;
use pcenter::domain::customer::CustomerField as C;

fn wizard(s: &Session) -> &NewCustomer {
    match &s.app.screen {
        Screen::NewCustomer(wizard) => wizard,
        other => panic!(
            "expected the New customer wizard, got {}",
            other.title(pcenter::locale::Lang::English.words())
        ),
    }
}

fn acceptance(s: &Session) -> &AcceptanceForm {
    match &s.app.screen {
        Screen::Acceptance(form) => form,
        other => panic!(
            "expected the acceptance form, got {}",
            other.title(pcenter::locale::Lang::English.words())
        ),
    }
}

fn order(s: &Session) -> &NewOrder {
    match &s.app.screen {
        Screen::Order(order) => order,
        other => panic!(
            "expected New order, got {}",
            other.title(pcenter::locale::Lang::English.words())
        ),
    }
}

fn paste(s: &mut Session, text: &str) {
    s.handle(Action::Paste(text.into()));
}

/// Empties the focused box (Ctrl-U).
fn clear(s: &mut Session) {
    ctrl(s, 'u');
}

/// 100 KB of pasted text, with a control character and a line break in it.
fn page() -> String {
    format!("{}\x07\n", "Northwind Traders ".repeat(100 * 1024 / 18))
}

const WIZARD_FIELDS: [C; 12] = [
    C::CompanyName,
    C::DomainPrefix,
    C::Country,
    C::Line1,
    C::Line2,
    C::City,
    C::State,
    C::PostalCode,
    C::FirstName,
    C::LastName,
    C::Email,
    C::Phone,
];

#[path = "bad_input_flows/confirmation.rs"]
mod confirmation;
#[path = "bad_input_flows/quantities.rs"]
mod quantities;
#[path = "bad_input_flows/wizard.rs"]
mod wizard;
