//! Amazon RDS: instance hours (On-Demand: hours used; reserved: every hour plus the upfront fee),
//! storage, provisioned IOPS and throughput above the gp3 baseline, and backup beyond the free
//! allowance.
//!
//! Sources: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_OnDemandDBInstances.html
//! (Multi-AZ bills primary and standby; the Multi-AZ price rows already cover both, as do the
//! Multi-AZ storage rows); backup free up to 100 % of provisioned storage
//! (https://aws.amazon.com/blogs/database/demystifying-amazon-rds-backup-storage-costs/); gp3
//! baselines https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html#gp3-storage
//! (3,000 IOPS and 125 MB/s below 400 GB, 12,000 and 500 at or above; Oracle 200 GB; SQL Server
//! always 3,000 and 125).

use model::response::Unit;
use model::{DbPricing, ErrorCode, FieldError, Payment, RdsEngine, RdsItem, RdsStorageType};
use rust_decimal::Decimal;

use super::spec::*;
use super::{Ctx, ec2, pricer};
use crate::rows::{RdsStorageComponent, RuleId};

/// The free gp3 baseline (IOPS, MB/s) of an engine at a storage size.
pub(crate) fn gp3_baseline(ctx: &Ctx<'_>, engine: RdsEngine, size_gb: u64) -> (Decimal, Decimal) {
    let r = |id| pricer::rule(ctx.book, id);
    let small = (
        r(RuleId::RdsGp3BaselineIopsSmall),
        r(RuleId::RdsGp3BaselineThroughputSmall),
    );
    let large = (
        r(RuleId::RdsGp3BaselineIopsLarge),
        r(RuleId::RdsGp3BaselineThroughputLarge),
    );
    let threshold = match engine {
        RdsEngine::Sqlserver => return small,
        RdsEngine::Oracle => r(RuleId::RdsGp3BaselineThresholdGbOracle),
        RdsEngine::Mysql | RdsEngine::Postgresql | RdsEngine::Mariadb => {
            r(RuleId::RdsGp3BaselineThresholdGb)
        }
    };
    if Decimal::from(size_gb) >= threshold {
        large
    } else {
        small
    }
}

