//! S3: storage (tiered Standard and Intelligent-Tiering Frequent Access), requests, retrieval,
//! Intelligent-Tiering monitoring, and the per-object rules of each storage class.

use std::collections::BTreeMap;

use model::StorageClass;
use model::response::Unit;
use pricing::rows::{
    S3ClassRuleRow, S3MonitoringRow, S3RequestRow, S3RequestType, S3RetrievalRow, S3StorageRow,
    S3StorageTier,
};
use rust_decimal::Decimal;

use crate::Ctx;
use crate::common::{Result, Table, err, manifest_date, parse_dec, read_json};

const S3: &str = "aws-price-watcher__v0rts/s3.csv";
const S3_RAW: &str = "aws-price-watcher__v0rts/raw/s3.json";
const GDA: &str = "aws-price-watcher__v0rts/s3glacierdeeparchive.csv";
const GDA_RAW: &str = "aws-price-watcher__v0rts/raw/s3glacierdeeparchive.json";
const CROSS: &str = "aws-pricing-page-feeds__lamngockhuong-aws-price/s3_prices_flat.csv";
const MINIMUMS: &str = "aws-docs__awsdocs-amazon-s3-userguide/s3_storage_class_minimums.csv";

/// 50 TB and 500 TB in GB (1 TB = 1,024 GB, as in the feeds' own GB ranges, e.g. data
/// transfer's 10 TB = 10,240 GB).
pub const TB_50_IN_GB: i64 = 51_200;
/// 500 TB in GB.
pub const TB_500_IN_GB: i64 = 512_000;

/// Which capture a metric comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Feed {
    S3,
    DeepArchive,
}

