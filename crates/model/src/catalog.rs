//! `GET /api/v1/catalog`: what the UI may offer, per region, so every choice has a price.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::request::{
    Architecture, AuroraEngine, AuroraStorageConfig, Deployment, LicenseModel, OperatingSystem,
    RdsEdition, RdsEngine, RdsStorageType, StorageClass, VolumeType,
};

/// The whole catalogue.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// A version of the price book's content; changes whenever any price does.
    pub version: String,
    pub regions: Vec<RegionInfo>,
    /// EC2 instance types with their specs (region-independent).
    pub instance_types: Vec<InstanceTypeInfo>,
    /// Database instance classes with their specs (region-independent).
    pub db_instance_classes: Vec<DbClassInfo>,
    /// What is priced in each region, keyed by region code in `regions` order.
    pub offers: Vec<RegionOffers>,
    /// The date and source of every table.
    pub price_tables: Vec<crate::response::PriceSourceRef>,
}

/// An AWS region.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionInfo {
    /// e.g. `ap-northeast-2`.
    pub code: String,
    /// e.g. `Asia Pacific (Seoul)`.
    pub name: String,
}

/// An EC2 instance type.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InstanceTypeInfo {
    pub name: String,
    pub family: String,
    pub vcpu: u32,
    pub memory_gib: Decimal,
    /// `x86_64`, `arm64`, ...
    pub architecture: String,
    pub current_generation: bool,
}

/// A database instance class.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DbClassInfo {
    pub name: String,
    pub vcpu: u32,
    pub memory_gib: Decimal,
}

/// What can be priced in one region.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionOffers {
    pub region: String,
    pub ec2: Ec2Offers,
    pub lambda: Vec<Architecture>,
    pub s3: Vec<StorageClass>,
    pub rds: Vec<RdsOffer>,
    pub aurora: Vec<AuroraOffer>,
}

/// EC2 in one region.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ec2Offers {
    /// Instance types with an On-Demand price, per operating system.
    pub instance_types: Vec<Ec2TypeOffer>,
    pub volume_types: Vec<VolumeType>,
    pub public_ipv4: bool,
}

/// One instance type in one region.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ec2TypeOffer {
    pub name: String,
    pub operating_systems: Vec<OperatingSystem>,
    /// Whether a Spot average exists.
    pub spot: bool,
    /// Whether any reservation or Savings Plan price exists (see the comparison API for which).
    pub commitments: bool,
}

/// An RDS engine (and edition/license) in one region, with its classes.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RdsOffer {
    pub engine: RdsEngine,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<RdsEdition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_model: Option<LicenseModel>,
    pub instance_classes: Vec<String>,
    pub deployments: Vec<Deployment>,
    pub storage_types: Vec<RdsStorageType>,
}

/// An Aurora engine in one region.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuroraOffer {
    pub engine: AuroraEngine,
    pub storage_configs: Vec<AuroraStorageConfig>,
    pub instance_classes: Vec<String>,
    pub serverless_v2: bool,
}
