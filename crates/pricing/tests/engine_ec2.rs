//! EC2 billing rules against a hand-built book of published us-east-1 prices. Every expected
//! figure is worked out by hand in the comment next to it.

mod engine_support;

use engine_support::*;
use model::ErrorCode;
use model::response::Unit;

#[test]
fn two_on_demand_instances_for_a_month_cost_the_contract_example() {
    // 2 instances × 730 hours × $0.096 = $140.16.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"web","service":"ec2","instance_type":"m5.large","count":2}]}"#,
    );
    let item = &r.items[0];
    let l = line(item, "Instance usage");
    assert_eq!(l.name, "Instance usage (Linux, on-demand, m5.large)");
    assert_eq!(l.formula, "2 instances × 730 hours × $0.096 per hour");
    assert_eq!(l.quantity, d("1460"));
    assert_eq!(l.unit, Unit::Hours);
    assert_eq!(l.unit_price, d("0.096"));
    assert_eq!(l.amount, usd("140.16"));
    assert_eq!(l.monthly, Some(usd("140.16")));
    assert!(!l.one_time);
    assert_eq!(l.price_table, "ec2_on_demand");
    assert_eq!(l.price_date, "2025-11-20");
    assert_eq!(r.totals.monthly, usd("140.16"));
    assert_eq!(r.totals.first_12_months, usd("1681.92"));
    assert_eq!(r.totals.effective_monthly, usd("140.16"));
    assert_eq!(r.currency, "USD");
    assert_eq!(r.hours_per_month.value(), d("730"));
    assert_eq!(r.price_date, "2025-11-20");
    assert_eq!(r.price_sources.len(), 1);
    assert_eq!(r.price_sources[0].table, "ec2_on_demand");
}

#[test]
fn on_demand_bills_only_the_hours_used() {
    // 50 % of 730 hours = 365 hours × $0.096 = $35.04; 100 hours × $0.096 = $9.60.
    let cases = [
        (r#"{"utilization_percent":50}"#, "35.04"),
        (r#"{"hours_per_month":100}"#, "9.60"),
    ];
    for (usage, expected) in cases {
        let r = price(&format!(
            r#"{{"region":"us-east-1","items":[{{"id":"a","service":"ec2","instance_type":"m5.large","usage":{usage}}}]}}"#
        ));
        assert_eq!(r.totals.monthly, usd(expected), "usage {usage}");
        assert!(r.items[0].warnings.is_empty(), "usage {usage}");
    }
}

#[test]
fn a_three_year_all_upfront_reservation_puts_the_whole_fee_in_the_first_twelve_months() {
    // Source of the rule: AWS Pricing Calculator, first 12 months = upfront + 12 × monthly
    // (https://docs.aws.amazon.com/pricing-calculator/latest/userguide/what-is-pricing-calculator.html).
    // 2 reservations × $949 = $1,898 upfront, no hourly fee; effective monthly = 1,898 / 36 = $52.72.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"a","service":"ec2","instance_type":"m5.large","count":2,
            "pricing":{"model":"reserved","term":"3yr","offering_class":"standard","payment":"all_upfront"}}]}"#,
    );
    let item = &r.items[0];
    assert_eq!(item.line_items.len(), 1, "{:#?}", item.line_items);
    let fee = line(item, "Reservation upfront fee");
    assert_eq!(
        fee.name,
        "Reservation upfront fee (Linux, reserved 3yr all upfront, m5.large)"
    );
    assert_eq!(fee.unit, Unit::Reservations);
    assert!(fee.one_time);
    assert_eq!(fee.monthly, None);
    assert_eq!(fee.amount, usd("1898"));
    assert_eq!(r.totals.monthly, usd("0"));
    assert_eq!(r.totals.upfront, usd("1898"));
    assert_eq!(r.totals.first_12_months, usd("1898"));
    assert_eq!(r.totals.effective_monthly, usd("52.72"));
}

#[test]
fn a_partial_upfront_reservation_has_an_hourly_fee_and_an_upfront_fee() {
    // 730 × $0.029 = $21.17 a month; $252 upfront; first 12 months = 252 + 12 × 21.17 = $506.04;
    // effective monthly = 21.17 + 252 / 12 = $42.17.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"a","service":"ec2","instance_type":"m5.large",
            "pricing":{"model":"reserved","term":"1yr","offering_class":"standard","payment":"partial_upfront"}}]}"#,
    );
    assert_eq!(line(&r.items[0], "Instance usage").amount, usd("21.17"));
    assert_eq!(r.totals.upfront, usd("252"));
    assert_eq!(r.totals.first_12_months, usd("506.04"));
    assert_eq!(r.totals.effective_monthly, usd("42.17"));
    assert_eq!(r.items[0].first_12_months, usd("506.04"));
}

