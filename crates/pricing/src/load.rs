//! Reading and writing the price tables: CSV to typed rows with exact headers and positioned
//! errors, the tables bundled into the binary, and loading another directory.
//!
//! Every problem is collected (all files, all rows) before anything is returned, so one run of the
//! server or of a test shows the whole list. Lines are 1-based and the header is line 1, the way
//! an editor shows the file. One record is one line: a quoted line break or a blank line would make
//! the validator's line numbers (row index + 2) lie, so both are refused here.

use std::borrow::Cow;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::book::{LoadError, PriceBook};
use crate::rows::*;

/// Calls `$m!(field, "file.csv", RowType)` once per table, in [`TABLE_FILES`] order.
macro_rules! each_table {
    ($m:ident) => {
        $m!(regions, "regions.csv", RegionRow);
        $m!(sources, "sources.csv", SourceRow);
        $m!(
            ec2_instance_types,
            "ec2_instance_types.csv",
            Ec2InstanceTypeRow
        );
        $m!(ec2_on_demand, "ec2_on_demand.csv", Ec2OnDemandRow);
        $m!(ec2_reserved, "ec2_reserved.csv", Ec2ReservedRow);
        $m!(ec2_spot, "ec2_spot.csv", Ec2SpotRow);
        $m!(
            ec2_savings_plans,
            "ec2_savings_plans.csv",
            Ec2SavingsPlanRow
        );
        $m!(ebs_volumes, "ebs_volumes.csv", EbsVolumeRow);
        $m!(ebs_snapshots, "ebs_snapshots.csv", EbsSnapshotRow);
        $m!(public_ipv4, "public_ipv4.csv", PublicIpv4Row);
        $m!(
            data_transfer_out,
            "data_transfer_out.csv",
            DataTransferOutRow
        );
        $m!(lambda, "lambda.csv", LambdaRow);
        $m!(s3_storage, "s3_storage.csv", S3StorageRow);
        $m!(s3_requests, "s3_requests.csv", S3RequestRow);
        $m!(s3_retrieval, "s3_retrieval.csv", S3RetrievalRow);
        $m!(s3_monitoring, "s3_monitoring.csv", S3MonitoringRow);
        $m!(s3_storage_classes, "s3_storage_classes.csv", S3ClassRuleRow);
        $m!(
            db_instance_classes,
            "db_instance_classes.csv",
            DbInstanceClassRow
        );
        $m!(rds_instances, "rds_instances.csv", RdsInstanceRow);
        $m!(rds_reserved, "rds_reserved.csv", RdsReservedRow);
        $m!(rds_storage, "rds_storage.csv", RdsStorageRow);
        $m!(rds_backup, "rds_backup.csv", RdsBackupRow);
        $m!(aurora_instances, "aurora_instances.csv", AuroraInstanceRow);
        $m!(aurora_reserved, "aurora_reserved.csv", AuroraReservedRow);
        $m!(aurora_cluster, "aurora_cluster.csv", AuroraClusterRow);
        $m!(billing_rules, "billing_rules.csv", BillingRuleRow);
    };
}

/// Reads every table of [`TABLE_FILES`] through `open` (file name in, bytes out; `None` when
/// the file is missing) and returns the rows with a content digest of all the bytes read.
///
/// Errors name file and line: a missing file, a header that differs from the row struct's field
/// names, and every row that does not deserialize (bad decimal, unknown unit or enum value, wrong
/// number of fields). Cross-row rules are [`PriceBook::from_tables`]'s job.
pub fn read_tables(
    mut open: impl FnMut(&str) -> Option<Vec<u8>>,
) -> Result<(Tables, String), Vec<LoadError>> {
    read_all(|file| open(file).map(Cow::Owned))
}

/// A table parsed on its own thread: the rows to move into [`Tables`], the table's errors and
/// the digest of its bytes.
type Parsed = (Box<dyn FnOnce(&mut Tables) + Send>, Vec<LoadError>, u64);

