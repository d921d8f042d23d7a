//! The Microsoft Cloud Agreement and the partner's confirmation that a customer accepted it.

use super::{compare, fields};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub const MCA_TYPE: &str = "MicrosoftCloudAgreement";
pub const MCA_TEMPLATE_ID: &str = "998b88de-aa99-4388-a42c-1b3517d49490";
pub const MCA_LINK: &str = "https://docs.microsoft.com/partner-center/agreements";

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
    pub fn problems(&self) -> Vec<String> {
        let cleaned = |check: Result<String, String>, value: &str| match check {
            Ok(clean) if clean == value => None,
            Ok(clean) => Some(format!("'{value}' is not in its cleaned form '{clean}'")),
            Err(message) => Some(message),
        };
        [
            cleaned(
                fields::person_name("First name", &self.first_name),
                &self.first_name,
            ),
            cleaned(
                fields::person_name("Last name", &self.last_name),
                &self.last_name,
            ),
            cleaned(fields::email(&self.email), &self.email),
            match fields::optional_phone(self.phone.as_deref().unwrap_or("")) {
                Ok(phone) if phone == self.phone => None,
                Ok(_) => Some(format!(
                    "the phone {:?} is not in its cleaned form",
                    self.phone
                )),
                Err(message) => Some(message),
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

/// A confirmation that passed validation, waiting to be stamped with who recorded it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    pub accepted_by: Contact,
    pub date_agreed: NaiveDate,
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
            agreement_type: MCA_TYPE.to_string(),
            template_id: MCA_TEMPLATE_ID.to_string(),
            recorded_by: agent.to_string(),
            recorded_at: at,
            channel,
        }
    }
}

pub type FieldErrors<F> = Vec<(F, String)>;

/// Gathers every field's message so a form shows them all at once.
pub struct Collector<F> {
    pub errors: FieldErrors<F>,
}

impl<F> Collector<F> {
    pub fn new() -> Self {
        Collector { errors: Vec::new() }
    }

