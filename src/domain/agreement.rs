//! The Microsoft Cloud Agreement and the partner's confirmation that a customer accepted it.

use super::field_problem::{FieldProblem, Subject};
use super::record_problem::RecordProblem;
use super::{compare, fields};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub const MCA_TYPE: &str = "MicrosoftCloudAgreement";
pub const MCA_TEMPLATE_ID: &str = "998b88de-aa99-4388-a42c-1b3517d49490";
pub const MCA_LINK: &str = "https://docs.microsoft.com/partner-center/agreements";
pub const CUSTOMER_AGREEMENT_TYPE: &str = "MicrosoftCustomerAgreement";
pub const CUSTOMER_AGREEMENT_TEMPLATE_ID: &str = "117a77b0-9360-443b-8795-c6dedc750cf9";
pub const CUSTOMER_AGREEMENT_LINK: &str = "https://aka.ms/customeragreement";

/// The agreements a partner confirms: the Microsoft Cloud Agreement (from August 7, 2018, valid
/// until January 31, 2020) and the Microsoft Customer Agreement (from October 1, 2019).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AgreementKind {
    CloudAgreement,
    CustomerAgreement,
}

impl AgreementKind {
    pub const ALL: [AgreementKind; 2] = [
        AgreementKind::CloudAgreement,
        AgreementKind::CustomerAgreement,
    ];

    /// The API's `type`: "MicrosoftCloudAgreement" or "MicrosoftCustomerAgreement".
    pub fn type_name(self) -> &'static str {
        match self {
            AgreementKind::CloudAgreement => MCA_TYPE,
            AgreementKind::CustomerAgreement => CUSTOMER_AGREEMENT_TYPE,
        }
    }

    pub fn template_id(self) -> &'static str {
        match self {
            AgreementKind::CloudAgreement => MCA_TEMPLATE_ID,
            AgreementKind::CustomerAgreement => CUSTOMER_AGREEMENT_TEMPLATE_ID,
        }
    }

    pub fn link(self) -> &'static str {
        match self {
            AgreementKind::CloudAgreement => MCA_LINK,
            AgreementKind::CustomerAgreement => CUSTOMER_AGREEMENT_LINK,
        }
    }

    /// The name in prose: "Microsoft Cloud Agreement".
    pub fn name(self) -> &'static str {
        match self {
            AgreementKind::CloudAgreement => "Microsoft Cloud Agreement",
            AgreementKind::CustomerAgreement => "Microsoft Customer Agreement",
        }
    }

    /// The dashboard's section heading: "Microsoft cloud agreement".
    pub fn section_label(self) -> &'static str {
        match self {
            AgreementKind::CloudAgreement => "Microsoft cloud agreement",
            AgreementKind::CustomerAgreement => "Microsoft customer agreement",
        }
    }

    /// The dashboard's checkbox.
    pub fn checkbox_label(self) -> &'static str {
        match self {
            AgreementKind::CloudAgreement => {
                "The customer has accepted the latest Microsoft cloud agreement"
            }
            AgreementKind::CustomerAgreement => {
                "The customer has accepted the latest Microsoft customer agreement"
            }
        }
    }

    /// A name for wide tables: "Cloud Agreement" or "Customer Agreement".
    pub fn name_short(self) -> &'static str {
        match self {
            AgreementKind::CloudAgreement => "Cloud Agreement",
            AgreementKind::CustomerAgreement => "Customer Agreement",
        }
    }

    /// A short name for narrow tables: "Cloud" or "Customer".
    pub fn short_label(self) -> &'static str {
        match self {
            AgreementKind::CloudAgreement => "Cloud",
            AgreementKind::CustomerAgreement => "Customer",
        }
    }

    /// The agreement of a template ID, compared without regard to case or surrounding spaces.
    pub fn from_template_id(template_id: &str) -> Option<AgreementKind> {
        let wanted = template_id.trim();
        AgreementKind::ALL
            .into_iter()
            .find(|kind| kind.template_id().eq_ignore_ascii_case(wanted))
    }

    /// The agreement of an API `type`, compared without regard to case or surrounding spaces.
    pub fn from_type_name(type_name: &str) -> Option<AgreementKind> {
        let wanted = type_name.trim();
        AgreementKind::ALL
            .into_iter()
            .find(|kind| kind.type_name().eq_ignore_ascii_case(wanted))
    }
}

