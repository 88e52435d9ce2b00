//! The importer for AWS Price List bulk offer files (the official CSV format).
//!
//! An offer file starts with five preamble lines (`FormatVersion`, `Disclaimer`,
//! `Publication Date`, `Version`, `OfferCode`), then the header, then one row per price
//! dimension. Two offers are understood:
//!
//! * **AmazonEC2**: shared-tenancy, no pre-installed software, `CapacityStatus` `Used` instance
//!   prices for Linux, Windows (license included), RHEL and SUSE. `OnDemand` rows (`Unit` `Hrs`)
//!   become `ec2_on_demand` rows. A Reserved offer is two rows with the same `SKU` and
//!   `OfferTermCode` (the hourly rate, `Unit` `Hrs`, and the `Upfront Fee`, `Unit` `Quantity`) and
//!   becomes one `ec2_reserved` row. Instance types the catalogue lacks are added from the
//!   product columns (`vCPU`, `Memory` "8 GiB", `Physical Processor`, `Current Generation`).
//! * **Compute Savings Plans** (`AWSComputeSavingsPlan`; the files say `AmazonComputeSavingsPlan`
//!   too): `DiscountedRate` per hour for shared-tenancy `BoxUsage` of the four operating systems
//!   (`RunInstances` Linux, `:0002` Windows, `:0010` RHEL, `:000g` SUSE), for
//!   `ComputeSavingsPlans` and `EC2InstanceSavingsPlans`, become `ec2_savings_plans` rows. A rate is
//!   kept only where the book has the matching On-Demand price, which is what a rate is compared
//!   with (import the EC2 file first; [`import_files`] orders them so).
//!
//! Imported rows replace rows with the same key; every other row is kept. Each table touched gets
//! one `sources.csv` row, `import_<offercode>_<publication date>_<table>`, dated with the
//! publication date and naming the file as its origin. Nothing is changed when a file is refused.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::Hash;
use std::path::{Path, PathBuf};

use model::response::Unit;
use model::{OfferingClass, OperatingSystem, Payment, SavingsPlanType, Term};
use rust_decimal::Decimal;

use crate::book::{LoadError, PriceBook};
use crate::load;
use crate::rows::*;

/// Where an imported file came from: its name, written to `sources.csv` as the origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSource {
    pub origin: String,
}

impl ImportSource {
    /// The file name (or URL) the bytes were read from.
    pub fn file(origin: impl Into<String>) -> Self {
        ImportSource {
            origin: origin.into(),
        }
    }
}

/// Rows an import added or replaced in one table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowCounts {
    pub added: usize,
    pub replaced: usize,
}

impl RowCounts {
    fn merge(&mut self, other: RowCounts) {
        self.added += other.added;
        self.replaced += other.replaced;
    }
}

/// What one or more imports did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// The `sources.csv` ids written, one per table touched per file.
    pub sources: Vec<String>,
    pub on_demand: RowCounts,
    pub reserved: RowCounts,
    pub savings_plans: RowCounts,
    pub instance_types_added: usize,
    pub regions_added: usize,
    /// Rows left out, counted by reason (other tenancies, operating systems, products...).
    pub skipped: BTreeMap<String, usize>,
}

impl ImportSummary {
    fn merge(&mut self, other: ImportSummary) {
        self.sources.extend(other.sources);
        self.on_demand.merge(other.on_demand);
        self.reserved.merge(other.reserved);
        self.savings_plans.merge(other.savings_plans);
        self.instance_types_added += other.instance_types_added;
        self.regions_added += other.regions_added;
        for (reason, n) in other.skipped {
            *self.skipped.entry(reason).or_default() += n;
        }
    }

    fn skip(&mut self, reason: &str) {
        *self.skipped.entry(reason.to_owned()).or_default() += 1;
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counts = [
            ("ec2_on_demand", self.on_demand),
            ("ec2_reserved", self.reserved),
            ("ec2_savings_plans", self.savings_plans),
        ];
        for (table, c) in counts {
            writeln!(f, "{table}: {} added, {} replaced", c.added, c.replaced)?;
        }
        writeln!(f, "ec2_instance_types: {} added", self.instance_types_added)?;
        writeln!(f, "regions: {} added", self.regions_added)?;
        for (reason, n) in &self.skipped {
            writeln!(f, "skipped {n} rows: {reason}")?;
        }
        write!(f, "sources: {}", self.sources.join(", "))
    }
}