/// (tier, [(metric, start, end)]) for storage.
/// A metric name with the tier it prices (start and end in GB).
type TierMetric = (&'static str, i64, Option<i64>);

fn storage_metrics() -> Vec<(S3StorageTier, Feed, Vec<TierMetric>)> {
    use S3StorageTier as T;
    let tiered = |first, next, over| {
        vec![
            (first, 0, Some(TB_50_IN_GB)),
            (next, TB_50_IN_GB, Some(TB_500_IN_GB)),
            (over, TB_500_IN_GB, None),
        ]
    };
    vec![
        (
            T::Standard,
            Feed::S3,
            tiered(
                "Standard Storage First 50 TB per GB Mo",
                "Standard Storage Next 450 TB per GB Mo",
                "Standard Storage Over 500 TB per GB Mo",
            ),
        ),
        (
            T::IntelligentTieringFrequent,
            Feed::S3,
            tiered(
                "Intelligent Tiering Frequent Access First 50 TB per GB Mo",
                "Intelligent Tiering Frequent Access Next 450 TB per GB Mo",
                "Intelligent Tiering Frequent Access Over 500 TB per GB Mo",
            ),
        ),
        (
            T::IntelligentTieringInfrequent,
            Feed::S3,
            vec![("Intelligent Tiering Infrequent Access per GB Mo", 0, None)],
        ),
        (
            T::IntelligentTieringArchiveInstant,
            Feed::S3,
            vec![("Intelligent Tiering Archive Instant Access", 0, None)],
        ),
        (
            T::IntelligentTieringArchive,
            Feed::S3,
            vec![("IntelligentTieringArchiveAccess", 0, None)],
        ),
        (
            T::IntelligentTieringDeepArchive,
            Feed::S3,
            vec![("IntelligentTieringDeepArchiveAccess", 0, None)],
        ),
        (
            T::StandardIa,
            Feed::S3,
            vec![("Standard Infrequent Access Storage per GB-Mo", 0, None)],
        ),
        (
            T::OneZoneIa,
            Feed::S3,
            vec![("One Zone Infrequent Access Storage Inf per GB-Mo", 0, None)],
        ),
        (
            T::GlacierInstantRetrieval,
            Feed::S3,
            vec![("Glacier Instant Retrieval Storage", 0, None)],
        ),
        (
            T::GlacierFlexibleRetrieval,
            Feed::S3,
            vec![("Glacier Storage per GB Mo", 0, None)],
        ),
        (
            T::GlacierDeepArchive,
            Feed::DeepArchive,
            vec![("Glacier Deep Archive GB Mo", 0, None)],
        ),
    ]
}

/// (class, request type, feed, metric) for requests.
fn request_metrics() -> Vec<(StorageClass, S3RequestType, Feed, &'static str)> {
    use S3RequestType::{Get, Put};
    use StorageClass as C;
    vec![
        (
            C::Standard,
            Put,
            Feed::S3,
            "PUT COPY/POST or LIST requests per Requests",
        ),
        (
            C::Standard,
            Get,
            Feed::S3,
            "GET and all other requests per Requests",
        ),
        (
            C::IntelligentTiering,
            Put,
            Feed::S3,
            "PUT COPY/POST or LIST requests to Intelligent Tiering per Requests",
        ),
        (
            C::IntelligentTiering,
            Get,
            Feed::S3,
            "GET and all other requests to Intelligent Tiering per Requests",
        ),
        (
            C::StandardIa,
            Put,
            Feed::S3,
            "PUT COPY/POST or LIST requests to Standard Infrequent Access per Requests",
        ),
        (
            C::StandardIa,
            Get,
            Feed::S3,
            "GET and all other requests to Standard Infrequent Access per Requests",
        ),
        (
            C::OneZoneIa,
            Put,
            Feed::S3,
            "PUT COPY/POST or LIST requests to One Zone Infrequent Access per Requests",
        ),
        (
            C::OneZoneIa,
            Get,
            Feed::S3,
            "GET and all other requests to One Zone Infrequent Access per Requests",
        ),
        (
            C::GlacierInstantRetrieval,
            Put,
            Feed::S3,
            "PUT COPY/POST or LIST requests to Glacier Instant Retrieval per Requests",
        ),
        (
            C::GlacierInstantRetrieval,
            Get,
            Feed::S3,
            "GET and all other requests to Glacier Instant Retrieval per Requests",
        ),
        (
            C::GlacierFlexibleRetrieval,
            Put,
            Feed::S3,
            "PUT requests to Glacier per Requests",
        ),
        (
            C::GlacierFlexibleRetrieval,
            Get,
            Feed::S3,
            "GET and all other requests to GLACIER per Requests",
        ),
        (
            C::GlacierDeepArchive,
            Put,
            Feed::DeepArchive,
            "PUT to Glacier Deep Archive Requests",
        ),
        (
            C::GlacierDeepArchive,
            Get,
            Feed::S3,
            "GET and all other requests to GDA per Requests",
        ),
    ]
}

/// (class, feed, metric) for retrieval per GB.
fn retrieval_metrics() -> Vec<(StorageClass, Feed, &'static str)> {
    use StorageClass as C;
    vec![
        (
            C::StandardIa,
            Feed::S3,
            "Object Retrieval in Standard Infrequent Access per GB",
        ),
        (
            C::OneZoneIa,
            Feed::S3,
            "Object Retrieval in One Zone Infrequent Access per GB",
        ),
        (
            C::GlacierInstantRetrieval,
            Feed::S3,
            "Object Retrieval in Glacier Instant Retrieval per GB",
        ),
        (
            C::GlacierFlexibleRetrieval,
            Feed::S3,
            "Fee for Standard Retrieval of data stored",
        ),
        (
            C::GlacierDeepArchive,
            Feed::DeepArchive,
            "S3 Standard-Retrieval GB",
        ),
    ]
}

const MONITORING: &str =
    "Per object per month monitoring and automation fee for objects in Intelligent Tiering";

type Prices = BTreeMap<(Feed, String, String), Decimal>;

fn read_feed(
    ctx: &mut Ctx,
    feed: Feed,
    csv: &str,
    raw_rel: &str,
    prices: &mut Prices,
) -> Result<String> {
    let raw = read_json(&ctx.dir, raw_rel)?;
    let date = manifest_date(&raw, raw_rel)?;
    let table = Table::read(&ctx.dir, csv)?;
    let (mut same, mut diff) = (0u32, Vec::new());
    for row in table.rows() {
        let region = row.get("region_code")?;
        if !ctx.regions.contains(region) || !row.get("metric_group")?.is_empty() {
            continue;
        }
        let name = row.get("metric")?;
        let price = row.dec("price_usd")?;
        let location = row.get("location")?;
        let raw_price = raw
            .get("regions")
            .and_then(|r| r.get(location))
            .and_then(|r| r.get(name))
            .and_then(|v| v.get("price"))
            .and_then(serde_json::Value::as_str)
            .map(parse_dec);
        match raw_price {
            Some(Ok(p)) if p == price => same += 1,
            other => diff.push(format!("{region} {name}: csv {price} raw {other:?}")),
        }
        prices.insert((feed, region.to_string(), name.to_string()), price);
    }
    ctx.note(format!(
        "s3 {csv}: csv vs raw feed ({date}) {same} equal, {} differ (first {:?})",
        diff.len(),
        diff.iter().take(3).collect::<Vec<_>>()
    ));
    Ok(date)
}

/// Builds the S3 tables.
pub fn convert(ctx: &mut Ctx) -> Result<()> {
    let mut prices = Prices::new();
    let s3_date = read_feed(ctx, Feed::S3, S3, S3_RAW, &mut prices)?;
    let gda_date = read_feed(ctx, Feed::DeepArchive, GDA, GDA_RAW, &mut prices)?;
    let s3_origin = "GitHub v0rts/aws-price-watcher raw/s3.json and processed/s3.json @c4a0470f63402104fb3793bb114a39e488eb04ec (pricing-page feed meteredUnitMaps s3.json, manifest 2025-12-02T15:44:20Z); via aws-price-watcher__v0rts/s3.csv and raw/s3.json";
    let gda_origin = "GitHub v0rts/aws-price-watcher raw/s3glacierdeeparchive.json and processed/s3glacierdeeparchive.json @c4a0470f63402104fb3793bb114a39e488eb04ec (pricing-page feed s3glacierdeeparchive.json, manifest 2025-08-28T15:38:55Z); via aws-price-watcher__v0rts/s3glacierdeeparchive.csv";
    let regions: Vec<String> = {
        let mut r: Vec<String> = prices
            .keys()
            .filter(|k| k.0 == Feed::S3)
            .map(|k| k.1.clone())
            .collect();
        r.dedup();
        r
    };
    let id = |ctx: &mut Ctx, table: &str, feed: Feed, note: &str| match feed {
        Feed::S3 => ctx.sources.add(
            &format!("{table}_v0rts_{s3_date}"),
            table,
            &s3_date,
            s3_origin,
            note,
        ),
        Feed::DeepArchive => ctx.sources.add(
            &format!("{table}_deep_archive_v0rts_{gda_date}"),
            table,
            &gda_date,
            gda_origin,
            note,
        ),
    };
    let mut missing = Vec::new();

    // Storage.
    let mut storage = Vec::new();
    for (tier, feed, metrics) in storage_metrics() {
        let source = id(
            ctx,
            "s3_storage",
            feed,
            "Storage per GB-month. Standard and Intelligent-Tiering Frequent Access tiers: first 50 TB (0-51,200 GB), next 450 TB (51,200-512,000 GB), over 500 TB (metric names `First 50 TB` / `Next 450 TB` / `Over 500 TB`; 1 TB = 1,024 GB). Glacier Flexible Retrieval = `Glacier Storage per GB Mo`; Deep Archive from its own feed. Intelligent-Tiering archive tiers = `IntelligentTieringArchiveAccess` / `IntelligentTieringDeepArchiveAccess`.",
        );
        for region in &regions {
            let found: Vec<Option<Decimal>> = metrics
                .iter()
                .map(|(m, _, _)| {
                    prices
                        .get(&(feed, region.clone(), (*m).to_string()))
                        .copied()
                })
                .collect();
            if found.iter().any(Option::is_none) {
                missing.push(format!("{region} storage {tier:?}"));
                continue;
            }
            for ((_, start, end), price) in metrics.iter().zip(found) {
                storage.push(S3StorageRow {
                    region_code: region.clone(),
                    storage_tier: tier,
                    tier_start: Decimal::from(*start),
                    tier_end: end.map(Decimal::from),
                    unit: Unit::GbMonths,
                    price_usd: price.unwrap_or_default(),
                    source_id: source.clone(),
                });
            }
        }
    }

    // Requests.
    let mut requests = Vec::new();
    for (class, request_type, feed, name) in request_metrics() {
        let source = id(
            ctx,
            "s3_requests",
            feed,
            "Per request (not per 1,000). put = PUT, COPY, POST, LIST; get = GET, SELECT and all other requests. Glacier Flexible Retrieval: `PUT requests to Glacier` / `GET and all other requests to GLACIER`; Deep Archive: PUT from the Deep Archive feed (`PUT to Glacier Deep Archive Requests`), GET from the S3 feed (`GET and all other requests to GDA`).",
        );
        for region in &regions {
            match prices.get(&(feed, region.clone(), name.to_string())) {
                Some(price) => requests.push(S3RequestRow {
                    region_code: region.clone(),
                    storage_class: class,
                    request_type,
                    unit: Unit::Requests,
                    price_usd: *price,
                    source_id: source.clone(),
                }),
                None => missing.push(format!("{region} request {name}")),
            }
        }
    }

    // Retrieval.
    let mut retrieval = Vec::new();
    for (class, feed, name) in retrieval_metrics() {
        let source = id(
            ctx,
            "s3_retrieval",
            feed,
            "Data retrieval per GB: Standard-IA, One Zone-IA, Glacier Instant Retrieval (`Object Retrieval in ... per GB`); Glacier Flexible Retrieval standard speed (`Fee for Standard Retrieval of data stored`); Deep Archive standard speed (`S3 Standard-Retrieval GB`, Deep Archive feed).",
        );
        for region in &regions {
            match prices.get(&(feed, region.clone(), name.to_string())) {
                Some(price) => retrieval.push(S3RetrievalRow {
                    region_code: region.clone(),
                    storage_class: class,
                    unit: Unit::Gb,
                    price_usd: *price,
                    source_id: source.clone(),
                }),
                None => missing.push(format!("{region} retrieval {name}")),
            }
        }
    }
    // Cross-check the Glacier retrievals against the S3 feed's other names for them.
    let mut retrieval_diff = Vec::new();
    for region in &regions {
        for (ours, other_feed, other) in [
            (
                "Fee for Standard Retrieval of data stored",
                Feed::S3,
                "Glacier S3 Standard Retrieval RestoreObject",
            ),
            (
                "S3 Standard-Retrieval GB",
                Feed::S3,
                "Fee for Standard Retrieval of data stored from Glacier Deep Archive",
            ),
        ] {
            let feed = if ours.starts_with("S3 ") {
                Feed::DeepArchive
            } else {
                Feed::S3
            };
            let a = prices.get(&(feed, region.clone(), ours.to_string()));
            let b = prices.get(&(other_feed, region.clone(), other.to_string()));
            if a.is_some() && b.is_some() && a != b {
                retrieval_diff.push(format!("{region} {ours} {a:?} vs {other} {b:?}"));
            }
        }
    }

    // Monitoring.
    let source = id(
        ctx,
        "s3_monitoring",
        Feed::S3,
        "Intelligent-Tiering monitoring and automation fee per object-month (objects of 128 KB and more).",
    );
    let mut monitoring = Vec::new();
    for region in &regions {
        match prices.get(&(Feed::S3, region.clone(), MONITORING.to_string())) {
            Some(price) => monitoring.push(S3MonitoringRow {
                region_code: region.clone(),
                unit: Unit::Objects,
                price_usd: *price,
                source_id: source.clone(),
            }),
            None => missing.push(format!("{region} monitoring")),
        }
    }

    cross_check(ctx, &prices)?;
    ctx.note(format!("s3: missing prices {missing:?}; Glacier retrieval name cross-check differences {retrieval_diff:?}"));
    ctx.tables.s3_storage = storage;
    ctx.tables.s3_requests = requests;
    ctx.tables.s3_retrieval = retrieval;
    ctx.tables.s3_monitoring = monitoring;
    class_rules(ctx)
}

fn cross_check(ctx: &mut Ctx, prices: &Prices) -> Result<()> {
    let table = Table::read(&ctx.dir, CROSS)?;
    let (mut same, mut diff) = (0u32, Vec::new());
    for row in table.rows() {
        if row.get("label_source")? != "readable_key" {
            continue;
        }
        let key = (
            Feed::S3,
            row.get("region_code")?.to_string(),
            row.get("label")?.to_string(),
        );
        if let Some(ours) = prices.get(&key) {
            let theirs = row.dec("price_usd")?;
            if *ours == theirs {
                same += 1;
            } else {
                diff.push(format!(
                    "{} {}: {ours} vs 2025-10-22 {theirs}",
                    key.1, key.2
                ));
            }
        }
    }
    ctx.note(format!(
        "s3 vs lamngockhuong s3.json (2025-10-22): {same} equal, {} differ {:?}",
        diff.len(),
        diff.iter().take(10).collect::<Vec<_>>()
    ));
    Ok(())
}

fn class_rules(ctx: &mut Ctx) -> Result<()> {
    let id = ctx.sources.add(
        "s3_storage_classes_awsdocs_2023-05-05",
        "s3_storage_classes",
        "2023-05-05",
        "GitHub awsdocs/amazon-s3-userguide doc_source/storage-class-intro.md (table 'Comparing the Amazon S3 storage classes' and footnotes) and doc_source/intelligent-tiering-overview.md @4170c017e8a38ea607468386aa48cc59972ac460 ('Periodic update - 2023-05-05'); page https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html#sc-compare; via aws-docs__awsdocs-amazon-s3-userguide/s3_storage_class_minimums.csv",
        "Rules, not prices. Minimum storage duration (days); minimum billable object size 128 KB (Standard-IA, One Zone-IA, Glacier Instant Retrieval); per-object overhead of 32 KB at the class rate + 8 KB at S3 Standard rates (Glacier Flexible Retrieval, Deep Archive); Intelligent-Tiering does not monitor objects under 128 KB. Text licensed CC BY-SA 4.0 (AWS).",
    );
    let table = Table::read(&ctx.dir, MINIMUMS)?;
    let mut rows = Vec::new();
    for row in table.rows() {
        let class = match row.get("api_storage_class")? {
            "STANDARD" => StorageClass::Standard,
            "STANDARD_IA" => StorageClass::StandardIa,
            "INTELLIGENT_TIERING" => StorageClass::IntelligentTiering,
            "ONEZONE_IA" => StorageClass::OneZoneIa,
            "GLACIER_IR" => StorageClass::GlacierInstantRetrieval,
            "GLACIER" => StorageClass::GlacierFlexibleRetrieval,
            "DEEP_ARCHIVE" => StorageClass::GlacierDeepArchive,
            "REDUCED_REDUNDANCY" => continue,
            other => return Err(row.at(&format!("unknown storage class `{other}`"))),
        };
        let size_rule = row.get("size_rule")?;
        let size = row.opt_dec("min_billable_object_size_kb")?;
        let mut rule = S3ClassRuleRow {
            storage_class: class,
            min_storage_duration_days: row.opt_dec("min_storage_duration_days")?,
            min_billable_object_size_kb: None,
            overhead_kb_at_class_rate: None,
            overhead_kb_at_standard_rate: None,
            monitoring_min_object_size_kb: None,
            source_id: id.clone(),
        };
        if size_rule.starts_with("minimum billable object size") {
            rule.min_billable_object_size_kb = size;
        } else if size_rule.starts_with("per-object metadata overhead") {
            // "32 KB billed at <class> rate + 8 KB billed at S3 Standard rate" (40 KB in all).
            let class_kb = kb_before(size_rule, " KB billed at Glacier")
                .ok_or_else(|| row.at("no class-rate overhead"))?;
            let standard_kb = kb_before(size_rule, " KB billed at S3 Standard")
                .ok_or_else(|| row.at("no Standard-rate overhead"))?;
            if Some(class_kb + standard_kb) != size {
                return Err(row.at("overheads do not add up to the table's size"));
            }
            rule.overhead_kb_at_class_rate = Some(class_kb);
            rule.overhead_kb_at_standard_rate = Some(standard_kb);
        } else if class == StorageClass::IntelligentTiering {
            rule.monitoring_min_object_size_kb = Some(
                kb_before(size_rule, " KB are not monitored")
                    .ok_or_else(|| row.at("no monitoring minimum"))?,
            );
        } else if size.is_some() {
            return Err(row.at("a size without a rule"));
        }
        rows.push(rule);
    }
    if rows.len() != StorageClass::ALL.len() {
        return Err(err(format!(
            "{MINIMUMS}: expected {} classes, found {}",
            StorageClass::ALL.len(),
            rows.len()
        )));
    }
    ctx.tables.s3_storage_classes = rows;
    Ok(())
}

/// The number written just before `marker` (`... 32 KB billed at ...` -> 32).
fn kb_before(text: &str, marker: &str) -> Option<Decimal> {
    let head = &text[..text.find(marker)?];
    let digits: String = head
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    let digits: String = digits.chars().rev().collect();
    parse_dec(&digits).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overheads_are_read_from_the_docs_text() {
        let text = "per-object metadata overhead: 32 KB billed at Glacier Deep Archive rate + 8 KB billed at S3 Standard rate";
        assert_eq!(
            kb_before(text, " KB billed at Glacier"),
            Some(Decimal::from(32))
        );
        assert_eq!(
            kb_before(text, " KB billed at S3 Standard"),
            Some(Decimal::from(8))
        );
        let it = "none (objects < 128 KB are not monitored, not auto-tiered, always billed at Frequent Access tier)";
        assert_eq!(
            kb_before(it, " KB are not monitored"),
            Some(Decimal::from(128))
        );
    }

    #[test]
    fn standard_tiers_are_50_tb_and_500_tb_in_gb() {
        assert_eq!(TB_50_IN_GB, 50 * 1024);
        assert_eq!(TB_500_IN_GB, 500 * 1024);
    }
}
