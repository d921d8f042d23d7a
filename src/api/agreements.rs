//! `pcenter agreements templates|create|list`: the handlers' resources printed as JSON.

use super::agreement_request::Requested;
use super::error::ApiError;
use super::{handlers, output, write_error, Api, CreateAgreementArgs};
use std::io::Write;

/// Metadata of the agreement templates; no type means MicrosoftCloudAgreement, as in the real API.
/// Static: no store is opened, so it answers while the dashboard holds the store.
pub fn templates(
    agreement_type: Option<&str>,
    business_date: chrono::NaiveDate,
    lang: crate::locale::Lang,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    let templates = handlers::templates(agreement_type, business_date)?;
    output::json(out, &templates).map_err(write_error)?;
    // Without a type the API answers for the Microsoft Cloud Agreement, retired from February
    // 1, 2020: an empty answer then says where the templates are.
    if templates.items.is_empty() && agreement_type.is_none() {
        let note = (lang.words().commands.no_cloud_agreement_template)(business_date);
        eprintln!("pcenter: {note}");
    }
    Ok(0)
}

/// Records a confirmation of customer acceptance, like POST /v1/customers/{id}/agreements,
/// and prints the created Agreement.
pub fn create(
    api: &mut Api,
    args: CreateAgreementArgs,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    let requested = match &args.json {
        Some(source) => Requested::from_body(source)?,
        None => Requested::from_flags(&args),
    };
    let agreement = handlers::confirm(api, &args.customer, requested)?;
    output::json(out, &agreement).map_err(write_error)?;
    Ok(0)
}

/// A customer's confirmations, newest first (the first is the one in force), like
/// GET /v1/customers/{id}/agreements.
pub fn list(
    api: &mut Api,
    customer: &str,
    agreement_type: Option<&str>,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    let agreements = handlers::agreements(api, customer, agreement_type)?;
    output::json(out, &agreements).map_err(write_error)?;
    Ok(0)
}
