//! The estimate form: what a person typed, and its pure conversion to and from an
//! [`EstimateRequest`].
//!
//! Inputs are kept as the text typed (so `1.` or `abc` survive a keystroke) and parsed only when a
//! request is built. A parse failure names the contract path of the field (`items[0].count`), the
//! same vocabulary the API uses for its errors, so both kinds of error land next to the same input.
//! No web-sys here: this module is tested on the host with `cargo test -p app`.

use std::str::FromStr;

use model::{
    Architecture, AuroraEngine, AuroraInstances, AuroraItem, AuroraStorageConfig, Backtrack,
    DbPricing, Deployment, EbsVolume, Ec2Item, Ec2Pricing, EstimateRequest, Item, ItemSpec,
    LambdaItem, LicenseModel, OfferingClass, OperatingSystem, Payment, PricingModel,
    ProvisionedConcurrency, Quantity, RdsEdition, RdsEngine, RdsItem, RdsStorage, RdsStorageType,
    S3Item, SavingsPlanType, ServerlessV2, Service, StorageClass, Term, Usage, VolumeType,
};
use rust_decimal::Decimal;

/// The instance class a new group of Aurora instances starts with (a common, small, Graviton class).
pub const DEFAULT_AURORA_CLASS: &str = "db.r6g.large";

/// The whole estimate as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct EstimateForm {
    pub name: String,
    pub region: String,
    /// Empty for the default month (730 hours).
    pub hours_per_month: String,
    pub free_tier: bool,
    pub items: Vec<ItemForm>,
    /// The next local id for a new item; never reused within a page.
    pub next_uid: u32,
}

/// One item card.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemForm {
    /// A local, stable key for the card (survives reordering and renaming).
    pub uid: u32,
    /// The contract id sent to the API.
    pub id: String,
    pub label: String,
    /// Empty when the item uses the estimate's region.
    pub region: String,
    pub spec: SpecForm,
}

/// The service-specific inputs.
#[derive(Clone, Debug, PartialEq)]
pub enum SpecForm {
    Ec2(Ec2Form),
    Lambda(LambdaForm),
    S3(S3Form),
    Rds(RdsForm),
    Aurora(AuroraForm),
}

/// How much of the month something runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum UsageMode {
    #[default]
    FullMonth,
    Hours,
    Percent,
}

impl UsageMode {
    pub const ALL: [UsageMode; 3] = [UsageMode::FullMonth, UsageMode::Hours, UsageMode::Percent];

    /// A stable name for `<option value>`.
    pub fn as_str(self) -> &'static str {
        match self {
            UsageMode::FullMonth => "full_month",
            UsageMode::Hours => "hours",
            UsageMode::Percent => "percent",
        }
    }

    /// The mode named by [`UsageMode::as_str`].
    pub fn parse(s: &str) -> Option<UsageMode> {
        UsageMode::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// Usage inputs: a mode and the number for it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct UsageForm {
    pub mode: UsageMode,
    pub value: String,
}

/// EC2 pricing inputs. Every choice is kept while another model is selected, so switching back
/// and forth loses nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct Ec2PricingForm {
    pub model: PricingModel,
    pub term: Term,
    pub offering_class: OfferingClass,
    pub payment: Payment,
    pub plan: SavingsPlanType,
    /// Empty for the dated average Spot discount.
    pub discount_percent: String,
}

impl Default for Ec2PricingForm {
    fn default() -> Self {
        Ec2PricingForm {
            model: PricingModel::OnDemand,
            term: Term::OneYear,
            offering_class: OfferingClass::Standard,
            payment: Payment::NoUpfront,
            plan: SavingsPlanType::Compute,
            discount_percent: String::new(),
        }
    }
}

/// Database pricing inputs (On-Demand or Reserved).
#[derive(Clone, Debug, PartialEq)]
pub struct DbPricingForm {
    pub reserved: bool,
    pub term: Term,
    pub payment: Payment,
}

impl Default for DbPricingForm {
    fn default() -> Self {
        DbPricingForm {
            reserved: false,
            term: Term::OneYear,
            payment: Payment::NoUpfront,
        }
    }
}

/// One EBS volume.
#[derive(Clone, Debug, PartialEq)]
pub struct VolumeForm {
    pub volume_type: VolumeType,
    pub size_gb: String,
    pub iops: String,
    pub throughput_mbps: String,
}

impl Default for VolumeForm {
    fn default() -> Self {
        VolumeForm {
            volume_type: VolumeType::Gp3,
            size_gb: "30".to_owned(),
            iops: String::new(),
            throughput_mbps: String::new(),
        }
    }
}

/// EC2 inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Ec2Form {
    pub instance_type: String,
    pub operating_system: OperatingSystem,
    pub count: String,
    pub usage: UsageForm,
    pub pricing: Ec2PricingForm,
    pub ebs: Vec<VolumeForm>,
    pub public_ipv4_addresses: String,
    pub data_transfer_out_gb: String,
}

/// Lambda inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct LambdaForm {
    pub requests_per_month: String,
    pub avg_duration_ms: String,
    pub memory_mb: String,
    pub architecture: Architecture,
    pub ephemeral_storage_mb: String,
    pub provisioned: bool,
    pub pc_concurrency: String,
    pub pc_hours_per_month: String,
    pub pc_requests_per_month: String,
    pub pc_avg_duration_ms: String,
    pub data_transfer_out_gb: String,
}

/// S3 inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct S3Form {
    pub storage_class: StorageClass,
    pub storage_gb: String,
    pub object_count: String,
    pub avg_object_size_kb: String,
    pub put_requests_per_month: String,
    pub get_requests_per_month: String,
    pub retrieval_gb_per_month: String,
    pub data_transfer_out_gb: String,
}

/// RDS inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct RdsForm {
    pub engine: RdsEngine,
    pub edition: RdsEdition,
    pub license_model: LicenseModel,
    pub instance_class: String,
    pub deployment: Deployment,
    pub count: String,
    pub storage_type: RdsStorageType,
    pub storage_gb: String,
    pub iops: String,
    pub throughput_mbps: String,
    pub backup_storage_gb: String,
    pub usage: UsageForm,
    pub pricing: DbPricingForm,
}

/// One group of Aurora instances.
#[derive(Clone, Debug, PartialEq)]
pub struct AuroraGroupForm {
    pub instance_class: String,
    pub count: String,
}

/// Aurora inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct AuroraForm {
    pub engine: AuroraEngine,
    pub storage_config: AuroraStorageConfig,
    pub instances: Vec<AuroraGroupForm>,
    pub serverless: bool,
    pub average_acus: String,
    pub serverless_hours: String,
    pub storage_gb: String,
    pub io_requests_per_month: String,
    pub backup_storage_gb: String,
    pub backtrack: bool,
    pub change_records_per_hour: String,
    pub window_hours: String,
    pub usage: UsageForm,
    pub pricing: DbPricingForm,
}

