//! Submit, and Confirmation: the customer created (and its subscriptions ordered, when chosen and
//! not refused), the admin user name and temporary password to hand to the customer, shown this
//! once, and Done.

use super::subscriptions::quantity_words;
use super::{Field, NewCustomer, WizardNotice, WizardStep};
use crate::app::form::FormRow;
use crate::app::keys::{self, Command};
use crate::app::screens::Screen;
use crate::app::{Completed, Context, NewCustomerOrder, Request, Step};
use crate::domain::credentials::UserCredentials;
use crate::domain::customer::CustomerField as C;
use crate::domain::field_problem::FieldProblem;
use crate::service::ServiceError;
use crate::store::StoreError;

/// What Submit created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub customer_id: String,
    pub company_name: String,
    pub domain: String,
    /// The new tenant's administrator: never stored, so shown only here.
    pub credentials: UserCredentials,
    pub order: NewCustomerOrder,
}

impl NewCustomer {
    /// Submit: creates the customer with what Account info validated, and orders the
    /// subscriptions chosen, in one request; the service decides on both.
    pub(super) fn submit(&mut self) -> Step {
        let Some((profile, acceptance)) = &self.validated else {
            return Step::stay();
        };
        let request = Request::CreateCustomer {
            profile: Box::new(profile.clone()),
            acceptance: acceptance.clone(),
            lines: self.chosen_lines(),
        };
        self.notice = None;
        Step::run(request)
    }

    /// The outcome of Submit: Confirmation once the customer is created, else Review (or the
    /// field at fault) says what kept it from being created.
    pub fn done(&mut self, ctx: &mut Context, result: Result<Completed, ServiceError>) -> Step {
        match result {
            Ok(Completed::CustomerCreated {
                customer_id,
                credentials,
                order,
            }) => {
                let Some((profile, _)) = &self.validated else {
                    return Step::stay();
                };
                ctx.info((ctx.words().new_customer.created)(&profile.company_name));
                self.created = Some(Created {
                    customer_id,
                    company_name: profile.company_name.clone(),
                    domain: profile.domain.clone(),
                    credentials,
                    order,
                });
                self.step = WizardStep::Confirmation;
                self.notice = None;
                self.form.focus = Field::Done;
                Step::stay()
            }
            Ok(_) => Step::stay(),
            Err(ServiceError::Store(StoreError::DomainTaken { domain })) => {
                // Taken since Next checked it (by another session or a command): back to the
                // field, which says so.
                self.step = WizardStep::AccountInfo;
                let wizard = &ctx.words().new_customer;
                self.notice = Some(WizardNotice::Said(wizard.domain_taken_meanwhile.into()));
                let taken = FieldProblem::DomainTaken(domain);
                self.form.set_error(Field::Customer(C::DomainPrefix), taken);
                self.form.focus = Field::Customer(C::DomainPrefix);
                Step::stay()
            }
            Err(error @ ServiceError::DomainTakenLater { .. }) => {
                self.step = WizardStep::AccountInfo;
                let nothing = ctx.words().new_customer.created_nothing;
                self.notice = Some(WizardNotice::Said(nothing.into()));
                let said = ctx.refusal_text(&error);
                self.form.set_error(Field::Customer(C::DomainPrefix), said);
                self.form.focus = Field::Customer(C::DomainPrefix);
                Step::stay()
            }
            Err(error) => {
                self.notice = Some(WizardNotice::Said(format!(
                    "{} {}",
                    ctx.words().new_customer.created_nothing,
                    ctx.refusal_text(&error)
                )));
                Step::stay()
            }
        }
    }

    /// Done: the Customers list, the new customer selected.
    pub(super) fn finish(&mut self, ctx: &mut Context) -> Step {
        let Some(created) = &self.created else {
            return Step::stay();
        };
        ctx.refresh_customers();
        ctx.select_in_list(&created.customer_id);
        ctx.info((ctx.words().new_customer.created)(&created.company_name));
        Step::go(Screen::Customers)
    }

    /// The subscriptions chosen, one row each under the offer's name on the business date:
    /// "Microsoft 365 E3: 25 seats".
    pub(super) fn chosen_rows(&self) -> impl Iterator<Item = FormRow<Field>> + '_ {
        let date = self.offers.business_date;
        let words = self.words;
        self.chosen().map(move |line| {
            FormRow::Text((words.new_customer.chosen_offer)(
                line.offer.name_on(date),
                &quantity_words(line, &words.order),
            ))
        })
    }

    pub(super) fn confirmation_rows(&self) -> Vec<FormRow<Field>> {
        let Some(created) = &self.created else {
            return vec![];
        };
        let value = |label: &str, value: String| FormRow::Value {
            label: label.into(),
            value,
        };
        let wizard = &self.words.new_customer;
        let credentials = &created.credentials;
        let mut rows = vec![
            FormRow::Heading((wizard.created_heading)(&created.company_name)),
            value(wizard.primary_domain, created.domain.clone()),
            FormRow::Heading(wizard.admin_account.into()),
            value(wizard.user_name, credentials.sign_in_name(&created.domain)),
            value(wizard.temporary_password, credentials.password.clone()),
            FormRow::Text(wizard.save_credentials.into()),
            FormRow::Heading(wizard.step_subscriptions.into()),
        ];
        let open = keys::key_of(keys::CUSTOMERS, Command::Open);
        let new_order = keys::key_of(keys::ACCOUNT, Command::NewOrder);
        match &created.order {
            NewCustomerOrder::NoneChosen => {
                rows.push(FormRow::Text((wizard.none_were_chosen)(&open, &new_order)))
            }
            NewCustomerOrder::Ordered { subscriptions } => {
                rows.push(FormRow::Text((wizard.ordered)(*subscriptions)));
                rows.extend(self.chosen_rows());
            }
            NewCustomerOrder::Refused(refusal) => {
                rows.push(FormRow::Notice(format!(
                    "{} {}",
                    wizard.nothing_ordered,
                    (self.words.problems.refusal)(refusal)
                )));
                let update = keys::key_of(keys::ACCOUNT_UPDATE, Command::UpdateAgreement);
                let update = match refusal {
                    ServiceError::Gate(_) => Some(update.as_str()),
                    _ => None,
                };
                rows.push(FormRow::Text((wizard.order_later)(
                    &created.company_name,
                    &open,
                    update,
                    &new_order,
                )));
                rows.extend(self.chosen_rows());
            }
        }
        rows.push(FormRow::Blank);
        rows.push(FormRow::Buttons(vec![(Field::Done, wizard.done)]));
        rows
    }
}
