//! Aurora (MySQL- and PostgreSQL-compatible): instances per storage configuration, us-east-1
//! reservations, cluster-level prices (storage, I/O, Serverless v2, backtrack, backup), and the
//! DB instance-class catalogue shared with RDS.

use std::collections::{BTreeMap, BTreeSet};

use model::response::Unit;
use model::{AuroraEngine, AuroraStorageConfig, Payment, Term};
use pricing::rows::{
    AuroraClusterRow, AuroraComponent, AuroraInstanceRow, AuroraReservedRow, DbInstanceClassRow,
};
use rust_decimal::Decimal;

use crate::Ctx;
use crate::common::{Result, Table, err, manifest_date, read_json, reconstruct_fee};
use crate::rds::ClassSpecs;

const INSTANCES: &str = "aws-price-watcher__v0rts/rds-aurora-ondemand.csv";
const AURORA_STORAGE: &str = "aws-price-watcher__v0rts/rds-aurora-storage.csv";
const AURORA_STORAGE_RAW: &str = "aws-price-watcher__v0rts/raw/rds-aurora-storage.json";
const RDS_STORAGE: &str = "aws-price-watcher__v0rts/rds-storage.csv";
const RDS_STORAGE_RAW: &str = "aws-price-watcher__v0rts/raw/rds-storage.json";
const PRICESIM: &str =
    "pricing-page-feeds__addisonj-pricesim/aurora_us-east-1_ondemand_ri_std_2026-09-24.csv";

/// Reads an Aurora instance metric (or its group name): engine and storage configuration.
pub fn parse_instance_metric(descriptor: &str) -> Option<(AuroraEngine, AuroraStorageConfig)> {
    let rest = descriptor.strip_prefix("Database Instance ")?;
    let engine = if rest.starts_with("Aurora MySQL ") {
        AuroraEngine::AuroraMysql
    } else if rest.starts_with("Aurora PostgreSQL ") {
        AuroraEngine::AuroraPostgresql
    } else {
        return None;
    };
    if !descriptor.contains(" Single-AZ") {
        return None;
    }
    let config = if descriptor.contains("Aurora IO Optimization Mode") {
        AuroraStorageConfig::IoOptimized
    } else {
        AuroraStorageConfig::Standard
    };
    Some((engine, config))
}

/// Builds the Aurora tables and `db_instance_classes`.
pub fn convert(ctx: &mut Ctx, mut specs: ClassSpecs) -> Result<()> {
    let instances = instances(ctx)?;
    reserved(ctx, &instances, &mut specs)?;
    cluster(ctx)?;

    // The class catalogue: every class with a price row.
    let mut classes: BTreeSet<String> = BTreeSet::new();
    classes.extend(
        ctx.tables
            .rds_instances
            .iter()
            .map(|r| r.instance_class.clone()),
    );
    classes.extend(instances.keys().map(|k| k.2.clone()));
    let mut rows = Vec::new();
    let mut unknown = Vec::new();
    for class in classes {
        match specs.get(&class) {
            Some((vcpu, memory)) => rows.push(DbInstanceClassRow {
                instance_class: class,
                vcpu: *vcpu,
                memory_gib: memory.normalize(),
            }),
            None => unknown.push(class),
        }
    }
    if !unknown.is_empty() {
        return Err(err(format!(
            "no vCPU/memory for priced DB classes {unknown:?}"
        )));
    }
    ctx.tables.db_instance_classes = rows;
    ctx.tables.aurora_instances = instances
        .into_iter()
        .map(
            |((region_code, engine, instance_class, storage_config), (price_usd, source_id))| {
                AuroraInstanceRow {
                    region_code,
                    engine,
                    instance_class,
                    storage_config,
                    unit: Unit::Hours,
                    price_usd,
                    source_id,
                }
            },
        )
        .collect();
    Ok(())
}

type InstanceKey = (String, AuroraEngine, String, AuroraStorageConfig);

