//! Account: the customer's details, its Microsoft cloud agreement section with Update, and its
//! subscriptions with a seat-count change.

use super::super::keys::{self, Binding, Command};
use super::super::{body_rows, Completed, Context, Request, Step};
use super::{acceptance::AcceptanceForm, form_bindings, order, FormKeys, Origin, Screen};
use crate::domain::eligibility::check_confirmation_exists;
use crate::domain::role::GatedAction;
use crate::service::ServiceError;
use ratatui::crossterm::event::KeyEvent;

mod seat_editor;
pub use seat_editor::{SeatEditor, SeatField};

/// About how many rows of the list one screen shows, for paging: above the subscriptions stand
/// the customer's details and the agreement section (about sixteen rows), above the history
/// the agreement section alone (about ten).
pub fn page_rows(size: (u16, u16), show_history: bool) -> usize {
    let above = if show_history { 10 } else { 16 };
    body_rows(size.1).saturating_sub(above).max(1) as usize
}

/// The seat editor's one box submits with Enter, as its Submit button does.
const SEAT_EDITOR_KEYS: FormKeys = FormKeys {
    enter_in_text: keys::TEXT_FIELD_SUBMITS,
    ..FormKeys::new(keys::PRIMARY_SUBMIT, keys::ESC_CANCEL)
};

#[derive(Debug, Clone)]
pub struct Account {
    pub customer_id: String,
    /// Index of the selected subscription.
    pub selected: usize,
    pub seat_editor: Option<Box<SeatEditor>>,
    pub show_history: bool,
    /// Index of the selected confirmation in the history, newest first.
    pub history_selected: usize,
}

impl Account {
    pub fn new(customer_id: &str) -> Account {
        Account {
            customer_id: customer_id.to_string(),
            selected: 0,
            seat_editor: None,
            show_history: false,
            history_selected: 0,
        }
    }

    pub fn bindings(&self, ctx: &Context) -> Vec<&'static [Binding]> {
        if let Some(editor) = &self.seat_editor {
            return form_bindings(SEAT_EDITOR_KEYS, editor.focus());
        }
        // The section offers no Update in a national cloud or before confirmation exists; a
        // Helpdesk agent still finds the key, and is told why it does nothing.
        let offers_update = ctx
            .book
            .customer(&self.customer_id)
            .is_some_and(|c| check_confirmation_exists(ctx.phase(), c.cloud).is_ok());
        let mut tables = vec![if offers_update {
            keys::ACCOUNT_UPDATE
        } else {
            keys::ACCOUNT_NO_UPDATE
        }];
        tables.push(if self.show_history {
            keys::ACCOUNT_HISTORY
        } else {
            keys::ACCOUNT
        });
        tables.extend([keys::LIST, keys::GENERAL]);
        tables
    }

    pub fn command(&mut self, ctx: &mut Context, command: Command) -> Step {
        if self.seat_editor.is_some() {
            return self.seat_command(ctx, command);
        }
        let Some(customer) = ctx.book.customer(&self.customer_id).cloned() else {
            return Step::go(Screen::Customers);
        };
        // The arrows move through the list on show: the history, or the subscriptions.
        let (rows, selected) = if self.show_history {
            let count = ctx.book.confirmations(&customer.id).len();
            (count, &mut self.history_selected)
        } else {
            let count = ctx.book.subscriptions(&customer.id).len();
            (count, &mut self.selected)
        };
        let last = rows.saturating_sub(1);
        match command {
            Command::Up => *selected = selected.saturating_sub(1),
            Command::Down => *selected = (*selected + 1).min(last),
            Command::PageUp => {
                *selected = selected.saturating_sub(page_rows(ctx.size, self.show_history))
            }
            Command::PageDown => {
                *selected = (*selected + page_rows(ctx.size, self.show_history)).min(last)
            }
            Command::Top => *selected = 0,
            Command::Bottom => *selected = last,
            Command::History => {
                if let Err(refusal) = ctx.actor.role.require(GatedAction::SeeConfirmation) {
                    ctx.refused(refusal);
                } else {
                    self.show_history = !self.show_history;
                    self.history_selected = 0;
                }
            }
            Command::Back => {
                let id = customer.id.clone();
                ctx.select_in_list(&id);
                return Step::go(Screen::Customers);
            }
            Command::NewOrder => {
                return order::start(ctx, &customer.id, Origin::Account(customer.id.clone()))
            }
            Command::UpdateAgreement => {
                return match AcceptanceForm::for_update(ctx, &customer.id) {
                    Ok(form) => Step::go(Screen::Acceptance(Box::new(form))),
                    Err(reason) => {
                        ctx.error(reason);
                        Step::stay()
                    }
                }
            }
            Command::ChangeSeats => self.open_seat_editor(ctx),
            Command::AutoRenew => return self.toggle_auto_renew(ctx),
            _ => {}
        }
        Step::stay()
    }

    /// Auto-renew is never blocked by a missing confirmation: only the role is checked.
    fn toggle_auto_renew(&mut self, ctx: &mut Context) -> Step {
        if let Err(refusal) = ctx.actor.role.require(GatedAction::ChangeAutoRenew) {
            ctx.refused(refusal);
            return Step::stay();
        }
        match ctx.book.subscriptions(&self.customer_id).get(self.selected) {
            Some(subscription) => Step::run(Request::SetAutoRenew {
                customer_id: self.customer_id.clone(),
                subscription_id: subscription.id.clone(),
                on: !subscription.auto_renew,
            }),
            None => {
                ctx.error((ctx.words().account.no_subscriptions_to_act_on)(
                    &keys::key_of(keys::ACCOUNT, Command::NewOrder),
                ));
                Step::stay()
            }
        }
    }

    pub fn edit(&mut self, key: KeyEvent) {
        if let Some(editor) = self.seat_editor.as_mut() {
            editor.form.edit(key);
        }
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(editor) = self.seat_editor.as_mut() {
            editor.form.paste(text);
        }
    }

    pub fn done(&mut self, ctx: &mut Context, result: Result<Completed, ServiceError>) -> Step {
        match (result, self.seat_editor.as_mut()) {
            (
                Ok(Completed::SeatsChanged {
                    subscription_name,
                    quantity,
                }),
                _,
            ) => {
                self.seat_editor = None;
                ctx.info((ctx.words().account.seats_now)(
                    &subscription_name,
                    &quantity.to_string(),
                ));
            }
            (
                Ok(Completed::AutoRenewSet {
                    subscription_name,
                    on,
                }),
                _,
            ) => ctx.info((ctx.words().account.auto_renew_now)(&subscription_name, on)),
            (Err(error), Some(editor)) => {
                editor
                    .form
                    .set_error(SeatField::Quantity, ctx.refusal_text(&error));
                editor.form.focus = SeatField::Quantity;
            }
            (Err(error), None) => ctx.refused(error),
            (Ok(_), _) => {}
        }
        Step::stay()
    }
}
