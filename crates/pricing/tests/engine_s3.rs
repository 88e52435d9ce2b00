//! S3 billing rules: Standard tiers on the region's total, the 128 KB minimum, the 40 KB
//! Glacier overhead, Intelligent-Tiering monitoring, requests and retrievals
//! (https://aws.amazon.com/s3/pricing/).

mod engine_support;

use engine_support::*;

#[test]
fn standard_storage_tiers_apply_to_the_regions_total_in_item_order() {
    // 40 TB (40,960 GB) then 20 TB (20,480 GB); the first tier is 50 TB (51,200 GB).
    // a: 40,960 × $0.023 = $942.08. b: 10,240 × $0.023 = $235.52 + 10,240 × $0.022 = $225.28
    // = $460.80. Total: 51,200 × 0.023 + 10,240 × 0.022 = $1,402.88.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"a","service":"s3","storage_gb":40960},{"id":"b","service":"s3","storage_gb":20480}]}"#,
    );
    assert_eq!(r.items[0].monthly, usd("942.08"));
    assert_eq!(r.items[1].monthly, usd("460.80"));
    let names: Vec<_> = r.items[1]
        .line_items
        .iter()
        .map(|l| l.name.clone())
        .collect();
    assert_eq!(
        names,
        [
            "Storage (S3 Standard, first 50 TB)",
            "Storage (S3 Standard, next 450 TB)"
        ]
    );
    assert_eq!(r.totals.monthly, usd("1402.88"));
}

#[test]
fn infrequent_access_bills_at_least_128_kb_per_object() {
    // 1,000,000 objects of 64 KB = 61.03515625 GB stored, billed as 1,000,000 × 128 KB /
    // 1,048,576 KB per GB = 122.0703125 GB × $0.0125 = $1.52587890625 → $1.53.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"ia","service":"s3","storage_class":"standard_ia","storage_gb":"61.03515625","object_count":1000000,"avg_object_size_kb":64}]}"#,
    );
    let l = line(&r.items[0], "Storage");
    assert_eq!(l.quantity, d("122.0703125"));
    assert_eq!(l.amount, usd("1.53"));
    assert!(l.formula.contains("128 KB minimum"), "{}", l.formula);
}

#[test]
fn per_object_rules_are_skipped_with_a_warning_without_an_object_count() {
    // 100 GB × $0.0125 = $1.25.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"ia","service":"s3","storage_class":"standard_ia","storage_gb":100}]}"#,
    );
    assert_eq!(r.totals.monthly, usd("1.25"));
    assert_eq!(r.items[0].warnings[0].code, "per_object_rules_skipped");
}

#[test]
fn glacier_flexible_retrieval_adds_32_kb_at_its_rate_and_8_kb_at_standard_rates_per_object() {
    // 1,048,576 objects: 32 KB each = 32 GB × $0.0036 = $0.1152; 8 KB each = 8 GB × $0.023 =
    // $0.184; storage 1,000 GB × $0.0036 = $3.60. Total $3.8992 → $3.90.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"g","service":"s3","storage_class":"glacier_flexible_retrieval","storage_gb":1000,"object_count":1048576}]}"#,
    );
    let item = &r.items[0];
    assert_eq!(line(item, "Object metadata overhead").quantity, d("32"));
    let index = line(item, "Object index overhead");
    assert_eq!(index.quantity, d("8"));
    assert_eq!(index.unit_price, d("0.023"));
    assert_eq!(item.monthly, usd("3.90"));
}

#[test]
fn intelligent_tiering_monitors_only_objects_of_at_least_128_kb() {
    // 1,000 GB at the Frequent Access rate $0.023 = $23.00; 1,000,000 objects of 512 KB are
    // monitored: 1,000,000 × $0.0000025 = $2.50. Objects of 64 KB are not monitored.
    let r = price(
        r#"{"region":"us-east-1","items":[
            {"id":"big","service":"s3","storage_class":"intelligent_tiering","storage_gb":1000,"object_count":1000000,"avg_object_size_kb":512},
            {"id":"small","service":"s3","storage_class":"intelligent_tiering","storage_gb":1,"object_count":1000000,"avg_object_size_kb":64}]}"#,
    );
    assert_eq!(
        line(&r.items[0], "Monitoring and automation").amount,
        usd("2.50")
    );
    assert_eq!(r.items[0].monthly, usd("25.50"));
    assert!(lines(&r.items[1], "Monitoring").is_empty());
    assert!(
        r.items[0]
            .warnings
            .iter()
            .any(|w| w.code == "intelligent_tiering_assumed_frequent")
    );
}

#[test]
fn requests_and_retrievals_are_billed_per_request_and_per_gb() {
    // PUT 1,000,000 × $0.000005 = $5; GET 10,000,000 × $0.0000004 = $4 (Standard).
    // Standard-IA retrieval 100 GB × $0.01 = $1, plus 10 GB × $0.0125 = $0.125 storage.
    let r = price(
        r#"{"region":"us-east-1","items":[
            {"id":"s","service":"s3","put_requests_per_month":1000000,"get_requests_per_month":10000000},
            {"id":"ia","service":"s3","storage_class":"standard_ia","storage_gb":10,"object_count":10,"retrieval_gb_per_month":100}]}"#,
    );
    assert_eq!(r.items[0].monthly, usd("9"));
    assert_eq!(line(&r.items[1], "Data retrieval").amount, usd("1"));
    assert_eq!(r.items[1].monthly, usd("1.13"));
}
