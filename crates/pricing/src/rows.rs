//! The price tables' rows: the schema of `pricing-data/aws/*.csv`, one struct per file.
//!
//! Field names are the CSV headers (snake_case) in column order; headers must match exactly.
//! Prices are `Decimal`s read from their text (`rust_decimal::serde::str`), never through f64.
//! Every price row names its `source_id` in `sources.csv`, which gives its origin and date, so a
//! table can mix sources of different dates (per region or per operating system) and still say
//! exactly where each figure came from. `pricing-data/README.md` documents each table.

use model::response::Unit;
use model::{
    Architecture, AuroraEngine, AuroraStorageConfig, Deployment, LicenseModel, OfferingClass,
    OperatingSystem, Payment, RdsEdition, RdsEngine, RdsStorageType, SavingsPlanType, StorageClass,
    Term, VolumeType,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Optional decimals: an empty cell is `None`.
mod opt_decimal {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => s.collect_str(d),
            None => s.serialize_str(""),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        let text = String::deserialize(d)?;
        if text.is_empty() {
            return Ok(None);
        }
        Decimal::from_str_exact(&text)
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("`{text}` is not a decimal number")))
    }
}

/// Exact decimals from their text; `1e-7` and `0.0000001` are both accepted as written.
mod decimal {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(v)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let text = String::deserialize(d)?;
        Decimal::from_str_exact(&text)
            .map_err(|_| serde::de::Error::custom(format!("`{text}` is not a decimal number")))
    }
}

/// `regions.csv`: every AWS Region the price book knows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionRow {
    /// e.g. `ap-northeast-2`.
    pub region_code: String,
    /// e.g. `Asia Pacific (Seoul)`.
    pub name: String,
}

/// `sources.csv`: where a set of prices came from and the date they were valid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRow {
    /// Referenced by every price row's `source_id`.
    pub source_id: String,
    /// The table whose rows use it, e.g. `ec2_on_demand`.
    pub table: String,
    /// The date the prices were valid, `YYYY-MM-DD`.
    pub price_date: String,
    /// Origin: repository, path and commit, or page URL, and the capture it came through.
    pub origin: String,
    /// Anything a reader should know (reconstructed figures, doubts, cross-checks).
    pub notes: String,
}

/// `ec2_instance_types.csv`: the EC2 instance catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ec2InstanceTypeRow {
    pub instance_type: String,
    pub family: String,
    pub vcpu: u32,
    #[serde(with = "decimal")]
    pub memory_gib: Decimal,
    /// `x86_64`, `arm64`, `x86_64_mac` or `arm64_mac`.
    pub architecture: String,
    pub current_generation: bool,
}

/// `ec2_on_demand.csv`: On-Demand hourly price per region, type and operating system.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ec2OnDemandRow {
    pub region_code: String,
    pub instance_type: String,
    pub operating_system: OperatingSystem,
    /// Always `hours`.
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// `ec2_reserved.csv`: one Reserved Instance offer (shared tenancy, regional).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ec2ReservedRow {
    pub region_code: String,
    pub instance_type: String,
    pub operating_system: OperatingSystem,
    pub offering_class: OfferingClass,
    pub term: Term,
    pub payment: Payment,
    /// The one-time fee per reservation (0 for No Upfront).
    #[serde(with = "decimal")]
    pub upfront_usd: Decimal,
    /// The recurring fee per hour of the term (0 for All Upfront).
    #[serde(with = "decimal")]
    pub hourly_usd: Decimal,
    /// The unit of `hourly_usd`: always `hours`.
    pub unit: Unit,
    /// True where a figure was rebuilt (e.g. an All Upfront fee from an effective hourly rate);
    /// the source's notes say how, and a test checks it against a published figure.
    pub reconstructed: bool,
    pub source_id: String,
}

/// `ec2_spot.csv`: a dated average Spot price (Linux).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ec2SpotRow {
    pub region_code: String,
    pub instance_type: String,
    pub operating_system: OperatingSystem,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// `ec2_savings_plans.csv`: a Savings Plans rate per instance-hour.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ec2SavingsPlanRow {
    pub region_code: String,
    pub instance_type: String,
    pub operating_system: OperatingSystem,
    pub plan: SavingsPlanType,
    pub term: Term,
    pub payment: Payment,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// What an EBS price is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EbsComponent {
    /// Per GB-month of provisioned size.
    Storage,
    /// Per provisioned IOPS-month (tiered: gp3's free baseline is a zero-priced first tier).
    Iops,
    /// Per provisioned MB/s-month (gp3; the free baseline is a zero-priced first tier).
    Throughput,
    /// Per I/O request (magnetic `standard` volumes).
    IoRequests,
}

