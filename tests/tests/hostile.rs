//! Hostile input: what a careless or malicious client can send, and what the server must do.
//!
//! Every case answers a 4xx in the JSON error envelope (never a 5xx, never a crash or a hang),
//! and the server keeps serving afterwards: each test ends with a valid estimate that prices.
//! Most cases go through the router in memory; the connection-level ones (a slow client, an
//! oversized declared body, raw traversal paths a client library would normalise) run over a
//! real socket with `cloudcalc::serve` on 127.0.0.1:0. No assertion is about speed; the one
//! bound on time (the slow client is cut off) is a behaviour with a loose margin.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use cloudcalc_tests::{Reply, get, post_json, send, state};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tower::ServiceExt;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A small estimate that prices: the follow-up request of every test.
fn valid_estimate() -> String {
    json!({"region":"us-east-1","items":[{"id":"web","service":"ec2","instance_type":"m5.large","count":2}]})
        .to_string()
}

/// Asserts a client error in the envelope with `code`, and returns the envelope.
fn assert_client_error(reply: &Reply, status: u16, code: &str) -> serde_json::Value {
    let text = String::from_utf8_lossy(&reply.body);
    assert_eq!(reply.status.as_u16(), status, "{text}");
    let body = reply.json();
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    body
}

/// The server still prices a valid estimate (in memory).
async fn assert_still_serving() {
    let reply = post_json("/api/v1/estimate", valid_estimate()).await;
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(reply.json()["totals"]["monthly"], "140.16");
}

/// An estimate with one item whose fields are `item` (plus id and service).
fn one_item(service: &str, item: serde_json::Value) -> String {
    let mut item = item;
    item["id"] = json!("a");
    item["service"] = json!(service);
    json!({"region":"us-east-1","items":[item]}).to_string()
}

/// Starts the real server on 127.0.0.1:0; it runs until the test's runtime ends.
async fn start(app_state: cloudcalc::AppState) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port on 127.0.0.1");
    let addr = listener.local_addr().expect("a bound address");
    let _server = tokio::spawn(cloudcalc::serve(
        listener,
        cloudcalc::app(app_state),
        std::future::pending(),
    ));
    addr
}

/// Sends raw bytes (a whole request with `Connection: close`) and reads the answer to the end:
/// the status code and everything after the status line.
async fn raw(addr: SocketAddr, request: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).await.expect("connects");
    stream
        .write_all(request)
        .await
        .expect("the request is sent");
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(20), stream.read_to_end(&mut answer))
        .await
        .expect("the server answers and closes within 20 s")
        .expect("the answer is readable");
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {text:?}"));
    (status, text)
}

/// A valid estimate over the socket prices.
async fn assert_socket_still_serving(addr: SocketAddr) {
    let body = valid_estimate();
    let request = format!(
        "POST /api/v1/estimate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let (status, text) = raw(addr, request.as_bytes()).await;
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("\"140.16\""), "{text}");
}

