//! Estimate-wide rules: data transfer aggregation and the shared free allowance, hours per
//! month, region errors, price dates and sources, totals, invariants and speed.

mod engine_support;

use engine_support::*;
use model::ErrorCode;
use proptest::prelude::*;
use rust_decimal::Decimal;

#[test]
fn data_transfer_tiers_apply_to_the_regions_total_across_services() {
    // us-east-1 egress: $0.09 first 10 TB (10,240 GB), $0.085 next 40 TB.
    // EC2 a: 10,000 GB × $0.09 = $900 (+ instance 730 × $0.096 = $70.08).
    // S3 b: 240 GB × $0.09 = $21.60 + 760 GB × $0.085 = $64.60 = $86.20.
    let r = price(
        r#"{"region":"us-east-1","items":[
            {"id":"a","service":"ec2","instance_type":"m5.large","data_transfer_out_gb":10000},
            {"id":"b","service":"s3","data_transfer_out_gb":1000}]}"#,
    );
    assert_eq!(line(&r.items[0], "Data transfer out").amount, usd("900"));
    let b: Vec<_> = lines(&r.items[1], "Data transfer out")
        .iter()
        .map(|l| (l.name.clone(), l.amount))
        .collect();
    assert_eq!(
        b,
        vec![
            (
                "Data transfer out to the internet (us-east-1, first 10 TB)".to_owned(),
                usd("21.60")
            ),
            (
                "Data transfer out to the internet (us-east-1, next 40 TB)".to_owned(),
                usd("64.60")
            ),
        ]
    );
    assert_eq!(r.totals.monthly, usd("1056.28"));
}

#[test]
fn the_free_100_gb_of_data_transfer_is_shared_by_every_service_and_region_in_item_order() {
    // 100 GB free a month across services and regions
    // (https://aws.amazon.com/about-aws/global-infrastructure/global-network/faqs/).
    // Seoul EC2 50 GB: all free (instance 730 × $0.118 = $86.14). us-east-1 S3 100 GB: 50 GB
    // free, 50 × $0.09 = $4.50.
    let r = price(
        r#"{"region":"us-east-1","free_tier":true,"items":[
            {"id":"seoul","region":"ap-northeast-2","service":"ec2","instance_type":"m5.large","data_transfer_out_gb":50},
            {"id":"virginia","service":"s3","data_transfer_out_gb":100}]}"#,
    );
    assert_eq!(r.items[0].monthly, usd("86.14"));
    assert_eq!(line(&r.items[0], "Data transfer out").amount, usd("0"));
    let l = line(&r.items[1], "Data transfer out");
    assert_eq!(l.quantity, d("50"));
    assert_eq!(l.amount, usd("4.50"));
    assert!(l.formula.contains("50 free-tier GB"), "{}", l.formula);
    assert_eq!(r.totals.monthly, usd("90.64"));
}

#[test]
fn hours_per_month_scales_hourly_lines_only() {
    // 672 hours: instance 2 × 672 × $0.096 = $129.024 → $129.02; IPv4 2 × 672 × $0.005 = $6.72;
    // EBS 2 × 100 GB × $0.08 = $16 and S3 100 GB × $0.023 = $2.30 do not change.
    let body = |hours: &str| {
        format!(
            r#"{{"region":"us-east-1",{hours}"items":[
                {{"id":"a","service":"ec2","instance_type":"m5.large","count":2,"public_ipv4_addresses":1,"ebs":[{{"volume_type":"gp3","size_gb":100}}]}},
                {{"id":"s","service":"s3","storage_gb":100}}]}}"#
        )
    };
    let r = price(&body(r#""hours_per_month":672,"#));
    let a = &r.items[0];
    assert_eq!(line(a, "Instance usage").amount, usd("129.02"));
    assert_eq!(line(a, "Public IPv4").amount, usd("6.72"));
    assert_eq!(line(a, "EBS storage").amount, usd("16"));
    assert_eq!(r.items[1].monthly, usd("2.30"));
    assert_eq!(r.hours_per_month.value(), d("672"));
    let default = price(&body(""));
    assert_eq!(line(&default.items[0], "EBS storage").amount, usd("16"));
    assert_eq!(
        line(&default.items[0], "Instance usage").amount,
        usd("140.16")
    );
}

#[test]
fn an_unknown_region_is_reported_where_it_was_given() {
    let e = errors(
        r#"{"region":"us-east-9","items":[
            {"id":"a","service":"s3"},{"id":"b","service":"s3"},
            {"id":"c","region":"eu-nowhere-1","service":"s3"}]}"#,
    );
    let fields: Vec<_> = e.iter().map(|e| (e.code, e.field.as_str())).collect();
    assert_eq!(
        fields,
        [
            (ErrorCode::UnknownRegion, "region"),
            (ErrorCode::UnknownRegion, "items[2].region")
        ]
    );
    assert!(e[0].message.contains("us-east-1"), "{}", e[0].message);
}