impl SpecForm {
    /// The inputs a new card of this service starts with: a small, common, priced setup.
    pub fn default_for(service: Service) -> SpecForm {
        match service {
            Service::Ec2 => SpecForm::Ec2(Ec2Form {
                instance_type: "m5.large".to_owned(),
                operating_system: OperatingSystem::Linux,
                count: "1".to_owned(),
                usage: UsageForm::default(),
                pricing: Ec2PricingForm::default(),
                ebs: vec![VolumeForm::default()],
                public_ipv4_addresses: "0".to_owned(),
                data_transfer_out_gb: String::new(),
            }),
            Service::Lambda => SpecForm::Lambda(LambdaForm {
                requests_per_month: "1000000".to_owned(),
                avg_duration_ms: "100".to_owned(),
                memory_mb: "512".to_owned(),
                architecture: Architecture::X86_64,
                ephemeral_storage_mb: "512".to_owned(),
                provisioned: false,
                pc_concurrency: "1".to_owned(),
                pc_hours_per_month: String::new(),
                pc_requests_per_month: "0".to_owned(),
                pc_avg_duration_ms: "0".to_owned(),
                data_transfer_out_gb: String::new(),
            }),
            Service::S3 => SpecForm::S3(S3Form {
                storage_class: StorageClass::Standard,
                storage_gb: "100".to_owned(),
                object_count: String::new(),
                avg_object_size_kb: String::new(),
                put_requests_per_month: "10000".to_owned(),
                get_requests_per_month: "100000".to_owned(),
                retrieval_gb_per_month: String::new(),
                data_transfer_out_gb: String::new(),
            }),
            Service::Rds => SpecForm::Rds(RdsForm {
                engine: RdsEngine::Mysql,
                edition: RdsEdition::StandardTwo,
                license_model: LicenseModel::LicenseIncluded,
                instance_class: "db.m5.large".to_owned(),
                deployment: Deployment::SingleAz,
                count: "1".to_owned(),
                storage_type: RdsStorageType::Gp3,
                storage_gb: "20".to_owned(),
                iops: String::new(),
                throughput_mbps: String::new(),
                backup_storage_gb: String::new(),
                usage: UsageForm::default(),
                pricing: DbPricingForm::default(),
            }),
            Service::Aurora => SpecForm::Aurora(AuroraForm {
                engine: AuroraEngine::AuroraMysql,
                storage_config: AuroraStorageConfig::Standard,
                instances: vec![AuroraGroupForm {
                    instance_class: DEFAULT_AURORA_CLASS.to_owned(),
                    count: "1".to_owned(),
                }],
                serverless: false,
                average_acus: "2".to_owned(),
                serverless_hours: String::new(),
                storage_gb: "100".to_owned(),
                io_requests_per_month: "10000000".to_owned(),
                backup_storage_gb: String::new(),
                backtrack: false,
                change_records_per_hour: "0".to_owned(),
                window_hours: "24".to_owned(),
                usage: UsageForm::default(),
                pricing: DbPricingForm::default(),
            }),
        }
    }

    /// The service of these inputs.
    pub fn service(&self) -> Service {
        match self {
            SpecForm::Ec2(_) => Service::Ec2,
            SpecForm::Lambda(_) => Service::Lambda,
            SpecForm::S3(_) => Service::S3,
            SpecForm::Rds(_) => Service::Rds,
            SpecForm::Aurora(_) => Service::Aurora,
        }
    }
}

impl ItemForm {
    /// The region the item is priced in.
    pub fn effective_region<'a>(&'a self, estimate_region: &'a str) -> &'a str {
        if self.region.trim().is_empty() {
            estimate_region
        } else {
            self.region.trim()
        }
    }

    /// The name shown for the item: its label, or its id.
    pub fn display_name(&self) -> &str {
        if self.label.trim().is_empty() {
            &self.id
        } else {
            self.label.trim()
        }
    }
}

impl EstimateForm {
    /// An empty estimate in `region`.
    pub fn new(region: &str) -> EstimateForm {
        EstimateForm {
            name: String::new(),
            region: region.to_owned(),
            hours_per_month: String::new(),
            free_tier: false,
            items: Vec::new(),
            next_uid: 1,
        }
    }

    fn fresh_id(&self, service: Service, uid: u32) -> String {
        let mut n = uid;
        loop {
            let id = format!("{}-{n}", service.as_str());
            if self.items.iter().all(|i| i.id != id) {
                return id;
            }
            n += 1;
        }
    }

    /// Adds a card of `service` with its defaults; returns its uid.
    pub fn add(&mut self, service: Service) -> u32 {
        let uid = self.next_uid;
        self.next_uid += 1;
        let id = self.fresh_id(service, uid);
        self.items.push(ItemForm {
            uid,
            id,
            label: String::new(),
            region: String::new(),
            spec: SpecForm::default_for(service),
        });
        uid
    }

    /// Copies the card `uid` right after itself; returns the copy's uid.
    pub fn duplicate(&mut self, uid: u32) -> Option<u32> {
        let at = self.position(uid)?;
        let mut copy = self.items[at].clone();
        let new_uid = self.next_uid;
        self.next_uid += 1;
        copy.uid = new_uid;
        copy.id = self.fresh_id(copy.spec.service(), new_uid);
        self.items.insert(at + 1, copy);
        Some(new_uid)
    }

    /// Replaces the inputs of the card `uid` with `spec`, as a new card in the same place; returns
    /// the new uid. A card picks its inputs by service once, when it is created, so a card that
    /// changes service (RDS → Aurora) must be a new card to the keyed list. The label and region
    /// stay; an id the app made (`rds-3`) is renamed for the new service, an id a person chose is
    /// kept.
    pub fn replace_spec(&mut self, uid: u32, spec: SpecForm) -> Option<u32> {
        let at = self.position(uid)?;
        let new_uid = self.next_uid;
        self.next_uid += 1;
        let old = &self.items[at];
        let old_service = old.spec.service();
        let made_by_app = old
            .id
            .strip_prefix(old_service.as_str())
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        let id = if made_by_app && old_service != spec.service() {
            self.fresh_id(spec.service(), new_uid)
        } else {
            old.id.clone()
        };
        let old = &mut self.items[at];
        old.uid = new_uid;
        old.id = id;
        old.spec = spec;
        Some(new_uid)
    }

    /// Replaces the whole estimate with `other` (an import, a link, back/forward) and gives its
    /// cards uids this page has never used. A form made by [`from_request`] numbers its cards
    /// from 1, like the page's first cards; the card list is keyed by uid, so without this an old
    /// card (which reads its service and id once, when it is created) would be reused for a
    /// different item and show it with the old card's fields.
    pub fn replace_with(&mut self, other: EstimateForm) {
        let mut next = self.next_uid;
        let mut items = other.items;
        for item in &mut items {
            item.uid = next;
            next += 1;
        }
        *self = EstimateForm {
            items,
            next_uid: next,
            ..other
        };
    }

