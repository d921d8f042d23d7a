//! The Order and Subscription bodies of Partner Center's API, read with their keys in any case;
//! a body that is not what the request takes is refused naming what is wrong.

use super::body_keys;
use super::commerce_json::{BILLING_CYCLE, BILLING_CYCLES};
use super::error::{code, exit, ApiError};
use crate::locale::words::RequestBody;
use serde::Deserialize;

/// A line of an Order body: the offer and how many, and optionally its number and a name.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct LineItemBody {
    line_item_number: Option<u64>,
    offer_id: String,
    quantity: u32,
    friendly_name: Option<String>,
}

/// `POST /v1/customers/{id}/orders`: `{"billingCycle": …, "lineItems": [{"offerId": …,
/// "quantity": …, "friendlyName": …}, …]}`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct OrderBody {
    line_items: Vec<LineItemBody>,
    billing_cycle: Option<String>,
}

/// An order as asked for: its lines, in line order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderRequest {
    pub lines: Vec<RequestedLine>,
}

/// One line of an order as asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestedLine {
    pub offer_id: String,
    pub quantity: u32,
    /// The name the line was given, trimmed; none when it was left out or blank.
    pub friendly_name: Option<String>,
}

/// The longest friendly name a line may be given.
pub const FRIENDLY_NAME_MAX: usize = 256;

impl OrderRequest {
    /// An order of offers and quantities without names, as the command gives them.
    pub fn of(lines: impl IntoIterator<Item = (String, u32)>) -> OrderRequest {
        OrderRequest {
            lines: lines
                .into_iter()
                .map(|(offer_id, quantity)| RequestedLine {
                    offer_id,
                    quantity,
                    friendly_name: None,
                })
                .collect(),
        }
    }
}

/// The Order body: its lines, each numbered in order when it is numbered at all (Partner
/// Center's 800071 otherwise), and a billing cycle, when given, that the offers are billed in.
pub fn order_request(text: &str) -> Result<OrderRequest, ApiError> {
    let body: OrderBody = body_keys::from_str(text, |e| invalid(RequestBody::Order, &e))?;
    if body.line_items.is_empty() {
        return Err(ApiError::invalid_said(|words| {
            words.requests.no_line_items.into()
        }));
    }
    if let Some(cycle) = &body.billing_cycle {
        check_billing_cycle(cycle)?;
    }
    let mut lines = Vec::with_capacity(body.line_items.len());
    for (at, line) in body.line_items.into_iter().enumerate() {
        if let Some(number) = line.line_item_number.filter(|n| *n != at as u64) {
            return Err(ApiError::said(
                code::LINE_ITEM_NUMBER,
                exit::INVALID,
                move |words| (words.requests.line_item_number)(at, number),
            ));
        }
        let friendly_name = line
            .friendly_name
            .map(|name| name.trim().to_string())
            .filter(|name| !name.is_empty());
        if let Some(name) = &friendly_name {
            check_friendly_name(at, name)?;
        }
        lines.push(RequestedLine {
            offer_id: line.offer_id,
            quantity: line.quantity,
            friendly_name,
        });
    }
    Ok(OrderRequest { lines })
}

/// A line's name: one line of text, not too long to show.
fn check_friendly_name(at: usize, name: &str) -> Result<(), ApiError> {
    let length = name.chars().count();
    if name.chars().any(char::is_control) {
        Err(ApiError::invalid_said(move |words| {
            (words.requests.friendly_name_control)(at)
        }))
    } else if length > FRIENDLY_NAME_MAX {
        Err(ApiError::invalid_said(move |words| {
            (words.requests.friendly_name_too_long)(at, FRIENDLY_NAME_MAX, length)
        }))
    } else {
        Ok(())
    }
}

/// `billingCycle`: one of Partner Center's, in any case; the offers here are billed monthly.
fn check_billing_cycle(cycle: &str) -> Result<(), ApiError> {
    let wanted = cycle.trim();
    if wanted.eq_ignore_ascii_case(BILLING_CYCLE) {
        return Ok(());
    }
    let known = BILLING_CYCLES
        .iter()
        .any(|c| c.eq_ignore_ascii_case(wanted));
    let wanted = wanted.to_string();
    Err(ApiError::invalid_said(move |words| {
        if known {
            (words.requests.billing_cycle_not_monthly)(&wanted, BILLING_CYCLE)
        } else {
            (words.requests.billing_cycle_unknown)(&wanted, &BILLING_CYCLES)
        }
    }))
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
    let patch: SubscriptionPatch =
        body_keys::from_str(text, |e| invalid(RequestBody::Subscription, &e))?;
    if patch == SubscriptionPatch::default() {
        return Err(ApiError::invalid_said(|words| {
            words.requests.subscription_changes_nothing.into()
        }));
    }
    Ok(patch)
}

