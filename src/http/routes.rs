//! The paths of Partner Center's v1 API and pcenter's own under `/_pcenter/`, each the handler
//! of the command line's same request (`api::handlers`).

use super::answer::{answer, signed_in, RequestIds};
use super::BODY_LIMIT;
use crate::api::agreement_request::Requested;
use crate::api::error::{code, exit, ApiError};
use crate::api::{handlers, request_bodies, Api};
use crate::core::Core;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

type Shared = State<Arc<Core>>;

/// Every route on `core`.
pub fn router(core: Arc<Core>) -> Router {
    Router::new()
        .route("/_pcenter/health", get(health))
        .route("/_pcenter/openapi.json", get(openapi))
        .route("/v1/agreements", get(templates))
        .route("/v1/offers", get(offers))
        .route("/v1/customers", get(customers).post(create_customer))
        .route("/v1/customers/{id}", get(customer))
        .route(
            "/v1/customers/{id}/agreements",
            get(agreements).post(confirm),
        )
        .route("/v1/customers/{id}/orders", get(orders).post(create_order))
        .route("/v1/customers/{id}/subscriptions", get(subscriptions))
        .route(
            "/v1/customers/{id}/subscriptions/{subscription}",
            get(subscription).patch(change_subscription),
        )
        .fallback(not_a_path)
        .layer(axum::middleware::map_response(in_partner_center_shape))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(core)
}

/// Runs `work` as the signed-in agent on a blocking thread, and answers with `ok` and what it
/// returns.
async fn signed_in_run<R, W>(
    core: Arc<Core>,
    headers: HeaderMap,
    ok: StatusCode,
    work: W,
) -> Response
where
    R: Serialize + Send + 'static,
    W: FnOnce(&mut Api) -> Result<R, ApiError> + Send + 'static,
{
    let ids = RequestIds::of(&headers);
    let result = tokio::task::spawn_blocking(move || {
        let actor = signed_in(&core, &headers)?;
        work(&mut Api::on(core, actor))
    })
    .await
    .unwrap_or_else(|_| {
        Err(ApiError::new(
            code::STORE,
            exit::STORE,
            "The request failed inside pcenter; the log file says more. Nothing half-written was kept.",
        ))
    });
    answer(ids, ok, result)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TypeQuery {
    agreement_type: Option<String>,
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    version: &'static str,
}

async fn health(headers: HeaderMap) -> Response {
    let health = Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    };
    answer(RequestIds::of(&headers), StatusCode::OK, Ok(health))
}

async fn openapi(headers: HeaderMap) -> Response {
    answer(
        RequestIds::of(&headers),
        StatusCode::OK,
        Ok(super::openapi::document()),
    )
}

async fn templates(
    State(core): Shared,
    headers: HeaderMap,
    Query(query): Query<TypeQuery>,
) -> Response {
    signed_in_run(core, headers, StatusCode::OK, move |_| {
        handlers::templates(query.agreement_type.as_deref())
    })
    .await
}

async fn offers(State(core): Shared, headers: HeaderMap) -> Response {
    signed_in_run(core, headers, StatusCode::OK, |_| Ok(handlers::offers())).await
}

#[derive(Deserialize)]
struct ListQuery {
    size: Option<usize>,
    filter: Option<String>,
}

async fn customers(
    State(core): Shared,
    headers: HeaderMap,
    Query(query): Query<ListQuery>,
) -> Response {
    let after = headers
        .get("ms-continuationtoken")
        .map(|token| token.to_str().unwrap_or("not a token").to_string());
    let mut response = signed_in_run(core, headers, StatusCode::OK, move |api| {
        let filter = query
            .filter
            .as_deref()
            .filter(|filter| !filter.trim().is_empty())
            .map(handlers::CustomerQuery::parse)
            .transpose()?;
        handlers::customers_page(api, query.size, filter.as_ref(), after.as_deref())?.ok_or_else(
            || {
                ApiError::new(
                    code::STORE_IN_USE,
                    exit::STORE_IN_USE,
                    "The list of customers is still being read; try again in a moment.",
                )
            },
        )
    })
    .await;
    if response.status() == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert("retry-after", axum::http::HeaderValue::from_static("1"));
    }
    response
}