    /// Removes the card `uid`.
    pub fn remove(&mut self, uid: u32) {
        self.items.retain(|i| i.uid != uid);
    }

    /// Moves the card `uid` one place up or down.
    pub fn shift(&mut self, uid: u32, up: bool) {
        let Some(at) = self.position(uid) else { return };
        if up && at > 0 {
            self.items.swap(at, at - 1);
        } else if !up && at + 1 < self.items.len() {
            self.items.swap(at, at + 1);
        }
    }

    /// The index of the card `uid`.
    pub fn position(&self, uid: u32) -> Option<usize> {
        self.items.iter().position(|i| i.uid == uid)
    }

    /// The card `uid`.
    pub fn item(&self, uid: u32) -> Option<&ItemForm> {
        self.items.iter().find(|i| i.uid == uid)
    }

    /// The card `uid`, to change.
    pub fn item_mut(&mut self, uid: u32) -> Option<&mut ItemForm> {
        self.items.iter_mut().find(|i| i.uid == uid)
    }
}

// ---------------------------------------------------------------------------------------------
// Form → request
// ---------------------------------------------------------------------------------------------

/// Why a typed value is not usable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    NotANumber,
    NotWhole,
    Negative,
    TooLarge,
}

/// A typed value that cannot become part of a request, at its contract path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormError {
    /// e.g. `items[0].ebs[0].size_gb` or `hours_per_month`.
    pub field: String,
    pub problem: Problem,
}

/// Collects problems while a request is built.
struct Parser {
    errors: Vec<FormError>,
}

/// Removes the separators people type in big numbers (`1,000,000`, `1 000 000`, `1_000_000`).
fn clean(s: &str) -> String {
    s.trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' '))
        .collect()
}

impl Parser {
    fn fail(&mut self, field: &str, problem: Problem) {
        self.errors.push(FormError {
            field: field.to_owned(),
            problem,
        });
    }

    /// A decimal quantity; `None` when empty (and not required) or invalid.
    fn quantity(&mut self, field: &str, text: &str, required: bool) -> Option<Quantity> {
        let t = clean(text);
        if t.is_empty() {
            if required {
                self.fail(field, Problem::Required);
            }
            return None;
        }
        match Decimal::from_str_exact(&t) {
            Ok(d) if d.is_sign_negative() && !d.is_zero() => {
                self.fail(field, Problem::Negative);
                None
            }
            Ok(d) => Quantity::new(d),
            Err(rust_decimal::Error::ExceedsMaximumPossibleValue)
            | Err(rust_decimal::Error::LessThanMinimumPossibleValue) => {
                self.fail(field, Problem::TooLarge);
                None
            }
            Err(_) => {
                self.fail(field, Problem::NotANumber);
                None
            }
        }
    }

    /// A required quantity; zero when invalid (the error is recorded).
    fn quantity_req(&mut self, field: &str, text: &str) -> Quantity {
        self.quantity(field, text, true).unwrap_or(Quantity::ZERO)
    }

    /// A whole number; `None` when empty (and not required) or invalid.
    fn whole(&mut self, field: &str, text: &str, required: bool) -> Option<u64> {
        let t = clean(text);
        if t.is_empty() {
            if required {
                self.fail(field, Problem::Required);
            }
            return None;
        }
        if let Ok(n) = u64::from_str(&t) {
            return Some(n);
        }
        let problem = match Decimal::from_str_exact(&t) {
            Ok(d) if d.is_sign_negative() => Problem::Negative,
            Ok(d) if d.fract().is_zero() => Problem::TooLarge,
            Ok(_) => Problem::NotWhole,
            Err(_) if t.bytes().all(|b| b.is_ascii_digit()) => Problem::TooLarge,
            Err(_) => Problem::NotANumber,
        };
        self.fail(field, problem);
        None
    }

    fn whole_u32(&mut self, field: &str, text: &str, required: bool) -> Option<u32> {
        let n = self.whole(field, text, required)?;
        match u32::try_from(n) {
            Ok(v) => Some(v),
            Err(_) => {
                self.fail(field, Problem::TooLarge);
                None
            }
        }
    }

    fn usage(&mut self, at: &str, u: &UsageForm) -> Option<Usage> {
        match u.mode {
            UsageMode::FullMonth => None,
            UsageMode::Hours => Some(Usage {
                hours_per_month: Some(
                    self.quantity_req(&format!("{at}.usage.hours_per_month"), &u.value),
                ),
                utilization_percent: None,
            }),
            UsageMode::Percent => Some(Usage {
                hours_per_month: None,
                utilization_percent: Some(
                    self.quantity_req(&format!("{at}.usage.utilization_percent"), &u.value),
                ),
            }),
        }
    }

    fn db_pricing(p: &DbPricingForm) -> DbPricing {
        if p.reserved {
            DbPricing::Reserved {
                term: p.term,
                payment: p.payment,
            }
        } else {
            DbPricing::OnDemand
        }
    }

    fn item(&mut self, at: &str, form: &ItemForm) -> Item {
        let spec = match &form.spec {
            SpecForm::Ec2(e) => ItemSpec::Ec2(self.ec2(at, e)),
            SpecForm::Lambda(l) => ItemSpec::Lambda(self.lambda(at, l)),
            SpecForm::S3(s) => ItemSpec::S3(self.s3(at, s)),
            SpecForm::Rds(r) => ItemSpec::Rds(self.rds(at, r)),
            SpecForm::Aurora(a) => ItemSpec::Aurora(self.aurora(at, a)),
        };
        Item {
            id: form.id.clone(),
            label: non_empty(&form.label),
            region: non_empty(&form.region),
            spec,
        }
    }

    fn ec2(&mut self, at: &str, e: &Ec2Form) -> Ec2Item {
        let instance_type = e.instance_type.trim().to_owned();
        if instance_type.is_empty() {
            self.fail(&format!("{at}.instance_type"), Problem::Required);
        }
        let p = &e.pricing;
        let pricing = match p.model {
            PricingModel::OnDemand => Ec2Pricing::OnDemand,
            PricingModel::Reserved => Ec2Pricing::Reserved {
                term: p.term,
                offering_class: p.offering_class,
                payment: p.payment,
            },
            PricingModel::Spot => Ec2Pricing::Spot {
                discount_percent: self.quantity(
                    &format!("{at}.pricing.discount_percent"),
                    &p.discount_percent,
                    false,
                ),
            },
            PricingModel::SavingsPlan => Ec2Pricing::SavingsPlan {
                plan: p.plan,
                term: p.term,
                payment: p.payment,
            },
        };
        let ebs = e
            .ebs
            .iter()
            .enumerate()
            .map(|(j, v)| {
                let vp = format!("{at}.ebs[{j}]");
                EbsVolume {
                    volume_type: v.volume_type,
                    size_gb: self
                        .whole(&format!("{vp}.size_gb"), &v.size_gb, true)
                        .unwrap_or(0),
                    iops: self.whole(&format!("{vp}.iops"), &v.iops, false),
                    throughput_mbps: self.whole(
                        &format!("{vp}.throughput_mbps"),
                        &v.throughput_mbps,
                        false,
                    ),
                }
            })
            .collect();
        Ec2Item {
            instance_type,
            operating_system: e.operating_system,
            count: self
                .whole_u32(&format!("{at}.count"), &e.count, true)
                .unwrap_or(1),
            usage: self.usage(at, &e.usage),
            pricing,
            ebs,
            public_ipv4_addresses: self
                .whole_u32(
                    &format!("{at}.public_ipv4_addresses"),
                    &e.public_ipv4_addresses,
                    false,
                )
                .unwrap_or(0),
            data_transfer_out_gb: self.quantity(
                &format!("{at}.data_transfer_out_gb"),
                &e.data_transfer_out_gb,
                false,
            ),
        }
    }

