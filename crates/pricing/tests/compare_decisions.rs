//! The decision comparisons on the hand-built book: pricing models with break-even, databases
//! side by side with the I/O-Optimized crossover, and every region.

#[path = "engine_support/mod.rs"]
mod engine_support;

use engine_support::*;
use model::compare::*;
use model::{Ec2Pricing, OfferingClass, Payment, Term};

fn compare_m5(usage: &str) -> ComparePricingResponse {
    let item: model::Item = serde_json::from_str(&format!(
        r#"{{"id":"web","service":"ec2","instance_type":"m5.large"{usage}}}"#
    ))
    .expect("an item");
    let req = ComparePricingRequest {
        region: USE1.to_owned(),
        hours_per_month: None,
        item,
    };
    pricing::compare::pricing(&book(), &req).expect("compared")
}

fn option(r: &ComparePricingResponse, p: Ec2Pricing) -> &PricingOption {
    r.options
        .iter()
        .find(|o| o.pricing == p)
        .unwrap_or_else(|| panic!("no option {p:?}"))
}

fn ri(term: Term, payment: Payment) -> Ec2Pricing {
    Ec2Pricing::Reserved {
        term,
        offering_class: OfferingClass::Standard,
        payment,
    }
}

#[test]
fn a_one_year_no_upfront_reservation_breaks_even_at_62_5_percent_and_in_month_one() {
    // $0.06 / $0.096 = 62.5 %. At full use: RI 730 × 0.06 = $43.80 < On-Demand 730 × 0.096 =
    // $70.08 in month 1. Saving (70.08 − 43.80) / 70.08 = 37.5 %.
    let r = compare_m5("");
    let od = option(&r, Ec2Pricing::OnDemand);
    assert_eq!(od.monthly, usd("70.08"));
    assert_eq!(od.break_even_month, None);
    assert_eq!(od.cumulative.len(), 36);
    let nu = option(&r, ri(Term::OneYear, Payment::NoUpfront));
    assert_eq!(nu.break_even_utilization_percent, Some(d("62.5")));
    assert_eq!(nu.break_even_month, Some(1));
    assert_eq!(nu.saving_vs_on_demand_percent, Some(d("37.5")));
    assert_eq!(nu.total_1yr, usd("525.60"));
    assert!(
        nu.notes.iter().any(|n| n.contains("renewed")),
        "{:?}",
        nu.notes
    );
}

#[test]
fn a_one_year_all_upfront_reservation_breaks_even_in_month_eight() {
    // $494 paid in month 1, nothing monthly. On-Demand cumulative: month 7 = 7 × 70.08 =
    // $490.56 < 494; month 8 = $560.64 > 494 → break-even month 8.
    // Break-even utilisation: 494 / 12 / 730 = $0.0563927 an hour / 0.096 = 58.74 %.
    // Effective monthly 494 / 12 = $41.17; saving (70.08 − 41.1667) / 70.08 = 41.26 %.
    // Renewed for years 2 and 3: 3 × 494 = $1,482 over 36 months.
    let r = compare_m5("");
    let au = option(&r, ri(Term::OneYear, Payment::AllUpfront));
    assert_eq!(au.upfront, usd("494"));
    assert_eq!(au.monthly, usd("0"));
    assert_eq!(au.effective_monthly, usd("41.17"));
    assert_eq!(au.break_even_month, Some(8));
    assert_eq!(au.break_even_utilization_percent, Some(d("58.74")));
    assert_eq!(au.saving_vs_on_demand_percent, Some(d("41.26")));
    assert_eq!(au.total_1yr, usd("494"));
    assert_eq!(au.total_3yr, usd("1482"));
    assert_eq!(au.cumulative[12], usd("988"));
}

#[test]
fn a_three_year_all_upfront_reservation_breaks_even_in_month_fourteen() {
    // $949 once. On-Demand month 13 = $911.04 < 949; month 14 = $981.12 > 949.
    let r = compare_m5("");
    let au = option(&r, ri(Term::ThreeYears, Payment::AllUpfront));
    assert_eq!(au.break_even_month, Some(14));
    assert_eq!(au.total_3yr, usd("949"));
}