// ---------------------------------------------------------------------------------------------
// Size
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_body_over_one_mebibyte_is_refused_with_413() {
    // Valid JSON padded with whitespace past the limit, without a Content-Length header: the
    // limit is enforced while reading, not only from the declared length.
    let mut body = valid_estimate().into_bytes();
    body.resize(cloudcalc::MAX_BODY_BYTES + 1, b' ');
    let reply = post_json("/api/v1/estimate", body).await;
    assert_client_error(&reply, 413, "payload_too_large");

    // And with a declared length, on every JSON endpoint.
    for uri in [
        "/api/v1/estimate",
        "/api/v1/share",
        "/api/v1/compare/regions",
    ] {
        let reply = send(
            Request::post(uri)
                .header("content-type", "application/json")
                .header("content-length", (8 * 1024 * 1024).to_string())
                .body(Body::from(vec![b' '; 8 * 1024 * 1024]))
                .expect("a valid request"),
        )
        .await;
        assert_client_error(&reply, 413, "payload_too_large");
    }
    assert_still_serving().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_declared_huge_body_is_refused_over_the_socket_before_it_is_sent() {
    let addr = start(state()).await;
    // Only the headers are sent: the server must answer from Content-Length alone.
    let request = "POST /api/v1/estimate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
                   Content-Length: 5000000000\r\nConnection: close\r\n\r\n";
    let (status, text) = raw(addr, request.as_bytes()).await;
    assert_eq!(status, 413, "{text}");
    assert!(text.contains("payload_too_large"), "{text}");
    assert_socket_still_serving(addr).await;
}

#[tokio::test]
async fn ten_thousand_items_exceed_the_item_limit() {
    let items: Vec<serde_json::Value> = (0..10_000)
        .map(|i| json!({"id": format!("f{i}"), "service": "lambda"}))
        .collect();
    let body = json!({"region":"us-east-1","items":items}).to_string();
    assert!(
        body.len() < cloudcalc::MAX_BODY_BYTES,
        "the body fits; the item count is the problem"
    );
    let reply = post_json("/api/v1/estimate", body.clone()).await;
    let envelope = assert_client_error(&reply, 422, "limit_exceeded");
    assert_eq!(envelope["error"]["field"], "items", "{envelope}");
    // The share and region-comparison endpoints hold the same limit.
    for uri in ["/api/v1/share", "/api/v1/compare/regions"] {
        let reply = post_json(uri, body.clone()).await;
        assert_client_error(&reply, 422, "limit_exceeded");
    }
    assert_still_serving().await;
}

#[tokio::test]
async fn a_500_kb_label_is_refused_with_422() {
    let body = one_item(
        "lambda",
        json!({"label": "x".repeat(500 * 1024), "requests_per_month": 1}),
    );
    let reply = post_json("/api/v1/estimate", body).await;
    let envelope = assert_client_error(&reply, 422, "limit_exceeded");
    assert_eq!(envelope["error"]["field"], "items[0].label");
    // The message names the limit, not the 500 KB back to the client.
    assert!(
        reply.body.len() < 4096,
        "the error echoes the input: {} bytes",
        reply.body.len()
    );

    // A huge id, name and region likewise.
    for (body, field) in [
        (
            json!({"region":"us-east-1","items":[{"id":"i".repeat(300_000),"service":"lambda"}]}),
            "items[0].id",
        ),
        (
            json!({"region":"us-east-1","name":"n".repeat(300_000),"items":[]}),
            "name",
        ),
        (json!({"region":"r".repeat(300_000),"items":[]}), "region"),
    ] {
        let reply = post_json("/api/v1/estimate", body.to_string()).await;
        let envelope = assert_client_error(&reply, 422, "limit_exceeded");
        assert_eq!(envelope["error"]["field"], field, "{envelope}");
        assert!(
            reply.body.len() < 4096,
            "the error echoes the input: {} bytes",
            reply.body.len()
        );
    }
    assert_still_serving().await;
}

// ---------------------------------------------------------------------------------------------
// Shape
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    let depth = 100_000;
    let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    let inside_an_item = format!(
        r#"{{"region":"us-east-1","items":[{{"id":"a","service":"ec2","instance_type":{objects}}}]}}"#
    );
    let unclosed = "[".repeat(500_000);
    for body in [arrays, objects, inside_an_item, unclosed] {
        for uri in [
            "/api/v1/estimate",
            "/api/v1/share",
            "/api/v1/compare/pricing",
        ] {
            let reply = post_json(uri, body.clone()).await;
            assert!(
                reply.status.is_client_error(),
                "{uri}: {} {}",
                reply.status,
                String::from_utf8_lossy(&reply.body)
            );
            // The body is decoded in one pass, so the first problem met is reported: a
            // top-level array is the wrong type, `{"a":` an unknown field, and nesting inside
            // an item reaches the parser's depth limit. Never a stack overflow or a 500.
            let code = reply.json()["error"]["code"].clone();
            assert!(
                ["invalid_json", "invalid_type", "unknown_field"]
                    .iter()
                    .any(|c| code == *c),
                "{uri}: unexpected error code {code}"
            );
        }
    }
    assert_still_serving().await;
}

