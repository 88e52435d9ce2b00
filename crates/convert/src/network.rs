//! Public IPv4 addresses and data transfer out to the internet.

use std::collections::BTreeMap;

use model::response::Unit;
use pricing::rows::{DataTransferOutRow, PublicIpv4Row};
use rust_decimal::Decimal;

use crate::Ctx;
use crate::common::{Result, Table, err, parse_dec};

const IPV4: &str =
    "ebs-and-public-ipv4__pricing-page-feeds/public_ipv4_and_carrier_ip_prices_2025-11.csv";
const DATATRANSFER: &str = "aws-price-watcher__v0rts/datatransfer.csv";
const IN_USE_KEY: &str = "Hourly charge for In use Public IPv4 Addresses per Hrs";
const EGRESS_PREFIX: &str = "DataTransfer External Outbound ";

/// Builds `public_ipv4` and `data_transfer_out`.
pub fn convert(ctx: &mut Ctx) -> Result<()> {
    public_ipv4(ctx)?;
    data_transfer_out(ctx)
}

fn public_ipv4(ctx: &mut Ctx) -> Result<()> {
    let id = ctx.sources.add(
        "public_ipv4_vpc_feed_2025-11-19",
        "public_ipv4",
        "2025-11-19",
        "GitHub v0rts/aws-price-watcher raw/vpc.json @2b8a61f16c88b7ab6b0cad5cbc2d1789671a30c1 (pricing-page feed vpc.json, manifest 2025-11-19T17:36:08Z); via ebs-and-public-ipv4__pricing-page-feeds/public_ipv4_and_carrier_ip_prices_2025-11.csv",
        "Key `Hourly charge for In use Public IPv4 Addresses per Hrs`, per IP-hour. Idle addresses cost the same. Cross-check: lamngockhuong/aws-price vpc.json (2025-11-04), 0 differences.",
    );
    let table = Table::read(&ctx.dir, IPV4)?;
    let mut rows = Vec::new();
    let mut crosscheck_diff = 0u32;
    for row in table.rows() {
        let region = row.get("region_code")?;
        if row.get("feed_key")? != IN_USE_KEY
            || row.get("location_type")? != "AWS Region"
            || !ctx.regions.contains(region)
        {
            continue;
        }
        let price_usd = row.dec("price_usd")?;
        if row.opt_dec("crosscheck_price_usd")? != Some(price_usd) {
            crosscheck_diff += 1;
        }
        rows.push(PublicIpv4Row {
            region_code: region.to_string(),
            unit: Unit::Hours,
            price_usd,
            source_id: id.clone(),
        });
    }
    ctx.note(format!(
        "public ipv4: {} Regions, {crosscheck_diff} differ from the 2025-11-04 capture",
        rows.len()
    ));
    ctx.tables.public_ipv4 = rows;
    Ok(())
}

/// Reads `StartingRange: a, EndingRange: b` (GB; `Inf` is open).
pub fn parse_range(text: &str) -> Result<(Decimal, Option<Decimal>)> {
    let mut start = None;
    let mut end = None;
    for part in text.split(',') {
        let (name, value) = part
            .split_once(':')
            .ok_or_else(|| err(format!("unreadable range `{text}`")))?;
        let value = value.trim();
        match name.trim() {
            "StartingRange" => start = Some(parse_dec(value)?),
            "EndingRange" => {
                end = Some(if value == "Inf" {
                    None
                } else {
                    Some(parse_dec(value)?)
                });
            }
            _ => {}
        }
    }
    match (start, end) {
        (Some(s), Some(e)) => Ok((s, e)),
        _ => Err(err(format!("range without start or end: `{text}`"))),
    }
}

/// Checks that tiers run contiguously from 0 and end with one open tier.
pub fn check_tiers(tiers: &[(Decimal, Option<Decimal>)]) -> std::result::Result<(), String> {
    let mut expected = Decimal::ZERO;
    for (i, (start, end)) in tiers.iter().enumerate() {
        if *start != expected {
            return Err(format!("tier {i} starts at {start}, expected {expected}"));
        }
        match end {
            Some(e) if *e > *start => expected = *e,
            Some(e) => return Err(format!("tier {i} ends at {e}, not after {start}")),
            None if i + 1 == tiers.len() => return Ok(()),
            None => return Err(format!("tier {i} is open but not last")),
        }
    }
    Err("no open last tier".to_string())
}

