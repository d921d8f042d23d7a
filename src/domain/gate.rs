//! The rules that hang on the confirmation: when an order or a seat change is refused, and when
//! the acceptance prompt stands before a new order. Nothing else is gated: viewing customers and
//! accounts is always allowed, and subscriptions keep renewing automatically whatever the status
//! (there is no renewal operation to refuse).

use super::agreement::{AgreementKind, Held};
use super::cloud::Cloud;
use super::commerce::Billing;
use super::phase::{long_date, Phase};
use super::timeline::{AgreementEra, CLOUD_AGREEMENT_VALID_UNTIL, CUSTOMER_AGREEMENT_ONLY_FROM};
use chrono::NaiveDate;
use std::fmt;

/// The facts the gate looks at for one customer on one business date, through one face.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GateFacts {
    pub phase: Phase,
    pub cloud: Cloud,
    pub era: AgreementEra,
    /// The agreements the customer's confirmations on record by then cover.
    pub held: Held,
    /// The first day the gate applied to this face (see `timeline::mandatory_from`).
    pub mandatory_from: NaiveDate,
}

/// What a refused order or seat change lacks: a confirmation of `agreement`, required since
/// `since`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needed {
    pub agreement: AgreementKind,
    pub since: NaiveDate,
}

impl Needed {
    /// The Microsoft Cloud Agreement, as the dashboard required it from November 7, 2018.
    pub const CLOUD_IN_DASHBOARD: Needed = Needed {
        agreement: AgreementKind::CloudAgreement,
        since: super::phase::MANDATORY_FROM,
    };

    /// The sentence that says what is missing and since when.
    fn required(self) -> String {
        match self.agreement {
            AgreementKind::CloudAgreement => format!(
                "Confirmation of customer acceptance of the Microsoft Cloud Agreement is mandatory since {}",
                long_date(self.since)
            ),
            AgreementKind::CustomerAgreement if self.since == CUSTOMER_AGREEMENT_ONLY_FROM => format!(
                "Confirmation of customer acceptance of the Microsoft Customer Agreement is required since {} (the Microsoft Cloud Agreement was valid until {})",
                long_date(self.since),
                long_date(CLOUD_AGREEMENT_VALID_UNTIL)
            ),
            AgreementKind::CustomerAgreement => {
                "This offer requires confirmation of customer acceptance of the Microsoft Customer Agreement".to_string()
            }
        }
    }
}

/// Why an order or a seat change is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateRefusal {
    NewOrder(Needed),
    SeatChange(Needed),
    UsageBasedHasNoSeats,
}

