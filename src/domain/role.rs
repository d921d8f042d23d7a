//! Partner Center agent roles and what each may do with agreements and orders.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The refusal every gated action shows to an agent without the right role.
pub const ROLE_REQUIRED: &str = "You must be an Admin agent or Sales agent";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    AdminAgent,
    SalesAgent,
    HelpdeskAgent,
    /// pcenter's own: watches other agents' dashboards over SSH and does nothing itself.
    Spectator,
}

/// Actions that only Admin agents and Sales agents may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GatedAction {
    CreateCustomer,
    ConfirmAcceptance,
    SeeConfirmation,
    CreateOrder,
    ChangeSeats,
    ChangeAutoRenew,
}

impl GatedAction {
    /// What the agent was trying to do, finishing the sentence "You must be … to …".
    pub fn purpose(self) -> &'static str {
        match self {
            GatedAction::CreateCustomer => "create a customer",
            GatedAction::ConfirmAcceptance => "confirm customer acceptance",
            GatedAction::SeeConfirmation => "see the confirmation of customer acceptance",
            GatedAction::CreateOrder => "create a new order",
            GatedAction::ChangeSeats => "change the seat count",
            GatedAction::ChangeAutoRenew => "turn auto-renew on or off",
        }
    }
}

/// Why an agent may not take an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleRefusal {
    pub action: GatedAction,
}

impl fmt::Display for RoleRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}.", ROLE_REQUIRED, self.action.purpose())
    }
}

impl std::error::Error for RoleRefusal {}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::AdminAgent,
        Role::SalesAgent,
        Role::HelpdeskAgent,
        Role::Spectator,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::AdminAgent => "Admin agent",
            Role::SalesAgent => "Sales agent",
            Role::HelpdeskAgent => "Helpdesk agent",
            Role::Spectator => "Spectator",
        }
    }

    /// The command-line spelling: `admin-agent`, `sales-agent`, `helpdesk-agent`.
    pub fn cli_name(self) -> &'static str {
        match self {
            Role::AdminAgent => "admin-agent",
            Role::SalesAgent => "sales-agent",
            Role::HelpdeskAgent => "helpdesk-agent",
            Role::Spectator => "spectator",
        }
    }

    pub fn may(self, action: GatedAction) -> bool {
        // Every gated action needs the same two roles today.
        match action {
            GatedAction::CreateCustomer
            | GatedAction::ConfirmAcceptance
            | GatedAction::SeeConfirmation
            | GatedAction::CreateOrder
            | GatedAction::ChangeSeats
            | GatedAction::ChangeAutoRenew => matches!(self, Role::AdminAgent | Role::SalesAgent),
        }
    }

    pub fn require(self, action: GatedAction) -> Result<(), RoleRefusal> {
        if self.may(action) {
            Ok(())
        } else {
            Err(RoleRefusal { action })
        }
    }
}

impl std::str::FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Role, String> {
        Role::ALL
            .into_iter()
            .find(|r| r.cli_name() == super::compare::lookup_key(s))
            .ok_or_else(|| {
                format!(
                    "unknown role '{}': use admin-agent, sales-agent, helpdesk-agent or spectator",
                    crate::domain::characters::quote(s)
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL_ACTIONS: [GatedAction; 5] = [
        GatedAction::CreateCustomer,
        GatedAction::ConfirmAcceptance,
        GatedAction::SeeConfirmation,
        GatedAction::CreateOrder,
        GatedAction::ChangeSeats,
    ];

    #[test]
    fn admin_and_sales_agents_may_take_every_gated_action() {
        for action in ALL_ACTIONS {
            assert!(Role::AdminAgent.require(action).is_ok());
            assert!(Role::SalesAgent.require(action).is_ok());
        }
    }

    #[test]
    fn helpdesk_agents_may_take_none_and_are_told_which_roles_can() {
        for action in ALL_ACTIONS {
            let refusal = Role::HelpdeskAgent.require(action).unwrap_err();
            assert!(refusal.to_string().starts_with(ROLE_REQUIRED), "{refusal}");
        }
        assert_eq!(
            Role::HelpdeskAgent
                .require(GatedAction::CreateOrder)
                .unwrap_err()
                .to_string(),
            "You must be an Admin agent or Sales agent to create a new order."
        );
    }

    #[test]
    fn roles_parse_from_their_command_line_names_only() {
        assert_eq!("admin-agent".parse::<Role>(), Ok(Role::AdminAgent));
        assert_eq!("Sales-Agent".parse::<Role>(), Ok(Role::SalesAgent));
        assert_eq!("helpdesk-agent".parse::<Role>(), Ok(Role::HelpdeskAgent));
        assert_eq!(
            "helpdes\u{212A}-agent".parse::<Role>(),
            Ok(Role::HelpdeskAgent),
            "the Kelvin sign is a K in normal form C"
        );
        assert!("global-admin"
            .parse::<Role>()
            .unwrap_err()
            .contains("admin-agent"));
    }
}
