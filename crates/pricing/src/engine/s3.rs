//! Amazon S3: storage (tiered per region on the estimate's total), per-object rules, requests,
//! retrievals, Intelligent-Tiering monitoring and egress.
//!
//! Source: S3 pricing page https://aws.amazon.com/s3/pricing/ (tiers; 128 KB minimum billable
//! object size for Standard-IA, One Zone-IA and Glacier Instant Retrieval; 40 KB per object for
//! Glacier Flexible Retrieval and Deep Archive, 32 KB at the class rate and 8 KB at S3 Standard
//! rates; monitoring only for objects of at least 128 KB). Sizes: 1 GB = 1,048,576 KB (KB = 1,024
//! bytes), the convention AWS uses for these rules.

use model::response::Unit;
use model::{FieldError, S3Item, StorageClass};
use rust_decimal::Decimal;

use super::spec::*;
use super::{Ctx, transfer};
use crate::rows::{S3RequestType, S3StorageTier};

/// KB in a GB (binary units).
const KB_PER_GB: u64 = 1024 * 1024;

/// The storage price class of a storage class (Intelligent-Tiering: its Frequent Access tier).
pub(crate) fn storage_tier(class: StorageClass) -> S3StorageTier {
    match class {
        StorageClass::Standard => S3StorageTier::Standard,
        StorageClass::IntelligentTiering => S3StorageTier::IntelligentTieringFrequent,
        StorageClass::StandardIa => S3StorageTier::StandardIa,
        StorageClass::OneZoneIa => S3StorageTier::OneZoneIa,
        StorageClass::GlacierInstantRetrieval => S3StorageTier::GlacierInstantRetrieval,
        StorageClass::GlacierFlexibleRetrieval => S3StorageTier::GlacierFlexibleRetrieval,
        StorageClass::GlacierDeepArchive => S3StorageTier::GlacierDeepArchive,
    }
}

/// Whether AWS charges a per-GB retrieval fee for the class.
fn charges_retrieval(class: StorageClass) -> bool {
    match class {
        StorageClass::Standard | StorageClass::IntelligentTiering => false,
        StorageClass::StandardIa
        | StorageClass::OneZoneIa
        | StorageClass::GlacierInstantRetrieval
        | StorageClass::GlacierFlexibleRetrieval
        | StorageClass::GlacierDeepArchive => true,
    }
}

