//! The seat-count editor of the Account page: opened on a seat-based subscription when the
//! gate and the role allow, submitted as a seat change.

use super::Account;
use crate::app::form::{focus_order, Form, FormRow};
use crate::app::keys::{self, Command};
use crate::app::screens::Focus;
use crate::app::{Context, Request, Step};
use crate::domain::characters::quote;
use crate::domain::commerce::Billing;
use crate::domain::limits;
use crate::domain::role::GatedAction;
use crate::locale::Words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeatField {
    Quantity,
    Submit,
    Cancel,
}

/// The small form that changes one subscription's seat count.
#[derive(Debug, Clone)]
pub struct SeatEditor {
    pub subscription_id: String,
    pub subscription_name: String,
    pub max_seats: Option<u32>,
    /// The seat count before the change, so keeping it writes nothing.
    pub current: Option<u32>,
    pub form: Form<SeatField>,
}

impl SeatEditor {
    /// The box, or one of the buttons.
    pub fn focus(&self) -> Focus {
        match self.form.focus {
            SeatField::Quantity => Focus::Text,
            SeatField::Submit | SeatField::Cancel => Focus::Button,
        }
    }

    pub fn rows(&self, words: &Words) -> Vec<FormRow<SeatField>> {
        let words = &words.account;
        vec![
            FormRow::Text(match self.max_seats {
                Some(max) => (words.seat_range)(&self.subscription_name, &max.to_string()),
                None => self.subscription_name.clone(),
            }),
            FormRow::Text((words.subscription_id)(&self.subscription_id)),
            FormRow::Field {
                id: SeatField::Quantity,
                label: words.quantity,
            },
            FormRow::Buttons(vec![
                (SeatField::Submit, words.submit),
                (SeatField::Cancel, words.cancel),
            ]),
        ]
    }
}

impl Account {
    pub(super) fn open_seat_editor(&mut self, ctx: &mut Context) {
        if let Err(refusal) = ctx.actor.role.require(GatedAction::ChangeSeats) {
            return ctx.refused(refusal);
        }
        let Some(customer) = ctx.book.customer(&self.customer_id) else {
            return;
        };
        let Some(subscription) = ctx.book.subscriptions(&customer.id).get(self.selected) else {
            return ctx.error((ctx.words().account.no_subscriptions_to_act_on)(
                &keys::key_of(keys::ACCOUNT, Command::NewOrder),
            ));
        };
        let facts = ctx.book.gate_facts(customer, ctx.actor.business_date);
        if let Err(refusal) = facts.check_seat_change(subscription.billing) {
            return ctx.refused(refusal);
        }
        if let Err(problem) = subscription.check_seats_changeable() {
            return ctx.refused(problem);
        }
        debug_assert_eq!(subscription.billing, Billing::SeatBased);
        self.seat_editor = Some(Box::new(SeatEditor {
            subscription_id: subscription.id.clone(),
            subscription_name: crate::domain::catalog::offer_name_on(
                &subscription.offer_id,
                ctx.actor.business_date,
                &subscription.offer_name,
            )
            .to_string(),
            current: subscription.quantity,
            max_seats: crate::assets::offer(&subscription.offer_id).and_then(|o| o.max_seats),
            form: Form::new(
                [(
                    SeatField::Quantity,
                    subscription.quantity.unwrap_or(1).to_string(),
                )],
                SeatField::Quantity,
            )
            .with_limits(|_| limits::QUANTITY_DIGITS),
        }));
    }

    pub(super) fn seat_command(&mut self, ctx: &mut Context, command: Command) -> Step {
        let Some(editor) = self.seat_editor.as_mut() else {
            return Step::stay();
        };
        let order = focus_order(&editor.rows(ctx.words()));
        let submit = match command {
            Command::NextField => {
                editor.form.step_focus(&order, 1);
                false
            }
            Command::PreviousField => {
                editor.form.step_focus(&order, -1);
                false
            }
            Command::Back => {
                self.seat_editor = None;
                return Step::stay();
            }
            Command::Primary => true,
            Command::Press => match editor.form.focus {
                SeatField::Cancel => {
                    self.seat_editor = None;
                    return Step::stay();
                }
                SeatField::Submit | SeatField::Quantity => true,
            },
            _ => false,
        };
        if !submit {
            return Step::stay();
        }
        let typed = editor.form.value(SeatField::Quantity).trim().to_string();
        match typed.parse::<u32>() {
            Ok(quantity) if Some(quantity) == editor.current => {
                ctx.info((ctx.words().account.seats_unchanged)(
                    &editor.subscription_name,
                    quantity,
                ));
                self.seat_editor = None;
                Step::stay()
            }
            Ok(quantity) => Step::run(Request::ChangeSeats {
                customer_id: self.customer_id.clone(),
                subscription_id: editor.subscription_id.clone(),
                quantity,
            }),
            Err(_) => {
                editor.form.set_error(
                    SeatField::Quantity,
                    (ctx.words().account.not_a_seat_count)(&quote(&typed)),
                );
                editor.form.focus = SeatField::Quantity;
                Step::stay()
            }
        }
    }
}
