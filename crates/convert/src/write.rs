//! Sorting, the derived tables (`regions.csv`, `sources.csv`) and writing the CSV files.

use std::collections::BTreeSet;
use std::path::Path;

use pricing::rows::{RegionRow, TABLE_FILES, Tables};
use serde::Serialize;

use crate::Ctx;
use crate::common::{Result, err};

/// Sorts every table by its key columns, derives `regions` and `sources`, and checks that every
/// `source_id` is registered and every Region is known.
pub fn finish(ctx: &mut Ctx) -> Result<()> {
    let t = &mut ctx.tables;
    t.ec2_instance_types
        .sort_by(|a, b| a.instance_type.cmp(&b.instance_type));
    t.ec2_on_demand.sort_by(|a, b| {
        (&a.region_code, &a.instance_type, a.operating_system).cmp(&(
            &b.region_code,
            &b.instance_type,
            b.operating_system,
        ))
    });
    t.ec2_reserved.sort_by(|a, b| {
        (
            &a.region_code,
            &a.instance_type,
            a.operating_system,
            a.offering_class,
            a.term,
            a.payment,
        )
            .cmp(&(
                &b.region_code,
                &b.instance_type,
                b.operating_system,
                b.offering_class,
                b.term,
                b.payment,
            ))
    });
    t.ec2_spot.sort_by(|a, b| {
        (&a.region_code, &a.instance_type, a.operating_system).cmp(&(
            &b.region_code,
            &b.instance_type,
            b.operating_system,
        ))
    });
    t.ec2_savings_plans.sort_by(|a, b| {
        (
            &a.region_code,
            &a.instance_type,
            a.operating_system,
            a.plan,
            a.term,
            a.payment,
        )
            .cmp(&(
                &b.region_code,
                &b.instance_type,
                b.operating_system,
                b.plan,
                b.term,
                b.payment,
            ))
    });
    t.ebs_volumes.sort_by(|a, b| {
        (&a.region_code, a.volume_type, a.component, a.tier_start).cmp(&(
            &b.region_code,
            b.volume_type,
            b.component,
            b.tier_start,
        ))
    });
    t.ebs_snapshots
        .sort_by(|a, b| (&a.region_code, a.tier).cmp(&(&b.region_code, b.tier)));
    t.public_ipv4
        .sort_by(|a, b| a.region_code.cmp(&b.region_code));
    t.data_transfer_out
        .sort_by(|a, b| (&a.region_code, a.tier_start).cmp(&(&b.region_code, b.tier_start)));
    t.lambda.sort_by(|a, b| {
        (&a.region_code, a.architecture, a.component, a.tier_start).cmp(&(
            &b.region_code,
            b.architecture,
            b.component,
            b.tier_start,
        ))
    });
    t.s3_storage.sort_by(|a, b| {
        (&a.region_code, a.storage_tier, a.tier_start).cmp(&(
            &b.region_code,
            b.storage_tier,
            b.tier_start,
        ))
    });
    t.s3_requests.sort_by(|a, b| {
        (&a.region_code, a.storage_class, a.request_type).cmp(&(
            &b.region_code,
            b.storage_class,
            b.request_type,
        ))
    });
    t.s3_retrieval
        .sort_by(|a, b| (&a.region_code, a.storage_class).cmp(&(&b.region_code, b.storage_class)));
    t.s3_monitoring
        .sort_by(|a, b| a.region_code.cmp(&b.region_code));
    t.s3_storage_classes.sort_by_key(|a| a.storage_class);
    t.db_instance_classes
        .sort_by(|a, b| a.instance_class.cmp(&b.instance_class));
    t.rds_instances.sort_by(|a, b| {
        (
            &a.region_code,
            a.engine,
            a.edition,
            a.license_model,
            &a.instance_class,
            a.deployment,
        )
            .cmp(&(
                &b.region_code,
                b.engine,
                b.edition,
                b.license_model,
                &b.instance_class,
                b.deployment,
            ))
    });
    t.rds_reserved.sort_by(|a, b| {
        (
            &a.region_code,
            a.engine,
            a.edition,
            a.license_model,
            &a.instance_class,
            a.deployment,
            a.term,
            a.payment,
        )
            .cmp(&(
                &b.region_code,
                b.engine,
                b.edition,
                b.license_model,
                &b.instance_class,
                b.deployment,
                b.term,
                b.payment,
            ))
    });
    t.rds_storage.sort_by(|a, b| {
        (
            &a.region_code,
            a.storage_type,
            a.deployment,
            a.component,
            a.tier_start,
        )
            .cmp(&(
                &b.region_code,
                b.storage_type,
                b.deployment,
                b.component,
                b.tier_start,
            ))
    });
    t.rds_backup
        .sort_by(|a, b| a.region_code.cmp(&b.region_code));
    t.aurora_instances.sort_by(|a, b| {
        (
            &a.region_code,
            a.engine,
            &a.instance_class,
            a.storage_config,
        )
            .cmp(&(
                &b.region_code,
                b.engine,
                &b.instance_class,
                b.storage_config,
            ))
    });
    t.aurora_reserved.sort_by(|a, b| {
        (
            &a.region_code,
            a.engine,
            &a.instance_class,
            a.storage_config,
            a.term,
            a.payment,
        )
            .cmp(&(
                &b.region_code,
                b.engine,
                &b.instance_class,
                b.storage_config,
                b.term,
                b.payment,
            ))
    });
    t.aurora_cluster.sort_by(|a, b| {
        (&a.region_code, a.engine, a.storage_config, a.component).cmp(&(
            &b.region_code,
            b.engine,
            b.storage_config,
            b.component,
        ))
    });
    t.billing_rules.sort_by_key(|a| a.rule);

    // Regions and source ids in use.
    let mut regions: BTreeSet<&str> = BTreeSet::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    macro_rules! collect {
        ($($table:ident),* $(,)?) => {$(
            for row in &t.$table {
                regions.insert(row.region_code.as_str());
                used.insert(row.source_id.clone());
            }
        )*};
    }
    collect!(
        ec2_on_demand,
        ec2_reserved,
        ec2_spot,
        ec2_savings_plans,
        ebs_volumes,
        ebs_snapshots,
        public_ipv4,
        data_transfer_out,
        lambda,
        s3_storage,
        s3_requests,
        s3_retrieval,
        s3_monitoring,
        rds_instances,
        rds_reserved,
        rds_storage,
        rds_backup,
        aurora_instances,
        aurora_reserved,
        aurora_cluster,
    );
    for row in &t.s3_storage_classes {
        used.insert(row.source_id.clone());
    }
    for row in &t.billing_rules {
        used.insert(row.source_id.clone());
    }
    let known: BTreeSet<&String> = ctx.sources.ids().collect();
    if let Some(missing) = used.iter().find(|id| !known.contains(id)) {
        return Err(err(format!(
            "source_id `{missing}` is used but not registered"
        )));
    }
    let mut region_rows = Vec::new();
    for code in regions {
        let name = ctx
            .regions
            .name(code)
            .ok_or_else(|| err(format!("region `{code}` is not a kept AWS Region")))?;
        region_rows.push(RegionRow {
            region_code: code.to_string(),
            name: name.to_string(),
        });
    }
    t.regions = region_rows;
    t.sources = ctx.sources.used(&used);
    Ok(())
}