/// Why an import was refused. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is not a Price List offer file this importer understands, or a row is malformed.
    #[error("{file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Format {
        file: String,
        line: Option<u64>,
        message: String,
    },
    #[error("{file}: cannot read or write it: {error}")]
    Io { file: String, error: std::io::Error },
    /// The directory's tables do not load, or would not validate after the import.
    #[error("the price tables are not valid:\n{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Tables(Vec<LoadError>),
}

/// Imports Price List files into the tables in `dir` and writes them back, only if the result
/// validates. EC2 offer files are imported before Savings Plans files (rates are kept only for
/// prices that have an On-Demand counterpart).
pub fn import_files(dir: &Path, files: &[PathBuf]) -> Result<ImportSummary, ImportError> {
    let mut tables = load::read_dir(dir).map_err(ImportError::Tables)?;
    let io = |file: &Path| {
        let file = file.display().to_string();
        move |error| ImportError::Io { file, error }
    };
    let mut inputs = Vec::with_capacity(files.len());
    for path in files {
        // The preamble is in the first few hundred bytes; the rest is streamed below.
        let mut head = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::fs::File::open(path).map_err(io(path))?, 16 * 1024),
            &mut head,
        )
        .map_err(io(path))?;
        let name = path.display().to_string();
        inputs.push((Preamble::read(&head, &name)?.kind(&name)?, path));
    }
    inputs.sort_by_key(|(kind, _)| *kind);
    let mut summary = ImportSummary::default();
    for (_, path) in inputs {
        let origin = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let reader = std::io::BufReader::new(std::fs::File::open(path).map_err(io(path))?);
        summary.merge(import_price_list_from(
            reader,
            &mut tables,
            ImportSource::file(origin),
        )?);
    }
    PriceBook::from_tables(tables.clone()).map_err(ImportError::Tables)?;
    load::write_tables(&tables, dir).map_err(io(dir))?;
    Ok(summary)
}

/// Imports one Price List offer file into `tables`. On error `tables` is unchanged.
pub fn import_price_list(
    csv_bytes: &[u8],
    tables: &mut Tables,
    source: ImportSource,
) -> Result<ImportSummary, ImportError> {
    import_price_list_from(csv_bytes, tables, source)
}

/// [`import_price_list`] streaming from a reader: the global AmazonEC2 offer file is several
/// gigabytes, and only the rows kept are held in memory.
pub fn import_price_list_from(
    reader: impl std::io::Read,
    tables: &mut Tables,
    source: ImportSource,
) -> Result<ImportSummary, ImportError> {
    let file = source.origin.as_str();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut records = reader.records();
    let preamble = Preamble::from_records(&mut records, file)?;
    let header = match records.next() {
        Some(Ok(h)) => h,
        _ => {
            return Err(format_error(
                file,
                Some(6),
                "no header line after the preamble",
            ));
        }
    };
    let columns = Columns::new(&header, file);
    let mut summary = ImportSummary::default();
    let mut staged = Staged::default();
    match preamble.kind(file)? {
        OfferKind::Ec2 => ec2_rows(&mut records, &columns, tables, &mut staged, &mut summary)?,
        OfferKind::SavingsPlans => {
            sp_rows(&mut records, &columns, tables, &mut staged, &mut summary)?
        }
    }
    staged.apply(tables, &preamble, &source, &mut summary);
    Ok(summary)
}

const PREAMBLE: [&str; 5] = [
    "FormatVersion",
    "Disclaimer",
    "Publication Date",
    "Version",
    "OfferCode",
];

/// The offers this importer understands, in the order [`import_files`] imports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum OfferKind {
    Ec2,
    SavingsPlans,
}

#[derive(Debug)]
struct Preamble {
    offer_code: String,
    version: String,
    /// `YYYY-MM-DD`.
    date: String,
}