/// [`read_tables`] over borrowed or owned bytes. The tables are parsed in parallel (one scoped
/// thread each, the large EC2 tables dominate); errors come back in [`TABLE_FILES`] order.
fn read_all<'a>(
    mut open: impl FnMut(&str) -> Option<Cow<'a, [u8]>>,
) -> Result<(Tables, String), Vec<LoadError>> {
    let mut tables = Tables::default();
    let mut errors = Vec::new();
    let mut digest = Fnv1a::new();
    let inputs: Vec<Option<Cow<'a, [u8]>>> = TABLE_FILES.iter().map(|file| open(file)).collect();
    std::thread::scope(|scope| {
        let mut inputs = inputs.iter();
        let mut handles: Vec<(&str, Option<std::thread::ScopedJoinHandle<'_, Parsed>>)> =
            Vec::new();
        macro_rules! spawn {
            ($field:ident, $file:literal, $row:ty) => {
                let handle = inputs.next().and_then(Option::as_ref).map(|bytes| {
                    scope.spawn(move || {
                        // Each file is hashed on its own thread too; the book's digest combines
                        // the file digests in TABLE_FILES order.
                        let mut file_digest = Fnv1a::new();
                        file_digest.add(bytes);
                        let mut errors = Vec::new();
                        let rows = read_table::<$row>($file, bytes, &mut errors);
                        let fill: Box<dyn FnOnce(&mut Tables) + Send> =
                            Box::new(move |t: &mut Tables| t.$field = rows);
                        (fill, errors, file_digest.0)
                    })
                });
                handles.push(($file, handle));
            };
        }
        each_table!(spawn);
        for (file, handle) in handles {
            match handle.map(|h| h.join()) {
                Some(Ok((fill, table_errors, file_digest))) => {
                    digest.add(file.as_bytes());
                    digest.add(&file_digest.to_le_bytes());
                    fill(&mut tables);
                    errors.extend(table_errors);
                }
                Some(Err(_)) => {
                    errors.push(LoadError::in_file(file, "the reader panicked on this file"))
                }
                None => errors.push(LoadError::in_file(file, "the file is missing")),
            }
        }
    });
    if errors.is_empty() {
        Ok((tables, digest.hex()))
    } else {
        Err(errors)
    }
}

/// Reads the tables with [`read_tables`], validates them with [`PriceBook::from_tables`] and sets
/// the book's version to the content digest.
pub fn book_from(open: impl FnMut(&str) -> Option<Vec<u8>>) -> Result<PriceBook, Vec<LoadError>> {
    let (tables, digest) = read_tables(open)?;
    finish(tables, digest)
}

fn finish(tables: Tables, digest: String) -> Result<PriceBook, Vec<LoadError>> {
    let mut book = PriceBook::from_tables(tables)?;
    book.set_version(digest);
    Ok(book)
}

/// The tables compiled into the binary from `pricing-data/aws/`, validated.
///
/// Bundling the bytes (rather than reading a directory at start-up) lets one binary run anywhere;
/// `--pricing-data DIR` ([`from_dir`]) overrides them without a rebuild.
pub fn bundled() -> Result<PriceBook, Vec<LoadError>> {
    let (tables, digest) = read_all(|file| {
        BUNDLED
            .iter()
            .find(|(name, _)| *name == file)
            .map(|(_, bytes)| Cow::Borrowed(*bytes))
    })?;
    finish(tables, digest)
}

/// Calls `$m!("file.csv")` ... as one array expression of `(name, bytes)`.
macro_rules! bundle {
    ($($file:literal),* $(,)?) => {
        [$(($file, include_bytes!(concat!("../../../pricing-data/aws/", $file)).as_slice())),*]
    };
}

/// The bundled CSV files, in [`TABLE_FILES`] order.
static BUNDLED: [(&str, &[u8]); 26] = bundle!(
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
);

/// Loads and validates the tables in `dir` (the server's `--pricing-data DIR`). A file that cannot
/// be read is reported like a missing one, with the I/O error.
pub fn from_dir(dir: &Path) -> Result<PriceBook, Vec<LoadError>> {
    let mut io_errors = Vec::new();
    let result = book_from(|file| match std::fs::read(dir.join(file)) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            io_errors.push(LoadError::in_file(
                file,
                format!("cannot read {}: {e}", dir.join(file).display()),
            ));
            // An empty file still reports a missing header, so the run stays complete.
            Some(Vec::new())
        }
    });
    match result {
        Err(mut errors) => {
            errors.extend(io_errors);
            Err(errors)
        }
        Ok(_) if !io_errors.is_empty() => Err(io_errors),
        Ok(book) => Ok(book),
    }
}

/// Reads the tables in `dir` without validating them (the importer's starting point).
pub fn read_dir(dir: &Path) -> Result<Tables, Vec<LoadError>> {
    read_tables(|file| std::fs::read(dir.join(file)).ok()).map(|(tables, _)| tables)
}

