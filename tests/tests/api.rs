//! The JSON API, driven in memory through the router and once over a real socket.
//! Expected figures are derived by hand from the published prices named in each test.

use cloudcalc_tests::{get, post_json};
use serde_json::json;

#[tokio::test]
async fn the_contract_example_prices_two_m5_large_instances_at_140_16() {
    // m5.large Linux On-Demand in us-east-1 is $0.096 per hour (AWS EC2 pricing page feed,
    // 2025-11-20): 2 instances × 730 hours × $0.096 = $140.16.
    let reply = post_json(
        "/api/v1/estimate",
        json!({"region":"us-east-1","items":[{"id":"web","service":"ec2","instance_type":"m5.large","count":2}]}).to_string(),
    )
    .await;
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    let body = reply.json();
    assert_eq!(body["currency"], "USD");
    assert_eq!(body["totals"]["monthly"], "140.16");
    assert_eq!(body["totals"]["upfront"], "0.00");
    assert_eq!(body["totals"]["first_12_months"], "1681.92");
    let line = &body["items"][0]["line_items"][0];
    assert_eq!(line["quantity"], "1460");
    assert_eq!(line["unit"], "hours");
    assert_eq!(line["unit_price"], "0.096");
    assert_eq!(line["monthly"], "140.16");
    assert!(
        body["price_date"].as_str().is_some_and(|d| d.len() >= 10),
        "{body}"
    );
}

#[tokio::test]
async fn an_unknown_instance_type_is_rejected_with_its_field_path() {
    let reply = post_json(
        "/api/v1/estimate",
        json!({"region":"us-east-1","items":[{"id":"a","service":"lambda"},{"id":"b","service":"ec2","instance_type":"m5.gigantic"}]}).to_string(),
    )
    .await;
    assert_eq!(reply.status, 422);
    let body = reply.json();
    assert_eq!(body["error"]["field"], "items[1].instance_type");
    assert_eq!(body["error"]["code"], "unknown_option");
}

#[tokio::test]
async fn an_unknown_region_is_rejected() {
    let reply = post_json(
        "/api/v1/estimate",
        json!({"region":"mars-north-1","items":[{"id":"a","service":"lambda","requests_per_month":1}]}).to_string(),
    )
    .await;
    assert_eq!(reply.status, 422);
    assert_eq!(reply.json()["error"]["code"], "unknown_region");
}

#[tokio::test]
async fn an_unknown_enum_value_lists_the_valid_choices() {
    let reply = post_json(
        "/api/v1/estimate",
        json!({"region":"us-east-1","items":[{"id":"a","service":"ec2","instance_type":"m5.large","operating_system":"beos"}]}).to_string(),
    )
    .await;
    assert_eq!(reply.status, 422);
    let body = reply.json();
    assert_eq!(body["error"]["field"], "items[0].operating_system");
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("`linux`") && message.contains("`suse`"),
        "{message}"
    );
}

#[tokio::test]
async fn malformed_json_is_a_400_in_the_error_envelope() {
    let reply = post_json("/api/v1/estimate", "{\"region\": ").await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["error"]["code"], "invalid_json");
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_415() {
    let reply = cloudcalc_tests::send(
        axum::http::Request::post("/api/v1/estimate")
            .header("content-type", "text/plain")
            .body(axum::body::Body::from("{}"))
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, 415);
    assert_eq!(reply.json()["error"]["code"], "unsupported_media_type");
}

#[tokio::test]
async fn a_share_token_round_trips_to_the_same_figures() {
    let estimate = json!({"region":"ap-northeast-2","items":[{"id":"web","service":"ec2","instance_type":"m5.large"}]});
    let shared = post_json("/api/v1/share", estimate.to_string()).await;
    assert_eq!(shared.status, 200);
    let shared = shared.json();
    let token = shared["token"].as_str().expect("a token");
    assert_eq!(shared["url"], format!("/e/{token}"));
    let direct = post_json("/api/v1/estimate", estimate.to_string())
        .await
        .json();
    let via_token = get(&format!("/api/v1/estimate/{token}")).await;
    assert_eq!(via_token.status, 200);
    assert_eq!(via_token.json()["totals"], direct["totals"]);
    // Seoul m5.large Linux On-Demand is $0.118 per hour: 730 × 0.118 = 86.14.
    assert_eq!(direct["totals"]["monthly"], "86.14");
}

#[tokio::test]
async fn a_tampered_share_token_is_a_400() {
    let reply = get("/api/v1/estimate/v1.AAAAAAAA").await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["error"]["code"], "invalid_token");
}

#[tokio::test]
async fn unknown_api_paths_are_a_json_404() {
    let reply = get("/api/v1/nothing-here").await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.json()["error"]["code"], "not_found");
}

#[tokio::test]
async fn the_wrong_method_is_a_json_405() {
    let reply = get("/api/v1/estimate").await;
    assert_eq!(reply.status, 405);
    assert_eq!(reply.json()["error"]["code"], "method_not_allowed");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    for reply in [
        get("/healthz").await,
        get("/api/v1/nothing").await,
        get("/").await,
    ] {
        let csp = reply.header("content-security-policy").expect("a CSP");
        assert!(
            csp.contains("'wasm-unsafe-eval'") && csp.contains("frame-ancestors 'none'"),
            "{csp}"
        );
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
        assert!(reply.header("referrer-policy").is_some());
    }
}

#[tokio::test]
async fn healthz_reports_ok_with_the_version_and_price_date() {
    let reply = get("/healthz").await;
    assert_eq!(reply.status, 200);
    let body = reply.json();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
    assert!(
        body["price_date"]
            .as_str()
            .is_some_and(|d| d.starts_with("20")),
        "{body}"
    );
}

#[tokio::test]
async fn the_catalog_is_cacheable_with_an_etag() {
    let reply = get("/api/v1/catalog").await;
    assert_eq!(reply.status, 200);
    let etag = reply.header("etag").expect("an ETag").to_owned();
    let body = reply.json();
    let regions = body["regions"].as_array().expect("regions");
    assert!(regions.len() > 30, "{} regions", regions.len());
    assert!(regions.iter().any(|r| r["code"] == "ap-northeast-2"));
    let again = cloudcalc_tests::send(
        axum::http::Request::get("/api/v1/catalog")
            .header("if-none-match", etag)
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(again.status, 304);
}

#[tokio::test]
async fn the_api_answers_over_a_real_socket() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(cloudcalc::serve(
        listener,
        cloudcalc::app(cloudcalc_tests::state()),
        async move {
            let _ = stopped.await;
        },
    ));
    let client = reqwest::Client::new();
    let reply = client
        .post(format!("http://{addr}/api/v1/estimate"))
        .json(&json!({"region":"us-east-1","items":[{"id":"web","service":"ec2","instance_type":"m5.large","count":2}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 200);
    let body: serde_json::Value = reply.json().await.unwrap();
    assert_eq!(body["totals"]["monthly"], "140.16");
    let _ = stop.send(());
    server.await.unwrap().unwrap();
}
