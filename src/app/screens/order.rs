//! New order: pick offers and quantities, review, submit. `start` decides whether the acceptance
//! prompt stands before it.

use super::super::keys::{self, Binding, Command};
use super::super::{Completed, Context, Request, Step};
use super::{acceptance::AcceptanceForm, account::Account, form_bindings, Focus, FormKeys};
use super::{Origin, Screen};
use crate::domain::catalog;
use crate::domain::commerce::{check_line_on, Billing, Offer, OrderLine};
use crate::domain::gate::OrderPrompt;
use crate::domain::role::GatedAction;
use crate::locale::words::OrderWords;
use crate::service::ServiceError;
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

mod quantity;

/// Opens a new order for a customer, with the acceptance prompt first when it is missing.
pub fn start(ctx: &mut Context, customer_id: &str, origin: Origin) -> Step {
    if let Err(refusal) = ctx.actor.role.require(GatedAction::CreateOrder) {
        ctx.refused(refusal);
        return Step::stay();
    }
    let Some(customer) = ctx.book.customer(customer_id) else {
        return Step::stay();
    };
    let prompt = ctx
        .book
        .gate_facts(customer, ctx.actor.business_date)
        .prompt_before_order();
    let skippable = match prompt {
        OrderPrompt::None => {
            return Step::go(Screen::Order(Box::new(NewOrder::new(
                customer_id,
                origin,
                ctx.actor.business_date,
            ))))
        }
        OrderPrompt::Skippable => true,
        OrderPrompt::Required => false,
    };
    match AcceptanceForm::before_order(ctx, customer_id, skippable, origin) {
        Some(form) => Step::go(Screen::Acceptance(Box::new(form))),
        None => Step::stay(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderStep {
    Pick,
    Review,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewButton {
    Submit,
    Back,
    Cancel,
}

pub const REVIEW_BUTTONS: [ReviewButton; 3] = [
    ReviewButton::Submit,
    ReviewButton::Back,
    ReviewButton::Cancel,
];

impl ReviewButton {
    pub fn label(self, words: &OrderWords) -> &'static str {
        match self {
            ReviewButton::Submit => words.submit,
            ReviewButton::Back => words.back,
            ReviewButton::Cancel => words.cancel,
        }
    }
}

#[derive(Debug, Clone)]
pub struct OfferLine {
    pub offer: &'static Offer,
    pub selected: bool,
    /// The quantity as typed (seat-based offers only).
    pub quantity: String,
    /// Whether the quantity is still the default, so the first digit typed replaces it.
    pub fresh: bool,
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewOrder {
    pub customer_id: String,
    pub origin: Origin,
    pub step: OrderStep,
    pub lines: Vec<OfferLine>,
    pub cursor: usize,
    pub review_focus: ReviewButton,
    pub notice: Option<String>,
    /// Decides which offers are sold and under which names.
    pub business_date: NaiveDate,
}

impl NewOrder {
    /// The order form with the offers sold on the business date `business_date`.
    pub fn new(customer_id: &str, origin: Origin, business_date: NaiveDate) -> NewOrder {
        NewOrder {
            customer_id: customer_id.to_string(),
            origin,
            step: OrderStep::Pick,
            business_date,
            lines: catalog::offers_on(business_date)
                .map(|offer| OfferLine {
                    offer,
                    selected: false,
                    quantity: String::new(),
                    fresh: true,
                    error: None,
                })
                .collect(),
            cursor: 0,
            review_focus: ReviewButton::Submit,
            notice: None,
        }
    }

    pub fn bindings(&self) -> Vec<&'static [Binding]> {
        match self.step {
            OrderStep::Pick => vec![keys::OFFER_LIST, keys::ORDER_PICK, keys::GENERAL],
            // Focus is always on one of the review's buttons.
            OrderStep::Review => form_bindings(
                FormKeys::new(keys::PRIMARY_SUBMIT, keys::ESC_BACK),
                Focus::Button,
            ),
        }
    }

    pub fn selected_lines(&self) -> impl Iterator<Item = &OfferLine> {
        self.lines.iter().filter(|l| l.selected)
    }

    pub fn command(&mut self, ctx: &mut Context, command: Command, key: KeyEvent) -> Step {
        match self.step {
            OrderStep::Pick => self.pick_command(ctx, command, key),
            OrderStep::Review => self.review_command(command),
        }
    }

    fn pick_command(&mut self, ctx: &mut Context, command: Command, key: KeyEvent) -> Step {
        let last = self.lines.len().saturating_sub(1);
        match command {
            Command::Up => self.cursor = self.cursor.saturating_sub(1),
            Command::Down => self.cursor = (self.cursor + 1).min(last),
            Command::Top => self.cursor = 0,
            Command::Bottom => self.cursor = last,
            Command::Toggle => {
                let line = &mut self.lines[self.cursor];
                line.selected = !line.selected;
                line.error = None;
                if line.selected && line.quantity.is_empty() {
                    line.quantity = "1".into();
                    line.fresh = true;
                }
            }
            Command::More | Command::Less => self.adjust(
                if command == Command::More { 1 } else { -1 },
                &ctx.words().order,
            ),
            Command::Digit => {
                if let KeyCode::Char(digit) = key.code {
                    self.type_digit(digit, &ctx.words().order);
                }
            }
            Command::Erase => {
                let line = &mut self.lines[self.cursor];
                line.quantity.pop();
                line.fresh = false;
                line.error = None;
            }
            Command::Primary => self.review(&ctx.words().order),
            Command::Back => {
                ctx.info(ctx.words().order.cancelled);
                return Step::go(self.origin.screen());
            }
            _ => {}
        }
        Step::stay()
    }

    /// Checks the picked lines and moves to the review, or marks what is wrong.
    fn review(&mut self, words: &OrderWords) {
        self.notice = None;
        if self.selected_lines().next().is_none() {
            self.notice = Some((words.select_one_first)(&keys::key_of(
                keys::OFFER_LIST,
                Command::Toggle,
            )));
            return;
        }
        let mut first_error = None;
        for (index, line) in self
            .lines
            .iter_mut()
            .enumerate()
            .filter(|(_, l)| l.selected)
        {
            let quantity = quantity_of(line);
            line.error = check_line_on(line.offer, quantity, self.business_date)
                .err()
                .map(|problem| (words.line_problem)(&problem));
            if line.error.is_some() && first_error.is_none() {
                first_error = Some(index);
            }
        }
        match first_error {
            Some(index) => self.cursor = index,
            None => {
                self.step = OrderStep::Review;
                self.review_focus = ReviewButton::Submit;
            }
        }
    }

    fn review_command(&mut self, command: Command) -> Step {
        let position = REVIEW_BUTTONS
            .iter()
            .position(|b| *b == self.review_focus)
            .unwrap_or(0);
        let count = REVIEW_BUTTONS.len();
        match command {
            Command::NextField => self.review_focus = REVIEW_BUTTONS[(position + 1) % count],
            Command::PreviousField => {
                self.review_focus = REVIEW_BUTTONS[(position + count - 1) % count]
            }
            Command::Primary => return self.submit(),
            Command::Back => self.step = OrderStep::Pick,
            Command::Press => match self.review_focus {
                ReviewButton::Submit => return self.submit(),
                ReviewButton::Back => self.step = OrderStep::Pick,
                ReviewButton::Cancel => return Step::go(self.origin.screen()),
            },
            _ => {}
        }
        Step::stay()
    }

    fn submit(&mut self) -> Step {
        self.notice = None;
        Step::run(Request::CreateOrder {
            customer_id: self.customer_id.clone(),
            lines: self
                .selected_lines()
                .map(|line| OrderLine {
                    offer_id: line.offer.id.clone(),
                    quantity: quantity_of(line),
                })
                .collect(),
        })
    }

    pub fn done(&mut self, ctx: &mut Context, result: Result<Completed, ServiceError>) -> Step {
        match result {
            Ok(Completed::OrderCreated { subscriptions, .. }) => {
                ctx.info((ctx.words().order.submitted)(subscriptions));
                // The new subscriptions come last: the first of them is selected.
                let mut account = Account::new(&self.customer_id);
                account.selected = ctx
                    .book
                    .subscriptions(&self.customer_id)
                    .len()
                    .saturating_sub(subscriptions);
                Step::go(Screen::Account(account))
            }
            Ok(_) => Step::stay(),
            Err(error) => {
                self.notice = Some(ctx.refusal_text(&error));
                Step::stay()
            }
        }
    }
}

/// Seat-based lines order the typed quantity; usage-based lines always order 1.
pub fn quantity_of(line: &OfferLine) -> u32 {
    match line.offer.billing {
        Billing::SeatBased => line.quantity.parse().unwrap_or(0),
        Billing::UsageBased => 1,
    }
}