#[tokio::test]
async fn extreme_and_non_numbers_are_refused_with_their_field() {
    let cases = [
        ("s3", json!({"storage_gb": 1e308}), "items[0].storage_gb"),
        ("s3", json!({"storage_gb": "1e308"}), "items[0].storage_gb"),
        ("s3", json!({"storage_gb": -1}), "items[0].storage_gb"),
        ("s3", json!({"storage_gb": "-1"}), "items[0].storage_gb"),
        ("s3", json!({"storage_gb": "NaN"}), "items[0].storage_gb"),
        ("s3", json!({"storage_gb": "inf"}), "items[0].storage_gb"),
        (
            "s3",
            json!({"storage_gb": "-0.0001"}),
            "items[0].storage_gb",
        ),
        (
            "s3",
            json!({"storage_gb": "79228162514264337593543950336"}),
            "items[0].storage_gb",
        ),
        ("s3", json!({"storage_gb": ""}), "items[0].storage_gb"),
        (
            "s3",
            json!({"get_requests_per_month": -1}),
            "items[0].get_requests_per_month",
        ),
        (
            "s3",
            json!({"get_requests_per_month": 1e308}),
            "items[0].get_requests_per_month",
        ),
        (
            "s3",
            json!({"get_requests_per_month": "NaN"}),
            "items[0].get_requests_per_month",
        ),
        (
            "s3",
            json!({"get_requests_per_month": 18_446_744_073_709_551_615_u64}),
            "items[0].get_requests_per_month",
        ),
        (
            "ec2",
            json!({"instance_type": "m5.large", "count": -1}),
            "items[0].count",
        ),
        (
            "ec2",
            json!({"instance_type": "m5.large", "count": 1e308}),
            "items[0].count",
        ),
        (
            "ec2",
            json!({"instance_type": "m5.large", "count": 4_294_967_296_u64}),
            "items[0].count",
        ),
        (
            "ec2",
            json!({"instance_type": "m5.large", "count": 0}),
            "items[0].count",
        ),
        (
            "ec2",
            json!({"instance_type": "m5.large", "count": "2"}),
            "items[0].count",
        ),
        (
            "ec2",
            json!({"instance_type": "m5.large", "usage": {"hours_per_month": "NaN"}}),
            "items[0].usage.hours_per_month",
        ),
        (
            "ec2",
            json!({"instance_type": "m5.large", "usage": {"utilization_percent": 1e308}}),
            "items[0].usage.utilization_percent",
        ),
        (
            "ec2",
            json!({"instance_type": "m5.large", "pricing": {"model": "spot", "discount_percent": 100}}),
            "items[0].pricing.discount_percent",
        ),
        (
            "lambda",
            json!({"avg_duration_ms": 1e308}),
            "items[0].avg_duration_ms",
        ),
        ("lambda", json!({"memory_mb": 1e308}), "items[0].memory_mb"),
        (
            "aurora",
            json!({"engine": "aurora_mysql", "serverless_v2": {"average_acus": 1e308}}),
            "items[0].serverless_v2.average_acus",
        ),
    ];
    for (service, fields, field) in cases {
        let body = one_item(service, fields.clone());
        let reply = post_json("/api/v1/estimate", body).await;
        assert_eq!(
            reply.status,
            422,
            "{fields}: {}",
            String::from_utf8_lossy(&reply.body)
        );
        let envelope = reply.json();
        assert_eq!(envelope["error"]["field"], field, "{fields}: {envelope}");
    }
    // The month itself.
    for hours in [json!(1e308), json!(-1), json!("NaN"), json!(745)] {
        let body = json!({"region":"us-east-1","hours_per_month":hours,"items":[]}).to_string();
        let reply = post_json("/api/v1/estimate", body).await;
        assert_eq!(
            reply.status,
            422,
            "{hours}: {}",
            String::from_utf8_lossy(&reply.body)
        );
        assert_eq!(reply.json()["error"]["field"], "hours_per_month", "{hours}");
    }
    assert_still_serving().await;
}