fn invalid(body: RequestBody, error: &serde_json::Error) -> ApiError {
    let valid_json = error.classify() == serde_json::error::Category::Data;
    let problem = crate::domain::characters::cut_quoted(&error.to_string());
    ApiError::invalid_said(move |words| {
        (words.requests.request_body_invalid)(body, valid_json, &problem)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offers_and_quantities(request: &OrderRequest) -> Vec<(&str, u32)> {
        (request.lines.iter())
            .map(|line| (line.offer_id.as_str(), line.quantity))
            .collect()
    }

    #[test]
    fn an_order_body_gives_its_lines_in_order_whatever_the_case_of_its_keys() {
        let request = order_request(
            r#"{"LineItems":[{"OfferId":"a","Quantity":2},{"offerId":"b","quantity":1}]}"#,
        )
        .unwrap();
        assert_eq!(offers_and_quantities(&request), [("a", 2), ("b", 1)]);
        let empty = order_request(r#"{"lineItems":[]}"#).unwrap_err();
        assert!(empty.description.contains("no line items"));
        let wrong =
            order_request(r#"{"lineItems":[{"offerId":"a","quantity":"two"}]}"#).unwrap_err();
        assert!(
            wrong.description.contains("is not a valid Order"),
            "{}",
            wrong.description
        );
    }

    #[test]
    fn line_numbers_and_friendly_names_are_read_and_numbers_must_follow_the_order() {
        let request = order_request(
            r#"{"billingCycle":"Monthly","lineItems":[{"lineItemNumber":0,"offerId":"a","quantity":2,"FriendlyName":" Sales "},{"lineItemNumber":1,"offerId":"b","quantity":1,"friendlyName":""}]}"#,
        )
        .unwrap();
        assert_eq!(request.lines[0].friendly_name.as_deref(), Some("Sales"));
        assert_eq!(request.lines[1].friendly_name, None);
        let misnumbered =
            order_request(r#"{"lineItems":[{"lineItemNumber":1,"offerId":"a","quantity":2}]}"#)
                .unwrap_err();
        assert_eq!(
            (misnumbered.code, misnumbered.exit),
            (800071, exit::INVALID)
        );
        assert!(misnumbered
            .description
            .starts_with("lineItems[0].lineItemNumber is 1"));
        let long = format!(
            r#"{{"lineItems":[{{"offerId":"a","quantity":2,"friendlyName":"{}"}}]}}"#,
            "x".repeat(FRIENDLY_NAME_MAX + 1)
        );
        let refused = order_request(&long).unwrap_err();
        assert!(refused
            .description
            .starts_with("lineItems[0].friendlyName:"));
    }

    #[test]
    fn the_billing_cycle_is_monthly_and_others_are_named_as_partner_center_has_them() {
        let line = r#""lineItems":[{"offerId":"a","quantity":2}]"#;
        let with = |cycle: &str| order_request(&format!(r#"{{"billingCycle":"{cycle}",{line}}}"#));
        assert!(with("monthly").is_ok() && with(" MONTHLY ").is_ok());
        let annual = with("annual").unwrap_err();
        assert_eq!(annual.code, 400);
        assert!(
            annual.description.starts_with(
                "billingCycle: 'annual' cannot be ordered: the offers here are billed monthly"
            ),
            "{}",
            annual.description
        );
        let weekly = with("weekly").unwrap_err();
        assert!(
            weekly
                .description
                .contains("monthly, annual, none, one_time"),
            "{}",
            weekly.description
        );
    }

    #[test]
    fn the_bodies_problems_are_said_in_korean_with_the_same_codes() {
        use crate::locale::Lang;
        let korean = |error: ApiError| {
            let said = error.clone().in_language(Lang::Korean);
            assert_eq!((said.code, said.exit), (error.code, error.exit));
            assert_ne!(said.description, error.description);
            said.description
        };
        let empty = order_request(r#"{"lineItems":[]}"#).unwrap_err();
        assert_eq!(
            korean(empty),
            "주문 본문에 품목이 없습니다. lineItems [{offerId, quantity}, …]를 지정하십시오."
        );
        let wrong =
            order_request(r#"{"lineItems":[{"offerId":"a","quantity":"two"}]}"#).unwrap_err();
        assert!(korean(wrong).starts_with(
            "요청의 주문 본문이 올바른 주문이 아닙니다: lineItems[0].quantity: invalid type"
        ));
        let misnumbered =
            order_request(r#"{"lineItems":[{"lineItemNumber":1,"offerId":"a","quantity":2}]}"#)
                .unwrap_err();
        assert_eq!(misnumbered.code, 800071);
        assert!(korean(misnumbered).starts_with("lineItems[0].lineItemNumber가 1입니다."));
        let named = |name: &str| {
            let body = serde_json::json!({"lineItems": [{"offerId": "a", "quantity": 2, "friendlyName": name}]});
            order_request(&body.to_string()).unwrap_err()
        };
        assert!(korean(named("a\u{7}b")).contains("제어 문자가 있습니다"));
        let long = named(&"x".repeat(FRIENDLY_NAME_MAX + 1));
        assert!(long
            .description
            .ends_with("at most 256 characters; this one has 257."));
        assert_eq!(
            korean(long),
            "lineItems[0].friendlyName: 친숙한 이름은 최대 256자입니다. 이 이름은 257자입니다."
        );
        let line = r#""lineItems":[{"offerId":"a","quantity":2}]"#;
        let cycle = |cycle: &str| {
            order_request(&format!(r#"{{"billingCycle":"{cycle}",{line}}}"#)).unwrap_err()
        };
        let annual = korean(cycle("annual"));
        assert!(
            annual.starts_with(
                "billingCycle: 'annual'로는 주문할 수 없습니다. 여기의 제품은 매월 청구됩니다."
            ),
            "{annual}"
        );
        assert!(korean(cycle("weekly")).contains("청구 주기는 monthly, annual, none, one_time이며"));
        assert_eq!(
            korean(subscription_patch("{}").unwrap_err()),
            "구독 본문에 바꿀 것이 없습니다. quantity, autoRenewEnabled 또는 둘 다 지정하십시오."
        );
        assert!(korean(subscription_patch("[").unwrap_err())
            .starts_with("요청의 구독 본문이 올바른 JSON이 아닙니다: "));
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
