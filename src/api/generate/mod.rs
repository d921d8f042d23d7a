//! `pcenter generate`: fills an empty store with realistic, seeded customers to measure on.

mod data;
mod history;
#[cfg(test)]
mod tests;
mod words;

use super::error::ApiError;
use super::transfer::progress::Progress;
use super::write_error;
use crate::dashboard;
use crate::diagnostics::Logged;
use crate::directory::{Building, Directory, ListCache, ListingRow, Stamp};
use crate::domain::characters::quote_path;
use crate::domain::role::GatedAction;
use crate::locale::words::{CommandWords, Generated, IoTrouble};
use crate::service::{Actor, ServiceError};
use crate::store::{IoProblem, SledStore, Store};
use chrono::NaiveDate;
use data::Generator;
use std::io::Write;

/// Customers written to the store at a time: memory stays bounded however many are asked for.
const CHUNK: usize = 50_000;

pub use crate::invocation::MOST_CUSTOMERS;

/// Fills `store`, which must hold no customer yet, with `customers` customers made from `seed`,
/// created before the actor's business date; `partner_name` is saved with the first chunk.
pub fn generate(
    store: &Logged<SledStore>,
    actor: &Actor,
    partner_name: Option<&str>,
    customers: usize,
    seed: u64,
    words: &'static CommandWords,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    actor
        .role
        .require(GatedAction::CreateCustomer)
        .map_err(ServiceError::from)?;
    if customers > MOST_CUSTOMERS {
        let most = crate::domain::count::thousands(MOST_CUSTOMERS);
        return Err(ApiError::invalid_said(move |words| {
            (words.requests.generate_too_many)(&most)
        }));
    }
    if !store.is_empty()? {
        let path = quote_path(store.path());
        return Err(ApiError::invalid_said(move |words| {
            (words.requests.generate_store_not_empty)(&path)
        }));
    }
    let mut generator = Generator::new(seed, actor.business_date, customers);
    let mut progress = Progress::on_stderr(customers, words);
    // The list is built as the customers are made: reading it back from the store would take
    // longer than writing it.
    let mut list = Building::with_capacity(customers);
    let mut chunks = std::iter::from_fn(|| {
        (generator.remaining() > 0).then(|| {
            let dossiers = generator.chunk(CHUNK).into_dossiers();
            for dossier in &dossiers {
                // Every confirmation counts: the list is stamped with the latest acceptance date.
                list.push(&ListingRow::on(dossier.listed(), NaiveDate::MAX));
            }
            dossiers
        })
    });
    store.fill(partner_name, &mut chunks, &mut |written| {
        for _ in 0..written {
            progress.advance();
        }
    })?;
    progress.clear();
    save_list(store, &list.finish())?;
    let tally = generator.tally;
    let said = (words.generated)(&Generated {
        customers: tally.customers,
        confirmed: tally.confirmed,
        not_confirmed: tally.not_confirmed,
        national: tally.national,
        subscriptions: tally.subscriptions,
        store: &quote_path(store.path()),
    });
    writeln!(out, "{said}").map_err(write_error)?;
    Ok(0)
}

/// Saves the list beside the store, so the first dashboard on it starts at once.
fn save_list(store: &SledStore, directory: &Directory) -> Result<(), ApiError> {
    let partner = dashboard::partner_name(store)?;
    let stamp = Stamp {
        store: store.identity()?,
        generation: store.generation()?,
        // The statuses were computed with every confirmation counting (NaiveDate::MAX).
        statuses_from: Stamp::statuses_from(store.latest_change()?, NaiveDate::MAX),
    };
    ListCache::of(store.path())
        .save(directory, stamp, &partner)
        .map_err(|e| {
            ApiError::from(crate::store::StoreError::Io {
                path: store.path().to_path_buf(),
                detail: IoProblem::ListNotSaved(IoTrouble::from(&e)),
            })
        })?;
    store.list_copy_saved();
    Ok(())
}
