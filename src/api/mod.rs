//! The API face: subcommands that mirror Partner Center's REST API (agreements, customers,
//! orders, subscriptions) plus the compliance report and bulk export/import. They go through the
//! same service operations, rules, roles, business date and store as the dashboard.

mod agents;
pub mod agreement_request;
mod agreements;
mod backup;
mod body_keys;
mod command_name;
mod commerce;
mod commerce_json;
pub mod csv_escape;
mod customer_body;
mod customer_json;
mod customers;
pub mod documents;
pub mod error;
mod fit;
#[doc(hidden)]
pub mod fuzzing;
mod generate;
pub mod handlers;
pub mod json;
mod json_stream;
mod offers;
pub mod output;
mod plain;
mod report;
pub mod request_bodies;
pub mod resources;
mod ssh_keys;
mod subscriptions;
mod transfer;
pub mod uri;

use crate::book::Book;
use crate::clock::SystemClock;
use crate::core::{Core, Seed, SessionId};
use crate::diagnostics::Logged;
use crate::domain::characters::quote_path;
use crate::domain::customer::{self, Customer};
use crate::invocation::{open_store, open_unseeded, Options};
use crate::locale::words::{CommandWords, IoTrouble};
use crate::locale::Lang;
use crate::service::{Actor, Operations, ServiceError};
use crate::store::Store;
use chrono::{DateTime, Utc};
use error::{exit, ApiError};
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

pub use fit::terminal_columns;

pub use crate::invocation::{
    AgentsCommand, AgreementsCommand, Command, CreateAgreementArgs, CustomersCommand,
    OffersCommand, OrdersCommand, ReportCommand, SubscriptionsCommand,
};

/// The shared core, who acts when, and the command's own view of the customers it reads: what
/// every command works with. The book starts empty and holds the customers a command reads: one
/// at a time, or every one for the commands that need them all (`load_everything`). Every
/// change goes through the core, which decides it on the store's current records.
pub struct Api {
    pub core: Arc<Core>,
    /// The customers this command has read; current as long as the core's generation is
    /// `read_since`.
    pub book: Book,
    pub actor: Actor,
    /// The language of the lines this command prints for people (tables, summaries); its JSON
    /// and CSV are the API's, in English whatever this is.
    pub lang: Lang,
    read_since: u64,
    /// Whether changes are left unflushed and untold, for the caller to `flush_and_publish`
    /// (see `telling_later`).
    telling_later: bool,
}

impl Api {
    /// Opens the store of these options in a core of the command's own.
    pub fn open(options: &Options) -> Result<Api, ApiError> {
        let store = open_store(options)?;
        let actor = options.actor();
        let partner_name = store.partner_name()?.unwrap_or_default();
        let core = Core::new(
            Box::new(store),
            Box::new(SystemClock),
            actor.business_date,
            partner_name,
        );
        Ok(Api::on(Arc::new(core), actor).speaking(options.lang()))
    }

    /// A command of `actor` on a core that serves others too (the dashboard's, or a server's).
    /// The actor acts through the API face, in the environment of the core's store.
    pub fn on(core: Arc<Core>, actor: Actor) -> Api {
        let actor = Actor {
            access: core.api_access(),
            ..actor
        };
        Api {
            read_since: core.generation(),
            core,
            book: Book::on(actor.business_date),
            actor,
            lang: Lang::English,
            telling_later: false,
        }
    }

    /// This command says its lines for people in `lang` (English unless told).
    pub fn speaking(mut self, lang: Lang) -> Api {
        self.lang = lang;
        self
    }