fn instances(ctx: &mut Ctx) -> Result<BTreeMap<InstanceKey, (Decimal, String)>> {
    let id = ctx.sources.add(
        "aurora_instances_v0rts_2025-11-18",
        "aurora_instances",
        "2025-11-18",
        "GitHub v0rts/aws-price-watcher processed/rds-aurora-ondemand.json @c4a0470f63402104fb3793bb114a39e488eb04ec (pricing-page feed; processed file last changed 2025-11-18, unchanged to 2025-12-06); via aws-price-watcher__v0rts/rds-aurora-ondemand.csv",
        "Metrics (or their set names) `Database Instance Aurora MySQL|Aurora PostgreSQL No license required [Aurora IO Optimization Mode] ... Single-AZ ...`; with `Aurora IO Optimization Mode` = io_optimized, without = standard. Checks: db.r6g.large us-east-1 0.26 / 0.338, Seoul 0.313 / 0.407. Raw feed of this date not preserved (over 4 MiB).",
    );
    let table = Table::read(&ctx.dir, INSTANCES)?;
    let mut map: BTreeMap<InstanceKey, (Decimal, String)> = BTreeMap::new();
    let mut conflicts = Vec::new();
    for row in table.rows() {
        let region = row.get("region_code")?;
        if row.get("metric_is_opaque_hash")? == "yes" || !ctx.regions.contains(region) {
            continue;
        }
        let metric = row.get("metric")?;
        let descriptor = if metric.is_empty() {
            row.get("metric_group")?
        } else {
            metric
        };
        let Some((engine, config)) = parse_instance_metric(descriptor) else {
            continue;
        };
        let class = row.get("instance_type")?;
        if !class.starts_with("db.") {
            return Err(row.at("Aurora instance metric without a db.* class"));
        }
        let price = row.dec("price_usd")?;
        let key = (region.to_string(), engine, class.to_string(), config);
        match map.get(&key) {
            Some((old, _)) if *old != price => conflicts.push(format!("{key:?}: {old} vs {price}")),
            Some(_) => {}
            None => {
                map.insert(key, (price, id.clone()));
            }
        }
    }
    let probe = |region: &str, config| {
        map.get(&(
            region.to_string(),
            AuroraEngine::AuroraMysql,
            "db.r6g.large".to_string(),
            config,
        ))
        .map(|p| p.0)
    };
    let checks = [
        probe("us-east-1", AuroraStorageConfig::Standard),
        probe("us-east-1", AuroraStorageConfig::IoOptimized),
        probe("ap-northeast-2", AuroraStorageConfig::Standard),
        probe("ap-northeast-2", AuroraStorageConfig::IoOptimized),
    ];
    ctx.note(format!("aurora instances: {} rows; conflicts {conflicts:?}; db.r6g.large MySQL us-east-1/Seoul std/io {checks:?}", map.len()));
    Ok(map)
}

