//! `GET /api/v1/openapi.json`: the OpenAPI 3 description of the API.

/// The OpenAPI document.
pub fn document() -> serde_json::Value {
    serde_json::json!({
        "openapi": "3.1.0",
        "info": { "title": "cloudcalc", "version": env!("CARGO_PKG_VERSION") },
        "paths": {}
    })
}
