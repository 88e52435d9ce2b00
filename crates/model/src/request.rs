//! The estimate request: an architecture to be priced (API contract version 1).
//!
//! Field names are the public contract; add fields freely, never rename one. Closed sets are enums
//! (no catch-all arm), so an unknown value is rejected with the list of valid ones. Regions,
//! instance types and classes are open sets checked against the price book by the engine.
//!
//! Decode JSON with [`EstimateRequest::from_json`]: it reports the exact field path of the first
//! problem (`items[2].pricing.term`), which serde alone cannot do through tagged enums.

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, FieldError};
use crate::money::Quantity;

/// One estimate: global settings and a list of items.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EstimateRequest {
    /// A name for people; not used in pricing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The default region of items that name none, e.g. `us-east-1`.
    pub region: String,
    /// Hours in the billing month; every hourly quantity scales with it. Default 730.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_month: Option<Quantity>,
    /// Apply AWS's always-free allowances (Lambda, data transfer out).
    #[serde(default)]
    pub free_tier: bool,
    /// What is being priced.
    #[serde(default)]
    pub items: Vec<Item>,
}

/// One priced thing in an estimate: common fields plus what the service needs.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item {
    /// Unique within the estimate; responses and errors refer to items by it.
    pub id: String,
    /// A name for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Overrides the estimate's region for this item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// What is priced, tagged by `service`.
    #[serde(flatten)]
    pub spec: ItemSpec,
}

/// The service-specific part of an item, tagged by `"service"`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "service", rename_all = "snake_case")]
pub enum ItemSpec {
    /// Amazon EC2 instances with their EBS volumes, addresses and egress.
    Ec2(Ec2Item),
    /// AWS Lambda functions.
    Lambda(LambdaItem),
    /// An Amazon S3 storage class in a bucket or set of buckets.
    S3(S3Item),
    /// Amazon RDS database instances.
    Rds(RdsItem),
    /// An Amazon Aurora cluster.
    Aurora(AuroraItem),
}

impl ItemSpec {
    /// The service this spec prices.
    pub fn service(&self) -> Service {
        match self {
            ItemSpec::Ec2(_) => Service::Ec2,
            ItemSpec::Lambda(_) => Service::Lambda,
            ItemSpec::S3(_) => Service::S3,
            ItemSpec::Rds(_) => Service::Rds,
            ItemSpec::Aurora(_) => Service::Aurora,
        }
    }
}

/// The services cloudcalc prices.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    Ec2,
    Lambda,
    S3,
    Rds,
    Aurora,
}

impl Service {
    /// Every service, in display order.
    pub const ALL: [Service; 5] = [
        Service::Ec2,
        Service::Lambda,
        Service::S3,
        Service::Rds,
        Service::Aurora,
    ];

    /// The contract name (`ec2`, `lambda`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Service::Ec2 => "ec2",
            Service::Lambda => "lambda",
            Service::S3 => "s3",
            Service::Rds => "rds",
            Service::Aurora => "aurora",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// EC2
// ---------------------------------------------------------------------------------------------

/// EC2 instances of one type, with per-instance volumes, addresses and egress.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ec2Item {
    /// e.g. `m5.large`.
    pub instance_type: String,
    #[serde(default)]
    pub operating_system: OperatingSystem,
    /// Number of instances. Default 1.
    #[serde(default = "one")]
    pub count: u32,
    /// How much of the month the instances run; default the whole month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    #[serde(default)]
    pub pricing: Ec2Pricing,
    /// EBS volumes attached to each instance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ebs: Vec<EbsVolume>,
    /// Public IPv4 addresses per instance.
    #[serde(default, skip_serializing_if = "is_zero_u32")]
    pub public_ipv4_addresses: u32,
    /// Data transfer out to the internet, GB per month, for the whole item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_transfer_out_gb: Option<Quantity>,
}

/// An operating system with its own EC2 price.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum OperatingSystem {
    #[default]
    Linux,
    Windows,
    Rhel,
    Suse,
}

impl OperatingSystem {
    pub const ALL: [OperatingSystem; 4] = [
        OperatingSystem::Linux,
        OperatingSystem::Windows,
        OperatingSystem::Rhel,
        OperatingSystem::Suse,
    ];

    /// The contract name (`linux`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            OperatingSystem::Linux => "linux",
            OperatingSystem::Windows => "windows",
            OperatingSystem::Rhel => "rhel",
            OperatingSystem::Suse => "suse",
        }
    }

    /// The name a bill uses (`Linux`, `Windows`, `RHEL`, `SUSE`).
    pub fn display(self) -> &'static str {
        match self {
            OperatingSystem::Linux => "Linux",
            OperatingSystem::Windows => "Windows",
            OperatingSystem::Rhel => "RHEL",
            OperatingSystem::Suse => "SUSE",
        }
    }
}

/// How much of the month something runs: hours, or a percentage of the month.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Usage {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_month: Option<Quantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utilization_percent: Option<Quantity>,
}

/// How EC2 instance hours are bought, tagged by `"model"`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "PricingFields", into = "PricingFields")]
pub enum Ec2Pricing {
    #[default]
    OnDemand,
    Reserved {
        term: Term,
        offering_class: OfferingClass,
        payment: Payment,
    },
    Spot {
        /// Overrides the dated average Spot discount, in percent off On-Demand.
        discount_percent: Option<Quantity>,
    },
    SavingsPlan {
        plan: SavingsPlanType,
        term: Term,
        payment: Payment,
    },
}