#[test]
fn at_40_percent_utilisation_commitments_lose_money() {
    // On-Demand 292 h × $0.096 = $28.032 a month; the 1yr No Upfront RI still bills $43.80.
    let r = compare_m5(r#","usage":{"utilization_percent":40}"#);
    let nu = option(&r, ri(Term::OneYear, Payment::NoUpfront));
    assert_eq!(nu.break_even_month, None);
    assert!(
        nu.notes.iter().any(|n| n.contains("never cheaper")),
        "{:?}",
        nu.notes
    );
    assert!(nu.saving_vs_on_demand_percent.expect("a saving") < d("0"));
    // A commitment loses money at 40 % exactly when its break-even utilisation is above 40 %
    // (every 1-year option here; the 3-year All Upfront RI, $0.0361 / $0.096 = 37.6 %, still wins).
    let od = option(&r, Ec2Pricing::OnDemand).effective_monthly;
    let mut losing = 0;
    for o in &r.options {
        if let Some(u) = o.break_even_utilization_percent {
            let loses = o.effective_monthly > od;
            assert_eq!(
                loses,
                u > d("40"),
                "{:?}: {u} % vs {} / {}",
                o.pricing,
                o.effective_monthly,
                od
            );
            losing += usize::from(loses);
        }
    }
    assert!(losing >= 8, "{losing}");
}

#[test]
fn only_models_with_a_price_in_the_region_are_listed() {
    let r = compare_m5("");
    // On-Demand, Spot, 5 Standard and 2 Convertible reservations, 6 Compute Savings Plans.
    assert_eq!(r.options.len(), 15);
    assert!(
        r.options
            .iter()
            .any(|o| matches!(o.pricing, Ec2Pricing::Spot { .. }))
    );
}

fn db_request(region: &str, acus: Option<&str>) -> CompareDatabaseRequest {
    CompareDatabaseRequest {
        region: region.to_owned(),
        engine: DbFamily::Mysql,
        instance_class: "db.r6g.large".to_owned(),
        instances: 2,
        storage_gb: model::Quantity::from_u64(100),
        io_requests_per_month: 100_000_000,
        backup_storage_gb: None,
        multi_az: false,
        hours_per_month: None,
        average_acus: acus.map(|a| model::Quantity::new(d(a)).expect("positive")),
    }
}

#[test]
fn databases_compare_side_by_side_with_the_io_optimized_crossover() {
    // RDS Single-AZ: 2 × 730 × 0.215 = 313.90 + 2 × 100 GB × 0.115 = 23 → $336.90.
    // RDS Multi-AZ: 2 × 730 × 0.43 = 627.80 + 2 × 100 × 0.23 = 46 → $673.80.
    // Aurora Standard: 2 × 730 × 0.26 = 379.60 + 100 × 0.10 = 10 + 1e8 × 2e-7 = 20 → $409.60.
    // Aurora I/O-Optimized: 2 × 730 × 0.338 = 493.48 + 100 × 0.225 = 22.50 → $515.98.
    // Serverless v2, 4 ACUs: 4 × 730 × 0.12 = 350.40 + 10 + 20 → $380.40.
    // Crossover: (515.98 − 389.60) / 0.0000002 = 631,900,000 I/O requests a month.
    let r = pricing::compare::database(&book(), &db_request(USE1, Some("4"))).expect("compared");
    let monthly: Vec<_> = r.options.iter().map(|o| (o.option, o.monthly)).collect();
    assert_eq!(
        monthly,
        vec![
            (DatabaseOptionKind::RdsSingleAz, Some(usd("336.90"))),
            (DatabaseOptionKind::RdsMultiAz, Some(usd("673.80"))),
            (DatabaseOptionKind::AuroraStandard, Some(usd("409.60"))),
            (DatabaseOptionKind::AuroraIoOptimized, Some(usd("515.98"))),
            (DatabaseOptionKind::AuroraServerlessV2, Some(usd("380.40"))),
        ]
    );
    assert_eq!(
        r.io_optimized_crossover_io_requests_per_month,
        Some(d("631900000"))
    );
    assert!(!r.options[2].line_items.is_empty());
}

#[test]
fn a_database_option_not_offered_in_the_region_says_so_instead_of_a_price() {
    // The test book has no RDS prices and no Aurora cluster prices in Seoul.
    let r = pricing::compare::database(&book(), &db_request(SEOUL, None)).expect("compared");
    for o in &r.options {
        assert_eq!(o.monthly, None, "{:?}", o.option);
        assert!(
            o.unavailable
                .as_deref()
                .is_some_and(|u| u.contains("ap-northeast-2")),
            "{o:?}"
        );
    }
    assert_eq!(r.io_optimized_crossover_io_requests_per_month, None);
}

#[test]
fn a_region_lacking_an_instance_type_is_reported_incomplete() {
    // m7g.large has no price in Seoul: Seoul is incomplete, lists it as missing, ranks last and
    // has no difference. us-east-1: 730 × (0.096 + 0.0816) = $129.648 → $129.65.
    let req = request(
        r#"{"region":"us-east-1","items":[
            {"id":"web","service":"ec2","instance_type":"m5.large"},
            {"id":"graviton","service":"ec2","instance_type":"m7g.large"}]}"#,
    );
    let r = pricing::compare::regions(&book(), &req).expect("compared");
    assert_eq!(r.current_region, USE1);
    assert_eq!(r.regions[0].region, USE1);
    assert_eq!(r.regions[0].totals.monthly, usd("129.65"));
    assert_eq!(r.regions[0].difference_monthly, Some(usd("0")));
    let seoul = &r.regions[1];
    assert_eq!(seoul.region, SEOUL);
    assert!(seoul.incomplete);
    assert_eq!(seoul.missing, ["graviton"]);
    assert_eq!(seoul.difference_monthly, None);
    // Only m5.large is priced in Seoul: 730 × $0.118 = $86.14.
    assert_eq!(seoul.totals.monthly, usd("86.14"));
}

