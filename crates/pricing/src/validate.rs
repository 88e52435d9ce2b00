//! Cross-row checks of the price book: the rules every table must satisfy before the server
//! starts. Each problem names file and line; all problems are collected, not just the first.
//!
//! What is checked, table by table: every price is non-negative; every unit is the one that table
//! (or that component) is priced in; tiers are contiguous from zero with an open last tier; every
//! `region_code` is in `regions.csv`, every `source_id` in `sources.csv`, every source's
//! `price_date` is a real `YYYY-MM-DD` date; every EC2 price names a type of
//! `ec2_instance_types.csv` and every RDS/Aurora price a class of `db_instance_classes.csv`; every
//! commitment (Reserved, Savings Plans) has an On-Demand price for the same thing; reservation
//! fees match their payment option; every billing rule is present once with its unit. Duplicate
//! keys are reported by the indexes in [`crate::book`].
//!
//! Row `i` of a table is on line `i + 2` (the header is line 1); the loader refuses blank lines and
//! multi-line fields so that this stays true.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use model::OperatingSystem;
use model::response::Unit;
use rust_decimal::Decimal;

use crate::book::{LoadError, PriceBook};
use crate::rows::*;

/// Runs every check and appends the problems to `errors`.
pub(crate) fn check(t: &Tables, book: &PriceBook, errors: &mut Vec<LoadError>) {
    let mut c = Checker { book, errors };
    c.regions_and_sources(t);
    c.catalogues(t);
    c.ec2(t);
    c.ebs_and_network(t);
    c.lambda_and_s3(t);
    c.databases(t);
    c.billing_rules(t);
}

/// The table name a `sources.csv` row may give: a file of [`TABLE_FILES`] without `.csv`.
fn is_table_name(name: &str) -> bool {
    TABLE_FILES
        .iter()
        .any(|f| f.strip_suffix(".csv") == Some(name))
}

/// An RDS On-Demand price's key, borrowed from its row.
type RdsKey<'a> = (
    &'a str,
    model::RdsEngine,
    Option<model::RdsEdition>,
    Option<model::LicenseModel>,
    &'a str,
    model::Deployment,
);

struct Checker<'a> {
    book: &'a PriceBook,
    errors: &'a mut Vec<LoadError>,
}

