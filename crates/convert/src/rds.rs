//! RDS (MySQL, PostgreSQL, MariaDB, Oracle, SQL Server): On-Demand instances, reservations,
//! storage, provisioned IOPS/throughput and backup. Also collects the instance-class specs
//! (vCPU, memory) that the feeds carry in their attributes.

use std::collections::BTreeMap;

use model::response::Unit;
use model::{Deployment, LicenseModel, RdsEdition, RdsEngine, RdsStorageType};
use pricing::rows::{
    RdsBackupRow, RdsInstanceRow, RdsReservedRow, RdsStorageComponent, RdsStorageRow,
};
use rust_decimal::Decimal;

use crate::Ctx;
use crate::common::{
    Result, Table, manifest_date, parse_dec, parse_payment, parse_term, read_json,
};

const STORAGE: &str = "aws-price-watcher__v0rts/rds-storage.csv";
const STORAGE_RAW: &str = "aws-price-watcher__v0rts/raw/rds-storage.json";
const RESERVED: &str = "yeo-ec2.shop/rds_reserved_mysql_postgresql_mariadb.csv";

/// vCPU and memory (GiB) per DB instance class.
pub type ClassSpecs = BTreeMap<String, (u32, Decimal)>;

/// The engine files, their engines and the last-changed date of the processed file.
const ENGINES: [(RdsEngine, &str, &str); 5] = [
    (
        RdsEngine::Mysql,
        "aws-price-watcher__v0rts/rds-mysql-ondemand.csv",
        "2025-10-15",
    ),
    (
        RdsEngine::Postgresql,
        "aws-price-watcher__v0rts/rds-postgresql-ondemand.csv",
        "2025-10-15",
    ),
    (
        RdsEngine::Mariadb,
        "aws-price-watcher__v0rts/rds-mariadb-ondemand.csv",
        "2025-10-15",
    ),
    (
        RdsEngine::Oracle,
        "aws-price-watcher__v0rts/rds-oracle-ondemand.csv",
        "2025-11-24",
    ),
    (
        RdsEngine::Sqlserver,
        "aws-price-watcher__v0rts/rds-sqlserver-ondemand.csv",
        "2025-12-05",
    ),
];

/// What an instance metric prices: edition, license and deployment (one standby).
pub type InstanceKind = (Option<RdsEdition>, Option<LicenseModel>, Deployment);

/// Reads a readable RDS instance metric, e.g. `Database Instance Oracle Standard Two License
/// included db m5.large General purpose Single-AZ Current Generation`. `None` for Multi-AZ
/// readable standbys (DB clusters), editions outside [`RdsEdition`], and everything that is not
/// an instance-hour price.
pub fn parse_instance_metric(engine: RdsEngine, metric: &str) -> Option<InstanceKind> {
    let rest = metric.strip_prefix("Database Instance ")?;
    if metric.contains("readable standbys") {
        return None;
    }
    let deployment = if metric.contains(" Multi-AZ ") || metric.ends_with(" Multi-AZ") {
        Deployment::MultiAz
    } else if metric.contains(" Single-AZ ") || metric.ends_with(" Single-AZ") {
        Deployment::SingleAz
    } else {
        return None;
    };
    let (edition, license) = match engine {
        RdsEngine::Mysql => (rest.starts_with("MySQL No license required "), (None, None)),
        RdsEngine::Postgresql => (
            rest.starts_with("PostgreSQL No license required "),
            (None, None),
        ),
        RdsEngine::Mariadb => (
            rest.starts_with("MariaDB No license required "),
            (None, None),
        ),
        RdsEngine::Oracle => {
            let rest = rest.strip_prefix("Oracle ")?;
            let (edition, rest) = if let Some(r) = rest.strip_prefix("Standard Two ") {
                (RdsEdition::StandardTwo, r)
            } else if let Some(r) = rest.strip_prefix("Enterprise ") {
                (RdsEdition::Enterprise, r)
            } else {
                return None;
            };
            let license = if rest.starts_with("Bring your own license ") {
                LicenseModel::BringYourOwnLicense
            } else if rest.starts_with("License included ") {
                LicenseModel::LicenseIncluded
            } else {
                return None;
            };
            (true, (Some(edition), Some(license)))
        }
        RdsEngine::Sqlserver => {
            let rest = rest.strip_prefix("SQL Server ")?;
            let (edition, rest) = [
                ("Express ", RdsEdition::Express),
                ("Web ", RdsEdition::Web),
                ("Standard ", RdsEdition::Standard),
                ("Enterprise ", RdsEdition::Enterprise),
            ]
            .into_iter()
            .find_map(|(p, e)| rest.strip_prefix(p).map(|r| (e, r)))?;
            (
                rest.starts_with("License included "),
                (Some(edition), Some(LicenseModel::LicenseIncluded)),
            )
        }
    };
    edition.then_some((license.0, license.1, deployment))
}

