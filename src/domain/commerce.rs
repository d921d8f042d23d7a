//! Offers, orders and subscriptions.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Billing {
    /// Licensed per seat; the seat count can change, within the offer's maximum.
    SeatBased,
    /// Billed by consumption; there is no seat count.
    UsageBased,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub id: String,
    pub name: String,
    pub category: String,
    pub billing: Billing,
    /// The most seats one subscription may hold (seat-based offers only).
    #[serde(default)]
    pub max_seats: Option<u32>,
    /// The first day partners could sell it.
    #[serde(default = "long_ago")]
    pub available_from: NaiveDate,
    /// The names it had before `name`, oldest first, each with its last day.
    #[serde(default)]
    pub earlier_names: Vec<EarlierName>,
    /// A new offer that only the Microsoft Customer Agreement opens (Azure plan).
    #[serde(default)]
    pub requires_customer_agreement: bool,
    /// Where its dates and names come from.
    #[serde(default)]
    pub source: String,
}

/// A name an offer had until a day, when Partner Center renamed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierName {
    pub name: String,
    pub until: NaiveDate,
}

fn long_ago() -> NaiveDate {
    NaiveDate::MIN
}

impl Offer {
    /// Whether partners could sell it on the business date `date`.
    pub fn sold_on(&self, date: NaiveDate) -> bool {
        self.available_from <= date
    }

    /// Its name as Partner Center showed it on `date`.
    pub fn name_on(&self, date: NaiveDate) -> &str {
        self.earlier_names
            .iter()
            .find(|earlier| date <= earlier.until)
            .map_or(&self.name, |earlier| &earlier.name)
    }

    /// Checks a seat count for one subscription of this offer.
    pub fn check_seats(&self, quantity: u32) -> Result<u32, LineProblem> {
        self.check_seats_on(quantity, NaiveDate::MAX)
    }

    /// Checks a seat count, naming the offer as it was named on the business date `date`.
    pub fn check_seats_on(&self, quantity: u32, date: NaiveDate) -> Result<u32, LineProblem> {
        let offer = self.name_on(date).to_string();
        match (self.billing, self.max_seats) {
            (Billing::UsageBased, _) => Err(LineProblem::NoSeatCount { offer }),
            (Billing::SeatBased, _) if quantity == 0 => Err(LineProblem::NoSeats),
            (Billing::SeatBased, Some(max)) if quantity > max => {
                Err(LineProblem::TooManySeats { offer, max })
            }
            (Billing::SeatBased, _) => Ok(quantity),
        }
    }
}

/// What is wrong with an order line or a seat count, as data: each language says it in its
/// own words, and `Display` gives the English sentence of the commands and the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineProblem {
    /// A usage-based offer was given a seat count.
    NoSeatCount {
        offer: String,
    },
    NoSeats,
    TooManySeats {
        offer: String,
        max: u32,
    },
    /// A usage-based offer ordered with a quantity other than 1.
    UsageBasedQuantity {
        offer: String,
    },
    Suspended {
        offer: String,
    },
    NoOffers,
}

impl std::fmt::Display for LineProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineProblem::NoSeatCount { offer } => {
                write!(f, "{offer} is usage-based: it has no seat count.")
            }
            LineProblem::NoSeats => write!(f, "Enter at least 1 seat."),
            LineProblem::TooManySeats { offer, max } => write!(
                f,
                "{offer} allows at most {max} seats per subscription; lower the quantity."
            ),
            LineProblem::UsageBasedQuantity { offer } => {
                write!(f, "{offer} is usage-based: order it with quantity 1.")
            }
            LineProblem::Suspended { offer } => write!(
                f,
                "{offer} is suspended: its seat count can change once it is active again."
            ),
            LineProblem::NoOffers => write!(f, "Select at least one offer for the order."),
        }
    }
}

impl std::error::Error for LineProblem {}

