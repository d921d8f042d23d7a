//! The API face: subcommands that mirror Partner Center's REST API (agreements, customers,
//! orders, subscriptions) plus the compliance report and bulk export/import. They go through the
//! same service operations, rules, roles, business date and store as the dashboard.

mod agreement_request;
mod agreements;
mod backup;
mod command_name;
mod commerce;
mod commerce_json;
mod customer_body;
mod customer_json;
mod customers;
pub mod error;
mod generate;
pub mod json;
pub mod output;
mod report;
mod safe_json;
mod transfer;

use crate::app::session::Clock;
use crate::book::Book;
use crate::cli::{open_store, open_unseeded, Options, SystemClock};
use crate::diagnostics::Logged;
use crate::domain::customer::Customer;
use crate::service::{Actor, Operations};
use crate::store::{SledStore, Store};
use clap::{Args, Subcommand};
use error::{exit, ApiError};
use output::Format;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Agreement templates and confirmations of customer acceptance (like /v1/agreements).
    #[command(subcommand)]
    Agreements(AgreementsCommand),
    /// Customers (like /v1/customers).
    #[command(subcommand)]
    Customers(CustomersCommand),
    /// New orders (like POST /v1/customers/{id}/orders).
    #[command(subcommand)]
    Orders(OrdersCommand),
    /// Subscriptions (like PATCH /v1/customers/{id}/subscriptions/{id}).
    #[command(subcommand)]
    Subscriptions(SubscriptionsCommand),
    /// Reports.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Fill an empty store with realistic customers to measure on: the same seed gives the same
    /// customers, confirmations, orders and subscriptions.
    Generate {
        /// How many customers.
        #[arg(long, value_name = "N")]
        customers: usize,
        /// The seed of the pseudo-random sequence.
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
    },
    /// Write every customer with its confirmations, orders and subscriptions to a file of JSON
    /// lines (readable by its owner only), as the store is at one moment.
    Backup {
        /// The backup file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Make the store hold exactly what a backup holds. Every line is checked first; a store
    /// that holds customers is only replaced with --replace, and is then moved aside, not deleted.
    Restore {
        /// The backup file (written by `pcenter backup`).
        file: PathBuf,
        /// Restore over a store that holds customers, moving it aside to a directory beside it.
        #[arg(long)]
        replace: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AgreementsCommand {
    /// Agreement metadata, like GET /v1/agreements (default type: MicrosoftCloudAgreement).
    Templates {
        /// MicrosoftCloudAgreement, or '*' for every type.
        #[arg(long = "type", value_name = "TYPE")]
        agreement_type: Option<String>,
    },
    /// Confirm customer acceptance, like POST /v1/customers/{id}/agreements.
    Create(CreateAgreementArgs),
    /// A customer's confirmations, newest first, like GET /v1/customers/{id}/agreements.
    List {
        /// The customer's tenant ID or primary domain.
        #[arg(long, value_name = "ID|DOMAIN")]
        customer: String,
        /// MicrosoftCloudAgreement, or '*' for every type.
        #[arg(long = "type", value_name = "TYPE")]
        agreement_type: Option<String>,
    },
    /// Every customer's latest confirmation as CSV: TenantId,Domain,Date,First Name,Last Name,Phone,Email.
    Export {
        /// Write to this file instead of standard output (- is standard output).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Record the confirmations of a CSV in the export's columns; each row is saved on its own.
    Import {
        /// The CSV file.
        file: PathBuf,
        /// Report what would happen without writing anything.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Args)]
pub struct CreateAgreementArgs {
    /// The customer's tenant ID or primary domain.
    #[arg(long, value_name = "ID|DOMAIN")]
    pub customer: String,
    /// The Agreement body as JSON (a file, or - for standard input) instead of the fields below.
    #[arg(long, value_name = "FILE|-", conflicts_with_all = ["first_name", "last_name", "email", "phone", "date", "template_id"])]
    pub json: Option<String>,
    /// First name of the person at the customer who accepted the agreement.
    #[arg(long, value_name = "NAME")]
    pub first_name: Option<String>,
    /// Last name of the person who accepted.
    #[arg(long, value_name = "NAME")]
    pub last_name: Option<String>,
    /// Email address of the person who accepted.
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<String>,
    /// Phone number of the person who accepted (optional).
    #[arg(long, value_name = "PHONE")]
    pub phone: Option<String>,
    /// The acceptance date (default: the business date).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// The agreement template (default: the Microsoft Cloud Agreement's; see `agreements templates`).
    #[arg(long, value_name = "GUID")]
    pub template_id: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CustomersCommand {
    /// Every customer with its Microsoft cloud agreement status.
    List {
        /// Only customers whose company name or domain contains this text.
        #[arg(long, value_name = "TEXT")]
        filter: Option<String>,
        /// Only public-cloud customers without a confirmation.
        #[arg(long)]
        unconfirmed: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// One customer, like GET /v1/customers/{id}, plus this product's fields: cloud,
    /// agreementStatus and currentAgreement (the confirmation in force; left out for Helpdesk
    /// agents).
    Show {
        /// The customer's tenant ID or primary domain.
        customer: String,
    },
    /// Create a customer from the Customer body, like POST /v1/customers. An optional top-level
    /// "agreement" (the Agreement body: primaryContact, dateAgreed defaulting to the business
    /// date) records the confirmation of customer acceptance in the same call. Without one, the
    /// customer is created all the same, and from November 7, 2018 its orders wait for a
    /// confirmation.
    Create {
        /// The Customer body as JSON: a file, or - for standard input.
        #[arg(long, value_name = "FILE|-")]
        json: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum OrdersCommand {
    /// Create an order: one --offer/--quantity pair per line item.
    Create {
        #[arg(long, value_name = "ID|DOMAIN")]
        customer: String,
        #[arg(long = "offer", value_name = "OFFER_ID", required = true)]
        offers: Vec<String>,
        #[arg(long = "quantity", value_name = "N", required = true)]
        quantities: Vec<u32>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SubscriptionsCommand {
    /// Change the seat count of a seat-based subscription.
    SetSeats {
        #[arg(long, value_name = "ID|DOMAIN")]
        customer: String,
        #[arg(long, value_name = "ID")]
        subscription: String,
        #[arg(long, value_name = "N")]
        quantity: u32,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Every customer's confirmation status, the confirmation in force (who accepted, date) and
    /// whether new orders and seat changes are blocked on the business date, then a summary
    /// (on stderr with --format csv). Helpdesk agents get the status without who accepted.
    Compliance {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// An open store, its book, and who acts when: what every command works with. The book starts
/// empty and holds the customers a command reads: one at a time, or every one for the commands
/// that need them all (`load_everything`).
pub struct Api {
    pub store: Logged<SledStore>,
    pub book: Book,
    pub actor: Actor,
    clock: SystemClock,
}

impl Api {
    pub fn open(options: &Options) -> Result<Api, ApiError> {
        let store = open_store(options)?;
        Ok(Api {
            store,
            book: Book::default(),
            actor: options.actor(),
            clock: SystemClock {
                business_date: options.today,
            },
        })
    }

    pub fn ops(&mut self) -> Operations<'_> {
        Operations {
            store: &self.store,
            book: &mut self.book,
            actor: &self.actor,
            now: self.clock.now(),
        }
    }

    /// A customer by tenant ID or primary domain, or a not-found error naming what was asked.
    pub fn customer(&mut self, id_or_domain: &str) -> Result<Customer, ApiError> {
        let found = self.book.fetch(&self.store, id_or_domain)?;
        found
            .and_then(|id| self.book.customer(&id).cloned())
            .ok_or_else(|| {
                ApiError::not_found(format!(
                    "No customer has the tenant ID or primary domain '{}'.",
                    id_or_domain.trim()
                ))
            })
    }

    /// Reads every customer into the book, for the commands that report on them all.
    pub fn load_everything(&mut self) -> Result<(), ApiError> {
        let partner_name = self.book.partner_name.take();
        self.book = Book::from_snapshot(self.store.load()?);
        self.book.partner_name = self.book.partner_name.take().or(partner_name);
        Ok(())
    }
}

/// Runs one command; prints its result on stdout, or its error on stderr.
pub fn run(command: Command, options: &Options) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let name = command.name();
    let actor = options.actor();
    tracing::info!(
        "command started: {name}, as {} ({}), business date {}",
        actor.agent,
        actor.role.label(),
        actor.business_date
    );
    let result = match command {
        // Generating needs the store as it is (an empty demo store is not seeded first).
        Command::Generate { customers, seed } => open_unseeded(options)
            .map(Logged)
            .map_err(ApiError::from)
            .and_then(|store| {
                let (actor, partner) = (options.actor(), options.partner.as_deref());
                let generated =
                    generate::generate(&store, &actor, partner, customers, seed, &mut out);
                store.close();
                generated
            }),
        // Restoring makes a new store: the one there, if any, is not opened or seeded first.
        Command::Restore { file, replace } => backup::restore(options, &file, replace, &mut out),
        command => Api::open(options).and_then(|mut api| {
            let result = dispatch(&mut api, command, &mut out);
            api.store.close();
            result
        }),
    };
    match &result {
        Ok(status) => tracing::info!("command finished: {name}, exit code {status}"),
        Err(error) => tracing::warn!(
            "command refused: {name}, exit code {}, code {}: {}",
            error.exit,
            error.code,
            error.description
        ),
    }
    match result {
        Ok(status) => ExitCode::from(status),
        Err(error) if error.exit == exit::PIPE_CLOSED => ExitCode::from(error.exit),
        Err(error)
            if matches!(
                error.exit,
                exit::STORE_IN_USE
                    | exit::STORE
                    | exit::STORE_DAMAGED
                    | exit::STORE_NEWER
                    | exit::OUTPUT_FILE
            ) =>
        {
            eprintln!("pcenter: {}", error.description);
            ExitCode::from(error.exit)
        }
        Err(error) => {
            eprintln!("{}", error.to_json());
            ExitCode::from(error.exit)
        }
    }
}

fn dispatch(api: &mut Api, command: Command, out: &mut dyn Write) -> Result<u8, ApiError> {
    match command {
        Command::Agreements(command) => match command {
            AgreementsCommand::Templates { agreement_type } => {
                agreements::templates(agreement_type.as_deref(), out)
            }
            AgreementsCommand::Create(args) => agreements::create(api, args, out),
            AgreementsCommand::List {
                customer,
                agreement_type,
            } => agreements::list(api, &customer, agreement_type.as_deref(), out),
            AgreementsCommand::Export { out: file } => transfer::export(api, file, out),
            AgreementsCommand::Import { file, dry_run } => {
                transfer::import(api, &file, dry_run, out)
            }
        },
        Command::Customers(command) => match command {
            CustomersCommand::List {
                filter,
                unconfirmed,
                format,
            } => customers::list(api, filter.as_deref(), unconfirmed, format, out),
            CustomersCommand::Show { customer } => customers::show(api, &customer, out),
            CustomersCommand::Create { json } => customers::create(api, &json, out),
        },
        Command::Orders(OrdersCommand::Create {
            customer,
            offers,
            quantities,
        }) => commerce::create_order(api, &customer, &offers, &quantities, out),
        Command::Subscriptions(SubscriptionsCommand::SetSeats {
            customer,
            subscription,
            quantity,
        }) => commerce::set_seats(api, &customer, &subscription, quantity, out),
        Command::Report(ReportCommand::Compliance { format }) => {
            report::compliance(api, format, out)
        }
        Command::Generate { customers, seed } => {
            generate::generate(&api.store, &api.actor, None, customers, seed, out)
        }
        Command::Backup { out: file } => backup::backup(api, &file, out),
        Command::Restore { .. } => unreachable!("run restores before any store is opened"),
    }
}

/// Reads a JSON body from a file, or from standard input for `-`.
pub fn read_body(source: &str) -> Result<String, ApiError> {
    use std::io::Read;
    let mut text = String::new();
    let read = if source == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(source).map(|t| text = t)
    };
    read.map_err(|e| ApiError::invalid(format!("Cannot read the JSON body from {source}: {e}.")))?;
    Ok(text)
}

/// Maps an io error while printing results (for example a closed pipe).
pub fn write_error(error: std::io::Error) -> ApiError {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        // The reader stopped early (`| head`): nothing more to say, as other tools do.
        return ApiError::new(error::code::STORE, exit::PIPE_CLOSED, "");
    }
    ApiError::new(
        error::code::STORE,
        exit::STORE,
        format!("Cannot write the output: {error}."),
    )
}
