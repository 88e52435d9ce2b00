//! `GET /api/v1/openapi.json`: the OpenAPI 3.1 description of the API.
//!
//! The schemas are generated from the `model` types (schemars reads their serde attributes), so
//! the description cannot drift from what the server accepts and returns; the paths and limits
//! are written here once. A test validates the document's structure and every `$ref`.

use model::compare::{
    CompareDatabaseRequest, CompareDatabaseResponse, ComparePricingRequest, ComparePricingResponse,
    CompareRegionsResponse,
};
use model::validate::limits::*;
use model::{ApiError, EstimateRequest, EstimateResponse};
use schemars::generate::SchemaSettings;
use serde_json::{Value, json};

/// The OpenAPI document.
pub fn document() -> Value {
    let mut generator = SchemaSettings::openapi3().into_generator();
    let refs = [
        (
            "EstimateRequest",
            generator.subschema_for::<EstimateRequest>().to_value(),
        ),
        (
            "EstimateResponse",
            generator.subschema_for::<EstimateResponse>().to_value(),
        ),
        ("ApiError", generator.subschema_for::<ApiError>().to_value()),
        (
            "Catalog",
            generator
                .subschema_for::<model::catalog::Catalog>()
                .to_value(),
        ),
        (
            "ComparePricingRequest",
            generator
                .subschema_for::<ComparePricingRequest>()
                .to_value(),
        ),
        (
            "ComparePricingResponse",
            generator
                .subschema_for::<ComparePricingResponse>()
                .to_value(),
        ),
        (
            "CompareDatabaseRequest",
            generator
                .subschema_for::<CompareDatabaseRequest>()
                .to_value(),
        ),
        (
            "CompareDatabaseResponse",
            generator
                .subschema_for::<CompareDatabaseResponse>()
                .to_value(),
        ),
        (
            "CompareRegionsResponse",
            generator
                .subschema_for::<CompareRegionsResponse>()
                .to_value(),
        ),
    ];
    let r = |name: &str| -> Value {
        refs.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or(Value::Null)
    };
    let schemas: serde_json::Map<String, Value> =
        generator.take_definitions(true).into_iter().collect();

    let json_body = |schema: Value| json!({ "required": true, "content": { "application/json": { "schema": schema } } });
    let ok = |schema: Value, what: &str| json!({ "description": what, "content": { "application/json": { "schema": schema } } });
    let errors = |codes: &[u16]| -> Value {
        let mut map = serde_json::Map::new();
        for code in codes {
            map.insert(
                code.to_string(),
                json!({ "description": error_description(*code), "content": { "application/json": { "schema": r("ApiError") } } }),
            );
        }
        Value::Object(map)
    };
    let with_errors = |mut responses: Value, codes: &[u16]| -> Value {
        if let (Some(map), Value::Object(errs)) = (responses.as_object_mut(), errors(codes)) {
            map.extend(errs);
        }
        responses
    };
    let body_errors = [400, 408, 413, 415, 422];

    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "cloudcalc",
            "version": env!("CARGO_PKG_VERSION"),
            "description": description(),
        },
        "paths": {
            "/healthz": { "get": {
                "summary": "Liveness, version and the newest price date",
                "responses": { "200": { "description": "The server is up", "content": { "application/json": { "schema": {
                    "type": "object",
                    "properties": { "status": {"type": "string"}, "version": {"type": "string"}, "price_date": {"type": "string"}, "price_book": {"type": "string"} },
                    "required": ["status", "version", "price_date", "price_book"] } } } } }
            }},
            "/api/v1/catalog": { "get": {
                "summary": "Regions and the options priced in each; cacheable with its ETag",
                "responses": { "200": ok(r("Catalog"), "The catalogue"), "304": { "description": "Not modified (If-None-Match matched the ETag)" } }
            }},
            "/api/v1/estimate": { "post": {
                "summary": "Price an estimate",
                "requestBody": json_body(r("EstimateRequest")),
                "responses": with_errors(json!({ "200": ok(r("EstimateResponse"), "The priced estimate") }), &body_errors)
            }},
            "/api/v1/estimate/{token}": { "get": {
                "summary": "Price the estimate carried by a share token",
                "parameters": [{ "name": "token", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^v1\\.[A-Za-z0-9_-]+$" } }],
                "responses": with_errors(json!({ "200": ok(r("EstimateResponse"), "The priced estimate") }), &[400, 422])
            }},
            "/api/v1/share": { "post": {
                "summary": "Make a share token and link for an estimate",
                "requestBody": json_body(r("EstimateRequest")),
                "responses": with_errors(json!({ "200": ok(json!({
                    "type": "object",
                    "properties": { "token": {"type": "string"}, "url": {"type": "string"} },
                    "required": ["token", "url"] }), "The token and the app link") }), &body_errors)
            }},
            "/api/v1/compare/pricing": { "post": {
                "summary": "An EC2 item under every pricing model, with break-even month and utilisation",
                "requestBody": json_body(r("ComparePricingRequest")),
                "responses": with_errors(json!({ "200": ok(r("ComparePricingResponse"), "Every priced option") }), &body_errors)
            }},
            "/api/v1/compare/database": { "post": {
                "summary": "One database workload as RDS Single-AZ, RDS Multi-AZ, Aurora Standard, I/O-Optimized and Serverless v2",
                "requestBody": json_body(r("CompareDatabaseRequest")),
                "responses": with_errors(json!({ "200": ok(r("CompareDatabaseResponse"), "The options side by side") }), &body_errors)
            }},
            "/api/v1/compare/regions": { "post": {
                "summary": "The whole estimate re-priced in every region, ranked",
                "requestBody": json_body(r("EstimateRequest")),
                "responses": with_errors(json!({ "200": ok(r("CompareRegionsResponse"), "Every region, cheapest complete region first") }), &body_errors)
            }},
            "/api/v1/openapi.json": { "get": {
                "summary": "This document",
                "responses": { "200": { "description": "OpenAPI 3.1" } }
            }}
        },
        "components": { "schemas": schemas }
    })
}

