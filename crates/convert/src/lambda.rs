//! Lambda: requests, tiered duration, ephemeral storage, provisioned concurrency and the
//! duration of invocations served by it, per architecture (the feed's `-ARM` metrics).
//! Lambda@Edge and response streaming (`Processed-Bytes`) are left out.

use std::collections::BTreeMap;

use model::Architecture;
use model::response::Unit;
use pricing::rows::{LambdaComponent, LambdaRow};
use rust_decimal::Decimal;

use crate::Ctx;
use crate::common::{Result, Table, err, manifest_date, parse_dec, read_json};
use crate::network::check_tiers;

const LAMBDA: &str = "aws-price-watcher__v0rts/lambda.csv";
const RAW: &str = "aws-price-watcher__v0rts/raw/lambda.json";
const CROSS: &str = "aws-pricing-page-feeds__lamngockhuong-aws-price/lambda_prices_flat.csv";

const RULES: &str = "aws-pages-transcribed/lambda_pricing_rules.csv";

/// Reads a tier range as the rules file writes it: `0-6000000000`, or `>15000000000` for the
/// open last tier.
pub fn parse_rule_range(text: &str) -> Option<(Decimal, Option<Decimal>)> {
    let text = text.trim();
    if let Some(start) = text.strip_prefix('>') {
        return Some((parse_dec(start).ok()?, None));
    }
    let (start, end) = text.split_once('-')?;
    Some((parse_dec(start).ok()?, Some(parse_dec(end).ok()?)))
}

/// The duration tiers of `arch` (GB-seconds per month), from the rules transcribed from the AWS
/// blog 'Introducing tiered pricing for AWS Lambda': rows `duration_tier_<n>_range`.
fn duration_tiers(rules: &Table, arch: Architecture) -> Result<Vec<(Decimal, Option<Decimal>)>> {
    let mut tiers = BTreeMap::new();
    for row in rules.rows() {
        let rule = row.get("rule")?;
        if rule.starts_with("duration_tier_") && row.get("architecture")? == arch.as_str() {
            let range = parse_rule_range(row.get("value")?)
                .ok_or_else(|| row.at("unreadable tier range"))?;
            tiers.insert(rule.to_string(), range);
        }
    }
    let tiers: Vec<_> = tiers.into_values().collect();
    check_tiers(&tiers)
        .map_err(|why| err(format!("{RULES}: {} duration tiers: {why}", arch.as_str())))?;
    if tiers.len() != 3 {
        return Err(err(format!(
            "{RULES}: expected 3 {} duration tiers",
            arch.as_str()
        )));
    }
    Ok(tiers)
}

/// The feed metric of each (architecture, component, tier index).
fn metric(arch: Architecture, component: LambdaComponent, tier: usize) -> String {
    let arm = arch == Architecture::Arm64;
    let base = match component {
        LambdaComponent::Requests => "Lambda Requests",
        LambdaComponent::Duration => "Lambda Duration",
        LambdaComponent::EphemeralStorage => "Lambda Storage-Duration",
        LambdaComponent::ProvisionedConcurrency => "Lambda Provisioned-Concurrency",
        LambdaComponent::ProvisionedDuration => "Lambda Duration-Provisioned",
    };
    let mut name = base.to_string();
    if arm {
        name.push_str("-ARM");
    }
    if component == LambdaComponent::Duration && tier > 0 {
        name.push_str(&format!(" Tier{}", tier + 1));
    }
    name
}