/// Reads `Memory: 16 GiB, vCPU: 2` from a feed's attribute text.
pub fn parse_specs(attributes: &str) -> Option<(u32, Decimal)> {
    let mut vcpu = None;
    let mut memory = None;
    for part in attributes.split(", ") {
        if let Some(v) = part.strip_prefix("vCPU: ") {
            vcpu = v.trim().parse::<u32>().ok();
        } else if let Some(m) = part.strip_prefix("Memory: ") {
            memory = parse_dec(m.trim().trim_end_matches("GiB").trim()).ok();
        }
    }
    Some((vcpu?, memory?))
}

type InstanceKey = (
    String,
    RdsEngine,
    Option<RdsEdition>,
    Option<LicenseModel>,
    String,
    Deployment,
);

/// Builds the RDS tables and returns the class specs found.
pub fn convert(ctx: &mut Ctx) -> Result<ClassSpecs> {
    let mut specs = ClassSpecs::new();
    let mut instances: BTreeMap<InstanceKey, (Decimal, String)> = BTreeMap::new();
    let mut conflicts = Vec::new();
    for (engine, file, date) in ENGINES {
        let id = ctx.sources.add(
            &format!("rds_instances_{}_v0rts_{date}", engine.as_str()),
            "rds_instances",
            date,
            &format!("GitHub v0rts/aws-price-watcher processed/rds-{}-ondemand.json @c4a0470f63402104fb3793bb114a39e488eb04ec (pricing-page feed; processed file last changed {date}, unchanged to 2025-12-06); via {file}", engine.as_str()),
            "Readable metrics `Database Instance <engine> <edition> <license> db <class> ... Single-AZ|Multi-AZ Current|Previous Generation`; Multi-AZ = one standby. Left out: Multi-AZ readable standbys (DB clusters), extended-support charges and opaque-hash metrics. Raw feed not preserved (over 4 MiB): date is the last change of the processed file.",
        );
        let table = Table::read(&ctx.dir, file)?;
        for row in table.rows() {
            if let Some(s) = parse_specs(row.get("extra_attributes")?) {
                specs
                    .entry(row.get("instance_type")?.to_string())
                    .or_insert(s);
            }
            let region = row.get("region_code")?;
            if row.get("metric_is_opaque_hash")? == "yes" || !ctx.regions.contains(region) {
                continue;
            }
            let metric = row.get("metric")?;
            let group = row.get("metric_group")?;
            let descriptor = if metric.is_empty() { group } else { metric };
            let Some((edition, license, deployment)) = parse_instance_metric(engine, descriptor)
            else {
                continue;
            };
            let class = row.get("instance_type")?;
            if !class.starts_with("db.") {
                return Err(row.at("instance metric without a db.* class"));
            }
            let price = row.dec("price_usd")?;
            let key = (
                region.to_string(),
                engine,
                edition,
                license,
                class.to_string(),
                deployment,
            );
            match instances.get(&key) {
                Some((old, _)) if *old != price => {
                    conflicts.push(format!("{key:?}: {old} vs {price}"))
                }
                Some(_) => {}
                None => {
                    instances.insert(key, (price, id.clone()));
                }
            }
        }
    }
    let probe = |d| {
        instances
            .get(&(
                "us-east-1".to_string(),
                RdsEngine::Mysql,
                None,
                None,
                "db.r6g.large".to_string(),
                d,
            ))
            .map(|p| p.0)
    };
    let (single, multi) = (probe(Deployment::SingleAz), probe(Deployment::MultiAz));
    ctx.note(format!(
        "rds instances: {} rows; conflicting duplicates (first kept): {conflicts:?}; db.r6g.large MySQL us-east-1 Single-AZ {single:?} Multi-AZ {multi:?}",
        instances.len()
    ));

    reserved(ctx, &instances)?;
    storage(ctx)?;
    ctx.tables.rds_instances = instances
        .into_iter()
        .map(
            |(
                (region_code, engine, edition, license_model, instance_class, deployment),
                (price_usd, source_id),
            )| {
                RdsInstanceRow {
                    region_code,
                    engine,
                    edition,
                    license_model,
                    instance_class,
                    deployment,
                    unit: Unit::Hours,
                    price_usd,
                    source_id,
                }
            },
        )
        .collect();
    Ok(specs)
}