impl Preamble {
    /// The preamble of a file whose first bytes are `bytes` (a prefix is enough).
    fn read(bytes: &[u8], file: &str) -> Result<Preamble, ImportError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        Preamble::from_records(&mut reader.records(), file)
    }

    fn from_records<R: std::io::Read>(
        records: &mut csv::StringRecordsIter<'_, R>,
        file: &str,
    ) -> Result<Preamble, ImportError> {
        let mut values = Vec::with_capacity(PREAMBLE.len());
        for (n, (key, record)) in PREAMBLE.iter().zip(records.by_ref()).enumerate() {
            let line = Some(n as u64 + 1);
            let record = record.map_err(|e| format_error(file, line, &e.to_string()))?;
            if record.get(0) != Some(*key) {
                return Err(format_error(
                    file,
                    line,
                    &format!(
                        "expected the Price List preamble line `{key}`, found `{}`",
                        record.get(0).unwrap_or_default()
                    ),
                ));
            }
            values.push(record.get(1).unwrap_or_default().to_owned());
        }
        if values.len() < PREAMBLE.len() {
            return Err(format_error(
                file,
                None,
                "the file ends inside the Price List preamble",
            ));
        }
        let published = &values[2];
        let date = published.get(..10).unwrap_or_default();
        if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err() {
            return Err(format_error(
                file,
                Some(3),
                &format!("`{published}` is not a publication date (YYYY-MM-DDThh:mm:ssZ)"),
            ));
        }
        Ok(Preamble {
            offer_code: values[4].clone(),
            version: values[3].clone(),
            date: date.to_owned(),
        })
    }

    fn kind(&self, file: &str) -> Result<OfferKind, ImportError> {
        match self.offer_code.as_str() {
            "AmazonEC2" => Ok(OfferKind::Ec2),
            "AWSComputeSavingsPlan" | "AmazonComputeSavingsPlan" => Ok(OfferKind::SavingsPlans),
            other => Err(format_error(
                file,
                Some(5),
                &format!(
                    "offer `{other}` is not supported (AmazonEC2 and AWSComputeSavingsPlan are)"
                ),
            )),
        }
    }
}

fn format_error(file: &str, line: Option<u64>, message: &str) -> ImportError {
    ImportError::Format {
        file: file.to_owned(),
        line,
        message: message.to_owned(),
    }
}

/// Column positions by header name.
struct Columns<'a> {
    index: HashMap<String, usize>,
    file: &'a str,
}

impl<'a> Columns<'a> {
    fn new(header: &csv::StringRecord, file: &'a str) -> Self {
        let index = header
            .iter()
            .enumerate()
            .map(|(i, name)| (name.to_owned(), i))
            .collect();
        Columns { index, file }
    }

    fn require(&self, name: &str) -> Result<usize, ImportError> {
        self.index.get(name).copied().ok_or_else(|| {
            format_error(
                self.file,
                Some(6),
                &format!("the header has no `{name}` column"),
            )
        })
    }

    fn optional(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }
}

fn field(record: &csv::StringRecord, column: usize) -> &str {
    record.get(column).unwrap_or_default().trim()
}

fn line_of(record: &csv::StringRecord) -> Option<u64> {
    record.position().map(csv::Position::line)
}

fn price(
    record: &csv::StringRecord,
    column: usize,
    file: &str,
    name: &str,
) -> Result<Decimal, ImportError> {
    let text = field(record, column);
    match Decimal::from_str_exact(text) {
        Ok(d) if !d.is_sign_negative() || d.is_zero() => Ok(d.normalize()),
        _ => Err(format_error(
            file,
            line_of(record),
            &format!("`{name}` `{text}` is not a non-negative decimal number"),
        )),
    }
}

/// Rows read from one file, merged into the tables only when the whole file was read.
#[derive(Default)]
struct Staged {
    regions: Vec<RegionRow>,
    instance_types: Vec<Ec2InstanceTypeRow>,
    on_demand: Vec<Ec2OnDemandRow>,
    reserved: Vec<Ec2ReservedRow>,
    savings_plans: Vec<Ec2SavingsPlanRow>,
}

