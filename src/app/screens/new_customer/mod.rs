//! New customer wizard, as Partner Center has it: Account info (company, primary contact,
//! Microsoft cloud agreement), Subscriptions (offers and seat counts, optional), Review (each
//! section with its Update, then Submit), and Confirmation (the new customer's admin user name
//! and temporary password, then Done). Nothing is saved before Submit.

use super::super::form::{focus_order, FieldNote, Form};
use super::super::keys::{self, Binding, Command};
use super::super::{Context, Step};
use super::order::NewOrder;
use super::{form_bindings, Focus, FormKeys, Origin, Screen};
use ratatui::crossterm::event::KeyEvent;

mod confirmation;
mod rows;
mod subscriptions;
#[cfg(test)]
mod tests;
use crate::domain::agreement::AgreementKind;
use crate::domain::agreement::{Acceptance, AcceptanceDraft, AcceptanceField};
use crate::domain::customer::{CustomerDraft, CustomerField, CustomerProfile};
use crate::domain::eligibility::wizard_requires_confirmation;
use crate::domain::limits;
use crate::domain::phase::MANDATORY_FROM;
use crate::domain::timeline::{
    dashboard_agreement, AgreementEra, CLOUD_AGREEMENT_VALID_UNTIL, CUSTOMER_AGREEMENT_ONLY_FROM,
};
use crate::locale::words::NewCustomerWords;
use crate::locale::Words;
pub use confirmation::Created;
pub use rows::describe_person;
use AcceptanceField as A;
use CustomerField as C;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A field of the company or its primary contact.
    Customer(CustomerField),
    Accepted,
    /// From October 1, 2019 to January 31, 2020: ticked, the customer accepted the Microsoft
    /// Customer Agreement rather than the Microsoft Cloud Agreement.
    NewAgreement,
    /// The acceptance date, or a field of the person who accepted (after Update).
    Acceptor(AcceptanceField),
    UpdateAcceptor,
    /// Next on Account info (Next: Subscriptions) and on Subscriptions (Next: Review).
    Next,
    Cancel,
    Submit,
    Back,
    /// The offers of Subscriptions.
    Offers,
    /// Review's Update of each section: back to the step that holds it.
    UpdateAccountInfo,
    UpdateAgreement,
    UpdateSubscriptions,
    Done,
}

const COMPANY_FIELDS: [Field; 8] = [
    Field::Customer(C::CompanyName),
    Field::Customer(C::DomainPrefix),
    Field::Customer(C::Country),
    Field::Customer(C::Line1),
    Field::Customer(C::Line2),
    Field::Customer(C::City),
    Field::Customer(C::State),
    Field::Customer(C::PostalCode),
];

const CONTACT_FIELDS: [Field; 4] = [
    Field::Customer(C::FirstName),
    Field::Customer(C::LastName),
    Field::Customer(C::Email),
    Field::Customer(C::Phone),
];

const ACCEPTOR_FIELDS: [Field; 4] = [
    Field::Acceptor(A::FirstName),
    Field::Acceptor(A::LastName),
    Field::Acceptor(A::Email),
    Field::Acceptor(A::Phone),
];

