//! The JSON shapes of Partner Center's Agreement API: Agreement, AgreementMetaData, Contact and
//! the collection wrapper.

use crate::domain::agreement::{
    AgreementKind, Confirmation, Contact, CUSTOMER_AGREEMENT_TYPE, MCA_TYPE,
};
use crate::domain::timeline::AgreementEra;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Collection<T> {
    pub total_count: usize,
    pub items: Vec<T>,
}

impl<T> Collection<T> {
    pub fn of(items: Vec<T>) -> Collection<T> {
        Collection {
            total_count: items.len(),
            items,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgreementMetaData {
    pub template_id: String,
    pub agreement_type: String,
    pub agreement_link: String,
    pub version_rank: i32,
}

/// Every agreement type Partner Center has, the types a query may ask for.
pub const AGREEMENT_TYPES: [&str; 2] = [MCA_TYPE, CUSTOMER_AGREEMENT_TYPE];

/// Every agreement template this product knows: the Microsoft Cloud Agreement and the
/// Microsoft Customer Agreement.
pub fn templates() -> Vec<AgreementMetaData> {
    AgreementKind::ALL.into_iter().map(template_of).collect()
}

/// The templates Partner Center listed on the business date `date`: the Microsoft Cloud
/// Agreement until January 31, 2020, the Microsoft Customer Agreement from October 1, 2019.
pub fn templates_on(date: NaiveDate) -> Vec<AgreementMetaData> {
    AgreementEra::on(date)
        .agreements()
        .into_iter()
        .map(template_of)
        .collect()
}

fn template_of(kind: AgreementKind) -> AgreementMetaData {
    AgreementMetaData {
        template_id: kind.template_id().into(),
        agreement_type: kind.type_name().into(),
        agreement_link: kind.link().into(),
        version_rank: 0,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(
    rename_all = "camelCase",
    expecting = "a Contact object {firstName, lastName, email, phoneNumber}"
)]
pub struct ContactJson {
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

impl From<&Contact> for ContactJson {
    fn from(contact: &Contact) -> ContactJson {
        ContactJson {
            first_name: contact.first_name.clone(),
            last_name: contact.last_name.clone(),
            email: contact.email.clone(),
            phone_number: contact.phone.clone(),
        }
    }
}

/// An Agreement as the API returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    /// The object ID of the agent who recorded it (`domain::agent::object_id`).
    pub user_id: String,
    pub primary_contact: ContactJson,
    pub template_id: String,
    /// UTC timestamp at midnight of the acceptance date, e.g. `2018-09-14T00:00:00Z`.
    pub date_agreed: String,
    #[serde(rename = "type")]
    pub agreement_type: String,
    pub agreement_link: String,
    /// pcenter's own: the name of the agent who recorded it, which `userId` identifies.
    pub recorded_by: String,
}

impl From<&Confirmation> for Agreement {
    /// The confirmation's own agreement: the type and link of its template (which decides it),
    /// or of its stored type for a template no longer known.
    fn from(c: &Confirmation) -> Agreement {
        let kind = c
            .kind()
            .or_else(|| AgreementKind::from_type_name(&c.agreement_type));
        Agreement {
            user_id: crate::domain::agent::object_id(&c.recorded_by),
            primary_contact: (&c.accepted_by).into(),
            template_id: c.template_id.clone(),
            date_agreed: utc_midnight(c.date_agreed),
            agreement_type: kind.map_or_else(|| c.agreement_type.clone(), |k| k.type_name().into()),
            agreement_link: kind.map_or_else(String::new, |k| k.link().into()),
            recorded_by: c.recorded_by.clone(),
        }
    }
}

/// The Agreement body a caller sends to create a confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
// Written only by the test that every key of the body is read in any case (`body_keys`).
#[cfg_attr(test, derive(Serialize))]
#[serde(
    rename_all = "camelCase",
    expecting = "an Agreement object {primaryContact, templateId, dateAgreed, type}"
)]
pub struct AgreementRequest {
    #[serde(default)]
    pub primary_contact: ContactJson,
    #[serde(default)]
    pub template_id: Option<String>,
    /// A date (`2018-09-14`) or a timestamp (`2018-09-14T00:00:00Z`), taken at the date written
    /// in it whatever its offset.
    #[serde(default)]
    pub date_agreed: Option<String>,
    #[serde(default, rename = "type")]
    pub agreement_type: Option<String>,
}

pub fn utc_midnight(date: NaiveDate) -> String {
    format!("{date}T00:00:00Z")
}

/// The date part of `2018-09-14`, `2018-09-14T00:00:00Z` or `2018-09-14T00:00:00.000Z`.
pub fn date_part(value: &str) -> &str {
    value.trim().split('T').next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_list_the_agreements_of_the_day_in_the_api_shape() {
        let on = |date: &str| {
            serde_json::to_string(&Collection::of(templates_on(date.parse().unwrap()))).unwrap()
        };
        let cloud = r#"{"templateId":"998b88de-aa99-4388-a42c-1b3517d49490","agreementType":"MicrosoftCloudAgreement","agreementLink":"https://docs.microsoft.com/partner-center/agreements","versionRank":0}"#;
        let customer = r#"{"templateId":"117a77b0-9360-443b-8795-c6dedc750cf9","agreementType":"MicrosoftCustomerAgreement","agreementLink":"https://aka.ms/customeragreement","versionRank":0}"#;
        assert_eq!(
            on("2019-09-30"),
            format!(r#"{{"totalCount":1,"items":[{cloud}]}}"#)
        );
        assert_eq!(
            on("2019-10-01"),
            format!(r#"{{"totalCount":2,"items":[{cloud},{customer}]}}"#)
        );
        assert_eq!(
            on("2020-01-31"),
            format!(r#"{{"totalCount":2,"items":[{cloud},{customer}]}}"#)
        );
        assert_eq!(
            on("2020-02-01"),
            format!(r#"{{"totalCount":1,"items":[{customer}]}}"#)
        );
        assert_eq!(templates().len(), 2);
    }

    #[test]
    fn dates_come_and_go_as_utc_timestamps() {
        let date: NaiveDate = "2018-09-14".parse().unwrap();
        assert_eq!(utc_midnight(date), "2018-09-14T00:00:00Z");
        assert_eq!(date_part("2018-09-14T00:00:00.000Z"), "2018-09-14");
        assert_eq!(date_part(" 2018-09-14 "), "2018-09-14");
    }

    #[test]
    fn a_request_body_reads_like_the_real_one() {
        let body = r#"{"primaryContact":{"firstName":"Ada","lastName":"Lovelace","email":"ada@contoso.com","phoneNumber":"1234567890"},"templateId":"998b88de-aa99-4388-a42c-1b3517d49490","dateAgreed":"2018-09-14T00:00:00Z","type":"MicrosoftCloudAgreement"}"#;
        let request: AgreementRequest = serde_json::from_str(body).unwrap();
        assert_eq!(
            request.primary_contact.phone_number.as_deref(),
            Some("1234567890")
        );
        assert_eq!(
            request.agreement_type.as_deref(),
            Some("MicrosoftCloudAgreement")
        );
    }
}
