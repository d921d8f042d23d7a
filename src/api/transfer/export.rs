//! `pcenter agreements export [--out FILE]`: one row per customer in company-name order, with
//! the values of its current confirmation, or empty columns when it has none.

use super::rows::Column;
use crate::api::error::ApiError;
use crate::api::output::{cannot_write, csv_record};
use crate::api::{write_error, Api};
use crate::book::Book;
use crate::domain::characters::quote_path;
use crate::domain::role::GatedAction;
use crate::out_file::OutFile;
use crate::service::ServiceError;
use chrono::NaiveDate;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

pub fn export(api: &mut Api, file: Option<PathBuf>, out: &mut dyn Write) -> Result<u8, ApiError> {
    api.actor
        .role
        .require(GatedAction::SeeConfirmation)
        .map_err(ServiceError::from)?;
    api.load_everything()?;
    let Some(path) = file else {
        let mut buffered = BufWriter::new(out);
        write_rows(&api.book, api.actor.business_date, &mut buffered)
            .and_then(|_| buffered.flush())
            .map_err(write_error)?;
        return Ok(0);
    };
    let mut file = OutFile::open(&path, Some(&mut *out)).map_err(|e| cannot_write(&path, &e))?;
    let to_stdout = file.is_standard_output();
    let mut buffered = BufWriter::new(&mut file);
    let count = write_rows(&api.book, api.actor.business_date, &mut buffered)
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
        writeln!(
            out,
            "Exported {} customers ({} with a confirmation) to {}",
            api.book.len(),
            count,
            quote_path(&path)
        )
        .map_err(write_error)?;
    }
    Ok(0)
}

/// Writes the header and every customer's row, one at a time; returns how many rows hold a
/// confirmation.
fn write_rows(book: &Book, as_of: NaiveDate, out: &mut dyn Write) -> io::Result<usize> {
    csv_record(out, &Column::ALL.map(Column::name))?;
    let mut confirmed = 0;
    for customer in book.customers_by_name() {
        let current = customer
            .cloud
            .supports_confirmation()
            .then(|| book.current_confirmation(&customer.id, as_of))
            .flatten();
        let (id, domain) = (customer.id.as_str(), customer.domain.as_str());
        match current {
            Some(c) => {
                confirmed += 1;
                let who = &c.accepted_by;
                let date = c.date_agreed.format("%Y-%m-%d").to_string();
                let phone = who.phone.as_deref().unwrap_or("");
                csv_record(
                    out,
                    &[
                        id,
                        domain,
                        &date,
                        &who.first_name,
                        &who.last_name,
                        phone,
                        &who.email,
                    ],
                )?;
            }
            None => csv_record(out, &[id, domain, "", "", "", "", ""])?,
        }
    }
    Ok(confirmed)
}