impl Checker<'_> {
    fn err(&mut self, file: &str, i: usize, message: String) {
        self.errors.push(LoadError::at_row(file, i, message));
    }

    /// The fields every price row has: its region, source, unit and a non-negative price.
    // One call per row reads best with the row's fields spelled out at the call site.
    #[allow(clippy::too_many_arguments)]
    fn price_row(
        &mut self,
        file: &str,
        i: usize,
        region: &str,
        source: &str,
        unit: Unit,
        allowed: &[Unit],
        prices: &[(&str, Decimal)],
    ) {
        self.region(file, i, region);
        self.source(file, i, source);
        self.unit(file, i, unit, allowed);
        for &(column, value) in prices {
            self.non_negative(file, i, column, value);
        }
    }

    fn region(&mut self, file: &str, i: usize, region: &str) {
        if self.book.region(region).is_none() {
            self.err(
                file,
                i,
                format!("unknown region `{region}`: it is not in regions.csv"),
            );
        }
    }

    fn source(&mut self, file: &str, i: usize, source: &str) {
        if self.book.source(source).is_none() {
            self.err(
                file,
                i,
                format!("unknown source `{source}`: it is not in sources.csv"),
            );
        }
    }

    fn unit(&mut self, file: &str, i: usize, unit: Unit, allowed: &[Unit]) {
        if !allowed.contains(&unit) {
            let names: Vec<&str> = allowed.iter().map(|u| u.as_str()).collect();
            self.err(
                file,
                i,
                format!(
                    "wrong unit `{}`: this price must be per `{}`",
                    unit.as_str(),
                    names.join("` or `")
                ),
            );
        }
    }

    fn non_negative(&mut self, file: &str, i: usize, column: &str, value: Decimal) {
        if value.is_sign_negative() && !value.is_zero() {
            self.err(
                file,
                i,
                format!("negative `{column}` {value}: prices are never negative"),
            );
        }
    }

    fn ec2_type(&mut self, file: &str, i: usize, name: &str) {
        if self.book.ec2_instance_type(name).is_none() {
            self.err(
                file,
                i,
                format!("unknown instance type `{name}`: it is not in ec2_instance_types.csv"),
            );
        }
    }

    fn db_class(&mut self, file: &str, i: usize, name: &str) {
        if self.book.db_instance_class(name).is_none() {
            self.err(
                file,
                i,
                format!("unknown instance class `{name}`: it is not in db_instance_classes.csv"),
            );
        }
    }

    /// Reservation fees must fit the payment option: All Upfront has no hourly fee, No Upfront no
    /// upfront fee, Partial Upfront both; a fee that should be there must be above zero.
    fn reservation(
        &mut self,
        file: &str,
        i: usize,
        payment: model::Payment,
        upfront: Decimal,
        hourly: Decimal,
    ) {
        use model::Payment::*;
        let ok = match payment {
            AllUpfront => hourly.is_zero() && upfront > Decimal::ZERO,
            NoUpfront => upfront.is_zero() && hourly > Decimal::ZERO,
            PartialUpfront => upfront > Decimal::ZERO && hourly > Decimal::ZERO,
        };
        if !ok {
            let rule = match payment {
                AllUpfront => "All Upfront must have hourly_usd 0 and upfront_usd above 0",
                NoUpfront => "No Upfront must have upfront_usd 0 and hourly_usd above 0",
                PartialUpfront => {
                    "Partial Upfront must have both upfront_usd and hourly_usd above 0"
                }
            };
            self.err(
                file,
                i,
                format!("{rule}; found upfront_usd {upfront}, hourly_usd {hourly}"),
            );
        }
    }

    fn orphan(&mut self, file: &str, i: usize, what: &str, counterpart_file: &str, key: String) {
        self.err(
            file,
            i,
            format!("orphan {what}: no On-Demand price for {key} in {counterpart_file}"),
        );
    }

    fn regions_and_sources(&mut self, t: &Tables) {
        const FILE: &str = "sources.csv";
        for (i, s) in t.sources.iter().enumerate() {
            let date_ok = s.price_date.len() == 10
                && chrono::NaiveDate::parse_from_str(&s.price_date, "%Y-%m-%d").is_ok();
            if !date_ok {
                self.err(
                    FILE,
                    i,
                    format!(
                        "price_date `{}` is not a valid YYYY-MM-DD date",
                        s.price_date
                    ),
                );
            }
            if !is_table_name(&s.table) {
                self.err(
                    FILE,
                    i,
                    format!("table `{}` is not one of the price tables", s.table),
                );
            }
            if s.source_id.is_empty() {
                self.err(FILE, i, "empty source_id".to_owned());
            }
        }
        for (i, r) in t.regions.iter().enumerate() {
            if r.region_code.is_empty() || r.name.is_empty() {
                self.err(
                    "regions.csv",
                    i,
                    "a region needs both a code and a name".to_owned(),
                );
            }
        }
    }

    fn catalogues(&mut self, t: &Tables) {
        const ARCHITECTURES: [&str; 4] = ["x86_64", "arm64", "x86_64_mac", "arm64_mac"];
        for (i, r) in t.ec2_instance_types.iter().enumerate() {
            let file = "ec2_instance_types.csv";
            if !ARCHITECTURES.contains(&r.architecture.as_str()) {
                self.err(
                    file,
                    i,
                    format!(
                        "unknown architecture `{}`: expected one of {}",
                        r.architecture,
                        ARCHITECTURES.join(", ")
                    ),
                );
            }
            if r.vcpu == 0 || r.memory_gib <= Decimal::ZERO {
                self.err(
                    file,
                    i,
                    format!("`{}` needs vcpu and memory_gib above 0", r.instance_type),
                );
            }
        }
        for (i, r) in t.db_instance_classes.iter().enumerate() {
            if r.vcpu == 0 || r.memory_gib <= Decimal::ZERO {
                self.err(
                    "db_instance_classes.csv",
                    i,
                    format!("`{}` needs vcpu and memory_gib above 0", r.instance_class),
                );
            }
        }
        for (i, r) in t.s3_storage_classes.iter().enumerate() {
            let file = "s3_storage_classes.csv";
            self.source(file, i, &r.source_id);
            let values = [
                ("min_storage_duration_days", r.min_storage_duration_days),
                ("min_billable_object_size_kb", r.min_billable_object_size_kb),
                ("overhead_kb_at_class_rate", r.overhead_kb_at_class_rate),
                (
                    "overhead_kb_at_standard_rate",
                    r.overhead_kb_at_standard_rate,
                ),
                (
                    "monitoring_min_object_size_kb",
                    r.monitoring_min_object_size_kb,
                ),
            ];
            for (column, value) in values {
                if let Some(v) = value {
                    self.non_negative(file, i, column, v);
                }
            }
        }
    }

    fn ec2(&mut self, t: &Tables) {
        // Borrowed keys: the book's lookups take owned keys, and a copy per reservation row
        // (180,000 of them) is a measurable part of start-up.
        let on_demand: HashSet<(&str, &str, OperatingSystem)> = t
            .ec2_on_demand
            .iter()
            .map(|r| {
                (
                    r.region_code.as_str(),
                    r.instance_type.as_str(),
                    r.operating_system,
                )
            })
            .collect();
        let hours = [Unit::Hours];
        for (i, r) in t.ec2_on_demand.iter().enumerate() {
            let file = "ec2_on_demand.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &hours,
                &[("price_usd", r.price_usd)],
            );
            self.ec2_type(file, i, &r.instance_type);
        }
        for (i, r) in t.ec2_reserved.iter().enumerate() {
            let file = "ec2_reserved.csv";
            let prices = [("upfront_usd", r.upfront_usd), ("hourly_usd", r.hourly_usd)];
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &hours,
                &prices,
            );
            self.ec2_type(file, i, &r.instance_type);
            self.reservation(file, i, r.payment, r.upfront_usd, r.hourly_usd);
            if !on_demand.contains(&(
                r.region_code.as_str(),
                r.instance_type.as_str(),
                r.operating_system,
            )) {
                let key = format!(
                    "{} {} {}",
                    r.region_code,
                    r.instance_type,
                    r.operating_system.as_str()
                );
                self.orphan(file, i, "reservation", "ec2_on_demand.csv", key);
            }
        }
        for (i, r) in t.ec2_spot.iter().enumerate() {
            let file = "ec2_spot.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &hours,
                &[("price_usd", r.price_usd)],
            );
            self.ec2_type(file, i, &r.instance_type);
        }
        for (i, r) in t.ec2_savings_plans.iter().enumerate() {
            let file = "ec2_savings_plans.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &hours,
                &[("price_usd", r.price_usd)],
            );
            self.ec2_type(file, i, &r.instance_type);
            if !on_demand.contains(&(
                r.region_code.as_str(),
                r.instance_type.as_str(),
                r.operating_system,
            )) {
                let key = format!(
                    "{} {} {}",
                    r.region_code,
                    r.instance_type,
                    r.operating_system.as_str()
                );
                self.orphan(file, i, "Savings Plans rate", "ec2_on_demand.csv", key);
            }
        }
    }

    fn ebs_and_network(&mut self, t: &Tables) {
        for (i, r) in t.ebs_volumes.iter().enumerate() {
            let unit = match r.component {
                EbsComponent::Storage => Unit::GbMonths,
                EbsComponent::Iops => Unit::IopsMonths,
                EbsComponent::Throughput => Unit::MbpsMonths,
                EbsComponent::IoRequests => Unit::IoRequests,
            };
            let file = "ebs_volumes.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &[unit],
                &[("price_usd", r.price_usd)],
            );
        }
        self.tiers(
            "ebs_volumes.csv",
            &t.ebs_volumes,
            |r| (r.region_code.clone(), r.volume_type, r.component),
            |r| (r.tier_start, r.tier_end),
            |k| format!("{} {} {:?}", k.0, k.1.as_str(), k.2),
        );
        for (i, r) in t.ebs_snapshots.iter().enumerate() {
            let unit = match r.tier {
                SnapshotTier::Standard | SnapshotTier::Archive => Unit::GbMonths,
                SnapshotTier::ArchiveRetrieval => Unit::Gb,
            };
            let file = "ebs_snapshots.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &[unit],
                &[("price_usd", r.price_usd)],
            );
        }
        for (i, r) in t.public_ipv4.iter().enumerate() {
            let file = "public_ipv4.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &[Unit::Hours],
                &[("price_usd", r.price_usd)],
            );
        }
        for (i, r) in t.data_transfer_out.iter().enumerate() {
            let file = "data_transfer_out.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &[Unit::Gb],
                &[("price_usd", r.price_usd)],
            );
        }
        self.tiers(
            "data_transfer_out.csv",
            &t.data_transfer_out,
            |r| r.region_code.clone(),
            |r| (r.tier_start, r.tier_end),
            |k| k.clone(),
        );
    }

    fn lambda_and_s3(&mut self, t: &Tables) {
        for (i, r) in t.lambda.iter().enumerate() {
            let unit = match r.component {
                LambdaComponent::Requests => Unit::Requests,
                LambdaComponent::Duration
                | LambdaComponent::EphemeralStorage
                | LambdaComponent::ProvisionedConcurrency
                | LambdaComponent::ProvisionedDuration => Unit::GbSeconds,
            };
            let file = "lambda.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &[unit],
                &[("price_usd", r.price_usd)],
            );
        }
        self.tiers(
            "lambda.csv",
            &t.lambda,
            |r| (r.region_code.clone(), r.architecture, r.component),
            |r| (r.tier_start, r.tier_end),
            |k| format!("{} {} {:?}", k.0, k.1.as_str(), k.2),
        );
        for (i, r) in t.s3_storage.iter().enumerate() {
            let file = "s3_storage.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &[Unit::GbMonths],
                &[("price_usd", r.price_usd)],
            );
        }
        self.tiers(
            "s3_storage.csv",
            &t.s3_storage,
            |r| (r.region_code.clone(), r.storage_tier),
            |r| (r.tier_start, r.tier_end),
            |k| format!("{} {:?}", k.0, k.1),
        );
        for (i, r) in t.s3_requests.iter().enumerate() {
            let file = "s3_requests.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &[Unit::Requests],
                &[("price_usd", r.price_usd)],
            );
        }
        for (i, r) in t.s3_retrieval.iter().enumerate() {
            let file = "s3_retrieval.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &[Unit::Gb],
                &[("price_usd", r.price_usd)],
            );
        }
        for (i, r) in t.s3_monitoring.iter().enumerate() {
            let file = "s3_monitoring.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &[Unit::Objects],
                &[("price_usd", r.price_usd)],
            );
        }
    }

    fn databases(&mut self, t: &Tables) {
        let rds_on_demand: HashSet<RdsKey<'_>> = t
            .rds_instances
            .iter()
            .map(|r| {
                (
                    r.region_code.as_str(),
                    r.engine,
                    r.edition,
                    r.license_model,
                    r.instance_class.as_str(),
                    r.deployment,
                )
            })
            .collect();
        let hours = [Unit::Hours];
        for (i, r) in t.rds_instances.iter().enumerate() {
            let file = "rds_instances.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &hours,
                &[("price_usd", r.price_usd)],
            );
            self.db_class(file, i, &r.instance_class);
        }
        for (i, r) in t.rds_reserved.iter().enumerate() {
            let file = "rds_reserved.csv";
            let prices = [("upfront_usd", r.upfront_usd), ("hourly_usd", r.hourly_usd)];
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &hours,
                &prices,
            );
            self.db_class(file, i, &r.instance_class);
            self.reservation(file, i, r.payment, r.upfront_usd, r.hourly_usd);
            let key = (
                r.region_code.as_str(),
                r.engine,
                r.edition,
                r.license_model,
                r.instance_class.as_str(),
                r.deployment,
            );
            if !rds_on_demand.contains(&key) {
                let key = format!(
                    "{} {} {} {} {} {}",
                    r.region_code,
                    r.engine.as_str(),
                    r.edition.map_or("-", |e| e.as_str()),
                    r.license_model.map_or("-", |l| l.as_str()),
                    r.instance_class,
                    r.deployment.as_str()
                );
                self.orphan(file, i, "reservation", "rds_instances.csv", key);
            }
        }
        for (i, r) in t.rds_storage.iter().enumerate() {
            let unit = match r.component {
                RdsStorageComponent::Storage => Unit::GbMonths,
                RdsStorageComponent::Iops => Unit::IopsMonths,
                RdsStorageComponent::Throughput => Unit::MbpsMonths,
                RdsStorageComponent::IoRequests => Unit::IoRequests,
            };
            let file = "rds_storage.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &[unit],
                &[("price_usd", r.price_usd)],
            );
        }
        self.tiers(
            "rds_storage.csv",
            &t.rds_storage,
            |r| {
                (
                    r.region_code.clone(),
                    r.storage_type,
                    r.deployment,
                    r.component,
                )
            },
            |r| (r.tier_start, r.tier_end),
            |k| format!("{} {} {} {:?}", k.0, k.1.as_str(), k.2.as_str(), k.3),
        );
        for (i, r) in t.rds_backup.iter().enumerate() {
            let file = "rds_backup.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &[Unit::GbMonths],
                &[("price_usd", r.price_usd)],
            );
        }
        for (i, r) in t.aurora_instances.iter().enumerate() {
            let file = "aurora_instances.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &hours,
                &[("price_usd", r.price_usd)],
            );
            self.db_class(file, i, &r.instance_class);
        }
        for (i, r) in t.aurora_reserved.iter().enumerate() {
            let file = "aurora_reserved.csv";
            let prices = [("upfront_usd", r.upfront_usd), ("hourly_usd", r.hourly_usd)];
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &hours,
                &prices,
            );
            self.db_class(file, i, &r.instance_class);
            self.reservation(file, i, r.payment, r.upfront_usd, r.hourly_usd);
            if self
                .book
                .aurora_instance(
                    &r.region_code,
                    r.engine,
                    &r.instance_class,
                    r.storage_config,
                )
                .is_none()
            {
                let key = format!(
                    "{} {} {} {}",
                    r.region_code,
                    r.engine.as_str(),
                    r.instance_class,
                    r.storage_config.as_str()
                );
                self.orphan(file, i, "reservation", "aurora_instances.csv", key);
            }
        }
        for (i, r) in t.aurora_cluster.iter().enumerate() {
            let unit = match r.component {
                AuroraComponent::Storage | AuroraComponent::Backup => Unit::GbMonths,
                AuroraComponent::IoRequests => Unit::IoRequests,
                AuroraComponent::ServerlessV2 => Unit::AcuHours,
                AuroraComponent::Backtrack => Unit::ChangeRecords,
            };
            let file = "aurora_cluster.csv";
            self.price_row(
                file,
                i,
                &r.region_code,
                &r.source_id,
                r.unit,
                &[unit],
                &[("price_usd", r.price_usd)],
            );
        }
    }

    fn billing_rules(&mut self, t: &Tables) {
        const FILE: &str = "billing_rules.csv";
        for (i, r) in t.billing_rules.iter().enumerate() {
            self.source(FILE, i, &r.source_id);
            self.non_negative(FILE, i, "value", r.value);
            let unit = rule_unit(r.rule);
            if r.unit != unit {
                self.err(
                    FILE,
                    i,
                    format!(
                        "wrong unit `{}` for rule `{:?}`: expected `{unit}`",
                        r.unit, r.rule
                    ),
                );
            }
        }
        for rule in ALL_RULES {
            if self.book.rule(rule).is_none() {
                self.errors.push(LoadError::in_file(
                    FILE,
                    format!(
                        "missing rule `{}`: every billing rule must be present",
                        rule_name(rule)
                    ),
                ));
            }
        }
    }

    /// Tiers of each key are contiguous from zero, each ends after it starts, and only the last is
    /// open. Each problem is reported on the line of the offending row.
    fn tiers<R, K: Eq + Hash>(
        &mut self,
        file: &str,
        rows: &[R],
        key: impl Fn(&R) -> K,
        range: impl Fn(&R) -> (Decimal, Option<Decimal>),
        label: impl Fn(&K) -> String,
    ) {
        let mut groups: HashMap<K, Vec<usize>> = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            groups.entry(key(row)).or_default().push(i);
        }
        // Report in file order, whatever the hash order.
        let mut groups: Vec<(K, Vec<usize>)> = groups.into_iter().collect();
        groups.sort_by_key(|(_, rows)| rows[0]);
        for (k, mut members) in groups {
            members.sort_by_key(|&i| (range(&rows[i]).0, i));
            let mut expected = Decimal::ZERO;
            let last = members.len() - 1;
            for (n, &i) in members.iter().enumerate() {
                let (start, end) = range(&rows[i]);
                // Two rows for the same tier are a duplicate price key, not a gap.
                let previous = n.checked_sub(1).map(|p| members[p]);
                if let Some(p) = previous.filter(|&p| range(&rows[p]).0 == start) {
                    self.err(
                        file,
                        i,
                        format!(
                            "duplicate price key: the tier of `{}` starting at {start} is already on line {}",
                            label(&k),
                            p + 2
                        ),
                    );
                    break;
                }
                if start != expected {
                    let problem = if n == 0 {
                        format!(
                            "the first tier of `{}` starts at {start}; tiers start at 0",
                            label(&k)
                        )
                    } else {
                        format!(
                            "tiers of `{}` are not contiguous: this tier starts at {start} where the previous one ends at {expected}",
                            label(&k)
                        )
                    };
                    self.err(file, i, problem);
                    break;
                }
                match end {
                    Some(end) if end <= start => {
                        self.err(
                            file,
                            i,
                            format!(
                                "a tier of `{}` ends at {end}, not after its start {start}",
                                label(&k)
                            ),
                        );
                        break;
                    }
                    Some(end) if n == last => {
                        self.err(
                            file,
                            i,
                            format!("the last tier of `{}` ends at {end}; the last tier must be open (empty tier_end)", label(&k)),
                        );
                    }
                    Some(end) => expected = end,
                    None if n < last => {
                        self.err(
                            file,
                            i,
                            format!("this tier of `{}` is open but more tiers follow", label(&k)),
                        );
                        break;
                    }
                    None => {}
                }
            }
        }
    }
}

