//! `pcenter agreements templates|create|list`.

use super::agreement_request::Requested;
use super::error::ApiError;
use super::json::{templates as all_templates, Agreement, Collection, AGREEMENT_TYPES};
use super::{output, write_error, Api, CreateAgreementArgs};
use crate::domain::agreement::{sorted_newest_first, Channel, MCA_TYPE};
use crate::domain::characters::quote;
use crate::domain::role::GatedAction;
use crate::service::ServiceError;
use std::io::Write;

/// Metadata of the agreement templates; no type means MicrosoftCloudAgreement, as in the real API.
/// Static: no store is opened, so it answers while the dashboard holds the store.
pub fn templates(agreement_type: Option<&str>, out: &mut dyn Write) -> Result<u8, ApiError> {
    let wanted = wanted_type(agreement_type)?;
    let items = all_templates()
        .into_iter()
        .filter(|t| wanted.matches(&t.agreement_type))
        .collect();
    output::json(out, &Collection::of(items)).map_err(write_error)?;
    Ok(0)
}

/// Records a confirmation of customer acceptance through the service, like
/// POST /v1/customers/{id}/agreements, and prints the created Agreement.
pub fn create(
    api: &mut Api,
    args: CreateAgreementArgs,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    let requested = match &args.json {
        Some(source) => Requested::from_body(source)?,
        None => Requested::from_flags(&args),
    };
    let customer_id = api.customer(&args.customer)?.id.clone();
    let business_date = api.actor.business_date;
    // Role, schedule, cloud and a future date are reported before the fields' own messages.
    api.checks()
        .check_confirmation(&customer_id, requested.date(business_date))?;
    let acceptance = requested.into_acceptance(business_date)?;
    let confirmation = api.change(|ops| ops.confirm(&customer_id, acceptance, Channel::Command))?;
    output::json(out, &Agreement::from(&confirmation)).map_err(write_error)?;
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
    let wanted = wanted_type(agreement_type)?;
    let customer = api.customer(customer)?;
    api.actor
        .role
        .require(GatedAction::SeeConfirmation)
        .map_err(ServiceError::from)?;
    let items = sorted_newest_first(api.book.confirmations(&customer.id))
        .into_iter()
        .filter(|c| wanted.matches(&c.agreement_type))
        .map(Agreement::from)
        .collect();
    output::json(out, &Collection::of(items)).map_err(write_error)?;
    Ok(0)
}

/// Which agreement types a query asks for.
enum Wanted {
    Every,
    Only(String),
}

impl Wanted {
    fn matches(&self, agreement_type: &str) -> bool {
        match self {
            Wanted::Every => true,
            Wanted::Only(wanted) => wanted.eq_ignore_ascii_case(agreement_type),
        }
    }
}

/// `--type`: none means MicrosoftCloudAgreement, `*` every type; any other must be a real type.
fn wanted_type(agreement_type: Option<&str>) -> Result<Wanted, ApiError> {
    let wanted = agreement_type.unwrap_or(MCA_TYPE).trim();
    if wanted == "*" {
        return Ok(Wanted::Every);
    }
    AGREEMENT_TYPES
        .iter()
        .find(|t| t.eq_ignore_ascii_case(wanted))
        .map(|t| Wanted::Only(t.to_string()))
        .ok_or_else(|| {
            ApiError::invalid(format!(
                "Unknown agreement type '{}': use {}, or '*' for every type.",
                quote(wanted),
                AGREEMENT_TYPES.join(" or ")
            ))
        })
}
