//! The subcommands and their arguments as the command line takes them. They serialize, to be
//! sent to the owner of the store (see `owner`); a path keeps every byte (`serde_path`).

use super::values::ValueProblem;
use super::Format;
use crate::domain::limits::QUANTITY_DIGITS;
use clap::{Args, Subcommand, ValueEnum};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The most customers one run makes: ten times the million the product is measured at (see
/// BENCHMARKS.md). A store takes about 2 KB of disk per customer and the dashboard's list about
/// 100 bytes of memory, so ten million come to some 20 GB of disk, 1 GB of memory and a few
/// minutes of generating; more would fill most machines' disks before it was useful.
pub const MOST_CUSTOMERS: usize = 10_000_000;

/// A seat count as typed: digits only, as many as a form's box takes.
fn seat_count(value: &str) -> Result<u32, ValueProblem> {
    let digits = value.trim();
    match digits.parse::<u32>() {
        Ok(seats)
            if digits.len() <= QUANTITY_DIGITS && digits.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Ok(seats)
        }
        _ => Err(ValueProblem::SeatCount(value.to_string())),
    }
}

/// The digits of a whole number as typed, or why it is not one.
fn digits(value: &str) -> Result<&str, ValueProblem> {
    let digits = value.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueProblem::NotWhole(value.to_string()));
    }
    Ok(digits)
}

/// How many customers `generate` makes: at most `MOST_CUSTOMERS`.
fn customer_count(value: &str) -> Result<usize, ValueProblem> {
    let digits = digits(value)?;
    match digits.parse::<usize>() {
        Ok(count) if count <= MOST_CUSTOMERS => Ok(count),
        _ => Err(ValueProblem::TooManyCustomers {
            digits: digits.to_string(),
            most: MOST_CUSTOMERS,
        }),
    }
}

/// Any seed of 64 bits.
fn seed(value: &str) -> Result<u64, ValueProblem> {
    let digits = digits(value)?;
    digits
        .parse::<u64>()
        .map_err(|_| ValueProblem::SeedTooBig(digits.to_string()))
}

#[derive(Debug, Clone, Subcommand, Serialize, Deserialize)]
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
    /// Subscriptions (like /v1/customers/{id}/subscriptions).
    #[command(subcommand)]
    Subscriptions(SubscriptionsCommand),
    /// The offer catalog (like GET /v1/offers).
    #[command(subcommand)]
    Offers(OffersCommand),
    /// Reports.
    #[command(subcommand)]
    Report(ReportCommand),
    /// The agents who sign in when the store is served, each with a role and a stable object ID
    /// (the userId of what they record).
    #[command(subcommand)]
    Agents(AgentsCommand),
    /// Serve the store until Ctrl-C: as Partner Center's v1 REST API for scripts and SDKs
    /// (--http; agents sign in with their tokens) and as the dashboard over SSH for many agents
    /// at once (--ssh; agents sign in with their keys). See `agents`. Commands on the same data
    /// directory run through the server meanwhile.
    Serve {
        /// Where the REST API listens: HOST:PORT (for example 127.0.0.1:8080; port 0 picks a
        /// free one) or a port alone on loopback.
        #[arg(long, value_name = "ADDR", required_unless_present = "ssh")]
        http: Option<String>,
        /// Where the SSH dashboards listen: HOST:PORT (for example 127.0.0.1:2222) or a port
        /// alone on loopback.
        #[arg(long, value_name = "ADDR")]
        ssh: Option<String>,
        /// Sessions open at once over SSH; the next client is told so and closed.
        #[arg(long, value_name = "N", default_value_t = 64)]
        max_sessions: usize,
        /// How long an SSH session may go without input before it is closed: minutes (30, the
        /// default), or 90s, 2h.
        #[arg(long, value_name = "TIME", default_value = "30", value_parser = super::values::parse_duration)]
        idle_timeout: std::time::Duration,
        /// Record each SSH session into this directory as an asciicast v2 file (output, input
        /// and resizes), which `asciinema play` replays.
        #[arg(long, value_name = "DIR")]
        #[serde(with = "crate::serde_path::option")]
        record: Option<PathBuf>,
        /// Answer an agent's requests beyond N a minute with 429 and Retry-After, as Partner
        /// Center throttles, to test a script's retries (0, the default: no limit).
        #[arg(long, value_name = "N", default_value_t = 0)]
        throttle: u32,
    },
    /// Fill an empty store with realistic customers to measure on: the same seed gives the same
    /// customers, confirmations, orders and subscriptions.
    Generate {
        /// How many customers, at most 10,000,000.
        #[arg(long, value_name = "N", value_parser = customer_count)]
        customers: usize,
        /// The seed of the pseudo-random sequence (any whole number below 2^64).
        #[arg(long, value_name = "S", default_value_t = 1, value_parser = seed)]
        seed: u64,
    },
    /// Write every customer with its confirmations, orders and subscriptions to a file of JSON
    /// lines (readable by its owner only), as the store is at one moment.
    Backup {
        /// The backup file to write (- is standard output).
        #[arg(long, value_name = "FILE")]
        #[serde(with = "crate::serde_path")]
        out: PathBuf,
    },
    /// Make the store hold exactly what a backup holds. Every line is checked first; a store
    /// that holds customers is only replaced with --replace, and is then moved aside, not deleted.
    Restore {
        /// The backup file (written by `pcenter backup`).
        #[serde(with = "crate::serde_path")]
        file: PathBuf,
        /// Restore over a store that holds customers, moving it aside to a directory beside it.
        #[arg(long)]
        replace: bool,
    },
}

