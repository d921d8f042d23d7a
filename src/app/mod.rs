//! The app core: state, actions and `update`. It reads no terminal and no clock; a shell feeds it
//! input events and executes the effects it returns (see `session`).

pub mod form;
pub mod keys;
pub mod leave;
mod live;
pub mod screens;
pub mod session;
pub mod text_input;

use crate::book::Book;
use crate::core::{Change, SessionId, SharedDirectory};
use crate::directory::Directory;
use crate::domain::agreement::{Acceptance, Channel};
use crate::domain::commerce::OrderLine;
use crate::domain::credentials::UserCredentials;
use crate::domain::customer::CustomerProfile;
use crate::domain::phase::Phase;
use crate::locale::{Lang, Words};
use crate::service::{Actor, ServiceError};
use keys::{Binding, Command};
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use screens::{account::Account, customers::CustomerList, Screen};
use std::sync::{Arc, RwLock};

pub use crate::core::Indexing;

/// Something that happened: a key, a paste, a resize, the result of a request, a change made
/// anywhere, or news from the loading of the customer directory.
#[derive(Debug, Clone)]
pub enum Action {
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    Done(Result<Completed, ServiceError>),
    /// A change, made by this session or any other, once durable.
    Changed(Arc<Change>),
    /// This many customers of the directory are read so far.
    Indexing(usize),
    /// The whole directory is read.
    Indexed,
}

/// Something for the shell to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Run(Request),
    /// A request long enough at a large store (a backup) that the screen says so first: the
    /// shell draws a frame, then runs it (`Session::run_after_frame`).
    RunAfterFrame(Request),
    Quit,
}

/// Where to go once a customer is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    Account,
    NewOrder,
}

/// A change to make through the service operations, or a customer to read.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Reads the customer with this primary domain into the book, with its records.
    Open { domain: String, then: Then },
    /// Creates a customer and then, when `lines` holds any, orders them for it: the
    /// subscriptions chosen in the New customer wizard.
    CreateCustomer {
        profile: Box<CustomerProfile>,
        acceptance: Option<Acceptance>,
        lines: Vec<OrderLine>,
    },
    Confirm {
        customer_id: String,
        acceptance: Acceptance,
        channel: Channel,
    },
    CreateOrder {
        customer_id: String,
        lines: Vec<OrderLine>,
    },
    ChangeSeats {
        customer_id: String,
        subscription_id: String,
        quantity: u32,
    },
    SetAutoRenew {
        customer_id: String,
        subscription_id: String,
        on: bool,
    },
    /// Writes a backup of the whole store into the backups directory beside it.
    Backup,
}

/// What a request achieved, once durable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completed {
    Opened {
        customer_id: String,
        then: Then,
    },
    CustomerCreated {
        customer_id: String,
        /// The new tenant's administrator, issued as the customer was created and never
        /// stored: shown once.
        credentials: UserCredentials,
        /// What became of the subscriptions chosen with the customer.
        order: NewCustomerOrder,
    },
    Confirmed {
        customer_id: String,
        date_agreed: chrono::NaiveDate,
    },
    OrderCreated {
        customer_id: String,
        subscriptions: usize,
    },
    SeatsChanged {
        subscription_name: String,
        quantity: u32,
    },
    AutoRenewSet {
        subscription_name: String,
        on: bool,
    },
    BackedUp {
        path: std::path::PathBuf,
        customers: u64,
    },
}

/// What became of the subscriptions chosen with a new customer: the customer is created
/// whatever becomes of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewCustomerOrder {
    /// None were chosen.
    NoneChosen,
    /// Ordered, as this many subscriptions.
    Ordered { subscriptions: usize },
    /// Refused by the rules checked on the new customer's records (such as the confirmation
    /// gate): nothing was ordered.
    Refused(ServiceError),
}

/// A one-line message above the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub is_error: bool,
}

/// Everything a screen may read or change besides its own state.
#[derive(Debug)]
pub struct Context {
    pub actor: Actor,
    /// This session among the sessions of its core.
    pub session: SessionId,
    pub partner_name: String,
    /// The customers opened in this session, with their records as the core last told: what
    /// the screens show. No rule is decided on it; the core reads the store for that.
    pub book: Book,
    /// Every customer as the Customers list shows it, shared by every session of the core;
    /// while `indexing`, only the first ones.
    pub directory: SharedDirectory,
    pub indexing: Option<Indexing>,
    pub customers: CustomerList,
    pub flash: Option<Flash>,
    pub help_open: bool,
    /// The terminal size, for paging.
    pub size: (u16, u16),
    /// The language this session speaks (each session its own).
    pub lang: Lang,
}

