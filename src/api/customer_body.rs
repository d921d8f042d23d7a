//! The Customer body of `customers create` (like POST /v1/customers), with an optional
//! `agreement`, read into the New customer form's drafts. Every rule stays in the domain's
//! `validate`; this module only names each message by its field in the body.

use super::agreement_request::{invalid_fields, FieldProblems, Requested};
use super::body_keys;
use super::customer_json::{CULTURE, LANGUAGE};
use super::error::ApiError;
use super::json::AgreementRequest;
use crate::domain::agreement::Acceptance;
use crate::domain::customer::{CustomerDraft, CustomerField, CustomerProfile};
use crate::locale::words::BodyProblem;
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
// Written only by the test that every key of the body is read in any case (`body_keys`).
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct CustomerRequest {
    #[serde(default)]
    pub company_profile: CompanyProfileRequest,
    #[serde(default)]
    pub billing_profile: BillingProfileRequest,
    /// Confirmation of customer acceptance recorded with the customer, in the Agreement's shape.
    #[serde(default)]
    pub agreement: Option<AgreementRequest>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfileRequest {
    pub domain: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct BillingProfileRequest {
    pub company_name: Option<String>,
    pub email: Option<String>,
    pub culture: Option<String>,
    pub language: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    #[serde(default)]
    pub default_address: AddressRequest,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct AddressRequest {
    pub country: Option<String>,
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone_number: Option<String>,
}

/// The name in the Customer body of a field of the New customer form.
pub fn customer_field(field: CustomerField) -> &'static str {
    use CustomerField as F;
    match field {
        F::CompanyName => "billingProfile.companyName",
        F::DomainPrefix => "companyProfile.domain",
        F::Country => "billingProfile.defaultAddress.country",
        F::Line1 => "billingProfile.defaultAddress.addressLine1",
        F::Line2 => "billingProfile.defaultAddress.addressLine2",
        F::City => "billingProfile.defaultAddress.city",
        F::State => "billingProfile.defaultAddress.state",
        F::PostalCode => "billingProfile.defaultAddress.postalCode",
        F::FirstName => "billingProfile.defaultAddress.firstName",
        F::LastName => "billingProfile.defaultAddress.lastName",
        F::Email => "billingProfile.email",
        F::Phone => "billingProfile.defaultAddress.phoneNumber",
    }
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// A person's name, given in the address and optionally again in the billing profile: the
/// customer has one primary contact, so the two must agree.
fn one_name(
    in_address: &Option<String>,
    in_profile: &Option<String>,
    profile_field: &'static str,
    errors: &mut FieldProblems,
) -> String {
    let address = text(in_address);
    let profile = text(in_profile);
    if address.trim().is_empty() {
        return profile;
    }
    if !profile.trim().is_empty() && profile.trim() != address.trim() {
        errors.push((profile_field.into(), BodyProblem::OtherContactName));
    }
    address
}

impl CustomerRequest {
    /// Reads the body with its keys in any case (`CompanyProfile` as well as `companyProfile`).
    pub fn parse(body: &str) -> Result<CustomerRequest, ApiError> {
        let invalid = |e: serde_json::Error| {
            let problem = crate::domain::characters::cut_quoted(&e.to_string());
            ApiError::invalid_said(move |words| (words.requests.customer_body_not_json)(&problem))
        };
        body_keys::from_str(body.trim_start_matches('\u{feff}'), invalid)
    }

    /// Checks the whole body with the domain's rules and returns the profile and the optional
    /// acceptance, or a 400 error that names every field to fix.
    pub fn validate(
        &self,
        domain_taken: impl Fn(&str) -> bool,
        business_date: NaiveDate,
    ) -> Result<(CustomerProfile, Option<Acceptance>), ApiError> {
        let billing = &self.billing_profile;
        let address = &billing.default_address;
        let mut errors: FieldProblems = Vec::new();
        for (field, value, expected) in [
            ("billingProfile.culture", &billing.culture, CULTURE),
            ("billingProfile.language", &billing.language, LANGUAGE),
        ] {
            if value
                .as_deref()
                .is_some_and(|v| !v.trim().eq_ignore_ascii_case(expected))
            {
                errors.push((field.into(), BodyProblem::OnlySupported(expected)));
            }
        }
        let first_name = one_name(
            &address.first_name,
            &billing.first_name,
            "billingProfile.firstName",
            &mut errors,
        );
        let last_name = one_name(
            &address.last_name,
            &billing.last_name,
            "billingProfile.lastName",
            &mut errors,
        );
        let draft = CustomerDraft {
            company_name: text(&billing.company_name),
            domain_prefix: text(&self.company_profile.domain),
            country: text(&address.country),
            line1: text(&address.address_line1),
            line2: text(&address.address_line2),
            city: text(&address.city),
            state: text(&address.state),
            postal_code: text(&address.postal_code),
            first_name,
            last_name,
            email: text(&billing.email),
            phone: text(&address.phone_number),
        };
        let profile = draft.validate(domain_taken).map_err(|field_errors| {
            for (field, problem) in field_errors {
                errors.push((customer_field(field).into(), BodyProblem::Field(problem)));
            }
        });
        let acceptance = match &self.agreement {
            None => Ok(None),
            Some(agreement) => Requested::nested(agreement.clone(), "agreement.")
                .validate(business_date)
                .map(Some)
                .map_err(|problems| errors.extend(problems)),
        };
        match (profile, acceptance) {
            (Ok(profile), Ok(acceptance)) if errors.is_empty() => Ok((profile, acceptance)),
            // One 400 error naming every field: "companyProfile.domain: … billingProfile.email: …".
            _ => Err(invalid_fields(errors)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        "2018-09-14".parse().unwrap()
    }

    const BODY: &str = r#"{
        "companyProfile": {"domain": "Fabrikam"},
        "billingProfile": {
            "companyName": "Fabrikam", "email": "ada@fabrikam.com", "culture": "en-US", "language": "en",
            "defaultAddress": {"country": "US", "addressLine1": "1 Main St", "city": "Redmond",
                "state": "WA", "postalCode": "98052", "firstName": "Ada", "lastName": "Lovelace"}
        }
    }"#;

    #[test]
    fn a_complete_body_becomes_a_profile_without_an_acceptance() {
        let request = CustomerRequest::parse(BODY).unwrap();
        let (profile, acceptance) = request.validate(|_| false, today()).unwrap();
        assert_eq!(profile.domain, "fabrikam.onmicrosoft.com");
        assert_eq!(profile.primary_contact.last_name, "Lovelace");
        assert_eq!(acceptance, None);
    }

    #[test]
    fn every_message_names_its_field_in_the_body() {
        let mut request = CustomerRequest::parse(BODY).unwrap();
        request.billing_profile.email = Some("nobody".into());
        request.billing_profile.first_name = Some("Grace".into());
        request.agreement = Some(AgreementRequest::default());
        let error = request
            .validate(|d| d.starts_with("fabrikam."), today())
            .unwrap_err();
        for field in [
            "billingProfile.firstName:",
            "companyProfile.domain:",
            "billingProfile.email:",
            "agreement.primaryContact.firstName:",
            "agreement.primaryContact.email:",
        ] {
            assert!(
                error.description.contains(field),
                "{field}: {}",
                error.description
            );
        }
        assert_eq!((error.code, error.exit), (400, 6));
    }

    #[test]
    fn every_field_is_said_in_korean_under_its_name_in_the_body() {
        let mut request = CustomerRequest::parse(BODY).unwrap();
        request.billing_profile.culture = Some("ko-KR".into());
        request.billing_profile.last_name = Some("Byron".into());
        request.company_profile.domain = Some(String::new());
        let error = request.validate(|_| false, today()).unwrap_err();
        assert!(error
            .description
            .starts_with("billingProfile.culture: Only en-US is supported. billingProfile.lastName: A customer has one primary contact"));
        let korean = error.clone().in_language(crate::locale::Lang::Korean);
        assert_eq!((korean.code, korean.exit), (error.code, error.exit));
        assert_eq!(
            korean.description,
            "billingProfile.culture: en-US만 지원됩니다. billingProfile.lastName: 고객의 기본 연락처는 한 명입니다. billingProfile.defaultAddress와 같은 이름을 쓰거나 이 값을 빼십시오. companyProfile.domain: 도메인 접두사를 입력하십시오. 영문자 a-z와 숫자 0-9를 쓸 수 있습니다."
        );
        let not_json = CustomerRequest::parse("{").unwrap_err();
        assert!(not_json
            .description
            .starts_with("The Customer body is not valid JSON: EOF"));
        let said = not_json
            .in_language(crate::locale::Lang::Korean)
            .description;
        assert!(
            said.starts_with("고객 본문이 올바른 JSON이 아닙니다: EOF"),
            "{said}"
        );
    }

    #[test]
    fn the_billing_profile_names_may_repeat_the_address_names() {
        let mut request = CustomerRequest::parse(BODY).unwrap();
        request.billing_profile.first_name = Some(" Ada ".into());
        assert!(request.validate(|_| false, today()).is_ok());
    }
}