#[derive(Debug, Clone, Subcommand, Serialize, Deserialize)]
pub enum AgreementsCommand {
    /// Agreement metadata, like GET /v1/agreements (default type: MicrosoftCloudAgreement). Needs
    /// no store, so it answers while the dashboard is open.
    Templates {
        /// MicrosoftCloudAgreement (the default), MicrosoftCustomerAgreement (never confirmed
        /// here, so none), or '*' for every type.
        #[arg(long = "type", value_name = "TYPE")]
        agreement_type: Option<String>,
    },
    /// Confirm customer acceptance, like POST /v1/customers/{id}/agreements.
    Create(CreateAgreementArgs),
    /// A customer's confirmations, newest first, like GET /v1/customers/{id}/agreements.
    List {
        /// The customer's tenant ID, primary domain or domain prefix (contoso for
        /// contoso.onmicrosoft.com).
        #[arg(long, value_name = "ID|DOMAIN")]
        customer: String,
        /// MicrosoftCloudAgreement (the default), MicrosoftCustomerAgreement, or '*' for every
        /// type.
        #[arg(long = "type", value_name = "TYPE")]
        agreement_type: Option<String>,
    },
    /// Every customer's latest confirmation as CSV: TenantId,Domain,Date,First Name,Last Name,Phone,Email,Type
    /// (--format microsoft-sample: as Microsoft's GetAllCustomersAgreements sample writes it).
    Export {
        /// Write to this file instead of standard output (- is standard output).
        #[arg(long, value_name = "FILE")]
        #[serde(with = "crate::serde_path::option")]
        out: Option<PathBuf>,
        /// Which CSV to write.
        #[arg(long, value_enum, default_value_t = ExportFormat::Pcenter)]
        #[serde(default)]
        format: ExportFormat,
    },
    /// Record the confirmations of a CSV in the export's columns, or of the CSV of Microsoft's
    /// GetAllCustomersAgreements sample (known by its header); each row is saved on its own.
    Import {
        /// The CSV file.
        #[serde(with = "crate::serde_path")]
        file: PathBuf,
        /// Report what would happen without writing anything.
        #[arg(long)]
        dry_run: bool,
    },
}

