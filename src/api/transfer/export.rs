//! `pcenter agreements export [--out FILE] [--format pcenter|microsoft-sample]`: in pcenter's
//! own CSV, one row per customer in company-name order, with the values of its current
//! confirmation and the type of its agreement, or empty columns when it has none (an import
//! then confirms the agreement the row names, whatever the business date); in the CSV of
//! Microsoft's sample (see
//! `microsoft`), one row per customer and agreement it has a confirmation of.

use super::microsoft;
use super::rows::Column;
use crate::api::error::ApiError;
use crate::api::output::{cannot_write, csv_record};
use crate::api::{write_error, Api};
use crate::book::Book;
use crate::domain::agreement::{self, AgreementKind};
use crate::domain::characters::quote_path;
use crate::domain::role::GatedAction;
use crate::invocation::ExportFormat;
use crate::out_file::OutFile;
use crate::service::ServiceError;
use chrono::NaiveDate;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

/// The export in pcenter's own CSV.
pub fn export(api: &mut Api, file: Option<PathBuf>, out: &mut dyn Write) -> Result<u8, ApiError> {
    export_as(api, file, ExportFormat::Pcenter, out)
}

/// The export in the CSV `format`.
pub fn export_as(
    api: &mut Api,
    file: Option<PathBuf>,
    format: ExportFormat,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    let rows: fn(&Book, NaiveDate, &mut dyn Write) -> io::Result<usize> = match format {
        ExportFormat::Pcenter => write_rows,
        ExportFormat::MicrosoftSample => write_sample_rows,
    };
    api.actor
        .role
        .require(GatedAction::SeeConfirmation)
        .map_err(ServiceError::from)?;
    api.load_everything()?;
    let Some(path) = file else {
        let mut buffered = BufWriter::new(out);
        rows(&api.book, api.actor.business_date, &mut buffered)
            .and_then(|_| buffered.flush())
            .map_err(write_error)?;
        return Ok(0);
    };
    let mut file = OutFile::open(&path, Some(&mut *out)).map_err(|e| cannot_write(&path, &e))?;
    let to_stdout = file.is_standard_output();
    let mut buffered = BufWriter::new(&mut file);
    let count = rows(&api.book, api.actor.business_date, &mut buffered)
        .and_then(|count| buffered.flush().map(|_| count));
    drop(buffered);
    let count = count
        .and_then(|count| file.finish().map(|_| count))
        // On standard output a failed write is the output's error, as without --out.
        .map_err(|e| match to_stdout {
            true => write_error(e),
            false => cannot_write(&path, &e),
        })?;
    if !to_stdout {
        let said = (api.words().exported)(api.book.len(), count, &quote_path(&path));
        writeln!(out, "{said}").map_err(write_error)?;
    }
    Ok(0)
}

/// Writes the header and every customer's row, one at a time; returns how many customers have
/// a confirmation.
fn write_rows(book: &Book, as_of: NaiveDate, out: &mut dyn Write) -> io::Result<usize> {
    csv_record(out, &Column::ALL.map(Column::name))?;
    let mut confirmed = 0;
    for customer in book.customers_by_name() {
        let current = customer
            .cloud
            .supports_confirmation()
            .then(|| agreement::confirmation_in_force(book.confirmations(&customer.id), as_of))
            .flatten();
        let (id, domain) = (customer.id.as_str(), customer.domain.as_str());
        match current {
            Some(c) => {
                confirmed += 1;
                let date = c.date_agreed.format("%Y-%m-%d").to_string();
                let [id, domain, date, first, last, phone, email] = row(id, domain, &date, c);
                // The store holds confirmations of known agreements only; were one of another
                // type kept, its type is written as it is, and an import says it names none.
                let kind = c
                    .kind()
                    .map_or(c.agreement_type.as_str(), |k| k.type_name());
                csv_record(out, &[id, domain, date, first, last, phone, email, kind])?;
            }
            None => csv_record(out, &[id, domain, "", "", "", "", "", ""])?,
        }
    }
    Ok(confirmed)
}

/// Writes the header of Microsoft's sample, then each customer's rows as the sample writes
/// them: its latest confirmation of the Microsoft Cloud Agreement, then of the Microsoft
/// Customer Agreement, each with its type last; or one row of empty values when it has
/// neither. Returns how many customers have a confirmation.
fn write_sample_rows(book: &Book, as_of: NaiveDate, out: &mut dyn Write) -> io::Result<usize> {
    writeln!(out, "{}", microsoft::HEADER_LINE)?;
    let mut confirmed = 0;
    for customer in book.customers_by_name() {
        let confirmations = match customer.cloud.supports_confirmation() {
            true => book.confirmations(&customer.id),
            false => &[],
        };
        let latest: Vec<(AgreementKind, &agreement::Confirmation)> = (AgreementKind::ALL.iter())
            .filter_map(|kind| Some((*kind, agreement::current_of(confirmations, *kind, as_of)?)))
            .collect();
        let (id, domain) = (customer.id.as_str(), customer.domain.as_str());
        if latest.is_empty() {
            csv_record(out, &[id, domain, "", "", "", "", ""])?;
            continue;
        }
        confirmed += 1;
        for (kind, c) in latest {
            let date = microsoft::write_date(c.date_agreed);
            let [id, domain, date, first, last, phone, email] = row(id, domain, &date, c);
            csv_record(
                out,
                &[
                    id,
                    domain,
                    date,
                    first,
                    last,
                    phone,
                    email,
                    kind.type_name(),
                ],
            )?;
        }
    }
    Ok(confirmed)
}

/// The columns both formats share, in their order: TenantId, Domain, Date, First Name, Last
/// Name, Phone, Email (each then ends with the agreement's type).
fn row<'a>(
    id: &'a str,
    domain: &'a str,
    date: &'a str,
    confirmation: &'a agreement::Confirmation,
) -> [&'a str; 7] {
    let who = &confirmation.accepted_by;
    [
        id,
        domain,
        date,
        &who.first_name,
        &who.last_name,
        who.phone.as_deref().unwrap_or(""),
        &who.email,
    ]
}
