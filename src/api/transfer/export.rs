//! `pcenter agreements export [--out FILE]`: one row per customer in company-name order, with
//! the values of its current confirmation, or empty columns when it has none.

use super::rows::Column;
use crate::api::error::ApiError;
use crate::api::output::{cannot_write, csv_record, out_file};
use crate::api::{write_error, Api};
use crate::book::Book;
use crate::domain::role::GatedAction;
use crate::service::ServiceError;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

pub fn export(api: &mut Api, file: Option<PathBuf>, out: &mut dyn Write) -> Result<u8, ApiError> {
    api.actor
        .role
        .require(GatedAction::SeeConfirmation)
        .map_err(ServiceError::from)?;
    api.load_everything()?;
    let Some(path) = out_file(file.as_deref()) else {
        let mut buffered = BufWriter::new(out);
        write_rows(&api.book, &mut buffered)
            .and_then(|_| buffered.flush())
            .map_err(write_error)?;
        return Ok(0);
    };
    let cannot = |e: io::Error| cannot_write(path, &e);
    let file = crate::private::create_file(path).map_err(cannot)?;
    let mut buffered = BufWriter::new(file);
    let count = write_rows(&api.book, &mut buffered)
        .and_then(|count| buffered.flush().map(|_| count))
        .map_err(cannot)?;
    buffered.get_ref().sync_all().map_err(cannot)?;
    writeln!(
        out,
        "Exported {} customers ({} with a confirmation) to {}",
        api.book.len(),
        count,
        crate::cli::printable(&path.display().to_string())
    )
    .map_err(write_error)?;
    Ok(0)
}

/// Writes the header and every customer's row, one at a time; returns how many rows hold a
/// confirmation.
fn write_rows(book: &Book, out: &mut dyn Write) -> io::Result<usize> {
    csv_record(out, &Column::ALL.map(Column::name))?;
    let mut confirmed = 0;
    for customer in book.customers_by_name() {
        let current = customer
            .cloud
            .supports_confirmation()
            .then(|| book.current_confirmation(&customer.id))
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
