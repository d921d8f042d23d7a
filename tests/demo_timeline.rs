//! The demo across business dates: at each date it holds only what could exist then. Nothing
//! dated after the business date shows on the Customers list or any Account page, and each era
//! has customers a trainer can confirm and customers the gate blocks.

mod common;

use chrono::NaiveDate;
use common::{open_account, press, render, session};
use pcenter::domain::role::Role;
use pcenter::domain::status::AgreementStatus;
use pcenter::domain::timeline::AgreementEra;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// The day before and the day of every change of the timeline, and days in between.
const DATES: [&str; 16] = [
    "2018-08-06",
    "2018-08-07",
    "2018-09-14",
    "2018-11-06",
    "2018-11-07",
    "2018-11-14",
    "2019-03-21",
    "2019-03-22",
    "2019-09-30",
    "2019-10-01",
    "2019-12-15",
    "2020-01-31",
    "2020-02-01",
    "2020-04-20",
    "2020-04-21",
    "2026-12-04",
];

fn text(backend: &TestBackend) -> String {
    let buffer = backend.buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

/// Every `YYYY-MM-DD` in `text`.
fn dates_in(text: &str) -> Vec<NaiveDate> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9))
        .filter_map(|i| text.get(i..i + 10))
        .filter_map(|candidate| NaiveDate::parse_from_str(candidate, "%Y-%m-%d").ok())
        .collect()
}

#[test]
fn nothing_dated_after_the_business_date_shows_anywhere() {
    for date in DATES {
        let day: NaiveDate = date.parse().unwrap();
        let mut s = session(date, Role::AdminAgent);
        let mut screens = vec![text(&render(&mut s, 160, 60))];
        let ids: Vec<String> = s
            .app
            .ctx
            .book
            .customers_by_name()
            .map(|c| c.id.clone())
            .collect();
        for id in &ids {
            let customer = s.app.ctx.book.customer(id).unwrap().clone();
            assert!(
                customer.created_at.date_naive() <= day,
                "{} was created after {date}",
                customer.company_name
            );
            for c in s.app.ctx.book.confirmations(id) {
                assert!(c.recorded_at.date_naive() <= day, "{date}: {c:?}");
            }
            for sub in s.app.ctx.book.subscriptions(id) {
                assert!(sub.created_at.date_naive() <= day, "{date}: {sub:?}");
            }
            open_account(&mut s, id);
            let account = text(&render(&mut s, 160, 60));
            assert!(
                account.contains("Account") && account.contains(&customer.domain),
                "{date}: the Account of {} is open:\n{account}",
                customer.company_name
            );
            screens.push(account);
            press(&mut s, KeyCode::Esc);
        }
        for screen in &screens {
            for shown in dates_in(screen) {
                assert!(shown <= day, "{shown} shows on {date}:\n{screen}");
            }
        }
    }
}

#[test]
fn later_customers_appear_on_their_day_and_not_before() {
    let listed = |date: &str| {
        let s = session(date, Role::AdminAgent);
        let names: Vec<String> = s
            .app
            .ctx
            .book
            .customers_by_name()
            .map(|c| c.company_name.clone())
            .collect();
        names
    };
    assert!(!listed("2020-03-15").contains(&"Lucerne Publishing".to_string()));
    assert!(listed("2020-03-16").contains(&"Lucerne Publishing".to_string()));
    assert!(!listed("2019-11-11").contains(&"Trey Research".to_string()));
    assert!(listed("2019-11-12").contains(&"Trey Research".to_string()));
    assert!(listed("2018-11-14").len() < listed("2026-12-04").len());
}

#[test]
fn every_era_has_customers_confirmed_and_customers_blocked() {
    for (date, era) in [
        ("2018-09-14", AgreementEra::CloudAgreement),
        ("2018-11-14", AgreementEra::CloudAgreement),
        ("2019-12-15", AgreementEra::Both),
        ("2020-05-04", AgreementEra::CustomerAgreement),
        ("2026-12-04", AgreementEra::CustomerAgreement),
    ] {
        let day: NaiveDate = date.parse().unwrap();
        assert_eq!(AgreementEra::on(day), era);
        let s = session(date, Role::AdminAgent);
        let book = &s.app.ctx.book;
        let statuses: Vec<AgreementStatus> = book
            .customers_by_name()
            .map(|c| book.status(c, day))
            .collect();
        let confirmed = statuses
            .iter()
            .filter(|s| **s == AgreementStatus::Confirmed)
            .count();
        let unconfirmed = statuses
            .iter()
            .filter(|s| **s == AgreementStatus::NotConfirmed)
            .count();
        assert!(confirmed >= 2, "{date}: {confirmed} confirmed");
        assert!(unconfirmed >= 2, "{date}: {unconfirmed} not confirmed");
        let blocked = book
            .customers_by_name()
            .filter(|c| book.gate_facts(c, day).blocks_orders())
            .count();
        if date >= "2018-11-07" {
            assert!(blocked >= 2, "{date}: {blocked} blocked");
        } else {
            assert_eq!(
                blocked, 0,
                "{date}: nothing is blocked before November 7, 2018"
            );
        }
    }
}
