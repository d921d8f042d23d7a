//! `pcenter report compliance`.

use super::error::ApiError;
use super::output::Format;
use super::Api;
use std::io::Write;

pub fn compliance(_api: &mut Api, _format: Format, _out: &mut dyn Write) -> Result<u8, ApiError> {
    Err(ApiError::invalid("report compliance is not available yet."))
}