async fn customer(State(core): Shared, headers: HeaderMap, Path(id): Path<String>) -> Response {
    signed_in_run(core, headers, StatusCode::OK, move |api| {
        handlers::customer(api, &id)
    })
    .await
}

async fn create_customer(State(core): Shared, headers: HeaderMap, body: String) -> Response {
    signed_in_run(core, headers, StatusCode::CREATED, move |api| {
        handlers::create_customer(api, &body)
    })
    .await
}

async fn agreements(
    State(core): Shared,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<TypeQuery>,
) -> Response {
    signed_in_run(core, headers, StatusCode::OK, move |api| {
        handlers::agreements(api, &id, query.agreement_type.as_deref())
    })
    .await
}

async fn confirm(
    State(core): Shared,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: String,
) -> Response {
    signed_in_run(core, headers, StatusCode::CREATED, move |api| {
        handlers::confirm(api, &id, Requested::from_request_body(&body)?)
    })
    .await
}

async fn create_order(
    State(core): Shared,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: String,
) -> Response {
    signed_in_run(core, headers, StatusCode::CREATED, move |api| {
        handlers::create_order(api, &id, &request_bodies::order_lines(&body)?)
    })
    .await
}

async fn orders(State(core): Shared, headers: HeaderMap, Path(id): Path<String>) -> Response {
    signed_in_run(core, headers, StatusCode::OK, move |api| {
        handlers::orders(api, &id)
    })
    .await
}

async fn subscriptions(
    State(core): Shared,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    signed_in_run(core, headers, StatusCode::OK, move |api| {
        handlers::subscriptions(api, &id)
    })
    .await
}

async fn subscription(
    State(core): Shared,
    headers: HeaderMap,
    Path((id, subscription)): Path<(String, String)>,
) -> Response {
    signed_in_run(core, headers, StatusCode::OK, move |api| {
        handlers::subscription(api, &id, &subscription)
    })
    .await
}

async fn change_subscription(
    State(core): Shared,
    headers: HeaderMap,
    Path((id, subscription)): Path<(String, String)>,
    body: String,
) -> Response {
    signed_in_run(core, headers, StatusCode::OK, move |api| {
        let patch = request_bodies::subscription_patch(&body)?;
        handlers::change_subscription(
            api,
            &id,
            &subscription,
            patch.quantity,
            patch.auto_renew_enabled,
        )
    })
    .await
}

/// An answer axum gave itself (a query or body it could not read, a body over the limit, a
/// method a path does not take) in Partner Center's error shape, as every other answer is.
async fn in_partner_center_shape(response: Response) -> Response {
    let json = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|kind| kind.as_bytes().starts_with(b"application/json"));
    let status = response.status();
    if json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    let said = String::from_utf8_lossy(&text);
    let description = match status {
        StatusCode::PAYLOAD_TOO_LARGE => format!(
            "The request's body is over {} bytes, the most this API reads.",
            BODY_LIMIT
        ),
        StatusCode::METHOD_NOT_ALLOWED => {
            "This path does not take that method; see /_pcenter/openapi.json.".to_string()
        }
        _ => format!(
            "The request cannot be read: {}.",
            said.trim().trim_end_matches('.')
        ),
    };
    let error = ApiError::new(u32::from(status.as_u16()), exit::INVALID, description);
    let mut shaped = answer::<()>(RequestIds::of(&parts.headers), status, Err(error));
    *shaped.status_mut() = status;
    for name in ["ms-requestid", "ms-correlationid", "allow"] {
        if let Some(value) = parts.headers.get(name) {
            shaped.headers_mut().insert(name, value.clone());
        }
    }
    shaped
}

async fn not_a_path(headers: HeaderMap, uri: axum::http::Uri) -> Response {
    let error = ApiError::not_found(format!(
        "No such path: {}. The API's paths are under /v1/ (see the README).",
        crate::domain::characters::escaped(uri.path())
    ));
    answer::<()>(RequestIds::of(&headers), StatusCode::OK, Err(error))
}
