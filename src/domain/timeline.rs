//! What Partner Center did on a given day: when the gate starts for each face and environment,
//! and which agreement partners confirm. The business date decides everything here.

use super::agreement::AgreementKind;
use super::phase::{MANDATORY_FROM, OPTIONAL_FROM};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// March 11, 2019: API users in the CSP sandbox must confirm.
pub const API_SANDBOX_MANDATORY_FROM: NaiveDate = date(2019, 3, 11);
/// March 22, 2019: API users in production must confirm.
pub const API_PRODUCTION_MANDATORY_FROM: NaiveDate = date(2019, 3, 22);
/// October 1, 2019: the Microsoft Customer Agreement in production.
pub const CUSTOMER_AGREEMENT_FROM: NaiveDate = date(2019, 10, 1);
/// January 31, 2020: the last day the Microsoft Cloud Agreement satisfies the gate.
pub const CLOUD_AGREEMENT_VALID_UNTIL: NaiveDate = date(2020, 1, 31);
/// February 1, 2020: only the Microsoft Customer Agreement satisfies the gate.
pub const CUSTOMER_AGREEMENT_ONLY_FROM: NaiveDate = date(2020, 2, 1);

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("invalid constant date"),
    }
}

/// Partner Center's two environments; the API's enforcement began on different days in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Environment {
    #[default]
    Production,
    Sandbox,
}

impl Environment {
    /// The environment named `text` (any case, spaces around), if any; a name that is none is
    /// `ValueProblem::Environment` on the command line.
    pub fn parse(text: &str) -> Option<Environment> {
        match text.trim().to_ascii_lowercase().as_str() {
            "production" => Some(Environment::Production),
            "sandbox" => Some(Environment::Sandbox),
            _ => None,
        }
    }

    /// As the command line and the store write it: "production" or "sandbox".
    pub fn name(self) -> &'static str {
        match self {
            Environment::Production => "production",
            Environment::Sandbox => "sandbox",
        }
    }

    /// As the header shows it: "Production" or "Sandbox".
    pub fn label(self) -> &'static str {
        match self {
            Environment::Production => "Production",
            Environment::Sandbox => "Sandbox",
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How an agent reaches Partner Center: the dashboard, or the API (commands and HTTP).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Face {
    #[default]
    Dashboard,
    Api,
}

/// The first day without a confirmation blocks new orders and seat changes, for this face in
/// this environment: the dashboard from November 7, 2018 in both environments; the API from
/// March 11, 2019 in the sandbox and March 22, 2019 in production.
pub fn mandatory_from(face: Face, environment: Environment) -> NaiveDate {
    match (face, environment) {
        (Face::Dashboard, _) => MANDATORY_FROM,
        (Face::Api, Environment::Sandbox) => API_SANDBOX_MANDATORY_FROM,
        (Face::Api, Environment::Production) => API_PRODUCTION_MANDATORY_FROM,
    }
}

/// Which agreements exist and satisfy the gate on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AgreementEra {
    /// Until September 30, 2019: the Microsoft Cloud Agreement only.
    CloudAgreement,
    /// October 1, 2019 to January 31, 2020: either agreement satisfies the gate, except for
    /// offers that require the Customer Agreement.
    Both,
    /// From February 1, 2020: only the Microsoft Customer Agreement.
    CustomerAgreement,
}

impl AgreementEra {
    pub fn on(date: NaiveDate) -> AgreementEra {
        if date < CUSTOMER_AGREEMENT_FROM {
            AgreementEra::CloudAgreement
        } else if date < CUSTOMER_AGREEMENT_ONLY_FROM {
            AgreementEra::Both
        } else {
            AgreementEra::CustomerAgreement
        }
    }

    /// Whether partners can confirm this agreement in this era.
    pub fn offers(self, kind: AgreementKind) -> bool {
        !matches!(
            (self, kind),
            (
                AgreementEra::CloudAgreement,
                AgreementKind::CustomerAgreement
            ) | (
                AgreementEra::CustomerAgreement,
                AgreementKind::CloudAgreement
            )
        )
    }

    /// Whether a confirmation of `kind` satisfies the gate for an order in this era.
    /// `offer_requires_customer_agreement` marks the new offers (Azure plan) that need it.
    pub fn satisfied_by(
        self,
        kind: AgreementKind,
        offer_requires_customer_agreement: bool,
    ) -> bool {
        match kind {
            AgreementKind::CustomerAgreement => true,
            AgreementKind::CloudAgreement => {
                self != AgreementEra::CustomerAgreement && !offer_requires_customer_agreement
            }
        }
    }

    /// Every agreement that can be confirmed in this era, oldest first.
    pub fn agreements(self) -> Vec<AgreementKind> {
        AgreementKind::ALL
            .into_iter()
            .filter(|kind| self.offers(*kind))
            .collect()
    }
}

