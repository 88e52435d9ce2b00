//! Lambda billing rules: 1 ms rounding, tiers on the estimate's total per region and
//! architecture, the always-free allowance, ephemeral storage and provisioned concurrency.

mod engine_support;

use engine_support::*;

#[test]
fn the_lambda_pricing_page_example_with_the_free_tier() {
    // AWS's example (https://aws.amazon.com/lambda/pricing/): 512 MB, 3 million invocations of
    // 1 s a month, free tier on. Compute: 3,000,000 × 1 s × 0.5 GB = 1,500,000 GB-s − 400,000
    // free = 1,100,000 × $0.0000166667 = $18.33337. Requests: 3,000,000 − 1,000,000 free =
    // 2,000,000 × $0.0000002 = $0.40. Total $18.73337 → $18.73. (The page rounds the price to
    // $0.00001667 and shows $18.34 + $0.40; the published unrounded rate gives $18.33.)
    let r = price(
        r#"{"region":"us-east-1","free_tier":true,"items":[{"id":"f","service":"lambda","requests_per_month":3000000,"avg_duration_ms":1000,"memory_mb":512}]}"#,
    );
    let item = &r.items[0];
    let duration = line(item, "Duration");
    assert_eq!(duration.name, "Duration (x86_64, first 6B GB-seconds)");
    assert_eq!(duration.quantity, d("1100000"));
    assert_eq!(duration.amount, usd("18.33"));
    assert!(
        duration.formula.contains("400,000 free-tier"),
        "{}",
        duration.formula
    );
    let requests = line(item, "Requests");
    assert_eq!(requests.quantity, d("2000000"));
    assert_eq!(requests.amount, usd("0.40"));
    assert_eq!(r.totals.monthly, usd("18.73"));
    assert!(
        r.warnings.iter().any(|w| w.code == "free_tier_applied"),
        "{:#?}",
        r.warnings
    );
}

#[test]
fn without_the_free_tier_every_request_and_gb_second_is_billed() {
    // 1,500,000 × $0.0000166667 = $25.00005; 3,000,000 × $0.0000002 = $0.60. Total $25.60.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"f","service":"lambda","requests_per_month":3000000,"avg_duration_ms":1000,"memory_mb":512}]}"#,
    );
    assert_eq!(r.totals.monthly, usd("25.60"));
}

#[test]
fn duration_is_rounded_up_to_the_whole_millisecond() {
    // 1 ms billing (https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/):
    // 100.2 ms bills 101 ms: 1,000,000 × 0.101 s × 0.125 GB = 12,625 GB-s.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"f","service":"lambda","requests_per_month":1000000,"avg_duration_ms":"100.2","memory_mb":128}]}"#,
    );
    assert_eq!(line(&r.items[0], "Duration").quantity, d("12625"));
}

#[test]
fn duration_tiers_apply_to_the_total_of_all_functions_of_a_region_and_architecture() {
    // Tiers are per account, region and architecture
    // (https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/).
    // Two x86 functions of 1e9 requests × 4 s × 1 GB = 4B GB-s each; 8B GB-s in total.
    // a (first): 4B × $0.0000166667 = $66,666.80 + requests 1e9 × $0.0000002 = $200 → $66,866.80.
    // b: 2B × $0.0000166667 = $33,333.40 + 2B × $0.000015 = $30,000 + $200 → $63,533.40.
    // Check on the total: 6B × 0.0000166667 + 2B × 0.000015 + $400 = $130,400.20.
    // An Arm function of 1 GB-s stays in its own first tier.
    let fun = |id: &str, arch: &str, requests: &str, ms: u32| {
        format!(
            r#"{{"id":"{id}","service":"lambda","architecture":"{arch}","requests_per_month":{requests},"avg_duration_ms":{ms},"memory_mb":1024}}"#
        )
    };
    let r = price(&format!(
        r#"{{"region":"us-east-1","items":[{},{},{}]}}"#,
        fun("a", "x86_64", "1000000000", 4000),
        fun("b", "x86_64", "1000000000", 4000),
        fun("arm", "arm64", "1000", 1000),
    ));
    assert_eq!(r.items[0].monthly, usd("66866.80"));
    assert_eq!(r.items[1].monthly, usd("63533.40"));
    let b: Vec<_> = lines(&r.items[1], "Duration")
        .iter()
        .map(|l| l.name.clone())
        .collect();
    assert_eq!(
        b,
        [
            "Duration (x86_64, first 6B GB-seconds)",
            "Duration (x86_64, next 9B GB-seconds)"
        ]
    );
    // 1,000 × 1 s × 1 GB = 1,000 GB-s × $0.0000133334 = $0.0133334 + 1,000 × $0.0000002.
    assert_eq!(
        line(&r.items[2], "Duration").name,
        "Duration (arm64, first 7.5B GB-seconds)"
    );
    assert_eq!(r.totals.monthly, usd("130400.21"));
    let shared: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.code == "tiers_shared")
        .collect();
    assert!(
        shared.iter().any(|w| w.message.contains("a, b")),
        "{:#?}",
        r.warnings
    );
}