/// Builds `lambda`.
pub fn convert(ctx: &mut Ctx) -> Result<()> {
    let raw = read_json(&ctx.dir, RAW)?;
    let date = manifest_date(&raw, RAW)?;
    let id = ctx.sources.add(
        &format!("lambda_v0rts_{date}"),
        "lambda",
        &date,
        "GitHub v0rts/aws-price-watcher raw/lambda.json and processed/lambda.json @c4a0470f63402104fb3793bb114a39e488eb04ec (pricing-page feed meteredUnitMaps lambda.json, manifest hawkFilePublicationDate 2025-12-02T15:39:00Z); via aws-price-watcher__v0rts/lambda.csv and raw/lambda.json",
        "Metrics `Lambda Requests`, `Lambda Duration` / `Tier2` / `Tier3`, `Lambda Storage-Duration`, `Lambda Provisioned-Concurrency`, `Lambda Duration-Provisioned`, each with an `-ARM` variant for arm64. Requests per request, the rest per GB-second. Duration tier limits (x86 0-6e9-15e9-open, arm64 0-7.5e9-18.75e9-open GB-s) from the AWS blog 'Introducing tiered pricing for AWS Lambda' (aws-pages-transcribed/lambda_pricing_rules.csv). Every price equals the raw feed of the same date and the lamngockhuong capture of 2025-10-30.",
    );
    let rules = Table::read(&ctx.dir, RULES)?;
    let table = Table::read(&ctx.dir, LAMBDA)?;
    let mut prices: BTreeMap<(String, String), (Decimal, String)> = BTreeMap::new();
    for row in table.rows() {
        let region = row.get("region_code")?;
        if !ctx.regions.contains(region) || !row.get("metric_group")?.is_empty() {
            continue;
        }
        prices.insert(
            (region.to_string(), row.get("metric")?.to_string()),
            (row.dec("price_usd")?, row.get("location")?.to_string()),
        );
    }

    // Cross-checks: the raw feed of the same capture and the lamngockhuong capture.
    let mut raw_same = 0u32;
    let mut raw_diff = Vec::new();
    for ((region, name), (price, location)) in &prices {
        let text = raw
            .pointer(&format!("/regions/{}/{}", escape(location), escape(name)))
            .and_then(|v| v.get("price"))
            .and_then(serde_json::Value::as_str);
        match text.map(parse_dec) {
            Some(Ok(p)) if p == *price => raw_same += 1,
            other => raw_diff.push(format!("{region} {name}: csv {price} raw {other:?}")),
        }
    }
    let cross = Table::read(&ctx.dir, CROSS)?;
    let (mut cross_same, mut cross_diff) = (0u32, Vec::new());
    for row in cross.rows() {
        if row.get("label_source")? != "readable_key" {
            continue;
        }
        let key = (
            row.get("region_code")?.to_string(),
            row.get("label")?.to_string(),
        );
        if let Some((ours, _)) = prices.get(&key) {
            let theirs = row.dec("price_usd")?;
            if *ours == theirs {
                cross_same += 1;
            } else {
                cross_diff.push(format!(
                    "{} {}: {ours} vs 2025-10-30 {theirs}",
                    key.0, key.1
                ));
            }
        }
    }
    ctx.note(format!(
        "lambda: csv vs raw feed {raw_same} equal, {} differ {:?}; vs lamngockhuong 2025-10-30 {cross_same} equal, {} differ {:?}",
        raw_diff.len(),
        raw_diff.iter().take(5).collect::<Vec<_>>(),
        cross_diff.len(),
        cross_diff.iter().take(5).collect::<Vec<_>>()
    ));

    let regions: Vec<String> = {
        let mut r: Vec<String> = prices.keys().map(|(r, _)| r.clone()).collect();
        r.dedup();
        r
    };
    let mut rows = Vec::new();
    let mut incomplete = Vec::new();
    for region in regions {
        let mut region_rows = Vec::new();
        let mut missing = Vec::new();
        for arch in Architecture::ALL {
            for (component, unit) in [
                (LambdaComponent::Requests, Unit::Requests),
                (LambdaComponent::EphemeralStorage, Unit::GbSeconds),
                (LambdaComponent::ProvisionedConcurrency, Unit::GbSeconds),
                (LambdaComponent::ProvisionedDuration, Unit::GbSeconds),
            ] {
                let name = metric(arch, component, 0);
                match prices.get(&(region.clone(), name.clone())) {
                    Some((price, _)) => region_rows.push(LambdaRow {
                        region_code: region.clone(),
                        architecture: arch,
                        component,
                        tier_start: Decimal::ZERO,
                        tier_end: None,
                        unit,
                        price_usd: *price,
                        source_id: id.clone(),
                    }),
                    None => missing.push(name),
                }
            }
            // Duration is written only when all three tiers are priced, so tiers stay contiguous.
            let tiers = duration_tiers(&rules, arch)?;
            let found: Vec<Option<Decimal>> = (0..3)
                .map(|i| {
                    prices
                        .get(&(region.clone(), metric(arch, LambdaComponent::Duration, i)))
                        .map(|p| p.0)
                })
                .collect();
            if found.iter().all(Option::is_some) {
                for (i, (start, end)) in tiers.iter().enumerate() {
                    region_rows.push(LambdaRow {
                        region_code: region.clone(),
                        architecture: arch,
                        component: LambdaComponent::Duration,
                        tier_start: *start,
                        tier_end: *end,
                        unit: Unit::GbSeconds,
                        price_usd: found[i].unwrap_or_default(),
                        source_id: id.clone(),
                    });
                }
            } else {
                missing.push(format!("{} duration tiers", arch.as_str()));
            }
        }
        if !missing.is_empty() {
            incomplete.push(format!("{region}: {missing:?}"));
        }
        rows.extend(region_rows);
    }
    ctx.note(format!(
        "lambda: Regions with missing components: {incomplete:?}"
    ));
    ctx.tables.lambda = rows;
    Ok(())
}

/// Escapes a JSON-pointer segment.
fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arm_metrics_are_the_feed_names_with_an_arm_suffix() {
        assert_eq!(
            metric(Architecture::X86_64, LambdaComponent::Duration, 0),
            "Lambda Duration"
        );
        assert_eq!(
            metric(Architecture::X86_64, LambdaComponent::Duration, 2),
            "Lambda Duration Tier3"
        );
        assert_eq!(
            metric(Architecture::Arm64, LambdaComponent::Duration, 1),
            "Lambda Duration-ARM Tier2"
        );
        assert_eq!(
            metric(Architecture::Arm64, LambdaComponent::ProvisionedDuration, 0),
            "Lambda Duration-Provisioned-ARM"
        );
        assert_eq!(
            metric(Architecture::Arm64, LambdaComponent::EphemeralStorage, 0),
            "Lambda Storage-Duration-ARM"
        );
    }

    #[test]
    fn rule_ranges_are_read_with_an_open_last_tier() {
        let d = |n: i64| Decimal::from(n);
        assert_eq!(
            parse_rule_range("0-6000000000"),
            Some((d(0), Some(d(6_000_000_000))))
        );
        assert_eq!(
            parse_rule_range("7500000000-18750000000"),
            Some((d(7_500_000_000), Some(d(18_750_000_000))))
        );
        assert_eq!(
            parse_rule_range(">15000000000"),
            Some((d(15_000_000_000), None))
        );
        assert_eq!(parse_rule_range("lots"), None);
    }
}
