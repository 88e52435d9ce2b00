//! EBS volumes and snapshots from the 2024-07-18 pricing-page feed (Regions only).
//!
//! gp3's free baseline (3,000 IOPS, 125 MB/s) is written as a zero-priced first tier whose
//! source is the rules row; the feed's gp3 throughput price is per GiBps-month and is divided by
//! 1024 (exactly) to give the per-MBps-month price (us-east-1 40.96 -> 0.04, the AWS page figure).

use model::VolumeType;
use model::response::Unit;
use pricing::rows::{EbsComponent, EbsSnapshotRow, EbsVolumeRow, SnapshotTier};
use rust_decimal::Decimal;

use crate::Ctx;
use crate::common::{Result, Table, err};

const EBS: &str = "ebs-and-public-ipv4__pricing-page-feeds/ebs_prices_by_location_2024-07-18.csv";
const ORIGIN: &str = "GitHub yeo/ec2.shop data/ebs/ebs.json @576c890f33ae177837e93499866aa04a0ac4fa89 (pricing-page feed meteredUnitMaps/ec2/USD/current/ebs.json, manifest hawkFilePublicationDate 2024-07-18T13:53:37Z); via ebs-and-public-ipv4__pricing-page-feeds/ebs_prices_by_location_2024-07-18.csv";

const RULES: &str = "ebs-and-public-ipv4__pricing-page-feeds/ebs_and_public_ipv4_pricing_rules.csv";

/// The whole numbers written in a rules-file value (`3000 IOPS; 125 MB/s` -> [3000, 125]).
pub fn numbers(text: &str) -> Vec<i64> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .filter_map(|part| part.parse().ok())
        .collect()
}

/// The two numbers of the rules row with this `topic` and `unit`.
fn rule_pair(rules: &Table, topic: &str, unit: &str) -> Result<(i64, i64)> {
    for row in rules.rows() {
        if row.get("topic")? == topic && row.get("unit")? == unit {
            return match numbers(row.get("value")?).as_slice() {
                [a, b] => Ok((*a, *b)),
                _ => Err(row.at("expected two numbers in `value`")),
            };
        }
    }
    Err(err(format!(
        "{RULES}: no `{topic}` rule with unit `{unit}`"
    )))
}