/// Every table as CSV bytes, `(file name, bytes)` in [`TABLE_FILES`] order. The header is the row
/// struct's field names; rows are written in their order in `tables`, so the same tables always
/// give the same bytes.
pub fn tables_to_bytes(tables: &Tables) -> Vec<(&'static str, Vec<u8>)> {
    let mut out = Vec::with_capacity(TABLE_FILES.len());
    macro_rules! write {
        ($field:ident, $file:literal, $row:ty) => {
            out.push(($file, table_to_bytes::<$row>(&tables.$field)));
        };
    }
    each_table!(write);
    out
}

/// Writes every table into `dir` (created if missing), each file replaced whole.
pub fn write_tables(tables: &Tables, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (file, bytes) in tables_to_bytes(tables) {
        // Write beside the target and rename, so a crash never leaves half a table behind.
        let tmp = dir.join(format!(".{file}.tmp"));
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, dir.join(file))?;
    }
    Ok(())
}

/// The header a table must have: its row struct's field names, in order.
pub fn header_of<R: DeserializeOwned>() -> &'static [&'static str] {
    fields::of::<R>()
}

/// One table from CSV bytes; problems are appended to `errors` and the bad rows skipped.
fn read_table<R: DeserializeOwned>(
    file: &str,
    bytes: &[u8],
    errors: &mut Vec<LoadError>,
) -> Vec<R> {
    let expected = header_of::<R>();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(bytes);
    let header = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            errors.push(at_line(
                file,
                1,
                format!("unreadable header: {}", csv_message(&e, &[])),
            ));
            return Vec::new();
        }
    };
    if header.is_empty() || header.iter().ne(expected.iter().copied()) {
        errors.push(at_line(
            file,
            1,
            format!(
                "wrong header: expected `{}`, found `{}`",
                expected.join(","),
                header.iter().collect::<Vec<_>>().join(",")
            ),
        ));
        // Rows under a wrong header would only repeat the same problem once per line.
        return Vec::new();
    }
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // csv's own line numbers skip blank lines, so lines are counted here from byte offsets.
    let mut lines = LineCounter::new(bytes);
    let mut end = reader.position().byte();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                // csv places a record after a blank line at the blank line's start.
                let parsed_from = record.position().map_or(end, csv::Position::byte);
                let start = lines.skip_blank(parsed_from);
                let line = lines.line_at(start);
                let next = reader.position().byte();
                if start != parsed_from {
                    errors.push(at_line(
                        file,
                        line,
                        "a blank line comes before this row: one row per line, no blank lines"
                            .to_owned(),
                    ));
                } else if lines.breaks_between(start, next) > 1 {
                    errors.push(at_line(
                        file,
                        line,
                        "a field holds a line break: one row per line".to_owned(),
                    ));
                }
                end = next;
                match record.deserialize::<R>(None) {
                    Ok(row) => rows.push(row),
                    Err(e) => errors.push(at_line(file, line, row_message(&e, &record, expected))),
                }
            }
            Err(e) => {
                let line = lines.line_at(e.position().map_or(end, csv::Position::byte));
                errors.push(at_line(file, line, csv_message(&e, expected)));
                end = reader.position().byte();
            }
        }
    }
    rows
}

fn table_to_bytes<R: Serialize + DeserializeOwned>(rows: &[R]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail, and every row type serializes to plain fields.
    writer
        .write_record(header_of::<R>())
        .expect("header to memory");
    for row in rows {
        writer.serialize(row).expect("row to memory");
    }
    writer.into_inner().expect("flush to memory")
}

fn at_line(file: &str, line: u64, message: String) -> LoadError {
    LoadError {
        file: file.to_owned(),
        line: Some(line),
        message,
    }
}

