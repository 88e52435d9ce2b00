//! The engine against the bundled price tables (`pricing-data/aws`), where the published
//! us-east-1 figures are known by hand.

use std::sync::OnceLock;

use model::{EstimateRequest, EstimateResponse, Usd};
use pricing::PriceBook;
use rust_decimal::Decimal;

fn book() -> &'static PriceBook {
    static BOOK: OnceLock<PriceBook> = OnceLock::new();
    BOOK.get_or_init(|| match pricing::load::bundled() {
        Ok(b) => b,
        Err(e) => panic!("the bundled tables do not load: {e:#?}"),
    })
}

fn price(json: &str) -> EstimateResponse {
    let req = EstimateRequest::from_json(json.as_bytes()).expect("a valid request");
    match pricing::engine::estimate(book(), &req) {
        Ok(r) => r,
        Err(e) => panic!("not priced: {e:#?}"),
    }
}

fn usd(s: &str) -> Usd {
    Usd::new(s.parse::<Decimal>().expect("decimal"))
}

#[test]
fn the_contract_example_prices_from_the_bundled_tables() {
    // 2 instances × 730 hours × $0.096 = $140.16.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"web","service":"ec2","instance_type":"m5.large","count":2}]}"#,
    );
    assert_eq!(r.totals.monthly, usd("140.16"));
    assert_eq!(
        r.items[0].line_items[0].formula,
        "2 instances × 730 hours × $0.096 per hour"
    );
    assert!(!r.price_date.is_empty());
    assert_eq!(r.price_sources[0].table, "ec2_on_demand");
}

#[test]
fn the_lambda_pricing_page_example_prices_from_the_bundled_tables() {
    // https://aws.amazon.com/lambda/pricing/ : 512 MB, 3M × 1 s, free tier:
    // (1,500,000 − 400,000) × $0.0000166667 + (3M − 1M) × $0.0000002 = $18.33337 + $0.40 = $18.73.
    let r = price(
        r#"{"region":"us-east-1","free_tier":true,"items":[{"id":"f","service":"lambda","requests_per_month":3000000,"avg_duration_ms":1000,"memory_mb":512}]}"#,
    );
    assert_eq!(r.totals.monthly, usd("18.73"));
}

#[test]
fn aurora_standard_and_io_optimized_price_from_the_bundled_tables() {
    // db.r6g.large $0.26 / $0.338 an hour; storage $0.10 / $0.225; I/O $0.0000002.
    // Standard: 730 × 0.26 = 189.80 + 100 × 0.10 = 10 + 50M × 0.0000002 = 10 → $209.80.
    // I/O-Optimized: 730 × 0.338 = 246.74 + 100 × 0.225 = 22.50 → $269.24.
    let body = |config: &str| {
        format!(
            r#"{{"region":"us-east-1","items":[{{"id":"c","service":"aurora","engine":"aurora_postgresql","storage_config":"{config}",
                "instances":[{{"instance_class":"db.r6g.large"}}],"storage_gb":100,"io_requests_per_month":50000000}}]}}"#
        )
    };
    assert_eq!(price(&body("standard")).totals.monthly, usd("209.80"));
    assert_eq!(price(&body("io_optimized")).totals.monthly, usd("269.24"));
}

#[test]
fn a_mixed_estimate_prices_in_every_service_from_the_bundled_tables() {
    let r = price(
        r#"{"region":"us-east-1","free_tier":true,"items":[
            {"id":"web","service":"ec2","instance_type":"m5.large","count":2,"ebs":[{"volume_type":"gp3","size_gb":100}],"public_ipv4_addresses":1,"data_transfer_out_gb":500,
             "pricing":{"model":"reserved","term":"1yr","offering_class":"standard","payment":"no_upfront"}},
            {"id":"fn","service":"lambda","requests_per_month":5000000,"avg_duration_ms":120,"memory_mb":512,"architecture":"arm64"},
            {"id":"assets","service":"s3","storage_gb":2000,"get_requests_per_month":10000000,"data_transfer_out_gb":300},
            {"id":"db","service":"rds","engine":"mysql","instance_class":"db.r6g.large","deployment":"multi_az","storage":{"type":"gp3","size_gb":100},"backup_storage_gb":150}]}"#,
    );
    assert_eq!(r.items.len(), 4);
    let sum: Decimal = r.items.iter().map(|i| i.monthly.amount()).sum();
    // Item amounts are rounded, so they may differ from the total by a cent per item.
    assert!(
        (sum - r.totals.monthly.amount()).abs() <= Decimal::new(4, 2),
        "{sum} vs {}",
        r.totals.monthly
    );
    // RI: 2 × 730 × $0.06 = $87.60.
    assert_eq!(r.items[0].line_items[0].amount, usd("87.60"));
    // RDS Multi-AZ MySQL db.r6g.large: 730 × $0.43 = $313.90 + 100 GB × $0.23 = $23 + backup
    // (150 − 100 free) GB × $0.095 = $4.75 → $341.65.
    assert_eq!(r.items[3].monthly, usd("341.65"));
}

#[test]
fn a_thousand_items_price_quickly_on_the_bundled_tables() {
    let items: Vec<String> = (0..1000)
        .map(|i| match i % 4 {
            0 => format!(r#"{{"id":"i{i}","service":"ec2","instance_type":"m5.large","data_transfer_out_gb":10}}"#),
            1 => format!(r#"{{"id":"i{i}","service":"lambda","requests_per_month":1000000,"avg_duration_ms":120}}"#),
            2 => format!(r#"{{"id":"i{i}","service":"s3","storage_gb":1000}}"#),
            _ => format!(r#"{{"id":"i{i}","service":"rds","engine":"postgresql","instance_class":"db.r6g.large","storage":{{"type":"gp3","size_gb":100}}}}"#),
        })
        .collect();
    let req = EstimateRequest::from_json(
        format!(r#"{{"region":"us-east-1","items":[{}]}}"#, items.join(",")).as_bytes(),
    )
    .expect("valid");
    let book = book();
    let start = std::time::Instant::now();
    let r = pricing::engine::estimate(book, &req).expect("priced");
    let took = start.elapsed();
    eprintln!("a 1,000-item estimate took {took:?}");
    assert_eq!(r.items.len(), 1000);
    assert!(took.as_millis() < 1500, "took {took:?}");
}
