//! JSON bodies read with their keys in any case, as Partner Center reads them: Microsoft's own
//! samples write `CompanyProfile`, `BillingProfile`, `DefaultAddress`, `FirstName`. A key that
//! is one of the bodies' field names but for its case is renamed to that name; any other key is
//! left as it is, and ignored as before.

use super::error::ApiError;
use crate::locale::words::NOT_AN_OBJECT;
use serde::de::{DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::fmt;

/// Every field name of the bodies the API takes (Customer, Agreement, Order, Subscription), as
/// it documents them.
const FIELD_NAMES: [&str; 31] = [
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
    // Order and subscription
    "billingCycle",
    "lineItems",
    "lineItemNumber",
    "offerId",
    "quantity",
    "friendlyName",
    "referenceCustomerId",
    "autoRenewEnabled",
];

fn field_name(key: &str) -> Option<&'static str> {
    FIELD_NAMES
        .iter()
        .find(|name| name.eq_ignore_ascii_case(key))
        .copied()
}

/// Reads `text` as a `T`, its keys in any case; a JSON error becomes an `ApiError` by
/// `invalid`. A value of the wrong type is named by its field's path
/// (`primaryContact.firstName: invalid type: integer `1`, expected a string`).
pub fn from_str<T: DeserializeOwned>(
    text: &str,
    invalid: impl Fn(serde_json::Error) -> ApiError,
) -> Result<T, ApiError> {
    let written: Written = serde_json::from_str(text).map_err(&invalid)?;
    if !matches!(written, Written::Object(_)) {
        return Err(invalid(serde::de::Error::custom(NOT_AN_OBJECT)));
    }
    serde_path_to_error::deserialize(with_field_names(written)?).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        match path.as_str() {
            "" | "." => invalid(inner),
            path => invalid(serde::de::Error::custom(format!("{path}: {inner}"))),
        }
    })
}

/// A JSON value as written: every key of an object kept, in order, even one given twice,
/// which a `serde_json::Value` would silently keep only the last of.
#[derive(Debug, Clone, PartialEq)]
enum Written {
    Object(Vec<(String, Written)>),
    Array(Vec<Written>),
    Other(Value),
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Written, D::Error> {
        deserializer.deserialize_any(WrittenVisitor)
    }
}

struct WrittenVisitor;

impl<'de> Visitor<'de> for WrittenVisitor {
    type Value = Written;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Written, E> {
        Ok(Written::Other(value.into()))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Written, E> {
        Ok(Written::Other(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Written, E> {
        Ok(Written::Other(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Written, E> {
        Ok(Written::Other(value.into()))
    }

    fn visit_str<E>(self, value: &str) -> Result<Written, E> {
        Ok(Written::Other(value.into()))
    }

    fn visit_string<E>(self, value: String) -> Result<Written, E> {
        Ok(Written::Other(value.into()))
    }

    fn visit_unit<E>(self) -> Result<Written, E> {
        Ok(Written::Other(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Written, E> {
        Ok(Written::Other(Value::Null))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Written, A::Error> {
        let mut array = Vec::new();
        while let Some(item) = items.next_element()? {
            array.push(item);
        }
        Ok(Written::Array(array))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Written, A::Error> {
        let mut object = Vec::new();
        while let Some(entry) = entries.next_entry()? {
            object.push(entry);
        }
        Ok(Written::Object(object))
    }
}

/// `body` with every field name in the documented case, at every depth. Two keys of one object
/// that name the same field, in the same case or not, are refused: which one was meant cannot
/// be told.
fn with_field_names(body: Written) -> Result<Value, ApiError> {
    match body {
        Written::Object(entries) => {
            let mut renamed = Map::with_capacity(entries.len());
            // The key as written, for each field renamed.
            let mut written: Vec<(&'static str, String)> = Vec::new();
            for (key, value) in entries {
                let value = with_field_names(value)?;
                let Some(name) = field_name(&key) else {
                    renamed.insert(key, value);
                    continue;
                };
                if let Some((_, first)) = written.iter().find(|(field, _)| *field == name) {
                    let first = first.clone();
                    return Err(ApiError::invalid_said(move |words| {
                        (words.requests.key_twice)(name, &first, &key)
                    }));
                }
                written.push((name, key));
                renamed.insert(name.to_string(), value);
            }
            Ok(Value::Object(renamed))
        }
        Written::Array(items) => items
            .into_iter()
            .map(with_field_names)
            .collect::<Result<_, _>>()
            .map(Value::Array),
        Written::Other(value) => Ok(value),
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

    /// A body as written, from JSON text.
    fn written(body: Value) -> Written {
        serde_json::from_str(&body.to_string()).unwrap()
    }

    #[test]
    fn one_field_given_twice_in_the_same_case_is_refused_and_other_keys_are_kept() {
        let text = r#"{"billingProfile": {"email": "a@b.c", "email": "d@e.f"}}"#;
        let error = with_field_names(serde_json::from_str(text).unwrap()).unwrap_err();
        assert_eq!(
            error.description,
            "The body gives 'email' twice in one object ('email' both times); keep one."
        );
        assert_eq!(
            error.in_language(crate::locale::Lang::Korean).description,
            "본문의 한 개체에 'email'이(가) 두 번 있습니다(두 번 모두 'email'). 하나만 남기십시오."
        );
        // A key that is no field is ignored, however often it is given.
        let text = r#"{"note": 1, "note": 2, "domain": "contoso"}"#;
        let value = with_field_names(serde_json::from_str(text).unwrap()).unwrap();
        assert_eq!(value, json!({"note": 2, "domain": "contoso"}));
    }

    #[test]
    fn a_body_as_written_keeps_every_kind_of_value() {
        let body = json!({"a": [1, -2, 2.5, "x", true, null, {"b": []}]});
        assert_eq!(with_field_names(written(body.clone())).unwrap(), body);
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
        let body = written(json!({
            "CompanyProfile": {"Domain": "contoso", "Attributes": {"ObjectType": "x"}},
            "BILLINGPROFILE": {"defaultaddress": {"AddressLine1": "1 Main St"}},
            "Id": null
        }));
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
        let error = with_field_names(written(
            json!({"billingProfile": {"email": "a@b.c", "Email": "d@e.f"}}),
        ))
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