/// Where a message is a plain sentence, the English one.
impl From<LineProblem> for String {
    fn from(problem: LineProblem) -> String {
        problem.to_string()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubscriptionStatus {
    Active,
    Suspended,
}

impl SubscriptionStatus {
    pub fn label(self) -> &'static str {
        match self {
            SubscriptionStatus::Active => "Active",
            SubscriptionStatus::Suspended => "Suspended",
        }
    }
}

/// What a value of a subscription was until a business date, when it was changed: kept so
/// that the subscription reads on an earlier date as it was then (see `Subscription::as_of`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change<T> {
    /// The business date the change was made on: from it on the value is the next change's
    /// `before`, or, after the last change, the subscription's own.
    pub on: NaiveDate,
    /// The value until that day.
    pub before: T,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub id: String,
    pub customer_id: String,
    pub order_id: String,
    pub offer_id: String,
    pub offer_name: String,
    pub billing: Billing,
    /// Seats for seat-based subscriptions; `None` for usage-based ones. The count of the
    /// latest change: at an earlier business date see `quantity_on`.
    pub quantity: Option<u32>,
    pub status: SubscriptionStatus,
    pub auto_renew: bool,
    pub created_at: DateTime<Utc>,
    /// The seat count before each change of it, in date order; none for a count never changed
    /// (and in records written before changes were dated).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seat_changes: Vec<Change<u32>>,
    /// Auto-renew before each change of it, in date order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub auto_renew_changes: Vec<Change<bool>>,
}

impl Subscription {
    /// The seat count on the business date `date` (`None` for a usage-based subscription).
    pub fn quantity_on(&self, date: NaiveDate) -> Option<u32> {
        self.quantity
            .map(|current| value_on(&self.seat_changes, current, date))
    }

    /// Whether it renewed automatically on the business date `date`.
    pub fn auto_renew_on(&self, date: NaiveDate) -> bool {
        value_on(&self.auto_renew_changes, self.auto_renew, date)
    }

    /// The subscription as it was on the business date `date`: its seat count and auto-renew
    /// of that day, without the changes made later. (Whether it existed then is its
    /// `created_at`'s to say.)
    pub fn as_of(mut self, date: NaiveDate) -> Subscription {
        self.quantity = self.quantity_on(date);
        self.auto_renew = self.auto_renew_on(date);
        self.seat_changes.retain(|change| change.on <= date);
        self.auto_renew_changes.retain(|change| change.on <= date);
        self
    }

    /// Changes the seat count from the business date `date` on. A change dated before a later
    /// one holds until that one: the count of the latest date stays the current count.
    pub fn set_quantity_on(&mut self, date: NaiveDate, quantity: u32) {
        let created = self.created_at.date_naive();
        match self.quantity.as_mut() {
            Some(current) => record(&mut self.seat_changes, current, created, date, quantity),
            None => self.quantity = Some(quantity),
        }
    }

    /// Turns auto-renew on or off from the business date `date` on, as `set_quantity_on`
    /// changes seats.
    pub fn set_auto_renew_on(&mut self, date: NaiveDate, on: bool) {
        let created = self.created_at.date_naive();
        record(
            &mut self.auto_renew_changes,
            &mut self.auto_renew,
            created,
            date,
            on,
        );
    }

    /// The last business date it was created or changed on: from then on it reads the same
    /// whatever the date.
    pub fn changed_on(&self) -> NaiveDate {
        let seats = self.seat_changes.last().map(|change| change.on);
        let renewal = self.auto_renew_changes.last().map(|change| change.on);
        [seats, renewal]
            .into_iter()
            .flatten()
            .fold(self.created_at.date_naive(), NaiveDate::max)
    }

    /// A suspended subscription keeps its seat count until it is active again.
    pub fn check_seats_changeable(&self) -> Result<(), LineProblem> {
        match self.status {
            SubscriptionStatus::Active => Ok(()),
            SubscriptionStatus::Suspended => Err(LineProblem::Suspended {
                offer: self.offer_name.clone(),
            }),
        }
    }
}

/// A value on `date`, given its changes in date order and its value after the last one.
fn value_on<T: Copy>(changes: &[Change<T>], current: T, date: NaiveDate) -> T {
    changes
        .iter()
        .find(|change| change.on > date)
        .map_or(current, |change| change.before)
}