/// Builds `ebs_volumes` and `ebs_snapshots`.
pub fn convert(ctx: &mut Ctx) -> Result<()> {
    let feed = ctx.sources.add(
        "ebs_volumes_feed_2024-07-18",
        "ebs_volumes",
        "2024-07-18",
        ORIGIN,
        "Storage per GB-month (gp3, gp2, io1, io2, st1, sc1, standard); gp3 IOPS above 3,000 per IOPS-month; gp3 throughput above 125 MB/s per MBps-month = the feed's `Provisioned Throughput gp3 per GiBps mo` / 1024 (us-east-1 40.96 / 1024 = 0.04, the $0.040 per MB/s-month the AWS page shows); io1 IOPS one rate; io2 IOPS tiers 0-32,000 / 32,000-64,000 / over 64,000 (limits from the rules file, medium confidence; the feed names only Tier 2 and Tier 3); standard (magnetic) I/O per request. 370 Region x component pairs also in the 2021 and 2022 captures are identical; io2 is priced in 16 Regions only.",
    );
    let baseline = ctx.sources.add(
        "ebs_volumes_gp3_baseline_rules_2026-05-11",
        "ebs_volumes",
        "2026-05-11",
        "https://aws.eu/ebs/pricing (stored copy, Example 1 gp3: rule text only) and GitHub aws/agent-toolkit-for-aws skills/core-skills/aws-billing-and-cost-management/references/ebs-optimization.md @c3ed514885e41bac10456c478c07b28d0fb02cb6 (2026-05-11); via ebs-and-public-ipv4__pricing-page-feeds/ebs_and_public_ipv4_pricing_rules.csv",
        "gp3 includes 3,000 IOPS and 125 MB/s per volume at no charge whatever the size: written as zero-priced first tiers (0-3,000 IOPS, 0-125 MBps).",
    );
    let snapshots = ctx.sources.add(
        "ebs_snapshots_feed_2024-07-18",
        "ebs_snapshots",
        "2024-07-18",
        ORIGIN,
        "Snapshot standard and archive per GB-month (`Storage Snapshot Amazon S3 GB Mo`, `SnapshotArchiveStorage GB Mo`), archive retrieval per GB (`SnapshotArchiveRetrieval GB`).",
    );

    // gp3's free baseline and io2's tier limits, per volume, from the rules file.
    let rules = Table::read(&ctx.dir, RULES)?;
    let (gp3_iops, gp3_mbps) = rule_pair(&rules, "gp3", "per volume")?;
    let (io2_tier_2, io2_tier_3) = rule_pair(&rules, "io2", "IOPS per volume")?;
    let table = Table::read(&ctx.dir, EBS)?;
    let mut volumes = Vec::new();
    let mut snaps = Vec::new();
    let mut derived_mismatch = Vec::new();
    for row in table.rows() {
        let region = row.get("region_code")?;
        if row.get("location_type")? != "AWS Region" || !ctx.regions.contains(region) {
            continue;
        }
        let mut push = |volume_type,
                        component,
                        start: i64,
                        end: Option<i64>,
                        unit,
                        price: Decimal,
                        source: &str| {
            volumes.push(EbsVolumeRow {
                region_code: region.to_string(),
                volume_type,
                component,
                tier_start: Decimal::from(start),
                tier_end: end.map(Decimal::from),
                unit,
                price_usd: price,
                source_id: source.to_string(),
            });
        };
        for (volume_type, col) in [
            (VolumeType::Gp3, "gp3_usd_per_gb_month"),
            (VolumeType::Gp2, "gp2_usd_per_gb_month"),
            (VolumeType::Io1, "io1_usd_per_gb_month"),
            (VolumeType::Io2, "io2_usd_per_gb_month"),
            (VolumeType::St1, "st1_usd_per_gb_month"),
            (VolumeType::Sc1, "sc1_usd_per_gb_month"),
            (VolumeType::Standard, "standard_usd_per_gb_month"),
        ] {
            if let Some(price) = row.opt_dec(col)? {
                push(
                    volume_type,
                    EbsComponent::Storage,
                    0,
                    None,
                    Unit::GbMonths,
                    price,
                    &feed,
                );
            }
        }
        if let Some(price) = row.opt_dec("gp3_usd_per_iops_month_above_3000")? {
            push(
                VolumeType::Gp3,
                EbsComponent::Iops,
                0,
                Some(gp3_iops),
                Unit::IopsMonths,
                Decimal::ZERO,
                &baseline,
            );
            push(
                VolumeType::Gp3,
                EbsComponent::Iops,
                gp3_iops,
                None,
                Unit::IopsMonths,
                price,
                &feed,
            );
        }
        if let Some(per_gibps) = row.opt_dec("gp3_usd_per_gibps_month_above_125mibps")? {
            let per_mibps = (per_gibps / Decimal::from(1024)).normalize();
            if let Some(derived) =
                row.opt_dec("gp3_usd_per_mibps_month_above_125_DERIVED_div1024")?
                && derived != per_mibps
            {
                derived_mismatch.push(format!("{region}: {per_mibps} vs {derived}"));
            }
            push(
                VolumeType::Gp3,
                EbsComponent::Throughput,
                0,
                Some(gp3_mbps),
                Unit::MbpsMonths,
                Decimal::ZERO,
                &baseline,
            );
            push(
                VolumeType::Gp3,
                EbsComponent::Throughput,
                gp3_mbps,
                None,
                Unit::MbpsMonths,
                per_mibps,
                &feed,
            );
        }
        if let Some(price) = row.opt_dec("io1_usd_per_iops_month")? {
            push(
                VolumeType::Io1,
                EbsComponent::Iops,
                0,
                None,
                Unit::IopsMonths,
                price,
                &feed,
            );
        }
        let io2 = (
            row.opt_dec("io2_usd_per_iops_month_tier1")?,
            row.opt_dec("io2_usd_per_iops_month_tier2")?,
            row.opt_dec("io2_usd_per_iops_month_tier3")?,
        );
        match io2 {
            (Some(t1), Some(t2), Some(t3)) => {
                push(
                    VolumeType::Io2,
                    EbsComponent::Iops,
                    0,
                    Some(io2_tier_2),
                    Unit::IopsMonths,
                    t1,
                    &feed,
                );
                push(
                    VolumeType::Io2,
                    EbsComponent::Iops,
                    io2_tier_2,
                    Some(io2_tier_3),
                    Unit::IopsMonths,
                    t2,
                    &feed,
                );
                push(
                    VolumeType::Io2,
                    EbsComponent::Iops,
                    io2_tier_3,
                    None,
                    Unit::IopsMonths,
                    t3,
                    &feed,
                );
            }
            (None, None, None) => {}
            _ => return Err(row.at("io2 IOPS tiers are only partly priced")),
        }
        if let Some(price) = row.opt_dec("standard_usd_per_io_request")? {
            push(
                VolumeType::Standard,
                EbsComponent::IoRequests,
                0,
                None,
                Unit::IoRequests,
                price,
                &feed,
            );
        }
        for (tier, col, unit) in [
            (
                SnapshotTier::Standard,
                "snapshot_standard_usd_per_gb_month",
                Unit::GbMonths,
            ),
            (
                SnapshotTier::Archive,
                "snapshot_archive_usd_per_gb_month",
                Unit::GbMonths,
            ),
            (
                SnapshotTier::ArchiveRetrieval,
                "snapshot_archive_retrieval_usd_per_gb",
                Unit::Gb,
            ),
        ] {
            if let Some(price_usd) = row.opt_dec(col)? {
                snaps.push(EbsSnapshotRow {
                    region_code: region.to_string(),
                    tier,
                    unit,
                    price_usd,
                    source_id: snapshots.clone(),
                });
            }
        }
    }
    ctx.note(format!(
        "ebs: gp3 throughput /1024 vs the capture's derived column: {} mismatches {derived_mismatch:?}",
        derived_mismatch.len()
    ));
    ctx.tables.ebs_volumes = volumes;
    ctx.tables.ebs_snapshots = snaps;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_values_give_the_tier_limits() {
        assert_eq!(numbers("3000 IOPS; 125 MB/s"), vec![3000, 125]);
        assert_eq!(numbers("32000; 64000"), vec![32000, 64000]);
        assert!(numbers("").is_empty());
    }
}