#[test]
fn regions_are_ranked_by_monthly_total_with_the_difference_to_the_current_region() {
    // m5.large: us-east-1 $70.08, Seoul 730 × 0.118 = $86.14; difference +$16.06.
    let req = request(
        r#"{"region":"ap-northeast-2","items":[{"id":"web","service":"ec2","instance_type":"m5.large"}]}"#,
    );
    let r = pricing::compare::regions(&book(), &req).expect("compared");
    let ranked: Vec<_> = r
        .regions
        .iter()
        .map(|x| (x.region.as_str(), x.difference_monthly))
        .collect();
    assert_eq!(
        ranked,
        [(USE1, Some(usd("-16.06"))), (SEOUL, Some(usd("0")))]
    );
}

#[test]
fn the_pricing_comparison_refuses_a_non_ec2_item_and_names_unknown_types() {
    let lambda: model::Item =
        serde_json::from_str(r#"{"id":"f","service":"lambda"}"#).expect("an item");
    let req = ComparePricingRequest {
        region: USE1.to_owned(),
        hours_per_month: None,
        item: lambda,
    };
    let e = pricing::compare::pricing(&book(), &req).expect_err("refused");
    assert_eq!(e[0].field, "item.service");
    let unknown: model::Item =
        serde_json::from_str(r#"{"id":"x","service":"ec2","instance_type":"m5.huge"}"#)
            .expect("an item");
    let req = ComparePricingRequest {
        region: USE1.to_owned(),
        hours_per_month: None,
        item: unknown,
    };
    let e = pricing::compare::pricing(&book(), &req).expect_err("refused");
    assert_eq!(e[0].code, model::ErrorCode::UnknownOption);
    assert_eq!(e[0].field, "item.instance_type");
}
