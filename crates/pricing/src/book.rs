//! The price book: every table, validated and indexed for the engine's lookups.
//!
//! A `PriceBook` is built once at start-up with [`PriceBook::from_tables`] (the CSV loader in
//! [`crate::load`] produces the [`Tables`]) and is read-only afterwards, so the server shares it
//! behind an `Arc` without locks. Each lookup answers `None` when AWS publishes no price for that
//! combination; the engine turns that into an error naming the item, field and region.

// FxHash instead of SipHash: the keys come from the price book itself (bundled or the operator's
// own tables), never from requests, so flooding a bucket is not possible; lookups hash short
// strings on every priced line, where SipHash showed up at 4 % of an estimate's time.
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;
use std::hash::Hash;
use std::sync::{Mutex, PoisonError};

use model::response::Unit;
use model::{
    Architecture, AuroraEngine, AuroraStorageConfig, Deployment, LicenseModel, OfferingClass,
    OperatingSystem, Payment, RdsEdition, RdsEngine, RdsStorageType, SavingsPlanType, StorageClass,
    Term, VolumeType,
};
use rust_decimal::Decimal;

use crate::rows::*;

/// A problem in the price data, with the file and line it is on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct LoadError {
    /// The table's file name, e.g. `ec2_on_demand.csv`.
    pub file: String,
    /// The 1-based line (the header is line 1), when the problem is on one row.
    pub line: Option<u64>,
    pub message: String,
}

impl LoadError {
    /// An error on data row `index` (0-based) of `file`; the header is line 1.
    pub fn at_row(file: &str, index: usize, message: impl Into<String>) -> Self {
        LoadError {
            file: file.to_owned(),
            line: Some(index as u64 + 2),
            message: message.into(),
        }
    }

    /// An error about a whole file.
    pub fn in_file(file: &str, message: impl Into<String>) -> Self {
        LoadError {
            file: file.to_owned(),
            line: None,
            message: message.into(),
        }
    }
}

/// One price tier: `price_usd` per `unit` for quantities from `start` up to `end`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tier {
    pub start: Decimal,
    /// `None` for the open last tier.
    pub end: Option<Decimal>,
    pub unit: Unit,
    pub price_usd: Decimal,
    pub source_id: String,
    /// How a bill names the tier in its own unit (`first 10 TB`, `over 500 TB`; `None` for a
    /// single open tier from zero), written when the book is built rather than for every line
    /// priced in the tier (by the engine's `tiers::phrase`).
    pub phrase: Option<String>,
}

/// Tiers of one price, sorted by `start`, contiguous from zero, the last one open.
pub type Tiers = Vec<Tier>;

type Idx<K> = HashMap<K, usize>;

/// A region code, instance type or instance class of the book, as a number.
///
/// The indexes with several key parts are keyed by these: a lookup turns the names it is given
/// into numbers by borrowing them, where an owned key copied every name (two allocations per
/// priced line), and hashes a few small numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Name(u32);

/// Every [`Name`] of the book, by its text.
#[derive(Debug, Default)]
struct Names(HashMap<String, Name>);

impl Names {
    /// The number of `text`, given it at its first use.
    fn intern(&mut self, text: &str) -> Name {
        if let Some(&name) = self.0.get(text) {
            return name;
        }
        let name = Name(u32::try_from(self.0.len()).expect("fewer than 2^32 names"));
        self.0.insert(text.to_owned(), name);
        name
    }

    /// The number of `text`; `None` when no price names it, so there is no price for it either.
    fn get(&self, text: &str) -> Option<Name> {
        self.0.get(text).copied()
    }
}

/// A source's date and origin, kept for the whole process (see [`lasting`]) so that an answer
/// borrows them instead of copying them into every line that quotes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct QuotedSource {
    /// `YYYY-MM-DD`.
    pub price_date: &'static str,
    pub origin: &'static str,
}

