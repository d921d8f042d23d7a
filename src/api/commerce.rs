//! `pcenter orders create` and `pcenter subscriptions set-seats`: the service decides every
//! refusal (role, customer, gate, offer, seats), in the same order as for the dashboard.

use super::error::ApiError;
use super::{handlers, output, write_error, Api};
use std::io::Write;

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
    let lines: Vec<(String, u32)> = offers
        .iter()
        .cloned()
        .zip(quantities.iter().copied())
        .collect();
    let order = handlers::create_order(api, customer, &lines)?;
    output::json(out, &order).map_err(write_error)?;
    Ok(0)
}

pub fn set_seats(
    api: &mut Api,
    customer: &str,
    subscription: &str,
    quantity: u32,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    let changed = handlers::change_seats(api, customer, subscription, quantity)?;
    output::json(out, &changed).map_err(write_error)?;
    Ok(0)
}