/// The line specs of one S3 item.
pub(crate) fn specs<'a>(
    ctx: &Ctx<'_>,
    at: At,
    region: &'a str,
    s: &S3Item,
) -> Result<ItemSpecs<'a>, Vec<FieldError>> {
    let mut out = ItemSpecs::new();
    let class = s.storage_class;
    let tier = storage_tier(class);
    let kb_per_gb = Decimal::from(KB_PER_GB);
    let gb = s.storage_gb.value();
    let rule = ctx.book.s3_class_rule(class);
    let min_kb = rule.and_then(|r| r.min_billable_object_size_kb);
    let over_class_kb = rule.and_then(|r| r.overhead_kb_at_class_rate);
    let over_std_kb = rule.and_then(|r| r.overhead_kb_at_standard_rate);
    let monitor_kb = rule.and_then(|r| r.monitoring_min_object_size_kb);
    let has_object_rules = min_kb.is_some()
        || over_class_kb.is_some()
        || over_std_kb.is_some()
        || monitor_kb.is_some();
    let objects = s.object_count.map(Decimal::from);
    // The average object size: as given, else derived from storage and object count.
    let avg_kb = match (s.avg_object_size_kb, objects) {
        (Some(kb), _) => Some(kb.value()),
        (None, Some(n)) if !n.is_zero() => Some(gb * kb_per_gb / n),
        _ => None,
    };
    if has_object_rules && objects.is_none() {
        out.warn(
            "per_object_rules_skipped",
            text!(class.display(), " has per-object rules (minimum billable size, per-object overhead or monitoring); without `object_count` they are not applied"),
            at.field("object_count"),
        );
    }
    let key = AggregateKey::S3Storage(region, tier);

    // Storage, at least the minimum billable size per object where the class has one.
    let mut storage = LineSpec::new(
        "Storage",
        class.display().into(),
        [(gb, "GB")],
        Unit::GbMonths,
        PriceRef::S3Storage { tier },
        at.field("storage_gb"),
    );
    if let (Some(min), Some(n), Some(avg)) = (min_kb, objects, avg_kb) {
        let floor_gb = n * min / kb_per_gb;
        if avg < min && floor_gb > gb {
            storage.quantity = floor_gb;
            storage.quantity_text = QuantityText::Words(text!(
                n,
                " objects × ",
                min,
                " KB minimum billable size / 1,048,576 KB per GB = ",
                floor_gb,
                " GB (more than the ",
                gb,
                " GB stored)"
            ));
        }
    }
    out.lines.push(storage.aggregate(key, None));

    if let Some(n) = objects {
        if let Some(kb) = over_class_kb {
            let q = n * kb / kb_per_gb;
            out.lines.push(
                LineSpec::new(
                    "Object metadata overhead",
                    details(&[class.display(), &text!(kb, " KB per object")]),
                    [(q, "GB")],
                    Unit::GbMonths,
                    PriceRef::S3Storage { tier },
                    at.field("object_count"),
                )
                .described(text!(n, " objects × ", kb, " KB / 1,048,576 KB per GB"))
                .aggregate(key, None),
            );
        }
        if let Some(kb) = over_std_kb {
            let q = n * kb / kb_per_gb;
            out.lines.push(
                LineSpec::new(
                    "Object index overhead",
                    details(&["S3 Standard rates", &text!(kb, " KB per object")]),
                    [(q, "GB")],
                    Unit::GbMonths,
                    PriceRef::S3Storage {
                        tier: S3StorageTier::Standard,
                    },
                    at.field("object_count"),
                )
                .described(text!(n, " objects × ", kb, " KB / 1,048,576 KB per GB"))
                .aggregate(
                    AggregateKey::S3Storage(region, S3StorageTier::Standard),
                    None,
                ),
            );
        }
        if let (Some(min), Some(avg)) = (monitor_kb, avg_kb)
            && avg >= min
        {
            out.lines.push(LineSpec::new(
                "Monitoring and automation",
                class.display().into(),
                [(n, "objects")],
                Unit::Objects,
                PriceRef::S3Monitoring,
                at.field("object_count"),
            ));
        }
    }
    if class == StorageClass::IntelligentTiering {
        out.warn(
            "intelligent_tiering_assumed_frequent",
            "all Intelligent-Tiering data is priced in the Frequent Access tier; objects that move to the cheaper tiers will cost less",
            at.field("storage_class"),
        );
    }
    for (kind, n, field, label) in [
        (
            S3RequestType::Put,
            s.put_requests_per_month,
            "put_requests_per_month",
            "PUT, COPY, POST, LIST requests",
        ),
        (
            S3RequestType::Get,
            s.get_requests_per_month,
            "get_requests_per_month",
            "GET, SELECT and other requests",
        ),
    ] {
        if n > 0 {
            let q = Decimal::from(n);
            out.lines.push(LineSpec::new(
                "Requests",
                details(&[class.display(), label]),
                [(q, "requests")],
                Unit::Requests,
                PriceRef::S3Request { class, kind },
                at.field(field),
            ));
        }
    }
    if let Some(r) = s.retrieval_gb_per_month
        && charges_retrieval(class)
        && !r.value().is_zero()
    {
        out.lines.push(LineSpec::new(
            "Data retrieval",
            class.display().into(),
            [(r.value(), "GB")],
            Unit::Gb,
            PriceRef::S3Retrieval { class },
            at.field("retrieval_gb_per_month"),
        ));
    }
    if let Some(line) = transfer::line(
        region,
        s.data_transfer_out_gb,
        at.field("data_transfer_out_gb"),
    ) {
        out.lines.push(line);
    }
    Ok(out)
}