/// `ebs_volumes.csv`: EBS volume prices, tiered where AWS tiers them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EbsVolumeRow {
    pub region_code: String,
    pub volume_type: VolumeType,
    pub component: EbsComponent,
    /// Where the tier starts (in the component's unit: GB, IOPS, MB/s or requests).
    #[serde(with = "decimal")]
    pub tier_start: Decimal,
    /// Where it ends; empty for the open last tier.
    #[serde(with = "opt_decimal")]
    pub tier_end: Option<Decimal>,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// EBS snapshot storage tiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SnapshotTier {
    Standard,
    Archive,
    /// Restoring from the archive tier, per GB.
    ArchiveRetrieval,
}

/// `ebs_snapshots.csv`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EbsSnapshotRow {
    pub region_code: String,
    pub tier: SnapshotTier,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// `public_ipv4.csv`: per public IPv4 address-hour.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicIpv4Row {
    pub region_code: String,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// `data_transfer_out.csv`: data transfer out to the internet, tiered by GB per month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataTransferOutRow {
    pub region_code: String,
    #[serde(with = "decimal")]
    pub tier_start: Decimal,
    #[serde(with = "opt_decimal")]
    pub tier_end: Option<Decimal>,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// What a Lambda price is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LambdaComponent {
    /// Per request.
    Requests,
    /// Per GB-second, tiered by monthly GB-seconds.
    Duration,
    /// Per GB-second of configured ephemeral storage above the free 512 MB.
    EphemeralStorage,
    /// Per GB-second of configured provisioned concurrency.
    ProvisionedConcurrency,
    /// Per GB-second of invocations served by provisioned concurrency.
    ProvisionedDuration,
}

/// `lambda.csv`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LambdaRow {
    pub region_code: String,
    pub architecture: Architecture,
    pub component: LambdaComponent,
    #[serde(with = "decimal")]
    pub tier_start: Decimal,
    #[serde(with = "opt_decimal")]
    pub tier_end: Option<Decimal>,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// An S3 storage price class: the storage classes plus Intelligent-Tiering's access tiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum S3StorageTier {
    Standard,
    IntelligentTieringFrequent,
    IntelligentTieringInfrequent,
    IntelligentTieringArchiveInstant,
    IntelligentTieringArchive,
    IntelligentTieringDeepArchive,
    StandardIa,
    OneZoneIa,
    GlacierInstantRetrieval,
    GlacierFlexibleRetrieval,
    GlacierDeepArchive,
}

/// `s3_storage.csv`: per GB-month, tiered by the region's total GB in that class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct S3StorageRow {
    pub region_code: String,
    pub storage_tier: S3StorageTier,
    #[serde(with = "decimal")]
    pub tier_start: Decimal,
    #[serde(with = "opt_decimal")]
    pub tier_end: Option<Decimal>,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// S3 request kinds with their own price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum S3RequestType {
    /// PUT, COPY, POST, LIST.
    Put,
    /// GET, SELECT and all other requests.
    Get,
}

/// `s3_requests.csv`: per request (not per thousand), per storage class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct S3RequestRow {
    pub region_code: String,
    pub storage_class: StorageClass,
    pub request_type: S3RequestType,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// `s3_retrieval.csv`: data retrieval per GB for the classes that charge it (standard
/// retrieval speed for Glacier Flexible Retrieval and Deep Archive).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct S3RetrievalRow {
    pub region_code: String,
    pub storage_class: StorageClass,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// `s3_monitoring.csv`: Intelligent-Tiering monitoring and automation, per object-month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct S3MonitoringRow {
    pub region_code: String,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// `s3_storage_classes.csv`: the per-object rules of each class (not prices).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct S3ClassRuleRow {
    pub storage_class: StorageClass,
    /// Empty: no minimum.
    #[serde(with = "opt_decimal")]
    pub min_storage_duration_days: Option<Decimal>,
    /// Objects smaller than this are billed as this size. Empty: no minimum.
    #[serde(with = "opt_decimal")]
    pub min_billable_object_size_kb: Option<Decimal>,
    /// Per-object overhead billed at the class's own rate (Glacier Flexible/Deep Archive: 32).
    #[serde(with = "opt_decimal")]
    pub overhead_kb_at_class_rate: Option<Decimal>,
    /// Per-object overhead billed at S3 Standard rates (Glacier Flexible/Deep Archive: 8).
    #[serde(with = "opt_decimal")]
    pub overhead_kb_at_standard_rate: Option<Decimal>,
    /// Objects smaller than this are not monitored (Intelligent-Tiering: 128).
    #[serde(with = "opt_decimal")]
    pub monitoring_min_object_size_kb: Option<Decimal>,
    pub source_id: String,
}

