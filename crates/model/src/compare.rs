//! The decision APIs: pricing-model comparison, Aurora vs RDS, and every region at once.

use serde::{Deserialize, Serialize};

use crate::money::{Quantity, Usd};
use crate::request::{Ec2Pricing, EstimateRequest, Item};
use crate::response::{LineItem, Totals};

/// `POST /api/v1/compare/pricing`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparePricingRequest {
    pub region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_month: Option<Quantity>,
    /// An EC2 item.
    pub item: Item,
}

/// The answer: every pricing model with a price for the item.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComparePricingResponse {
    pub options: Vec<PricingOption>,
    pub price_date: String,
}

/// One way of paying for the item.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PricingOption {
    pub pricing: Ec2Pricing,
    pub upfront: Usd,
    pub monthly: Usd,
    pub effective_monthly: Usd,
    pub total_1yr: Usd,
    pub total_3yr: Usd,
    /// Null for On-Demand itself.
    pub saving_vs_on_demand_percent: Option<rust_decimal::Decimal>,
    /// The first month whose cumulative cost is below On-Demand's; null when never (or On-Demand).
    pub break_even_month: Option<u32>,
    /// The usage below which this option costs more than On-Demand for the same hours.
    pub break_even_utilization_percent: Option<rust_decimal::Decimal>,
    /// Why a figure above is null.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Cumulative cost at the end of each of 36 months.
    pub cumulative: Vec<Usd>,
}

/// `POST /api/v1/compare/database`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareDatabaseRequest {
    pub region: String,
    /// `mysql` or `postgresql`.
    pub engine: DbFamily,
    pub instance_class: String,
    /// Instances including readers.
    pub instances: u32,
    pub storage_gb: Quantity,
    pub io_requests_per_month: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_storage_gb: Option<Quantity>,
    pub multi_az: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_month: Option<Quantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average_acus: Option<Quantity>,
}

/// An engine family that both RDS and Aurora offer.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DbFamily {
    Mysql,
    Postgresql,
}

/// The side-by-side answer.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompareDatabaseResponse {
    pub options: Vec<DatabaseOption>,
    /// I/O requests per month above which I/O-Optimized is cheaper than Standard; null if never.
    pub io_optimized_crossover_io_requests_per_month: Option<rust_decimal::Decimal>,
    pub price_date: String,
}

/// One database option.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DatabaseOption {
    pub option: DatabaseOptionKind,
    /// Null when unavailable.
    pub monthly: Option<Usd>,
    pub line_items: Vec<LineItem>,
    /// Why this option has no price in the region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<String>,
}

/// The columns of the database comparison.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatabaseOptionKind {
    RdsSingleAz,
    RdsMultiAz,
    AuroraStandard,
    AuroraIoOptimized,
    AuroraServerlessV2,
}

impl DatabaseOptionKind {
    /// The option's name in the API (`aurora_io_optimized`).
    pub fn as_str(self) -> &'static str {
        match self {
            DatabaseOptionKind::RdsSingleAz => "rds_single_az",
            DatabaseOptionKind::RdsMultiAz => "rds_multi_az",
            DatabaseOptionKind::AuroraStandard => "aurora_standard",
            DatabaseOptionKind::AuroraIoOptimized => "aurora_io_optimized",
            DatabaseOptionKind::AuroraServerlessV2 => "aurora_serverless_v2",
        }
    }
}

/// `POST /api/v1/compare/regions` takes an [`EstimateRequest`].
pub type CompareRegionsRequest = EstimateRequest;

/// Every region, ranked.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompareRegionsResponse {
    pub current_region: String,
    pub regions: Vec<RegionTotal>,
}

/// The estimate moved to one region.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionTotal {
    pub region: String,
    pub name: String,
    /// Totals of the items that could be priced there.
    pub totals: Totals,
    /// Monthly total minus the current region's; null when either is incomplete.
    pub difference_monthly: Option<Usd>,
    pub incomplete: bool,
    /// Ids of items with no price in this region.
    pub missing: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::DatabaseOptionKind as K;

    #[test]
    fn option_names_are_the_ones_the_api_serialises() {
        for kind in [
            K::RdsSingleAz,
            K::RdsMultiAz,
            K::AuroraStandard,
            K::AuroraIoOptimized,
            K::AuroraServerlessV2,
        ] {
            let json = serde_json::to_string(&kind).expect("an option serialises");
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }
}