#[test]
fn errors_from_every_item_are_collected() {
    let e = errors(
        r#"{"region":"ap-northeast-2","items":[
            {"id":"a","service":"ec2","instance_type":"nope.large"},
            {"id":"b","service":"lambda"},
            {"id":"c","service":"aurora","engine":"aurora_mysql","serverless_v2":{"average_acus":1}}]}"#,
    );
    let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
    // Seoul has no Lambda and no Aurora cluster prices in the test book.
    assert!(fields.contains(&"items[0].instance_type"), "{fields:?}");
    assert!(
        fields.iter().any(|f| f.starts_with("items[1].")),
        "{fields:?}"
    );
    assert!(
        fields.iter().any(|f| f.starts_with("items[2].")),
        "{fields:?}"
    );
    assert!(
        e.iter()
            .skip(1)
            .all(|e| e.code == ErrorCode::PriceNotAvailable),
        "{e:#?}"
    );
}

#[test]
fn limit_errors_come_from_the_model_validator_first() {
    let e =
        errors(r#"{"region":"us-east-1","items":[{"id":"f","service":"lambda","memory_mb":64}]}"#);
    assert_eq!(e[0].field, "items[0].memory_mb");
}

#[test]
fn the_price_date_is_a_range_when_tables_differ_and_every_source_is_listed() {
    // ec2_on_demand is dated 2025-11-20, data_transfer_out 2024-07-18 in the test book.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"a","service":"ec2","instance_type":"m5.large","data_transfer_out_gb":1}]}"#,
    );
    assert_eq!(r.price_date, "2024-07-18 … 2025-11-20");
    let tables: Vec<_> = r.price_sources.iter().map(|s| &*s.table).collect();
    assert_eq!(tables, ["ec2_on_demand", "data_transfer_out"]);
    assert_eq!(line(&r.items[0], "Data transfer").price_date, "2024-07-18");
}

#[test]
fn item_totals_round_once_from_unrounded_lines() {
    // Three S3 classes of 1 GB: $0.0125 + $0.01 + $0.004 ... each line rounds on its own, but the
    // item total is the rounded exact sum. Here: 0.125 GB-months of IA at $0.0125 = $0.0015625
    // (line shows $0.00) three times in three items = $0.0046875 → $0.00; and a Lambda function
    // with 3 lines of $0.004 each: totals show $0.01 while each line shows $0.00.
    // 20,000 requests × $0.0000002 = $0.004; 20,000 × 0.001 s × 0.125 GB = 2.5 GB-s ×
    // $0.0000166667 = $0.0000416667. Sum $0.0040416667 → $0.00. Two such functions share
    // nothing but the total: 2 × 0.0040416667 = $0.0080833 → $0.01.
    let f = |id: &str| {
        format!(
            r#"{{"id":"{id}","service":"lambda","requests_per_month":20000,"avg_duration_ms":1}}"#
        )
    };
    let r = price(&format!(
        r#"{{"region":"us-east-1","items":[{},{}]}}"#,
        f("a"),
        f("b")
    ));
    assert_eq!(r.items[0].monthly, usd("0"));
    assert_eq!(r.items[1].monthly, usd("0"));
    assert_eq!(r.totals.monthly, usd("0.01"));
}