/// A person: the primary contact of a customer, or whoever accepted the agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Contact {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
}

impl Contact {
    /// The name as its own script writes it: "Ada Lovelace", but family name first and no
    /// space between when both parts are Chinese, Japanese or Korean ("김민준", "山田太郎").
    pub fn full_name(&self) -> String {
        let east_asian = |name: &str| !name.is_empty() && name.chars().all(is_east_asian);
        if east_asian(&self.first_name) && east_asian(&self.last_name) {
            format!("{}{}", self.last_name, self.first_name)
        } else {
            format!("{} {}", self.first_name, self.last_name)
        }
    }

    /// Whether `other` names the same person: every field equal once in Unicode normal form C,
    /// so `Zoë` typed with a combining diaeresis is the `Zoë` on record.
    pub fn same_person(&self, other: &Contact) -> bool {
        compare::same_text(&self.first_name, &other.first_name)
            && compare::same_text(&self.last_name, &other.last_name)
            && compare::same_text(&self.email, &other.email)
            && match (&self.phone, &other.phone) {
                (Some(a), Some(b)) => compare::same_text(a, b),
                (a, b) => a == b,
            }
    }

    /// What the form would refuse in this contact, as stored (values must already be in their
    /// cleaned form); empty when it would pass. For checking records that did not come through
    /// a form, such as demo or generated data.
    pub fn problems(&self) -> Vec<RecordProblem> {
        let phone = self.phone.as_deref().unwrap_or("");
        let phone_check = fields::optional_phone(phone).map(Option::unwrap_or_default);
        [
            RecordProblem::of_value(
                fields::person_name(Subject::FirstName, &self.first_name),
                &self.first_name,
            ),
            RecordProblem::of_value(
                fields::person_name(Subject::LastName, &self.last_name),
                &self.last_name,
            ),
            RecordProblem::of_value(fields::email(&self.email), &self.email),
            // No phone is stored as none, never as an empty one.
            match &self.phone {
                Some(empty) if empty.is_empty() => Some(RecordProblem::EmptyPhone),
                _ => RecordProblem::of_value(phone_check, phone),
            },
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// Through which screen or command a confirmation was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    NewCustomer,
    Account,
    OrderPrompt,
    Command,
    Import,
}

impl Channel {
    /// Where the confirmation was made, as the history shows it: in the dashboard (the New
    /// customer wizard, the Account page or the prompt before an order), by a command, or by an
    /// import.
    pub fn label(self) -> &'static str {
        match self {
            Channel::NewCustomer => "New customer",
            Channel::Account => "Account page",
            Channel::OrderPrompt => "Order prompt",
            Channel::Command => "Command",
            Channel::Import => "Import",
        }
    }
}

/// A recorded confirmation of customer acceptance. Never overwritten; a customer may have several.
/// The template ID decides which agreement it confirms (as Partner Center's server does).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    pub customer_id: String,
    pub accepted_by: Contact,
    pub date_agreed: NaiveDate,
    pub agreement_type: String,
    pub template_id: String,
    /// The partner agent who recorded it.
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
    pub channel: Channel,
}

/// The fields of the confirmation form as typed, before validation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AcceptanceDraft {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub date: String,
}

/// Which field of the confirmation form a message belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AcceptanceField {
    FirstName,
    LastName,
    Email,
    Phone,
    Date,
}

impl Confirmation {
    /// Which agreement this confirms; `None` for a template no longer known.
    pub fn kind(&self) -> Option<AgreementKind> {
        AgreementKind::from_template_id(&self.template_id)
    }