/// Which CSV `agreements export` writes; `agreements import` reads both, telling them apart by
/// the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    /// pcenter's own: one row per customer with its current confirmation and its agreement's
    /// Type last, dates as YYYY-MM-DD.
    #[default]
    Pcenter,
    /// Microsoft's sample: the header "TenantId,Domain,Date,First Name,Last Name,Phone,Email ",
    /// one row per customer and agreement (its latest confirmation, the Type last), dates as
    /// 11/14/2018 12:00:00 AM.
    MicrosoftSample,
}

#[derive(Debug, Clone, Args, Serialize, Deserialize)]
pub struct CreateAgreementArgs {
    /// The customer's tenant ID, primary domain or domain prefix (contoso for
    /// contoso.onmicrosoft.com).
    #[arg(long, value_name = "ID|DOMAIN")]
    pub customer: String,
    /// The Agreement body as JSON (a file, or - for standard input) instead of the fields below;
    /// a sample: assets/agreement.sample.json in pcenter's source.
    #[arg(long, value_name = "FILE|-", conflicts_with_all = ["first_name", "last_name", "email", "phone", "date", "template_id"])]
    pub json: Option<String>,
    /// First name of the person at the customer who accepted the agreement.
    #[arg(long, value_name = "NAME", required_unless_present = "json")]
    pub first_name: Option<String>,
    /// Last name of the person who accepted.
    #[arg(long, value_name = "NAME", required_unless_present = "json")]
    pub last_name: Option<String>,
    /// Email address of the person who accepted.
    #[arg(long, value_name = "EMAIL", required_unless_present = "json")]
    pub email: Option<String>,
    /// Phone number of the person who accepted (optional).
    #[arg(long, value_name = "PHONE")]
    pub phone: Option<String>,
    /// The acceptance date (default: the business date).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// The agreement template, which decides the agreement confirmed (default: the agreement
    /// the dashboard confirms on the business date; see `agreements templates`).
    #[arg(long, value_name = "GUID")]
    pub template_id: Option<String>,
}