impl Staged {
    fn apply(
        self,
        tables: &mut Tables,
        preamble: &Preamble,
        source: &ImportSource,
        summary: &mut ImportSummary,
    ) {
        let offer = preamble.offer_code.to_lowercase();
        let mut source_for = |table: &str, used: bool, tables: &mut Tables| -> String {
            let id = format!("import_{offer}_{}_{table}", preamble.date);
            if used {
                let row = SourceRow {
                    source_id: id.clone(),
                    table: table.to_owned(),
                    price_date: preamble.date.clone(),
                    origin: source.origin.clone(),
                    notes: format!(
                        "Imported by cloudcalc from the AWS Price List bulk offer file (OfferCode {}, Version {}, published {}): shared tenancy, no pre-installed software.",
                        preamble.offer_code, preamble.version, preamble.date
                    ),
                };
                match tables.sources.iter_mut().find(|s| s.source_id == id) {
                    Some(existing) => *existing = row,
                    None => tables.sources.push(row),
                }
                summary.sources.push(id.clone());
            }
            id
        };
        let od_source = source_for("ec2_on_demand", !self.on_demand.is_empty(), tables);
        let ri_source = source_for("ec2_reserved", !self.reserved.is_empty(), tables);
        let sp_source = source_for("ec2_savings_plans", !self.savings_plans.is_empty(), tables);

        summary.regions_added += self.regions.len();
        tables.regions.extend(self.regions);
        summary.instance_types_added += self.instance_types.len();
        tables.ec2_instance_types.extend(self.instance_types);
        let on_demand = self.on_demand.into_iter().map(|r| Ec2OnDemandRow {
            source_id: od_source.clone(),
            ..r
        });
        summary.on_demand = upsert(&mut tables.ec2_on_demand, on_demand, |r| {
            (
                r.region_code.clone(),
                r.instance_type.clone(),
                r.operating_system,
            )
        });
        let reserved = self.reserved.into_iter().map(|r| Ec2ReservedRow {
            source_id: ri_source.clone(),
            ..r
        });
        summary.reserved = upsert(&mut tables.ec2_reserved, reserved, |r| {
            (
                r.region_code.clone(),
                r.instance_type.clone(),
                r.operating_system,
                r.offering_class,
                r.term,
                r.payment,
            )
        });
        let plans = self.savings_plans.into_iter().map(|r| Ec2SavingsPlanRow {
            source_id: sp_source.clone(),
            ..r
        });
        summary.savings_plans = upsert(&mut tables.ec2_savings_plans, plans, |r| {
            (
                r.region_code.clone(),
                r.instance_type.clone(),
                r.operating_system,
                r.plan,
                r.term,
                r.payment,
            )
        });
    }
}

/// Replaces rows with the same key in place and appends the others, so untouched rows keep
/// their lines.
fn upsert<R, K: Eq + Hash>(
    rows: &mut Vec<R>,
    new: impl Iterator<Item = R>,
    key: impl Fn(&R) -> K,
) -> RowCounts {
    let mut at: HashMap<K, usize> = rows.iter().enumerate().map(|(i, r)| (key(r), i)).collect();
    let mut counts = RowCounts::default();
    for row in new {
        let k = key(&row);
        match at.get(&k) {
            Some(&i) => {
                rows[i] = row;
                counts.replaced += 1;
            }
            None => {
                at.insert(k, rows.len());
                rows.push(row);
                counts.added += 1;
            }
        }
    }
    counts
}

/// Finds the region of a row: its region code if the book knows it (or it is a new AWS Region,
/// which is added with its location name), else the region whose name is the location.
struct RegionResolver {
    by_code: HashMap<String, ()>,
    by_name: HashMap<String, String>,
}

impl RegionResolver {
    fn new(tables: &Tables) -> Self {
        RegionResolver {
            by_code: tables
                .regions
                .iter()
                .map(|r| (r.region_code.clone(), ()))
                .collect(),
            by_name: tables
                .regions
                .iter()
                .map(|r| (r.name.clone(), r.region_code.clone()))
                .collect(),
        }
    }

    fn resolve(
        &mut self,
        code: &str,
        location: &str,
        location_type: &str,
        staged: &mut Staged,
    ) -> Option<String> {
        if !code.is_empty() && self.by_code.contains_key(code) {
            return Some(code.to_owned());
        }
        if let Some(code) = self.by_name.get(location) {
            return Some(code.clone());
        }
        // Local Zones and Wavelength Zones carry a code too; only whole Regions are added.
        if !code.is_empty() && !location.is_empty() && location_type == "AWS Region" {
            self.by_code.insert(code.to_owned(), ());
            self.by_name.insert(location.to_owned(), code.to_owned());
            staged.regions.push(RegionRow {
                region_code: code.to_owned(),
                name: location.to_owned(),
            });
            return Some(code.to_owned());
        }
        None
    }
}

fn operating_system(name: &str) -> Option<OperatingSystem> {
    match name {
        "Linux" => Some(OperatingSystem::Linux),
        "Windows" => Some(OperatingSystem::Windows),
        "RHEL" => Some(OperatingSystem::Rhel),
        "SUSE" => Some(OperatingSystem::Suse),
        _ => None,
    }
}

