//! Customers: the table of every customer, filter-as-you-type, and the commands New customer,
//! Account and New order.

use super::super::keys::{self, Binding, Command};
use super::super::text_input::{edit_input, paste_into, Entered};
use super::super::{Completed, Context, Request, Step, Then};
use super::{account::Account, new_customer::NewCustomer, order, Origin, Screen};
use crate::directory::{Directory, Entry};
use crate::domain::count::thousands;
use crate::domain::customer::CustomerFilter;
use crate::domain::limits;
use crate::domain::role::GatedAction;
use crate::service::ServiceError;
use ratatui::crossterm::event::KeyEvent;
use tui_input::Input;

/// Rows of the Customers body above the table's rows: the filter line and the column names.
pub const TABLE_HEAD_ROWS: u16 = 2;

/// How many customers one page of the table shows at this terminal size.
pub fn page_rows(size: (u16, u16)) -> usize {
    super::super::body_rows(size.1)
        .saturating_sub(TABLE_HEAD_ROWS)
        .max(1) as usize
}

/// The customers the filter lets through, as ranks in the directory (company-name order).
#[derive(Debug, Clone)]
pub enum Matches {
    /// No filter: every rank below this count. Kept as a count so a list of a million
    /// customers costs nothing to show.
    All(usize),
    Some(Vec<u32>),
}

impl Default for Matches {
    fn default() -> Self {
        Matches::All(0)
    }
}

