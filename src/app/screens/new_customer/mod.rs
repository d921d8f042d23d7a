//! New customer wizard: Account info (company, primary contact, Microsoft cloud agreement), then
//! Review with Submit.

use super::super::form::{focus_order, Form};
use super::super::keys::{self, Binding, Command};
use super::super::{Completed, Context, Request, Step};
use super::{account::Account, form_bindings, Focus, FormKeys, Screen};

mod rows;
use crate::domain::agreement::{Acceptance, AcceptanceDraft, AcceptanceField};
use crate::domain::customer::{CustomerDraft, CustomerField, CustomerProfile};
use crate::domain::eligibility::wizard_requires_confirmation;
use crate::domain::limits;
use crate::domain::phase::{long_date, MANDATORY_FROM};
use crate::service::ServiceError;
use crate::store::StoreError;
pub use rows::describe_person;
use AcceptanceField as A;
use CustomerField as C;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A field of the company or its primary contact.
    Customer(CustomerField),
    Accepted,
    /// The acceptance date, or a field of the person who accepted (after Update).
    Acceptor(AcceptanceField),
    UpdateAcceptor,
    Next,
    Cancel,
    Submit,
    Back,
}

const COMPANY_FIELDS: [(Field, &str); 8] = [
    (Field::Customer(C::CompanyName), "Company name"),
    (Field::Customer(C::DomainPrefix), "Primary domain"),
    (Field::Customer(C::Country), "Country/region"),
    (Field::Customer(C::Line1), "Address line 1"),
    (Field::Customer(C::Line2), "Address line 2 (optional)"),
    (Field::Customer(C::City), "City"),
    (Field::Customer(C::State), "State/province"),
    (Field::Customer(C::PostalCode), "Postal code"),
];

const CONTACT_FIELDS: [(Field, &str); 4] = [
    (Field::Customer(C::FirstName), "First name"),
    (Field::Customer(C::LastName), "Last name"),
    (Field::Customer(C::Email), "Email address"),
    (Field::Customer(C::Phone), "Phone number (optional)"),
];

const ACCEPTOR_FIELDS: [(Field, &str); 4] = [
    (Field::Acceptor(A::FirstName), "First name"),
    (Field::Acceptor(A::LastName), "Last name"),
    (Field::Acceptor(A::Email), "Email address"),
    (Field::Acceptor(A::Phone), "Phone number (optional)"),
];

pub const ACCEPTED_LABEL: &str = "The customer has accepted the latest Microsoft cloud agreement";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WizardStep {
    AccountInfo,
    Review,
}