#[tokio::test]
async fn the_largest_accepted_values_price_without_overflow() {
    // Every limit at once on one item: the arithmetic must not overflow a 96-bit decimal.
    use model::validate::limits::*;
    let body = one_item(
        "ec2",
        json!({
            "instance_type": "m5.24xlarge",
            "count": MAX_COUNT,
            "ebs": vec![json!({"volume_type":"io2","size_gb":MAX_VOLUME_GB,"iops":MAX_IOPS}); MAX_VOLUMES],
            "public_ipv4_addresses": MAX_IPV4,
            "data_transfer_out_gb": MAX_GB,
        }),
    );
    let reply = post_json("/api/v1/estimate", body).await;
    assert!(
        reply.status == 200 || reply.status == 422,
        "{} {}",
        reply.status,
        String::from_utf8_lossy(&reply.body)
    );
    let items: Vec<serde_json::Value> = (0..MAX_ITEMS)
        .map(|i| {
            json!({"id": format!("s{i}"), "service": "s3", "storage_class": "glacier_deep_archive",
                   "storage_gb": MAX_GB, "object_count": MAX_REQUESTS,
                   "put_requests_per_month": MAX_REQUESTS, "get_requests_per_month": MAX_REQUESTS,
                   "retrieval_gb_per_month": MAX_GB, "data_transfer_out_gb": MAX_GB})
        })
        .collect();
    let body = json!({"region":"us-east-1","free_tier":true,"items":items}).to_string();
    let reply = post_json("/api/v1/estimate", body).await;
    assert!(
        reply.status == 200 || reply.status == 422,
        "{} {}",
        reply.status,
        String::from_utf8_lossy(&reply.body)
    );
    assert_still_serving().await;
}

#[tokio::test]
async fn unknown_enum_values_are_refused_with_the_choices() {
    let cases = [
        ("ec9", json!({}), "items[0].service"),
        (
            "ec2",
            json!({"instance_type": "m5.large", "operating_system": "plan9"}),
            "items[0].operating_system",
        ),
        (
            "ec2",
            json!({"instance_type": "m5.large", "pricing": {"model": "free"}}),
            "items[0].pricing.model",
        ),
        (
            "s3",
            json!({"storage_class": "platinum"}),
            "items[0].storage_class",
        ),
        (
            "lambda",
            json!({"architecture": "riscv"}),
            "items[0].architecture",
        ),
        (
            "rds",
            json!({"engine": "db2", "instance_class": "db.m5.large", "storage": {"type": "gp3", "size_gb": 20}}),
            "items[0].engine",
        ),
        (
            "aurora",
            json!({"engine": "aurora_mysql", "storage_config": "fast", "instances": [{"instance_class": "db.r6g.large"}]}),
            "items[0].storage_config",
        ),
    ];
    for (service, fields, field) in cases {
        let reply = post_json("/api/v1/estimate", one_item(service, fields.clone())).await;
        let envelope = assert_client_error(&reply, 422, "invalid_value");
        assert_eq!(envelope["error"]["field"], field, "{fields}: {envelope}");
    }
    // A wrong type where an enum belongs, and a null service.
    for service in [json!(5), json!(null), json!(["ec2"]), json!({"ec2": true})] {
        let body = json!({"region":"us-east-1","items":[{"id":"a","service":service}]}).to_string();
        let reply = post_json("/api/v1/estimate", body).await;
        assert_eq!(
            reply.status,
            422,
            "{service}: {}",
            String::from_utf8_lossy(&reply.body)
        );
    }
    assert_still_serving().await;
}

