//! Data transfer out to the internet: tiered per region on the total of the estimate, with the
//! always-free 100 GB a month shared by every service and region (AWS data transfer FAQ,
//! https://aws.amazon.com/about-aws/global-infrastructure/global-network/faqs/).
//!
//! Placement: each contributing item carries its own data-transfer lines. The region's tiers are
//! filled in item order (the first item's gigabytes are the first ones of the month), and the free
//! allowance is deducted from the first items that transfer anything, whatever their region.

use model::Quantity;
use model::response::Unit;

use super::spec::*;

/// The data-transfer line of an item, if it transfers anything.
pub(crate) fn line(region: &str, gb: Option<Quantity>, field: FieldPath) -> Option<LineSpec<'_>> {
    let gb = gb?.value();
    if gb.is_zero() {
        return None;
    }
    Some(
        LineSpec::new(
            "Data transfer out to the internet",
            region.into(),
            [(gb, "GB")],
            Unit::Gb,
            PriceRef::DataTransferOut,
            field,
        )
        .aggregate(
            AggregateKey::DataTransferOut(region),
            Some(FreePool::DataTransferOut),
        ),
    )
}
