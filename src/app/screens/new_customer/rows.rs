//! The rows of the wizard's form steps: Account info (the form), Review (what will be created,
//! each section with its Update) and Confirmation (what was). Subscriptions, a list of offers,
//! is drawn from the offers themselves.

use super::{field_label, Field, NewCustomer, WizardStep};
use super::{ACCEPTOR_FIELDS, COMPANY_FIELDS, CONTACT_FIELDS};
use crate::app::form::FormRow;
use crate::domain::agreement::AcceptanceField as A;
use crate::domain::agreement::AgreementKind;
use crate::domain::country;
use crate::domain::customer::CustomerField as C;
use crate::domain::customer::{domain_from_prefix, DOMAIN_SUFFIX};
use crate::domain::status::AgreementStatus;

impl NewCustomer {
    pub fn rows(&self) -> Vec<FormRow<Field>> {
        match self.step {
            WizardStep::AccountInfo => self.account_info_rows(),
            WizardStep::Subscriptions => vec![],
            WizardStep::Review => self.review_rows(),
            WizardStep::Confirmation => self.confirmation_rows(),
        }
    }

    fn account_info_rows(&self) -> Vec<FormRow<Field>> {
        let words = self.words;
        let wizard = &words.new_customer;
        let field = |id: &Field| FormRow::Field {
            id: *id,
            label: field_label(*id, wizard),
        };
        let mut rows = vec![];
        if let Some(notice) = self.notice_text() {
            rows.push(FormRow::Notice(notice));
        }
        rows.push(FormRow::Heading(wizard.company.into()));
        for company_field in &COMPANY_FIELDS {
            rows.push(field(company_field));
            if *company_field == Field::Customer(C::DomainPrefix) {
                let typed = self.form.value(Field::Customer(C::DomainPrefix));
                // The domain the prefix makes, or what keeps it from making one, as it is
                // typed; once Next has put a message by the field, that message says it.
                let preview = match domain_from_prefix(typed) {
                    _ if self.form.error(Field::Customer(C::DomainPrefix)).is_some() => None,
                    _ if typed.trim().is_empty() => Some(format!(
                        "{}{DOMAIN_SUFFIX}",
                        wizard.domain_prefix_placeholder
                    )),
                    Ok(domain) => Some(domain),
                    Err(problem) => Some((words.problems.field)(&problem)),
                };
                if let Some(value) = preview {
                    rows.push(FormRow::Value {
                        label: String::new(),
                        value,
                    });
                }
            }
        }
        rows.push(FormRow::Heading(wizard.primary_contact.into()));
        rows.extend(CONTACT_FIELDS.iter().map(field));
        if self.agreement_section {
            rows.push(FormRow::Heading(
                words.terms.agreement_section(self.agreement).into(),
            ));
            rows.push(FormRow::Text(self.schedule_note.clone()));
            rows.push(FormRow::Checkbox {
                id: Field::Accepted,
                label: words.terms.agreement_checkbox(self.agreement),
                checked: self.accepted,
            });
            if self.accepted && self.either {
                rows.push(FormRow::Checkbox {
                    id: Field::NewAgreement,
                    label: wizard.new_agreement_checkbox,
                    checked: self.agreement == AgreementKind::CustomerAgreement,
                });
            }
            if self.accepted {
                rows.push(field(&Field::Acceptor(A::Date)));
                if self.acceptor_editable {
                    rows.push(FormRow::Text(wizard.acceptor_intro.into()));
                    rows.extend(ACCEPTOR_FIELDS.iter().map(field));
                } else {
                    let contact = self.customer_draft().contact_as_typed();
                    rows.push(FormRow::Value {
                        label: wizard.accepted_by.into(),
                        value: describe_person(
                            &contact.full_name(),
                            &contact.email,
                            contact.phone.as_deref(),
                        ),
                    });
                    rows.push(FormRow::Buttons(vec![(
                        Field::UpdateAcceptor,
                        wizard.update,
                    )]));
                }
            }
        }
        rows.push(FormRow::Blank);
        rows.push(FormRow::Buttons(vec![
            (Field::Next, wizard.next_to_subscriptions),
            (Field::Cancel, wizard.cancel),
        ]));
        rows
    }

    fn review_rows(&self) -> Vec<FormRow<Field>> {
        let words = self.words;
        let wizard = &words.new_customer;
        let mut rows = vec![];
        if let Some(notice) = self.notice_text() {
            rows.push(FormRow::Notice(notice));
        }
        let Some((profile, acceptance)) = &self.validated else {
            return rows;
        };
        let value = |label: &str, value: String| FormRow::Value {
            label: label.into(),
            value,
        };
        let address = &profile.address;
        let contact = &profile.primary_contact;
        let street = [Some(address.line1.as_str()), address.line2.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        rows.extend([
            FormRow::Heading(wizard.step_account_info.into()),
            value(wizard.company_name, profile.company_name.clone()),
            value(wizard.primary_domain, profile.domain.clone()),
            value(
                wizard.address,
                (wizard.address_value)(
                    &street,
                    &address.city,
                    &address.state,
                    &address.postal_code,
                    country::name(&address.country).unwrap_or(""),
                    &address.country,
                ),
            ),
            value(
                wizard.primary_contact,
                describe_person(
                    &contact.full_name(),
                    &contact.email,
                    contact.phone.as_deref(),
                ),
            ),
            FormRow::Buttons(vec![(Field::UpdateAccountInfo, wizard.update)]),
        ]);
        if self.agreement_section {
            match acceptance {
                Some(a) => {
                    rows.push(FormRow::Heading((wizard.acceptance_heading)(
                        words.terms.agreement_section(a.agreement),
                    )));
                    rows.push(value(wizard.acceptance_date, a.date_agreed.to_string()));
                    let by = &a.accepted_by;
                    rows.push(value(
                        wizard.accepted_by,
                        describe_person(&by.full_name(), &by.email, by.phone.as_deref()),
                    ));
                }
                None => {
                    rows.push(FormRow::Heading(
                        words.terms.agreement_section(self.agreement).into(),
                    ));
                    rows.push(value(
                        wizard.accepted,
                        words.terms.status(AgreementStatus::NotConfirmed).into(),
                    ));
                }
            }
            rows.push(FormRow::Buttons(vec![(
                Field::UpdateAgreement,
                wizard.update,
            )]));
        }
        rows.push(FormRow::Heading(wizard.step_subscriptions.into()));
        if self.chosen().next().is_none() {
            rows.push(FormRow::Text(wizard.none_chosen.into()));
        }
        rows.extend(self.chosen_rows());
        if let Some(warning) = &self.order_warning {
            rows.push(FormRow::Notice(warning.clone()));
        }
        rows.push(FormRow::Buttons(vec![(
            Field::UpdateSubscriptions,
            wizard.update,
        )]));
        rows.push(FormRow::Blank);
        rows.push(FormRow::Buttons(vec![
            (Field::Submit, wizard.submit),
            (Field::Back, wizard.back),
            (Field::Cancel, wizard.cancel),
        ]));
        rows
    }
}

/// "Name · email · phone", skipping what is empty.
pub fn describe_person(name: &str, email: &str, phone: Option<&str>) -> String {
    [name.trim(), email, phone.unwrap_or("")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}
