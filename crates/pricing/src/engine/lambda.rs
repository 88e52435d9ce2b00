//! AWS Lambda: requests, duration (tiered per region and architecture on the estimate's total),
//! ephemeral storage above the free 512 MB, provisioned concurrency and egress.
//!
//! Sources: Lambda pricing page https://aws.amazon.com/lambda/pricing/ (1 ms rounding, free tier,
//! ephemeral storage, provisioned concurrency; the free tier does not apply to provisioned
//! concurrency) and the tiered-pricing post
//! https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/ (tiers are on the
//! monthly aggregate per account, region and architecture).

use model::response::Unit;
use model::{FieldError, LambdaItem};
use rust_decimal::Decimal;

use super::spec::*;
use super::{Ctx, pricer, transfer};
use crate::rows::{LambdaComponent, RuleId};

/// The line specs of one Lambda item.
pub(crate) fn specs<'a>(
    ctx: &Ctx<'_>,
    at: At,
    region: &'a str,
    l: &LambdaItem,
) -> Result<ItemSpecs<'a>, Vec<FieldError>> {
    let mut out = ItemSpecs::new();
    let arch = l.architecture;
    let a = arch.as_str();
    let mem_gb = Decimal::from(l.memory_mb) / Decimal::from(1024);
    let requests = Decimal::from(l.requests_per_month);
    // Duration is billed rounded up to the millisecond, with no minimum.
    let billed_s = l.avg_duration_ms.value().ceil() / Decimal::from(1000);
    let price = |component| PriceRef::Lambda { arch, component };

    out.lines.push(
        LineSpec::new(
            "Requests",
            a.into(),
            [(requests, "requests")],
            Unit::Requests,
            price(LambdaComponent::Requests),
            at.field("requests_per_month"),
        )
        .aggregate(
            AggregateKey::Lambda(region, arch, LambdaComponent::Requests),
            Some(FreePool::LambdaRequests),
        ),
    );
    let gb_s = requests * billed_s * mem_gb;
    out.lines.push(
        LineSpec::new(
            "Duration",
            a.into(),
            [(gb_s, "GB-seconds")],
            Unit::GbSeconds,
            price(LambdaComponent::Duration),
            at.field("avg_duration_ms"),
        )
        .described(text!(
            requests,
            " requests × ",
            billed_s,
            " s × ",
            mem_gb,
            " GB"
        ))
        .aggregate(
            AggregateKey::Lambda(region, arch, LambdaComponent::Duration),
            Some(FreePool::LambdaGbSeconds),
        ),
    );
    let free_mb = pricer::rule(ctx.book, RuleId::LambdaFreeEphemeralMb);
    let eph_mb = Decimal::from(l.ephemeral_storage_mb);
    if eph_mb > free_mb {
        let extra_gb = (eph_mb - free_mb) / Decimal::from(1024);
        let q = requests * billed_s * extra_gb;
        out.lines.push(
            LineSpec::new(
                "Ephemeral storage",
                details(&[a, &text!("over ", free_mb, " MB")]),
                [(q, "GB-seconds")],
                Unit::GbSeconds,
                price(LambdaComponent::EphemeralStorage),
                at.field("ephemeral_storage_mb"),
            )
            .described(text!(
                requests,
                " requests × ",
                billed_s,
                " s × (",
                eph_mb,
                " MB − ",
                free_mb,
                " MB free) / 1024 GB"
            )),
        );
    }
    if let Some(pc) = &l.provisioned_concurrency {
        let p = at.field("provisioned_concurrency");
        let hours = pc
            .hours_per_month
            .map(|h| h.value().min(ctx.month_hours))
            .unwrap_or(ctx.month_hours);
        let conc = Decimal::from(pc.concurrency);
        let q = conc * mem_gb * hours * Decimal::from(3600);
        out.lines.push(
            LineSpec::new(
                "Provisioned concurrency",
                a.into(),
                [(q, "GB-seconds")],
                Unit::GbSeconds,
                price(LambdaComponent::ProvisionedConcurrency),
                p,
            )
            .described(text!(
                conc,
                " concurrency × ",
                mem_gb,
                " GB × ",
                hours,
                " hours × 3,600 s"
            )),
        );
        let pc_requests = Decimal::from(pc.requests_per_month);
        let pc_s = pc.avg_duration_ms.value().ceil() / Decimal::from(1000);
        let pc_gb_s = pc_requests * pc_s * mem_gb;
        out.lines.push(
            LineSpec::new(
                "Provisioned concurrency duration",
                a.into(),
                [(pc_gb_s, "GB-seconds")],
                Unit::GbSeconds,
                price(LambdaComponent::ProvisionedDuration),
                at.field("provisioned_concurrency.avg_duration_ms"),
            )
            .described(text!(
                pc_requests,
                " requests × ",
                pc_s,
                " s × ",
                mem_gb,
                " GB"
            )),
        );
        // Requests served by provisioned concurrency pay the request rate without the free tier.
        out.lines.push(LineSpec::new(
            "Provisioned concurrency requests",
            a.into(),
            [(pc_requests, "requests")],
            Unit::Requests,
            price(LambdaComponent::Requests),
            at.field("provisioned_concurrency.requests_per_month"),
        ));
        if ctx.free_tier {
            out.warn(
                "free_tier_excludes_provisioned_concurrency",
                "the Lambda free tier does not apply to provisioned concurrency or the invocations it serves",
                p,
            );
        }
    }
    if let Some(line) = transfer::line(
        region,
        l.data_transfer_out_gb,
        at.field("data_transfer_out_gb"),
    ) {
        out.lines.push(line);
    }
    Ok(out)
}
