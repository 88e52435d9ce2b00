//! The app in a real headless Chromium against the real router, as a person uses it.
//!
//! Needs the built front end (`trunk build --release --offline` at the workspace root) and
//! `chromium` + `chromedriver` on PATH. The server sends its Content-Security-Policy on every
//! response, so these tests also prove the app runs under it (no inline script or style).

use cloudcalc_tests::browser::{Browser, Server, exclusive, percent_decode, usd};
use model::{EstimateRequest, EstimateResponse, ItemSpec};

const DESKTOP: (u32, u32) = (1280, 900);

/// The estimate the page currently shows, read back from its URL (`/e/<token>`).
async fn estimate_in_url(browser: &Browser) -> EstimateRequest {
    let path = browser.path().await;
    let token = path
        .strip_prefix("/e/")
        .unwrap_or_else(|| panic!("the URL holds no estimate: {path}"));
    model::share::decode(token).expect("the URL's token decodes")
}

/// What the API says the estimate costs.
async fn price(server: &Server, request: &EstimateRequest) -> EstimateResponse {
    reqwest::Client::new()
        .post(server.url("/api/v1/estimate"))
        .json(request)
        .send()
        .await
        .expect("the API answers")
        .error_for_status()
        .expect("the estimate is priced")
        .json()
        .await
        .expect("an estimate response")
}