#[derive(Debug, Clone, Subcommand, Serialize, Deserialize)]
pub enum CustomersCommand {
    /// Every customer with its Microsoft cloud agreement status, in company-name order.
    List {
        /// Only customers whose company name or domain contains this text, whatever its case
        /// (at most 100 characters, as the Customers filter takes).
        #[arg(long, value_name = "TEXT", value_parser = super::values::parse_filter)]
        filter: Option<String>,
        /// Only public-cloud customers without a confirmation (not for Helpdesk agents).
        #[arg(long)]
        unconfirmed: bool,
        /// json: the collection, like GET /v1/customers; table: for people, with a count;
        /// csv: for spreadsheets.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// One customer, like GET /v1/customers/{id}, plus this product's fields: cloud,
    /// agreementStatus and currentAgreement (the confirmation in force); both left out for
    /// Helpdesk agents.
    Show {
        /// The customer's tenant ID, primary domain or domain prefix (contoso for
        /// contoso.onmicrosoft.com).
        customer: String,
    },
    /// Create a customer from the Customer body, like POST /v1/customers. An optional top-level
    /// "agreement" (the Agreement body: primaryContact, templateId, type, and dateAgreed
    /// defaulting to the business date) records the confirmation of customer acceptance in the
    /// same call. Without one, the customer is created all the same, and its orders wait for a
    /// confirmation from the API's own day (March 22, 2019; March 11, 2019 in the sandbox).
    Create {
        /// The Customer body as JSON: a file, or - for standard input. A sample to start from:
        /// assets/customer.sample.json in pcenter's source.
        #[arg(long, value_name = "FILE|-")]
        json: String,
    },
}

#[derive(Debug, Clone, Subcommand, Serialize, Deserialize)]
pub enum OrdersCommand {
    /// Create an order: one --offer/--quantity pair per line item.
    Create {
        /// The customer's tenant ID, primary domain or domain prefix (contoso for
        /// contoso.onmicrosoft.com).
        #[arg(long, value_name = "ID|DOMAIN")]
        customer: String,
        /// An offer of the catalog (see `pcenter offers list`); repeat for each line item.
        #[arg(long = "offer", value_name = "OFFER_ID", required = true)]
        offers: Vec<String>,
        /// The seats of the line item of the --offer in the same place (1 for usage-based
        /// offers); one for each --offer.
        #[arg(long = "quantity", value_name = "N", required = true, value_parser = seat_count)]
        quantities: Vec<u32>,
    },
}

#[derive(Debug, Clone, Subcommand, Serialize, Deserialize)]
pub enum SubscriptionsCommand {
    /// A customer's subscriptions with their IDs, like GET /v1/customers/{id}/subscriptions.
    List {
        /// The customer's tenant ID, primary domain or domain prefix (contoso for
        /// contoso.onmicrosoft.com).
        #[arg(long, value_name = "ID|DOMAIN")]
        customer: String,
        /// json: the collection, like the real API; table: for people; csv: for spreadsheets.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Change the seat count of a seat-based subscription.
    SetSeats {
        /// The customer's tenant ID, primary domain or domain prefix (contoso for
        /// contoso.onmicrosoft.com).
        #[arg(long, value_name = "ID|DOMAIN")]
        customer: String,
        /// The subscription's ID (see `pcenter subscriptions list`).
        #[arg(long, value_name = "ID")]
        subscription: String,
        /// The new seat count, from 1 to the offer's maximum.
        #[arg(long, value_name = "N", value_parser = seat_count)]
        quantity: u32,
    },
}

#[derive(Debug, Clone, Subcommand, Serialize, Deserialize)]
pub enum OffersCommand {
    /// Every offer an order can name: ID, name, category, billing and the most seats a
    /// subscription may hold.
    List {
        /// json: the collection; table: for people; csv: for spreadsheets.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
}

#[derive(Debug, Clone, Subcommand, Serialize, Deserialize)]
pub enum AgentsCommand {
    /// Register an agent, with the role given by --role (admin-agent, sales-agent or
    /// helpdesk-agent); prints it with its new object ID.
    Add {
        /// The agent's name, at most 100 characters; one agent per name, whatever its case.
        #[arg(value_name = "NAME")]
        name: String,
        /// An OpenSSH public key file (id_ed25519.pub) the agent signs in with over SSH
        /// (`serve --ssh`); may be given more than once.
        #[arg(long = "ssh-key", value_name = "FILE")]
        #[serde(with = "crate::serde_path::list")]
        ssh_keys: Vec<PathBuf>,
    },
    /// Every registered agent, in the order they were added.
    List {
        /// json: the collection; table: for people; csv: for spreadsheets.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Remove an agent and its tokens; what it recorded stays.
    Remove {
        /// The agent's name, whatever its case.
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// Add or remove the SSH public keys an agent signs in with; prints the agent. Changes
    /// apply to the next connection, without a restart.
    Keys {
        /// The agent's name, whatever its case.
        #[arg(value_name = "NAME")]
        name: String,
        /// An OpenSSH public key file to add (every key line in it).
        #[arg(long, value_name = "FILE")]
        #[serde(with = "crate::serde_path::list")]
        add: Vec<PathBuf>,
        /// A key to remove: its public key file, or its fingerprint (SHA256:…).
        #[arg(long, value_name = "FILE|FINGERPRINT")]
        remove: Vec<String>,
    },
    /// Print a new bearer token for an agent, shown this once (only its hash is kept).
    Token {
        /// The agent's name, whatever its case.
        #[arg(value_name = "NAME")]
        name: String,
        /// Remove every token of the agent instead.
        #[arg(long)]
        revoke: bool,
    },
}

#[derive(Debug, Clone, Subcommand, Serialize, Deserialize)]
pub enum ReportCommand {
    /// Every customer's confirmation status, the confirmation in force (who accepted, date) and
    /// whether new orders and seat changes are blocked on the business date, in the dashboard
    /// and through the API, then a summary (on stderr with --format csv). For Admin and Sales
    /// agents only.
    Compliance {
        /// table: for people; json: the report as one object; csv: for spreadsheets.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}