/// The pricing object as it appears in JSON: one flat object whose `model` says which other
/// fields apply. Decoding through it (rather than a serde-tagged enum) keeps error paths exact.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PricingFields {
    model: PricingModel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    term: Option<Term>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    offering_class: Option<OfferingClass>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    payment: Option<Payment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    plan: Option<SavingsPlanType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    discount_percent: Option<Quantity>,
}

/// The pricing models of EC2 and the databases.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PricingModel {
    #[default]
    OnDemand,
    Reserved,
    Spot,
    SavingsPlan,
}

impl PricingModel {
    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            PricingModel::OnDemand => "on_demand",
            PricingModel::Reserved => "reserved",
            PricingModel::Spot => "spot",
            PricingModel::SavingsPlan => "savings_plan",
        }
    }
}

impl PricingFields {
    fn required<T>(value: Option<T>, name: &str, model: PricingModel) -> Result<T, String> {
        value.ok_or_else(|| {
            format!(
                "missing field `{name}` (required by the {} model)",
                model.as_str()
            )
        })
    }

    fn refuse_extra(&self, allowed: &[&str]) -> Result<(), String> {
        let present = [
            ("term", self.term.is_some()),
            ("offering_class", self.offering_class.is_some()),
            ("payment", self.payment.is_some()),
            ("plan", self.plan.is_some()),
            ("discount_percent", self.discount_percent.is_some()),
        ];
        for (name, is_set) in present {
            if is_set && !allowed.contains(&name) {
                return Err(format!(
                    "`{name}` does not apply to the {} model",
                    self.model.as_str()
                ));
            }
        }
        Ok(())
    }
}

impl TryFrom<PricingFields> for Ec2Pricing {
    type Error = String;
    fn try_from(f: PricingFields) -> Result<Self, String> {
        let m = f.model;
        Ok(match m {
            PricingModel::OnDemand => {
                f.refuse_extra(&[])?;
                Ec2Pricing::OnDemand
            }
            PricingModel::Reserved => {
                f.refuse_extra(&["term", "offering_class", "payment"])?;
                Ec2Pricing::Reserved {
                    term: PricingFields::required(f.term, "term", m)?,
                    offering_class: PricingFields::required(f.offering_class, "offering_class", m)?,
                    payment: PricingFields::required(f.payment, "payment", m)?,
                }
            }
            PricingModel::Spot => {
                f.refuse_extra(&["discount_percent"])?;
                Ec2Pricing::Spot {
                    discount_percent: f.discount_percent,
                }
            }
            PricingModel::SavingsPlan => {
                f.refuse_extra(&["plan", "term", "payment"])?;
                Ec2Pricing::SavingsPlan {
                    plan: PricingFields::required(f.plan, "plan", m)?,
                    term: PricingFields::required(f.term, "term", m)?,
                    payment: PricingFields::required(f.payment, "payment", m)?,
                }
            }
        })
    }
}

impl From<Ec2Pricing> for PricingFields {
    fn from(p: Ec2Pricing) -> Self {
        match p {
            Ec2Pricing::OnDemand => PricingFields::default(),
            Ec2Pricing::Reserved {
                term,
                offering_class,
                payment,
            } => PricingFields {
                model: PricingModel::Reserved,
                term: Some(term),
                offering_class: Some(offering_class),
                payment: Some(payment),
                ..PricingFields::default()
            },
            Ec2Pricing::Spot { discount_percent } => PricingFields {
                model: PricingModel::Spot,
                discount_percent,
                ..PricingFields::default()
            },
            Ec2Pricing::SavingsPlan {
                plan,
                term,
                payment,
            } => PricingFields {
                model: PricingModel::SavingsPlan,
                plan: Some(plan),
                term: Some(term),
                payment: Some(payment),
                ..PricingFields::default()
            },
        }
    }
}

impl Ec2Pricing {
    /// The model this pricing uses.
    pub fn model(&self) -> PricingModel {
        match self {
            Ec2Pricing::OnDemand => PricingModel::OnDemand,
            Ec2Pricing::Reserved { .. } => PricingModel::Reserved,
            Ec2Pricing::Spot { .. } => PricingModel::Spot,
            Ec2Pricing::SavingsPlan { .. } => PricingModel::SavingsPlan,
        }
    }
}

/// A commitment term.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Term {
    #[serde(rename = "1yr")]
    OneYear,
    #[serde(rename = "3yr")]
    ThreeYears,
}

impl Term {
    pub const ALL: [Term; 2] = [Term::OneYear, Term::ThreeYears];

    /// `1yr` or `3yr`.
    pub fn as_str(self) -> &'static str {
        match self {
            Term::OneYear => "1yr",
            Term::ThreeYears => "3yr",
        }
    }

    /// Length in years.
    pub fn years(self) -> u32 {
        match self {
            Term::OneYear => 1,
            Term::ThreeYears => 3,
        }
    }

    /// Length in months.
    pub fn months(self) -> u32 {
        self.years() * 12
    }
}

/// How a commitment is paid.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payment {
    NoUpfront,
    PartialUpfront,
    AllUpfront,
}