/// `text`, kept for the rest of the process: one copy per distinct text, however many books
/// quote it.
///
/// Every line of an answer names its price's date and the answer lists each table's origin
/// (19 of a few hundred bytes for the benchmark estimate): copying them into owned strings, and
/// freeing them after, was about a twentieth of an estimate. A process loads one book, or a few
/// with mostly the same sources (tests, `import`), so what is kept is the size of the sources
/// tables it loaded, not of the requests it answered.
fn lasting(text: &str) -> &'static str {
    static KEPT: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&t) = kept.get(text) {
        return t;
    }
    let t: &'static str = Box::leak(Box::from(text));
    kept.insert(t);
    t
}

/// The validated, indexed price book.
#[derive(Debug, Default)]
pub struct PriceBook {
    tables: Tables,
    /// A short digest of the book's content; the catalogue's ETag.
    version: String,
    /// The names in the multi-part keys below.
    names: Names,
    regions: Idx<String>,
    sources: Idx<String>,
    /// Each source's date and origin as answers quote them, in `tables.sources` order.
    quoted_sources: Vec<QuotedSource>,
    rules: Idx<RuleId>,
    ec2_types: Idx<String>,
    ec2_on_demand: Idx<(Name, Name, OperatingSystem)>,
    ec2_reserved: Idx<(Name, Name, OperatingSystem, OfferingClass, Term, Payment)>,
    ec2_spot: Idx<(Name, Name, OperatingSystem)>,
    ec2_savings_plans: Idx<(Name, Name, OperatingSystem, SavingsPlanType, Term, Payment)>,
    ebs_volumes: HashMap<(Name, VolumeType, EbsComponent), Tiers>,
    ebs_snapshots: Idx<(Name, SnapshotTier)>,
    public_ipv4: Idx<String>,
    data_transfer_out: HashMap<String, Tiers>,
    lambda: HashMap<(Name, Architecture, LambdaComponent), Tiers>,
    s3_storage: HashMap<(Name, S3StorageTier), Tiers>,
    s3_requests: Idx<(Name, StorageClass, S3RequestType)>,
    s3_retrieval: Idx<(Name, StorageClass)>,
    s3_monitoring: Idx<String>,
    s3_classes: Idx<StorageClass>,
    db_classes: Idx<String>,
    rds_instances: Idx<RdsKey>,
    rds_reserved: Idx<(RdsKey, Term, Payment)>,
    rds_storage: HashMap<(Name, RdsStorageType, Deployment, RdsStorageComponent), Tiers>,
    rds_backup: Idx<String>,
    aurora_instances: Idx<(Name, AuroraEngine, Name, AuroraStorageConfig)>,
    aurora_reserved: Idx<(Name, AuroraEngine, Name, AuroraStorageConfig, Term, Payment)>,
    aurora_cluster: Idx<(Name, AuroraEngine, AuroraStorageConfig, AuroraComponent)>,
}

/// The key of an RDS instance price.
type RdsKey = (
    Name,
    RdsEngine,
    Option<RdsEdition>,
    Option<LicenseModel>,
    Name,
    Deployment,
);

/// Builds a unique index, reporting every duplicate key with both lines.
fn index<R, K: Eq + Hash>(
    file: &str,
    rows: &[R],
    mut key: impl FnMut(&R) -> K,
    errors: &mut Vec<LoadError>,
) -> Idx<K> {
    let mut map = HashMap::with_capacity_and_hasher(rows.len(), Default::default());
    for (i, row) in rows.iter().enumerate() {
        if let Some(first) = map.insert(key(row), i) {
            errors.push(LoadError::at_row(
                file,
                i,
                format!(
                    "duplicate price key: the same key is already on line {}; each key has exactly one row",
                    first + 2
                ),
            ));
            // Keep the first row so lookups stay stable while errors are collected.
            map.insert(key(row), first);
        }
    }
    map
}

/// Groups tiered rows by key; tier contiguity is checked by the validator.
fn tiers<R, K: Eq + Hash>(
    rows: &[R],
    mut key: impl FnMut(&R) -> K,
    tier: impl Fn(&R) -> Tier,
) -> HashMap<K, Tiers> {
    let mut map: HashMap<K, Tiers> = HashMap::default();
    for row in rows {
        map.entry(key(row)).or_default().push(tier(row));
    }
    let mut buf = String::new();
    for list in map.values_mut() {
        list.sort_by_key(|t| t.start);
        for index in 0..list.len() {
            let phrase = crate::engine::tiers::phrase(&mut buf, list, index, list[index].unit);
            list[index].phrase = phrase.map(str::to_owned);
        }
    }
    map
}