fn reserved(ctx: &mut Ctx, instances: &BTreeMap<InstanceKey, (Decimal, String)>) -> Result<()> {
    let id = ctx.sources.add(
        "rds_reserved_ec2shop_2025-04-04",
        "rds_reserved",
        "2025-04-04",
        "GitHub yeo/ec2.shop @951cd0d425fd69949e3cec7db7e8238102e2a6f6 (pricing-page feeds rds-{mysql,mariadb,postgresql}-reservedinstance/{Single-AZ,Multi-AZ}/..., manifest 2025-04-04T20:46:25Z); via yeo-ec2.shop/rds_reserved_mysql_postgresql_mariadb.csv",
        "MySQL and PostgreSQL (the capture holds no MariaDB rows): 1yr No Upfront, 1yr Partial Upfront, 3yr Partial Upfront with the real upfront fee (`riupfront:PricePerUnit`) and recurring hourly. No All Upfront and no 3yr No Upfront in the feed.",
    );
    let table = Table::read(&ctx.dir, RESERVED)?;
    let mut rows = Vec::new();
    let (mut orphans, mut od_same, mut od_diff) = (0u32, 0u32, Vec::new());
    for row in table.rows() {
        let region = row.get("region_code")?;
        if !ctx.regions.contains(region) {
            continue;
        }
        let engine = match row.get("database_engine")? {
            "MySQL" => RdsEngine::Mysql,
            "PostgreSQL" => RdsEngine::Postgresql,
            "MariaDB" => RdsEngine::Mariadb,
            other => return Err(row.at(&format!("engine `{other}`"))),
        };
        let deployment = match row.get("deployment_option")? {
            "Single-AZ" => Deployment::SingleAz,
            "Multi-AZ" => Deployment::MultiAz,
            _ => continue,
        };
        let class = row.get("instance_type")?.to_string();
        let key = (
            region.to_string(),
            engine,
            None,
            None,
            class.clone(),
            deployment,
        );
        let Some((od, _)) = instances.get(&key) else {
            orphans += 1;
            continue;
        };
        if let Some(reference) = row.opt_dec("ondemand_hourly_usd")? {
            if reference == *od {
                od_same += 1;
            } else {
                od_diff.push(format!(
                    "{region} {} {class} {}: 2025-04 {reference} now {od}",
                    engine.as_str(),
                    deployment.as_str()
                ));
            }
        }
        rows.push(RdsReservedRow {
            region_code: region.to_string(),
            engine,
            edition: None,
            license_model: None,
            instance_class: class,
            deployment,
            term: parse_term(row.get("lease_contract_length")?)
                .ok_or_else(|| row.at("unknown term"))?,
            payment: parse_payment(row.get("purchase_option")?)
                .ok_or_else(|| row.at("unknown payment"))?,
            upfront_usd: row.opt_dec("upfront_fee_usd")?.unwrap_or_default(),
            hourly_usd: row.dec("recurring_hourly_usd")?,
            unit: Unit::Hours,
            reconstructed: false,
            source_id: id.clone(),
        });
    }
    od_diff.sort();
    ctx.note(format!(
        "rds reserved: {} rows, {orphans} orphans dropped (no On-Demand row); the RI feed's on-demand reference (2025-04-04) equals v0rts for {od_same} rows, differs for {} rows (unique first 10: {:?})",
        rows.len(),
        od_diff.len(),
        od_diff.iter().take(10).collect::<Vec<_>>()
    ));
    ctx.tables.rds_reserved = rows;
    Ok(())
}

