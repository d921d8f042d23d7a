//! The schedule of the Microsoft Cloud Agreement confirmation, as the business date sees it.

use super::timeline::{mandatory_from, Environment, Face};
use chrono::NaiveDate;
use serde::Serialize;

/// August 7, 2018: partners can confirm acceptance; confirmation is optional.
pub const OPTIONAL_FROM: NaiveDate = date(2018, 8, 7);
/// November 7, 2018: confirmation is mandatory for new orders and seat changes.
pub const MANDATORY_FROM: NaiveDate = date(2018, 11, 7);

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("invalid constant date"),
    }
}

/// A date as the schedule writes it: "November 7, 2018".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%B %-d, %Y").to_string()
}

/// Where the business date falls in Microsoft's schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Phase {
    /// Before August 7, 2018: the confirmation does not exist yet and nothing is gated.
    NotYetAvailable,
    /// August 7 to November 6, 2018: partners may confirm, or skip with Cancel.
    Optional,
    /// From November 7, 2018: without a confirmation, no new orders and no seat changes.
    Mandatory,
}

impl Phase {
    /// The dashboard's phase on the business date.
    pub fn on(business_date: NaiveDate) -> Phase {
        Phase::for_face(business_date, Face::Dashboard, Environment::Production)
    }

    /// The phase of one face in one environment: the API's gate started months after the
    /// dashboard's (see `timeline::mandatory_from`).
    pub fn for_face(business_date: NaiveDate, face: Face, environment: Environment) -> Phase {
        if business_date < OPTIONAL_FROM {
            Phase::NotYetAvailable
        } else if business_date < mandatory_from(face, environment) {
            Phase::Optional
        } else {
            Phase::Mandatory
        }
    }

    /// Whether partners can record a confirmation at all on this date.
    pub fn confirmation_available(self) -> bool {
        self != Phase::NotYetAvailable
    }

    pub fn label(self) -> &'static str {
        match self {
            Phase::NotYetAvailable => "Not yet available",
            Phase::Optional => "Optional",
            Phase::Mandatory => "Mandatory",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn before_august_7_2018_confirmation_does_not_exist() {
        assert_eq!(Phase::on(d("2018-08-06")), Phase::NotYetAvailable);
        assert_eq!(Phase::on(d("2017-01-01")), Phase::NotYetAvailable);
        assert!(!Phase::on(d("2018-08-06")).confirmation_available());
    }

    #[test]
    fn from_august_7_2018_confirmation_is_optional() {
        assert_eq!(Phase::on(d("2018-08-07")), Phase::Optional);
        assert_eq!(Phase::on(d("2018-11-06")), Phase::Optional);
        assert!(Phase::on(d("2018-08-07")).confirmation_available());
    }

    #[test]
    fn from_november_7_2018_confirmation_is_mandatory() {
        assert_eq!(Phase::on(d("2018-11-07")), Phase::Mandatory);
        assert_eq!(Phase::on(d("2026-11-24")), Phase::Mandatory);
    }

    #[test]
    fn the_api_stays_optional_until_its_own_enforcement_day() {
        let api = |date, environment| Phase::for_face(d(date), Face::Api, environment);
        assert_eq!(api("2019-03-10", Environment::Sandbox), Phase::Optional);
        assert_eq!(api("2019-03-11", Environment::Sandbox), Phase::Mandatory);
        assert_eq!(api("2019-03-21", Environment::Production), Phase::Optional);
        assert_eq!(api("2019-03-22", Environment::Production), Phase::Mandatory);
        assert_eq!(
            api("2018-08-06", Environment::Production),
            Phase::NotYetAvailable
        );
        assert_eq!(
            Phase::for_face(d("2018-11-07"), Face::Dashboard, Environment::Sandbox),
            Phase::Mandatory
        );
    }

    #[test]
    fn dates_read_as_in_the_schedule() {
        assert_eq!(long_date(MANDATORY_FROM), "November 7, 2018");
        assert_eq!(long_date(OPTIONAL_FROM), "August 7, 2018");
    }

    #[test]
    fn labels_match_the_schedule_words() {
        assert_eq!(Phase::Optional.label(), "Optional");
        assert_eq!(Phase::Mandatory.label(), "Mandatory");
    }
}