/// The csv error without its own position prefix (the `LoadError` carries file and line), with
/// the column named.
fn csv_message(e: &csv::Error, header: &[&str]) -> String {
    match e.kind() {
        csv::ErrorKind::Deserialize { err, .. } => {
            let column = err
                .field()
                .and_then(|i| usize::try_from(i).ok())
                .and_then(|i| header.get(i));
            match (column, err.kind()) {
                (Some(c), kind) => format!("column `{c}`: {kind}"),
                (None, kind) => kind.to_string(),
            }
        }
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("{len} fields where the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { err, .. } => format!("invalid UTF-8 in field {}", err.field() + 1),
        _ => e.to_string(),
    }
}

/// A row's deserialization error, naming the column. csv knows the column for its own parse
/// errors; for custom ones (a bad decimal, an unknown enum value) it does not, but their message
/// quotes the offending text, so the column is the one holding exactly that text.
fn row_message(e: &csv::Error, record: &csv::StringRecord, header: &[&str]) -> String {
    let message = csv_message(e, header);
    if message.starts_with("column `") {
        return message;
    }
    let quoted = message.split('`').nth(1);
    let columns: Vec<&str> = match quoted {
        Some(text) => record
            .iter()
            .zip(header)
            .filter(|(value, _)| *value == text)
            .map(|(_, column)| *column)
            .collect(),
        None => Vec::new(),
    };
    if columns.is_empty() {
        message
    } else {
        format!("column `{}`: {message}", columns.join("` or `"))
    }
}

/// The 1-based line of a byte offset, counted forward through the file once.
#[derive(Debug)]
struct LineCounter<'a> {
    bytes: &'a [u8],
    byte: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            byte: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, byte: u64) -> u64 {
        let byte = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        if byte >= self.byte {
            self.line += self.breaks_between(self.byte as u64, byte as u64);
            self.byte = byte;
        }
        self.line
    }

    /// The first byte at or after `byte` that is not a line terminator.
    fn skip_blank(&self, byte: u64) -> u64 {
        let from = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        let blank = self.bytes[from..]
            .iter()
            .take_while(|&&b| b == b'\n' || b == b'\r')
            .count();
        byte + blank as u64
    }

    fn breaks_between(&self, from: u64, to: u64) -> u64 {
        let from = usize::try_from(from)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        let to = usize::try_from(to)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        self.bytes
            .get(from..to)
            .map_or(0, |s| s.iter().filter(|&&b| b == b'\n').count() as u64)
    }
}

/// FNV-1a, 64 bits: a small, stable content hash for the book's version (an ETag, not security).
#[derive(Debug)]
struct Fnv1a(u64);

impl Fnv1a {
    fn new() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

/// A struct's field names from its `Deserialize` impl, without an instance: serde passes them to
/// `deserialize_struct`, so the header can never drift from the row struct.
mod fields {
    use serde::de::{self, DeserializeOwned, Visitor};

    #[derive(Debug)]
    struct Found(&'static [&'static str]);

    impl std::fmt::Display for Found {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("field names found")
        }
    }

    impl std::error::Error for Found {}

    impl de::Error for Found {
        fn custom<T: std::fmt::Display>(_msg: T) -> Self {
            Found(&[])
        }
    }

    struct Names;

    impl<'de> de::Deserializer<'de> for Names {
        type Error = Found;

        fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Found> {
            Err(Found(&[]))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            _visitor: V,
        ) -> Result<V::Value, Found> {
            Err(Found(fields))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    pub(super) fn of<R: DeserializeOwned>() -> &'static [&'static str] {
        match R::deserialize(Names) {
            Err(Found(fields)) => fields,
            Ok(_) => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The derived header equals what `csv::Writer` writes for a row, for one table of each shape
    /// (plain, optional decimal, optional enum, boolean).
    #[test]
    fn derived_headers_match_what_csv_writer_writes() {
        fn written<R: Serialize>(row: R) -> String {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.serialize(row).expect("serialize");
            let bytes = w.into_inner().expect("flush");
            String::from_utf8(bytes)
                .expect("utf8")
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned()
        }
        let region = RegionRow {
            region_code: "us-east-1".into(),
            name: "US East (N. Virginia)".into(),
        };
        assert_eq!(
            written(region).split(',').collect::<Vec<_>>(),
            header_of::<RegionRow>()
        );
        let rule = S3ClassRuleRow {
            storage_class: model::StorageClass::Standard,
            min_storage_duration_days: None,
            min_billable_object_size_kb: None,
            overhead_kb_at_class_rate: None,
            overhead_kb_at_standard_rate: None,
            monitoring_min_object_size_kb: None,
            source_id: "s".into(),
        };
        assert_eq!(
            written(rule).split(',').collect::<Vec<_>>(),
            header_of::<S3ClassRuleRow>()
        );
        assert_eq!(
            header_of::<Ec2OnDemandRow>(),
            [
                "region_code",
                "instance_type",
                "operating_system",
                "unit",
                "price_usd",
                "source_id"
            ]
        );
    }

    #[test]
    fn every_table_file_has_a_header_and_the_order_matches_table_files() {
        let bytes = tables_to_bytes(&Tables::default());
        let names: Vec<&str> = bytes.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, TABLE_FILES);
        for (name, b) in bytes {
            assert!(
                b.ends_with(b"\n") && b.len() > 10,
                "{name} has a header line"
            );
        }
    }

    #[test]
    fn fnv1a_matches_the_published_test_vector() {
        // From the FNV reference test suite: FNV-1a 64 of "a" is af63dc4c8601ec8c.
        let mut h = Fnv1a::new();
        h.add(b"a");
        assert_eq!(h.hex(), "af63dc4c8601ec8c");
    }
}