#[test]
fn a_reservation_bills_every_hour_of_the_month_even_when_instances_run_less() {
    // RIs are billed every hour whether used or not
    // (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/apply_ri.html): 730 × $0.06 = $43.80.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"a","service":"ec2","instance_type":"m5.large","usage":{"utilization_percent":40},
            "pricing":{"model":"reserved","term":"1yr","offering_class":"standard","payment":"no_upfront"}}]}"#,
    );
    let l = line(&r.items[0], "Instance usage");
    assert_eq!(
        l.name,
        "Instance usage (Linux, reserved 1yr no upfront, m5.large)"
    );
    assert_eq!(l.amount, usd("43.80"));
    let w = &r.items[0].warnings;
    assert!(
        w.iter()
            .any(|w| w.code == "commitment_bills_unused_hours" && w.message.contains("438")),
        "{w:#?}"
    );
}

#[test]
fn a_savings_plan_bills_its_rate_for_every_hour_of_the_month() {
    // Commitment charged whether used or not (https://docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html):
    // 2 × 730 × $0.071 = $103.66.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"a","service":"ec2","instance_type":"m5.large","count":2,"usage":{"hours_per_month":100},
            "pricing":{"model":"savings_plan","plan":"compute","term":"1yr","payment":"no_upfront"}}]}"#,
    );
    let l = line(&r.items[0], "Instance usage");
    assert_eq!(
        l.name,
        "Instance usage (Linux, compute savings plan 1yr no upfront, m5.large)"
    );
    assert_eq!(l.amount, usd("103.66"));
    assert_eq!(r.items[0].warnings[0].code, "commitment_bills_unused_hours");
}

#[test]
fn spot_uses_the_dated_average_or_the_discount_given() {
    // Dated average: 730 × $0.0364 = $26.572 → $26.57.
    // 70 % off On-Demand: $0.096 × 0.3 = $0.0288; 730 × 0.0288 = $21.024 → $21.02.
    let r = price(
        r#"{"region":"us-east-1","items":[
            {"id":"a","service":"ec2","instance_type":"m5.large","pricing":{"model":"spot"}},
            {"id":"b","service":"ec2","instance_type":"m5.large","pricing":{"model":"spot","discount_percent":70}}]}"#,
    );
    assert_eq!(r.items[0].monthly, usd("26.57"));
    assert_eq!(line(&r.items[0], "Instance usage").price_table, "ec2_spot");
    let b = line(&r.items[1], "Instance usage");
    assert_eq!(b.unit_price, d("0.0288"));
    assert_eq!(b.amount, usd("21.02"));
    assert!(b.formula.contains("70% Spot discount"), "{}", b.formula);
}

#[test]
fn spot_without_a_discount_is_unavailable_for_windows() {
    let e = errors(
        r#"{"region":"us-east-1","items":[{"id":"w","service":"ec2","instance_type":"m5.large","operating_system":"windows","pricing":{"model":"spot"}}]}"#,
    );
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, ErrorCode::PriceNotAvailable);
    assert_eq!(e[0].field, "items[0].pricing");
    assert!(e[0].message.contains("Linux only"), "{}", e[0].message);
}

#[test]
fn ebs_volumes_bill_the_whole_month_with_iops_and_throughput_above_the_gp3_baseline() {
    // Instance: 2 × 100 hours × $0.096 = $19.20. Volumes bill the whole month regardless:
    // storage 2 × 100 GB × $0.08 = $16; IOPS (4,000 − 3,000 free) × 2 × $0.005 = $10;
    // throughput (250 − 125 free) × 2 × $0.04 = $10. Total $55.20.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"a","service":"ec2","instance_type":"m5.large","count":2,"usage":{"hours_per_month":100},
            "ebs":[{"volume_type":"gp3","size_gb":100,"iops":4000,"throughput_mbps":250}]}]}"#,
    );
    let item = &r.items[0];
    assert_eq!(line(item, "EBS storage").amount, usd("16"));
    let iops = line(item, "EBS provisioned IOPS");
    assert_eq!(iops.name, "EBS provisioned IOPS (gp3, over 3,000 IOPS)");
    assert_eq!(iops.quantity, d("2000"));
    assert_eq!(iops.amount, usd("10"));
    assert_eq!(line(item, "EBS provisioned throughput").amount, usd("10"));
    assert_eq!(item.monthly, usd("55.20"));
    assert_eq!(
        lines(item, "EBS provisioned IOPS").len(),
        1,
        "no line for the free baseline"
    );
}