macro_rules! tier_of {
    ($r:expr) => {
        Tier {
            start: $r.tier_start,
            end: $r.tier_end,
            unit: $r.unit,
            price_usd: $r.price_usd,
            source_id: $r.source_id.clone(),
            phrase: None,
        }
    };
}

impl PriceBook {
    /// Validates and indexes the tables. Every problem is collected, each with file and line.
    pub fn from_tables(tables: Tables) -> Result<PriceBook, Vec<LoadError>> {
        let mut errors = Vec::new();
        let t = &tables;
        let e = &mut errors;
        let mut names = Names::default();
        let mut book = PriceBook {
            version: String::new(),
            names: Names::default(),
            regions: index("regions.csv", &t.regions, |r| r.region_code.clone(), e),
            sources: index("sources.csv", &t.sources, |r| r.source_id.clone(), e),
            rules: index("billing_rules.csv", &t.billing_rules, |r| r.rule, e),
            ec2_types: index(
                "ec2_instance_types.csv",
                &t.ec2_instance_types,
                |r| r.instance_type.clone(),
                e,
            ),
            ec2_on_demand: index(
                "ec2_on_demand.csv",
                &t.ec2_on_demand,
                |r| {
                    (
                        names.intern(&r.region_code),
                        names.intern(&r.instance_type),
                        r.operating_system,
                    )
                },
                e,
            ),
            ec2_reserved: index(
                "ec2_reserved.csv",
                &t.ec2_reserved,
                |r| {
                    (
                        names.intern(&r.region_code),
                        names.intern(&r.instance_type),
                        r.operating_system,
                        r.offering_class,
                        r.term,
                        r.payment,
                    )
                },
                e,
            ),
            ec2_spot: index(
                "ec2_spot.csv",
                &t.ec2_spot,
                |r| {
                    (
                        names.intern(&r.region_code),
                        names.intern(&r.instance_type),
                        r.operating_system,
                    )
                },
                e,
            ),
            ec2_savings_plans: index(
                "ec2_savings_plans.csv",
                &t.ec2_savings_plans,
                |r| {
                    (
                        names.intern(&r.region_code),
                        names.intern(&r.instance_type),
                        r.operating_system,
                        r.plan,
                        r.term,
                        r.payment,
                    )
                },
                e,
            ),
            ebs_volumes: tiers(
                &t.ebs_volumes,
                |r| (names.intern(&r.region_code), r.volume_type, r.component),
                |r| tier_of!(r),
            ),
            ebs_snapshots: index(
                "ebs_snapshots.csv",
                &t.ebs_snapshots,
                |r| (names.intern(&r.region_code), r.tier),
                e,
            ),
            public_ipv4: index(
                "public_ipv4.csv",
                &t.public_ipv4,
                |r| r.region_code.clone(),
                e,
            ),
            data_transfer_out: tiers(
                &t.data_transfer_out,
                |r| r.region_code.clone(),
                |r| tier_of!(r),
            ),
            lambda: tiers(
                &t.lambda,
                |r| (names.intern(&r.region_code), r.architecture, r.component),
                |r| tier_of!(r),
            ),
            s3_storage: tiers(
                &t.s3_storage,
                |r| (names.intern(&r.region_code), r.storage_tier),
                |r| tier_of!(r),
            ),
            s3_requests: index(
                "s3_requests.csv",
                &t.s3_requests,
                |r| {
                    (
                        names.intern(&r.region_code),
                        r.storage_class,
                        r.request_type,
                    )
                },
                e,
            ),
            s3_retrieval: index(
                "s3_retrieval.csv",
                &t.s3_retrieval,
                |r| (names.intern(&r.region_code), r.storage_class),
                e,
            ),
            s3_monitoring: index(
                "s3_monitoring.csv",
                &t.s3_monitoring,
                |r| r.region_code.clone(),
                e,
            ),
            s3_classes: index(
                "s3_storage_classes.csv",
                &t.s3_storage_classes,
                |r| r.storage_class,
                e,
            ),
            db_classes: index(
                "db_instance_classes.csv",
                &t.db_instance_classes,
                |r| r.instance_class.clone(),
                e,
            ),
            rds_instances: index(
                "rds_instances.csv",
                &t.rds_instances,
                |r| rds_key(&mut names, r),
                e,
            ),
            rds_reserved: index(
                "rds_reserved.csv",
                &t.rds_reserved,
                |r| {
                    (
                        (
                            names.intern(&r.region_code),
                            r.engine,
                            r.edition,
                            r.license_model,
                            names.intern(&r.instance_class),
                            r.deployment,
                        ),
                        r.term,
                        r.payment,
                    )
                },
                e,
            ),
            rds_storage: tiers(
                &t.rds_storage,
                |r| {
                    (
                        names.intern(&r.region_code),
                        r.storage_type,
                        r.deployment,
                        r.component,
                    )
                },
                |r| tier_of!(r),
            ),
            rds_backup: index(
                "rds_backup.csv",
                &t.rds_backup,
                |r| r.region_code.clone(),
                e,
            ),
            aurora_instances: index(
                "aurora_instances.csv",
                &t.aurora_instances,
                |r| {
                    (
                        names.intern(&r.region_code),
                        r.engine,
                        names.intern(&r.instance_class),
                        r.storage_config,
                    )
                },
                e,
            ),
            aurora_reserved: index(
                "aurora_reserved.csv",
                &t.aurora_reserved,
                |r| {
                    (
                        names.intern(&r.region_code),
                        r.engine,
                        names.intern(&r.instance_class),
                        r.storage_config,
                        r.term,
                        r.payment,
                    )
                },
                e,
            ),
            aurora_cluster: index(
                "aurora_cluster.csv",
                &t.aurora_cluster,
                |r| {
                    (
                        names.intern(&r.region_code),
                        r.engine,
                        r.storage_config,
                        r.component,
                    )
                },
                e,
            ),
            tables: Tables::default(),
            quoted_sources: Vec::new(),
        };
        // The validator looks rows up through the indexes, so the rows must be in place first.
        book.names = names;
        book.tables = tables;
        crate::validate::check(&book.tables, &book, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        book.quoted_sources = book
            .tables
            .sources
            .iter()
            .map(|s| QuotedSource {
                price_date: lasting(&s.price_date),
                origin: lasting(&s.origin),
            })
            .collect();
        Ok(book)
    }

    /// Sets the content digest (the loader hashes the CSV bytes it read).
    pub fn set_version(&mut self, version: String) {
        self.version = version;
    }

    /// A short digest of the book's content.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The raw rows, for the catalogue and the comparisons.
    pub fn tables(&self) -> &Tables {
        &self.tables
    }

    pub fn region(&self, code: &str) -> Option<&RegionRow> {
        self.regions.get(code).map(|&i| &self.tables.regions[i])
    }

    pub fn regions(&self) -> &[RegionRow] {
        &self.tables.regions
    }

    pub fn source(&self, source_id: &str) -> Option<&SourceRow> {
        self.sources
            .get(source_id)
            .map(|&i| &self.tables.sources[i])
    }

    /// The date and origin of source `source_id` as an answer quotes them (see [`QuotedSource`]).
    pub(crate) fn quoted_source(&self, source_id: &str) -> Option<QuotedSource> {
        self.sources
            .get(source_id)
            .and_then(|&i| self.quoted_sources.get(i))
            .copied()
    }

    pub fn rule(&self, rule: RuleId) -> Option<&BillingRuleRow> {
        self.rules
            .get(&rule)
            .map(|&i| &self.tables.billing_rules[i])
    }

    pub fn ec2_instance_type(&self, name: &str) -> Option<&Ec2InstanceTypeRow> {
        self.ec2_types
            .get(name)
            .map(|&i| &self.tables.ec2_instance_types[i])
    }

    pub fn ec2_on_demand(
        &self,
        region: &str,
        instance_type: &str,
        os: OperatingSystem,
    ) -> Option<&Ec2OnDemandRow> {
        self.ec2_on_demand
            .get(&(self.names.get(region)?, self.names.get(instance_type)?, os))
            .map(|&i| &self.tables.ec2_on_demand[i])
    }

    pub fn ec2_reserved(
        &self,
        region: &str,
        instance_type: &str,
        os: OperatingSystem,
        class: OfferingClass,
        term: Term,
        payment: Payment,
    ) -> Option<&Ec2ReservedRow> {
        self.ec2_reserved
            .get(&(
                self.names.get(region)?,
                self.names.get(instance_type)?,
                os,
                class,
                term,
                payment,
            ))
            .map(|&i| &self.tables.ec2_reserved[i])
    }

    pub fn ec2_spot(
        &self,
        region: &str,
        instance_type: &str,
        os: OperatingSystem,
    ) -> Option<&Ec2SpotRow> {
        self.ec2_spot
            .get(&(self.names.get(region)?, self.names.get(instance_type)?, os))
            .map(|&i| &self.tables.ec2_spot[i])
    }

    pub fn ec2_savings_plan(
        &self,
        region: &str,
        instance_type: &str,
        os: OperatingSystem,
        plan: SavingsPlanType,
        term: Term,
        payment: Payment,
    ) -> Option<&Ec2SavingsPlanRow> {
        self.ec2_savings_plans
            .get(&(
                self.names.get(region)?,
                self.names.get(instance_type)?,
                os,
                plan,
                term,
                payment,
            ))
            .map(|&i| &self.tables.ec2_savings_plans[i])
    }

    pub fn ebs(
        &self,
        region: &str,
        volume_type: VolumeType,
        component: EbsComponent,
    ) -> Option<&[Tier]> {
        self.ebs_volumes
            .get(&(self.names.get(region)?, volume_type, component))
            .map(Vec::as_slice)
    }

    pub fn ebs_snapshot(&self, region: &str, tier: SnapshotTier) -> Option<&EbsSnapshotRow> {
        self.ebs_snapshots
            .get(&(self.names.get(region)?, tier))
            .map(|&i| &self.tables.ebs_snapshots[i])
    }

    pub fn public_ipv4(&self, region: &str) -> Option<&PublicIpv4Row> {
        self.public_ipv4
            .get(region)
            .map(|&i| &self.tables.public_ipv4[i])
    }

    pub fn data_transfer_out(&self, region: &str) -> Option<&[Tier]> {
        self.data_transfer_out.get(region).map(Vec::as_slice)
    }

    pub fn lambda(
        &self,
        region: &str,
        arch: Architecture,
        component: LambdaComponent,
    ) -> Option<&[Tier]> {
        self.lambda
            .get(&(self.names.get(region)?, arch, component))
            .map(Vec::as_slice)
    }

    pub fn s3_storage(&self, region: &str, tier: S3StorageTier) -> Option<&[Tier]> {
        self.s3_storage
            .get(&(self.names.get(region)?, tier))
            .map(Vec::as_slice)
    }

    pub fn s3_request(
        &self,
        region: &str,
        class: StorageClass,
        kind: S3RequestType,
    ) -> Option<&S3RequestRow> {
        self.s3_requests
            .get(&(self.names.get(region)?, class, kind))
            .map(|&i| &self.tables.s3_requests[i])
    }

    pub fn s3_retrieval(&self, region: &str, class: StorageClass) -> Option<&S3RetrievalRow> {
        self.s3_retrieval
            .get(&(self.names.get(region)?, class))
            .map(|&i| &self.tables.s3_retrieval[i])
    }

    pub fn s3_monitoring(&self, region: &str) -> Option<&S3MonitoringRow> {
        self.s3_monitoring
            .get(region)
            .map(|&i| &self.tables.s3_monitoring[i])
    }

    pub fn s3_class_rule(&self, class: StorageClass) -> Option<&S3ClassRuleRow> {
        self.s3_classes
            .get(&class)
            .map(|&i| &self.tables.s3_storage_classes[i])
    }

    pub fn db_instance_class(&self, name: &str) -> Option<&DbInstanceClassRow> {
        self.db_classes
            .get(name)
            .map(|&i| &self.tables.db_instance_classes[i])
    }

    #[allow(clippy::too_many_arguments)]
    pub fn rds_instance(
        &self,
        region: &str,
        engine: RdsEngine,
        edition: Option<RdsEdition>,
        license: Option<LicenseModel>,
        class: &str,
        deployment: Deployment,
    ) -> Option<&RdsInstanceRow> {
        self.rds_instances
            .get(&(
                self.names.get(region)?,
                engine,
                edition,
                license,
                self.names.get(class)?,
                deployment,
            ))
            .map(|&i| &self.tables.rds_instances[i])
    }

    #[allow(clippy::too_many_arguments)]
    pub fn rds_reserved(
        &self,
        region: &str,
        engine: RdsEngine,
        edition: Option<RdsEdition>,
        license: Option<LicenseModel>,
        class: &str,
        deployment: Deployment,
        term: Term,
        payment: Payment,
    ) -> Option<&RdsReservedRow> {
        let key = (
            self.names.get(region)?,
            engine,
            edition,
            license,
            self.names.get(class)?,
            deployment,
        );
        self.rds_reserved
            .get(&(key, term, payment))
            .map(|&i| &self.tables.rds_reserved[i])
    }

    pub fn rds_storage(
        &self,
        region: &str,
        storage_type: RdsStorageType,
        deployment: Deployment,
        component: RdsStorageComponent,
    ) -> Option<&[Tier]> {
        self.rds_storage
            .get(&(self.names.get(region)?, storage_type, deployment, component))
            .map(Vec::as_slice)
    }

    pub fn rds_backup(&self, region: &str) -> Option<&RdsBackupRow> {
        self.rds_backup
            .get(region)
            .map(|&i| &self.tables.rds_backup[i])
    }

    pub fn aurora_instance(
        &self,
        region: &str,
        engine: AuroraEngine,
        class: &str,
        config: AuroraStorageConfig,
    ) -> Option<&AuroraInstanceRow> {
        self.aurora_instances
            .get(&(
                self.names.get(region)?,
                engine,
                self.names.get(class)?,
                config,
            ))
            .map(|&i| &self.tables.aurora_instances[i])
    }

    pub fn aurora_reserved(
        &self,
        region: &str,
        engine: AuroraEngine,
        class: &str,
        config: AuroraStorageConfig,
        term: Term,
        payment: Payment,
    ) -> Option<&AuroraReservedRow> {
        self.aurora_reserved
            .get(&(
                self.names.get(region)?,
                engine,
                self.names.get(class)?,
                config,
                term,
                payment,
            ))
            .map(|&i| &self.tables.aurora_reserved[i])
    }

    pub fn aurora_cluster(
        &self,
        region: &str,
        engine: AuroraEngine,
        config: AuroraStorageConfig,
        component: AuroraComponent,
    ) -> Option<&AuroraClusterRow> {
        self.aurora_cluster
            .get(&(self.names.get(region)?, engine, config, component))
            .map(|&i| &self.tables.aurora_cluster[i])
    }
}

fn rds_key(names: &mut Names, r: &RdsInstanceRow) -> RdsKey {
    (
        names.intern(&r.region_code),
        r.engine,
        r.edition,
        r.license_model,
        names.intern(&r.instance_class),
        r.deployment,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_distinct_text_is_kept_once() {
        let a = lasting(&String::from("2025-11-20 kept-once test"));
        let b = lasting(&String::from("2025-11-20 kept-once test"));
        assert_eq!(a, "2025-11-20 kept-once test");
        assert!(std::ptr::eq(a, b), "the second copy is the first");
        assert_ne!(lasting("another text"), a);
    }

    #[test]
    fn sources_are_quoted_as_their_rows_say_in_every_book_loaded() {
        let first = crate::load::bundled().expect("the bundled book loads");
        let second = crate::load::bundled().expect("the bundled book loads");
        assert!(!first.tables.sources.is_empty());
        for row in &first.tables.sources {
            let quoted = first
                .quoted_source(&row.source_id)
                .expect("every source is quoted");
            assert_eq!(quoted.price_date, row.price_date);
            assert_eq!(quoted.origin, row.origin);
            // A second book of the same data quotes the same kept text.
            let again = second.quoted_source(&row.source_id).expect("quoted again");
            assert!(std::ptr::eq(quoted.origin, again.origin));
        }
        assert_eq!(first.quoted_source("no such source"), None);
    }
}
