//! EC2: instance hours by pricing model, EBS volumes, public IPv4 addresses and egress.
//!
//! On-Demand and Spot bill the hours used. Reserved Instances and Savings Plans are commitments
//! billed for every hour of the month whether used or not (How RI discounts are applied:
//! https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/apply_ri.html ; Savings Plans:
//! https://docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html). EBS volumes and
//! public IPv4 addresses bill the whole month whatever the instances do.

use model::response::Unit;
use model::{Ec2Item, Ec2Pricing, ErrorCode, FieldError, Payment, VolumeType};
use rust_decimal::Decimal;

use super::spec::*;
use super::{Ctx, transfer};
use crate::rows::EbsComponent;

/// The line specs of one EC2 item.
pub(crate) fn specs<'a>(
    ctx: &Ctx<'_>,
    at: At,
    region: &'a str,
    e: &'a Ec2Item,
) -> Result<ItemSpecs<'a>, Vec<FieldError>> {
    if ctx.book.ec2_instance_type(&e.instance_type).is_none() {
        return Err(vec![FieldError::new(
            ErrorCode::UnknownOption,
            at.field("instance_type").to_string(),
            format!("unknown instance type `{}`", e.instance_type),
        )]);
    }
    let mut out = ItemSpecs::new();
    let count = Decimal::from(e.count);
    let month = ctx.month_hours;
    let used = ctx.used_hours(&e.usage);
    let os = e.operating_system;
    let it = e.instance_type.as_str();
    let instances = plural(count, "instance", "instances");
    let field = at.field("pricing");
    match e.pricing {
        Ec2Pricing::OnDemand => out.lines.push(LineSpec::new(
            "Instance usage",
            details(&[os.display(), "on-demand", it]),
            [instances, (used, "hours")],
            Unit::Hours,
            PriceRef::Ec2OnDemand {
                instance_type: it,
                os,
            },
            at.field("instance_type"),
        )),
        Ec2Pricing::Spot { discount_percent } => {
            let details = details(&[os.display(), "spot", it]);
            let line = match discount_percent {
                None => LineSpec::new(
                    "Instance usage",
                    details,
                    [instances, (used, "hours")],
                    Unit::Hours,
                    PriceRef::Ec2Spot {
                        instance_type: it,
                        os,
                    },
                    field,
                ),
                Some(d) => {
                    let mut l = LineSpec::new(
                        "Instance usage",
                        details,
                        [instances, (used, "hours")],
                        Unit::Hours,
                        PriceRef::Ec2OnDemand {
                            instance_type: it,
                            os,
                        },
                        at.field("instance_type"),
                    );
                    let factor = Decimal::ONE - d.value() / Decimal::ONE_HUNDRED;
                    l.price_factor = Some((
                        factor,
                        text!(
                            "the On-Demand price less the ",
                            d.value(),
                            "% Spot discount you gave"
                        ),
                    ));
                    l
                }
            };
            out.lines.push(line);
        }
        Ec2Pricing::Reserved {
            term,
            offering_class,
            payment,
        } => {
            let class = match offering_class {
                model::OfferingClass::Standard => "",
                model::OfferingClass::Convertible => "convertible ",
            };
            let model_text = text!("reserved ", class, term.as_str(), " ", payment.display());
            let details = details(&[os.display(), &model_text, it]);
            let price = |part| PriceRef::Ec2Reserved {
                instance_type: it,
                os,
                class: offering_class,
                term,
                payment,
                part,
            };
            if payment != Payment::AllUpfront {
                out.lines.push(LineSpec::new(
                    "Instance usage",
                    details.clone(),
                    [instances, (month, "hours")],
                    Unit::Hours,
                    price(RiPart::Hourly),
                    field,
                ));
            }
            if payment != Payment::NoUpfront {
                let mut l = LineSpec::new(
                    "Reservation upfront fee",
                    details,
                    [plural(count, "reservation", "reservations")],
                    Unit::Reservations,
                    price(RiPart::Upfront),
                    field,
                );
                l.one_time_term_months = Some(term.months());
                out.lines.push(l);
            }
            commitment_warning(ctx, &mut out, at, used, "reservation");
        }
        Ec2Pricing::SavingsPlan {
            plan,
            term,
            payment,
        } => {
            let model_text = text!(
                plan.as_str().replace('_', " "),
                " savings plan ",
                term.as_str(),
                " ",
                payment.display()
            );
            out.lines.push(LineSpec::new(
                "Instance usage",
                details(&[os.display(), &model_text, it]),
                [instances, (month, "hours")],
                Unit::Hours,
                PriceRef::Ec2SavingsPlan {
                    instance_type: it,
                    os,
                    plan,
                    term,
                    payment,
                },
                field,
            ));
            commitment_warning(ctx, &mut out, at, used, "Savings Plan commitment");
        }
    }
    for (j, v) in e.ebs.iter().enumerate() {
        ebs(ctx, &mut out, at.entry("ebs", j), count, v);
    }
    if e.public_ipv4_addresses > 0 {
        let n = Decimal::from(e.public_ipv4_addresses);
        out.lines.push(LineSpec::new(
            "Public IPv4 address",
            "".into(),
            [
                instances,
                plural(n, "address", "addresses"),
                (month, "hours"),
            ],
            Unit::Hours,
            PriceRef::PublicIpv4,
            at.field("public_ipv4_addresses"),
        ));
    }
    if let Some(line) = transfer::line(
        region,
        e.data_transfer_out_gb,
        at.field("data_transfer_out_gb"),
    ) {
        out.lines.push(line);
    }
    Ok(out)
}

