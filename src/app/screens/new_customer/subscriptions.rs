//! Subscriptions: offers and seat counts for the customer Submit creates, none required. The
//! offers and their keys are the New order screen's; Next: Review checks each seat count, and
//! Review learns whether the confirmation gate would refuse the order.

use super::{Field, NewCustomer, WizardNotice, WizardStep};
use crate::app::keys::Command;
use crate::app::screens::order::{quantity_of, OfferLine};
use crate::app::{Context, Step};
use crate::book::Book;
use crate::domain::agreement::Channel;
use crate::domain::commerce::{check_line_on, Billing, OrderLine};
use crate::locale::words::OrderWords;
use ratatui::crossterm::event::KeyEvent;

impl NewCustomer {
    /// A command while the offers have focus.
    pub(super) fn offers_command(
        &mut self,
        ctx: &mut Context,
        command: Command,
        key: KeyEvent,
    ) -> Step {
        match command {
            Command::NextField => self.form.focus = Field::Next,
            Command::PreviousField => self.form.focus = Field::Cancel,
            Command::Primary => self.next_to_review(ctx),
            Command::Back => return self.back(),
            // Moving, choosing and seat counts, as on the New order screen.
            _ => return self.offers.command(ctx, command, key),
        }
        Step::stay()
    }

    /// The offers chosen, in catalog order.
    pub fn chosen(&self) -> impl Iterator<Item = &OfferLine> {
        self.offers.selected_lines()
    }

    /// The order lines Submit places with the customer.
    pub fn chosen_lines(&self) -> Vec<OrderLine> {
        self.chosen()
            .map(|line| OrderLine {
                offer_id: line.offer.id.clone(),
                quantity: quantity_of(line),
            })
            .collect()
    }

    /// Next: Review: checks the seat count of every offer chosen (none is fine), then opens
    /// Review; or puts each problem by its offer and the cursor on the first.
    pub(super) fn next_to_review(&mut self, ctx: &Context) {
        self.notice = None;
        let mut refused = vec![];
        let date = self.offers.business_date;
        for (index, line) in self.offers.lines.iter_mut().enumerate() {
            line.error = if line.selected {
                check_line_on(line.offer, quantity_of(line), date)
                    .err()
                    .map(|problem| (ctx.words().order.line_problem)(&problem))
            } else {
                None
            };
            if line.error.is_some() {
                refused.push(index);
            }
        }
        if let Some(&first) = refused.first() {
            self.offers.cursor = first;
            self.form.focus = Field::Offers;
            self.notice = Some(WizardNotice::Offers);
            return;
        }
        self.order_warning = self.gate_would_refuse(ctx);
        self.step = WizardStep::Review;
        self.form.focus = Field::Submit;
    }

    /// Why the order of the subscriptions chosen would be refused, judged by the rules the
    /// service applies (`GateFacts::check_new_order`, and `check_order_of` for offers that need
    /// the Microsoft Customer Agreement) on the customer as Submit would write it, with its
    /// confirmation if one was given, through the agent's face of Partner Center; `None` when
    /// nothing stands in the way, as far as this session can tell.
    fn gate_would_refuse(&self, ctx: &Context) -> Option<String> {
        let (profile, acceptance) = self.validated.as_ref()?;
        self.chosen().next()?;
        let date = ctx.actor.business_date;
        let at = date.and_time(chrono::NaiveTime::MIN).and_utc();
        let customer = profile
            .clone()
            .into_customer(String::new(), &ctx.actor.agent, at);
        let mut book = Book::default();
        book.insert_customer(customer.clone());
        if let Some(acceptance) = acceptance {
            book.add_confirmation(acceptance.clone().record(
                &customer.id,
                &ctx.actor.agent,
                at,
                Channel::NewCustomer,
            ));
        }
        let access = ctx.actor.access;
        let facts = book.gate_facts_for(&customer, date, access.face, access.environment);
        let requires_customer_agreement = self
            .chosen()
            .any(|line| line.offer.requires_customer_agreement);
        let refusal = facts.check_order_of(requires_customer_agreement).err()?;
        let words = ctx.words();
        let wizard = &words.new_customer;
        Some(format!(
            "{} {} {}",
            ctx.refusal_text(&refusal.into()),
            wizard.would_order_none,
            if acceptance.is_none() {
                wizard.confirm_first_or_take_out
            } else {
                wizard.take_out_and_order_later
            }
        ))
    }
}

/// How many seats a chosen offer orders, in words: "25 seats", "1 seat", "usage-based".
pub fn quantity_words(line: &OfferLine, words: &OrderWords) -> String {
    match line.offer.billing {
        Billing::SeatBased => (words.seats)(quantity_of(line)),
        Billing::UsageBased => words.usage_based.to_string(),
    }
}
