//! Limits and checks that need no price book: counts, magnitudes, ranges, unique ids.
//!
//! The limits are generous enough for the largest real workloads (10^13 requests or I/O operations
//! a month, 10^9 GB) and small enough that no arithmetic can overflow a 96-bit decimal. They are
//! listed in the OpenAPI description. Checks the price book must answer (is this region or
//! instance type known?) are the engine's.

use std::fmt;

use rust_decimal::Decimal;

use crate::error::{ErrorCode, FieldError};
use crate::money::Quantity;
use crate::request::*;

/// Documented limits of the estimate API.
pub mod limits {
    /// Items in one estimate.
    pub const MAX_ITEMS: usize = 1_000;
    /// Characters in an id.
    pub const MAX_ID_LEN: usize = 64;
    /// Characters in a name, label, region or type name.
    pub const MAX_TEXT_LEN: usize = 200;
    /// Hours in a month (31 × 24).
    pub const MAX_HOURS_PER_MONTH: u32 = 744;
    /// Instances (or functions, reservations) in one item.
    pub const MAX_COUNT: u32 = 100_000;
    /// Requests, I/O operations or objects per month.
    pub const MAX_REQUESTS: u64 = 1_000_000_000_000_000;
    /// GB of storage, transfer or retrieval per month in one item.
    pub const MAX_GB: u64 = 10_000_000_000;
    /// Lambda memory, MB.
    pub const LAMBDA_MEMORY_MB: (u32, u32) = (128, 10_240);
    /// Lambda ephemeral storage, MB.
    pub const LAMBDA_EPHEMERAL_MB: (u32, u32) = (512, 10_240);
    /// Lambda duration, ms (15 minutes).
    pub const MAX_LAMBDA_DURATION_MS: u32 = 900_000;
    /// Provisioned concurrency per function.
    pub const MAX_CONCURRENCY: u32 = 1_000_000;
    /// EBS volumes per instance.
    pub const MAX_VOLUMES: usize = 64;
    /// Size of one EBS volume or RDS instance's storage, GB.
    pub const MAX_VOLUME_GB: u64 = 65_536;
    /// Provisioned IOPS of one volume.
    pub const MAX_IOPS: u64 = 512_000;
    /// Provisioned throughput of one volume, MB/s.
    pub const MAX_THROUGHPUT_MBPS: u64 = 10_000;
    /// Public IPv4 addresses per instance.
    pub const MAX_IPV4: u32 = 1_000;
    /// Average object size, KB (5 TB).
    pub const MAX_OBJECT_KB: u64 = 5_368_709_120;
    /// Aurora Serverless v2 average ACUs.
    pub const MAX_ACUS: u32 = 256;
    /// Aurora instance groups per cluster.
    pub const MAX_AURORA_GROUPS: usize = 16;
    /// Backtrack window, hours.
    pub const MAX_BACKTRACK_HOURS: u32 = 72;
    /// Backtrack change records per hour.
    pub const MAX_CHANGE_RECORDS_PER_HOUR: u64 = 1_000_000_000_000;
}

use limits::*;

/// Checks an estimate against the limits; returns every problem found.
pub fn validate_estimate(req: &EstimateRequest) -> Result<(), Vec<FieldError>> {
    let mut v = Checker::default();
    if let Some(name) = &req.name {
        v.text(Path::Whole("name"), name, MAX_TEXT_LEN);
    }
    v.name_like(Path::Whole("region"), &req.region);
    if let Some(h) = req.hours_per_month {
        v.hours(Path::Whole("hours_per_month"), h);
    }
    if req.items.len() > MAX_ITEMS {
        v.push(
            ErrorCode::LimitExceeded,
            Path::Whole("items"),
            format!(
                "{} items; an estimate holds at most {MAX_ITEMS}",
                req.items.len()
            ),
        );
        return Err(v.errors);
    }
    let repeated = repeated_ids(&req.items);
    for (i, item) in req.items.iter().enumerate() {
        let at = Path::Item(i);
        if repeated[i] {
            v.push(
                ErrorCode::DuplicateId,
                at.field("id"),
                format!(
                    "the id `{}` is used by an earlier item; ids must be unique",
                    clip(&item.id)
                ),
            );
        }
        v.item(at, item);
    }
    if v.errors.is_empty() {
        Ok(())
    } else {
        Err(v.errors)
    }
}

