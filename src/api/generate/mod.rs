//! `pcenter generate`: fills an empty store with realistic, seeded customers to measure on.

mod data;
mod history;
#[cfg(test)]
mod tests;
mod words;

use super::error::ApiError;
use super::transfer::progress::Progress;
use super::write_error;
use crate::domain::role::GatedAction;
use crate::service::{Actor, ServiceError};
use crate::store::{SledStore, Store};
use data::Generator;
use std::io::Write;

/// Customers written to the store at a time: memory stays bounded however many are asked for.
const CHUNK: usize = 50_000;

/// Fills `store`, which must hold no customer yet, with `customers` customers made from `seed`,
/// created before the actor's business date; `partner_name` is saved with the first chunk.
pub fn generate(
    store: &SledStore,
    actor: &Actor,
    partner_name: Option<&str>,
    customers: usize,
    seed: u64,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    actor
        .role
        .require(GatedAction::CreateCustomer)
        .map_err(ServiceError::from)?;
    if !store.is_empty()? {
        return Err(ApiError::invalid(format!(
            "The store at {} already holds customers; generated customers go only into an empty store. Choose another --data-dir.",
            store.path().display()
        )));
    }
    let mut generator = Generator::new(seed, actor.business_date, customers);
    let mut progress = Progress::on_stderr(customers);
    let mut partner_name = partner_name.map(str::to_string);
    while generator.remaining() > 0 {
        let mut chunk = generator.chunk(CHUNK);
        chunk.partner_name = partner_name.take();
        store.write_snapshot(&chunk)?;
        for _ in &chunk.customers {
            progress.advance();
        }
    }
    progress.clear();
    let tally = generator.tally;
    writeln!(
        out,
        "Generated {} customers ({} confirmed, {} not confirmed, {} in national clouds, {} subscriptions) in {}",
        tally.customers,
        tally.confirmed,
        tally.not_confirmed,
        tally.national,
        tally.subscriptions,
        store.path().display()
    )
    .map_err(write_error)?;
    Ok(0)
}