/// Every billing rule; [`rule_name`]'s exhaustive match makes adding a variant a compile error
/// until it is listed here too.
const ALL_RULES: [RuleId; 11] = [
    RuleId::LambdaFreeRequests,
    RuleId::LambdaFreeGbSeconds,
    RuleId::LambdaFreeEphemeralMb,
    RuleId::DataTransferFreeGb,
    RuleId::DbBackupFreePercent,
    RuleId::RdsGp3BaselineIopsSmall,
    RuleId::RdsGp3BaselineThroughputSmall,
    RuleId::RdsGp3BaselineThresholdGb,
    RuleId::RdsGp3BaselineThresholdGbOracle,
    RuleId::RdsGp3BaselineIopsLarge,
    RuleId::RdsGp3BaselineThroughputLarge,
];

/// The unit a rule's value counts.
fn rule_unit(rule: RuleId) -> &'static str {
    match rule {
        RuleId::LambdaFreeRequests => "requests",
        RuleId::LambdaFreeGbSeconds => "GB-seconds",
        RuleId::LambdaFreeEphemeralMb => "MB",
        RuleId::DataTransferFreeGb
        | RuleId::RdsGp3BaselineThresholdGb
        | RuleId::RdsGp3BaselineThresholdGbOracle => "GB",
        RuleId::DbBackupFreePercent => "percent",
        RuleId::RdsGp3BaselineIopsSmall | RuleId::RdsGp3BaselineIopsLarge => "IOPS",
        RuleId::RdsGp3BaselineThroughputSmall | RuleId::RdsGp3BaselineThroughputLarge => "MBps",
    }
}

