//! The Customer resource as Partner Center returns it (like GET /v1/customers/{id}), plus three
//! fields of this product's own: `cloud`, `agreementStatus` and `currentAgreement`. The answer
//! to its creation alone adds `userCredentials`, the new administrator's.

use super::json::Agreement;
use crate::book::AgreementStatus;
use crate::domain::agreement::{self, Confirmation};
use crate::domain::cloud::Cloud;
use crate::domain::credentials::UserCredentials;
use crate::domain::customer::Customer;
use crate::domain::role::{GatedAction, Role};
use crate::domain::status::label_with;
use chrono::NaiveDate;
use serde::Serialize;

/// Every customer is the partner's reseller customer.
pub const RELATIONSHIP: &str = "reseller";
/// The profile's culture and language: this product keeps customers in English (US).
pub const CULTURE: &str = "en-US";
pub const LANGUAGE: &str = "en";

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerJson<'a> {
    pub id: &'a str,
    /// The customer's ID in Microsoft's commerce systems, another GUID (`commerce_id`).
    pub commerce_id: String,
    pub company_profile: CompanyProfile<'a>,
    pub billing_profile: BillingProfile<'a>,
    pub relationship_to_partner: &'static str,
    /// Only in the answer to the creation: the user name and temporary password of the new
    /// tenant's administrator, which nothing keeps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_credentials: Option<&'a UserCredentials>,
    /// Extension: the Microsoft cloud of the tenant (`Public`, `Germany`, `China21Vianet`,
    /// `UsGovernment`).
    pub cloud: Cloud,
    /// Extension: `Confirmed`, `Not confirmed` or `Not supported` (national clouds).
    /// "Confirmed", and from October 1, 2019 which agreement: "Confirmed: Microsoft Customer
    /// Agreement". Left out, like the confirmation, for roles that may not see confirmations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement_status: Option<String>,
    /// Extension: the confirmation in force, `null` without one; left out for roles that may
    /// not see confirmations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_agreement: Option<Option<Agreement>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfile<'a> {
    pub tenant_id: &'a str,
    pub domain: &'a str,
    pub company_name: &'a str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BillingProfile<'a> {
    pub company_name: &'a str,
    pub email: &'a str,
    pub culture: &'static str,
    pub language: &'static str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub default_address: AddressJson<'a>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressJson<'a> {
    pub country: &'a str,
    pub address_line1: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<&'a str>,
    pub city: &'a str,
    pub state: &'a str,
    pub postal_code: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<&'a str>,
}

impl<'a> CustomerJson<'a> {
    /// The customer with every confirmation recorded for it, as `role` may see it on the
    /// business date `as_of`.
    pub fn of(
        customer: &'a Customer,
        confirmations: &[Confirmation],
        role: Role,
        as_of: NaiveDate,
    ) -> CustomerJson<'a> {
        let contact = &customer.primary_contact;
        let address = &customer.address;
        let may_see = role.may(GatedAction::SeeConfirmation);
        let current_agreement = may_see
            .then(|| agreement::confirmation_in_force(confirmations, as_of).map(Agreement::from));
        CustomerJson {
            id: &customer.id,
            commerce_id: commerce_id(&customer.id),
            company_profile: CompanyProfile {
                tenant_id: &customer.id,
                domain: &customer.domain,
                company_name: &customer.company_name,
            },
            billing_profile: BillingProfile {
                company_name: &customer.company_name,
                email: &contact.email,
                culture: CULTURE,
                language: LANGUAGE,
                first_name: &contact.first_name,
                last_name: &contact.last_name,
                default_address: AddressJson {
                    country: &address.country,
                    address_line1: &address.line1,
                    address_line2: address.line2.as_deref(),
                    city: &address.city,
                    state: &address.state,
                    postal_code: &address.postal_code,
                    first_name: &contact.first_name,
                    last_name: &contact.last_name,
                    phone_number: contact.phone.as_deref(),
                },
            },
            relationship_to_partner: RELATIONSHIP,
            user_credentials: None,
            cloud: customer.cloud,
            agreement_status: may_see.then(|| {
                let in_force = agreement::in_force_on(confirmations, as_of);
                let status = AgreementStatus::of(customer.cloud, in_force.is_some());
                label_with(status, in_force, as_of)
            }),
            current_agreement,
        }
    }

    /// The answer to the creation: with the new administrator's credentials.
    pub fn with_credentials(self, credentials: &'a UserCredentials) -> CustomerJson<'a> {
        CustomerJson {
            user_credentials: Some(credentials),
            ..self
        }
    }
}