    /// The words of this command's lines for people.
    pub fn words(&self) -> &'static CommandWords {
        &self.lang.words().commands
    }

    /// This command's changes are written but neither flushed nor told until the core's
    /// `flush_and_publish`, which its caller runs before answering anyone about them; each
    /// starts from what the command read (see `change_on_what_was_read`), which must then be
    /// only what was read from the store.
    pub fn telling_later(mut self) -> Api {
        self.telling_later = true;
        self
    }

    /// The store, for reading.
    pub fn store(&self) -> &dyn Store {
        self.core.store()
    }

    /// The moment of acting.
    pub fn now(&self) -> DateTime<Utc> {
        self.core.now_on(self.actor.business_date)
    }

    /// The rules as they stand on this command's view, for the checks a command reports ahead
    /// of the fields' own messages. Nothing written through these counts: see `change`.
    pub fn checks(&mut self) -> Operations<'_> {
        let now = self.now();
        Operations::new(self.core.store(), &mut self.book, &self.actor, now)
    }

    /// Makes a change through the core, on the store's current records; the command's view
    /// of each customer changed is then the core's.
    pub fn change<T>(
        &mut self,
        act: impl FnOnce(&mut Operations<'_>) -> Result<T, ServiceError>,
    ) -> Result<T, ServiceError> {
        if self.telling_later {
            // What such a command read before its change is current unless another change was
            // made meanwhile: the change starts from it rather than reading it again.
            return self.change_on_what_was_read(act);
        }
        let (result, changed) = self
            .core
            .change_telling(&self.actor, SessionId::COMMAND, act);
        for dossier in changed {
            self.book.replace_dossier(dossier);
        }
        result
    }

    /// `change`, starting from the customers this command has read when no change was made
    /// since it began reading them (see `forget`), rather than reading them again: an import's
    /// group of a thousand customers is read once. The book must then hold only what was read
    /// from the store. The command's view is the records the change ended with.
    pub fn change_on_what_was_read<T>(
        &mut self,
        act: impl FnOnce(&mut Operations<'_>) -> Result<T, ServiceError>,
    ) -> Result<T, ServiceError> {
        let partner_name = self.book.partner_name.take();
        let seed = Seed {
            generation: self.read_since,
            book: std::mem::take(&mut self.book),
        };
        let (result, after) = if self.telling_later {
            self.core
                .change_seeded_later(&self.actor, SessionId::COMMAND, seed, act)
        } else {
            self.core
                .change_seeded(&self.actor, SessionId::COMMAND, seed, act)
        };
        self.book = after.book;
        self.book.partner_name = partner_name;
        self.read_since = after.generation;
        result
    }

    /// Forgets the customers read so far, as an import does between its groups: what is read
    /// next is current for `change_on_what_was_read` until a change is made.
    pub fn forget(&mut self) {
        let partner_name = self.book.partner_name.take();
        self.book = Book::on(self.actor.business_date);
        self.book.partner_name = partner_name;
        self.read_since = self.core.generation();
    }

    /// Ends the command: closes the store when the core is the command's own.
    pub fn finish(self) {
        if let Ok(core) = Arc::try_unwrap(self.core) {
            core.close();
        }
    }

    /// The tenant ID of the customer named by its tenant ID, its primary domain or the prefix of
    /// that domain (`contoso` for `contoso.onmicrosoft.com`, as `customers create` takes it),
    /// read into the book; `None` when no customer has it.
    pub fn find_customer(&mut self, named: &str) -> Result<Option<String>, ApiError> {
        if let Some(id) = self.book.fetch(self.core.store(), named)? {
            return Ok(Some(id));
        }
        // Only a valid prefix can be part of a customer's domain.
        match customer::domain_from_prefix(named) {
            Ok(domain) => Ok(self.book.fetch(self.core.store(), &domain)?),
            Err(_) => Ok(None),
        }
    }

    /// A customer by tenant ID, primary domain or domain prefix, or a not-found error naming
    /// what was asked.
    pub fn customer(&mut self, named: &str) -> Result<Customer, ApiError> {
        let found = self.find_customer(named)?;
        found
            .and_then(|id| self.book.customer(&id).cloned())
            .ok_or_else(|| {
                let named = named.trim().to_string();
                ApiError::said(error::code::NOT_FOUND, exit::NOT_FOUND, move |words| {
                    (words.commands.no_such_customer)(&named)
                })
            })
    }

    /// Reads every customer into the book, for the commands that report on them all.
    pub fn load_everything(&mut self) -> Result<(), ApiError> {
        let partner_name = self.book.partner_name.take();
        self.read_since = self.core.generation();
        self.book = Book::from_snapshot(self.core.store().load()?);
        self.book.set_as_of(self.actor.business_date);
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
    let result = execute(command, options, &mut out);
    // What is still buffered is written now, while a failure can still be reported.
    let result = result.and_then(|status| {
        (out.flush().map(|()| status)).map_err(|e| write_error(e).in_language(options.lang()))
    });
    drop(out);
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
        Err(error) => tell(&error),
    }
}

/// Says a command's refusal on standard error, and gives its exit status: one plain line for
/// the store's and the output's troubles, Partner Center's JSON error otherwise, nothing when
/// the output's reader went away. Not even the refusal could be written: that is what the
/// status says then.
pub fn tell(error: &ApiError) -> ExitCode {
    let said = match error.exit {
        exit::PIPE_CLOSED => Ok(()),
        exit::STORE_IN_USE
        | exit::STORE
        | exit::STORE_DAMAGED
        | exit::STORE_NEWER
        | exit::OUTPUT => {
            let line = crate::domain::characters::message_line(&error.description);
            writeln!(std::io::stderr(), "pcenter: {line}")
        }
        _ => writeln!(std::io::stderr(), "{}", error.to_json()),
    };
    match said {
        Ok(()) => ExitCode::from(error.exit),
        Err(failed) => ExitCode::from(write_error(failed).exit),
    }
}

/// Runs one command on the store `options` name, writing its result to `out`; a refusal comes
/// back as the error that `run` prints. Everything a command does happens here, so a test can
/// run many commands in one process.
pub fn execute(command: Command, options: &Options, out: &mut dyn Write) -> Result<u8, ApiError> {
    let lang = options.lang();
    let result = match command {
        // Generating needs the store as it is (an empty demo store is not seeded first).
        Command::Generate { customers, seed } => open_unseeded(options)
            .map(Logged)
            .map_err(ApiError::from)
            .and_then(|store| {
                let (actor, partner) = (options.actor(), options.partner.as_deref());
                let generated = generate::generate(
                    &store,
                    &actor,
                    partner,
                    customers,
                    seed,
                    &lang.words().commands,
                    out,
                );
                store.close();
                generated
            }),
        // Static metadata: the store is neither opened nor created.
        Command::Agreements(AgreementsCommand::Templates { agreement_type }) => {
            agreements::templates(
                agreement_type.as_deref(),
                options.business_date(),
                lang,
                out,
            )
        }
        Command::Offers(OffersCommand::List { format }) => {
            offers::list(format, options.business_date(), lang, out)
        }
        // Restoring makes a new store: the one there, if any, is not opened or seeded first.
        Command::Restore { file, replace } => backup::restore(options, &file, replace, out),
        command => Api::open(options).and_then(|mut api| {
            let result = dispatch(&mut api, command, options.role, out);
            api.finish();
            result
        }),
    };
    // Refusals in the language of the lines: the code and the exit status stay the API's.
    result.map_err(|error| error.in_language(lang))
}

/// Runs one command on a core that serves others too: the same handlers as `execute`, for a
/// command started while the store is owned. The commands that need the store alone are
/// refused by the caller before they get here.
pub fn execute_on(
    core: Arc<Core>,
    command: Command,
    options: &Options,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    // The caller's language: it resolved --lang and its locale before sending the options.
    let lang = options.lang();
    let result = match command {
        Command::Agreements(AgreementsCommand::Templates { agreement_type }) => {
            agreements::templates(
                agreement_type.as_deref(),
                options.business_date(),
                lang,
                out,
            )
        }
        Command::Offers(OffersCommand::List { format }) => {
            offers::list(format, options.business_date(), lang, out)
        }
        command => refuse_another_partner(&core, options)
            .and_then(|()| refuse_another_environment(&core, options))
            .and_then(|()| {
                dispatch(
                    &mut Api::on(core, options.actor()).speaking(lang),
                    command,
                    options.role,
                    out,
                )
            }),
    };
    result.map_err(|error| error.in_language(lang))
}

/// The partner's name is the store's, shown by every session of the core: a command run on a
/// core that others use may not rename it under them.
fn refuse_another_partner(core: &Core, options: &Options) -> Result<(), ApiError> {
    match options.partner.as_deref() {
        Some(partner) if partner != core.partner_name() => {
            let partner = core.partner_name().to_string();
            Err(ApiError::said(
                error::code::STORE_IN_USE,
                error::exit::STORE_IN_USE,
                move |words| (words.requests.partner_while_open)(&partner),
            ))
        }
        _ => Ok(()),
    }
}

/// A command naming another environment than that of the store the owner has open is refused,
/// as opening the store itself would refuse it.
fn refuse_another_environment(core: &Core, options: &Options) -> Result<(), ApiError> {
    match options.environment {
        Some(asked) if asked != core.environment() => {
            Err(crate::store::StoreError::OtherEnvironment {
                store: core.environment(),
                asked,
            }
            .into())
        }
        _ => Ok(()),
    }
}

/// Runs a command that needs the store; `role_given` is `--role` as given (the role of an
/// agent added).
fn dispatch(
    api: &mut Api,
    command: Command,
    role_given: Option<crate::domain::role::Role>,
    out: &mut dyn Write,
) -> Result<u8, ApiError> {
    match command {
        Command::Agreements(command) => match command {
            AgreementsCommand::Templates { .. } => {
                unreachable!("run answers templates without a store")
            }
            AgreementsCommand::Create(args) => agreements::create(api, args, out),
            AgreementsCommand::List {
                customer,
                agreement_type,
            } => agreements::list(api, &customer, agreement_type.as_deref(), out),
            AgreementsCommand::Export { out: file, format } => {
                transfer::export_as(api, file, format, out)
            }
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
        Command::Subscriptions(SubscriptionsCommand::List { customer, format }) => {
            subscriptions::list(api, &customer, format, out)
        }
        Command::Offers(_) => unreachable!("run lists the offers without a store"),
        Command::Subscriptions(SubscriptionsCommand::SetSeats {
            customer,
            subscription,
            quantity,
        }) => commerce::set_seats(api, &customer, &subscription, quantity, out),
        Command::Report(ReportCommand::Compliance { format }) => {
            report::compliance(api, format, out)
        }
        Command::Generate { .. } => {
            unreachable!("generating needs the store alone: run opens it before any core")
        }
        Command::Backup { out: file } => backup::backup(api, &file, out),
        Command::Agents(command) => match command {
            AgentsCommand::Add { name, ssh_keys } => {
                agents::add(api, &name, role_given, &ssh_keys, out)
            }
            AgentsCommand::Keys { name, add, remove } => {
                agents::keys(api, &name, &add, &remove, out)
            }
            AgentsCommand::List { format } => agents::list(api, format, out),
            AgentsCommand::Remove { name } => agents::remove(api, &name, out),
            AgentsCommand::Token { name, revoke } => agents::token(api, &name, revoke, out),
        },
        Command::Restore { .. } => unreachable!("run restores before any store is opened"),
        Command::Serve { .. } => unreachable!("the command line serves before any command runs"),
    }
}

/// The largest JSON body read: a Customer body with its agreement is about 2 KB; a larger one
/// (or an endless stream such as `/dev/zero`) is refused without being held in memory.
const BODY_MAX: u64 = 1 << 20;

/// Reads a JSON body from a file, or from standard input for `-`.
pub fn read_body(source: &str) -> Result<String, ApiError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let read = if source == "-" {
        crate::caller::read_stdin(BODY_MAX + 1, &mut bytes)
    } else {
        let path = crate::caller::path(std::path::Path::new(source));
        std::fs::File::open(path).and_then(|file| file.take(BODY_MAX + 1).read_to_end(&mut bytes))
    };
    let shown = quote_path(std::path::Path::new(source));
    read.map_err(|e| {
        let (shown, trouble) = (shown.clone(), IoTrouble::from(&e));
        ApiError::invalid_said(move |words| (words.requests.body_unreadable)(&shown, &trouble))
    })?;
    if bytes.len() as u64 > BODY_MAX {
        return Err(ApiError::invalid_said(move |words| {
            (words.requests.body_too_large)(&shown, BODY_MAX >> 20)
        }));
    }
    String::from_utf8(bytes)
        .map_err(|_| ApiError::invalid_said(move |words| (words.requests.body_not_utf8)(&shown)))
}

/// Maps an io error while writing to standard output or standard error: its own exit status,
/// not the store's, since the store is fine.
pub fn write_error(error: std::io::Error) -> ApiError {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        // The reader stopped early (`| head`): nothing more to say, as other tools do.
        return ApiError::new(error::code::STORE, exit::PIPE_CLOSED, "");
    }
    let trouble = IoTrouble::from(&error);
    ApiError::said(error::code::STORE, exit::OUTPUT, move |words| {
        (words.requests.cannot_write_output)(&trouble)
    })
}
