//! `pcenter orders create` and `pcenter subscriptions set-seats`: the service decides every
//! refusal (role, customer, gate, offer, seats), in the same order as for the dashboard.

use super::error::ApiError;
use super::request_bodies::OrderRequest;
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
        let (offers, quantities) = (offers.len(), quantities.len());
        return Err(ApiError::invalid_said(move |words| {
            (words.requests.quantities_per_offer)(offers, quantities)
        }));
    }
    let request = OrderRequest::of(offers.iter().cloned().zip(quantities.iter().copied()));
    let order = handlers::create_order(api, customer, &request)?;
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