fn write_one<T: Serialize>(out: &Path, file: &str, rows: &[T]) -> Result<usize> {
    if rows.is_empty() {
        return Err(err(format!(
            "{file}: no rows to write (every table must have rows)"
        )));
    }
    let path = out.join(file);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_path(&path)
        .map_err(|e| err(format!("{}: {e}", path.display())))?;
    for row in rows {
        writer
            .serialize(row)
            .map_err(|e| err(format!("{}: {e}", path.display())))?;
    }
    writer
        .flush()
        .map_err(|e| err(format!("{}: {e}", path.display())))?;
    Ok(rows.len())
}

/// Writes the 26 tables into `out` (created if needed), in `TABLE_FILES` order.
pub fn write_all(t: &Tables, out: &Path) -> Result<Vec<(String, usize)>> {
    std::fs::create_dir_all(out).map_err(|e| err(format!("{}: {e}", out.display())))?;
    let mut counts = Vec::new();
    for file in TABLE_FILES {
        let n = match file {
            "regions.csv" => write_one(out, file, &t.regions)?,
            "sources.csv" => write_one(out, file, &t.sources)?,
            "ec2_instance_types.csv" => write_one(out, file, &t.ec2_instance_types)?,
            "ec2_on_demand.csv" => write_one(out, file, &t.ec2_on_demand)?,
            "ec2_reserved.csv" => write_one(out, file, &t.ec2_reserved)?,
            "ec2_spot.csv" => write_one(out, file, &t.ec2_spot)?,
            "ec2_savings_plans.csv" => write_one(out, file, &t.ec2_savings_plans)?,
            "ebs_volumes.csv" => write_one(out, file, &t.ebs_volumes)?,
            "ebs_snapshots.csv" => write_one(out, file, &t.ebs_snapshots)?,
            "public_ipv4.csv" => write_one(out, file, &t.public_ipv4)?,
            "data_transfer_out.csv" => write_one(out, file, &t.data_transfer_out)?,
            "lambda.csv" => write_one(out, file, &t.lambda)?,
            "s3_storage.csv" => write_one(out, file, &t.s3_storage)?,
            "s3_requests.csv" => write_one(out, file, &t.s3_requests)?,
            "s3_retrieval.csv" => write_one(out, file, &t.s3_retrieval)?,
            "s3_monitoring.csv" => write_one(out, file, &t.s3_monitoring)?,
            "s3_storage_classes.csv" => write_one(out, file, &t.s3_storage_classes)?,
            "db_instance_classes.csv" => write_one(out, file, &t.db_instance_classes)?,
            "rds_instances.csv" => write_one(out, file, &t.rds_instances)?,
            "rds_reserved.csv" => write_one(out, file, &t.rds_reserved)?,
            "rds_storage.csv" => write_one(out, file, &t.rds_storage)?,
            "rds_backup.csv" => write_one(out, file, &t.rds_backup)?,
            "aurora_instances.csv" => write_one(out, file, &t.aurora_instances)?,
            "aurora_reserved.csv" => write_one(out, file, &t.aurora_reserved)?,
            "aurora_cluster.csv" => write_one(out, file, &t.aurora_cluster)?,
            "billing_rules.csv" => write_one(out, file, &t.billing_rules)?,
            other => return Err(err(format!("no writer for table file `{other}`"))),
        };
        counts.push((file.to_string(), n));
    }
    Ok(counts)
}
