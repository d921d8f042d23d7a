//! `pcenter offers list`: the offer catalog orders are made from, with the IDs `orders create`
//! takes. Static: no store is opened.

use super::error::ApiError;
use super::fit::{terminal_columns, Column};
use super::handlers;
use super::output::{self, Format};
use super::plain::{counted_table, Counted};
use super::write_error;
use crate::domain::catalog;
use crate::domain::commerce::{Billing, Offer};
use crate::locale::words::CommandWords;
use crate::locale::Lang;
use serde::Serialize;
use std::io::Write;

/// An offer as Partner Center's Offer resource names its fields.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OfferJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub category: OfferCategory<'a>,
    /// `license` (seat-based) or `usage`.
    pub billing: &'static str,
    pub unit_type: &'static str,
    pub minimum_quantity: u32,
    /// The most seats one subscription may hold; usage-based offers are ordered with quantity 1.
    pub maximum_quantity: Option<u32>,
}

/// Partner Center's OfferCategory: the catalog's category, in the market pcenter sells in.
#[derive(Debug, Serialize)]
pub struct OfferCategory<'a> {
    /// The name in lower case with dashes (`microsoft-365`).
    pub id: String,
    pub name: &'a str,
    pub rank: u32,
    pub locale: &'static str,
    pub country: &'static str,
}

impl<'a> OfferCategory<'a> {
    fn of(name: &'a str) -> OfferCategory<'a> {
        let id = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join("-");
        OfferCategory {
            id,
            name,
            rank: 0,
            locale: "en-US",
            country: "US",
        }
    }
}

impl<'a> OfferJson<'a> {
    pub fn new(offer: &'a Offer) -> OfferJson<'a> {
        OfferJson::on(offer, chrono::NaiveDate::MAX)
    }

    /// The offer as Partner Center named it on the business date `date`.
    pub fn on(offer: &'a Offer, date: chrono::NaiveDate) -> OfferJson<'a> {
        let (billing, unit_type, maximum_quantity) = match offer.billing {
            Billing::SeatBased => ("license", "Licenses", offer.max_seats),
            Billing::UsageBased => ("usage", "Usage-based", Some(1)),
        };
        OfferJson {
            id: &offer.id,
            name: offer.name_on(date),
            category: OfferCategory::of(&offer.category),
            billing,
            unit_type,
            minimum_quantity: 1,
            maximum_quantity,
        }
    }
}

/// The IDs are what the table is for: names are cut, category and billing left out first.
fn columns(words: &CommandWords) -> [Column; 5] {
    [
        Column::kept(words.offer_id),
        Column::kept(words.offer).cut(),
        Column::kept(words.category).dropped(1),
        Column::kept(words.billing).dropped(2),
        Column::kept(words.max_seats),
    ]
}
const CSV_HEADER: [&str; 5] = ["OfferId", "Name", "Category", "Billing", "MaximumQuantity"];

/// The offers sold on the business date `date`, under their names of that day; a table's
/// words in `lang`.
pub fn list(
    format: Format,
    date: chrono::NaiveDate,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    let offers: Vec<&Offer> = catalog::offers_on(date).collect();
    match format {
        Format::Json => {
            output::json(out, &handlers::offers(date)).map_err(write_error)?;
        }
        Format::Table => {
            let words = &lang.words().commands;
            let rows: Vec<Vec<String>> = offers
                .iter()
                .map(|offer| {
                    let (billing, max_seats) = match offer.billing {
                        Billing::SeatBased => (
                            words.seat_based,
                            offer.max_seats.map_or("—".into(), |m| m.to_string()),
                        ),
                        Billing::UsageBased => (words.usage_based, "—".into()),
                    };
                    vec![
                        offer.id.clone(),
                        offer.name_on(date).to_string(),
                        offer.category.clone(),
                        billing.into(),
                        max_seats,
                    ]
                })
                .collect();
            let what = Counted {
                count: words.offers_count,
                none: words.no_offers,
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
            for offer in offers {
                let json = OfferJson::on(offer, date);
                let maximum = json
                    .maximum_quantity
                    .map_or(String::new(), |m| m.to_string());
                let record = [
                    json.id,
                    json.name,
                    json.category.name,
                    json.billing,
                    &maximum,
                ];
                output::csv_record(out, &record).map_err(write_error)?;
            }
        }
    }
    Ok(0)
}
