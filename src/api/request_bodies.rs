//! The Order and Subscription bodies of Partner Center's API, read with their keys in any case;
//! a body that is not what the request takes is refused naming what is wrong.

use super::body_keys;
use super::error::ApiError;
use serde::Deserialize;

/// A line of an Order body: the offer and how many.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct LineItemBody {
    offer_id: String,
    quantity: u32,
}

/// `POST /v1/customers/{id}/orders`: `{"lineItems": [{"offerId": …, "quantity": …}, …]}`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct OrderBody {
    line_items: Vec<LineItemBody>,
}

/// The offers and quantities of an Order body, in line order.
pub fn order_lines(text: &str) -> Result<Vec<(String, u32)>, ApiError> {
    let body: OrderBody = body_keys::from_str(text, |e| invalid("Order", &e))?;
    if body.line_items.is_empty() {
        return Err(ApiError::invalid(
            "The Order body has no line items; give lineItems [{offerId, quantity}, …].",
        ));
    }
    Ok(body
        .line_items
        .into_iter()
        .map(|line| (line.offer_id, line.quantity))
        .collect())
}

/// What a `PATCH` of a subscription changes.
#[derive(Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionPatch {
    pub quantity: Option<u32>,
    pub auto_renew_enabled: Option<bool>,
}

/// The changes of a Subscription body: its `quantity`, its `autoRenewEnabled`, or both.
pub fn subscription_patch(text: &str) -> Result<SubscriptionPatch, ApiError> {
    let patch: SubscriptionPatch = body_keys::from_str(text, |e| invalid("Subscription", &e))?;
    if patch == SubscriptionPatch::default() {
        return Err(ApiError::invalid(
            "The Subscription body changes nothing; give quantity, autoRenewEnabled or both.",
        ));
    }
    Ok(patch)
}

fn invalid(what: &str, error: &serde_json::Error) -> ApiError {
    let kind = match error.classify() {
        serde_json::error::Category::Data => format!("is not a valid {what}"),
        _ => "is not valid JSON".to_string(),
    };
    let problem = crate::domain::characters::cut_quoted(&error.to_string());
    ApiError::invalid(format!("The {what} body of the request {kind}: {problem}."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_body_gives_its_lines_in_order_whatever_the_case_of_its_keys() {
        let lines = order_lines(
            r#"{"LineItems":[{"OfferId":"a","Quantity":2},{"offerId":"b","quantity":1}]}"#,
        );
        assert_eq!(lines.unwrap(), [("a".to_string(), 2), ("b".to_string(), 1)]);
        let empty = order_lines(r#"{"lineItems":[]}"#).unwrap_err();
        assert!(empty.description.contains("no line items"));
        let wrong = order_lines(r#"{"lineItems":[{"offerId":"a","quantity":"two"}]}"#).unwrap_err();
        assert!(
            wrong.description.contains("is not a valid Order"),
            "{}",
            wrong.description
        );
    }

    #[test]
    fn a_subscription_patch_changes_something() {
        let patch = subscription_patch(r#"{"Quantity": 30}"#).unwrap();
        assert_eq!(patch.quantity, Some(30));
        assert!(subscription_patch("{}").is_err());
        assert!(subscription_patch("[")
            .unwrap_err()
            .description
            .contains("not valid JSON"));
    }
}
