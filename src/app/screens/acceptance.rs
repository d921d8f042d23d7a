//! The confirmation form: opened by Update on the Account page, and inserted before a new order
//! for a customer without a confirmation. Save and continue records it; Cancel returns, or, before
//! the mandatory date and only before an order, skips to the order.

use super::super::form::{focus_order, Form, FormRow};
use super::super::keys::{self, Binding, Command};
use super::super::{Completed, Context, Request, Step};
use super::{account::Account, form_bindings, order::NewOrder, Focus, FormKeys, Origin, Screen};
use crate::domain::agreement::{
    Acceptance, AcceptanceDraft, AcceptanceField, AgreementKind, Channel,
};
use crate::domain::eligibility::check_can_confirm;
use crate::domain::gate::GateRefusal;
use crate::domain::limits;
use crate::domain::phase::MANDATORY_FROM;
use crate::domain::timeline::{
    dashboard_agreement, AgreementEra, CLOUD_AGREEMENT_VALID_UNTIL, CUSTOMER_AGREEMENT_ONLY_FROM,
};
use crate::locale::{Lang, Words};
use crate::service::ServiceError;
use AcceptanceField as A;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Input(AcceptanceField),
    /// From October 1, 2019 to January 31, 2020: ticked, the customer accepted the Microsoft
    /// Customer Agreement rather than the Microsoft Cloud Agreement.
    CustomerAgreement,
    SaveAndContinue,
    Cancel,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Update on the Account page.
    Update,
    /// The prompt before a new order; `skippable` before the mandatory date.
    BeforeOrder { skippable: bool, origin: Origin },
}

#[derive(Debug, Clone)]
pub struct AcceptanceForm {
    pub customer_id: String,
    pub company_name: String,
    pub purpose: Purpose,
    pub form: Form<Field>,
    pub notice: Option<String>,
    /// The agreement the form confirms: the one the dashboard names on the business date, or
    /// while either counts, the one chosen.
    pub agreement: AgreementKind,
    /// Whether the agent may choose the agreement (October 1, 2019 to January 31, 2020).
    pub either: bool,
    /// The language of the session that opened it, which its rows speak.
    pub lang: Lang,
}

impl AcceptanceForm {
    /// The form for a customer, pre-filled with the current confirmation's acceptor, or else the
    /// primary contact, and the business date.
    fn new(ctx: &Context, customer_id: &str, purpose: Purpose) -> Option<AcceptanceForm> {
        let customer = ctx.book.customer(customer_id)?;
        let person = ctx
            .book
            .current_confirmation(customer_id, ctx.actor.business_date)
            .map(|c| &c.accepted_by)
            .unwrap_or(&customer.primary_contact);
        let draft = AcceptanceDraft::from_contact(person, ctx.actor.business_date);
        Some(AcceptanceForm {
            customer_id: customer_id.to_string(),
            company_name: customer.company_name.clone(),
            purpose,
            agreement: dashboard_agreement(ctx.actor.business_date),
            either: AgreementEra::on(ctx.actor.business_date) == AgreementEra::Both,
            form: Form::new(
                [
                    (Field::Input(A::FirstName), draft.first_name),
                    (Field::Input(A::LastName), draft.last_name),
                    (Field::Input(A::Email), draft.email),
                    (Field::Input(A::Phone), draft.phone),
                    (Field::Input(A::Date), draft.date),
                ],
                Field::Input(A::FirstName),
            )
            .with_limits(|field| match field {
                Field::Input(field) => limits::acceptance_field(field),
                _ => 0,
            }),
            notice: None,
            lang: ctx.lang,
        })
    }

    /// The Update form of the Account page, or why it cannot open.
    pub fn for_update(ctx: &Context, customer_id: &str) -> Result<AcceptanceForm, String> {
        let no_such_customer = ctx.words().acceptance.no_such_customer;
        let customer = ctx.book.customer(customer_id).ok_or(no_such_customer)?;
        check_can_confirm(ctx.actor.role, ctx.phase(), customer.cloud)
            .map_err(|refusal| (ctx.words().problems.confirm)(&refusal))?;
        AcceptanceForm::new(ctx, customer_id, Purpose::Update)
            .ok_or_else(|| no_such_customer.into())
    }