impl fmt::Display for GateRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GateRefusal::NewOrder(needed) => write!(
                f,
                "{}: confirm it before you create new orders for this customer.",
                needed.required()
            ),
            GateRefusal::SeatChange(needed) => write!(
                f,
                "{}: confirm it before you change the seat count of this customer's subscriptions.",
                needed.required()
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
    /// Whether the customer's confirmations satisfy the gate for an order of offers that do
    /// (`true`) or do not require the Microsoft Customer Agreement.
    pub fn satisfied(self, requires_customer_agreement: bool) -> bool {
        AgreementKind::ALL.into_iter().any(|kind| {
            self.held.holds(kind) && self.era.satisfied_by(kind, requires_customer_agreement)
        })
    }

    /// Whether the confirmation is missing where Microsoft would check for it.
    fn missing_where_checked(self) -> bool {
        self.cloud.supports_confirmation() && !self.satisfied(false)
    }

    /// What a refusal on this date lacks.
    fn needed(self) -> Needed {
        match self.era {
            AgreementEra::CustomerAgreement => Needed {
                agreement: AgreementKind::CustomerAgreement,
                since: CUSTOMER_AGREEMENT_ONLY_FROM,
            },
            _ => Needed {
                agreement: AgreementKind::CloudAgreement,
                since: self.mandatory_from,
            },
        }
    }

    pub fn blocks_orders(self) -> bool {
        self.phase == Phase::Mandatory && self.missing_where_checked()
    }

    pub fn check_new_order(self) -> Result<(), GateRefusal> {
        if self.blocks_orders() {
            Err(GateRefusal::NewOrder(self.needed()))
        } else {
            Ok(())
        }
    }

    /// An order of offers among which some (`requires_customer_agreement`) require the
    /// Microsoft Customer Agreement, such as Azure plan: those need it whatever else is held.
    pub fn check_order_of(self, requires_customer_agreement: bool) -> Result<(), GateRefusal> {
        self.check_new_order()?;
        if requires_customer_agreement
            && self.cloud.supports_confirmation()
            && !self.satisfied(true)
        {
            return Err(GateRefusal::NewOrder(Needed {
                agreement: AgreementKind::CustomerAgreement,
                since: self.mandatory_from,
            }));
        }
        Ok(())
    }

    pub fn check_seat_change(self, billing: Billing) -> Result<(), GateRefusal> {
        if billing == Billing::UsageBased {
            Err(GateRefusal::UsageBasedHasNoSeats)
        } else if self.blocks_orders() {
            Err(GateRefusal::SeatChange(self.needed()))
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

    use crate::domain::phase::MANDATORY_FROM;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn facts(phase: Phase, cloud: Cloud, confirmed: bool) -> GateFacts {
        GateFacts {
            phase,
            cloud,
            era: AgreementEra::CloudAgreement,
            held: Held {
                cloud_agreement: confirmed,
                customer_agreement: false,
            },
            mandatory_from: MANDATORY_FROM,
        }
    }

    fn on(date: &str, cloud_agreement: bool, customer_agreement: bool) -> GateFacts {
        GateFacts {
            phase: Phase::on(d(date)),
            cloud: Cloud::Public,
            era: AgreementEra::on(d(date)),
            held: Held {
                cloud_agreement,
                customer_agreement,
            },
            mandatory_from: MANDATORY_FROM,
        }
    }

    #[test]
    fn mandatory_phase_blocks_orders_and_seat_changes_of_unconfirmed_public_customers() {
        let f = facts(Phase::Mandatory, Cloud::Public, false);
        let needed = Needed {
            agreement: AgreementKind::CloudAgreement,
            since: MANDATORY_FROM,
        };
        assert_eq!(f.check_new_order(), Err(GateRefusal::NewOrder(needed)));
        assert_eq!(
            f.check_seat_change(Billing::SeatBased),
            Err(GateRefusal::SeatChange(needed))
        );
        assert!(GateRefusal::NewOrder(needed)
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

    #[test]
    fn either_agreement_opens_the_gate_until_january_31_2020() {
        assert_eq!(on("2020-01-31", true, false).check_new_order(), Ok(()));
        assert_eq!(on("2020-01-31", false, true).check_new_order(), Ok(()));
        assert_eq!(on("2019-10-01", true, false).check_new_order(), Ok(()));
    }

    #[test]
    fn from_february_1_2020_only_the_customer_agreement_opens_it() {
        let cloud_only = on("2020-02-01", true, false);
        let refused = cloud_only.check_new_order().unwrap_err();
        let text = refused.to_string();
        assert!(text.contains("Microsoft Customer Agreement"), "{text}");
        assert!(text.contains("February 1, 2020"), "{text}");
        assert!(text.contains("January 31, 2020"), "{text}");
        assert!(cloud_only.check_seat_change(Billing::SeatBased).is_err());
        assert_eq!(cloud_only.prompt_before_order(), OrderPrompt::Required);
        assert_eq!(on("2020-02-01", false, true).check_new_order(), Ok(()));
        assert_eq!(on("2020-02-01", true, true).check_new_order(), Ok(()));
    }

    #[test]
    fn offers_that_require_the_customer_agreement_need_it_even_in_the_overlap() {
        let cloud_only = on("2019-11-15", true, false);
        assert_eq!(cloud_only.check_order_of(false), Ok(()));
        let refused = cloud_only.check_order_of(true).unwrap_err();
        assert!(
            refused.to_string().contains(
                "requires confirmation of customer acceptance of the Microsoft Customer Agreement"
            ),
            "{refused}"
        );
        assert_eq!(on("2019-11-15", false, true).check_order_of(true), Ok(()));
    }

    #[test]
    fn the_refusal_names_the_day_the_gate_started_for_its_face() {
        let mut api = facts(Phase::Mandatory, Cloud::Public, false);
        api.mandatory_from = d("2019-03-22");
        let text = api.check_new_order().unwrap_err().to_string();
        assert!(text.contains("March 22, 2019"), "{text}");
    }
}
