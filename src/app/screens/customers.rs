//! Customers: the table of every customer, filter-as-you-type, and the commands New customer,
//! Account and New order.

use super::super::form::paste_into;
use super::super::keys::{self, Binding, Command};
use super::super::{Completed, Context, Request, Step, Then};
use super::{account::Account, new_customer::NewCustomer, order, Origin, Screen};
use crate::book::Book;
use crate::domain::customer::{Customer, CustomerFilter};
use crate::domain::role::GatedAction;
use crate::service::ServiceError;
use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;
use tui_input::Input;

/// Rows around the table body: header, breadcrumb, filter, column names, flash, footer.
const CHROME_ROWS: u16 = 6;

/// How many customers one page of the table shows at this terminal size.
pub fn page_rows(size: (u16, u16)) -> usize {
    size.1.saturating_sub(CHROME_ROWS).max(1) as usize
}

#[derive(Debug, Clone, Default)]
pub struct CustomerList {
    pub filter: Input,
    /// Whether keys go to the filter box.
    pub filtering: bool,
    /// Ranks (company-name order) of the customers that match the filter.
    pub matches: Vec<usize>,
    /// Index into `matches`.
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
    page: usize,
}

impl CustomerList {
    /// Recomputes the matches after the filter or the book changed, keeping the selected
    /// customer selected when it still matches.
    pub fn refresh(&mut self, book: &Book) {
        let keep = self.selected_rank();
        let filter = CustomerFilter::new(self.filter.value());
        self.matches = book
            .customers_by_name()
            .enumerate()
            .filter(|(_, c)| filter.matches(c))
            .map(|(rank, _)| rank)
            .collect();
        self.selected = keep
            .and_then(|rank| self.matches.iter().position(|&r| r == rank))
            .unwrap_or(0);
        self.keep_visible(self.page.max(1));
    }

    fn selected_rank(&self) -> Option<usize> {
        self.matches.get(self.selected).copied()
    }

    pub fn selected_customer<'b>(&self, book: &'b Book) -> Option<&'b Customer> {
        book.by_name(self.selected_rank()?)
    }

    /// Selects a customer by id, clearing a filter that hides it.
    pub fn select(&mut self, book: &Book, customer_id: &str) {
        let Some(rank) = book.rank_of(customer_id) else {
            return;
        };
        if !self.matches.contains(&rank) {
            self.filter.reset();
            self.refresh(book);
        }
        if let Some(index) = self.matches.iter().position(|&r| r == rank) {
            self.selected = index;
            self.keep_visible(self.page.max(1));
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.matches.is_empty() {
            return;
        }
        let last = self.matches.len() as isize - 1;
        self.selected = (self.selected as isize + delta).clamp(0, last) as usize;
        self.keep_visible(self.page.max(1));
    }

    /// Scrolls so the selected row is on the page of `rows` rows.
    pub fn keep_visible(&mut self, rows: usize) {
        self.page = rows;
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        let max_offset = self.matches.len().saturating_sub(rows);
        self.offset = self.offset.min(max_offset);
    }
}

pub fn bindings(ctx: &Context) -> Vec<&'static [Binding]> {
    if ctx.customers.filtering {
        vec![keys::FILTER]
    } else {
        vec![keys::CUSTOMERS, keys::LIST, keys::GENERAL]
    }
}

pub fn command(ctx: &mut Context, command: Command) -> Step {
    let page = page_rows(ctx.size) as isize;
    let list = &mut ctx.customers;
    list.keep_visible(page as usize);
    match command {
        Command::Up => list.move_by(-1),
        Command::Down => list.move_by(1),
        Command::PageUp => list.move_by(-page),
        Command::PageDown => list.move_by(page),
        Command::Top => list.move_by(isize::MIN / 2),
        Command::Bottom => list.move_by(isize::MAX / 2),
        Command::Filter => list.filtering = true,
        Command::Back => {
            list.filtering = false;
            if !list.filter.value().is_empty() {
                list.filter.reset();
                list.refresh(&ctx.book);
            }
        }
        Command::Open if list.filtering => list.filtering = false,
        Command::Open => {
            if let Some(customer) = list.selected_customer(&ctx.book) {
                return open(&customer.domain, Then::Account);
            }
        }
        Command::NewCustomer => {
            return match ctx.actor.role.require(GatedAction::CreateCustomer) {
                Ok(()) => Step::go(Screen::NewCustomer(Box::new(NewCustomer::new(ctx)))),
                Err(refusal) => {
                    ctx.error(refusal.to_string());
                    Step::stay()
                }
            };
        }
        Command::NewOrder => {
            if let Some(customer) = list.selected_customer(&ctx.book) {
                return open(&customer.domain, Then::NewOrder);
            }
        }
        _ => {}
    }
    Step::stay()
}

/// The selected customer's records are read before its Account or an order shows.
fn open(domain: &str, then: Then) -> Step {
    Step::run(Request::Open {
        domain: domain.to_string(),
        then,
    })
}

pub fn done(ctx: &mut Context, result: Result<Completed, ServiceError>) -> Step {
    match result {
        Ok(Completed::Opened {
            customer_id,
            then: Then::Account,
        }) => Step::go(Screen::Account(Account::new(&customer_id))),
        Ok(Completed::Opened {
            customer_id,
            then: Then::NewOrder,
        }) => order::start(ctx, &customer_id, Origin::Customers),
        Ok(_) => Step::stay(),
        Err(error) => {
            ctx.error(error.to_string());
            Step::stay()
        }
    }
}

pub fn edit(ctx: &mut Context, key: KeyEvent) {
    if ctx.customers.filtering
        && ctx
            .customers
            .filter
            .handle_event(&Event::Key(key))
            .is_some_and(|c| c.value)
    {
        ctx.customers.refresh(&ctx.book);
    }
}

pub fn paste(ctx: &mut Context, text: &str) {
    if ctx.customers.filtering && paste_into(&mut ctx.customers.filter, text) {
        ctx.customers.refresh(&ctx.book);
    }
}