    /// The business date it was recorded on: before that date it does not exist yet.
    pub fn recorded_on(&self) -> NaiveDate {
        self.recorded_at.date_naive()
    }

    /// Whether it exists and counts on the business date `as_of`: recorded by then, and
    /// accepted by then.
    pub fn counts_on(&self, as_of: NaiveDate) -> bool {
        self.counts_from() <= as_of
    }

    /// The first business date on which it counts.
    pub fn counts_from(&self) -> NaiveDate {
        self.date_agreed.max(self.recorded_on())
    }
}

/// A confirmation that passed validation, waiting to be stamped with who recorded it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    pub accepted_by: Contact,
    pub date_agreed: NaiveDate,
    /// Which agreement the customer accepted.
    pub agreement: AgreementKind,
}

impl Acceptance {
    pub fn record(
        self,
        customer_id: &str,
        agent: &str,
        at: DateTime<Utc>,
        channel: Channel,
    ) -> Confirmation {
        Confirmation {
            customer_id: customer_id.to_string(),
            accepted_by: self.accepted_by,
            date_agreed: self.date_agreed,
            agreement_type: self.agreement.type_name().to_string(),
            template_id: self.agreement.template_id().to_string(),
            recorded_by: agent.to_string(),
            recorded_at: at,
            channel,
        }
    }
}

pub type FieldErrors<F> = Vec<(F, FieldProblem)>;

/// Gathers every field's message so a form shows them all at once.
pub struct Collector<F> {
    pub errors: FieldErrors<F>,
}

impl<F> Collector<F> {
    pub fn new() -> Self {
        Collector { errors: Vec::new() }
    }

    pub fn take<T>(&mut self, field: F, result: Result<T, FieldProblem>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(message) => {
                self.errors.push((field, message));
                None
            }
        }
    }
}

impl<F> Default for Collector<F> {
    fn default() -> Self {
        Self::new()
    }
}

impl AcceptanceDraft {
    pub fn from_contact(contact: &Contact, date: NaiveDate) -> AcceptanceDraft {
        AcceptanceDraft {
            first_name: contact.first_name.clone(),
            last_name: contact.last_name.clone(),
            email: contact.email.clone(),
            phone: contact.phone.clone().unwrap_or_default(),
            date: date.to_string(),
        }
    }

    /// Checks every field against the business date; all messages at once, in form order. The
    /// acceptance is of the agreement the dashboard confirms on that date (see
    /// `timeline::dashboard_agreement`); `Acceptance::agreement` may be changed after.
    pub fn validate(
        &self,
        business_date: NaiveDate,
    ) -> Result<Acceptance, FieldErrors<AcceptanceField>> {
        use AcceptanceField as F;
        let mut errors = Collector::new();
        let first_name = errors.take(
            F::FirstName,
            fields::person_name(Subject::FirstName, &self.first_name),
        );
        let last_name = errors.take(
            F::LastName,
            fields::person_name(Subject::LastName, &self.last_name),
        );
        let email = errors.take(F::Email, fields::email(&self.email));
        let phone = errors.take(F::Phone, fields::optional_phone(&self.phone));
        let date = errors.take(F::Date, fields::acceptance_date(&self.date, business_date));
        match (first_name, last_name, email, phone, date) {
            (Some(first_name), Some(last_name), Some(email), Some(phone), Some(date_agreed)) => {
                Ok(Acceptance {
                    accepted_by: Contact {
                        first_name,
                        last_name,
                        email,
                        phone,
                    },
                    date_agreed,
                    agreement: super::timeline::dashboard_agreement(business_date),
                })
            }
            _ => Err(errors.errors),
        }
    }
}

/// How recent a confirmation is: its acceptance date, then when it was recorded.
fn recency(confirmation: &Confirmation) -> (NaiveDate, DateTime<Utc>) {
    (confirmation.date_agreed, confirmation.recorded_at)
}

