//! Who asks (the agent of a bearer token), and the answer: a resource with its status, or an
//! error as Partner Center writes them, both with the request's IDs.

use crate::api::error::{code, exit, ApiError};
use crate::core::Core;
use crate::domain::agent::is_token_shaped;
use crate::service::Actor;
use crate::store::agents::token_hash;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

const REQUEST_ID: &str = "ms-requestid";
const CORRELATION_ID: &str = "ms-correlationid";

/// `MS-RequestId` and `MS-CorrelationId`: as sent when they were, made up otherwise.
#[derive(Debug, Clone)]
pub struct RequestIds {
    request: HeaderValue,
    correlation: HeaderValue,
}

impl RequestIds {
    pub fn of(headers: &HeaderMap) -> RequestIds {
        let id = |name: &str| {
            headers
                .get(name)
                .filter(|value| !value.is_empty() && value.len() <= 128)
                .cloned()
                .unwrap_or_else(new_guid)
        };
        RequestIds {
            request: id(REQUEST_ID),
            correlation: id(CORRELATION_ID),
        }
    }

    pub fn add_to(self, response: &mut Response) {
        let headers = response.headers_mut();
        headers.insert(HeaderName::from_static("ms-requestid"), self.request);
        headers.insert(
            HeaderName::from_static("ms-correlationid"),
            self.correlation,
        );
    }
}

fn new_guid() -> HeaderValue {
    let mut bytes = [0u8; 16];
    // Without random bytes the IDs still differ by time; they only tell requests apart.
    if getrandom::fill(&mut bytes).is_err() {
        let now = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
        bytes[..8].copy_from_slice(&now.to_le_bytes());
    }
    let high = u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes"));
    let low = u64::from_le_bytes(bytes[8..].try_into().expect("8 bytes"));
    HeaderValue::from_str(&crate::store::format_guid(high, low)).expect("a GUID is a header value")
}

/// The agent whose bearer token the request carries, acting on the core's business date.
pub fn signed_in(core: &Core, headers: &HeaderMap) -> Result<Actor, ApiError> {
    let unauthorized = |why: &str| ApiError::new(401, exit::FORBIDDEN, why);
    let value = headers.get(header::AUTHORIZATION).ok_or_else(|| {
        unauthorized(
            "Sign in: send Authorization: Bearer TOKEN, a token made by pcenter agents token NAME.",
        )
    })?;
    let token = value
        .to_str()
        .ok()
        .and_then(|text| {
            text.strip_prefix("Bearer ")
                .or_else(|| text.strip_prefix("bearer "))
        })
        .map(str::trim)
        .filter(|token| is_token_shaped(token))
        .ok_or_else(|| {
            unauthorized("The Authorization header is not Bearer and a pcenter token.")
        })?;
    let registry = core
        .store()
        .registry()
        .ok_or_else(|| unauthorized("This store keeps no agents."))?;
    let agent = registry
        .agent_of_token(&token_hash(token))?
        .ok_or_else(|| unauthorized("The token is not one of a registered agent: it was revoked, its agent removed, or it was never made here."))?;
    if agent.role == crate::domain::role::Role::Spectator {
        return Err(ApiError::new(
            code::FORBIDDEN,
            exit::FORBIDDEN,
            format!("{} is a spectator: spectators watch dashboards over SSH and have no part in the API.", agent.name),
        ));
    }
    Ok(Actor {
        agent: agent.name,
        role: agent.role,
        business_date: core.business_date(),
        access: core.api_access(),
    })
}

/// The HTTP status of an error, from its Partner Center code.
pub fn status_of(error: &ApiError) -> StatusCode {
    match error.code {
        401 => StatusCode::UNAUTHORIZED,
        code::FORBIDDEN | code::CONFIRMATION_REQUIRED => StatusCode::FORBIDDEN,
        code::NOT_FOUND => StatusCode::NOT_FOUND,
        code::ALREADY_CONFIRMED => StatusCode::CONFLICT,
        code::STORE_IN_USE => StatusCode::SERVICE_UNAVAILABLE,
        code::STORE => StatusCode::INTERNAL_SERVER_ERROR,
        code => u16::try_from(code)
            .ok()
            .and_then(|code| StatusCode::from_u16(code).ok())
            .filter(|status| status.is_client_error() || status.is_server_error())
            .unwrap_or(StatusCode::BAD_REQUEST),
    }
}

/// The answer to a request: `ok` and the resource, or the error in Partner Center's shape.
pub fn answer<R: Serialize>(ok: StatusCode, result: Result<R, ApiError>) -> Response {
    match result {
        Ok(resource) => (ok, axum::Json(resource)).into_response(),
        Err(error) => error_answer(error),
    }
}

/// An error as Partner Center's API writes it, the same object the commands print. What went
/// wrong inside pcenter is logged, not told: a client learns that it failed and when to retry.
pub fn error_answer(error: ApiError) -> Response {
    let status = status_of(&error);
    let error = if status == StatusCode::INTERNAL_SERVER_ERROR {
        tracing::error!("HTTP request failed: {}", error.description);
        ApiError::new(
            error.code,
            error.exit,
            "pcenter could not read or write its store; nothing half-written was kept. The server's log says more.",
        )
    } else {
        error
    };
    let mut response = (status, axum::Json(error.shaped())).into_response();
    let headers = response.headers_mut();
    if status == StatusCode::UNAUTHORIZED {
        headers.insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"pcenter\""),
        );
    }
    if status == StatusCode::SERVICE_UNAVAILABLE {
        headers.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    response
}