impl Matches {
    pub fn len(&self) -> usize {
        match self {
            Matches::All(count) => *count,
            Matches::Some(ranks) => ranks.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The directory rank of the `index`th match.
    pub fn rank(&self, index: usize) -> Option<usize> {
        match self {
            Matches::All(count) => (index < *count).then_some(index),
            Matches::Some(ranks) => ranks.get(index).map(|&r| r as usize),
        }
    }

    /// Where a directory rank is among the matches.
    fn index_of(&self, rank: usize) -> Option<usize> {
        match self {
            Matches::All(count) => (rank < *count).then_some(rank),
            Matches::Some(ranks) => ranks.binary_search(&(rank as u32)).ok(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct CustomerList {
    pub filter: Input,
    /// Whether keys go to the filter box.
    pub filtering: bool,
    pub matches: Matches,
    /// Index into `matches`.
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
    page: usize,
}

impl CustomerList {
    /// Recomputes the matches after the filter or the directory changed, keeping the selected
    /// customer selected when it still matches.
    pub fn refresh(&mut self, directory: &Directory) {
        let keep = self.selected_key(directory);
        self.matches = if self.filter.value().trim().is_empty() {
            Matches::All(directory.len())
        } else {
            Matches::Some(directory.search(self.filter.value()))
        };
        self.selected = keep
            .and_then(|(name, domain)| directory.rank_of(&name, &domain))
            .and_then(|rank| self.matches.index_of(rank))
            .unwrap_or(0);
        self.keep_visible(self.page.max(1));
    }

    /// Follows a row added to the directory at `rank` (by this session or another): the rows
    /// from there on moved down one, the same customer stays selected and on the same line,
    /// and the new row is among the matches when the filter lets it through. Exact for any
    /// number of additions told in the order they were made, without scanning the directory.
    pub fn row_inserted(&mut self, rank: usize, company_name: &str, domain: &str) {
        let moved = |r: usize| if r >= rank { r + 1 } else { r };
        let selected = self.matches.rank(self.selected).map(moved);
        let first_shown = self.matches.rank(self.offset).map(moved);
        self.matches = match std::mem::take(&mut self.matches) {
            Matches::All(count) => Matches::All(count + 1),
            Matches::Some(mut ranks) => {
                for r in ranks.iter_mut().filter(|r| **r as usize >= rank) {
                    *r += 1;
                }
                if CustomerFilter::new(self.filter.value()).matches_text(company_name, domain) {
                    let at = ranks.partition_point(|&r| (r as usize) < rank);
                    ranks.insert(at, rank as u32);
                }
                Matches::Some(ranks)
            }
        };
        if let Some(index) = selected.and_then(|r| self.matches.index_of(r)) {
            self.selected = index;
        }
        if let Some(index) = first_shown.and_then(|r| self.matches.index_of(r)) {
            self.offset = index;
        }
        self.keep_visible(self.page.max(1));
    }

    /// The name and domain of the selected customer, which outlive its rank.
    fn selected_key(&self, directory: &Directory) -> Option<(String, String)> {
        let entry = directory.get(self.matches.rank(self.selected)?)?;
        Some((entry.company_name.to_string(), entry.domain().to_string()))
    }

    pub fn selected_entry<'d>(&self, directory: &'d Directory) -> Option<Entry<'d>> {
        directory.get(self.matches.rank(self.selected)?)
    }

    /// Selects a customer by company name and domain, clearing a filter that hides it.
    pub fn select(&mut self, directory: &Directory, company_name: &str, domain: &str) {
        let Some(rank) = directory.rank_of(company_name, domain) else {
            return;
        };
        if self.matches.index_of(rank).is_none() {
            self.filter.reset();
            self.refresh(directory);
        }
        if let Some(index) = self.matches.index_of(rank) {
            self.selected = index;
            self.keep_visible(self.page.max(1));
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.matches.is_empty() {
            return;
        }
        let last = self.matches.len() as isize - 1;
        self.selected = (self.selected as isize)
            .saturating_add(delta)
            .clamp(0, last) as usize;
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
    let list = &ctx.customers;
    if list.filtering {
        vec![keys::FILTER, keys::TEXT_HELP, keys::TEXT_EDITING]
    } else if list.filter.value().is_empty() {
        vec![keys::CUSTOMERS, keys::LIST, keys::GENERAL]
    } else {
        // Clearing the filter comes first: the footer keeps it when space runs short.
        vec![
            keys::CUSTOMERS_FILTERED,
            keys::CUSTOMERS,
            keys::LIST,
            keys::GENERAL,
        ]
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
                list.refresh(&crate::core::read(&ctx.directory));
            }
        }
        Command::Open if list.filtering => list.filtering = false,
        Command::Open => {
            let domain = list
                .selected_entry(&crate::core::read(&ctx.directory))
                .map(|entry| entry.domain().to_string());
            match domain {
                Some(domain) => return open(&domain, Then::Account),
                None => nothing_selected(ctx),
            }
        }
        Command::NewCustomer => {
            return match ctx.actor.role.require(GatedAction::CreateCustomer) {
                Ok(()) => Step::go(Screen::NewCustomer(Box::new(NewCustomer::new(ctx)))),
                Err(refusal) => {
                    ctx.refused(refusal);
                    Step::stay()
                }
            };
        }
        Command::NewOrder => {
            let domain = list
                .selected_entry(&crate::core::read(&ctx.directory))
                .map(|entry| entry.domain().to_string());
            match domain {
                Some(domain) => return open(&domain, Then::NewOrder),
                None => nothing_selected(ctx),
            }
        }
        // A backup holds every confirmation: only the roles that may see them may take one.
        Command::Backup => {
            return match ctx.actor.role.require(GatedAction::SeeConfirmation) {
                Ok(()) => {
                    // At a million customers a backup takes seconds: the screen says so first.
                    // Every customer of the store, those of later business dates too, which
                    // the list does not show: the count comes when it is written.
                    ctx.info(ctx.words().customers.backing_up);
                    Step::run_after_frame(Request::Backup)
                }
                Err(refusal) => {
                    ctx.refused(refusal);
                    Step::stay()
                }
            };
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
        Ok(Completed::BackedUp { path, customers }) => {
            ctx.info((ctx.words().customers.backed_up)(
                &thousands(customers as usize),
                &crate::domain::characters::quote_path(&path),
            ));
            Step::stay()
        }
        Ok(_) => Step::stay(),
        Err(error) => {
            ctx.refused(error);
            Step::stay()
        }
    }
}

pub fn edit(ctx: &mut Context, key: KeyEvent) {
    if ctx.customers.filtering {
        let entered = edit_input(&mut ctx.customers.filter, key, limits::FILTER_CHARS);
        after_filter_change(ctx, entered);
    }
}

pub fn paste(ctx: &mut Context, text: &str) {
    if ctx.customers.filtering {
        let entered = paste_into(&mut ctx.customers.filter, text, limits::FILTER_CHARS);
        after_filter_change(ctx, entered);
    }
}

/// The filter box has no line for a message under it: what was left out shows above the
/// footer.
fn after_filter_change(ctx: &mut Context, entered: Entered) {
    if entered.changed {
        ctx.customers.refresh(&crate::core::read(&ctx.directory));
    }
    if let Some(note) = entered.note {
        let words = ctx.words();
        ctx.error((words.customers.filter_note)(&(words.problems.input)(
            &note,
        )));
    }
}

/// Enter or o with no customer to act on: an empty store, or a filter that matches none.
fn nothing_selected(ctx: &mut Context) {
    if crate::core::read(&ctx.directory).is_empty() {
        ctx.error((ctx.words().customers.no_customers_to_act_on)(
            &keys::key_of(keys::CUSTOMERS, Command::NewCustomer),
        ));
    } else {
        ctx.error((ctx.words().customers.no_match_to_act_on)(&keys::key_of(
            keys::CUSTOMERS_FILTERED,
            Command::Back,
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::ListingRow;
    use crate::domain::cloud::Cloud;
    use crate::domain::status::AgreementStatus;

    fn row(name: &str) -> ListingRow {
        let prefix: String = name
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase();
        ListingRow {
            company_name: name.into(),
            domain: format!("{prefix}.onmicrosoft.com"),
            cloud: Cloud::Public,
            status: AgreementStatus::NotConfirmed,
            agreement: None,
            subscriptions: 0,
        }
    }

    /// Rows added one after another, each followed by `row_inserted` (as a session follows
    /// the core's notices), leave the list exactly as a full refresh would, the same customer
    /// selected.
    #[test]
    fn rows_inserted_meanwhile_keep_the_matches_and_the_selection_exact() {
        for filter in ["", "an", "zz", "b"] {
            let mut directory = Directory::from_rows(
                ["Anna Bakery", "Brant", "Cobalt", "Danube", "Ember"].map(row),
            );
            let mut list = CustomerList {
                filter: Input::new(filter.into()),
                ..CustomerList::default()
            };
            list.refresh(&directory);
            list.move_by(1);
            let selected = list
                .selected_entry(&directory)
                .map(|entry| entry.domain().to_string());
            // Several rows land before the list hears of any; then it hears of each in turn.
            let added: Vec<(usize, ListingRow)> = ["Aaron", "Banana", "Zeta", "Bob", "Caban"]
                .into_iter()
                .map(|name| {
                    let row = row(name);
                    (directory.upsert(&row), row)
                })
                .collect();
            for (rank, row) in &added {
                list.row_inserted(*rank, &row.company_name, &row.domain);
            }
            let mut fresh = CustomerList {
                filter: Input::new(filter.into()),
                ..CustomerList::default()
            };
            fresh.refresh(&directory);
            assert_eq!(
                format!("{:?}", list.matches),
                format!("{:?}", fresh.matches),
                "filter {filter:?}"
            );
            assert_eq!(
                list.selected_entry(&directory)
                    .map(|entry| entry.domain().to_string()),
                selected,
                "filter {filter:?}"
            );
        }
    }
}