/// Checks one item; paths are prefixed with `at` (e.g. `items[3]`, or `item` in comparisons).
pub fn validate_item(at: &str, item: &Item) -> Result<(), Vec<FieldError>> {
    let mut v = Checker::default();
    v.item(Path::Whole(at), item);
    if v.errors.is_empty() {
        Ok(())
    } else {
        Err(v.errors)
    }
}

/// For each item, whether an earlier item has its id. A few items are compared pairwise; more are
/// sorted (not hashed), which keeps a hostile list of ids from costing more than `n log n`
/// comparisons.
fn repeated_ids(items: &[Item]) -> Vec<bool> {
    if items.len() <= PAIRWISE_IDS {
        return (0..items.len())
            .map(|i| items[..i].iter().any(|earlier| earlier.id == items[i].id))
            .collect();
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    // Stable: among equal ids the earliest comes first, and every later one is a repeat.
    order.sort_by(|&a, &b| items[a].id.cmp(&items[b].id));
    let mut repeated = vec![false; items.len()];
    for pair in order.windows(2) {
        if items[pair[0]].id == items[pair[1]].id {
            repeated[pair[1]] = true;
        }
    }
    repeated
}

/// Up to this many items, ids are compared pairwise: at most 120 comparisons, and no sorting.
const PAIRWISE_IDS: usize = 16;

fn clip(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// A field path, written out only when a check fails: a valid estimate is checked without
/// building or formatting any path (that was most of validation's time).
#[derive(Clone, Copy)]
enum Path<'a> {
    /// A path given whole: `name`, `region`, or the `at` of [`validate_item`].
    Whole(&'a str),
    /// `items[i]`.
    Item(usize),
    /// `parent.name`; the name may hold dots itself (`usage.hours_per_month`).
    Field(&'a Path<'a>, &'a str),
    /// `parent[i]`.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    fn field(&'a self, name: &'a str) -> Path<'a> {
        Path::Field(self, name)
    }

    fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Path::Whole(path) => f.write_str(path),
            Path::Item(i) => write!(f, "items[{i}]"),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

#[derive(Default)]
struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    fn push(&mut self, code: ErrorCode, field: Path<'_>, message: impl Into<String>) {
        self.errors
            .push(FieldError::new(code, field.to_string(), message));
    }

    fn text(&mut self, field: Path<'_>, value: &str, max: usize) {
        // A character takes at least one byte: only a text longer than `max` bytes needs counting.
        if value.len() <= max {
            return;
        }
        let n = value.chars().count();
        if n > max {
            self.push(
                ErrorCode::LimitExceeded,
                field,
                format!("{n} characters; at most {max} are allowed"),
            );
        }
    }

    /// Region codes, instance types and classes: short, printable, non-empty.
    fn name_like(&mut self, field: Path<'_>, value: &str) {
        if value.trim().is_empty() {
            self.push(ErrorCode::InvalidValue, field, "must not be empty");
        } else {
            self.text(field, value, MAX_TEXT_LEN);
        }
    }

    fn hours(&mut self, field: Path<'_>, h: Quantity) {
        self.at_most(
            field,
            h,
            Decimal::from(MAX_HOURS_PER_MONTH),
            "hours (a month has at most 744)",
        );
    }

    fn at_most(&mut self, field: Path<'_>, q: Quantity, max: Decimal, what: &str) {
        if q.value() > max {
            self.push(
                ErrorCode::LimitExceeded,
                field,
                format!("{} is more than {max} {what}", q.value()),
            );
        }
    }

    fn count(&mut self, field: Path<'_>, n: u32, min: u32, max: u32) {
        if n < min || n > max {
            self.push(
                ErrorCode::InvalidValue,
                field,
                format!("{n} is outside the valid range {min} to {max}"),
            );
        }
    }

    fn big(&mut self, field: Path<'_>, n: u64, max: u64) {
        if n > max {
            self.push(
                ErrorCode::LimitExceeded,
                field,
                format!("{n} is more than the limit {max}"),
            );
        }
    }

    fn gb(&mut self, field: Path<'_>, q: Option<Quantity>) {
        if let Some(q) = q {
            self.at_most(field, q, Decimal::from(MAX_GB), "GB");
        }
    }

    fn usage(&mut self, at: Path<'_>, usage: &Option<Usage>) {
        let Some(u) = usage else { return };
        match (u.hours_per_month, u.utilization_percent) {
            (Some(_), Some(_)) => self.push(
                ErrorCode::InvalidValue,
                at.field("usage"),
                "give either `hours_per_month` or `utilization_percent`, not both",
            ),
            (Some(h), None) => self.hours(at.field("usage.hours_per_month"), h),
            (None, Some(p)) => self.at_most(
                at.field("usage.utilization_percent"),
                p,
                Decimal::ONE_HUNDRED,
                "percent",
            ),
            (None, None) => {}
        }
    }

    fn item(&mut self, at: Path<'_>, item: &Item) {
        if item.id.trim().is_empty() {
            self.push(ErrorCode::InvalidValue, at.field("id"), "must not be empty");
        }
        self.text(at.field("id"), &item.id, MAX_ID_LEN);
        if let Some(label) = &item.label {
            self.text(at.field("label"), label, MAX_TEXT_LEN);
        }
        if let Some(region) = &item.region {
            self.name_like(at.field("region"), region);
        }
        match &item.spec {
            ItemSpec::Ec2(e) => self.ec2(at, e),
            ItemSpec::Lambda(l) => self.lambda(at, l),
            ItemSpec::S3(s) => self.s3(at, s),
            ItemSpec::Rds(r) => self.rds(at, r),
            ItemSpec::Aurora(a) => self.aurora(at, a),
        }
    }

    fn ec2(&mut self, at: Path<'_>, e: &Ec2Item) {
        self.name_like(at.field("instance_type"), &e.instance_type);
        self.count(at.field("count"), e.count, 1, MAX_COUNT);
        self.usage(at, &e.usage);
        if let Ec2Pricing::Spot {
            discount_percent: Some(d),
        } = e.pricing
            && d.value() >= Decimal::ONE_HUNDRED
        {
            self.push(
                ErrorCode::InvalidValue,
                at.field("pricing.discount_percent"),
                format!(
                    "{} is not below 100; a discount is 0 to 99.99 percent",
                    d.value()
                ),
            );
        }
        if e.ebs.len() > MAX_VOLUMES {
            self.push(
                ErrorCode::LimitExceeded,
                at.field("ebs"),
                format!(
                    "{} volumes per instance; at most {MAX_VOLUMES}",
                    e.ebs.len()
                ),
            );
        }
        let ebs = at.field("ebs");
        for (j, vol) in e.ebs.iter().enumerate() {
            let p = ebs.index(j);
            if vol.size_gb == 0 {
                self.push(
                    ErrorCode::InvalidValue,
                    p.field("size_gb"),
                    "a volume is at least 1 GB",
                );
            }
            self.big(p.field("size_gb"), vol.size_gb, MAX_VOLUME_GB);
            if let Some(iops) = vol.iops {
                self.big(p.field("iops"), iops, MAX_IOPS);
                if !matches!(
                    vol.volume_type,
                    VolumeType::Gp3 | VolumeType::Io1 | VolumeType::Io2
                ) {
                    self.push(
                        ErrorCode::InvalidValue,
                        p.field("iops"),
                        format!(
                            "{} volumes have no provisioned IOPS; only gp3, io1 and io2 do",
                            vol.volume_type.as_str()
                        ),
                    );
                }
            } else if matches!(vol.volume_type, VolumeType::Io1 | VolumeType::Io2) {
                self.push(
                    ErrorCode::MissingField,
                    p.field("iops"),
                    format!(
                        "{} volumes need provisioned `iops`",
                        vol.volume_type.as_str()
                    ),
                );
            }
            if let Some(t) = vol.throughput_mbps {
                self.big(p.field("throughput_mbps"), t, MAX_THROUGHPUT_MBPS);
                if vol.volume_type != VolumeType::Gp3 {
                    self.push(
                        ErrorCode::InvalidValue,
                        p.field("throughput_mbps"),
                        "only gp3 volumes have provisioned throughput",
                    );
                }
            }
        }
        self.count(
            at.field("public_ipv4_addresses"),
            e.public_ipv4_addresses,
            0,
            MAX_IPV4,
        );
        self.gb(at.field("data_transfer_out_gb"), e.data_transfer_out_gb);
    }

    fn lambda(&mut self, at: Path<'_>, l: &LambdaItem) {
        self.big(
            at.field("requests_per_month"),
            l.requests_per_month,
            MAX_REQUESTS,
        );
        self.at_most(
            at.field("avg_duration_ms"),
            l.avg_duration_ms,
            Decimal::from(MAX_LAMBDA_DURATION_MS),
            "ms (a function runs at most 15 minutes)",
        );
        let (lo, hi) = LAMBDA_MEMORY_MB;
        self.count(at.field("memory_mb"), l.memory_mb, lo, hi);
        let (lo, hi) = LAMBDA_EPHEMERAL_MB;
        self.count(
            at.field("ephemeral_storage_mb"),
            l.ephemeral_storage_mb,
            lo,
            hi,
        );
        if let Some(pc) = &l.provisioned_concurrency {
            let p = at.field("provisioned_concurrency");
            self.count(p.field("concurrency"), pc.concurrency, 1, MAX_CONCURRENCY);
            if let Some(h) = pc.hours_per_month {
                self.hours(p.field("hours_per_month"), h);
            }
            self.big(
                p.field("requests_per_month"),
                pc.requests_per_month,
                MAX_REQUESTS,
            );
            self.at_most(
                p.field("avg_duration_ms"),
                pc.avg_duration_ms,
                Decimal::from(MAX_LAMBDA_DURATION_MS),
                "ms (a function runs at most 15 minutes)",
            );
        }
        self.gb(at.field("data_transfer_out_gb"), l.data_transfer_out_gb);
    }

    fn s3(&mut self, at: Path<'_>, s: &S3Item) {
        self.gb(at.field("storage_gb"), Some(s.storage_gb));
        if let Some(n) = s.object_count {
            self.big(at.field("object_count"), n, MAX_REQUESTS);
        }
        if let Some(kb) = s.avg_object_size_kb {
            self.at_most(
                at.field("avg_object_size_kb"),
                kb,
                Decimal::from(MAX_OBJECT_KB),
                "KB (an object is at most 5 TB)",
            );
        }
        self.big(
            at.field("put_requests_per_month"),
            s.put_requests_per_month,
            MAX_REQUESTS,
        );
        self.big(
            at.field("get_requests_per_month"),
            s.get_requests_per_month,
            MAX_REQUESTS,
        );
        self.gb(at.field("retrieval_gb_per_month"), s.retrieval_gb_per_month);
        self.gb(at.field("data_transfer_out_gb"), s.data_transfer_out_gb);
    }

    fn rds(&mut self, at: Path<'_>, r: &RdsItem) {
        self.name_like(at.field("instance_class"), &r.instance_class);
        self.count(at.field("count"), r.count, 1, MAX_COUNT);
        if r.engine.is_commercial() {
            if r.edition.is_none() {
                self.push(
                    ErrorCode::MissingField,
                    at.field("edition"),
                    format!("{} needs an `edition`", r.engine.display()),
                );
            }
            if r.license_model.is_none() {
                self.push(
                    ErrorCode::MissingField,
                    at.field("license_model"),
                    format!(
                        "{} needs a `license_model`: `license_included` or `bring_your_own_license`",
                        r.engine.display()
                    ),
                );
            }
        } else {
            if r.edition.is_some() {
                self.push(
                    ErrorCode::InvalidValue,
                    at.field("edition"),
                    format!("{} has no editions; remove `edition`", r.engine.display()),
                );
            }
            if r.license_model.is_some() {
                self.push(
                    ErrorCode::InvalidValue,
                    at.field("license_model"),
                    format!(
                        "{} has no license models; remove `license_model`",
                        r.engine.display()
                    ),
                );
            }
        }
        let p = at.field("storage");
        if r.storage.size_gb == 0 {
            self.push(
                ErrorCode::InvalidValue,
                p.field("size_gb"),
                "storage is at least 1 GB",
            );
        }
        self.big(p.field("size_gb"), r.storage.size_gb, MAX_VOLUME_GB);
        if let Some(iops) = r.storage.iops {
            self.big(p.field("iops"), iops, MAX_IOPS);
            if !matches!(
                r.storage.storage_type,
                RdsStorageType::Gp3 | RdsStorageType::Io1 | RdsStorageType::Io2
            ) {
                self.push(
                    ErrorCode::InvalidValue,
                    p.field("iops"),
                    "only gp3, io1 and io2 storage has provisioned IOPS",
                );
            }
        } else if matches!(
            r.storage.storage_type,
            RdsStorageType::Io1 | RdsStorageType::Io2
        ) {
            self.push(
                ErrorCode::MissingField,
                p.field("iops"),
                format!(
                    "{} storage needs provisioned `iops`",
                    r.storage.storage_type.as_str()
                ),
            );
        }
        if let Some(t) = r.storage.throughput_mbps {
            self.big(p.field("throughput_mbps"), t, MAX_THROUGHPUT_MBPS);
            if r.storage.storage_type != RdsStorageType::Gp3 {
                self.push(
                    ErrorCode::InvalidValue,
                    p.field("throughput_mbps"),
                    "only gp3 storage has provisioned throughput",
                );
            }
        }
        self.gb(at.field("backup_storage_gb"), r.backup_storage_gb);
        self.usage(at, &r.usage);
    }

    fn aurora(&mut self, at: Path<'_>, a: &AuroraItem) {
        if a.instances.is_empty() && a.serverless_v2.is_none() {
            self.push(
                ErrorCode::MissingField,
                at.field("instances"),
                "an Aurora cluster needs `instances`, `serverless_v2`, or both",
            );
        }
        if a.instances.len() > MAX_AURORA_GROUPS {
            self.push(
                ErrorCode::LimitExceeded,
                at.field("instances"),
                format!(
                    "{} instance groups; at most {MAX_AURORA_GROUPS}",
                    a.instances.len()
                ),
            );
        }
        let instances = at.field("instances");
        for (j, g) in a.instances.iter().enumerate() {
            let p = instances.index(j);
            self.name_like(p.field("instance_class"), &g.instance_class);
            self.count(p.field("count"), g.count, 1, MAX_COUNT);
        }
        if let Some(s) = &a.serverless_v2 {
            let p = at.field("serverless_v2");
            self.at_most(
                p.field("average_acus"),
                s.average_acus,
                Decimal::from(MAX_ACUS),
                "ACUs",
            );
            if let Some(h) = s.hours_per_month {
                self.hours(p.field("hours_per_month"), h);
            }
        }
        self.gb(at.field("storage_gb"), Some(a.storage_gb));
        self.big(
            at.field("io_requests_per_month"),
            a.io_requests_per_month,
            MAX_REQUESTS,
        );
        self.gb(at.field("backup_storage_gb"), a.backup_storage_gb);
        if let Some(b) = &a.backtrack {
            let p = at.field("backtrack");
            if a.engine != AuroraEngine::AuroraMysql {
                self.push(
                    ErrorCode::InvalidValue,
                    p,
                    "backtrack is an Aurora MySQL feature",
                );
            }
            self.at_most(
                p.field("change_records_per_hour"),
                b.change_records_per_hour,
                Decimal::from(MAX_CHANGE_RECORDS_PER_HOUR),
                "change records per hour",
            );
            self.at_most(
                p.field("window_hours"),
                b.window_hours,
                Decimal::from(MAX_BACKTRACK_HOURS),
                "hours (the longest backtrack window is 72 hours)",
            );
        }
        self.usage(at, &a.usage);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str) -> Vec<FieldError> {
        let req = EstimateRequest::from_json(json.as_bytes()).unwrap();
        validate_estimate(&req).err().unwrap_or_default()
    }

    #[test]
    fn duplicate_ids_are_named() {
        let errs = check(
            r#"{"region":"us-east-1","items":[{"id":"a","service":"lambda"},{"id":"a","service":"lambda"}]}"#,
        );
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].field, "items[1].id");
        assert_eq!(errs[0].code, ErrorCode::DuplicateId);
    }

    #[test]
    fn every_repeat_of_an_id_is_named_in_item_order_among_other_errors() {
        // Items 2, 3 and 11 repeat earlier ids; item 3 also has a bad memory size, reported
        // after its duplicate id as the checks run item by item.
        let mut items: Vec<String> = ["b", "a", "b", "a"]
            .iter()
            .map(|id| format!(r#"{{"id":"{id}","service":"lambda"}}"#))
            .collect();
        items[3] = r#"{"id":"a","service":"lambda","memory_mb":64}"#.to_owned();
        items.extend((4..11).map(|i| format!(r#"{{"id":"x{i}","service":"lambda"}}"#)));
        items.push(r#"{"id":"x10","service":"lambda"}"#.to_owned());
        let errs = check(&format!(
            r#"{{"region":"us-east-1","items":[{}]}}"#,
            items.join(",")
        ));
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "items[2].id",
                "items[3].id",
                "items[3].memory_mb",
                "items[11].id"
            ]
        );
    }

    #[test]
    fn out_of_range_values_are_named_with_the_range() {
        let errs = check(
            r#"{"region":"us-east-1","items":[{"id":"a","service":"lambda","memory_mb":64}]}"#,
        );
        assert_eq!(errs[0].field, "items[0].memory_mb");
        assert!(
            errs[0].message.contains("128 to 10240"),
            "{}",
            errs[0].message
        );
        let errs = check(r#"{"region":"us-east-1","hours_per_month":800,"items":[]}"#);
        assert_eq!(errs[0].field, "hours_per_month");
    }

    #[test]
    fn the_item_limit_holds() {
        let items: Vec<String> = (0..1001)
            .map(|i| format!(r#"{{"id":"i{i}","service":"lambda"}}"#))
            .collect();
        let json = format!(r#"{{"region":"us-east-1","items":[{}]}}"#, items.join(","));
        let errs = check(&json);
        assert_eq!(errs[0].code, ErrorCode::LimitExceeded);
        assert_eq!(errs[0].field, "items");
    }

    #[test]
    fn a_cluster_without_capacity_is_rejected() {
        let errs = check(
            r#"{"region":"us-east-1","items":[{"id":"a","service":"aurora","engine":"aurora_mysql"}]}"#,
        );
        assert_eq!(errs[0].field, "items[0].instances");
    }

    #[test]
    fn commercial_engines_need_edition_and_license() {
        let errs = check(
            r#"{"region":"us-east-1","items":[{"id":"a","service":"rds","engine":"oracle","instance_class":"db.m5.large","storage":{"type":"gp3","size_gb":100}}]}"#,
        );
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["items[0].edition", "items[0].license_model"]);
    }

    #[test]
    fn nested_paths_are_written_in_full() {
        let errs = check(
            r#"{"region":"us-east-1","items":[
                {"id":"a","service":"ec2","instance_type":"m5.large","usage":{"hours_per_month":800},
                 "ebs":[{"volume_type":"gp3","size_gb":1},{"volume_type":"st1","size_gb":0,"iops":10}]},
                {"id":"b","service":"lambda","provisioned_concurrency":{"concurrency":0}},
                {"id":"c","service":"rds","engine":"mysql","instance_class":"db.m5.large","storage":{"type":"io1","size_gb":100}},
                {"id":"d","service":"aurora","engine":"aurora_postgresql","instances":[{"instance_class":"db.r6g.large"},{"instance_class":" "}],
                 "serverless_v2":{"average_acus":300},"backtrack":{"change_records_per_hour":1,"window_hours":1}}]}"#,
        );
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "items[0].usage.hours_per_month",
                "items[0].ebs[1].size_gb",
                "items[0].ebs[1].iops",
                "items[1].provisioned_concurrency.concurrency",
                "items[2].storage.iops",
                "items[3].instances[1].instance_class",
                "items[3].serverless_v2.average_acus",
                "items[3].backtrack",
            ]
        );
        let req = EstimateRequest::from_json(
            br#"{"region":"us-east-1","items":[{"id":"a","service":"ec2","instance_type":"m5.large","ebs":[{"volume_type":"gp3","size_gb":0}]}]}"#,
        )
        .unwrap();
        let errs = validate_item("item", &req.items[0]).unwrap_err();
        assert_eq!(errs[0].field, "item.ebs[0].size_gb");
    }

    #[test]
    fn repeated_ids_are_found_the_same_pairwise_and_sorted() {
        let ids = ["b", "a", "b", "c", "a", "d", "a", "e", "f", "g"];
        for n in [0, 1, 3, PAIRWISE_IDS, PAIRWISE_IDS + 1, 40] {
            let items: Vec<Item> = (0..n)
                .map(|i| Item {
                    id: ids[i % ids.len()].repeat(i / ids.len() % 2 + 1),
                    label: None,
                    region: None,
                    spec: ItemSpec::Lambda(
                        serde_json::from_str(r#"{}"#).expect("an empty lambda item decodes"),
                    ),
                })
                .collect();
            let expected: Vec<bool> = (0..n)
                .map(|i| (0..i).any(|j| items[j].id == items[i].id))
                .collect();
            assert_eq!(repeated_ids(&items), expected, "{n} items");
        }
    }
}
