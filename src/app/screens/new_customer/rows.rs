//! The rows of the wizard's form steps: Account info (the form), Review (what will be created,
//! each section with its Update) and Confirmation (what was). Subscriptions, a list of offers,
//! is drawn from the offers themselves.

use super::{Field, NewCustomer, WizardStep, ACCEPTOR_FIELDS, COMPANY_FIELDS, CONTACT_FIELDS};
use crate::app::form::FormRow;
use crate::domain::agreement::AcceptanceField as A;
use crate::domain::agreement::AgreementKind;
use crate::domain::country;
use crate::domain::customer::CustomerField as C;
use crate::domain::customer::{domain_from_prefix, DOMAIN_SUFFIX};

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
        let field = |(id, label): &(Field, &'static str)| FormRow::Field { id: *id, label };
        let mut rows = vec![];
        if let Some(notice) = &self.notice {
            rows.push(FormRow::Notice(notice.clone()));
        }
        rows.push(FormRow::Heading("Company".into()));
        for company_field in &COMPANY_FIELDS {
            rows.push(field(company_field));
            if company_field.0 == Field::Customer(C::DomainPrefix) {
                let typed = self.form.value(Field::Customer(C::DomainPrefix));
                // The domain the prefix makes, or what keeps it from making one, as it is
                // typed; once Next has put a message by the field, that message says it.
                let preview = match domain_from_prefix(typed) {
                    _ if self.form.error(Field::Customer(C::DomainPrefix)).is_some() => None,
                    _ if typed.trim().is_empty() => Some(format!("<prefix>{DOMAIN_SUFFIX}")),
                    Ok(domain) => Some(domain),
                    Err(problem) => Some(problem.to_string()),
                };
                if let Some(value) = preview {
                    rows.push(FormRow::Value {
                        label: String::new(),
                        value,
                    });
                }
            }
        }
        rows.push(FormRow::Heading("Primary contact".into()));
        rows.extend(CONTACT_FIELDS.iter().map(field));
        if self.agreement_section {
            rows.push(FormRow::Heading(self.agreement.section_label().into()));
            rows.push(FormRow::Text(self.schedule_note.clone()));
            rows.push(FormRow::Checkbox {
                id: Field::Accepted,
                label: self.agreement.checkbox_label(),
                checked: self.accepted,
            });
            if self.accepted && self.either {
                rows.push(FormRow::Checkbox {
                    id: Field::NewAgreement,
                    label: crate::app::screens::acceptance::CUSTOMER_AGREEMENT_LABEL,
                    checked: self.agreement == AgreementKind::CustomerAgreement,
                });
            }
            if self.accepted {
                rows.push(FormRow::Field {
                    id: Field::Acceptor(A::Date),
                    label: "Agreement acceptance date",
                });
                if self.acceptor_editable {
                    rows.push(FormRow::Text(
                        "The person who accepted the agreement:".into(),
                    ));
                    rows.extend(ACCEPTOR_FIELDS.iter().map(field));
                } else {
                    let contact = self.customer_draft().contact_as_typed();
                    rows.push(FormRow::Value {
                        label: "Accepted by".into(),
                        value: describe_person(
                            &contact.full_name(),
                            &contact.email,
                            contact.phone.as_deref(),
                        ),
                    });
                    rows.push(FormRow::Buttons(vec![(Field::UpdateAcceptor, "Update")]));
                }
            }
        }
        rows.push(FormRow::Blank);
        rows.push(FormRow::Buttons(vec![
            (Field::Next, "Next: Subscriptions"),
            (Field::Cancel, "Cancel"),
        ]));
        rows
    }

    fn review_rows(&self) -> Vec<FormRow<Field>> {
        let mut rows = vec![];
        if let Some(notice) = &self.notice {
            rows.push(FormRow::Notice(notice.clone()));
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
            FormRow::Heading("Account info".into()),
            value("Company name", profile.company_name.clone()),
            value("Primary domain", profile.domain.clone()),
            value(
                "Address",
                format!(
                    "{street} · {}, {} {} · {} ({})",
                    address.city,
                    address.state,
                    address.postal_code,
                    country::name(&address.country).unwrap_or(""),
                    address.country
                ),
            ),
            value(
                "Primary contact",
                describe_person(
                    &contact.full_name(),
                    &contact.email,
                    contact.phone.as_deref(),
                ),
            ),
            FormRow::Buttons(vec![(Field::UpdateAccountInfo, "Update")]),
        ]);
        if self.agreement_section {
            match acceptance {
                Some(a) => {
                    rows.push(FormRow::Heading(format!(
                        "{} acceptance",
                        a.agreement.section_label()
                    )));
                    rows.push(value(
                        "Agreement acceptance date",
                        a.date_agreed.to_string(),
                    ));
                    let by = &a.accepted_by;
                    rows.push(value(
                        "Accepted by",
                        describe_person(&by.full_name(), &by.email, by.phone.as_deref()),
                    ));
                }
                None => {
                    rows.push(FormRow::Heading(self.agreement.section_label().into()));
                    rows.push(value("Accepted", "Not confirmed".into()));
                }
            }
            rows.push(FormRow::Buttons(vec![(Field::UpdateAgreement, "Update")]));
        }
        rows.push(FormRow::Heading("Subscriptions".into()));
        if self.chosen().next().is_none() {
            rows.push(FormRow::Text(
                "None chosen: the customer is created without subscriptions.".into(),
            ));
        }
        rows.extend(self.chosen_rows());
        if let Some(warning) = &self.order_warning {
            rows.push(FormRow::Notice(warning.clone()));
        }
        rows.push(FormRow::Buttons(vec![(
            Field::UpdateSubscriptions,
            "Update",
        )]));
        rows.push(FormRow::Blank);
        rows.push(FormRow::Buttons(vec![
            (Field::Submit, "Submit"),
            (Field::Back, "Back"),
            (Field::Cancel, "Cancel"),
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