impl Payment {
    pub const ALL: [Payment; 3] = [
        Payment::NoUpfront,
        Payment::PartialUpfront,
        Payment::AllUpfront,
    ];

    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            Payment::NoUpfront => "no_upfront",
            Payment::PartialUpfront => "partial_upfront",
            Payment::AllUpfront => "all_upfront",
        }
    }

    /// The name a bill uses (`no upfront`).
    pub fn display(self) -> &'static str {
        match self {
            Payment::NoUpfront => "no upfront",
            Payment::PartialUpfront => "partial upfront",
            Payment::AllUpfront => "all upfront",
        }
    }
}

/// A Reserved Instance offering class.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferingClass {
    Standard,
    Convertible,
}

impl OfferingClass {
    pub const ALL: [OfferingClass; 2] = [OfferingClass::Standard, OfferingClass::Convertible];

    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            OfferingClass::Standard => "standard",
            OfferingClass::Convertible => "convertible",
        }
    }
}

/// A Savings Plan type.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SavingsPlanType {
    Compute,
    Ec2Instance,
}

impl SavingsPlanType {
    pub const ALL: [SavingsPlanType; 2] = [SavingsPlanType::Compute, SavingsPlanType::Ec2Instance];

    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            SavingsPlanType::Compute => "compute",
            SavingsPlanType::Ec2Instance => "ec2_instance",
        }
    }
}

/// One EBS volume attached to each instance of an item.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EbsVolume {
    pub volume_type: VolumeType,
    pub size_gb: u64,
    /// Provisioned IOPS (gp3 above its 3,000 baseline, io1, io2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<u64>,
    /// Provisioned throughput in MB/s (gp3 above its 125 MB/s baseline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput_mbps: Option<u64>,
}

/// An EBS volume type.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VolumeType {
    Gp3,
    Gp2,
    Io1,
    Io2,
    St1,
    Sc1,
    Standard,
}

impl VolumeType {
    pub const ALL: [VolumeType; 7] = [
        VolumeType::Gp3,
        VolumeType::Gp2,
        VolumeType::Io1,
        VolumeType::Io2,
        VolumeType::St1,
        VolumeType::Sc1,
        VolumeType::Standard,
    ];

    /// The contract name (`gp3`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            VolumeType::Gp3 => "gp3",
            VolumeType::Gp2 => "gp2",
            VolumeType::Io1 => "io1",
            VolumeType::Io2 => "io2",
            VolumeType::St1 => "st1",
            VolumeType::Sc1 => "sc1",
            VolumeType::Standard => "standard",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Lambda
// ---------------------------------------------------------------------------------------------

/// One Lambda function (or several alike).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LambdaItem {
    /// Invocations per month outside provisioned concurrency.
    #[serde(default)]
    pub requests_per_month: u64,
    /// Average duration of those invocations; billed rounded up to the millisecond.
    #[serde(default)]
    pub avg_duration_ms: Quantity,
    /// Configured memory, 128 to 10,240 MB.
    #[serde(default = "default_lambda_memory")]
    pub memory_mb: u32,
    #[serde(default)]
    pub architecture: Architecture,
    /// Configured ephemeral storage, 512 to 10,240 MB; only the part above 512 MB is billed.
    #[serde(default = "default_ephemeral")]
    pub ephemeral_storage_mb: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisioned_concurrency: Option<ProvisionedConcurrency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_transfer_out_gb: Option<Quantity>,
}

/// A Lambda CPU architecture.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Architecture {
    #[default]
    X86_64,
    Arm64,
}

impl Architecture {
    pub const ALL: [Architecture; 2] = [Architecture::X86_64, Architecture::Arm64];

    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            Architecture::X86_64 => "x86_64",
            Architecture::Arm64 => "arm64",
        }
    }
}

/// Provisioned concurrency and the invocations it serves.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvisionedConcurrency {
    pub concurrency: u32,
    /// Hours per month it is enabled; default the estimate's month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_month: Option<Quantity>,
    #[serde(default)]
    pub requests_per_month: u64,
    #[serde(default)]
    pub avg_duration_ms: Quantity,
}

// ---------------------------------------------------------------------------------------------
// S3
// ---------------------------------------------------------------------------------------------

/// Storage in one S3 storage class, with its requests, retrievals and egress.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct S3Item {
    #[serde(default)]
    pub storage_class: StorageClass,
    #[serde(default)]
    pub storage_gb: Quantity,
    /// Number of objects stored; enables the per-object rules (minimum sizes, overheads, monitoring).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_count: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_object_size_kb: Option<Quantity>,
    /// PUT, COPY, POST and LIST requests.
    #[serde(default)]
    pub put_requests_per_month: u64,
    /// GET, SELECT and all other requests.
    #[serde(default)]
    pub get_requests_per_month: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieval_gb_per_month: Option<Quantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_transfer_out_gb: Option<Quantity>,
}

/// An S3 storage class.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum StorageClass {
    #[default]
    Standard,
    IntelligentTiering,
    StandardIa,
    OneZoneIa,
    GlacierInstantRetrieval,
    GlacierFlexibleRetrieval,
    GlacierDeepArchive,
}