#[test]
fn io2_iops_are_tiered_per_volume() {
    // 80,000 IOPS on one volume: 32,000 × $0.065 = $2,080; 32,000 × $0.0455 = $1,456;
    // 16,000 × $0.03185 = $509.60; storage 100 GB × $0.125 = $12.50. Instance $70.08.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"a","service":"ec2","instance_type":"m5.large",
            "ebs":[{"volume_type":"io2","size_gb":100,"iops":80000}]}]}"#,
    );
    let tiers: Vec<_> = lines(&r.items[0], "EBS provisioned IOPS")
        .iter()
        .map(|l| (l.name.clone(), l.amount))
        .collect();
    assert_eq!(
        tiers,
        vec![
            (
                "EBS provisioned IOPS (io2, first 32,000 IOPS)".to_owned(),
                usd("2080")
            ),
            (
                "EBS provisioned IOPS (io2, next 32,000 IOPS)".to_owned(),
                usd("1456")
            ),
            (
                "EBS provisioned IOPS (io2, over 64,000 IOPS)".to_owned(),
                usd("509.60")
            ),
        ]
    );
    assert_eq!(r.totals.monthly, usd("4128.18"));
}

#[test]
fn a_magnetic_volume_bills_storage_and_says_it_excludes_io_requests() {
    // 50 GB × $0.05 = $2.50.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"a","service":"ec2","instance_type":"m5.large","ebs":[{"volume_type":"standard","size_gb":50}]}]}"#,
    );
    let l = line(&r.items[0], "EBS storage");
    assert_eq!(
        l.name,
        "EBS storage (standard, magnetic, excludes I/O requests)"
    );
    assert_eq!(l.amount, usd("2.50"));
}

#[test]
fn public_ipv4_addresses_bill_every_hour() {
    // Public IPv4 is $0.005 per IP-hour (https://aws.amazon.com/blogs/networking-and-content-delivery/identify-and-optimize-public-ipv4-address-usage-on-aws/):
    // 2 instances × 1 address × 730 hours × $0.005 = $7.30.
    let r = price(
        r#"{"region":"us-east-1","items":[{"id":"a","service":"ec2","instance_type":"m5.large","count":2,"public_ipv4_addresses":1,"usage":{"hours_per_month":10}}]}"#,
    );
    let l = line(&r.items[0], "Public IPv4 address");
    assert_eq!(
        l.formula,
        "2 instances × 1 address × 730 hours × $0.005 per hour"
    );
    assert_eq!(l.amount, usd("7.30"));
}

#[test]
fn a_reservation_without_a_price_in_the_region_names_the_item_option_region_and_alternatives() {
    let e = errors(
        r#"{"region":"ap-northeast-2","items":[{"id":"batch","service":"ec2","instance_type":"m5.large",
            "pricing":{"model":"reserved","term":"3yr","offering_class":"convertible","payment":"all_upfront"}}]}"#,
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].code, ErrorCode::PriceNotAvailable);
    assert_eq!(e[0].field, "items[0].pricing");
    assert_eq!(
        e[0].message,
        "item `batch`: no Convertible 3yr All Upfront reservation price for m5.large (Linux) in ap-northeast-2; prices exist for: Standard 1yr No Upfront"
    );
}

#[test]
fn an_unknown_instance_type_is_rejected_with_its_field_path() {
    let e = errors(
        r#"{"region":"us-east-1","items":[{"id":"a","service":"lambda"},{"id":"b","service":"ec2","instance_type":"m5.huge"}]}"#,
    );
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, ErrorCode::UnknownOption);
    assert_eq!(e[0].field, "items[1].instance_type");
}

#[test]
fn a_known_type_without_a_price_in_the_region_is_price_not_available_not_zero() {
    // m7g.large has no price in Seoul in the test book.
    let e = errors(
        r#"{"region":"ap-northeast-2","items":[{"id":"g","service":"ec2","instance_type":"m7g.large"}]}"#,
    );
    assert_eq!(e[0].code, ErrorCode::PriceNotAvailable);
    assert_eq!(e[0].field, "items[0].instance_type");
    assert!(e[0].message.contains("us-east-1"), "{}", e[0].message);
}
