//! How a session follows a change made anywhere: its view of the customer is replaced by the
//! records the core wrote, the Customers list takes a new row in its place, and a screen about
//! that customer keeps what was typed and says in its message line what happened meanwhile.

use super::screens::Screen;
use super::App;
use crate::core::Change;
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
        app.ctx.info(meanwhile(change));
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
pub fn meanwhile(change: &Change) -> String {
    let agent = &change.agent;
    match &change.what {
        Changed::Confirmed { .. } => format!("Confirmed meanwhile by {agent}."),
        Changed::OrderCreated { .. } => format!("An order was placed meanwhile by {agent}."),
        Changed::SeatsChanged { .. } => format!("Seats changed meanwhile by {agent}."),
        Changed::AutoRenewSet { .. } => format!("Auto-renew changed meanwhile by {agent}."),
        Changed::CustomerCreated { .. } => format!("Created meanwhile by {agent}."),
    }
}
