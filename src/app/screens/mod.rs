//! One module per screen. Each exposes its key tables, a command handler, text editing, and what
//! to do when a request it made completes.

pub mod acceptance;
pub mod account;
pub mod customers;
pub mod new_customer;
pub mod order;

use super::keys::{self, Binding, Command};
use super::{Completed, Context, Step};
use crate::service::ServiceError;
use ratatui::crossterm::event::KeyEvent;

#[derive(Debug)]
pub enum Screen {
    Customers,
    NewCustomer(Box<new_customer::NewCustomer>),
    Account(account::Account),
    Acceptance(Box<acceptance::AcceptanceForm>),
    Order(Box<order::NewOrder>),
}

/// Where to return when a flow that started elsewhere ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Customers,
    Account(String),
}

impl Origin {
    pub fn screen(&self) -> Screen {
        match self {
            Origin::Customers => Screen::Customers,
            Origin::Account(id) => Screen::Account(account::Account::new(id)),
        }
    }
}

/// What has focus on a form, which decides what Enter, Space and the arrows do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Text,
    Checkbox,
    Button,
}

/// The keys that differ from form to form: Ctrl-S names the primary button, Esc does what
/// Cancel or Back does, and Enter in a text box moves on or, in a one-box form, submits.
#[derive(Debug, Clone, Copy)]
pub struct FormKeys {
    pub primary: &'static [Binding],
    pub escape: &'static [Binding],
    pub enter_in_text: &'static [Binding],
}

impl FormKeys {
    pub const fn new(primary: &'static [Binding], escape: &'static [Binding]) -> FormKeys {
        FormKeys {
            primary,
            escape,
            enter_in_text: keys::TEXT_FIELD,
        }
    }
}

/// Tables for a form, by what has focus: text editing comes last, taking the characters no
/// other table claims.
pub fn form_bindings(form: FormKeys, focus: Focus) -> Vec<&'static [Binding]> {
    let mut tables = vec![keys::FORM];
    match focus {
        Focus::Text => tables.push(form.enter_in_text),
        Focus::Checkbox => tables.push(keys::CHECKBOX),
        Focus::Button => tables.push(keys::BUTTON),
    }
    tables.extend([form.primary, form.escape]);
    match focus {
        Focus::Text => tables.extend([keys::TEXT_HELP, keys::TEXT_EDITING]),
        Focus::Checkbox | Focus::Button => tables.push(keys::GENERAL),
    }
    tables
}

impl Screen {
    /// The screen's name in Partner Center's words.
    pub fn title(&self, words: &crate::locale::Words) -> &'static str {
        let chrome = &words.chrome;
        match self {
            Screen::Customers => chrome.customers,
            Screen::NewCustomer(_) => chrome.new_customer,
            Screen::Account(_) => chrome.account,
            Screen::Acceptance(s) => words.terms.agreement_section(s.agreement),
            Screen::Order(_) => chrome.new_order,
        }
    }

    /// Whether leaving now would lose something the user entered: typed values, a ticked box,
    /// offers picked for an order.
    pub fn unsaved_changes(&self) -> bool {
        match self {
            Screen::NewCustomer(s) => s.unsaved_changes(),
            Screen::Acceptance(s) => s.form.is_changed(),
            Screen::Order(s) => s.selected_lines().next().is_some(),
            Screen::Account(s) => s.seat_editor.as_ref().is_some_and(|e| e.form.is_changed()),
            Screen::Customers => false,
        }
    }

    pub fn bindings(&self, ctx: &Context) -> Vec<&'static [Binding]> {
        match self {
            Screen::Customers => customers::bindings(ctx),
            Screen::NewCustomer(s) => s.bindings(),
            Screen::Account(s) => s.bindings(ctx),
            Screen::Acceptance(s) => s.bindings(),
            Screen::Order(s) => s.bindings(),
        }
    }

    pub fn command(&mut self, ctx: &mut Context, command: Command, key: KeyEvent) -> Step {
        match self {
            Screen::Customers => customers::command(ctx, command),
            Screen::NewCustomer(s) => s.command(ctx, command, key),
            Screen::Account(s) => s.command(ctx, command),
            Screen::Acceptance(s) => s.command(ctx, command),
            Screen::Order(s) => s.command(ctx, command, key),
        }
    }

    /// A key no table claimed: text editing, where a text field has focus.
    pub fn edit(&mut self, ctx: &mut Context, key: KeyEvent) {
        match self {
            Screen::Customers => customers::edit(ctx, key),
            Screen::NewCustomer(s) => s.edit(key),
            Screen::Account(s) => s.edit(key),
            Screen::Acceptance(s) => {
                s.form.edit(key);
            }
            Screen::Order(_) => {}
        }
    }

    pub fn paste(&mut self, ctx: &mut Context, text: &str) {
        match self {
            Screen::Customers => customers::paste(ctx, text),
            Screen::NewCustomer(s) => s.paste(text),
            Screen::Account(s) => s.paste(text),
            Screen::Acceptance(s) => {
                s.form.paste(text);
            }
            Screen::Order(s) => s.paste(ctx.words(), text),
        }
    }

    pub fn done(&mut self, ctx: &mut Context, result: Result<Completed, ServiceError>) -> Step {
        match self {
            Screen::Customers => customers::done(ctx, result),
            Screen::NewCustomer(s) => s.done(ctx, result),
            Screen::Account(s) => s.done(ctx, result),
            Screen::Acceptance(s) => s.done(ctx, result),
            Screen::Order(s) => s.done(ctx, result),
        }
    }
}
