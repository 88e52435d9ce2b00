//! Amazon Aurora: instances at the storage configuration's rate, Serverless v2 ACU-hours, one
//! shared cluster volume, I/O (Aurora Standard only), backtrack and backup.
//!
//! Sources: Aurora storage configurations
//! https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Overview.StorageReliability.html#aurora-storage-type
//! (replicas add compute, not storage; I/O-Optimized bills no I/O), Serverless v2
//! https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2.html.
//!
//! Backtrack is priced per change record stored per hour (https://aws.amazon.com/rds/aurora/pricing/,
//! "Backtrack: $0.012 per million change records per hour"): a window of W hours at R records
//! per hour keeps R × W records stored, so a month costs R × W × hours in the month × price.

use model::response::Unit;
use model::{AuroraItem, AuroraStorageConfig, DbPricing, ErrorCode, FieldError, Payment};
use rust_decimal::Decimal;

use super::spec::*;
use super::{Ctx, ec2};
use crate::rows::AuroraComponent;

/// The line specs of one Aurora cluster.
pub(crate) fn specs<'a>(
    ctx: &Ctx<'_>,
    at: At,
    a: &'a AuroraItem,
) -> Result<ItemSpecs<'a>, Vec<FieldError>> {
    let unknown: Vec<FieldError> = a
        .instances
        .iter()
        .enumerate()
        .filter(|(_, g)| ctx.book.db_instance_class(&g.instance_class).is_none())
        .map(|(j, g)| {
            FieldError::new(
                ErrorCode::UnknownOption,
                at.entry("instances", j).field("instance_class").to_string(),
                format!("unknown DB instance class `{}`", g.instance_class),
            )
        })
        .collect();
    if !unknown.is_empty() {
        return Err(unknown);
    }
    let mut out = ItemSpecs::new();
    let engine = a.engine;
    let config = a.storage_config;
    let used = ctx.used_hours(&a.usage);
    let base = [engine.display(), config.display()];
    for (j, g) in a.instances.iter().enumerate() {
        let count = Decimal::from(g.count);
        let instances = plural(count, "instance", "instances");
        let field = at.entry("instances", j).field("instance_class");
        match a.pricing {
            DbPricing::OnDemand => {
                out.lines.push(LineSpec::new(
                    "Database instance",
                    details(&[base[0], base[1], "on-demand", &g.instance_class]),
                    [instances, (used, "hours")],
                    Unit::Hours,
                    PriceRef::AuroraInstance {
                        engine,
                        class: &g.instance_class,
                        config,
                    },
                    field,
                ));
            }
            DbPricing::Reserved { term, payment } => {
                let model_text = text!("reserved ", term.as_str(), " ", payment.display());
                let d = details(&[base[0], base[1], &model_text, &g.instance_class]);
                let price = |part| PriceRef::AuroraReserved {
                    engine,
                    class: &g.instance_class,
                    config,
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
            }
        }
    }
    if matches!(a.pricing, DbPricing::Reserved { .. }) && !a.instances.is_empty() {
        ec2::commitment_warning(ctx, &mut out, at, used, "reservation");
    }
    let cluster = |component| PriceRef::AuroraCluster {
        engine,
        config,
        component,
    };
    if let Some(s) = &a.serverless_v2 {
        let hours = s
            .hours_per_month
            .map(|h| h.value().min(ctx.month_hours))
            .unwrap_or(ctx.month_hours);
        out.lines.push(LineSpec::new(
            "Serverless v2 capacity",
            details(&base),
            [(s.average_acus.value(), "ACUs"), (hours, "hours")],
            Unit::AcuHours,
            cluster(AuroraComponent::ServerlessV2),
            at.field("serverless_v2"),
        ));
    }
    let gb = a.storage_gb.value();
    out.lines.push(LineSpec::new(
        "Storage",
        details(&base),
        [(gb, "GB")],
        Unit::GbMonths,
        cluster(AuroraComponent::Storage),
        at.field("storage_gb"),
    ));
    let io = Decimal::from(a.io_requests_per_month);
    match config {
        AuroraStorageConfig::Standard => {
            if !io.is_zero() {
                out.lines.push(LineSpec::new(
                    "I/O requests",
                    details(&base),
                    [(io, "I/O requests")],
                    Unit::IoRequests,
                    cluster(AuroraComponent::IoRequests),
                    at.field("io_requests_per_month"),
                ));
            }
        }
        AuroraStorageConfig::IoOptimized => {
            if !io.is_zero() {
                out.warn(
                    "io_included",
                    "Aurora I/O-Optimized includes read and write I/O; the I/O requests are not billed",
                    at.field("io_requests_per_month"),
                );
            }
        }
    }
    if let Some(b) = &a.backtrack {
        let stored = b.change_records_per_hour.value() * b.window_hours.value();
        out.lines.push(
            LineSpec::new(
                "Backtrack",
                engine.display().into(),
                [(stored * ctx.month_hours, "change records")],
                Unit::ChangeRecords,
                cluster(AuroraComponent::Backtrack),
                at.field("backtrack"),
            )
            .described(text!(
                b.change_records_per_hour.value(),
                " change records per hour × ",
                b.window_hours.value(),
                " hours window = ",
                stored,
                " records stored, × ",
                ctx.month_hours,
                " hours"
            )),
        );
    }
    if let Some(b) = a.backup_storage_gb {
        out.lines.push(super::rds::backup_storage(
            ctx,
            at,
            b.value(),
            cluster(AuroraComponent::Backup),
            (gb, "the ", "GB cluster volume"),
        ));
    }
    Ok(out)
}
