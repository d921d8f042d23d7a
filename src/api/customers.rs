//! `pcenter customers list|show|create`.

use super::error::ApiError;
use super::output::Format;
use super::Api;
use std::io::Write;

pub fn list(
    _api: &mut Api,
    _filter: Option<&str>,
    _unconfirmed: bool,
    _format: Format,
    _out: &mut dyn Write,
) -> Result<u8, ApiError> {
    Err(ApiError::invalid("customers list is not available yet."))
}

pub fn show(_api: &mut Api, _customer: &str, _out: &mut dyn Write) -> Result<u8, ApiError> {
    Err(ApiError::invalid("customers show is not available yet."))
}

pub fn create(_api: &mut Api, _json: &str, _out: &mut dyn Write) -> Result<u8, ApiError> {
    Err(ApiError::invalid("customers create is not available yet."))
}
