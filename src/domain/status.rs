//! The Microsoft cloud agreement status a customer list shows for one customer.

use super::cloud::Cloud;

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
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
