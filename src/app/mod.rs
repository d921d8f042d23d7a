//! The app core: state, actions and `update`. It reads no terminal and no clock; a shell feeds it
//! input events and executes the effects it returns (see `session`).

pub mod form;
pub mod keys;
pub mod screens;
pub mod session;

use crate::book::Book;
use crate::domain::agreement::{Acceptance, Channel};
use crate::domain::commerce::OrderLine;
use crate::domain::customer::CustomerProfile;
use crate::domain::phase::Phase;
use crate::service::{Actor, ServiceError};
use keys::{Binding, Command};
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use screens::{account::Account, customers::CustomerList, Screen};

/// Something that happened: a key, a paste, a resize, or the result of a request.
#[derive(Debug, Clone)]
pub enum Action {
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    Done(Result<Completed, ServiceError>),
}

/// Something for the shell to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Run(Request),
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
    CreateCustomer {
        profile: Box<CustomerProfile>,
        acceptance: Option<Acceptance>,
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
    pub partner_name: String,
    pub book: Book,
    pub customers: CustomerList,
    pub flash: Option<Flash>,
    pub help_open: bool,
    /// The terminal size, for paging.
    pub size: (u16, u16),
}

impl Context {
    pub fn phase(&self) -> Phase {
        self.actor.phase()
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
}

#[derive(Debug)]
pub struct App {
    pub ctx: Context,
    pub screen: Screen,
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

    pub fn run(request: Request) -> Step {
        Step {
            next: None,
            effects: vec![Effect::Run(request)],
        }
    }
}

impl App {
    pub fn new(actor: Actor, partner_name: String, book: Book, size: (u16, u16)) -> App {
        let mut customers = CustomerList::default();
        customers.refresh(&book);
        App {
            ctx: Context {
                actor,
                partner_name,
                book,
                customers,
                flash: None,
                help_open: false,
                size,
            },
            screen: Screen::Customers,
        }
    }

    /// Opens the Account of a customer (used by shells that start on one).
    pub fn open_account(&mut self, customer_id: &str) {
        self.screen = Screen::Account(Account::new(customer_id));
    }

    /// The key tables in force now, first match wins.
    pub fn bindings(&self) -> Vec<&'static [Binding]> {
        let mut tables = vec![keys::ALWAYS];
        tables.extend(self.screen.bindings(&self.ctx));
        tables
    }
}

/// The smallest terminal the screens are laid out for; below it only a message shows.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

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
            if app.ctx.fits() && !app.ctx.help_open {
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
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if !app.ctx.fits() {
        // The screen is hidden behind the "too small" message: only quitting works.
        let quit = keys::lookup(&[keys::ALWAYS, keys::GENERAL], &key) == Some(Command::Quit);
        return if quit { vec![Effect::Quit] } else { vec![] };
    }
    if app.ctx.help_open {
        // Ctrl-C quits from anywhere, the help overlay included.
        if keys::lookup(&[keys::ALWAYS], &key) == Some(Command::Quit) {
            return vec![Effect::Quit];
        }
        let closes = keys::lookup(&app.bindings(), &key)
            .is_some_and(|c| matches!(c, Command::Help | Command::Back | Command::Quit));
        if closes || key.code == ratatui::crossterm::event::KeyCode::Esc {
            app.ctx.help_open = false;
        }
        return vec![];
    }
    app.ctx.flash = None;
    match keys::lookup(&app.bindings(), &key) {
        Some(Command::Quit) => vec![Effect::Quit],
        Some(Command::Help) => {
            app.ctx.help_open = true;
            vec![]
        }
        Some(command) => {
            let step = app.screen.command(&mut app.ctx, command, key);
            apply(app, step)
        }
        None => {
            app.screen.edit(&mut app.ctx, key);
            vec![]
        }
    }
}

fn apply(app: &mut App, step: Step) -> Vec<Effect> {
    if let Some(next) = step.next {
        if matches!(next, Screen::Customers) {
            app.ctx.customers.refresh(&app.ctx.book);
        }
        app.screen = next;
    }
    step.effects
}
