//! The Microsoft cloud agreement status a customer list shows for one customer.

use super::agreement::AgreementKind;
use super::cloud::Cloud;
use super::phase::Phase;
use super::timeline::AgreementEra;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgreementStatus {
    Confirmed,
    NotConfirmed,
    NotSupported,
}

impl AgreementStatus {
    /// National clouds have no confirmation; in the public cloud any recorded confirmation counts.
    pub fn of(cloud: Cloud, has_confirmation: bool) -> AgreementStatus {
        if !cloud.supports_confirmation() {
            AgreementStatus::NotSupported
        } else if has_confirmation {
            AgreementStatus::Confirmed
        } else {
            AgreementStatus::NotConfirmed
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AgreementStatus::Confirmed => "Confirmed",
            AgreementStatus::NotConfirmed => "Not confirmed",
            AgreementStatus::NotSupported => "Not supported",
        }
    }

    /// The status as it reads on a business date: before August 7, 2018 confirmation does not
    /// exist yet, so a public-cloud customer is neither confirmed nor unconfirmed, as its
    /// Account page says too.
    pub fn label_on(self, phase: Phase) -> &'static str {
        self.on(phase)
            .map_or(NOT_AVAILABLE_YET, AgreementStatus::label)
    }

    /// The status a business date in `phase` can show; `None` for a public-cloud customer
    /// before confirmation exists.
    pub fn on(self, phase: Phase) -> Option<AgreementStatus> {
        match self {
            AgreementStatus::Confirmed | AgreementStatus::NotConfirmed
                if !phase.confirmation_available() =>
            {
                None
            }
            status => Some(status),
        }
    }
}

pub const NOT_AVAILABLE_YET: &str = "Not available";

/// What a status says on `date`: once there are two agreements (from October 1, 2019), a
/// confirmation names the agreement that counts; otherwise the status as the phase reads it.
pub fn confirmed_of(
    status: AgreementStatus,
    agreement: Option<AgreementKind>,
    date: NaiveDate,
) -> Option<AgreementKind> {
    let two_agreements = AgreementEra::on(date) != AgreementEra::CloudAgreement;
    (status == AgreementStatus::Confirmed && two_agreements)
        .then_some(agreement)
        .flatten()
}

/// The status as commands and reports write it on `date` (see `confirmed_of`): "Confirmed:
/// Microsoft Customer Agreement".
pub fn label_with(
    status: AgreementStatus,
    agreement: Option<AgreementKind>,
    date: NaiveDate,
) -> String {
    match confirmed_of(status, agreement, date) {
        Some(agreement) => format!("Confirmed: {}", agreement.name()),
        None => status.label_on(Phase::on(date)).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_august_7_2018_public_customers_read_not_available_and_national_ones_not_supported() {
        for status in [AgreementStatus::Confirmed, AgreementStatus::NotConfirmed] {
            assert_eq!(status.label_on(Phase::NotYetAvailable), "Not available");
            assert_eq!(status.label_on(Phase::Optional), status.label());
            assert_eq!(status.label_on(Phase::Mandatory), status.label());
        }
        assert_eq!(
            AgreementStatus::NotSupported.label_on(Phase::NotYetAvailable),
            "Not supported"
        );
    }

    #[test]
    fn national_clouds_are_not_supported_whatever_is_recorded() {
        assert_eq!(
            AgreementStatus::of(Cloud::Germany, true),
            AgreementStatus::NotSupported
        );
        assert_eq!(
            AgreementStatus::of(Cloud::Public, true),
            AgreementStatus::Confirmed
        );
        assert_eq!(
            AgreementStatus::of(Cloud::Public, false),
            AgreementStatus::NotConfirmed
        );
    }

    #[test]
    fn from_october_1_2019_the_label_names_the_agreement_that_counts() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let customer = Some(AgreementKind::CustomerAgreement);
        let cloud = Some(AgreementKind::CloudAgreement);
        let confirmed = AgreementStatus::Confirmed;
        assert_eq!(label_with(confirmed, cloud, d("2019-09-30")), "Confirmed");
        assert_eq!(
            label_with(confirmed, cloud, d("2019-10-01")),
            "Confirmed: Microsoft Cloud Agreement"
        );
        assert_eq!(
            label_with(confirmed, customer, d("2020-02-01")),
            "Confirmed: Microsoft Customer Agreement"
        );
        assert_eq!(
            label_with(AgreementStatus::NotConfirmed, None, d("2020-02-01")),
            "Not confirmed"
        );
    }
}