/// `db_instance_classes.csv`: the RDS and Aurora instance-class catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DbInstanceClassRow {
    pub instance_class: String,
    pub vcpu: u32,
    #[serde(with = "decimal")]
    pub memory_gib: Decimal,
}

/// `rds_instances.csv`: RDS On-Demand hourly price.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RdsInstanceRow {
    pub region_code: String,
    pub engine: RdsEngine,
    /// Empty for MySQL, PostgreSQL and MariaDB.
    pub edition: Option<RdsEdition>,
    /// Empty for MySQL, PostgreSQL and MariaDB.
    pub license_model: Option<LicenseModel>,
    pub instance_class: String,
    pub deployment: Deployment,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// `rds_reserved.csv`: an RDS reservation offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RdsReservedRow {
    pub region_code: String,
    pub engine: RdsEngine,
    pub edition: Option<RdsEdition>,
    pub license_model: Option<LicenseModel>,
    pub instance_class: String,
    pub deployment: Deployment,
    pub term: Term,
    pub payment: Payment,
    #[serde(with = "decimal")]
    pub upfront_usd: Decimal,
    #[serde(with = "decimal")]
    pub hourly_usd: Decimal,
    pub unit: Unit,
    pub reconstructed: bool,
    pub source_id: String,
}

/// What an RDS storage price is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RdsStorageComponent {
    Storage,
    Iops,
    Throughput,
    IoRequests,
}

/// `rds_storage.csv`: RDS storage per GB-month and provisioned IOPS/throughput, per deployment
/// (the Multi-AZ price already covers both copies).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RdsStorageRow {
    pub region_code: String,
    pub storage_type: RdsStorageType,
    pub deployment: Deployment,
    pub component: RdsStorageComponent,
    #[serde(with = "decimal")]
    pub tier_start: Decimal,
    #[serde(with = "opt_decimal")]
    pub tier_end: Option<Decimal>,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// `rds_backup.csv`: RDS backup storage beyond the free allowance, per GB-month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RdsBackupRow {
    pub region_code: String,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// `aurora_instances.csv`: Aurora On-Demand hourly price per storage configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuroraInstanceRow {
    pub region_code: String,
    pub engine: AuroraEngine,
    pub instance_class: String,
    pub storage_config: AuroraStorageConfig,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// `aurora_reserved.csv`: an Aurora reservation offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuroraReservedRow {
    pub region_code: String,
    pub engine: AuroraEngine,
    pub instance_class: String,
    pub storage_config: AuroraStorageConfig,
    pub term: Term,
    pub payment: Payment,
    #[serde(with = "decimal")]
    pub upfront_usd: Decimal,
    #[serde(with = "decimal")]
    pub hourly_usd: Decimal,
    pub unit: Unit,
    pub reconstructed: bool,
    pub source_id: String,
}

/// What an Aurora cluster-level price is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuroraComponent {
    /// Per GB-month of cluster volume.
    Storage,
    /// Per I/O request (Aurora Standard only).
    IoRequests,
    /// Per ACU-hour of Serverless v2.
    ServerlessV2,
    /// Per change record (Aurora MySQL).
    Backtrack,
    /// Per GB-month of backup beyond the free allowance.
    Backup,
}

/// `aurora_cluster.csv`: Aurora storage, I/O, Serverless v2, backtrack and backup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuroraClusterRow {
    pub region_code: String,
    pub engine: AuroraEngine,
    pub storage_config: AuroraStorageConfig,
    pub component: AuroraComponent,
    pub unit: Unit,
    #[serde(with = "decimal")]
    pub price_usd: Decimal,
    pub source_id: String,
}

