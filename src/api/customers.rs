//! `pcenter customers list|show|create`.

use super::customer_body::CustomerRequest;
use super::customer_json::CustomerJson;
use super::error::ApiError;
use super::json::Collection;
use super::output::{self, Format};
use super::{read_body, write_error, Api};
use crate::book::{AgreementStatus, Book};
use crate::domain::agreement::Channel;
use crate::domain::customer::{Customer, CustomerFilter};
use crate::domain::role::GatedAction;
use crate::service::ServiceError;
use std::io::{BufWriter, Write};

const COLUMNS: [&str; 6] = [
    "Tenant ID",
    "Company name",
    "Primary domain",
    "Cloud",
    "Microsoft cloud agreement",
    "Subscriptions",
];
const CSV_HEADER: [&str; 6] = [
    "TenantId",
    "CompanyName",
    "Domain",
    "Cloud",
    "AgreementStatus",
    "Subscriptions",
];

/// The customers a list shows, in company-name order.
fn selected<'a>(
    book: &'a Book,
    filter: &'a CustomerFilter,
    unconfirmed: bool,
) -> impl Iterator<Item = &'a Customer> + 'a {
    book.customers_by_name().filter(move |customer| {
        filter.matches(customer)
            && (!unconfirmed || book.status(customer) == AgreementStatus::NotConfirmed)
    })
}

/// One row of the table and of the CSV.
fn row(book: &Book, customer: &Customer) -> [String; 6] {
    [
        customer.id.clone(),
        customer.company_name.clone(),
        customer.domain.clone(),
        customer.cloud.short_label().to_string(),
        book.status(customer).label().to_string(),
        book.subscriptions(&customer.id).len().to_string(),
    ]
}

pub fn list(
    api: &mut Api,
    filter: Option<&str>,
    unconfirmed: bool,
    format: Format,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    let filter = CustomerFilter::new(filter.unwrap_or(""));
    let book = &api.book;
    let customers = selected(book, &filter, unconfirmed);
    match format {
        Format::Json => {
            let items = customers
                .map(|customer| CustomerJson::new(book, customer, api.actor.role))
                .collect();
            output::json(out, &Collection::of(items)).map_err(write_error)?;
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = customers.map(|c| row(book, c).to_vec()).collect();
            output::table(out, &COLUMNS, &rows).map_err(write_error)?;
        }
        Format::Csv => {
            // Row by row through a buffer: the output never sits whole in memory.
            let mut out = BufWriter::new(out);
            output::csv_record(&mut out, &CSV_HEADER).map_err(write_error)?;
            for customer in customers {
                let cells = row(book, customer);
                let fields = cells.each_ref().map(String::as_str);
                output::csv_record(&mut out, &fields).map_err(write_error)?;
            }
            out.flush().map_err(write_error)?;
        }
    }
    Ok(0)
}

pub fn show(api: &mut Api, customer: &str, out: &mut dyn Write) -> Result<u8, ApiError> {
    let customer = api.customer(customer)?;
    let json = CustomerJson::new(&api.book, customer, api.actor.role);
    output::json(out, &json).map_err(write_error)?;
    Ok(0)
}

pub fn create(api: &mut Api, source: &str, out: &mut dyn Write) -> Result<u8, ApiError> {
    // The role comes first, as in the service, so that a refused agent learns nothing else.
    api.actor
        .role
        .require(GatedAction::CreateCustomer)
        .map_err(ServiceError::from)?;
    let request = CustomerRequest::parse(&read_body(source)?)?;
    let (profile, acceptance) = request.validate(
        |domain| api.book.domain_taken(domain),
        api.actor.business_date,
    )?;
    let customer = api
        .ops()
        .create_customer(profile, acceptance, Channel::Command)?;
    let json = CustomerJson::new(&api.book, &customer, api.actor.role);
    output::json(out, &json).map_err(write_error)?;
    Ok(0)
}