/// The line specs of one RDS item.
pub(crate) fn specs<'a>(
    ctx: &Ctx<'_>,
    at: At,
    r: &'a RdsItem,
) -> Result<ItemSpecs<'a>, Vec<FieldError>> {
    if ctx.book.db_instance_class(&r.instance_class).is_none() {
        return Err(vec![FieldError::new(
            ErrorCode::UnknownOption,
            at.field("instance_class").to_string(),
            format!("unknown DB instance class `{}`", r.instance_class),
        )]);
    }
    let mut out = ItemSpecs::new();
    let count = Decimal::from(r.count);
    let instances = plural(count, "instance", "instances");
    let used = ctx.used_hours(&r.usage);
    let offer = RdsOffer {
        engine: r.engine,
        edition: r.edition,
        license: r.license_model,
        class: &r.instance_class,
        deployment: r.deployment,
    };
    let edition = r.edition.map(|e| e.as_str().replace('_', " "));
    let license = r.license_model.map(|l| l.as_str().replace('_', " "));
    let mut base = vec![r.engine.display()];
    base.extend(edition.as_deref());
    base.extend(license.as_deref());
    base.push(r.deployment.display());
    match r.pricing {
        DbPricing::OnDemand => {
            let mut d = base.clone();
            d.extend(["on-demand", &r.instance_class]);
            out.lines.push(LineSpec::new(
                "Database instance",
                details(&d),
                [instances, (used, "hours")],
                Unit::Hours,
                PriceRef::RdsInstance(offer),
                at.field("instance_class"),
            ));
        }
        DbPricing::Reserved { term, payment } => {
            let model_text = text!("reserved ", term.as_str(), " ", payment.display());
            let mut d = base.clone();
            d.extend([model_text.as_str(), &r.instance_class]);
            let d = details(&d);
            let price = |part| PriceRef::RdsReserved {
                offer,
                term,
                payment,
                part,
            };
            if payment != Payment::AllUpfront {
                out.lines.push(LineSpec::new(
                    "Database instance",
                    d.clone(),
                    [instances, (ctx.month_hours, "hours")],
                    Unit::Hours,
                    price(RiPart::Hourly),
                    at.field("pricing"),
                ));
            }
            if payment != Payment::NoUpfront {
                let mut l = LineSpec::new(
                    "Reservation upfront fee",
                    d,
                    [plural(count, "reservation", "reservations")],
                    Unit::Reservations,
                    price(RiPart::Upfront),
                    at.field("pricing"),
                );
                l.one_time_term_months = Some(term.months());
                out.lines.push(l);
            }
            ec2::commitment_warning(ctx, &mut out, at, used, "reservation");
        }
    }
    let st = r.storage.storage_type;
    let dep = r.deployment;
    let size = Decimal::from(r.storage.size_gb);
    let sp = |component| PriceRef::RdsStorage {
        storage_type: st,
        deployment: dep,
        component,
    };
    let sd = [st.as_str(), dep.display()];
    out.lines.push(
        LineSpec::new(
            "Storage",
            details(&sd),
            [instances, (size, "GB")],
            Unit::GbMonths,
            sp(RdsStorageComponent::Storage),
            at.field("storage.size_gb"),
        )
        .per_unit(size, instances),
    );
    let (base_iops, base_mbps) = match st {
        RdsStorageType::Gp3 => gp3_baseline(ctx, r.engine, r.storage.size_gb),
        _ => (Decimal::ZERO, Decimal::ZERO),
    };
    if let Some(iops) = r.storage.iops {
        let q = Decimal::from(iops);
        let extra = (q - base_iops).max(Decimal::ZERO);
        if matches!(
            st,
            RdsStorageType::Gp3 | RdsStorageType::Io1 | RdsStorageType::Io2
        ) && !extra.is_zero()
        {
            let text = if base_iops.is_zero() {
                text!(q, " IOPS per instance")
            } else {
                text!("(", q, " IOPS − ", base_iops, " baseline) per instance")
            };
            let d = if base_iops.is_zero() {
                details(&sd)
            } else {
                details(&[
                    sd[0],
                    sd[1],
                    &text!("above the ", base_iops, " IOPS baseline"),
                ])
            };
            out.lines.push(
                LineSpec::new(
                    "Provisioned IOPS",
                    d,
                    [instances, (extra, "IOPS")],
                    Unit::IopsMonths,
                    sp(RdsStorageComponent::Iops),
                    at.field("storage.iops"),
                )
                .described(text)
                .per_unit(extra, instances),
            );
        }
    }
    if let (RdsStorageType::Gp3, Some(t)) = (st, r.storage.throughput_mbps) {
        let q = Decimal::from(t);
        let extra = (q - base_mbps).max(Decimal::ZERO);
        if !extra.is_zero() {
            let d = details(&[
                sd[0],
                sd[1],
                &text!("above the ", base_mbps, " MBps baseline"),
            ]);
            out.lines.push(
                LineSpec::new(
                    "Provisioned throughput",
                    d,
                    [instances, (extra, "MBps")],
                    Unit::MbpsMonths,
                    sp(RdsStorageComponent::Throughput),
                    at.field("storage.throughput_mbps"),
                )
                .described(text!(
                    "(",
                    q,
                    " MBps − ",
                    base_mbps,
                    " baseline) per instance"
                ))
                .per_unit(extra, instances),
            );
        }
    }
    if let Some(b) = r.backup_storage_gb {
        out.lines.push(backup_storage(
            ctx,
            at,
            b.value(),
            PriceRef::RdsBackup,
            (count * size, "", "GB provisioned"),
        ));
    }
    Ok(out)
}

/// The backup storage line of an RDS instance or an Aurora cluster: what is stored beyond the
/// free allowance, a percentage (`DbBackupFreePercent`) of the database's storage. `base` is that
/// storage with the words around it in the formula (`of 200 GB provisioned`, `of the 50 GB
/// cluster volume`).
pub(super) fn backup_storage<'a>(
    ctx: &Ctx<'_>,
    at: At,
    stored_gb: Decimal,
    price: PriceRef<'a>,
    base: (Decimal, &'static str, &'static str),
) -> LineSpec<'a> {
    let (base_gb, article, what) = base;
    let pct = pricer::rule(ctx.book, RuleId::DbBackupFreePercent);
    let free = base_gb * pct / Decimal::ONE_HUNDRED;
    let billable = (stored_gb - free).max(Decimal::ZERO);
    LineSpec::new(
        "Backup storage",
        "beyond the free allowance".into(),
        [(billable, "GB")],
        Unit::GbMonths,
        price,
        at.field("backup_storage_gb"),
    )
    .described(text!(
        "(",
        stored_gb,
        " GB − ",
        free,
        " GB free: ",
        pct,
        "% of ",
        article,
        base_gb,
        " ",
        what,
        ")"
    ))
}