/// The label of a text box of Account info.
fn field_label(field: Field, words: &NewCustomerWords) -> &'static str {
    match field {
        Field::Customer(C::CompanyName) => words.company_name,
        Field::Customer(C::DomainPrefix) => words.primary_domain,
        Field::Customer(C::Country) => words.country,
        Field::Customer(C::Line1) => words.address_line1,
        Field::Customer(C::Line2) => words.address_line2,
        Field::Customer(C::City) => words.city,
        Field::Customer(C::State) => words.state,
        Field::Customer(C::PostalCode) => words.postal_code,
        Field::Customer(C::FirstName) | Field::Acceptor(A::FirstName) => words.first_name,
        Field::Customer(C::LastName) | Field::Acceptor(A::LastName) => words.last_name,
        Field::Customer(C::Email) | Field::Acceptor(A::Email) => words.email,
        Field::Customer(C::Phone) | Field::Acceptor(A::Phone) => words.phone,
        Field::Acceptor(A::Date) => words.acceptance_date,
        _ => "",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WizardStep {
    AccountInfo,
    Subscriptions,
    Review,
    Confirmation,
}

impl WizardStep {
    /// The steps in order, as the step indicator shows them.
    pub const ALL: [WizardStep; 4] = [
        WizardStep::AccountInfo,
        WizardStep::Subscriptions,
        WizardStep::Review,
        WizardStep::Confirmation,
    ];

    pub fn label(self, words: &Words) -> &'static str {
        let wizard = &words.new_customer;
        match self {
            WizardStep::AccountInfo => wizard.step_account_info,
            WizardStep::Subscriptions => wizard.step_subscriptions,
            WizardStep::Review => wizard.step_review,
            WizardStep::Confirmation => wizard.step_confirmation,
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewCustomer {
    /// The words of the session's language, for the rows and messages of every step.
    pub words: &'static Words,
    pub step: WizardStep,
    pub form: Form<Field>,
    pub accepted: bool,
    /// Whether Update made the acceptor's details editable (otherwise the primary contact's).
    pub acceptor_editable: bool,
    /// Whether this date's schedule shows the agreement section at all.
    pub agreement_section: bool,
    /// The agreement the section confirms: the one the dashboard names on the business date,
    /// or while either counts, the one chosen.
    pub agreement: AgreementKind,
    /// Whether the agent may choose the agreement (October 1, 2019 to January 31, 2020).
    pub either: bool,
    pub notice: Option<WizardNotice>,
    /// What the schedule asks of this step, shown under the agreement heading.
    pub schedule_note: String,
    /// What Next validated, submitted by Submit.
    pub validated: Option<(CustomerProfile, Option<Acceptance>)>,
    /// The Subscriptions step: the New order screen's offers and seat counts, for the customer
    /// Submit creates.
    pub offers: NewOrder,
    /// Why the subscriptions chosen would not be ordered, as far as this session can tell when
    /// Review opens (Submit has the service decide on the records as they are then).
    pub order_warning: Option<String>,
    /// What Submit created: what Confirmation shows.
    pub created: Option<Created>,
}

/// What the wizard says above a step: a sentence, or how many fields or offers still need
/// attention, counted as they are now (a field put right takes itself off the count).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WizardNotice {
    Said(String),
    Fields,
    Offers,
}

impl NewCustomer {
    /// The notice as it reads now; none once nothing it counted is left.
    pub fn notice_text(&self) -> Option<String> {
        let words = &self.words.new_customer;
        match self.notice.as_ref()? {
            WizardNotice::Said(said) => Some(said.clone()),
            WizardNotice::Fields => {
                let count = self.form.error_count();
                (count > 0).then(|| (words.fields_need_attention)(count))
            }
            WizardNotice::Offers => {
                let count = (self.offers.lines.iter())
                    .filter(|line| line.error.is_some())
                    .count();
                (count > 0).then(|| (words.offers_need_attention)(count))
            }
        }
    }

    pub fn new(ctx: &Context) -> NewCustomer {
        let text_fields = COMPANY_FIELDS
            .iter()
            .chain(&CONTACT_FIELDS)
            .chain(&ACCEPTOR_FIELDS)
            .map(|id| (*id, String::new()))
            .chain([(
                Field::Acceptor(A::Date),
                ctx.actor.business_date.to_string(),
            )]);
        NewCustomer {
            words: ctx.words(),
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
            agreement: dashboard_agreement(ctx.actor.business_date),
            either: AgreementEra::on(ctx.actor.business_date) == AgreementEra::Both,
            schedule_note: schedule_note(ctx),
            notice: None,
            validated: None,
            offers: NewOrder::new("", Origin::Customers, ctx.actor.business_date),
            order_warning: None,
            created: None,
        }
    }

    /// Whether leaving would lose something: a typed value, the ticked box, an offer chosen.
    /// Once the customer is created nothing is left to lose.
    pub fn unsaved_changes(&self) -> bool {
        match self.step {
            WizardStep::Confirmation => false,
            _ => {
                self.form.is_changed()
                    || self.accepted
                    || self.offers.selected_lines().next().is_some()
            }
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
            WizardStep::Subscriptions if self.form.focus == Field::Offers => {
                return vec![keys::OFFER_LIST, keys::NEW_CUSTOMER_OFFERS, keys::GENERAL];
            }
            WizardStep::Subscriptions => FormKeys::new(keys::PRIMARY_NEXT_REVIEW, keys::ESC_BACK),
            WizardStep::Review => FormKeys::new(keys::PRIMARY_SUBMIT, keys::ESC_BACK),
            WizardStep::Confirmation => return vec![keys::NEW_CUSTOMER_DONE, keys::GENERAL],
        };
        form_bindings(form, self.focus())
    }

    /// What kind of row has focus (the offers of Subscriptions have keys of their own).
    pub fn focus(&self) -> Focus {
        match self.form.focus {
            _ if self.form.text_focused() => Focus::Text,
            Field::Accepted | Field::NewAgreement => Focus::Checkbox,
            _ => Focus::Button,
        }
    }

    /// What Tab and Shift-Tab move through on this step.
    fn focus_order(&self) -> Vec<Field> {
        match self.step {
            WizardStep::Subscriptions => {
                vec![Field::Offers, Field::Next, Field::Back, Field::Cancel]
            }
            _ => focus_order(&self.rows()),
        }
    }

    /// An editing key for the focused text box.
    pub fn edit(&mut self, key: KeyEvent) {
        self.form.edit(key);
    }

    /// Pasted text: into the focused text box, or as the seat count of the offer under the
    /// cursor.
    pub fn paste(&mut self, text: &str) {
        match self.step {
            WizardStep::Subscriptions if self.form.focus == Field::Offers => {
                self.offers.paste(self.words, text)
            }
            WizardStep::AccountInfo => {
                self.form.paste(text);
            }
            _ => {}
        }
    }

    pub fn command(&mut self, ctx: &mut Context, command: Command, key: KeyEvent) -> Step {
        if self.step == WizardStep::Subscriptions && self.form.focus == Field::Offers {
            return self.offers_command(ctx, command, key);
        }
        let order = self.focus_order();
        match command {
            Command::NextField => self.form.step_focus(&order, 1),
            Command::PreviousField => self.form.step_focus(&order, -1),
            Command::Toggle if self.form.focus == Field::Accepted => self.toggle_accepted(),
            Command::Toggle if self.form.focus == Field::NewAgreement => {
                self.agreement = match self.agreement {
                    AgreementKind::CloudAgreement => AgreementKind::CustomerAgreement,
                    AgreementKind::CustomerAgreement => AgreementKind::CloudAgreement,
                };
            }
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
            WizardStep::AccountInfo => self.next(ctx),
            WizardStep::Subscriptions => self.next_to_review(ctx),
            WizardStep::Review => return self.submit(),
            WizardStep::Confirmation => return self.finish(ctx),
        }
        Step::stay()
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
            Field::Next if self.step == WizardStep::Subscriptions => self.next_to_review(ctx),
            Field::Next => self.next(ctx),
            Field::Submit => return self.submit(),
            Field::Back => return self.back(),
            Field::Cancel => return Step::go(Screen::Customers),
            Field::UpdateAccountInfo => {
                self.go_to(WizardStep::AccountInfo, Field::Customer(C::CompanyName))
            }
            Field::UpdateAgreement => self.go_to(WizardStep::AccountInfo, Field::Accepted),
            Field::UpdateSubscriptions => self.go_to(WizardStep::Subscriptions, Field::Offers),
            Field::Done => return self.finish(ctx),
            Field::Customer(_)
            | Field::Accepted
            | Field::NewAgreement
            | Field::Acceptor(_)
            | Field::Offers => {}
        }
        Step::stay()
    }

    /// Back to an earlier step with everything typed and chosen kept, focus on `focus`.
    fn go_to(&mut self, step: WizardStep, focus: Field) {
        self.step = step;
        self.notice = None;
        self.form.focus = focus;
    }

    /// Back: Cancel on Account info, else the step before, on its Next.
    fn back(&mut self) -> Step {
        match self.step {
            WizardStep::AccountInfo => return Step::go(Screen::Customers),
            WizardStep::Subscriptions => self.go_to(WizardStep::AccountInfo, Field::Next),
            WizardStep::Review => self.go_to(WizardStep::Subscriptions, Field::Next),
            WizardStep::Confirmation => {}
        }
        Step::stay()
    }

    /// Next: Subscriptions: validates Account info and goes on, or shows every message by its
    /// field.
    fn next(&mut self, ctx: &Context) {
        self.notice = None;
        let customer = self.customer_draft().validate(|d| ctx.domain_taken(d));
        let mut errors: Vec<(Field, FieldNote)> = match &customer {
            Ok(_) => vec![],
            Err(e) => e
                .iter()
                .map(|(f, m)| (Field::Customer(*f), m.clone().into()))
                .collect(),
        };
        let mut acceptance = None;
        if self.accepted {
            match self.acceptance_draft().validate(ctx.actor.business_date) {
                Ok(a) => {
                    acceptance = Some(Acceptance {
                        agreement: self.agreement,
                        ..a
                    })
                }
                Err(e) => errors.extend(
                    e.into_iter()
                        .filter_map(|(f, m)| self.acceptance_field(f).map(|f| (f, m.into()))),
                ),
            }
        } else if self.agreement_section && wizard_requires_confirmation(ctx.phase()) {
            let since = match self.agreement {
                AgreementKind::CloudAgreement => MANDATORY_FROM,
                AgreementKind::CustomerAgreement => CUSTOMER_AGREEMENT_ONLY_FROM,
            };
            let words = ctx.words();
            errors.push((
                Field::Accepted,
                (words.new_customer.confirmation_required)(
                    words.terms.agreement_name(self.agreement),
                    &(words.terms.long_date)(since),
                )
                .into(),
            ));
        }
        if !errors.is_empty() {
            self.notice = Some(WizardNotice::Fields);
            self.form.set_errors(errors);
            self.form.focus_first_error(&focus_order(&self.rows()));
            return;
        }
        if let Ok(profile) = customer {
            self.validated = Some((profile, acceptance));
            self.form.clear_errors();
            self.step = WizardStep::Subscriptions;
            self.form.focus = Field::Offers;
        }
    }

    /// Where a message about the acceptor belongs; `None` when the primary contact field
    /// already carries the same message.
    fn acceptance_field(&self, field: AcceptanceField) -> Option<Field> {
        let shown = field == AcceptanceField::Date || self.acceptor_editable;
        shown.then_some(Field::Acceptor(field))
    }
}

/// What the schedule asks of Account info on the business date, under the agreement heading.
fn schedule_note(ctx: &Context) -> String {
    let words = ctx.words();
    let wizard = &words.new_customer;
    let date = |date| (words.terms.long_date)(date);
    match AgreementEra::on(ctx.actor.business_date) {
        AgreementEra::CustomerAgreement => {
            (wizard.note_customer_agreement_required)(&date(CUSTOMER_AGREEMENT_ONLY_FROM))
        }
        AgreementEra::Both => {
            (wizard.note_cloud_agreement_valid_until)(&date(CLOUD_AGREEMENT_VALID_UNTIL))
        }
        AgreementEra::CloudAgreement if wizard_requires_confirmation(ctx.phase()) => {
            (wizard.note_mandatory_since)(&date(MANDATORY_FROM))
        }
        AgreementEra::CloudAgreement => (wizard.note_optional_until)(&date(MANDATORY_FROM)),
    }
}