#[tokio::test]
async fn duplicate_item_ids_are_refused() {
    let body = json!({"region":"us-east-1","items":[
        {"id":"same","service":"lambda"},
        {"id":"other","service":"lambda"},
        {"id":"same","service":"s3","storage_gb":1}
    ]})
    .to_string();
    let reply = post_json("/api/v1/estimate", body.clone()).await;
    let envelope = assert_client_error(&reply, 422, "duplicate_id");
    assert_eq!(envelope["error"]["field"], "items[2].id");
    let reply = post_json("/api/v1/share", body).await;
    assert_client_error(&reply, 422, "duplicate_id");
    // A key given twice in one object would lose one of its values without a word: refused,
    // naming the repeated field, at the top and inside an item.
    for (body, field) in [
        (
            r#"{"region":"us-east-1","region":"eu-west-1","items":[]}"#,
            "region",
        ),
        (
            r#"{"region":"us-east-1","items":[{"id":"a","service":"s3","storage_gb":1,"storage_gb":1000}]}"#,
            "items[0].storage_gb",
        ),
    ] {
        let reply = post_json("/api/v1/estimate", body).await;
        let envelope = assert_client_error(&reply, 422, "invalid_value");
        assert_eq!(envelope["error"]["field"], field);
    }
    assert_still_serving().await;
}