/// The rule as written in the CSV.
fn rule_name(rule: RuleId) -> &'static str {
    match rule {
        RuleId::LambdaFreeRequests => "lambda_free_requests",
        RuleId::LambdaFreeGbSeconds => "lambda_free_gb_seconds",
        RuleId::LambdaFreeEphemeralMb => "lambda_free_ephemeral_mb",
        RuleId::DataTransferFreeGb => "data_transfer_free_gb",
        RuleId::DbBackupFreePercent => "db_backup_free_percent",
        RuleId::RdsGp3BaselineIopsSmall => "rds_gp3_baseline_iops_small",
        RuleId::RdsGp3BaselineThroughputSmall => "rds_gp3_baseline_throughput_small",
        RuleId::RdsGp3BaselineThresholdGb => "rds_gp3_baseline_threshold_gb",
        RuleId::RdsGp3BaselineThresholdGbOracle => "rds_gp3_baseline_threshold_gb_oracle",
        RuleId::RdsGp3BaselineIopsLarge => "rds_gp3_baseline_iops_large",
        RuleId::RdsGp3BaselineThroughputLarge => "rds_gp3_baseline_throughput_large",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_the_serde_names() {
        for rule in ALL_RULES {
            let json = serde_json::to_string(&rule).expect("serialize");
            assert_eq!(json.trim_matches('"'), rule_name(rule));
        }
    }
}