    pub fn take<T>(&mut self, field: F, result: Result<T, String>) -> Option<T> {
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

    /// Checks every field against the business date; all messages at once, in form order.
    pub fn validate(
        &self,
        business_date: NaiveDate,
    ) -> Result<Acceptance, FieldErrors<AcceptanceField>> {
        use AcceptanceField as F;
        let mut errors = Collector::new();
        let first_name = errors.take(
            F::FirstName,
            fields::person_name("First name", &self.first_name),
        );
        let last_name = errors.take(
            F::LastName,
            fields::person_name("Last name", &self.last_name),
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

/// The confirmation in force: the latest acceptance date, ties broken by the latest recording.
pub fn current(confirmations: &[Confirmation]) -> Option<&Confirmation> {
    confirmations.iter().max_by_key(|c| recency(c))
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
mod tests {
    use super::*;

    #[test]
    fn chinese_japanese_and_korean_names_put_the_family_name_first() {
        let person = |first: &str, last: &str| Contact {
            first_name: first.into(),
            last_name: last.into(),
            email: "a@b.co".into(),
            phone: None,
        };
        assert_eq!(person("Ada", "Lovelace").full_name(), "Ada Lovelace");
        assert_eq!(person("민준", "김").full_name(), "김민준");
        assert_eq!(person("太郎", "山田").full_name(), "山田太郎");
        assert_eq!(person("芳", "王").full_name(), "王芳");
        assert_eq!(person("Ji-woo", "Park").full_name(), "Ji-woo Park");
        assert_eq!(
            person("Ji-woo", "朴").full_name(),
            "Ji-woo 朴",
            "mixed scripts keep the order"
        );
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn draft() -> AcceptanceDraft {
        AcceptanceDraft {
            first_name: " Ji-woo ".into(),
            last_name: "Park".into(),
            email: "jiwoo.park@hanbit.co.kr".into(),
            phone: "".into(),
            date: "2018-09-01".into(),
        }
    }

    #[test]
    fn a_complete_draft_becomes_an_acceptance_with_trimmed_names() {
        let acceptance = draft().validate(d("2018-09-14")).unwrap();
        assert_eq!(acceptance.accepted_by.first_name, "Ji-woo");
        assert_eq!(acceptance.accepted_by.phone, None);
        assert_eq!(acceptance.date_agreed, d("2018-09-01"));
    }

    #[test]
    fn every_bad_field_gets_its_own_message_in_form_order() {
        let bad = AcceptanceDraft {
            first_name: "".into(),
            last_name: " ".into(),
            email: "nobody".into(),
            phone: "12".into(),
            date: "2018-09-15".into(),
        };
        let errors = bad.validate(d("2018-09-14")).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec![
                AcceptanceField::FirstName,
                AcceptanceField::LastName,
                AcceptanceField::Email,
                AcceptanceField::Phone,
                AcceptanceField::Date
            ]
        );
        assert!(errors[4].1.contains("future date"));
    }

    #[test]
    fn the_same_person_is_found_however_the_accents_are_encoded() {
        let zoe = Contact {
            first_name: "Zoë".into(),
            last_name: "Ångström".into(),
            email: "zoë@contoso.com".into(),
            phone: Some("555 0100".into()),
        };
        let typed = Contact {
            first_name: "Zoe\u{308}".into(),
            last_name: "A\u{30a}ngstro\u{308}m".into(),
            email: "zoe\u{308}@contoso.com".into(),
            phone: Some("555 0100".into()),
        };
        assert_ne!(zoe, typed, "stored as typed, not rewritten");
        assert!(zoe.same_person(&typed));
        assert!(typed.same_person(&zoe));
        for other in [
            Contact {
                first_name: "Zoe".into(),
                ..zoe.clone()
            },
            Contact {
                phone: None,
                ..zoe.clone()
            },
            Contact {
                email: "zoe@contoso.com".into(),
                ..zoe.clone()
            },
        ] {
            assert!(!zoe.same_person(&other), "{other:?}");
        }
    }

    #[test]
    fn a_stored_contact_reports_what_the_form_would_refuse() {
        let good = Contact {
            first_name: "Zoë".into(),
            last_name: "김".into(),
            email: "zoe@contoso.com".into(),
            phone: None,
        };
        assert!(good.problems().is_empty());
        let bad = Contact {
            first_name: " Zoë".into(),
            email: "nobody".into(),
            phone: Some("12".into()),
            ..good
        };
        assert_eq!(bad.problems().len(), 3, "{:?}", bad.problems());
    }

    #[test]
    fn recording_stamps_the_agreement_agent_and_time() {
        let at: DateTime<Utc> = "2018-09-14T10:00:00Z".parse().unwrap();
        let c = draft().validate(d("2018-09-14")).unwrap().record(
            "t-1",
            "Megan Bowen",
            at,
            Channel::Account,
        );
        assert_eq!(c.agreement_type, "MicrosoftCloudAgreement");
        assert_eq!(c.template_id, "998b88de-aa99-4388-a42c-1b3517d49490");
        assert_eq!(c.recorded_by, "Megan Bowen");
        assert_eq!(c.recorded_at, at);
        assert_eq!(c.customer_id, "t-1");
    }

    #[test]
    fn the_current_confirmation_is_the_latest_by_date_then_by_recording() {
        let base = draft().validate(d("2018-09-14")).unwrap();
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let mut early = base
            .clone()
            .record("t", "a", at("2018-09-20T00:00:00Z"), Channel::Account);
        early.date_agreed = d("2018-08-01");
        let late_a = base
            .clone()
            .record("t", "b", at("2018-09-10T00:00:00Z"), Channel::Account);
        let late_b = base.record("t", "c", at("2018-09-11T00:00:00Z"), Channel::Command);
        let all = vec![late_b.clone(), early.clone(), late_a.clone()];
        assert_eq!(current(&all), Some(&late_b));
        assert_eq!(current(&[]), None);
        assert_eq!(sorted_newest_first(&all), vec![&late_b, &late_a, &early]);
        assert!(sorted_newest_first(&[]).is_empty());
    }

    #[test]
    fn among_identical_moments_the_newest_first_order_starts_with_the_current_one() {
        let at: DateTime<Utc> = "2018-09-10T00:00:00Z".parse().unwrap();
        let base = draft().validate(d("2018-09-14")).unwrap();
        let first = base.clone().record("t", "a", at, Channel::Account);
        let second = base.record("t", "b", at, Channel::Command);
        let all = vec![first.clone(), second.clone()];
        assert_eq!(current(&all), Some(&second));
        assert_eq!(sorted_newest_first(&all), vec![&second, &first]);
    }
}