/// A commitment bills every hour of the month; say so when fewer hours are used.
pub(crate) fn commitment_warning(
    ctx: &Ctx<'_>,
    out: &mut ItemSpecs<'_>,
    at: At,
    used: Decimal,
    what: &str,
) {
    if used < ctx.month_hours {
        out.warn(
            "commitment_bills_unused_hours",
            text!(
                "the ",
                what,
                " bills all ",
                ctx.month_hours,
                " hours of the month; the ",
                ctx.month_hours - used,
                " hours not used are still billed"
            ),
            at.field("usage"),
        );
    }
}

/// One EBS volume type on each of `count` instances: storage, then provisioned IOPS and
/// throughput above each type's free baseline (a zero-priced first tier in `ebs_volumes`).
fn ebs(ctx: &Ctx<'_>, out: &mut ItemSpecs<'_>, at: At, count: Decimal, v: &model::EbsVolume) {
    let _ = ctx;
    let vt = v.volume_type;
    let size = Decimal::from(v.size_gb);
    let volumes = plural(count, "volume", "volumes");
    let details = match vt {
        VolumeType::Standard => details(&[vt.as_str(), "magnetic, excludes I/O requests"]),
        _ => vt.as_str().into(),
    };
    out.lines.push(
        LineSpec::new(
            "EBS storage",
            details,
            [volumes, (size, "GB")],
            Unit::GbMonths,
            PriceRef::Ebs {
                volume_type: vt,
                component: EbsComponent::Storage,
            },
            at.field("size_gb"),
        )
        .per_unit(size, volumes),
    );
    let iops = match vt {
        // gp3 always has its baseline; without a figure it is exactly the free baseline.
        VolumeType::Gp3 | VolumeType::Io1 | VolumeType::Io2 => v.iops,
        _ => None,
    };
    if let Some(iops) = iops {
        let q = Decimal::from(iops);
        out.lines.push(
            LineSpec::new(
                "EBS provisioned IOPS",
                vt.as_str().into(),
                [volumes, (q, "IOPS")],
                Unit::IopsMonths,
                PriceRef::Ebs {
                    volume_type: vt,
                    component: EbsComponent::Iops,
                },
                at.field("iops"),
            )
            .described(text!(q, " IOPS per volume"))
            .per_unit(q, volumes),
        );
    }
    if let (VolumeType::Gp3, Some(t)) = (vt, v.throughput_mbps) {
        let q = Decimal::from(t);
        out.lines.push(
            LineSpec::new(
                "EBS provisioned throughput",
                vt.as_str().into(),
                [volumes, (q, "MBps")],
                Unit::MbpsMonths,
                PriceRef::Ebs {
                    volume_type: vt,
                    component: EbsComponent::Throughput,
                },
                at.field("throughput_mbps"),
            )
            .described(text!(q, " MBps per volume"))
            .per_unit(q, volumes),
        );
    }
}