impl StorageClass {
    pub const ALL: [StorageClass; 7] = [
        StorageClass::Standard,
        StorageClass::IntelligentTiering,
        StorageClass::StandardIa,
        StorageClass::OneZoneIa,
        StorageClass::GlacierInstantRetrieval,
        StorageClass::GlacierFlexibleRetrieval,
        StorageClass::GlacierDeepArchive,
    ];

    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            StorageClass::Standard => "standard",
            StorageClass::IntelligentTiering => "intelligent_tiering",
            StorageClass::StandardIa => "standard_ia",
            StorageClass::OneZoneIa => "one_zone_ia",
            StorageClass::GlacierInstantRetrieval => "glacier_instant_retrieval",
            StorageClass::GlacierFlexibleRetrieval => "glacier_flexible_retrieval",
            StorageClass::GlacierDeepArchive => "glacier_deep_archive",
        }
    }

    /// The name AWS uses on bills and pricing pages.
    pub fn display(self) -> &'static str {
        match self {
            StorageClass::Standard => "S3 Standard",
            StorageClass::IntelligentTiering => "S3 Intelligent-Tiering",
            StorageClass::StandardIa => "S3 Standard-IA",
            StorageClass::OneZoneIa => "S3 One Zone-IA",
            StorageClass::GlacierInstantRetrieval => "S3 Glacier Instant Retrieval",
            StorageClass::GlacierFlexibleRetrieval => "S3 Glacier Flexible Retrieval",
            StorageClass::GlacierDeepArchive => "S3 Glacier Deep Archive",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// RDS and Aurora
// ---------------------------------------------------------------------------------------------

/// Amazon RDS instances of one class and engine.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RdsItem {
    pub engine: RdsEngine,
    /// Oracle and SQL Server only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<RdsEdition>,
    /// Oracle and SQL Server only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_model: Option<LicenseModel>,
    /// e.g. `db.r6g.large`.
    pub instance_class: String,
    #[serde(default)]
    pub deployment: Deployment,
    #[serde(default = "one")]
    pub count: u32,
    pub storage: RdsStorage,
    /// Total backup storage in GB; the free allowance is deducted by the engine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_storage_gb: Option<Quantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    #[serde(default)]
    pub pricing: DbPricing,
}

/// An RDS database engine (Aurora is its own item).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RdsEngine {
    Mysql,
    Postgresql,
    Mariadb,
    Oracle,
    Sqlserver,
}

impl RdsEngine {
    pub const ALL: [RdsEngine; 5] = [
        RdsEngine::Mysql,
        RdsEngine::Postgresql,
        RdsEngine::Mariadb,
        RdsEngine::Oracle,
        RdsEngine::Sqlserver,
    ];

    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            RdsEngine::Mysql => "mysql",
            RdsEngine::Postgresql => "postgresql",
            RdsEngine::Mariadb => "mariadb",
            RdsEngine::Oracle => "oracle",
            RdsEngine::Sqlserver => "sqlserver",
        }
    }

    /// The name AWS uses (`MySQL`, `PostgreSQL`, ...).
    pub fn display(self) -> &'static str {
        match self {
            RdsEngine::Mysql => "MySQL",
            RdsEngine::Postgresql => "PostgreSQL",
            RdsEngine::Mariadb => "MariaDB",
            RdsEngine::Oracle => "Oracle",
            RdsEngine::Sqlserver => "SQL Server",
        }
    }

    /// Whether the engine is sold in editions with license models (Oracle, SQL Server).
    pub fn is_commercial(self) -> bool {
        matches!(self, RdsEngine::Oracle | RdsEngine::Sqlserver)
    }
}

/// A commercial engine edition, as AWS names it, in lower_snake_case.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RdsEdition {
    /// Oracle Standard Edition Two.
    StandardTwo,
    /// Oracle Enterprise Edition or SQL Server Enterprise Edition.
    Enterprise,
    /// SQL Server Standard Edition.
    Standard,
    /// SQL Server Web Edition.
    Web,
    /// SQL Server Express Edition.
    Express,
}

impl RdsEdition {
    pub const ALL: [RdsEdition; 5] = [
        RdsEdition::StandardTwo,
        RdsEdition::Enterprise,
        RdsEdition::Standard,
        RdsEdition::Web,
        RdsEdition::Express,
    ];

    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            RdsEdition::StandardTwo => "standard_two",
            RdsEdition::Enterprise => "enterprise",
            RdsEdition::Standard => "standard",
            RdsEdition::Web => "web",
            RdsEdition::Express => "express",
        }
    }
}

/// How a commercial engine's license is paid.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LicenseModel {
    LicenseIncluded,
    BringYourOwnLicense,
}

impl LicenseModel {
    pub const ALL: [LicenseModel; 2] = [
        LicenseModel::LicenseIncluded,
        LicenseModel::BringYourOwnLicense,
    ];

    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            LicenseModel::LicenseIncluded => "license_included",
            LicenseModel::BringYourOwnLicense => "bring_your_own_license",
        }
    }
}

/// Single-AZ or Multi-AZ (one standby).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Deployment {
    #[default]
    SingleAz,
    MultiAz,
}

impl Deployment {
    pub const ALL: [Deployment; 2] = [Deployment::SingleAz, Deployment::MultiAz];

    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            Deployment::SingleAz => "single_az",
            Deployment::MultiAz => "multi_az",
        }
    }

    /// The name a bill uses.
    pub fn display(self) -> &'static str {
        match self {
            Deployment::SingleAz => "Single-AZ",
            Deployment::MultiAz => "Multi-AZ",
        }
    }
}