/// The `RunInstances` operation of each operating system's base price (no SQL Server etc.).
fn os_of_operation(operation: &str) -> Option<OperatingSystem> {
    match operation {
        "RunInstances" => Some(OperatingSystem::Linux),
        "RunInstances:0002" => Some(OperatingSystem::Windows),
        "RunInstances:0010" => Some(OperatingSystem::Rhel),
        "RunInstances:000g" => Some(OperatingSystem::Suse),
        _ => None,
    }
}

fn term(text: &str, unit: &str) -> Option<Term> {
    match (text, unit) {
        ("1yr", _) | ("1", "year" | "") => Some(Term::OneYear),
        ("3yr", _) | ("3", "year" | "") => Some(Term::ThreeYears),
        _ => None,
    }
}

fn payment(text: &str) -> Option<Payment> {
    match text {
        "No Upfront" => Some(Payment::NoUpfront),
        "Partial Upfront" => Some(Payment::PartialUpfront),
        "All Upfront" => Some(Payment::AllUpfront),
        _ => None,
    }
}

fn offering_class(text: &str) -> Option<OfferingClass> {
    match text {
        "standard" => Some(OfferingClass::Standard),
        "convertible" => Some(OfferingClass::Convertible),
        _ => None,
    }
}

const SKIP_PRODUCT: &str = "not an EC2 instance price (other product family or price unit)";
const SKIP_FILTER: &str = "not shared tenancy, Used capacity, no pre-installed software, Linux/Windows/RHEL/SUSE with a license included";
const SKIP_REGION: &str = "location is not an AWS Region in regions.csv (Local or Wavelength Zone)";
const SKIP_SP_USAGE: &str =
    "not a shared-tenancy (BoxUsage) Linux/Windows/RHEL/SUSE Savings Plans rate";
const SKIP_SP_TYPE: &str =
    "instance type not in ec2_instance_types.csv (import its EC2 offer file first)";
const SKIP_SP_ON_DEMAND: &str =
    "no On-Demand price for the same region, type and OS (import its EC2 offer file first)";

/// The columns of an AmazonEC2 offer file this importer reads.
struct Ec2Columns {
    sku: usize,
    offer_term: usize,
    term_type: usize,
    unit: usize,
    price: usize,
    lease: usize,
    purchase: usize,
    class: usize,
    family: usize,
    location: usize,
    location_type: Option<usize>,
    region_code: Option<usize>,
    instance_type: usize,
    tenancy: usize,
    os: usize,
    license: usize,
    software: usize,
    capacity: usize,
    usage_type: usize,
    operation: usize,
    vcpu: usize,
    memory: usize,
    processor: Option<usize>,
    current_generation: Option<usize>,
}

impl Ec2Columns {
    fn new(c: &Columns<'_>) -> Result<Self, ImportError> {
        Ok(Ec2Columns {
            sku: c.require("SKU")?,
            offer_term: c.require("OfferTermCode")?,
            term_type: c.require("TermType")?,
            unit: c.require("Unit")?,
            price: c.require("PricePerUnit")?,
            lease: c.require("LeaseContractLength")?,
            purchase: c.require("PurchaseOption")?,
            class: c.require("OfferingClass")?,
            family: c.require("Product Family")?,
            location: c.require("Location")?,
            location_type: c.optional("Location Type"),
            region_code: c.optional("Region Code"),
            instance_type: c.require("Instance Type")?,
            tenancy: c.require("Tenancy")?,
            os: c.require("Operating System")?,
            license: c.require("License Model")?,
            software: c.require("Pre Installed S/W")?,
            capacity: c.require("CapacityStatus")?,
            usage_type: c.require("usageType")?,
            operation: c.require("operation")?,
            vcpu: c.require("vCPU")?,
            memory: c.require("Memory")?,
            processor: c.optional("Physical Processor"),
            current_generation: c.optional("Current Generation"),
        })
    }
}

type ReservedKey = (
    String,
    String,
    OperatingSystem,
    OfferingClass,
    Term,
    Payment,
);
type PlanKey = (
    String,
    String,
    OperatingSystem,
    SavingsPlanType,
    Term,
    Payment,
);

/// One Reserved offer being assembled from its two rows.
struct Offer {
    line: Option<u64>,
    region: String,
    instance_type: String,
    os: OperatingSystem,
    class: OfferingClass,
    term: Term,
    payment: Payment,
    hourly: Option<Decimal>,
    upfront: Option<Decimal>,
}

