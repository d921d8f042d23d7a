//! `pcenter subscriptions list`: a customer's subscriptions, like
//! GET /v1/customers/{id}/subscriptions, so that scripts find the IDs `set-seats` takes.

use super::commerce_json::SubscriptionJson;
use super::error::ApiError;
use super::fit::{terminal_columns, Column};
use super::output::{self, Format};
use super::plain::{counted_table, Counted};
use super::resources::{Collection, SubscriptionResource};
use super::{handlers, write_error, Api};
use crate::domain::commerce::Subscription;
use crate::locale::words::CommandWords;
use std::io::Write;

/// The subscription IDs are what the table is for: the offer IDs and then the status give way
/// first, then offer names are cut.
fn columns(words: &CommandWords) -> [Column; 6] {
    [
        Column::kept(words.subscription_id),
        Column::kept(words.offer).cut(),
        Column::kept(words.seats),
        Column::kept(words.subscription_status).dropped(2),
        Column::kept(words.auto_renew).short(words.auto_renew_short),
        Column::kept(words.offer_id).dropped(1),
    ]
}
const CSV_HEADER: [&str; 8] = [
    "SubscriptionId",
    "OfferId",
    "OfferName",
    "Quantity",
    "BillingType",
    "Status",
    "AutoRenewEnabled",
    "CreationDate",
];

/// Every subscription of the customer, in the order they were created. Every role may list
/// them: only changing seats is gated.
pub fn list(
    api: &mut Api,
    customer: &str,
    format: Format,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    let subscriptions = handlers::subscription_records(api, customer)?;
    match format {
        Format::Json => {
            let items = subscriptions.iter().cloned().map(SubscriptionResource);
            output::json(out, &Collection::of(items.collect())).map_err(write_error)?;
        }
        Format::Table => {
            let words = api.words();
            let rows: Vec<Vec<String>> = subscriptions
                .iter()
                .map(|subscription| table_row(subscription, words))
                .collect();
            let what = Counted {
                count: words.subscriptions_count,
                none: words.no_subscriptions,
            };
            counted_table(
                out,
                &columns(words),
                &rows,
                &what,
                words,
                terminal_columns(),
            )
            .map_err(write_error)?;
        }
        Format::Csv => {
            output::csv_record(out, &CSV_HEADER).map_err(write_error)?;
            for subscription in &subscriptions {
                let json = SubscriptionJson::new(subscription);
                let quantity = json.quantity.to_string();
                let auto_renew = json.auto_renew_enabled.to_string();
                let record = [
                    json.id,
                    json.offer_id,
                    json.offer_name,
                    &quantity,
                    json.billing_type,
                    json.status,
                    &auto_renew,
                    &json.creation_date,
                ];
                output::csv_record(out, &record).map_err(write_error)?;
            }
        }
    }
    Ok(0)
}

/// A row as the Account page lists it: usage-based subscriptions have no seat count.
fn table_row(subscription: &Subscription, words: &CommandWords) -> Vec<String> {
    let seats = subscription
        .quantity
        .map_or(words.usage_based.to_string(), |q| q.to_string());
    let auto_renew = if subscription.auto_renew {
        words.on
    } else {
        words.off
    };
    vec![
        subscription.id.clone(),
        subscription.offer_name.clone(),
        seats,
        (words.subscription_state)(subscription.status).to_string(),
        auto_renew.to_string(),
        subscription.offer_id.clone(),
    ]
}
