//! The name of a command as typed, for the log: never its arguments, which may hold an email
//! address or a phone number.

use super::{
    AgentsCommand, AgreementsCommand, Command, CustomersCommand, OffersCommand, OrdersCommand,
    ReportCommand, SubscriptionsCommand,
};

impl Command {
    pub fn name(&self) -> &'static str {
        match self {
            Command::Agreements(command) => match command {
                AgreementsCommand::Templates { .. } => "agreements templates",
                AgreementsCommand::Create(_) => "agreements create",
                AgreementsCommand::List { .. } => "agreements list",
                AgreementsCommand::Export { .. } => "agreements export",
                AgreementsCommand::Import { .. } => "agreements import",
            },
            Command::Customers(command) => match command {
                CustomersCommand::List { .. } => "customers list",
                CustomersCommand::Show { .. } => "customers show",
                CustomersCommand::Create { .. } => "customers create",
            },
            Command::Orders(OrdersCommand::Create { .. }) => "orders create",
            Command::Subscriptions(SubscriptionsCommand::List { .. }) => "subscriptions list",
            Command::Subscriptions(SubscriptionsCommand::SetSeats { .. }) => {
                "subscriptions set-seats"
            }
            Command::Offers(OffersCommand::List { .. }) => "offers list",
            Command::Report(ReportCommand::Compliance { .. }) => "report compliance",
            Command::Agents(command) => match command {
                AgentsCommand::Add { .. } => "agents add",
                AgentsCommand::List { .. } => "agents list",
                AgentsCommand::Remove { .. } => "agents remove",
                AgentsCommand::Token { .. } => "agents token",
                AgentsCommand::Keys { .. } => "agents keys",
            },
            Command::Generate { .. } => "generate",
            Command::Serve { .. } => "serve",
            Command::Backup { .. } => "backup",
            Command::Restore { .. } => "restore",
        }
    }
}