/// Waits until the page's monthly total equals the API's answer for the estimate in its URL,
/// and returns that answer.
async fn settled(browser: &Browser, server: &Server) -> EstimateResponse {
    let started = std::time::Instant::now();
    // The page re-prices 250 ms after the last keystroke: agreement must outlast that.
    let mut agreeing_since: Option<std::time::Instant> = None;
    loop {
        // Until the first re-price the URL holds no estimate yet.
        let path = browser.path().await;
        let Some(request) = path
            .strip_prefix("/e/")
            .and_then(|t| model::share::decode(t).ok())
        else {
            assert!(
                started.elapsed() < cloudcalc_tests::browser::PATIENCE,
                "the URL never held an estimate: {path}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(150)).await;
            continue;
        };
        let response = price(server, &request).await;
        let expected = usd(response.totals.monthly.amount());
        let shown = browser.text("[data-testid=total-monthly]").await;
        let status = browser.text("[data-testid=bill-status]").await;
        if shown == expected && status.trim().is_empty() {
            let since = *agreeing_since.get_or_insert_with(std::time::Instant::now);
            if since.elapsed() > std::time::Duration::from_millis(700) {
                return response;
            }
        } else {
            agreeing_since = None;
        }
        assert!(
            started.elapsed() < cloudcalc_tests::browser::PATIENCE,
            "the page shows {shown:?} ({status:?}) but the API prices its estimate at {expected}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
}

#[tokio::test]
async fn the_shell_runs_the_wasm_app_and_shows_the_api_health() {
    let _one = exclusive().await;
    let server = Server::start().await;
    let browser = Browser::start(DESKTOP.0, DESKTOP.1, "en-US").await;

    browser.open(&server.url("/")).await;

    let health: serde_json::Value = reqwest::get(server.url("/healthz"))
        .await
        .expect("healthz answers")
        .json()
        .await
        .expect("healthz is JSON");
    let date = health["price_date"]
        .as_str()
        .expect("a price date")
        .to_owned();
    let shown = browser
        .wait_text("[data-testid=health]", |t| t.starts_with("API ok"))
        .await;
    assert_eq!(shown, format!("API ok · prices as of {date}"));
    assert_eq!(
        browser.text("[data-testid=app-version]").await,
        env!("CARGO_PKG_VERSION")
    );
    // The static "Loading…" line is gone: the WASM app replaced it.
    assert_eq!(browser.text("#boot").await, "");
    browser.close().await;
}

#[tokio::test]
async fn an_estimate_typed_by_hand_matches_the_api_and_survives_its_link_and_csv() {
    let _one = exclusive().await;
    let server = Server::start().await;
    let browser = Browser::start(DESKTOP.0, DESKTOP.1, "en-US").await;
    browser.open(&server.url("/")).await;

    // A fresh page starts with one EC2 card; add the other four services.
    for service in ["lambda", "s3", "rds", "aurora"] {
        browser.click(&format!("[data-testid=add-{service}]")).await;
        browser
            .find(&format!("[data-testid=item-card][data-service={service}]"))
            .await;
    }
    let ec2 = "[data-testid=item-card][data-service=ec2]";
    browser
        .type_into(&format!("{ec2} input[data-field=count]"), "2")
        .await;
    browser
        .type_into(&format!("{ec2} input[data-field=label]"), "Web servers")
        .await;
    browser
        .type_into(
            "[data-testid=item-card][data-service=lambda] input[data-field=requests_per_month]",
            "5,000,000",
        )
        .await;
    browser
        .type_into(
            "[data-testid=item-card][data-service=s3] input[data-field=storage_gb]",
            "250",
        )
        .await;
    browser
        .choose(
            "[data-testid=item-card][data-service=rds] select[data-field=deployment]",
            "multi_az",
        )
        .await;

    let response = settled(&browser, &server).await;
    let request = estimate_in_url(&browser).await;
    assert_eq!(request.items.len(), 5);
    let ItemSpec::Ec2(e) = &request.items[0].spec else {
        panic!("the first item is EC2")
    };
    assert_eq!(
        (e.count, request.items[0].label.as_deref()),
        (2, Some("Web servers"))
    );
    assert!(!response.totals.monthly.is_zero());
    assert_eq!(
        browser.text("[data-testid=total-first-12]").await,
        usd(response.totals.first_12_months.amount())
    );
    assert_eq!(
        browser.text("[data-testid=price-date]").await,
        response.price_date
    );

    // A change re-prices.
    let before = browser.text("[data-testid=total-monthly]").await;
    browser
        .type_into(&format!("{ec2} input[data-field=count]"), "3")
        .await;
    browser
        .wait_text("[data-testid=total-monthly]", |t| {
            !t.is_empty() && t != before
        })
        .await;
    let response = settled(&browser, &server).await;
    let total = browser.text("[data-testid=total-monthly]").await;

    // Share, then open the link in a fresh page: the same estimate, the same total.
    browser.click("[data-testid=share]").await;
    let link = browser
        .find("[data-testid=share-url]")
        .await
        .prop("value")
        .await
        .expect("the link's value")
        .unwrap_or_default();
    assert!(link.starts_with(&server.url("/e/v1.")), "{link}");
    browser
        .client
        .goto("about:blank")
        .await
        .expect("a blank page");
    browser.open(&link).await;
    browser
        .wait_text("[data-testid=total-monthly]", |t| t == total)
        .await;
    assert_eq!(
        browser
            .find("[data-testid=item-card][data-service=ec2] input[data-field=count]")
            .await
            .prop("value")
            .await
            .ok()
            .flatten()
            .as_deref(),
        Some("3")
    );

    // The CSV export holds every line item of the API's answer.
    let href = browser
        .find("[data-testid=export-csv]")
        .await
        .attr("href")
        .await
        .expect("the link's href")
        .unwrap_or_default();
    let csv = percent_decode(
        href.strip_prefix("data:text/csv;charset=utf-8,")
            .expect("a CSV data URL"),
    );
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "item,service,region,line_item,quantity,unit,unit_price,amount"
    );
    let lines: usize = response.items.iter().map(|i| i.line_items.len()).sum();
    assert_eq!(rows.len(), 1 + lines, "{csv}");
    let first = &response.items[0].line_items[0];
    assert!(rows[1].starts_with("Web servers,ec2,"), "{}", rows[1]);
    assert!(
        rows[1].ends_with(&format!(",{}", first.amount)),
        "{} vs {first:?}",
        rows[1]
    );
    browser.close().await;
}

#[tokio::test]
async fn switching_to_korean_shows_korean_labels() {
    let _one = exclusive().await;
    let server = Server::start().await;
    let browser = Browser::start(DESKTOP.0, DESKTOP.1, "en-US").await;
    browser.open(&server.url("/")).await;
    assert_eq!(browser.text("#bill-title").await, "Monthly bill");

    browser.click("[data-testid=lang-switch]").await;

    browser
        .wait_text("#bill-title", |t| t == "월 청구 금액")
        .await;
    assert_eq!(browser.text("[data-testid=add-ec2]").await, "+ Amazon EC2");
    assert_eq!(browser.text("label[for=est-region]").await, "리전");
    assert_eq!(browser.text("[data-testid=lang-switch]").await, "English");
    browser.close().await;
}

#[tokio::test]
async fn a_korean_browser_starts_in_korean_in_seoul() {
    let _one = exclusive().await;
    let server = Server::start().await;
    let browser = Browser::start(390, 844, "ko-KR").await;
    browser.open(&server.url("/")).await;
    browser
        .wait_text("#bill-title", |t| t == "월 청구 금액")
        .await;
    let region = browser
        .find("[data-testid=region]")
        .await
        .prop("value")
        .await
        .ok()
        .flatten();
    assert_eq!(region.as_deref(), Some("ap-northeast-2"));
    browser
        .wait_text("[data-testid=total-monthly]", |t| t.starts_with('$'))
        .await;
    browser.close().await;
}

#[tokio::test]
async fn an_invalid_value_shows_the_error_at_its_field() {
    let _one = exclusive().await;
    let server = Server::start().await;
    let browser = Browser::start(DESKTOP.0, DESKTOP.1, "en-US").await;
    browser.open(&server.url("/")).await;
    let ec2 = "[data-testid=item-card][data-service=ec2]";

    // Found by the form itself.
    browser
        .type_into(&format!("{ec2} input[data-field=count]"), "two")
        .await;
    let error = browser
        .wait_text(
            &format!("{ec2} [data-testid=field-error][data-field=count]"),
            |t| !t.is_empty(),
        )
        .await;
    assert_eq!(error, "Not a number.");
    let invalid = browser
        .find(&format!("{ec2} input[data-field=count]"))
        .await
        .attr("aria-invalid")
        .await
        .ok()
        .flatten();
    assert_eq!(invalid.as_deref(), Some("true"));

    // Found by the API, placed by its `field` path.
    browser
        .type_into(&format!("{ec2} input[data-field=count]"), "1")
        .await;
    browser
        .type_into(
            &format!("{ec2} input[data-field=instance_type]"),
            "m5.colossal",
        )
        .await;
    let error = browser
        .wait_text(
            &format!("{ec2} [data-testid=field-error][data-field=instance_type]"),
            |t| !t.is_empty(),
        )
        .await;
    assert!(error.contains("m5.colossal"), "{error}");
    assert_eq!(
        browser
            .text(&format!(
                "{ec2} [data-testid=field-error][data-field=count]"
            ))
            .await,
        ""
    );
    browser.close().await;
}

#[tokio::test]
async fn a_broken_link_shows_a_message_and_an_empty_estimate() {
    let _one = exclusive().await;
    let server = Server::start().await;
    let browser = Browser::start(DESKTOP.0, DESKTOP.1, "en-US").await;
    browser
        .open(&server.url("/e/v1.this-is-not-an-estimate"))
        .await;
    let message = browser
        .wait_text("[data-testid=link-error]", |t| !t.is_empty())
        .await;
    assert!(
        message.starts_with("This link could not be opened"),
        "{message}"
    );
    assert!(!browser.text("[data-testid=empty]").await.is_empty());
    browser
        .wait_text("[data-testid=total-monthly]", |t| t == "$0.00")
        .await;
    browser.close().await;
}

/// An estimate with one item of each service, as a share link.
fn sample_link(server: &Server, region: &str) -> String {
    let json = format!(
        r#"{{"name":"Shop","region":"{region}","items":[
        {{"id":"web","label":"Web servers","service":"ec2","instance_type":"m5.large","count":2,
          "ebs":[{{"volume_type":"gp3","size_gb":30}}]}},
        {{"id":"api","label":"API functions","service":"lambda","requests_per_month":5000000,"avg_duration_ms":120,"memory_mb":512}},
        {{"id":"assets","label":"Assets","service":"s3","storage_gb":500,"put_requests_per_month":10000,"get_requests_per_month":1000000}},
        {{"id":"orders","label":"Orders DB","service":"rds","engine":"mysql","instance_class":"db.m5.large","deployment":"multi_az",
          "storage":{{"type":"gp3","size_gb":100}}}},
        {{"id":"catalog","label":"Catalog DB","service":"aurora","engine":"aurora_postgresql",
          "instances":[{{"instance_class":"db.r6g.large","count":2}}],"storage_gb":200,"io_requests_per_month":50000000}}]}}"#
    );
    let request = EstimateRequest::from_json(json.as_bytes()).expect("the sample decodes");
    server.url(&format!("/e/{}", model::share::encode(&request)))
}