fn reserved(
    ctx: &mut Ctx,
    instances: &BTreeMap<InstanceKey, (Decimal, String)>,
    specs: &mut ClassSpecs,
) -> Result<()> {
    let id = ctx.sources.add(
        "aurora_reserved_pricesim_2026-09-24",
        "aurora_reserved",
        "2026-09-24",
        "GitHub addisonj/pricesim src/catalog/aws/aurora.gen.ts @cbdb505146ff2c34ea44b6b5deaf6083643d5b5f (generated from the AWS Price List offers/v1.0/aws/AmazonRDS/current/us-east-1/index.csv, 'retrieved 2026-09-24'); via pricing-page-feeds__addisonj-pricesim/aurora_us-east-1_ondemand_ri_std_2026-09-24.csv",
        "us-east-1, Aurora Standard storage configuration, Standard RIs, effective hourly rates. No Upfront: hourly = the effective rate (AWS sells no 3yr No Upfront for Aurora). All Upfront: reconstructed = true, fee = effective x 8,760 (1yr) or x 26,280 (3yr), rounded to whole dollars when within $0.02 of one, else to cents; hourly 0. The rates have 6 significant digits, so large fees can land up to $0.13 from the whole-dollar fee and keep cents (68 of 192). Partial Upfront cannot be split into fee + hourly and is left out.",
    );
    let table = Table::read(&ctx.dir, PRICESIM)?;
    let mut rows = Vec::new();
    let (mut orphans, mut od_same, mut od_diff) = (0u32, 0u32, Vec::new());
    for row in table.rows() {
        let engine = match row.get("engine")? {
            "Aurora MySQL" => AuroraEngine::AuroraMysql,
            "Aurora PostgreSQL" => AuroraEngine::AuroraPostgresql,
            other => return Err(row.at(&format!("engine `{other}`"))),
        };
        let region = row.get("region_code")?;
        let class = row.get("instance_class")?;
        if let (Ok(vcpu), Some(memory)) =
            (row.get("vcpu")?.parse::<u32>(), row.opt_dec("memory_gib")?)
        {
            specs.entry(class.to_string()).or_insert((vcpu, memory));
        }
        let key = (
            region.to_string(),
            engine,
            class.to_string(),
            AuroraStorageConfig::Standard,
        );
        let Some((od, _)) = instances.get(&key) else {
            orphans += 1;
            continue;
        };
        for (col, config) in [
            (
                "ondemand_hourly_usd_aurora_standard",
                AuroraStorageConfig::Standard,
            ),
            (
                "ondemand_hourly_usd_io_optimized",
                AuroraStorageConfig::IoOptimized,
            ),
        ] {
            let ours = instances
                .get(&(region.to_string(), engine, class.to_string(), config))
                .map(|p| p.0);
            let theirs = row.opt_dec(col)?;
            if ours == theirs {
                od_same += 1;
            } else {
                od_diff.push(format!(
                    "{} {class} {}: v0rts {ours:?} pricesim {theirs:?}",
                    engine.as_str(),
                    config.as_str()
                ));
            }
        }
        let _ = od;
        for (term, text) in [(Term::OneYear, "1yr"), (Term::ThreeYears, "3yr")] {
            let mut push = |payment, upfront_usd, hourly_usd, reconstructed| {
                rows.push(AuroraReservedRow {
                    region_code: region.to_string(),
                    engine,
                    instance_class: class.to_string(),
                    storage_config: AuroraStorageConfig::Standard,
                    term,
                    payment,
                    upfront_usd,
                    hourly_usd,
                    unit: Unit::Hours,
                    reconstructed,
                    source_id: id.clone(),
                });
            };
            if let Some(hourly) =
                row.opt_dec(&format!("ri_std_{text}_noupfront_effective_hourly_usd"))?
            {
                push(Payment::NoUpfront, Decimal::ZERO, hourly, false);
            }
            if let Some(effective) =
                row.opt_dec(&format!("ri_std_{text}_allupfront_effective_hourly_usd"))?
            {
                push(
                    Payment::AllUpfront,
                    reconstruct_fee(effective, term),
                    Decimal::ZERO,
                    true,
                );
            }
        }
    }
    ctx.note(format!(
        "aurora reserved: {} rows, {orphans} orphan classes dropped; pricesim on-demand (2026-09-24) vs v0rts (2025-11-18): {od_same} equal, {} differ {od_diff:?}",
        rows.len(),
        od_diff.len()
    ));
    ctx.tables.aurora_reserved = rows;
    Ok(())
}

