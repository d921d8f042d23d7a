//! The offer catalog built into the binary (`assets/offers.json`): what the rules check an order
//! and a seat count against.

use super::commerce::Offer;
use std::sync::OnceLock;

const OFFERS_JSON: &str = include_str!("../../assets/offers.json");

/// Every offer the partner can sell, in catalog order.
pub fn offers() -> &'static [Offer] {
    static OFFERS: OnceLock<Vec<Offer>> = OnceLock::new();
    OFFERS.get_or_init(|| {
        serde_json::from_str(OFFERS_JSON)
            .unwrap_or_else(|error| panic!("the built-in assets/offers.json is not valid: {error}"))
    })
}

/// The offer with this ID; IDs are compared without regard to case.
pub fn offer(id: &str) -> Option<&'static Offer> {
    let id = id.trim();
    offers()
        .iter()
        .find(|offer| offer.id.eq_ignore_ascii_case(id))
}

/// The offers partners could sell on the business date `date`, in catalog order.
pub fn offers_on(date: chrono::NaiveDate) -> impl Iterator<Item = &'static Offer> {
    offers().iter().filter(move |offer| offer.sold_on(date))
}

/// The name Partner Center showed on `date` for the offer `id`, or `fallback` for an offer not
/// in the catalog.
pub fn offer_name_on<'a>(id: &str, date: chrono::NaiveDate, fallback: &'a str) -> &'a str
where
    'static: 'a,
{
    offer(id).map_or(fallback, |offer| offer.name_on(date))
}