#[tokio::test]
async fn a_shared_link_reproduces_the_estimate_and_its_figures() {
    let _one = exclusive().await;
    let server = Server::start().await;
    let browser = Browser::start(DESKTOP.0, DESKTOP.1, "en-US").await;
    let link = sample_link(&server, "us-east-1");
    browser.open(&link).await;
    let response = settled(&browser, &server).await;
    assert_eq!(response.items.len(), 5);
    let label = browser
        .find("[data-testid=item-card][data-item=web] input[data-field=label]")
        .await
        .prop("value")
        .await
        .ok()
        .flatten();
    assert_eq!(label.as_deref(), Some("Web servers"));
    assert_eq!(
        browser.path().await,
        link.trim_start_matches(&server.base),
        "opening a link leaves it as it is"
    );
    browser.close().await;
}

/// Not a check: takes the screenshots in `docs/` (run with `--ignored`).
#[tokio::test]
#[ignore = "writes docs/ screenshots; run with --ignored"]
async fn screenshots_of_the_main_screens() {
    let _one = exclusive().await;
    let server = Server::start().await;
    let docs = cloudcalc_tests::browser::workspace_root().join("docs");
    std::fs::create_dir_all(&docs).expect("docs/");
    for (lang, region, width, height, name) in [
        ("en-US", "us-east-1", 1280, 1500, "desktop-en"),
        ("ko-KR", "ap-northeast-2", 1280, 1500, "desktop-ko"),
        ("en-US", "us-east-1", 390, 1600, "phone-en"),
        ("ko-KR", "ap-northeast-2", 390, 1600, "phone-ko"),
    ] {
        let browser = Browser::start(width, height, lang).await;
        browser.open(&sample_link(&server, region)).await;
        if lang.starts_with("ko") && browser.text("#bill-title").await != "월 청구 금액" {
            browser.click("[data-testid=lang-switch]").await;
        }
        settled(&browser, &server).await;
        let png = browser.client.screenshot().await.expect("a screenshot");
        std::fs::write(docs.join(format!("screenshot-{name}.png")), png)
            .expect("writing the screenshot");
        browser.close().await;
    }
}