/// RDS storage of each instance.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RdsStorage {
    #[serde(rename = "type")]
    pub storage_type: RdsStorageType,
    pub size_gb: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput_mbps: Option<u64>,
}

/// An RDS storage type.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RdsStorageType {
    Gp2,
    Gp3,
    Io1,
    Io2,
    Magnetic,
}

impl RdsStorageType {
    pub const ALL: [RdsStorageType; 5] = [
        RdsStorageType::Gp2,
        RdsStorageType::Gp3,
        RdsStorageType::Io1,
        RdsStorageType::Io2,
        RdsStorageType::Magnetic,
    ];

    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            RdsStorageType::Gp2 => "gp2",
            RdsStorageType::Gp3 => "gp3",
            RdsStorageType::Io1 => "io1",
            RdsStorageType::Io2 => "io2",
            RdsStorageType::Magnetic => "magnetic",
        }
    }
}

/// How database instance hours are bought. Database reservations have no offering class.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "PricingFields", into = "PricingFields")]
pub enum DbPricing {
    #[default]
    OnDemand,
    Reserved {
        term: Term,
        payment: Payment,
    },
}

impl TryFrom<PricingFields> for DbPricing {
    type Error = String;
    fn try_from(f: PricingFields) -> Result<Self, String> {
        let m = f.model;
        match m {
            PricingModel::OnDemand => {
                f.refuse_extra(&[])?;
                Ok(DbPricing::OnDemand)
            }
            PricingModel::Reserved => {
                f.refuse_extra(&["term", "payment"])?;
                Ok(DbPricing::Reserved {
                    term: PricingFields::required(f.term, "term", m)?,
                    payment: PricingFields::required(f.payment, "payment", m)?,
                })
            }
            PricingModel::Spot | PricingModel::SavingsPlan => Err(format!(
                "the {} model is not offered for databases; expected `on_demand` or `reserved`",
                m.as_str()
            )),
        }
    }
}

impl From<DbPricing> for PricingFields {
    fn from(p: DbPricing) -> Self {
        match p {
            DbPricing::OnDemand => PricingFields::default(),
            DbPricing::Reserved { term, payment } => PricingFields {
                model: PricingModel::Reserved,
                term: Some(term),
                payment: Some(payment),
                ..PricingFields::default()
            },
        }
    }
}

/// An Aurora cluster: provisioned instances and/or Serverless v2 capacity over one volume.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuroraItem {
    pub engine: AuroraEngine,
    #[serde(default)]
    pub storage_config: AuroraStorageConfig,
    /// Writer and readers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instances: Vec<AuroraInstances>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serverless_v2: Option<ServerlessV2>,
    #[serde(default)]
    pub storage_gb: Quantity,
    /// Read and write I/O requests per month (billed on Aurora Standard only).
    #[serde(default)]
    pub io_requests_per_month: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_storage_gb: Option<Quantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backtrack: Option<Backtrack>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    #[serde(default)]
    pub pricing: DbPricing,
}

/// An Aurora engine.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuroraEngine {
    AuroraMysql,
    AuroraPostgresql,
}

impl AuroraEngine {
    pub const ALL: [AuroraEngine; 2] = [AuroraEngine::AuroraMysql, AuroraEngine::AuroraPostgresql];

    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            AuroraEngine::AuroraMysql => "aurora_mysql",
            AuroraEngine::AuroraPostgresql => "aurora_postgresql",
        }
    }

    /// The name AWS uses.
    pub fn display(self) -> &'static str {
        match self {
            AuroraEngine::AuroraMysql => "Aurora MySQL",
            AuroraEngine::AuroraPostgresql => "Aurora PostgreSQL",
        }
    }
}

/// Aurora's storage configuration.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum AuroraStorageConfig {
    #[default]
    Standard,
    IoOptimized,
}

impl AuroraStorageConfig {
    pub const ALL: [AuroraStorageConfig; 2] = [
        AuroraStorageConfig::Standard,
        AuroraStorageConfig::IoOptimized,
    ];

    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            AuroraStorageConfig::Standard => "standard",
            AuroraStorageConfig::IoOptimized => "io_optimized",
        }
    }

    /// The name AWS uses.
    pub fn display(self) -> &'static str {
        match self {
            AuroraStorageConfig::Standard => "Aurora Standard",
            AuroraStorageConfig::IoOptimized => "Aurora I/O-Optimized",
        }
    }
}

/// Provisioned Aurora instances of one class.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuroraInstances {
    pub instance_class: String,
    #[serde(default = "one")]
    pub count: u32,
}

/// Aurora Serverless v2 capacity.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerlessV2 {
    pub average_acus: Quantity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_month: Option<Quantity>,
}

/// Aurora MySQL backtrack.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backtrack {
    pub change_records_per_hour: Quantity,
    pub window_hours: Quantity,
}

fn one() -> u32 {
    1
}

fn default_lambda_memory() -> u32 {
    128
}

fn default_ephemeral() -> u32 {
    512
}

fn is_zero_u32(v: &u32) -> bool {
    *v == 0
}

// ---------------------------------------------------------------------------------------------
// Decoding with field paths
// ---------------------------------------------------------------------------------------------

const COMMON_FIELDS: [&str; 4] = ["id", "label", "region", "service"];