impl Context {
    pub fn phase(&self) -> Phase {
        self.actor.phase()
    }

    /// Every word of the dashboard in this session's language.
    pub fn words(&self) -> &'static Words {
        self.lang.words()
    }

    /// Selects a customer of the book in the Customers list.
    pub fn select_in_list(&mut self, customer_id: &str) {
        if let Some(customer) = self.book.customer(customer_id) {
            let directory = crate::core::read(&self.directory);
            self.customers
                .select(&directory, &customer.company_name, &customer.domain);
        }
    }

    /// Whether a primary domain belongs to a customer, as far as this session can tell; the
    /// store has the last word when the customer is created.
    pub fn domain_taken(&self, domain: &str) -> bool {
        let domain = domain.to_ascii_lowercase();
        let directory = crate::core::read(&self.directory);
        self.book.domain_taken(&domain)
            || directory
                .search(&domain)
                .iter()
                .filter_map(|&rank| directory.get(rank as usize))
                .any(|entry| entry.domain() == domain)
    }

    /// The Customers list again from the directory, after it changed.
    pub fn refresh_customers(&mut self) {
        let directory = crate::core::read(&self.directory);
        self.customers.refresh(&directory);
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            is_error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            is_error: true,
        });
    }

    /// Why the rules or the store refused a request, in this session's language.
    pub fn refusal_text(&self, error: &ServiceError) -> String {
        (self.words().problems.refusal)(error)
    }

    /// Says, above the footer, why a request was refused.
    pub fn refused(&mut self, error: impl Into<ServiceError>) {
        let text = self.refusal_text(&error.into());
        self.error(text);
    }
}

#[derive(Debug)]
pub struct App {
    pub ctx: Context,
    pub screen: Screen,
    /// The question before leaving a screen with unsaved changes, while it is asked.
    pub leave_prompt: Option<leave::LeavePrompt>,
}

/// What a screen's handler decided: maybe another screen, maybe effects.
#[derive(Debug, Default)]
pub struct Step {
    pub next: Option<Screen>,
    pub effects: Vec<Effect>,
}

impl Step {
    pub fn stay() -> Step {
        Step::default()
    }

    pub fn go(screen: Screen) -> Step {
        Step {
            next: Some(screen),
            effects: vec![],
        }
    }

    pub fn run_after_frame(request: Request) -> Step {
        Step {
            next: None,
            effects: vec![Effect::RunAfterFrame(request)],
        }
    }

    pub fn run(request: Request) -> Step {
        Step {
            next: None,
            effects: vec![Effect::Run(request)],
        }
    }
}

impl App {
    /// An app over a book that holds every customer (a small store), with a directory of its
    /// own until it joins a core.
    pub fn new(actor: Actor, partner_name: String, mut book: Book, size: (u16, u16)) -> App {
        book.set_as_of(actor.business_date);
        let directory = Directory::from_rows(book.customers_by_name().filter_map(|c| {
            let dossier = book.dossier(&c.id)?;
            Some(crate::directory::ListingRow::on(
                dossier.listed(),
                actor.business_date,
            ))
        }));
        let directory = Arc::new(RwLock::new(directory));
        App::with_directory(actor, partner_name, book, directory, None, size)
    }

    /// An app whose Customers list shows `directory`; with `indexing`, the directory holds
    /// only the first customers and the rest arrive with `Action::Indexed`.
    pub fn with_directory(
        actor: Actor,
        partner_name: String,
        book: Book,
        directory: SharedDirectory,
        indexing: Option<Indexing>,
        size: (u16, u16),
    ) -> App {
        let mut book = book;
        book.set_as_of(actor.business_date);
        let mut customers = CustomerList::default();
        customers.refresh(&crate::core::read(&directory));
        App {
            ctx: Context {
                actor,
                session: SessionId::COMMAND,
                partner_name,
                book,
                directory,
                indexing,
                customers,
                flash: None,
                help_open: false,
                size,
                lang: Lang::default(),
            },
            screen: Screen::Customers,
            leave_prompt: None,
        }
    }