#[tokio::test]
async fn bodies_that_are_not_utf8_are_refused_with_400() {
    let mut latin1 = br#"{"region":"us-east-1","name":"caf"#.to_vec();
    latin1.extend_from_slice(&[0xE9]);
    latin1.extend_from_slice(br#"","items":[]}"#);
    let bodies: [Vec<u8>; 4] = [
        latin1,
        vec![0xFF, 0xFE, b'{', 0, b'}', 0],
        vec![0xC0, 0x80],
        // A lone surrogate, encoded as UTF-8 bytes (CESU-8).
        br#"{"region":""#.iter().copied().chain([0xED, 0xA0, 0x80]).chain(*br#"","items":[]}"#).collect(),
    ];
    for body in bodies {
        let reply = post_json("/api/v1/estimate", body.clone()).await;
        assert_client_error(&reply, 400, "invalid_json");
    }
    // An escaped lone surrogate is valid UTF-8 but not a valid JSON string for serde.
    let reply = post_json("/api/v1/estimate", r#"{"region":"\ud800","items":[]}"#).await;
    assert!(
        reply.status.is_client_error(),
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    // Empty, truncated and trailing garbage.
    for body in [
        "",
        "{",
        r#"{"region":"us-east-1","items":[]} x"#,
        "null",
        "[]",
        "\"\"",
    ] {
        let reply = post_json("/api/v1/estimate", body).await;
        assert!(reply.status.is_client_error(), "{body:?}: {}", reply.status);
        assert!(reply.json()["error"]["code"].is_string(), "{body:?}");
    }
    assert_still_serving().await;
}

#[tokio::test]
async fn wrong_content_types_are_refused_with_415() {
    let types = [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        Some("application/jsonp"),
        Some("text/json"),
        Some(""),
    ];
    for content_type in types {
        let mut request = Request::post("/api/v1/estimate");
        if let Some(t) = content_type {
            request = request.header("content-type", t);
        }
        let reply = send(
            request
                .body(Body::from(valid_estimate()))
                .expect("a valid request"),
        )
        .await;
        assert_client_error(&reply, 415, "unsupported_media_type");
    }
    // Parameters and case are fine.
    for t in ["application/json; charset=utf-8", "Application/JSON"] {
        let reply = send(
            Request::post("/api/v1/estimate")
                .header("content-type", t)
                .body(Body::from(valid_estimate()))
                .expect("a valid request"),
        )
        .await;
        assert_eq!(reply.status, 200, "{t}");
    }
    assert_still_serving().await;
}

#[tokio::test]
async fn wrong_methods_and_unknown_api_paths_answer_json_4xx() {
    let reply = get("/api/v1/estimate").await;
    assert_client_error(&reply, 405, "method_not_allowed");
    let reply = post_json("/api/v1/nothing-here", "{}").await;
    assert_client_error(&reply, 404, "not_found");
    let reply = get(&format!("/api/{}", "a/".repeat(5000))).await;
    let envelope = assert_client_error(&reply, 404, "not_found");
    assert!(
        envelope["error"]["message"]
            .as_str()
            .is_some_and(|m| m.len() < 400)
    );
    assert_still_serving().await;
}

// ---------------------------------------------------------------------------------------------
// Share tokens
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn tampered_share_tokens_are_refused_with_400_invalid_token() {
    let request =
        model::EstimateRequest::from_json(valid_estimate().as_bytes()).expect("a valid request");
    let token = model::share::encode(&request);
    let reply = get(&format!("/api/v1/estimate/{token}")).await;
    assert_eq!(reply.status, 200, "the untouched token opens");

    let mut flipped = token.clone().into_bytes();
    let mid = flipped.len() / 2;
    flipped[mid] = if flipped[mid] == b'A' { b'B' } else { b'A' };
    let flipped = String::from_utf8(flipped).expect("ASCII");
    let truncated = token[..token.len() - 6].to_owned();
    // A deflate bomb: 4 MiB of JSON that packs into a few kilobytes.
    let bomb = {
        let mut huge = request.clone();
        huge.name = Some("n".repeat(4 * 1024 * 1024));
        model::share::encode(&huge)
    };
    assert!(
        bomb.len() < model::share::MAX_TOKEN_LEN,
        "the bomb is a short token"
    );
    let tokens = [
        flipped,
        truncated,
        format!("v2{}", &token[2..]),
        "v1.".to_owned(),
        "v1.%00%00".to_owned(),
        "v1.====".to_owned(),
        // Long but within what a URI can carry (64 KiB): decodes to garbage, not a request.
        "v1.".to_owned() + &"A".repeat(60_000),
        bomb,
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd".to_owned(),
    ];
    for bad in tokens {
        let reply = get(&format!("/api/v1/estimate/{bad}")).await;
        assert_client_error(&reply, 400, "invalid_token");
    }
    assert_still_serving().await;
}

// ---------------------------------------------------------------------------------------------
// Connections
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_loris_client_is_disconnected_while_others_are_served() {
    let addr = start(state()).await;
    let mut slow = TcpStream::connect(addr).await.expect("connects");
    slow.write_all(b"POST /api/v1/est")
        .await
        .expect("half a request line is sent");
    let started = Instant::now();

    // Meanwhile a normal client is served at once.
    assert_socket_still_serving(addr).await;

    // The header read timeout is 5 s; allow a loose margin for a loaded machine.
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(30), slow.read_to_end(&mut answer)).await;
    let waited = started.elapsed();
    assert!(
        read.is_ok(),
        "the slow client was still connected after {waited:?}"
    );
    assert!(
        waited >= Duration::from_secs(3),
        "the slow client was cut off before the header timeout: {waited:?}"
    );
    let text = String::from_utf8_lossy(&answer);
    assert!(!text.starts_with("HTTP/1.1 5"), "{text}");

    // A client that connects and sends nothing at all is not kept forever either.
    let mut idle = TcpStream::connect(addr).await.expect("connects");
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(30), idle.read_to_end(&mut answer)).await;
    assert!(read.is_ok(), "an idle connection was kept for 30 s");

    assert_socket_still_serving(addr).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_never_arrives_times_out_without_a_5xx() {
    let addr = start(state()).await;
    let mut stream = TcpStream::connect(addr).await.expect("connects");
    // The headers promise 100 bytes; 10 arrive, then the client stalls.
    stream
        .write_all(
            b"POST /api/v1/estimate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
              Content-Length: 100\r\nConnection: close\r\n\r\n{\"region\":",
        )
        .await
        .expect("sent");
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(40), stream.read_to_end(&mut answer)).await;
    assert!(
        read.is_ok(),
        "the stalled body held the connection for 40 s"
    );
    let text = String::from_utf8_lossy(&answer);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(text.contains("\"timeout\""), "{text}");
    assert_socket_still_serving(addr).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_on_the_socket_gets_a_4xx_or_a_close_and_never_a_5xx() {
    let addr = start(state()).await;
    let garbage: [&[u8]; 5] = [
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 TLS hello\r\n\r\n",
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\nzz\r\n",
        b"\r\n\r\n\r\n\r\n",
    ];
    for bytes in garbage {
        let mut stream = TcpStream::connect(addr).await.expect("connects");
        let _ = stream.write_all(bytes).await;
        let mut answer = Vec::new();
        let read =
            tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut answer)).await;
        assert!(
            read.is_ok(),
            "{:?} held the connection",
            String::from_utf8_lossy(bytes)
        );
        let text = String::from_utf8_lossy(&answer);
        assert!(
            !text.starts_with("HTTP/1.1 5"),
            "{:?}: {text}",
            String::from_utf8_lossy(bytes)
        );
    }
    // Headers far larger than any browser sends.
    let huge = format!(
        "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        "a".repeat(1024 * 1024)
    );
    let mut stream = TcpStream::connect(addr).await.expect("connects");
    let _ = stream.write_all(huge.as_bytes()).await;
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut answer)).await;
    assert!(!String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 5"));
    assert_socket_still_serving(addr).await;
}

