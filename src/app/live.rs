//! How a session follows a change made anywhere: its view of the customer is replaced by the
//! records the core wrote, the Customers list takes a new row in its place, and a screen about
//! that customer keeps what was typed and says in its message line what happened meanwhile.

use super::screens::Screen;
use super::App;
use crate::core::Change;
use crate::locale::Words;
use crate::service::Changed;

pub(super) fn follow(app: &mut App, change: &Change) {
    let ctx = &mut app.ctx;
    let own = change.session == ctx.session;
    let customer_id = change.dossier.customer.id.as_str();
    if own || ctx.book.customer(customer_id).is_some() {
        ctx.book.replace_dossier(change.dossier.clone());
    }
    if let Some(rank) = change.inserted_at {
        ctx.customers
            .row_inserted(rank, &change.row.company_name, &change.row.domain);
    }
    if !own && about(&app.screen) == Some(customer_id) {
        app.ctx.info(meanwhile(change, app.ctx.words()));
    }
}

/// The customer a screen shows or edits.
fn about(screen: &Screen) -> Option<&str> {
    match screen {
        Screen::Account(account) => Some(&account.customer_id),
        Screen::Acceptance(form) => Some(&form.customer_id),
        Screen::Order(order) => Some(&order.customer_id),
        Screen::Customers | Screen::NewCustomer(_) => None,
    }
}

/// What another agent did to the customer on screen.
pub fn meanwhile(change: &Change, words: &Words) -> String {
    let agent = &change.agent;
    let chrome = &words.chrome;
    match &change.what {
        Changed::Confirmed { .. } => (chrome.meanwhile_confirmed)(agent),
        Changed::OrderCreated { .. } => (chrome.meanwhile_ordered)(agent),
        Changed::SeatsChanged { .. } => (chrome.meanwhile_seats)(agent),
        Changed::AutoRenewSet { .. } => (chrome.meanwhile_auto_renew)(agent),
        Changed::CustomerCreated { .. } => (chrome.meanwhile_created)(agent),
    }
}
