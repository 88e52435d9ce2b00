//! The cloudcalc server: the JSON estimate API and the built front end, over one router.
//!
//! [`app`] builds the router from an [`AppState`]; `main.rs` only parses the command line and
//! calls [`serve`] or a CLI command. Tests drive the router in memory with `oneshot` and over a
//! real socket with [`serve`] on port 0.
//!
//! A request flows: middleware (trace, timeout, security headers, compression) → route →
//! [`json::JsonBody`] (content type, size limit, decode with field paths) → `model::validate` and
//! `pricing::engine` → JSON response, or an [`error::AppError`] mapped to its status once.

pub mod cli;
pub mod error;
pub mod json;
pub mod openapi;
mod routes;
pub mod serve;
mod static_files;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use pricing::PriceBook;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use serve::serve;

/// The largest request body accepted (bytes). An estimate of 1,000 large items is about 400 KB.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// How long one request may take, body included, before it gets a 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// The Content-Security-Policy of every response: the WASM app and nothing it does not need.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// What every request handler can see. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    book: PriceBook,
    /// The catalogue, serialised once: it only changes when the price book does.
    catalog_json: bytes_cache::Cached,
    /// The newest price date in the book, for `/healthz`.
    price_date: String,
    dist: Option<PathBuf>,
}

mod bytes_cache {
    /// A serialised JSON document with its ETag.
    #[derive(Debug)]
    pub struct Cached {
        pub body: axum::body::Bytes,
        pub etag: String,
    }
}

impl AppState {
    /// State over a validated price book, serving the front end from `dist` when given.
    pub fn new(book: PriceBook, dist: Option<PathBuf>) -> Self {
        let catalog = pricing::catalog::build(&book);
        let body = serde_json::to_vec(&catalog).expect("the catalogue always serialises");
        let etag = format!("\"{}\"", book.version());
        // The newest date of a price table; billing-rule sources are dated by when their pages
        // were read, not by a price.
        let price_date = book
            .tables()
            .sources
            .iter()
            .filter(|s| s.table != "billing_rules" && s.table != "s3_storage_classes")
            .map(|s| s.price_date.as_str())
            .max()
            .unwrap_or("")
            .to_owned();
        AppState {
            inner: Arc::new(Inner {
                book,
                catalog_json: bytes_cache::Cached {
                    body: body.into(),
                    etag,
                },
                price_date,
                dist,
            }),
        }
    }

    /// The price book.
    pub fn book(&self) -> &PriceBook {
        &self.inner.book
    }

    fn catalog(&self) -> &bytes_cache::Cached {
        &self.inner.catalog_json
    }

    fn price_date(&self) -> &str {
        &self.inner.price_date
    }

    fn dist(&self) -> Option<&PathBuf> {
        self.inner.dist.as_ref()
    }
}

/// The whole application: API routes, the front end, and the middleware every response passes.
pub fn app(state: AppState) -> Router {
    let api = routes::api_router(state.clone());
    let router = Router::new()
        .merge(api)
        .merge(static_files::router(state.dist().cloned()))
        .with_state(state);

    router
        .layer(CompressionLayer::new().gzip(true).br(true))
        .layer(security_header(
            header::CONTENT_SECURITY_POLICY,
            CONTENT_SECURITY_POLICY,
        ))
        .layer(security_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(security_header(
            header::REFERRER_POLICY,
            "strict-origin-when-cross-origin",
        ))
        .layer(security_header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(security_header(
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(axum::middleware::map_response(error::timeout_to_json))
        .layer(TraceLayer::new_for_http())
}

fn security_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
}
