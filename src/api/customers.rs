//! `pcenter customers list|show|create`.

use super::error::ApiError;
use super::fit::{self, terminal_columns, Column};
use super::json_stream::CollectionWriter;
use super::output::{self, Format};
use super::plain::{counted_table, Counted};
use super::{handlers, read_body, write_error, Api};
use crate::domain::role::GatedAction;
use crate::locale::words::{CommandWords, Terms};
use crate::locale::Lang;
use crate::service::ServiceError;
use crate::store::Listed;
use chrono::NaiveDate;
use std::io::{BufWriter, Write};

/// On a narrow terminal, as on the dashboard's list: the tenant ID gives way first (the
/// primary domain names a customer in every command), then names and domains are cut. The
/// agreement column's heading depends on the business date (see `fit::agreement_header`).
fn columns(words: &CommandWords, as_of: NaiveDate) -> [Column; 6] {
    [
        Column::kept(words.tenant_id).dropped(1),
        Column::kept(words.company_name).cut(),
        Column::kept(words.primary_domain).cut(),
        Column::kept(words.cloud_column),
        Column::kept(super::fit::agreement_header(words, as_of)).short(words.agreement_short),
        Column::kept(words.subscriptions).short(words.subscriptions_short),
    ]
}
const CSV_HEADER: [&str; 6] = [
    "TenantId",
    "CompanyName",
    "Domain",
    "Cloud",
    "AgreementStatus",
    "Subscriptions",
];

/// One row of the table (in `words`, the agreement in a word by `in_table`'s terms) and of
/// the CSV (always in English, the API's). For a role that may not see confirmations, the
/// status is "—" in the table, as on the dashboard, and empty in the CSV.
fn cells(
    row: &Listed,
    as_of: NaiveDate,
    words: &CommandWords,
    in_table: Option<&Terms>,
    may_see: bool,
) -> [String; 6] {
    let (status, agreement) = (row.status_on(as_of), row.agreement_on(as_of));
    let status = match (may_see, in_table) {
        (true, _) => fit::status_cell(status, agreement, as_of, words, in_table),
        (false, Some(_)) => "—".to_string(),
        (false, None) => String::new(),
    };
    [
        row.id.clone(),
        row.company_name.clone(),
        row.domain.clone(),
        (words.cloud)(row.cloud).to_string(),
        status,
        row.subscriptions.to_string(),
    ]
}

/// Every customer, or those the filter and `--unconfirmed` keep, in list order (company name,
/// then domain). Each format streams: rows are read one at a time from the store's list, and
/// the JSON reads each customer's record as it writes it.
pub fn list(
    api: &mut Api,
    filter: Option<&str>,
    unconfirmed: bool,
    format: Format,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    let filter = Some(filter.unwrap_or("").trim()).filter(|f| !f.is_empty());
    let may_see = api.actor.role.may(GatedAction::SeeConfirmation);
    if unconfirmed {
        // Which customers are unconfirmed is what such a role may not see.
        (api.actor.role)
            .require(GatedAction::SeeConfirmation)
            .map_err(ServiceError::from)?;
    }
    let as_of = api.actor.business_date;
    let words = api.words();
    let rows = || handlers::customer_rows(api, filter, unconfirmed);
    match format {
        Format::Json => {
            // Every customer without a filter; otherwise the rows are counted first, as the
            // count comes before the items.
            let total = match (filter, unconfirmed) {
                (None, false) => handlers::customer_count_on(api)?,
                _ => rows()?.try_fold(0, |n, row| row.map(|_| n + 1))?,
            };
            let mut json =
                CollectionWriter::start(BufWriter::new(out), total).map_err(write_error)?;
            for row in rows()? {
                let item = handlers::customer_of_row(api, row?)?;
                json.item(&item).map_err(write_error)?;
            }
            json.finish().map_err(write_error)?;
        }
        Format::Table => {
            let rows = rows()?
                .map(|row| {
                    let terms = &api.lang.words().terms;
                    row.map(|row| cells(&row, as_of, words, Some(terms), may_see).to_vec())
                })
                .collect::<Result<Vec<_>, _>>()?;
            let none = if rows.is_empty() && api.store().customer_count()? == 0 {
                words.no_customers_yet
            } else {
                words.no_customers_match
            };
            let what = Counted {
                count: words.customers_count,
                none,
            };
            let columns = columns(words, as_of);
            counted_table(out, &columns, &rows, &what, words, terminal_columns())
                .map_err(write_error)?;
        }
        Format::Csv => {
            // Row by row through a buffer: the output never sits whole in memory.
            let mut out = BufWriter::new(out);
            let english = &Lang::English.words().commands;
            output::csv_record(&mut out, &CSV_HEADER).map_err(write_error)?;
            for row in rows()? {
                let cells = cells(&row?, as_of, english, None, may_see);
                let fields = cells.each_ref().map(String::as_str);
                output::csv_record(&mut out, &fields).map_err(write_error)?;
            }
            out.flush().map_err(write_error)?;
        }
    }
    Ok(0)
}

pub fn show(api: &mut Api, customer: &str, out: &mut dyn Write) -> Result<u8, ApiError> {
    let customer = handlers::customer(api, customer)?;
    output::json(out, &customer).map_err(write_error)?;
    Ok(0)
}

/// Creates the customer of the Customer body in `source` (a file, or - for standard input).
pub fn create(api: &mut Api, source: &str, out: &mut dyn Write) -> Result<u8, ApiError> {
    // The role comes first, as in the service: a refused agent's body is not even read.
    api.actor
        .role
        .require(GatedAction::CreateCustomer)
        .map_err(ServiceError::from)?;
    let customer = handlers::create_customer(api, &read_body(source)?)?;
    output::json(out, &customer).map_err(write_error)?;
    Ok(0)
}