/// The first day of the era `date` falls in: statuses computed on `date` hold from the later of
/// this day and the latest acceptance, until the era ends.
pub fn era_start(date: NaiveDate) -> NaiveDate {
    match AgreementEra::on(date) {
        AgreementEra::CloudAgreement => NaiveDate::MIN,
        AgreementEra::Both => CUSTOMER_AGREEMENT_FROM,
        AgreementEra::CustomerAgreement => CUSTOMER_AGREEMENT_ONLY_FROM,
    }
}

/// The agreement the dashboard's section, checkbox, prompt and Update form confirm on `date`:
/// the Microsoft Cloud Agreement until January 31, 2020, then the Microsoft Customer Agreement.
pub fn dashboard_agreement(date: NaiveDate) -> AgreementKind {
    if date < CUSTOMER_AGREEMENT_ONLY_FROM {
        AgreementKind::CloudAgreement
    } else {
        AgreementKind::CustomerAgreement
    }
}

/// Whether a confirmation of `kind` can be recorded on `date` at all: neither before August 7,
/// 2018 nor outside its agreement's era.
pub fn confirmable(kind: AgreementKind, date: NaiveDate) -> bool {
    date >= OPTIONAL_FROM && AgreementEra::on(date).offers(kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use AgreementKind::{CloudAgreement, CustomerAgreement};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_dashboard_gate_starts_on_november_7_2018_in_both_environments() {
        for environment in [Environment::Production, Environment::Sandbox] {
            assert_eq!(
                mandatory_from(Face::Dashboard, environment),
                d("2018-11-07")
            );
        }
    }

    #[test]
    fn the_api_gate_starts_on_march_11_2019_in_the_sandbox_and_march_22_in_production() {
        assert_eq!(
            mandatory_from(Face::Api, Environment::Sandbox),
            d("2019-03-11")
        );
        assert_eq!(
            mandatory_from(Face::Api, Environment::Production),
            d("2019-03-22")
        );
    }

    #[test]
    fn the_customer_agreement_exists_from_october_1_2019() {
        assert_eq!(
            AgreementEra::on(d("2019-09-30")),
            AgreementEra::CloudAgreement
        );
        assert_eq!(AgreementEra::on(d("2019-10-01")), AgreementEra::Both);
        assert!(!confirmable(CustomerAgreement, d("2019-09-30")));
        assert!(confirmable(CustomerAgreement, d("2019-10-01")));
    }

    #[test]
    fn the_cloud_agreement_is_valid_until_january_31_2020() {
        assert_eq!(AgreementEra::on(d("2020-01-31")), AgreementEra::Both);
        assert_eq!(
            AgreementEra::on(d("2020-02-01")),
            AgreementEra::CustomerAgreement
        );
        assert!(confirmable(CloudAgreement, d("2020-01-31")));
        assert!(!confirmable(CloudAgreement, d("2020-02-01")));
        assert_eq!(
            CLOUD_AGREEMENT_VALID_UNTIL.succ_opt(),
            Some(CUSTOMER_AGREEMENT_ONLY_FROM)
        );
    }

    #[test]
    fn nothing_is_confirmable_before_august_7_2018() {
        assert!(!confirmable(CloudAgreement, d("2018-08-06")));
        assert!(confirmable(CloudAgreement, d("2018-08-07")));
    }

    #[test]
    fn either_agreement_satisfies_the_gate_in_the_overlap_except_for_offers_that_require_the_new_one(
    ) {
        let overlap = AgreementEra::on(d("2019-12-01"));
        assert!(overlap.satisfied_by(CloudAgreement, false));
        assert!(overlap.satisfied_by(CustomerAgreement, false));
        assert!(!overlap.satisfied_by(CloudAgreement, true));
        assert!(overlap.satisfied_by(CustomerAgreement, true));
        let later = AgreementEra::on(d("2020-02-01"));
        assert!(!later.satisfied_by(CloudAgreement, false));
        assert!(later.satisfied_by(CustomerAgreement, false));
        assert!(AgreementEra::on(d("2019-01-01")).satisfied_by(CloudAgreement, false));
    }

    #[test]
    fn the_dashboard_names_the_customer_agreement_from_february_1_2020() {
        assert_eq!(dashboard_agreement(d("2020-01-31")), CloudAgreement);
        assert_eq!(dashboard_agreement(d("2020-02-01")), CustomerAgreement);
        assert_eq!(
            AgreementEra::on(d("2019-11-01")).agreements(),
            vec![CloudAgreement, CustomerAgreement]
        );
        assert_eq!(
            AgreementEra::on(d("2026-12-04")).agreements(),
            vec![CustomerAgreement]
        );
    }

    #[test]
    fn environments_are_named_as_the_command_line_takes_them() {
        assert_eq!(Environment::parse(" Sandbox "), Some(Environment::Sandbox));
        assert_eq!(
            Environment::parse("production"),
            Some(Environment::Production)
        );
        assert_eq!(Environment::parse("staging"), None);
    }
}