#[test]
fn the_free_allowance_is_shared_by_functions_in_item_order() {
    // a: 300,000 GB-s, all free. b: 300,000 GB-s, 100,000 free (400,000 − 300,000), 200,000 ×
    // $0.0000166667 = $3.33334 → $3.33. Requests: 2 × 300,000 = 600,000, all under 1M free.
    let f = |id: &str| {
        format!(
            r#"{{"id":"{id}","service":"lambda","requests_per_month":300000,"avg_duration_ms":1000,"memory_mb":1024}}"#
        )
    };
    let r = price(&format!(
        r#"{{"region":"us-east-1","free_tier":true,"items":[{},{}]}}"#,
        f("a"),
        f("b")
    ));
    assert_eq!(r.items[0].monthly, usd("0"));
    assert_eq!(
        line(&r.items[0], "Duration").name,
        "Duration (x86_64, free tier)"
    );
    assert_eq!(r.items[1].monthly, usd("3.33"));
    assert_eq!(line(&r.items[1], "Duration").quantity, d("200000"));
}

#[test]
fn ephemeral_storage_is_billed_only_above_512_mb() {
    // 1,000,000 × 1 s × (10,240 − 512) / 1,024 = 9.5 GB → 9,500,000 GB-s × $0.0000000309 =
    // $0.29355 → $0.29. At 512 MB there is no ephemeral line.
    let r = price(
        r#"{"region":"us-east-1","items":[
            {"id":"big","service":"lambda","requests_per_month":1000000,"avg_duration_ms":1000,"ephemeral_storage_mb":10240},
            {"id":"small","service":"lambda","requests_per_month":1000000,"avg_duration_ms":1000}]}"#,
    );
    let l = line(&r.items[0], "Ephemeral storage");
    assert_eq!(l.quantity, d("9500000"));
    assert_eq!(l.amount, usd("0.29"));
    assert!(lines(&r.items[1], "Ephemeral storage").is_empty());
}

#[test]
fn provisioned_concurrency_bills_configured_capacity_and_its_invocations_without_free_tier() {
    // Concurrency 10 × 1 GB × 730 h × 3,600 s = 26,280,000 GB-s × $0.0000041667 = $109.500876.
    // Invocations: 1,000,000 × 0.1 s × 1 GB = 100,000 GB-s × $0.0000097222 = $0.97222.
    // Their requests: 1,000,000 × $0.0000002 = $0.20 (the free tier never applies).
    // Total $110.673096 → $110.67.
    let r = price(
        r#"{"region":"us-east-1","free_tier":true,"items":[{"id":"pc","service":"lambda","memory_mb":1024,
            "provisioned_concurrency":{"concurrency":10,"requests_per_month":1000000,"avg_duration_ms":100}}]}"#,
    );
    let item = &r.items[0];
    assert_eq!(
        line(item, "Provisioned concurrency (").amount,
        usd("109.50")
    );
    assert_eq!(
        line(item, "Provisioned concurrency duration").amount,
        usd("0.97")
    );
    assert_eq!(
        line(item, "Provisioned concurrency requests").amount,
        usd("0.20")
    );
    assert_eq!(item.monthly, usd("110.67"));
    assert!(
        item.warnings
            .iter()
            .any(|w| w.code == "free_tier_excludes_provisioned_concurrency")
    );
}

#[test]
fn provisioned_concurrency_scales_with_the_hours_in_the_month() {
    // 10 × 1 GB × 672 h × 3,600 s = 24,192,000 GB-s × $0.0000041667 = $100.8008 → $100.80.
    let r = price(
        r#"{"region":"us-east-1","hours_per_month":672,"items":[{"id":"pc","service":"lambda","memory_mb":1024,
            "provisioned_concurrency":{"concurrency":10}}]}"#,
    );
    assert_eq!(r.totals.monthly, usd("100.80"));
}

#[test]
fn functions_whose_total_stays_in_the_first_tier_raise_no_shared_tier_warning() {
    let f = |id: &str| {
        format!(
            r#"{{"id":"{id}","service":"lambda","requests_per_month":1000000,"avg_duration_ms":100}}"#
        )
    };
    let r = price(&format!(
        r#"{{"region":"us-east-1","items":[{},{}]}}"#,
        f("a"),
        f("b")
    ));
    assert!(
        r.warnings.iter().all(|w| w.code != "tiers_shared"),
        "{:#?}",
        r.warnings
    );
}