fn storage(ctx: &mut Ctx) -> Result<()> {
    use Deployment::{MultiAz as M, SingleAz as S};
    use RdsStorageComponent as C;
    use RdsStorageType as T;
    let raw = read_json(&ctx.dir, STORAGE_RAW)?;
    let date = manifest_date(&raw, STORAGE_RAW)?;
    let id = ctx.sources.add(
        &format!("rds_storage_v0rts_{date}"),
        "rds_storage",
        &date,
        "GitHub v0rts/aws-price-watcher raw/rds-storage.json and processed/rds-storage.json @c4a0470f63402104fb3793bb114a39e488eb04ec (pricing-page feed rds-storage.json, manifest 2025-12-05T17:16:09Z); via aws-price-watcher__v0rts/rds-storage.csv",
        "Storage per GB-month: gp2 `Database Storage <Single|Multi> AZ General Purpose`, gp3 `...-GP3`, io1 `... Provisioned IOPS`, io2 `...-IO2`, magnetic `... Magnetic` (Multi-AZ prices cover both copies). Provisioned IOPS per IOPS-month: io1 `Provisioned IOPS <Single|Multi> AZ`, gp3 `Provisioned GP3 IOPS ...`; gp3 throughput per MBps-month `Provisioned Throughput ...`. gp3 IOPS/throughput are one open tier from 0: the engine subtracts the engine- and size-dependent free baseline (billing_rules). Magnetic I/O `System Operation Magnetic` per request: the feed has one deployment-independent rate, written for both deployments. SQL Server Multi-AZ (`SQL Server Mirror`) and readable-standby keys are left out.",
    );
    let io2_id = ctx.sources.add(
        "rds_storage_io2_iops_v0rts_2025-10-15",
        "rds_storage",
        "2025-10-15",
        "GitHub v0rts/aws-price-watcher processed/rds-mysql-ondemand.json @c4a0470f63402104fb3793bb114a39e488eb04ec (processed file last changed 2025-10-15); via aws-price-watcher__v0rts/rds-mysql-ondemand.csv",
        "io2 provisioned IOPS (`Provisioned IO2 IOPS Single AZ` / `Multi AZ`), per IOPS-month, one open tier: rds-storage.json has io2 storage but no io2 IOPS key. The same value appears in the MySQL, PostgreSQL, MariaDB, Oracle and SQL Server feeds for every Region (0 differences).",
    );
    let metrics: [(&str, T, Deployment, C, Unit); 19] = [
        (
            "Database Storage Single AZ General Purpose",
            T::Gp2,
            S,
            C::Storage,
            Unit::GbMonths,
        ),
        (
            "Database Storage Multi AZ General Purpose",
            T::Gp2,
            M,
            C::Storage,
            Unit::GbMonths,
        ),
        (
            "Database Storage Single AZ General Purpose-GP3",
            T::Gp3,
            S,
            C::Storage,
            Unit::GbMonths,
        ),
        (
            "Database Storage Multi AZ General Purpose-GP3",
            T::Gp3,
            M,
            C::Storage,
            Unit::GbMonths,
        ),
        (
            "Database Storage Single AZ Provisioned IOPS",
            T::Io1,
            S,
            C::Storage,
            Unit::GbMonths,
        ),
        (
            "Database Storage Multi AZ Provisioned IOPS",
            T::Io1,
            M,
            C::Storage,
            Unit::GbMonths,
        ),
        (
            "Database Storage Single AZ Provisioned IOPS-IO2",
            T::Io2,
            S,
            C::Storage,
            Unit::GbMonths,
        ),
        (
            "Database Storage Multi AZ Provisioned IOPS-IO2",
            T::Io2,
            M,
            C::Storage,
            Unit::GbMonths,
        ),
        (
            "Database Storage Single AZ Magnetic",
            T::Magnetic,
            S,
            C::Storage,
            Unit::GbMonths,
        ),
        (
            "Database Storage Multi AZ Magnetic",
            T::Magnetic,
            M,
            C::Storage,
            Unit::GbMonths,
        ),
        (
            "Provisioned IOPS Single AZ",
            T::Io1,
            S,
            C::Iops,
            Unit::IopsMonths,
        ),
        (
            "Provisioned IOPS Multi AZ",
            T::Io1,
            M,
            C::Iops,
            Unit::IopsMonths,
        ),
        (
            "Provisioned GP3 IOPS Single AZ",
            T::Gp3,
            S,
            C::Iops,
            Unit::IopsMonths,
        ),
        (
            "Provisioned GP3 IOPS Multi AZ",
            T::Gp3,
            M,
            C::Iops,
            Unit::IopsMonths,
        ),
        (
            "Provisioned Throughput Single AZ",
            T::Gp3,
            S,
            C::Throughput,
            Unit::MbpsMonths,
        ),
        (
            "Provisioned Throughput Multi AZ",
            T::Gp3,
            M,
            C::Throughput,
            Unit::MbpsMonths,
        ),
        (
            "System Operation Magnetic",
            T::Magnetic,
            S,
            C::IoRequests,
            Unit::IoRequests,
        ),
        (
            "System Operation Magnetic",
            T::Magnetic,
            M,
            C::IoRequests,
            Unit::IoRequests,
        ),
        ("Storage Snapshot", T::Gp2, S, C::Storage, Unit::GbMonths),
    ];
    let table = Table::read(&ctx.dir, STORAGE)?;
    let mut prices: BTreeMap<(String, String), Decimal> = BTreeMap::new();
    for row in table.rows() {
        let region = row.get("region_code")?;
        if ctx.regions.contains(region)
            && row.get("metric_group")?.is_empty()
            && row.get("metric_is_opaque_hash")? == "no"
        {
            prices.insert(
                (region.to_string(), row.get("metric")?.to_string()),
                row.dec("price_usd")?,
            );
        }
    }
    let mut io2: BTreeMap<(String, Deployment), Decimal> = BTreeMap::new();
    let mysql = Table::read(&ctx.dir, ENGINES[0].1)?;
    for row in mysql.rows() {
        let region = row.get("region_code")?;
        let deployment = match row.get("metric")? {
            "Provisioned IO2 IOPS Single AZ" => S,
            "Provisioned IO2 IOPS Multi AZ" => M,
            _ => continue,
        };
        if ctx.regions.contains(region) {
            io2.insert((region.to_string(), deployment), row.dec("price_usd")?);
        }
    }
    let mut regions: Vec<&String> = prices.keys().map(|(r, _)| r).collect();
    regions.dedup();
    let mut rows = Vec::new();
    let mut backup = Vec::new();
    let backup_id = ctx.sources.add(
        &format!("rds_backup_v0rts_{date}"),
        "rds_backup",
        &date,
        "GitHub v0rts/aws-price-watcher raw/rds-storage.json @c4a0470f63402104fb3793bb114a39e488eb04ec (manifest 2025-12-05T17:16:09Z); via aws-price-watcher__v0rts/rds-storage.csv",
        "`Storage Snapshot`: backup storage beyond the free allowance (100 % of provisioned storage, billing rule db_backup_free_percent), per GB-month.",
    );
    for region in regions {
        for (name, storage_type, deployment, component, unit) in &metrics {
            let Some(price) = prices.get(&(region.clone(), (*name).to_string())) else {
                continue;
            };
            if *name == "Storage Snapshot" {
                backup.push(RdsBackupRow {
                    region_code: region.clone(),
                    unit: Unit::GbMonths,
                    price_usd: *price,
                    source_id: backup_id.clone(),
                });
                continue;
            }
            rows.push(RdsStorageRow {
                region_code: region.clone(),
                storage_type: *storage_type,
                deployment: *deployment,
                component: *component,
                tier_start: Decimal::ZERO,
                tier_end: None,
                unit: *unit,
                price_usd: *price,
                source_id: id.clone(),
            });
        }
        for deployment in [S, M] {
            let has_io2_storage = rows.iter().any(|r| {
                &r.region_code == region && r.storage_type == T::Io2 && r.deployment == deployment
            });
            if let (true, Some(price)) = (has_io2_storage, io2.get(&(region.clone(), deployment))) {
                rows.push(RdsStorageRow {
                    region_code: region.clone(),
                    storage_type: T::Io2,
                    deployment,
                    component: C::Iops,
                    tier_start: Decimal::ZERO,
                    tier_end: None,
                    unit: Unit::IopsMonths,
                    price_usd: *price,
                    source_id: io2_id.clone(),
                });
            }
        }
    }
    ctx.tables.rds_storage = rows;
    ctx.tables.rds_backup = backup;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instance_metrics_are_read_into_edition_license_and_deployment() {
        let cases = [
            (
                RdsEngine::Mysql,
                "Database Instance MySQL No license required db r6g.large Memory optimized Single-AZ Current Generation",
                Some((None, None, Deployment::SingleAz)),
            ),
            (
                RdsEngine::Mysql,
                "Database Instance MySQL No license required db r6g.large Memory optimized Multi-AZ readable standbys Current Generation",
                None,
            ),
            (
                RdsEngine::Oracle,
                "Database Instance Oracle Standard Two License included db m5.large General purpose Multi-AZ Current Generation",
                Some((
                    Some(RdsEdition::StandardTwo),
                    Some(LicenseModel::LicenseIncluded),
                    Deployment::MultiAz,
                )),
            ),
            (
                RdsEngine::Oracle,
                "Database Instance Oracle Enterprise Bring your own license db r5.large Memory optimized Single-AZ Previous Generation",
                Some((
                    Some(RdsEdition::Enterprise),
                    Some(LicenseModel::BringYourOwnLicense),
                    Deployment::SingleAz,
                )),
            ),
            (
                RdsEngine::Sqlserver,
                "Database Instance SQL Server Web License included db t3.small General purpose Single-AZ Current Generation",
                Some((
                    Some(RdsEdition::Web),
                    Some(LicenseModel::LicenseIncluded),
                    Deployment::SingleAz,
                )),
            ),
            (
                RdsEngine::Sqlserver,
                "Database Instance SQL Server Standard License included db m5.large General purpose Multi-AZ Current Generation",
                Some((
                    Some(RdsEdition::Standard),
                    Some(LicenseModel::LicenseIncluded),
                    Deployment::MultiAz,
                )),
            ),
            (RdsEngine::Mysql, "Any Year 1 Year 2 8 0", None),
        ];
        for (engine, metric, want) in cases {
            assert_eq!(parse_instance_metric(engine, metric), want, "case {metric}");
        }
    }

    #[test]
    fn specs_are_read_from_the_feed_attributes() {
        let text = "Instance Type: db.r6g.large, Memory: 16 GiB, vCPU: 2, Network Performance: Up to 10 Gigabit";
        assert_eq!(parse_specs(text), Some((2, Decimal::from(16))));
        assert_eq!(parse_specs("Instance Type: db.r7i.large"), None);
    }
}
