//! The paths of Partner Center's v1 API and pcenter's own under `/_pcenter/`, each the handler
//! of the command line's same request (`api::handlers`). Every request passes through
//! `framed` (its IDs, errors in Partner Center's shape); the v1 paths also through `sign_in`
//! (the agent of the bearer token, the throttle) before any body is read.

use super::answer::{answer, error_answer, signed_in, RequestIds};
use super::throttle::{retry_after_seconds, Throttle};
use super::writer::Writer;
use super::BODY_LIMIT;
use crate::api::agreement_request::Requested;
use crate::api::error::{code, exit, ApiError};
use crate::api::{handlers, request_bodies, Api};
use crate::core::Core;
use crate::service::Actor;
use axum::extract::{DefaultBodyLimit, FromRequest, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{from_fn, from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What every request is served with.
pub struct Served {
    pub core: Arc<Core>,
    /// Runs the requests that change the store.
    pub writer: Writer,
    pub throttle: Option<Throttle>,
    /// How long a request's body may take to arrive once its head has.
    pub body_deadline: Duration,
}

impl Served {
    /// Serves `core` with `settings`, starting its writing thread.
    pub fn on(core: Arc<Core>, settings: &super::Settings) -> std::io::Result<Served> {
        Ok(Served {
            writer: Writer::start(&core)?,
            core,
            throttle: Throttle::per_minute(settings.throttle),
            body_deadline: settings.limits.body,
        })
    }
}

type Shared = State<Arc<Served>>;

/// Every route of `served`.
pub fn router(served: Served) -> Router {
    let served = Arc::new(served);
    let v1 = Router::new()
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
        .merge(super::own::signed_in_routes())
        .route_layer(from_fn_with_state(Arc::clone(&served), sign_in));
    Router::new()
        .route("/_pcenter/health", get(health))
        .route("/_pcenter/openapi.json", get(openapi))
        .merge(v1)
        .fallback(not_a_path)
        .layer(from_fn(framed))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(served)
}

/// Every answer carries the request's IDs, and every error Partner Center's shape, also those
/// axum gives itself (a query it cannot read, a body over the limit, a method a path does not
/// take).
async fn framed(request: Request, next: Next) -> Response {
    let ids = RequestIds::of(request.headers());
    let response = next.run(request).await;
    let mut response = in_partner_center_shape(response).await;
    ids.add_to(&mut response);
    response
}

/// The agent of the bearer token, before anything else of the request is read; then the
/// throttle, when there is one.
async fn sign_in(State(served): Shared, mut request: Request, next: Next) -> Response {
    let actor = match signed_in(&served.core, request.headers()) {
        Ok(actor) => actor,
        Err(error) => return error_answer(error),
    };
    if let Some(throttle) = &served.throttle {
        if let Err(wait) = throttle.take(&actor.agent, Instant::now()) {
            let seconds = retry_after_seconds(wait);
            let error = ApiError::new(
                code::TOO_MANY_REQUESTS,
                exit::BLOCKED,
                format!("Too many requests from this agent: try again in {seconds} s (this server takes a limited number a minute per agent)."),
            );
            let mut response = error_answer(error);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            return response;
        }
    }
    request.extensions_mut().insert(actor);
    next.run(request).await
}

/// A request's body as text, read within the body deadline: a client that sends too slowly
/// is answered 408 and its connection closed.
pub struct Body(pub String);

impl FromRequest<Arc<Served>> for Body {
    type Rejection = Response;

    async fn from_request(request: Request, served: &Arc<Served>) -> Result<Body, Response> {
        let read = String::from_request(request, served);
        match tokio::time::timeout(served.body_deadline, read).await {
            Ok(Ok(text)) => Ok(Body(text)),
            Ok(Err(rejection)) => Err(rejection.into_response()),
            Err(_) => {
                let mut response = error_answer(ApiError::new(
                    408,
                    exit::INVALID,
                    format!(
                        "The request's body did not arrive within {} s; send it whole, at once.",
                        served.body_deadline.as_secs()
                    ),
                ));
                response
                    .headers_mut()
                    .insert(header::CONNECTION, HeaderValue::from_static("close"));
                Err(response)
            }
        }
    }
}

/// Runs `work` as `actor` on a blocking thread (a change waits for the disk), and answers with
/// `ok` and what it returns.
pub async fn run_as<R, W>(core: Arc<Core>, actor: Actor, ok: StatusCode, work: W) -> Response
where
    R: Serialize + Send + 'static,
    W: FnOnce(&mut Api) -> Result<R, ApiError> + Send + 'static,
{
    let result = tokio::task::spawn_blocking(move || work(&mut Api::on(core, actor)))
        .await
        .unwrap_or_else(|_| Err(panicked()));
    answer(ok, result)
}

/// Runs `work`, which changes the store, as `actor` on the writing thread, and answers with
/// `ok` and what it returns once its changes are durable.
pub async fn change_as<R, W>(served: &Served, actor: Actor, ok: StatusCode, work: W) -> Response
where
    R: Serialize + Send + 'static,
    W: FnOnce(&mut Api) -> Result<R, ApiError> + Send + 'static,
{
    let result = served.writer.run(served.core.clone(), actor, work).await;
    answer(ok, result)
}

/// A handler that panicked (logged by the panic hook): a failure inside pcenter.
pub fn panicked() -> ApiError {
    ApiError::new(code::STORE, exit::STORE, "A request's handler panicked.")
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

async fn health() -> Response {
    let health = Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    };
    answer(StatusCode::OK, Ok(health))
}

async fn openapi() -> Response {
    answer(StatusCode::OK, Ok(super::openapi::document()))
}

async fn templates(
    State(served): Shared,
    Extension(actor): Extension<Actor>,
    Query(query): Query<TypeQuery>,
) -> Response {
    run_as(served.core.clone(), actor, StatusCode::OK, move |_| {
        handlers::templates(query.agreement_type.as_deref(), served.core.business_date())
    })
    .await
}

async fn offers(State(served): Shared, Extension(actor): Extension<Actor>) -> Response {
    run_as(served.core.clone(), actor, StatusCode::OK, move |_| {
        Ok(handlers::offers(served.core.business_date()))
    })
    .await
}

#[derive(Deserialize)]
struct ListQuery {
    size: Option<usize>,
    filter: Option<String>,
}

async fn customers(
    State(served): Shared,
    Extension(actor): Extension<Actor>,
    headers: HeaderMap,
    Query(query): Query<ListQuery>,
) -> Response {
    let after = headers
        .get("ms-continuationtoken")
        .map(|token| token.to_str().unwrap_or("not a token").to_string());
    run_as(served.core.clone(), actor, StatusCode::OK, move |api| {
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
    .await
}

async fn customer(
    State(served): Shared,
    Extension(actor): Extension<Actor>,
    Path(id): Path<String>,
) -> Response {
    run_as(served.core.clone(), actor, StatusCode::OK, move |api| {
        handlers::customer(api, &id)
    })
    .await
}

async fn create_customer(
    State(served): Shared,
    Extension(actor): Extension<Actor>,
    Body(body): Body,
) -> Response {
    change_as(&served, actor, StatusCode::CREATED, move |api| {
        handlers::create_customer(api, &body)
    })
    .await
}

async fn agreements(
    State(served): Shared,
    Extension(actor): Extension<Actor>,
    Path(id): Path<String>,
    Query(query): Query<TypeQuery>,
) -> Response {
    run_as(served.core.clone(), actor, StatusCode::OK, move |api| {
        handlers::agreements(api, &id, query.agreement_type.as_deref())
    })
    .await
}

async fn confirm(
    State(served): Shared,
    Extension(actor): Extension<Actor>,
    Path(id): Path<String>,
    Body(body): Body,
) -> Response {
    // Read here, so that the writing thread only writes.
    let requested = match Requested::from_request_body(&body) {
        Ok(requested) => requested,
        Err(error) => return error_answer(error),
    };
    change_as(&served, actor, StatusCode::CREATED, move |api| {
        handlers::confirm(api, &id, requested)
    })
    .await
}

async fn create_order(
    State(served): Shared,
    Extension(actor): Extension<Actor>,
    Path(id): Path<String>,
    Body(body): Body,
) -> Response {
    let request = match request_bodies::order_request(&body) {
        Ok(request) => request,
        Err(error) => return error_answer(error),
    };
    change_as(&served, actor, StatusCode::CREATED, move |api| {
        handlers::create_order(api, &id, &request)
    })
    .await
}

async fn orders(
    State(served): Shared,
    Extension(actor): Extension<Actor>,
    Path(id): Path<String>,
) -> Response {
    run_as(served.core.clone(), actor, StatusCode::OK, move |api| {
        handlers::orders(api, &id)
    })
    .await
}

async fn subscriptions(
    State(served): Shared,
    Extension(actor): Extension<Actor>,
    Path(id): Path<String>,
) -> Response {
    run_as(served.core.clone(), actor, StatusCode::OK, move |api| {
        handlers::subscriptions(api, &id)
    })
    .await
}

async fn subscription(
    State(served): Shared,
    Extension(actor): Extension<Actor>,
    Path((id, subscription)): Path<(String, String)>,
) -> Response {
    run_as(served.core.clone(), actor, StatusCode::OK, move |api| {
        handlers::subscription(api, &id, &subscription)
    })
    .await
}

async fn change_subscription(
    State(served): Shared,
    Extension(actor): Extension<Actor>,
    Path((id, subscription)): Path<(String, String)>,
    Body(body): Body,
) -> Response {
    let patch = match request_bodies::subscription_patch(&body) {
        Ok(patch) => patch,
        Err(error) => return error_answer(error),
    };
    change_as(&served, actor, StatusCode::OK, move |api| {
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

/// Marks an answer that is sent as it is, whatever its status.
#[derive(Debug, Clone, Copy)]
pub struct Shaped;

/// An answer axum gave itself (a query or body it could not read, a body over the limit, a
/// method a path does not take) in Partner Center's error shape, as every other answer is.
async fn in_partner_center_shape(response: Response) -> Response {
    let status = response.status();
    let shaped = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|kind| kind.as_bytes().starts_with(b"application/json"));
    let as_it_is = response.extensions().get::<Shaped>().is_some();
    if shaped || as_it_is || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    let said = String::from_utf8_lossy(&text);
    let description = match status {
        StatusCode::PAYLOAD_TOO_LARGE => format!(
            "The request's body is over the most this path reads: {} bytes ({} for /_pcenter/import).",
            BODY_LIMIT,
            super::own::IMPORT_LIMIT
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
    let mut shaped = error_answer(error);
    *shaped.status_mut() = status;
    if let Some(allow) = parts.headers.get(header::ALLOW) {
        shaped.headers_mut().insert(header::ALLOW, allow.clone());
    }
    shaped
}

async fn not_a_path(uri: axum::http::Uri) -> Response {
    error_answer(ApiError::not_found(format!(
        "No such path: {}. The API's paths are under /v1/ (see the README).",
        crate::domain::characters::escaped(uri.path())
    )))
}
