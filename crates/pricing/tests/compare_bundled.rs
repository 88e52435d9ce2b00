//! The comparisons on the bundled price tables: the region comparison's speed and completeness.

use std::sync::OnceLock;

use model::EstimateRequest;
use pricing::PriceBook;

fn book() -> &'static PriceBook {
    static BOOK: OnceLock<PriceBook> = OnceLock::new();
    BOOK.get_or_init(|| match pricing::load::bundled() {
        Ok(b) => b,
        Err(e) => panic!("the bundled tables do not load: {e:#?}"),
    })
}

#[test]
fn twenty_items_compare_across_every_region_quickly_and_unpriced_items_are_never_zero() {
    let kinds = [
        r#""service":"ec2","instance_type":"m5.large","count":2,"ebs":[{"volume_type":"gp3","size_gb":100}],"data_transfer_out_gb":200"#,
        r#""service":"ec2","instance_type":"c7g.large","pricing":{"model":"reserved","term":"1yr","offering_class":"standard","payment":"no_upfront"}"#,
        r#""service":"lambda","requests_per_month":10000000,"avg_duration_ms":80,"memory_mb":256"#,
        r#""service":"s3","storage_gb":5000,"get_requests_per_month":1000000"#,
        r#""service":"rds","engine":"postgresql","instance_class":"db.r6g.large","deployment":"multi_az","storage":{"type":"gp3","size_gb":200}"#,
    ];
    let items: Vec<String> = (0..20)
        .map(|i| format!(r#"{{"id":"i{i}",{}}}"#, kinds[i % kinds.len()]))
        .collect();
    let req = EstimateRequest::from_json(
        format!(r#"{{"region":"us-east-1","items":[{}]}}"#, items.join(",")).as_bytes(),
    )
    .expect("valid");
    let book = book();
    let start = std::time::Instant::now();
    let r = pricing::compare::regions(book, &req).expect("compared");
    let took = start.elapsed();
    eprintln!(
        "regions comparison of 20 items × {} regions took {took:?}",
        book.regions().len()
    );
    assert_eq!(r.regions.len(), book.regions().len());
    // Complete regions first, ranked by monthly total.
    let first_incomplete = r
        .regions
        .iter()
        .position(|x| x.incomplete)
        .unwrap_or(r.regions.len());
    assert!(
        r.regions[first_incomplete..]
            .iter()
            .all(|x| x.incomplete && !x.missing.is_empty())
    );
    for w in r.regions[..first_incomplete].windows(2) {
        assert!(w[0].totals.monthly <= w[1].totals.monthly);
    }
    let current = r
        .regions
        .iter()
        .find(|x| x.region == "us-east-1")
        .expect("us-east-1");
    assert!(!current.incomplete, "{:?}", current.missing);
    assert_eq!(current.difference_monthly, Some(model::Usd::ZERO));
    // Release builds take tens of milliseconds; an unoptimised test build is allowed more.
    assert!(took.as_secs() < 10, "took {took:?}");
}

#[test]
fn the_one_year_no_upfront_standard_m5_large_breaks_even_at_62_5_percent_on_the_bundled_tables() {
    // $0.06 / $0.096 = 62.5 %; at full use $43.80 < $70.08 already in month 1.
    let item: model::Item =
        serde_json::from_str(r#"{"id":"web","service":"ec2","instance_type":"m5.large"}"#)
            .expect("an item");
    let req = model::compare::ComparePricingRequest {
        region: "us-east-1".to_owned(),
        hours_per_month: None,
        item,
    };
    let r = pricing::compare::pricing(book(), &req).expect("compared");
    let nu = r
        .options
        .iter()
        .find(|o| {
            o.pricing
                == model::Ec2Pricing::Reserved {
                    term: model::Term::OneYear,
                    offering_class: model::OfferingClass::Standard,
                    payment: model::Payment::NoUpfront,
                }
        })
        .expect("a 1yr No Upfront Standard RI");
    assert_eq!(
        nu.break_even_utilization_percent,
        Some("62.5".parse().expect("decimal"))
    );
    assert_eq!(nu.break_even_month, Some(1));
    assert_eq!(
        nu.monthly,
        model::Usd::new("43.80".parse().expect("decimal"))
    );
}