fn ec2_rows<R: std::io::Read>(
    records: &mut csv::StringRecordsIter<'_, R>,
    columns: &Columns<'_>,
    tables: &Tables,
    staged: &mut Staged,
    summary: &mut ImportSummary,
) -> Result<(), ImportError> {
    let file = columns.file;
    let c = Ec2Columns::new(columns)?;
    let mut regions = RegionResolver::new(tables);
    let mut known_types: HashMap<String, ()> = tables
        .ec2_instance_types
        .iter()
        .map(|t| (t.instance_type.clone(), ()))
        .collect();
    let mut offers: BTreeMap<(String, String), Offer> = BTreeMap::new();
    let mut on_demand_lines: HashMap<(String, String, OperatingSystem), (Option<u64>, Decimal)> =
        HashMap::new();
    for record in records {
        let record = record.map_err(|e| {
            format_error(file, e.position().map(csv::Position::line), &e.to_string())
        })?;
        let get = |i: usize| field(&record, i);
        let line = line_of(&record);
        let term_type = get(c.term_type);
        let unit = get(c.unit);
        let product_ok = get(c.family).starts_with("Compute Instance")
            && matches!(
                (term_type, unit),
                ("OnDemand", "Hrs") | ("Reserved", "Hrs" | "Quantity")
            );
        if !product_ok {
            summary.skip(SKIP_PRODUCT);
            continue;
        }
        let os = operating_system(get(c.os));
        let license_ok = match os {
            Some(OperatingSystem::Windows) => {
                matches!(get(c.license), "No License required" | "License Included")
            }
            Some(_) => get(c.license) == "No License required",
            None => false,
        };
        let usage = get(c.usage_type);
        let shared = get(c.tenancy) == "Shared"
            && get(c.software) == "NA"
            && get(c.capacity) == "Used"
            && (usage.starts_with("BoxUsage:") || usage.contains("-BoxUsage:"))
            && os.is_some()
            && os == os_of_operation(get(c.operation));
        let Some(os) = os.filter(|_| shared && license_ok) else {
            summary.skip(SKIP_FILTER);
            continue;
        };
        let code = c.region_code.map(get).unwrap_or_default();
        let location_type = c.location_type.map(get).unwrap_or("AWS Region");
        let Some(region) = regions.resolve(code, get(c.location), location_type, staged) else {
            summary.skip(SKIP_REGION);
            continue;
        };
        let instance_type = get(c.instance_type).to_owned();
        if !known_types.contains_key(&instance_type) {
            staged
                .instance_types
                .push(instance_type_row(&record, &c, &instance_type, file)?);
            known_types.insert(instance_type.clone(), ());
        }
        let amount = price(&record, c.price, file, "PricePerUnit")?;
        if term_type == "OnDemand" {
            let key = (region.clone(), instance_type.clone(), os);
            if let Some((first, earlier)) = on_demand_lines.insert(key, (line, amount)) {
                if earlier != amount {
                    return Err(format_error(
                        file,
                        line,
                        &format!(
                            "a second On-Demand price ({amount}) for {region} {instance_type} {} differs from line {} ({earlier})",
                            os.as_str(),
                            first.unwrap_or_default()
                        ),
                    ));
                }
                continue;
            }
            staged.on_demand.push(Ec2OnDemandRow {
                region_code: region,
                instance_type,
                operating_system: os,
                unit: Unit::Hours,
                price_usd: amount,
                source_id: String::new(),
            });
            continue;
        }
        let bad = |what: &str, value: &str| {
            format_error(file, line, &format!("unknown {what} `{value}`"))
        };
        let term =
            term(get(c.lease), "").ok_or_else(|| bad("LeaseContractLength", get(c.lease)))?;
        let payment =
            payment(get(c.purchase)).ok_or_else(|| bad("PurchaseOption", get(c.purchase)))?;
        let class =
            offering_class(get(c.class)).ok_or_else(|| bad("OfferingClass", get(c.class)))?;
        let offer = offers
            .entry((get(c.sku).to_owned(), get(c.offer_term).to_owned()))
            .or_insert_with(|| Offer {
                line,
                region,
                instance_type,
                os,
                class,
                term,
                payment,
                hourly: None,
                upfront: None,
            });
        let slot = if unit == "Hrs" {
            &mut offer.hourly
        } else {
            &mut offer.upfront
        };
        if slot.replace(amount).is_some() {
            return Err(format_error(
                file,
                line,
                &format!(
                    "offer {}.{} has two `{unit}` rows",
                    get(c.sku),
                    get(c.offer_term)
                ),
            ));
        }
    }
    let mut seen: HashMap<ReservedKey, Option<u64>> = HashMap::new();
    // Offers are read in SKU order so the rows come out the same on every run.
    for offer in offers.into_values() {
        let key = (
            offer.region.clone(),
            offer.instance_type.clone(),
            offer.os,
            offer.class,
            offer.term,
            offer.payment,
        );
        if let Some(first) = seen.insert(key, offer.line) {
            return Err(format_error(
                file,
                offer.line,
                &format!(
                    "a second Reserved offer for {} {} {} {} {} {} (first on line {})",
                    offer.region,
                    offer.instance_type,
                    offer.os.as_str(),
                    offer.class.as_str(),
                    offer.term.as_str(),
                    offer.payment.as_str(),
                    first.unwrap_or_default()
                ),
            ));
        }
        // No Upfront offers have no fee row; an All Upfront offer's hourly row says 0.
        let upfront = match (offer.payment, offer.upfront) {
            (_, Some(fee)) => fee,
            (Payment::NoUpfront, None) => Decimal::ZERO,
            (_, None) => {
                return Err(format_error(
                    file,
                    offer.line,
                    "a Partial or All Upfront offer without its `Upfront Fee` row",
                ));
            }
        };
        let hourly = match (offer.payment, offer.hourly) {
            (_, Some(rate)) => rate,
            (Payment::AllUpfront, None) => Decimal::ZERO,
            (_, None) => {
                return Err(format_error(
                    file,
                    offer.line,
                    "a Reserved offer without its hourly (`Hrs`) row",
                ));
            }
        };
        staged.reserved.push(Ec2ReservedRow {
            region_code: offer.region,
            instance_type: offer.instance_type,
            operating_system: offer.os,
            offering_class: offer.class,
            term: offer.term,
            payment: offer.payment,
            upfront_usd: upfront,
            hourly_usd: hourly,
            unit: Unit::Hours,
            reconstructed: false,
            source_id: String::new(),
        });
    }
    Ok(())
}

