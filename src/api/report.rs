//! `pcenter report compliance`: every customer's Microsoft cloud agreement status, the
//! confirmation in force, and whether new orders and seat changes are blocked on the business
//! date, with a summary. Who accepted is shown only to roles that may see confirmations.

use super::error::ApiError;
use super::fit::{self, terminal_columns, Column};
use super::json::Agreement;
use super::output::{self, Format};
use super::{write_error, Api};
use crate::book::{AgreementStatus, Book};
use crate::domain::agreement::{self, AgreementKind, Confirmation, Contact};
use crate::domain::cloud::Cloud;
use crate::domain::commerce::Billing;
use crate::domain::customer::Customer;
use crate::domain::phase::Phase;
use crate::domain::role::GatedAction;
use crate::domain::status::label_with;
use crate::domain::timeline::{Environment, Face};
use crate::locale::words::{CommandWords, ComplianceCounts, Terms};
use crate::locale::Lang;
use crate::service::ServiceError;
use chrono::NaiveDate;
use serde::Serialize;
use std::io::{BufWriter, Write};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Report<'a> {
    business_date: NaiveDate,
    phase: Phase,
    summary: Summary,
    customers: Vec<Row<'a>>,
}

#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
struct Summary {
    customers: usize,
    confirmed: usize,
    not_confirmed: usize,
    not_supported: usize,
    /// Customers whose new orders or seat changes are blocked on the business date.
    blocked: usize,
}

impl Summary {
    fn count(&mut self, row: &Row) {
        self.customers += 1;
        match row.status {
            AgreementStatus::Confirmed => self.confirmed += 1,
            AgreementStatus::NotConfirmed => self.not_confirmed += 1,
            AgreementStatus::NotSupported => self.not_supported += 1,
        }
        if row.new_orders_blocked || row.seat_changes_blocked {
            self.blocked += 1;
        }
    }

    fn line(&self, business_date: NaiveDate, phase: Phase, words: &CommandWords) -> String {
        (words.compliance_summary)(&ComplianceCounts {
            customers: self.customers,
            confirmed: self.confirmed,
            not_confirmed: self.not_confirmed,
            not_supported: self.not_supported,
            blocked: self.blocked,
            date: business_date,
            phase,
        })
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Row<'a> {
    tenant_id: &'a str,
    domain: &'a str,
    company_name: &'a str,
    cloud: Cloud,
    agreement_status: String,
    /// The type of the agreement whose confirmation counts (`null` when none does).
    agreement_type: Option<&'static str>,
    /// The confirmation in force (`null` without one).
    latest_confirmation: Option<Agreement>,
    new_orders_blocked: bool,
    seat_changes_blocked: bool,
    /// Whether the API (the commands, `serve --http`) refuses them on the business date: its
    /// gate started later than the dashboard's (see `timeline::mandatory_from`).
    api_new_orders_blocked: bool,
    api_seat_changes_blocked: bool,
    #[serde(skip)]
    status: AgreementStatus,
    /// The agreement whose confirmation counts, and the business date, for the status words.
    #[serde(skip)]
    agreement: Option<AgreementKind>,
    #[serde(skip)]
    as_of: NaiveDate,
    /// The confirmation in force, for the table and the CSV.
    #[serde(skip)]
    confirmation: Option<&'a Confirmation>,
}

fn row<'a>(
    book: &'a Book,
    customer: &'a Customer,
    business_date: NaiveDate,
    environment: Environment,
) -> Row<'a> {
    let facts = book.gate_facts(customer, business_date);
    let api = book.gate_facts_for(customer, business_date, Face::Api, environment);
    let status = book.status(customer, business_date);
    let agreement = book.agreement_in_force(customer, business_date);
    // The confirmation that counts: none for a customer whose only one is of a retired
    // agreement.
    let confirmation =
        agreement::confirmation_in_force(book.confirmations(&customer.id), business_date);
    Row {
        tenant_id: &customer.id,
        domain: &customer.domain,
        company_name: &customer.company_name,
        cloud: customer.cloud,
        agreement_status: label_with(status, agreement, business_date),
        agreement_type: agreement.map(AgreementKind::type_name),
        latest_confirmation: confirmation.map(Agreement::from),
        new_orders_blocked: facts.check_new_order().is_err(),
        seat_changes_blocked: facts.check_seat_change(Billing::SeatBased).is_err(),
        api_new_orders_blocked: api.check_new_order().is_err(),
        api_seat_changes_blocked: api.check_seat_change(Billing::SeatBased).is_err(),
        status,
        agreement,
        as_of: business_date,
        confirmation,
    }
}

fn blocked(yes: bool, words: &CommandWords) -> &'static str {
    if yes {
        words.blocked
    } else {
        words.allowed
    }
}

/// The API's gate in one cell of the table: orders and seat changes are blocked on the same
/// days, so one word says both; were they ever apart, the cell names the one blocked.
fn api_blocked(row: &Row, words: &CommandWords) -> &'static str {
    match (row.api_new_orders_blocked, row.api_seat_changes_blocked) {
        (true, true) => words.blocked,
        (false, false) => words.allowed,
        (true, false) => words.orders_blocked,
        (false, true) => words.seats_blocked,
    }
}