impl WizardStep {
    pub fn label(self) -> &'static str {
        match self {
            WizardStep::AccountInfo => "Account info",
            WizardStep::Review => "Review",
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewCustomer {
    pub step: WizardStep,
    pub form: Form<Field>,
    pub accepted: bool,
    /// Whether Update made the acceptor's details editable (otherwise the primary contact's).
    pub acceptor_editable: bool,
    /// Whether this date's schedule shows the Microsoft cloud agreement section at all.
    pub agreement_section: bool,
    pub notice: Option<String>,
    /// What the schedule asks of this step, shown under the agreement heading.
    pub schedule_note: String,
    /// What Next validated, submitted by Submit.
    pub validated: Option<(CustomerProfile, Option<Acceptance>)>,
}

impl NewCustomer {
    pub fn new(ctx: &Context) -> NewCustomer {
        let text_fields = COMPANY_FIELDS
            .iter()
            .chain(&CONTACT_FIELDS)
            .chain(&ACCEPTOR_FIELDS)
            .map(|(id, _)| (*id, String::new()))
            .chain([(
                Field::Acceptor(A::Date),
                ctx.actor.business_date.to_string(),
            )]);
        NewCustomer {
            step: WizardStep::AccountInfo,
            form: Form::new(text_fields, Field::Customer(C::CompanyName)).with_limits(|field| {
                match field {
                    Field::Customer(field) => limits::customer_field(field),
                    Field::Acceptor(field) => limits::acceptance_field(field),
                    _ => 0,
                }
            }),
            accepted: false,
            acceptor_editable: false,
            agreement_section: ctx.phase().confirmation_available(),
            schedule_note: if wizard_requires_confirmation(ctx.phase()) {
                format!(
                    "Confirmation is mandatory since {}.",
                    long_date(MANDATORY_FROM)
                )
            } else {
                format!(
                    "Until {} you may skip confirmation by leaving this unselected and selecting Next.",
                    long_date(MANDATORY_FROM)
                )
            },
            notice: None,
            validated: None,
        }
    }

    fn customer_draft(&self) -> CustomerDraft {
        let v = |f| self.form.value(f).to_string();
        CustomerDraft {
            company_name: v(Field::Customer(C::CompanyName)),
            domain_prefix: v(Field::Customer(C::DomainPrefix)),
            country: v(Field::Customer(C::Country)),
            line1: v(Field::Customer(C::Line1)),
            line2: v(Field::Customer(C::Line2)),
            city: v(Field::Customer(C::City)),
            state: v(Field::Customer(C::State)),
            postal_code: v(Field::Customer(C::PostalCode)),
            first_name: v(Field::Customer(C::FirstName)),
            last_name: v(Field::Customer(C::LastName)),
            email: v(Field::Customer(C::Email)),
            phone: v(Field::Customer(C::Phone)),
        }
    }

    fn acceptance_draft(&self) -> AcceptanceDraft {
        let (first, last, email, phone) = if self.acceptor_editable {
            (
                Field::Acceptor(A::FirstName),
                Field::Acceptor(A::LastName),
                Field::Acceptor(A::Email),
                Field::Acceptor(A::Phone),
            )
        } else {
            (
                Field::Customer(C::FirstName),
                Field::Customer(C::LastName),
                Field::Customer(C::Email),
                Field::Customer(C::Phone),
            )
        };
        AcceptanceDraft {
            first_name: self.form.value(first).into(),
            last_name: self.form.value(last).into(),
            email: self.form.value(email).into(),
            phone: self.form.value(phone).into(),
            date: self.form.value(Field::Acceptor(A::Date)).into(),
        }
    }

    pub fn bindings(&self) -> Vec<&'static [Binding]> {
        let form = match self.step {
            WizardStep::AccountInfo => FormKeys::new(keys::PRIMARY_NEXT, keys::ESC_CANCEL),
            WizardStep::Review => FormKeys::new(keys::PRIMARY_SUBMIT, keys::ESC_BACK),
        };
        form_bindings(form, self.focus())
    }

    /// What kind of row has focus.
    pub fn focus(&self) -> Focus {
        match self.form.focus {
            _ if self.form.text_focused() => Focus::Text,
            Field::Accepted => Focus::Checkbox,
            _ => Focus::Button,
        }
    }

    pub fn command(&mut self, ctx: &mut Context, command: Command) -> Step {
        let order = focus_order(&self.rows());
        match command {
            Command::NextField => self.form.step_focus(&order, 1),
            Command::PreviousField => self.form.step_focus(&order, -1),
            Command::Toggle if self.form.focus == Field::Accepted => self.toggle_accepted(),
            Command::Back => return self.back(),
            Command::Primary => return self.primary(ctx),
            Command::Press => return self.press(ctx),
            _ => {}
        }
        Step::stay()
    }

    fn toggle_accepted(&mut self) {
        self.accepted = !self.accepted;
        self.form.clear_error(Field::Accepted);
    }

    fn primary(&mut self, ctx: &mut Context) -> Step {
        match self.step {
            WizardStep::AccountInfo => {
                self.next(ctx);
                Step::stay()
            }
            WizardStep::Review => self.submit(),
        }
    }

    /// Enter on a button (text boxes and the checkbox have their own Enter).
    fn press(&mut self, ctx: &mut Context) -> Step {
        match self.form.focus {
            Field::UpdateAcceptor => {
                let contact = self.customer_draft();
                for (acceptor, value) in [
                    (Field::Acceptor(A::FirstName), contact.first_name),
                    (Field::Acceptor(A::LastName), contact.last_name),
                    (Field::Acceptor(A::Email), contact.email),
                    (Field::Acceptor(A::Phone), contact.phone),
                ] {
                    self.form.set_value(acceptor, value);
                }
                self.acceptor_editable = true;
                self.form.focus = Field::Acceptor(A::FirstName);
            }
            Field::Next => self.next(ctx),
            Field::Submit => return self.submit(),
            Field::Back => return self.back(),
            Field::Cancel => return Step::go(Screen::Customers),
            Field::Customer(_) | Field::Accepted | Field::Acceptor(_) => {}
        }
        Step::stay()
    }

    fn back(&mut self) -> Step {
        match self.step {
            WizardStep::AccountInfo => Step::go(Screen::Customers),
            WizardStep::Review => {
                self.step = WizardStep::AccountInfo;
                self.notice = None;
                self.form.focus = Field::Next;
                Step::stay()
            }
        }
    }

    /// Next: validates Account info and goes to Review, or shows every message by its field.
    fn next(&mut self, ctx: &Context) {
        self.notice = None;
        let customer = self.customer_draft().validate(|d| ctx.domain_taken(d));
        let mut errors: Vec<(Field, String)> = match &customer {
            Ok(_) => vec![],
            Err(e) => e
                .iter()
                .map(|(f, m)| (Field::Customer(*f), m.clone()))
                .collect(),
        };
        let mut acceptance = None;
        if self.accepted {
            match self.acceptance_draft().validate(ctx.actor.business_date) {
                Ok(a) => acceptance = Some(a),
                Err(e) => errors.extend(
                    e.into_iter()
                        .filter_map(|(f, m)| self.acceptance_field(f).map(|f| (f, m))),
                ),
            }
        } else if self.agreement_section && wizard_requires_confirmation(ctx.phase()) {
            errors.push((
                Field::Accepted,
                format!(
                    "Confirmation is mandatory since {}: select this box and enter the acceptance details.",
                    long_date(MANDATORY_FROM)
                ),
            ));
        }
        if !errors.is_empty() {
            self.notice = Some(format!(
                "{} field{} need{} attention; each says what to fix.",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                if errors.len() == 1 { "s" } else { "" }
            ));
            self.form.set_errors(errors);
            self.form.focus_first_error(&focus_order(&self.rows()));
            return;
        }
        if let Ok(profile) = customer {
            self.validated = Some((profile, acceptance));
            self.form.set_errors(vec![]);
            self.step = WizardStep::Review;
            self.form.focus = Field::Submit;
        }
    }

    /// Where a message about the acceptor belongs; `None` when the primary contact field
    /// already carries the same message.
    fn acceptance_field(&self, field: AcceptanceField) -> Option<Field> {
        let shown = field == AcceptanceField::Date || self.acceptor_editable;
        shown.then_some(Field::Acceptor(field))
    }

    fn submit(&mut self) -> Step {
        match &self.validated {
            Some((profile, acceptance)) => Step::run(Request::CreateCustomer {
                profile: Box::new(profile.clone()),
                acceptance: acceptance.clone(),
            }),
            None => Step::stay(),
        }
    }

    pub fn done(&mut self, ctx: &mut Context, result: Result<Completed, ServiceError>) -> Step {
        match result {
            Ok(Completed::CustomerCreated { customer_id }) => {
                ctx.customers.refresh(&crate::core::read(&ctx.directory));
                ctx.select_in_list(&customer_id);
                let name = ctx
                    .book
                    .customer(&customer_id)
                    .map(|c| c.company_name.clone())
                    .unwrap_or_default();
                ctx.info(format!("{name} was created."));
                Step::go(Screen::Account(Account::new(&customer_id)))
            }
            Ok(_) => Step::stay(),
            Err(ServiceError::Store(StoreError::DomainTaken { domain })) => {
                // Taken since Next checked it (by another session or a command): back to the
                // field, which says so.
                self.step = WizardStep::AccountInfo;
                self.notice =
                    Some("Submit created nothing: the primary domain was taken meanwhile.".into());
                self.form.set_error(
                    Field::Customer(C::DomainPrefix),
                    format!("{domain} is already taken; choose another prefix."),
                );
                self.form.focus = Field::Customer(C::DomainPrefix);
                Step::stay()
            }
            Err(error) => {
                self.notice = Some(error.to_string());
                Step::stay()
            }
        }
    }
}