/// The commerce ID of the customer with this tenant ID: a GUID of its own, the same every time
/// the customer is read (it comes from the tenant ID, as nothing else about a customer is
/// stable), and unlike any tenant ID.
pub fn commerce_id(tenant_id: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::new()
        .chain_update(b"pcenter commerce\0")
        .chain_update(tenant_id.trim().to_ascii_lowercase().as_bytes())
        .finalize();
    let high = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes"));
    let low = u64::from_be_bytes(digest[8..16].try_into().expect("8 bytes"));
    crate::domain::guid::format_guid(high, low)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets;
    use crate::book::Book;
    use serde_json::Value;

    const CONTOSO: &str = "9d62ba20-49fe-4b68-b3d6-6c88eae123dc";

    fn contoso(role: Role) -> Value {
        let book = Book::from_snapshot(assets::demo_snapshot());
        let customer = book.customer(CONTOSO).unwrap();
        let on = "2018-11-14".parse().unwrap();
        serde_json::to_value(CustomerJson::of(
            customer,
            book.confirmations(CONTOSO),
            role,
            on,
        ))
        .unwrap()
    }

    #[test]
    fn a_customer_has_the_profiles_of_the_real_resource() {
        let json = contoso(Role::AdminAgent);
        assert_eq!(json["id"], CONTOSO);
        assert_eq!(json["companyProfile"]["tenantId"], CONTOSO);
        assert_eq!(json["billingProfile"]["culture"], "en-US");
        assert_eq!(json["relationshipToPartner"], "reseller");
        assert_eq!(json["cloud"], "Public");
        assert_eq!(json["agreementStatus"], "Confirmed");
        assert_eq!(json["currentAgreement"]["type"], "MicrosoftCloudAgreement");
    }

    #[test]
    fn the_commerce_id_is_a_guid_of_its_own_the_same_at_every_read() {
        let json = contoso(Role::AdminAgent);
        let given = json["commerceId"].as_str().unwrap();
        assert_eq!(given, commerce_id(CONTOSO));
        assert_eq!(given, commerce_id(&CONTOSO.to_uppercase()));
        assert_ne!(given, CONTOSO);
        assert_eq!(given.len(), 36);
        assert_eq!(given.matches('-').count(), 4);
        assert_ne!(commerce_id("another"), given);
        assert!(json.get("userCredentials").is_none(), "{json}");
    }

    #[test]
    fn only_the_answer_to_the_creation_has_the_credentials() {
        let book = Book::from_snapshot(assets::demo_snapshot());
        let customer = book.customer(CONTOSO).unwrap();
        let on = "2018-11-14".parse().unwrap();
        let credentials = UserCredentials::from_entropy(7);
        let json = serde_json::to_value(
            CustomerJson::of(customer, &[], Role::AdminAgent, on).with_credentials(&credentials),
        )
        .unwrap();
        assert_eq!(json["userCredentials"]["userName"], "admin");
        assert_eq!(json["userCredentials"]["password"], credentials.password);
    }

    #[test]
    fn a_helpdesk_agent_sees_the_customer_but_neither_its_status_nor_its_agreement() {
        let json = contoso(Role::HelpdeskAgent);
        assert!(json.get("agreementStatus").is_none(), "{json}");
        assert!(json.get("currentAgreement").is_none(), "{json}");
        assert_eq!(json["companyProfile"]["companyName"], "Contoso Electronics");
        let admin = contoso(Role::AdminAgent);
        assert_eq!(admin["agreementStatus"], "Confirmed");
    }
}