/// The confirmation in force on the business date `as_of`: of those accepted by then, the
/// latest acceptance date, ties broken by the latest recording. A confirmation accepted after
/// `as_of` does not count yet.
pub fn current_on(confirmations: &[Confirmation], as_of: NaiveDate) -> Option<&Confirmation> {
    confirmations
        .iter()
        .filter(|c| c.counts_on(as_of))
        .max_by_key(|c| recency(c))
}

/// The confirmation in force on `as_of` for one agreement (see `current_on`).
pub fn current_of(
    confirmations: &[Confirmation],
    kind: AgreementKind,
    as_of: NaiveDate,
) -> Option<&Confirmation> {
    confirmations
        .iter()
        .filter(|c| c.counts_on(as_of) && c.kind() == Some(kind))
        .max_by_key(|c| recency(c))
}

/// Which agreements a customer's confirmations cover on the business date `as_of`.
pub fn held_on(confirmations: &[Confirmation], as_of: NaiveDate) -> Held {
    let mut held = Held::default();
    for confirmation in confirmations.iter().filter(|c| c.counts_on(as_of)) {
        match confirmation.kind() {
            Some(AgreementKind::CloudAgreement) => held.cloud_agreement = true,
            Some(AgreementKind::CustomerAgreement) => held.customer_agreement = true,
            None => {}
        }
    }
    held
}

/// Which agreement's confirmation opens the gate on the business date `as_of`: the Microsoft
/// Customer Agreement when one counts, else the Microsoft Cloud Agreement until January 31,
/// 2020; `None` when neither does.
pub fn in_force_on(confirmations: &[Confirmation], as_of: NaiveDate) -> Option<AgreementKind> {
    let held = held_on(confirmations, as_of);
    let era = super::timeline::AgreementEra::on(as_of);
    AgreementKind::ALL
        .into_iter()
        .rev()
        .find(|kind| held.holds(*kind) && era.satisfied_by(*kind, false))
}

/// The confirmation that opens the gate on the business date `as_of`: the latest of the
/// agreement in force (see `in_force_on`); `None` when no agreement is in force, even if a
/// confirmation of a retired one is on record.
pub fn confirmation_in_force(
    confirmations: &[Confirmation],
    as_of: NaiveDate,
) -> Option<&Confirmation> {
    in_force_on(confirmations, as_of).and_then(|kind| current_of(confirmations, kind, as_of))
}

/// The confirmation in force on `as_of` of the agreement `named`, or of any agreement.
pub fn current_for(
    confirmations: &[Confirmation],
    named: Option<AgreementKind>,
    as_of: NaiveDate,
) -> Option<&Confirmation> {
    match named {
        Some(kind) => current_of(confirmations, kind, as_of),
        None => current_on(confirmations, as_of),
    }
}

/// Whether any confirmation counts on the business date `as_of`.
pub fn confirmed_on(confirmations: &[Confirmation], as_of: NaiveDate) -> bool {
    confirmations.iter().any(|c| c.counts_on(as_of))
}

/// The agreements a customer has a confirmation of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Held {
    pub cloud_agreement: bool,
    pub customer_agreement: bool,
}

impl Held {
    pub fn holds(self, kind: AgreementKind) -> bool {
        match kind {
            AgreementKind::CloudAgreement => self.cloud_agreement,
            AgreementKind::CustomerAgreement => self.customer_agreement,
        }
    }
}

/// Every confirmation, newest first in the order of `current`: the first one is the one in force.
pub fn sorted_newest_first(confirmations: &[Confirmation]) -> Vec<&Confirmation> {
    // Reversed before the stable sort, so that among equals the last one, as `current` picks it,
    // comes first.
    let mut sorted: Vec<&Confirmation> = confirmations.iter().rev().collect();
    sorted.sort_by_key(|c| std::cmp::Reverse(recency(c)));
    sorted
}

/// Hangul, CJK ideographs, and the Japanese kana.
fn is_east_asian(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}')
}

#[cfg(test)]
mod tests;
