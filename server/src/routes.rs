//! The API routes. Handlers are thin: decode, validate, call the engine, answer.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use model::compare::{CompareDatabaseRequest, ComparePricingRequest};
use model::{ErrorCode, EstimateRequest, EstimateResponse};
use serde::Serialize;

use crate::AppState;
use crate::error::AppError;
use crate::json::JsonBody;

/// Every `/api/...` route and `/healthz`; unknown `/api/...` paths answer a JSON 404.
pub fn api_router(_state: AppState) -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/api/v1/catalog", get(catalog))
        .route("/api/v1/estimate", post(estimate))
        .route("/api/v1/estimate/{token}", get(estimate_from_token))
        .route("/api/v1/share", post(share))
        .route("/api/v1/compare/pricing", post(compare_pricing))
        .route("/api/v1/compare/database", post(compare_database))
        .route("/api/v1/compare/regions", post(compare_regions))
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api", axum::routing::any(api_not_found))
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        .method_not_allowed_fallback(method_not_allowed)
}

#[derive(Serialize)]
struct Health<'a> {
    status: &'static str,
    version: &'static str,
    price_date: &'a str,
    price_book: &'a str,
}

async fn healthz(State(state): State<AppState>) -> Response {
    let body = Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
        price_date: state.price_date(),
        price_book: state.book().version(),
    };
    ([(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}

async fn catalog(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let cached = state.catalog();
    let etag = HeaderValue::from_str(&cached.etag).unwrap_or(HeaderValue::from_static("\"0\""));
    // The catalogue changes only with the price book; clients revalidate with its ETag.
    let cache = (
        header::CACHE_CONTROL,
        "public, max-age=300, must-revalidate",
    );
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == cached.etag.as_bytes())
    {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)], [cache]).into_response();
    }
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::ETAG, etag),
        ],
        [cache],
        cached.body.clone(),
    )
        .into_response()
}

/// Validates and prices an estimate.
pub fn price(state: &AppState, request: &EstimateRequest) -> Result<EstimateResponse, AppError> {
    pricing::engine::estimate(state.book(), request).map_err(AppError::from)
}

fn decode_estimate(body: &JsonBody) -> Result<EstimateRequest, AppError> {
    EstimateRequest::from_json(&body.0).map_err(AppError::from)
}

async fn estimate(State(state): State<AppState>, body: JsonBody) -> Result<Answer, AppError> {
    let request = decode_estimate(&body)?;
    Ok(Answer(price(&state, &request)?))
}

async fn estimate_from_token(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Answer, AppError> {
    let request = model::share::decode(&token)?;
    Ok(Answer(price(&state, &request)?))
}

/// A priced estimate as a response: written by [`EstimateResponse::to_json`], which writes what
/// `serde_json` would, without checking every byte of every string one at a time.
struct Answer(EstimateResponse);

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            self.0.to_json(),
        )
            .into_response()
    }
}

#[derive(Serialize)]
struct Shared {
    token: String,
    url: String,
}

async fn share(body: JsonBody) -> Result<Json<Shared>, AppError> {
    let request = decode_estimate(&body)?;
    model::validate::validate_estimate(&request)?;
    let token = model::share::encode(&request);
    let url = format!("/e/{token}");
    Ok(Json(Shared { token, url }))
}

async fn compare_pricing(
    State(state): State<AppState>,
    body: JsonBody,
) -> Result<Response, AppError> {
    let request: ComparePricingRequest = body.decode()?;
    let answer = pricing::compare::pricing(state.book(), &request)?;
    Ok(Json(answer).into_response())
}

async fn compare_database(
    State(state): State<AppState>,
    body: JsonBody,
) -> Result<Response, AppError> {
    let request: CompareDatabaseRequest = body.decode()?;
    let answer = pricing::compare::database(state.book(), &request)?;
    Ok(Json(answer).into_response())
}

async fn compare_regions(
    State(state): State<AppState>,
    body: JsonBody,
) -> Result<Response, AppError> {
    let request = decode_estimate(&body)?;
    let answer = pricing::compare::regions(state.book(), &request)?;
    Ok(Json(answer).into_response())
}

async fn openapi() -> Response {
    (
        [(header::CACHE_CONTROL, "public, max-age=300")],
        Json(crate::openapi::document()),
    )
        .into_response()
}

async fn api_not_found(uri: axum::http::Uri) -> AppError {
    AppError::Plain(
        ErrorCode::NotFound,
        format!(
            "no API route at `{}`; see /api/v1/openapi.json",
            clip(uri.path())
        ),
    )
}

async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> AppError {
    AppError::Plain(
        ErrorCode::MethodNotAllowed,
        format!("`{method}` is not allowed on `{}`", clip(uri.path())),
    )
}

fn clip(s: &str) -> String {
    match s.char_indices().nth(100) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}