// ---------------------------------------------------------------------------------------------
// Static files
// ---------------------------------------------------------------------------------------------

/// A temporary front end: `dist/index.html` beside a secret file the server must never serve.
fn dist_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("cloudcalc-hostile-{}", std::process::id()));
        let dist = root.join("dist");
        std::fs::create_dir_all(dist.join("assets")).expect("a temp dist dir");
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>app</title>INDEX",
        )
        .expect("index.html");
        std::fs::write(dist.join("assets/app.css"), "body{}").expect("an asset");
        std::fs::write(root.join("secret.txt"), "TOP-SECRET-CONTENT").expect("a secret");
        dist
    })
}

fn state_with_dist() -> cloudcalc::AppState {
    static STATE: OnceLock<cloudcalc::AppState> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let book = pricing::load::bundled().expect("the bundled price book loads");
            cloudcalc::AppState::new(book, Some(dist_dir().clone()))
        })
        .clone()
}

const TRAVERSALS: [&str; 10] = [
    "/../Cargo.toml",
    "/../secret.txt",
    "/assets/../../secret.txt",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/%2e%2e/secret.txt",
    "/..%2fCargo.toml",
    "/..%2fsecret.txt",
    "/%2E%2E%2Fsecret.txt",
    "/..%5csecret.txt",
    "/assets/..%2F..%2Fsecret.txt",
];

fn assert_nothing_leaked(path: &str, status: u16, body: &str) {
    assert_eq!(status, 404, "{path}: {body}");
    for secret in ["TOP-SECRET-CONTENT", "[package]", "[workspace]", "root:"] {
        assert!(!body.contains(secret), "{path} leaked {secret}: {body}");
    }
}

#[tokio::test]
async fn path_traversal_on_static_files_finds_nothing() {
    let app_state = state_with_dist();
    let reply = |path: &'static str| {
        let app_state = app_state.clone();
        async move {
            let response = cloudcalc::app(app_state)
                .oneshot(
                    Request::get(path)
                        .body(Body::empty())
                        .expect("a valid request"),
                )
                .await
                .expect("the router is infallible");
            let status = response.status().as_u16();
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .expect("a readable body");
            (status, String::from_utf8_lossy(&body).into_owned())
        }
    };
    let (status, body) = reply("/assets/app.css").await;
    assert_eq!(
        (status, body.as_str()),
        (200, "body{}"),
        "the real asset is served"
    );
    for path in TRAVERSALS {
        let (status, body) = reply(path).await;
        assert_nothing_leaked(path, status, &body);
    }
    assert_still_serving().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn path_traversal_over_the_socket_finds_nothing() {
    // Raw request lines: no client library gets the chance to normalise the dots away.
    let addr = start(state_with_dist()).await;
    for path in TRAVERSALS {
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        let (status, text) = raw(addr, request.as_bytes()).await;
        assert!(status < 500, "{path}: {text}");
        // hyper may refuse some request lines itself with 400; both are fine, a file is not.
        if status != 400 {
            assert_nothing_leaked(path, status, &text);
        }
    }
    let (status, text) = raw(
        addr,
        b"GET /assets/app.css HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert_eq!(status, 200, "{text}");
    assert_socket_still_serving(addr).await;
}
