//! pcenter's own signed-in paths under `/_pcenter/`: the compliance report, and the export and
//! import of the agreements CSV, the documents of the commands of the same names.

use super::routes::{Body, Served};
use crate::api::documents::{self, Document};
use crate::api::error::{exit, ApiError};
use crate::api::Api;
use crate::invocation::Format;
use crate::service::Actor;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use serde::Deserialize;
use std::sync::Arc;

/// The largest CSV an import over HTTP reads: about 400,000 rows. A larger file is imported
/// with the command, which reads it from disk.
pub const IMPORT_LIMIT: usize = 64 << 20;

/// The routes, for the signed-in part of the router.
pub fn signed_in_routes() -> Router<Arc<Served>> {
    Router::new()
        .route("/_pcenter/report", get(report))
        .route("/_pcenter/export", get(export))
        .route(
            "/_pcenter/import",
            post(import).layer(DefaultBodyLimit::max(IMPORT_LIMIT)),
        )
}

#[derive(Deserialize)]
struct ReportQuery {
    format: Option<String>,
}

async fn report(
    State(served): State<Arc<Served>>,
    Extension(actor): Extension<Actor>,
    Query(query): Query<ReportQuery>,
) -> Response {
    let format = match query
        .format
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("json") => Format::Json,
        Some("csv") => Format::Csv,
        Some(_) => {
            return super::answer::error_answer(ApiError::invalid(
                "The report's format is json or csv.",
            ))
        }
    };
    let kind = match format {
        Format::Csv => "text/csv; charset=utf-8",
        _ => "application/json",
    };
    document(served, actor, kind, move |api| {
        documents::compliance(api, format)
    })
    .await
}

async fn export(State(served): State<Arc<Served>>, Extension(actor): Extension<Actor>) -> Response {
    document(served, actor, "text/csv; charset=utf-8", documents::export).await
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ImportQuery {
    dry_run: Option<bool>,
}

async fn import(
    State(served): State<Arc<Served>>,
    Extension(actor): Extension<Actor>,
    Query(query): Query<ImportQuery>,
    Body(csv): Body,
) -> Response {
    let dry_run = query.dry_run.unwrap_or(false);
    document(served, actor, "text/plain; charset=utf-8", move |api| {
        documents::import(api, csv.as_bytes(), dry_run)
    })
    .await
}

/// Makes the document on a blocking thread and sends it: 200, or 422 when rows of an import
/// were rejected (the others were imported, and the lines say which).
async fn document<W>(served: Arc<Served>, actor: Actor, kind: &'static str, work: W) -> Response
where
    W: FnOnce(&mut Api) -> Result<Document, ApiError> + Send + 'static,
{
    let core = Arc::clone(&served.core);
    let made = tokio::task::spawn_blocking(move || work(&mut Api::on(core, actor)))
        .await
        .unwrap_or_else(|_| Err(super::routes::panicked()));
    match made {
        Ok(document) => {
            let status = match document.exit {
                exit::ROWS_REJECTED => StatusCode::UNPROCESSABLE_ENTITY,
                _ => StatusCode::OK,
            };
            let mut response =
                (status, [(header::CONTENT_TYPE, kind)], document.text).into_response();
            // A 422 of an import is its lines, not an error to put in Partner Center's shape.
            response.extensions_mut().insert(super::routes::Shaped);
            response
        }
        Err(error) => super::answer::error_answer(error),
    }
}