/// A catalogue row for a type first seen in an offer file.
fn instance_type_row(
    record: &csv::StringRecord,
    c: &Ec2Columns,
    instance_type: &str,
    file: &str,
) -> Result<Ec2InstanceTypeRow, ImportError> {
    let line = line_of(record);
    let vcpu_text = field(record, c.vcpu);
    let vcpu = vcpu_text.parse::<u32>().map_err(|_| {
        format_error(
            file,
            line,
            &format!("vCPU `{vcpu_text}` is not a whole number"),
        )
    })?;
    let memory_text = field(record, c.memory);
    let memory = memory_text
        .strip_suffix(" GiB")
        .map(|m| m.replace(',', ""))
        .and_then(|m| Decimal::from_str_exact(&m).ok())
        .ok_or_else(|| {
            format_error(
                file,
                line,
                &format!("Memory `{memory_text}` is not like `8 GiB`"),
            )
        })?;
    let processor = c.processor.map(|i| field(record, i)).unwrap_or_default();
    let arm = processor.contains("Graviton") || processor.contains("Apple");
    let mac = instance_type.starts_with("mac");
    let architecture = match (arm, mac) {
        (false, false) => "x86_64",
        (true, false) => "arm64",
        (false, true) => "x86_64_mac",
        (true, true) => "arm64_mac",
    };
    Ok(Ec2InstanceTypeRow {
        instance_type: instance_type.to_owned(),
        // The catalogue's family is the type's prefix (`m5` of `m5.large`), as in the bundled data.
        family: instance_type
            .split('.')
            .next()
            .unwrap_or(instance_type)
            .to_owned(),
        vcpu,
        memory_gib: memory.normalize(),
        architecture: architecture.to_owned(),
        current_generation: c
            .current_generation
            .is_none_or(|i| field(record, i) == "Yes"),
    })
}