    /// The prompt inserted before a new order.
    pub fn before_order(
        ctx: &Context,
        customer_id: &str,
        skippable: bool,
        origin: Origin,
    ) -> Option<AcceptanceForm> {
        AcceptanceForm::new(ctx, customer_id, Purpose::BeforeOrder { skippable, origin })
    }

    /// Every word of the form, in the language of the session that opened it.
    pub fn words(&self) -> &'static Words {
        self.lang.words()
    }

    pub fn rows(&self) -> Vec<FormRow<Field>> {
        let all_words = self.words();
        let words = &all_words.acceptance;
        let long_date = all_words.terms.long_date;
        let mut rows = vec![];
        if let Purpose::BeforeOrder { skippable, .. } = self.purpose {
            rows.push(FormRow::Text((words.before_order_intro)(
                all_words.terms.agreement_name(self.agreement),
            )));
            rows.push(FormRow::Text(if skippable {
                (words.skippable)(&long_date(MANDATORY_FROM))
            } else if self.agreement == AgreementKind::CustomerAgreement {
                (words.customer_agreement_required)(&long_date(CUSTOMER_AGREEMENT_ONLY_FROM))
            } else {
                (words.mandatory)(&long_date(MANDATORY_FROM))
            }));
        } else {
            rows.push(FormRow::Text(words.update_intro.into()));
        }
        if let Some(notice) = &self.notice {
            rows.push(FormRow::Notice(notice.clone()));
        }
        rows.extend([
            FormRow::Blank,
            FormRow::Field {
                id: Field::Input(A::FirstName),
                label: words.first_name,
            },
            FormRow::Field {
                id: Field::Input(A::LastName),
                label: words.last_name,
            },
            FormRow::Field {
                id: Field::Input(A::Email),
                label: words.email,
            },
            FormRow::Field {
                id: Field::Input(A::Phone),
                label: words.phone,
            },
            FormRow::Field {
                id: Field::Input(A::Date),
                label: words.date,
            },
        ]);
        if self.either {
            rows.extend([
                FormRow::Blank,
                FormRow::Text((words.either_counts)(&long_date(
                    CLOUD_AGREEMENT_VALID_UNTIL,
                ))),
                FormRow::Checkbox {
                    id: Field::CustomerAgreement,
                    label: words.customer_agreement_checkbox,
                    checked: self.agreement == AgreementKind::CustomerAgreement,
                },
            ]);
        }
        rows.extend([
            FormRow::Blank,
            FormRow::Buttons(vec![
                (Field::SaveAndContinue, words.save_and_continue),
                (Field::Cancel, words.cancel),
            ]),
        ]);
        rows
    }

    fn draft(&self) -> AcceptanceDraft {
        AcceptanceDraft {
            first_name: self.form.value(Field::Input(A::FirstName)).into(),
            last_name: self.form.value(Field::Input(A::LastName)).into(),
            email: self.form.value(Field::Input(A::Email)).into(),
            phone: self.form.value(Field::Input(A::Phone)).into(),
            date: self.form.value(Field::Input(A::Date)).into(),
        }
    }

    pub fn bindings(&self) -> Vec<&'static [Binding]> {
        let focus = match self.form.focus {
            Field::Input(_) => Focus::Text,
            Field::CustomerAgreement => Focus::Checkbox,
            Field::SaveAndContinue | Field::Cancel => Focus::Button,
        };
        form_bindings(FormKeys::new(keys::PRIMARY_SAVE, keys::ESC_CANCEL), focus)
    }

    pub fn command(&mut self, ctx: &mut Context, command: Command) -> Step {
        let order = focus_order(&self.rows());
        match command {
            Command::NextField => self.form.step_focus(&order, 1),
            Command::PreviousField => self.form.step_focus(&order, -1),
            Command::Back => return self.cancel(ctx),
            Command::Primary => return self.save(ctx),
            Command::Toggle if self.form.focus == Field::CustomerAgreement => {
                self.agreement = match self.agreement {
                    AgreementKind::CloudAgreement => AgreementKind::CustomerAgreement,
                    AgreementKind::CustomerAgreement => AgreementKind::CloudAgreement,
                };
            }
            Command::Press => match self.form.focus {
                Field::SaveAndContinue => return self.save(ctx),
                Field::Cancel => return self.cancel(ctx),
                Field::Input(_) | Field::CustomerAgreement => {}
            },
            _ => {}
        }
        Step::stay()
    }

    fn save(&mut self, ctx: &mut Context) -> Step {
        self.notice = None;
        match self.draft().validate(ctx.actor.business_date) {
            Ok(acceptance) => Step::run(Request::Confirm {
                customer_id: self.customer_id.clone(),
                acceptance: Acceptance {
                    agreement: self.agreement,
                    ..acceptance
                },
                channel: match self.purpose {
                    Purpose::Update => Channel::Account,
                    Purpose::BeforeOrder { .. } => Channel::OrderPrompt,
                },
            }),
            Err(errors) => {
                self.form.set_errors(
                    errors
                        .into_iter()
                        .map(|(f, m)| (Field::Input(f), m))
                        .collect(),
                );
                self.form.focus_first_error(&focus_order(&self.rows()));
                Step::stay()
            }
        }
    }

    fn cancel(&mut self, ctx: &mut Context) -> Step {
        match &self.purpose {
            Purpose::Update => Step::go(Screen::Account(Account::new(&self.customer_id))),
            Purpose::BeforeOrder {
                skippable: true,
                origin,
            } => {
                let words = ctx.words();
                ctx.info((words.acceptance.skipped)(&(words.terms.long_date)(
                    MANDATORY_FROM,
                )));
                Step::go(Screen::Order(Box::new(NewOrder::new(
                    &self.customer_id,
                    origin.clone(),
                    ctx.actor.business_date,
                ))))
            }
            Purpose::BeforeOrder {
                skippable: false,
                origin,
            } => {
                let refusal = ctx
                    .book
                    .customer(&self.customer_id)
                    .and_then(|customer| {
                        ctx.book
                            .gate_facts(customer, ctx.actor.business_date)
                            .check_new_order()
                            .err()
                    })
                    .map_or(String::new(), |refusal: GateRefusal| {
                        ctx.refusal_text(&refusal.into())
                    });
                ctx.error((ctx.words().acceptance.no_order)(&refusal));
                Step::go(origin.screen())
            }
        }
    }

    pub fn done(&mut self, ctx: &mut Context, result: Result<Completed, ServiceError>) -> Step {
        match (result, &self.purpose) {
            (Ok(Completed::Confirmed { date_agreed, .. }), Purpose::Update) => {
                // The current confirmation is the latest by acceptance date: an earlier one joins
                // the history without replacing it, and the agent should know why.
                let current = ctx
                    .book
                    .current_confirmation(&self.customer_id, ctx.actor.business_date);
                let words = ctx.words();
                let said = match current.filter(|c| c.date_agreed > date_agreed) {
                    Some(later) => (words.acceptance.saved_in_history)(
                        &keys::key_of(keys::ACCOUNT, Command::History),
                        &later.date_agreed.to_string(),
                    ),
                    None => {
                        (words.acceptance.confirmed)(words.terms.agreement_name(self.agreement))
                    }
                };
                ctx.info(said);
                Step::go(Screen::Account(Account::new(&self.customer_id)))
            }
            (Ok(Completed::Confirmed { .. }), Purpose::BeforeOrder { origin, .. }) => {
                ctx.info(ctx.words().acceptance.confirmed_continue);
                Step::go(Screen::Order(Box::new(NewOrder::new(
                    &self.customer_id,
                    origin.clone(),
                    ctx.actor.business_date,
                ))))
            }
            // Another agent confirmed this very contact meanwhile: the order's gate is open, so
            // the prompt has done its work (the order is judged on the store again).
            (Err(ServiceError::AlreadyConfirmed), Purpose::BeforeOrder { origin, .. }) => {
                ctx.info(ctx.words().acceptance.confirmed_meanwhile);
                Step::go(Screen::Order(Box::new(NewOrder::new(
                    &self.customer_id,
                    origin.clone(),
                    ctx.actor.business_date,
                ))))
            }
            (Ok(_), _) => Step::stay(),
            (Err(error), _) => {
                self.notice = Some(ctx.refusal_text(&error));
                Step::stay()
            }
        }
    }
}
