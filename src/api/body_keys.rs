//! JSON bodies read with their keys in any case, as Partner Center reads them: Microsoft's own
//! samples write `CompanyProfile`, `BillingProfile`, `DefaultAddress`, `FirstName`. A key that
//! is one of the bodies' field names but for its case is renamed to that name; any other key is
//! left as it is, and ignored as before.

use super::error::ApiError;
use crate::domain::characters::quote;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// Every field name of the Customer body and of the Agreement body, as the API documents them.
const FIELD_NAMES: [&str; 23] = [
    // Customer
    "companyProfile",
    "billingProfile",
    "agreement",
    "domain",
    "companyName",
    "email",
    "culture",
    "language",
    "firstName",
    "lastName",
    "defaultAddress",
    "country",
    "addressLine1",
    "addressLine2",
    "city",
    "state",
    "postalCode",
    "phoneNumber",
    // Agreement
    "primaryContact",
    "templateId",
    "dateAgreed",
    "type",
    "userId",
];

fn field_name(key: &str) -> Option<&'static str> {
    FIELD_NAMES
        .iter()
        .find(|name| name.eq_ignore_ascii_case(key))
        .copied()
}

/// Reads `text` as a `T`, its keys in any case; a JSON error becomes an `ApiError` by
/// `invalid`. An error in a body written with the documented names keeps its line and column.
pub fn from_str<T: DeserializeOwned>(
    text: &str,
    invalid: impl Fn(serde_json::Error) -> ApiError,
) -> Result<T, ApiError> {
    let value: Value = serde_json::from_str(text).map_err(&invalid)?;
    serde_json::from_value(with_field_names(value)?).map_err(|error| {
        // Read again from the text to place the error there, when it shows there too.
        match serde_json::from_str::<T>(text) {
            Err(placed) => invalid(placed),
            Ok(_) => invalid(error),
        }
    })
}

/// `body` with every field name in the documented case, at every depth. Two keys of one object
/// that name the same field are refused: which one was meant cannot be told.
fn with_field_names(body: Value) -> Result<Value, ApiError> {
    match body {
        Value::Object(object) => {
            let mut renamed = Map::with_capacity(object.len());
            // The key as written, for each field renamed.
            let mut written: Vec<(&'static str, String)> = Vec::new();
            for (key, value) in object {
                let value = with_field_names(value)?;
                let Some(name) = field_name(&key) else {
                    renamed.insert(key, value);
                    continue;
                };
                if let Some((_, first)) = written.iter().find(|(field, _)| *field == name) {
                    return Err(ApiError::invalid(format!(
                        "The body gives '{name}' twice in one object ('{}' and '{}'); keep one.",
                        quote(first),
                        quote(&key)
                    )));
                }
                written.push((name, key));
                renamed.insert(name.to_string(), value);
            }
            Ok(Value::Object(renamed))
        }
        Value::Array(items) => items
            .into_iter()
            .map(with_field_names)
            .collect::<Result<_, _>>()
            .map(Value::Array),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::customer_body::{
        AddressRequest, BillingProfileRequest, CompanyProfileRequest, CustomerRequest,
    };
    use crate::api::json::{AgreementRequest, ContactJson};
    use serde_json::json;

    /// An Agreement body with every field given. Built without `..Default::default()`, so a
    /// field added to the body must be given here too.
    fn full_agreement() -> AgreementRequest {
        AgreementRequest {
            primary_contact: ContactJson {
                first_name: "Ada".into(),
                last_name: "Lovelace".into(),
                email: "ada@contoso.com".into(),
                phone_number: Some("+1 425 555 0100".into()),
            },
            template_id: Some("998b88de-aa99-4388-a42c-1b3517d49490".into()),
            date_agreed: Some("2018-11-14".into()),
            agreement_type: Some("MicrosoftCloudAgreement".into()),
        }
    }

    /// A Customer body with every field given, its agreement too.
    fn full_customer() -> CustomerRequest {
        let text = |value: &str| Some(value.to_string());
        CustomerRequest {
            company_profile: CompanyProfileRequest {
                domain: text("contoso"),
            },
            billing_profile: BillingProfileRequest {
                company_name: text("Contoso"),
                email: text("ada@contoso.com"),
                culture: text("en-US"),
                language: text("en"),
                first_name: text("Ada"),
                last_name: text("Lovelace"),
                default_address: AddressRequest {
                    country: text("US"),
                    address_line1: text("1 Microsoft Way"),
                    address_line2: text("Building 1"),
                    city: text("Redmond"),
                    state: text("WA"),
                    postal_code: text("98052"),
                    first_name: text("Ada"),
                    last_name: text("Lovelace"),
                    phone_number: text("+1 425 555 0100"),
                },
            },
            agreement: Some(full_agreement()),
        }
    }

    fn every_key(value: &Value, keys: &mut Vec<String>) {
        match value {
            Value::Object(object) => {
                for (key, value) in object {
                    keys.push(key.clone());
                    every_key(value, keys);
                }
            }
            Value::Array(items) => items.iter().for_each(|item| every_key(item, keys)),
            _ => {}
        }
    }

    #[test]
    fn every_field_of_the_bodies_is_read_in_any_case() {
        let mut keys = Vec::new();
        every_key(&serde_json::to_value(full_customer()).unwrap(), &mut keys);
        every_key(&serde_json::to_value(full_agreement()).unwrap(), &mut keys);
        assert!(keys.len() > FIELD_NAMES.len(), "{keys:?}");
        let unlisted: Vec<&String> = keys
            .iter()
            .filter(|key| !FIELD_NAMES.contains(&key.as_str()))
            .collect();
        assert!(
            unlisted.is_empty(),
            "add these to FIELD_NAMES, so that they are read in any case: {unlisted:?}"
        );
    }

    #[test]
    fn keys_in_any_case_take_the_documented_names_and_others_stay() {
        let body = json!({
            "CompanyProfile": {"Domain": "contoso", "Attributes": {"ObjectType": "x"}},
            "BILLINGPROFILE": {"defaultaddress": {"AddressLine1": "1 Main St"}},
            "Id": null
        });
        assert_eq!(
            with_field_names(body).unwrap(),
            json!({
                "companyProfile": {"domain": "contoso", "Attributes": {"ObjectType": "x"}},
                "billingProfile": {"defaultAddress": {"addressLine1": "1 Main St"}},
                "Id": null
            })
        );
    }

    #[test]
    fn one_field_given_twice_in_two_cases_is_refused() {
        let error =
            with_field_names(json!({"billingProfile": {"email": "a@b.c", "Email": "d@e.f"}}))
                .unwrap_err();
        assert_eq!(error.code, 400);
        let said = &error.description;
        assert!(
            said.starts_with("The body gives 'email' twice in one object ("),
            "{said}"
        );
        assert!(
            said.contains("'Email'") && said.ends_with("; keep one."),
            "{said}"
        );
    }
}