impl EstimateRequest {
    /// Decodes an estimate from JSON, naming the field path of the first problem.
    ///
    /// A valid body is decoded in one typed pass, straight from its bytes (see `one_pass`).
    /// Anything that pass refuses is decoded again through values (`from_json_via_values`), which
    /// decides the outcome for it: the error and its path, or the value of the rare valid body the
    /// one pass refuses.
    pub fn from_json(bytes: &[u8]) -> Result<EstimateRequest, FieldError> {
        match crate::one_pass::estimate(bytes) {
            Some(request) => Ok(request),
            None => from_json_via_values(bytes),
        }
    }

    /// Decodes an estimate from a parsed JSON value, naming the field path of the first problem.
    pub fn from_value(value: serde_json::Value) -> Result<EstimateRequest, FieldError> {
        if !value.is_object() {
            return Err(not_an_estimate());
        }
        decode_value(value)
    }
}

/// Decodes an estimate through [`decode_json`], each item through a `serde_json::Value` (see
/// [`Item`]'s `Deserialize`): slower than the one pass, but able to name the field of any problem.
/// Public as the reference that tests and the `estimate_json` fuzz target hold
/// [`EstimateRequest::from_json`] to: both give the same result for every body.
pub fn from_json_via_values(bytes: &[u8]) -> Result<EstimateRequest, FieldError> {
    decode_json(bytes).map_err(|e| {
        if e.field.is_empty() && e.code == ErrorCode::InvalidType {
            not_an_estimate()
        } else {
            e
        }
    })
}

fn not_an_estimate() -> FieldError {
    FieldError::new(
        ErrorCode::InvalidType,
        "",
        "an estimate is a JSON object with `region` and `items`",
    )
}

impl Item {
    /// Decodes one item from a JSON value; error paths are relative to the item.
    pub fn from_value(value: serde_json::Value) -> Result<Item, FieldError> {
        let serde_json::Value::Object(mut map) = value else {
            return Err(FieldError::new(
                ErrorCode::InvalidType,
                "",
                "an item is a JSON object with `id` and `service`",
            ));
        };
        let mut common = serde_json::Map::new();
        for key in COMMON_FIELDS {
            if let Some(v) = map.remove(key) {
                common.insert(key.to_owned(), v);
            }
        }
        let service = match common.get("service") {
            None => {
                return Err(FieldError::new(
                    ErrorCode::MissingField,
                    "service",
                    "missing field `service`; expected one of `ec2`, `lambda`, `s3`, `rds`, `aurora`",
                ));
            }
            Some(v) => serde_json::from_value::<Service>(v.clone()).map_err(|e| {
                FieldError::new(
                    ErrorCode::InvalidValue,
                    "service",
                    clean_message(&e.to_string()),
                )
            })?,
        };
        let head: ItemHead = decode_value(serde_json::Value::Object(common))?;
        let rest = serde_json::Value::Object(map);
        let spec = match service {
            Service::Ec2 => ItemSpec::Ec2(spec_from(rest)?),
            Service::Lambda => ItemSpec::Lambda(spec_from(rest)?),
            Service::S3 => ItemSpec::S3(spec_from(rest)?),
            Service::Rds => ItemSpec::Rds(spec_from(rest)?),
            Service::Aurora => ItemSpec::Aurora(spec_from(rest)?),
        };
        Ok(Item {
            id: head.id,
            label: head.label,
            region: head.region,
            spec,
        })
    }
}

/// The fields every item has.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemHead {
    id: String,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    region: Option<String>,
    #[allow(dead_code)]
    service: Service,
}

fn spec_from<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, FieldError> {
    decode_value(value)
}

/// Decodes any contract type from a JSON value, naming the exact field path of the first
/// problem (also inside items, whose tagged decoding serde alone cannot trace).
pub fn decode_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, FieldError> {
    // As in [`decode_json`]: untracked first, tracked only to explain a failure.
    if let Ok(decoded) = T::deserialize(&value) {
        return Ok(decoded);
    }
    serde_path_to_error::deserialize(value).map_err(path_error)
}

/// Decodes any contract type from JSON bytes; see [`decode_value`].
pub fn decode_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, FieldError> {
    // Most bodies are valid: decode them without tracking the path, and decode again with
    // tracking only to name the field of a problem. The outcome is the same either way; the
    // fast pass costs a fraction of the tracked one.
    if let Ok(value) = serde_json::from_slice(bytes) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        if e.inner().is_data() {
            path_error(e)
        } else {
            not_json(e.inner())
        }
    })?;
    // Nothing but whitespace may follow the value.
    de.end().map_err(|e| not_json(&e))?;
    Ok(value)
}

/// A body that is not JSON at all (syntax, truncation): the parser's position is kept, since it
/// points into what the caller sent.
fn not_json(e: &serde_json::Error) -> FieldError {
    FieldError::new(
        ErrorCode::InvalidJson,
        "",
        format!("the body is not valid JSON: {e}"),
    )
}