fn error_description(code: u16) -> &'static str {
    match code {
        400 => "Malformed JSON, invalid UTF-8 or an invalid share token",
        408 => "The request (body included) did not arrive within 10 seconds",
        413 => "The body is larger than 1 MiB",
        415 => "The body is not application/json",
        422 => {
            "A field is invalid, over a limit, unknown, or has no price in the region; `error.field` names it"
        }
        _ => "Error",
    }
}

fn description() -> String {
    let editions = model::RdsEdition::ALL.map(|e| e.as_str()).join("`, `");
    let licenses = model::LicenseModel::ALL.map(|l| l.as_str()).join("`, `");
    format!(
        "Prices AWS architectures per month, line by line, from dated public AWS prices. \
Money is a decimal string in USD; quantities are numbers or decimal strings. Errors use one \
envelope: `{{\"error\": {{\"code\", \"message\", \"field\"}}}}` where `field` is a path such as \
`items[2].instance_type`.\n\n\
RDS `edition` (Oracle and SQL Server only): `{editions}`; `license_model`: `{licenses}`. Oracle \
editions are `standard_two` and `enterprise` (license included or bring your own); SQL Server \
editions are `express`, `web`, `standard` and `enterprise` (license included).\n\n\
Limits: request body {MAX_BODY} bytes; at most {MAX_ITEMS} items; ids at most {MAX_ID_LEN} \
characters; names and labels at most {MAX_TEXT_LEN}; `hours_per_month` at most \
{MAX_HOURS_PER_MONTH}; `count` 1 to {MAX_COUNT}; requests, I/O operations and objects per month \
at most {MAX_REQUESTS}; GB per item at most {MAX_GB}; Lambda memory {mlo} to {mhi} MB, ephemeral \
storage {elo} to {ehi} MB, duration at most {MAX_LAMBDA_DURATION_MS} ms; EBS and RDS volumes at \
most {MAX_VOLUME_GB} GB, {MAX_IOPS} IOPS and {MAX_THROUGHPUT_MBPS} MB/s; at most {MAX_VOLUMES} \
volumes and {MAX_IPV4} public IPv4 addresses per instance; Aurora Serverless v2 at most \
{MAX_ACUS} ACUs; backtrack windows at most {MAX_BACKTRACK_HOURS} hours. Exceeding a limit is a \
422 with code `limit_exceeded`.",
        MAX_BODY = crate::MAX_BODY_BYTES,
        mlo = LAMBDA_MEMORY_MB.0,
        mhi = LAMBDA_MEMORY_MB.1,
        elo = LAMBDA_EPHEMERAL_MB.0,
        ehi = LAMBDA_EPHEMERAL_MB.1,
    )
}
