//! `pcenter agreements templates|create|list`.

use super::error::ApiError;
use super::json::{templates as all_templates, Collection};
use super::{output, write_error, Api, CreateAgreementArgs};
use crate::domain::agreement::MCA_TYPE;
use std::io::Write;

/// Metadata of the agreement templates; no type means MicrosoftCloudAgreement, as in the real API.
pub fn templates(agreement_type: Option<&str>, out: &mut dyn Write) -> Result<u8, ApiError> {
    let wanted = agreement_type.unwrap_or(MCA_TYPE);
    let items = all_templates()
        .into_iter()
        .filter(|t| wanted == "*" || t.agreement_type.eq_ignore_ascii_case(wanted))
        .collect();
    output::json(out, &Collection::of(items)).map_err(write_error)?;
    Ok(0)
}

pub fn create(
    _api: &mut Api,
    _args: CreateAgreementArgs,
    _out: &mut dyn Write,
) -> Result<u8, ApiError> {
    Err(ApiError::invalid("agreements create is not available yet."))
}

pub fn list(
    _api: &mut Api,
    _customer: &str,
    _agreement_type: Option<&str>,
    _out: &mut dyn Write,
) -> Result<u8, ApiError> {
    Err(ApiError::invalid("agreements list is not available yet."))
}