    fn lambda(&mut self, at: &str, l: &LambdaForm) -> LambdaItem {
        let provisioned_concurrency = l.provisioned.then(|| {
            let p = format!("{at}.provisioned_concurrency");
            ProvisionedConcurrency {
                concurrency: self
                    .whole_u32(&format!("{p}.concurrency"), &l.pc_concurrency, true)
                    .unwrap_or(1),
                hours_per_month: self.quantity(
                    &format!("{p}.hours_per_month"),
                    &l.pc_hours_per_month,
                    false,
                ),
                requests_per_month: self
                    .whole(
                        &format!("{p}.requests_per_month"),
                        &l.pc_requests_per_month,
                        false,
                    )
                    .unwrap_or(0),
                avg_duration_ms: self
                    .quantity(
                        &format!("{p}.avg_duration_ms"),
                        &l.pc_avg_duration_ms,
                        false,
                    )
                    .unwrap_or(Quantity::ZERO),
            }
        });
        LambdaItem {
            requests_per_month: self
                .whole(
                    &format!("{at}.requests_per_month"),
                    &l.requests_per_month,
                    true,
                )
                .unwrap_or(0),
            avg_duration_ms: self
                .quantity_req(&format!("{at}.avg_duration_ms"), &l.avg_duration_ms),
            memory_mb: self
                .whole_u32(&format!("{at}.memory_mb"), &l.memory_mb, true)
                .unwrap_or(128),
            architecture: l.architecture,
            ephemeral_storage_mb: self
                .whole_u32(
                    &format!("{at}.ephemeral_storage_mb"),
                    &l.ephemeral_storage_mb,
                    true,
                )
                .unwrap_or(512),
            provisioned_concurrency,
            data_transfer_out_gb: self.quantity(
                &format!("{at}.data_transfer_out_gb"),
                &l.data_transfer_out_gb,
                false,
            ),
        }
    }

    fn s3(&mut self, at: &str, s: &S3Form) -> S3Item {
        S3Item {
            storage_class: s.storage_class,
            storage_gb: self.quantity_req(&format!("{at}.storage_gb"), &s.storage_gb),
            object_count: self.whole(&format!("{at}.object_count"), &s.object_count, false),
            avg_object_size_kb: self.quantity(
                &format!("{at}.avg_object_size_kb"),
                &s.avg_object_size_kb,
                false,
            ),
            put_requests_per_month: self
                .whole(
                    &format!("{at}.put_requests_per_month"),
                    &s.put_requests_per_month,
                    false,
                )
                .unwrap_or(0),
            get_requests_per_month: self
                .whole(
                    &format!("{at}.get_requests_per_month"),
                    &s.get_requests_per_month,
                    false,
                )
                .unwrap_or(0),
            retrieval_gb_per_month: self.quantity(
                &format!("{at}.retrieval_gb_per_month"),
                &s.retrieval_gb_per_month,
                false,
            ),
            data_transfer_out_gb: self.quantity(
                &format!("{at}.data_transfer_out_gb"),
                &s.data_transfer_out_gb,
                false,
            ),
        }
    }

    fn rds(&mut self, at: &str, r: &RdsForm) -> RdsItem {
        let instance_class = r.instance_class.trim().to_owned();
        if instance_class.is_empty() {
            self.fail(&format!("{at}.instance_class"), Problem::Required);
        }
        let commercial = r.engine.is_commercial();
        RdsItem {
            engine: r.engine,
            edition: commercial.then_some(r.edition),
            license_model: commercial.then_some(r.license_model),
            instance_class,
            deployment: r.deployment,
            count: self
                .whole_u32(&format!("{at}.count"), &r.count, true)
                .unwrap_or(1),
            storage: RdsStorage {
                storage_type: r.storage_type,
                size_gb: self
                    .whole(&format!("{at}.storage.size_gb"), &r.storage_gb, true)
                    .unwrap_or(0),
                iops: self.whole(&format!("{at}.storage.iops"), &r.iops, false),
                throughput_mbps: self.whole(
                    &format!("{at}.storage.throughput_mbps"),
                    &r.throughput_mbps,
                    false,
                ),
            },
            backup_storage_gb: self.quantity(
                &format!("{at}.backup_storage_gb"),
                &r.backup_storage_gb,
                false,
            ),
            usage: self.usage(at, &r.usage),
            pricing: Self::db_pricing(&r.pricing),
        }
    }

    fn aurora(&mut self, at: &str, a: &AuroraForm) -> AuroraItem {
        let instances = a
            .instances
            .iter()
            .enumerate()
            .map(|(j, g)| {
                let class = g.instance_class.trim().to_owned();
                if class.is_empty() {
                    self.fail(
                        &format!("{at}.instances[{j}].instance_class"),
                        Problem::Required,
                    );
                }
                AuroraInstances {
                    instance_class: class,
                    count: self
                        .whole_u32(&format!("{at}.instances[{j}].count"), &g.count, true)
                        .unwrap_or(1),
                }
            })
            .collect();
        let serverless_v2 = a.serverless.then(|| ServerlessV2 {
            average_acus: self
                .quantity_req(&format!("{at}.serverless_v2.average_acus"), &a.average_acus),
            hours_per_month: self.quantity(
                &format!("{at}.serverless_v2.hours_per_month"),
                &a.serverless_hours,
                false,
            ),
        });
        let backtrack = a.backtrack.then(|| Backtrack {
            change_records_per_hour: self.quantity_req(
                &format!("{at}.backtrack.change_records_per_hour"),
                &a.change_records_per_hour,
            ),
            window_hours: self
                .quantity_req(&format!("{at}.backtrack.window_hours"), &a.window_hours),
        });
        AuroraItem {
            engine: a.engine,
            storage_config: a.storage_config,
            instances,
            serverless_v2,
            storage_gb: self.quantity_req(&format!("{at}.storage_gb"), &a.storage_gb),
            io_requests_per_month: self
                .whole(
                    &format!("{at}.io_requests_per_month"),
                    &a.io_requests_per_month,
                    false,
                )
                .unwrap_or(0),
            backup_storage_gb: self.quantity(
                &format!("{at}.backup_storage_gb"),
                &a.backup_storage_gb,
                false,
            ),
            backtrack,
            usage: self.usage(at, &a.usage),
            pricing: Self::db_pricing(&a.pricing),
        }
    }
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Builds the request the form describes, or every field that cannot be read.
pub fn to_request(form: &EstimateForm) -> Result<EstimateRequest, Vec<FormError>> {
    let mut p = Parser { errors: Vec::new() };
    let hours_per_month = p.quantity("hours_per_month", &form.hours_per_month, false);
    let items = form
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| p.item(&format!("items[{i}]"), item))
        .collect();
    let request = EstimateRequest {
        name: non_empty(&form.name),
        region: form.region.trim().to_owned(),
        hours_per_month,
        free_tier: form.free_tier,
        items,
    };
    if p.errors.is_empty() {
        Ok(request)
    } else {
        Err(p.errors)
    }
}