#[test]
fn a_thousand_item_estimate_prices_in_milliseconds() {
    let book = book();
    let items: Vec<String> = (0..1000)
        .map(|i| match i % 5 {
            0 => format!(r#"{{"id":"i{i}","service":"ec2","instance_type":"m5.large","ebs":[{{"volume_type":"gp3","size_gb":50}}],"data_transfer_out_gb":10}}"#),
            1 => format!(r#"{{"id":"i{i}","service":"lambda","requests_per_month":1000000,"avg_duration_ms":120}}"#),
            2 => format!(r#"{{"id":"i{i}","service":"s3","storage_gb":1000,"put_requests_per_month":1000}}"#),
            3 => format!(r#"{{"id":"i{i}","service":"rds","engine":"mysql","instance_class":"db.r6g.large","storage":{{"type":"gp3","size_gb":100}}}}"#),
            _ => format!(r#"{{"id":"i{i}","service":"aurora","engine":"aurora_mysql","instances":[{{"instance_class":"db.r6g.large"}}],"storage_gb":10}}"#),
        })
        .collect();
    let req = request(&format!(
        r#"{{"region":"us-east-1","free_tier":true,"items":[{}]}}"#,
        items.join(",")
    ));
    let start = std::time::Instant::now();
    let r = pricing::engine::estimate(&book, &req).expect("priced");
    let took = start.elapsed();
    assert_eq!(r.items.len(), 1000);
    // Generous for an unoptimised test build on a shared machine; release builds take a few ms.
    assert!(took.as_millis() < 1500, "took {took:?}");
}

/// Exact recurring and one-time sums of all lines, from quantity × unit price.
fn exact_sums(r: &model::EstimateResponse) -> (Decimal, Decimal) {
    let mut monthly = Decimal::ZERO;
    let mut upfront = Decimal::ZERO;
    for item in &r.items {
        for l in &item.line_items {
            let exact = l.quantity * l.unit_price;
            if l.one_time {
                upfront += exact
            } else {
                monthly += exact
            }
        }
    }
    (monthly, upfront)
}

/// A random item of one of six kinds. `q` shapes the item (sizes, classes, counts); `q2` is a
/// usage quantity every kind bills linearly (egress, requests, storage, backup, I/O), so growing
/// it must never lower the cost.
fn random_item(i: usize, kind: u8, q: u32, q2: u32) -> String {
    match kind % 6 {
        0 => format!(
            r#"{{"id":"i{i}","service":"ec2","instance_type":"m5.large","count":{},"usage":{{"hours_per_month":{}}},"ebs":[{{"volume_type":"gp3","size_gb":{},"iops":{}}}],"data_transfer_out_gb":{q2}}}"#,
            q % 5 + 1,
            q % 731,
            q % 2000 + 1,
            q % 16000
        ),
        1 => format!(
            r#"{{"id":"i{i}","service":"lambda","requests_per_month":{},"avg_duration_ms":{},"memory_mb":{},"architecture":"{}"}}"#,
            u64::from(q2) * 1000,
            q % 5000,
            128 + q % 4000,
            if q.is_multiple_of(2) {
                "x86_64"
            } else {
                "arm64"
            }
        ),
        2 => format!(
            r#"{{"id":"i{i}","service":"s3","storage_class":"{}","storage_gb":{},"object_count":{},"put_requests_per_month":{q}}}"#,
            [
                "standard",
                "standard_ia",
                "glacier_flexible_retrieval",
                "intelligent_tiering"
            ][(q % 4) as usize],
            u64::from(q2) * 10,
            q
        ),
        3 => format!(
            r#"{{"id":"i{i}","service":"ec2","instance_type":"m5.large","data_transfer_out_gb":{q2},"pricing":{{"model":"reserved","term":"{}","offering_class":"standard","payment":"all_upfront"}}}}"#,
            if q.is_multiple_of(2) { "1yr" } else { "3yr" }
        ),
        4 => format!(
            r#"{{"id":"i{i}","service":"rds","engine":"mysql","instance_class":"db.r6g.large","storage":{{"type":"gp3","size_gb":{},"iops":{}}},"backup_storage_gb":{q2}}}"#,
            q % 1000 + 20,
            q % 20000
        ),
        _ => format!(
            r#"{{"id":"i{i}","service":"aurora","engine":"aurora_mysql","instances":[{{"instance_class":"db.r6g.large","count":{}}}],"storage_gb":{q},"io_requests_per_month":{q2}}}"#,
            q % 3 + 1
        ),
    }
}

fn estimate_of(items: &[(u8, u32, u32)], free: bool) -> String {
    let items: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, (k, q, q2))| random_item(i, *k, *q, *q2))
        .collect();
    format!(
        r#"{{"region":"us-east-1","free_tier":{free},"items":[{}]}}"#,
        items.join(",")
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn totals_equal_the_rounded_sum_of_unrounded_line_items(
        items in prop::collection::vec((0u8..6, 0u32..100_000, 0u32..100_000), 1..12),
        free in any::<bool>(),
    ) {
        let r = price(&estimate_of(&items, free));
        let (monthly, upfront) = exact_sums(&r);
        prop_assert_eq!(r.totals.monthly, model::Usd::new(monthly).round_cents());
        prop_assert_eq!(r.totals.upfront, model::Usd::new(upfront).round_cents());
        prop_assert_eq!(
            r.totals.first_12_months,
            model::Usd::new(upfront + Decimal::from(12) * monthly).round_cents()
        );
        for item in &r.items {
            let exact: Decimal = item.line_items.iter().filter(|l| !l.one_time).map(|l| l.quantity * l.unit_price).sum();
            prop_assert_eq!(item.monthly, model::Usd::new(exact).round_cents());
            for l in &item.line_items {
                prop_assert_eq!(l.amount, model::Usd::new(l.quantity * l.unit_price).round_cents());
            }
        }
    }

    #[test]
    fn costs_never_decrease_when_a_usage_quantity_grows(
        items in prop::collection::vec((0u8..6, 0u32..100_000, 0u32..100_000), 1..8),
        which in any::<prop::sample::Index>(),
        grow in 1u32..50_000,
        free in any::<bool>(),
    ) {
        let before = price(&estimate_of(&items, free));
        let mut bigger = items.clone();
        let i = which.index(bigger.len());
        bigger[i].2 = bigger[i].2.saturating_add(grow);
        let after = price(&estimate_of(&bigger, free));
        let (m0, u0) = exact_sums(&before);
        let (m1, u1) = exact_sums(&after);
        prop_assert!(m1 >= m0, "monthly fell from {} to {}", m0, m1);
        prop_assert!(u1 >= u0);
    }
}

#[test]
fn an_unknown_estimate_region_is_reported_even_when_every_item_names_its_own() {
    let e =
        errors(r#"{"region":"mars-1","items":[{"id":"a","region":"us-east-1","service":"s3"}]}"#);
    assert_eq!(e.len(), 1);
    assert_eq!(
        (e[0].code, e[0].field.as_str()),
        (ErrorCode::UnknownRegion, "region")
    );
}