fn path_error(e: serde_path_to_error::Error<serde_json::Error>) -> FieldError {
    let path = e.path().to_string();
    let path = if path == "." { String::new() } else { path };
    let message = clean_message(&e.inner().to_string());
    let code = if message.starts_with("unknown variant") {
        ErrorCode::InvalidValue
    } else if message.starts_with("unknown field") {
        ErrorCode::UnknownField
    } else if message.starts_with("missing field") {
        ErrorCode::MissingField
    } else if message.starts_with("invalid type") {
        ErrorCode::InvalidType
    } else {
        ErrorCode::InvalidValue
    };
    // serde reports a missing or repeated field at the path of the object that holds it; name
    // the field.
    let named = ["missing field `", "duplicate field `"]
        .iter()
        .find_map(|prefix| message.strip_prefix(prefix)?.split('`').next());
    let path = match named {
        Some(name) if path.is_empty() => name.to_owned(),
        Some(name) => format!("{path}.{name}"),
        None => path,
    };
    FieldError::new(code, path, message).join_item_path()
}

/// serde_json appends " at line 1 column 42" to messages of values it parsed itself; for a
/// value that was already parsed that position means nothing to the caller.
fn clean_message(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Items deserialise through [`Item::from_value`] so that the error names the inner field:
/// the message carries the path inside the item, and serde_path_to_error adds `items[i]`.
impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde::de::DeserializeSeed::deserialize(UniqueKeys, d)?;
        Item::from_value(value).map_err(|e| {
            serde::de::Error::custom(ItemPathMessage {
                field: e.field,
                message: e.message,
            })
        })
    }
}

/// Reads a JSON value as `serde_json::Value`'s own `Deserialize` does, except that an object
/// naming a key twice is refused. A `Value` keeps the last of the two, so an item with
/// `"count": 2` and later `"count": 20` would be priced on one of them without a word; the one
/// pass refuses such items too (derived structs reject a repeated field), and so do the
/// request's own fields. The error names the key alone: `serde_path_to_error`, which the
/// decoding that words errors runs under, has followed the path down to its object.
pub(crate) struct UniqueKeys;

