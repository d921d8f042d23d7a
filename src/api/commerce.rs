//! `pcenter orders create` and `pcenter subscriptions set-seats`: the service decides every
//! refusal (role, customer, gate, offer, seats), in the same order as for the dashboard.

use super::commerce_json::{OrderJson, SubscriptionJson};
use super::error::ApiError;
use super::{output, write_error, Api};
use crate::assets;
use crate::domain::commerce::OrderLine;
use std::io::Write;

/// The tenant ID of a customer named by ID, domain or domain prefix; what was typed when nobody matches, so
/// the service reports the refusal in its usual order (the role before the customer).
fn customer_id(api: &mut Api, named: &str) -> Result<String, ApiError> {
    let found = api.find_customer(named)?;
    Ok(found.unwrap_or_else(|| named.trim().to_string()))
}

pub fn create_order(
    api: &mut Api,
    customer: &str,
    offers: &[String],
    quantities: &[u32],
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    if offers.len() != quantities.len() {
        return Err(ApiError::invalid(format!(
            "Give one --quantity for each --offer: this order has {} offer(s) and {} quantity(ies).",
            offers.len(),
            quantities.len()
        )));
    }
    let lines = offers
        .iter()
        .zip(quantities)
        .map(|(offer, &quantity)| OrderLine {
            // The catalog's spelling of the ID when it is known; the service refuses the others.
            offer_id: assets::offer(offer)
                .map(|known| known.id.clone())
                .unwrap_or_else(|| offer.trim().to_string()),
            quantity,
        })
        .collect();
    let id = customer_id(api, customer)?;
    let (order, subscriptions) = api.change(|ops| ops.create_order(&id, lines))?;
    output::json(out, &OrderJson::new(&order, &subscriptions)).map_err(write_error)?;
    Ok(0)
}

pub fn set_seats(
    api: &mut Api,
    customer: &str,
    subscription: &str,
    quantity: u32,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    let id = customer_id(api, customer)?;
    let changed = api.change(|ops| ops.change_seats(&id, subscription.trim(), quantity))?;
    output::json(out, &SubscriptionJson::new(&changed)).map_err(write_error)?;
    Ok(0)
}
