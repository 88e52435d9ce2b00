//! The built front end (`dist/`): files with cache headers, and `index.html` for client routes.
//!
//! Trunk names assets with a content hash (`app-3f2a…_bg.wasm`), so they are cached for a year
//! as immutable; `index.html` is revalidated on every load so a new release is picked up at once.
//! Any path with a `..` segment is refused with 404 before the file system is touched.

use std::path::PathBuf;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::AppState;

/// The fallback router that serves the front end.
pub fn router(dist: Option<PathBuf>) -> Router<AppState> {
    Router::new().fallback(move |req: Request| serve(dist.clone(), req))
}

async fn serve(dist: Option<PathBuf>, req: Request) -> Response {
    let path = req.uri().path().to_owned();
    if is_traversal(&path) {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    let Some(dist) = dist.filter(|d| d.join("index.html").is_file()) else {
        return not_built();
    };
    let files = ServeDir::new(&dist)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false);
    let wants_file = is_asset_path(&path);
    let mut response = if wants_file {
        match files.oneshot(req).await {
            Ok(r) => r.map(Body::new),
            Err(never) => match never {},
        }
    } else {
        // Client routes (`/`, `/e/<token>`) all load the app.
        match ServeFile::new(dist.join("index.html")).oneshot(req).await {
            Ok(r) => r.map(Body::new),
            Err(never) => match never {},
        }
    };
    let cache = if !response.status().is_success() {
        "no-store"
    } else if !wants_file || path.ends_with(".html") {
        "no-cache"
    } else if is_hashed(&path) {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=3600"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

/// Whether a path names a built file rather than a client route. Share links (`/e/v1.…`)
/// contain dots, so only known asset extensions count, and never under `/e/`.
fn is_asset_path(path: &str) -> bool {
    const ASSETS: [&str; 12] = [
        "js",
        "wasm",
        "css",
        "html",
        "svg",
        "png",
        "ico",
        "json",
        "txt",
        "map",
        "woff2",
        "webmanifest",
    ];
    if path.starts_with("/e/") {
        return false;
    }
    let last = path.rsplit('/').next().unwrap_or("");
    last.rsplit_once('.')
        .is_some_and(|(_, ext)| ASSETS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// A `..` segment, raw or percent-encoded, or a backslash: never a real asset path.
fn is_traversal(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let decoded = lower
        .replace("%2e", ".")
        .replace("%2f", "/")
        .replace("%5c", "\\");
    decoded.contains('\\') || decoded.split('/').any(|seg| seg == "..")
}

/// Trunk's content hash: a 16-hex-digit suffix on the file stem (`main-1a2b3c4d5e6f7a8b.css`).
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit('-')
        .next()
        .is_some_and(|h| h.len() >= 10 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn not_built() -> Response {
    let page = Html(
        "<!doctype html><meta charset=utf-8><title>cloudcalc</title>\
         <p>The cloudcalc API is running, but the front end was not built. \
         Run <code>scripts/run</code> (see README.md) to build and serve it.</p>",
    );
    let mut r = (StatusCode::OK, page).into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_paths_are_recognised_raw_and_encoded() {
        for p in [
            "/../etc/passwd",
            "/a/../../x",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2fetc",
            "/..\\x",
            "/a%5c..%5cb",
        ] {
            assert!(is_traversal(p), "{p}");
        }
        for p in ["/", "/e/v1.abc", "/app-0123456789abcdef.js", "/a..b/c"] {
            assert!(!is_traversal(p), "{p}");
        }
    }

    #[test]
    fn share_links_are_client_routes_and_assets_are_files() {
        assert!(!is_asset_path(
            "/e/v1.eJyrVkrOzy0oSi0uTk1RslIqSsxLSS1SqgUAZIwI2g"
        ));
        assert!(!is_asset_path("/"));
        assert!(!is_asset_path("/e/v1.abc.def"));
        assert!(is_asset_path("/app-0123456789abcdef_bg.wasm"));
        assert!(is_asset_path("/index.html"));
        assert!(is_asset_path("/missing.js"));
    }

    #[test]
    fn hashed_asset_names_are_recognised() {
        assert!(is_hashed("/app-9f86d081884c7d65_bg.wasm"));
        assert!(is_hashed("/main-9f86d081884c7d65.css"));
        assert!(!is_hashed("/favicon.svg"));
        assert!(!is_hashed("/index.html"));
    }
}