impl<'de> serde::de::DeserializeSeed<'de> for UniqueKeys {
    type Value = serde_json::Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for UniqueKeys {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(serde_json::Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(serde_json::Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        // As `Value` does: a float JSON cannot hold becomes null.
        Ok(serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, Into::into))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(serde_json::Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(serde_json::Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut values = Vec::new();
        while let Some(value) = seq.next_element_seed(UniqueKeys)? {
            values.push(value);
        }
        Ok(serde_json::Value::Array(values))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut object = serde_json::Map::new();
        unique_entries(&mut map, &mut object)?;
        Ok(serde_json::Value::Object(object))
    }
}

/// Reads the remaining entries of `map` into `object`, values as [`UniqueKeys`] reads them, and
/// refuses a key that `object` already holds, naming it.
pub(crate) fn unique_entries<'de, A: serde::de::MapAccess<'de>>(
    map: &mut A,
    object: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<(), A::Error> {
    while let Some(key) = map.next_key::<String>()? {
        if object.contains_key(&key) {
            return Err(serde::de::Error::custom(ItemPathMessage {
                message: format!("duplicate field `{key}`"),
                field: key,
            }));
        }
        let value = map.next_value_seed(UniqueKeys)?;
        object.insert(key, value);
    }
    Ok(())
}

/// An item error smuggled through serde's string errors: `@<field>@<message>`.
struct ItemPathMessage {
    field: String,
    message: String,
}

impl std::fmt::Display for ItemPathMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{ITEM_PATH_MARK}{}{ITEM_PATH_MARK}{}",
            self.field, self.message
        )
    }
}

const ITEM_PATH_MARK: char = '\u{1}';

impl FieldError {
    /// Joins an item-relative path carried in a message onto the outer path.
    pub(crate) fn join_item_path(mut self) -> FieldError {
        if let Some(rest) = self.message.strip_prefix(ITEM_PATH_MARK)
            && let Some((inner, message)) = rest.split_once(ITEM_PATH_MARK)
        {
            let inner = inner.to_owned();
            self.message = message.to_owned();
            if !inner.is_empty() {
                self.field = if self.field.is_empty() {
                    inner
                } else {
                    format!("{}.{inner}", self.field)
                };
            }
            self.code = code_for_message(&self.message, self.code);
        }
        self
    }
}

fn code_for_message(message: &str, fallback: ErrorCode) -> ErrorCode {
    if message.starts_with("unknown variant") {
        ErrorCode::InvalidValue
    } else if message.starts_with("unknown field") {
        ErrorCode::UnknownField
    } else if message.starts_with("missing field") {
        ErrorCode::MissingField
    } else if message.starts_with("invalid type") {
        ErrorCode::InvalidType
    } else {
        fallback
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> FieldError {
        EstimateRequest::from_json(json.as_bytes()).unwrap_err()
    }

    #[test]
    fn a_minimal_estimate_decodes_with_defaults() {
        let req = EstimateRequest::from_json(
            br#"{"region":"us-east-1","items":[{"id":"web","service":"ec2","instance_type":"m5.large"}]}"#,
        )
        .unwrap();
        let ItemSpec::Ec2(ec2) = &req.items[0].spec else {
            panic!("not ec2")
        };
        assert_eq!(ec2.count, 1);
        assert_eq!(ec2.operating_system, OperatingSystem::Linux);
        assert_eq!(ec2.pricing, Ec2Pricing::OnDemand);
    }

    #[test]
    fn a_field_given_twice_is_refused_wherever_it_sits() {
        // Each body is valid once the repeated key is dropped; with it, a value would be
        // silently lost. The field named is the repeated one, by its full path.
        let cases = [
            (
                r#"{"region":"us-east-1","region":"eu-west-1","items":[]}"#,
                "region",
            ),
            (
                r#"{"region":"us-east-1","items":[{"id":"a","service":"ec2","instance_type":"m5.large","count":2,"count":20}]}"#,
                "items[0].count",
            ),
            (
                r#"{"region":"us-east-1","items":[{"id":"a","id":"b","service":"lambda"}]}"#,
                "items[0].id",
            ),
            (
                r#"{"region":"us-east-1","items":[{"id":"a","service":"lambda"},{"id":"b","service":"ec2","instance_type":"m5.large","pricing":{"model":"reserved","term":"1yr","term":"3yr","offering_class":"standard","payment":"no_upfront"}}]}"#,
                "items[1].pricing.term",
            ),
            (
                r#"{"region":"us-east-1","items":[{"id":"a","service":"ec2","instance_type":"m5.large","ebs":[{"volume_type":"gp3","size_gb":30},{"volume_type":"gp3","size_gb":8,"size_gb":80}]}]}"#,
                "items[0].ebs[1].size_gb",
            ),
            (
                // A key that is not a field at all, twice: the repetition is named first.
                r#"{"region":"us-east-1","items":[{"id":"a","x":1,"x":2,"service":"lambda"}]}"#,
                "items[0].x",
            ),
        ];
        for (body, field) in cases {
            let e = err(body);
            assert_eq!(e.field, field, "{body}");
            assert_eq!(e.code, ErrorCode::InvalidValue, "{body}");
            let name = field.rsplit('.').next().unwrap().split('[').next().unwrap();
            assert_eq!(e.message, format!("duplicate field `{name}`"), "{body}");
            assert_eq!(
                from_json_via_values(body.as_bytes()).unwrap_err(),
                e,
                "{body}"
            );
        }
    }

    #[test]
    fn an_unknown_enum_value_names_its_field_path_and_the_choices() {
        let e = err(
            r#"{"region":"us-east-1","items":[{"id":"a","service":"lambda"},{"id":"b","service":"ec2","instance_type":"m5.large","pricing":{"model":"reserved","term":"2yr","offering_class":"standard","payment":"no_upfront"}}]}"#,
        );
        assert_eq!(e.field, "items[1].pricing.term");
        assert_eq!(e.code, ErrorCode::InvalidValue);
        assert!(
            e.message.contains("`1yr`") && e.message.contains("`3yr`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_pricing_model_missing_a_field_names_it() {
        let e = err(
            r#"{"region":"us-east-1","items":[{"id":"b","service":"ec2","instance_type":"m5.large","pricing":{"model":"reserved","term":"1yr","payment":"no_upfront"}}]}"#,
        );
        assert_eq!(e.field, "items[0].pricing.offering_class");
        assert_eq!(e.code, ErrorCode::MissingField);
        let e = err(
            r#"{"region":"us-east-1","items":[{"id":"b","service":"rds","engine":"mysql","instance_class":"db.m5.large","storage":{"type":"gp3","size_gb":20},"pricing":{"model":"spot"}}]}"#,
        );
        assert_eq!(e.field, "items[0].pricing");
    }

    #[test]
    fn an_unknown_field_is_rejected_with_its_path() {
        let e = err(
            r#"{"region":"us-east-1","items":[{"id":"a","service":"s3","storage_gb":1,"storage_clas":"standard"}]}"#,
        );
        assert_eq!(e.field, "items[0].storage_clas");
        assert_eq!(e.code, ErrorCode::UnknownField);
    }

    #[test]
    fn a_missing_field_is_named() {
        let e = err(r#"{"region":"us-east-1","items":[{"id":"a","service":"ec2"}]}"#);
        assert_eq!(e.field, "items[0].instance_type");
        assert_eq!(e.code, ErrorCode::MissingField);
        let e = err(r#"{"items":[]}"#);
        assert_eq!(e.field, "region");
    }

    #[test]
    fn a_negative_quantity_is_rejected_with_its_path() {
        let e =
            err(r#"{"region":"us-east-1","items":[{"id":"a","service":"s3","storage_gb":-1}]}"#);
        assert_eq!(e.field, "items[0].storage_gb");
    }

    #[test]
    fn an_unknown_service_lists_the_services() {
        let e = err(r#"{"region":"us-east-1","items":[{"id":"a","service":"ec3"}]}"#);
        assert_eq!(e.field, "items[0].service");
        assert!(e.message.contains("`ec2`"), "{}", e.message);
    }

    #[test]
    fn requests_round_trip_through_json() {
        let json = r#"{"region":"ap-northeast-2","hours_per_month":730,"free_tier":true,"items":[
            {"id":"db","service":"aurora","engine":"aurora_mysql","storage_config":"io_optimized",
             "instances":[{"instance_class":"db.r6g.large","count":2}],"storage_gb":"100.5",
             "io_requests_per_month":1000000,"pricing":{"model":"reserved","term":"1yr","payment":"all_upfront"}},
            {"id":"fn","service":"lambda","requests_per_month":5000000,"avg_duration_ms":120,"memory_mb":512,"architecture":"arm64"}]}"#;
        let req = EstimateRequest::from_json(json.as_bytes()).unwrap();
        let again = EstimateRequest::from_json(&serde_json::to_vec(&req).unwrap()).unwrap();
        assert_eq!(req, again);
    }
}
