//! `pcenter orders create` and `pcenter subscriptions set-seats`.

use super::error::ApiError;
use super::Api;
use std::io::Write;

pub fn create_order(
    _api: &mut Api,
    _customer: &str,
    _offers: &[String],
    _quantities: &[u32],
    _out: &mut dyn Write,
) -> Result<u8, ApiError> {
    Err(ApiError::invalid("orders create is not available yet."))
}

pub fn set_seats(
    _api: &mut Api,
    _customer: &str,
    _subscription: &str,
    _quantity: u32,
    _out: &mut dyn Write,
) -> Result<u8, ApiError> {
    Err(ApiError::invalid(
        "subscriptions set-seats is not available yet.",
    ))
}