fn cluster(ctx: &mut Ctx) -> Result<()> {
    use AuroraComponent as C;
    use AuroraEngine::{AuroraMysql as My, AuroraPostgresql as Pg};
    use AuroraStorageConfig::{IoOptimized as Io, Standard as Std};
    let raw = read_json(&ctx.dir, AURORA_STORAGE_RAW)?;
    let a_date = manifest_date(&raw, AURORA_STORAGE_RAW)?;
    let raw = read_json(&ctx.dir, RDS_STORAGE_RAW)?;
    let r_date = manifest_date(&raw, RDS_STORAGE_RAW)?;
    let a_id = ctx.sources.add(
        &format!("aurora_cluster_v0rts_aurora_storage_{a_date}"),
        "aurora_cluster",
        &a_date,
        "GitHub v0rts/aws-price-watcher raw/rds-aurora-storage.json @c4a0470f63402104fb3793bb114a39e488eb04ec (pricing-page feed rds-aurora-storage.json, manifest 2025-12-05T17:16:09Z); via aws-price-watcher__v0rts/rds-aurora-storage.csv",
        "I/O-Optimized storage `Aurora MySQL|Aurora PostgreSQL IO Optimized Aurora` per GB-month; I/O `System Operation Aurora I O Operation` per request (standard only); Serverless v2 `... ServerlessV2` (standard) and `... ServerlessV2 Aurora IO Optimization Mode` per ACU-hour; backtrack `System Operation Aurora Backtrack` per change record (Aurora MySQL; the one rate is written for both storage configurations); backup `Storage Snapshot Aurora MySQL|PostgreSQL` per GB-month (both configurations).",
    );
    let r_id = ctx.sources.add(
        &format!("aurora_cluster_v0rts_rds_storage_{r_date}"),
        "aurora_cluster",
        &r_date,
        "GitHub v0rts/aws-price-watcher raw/rds-storage.json @c4a0470f63402104fb3793bb114a39e488eb04ec (pricing-page feed rds-storage.json, manifest 2025-12-05T17:16:09Z); via aws-price-watcher__v0rts/rds-storage.csv",
        "Aurora Standard storage `Database Storage Single AZ General Purpose-Aurora` per GB-month (one rate for both engines; the PostgreSQL-specific key in rds-aurora-storage.json carries the same value).",
    );
    let mut prices: BTreeMap<(String, String, &str), Decimal> = BTreeMap::new();
    for (file, tag) in [(AURORA_STORAGE, "a"), (RDS_STORAGE, "r")] {
        let table = Table::read(&ctx.dir, file)?;
        for row in table.rows() {
            let region = row.get("region_code")?;
            if ctx.regions.contains(region)
                && row.get("metric_group")?.is_empty()
                && row.get("metric_is_opaque_hash")? == "no"
            {
                prices.insert(
                    (region.to_string(), row.get("metric")?.to_string(), tag),
                    row.dec("price_usd")?,
                );
            }
        }
    }
    let wanted: Vec<(AuroraEngine, AuroraStorageConfig, C, Unit, &str, &str)> = vec![
        (
            My,
            Std,
            C::Storage,
            Unit::GbMonths,
            "Database Storage Single AZ General Purpose-Aurora",
            "r",
        ),
        (
            Pg,
            Std,
            C::Storage,
            Unit::GbMonths,
            "Database Storage Single AZ General Purpose-Aurora",
            "r",
        ),
        (
            My,
            Io,
            C::Storage,
            Unit::GbMonths,
            "Aurora MySQL IO Optimized Aurora",
            "a",
        ),
        (
            Pg,
            Io,
            C::Storage,
            Unit::GbMonths,
            "Aurora PostgreSQL IO Optimized Aurora",
            "a",
        ),
        (
            My,
            Std,
            C::IoRequests,
            Unit::IoRequests,
            "System Operation Aurora I O Operation",
            "a",
        ),
        (
            Pg,
            Std,
            C::IoRequests,
            Unit::IoRequests,
            "System Operation Aurora I O Operation",
            "a",
        ),
        (
            My,
            Std,
            C::ServerlessV2,
            Unit::AcuHours,
            "Aurora MySQL ServerlessV2",
            "a",
        ),
        (
            Pg,
            Std,
            C::ServerlessV2,
            Unit::AcuHours,
            "Aurora PostgreSQL ServerlessV2",
            "a",
        ),
        (
            My,
            Io,
            C::ServerlessV2,
            Unit::AcuHours,
            "Aurora MySQL ServerlessV2 Aurora IO Optimization Mode",
            "a",
        ),
        (
            Pg,
            Io,
            C::ServerlessV2,
            Unit::AcuHours,
            "Aurora PostgreSQL ServerlessV2 Aurora IO Optimization Mode",
            "a",
        ),
        (
            My,
            Std,
            C::Backtrack,
            Unit::ChangeRecords,
            "System Operation Aurora Backtrack",
            "a",
        ),
        (
            My,
            Io,
            C::Backtrack,
            Unit::ChangeRecords,
            "System Operation Aurora Backtrack",
            "a",
        ),
        (
            My,
            Std,
            C::Backup,
            Unit::GbMonths,
            "Storage Snapshot Aurora MySQL",
            "a",
        ),
        (
            My,
            Io,
            C::Backup,
            Unit::GbMonths,
            "Storage Snapshot Aurora MySQL",
            "a",
        ),
        (
            Pg,
            Std,
            C::Backup,
            Unit::GbMonths,
            "Storage Snapshot Aurora PostgreSQL",
            "a",
        ),
        (
            Pg,
            Io,
            C::Backup,
            Unit::GbMonths,
            "Storage Snapshot Aurora PostgreSQL",
            "a",
        ),
    ];
    let mut regions: Vec<String> = prices.keys().map(|k| k.0.clone()).collect();
    regions.dedup();
    let mut rows = Vec::new();
    let mut missing = Vec::new();
    for region in &regions {
        for (engine, config, component, unit, name, tag) in &wanted {
            match prices.get(&(region.clone(), (*name).to_string(), *tag)) {
                Some(price) => rows.push(AuroraClusterRow {
                    region_code: region.clone(),
                    engine: *engine,
                    storage_config: *config,
                    component: *component,
                    unit: *unit,
                    price_usd: *price,
                    source_id: if *tag == "a" {
                        a_id.clone()
                    } else {
                        r_id.clone()
                    },
                }),
                None => missing.push(format!("{region} {name}")),
            }
        }
        // Aurora PostgreSQL standard storage also has its own key; use it where the generic
        // key is missing (us-gov-east-1 publishes the generic one only as `Multi AZ`).
        let pg_key = (
            region.clone(),
            "Database Storage DB Engine Aurora PostgreSQL General Purpose Aurora".to_string(),
            "a",
        );
        let has_pg_storage = rows.iter().any(|r: &AuroraClusterRow| {
            &r.region_code == region
                && r.engine == Pg
                && r.storage_config == Std
                && r.component == C::Storage
        });
        if let (false, Some(price)) = (has_pg_storage, prices.get(&pg_key)) {
            rows.push(AuroraClusterRow {
                region_code: region.clone(),
                engine: Pg,
                storage_config: Std,
                component: C::Storage,
                unit: Unit::GbMonths,
                price_usd: *price,
                source_id: a_id.clone(),
            });
            missing.push(format!(
                "{region}: Aurora PostgreSQL standard storage taken from its engine-specific key"
            ));
        }
        // Cross-check: the PostgreSQL-specific standard storage key.
        let pg = prices.get(&(
            region.clone(),
            "Database Storage DB Engine Aurora PostgreSQL General Purpose Aurora".to_string(),
            "a",
        ));
        let generic = prices.get(&(
            region.clone(),
            "Database Storage Single AZ General Purpose-Aurora".to_string(),
            "r",
        ));
        if pg.is_some() && generic.is_some() && pg != generic {
            missing.push(format!(
                "{region}: PostgreSQL storage key {pg:?} differs from generic {generic:?}"
            ));
        }
    }
    ctx.note(format!(
        "aurora cluster: {} rows; missing or differing: {missing:?}",
        rows.len()
    ));
    ctx.tables.aurora_cluster = rows;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aurora_metrics_give_engine_and_storage_configuration() {
        let io = "Database Instance Aurora MySQL No license required Aurora IO Optimization Mode db r6g.large Memory optimized Single-AZ Current Generation";
        assert_eq!(
            parse_instance_metric(io),
            Some((AuroraEngine::AuroraMysql, AuroraStorageConfig::IoOptimized))
        );
        let std = "Database Instance Aurora PostgreSQL No license required Memory optimized R6GD Single-AZ Current Generation";
        assert_eq!(
            parse_instance_metric(std),
            Some((
                AuroraEngine::AuroraPostgresql,
                AuroraStorageConfig::Standard
            ))
        );
        assert_eq!(parse_instance_metric("Aurora MySQL ServerlessV2"), None);
    }
}
