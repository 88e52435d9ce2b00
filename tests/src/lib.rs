//! Helpers shared by the integration tests: the bundled price book loaded once, and calls into
//! the router in memory.

pub mod browser;

use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// The application state over the bundled price book, serving no front end.
pub fn state() -> cloudcalc::AppState {
    static STATE: OnceLock<cloudcalc::AppState> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let book = pricing::load::bundled().expect("the bundled price book loads");
            cloudcalc::AppState::new(book, None)
        })
        .clone()
}

/// A response read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as JSON; panics with the body text when it is not JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// A header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// Sends one request through the router in memory.
pub async fn send(request: Request<Body>) -> Reply {
    let response = cloudcalc::app(state())
        .oneshot(request)
        .await
        .expect("the router is infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("the body is readable")
        .to_bytes()
        .to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

/// `GET uri`.
pub async fn get(uri: &str) -> Reply {
    send(
        Request::get(uri)
            .body(Body::empty())
            .expect("a valid request"),
    )
    .await
}

/// `POST uri` with a JSON body.
pub async fn post_json(uri: &str, body: impl Into<Body>) -> Reply {
    send(
        Request::post(uri)
            .header("content-type", "application/json")
            .body(body.into())
            .expect("a valid request"),
    )
    .await
}