/// The cells of a row for the table (in `words`) and the CSV (in English, the API's).
fn cells(row: &Row, words: &CommandWords, in_table: Option<&Terms>) -> Vec<String> {
    let latest = row.confirmation;
    // The name as the dashboard shows it: "김민준", family name first, not "민준 김".
    let contact = latest.map(|c| &c.accepted_by);
    vec![
        row.company_name.to_string(),
        row.domain.to_string(),
        (words.cloud)(row.cloud).to_string(),
        fit::status_cell(row.status, row.agreement, row.as_of, words, in_table),
        contact.map_or(String::new(), Contact::full_name),
        contact.map_or(String::new(), |c| c.email.clone()),
        latest.map_or(String::new(), |c| c.date_agreed.to_string()),
        blocked(row.new_orders_blocked, words).to_string(),
        blocked(row.seat_changes_blocked, words).to_string(),
    ]
}

/// On a narrow terminal, what a person acts on stays: the company, its status, the date and
/// whether orders and seat changes are blocked, in the dashboard and through the API; email,
/// domain, cloud and who accepted give way in that order. The API's gate takes one column, so
/// that at 80 columns company names keep some room.
fn table_header(words: &CommandWords, date: NaiveDate) -> [Column; 10] {
    [
        Column::kept(words.company_name).cut(),
        Column::kept(words.primary_domain).dropped(2).cut(),
        Column::kept(words.cloud_column).dropped(3),
        Column::kept(fit::agreement_header(words, date)).short(words.agreement_short),
        Column::kept(words.accepted_by).dropped(4).cut(),
        Column::kept(words.email).dropped(1).cut(),
        Column::kept(words.date_agreed).short(words.date_short),
        Column::kept(words.new_orders).short(words.new_orders_short),
        Column::kept(words.seat_changes).short(words.seat_changes_short),
        Column::kept(words.api_gate).short(words.api_gate_short),
    ]
}
/// New columns come last, so that scripts reading the earlier ones by place keep working.
const CSV_HEADER: [&str; 11] = [
    "CompanyName",
    "Domain",
    "Cloud",
    "AgreementStatus",
    "AcceptedBy",
    "Email",
    "DateAgreed",
    "NewOrders",
    "SeatChanges",
    "ApiNewOrders",
    "ApiSeatChanges",
];

pub fn compliance(api: &mut Api, format: Format, out: &mut dyn Write) -> Result<u8, ApiError> {
    let business_date = api.actor.business_date;
    // The phase and the summary are the dashboard's; each row also says what the API blocks
    // (its gate started later, see `timeline::mandatory_from`).
    let phase = Phase::on(business_date);
    // Every row says whether the customer's acceptance was confirmed: only the roles that may
    // see confirmations get the report, as on the dashboard.
    api.actor
        .role
        .require(GatedAction::SeeConfirmation)
        .map_err(ServiceError::from)?;
    let environment = api.actor.access.environment;
    let (lang, words) = (api.lang, api.words());
    // The CSV's values are the API's, in English whatever the language of the table.
    let english = &Lang::English.words().commands;
    api.load_everything()?;
    let book = &api.book;
    let rows = book
        .customers_by_name()
        .map(|customer| row(book, customer, business_date, environment));
    let mut summary = Summary::default();
    match format {
        Format::Json => {
            let customers: Vec<Row> = rows.inspect(|r| summary.count(r)).collect();
            let report = Report {
                business_date,
                phase,
                summary,
                customers,
            };
            output::json(out, &report).map_err(write_error)?;
        }
        Format::Table => {
            let table: Vec<Vec<String>> = rows
                .inspect(|r| summary.count(r))
                .map(|r| {
                    let terms = &lang.words().terms;
                    let mut cells = cells(&r, words, Some(terms));
                    cells.push(api_blocked(&r, words).to_string());
                    cells
                })
                .collect();
            if table.is_empty() {
                writeln!(out, "{}", words.no_customers_yet).map_err(write_error)?;
                return Ok(0);
            }
            let columns = table_header(words, business_date);
            let width = terminal_columns();
            let narrowed = fit::write(out, &columns, &table, words, width).map_err(write_error)?;
            let summary = summary.line(business_date, phase, words);
            writeln!(out, "\n{}", fit::wrapped(&summary, width)).map_err(write_error)?;
            if let Some(note) = narrowed {
                writeln!(out, "{note}").map_err(write_error)?;
            }
        }
        Format::Csv => {
            let mut out = BufWriter::new(out);
            let mut names = vec!["TenantId"];
            names.extend(CSV_HEADER);
            output::csv_record(&mut out, &names).map_err(write_error)?;
            for r in rows {
                summary.count(&r);
                let mut cells = cells(&r, english, None);
                cells.extend([
                    blocked(r.api_new_orders_blocked, english).to_string(),
                    blocked(r.api_seat_changes_blocked, english).to_string(),
                ]);
                let mut fields = vec![r.tenant_id];
                fields.extend(cells.iter().map(String::as_str));
                output::csv_record(&mut out, &fields).map_err(write_error)?;
            }
            out.flush().map_err(write_error)?;
            // The CSV holds rows only; the summary goes to a person reading stderr.
            let line = summary.line(business_date, phase, words);
            writeln!(crate::caller::stderr(), "pcenter: {line}").map_err(write_error)?;
        }
    }
    Ok(0)
}
