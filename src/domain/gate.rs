//! The rules that hang on the confirmation: when an order or a seat change is refused, and when
//! the acceptance prompt stands before a new order. Nothing else is gated: viewing customers and
//! accounts is always allowed, and subscriptions keep renewing automatically whatever the status
//! (there is no renewal operation to refuse).

use super::cloud::Cloud;
use super::commerce::Billing;
use super::phase::{long_date, Phase, MANDATORY_FROM};
use std::fmt;

/// The facts the gate looks at for one customer on one business date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GateFacts {
    pub phase: Phase,
    pub cloud: Cloud,
    pub confirmed: bool,
}

/// Why an order or a seat change is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateRefusal {
    NewOrder,
    SeatChange,
    UsageBasedHasNoSeats,
}

impl fmt::Display for GateRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GateRefusal::NewOrder => write!(
                f,
                "Confirmation of customer acceptance of the Microsoft Cloud Agreement is mandatory \
                 since {}: confirm it before you create new orders for this customer.",
                long_date(MANDATORY_FROM)
            ),
            GateRefusal::SeatChange => write!(
                f,
                "Confirmation of customer acceptance of the Microsoft Cloud Agreement is mandatory \
                 since {}: confirm it before you change the seat count of this customer's \
                 subscriptions.",
                long_date(MANDATORY_FROM)
            ),
            GateRefusal::UsageBasedHasNoSeats => {
                write!(
                    f,
                    "This subscription is usage-based: it has no seat count to change."
                )
            }
        }
    }
}

impl std::error::Error for GateRefusal {}

/// What stands between the agent and a new order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderPrompt {
    /// Go straight to the order.
    None,
    /// Ask for the confirmation; Cancel skips to the order.
    Skippable,
    /// Ask for the confirmation; Cancel returns without an order.
    Required,
}

impl GateFacts {
    /// Whether the confirmation is missing where Microsoft would check for it.
    fn missing_where_checked(self) -> bool {
        self.cloud.supports_confirmation() && !self.confirmed
    }

    pub fn blocks_orders(self) -> bool {
        self.phase == Phase::Mandatory && self.missing_where_checked()
    }

    pub fn check_new_order(self) -> Result<(), GateRefusal> {
        if self.blocks_orders() {
            Err(GateRefusal::NewOrder)
        } else {
            Ok(())
        }
    }

    pub fn check_seat_change(self, billing: Billing) -> Result<(), GateRefusal> {
        if billing == Billing::UsageBased {
            Err(GateRefusal::UsageBasedHasNoSeats)
        } else if self.blocks_orders() {
            Err(GateRefusal::SeatChange)
        } else {
            Ok(())
        }
    }

    pub fn prompt_before_order(self) -> OrderPrompt {
        if !self.missing_where_checked() {
            return OrderPrompt::None;
        }
        match self.phase {
            Phase::NotYetAvailable => OrderPrompt::None,
            Phase::Optional => OrderPrompt::Skippable,
            Phase::Mandatory => OrderPrompt::Required,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(phase: Phase, cloud: Cloud, confirmed: bool) -> GateFacts {
        GateFacts {
            phase,
            cloud,
            confirmed,
        }
    }

    #[test]
    fn mandatory_phase_blocks_orders_and_seat_changes_of_unconfirmed_public_customers() {
        let f = facts(Phase::Mandatory, Cloud::Public, false);
        assert_eq!(f.check_new_order(), Err(GateRefusal::NewOrder));
        assert_eq!(
            f.check_seat_change(Billing::SeatBased),
            Err(GateRefusal::SeatChange)
        );
        assert!(GateRefusal::NewOrder
            .to_string()
            .contains("November 7, 2018"));
    }

    #[test]
    fn confirmed_customers_are_never_blocked() {
        let f = facts(Phase::Mandatory, Cloud::Public, true);
        assert_eq!(f.check_new_order(), Ok(()));
        assert_eq!(f.check_seat_change(Billing::SeatBased), Ok(()));
        assert_eq!(f.prompt_before_order(), OrderPrompt::None);
    }

    #[test]
    fn optional_and_earlier_phases_never_block() {
        for phase in [Phase::NotYetAvailable, Phase::Optional] {
            let f = facts(phase, Cloud::Public, false);
            assert_eq!(f.check_new_order(), Ok(()), "{phase:?}");
            assert_eq!(f.check_seat_change(Billing::SeatBased), Ok(()), "{phase:?}");
        }
    }

    #[test]
    fn national_clouds_are_outside_the_gate() {
        for cloud in [Cloud::Germany, Cloud::China21Vianet, Cloud::UsGovernment] {
            let f = facts(Phase::Mandatory, cloud, false);
            assert_eq!(f.check_new_order(), Ok(()), "{cloud:?}");
            assert_eq!(f.check_seat_change(Billing::SeatBased), Ok(()));
            assert_eq!(f.prompt_before_order(), OrderPrompt::None);
        }
    }

    #[test]
    fn usage_based_subscriptions_have_no_seat_count_to_change() {
        let f = facts(Phase::Optional, Cloud::Public, true);
        assert_eq!(
            f.check_seat_change(Billing::UsageBased),
            Err(GateRefusal::UsageBasedHasNoSeats)
        );
    }

    #[test]
    fn the_prompt_is_skippable_only_in_the_optional_phase() {
        let unconfirmed = |p| facts(p, Cloud::Public, false).prompt_before_order();
        assert_eq!(unconfirmed(Phase::NotYetAvailable), OrderPrompt::None);
        assert_eq!(unconfirmed(Phase::Optional), OrderPrompt::Skippable);
        assert_eq!(unconfirmed(Phase::Mandatory), OrderPrompt::Required);
    }
}