/// A billing rule that is a quantity, not a price (free allowances, baselines, tier limits kept
/// for reference).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    /// Lambda always-free requests per month (1,000,000).
    LambdaFreeRequests,
    /// Lambda always-free GB-seconds per month (400,000).
    LambdaFreeGbSeconds,
    /// Lambda ephemeral storage included free, MB (512).
    LambdaFreeEphemeralMb,
    /// Data transfer out to the internet free per month across the estimate, GB (100).
    DataTransferFreeGb,
    /// RDS/Aurora backup storage free, percent of provisioned storage (100).
    DbBackupFreePercent,
    /// RDS gp3 baseline for MySQL/PostgreSQL/MariaDB below the size threshold: IOPS (3,000).
    RdsGp3BaselineIopsSmall,
    /// ... and throughput, MB/s (125).
    RdsGp3BaselineThroughputSmall,
    /// The size at and above which the larger baseline applies, GB (400; Oracle 200).
    RdsGp3BaselineThresholdGb,
    /// The same threshold for Oracle, GB (200).
    RdsGp3BaselineThresholdGbOracle,
    /// Larger baseline IOPS (12,000).
    RdsGp3BaselineIopsLarge,
    /// Larger baseline throughput, MB/s (500).
    RdsGp3BaselineThroughputLarge,
}

/// `billing_rules.csv`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BillingRuleRow {
    pub rule: RuleId,
    #[serde(with = "decimal")]
    pub value: Decimal,
    /// What `value` counts (`requests`, `GB-seconds`, `MB`, `GB`, `percent`, `IOPS`, `MBps`).
    pub unit: String,
    pub source_id: String,
}

/// Every table of the price book, as rows. The loader fills it from CSV; tests can build it by
/// hand; [`crate::book::PriceBook::from_tables`] validates it and indexes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tables {
    pub regions: Vec<RegionRow>,
    pub sources: Vec<SourceRow>,
    pub ec2_instance_types: Vec<Ec2InstanceTypeRow>,
    pub ec2_on_demand: Vec<Ec2OnDemandRow>,
    pub ec2_reserved: Vec<Ec2ReservedRow>,
    pub ec2_spot: Vec<Ec2SpotRow>,
    pub ec2_savings_plans: Vec<Ec2SavingsPlanRow>,
    pub ebs_volumes: Vec<EbsVolumeRow>,
    pub ebs_snapshots: Vec<EbsSnapshotRow>,
    pub public_ipv4: Vec<PublicIpv4Row>,
    pub data_transfer_out: Vec<DataTransferOutRow>,
    pub lambda: Vec<LambdaRow>,
    pub s3_storage: Vec<S3StorageRow>,
    pub s3_requests: Vec<S3RequestRow>,
    pub s3_retrieval: Vec<S3RetrievalRow>,
    pub s3_monitoring: Vec<S3MonitoringRow>,
    pub s3_storage_classes: Vec<S3ClassRuleRow>,
    pub db_instance_classes: Vec<DbInstanceClassRow>,
    pub rds_instances: Vec<RdsInstanceRow>,
    pub rds_reserved: Vec<RdsReservedRow>,
    pub rds_storage: Vec<RdsStorageRow>,
    pub rds_backup: Vec<RdsBackupRow>,
    pub aurora_instances: Vec<AuroraInstanceRow>,
    pub aurora_reserved: Vec<AuroraReservedRow>,
    pub aurora_cluster: Vec<AuroraClusterRow>,
    pub billing_rules: Vec<BillingRuleRow>,
}

/// The file name of each table under `pricing-data/aws/`, in load order.
pub const TABLE_FILES: [&str; 26] = [
    "regions.csv",
    "sources.csv",
    "ec2_instance_types.csv",
    "ec2_on_demand.csv",
    "ec2_reserved.csv",
    "ec2_spot.csv",
    "ec2_savings_plans.csv",
    "ebs_volumes.csv",
    "ebs_snapshots.csv",
    "public_ipv4.csv",
    "data_transfer_out.csv",
    "lambda.csv",
    "s3_storage.csv",
    "s3_requests.csv",
    "s3_retrieval.csv",
    "s3_monitoring.csv",
    "s3_storage_classes.csv",
    "db_instance_classes.csv",
    "rds_instances.csv",
    "rds_reserved.csv",
    "rds_storage.csv",
    "rds_backup.csv",
    "aurora_instances.csv",
    "aurora_reserved.csv",
    "aurora_cluster.csv",
    "billing_rules.csv",
];