/// Builds the request item of the card `uid` alone, with the estimate's hours per month, or every
/// field of that card (and of the hours) that cannot be read, at the paths [`to_request`] uses.
/// An unknown `uid` has no item and no errors: `Err(vec![])`.
pub fn item_request(
    form: &EstimateForm,
    uid: u32,
) -> Result<(Item, Option<Quantity>), Vec<FormError>> {
    let Some(at) = form.position(uid) else {
        return Err(Vec::new());
    };
    let mut p = Parser { errors: Vec::new() };
    let hours = p.quantity("hours_per_month", &form.hours_per_month, false);
    let item = p.item(&format!("items[{at}]"), &form.items[at]);
    if p.errors.is_empty() {
        Ok((item, hours))
    } else {
        Err(p.errors)
    }
}

/// Reads one number typed outside the cards (a comparison panel's input) at `field`: a decimal
/// quantity, `None` when empty and not `required`.
pub fn read_quantity(
    field: &str,
    text: &str,
    required: bool,
) -> Result<Option<Quantity>, FormError> {
    let mut p = Parser { errors: Vec::new() };
    let q = p.quantity(field, text, required);
    match p.errors.pop() {
        Some(e) => Err(e),
        None => Ok(q),
    }
}

/// Like [`read_quantity`] for a whole number.
pub fn read_whole(field: &str, text: &str, required: bool) -> Result<Option<u64>, FormError> {
    let mut p = Parser { errors: Vec::new() };
    let n = p.whole(field, text, required);
    match p.errors.pop() {
        Some(e) => Err(e),
        None => Ok(n),
    }
}

// ---------------------------------------------------------------------------------------------
// Request → form (share links, imports)
// ---------------------------------------------------------------------------------------------

fn text<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn usage_form(u: &Option<Usage>) -> UsageForm {
    match u {
        Some(Usage {
            hours_per_month: Some(h),
            ..
        }) => UsageForm {
            mode: UsageMode::Hours,
            value: h.to_string(),
        },
        Some(Usage {
            utilization_percent: Some(p),
            ..
        }) => UsageForm {
            mode: UsageMode::Percent,
            value: p.to_string(),
        },
        _ => UsageForm::default(),
    }
}

fn db_pricing_form(p: DbPricing) -> DbPricingForm {
    match p {
        DbPricing::OnDemand => DbPricingForm::default(),
        DbPricing::Reserved { term, payment } => DbPricingForm {
            reserved: true,
            term,
            payment,
        },
    }
}

fn spec_form(spec: &ItemSpec) -> SpecForm {
    match spec {
        ItemSpec::Ec2(e) => {
            let mut pricing = Ec2PricingForm {
                model: e.pricing.model(),
                ..Ec2PricingForm::default()
            };
            match e.pricing {
                Ec2Pricing::OnDemand => {}
                Ec2Pricing::Reserved {
                    term,
                    offering_class,
                    payment,
                } => {
                    pricing.term = term;
                    pricing.offering_class = offering_class;
                    pricing.payment = payment;
                }
                Ec2Pricing::Spot { discount_percent } => {
                    pricing.discount_percent = text(discount_percent)
                }
                Ec2Pricing::SavingsPlan {
                    plan,
                    term,
                    payment,
                } => {
                    pricing.plan = plan;
                    pricing.term = term;
                    pricing.payment = payment;
                }
            }
            SpecForm::Ec2(Ec2Form {
                instance_type: e.instance_type.clone(),
                operating_system: e.operating_system,
                count: e.count.to_string(),
                usage: usage_form(&e.usage),
                pricing,
                ebs: e
                    .ebs
                    .iter()
                    .map(|v| VolumeForm {
                        volume_type: v.volume_type,
                        size_gb: v.size_gb.to_string(),
                        iops: text(v.iops),
                        throughput_mbps: text(v.throughput_mbps),
                    })
                    .collect(),
                public_ipv4_addresses: e.public_ipv4_addresses.to_string(),
                data_transfer_out_gb: text(e.data_transfer_out_gb),
            })
        }
        ItemSpec::Lambda(l) => {
            let pc = l.provisioned_concurrency;
            SpecForm::Lambda(LambdaForm {
                requests_per_month: l.requests_per_month.to_string(),
                avg_duration_ms: l.avg_duration_ms.to_string(),
                memory_mb: l.memory_mb.to_string(),
                architecture: l.architecture,
                ephemeral_storage_mb: l.ephemeral_storage_mb.to_string(),
                provisioned: pc.is_some(),
                pc_concurrency: pc.map_or_else(|| "1".to_owned(), |p| p.concurrency.to_string()),
                pc_hours_per_month: text(pc.and_then(|p| p.hours_per_month)),
                pc_requests_per_month: pc
                    .map_or_else(|| "0".to_owned(), |p| p.requests_per_month.to_string()),
                pc_avg_duration_ms: pc
                    .map_or_else(|| "0".to_owned(), |p| p.avg_duration_ms.to_string()),
                data_transfer_out_gb: text(l.data_transfer_out_gb),
            })
        }
        ItemSpec::S3(s) => SpecForm::S3(S3Form {
            storage_class: s.storage_class,
            storage_gb: s.storage_gb.to_string(),
            object_count: text(s.object_count),
            avg_object_size_kb: text(s.avg_object_size_kb),
            put_requests_per_month: s.put_requests_per_month.to_string(),
            get_requests_per_month: s.get_requests_per_month.to_string(),
            retrieval_gb_per_month: text(s.retrieval_gb_per_month),
            data_transfer_out_gb: text(s.data_transfer_out_gb),
        }),
        ItemSpec::Rds(r) => SpecForm::Rds(RdsForm {
            engine: r.engine,
            edition: r.edition.unwrap_or(RdsEdition::StandardTwo),
            license_model: r.license_model.unwrap_or(LicenseModel::LicenseIncluded),
            instance_class: r.instance_class.clone(),
            deployment: r.deployment,
            count: r.count.to_string(),
            storage_type: r.storage.storage_type,
            storage_gb: r.storage.size_gb.to_string(),
            iops: text(r.storage.iops),
            throughput_mbps: text(r.storage.throughput_mbps),
            backup_storage_gb: text(r.backup_storage_gb),
            usage: usage_form(&r.usage),
            pricing: db_pricing_form(r.pricing),
        }),
        ItemSpec::Aurora(a) => SpecForm::Aurora(AuroraForm {
            engine: a.engine,
            storage_config: a.storage_config,
            instances: a
                .instances
                .iter()
                .map(|g| AuroraGroupForm {
                    instance_class: g.instance_class.clone(),
                    count: g.count.to_string(),
                })
                .collect(),
            serverless: a.serverless_v2.is_some(),
            average_acus: a
                .serverless_v2
                .map_or_else(|| "2".to_owned(), |s| s.average_acus.to_string()),
            serverless_hours: text(a.serverless_v2.and_then(|s| s.hours_per_month)),
            storage_gb: a.storage_gb.to_string(),
            io_requests_per_month: a.io_requests_per_month.to_string(),
            backup_storage_gb: text(a.backup_storage_gb),
            backtrack: a.backtrack.is_some(),
            change_records_per_hour: a
                .backtrack
                .map_or_else(|| "0".to_owned(), |b| b.change_records_per_hour.to_string()),
            window_hours: a
                .backtrack
                .map_or_else(|| "24".to_owned(), |b| b.window_hours.to_string()),
            usage: usage_form(&a.usage),
            pricing: db_pricing_form(a.pricing),
        }),
    }
}