fn data_transfer_out(ctx: &mut Ctx) -> Result<()> {
    let id = ctx.sources.add(
        "data_transfer_out_v0rts_2025-08-28",
        "data_transfer_out",
        "2025-08-28",
        "GitHub v0rts/aws-price-watcher processed/datatransfer.json @c4a0470f63402104fb3793bb114a39e488eb04ec (pricing-page feed datatransfer.json; processed file last changed 2025-08-28, unchanged to 2025-12-06); via aws-price-watcher__v0rts/datatransfer.csv",
        "Metrics `DataTransfer External Outbound Next 10 TB / Next 40 TB / Next 100 TB / Greater than 150 TB` with the feed's StartingRange/EndingRange in GB (0-10,240 / 10,240-51,200 / 51,200-153,600 / 153,600-open). The `... New` and `... No Wavelength` variants carry the same prices. The free 100 GB per month is not in the feed (billing rule data_transfer_free_gb). Raw feed not preserved (over 4 MiB).",
    );
    let table = Table::read(&ctx.dir, DATATRANSFER)?;
    let mut by_region: BTreeMap<String, BTreeMap<Decimal, (Option<Decimal>, Decimal)>> =
        BTreeMap::new();
    let mut variants: BTreeMap<(String, Decimal), Vec<Decimal>> = BTreeMap::new();
    for row in table.rows() {
        let region = row.get("region_code")?;
        let Some(rest) = row.get("metric")?.strip_prefix(EGRESS_PREFIX) else {
            continue;
        };
        if !ctx.regions.contains(region) {
            continue;
        }
        let (start, end) = parse_range(row.get("extra_attributes")?).map_err(|e| row.at(&e.0))?;
        let price = row.dec("price_usd")?;
        if rest.ends_with(" New") || rest.ends_with(" No Wavelength") {
            variants
                .entry((region.to_string(), start))
                .or_default()
                .push(price);
            continue;
        }
        let tiers = by_region.entry(region.to_string()).or_default();
        if let Some((old_end, old_price)) = tiers.insert(start, (end, price))
            && (old_end != end || old_price != price)
        {
            return Err(row.at(&format!("two egress tiers start at {start} in {region}")));
        }
    }
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    let mut variant_diff = 0u32;
    for (region, tiers) in by_region {
        let list: Vec<(Decimal, Option<Decimal>)> =
            tiers.iter().map(|(s, (e, _))| (*s, *e)).collect();
        if let Err(why) = check_tiers(&list) {
            skipped.push(format!("{region}: {why}"));
            continue;
        }
        for (start, (end, price)) in tiers {
            if let Some(others) = variants.get(&(region.clone(), start)) {
                variant_diff += u32::try_from(others.iter().filter(|p| **p != price).count())
                    .unwrap_or(u32::MAX);
            }
            rows.push(DataTransferOutRow {
                region_code: region.clone(),
                tier_start: start,
                tier_end: end,
                unit: Unit::Gb,
                price_usd: price,
                source_id: id.clone(),
            });
        }
    }
    ctx.note(format!(
        "data transfer out: Regions skipped for non-contiguous tiers: {skipped:?}; {variant_diff} New/No Wavelength variant prices differ from the base metric"
    ));
    ctx.tables.data_transfer_out = rows;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn feed_ranges_are_read_in_gb_with_inf_open() {
        assert_eq!(
            parse_range("StartingRange: 0, EndingRange: 10240").expect("ok"),
            (d(0), Some(d(10240)))
        );
        assert_eq!(
            parse_range("StartingRange: 153600, EndingRange: Inf").expect("ok"),
            (d(153600), None)
        );
        assert!(parse_range("Instance Type: m5.large").is_err());
    }

    #[test]
    fn tiers_must_be_contiguous_from_zero_with_an_open_end() {
        let good = [
            (d(0), Some(d(10240))),
            (d(10240), Some(d(51200))),
            (d(51200), None),
        ];
        assert!(check_tiers(&good).is_ok());
        let gap = [(d(0), Some(d(10240))), (d(20000), None)];
        assert!(check_tiers(&gap).is_err());
        let not_from_zero = [(d(1), None)];
        assert!(check_tiers(&not_from_zero).is_err());
        let closed = [(d(0), Some(d(10)))];
        assert!(check_tiers(&closed).is_err());
    }
}
