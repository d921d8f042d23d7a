//! The source of "now" for recording timestamps: the real world's in the shells, a fixed one in
//! tests so that they are repeatable. Owned by the shared core, never by a session.

use chrono::{DateTime, Local, NaiveDate, Utc};

pub trait Clock: Send + Sync {
    /// The moment a change made on the business date `business_date` is recorded at.
    fn now_on(&self, business_date: NaiveDate) -> DateTime<Utc>;
}

/// A clock that always says the same time; on another business date than its own, that time
/// of day on the business date, as the real clock does.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now_on(&self, business_date: NaiveDate) -> DateTime<Utc> {
        if business_date == self.0.date_naive() {
            self.0
        } else {
            business_date.and_time(self.0.time()).and_utc()
        }
    }
}

/// The clock of the real world. On a business date other than today's, timestamps fall on that
/// date (at the real time of day), so records stay in step with the rules' "today".
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_on(&self, business_date: NaiveDate) -> DateTime<Utc> {
        let now = Utc::now();
        if business_date == Local::now().date_naive() {
            now
        } else {
            business_date.and_time(now.time()).and_utc()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_business_date_other_than_today_dates_the_records() {
        let day: NaiveDate = "2018-11-14".parse().unwrap();
        assert_eq!(SystemClock.now_on(day).date_naive(), day);
        let today = Local::now().date_naive();
        let now = SystemClock.now_on(today);
        assert!((Utc::now() - now).num_seconds().abs() < 5);
    }
}