fn sp_rows<R: std::io::Read>(
    records: &mut csv::StringRecordsIter<'_, R>,
    columns: &Columns<'_>,
    tables: &Tables,
    staged: &mut Staged,
    summary: &mut ImportSummary,
) -> Result<(), ImportError> {
    let file = columns.file;
    let unit_col = columns.require("Unit")?;
    let rate_col = columns.require("DiscountedRate")?;
    let usage_col = columns.require("DiscountedUsageType")?;
    let operation_col = columns.require("DiscountedOperation")?;
    let purchase_col = columns.require("PurchaseOption")?;
    let lease_col = columns.require("LeaseContractLength")?;
    let lease_unit_col = columns.optional("LeaseContractLengthUnit");
    let family_col = columns.require("Product Family")?;
    let region_col = columns.optional("DiscountedRegionCode");
    let type_col = columns.optional("DiscountedInstanceType");
    let location_col = columns.optional("Location");
    let location_type_col = columns.optional("Location Type");
    let mut regions = RegionResolver::new(tables);
    let known_types: HashMap<&str, ()> = tables
        .ec2_instance_types
        .iter()
        .map(|t| (t.instance_type.as_str(), ()))
        .collect();
    let on_demand: HashMap<(&str, &str, OperatingSystem), ()> = tables
        .ec2_on_demand
        .iter()
        .map(|r| {
            (
                (
                    r.region_code.as_str(),
                    r.instance_type.as_str(),
                    r.operating_system,
                ),
                (),
            )
        })
        .collect();
    let mut seen: HashMap<PlanKey, (Option<u64>, Decimal)> = HashMap::new();
    for record in records {
        let record = record.map_err(|e| {
            format_error(file, e.position().map(csv::Position::line), &e.to_string())
        })?;
        let get = |i: usize| field(&record, i);
        let line = line_of(&record);
        let plan = match get(family_col) {
            "ComputeSavingsPlans" => SavingsPlanType::Compute,
            "EC2InstanceSavingsPlans" => SavingsPlanType::Ec2Instance,
            _ => {
                summary.skip(SKIP_PRODUCT);
                continue;
            }
        };
        let usage = get(usage_col);
        let os = os_of_operation(get(operation_col));
        let box_usage = usage.starts_with("BoxUsage:") || usage.contains("-BoxUsage:");
        let (Some(os), true, "Hrs") = (os, box_usage, get(unit_col)) else {
            summary.skip(SKIP_SP_USAGE);
            continue;
        };
        let instance_type = match type_col.map(get).filter(|t| !t.is_empty()) {
            Some(t) => t,
            None => usage.split_once(':').map_or("", |(_, t)| t),
        };
        if !known_types.contains_key(instance_type) {
            summary.skip(SKIP_SP_TYPE);
            continue;
        }
        let code = region_col.map(get).unwrap_or_default();
        let location = location_col.map(get).unwrap_or_default();
        let location_type = location_type_col.map(get).unwrap_or_default();
        let Some(region) = regions.resolve(code, location, location_type, staged) else {
            summary.skip(SKIP_REGION);
            continue;
        };
        if !on_demand.contains_key(&(region.as_str(), instance_type, os)) {
            summary.skip(SKIP_SP_ON_DEMAND);
            continue;
        }
        let bad = |what: &str, value: &str| {
            format_error(file, line, &format!("unknown {what} `{value}`"))
        };
        let lease_unit = lease_unit_col.map(get).unwrap_or_default();
        let term = term(get(lease_col), lease_unit)
            .ok_or_else(|| bad("LeaseContractLength", get(lease_col)))?;
        let payment =
            payment(get(purchase_col)).ok_or_else(|| bad("PurchaseOption", get(purchase_col)))?;
        let rate = price(&record, rate_col, file, "DiscountedRate")?;
        let key = (
            region.clone(),
            instance_type.to_owned(),
            os,
            plan,
            term,
            payment,
        );
        if let Some((first, earlier)) = seen.insert(key, (line, rate)) {
            if earlier != rate {
                return Err(format_error(
                    file,
                    line,
                    &format!(
                        "a second rate ({rate}) for {region} {instance_type} {} {} {} {} differs from line {} ({earlier})",
                        os.as_str(),
                        plan.as_str(),
                        term.as_str(),
                        payment.as_str(),
                        first.unwrap_or_default()
                    ),
                ));
            }
            continue;
        }
        staged.savings_plans.push(Ec2SavingsPlanRow {
            region_code: region,
            instance_type: instance_type.to_owned(),
            operating_system: os,
            plan,
            term,
            payment,
            unit: Unit::Hours,
            price_usd: rate,
            source_id: String::new(),
        });
    }
    Ok(())
}