/// Makes `value` the value from `date` until the next change (for good after the last one),
/// keeping what it was before. One change a day at most, none on the day of creation (the
/// value it was created with is no earlier value), and none that leaves the value as it was.
fn record<T: Copy + PartialEq>(
    changes: &mut Vec<Change<T>>,
    current: &mut T,
    created: NaiveDate,
    date: NaiveDate,
    value: T,
) {
    let before = value_on(changes, *current, date);
    let at = changes.partition_point(|change| change.on <= date);
    match changes.get_mut(at) {
        Some(next) => next.before = value,
        None => *current = value,
    }
    let same_day = at > 0 && changes[at - 1].on == date;
    if !same_day && date > created {
        changes.insert(at, Change { on: date, before });
    }
    // A change to the value it already had changes nothing: left out, so that each one kept
    // says when the value really changed.
    let mut after = *current;
    for i in (0..changes.len()).rev() {
        if changes[i].before == after {
            changes.remove(i);
        } else {
            after = changes[i].before;
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub offer_id: String,
    pub quantity: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: String,
    pub customer_id: String,
    pub lines: Vec<OrderLine>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// Checks one order line against its offer: seat-based lines need a seat count within the maximum;
/// usage-based lines always have quantity 1.
pub fn check_line(offer: &Offer, quantity: u32) -> Result<u32, LineProblem> {
    check_line_on(offer, quantity, NaiveDate::MAX)
}

/// `check_line`, naming the offer as it was named on the business date `date`.
pub fn check_line_on(offer: &Offer, quantity: u32, date: NaiveDate) -> Result<u32, LineProblem> {
    match offer.billing {
        Billing::SeatBased => offer.check_seats_on(quantity, date),
        Billing::UsageBased if quantity == 1 => Ok(1),
        Billing::UsageBased => Err(LineProblem::UsageBasedQuantity {
            offer: offer.name_on(date).to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e3() -> Offer {
        Offer {
            id: "e3".into(),
            name: "Microsoft 365 E3".into(),
            category: "Microsoft 365".into(),
            billing: Billing::SeatBased,
            max_seats: Some(300),
            available_from: "2017-08-01".parse().unwrap(),
            earlier_names: vec![],
            requires_customer_agreement: false,
            source: String::new(),
        }
    }

    fn azure() -> Offer {
        Offer {
            id: "azure".into(),
            name: "Azure plan".into(),
            category: "Azure".into(),
            billing: Billing::UsageBased,
            max_seats: None,
            available_from: "2019-10-01".parse().unwrap(),
            earlier_names: vec![],
            requires_customer_agreement: true,
            source: String::new(),
        }
    }

    #[test]
    fn seat_counts_run_from_1_to_the_offers_maximum() {
        assert_eq!(e3().check_seats(1), Ok(1));
        assert_eq!(e3().check_seats(300), Ok(300));
        assert!(e3()
            .check_seats(0)
            .unwrap_err()
            .to_string()
            .contains("at least 1"));
        assert!(e3()
            .check_seats(301)
            .unwrap_err()
            .to_string()
            .contains("at most 300"));
    }

    #[test]
    fn usage_based_offers_have_no_seat_count() {
        assert!(azure()
            .check_seats(5)
            .unwrap_err()
            .to_string()
            .contains("usage-based"));
        assert_eq!(check_line(&azure(), 1), Ok(1));
        assert!(check_line(&azure(), 2).is_err());
        assert_eq!(check_line(&e3(), 25), Ok(25));
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn seats(quantity: u32) -> Subscription {
        Subscription {
            id: "s".into(),
            customer_id: "c".into(),
            order_id: "o".into(),
            offer_id: "e3".into(),
            offer_name: "Microsoft 365 E3".into(),
            billing: Billing::SeatBased,
            quantity: Some(quantity),
            status: SubscriptionStatus::Active,
            auto_renew: true,
            created_at: "2018-11-01T10:00:00Z".parse().unwrap(),
            seat_changes: vec![],
            auto_renew_changes: vec![],
        }
    }

    fn counts(s: &Subscription, days: &[&str]) -> Vec<Option<u32>> {
        days.iter().map(|day| s.quantity_on(d(day))).collect()
    }

    #[test]
    fn a_seat_count_reads_on_each_day_as_it_was_changed_by_then() {
        let mut s = seats(5);
        s.set_quantity_on(d("2018-12-01"), 10);
        assert_eq!(s.quantity, Some(10));
        assert_eq!(
            s.seat_changes,
            [Change {
                on: d("2018-12-01"),
                before: 5
            }]
        );
        let days = ["2018-11-01", "2018-11-30", "2018-12-01", "2019-01-01"];
        assert_eq!(counts(&s, &days), [Some(5), Some(5), Some(10), Some(10)]);
        let then = s.clone().as_of(d("2018-11-30"));
        assert_eq!((then.quantity, then.seat_changes.len()), (Some(5), 0));
        assert_eq!(s.clone().as_of(d("2018-12-01")), s);
        assert_eq!(s.changed_on(), d("2018-12-01"));
    }

    #[test]
    fn a_change_dated_before_a_later_one_holds_until_it_and_the_latest_count_stays_current() {
        let mut s = seats(5);
        s.set_quantity_on(d("2018-12-01"), 10);
        s.set_quantity_on(d("2018-11-15"), 7);
        assert_eq!(s.quantity, Some(10));
        let days = ["2018-11-14", "2018-11-15", "2018-11-30", "2018-12-01"];
        assert_eq!(counts(&s, &days), [Some(5), Some(7), Some(7), Some(10)]);
        // Back to the later count on the earlier day: the later change no longer changes it.
        s.set_quantity_on(d("2018-11-15"), 10);
        assert_eq!(
            s.seat_changes,
            [Change {
                on: d("2018-11-15"),
                before: 5
            }]
        );
        assert_eq!(s.changed_on(), d("2018-11-15"));
    }

    #[test]
    fn one_change_a_day_and_none_on_the_day_of_creation_or_back_to_the_same_count() {
        let mut s = seats(5);
        s.set_quantity_on(d("2018-11-01"), 6);
        assert_eq!((s.quantity, s.seat_changes.len()), (Some(6), 0));
        s.set_quantity_on(d("2018-11-20"), 8);
        s.set_quantity_on(d("2018-11-20"), 9);
        assert_eq!(
            s.seat_changes,
            [Change {
                on: d("2018-11-20"),
                before: 6
            }]
        );
        s.set_quantity_on(d("2018-11-20"), 6);
        assert!(s.seat_changes.is_empty(), "{:?}", s.seat_changes);
        assert_eq!(s.quantity, Some(6));
    }

    #[test]
    fn auto_renew_is_dated_as_seats_are() {
        let mut s = seats(5);
        s.set_auto_renew_on(d("2019-01-10"), false);
        assert!(s.auto_renew_on(d("2019-01-09")));
        assert!(!s.auto_renew_on(d("2019-01-10")));
        assert!(s.clone().as_of(d("2019-01-09")).auto_renew);
        assert_eq!(s.changed_on(), d("2019-01-10"));
        assert_eq!(s.quantity_on(d("2018-11-01")), Some(5));
    }

    #[test]
    fn a_subscription_without_history_reads_as_json_written_before_it() {
        let mut s = seats(5);
        let json = serde_json::to_value(&s).unwrap();
        assert!(json.get("seat_changes").is_none(), "{json}");
        assert!(json.get("auto_renew_changes").is_none(), "{json}");
        assert_eq!(serde_json::from_value::<Subscription>(json).unwrap(), s);
        s.set_quantity_on(d("2018-12-01"), 10);
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(
            json["seat_changes"],
            serde_json::json!([{"on": "2018-12-01", "before": 5}])
        );
        assert_eq!(serde_json::from_value::<Subscription>(json).unwrap(), s);
    }

    #[test]
    fn an_offer_is_sold_from_its_first_day_under_the_name_of_the_day() {
        let mut standard = e3();
        standard.name = "Microsoft 365 Business Standard".into();
        standard.available_from = "2014-10-01".parse().unwrap();
        standard.earlier_names = vec![EarlierName {
            name: "Office 365 Business Premium".into(),
            until: "2020-04-20".parse().unwrap(),
        }];
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert!(!standard.sold_on(d("2014-09-30")));
        assert!(standard.sold_on(d("2014-10-01")));
        assert_eq!(
            standard.name_on(d("2020-04-20")),
            "Office 365 Business Premium"
        );
        assert_eq!(
            standard.name_on(d("2020-04-21")),
            "Microsoft 365 Business Standard"
        );
        assert!(!azure().sold_on(d("2019-09-30")));
        assert!(azure().sold_on(d("2019-10-01")));
    }
}