/// The form that shows `request` (from a share link or an imported file).
pub fn from_request(request: &EstimateRequest) -> EstimateForm {
    let items: Vec<ItemForm> = request
        .items
        .iter()
        .zip(1u32..)
        .map(|(item, uid)| ItemForm {
            uid,
            id: item.id.clone(),
            label: item.label.clone().unwrap_or_default(),
            region: item.region.clone().unwrap_or_default(),
            spec: spec_form(&item.spec),
        })
        .collect();
    let next_uid = u32::try_from(items.len()).unwrap_or(u32::MAX - 1) + 1;
    EstimateForm {
        name: request.name.clone().unwrap_or_default(),
        region: request.region.clone(),
        hours_per_month: text(request.hours_per_month),
        free_tier: request.free_tier,
        items,
        next_uid,
    }
}

// ---------------------------------------------------------------------------------------------
// Where errors are shown
// ---------------------------------------------------------------------------------------------

/// A contract path split into the item it concerns and the path inside it:
/// `items[2].ebs[0].size_gb` → `(Some(2), "ebs[0].size_gb")`; `region` → `(None, "region")`.
pub fn split_item_path(field: &str) -> (Option<usize>, &str) {
    let Some(rest) = field.strip_prefix("items[") else {
        return (None, field);
    };
    let Some((index, inner)) = rest.split_once(']') else {
        return (None, field);
    };
    match index.parse::<usize>() {
        Ok(i) => (Some(i), inner.strip_prefix('.').unwrap_or(inner)),
        Err(_) => (None, field),
    }
}