    /// Opens the Account of a customer (used by shells that start on one).
    pub fn open_account(&mut self, customer_id: &str) {
        self.screen = Screen::Account(Account::new(customer_id));
    }

    /// The key tables of the screen, or of the question over it, first match wins: what the
    /// help overlay lists.
    pub fn screen_bindings(&self) -> Vec<&'static [Binding]> {
        let mut tables = vec![keys::ALWAYS];
        if self.leave_prompt.is_some() {
            tables.push(keys::LEAVE);
        } else {
            tables.extend(self.screen.bindings(&self.ctx));
        }
        tables
    }

    /// The key tables in force now, first match wins: the only source of what a key does, and
    /// of what the footer and the help say about it.
    pub fn bindings(&self) -> Vec<&'static [Binding]> {
        if !self.ctx.fits() {
            // The screen is hidden behind the "too small" message, the question included.
            return if self.screen.unsaved_changes() {
                vec![keys::ALWAYS]
            } else {
                vec![keys::ALWAYS, keys::TOO_SMALL]
            };
        }
        if self.ctx.help_open {
            return vec![keys::ALWAYS, keys::HELP];
        }
        self.screen_bindings()
    }
}

/// The smallest terminal the screens are laid out for; below it only a message shows.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Rows every screen spends above its body: the header and the breadcrumb. The renderer lays
/// the frame out from these, and paging counts with them.
pub const TOP_ROWS: u16 = 2;
/// Rows every screen spends below its body, at least: the message line and the footer.
pub const BOTTOM_ROWS: u16 = 2;

/// The rows left for a screen's body at this terminal height (a longer message takes more).
pub fn body_rows(height: u16) -> u16 {
    height.saturating_sub(TOP_ROWS + BOTTOM_ROWS)
}

impl Context {
    /// Whether the terminal is large enough to show the screens (and so to act on them).
    pub fn fits(&self) -> bool {
        self.size.0 >= MIN_WIDTH && self.size.1 >= MIN_HEIGHT
    }
}

/// Applies one action to the app and returns what the shell must do.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(key) if key.kind == KeyEventKind::Release => vec![],
        Action::Key(key) => on_key(app, key),
        Action::Paste(text) => {
            // Text pasted where it cannot be seen would land in a hidden field.
            if app.ctx.fits() && !app.ctx.help_open && app.leave_prompt.is_none() {
                app.screen.paste(&mut app.ctx, &text);
            }
            vec![]
        }
        Action::Resize(width, height) => {
            app.ctx.size = (width, height);
            app.ctx
                .customers
                .keep_visible(screens::customers::page_rows(app.ctx.size));
            vec![]
        }
        Action::Done(result) => {
            let step = app.screen.done(&mut app.ctx, result);
            apply(app, step)
        }
        Action::Changed(change) => {
            live::follow(app, &change);
            vec![]
        }
        Action::Indexing(loaded) => {
            if let Some(indexing) = &mut app.ctx.indexing {
                indexing.loaded = loaded.min(indexing.total);
            }
            vec![]
        }
        Action::Indexed => {
            app.ctx.indexing = None;
            app.ctx.refresh_customers();
            vec![]
        }
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let command = keys::lookup(&app.bindings(), &key);
    match command {
        // Ctrl-C is the way out that never asks.
        Some(Command::QuitNow) => return vec![Effect::Quit],
        Some(Command::CloseHelp) => {
            app.ctx.help_open = false;
            return vec![];
        }
        _ if !app.ctx.fits() => {
            // Only quitting is bound here, and only where it loses nothing.
            return match command {
                Some(Command::Quit) => vec![Effect::Quit],
                _ => vec![],
            };
        }
        _ if app.ctx.help_open => return vec![],
        _ => {}
    }
    if app.leave_prompt.is_some() {
        return leave::on_key(app, command);
    }
    let Some(command) = command else {
        return vec![];
    };
    app.ctx.flash = None;
    match command {
        Command::Help => {
            app.ctx.help_open = true;
            vec![]
        }
        Command::EditText => {
            app.screen.edit(&mut app.ctx, key);
            vec![]
        }
        command => leave::command(app, command, key),
    }
}

fn apply(app: &mut App, step: Step) -> Vec<Effect> {
    if let Some(next) = step.next {
        if matches!(next, Screen::Customers) {
            app.ctx.refresh_customers();
        }
        app.screen = next;
    }
    step.effects
}
