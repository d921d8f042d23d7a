//! Whether a confirmation can be recorded for a customer at all: the agent's role, the schedule
//! and the customer's cloud. The screens and the service ask this one function.

use super::cloud::Cloud;
use super::phase::{long_date, Phase, OPTIONAL_FROM};
use super::role::{GatedAction, Role, RoleRefusal};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmRefusal {
    Role(RoleRefusal),
    NotYetAvailable,
    NotSupported(Cloud),
}

impl fmt::Display for ConfirmRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfirmRefusal::Role(refusal) => write!(f, "{refusal}"),
            ConfirmRefusal::NotYetAvailable => write!(
                f,
                "Confirmation of customer acceptance becomes available on {}.",
                long_date(OPTIONAL_FROM)
            ),
            ConfirmRefusal::NotSupported(cloud) => write!(
                f,
                "Confirmation of customer acceptance is supported with Microsoft Public Cloud only; this customer is in {}.",
                cloud.label()
            ),
        }
    }
}

/// Checks role, schedule and cloud, in that order (a new customer is always in the public cloud).
pub fn check_can_confirm(role: Role, phase: Phase, cloud: Cloud) -> Result<(), ConfirmRefusal> {
    role.require(GatedAction::ConfirmAcceptance)
        .map_err(ConfirmRefusal::Role)?;
    check_confirmation_exists(phase, cloud)
}

/// Whether confirmation exists at all for a customer on this date, whoever asks: it does from
/// August 7, 2018, in the public cloud. Where it does not, the section offers no Update.
pub fn check_confirmation_exists(phase: Phase, cloud: Cloud) -> Result<(), ConfirmRefusal> {
    if !phase.confirmation_available() {
        return Err(ConfirmRefusal::NotYetAvailable);
    }
    if !cloud.supports_confirmation() {
        return Err(ConfirmRefusal::NotSupported(cloud));
    }
    Ok(())
}

/// Whether the New customer wizard must carry a confirmation: from the mandatory date on, as the
/// dashboard requires. (Commands may create a customer without one; its orders stay blocked.)
pub fn wizard_requires_confirmation(phase: Phase) -> bool {
    phase == Phase::Mandatory
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_comes_first_then_schedule_then_cloud() {
        let refused =
            check_can_confirm(Role::HelpdeskAgent, Phase::NotYetAvailable, Cloud::Germany);
        assert!(matches!(refused, Err(ConfirmRefusal::Role(_))));
        let refused = check_can_confirm(Role::SalesAgent, Phase::NotYetAvailable, Cloud::Germany);
        assert_eq!(refused, Err(ConfirmRefusal::NotYetAvailable));
        let refused = check_can_confirm(Role::AdminAgent, Phase::Optional, Cloud::Germany);
        assert_eq!(refused, Err(ConfirmRefusal::NotSupported(Cloud::Germany)));
        assert_eq!(
            check_can_confirm(Role::AdminAgent, Phase::Mandatory, Cloud::Public),
            Ok(())
        );
    }

    #[test]
    fn refusals_explain_themselves() {
        assert_eq!(
            ConfirmRefusal::NotYetAvailable.to_string(),
            "Confirmation of customer acceptance becomes available on August 7, 2018."
        );
        assert!(ConfirmRefusal::NotSupported(Cloud::China21Vianet)
            .to_string()
            .ends_with("this customer is in Azure China 21Vianet."));
    }

    #[test]
    fn the_wizard_requires_a_confirmation_only_in_the_mandatory_phase() {
        assert!(!wizard_requires_confirmation(Phase::NotYetAvailable));
        assert!(!wizard_requires_confirmation(Phase::Optional));
        assert!(wizard_requires_confirmation(Phase::Mandatory));
    }
}