/// The inputs a card shows, as paths inside the item; an error whose path is not among them is
/// shown at the top of the card instead.
pub fn input_paths(spec: &SpecForm) -> Vec<String> {
    let mut paths: Vec<String> = ["label", "region"].map(String::from).to_vec();
    let mut add = |names: &[&str]| paths.extend(names.iter().map(|s| (*s).to_owned()));
    match spec {
        SpecForm::Ec2(e) => {
            add(&[
                "instance_type",
                "operating_system",
                "count",
                "usage",
                "usage.hours_per_month",
                "usage.utilization_percent",
                "pricing",
                "pricing.term",
                "pricing.offering_class",
                "pricing.payment",
                "pricing.plan",
                "pricing.discount_percent",
                "ebs",
                "public_ipv4_addresses",
                "data_transfer_out_gb",
            ]);
            for j in 0..e.ebs.len() {
                for f in ["volume_type", "size_gb", "iops", "throughput_mbps"] {
                    paths.push(format!("ebs[{j}].{f}"));
                }
            }
        }
        SpecForm::Lambda(_) => add(&[
            "requests_per_month",
            "avg_duration_ms",
            "memory_mb",
            "architecture",
            "ephemeral_storage_mb",
            "provisioned_concurrency",
            "provisioned_concurrency.concurrency",
            "provisioned_concurrency.hours_per_month",
            "provisioned_concurrency.requests_per_month",
            "provisioned_concurrency.avg_duration_ms",
            "data_transfer_out_gb",
        ]),
        SpecForm::S3(_) => add(&[
            "storage_class",
            "storage_gb",
            "object_count",
            "avg_object_size_kb",
            "put_requests_per_month",
            "get_requests_per_month",
            "retrieval_gb_per_month",
            "data_transfer_out_gb",
        ]),
        SpecForm::Rds(_) => add(&[
            "engine",
            "edition",
            "license_model",
            "instance_class",
            "deployment",
            "count",
            "storage",
            "storage.type",
            "storage.size_gb",
            "storage.iops",
            "storage.throughput_mbps",
            "backup_storage_gb",
            "usage",
            "usage.hours_per_month",
            "usage.utilization_percent",
            "pricing",
            "pricing.term",
            "pricing.payment",
        ]),
        SpecForm::Aurora(a) => {
            add(&[
                "engine",
                "storage_config",
                "instances",
                "serverless_v2",
                "serverless_v2.average_acus",
                "serverless_v2.hours_per_month",
                "storage_gb",
                "io_requests_per_month",
                "backup_storage_gb",
                "backtrack",
                "backtrack.change_records_per_hour",
                "backtrack.window_hours",
                "usage",
                "usage.hours_per_month",
                "usage.utilization_percent",
                "pricing",
                "pricing.term",
                "pricing.payment",
            ]);
            for j in 0..a.instances.len() {
                paths.push(format!("instances[{j}].instance_class"));
                paths.push(format!("instances[{j}].count"));
            }
        }
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_of_each() -> EstimateForm {
        let mut f = EstimateForm::new("ap-northeast-2");
        for s in Service::ALL {
            f.add(s);
        }
        f
    }

    #[test]
    fn a_new_ec2_card_is_an_m5_large_with_a_30_gb_gp3_volume() {
        let mut f = EstimateForm::new("us-east-1");
        f.add(Service::Ec2);
        let req = to_request(&f).unwrap();
        assert_eq!(req.region, "us-east-1");
        assert_eq!(req.items.len(), 1);
        assert_eq!(req.items[0].id, "ec2-1");
        let ItemSpec::Ec2(e) = &req.items[0].spec else {
            panic!("not ec2")
        };
        assert_eq!(e.instance_type, "m5.large");
        assert_eq!(e.operating_system, OperatingSystem::Linux);
        assert_eq!(e.count, 1);
        assert_eq!(e.pricing, Ec2Pricing::OnDemand);
        assert_eq!(
            e.ebs,
            vec![EbsVolume {
                volume_type: VolumeType::Gp3,
                size_gb: 30,
                iops: None,
                throughput_mbps: None
            }]
        );
        assert_eq!(e.usage, None);
        assert_eq!(e.data_transfer_out_gb, None);
    }

    #[test]
    fn every_default_card_makes_a_request_the_api_would_decode() {
        let req = to_request(&one_of_each()).unwrap();
        assert_eq!(req.items.len(), 5);
        let json = serde_json::to_vec(&req).unwrap();
        let again = EstimateRequest::from_json(&json).unwrap();
        assert_eq!(again, req);
        model::validate::validate_estimate(&req).unwrap();
    }

    #[test]
    fn typed_numbers_keep_every_digit_and_accept_separators() {
        let mut f = EstimateForm::new("us-east-1");
        let uid = f.add(Service::Lambda);
        if let SpecForm::Lambda(l) = &mut f.item_mut(uid).unwrap().spec {
            l.requests_per_month = "5,000,000".into();
            l.avg_duration_ms = "120.5".into();
        }
        f.hours_per_month = " 720 ".into();
        let req = to_request(&f).unwrap();
        assert_eq!(req.hours_per_month, Some(Quantity::from_u64(720)));
        let ItemSpec::Lambda(l) = &req.items[0].spec else {
            panic!()
        };
        assert_eq!(l.requests_per_month, 5_000_000);
        assert_eq!(l.avg_duration_ms.to_string(), "120.5");
    }

    #[test]
    fn unreadable_values_are_reported_at_their_contract_paths() {
        type Case = (&'static str, Problem, fn(&mut SpecForm));
        let cases: [Case; 6] = [
            ("items[0].count", Problem::NotANumber, |s| {
                if let SpecForm::Ec2(e) = s {
                    e.count = "two".into()
                }
            }),
            ("items[0].count", Problem::NotWhole, |s| {
                if let SpecForm::Ec2(e) = s {
                    e.count = "1.5".into()
                }
            }),
            ("items[0].count", Problem::Required, |s| {
                if let SpecForm::Ec2(e) = s {
                    e.count = " ".into()
                }
            }),
            ("items[0].ebs[0].size_gb", Problem::Negative, |s| {
                if let SpecForm::Ec2(e) = s {
                    e.ebs[0].size_gb = "-5".into()
                }
            }),
            ("items[0].instance_type", Problem::Required, |s| {
                if let SpecForm::Ec2(e) = s {
                    e.instance_type = "".into()
                }
            }),
            ("items[0].data_transfer_out_gb", Problem::NotANumber, |s| {
                if let SpecForm::Ec2(e) = s {
                    e.data_transfer_out_gb = "1e".into()
                }
            }),
        ];
        for (field, problem, change) in cases {
            let mut f = EstimateForm::new("us-east-1");
            let uid = f.add(Service::Ec2);
            change(&mut f.item_mut(uid).unwrap().spec);
            let errors = to_request(&f).unwrap_err();
            assert_eq!(
                errors,
                vec![FormError {
                    field: field.into(),
                    problem
                }],
                "case {field} {problem:?}"
            );
        }
    }

    #[test]
    fn pricing_models_build_the_matching_contract_pricing() {
        let mut f = EstimateForm::new("us-east-1");
        let uid = f.add(Service::Ec2);
        let set = |f: &mut EstimateForm, model: PricingModel| {
            if let SpecForm::Ec2(e) = &mut f.item_mut(uid).unwrap().spec {
                e.pricing.model = model;
                e.pricing.payment = Payment::AllUpfront;
                e.pricing.term = Term::ThreeYears;
            }
        };
        set(&mut f, PricingModel::Reserved);
        let ItemSpec::Ec2(e) = &to_request(&f).unwrap().items[0].spec else {
            panic!()
        };
        assert_eq!(
            e.pricing,
            Ec2Pricing::Reserved {
                term: Term::ThreeYears,
                offering_class: OfferingClass::Standard,
                payment: Payment::AllUpfront
            }
        );
        set(&mut f, PricingModel::Spot);
        let ItemSpec::Ec2(e) = &to_request(&f).unwrap().items[0].spec else {
            panic!()
        };
        assert_eq!(
            e.pricing,
            Ec2Pricing::Spot {
                discount_percent: None
            }
        );
    }

    #[test]
    fn commercial_rds_engines_send_edition_and_license_and_others_do_not() {
        let mut f = EstimateForm::new("us-east-1");
        let uid = f.add(Service::Rds);
        let ItemSpec::Rds(r) = &to_request(&f).unwrap().items[0].spec else {
            panic!()
        };
        assert_eq!((r.edition, r.license_model), (None, None));
        if let SpecForm::Rds(r) = &mut f.item_mut(uid).unwrap().spec {
            r.engine = RdsEngine::Oracle;
        }
        let ItemSpec::Rds(r) = &to_request(&f).unwrap().items[0].spec else {
            panic!()
        };
        assert_eq!(r.edition, Some(RdsEdition::StandardTwo));
        assert_eq!(r.license_model, Some(LicenseModel::LicenseIncluded));
    }

    #[test]
    fn a_request_survives_the_trip_through_the_form() {
        let json = br#"{"name":"shop","region":"ap-northeast-2","hours_per_month":720,"free_tier":true,"items":[
            {"id":"web","label":"Web","service":"ec2","instance_type":"m7g.large","count":3,"usage":{"utilization_percent":50},
             "pricing":{"model":"savings_plan","plan":"compute","term":"3yr","payment":"partial_upfront"},
             "ebs":[{"volume_type":"io2","size_gb":100,"iops":4000}],"public_ipv4_addresses":1,"data_transfer_out_gb":"12.5"},
            {"id":"fn","service":"lambda","region":"us-east-1","requests_per_month":5000000,"avg_duration_ms":120,"memory_mb":1024,
             "architecture":"arm64","provisioned_concurrency":{"concurrency":5,"requests_per_month":100,"avg_duration_ms":50}},
            {"id":"b","service":"s3","storage_class":"standard_ia","storage_gb":"0.5","object_count":1000,"avg_object_size_kb":512},
            {"id":"db","service":"rds","engine":"sqlserver","edition":"web","license_model":"license_included","instance_class":"db.m5.large",
             "deployment":"multi_az","storage":{"type":"io1","size_gb":200,"iops":3000},"usage":{"hours_per_month":100},
             "pricing":{"model":"reserved","term":"1yr","payment":"all_upfront"}},
            {"id":"au","service":"aurora","engine":"aurora_mysql","storage_config":"io_optimized",
             "instances":[{"instance_class":"db.r6g.large","count":2}],"serverless_v2":{"average_acus":"1.5"},
             "storage_gb":100,"backtrack":{"change_records_per_hour":1000,"window_hours":24}}]}"#;
        let req = EstimateRequest::from_json(json).unwrap();
        let form = from_request(&req);
        assert_eq!(form.items.len(), 5);
        assert_eq!(form.next_uid, 6);
        assert_eq!(to_request(&form).unwrap(), req);
    }

    #[test]
    fn cards_duplicate_move_and_go_with_unique_ids() {
        let mut f = one_of_each();
        let copy = f.duplicate(1).unwrap();
        assert_eq!(f.position(copy), Some(1));
        assert_ne!(f.items[0].id, f.items[1].id);
        f.shift(copy, true);
        assert_eq!(f.position(copy), Some(0));
        f.shift(copy, true);
        assert_eq!(f.position(copy), Some(0));
        f.remove(copy);
        assert_eq!(f.items.len(), 5);
        let req = to_request(&f).unwrap();
        model::validate::validate_estimate(&req).unwrap();
    }

    #[test]
    fn one_card_is_read_alone_with_the_estimates_hours() {
        let mut f = one_of_each();
        f.hours_per_month = "720".into();
        // Another card's mistake does not stop this card from being read.
        if let SpecForm::Lambda(l) = &mut f.items[1].spec {
            l.memory_mb = "lots".into();
        }
        let (item, hours) = item_request(&f, f.items[3].uid).unwrap();
        assert_eq!(hours, Some(Quantity::from_u64(720)));
        assert_eq!(item, to_request(&one_of_each()).unwrap().items[3]);
        assert_eq!(
            item_request(&f, f.items[1].uid).unwrap_err(),
            vec![FormError {
                field: "items[1].memory_mb".into(),
                problem: Problem::NotANumber
            }]
        );
        assert_eq!(item_request(&f, 999), Err(Vec::new()));
        assert_eq!(read_whole("io", "1,000", true), Ok(Some(1000)));
        assert_eq!(read_quantity("acus", "", false), Ok(None));
        assert_eq!(
            read_quantity("acus", "-1", true),
            Err(FormError {
                field: "acus".into(),
                problem: Problem::Negative
            })
        );
    }

    #[test]
    fn a_card_that_changes_service_is_a_new_card_in_the_same_place() {
        let mut f = one_of_each();
        f.items[3].label = "Orders".into();
        let rds = f.items[3].uid;
        let new = f
            .replace_spec(rds, SpecForm::default_for(Service::Aurora))
            .unwrap();
        assert_ne!(new, rds);
        assert_eq!(f.position(new), Some(3));
        assert_eq!(f.item(rds), None);
        assert_eq!(f.items[3].label, "Orders");
        // `rds-4` was made by the app: it follows the service; `aurora-5` is taken.
        assert_eq!(f.items[3].id, "aurora-6");
        // An id a person chose stays, and so does one whose service did not change.
        f.items[3].id = "orders".into();
        let again = f
            .replace_spec(new, SpecForm::default_for(Service::Rds))
            .unwrap();
        assert_eq!(f.item(again).unwrap().id, "orders");
        let rds2 = f.items[3].uid;
        f.items[3].id = "rds-4".into();
        let same = f
            .replace_spec(rds2, SpecForm::default_for(Service::Rds))
            .unwrap();
        assert_eq!(f.item(same).unwrap().id, "rds-4");
        model::validate::validate_estimate(&to_request(&f).unwrap()).unwrap();
        assert_eq!(
            f.replace_spec(999, SpecForm::default_for(Service::S3)),
            None
        );
    }

    #[test]
    fn a_replaced_estimate_gets_uids_the_page_never_used() {
        // The page shows an EC2 card (uid 1) and an S3 card (uid 2); one card was removed.
        let mut f = EstimateForm::new("us-east-1");
        let ec2 = f.add(Service::Ec2);
        let s3 = f.add(Service::S3);
        let gone = f.add(Service::Lambda);
        f.remove(gone);
        // An imported estimate whose first item is a Lambda function: a form of its own numbers
        // it 1, the uid of the page's EC2 card.
        let json = br#"{"name":"Jobs","region":"eu-west-1","hours_per_month":720,"free_tier":true,
            "items":[{"id":"jobs","service":"lambda","requests_per_month":42},
                     {"id":"files","service":"s3","storage_gb":7}]}"#;
        let imported = from_request(&EstimateRequest::from_json(json).unwrap());
        assert_eq!(
            imported.items[0].uid, ec2,
            "the collision this guards against"
        );

        f.replace_with(imported.clone());

        let uids: Vec<u32> = f.items.iter().map(|i| i.uid).collect();
        assert_eq!(uids, [4, 5], "numbered on from the page's counter");
        assert!(f.item(ec2).is_none() && f.item(s3).is_none() && f.item(gone).is_none());
        assert_eq!(f.next_uid, 6);
        // Everything but the uids is the imported estimate.
        let mut renumbered = imported.clone();
        for (item, uid) in renumbered.items.iter_mut().zip(uids) {
            item.uid = uid;
        }
        renumbered.next_uid = 6;
        assert_eq!(f, renumbered);
        assert_eq!(
            to_request(&f).unwrap(),
            to_request(&imported).unwrap(),
            "the same request"
        );
        // A card added afterwards, and a second replacement, keep counting up.
        assert_eq!(f.add(Service::Ec2), 6);
        f.replace_with(imported);
        assert_eq!(f.items.iter().map(|i| i.uid).collect::<Vec<_>>(), [7, 8]);
        assert_eq!(f.next_uid, 9);
    }

    #[test]
    fn item_paths_split_into_index_and_inner_path() {
        assert_eq!(
            split_item_path("items[2].ebs[0].size_gb"),
            (Some(2), "ebs[0].size_gb")
        );
        assert_eq!(split_item_path("items[10].id"), (Some(10), "id"));
        assert_eq!(split_item_path("items[1]"), (Some(1), ""));
        assert_eq!(split_item_path("region"), (None, "region"));
        assert_eq!(split_item_path("items"), (None, "items"));
    }

    #[test]
    fn every_form_error_path_is_an_input_of_its_card() {
        let mut f = one_of_each();
        for item in &mut f.items {
            match &mut item.spec {
                SpecForm::Ec2(e) => e.ebs[0].iops = "x".into(),
                SpecForm::Lambda(l) => l.memory_mb = "x".into(),
                SpecForm::S3(s) => s.storage_gb = "x".into(),
                SpecForm::Rds(r) => r.storage_gb = "x".into(),
                SpecForm::Aurora(a) => a.instances[0].count = "x".into(),
            }
        }
        for e in to_request(&f).unwrap_err() {
            let (Some(i), inner) = split_item_path(&e.field) else {
                panic!("{}", e.field)
            };
            assert!(
                input_paths(&f.items[i].spec).iter().any(|p| p == inner),
                "{} has no input",
                e.field
            );
        }
    }
}
