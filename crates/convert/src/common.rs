//! Shared plumbing: errors, reading source CSV/JSON with positioned errors, exact decimals,
//! the source register (`sources.csv`) and the Reserved-fee reconstruction rule.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use model::Term;
use pricing::rows::SourceRow;
use rust_decimal::Decimal;

/// A conversion failure; the message names the file (and line) at fault.
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// The converter's result type.
pub type Result<T> = std::result::Result<T, Error>;

/// Builds an [`Error`] from anything printable.
pub fn err(msg: impl Into<String>) -> Error {
    Error(msg.into())
}

/// The path of a source file, or a clear error when it is missing.
pub fn source_path(sources: &Path, rel: &str) -> Result<PathBuf> {
    let path = sources.join(rel);
    if !path.is_file() {
        return Err(err(format!(
            "source file missing: {} (expected under --sources {})",
            path.display(),
            sources.display()
        )));
    }
    Ok(path)
}

/// A whole source CSV in memory, with its header index.
#[derive(Debug)]
pub struct Table {
    /// The path relative to the sources folder, for messages.
    pub name: String,
    headers: HashMap<String, usize>,
    records: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    /// Reads `rel` under `sources` (first line = header); a clear error if the file is missing.
    pub fn read(sources: &Path, rel: &str) -> Result<Table> {
        let path = source_path(sources, rel)?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_path(&path)
            .map_err(|e| err(format!("{rel}: {e}")))?;
        let headers = reader
            .headers()
            .map_err(|e| err(format!("{rel}: header: {e}")))?
            .iter()
            .enumerate()
            .map(|(i, h)| (h.to_string(), i))
            .collect();
        let mut records = Vec::new();
        for result in reader.records() {
            let record = result.map_err(|e| err(format!("{rel}: {e}")))?;
            let line = record.position().map_or(0, csv::Position::line);
            records.push((line, record));
        }
        Ok(Table {
            name: rel.to_string(),
            headers,
            records,
        })
    }

    /// The data rows in file order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.records.iter().map(move |(line, record)| Row {
            table: self,
            line: *line,
            record,
        })
    }
}

/// One data row of a [`Table`].
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    table: &'a Table,
    line: u64,
    record: &'a csv::StringRecord,
}

impl<'a> Row<'a> {
    /// The text of column `col` (an error if the file has no such column).
    pub fn get(&self, col: &str) -> Result<&'a str> {
        let index = self.table.headers.get(col).ok_or_else(|| {
            err(format!(
                "{}: no column `{col}` in the header",
                self.table.name
            ))
        })?;
        Ok(self.record.get(*index).unwrap_or(""))
    }

    /// Column `col` as an exact decimal.
    pub fn dec(&self, col: &str) -> Result<Decimal> {
        let text = self.get(col)?;
        parse_dec(text).map_err(|e| self.at(&format!("column `{col}`: {e}")))
    }

    /// Column `col` as an exact decimal; an empty cell is `None`.
    pub fn opt_dec(&self, col: &str) -> Result<Option<Decimal>> {
        let text = self.get(col)?;
        if text.trim().is_empty() {
            return Ok(None);
        }
        parse_dec(text)
            .map(Some)
            .map_err(|e| self.at(&format!("column `{col}`: {e}")))
    }

    /// An error positioned at this row.
    pub fn at(&self, msg: &str) -> Error {
        err(format!("{} line {}: {msg}", self.table.name, self.line))
    }
}

/// Parses a price from its text exactly (never through f64) and normalizes it
/// (`2.7360000000` becomes `2.736`). `1e-7` forms are accepted.
pub fn parse_dec(text: &str) -> Result<Decimal> {
    let text = text.trim();
    let value = if text.contains(['e', 'E']) {
        Decimal::from_scientific(text)
    } else {
        Decimal::from_str_exact(text)
    }
    .map_err(|e| err(format!("`{text}` is not an exact decimal ({e})")))?;
    Ok(value.normalize())
}

/// Reads a JSON source file.
pub fn read_json(sources: &Path, rel: &str) -> Result<serde_json::Value> {
    let path = source_path(sources, rel)?;
    let text = std::fs::read_to_string(&path).map_err(|e| err(format!("{rel}: {e}")))?;
    serde_json::from_str(&text).map_err(|e| err(format!("{rel}: invalid JSON: {e}")))
}

/// The `YYYY-MM-DD` of a meteredUnitMaps feed's `manifest.hawkFilePublicationDate`.
pub fn manifest_date(feed: &serde_json::Value, rel: &str) -> Result<String> {
    let stamp = feed
        .pointer("/manifest/hawkFilePublicationDate")
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| err(format!("{rel}: no manifest.hawkFilePublicationDate")))?;
    stamp
        .get(..10)
        .map(str::to_string)
        .ok_or_else(|| err(format!("{rel}: short publication date `{stamp}`")))
}

/// The register of sources: every price row's `source_id` is defined here exactly once.
#[derive(Debug, Default)]
pub struct Sources {
    rows: BTreeMap<String, SourceRow>,
}

impl Sources {
    /// Registers a source (idempotent for the same id) and returns its id.
    pub fn add(&mut self, id: &str, table: &str, date: &str, origin: &str, notes: &str) -> String {
        self.rows
            .entry(id.to_string())
            .or_insert_with(|| SourceRow {
                source_id: id.to_string(),
                table: table.to_string(),
                price_date: date.to_string(),
                origin: origin.to_string(),
                notes: notes.to_string(),
            });
        id.to_string()
    }

    /// The registered sources whose id is in `used`, sorted by id.
    pub fn used(&self, used: &std::collections::BTreeSet<String>) -> Vec<SourceRow> {
        self.rows
            .values()
            .filter(|row| used.contains(&row.source_id))
            .cloned()
            .collect()
    }

    /// Every registered id.
    pub fn ids(&self) -> impl Iterator<Item = &String> {
        self.rows.keys()
    }
}

/// Hours in a Reserved term: 8,760 for one year, 26,280 for three.
pub fn term_hours(term: Term) -> Decimal {
    match term {
        Term::OneYear => Decimal::from(8760),
        Term::ThreeYears => Decimal::from(26280),
    }
}

/// Rebuilds an All Upfront fee from an effective hourly rate: effective x term hours, rounded
/// to whole dollars when within $0.02 of one (AWS fees are whole dollars; the effective rate
/// was rounded to 6 decimals or 6 significant digits by the publisher), otherwise to cents.
pub fn reconstruct_fee(effective_hourly: Decimal, term: Term) -> Decimal {
    let exact = effective_hourly * term_hours(term);
    let whole = exact.round();
    let tolerance = Decimal::new(2, 2);
    let fee = if (exact - whole).abs() <= tolerance {
        whole
    } else {
        exact.round_dp(2)
    };
    fee.normalize()
}

/// Parses `1yr`/`3yr` (or `1`/`3` years).
pub fn parse_term(text: &str) -> Option<Term> {
    match text.trim() {
        "1yr" | "1" => Some(Term::OneYear),
        "3yr" | "3" => Some(Term::ThreeYears),
        _ => None,
    }
}

/// Parses `No Upfront` / `Partial Upfront` / `All Upfront`.
pub fn parse_payment(text: &str) -> Option<model::Payment> {
    match text.trim() {
        "No Upfront" => Some(model::Payment::NoUpfront),
        "Partial Upfront" => Some(model::Payment::PartialUpfront),
        "All Upfront" => Some(model::Payment::AllUpfront),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).expect("test decimal")
    }

    #[test]
    fn prices_are_parsed_exactly_and_normalized() {
        let cases = [
            ("2.7360000000", "2.736"),
            ("0.0000166667", "0.0000166667"),
            ("1e-7", "0.0000001"),
            ("0.0000000000", "0"),
            ("40.96", "40.96"),
        ];
        for (text, want) in cases {
            let got = parse_dec(text).expect("parses");
            assert_eq!(got.to_string(), want, "case {text}");
        }
        assert!(parse_dec("0.1abc").is_err());
    }

    #[test]
    fn all_upfront_fees_are_rebuilt_to_the_published_whole_dollars() {
        // m5.large us-east-1 Linux (SOURCES.md section 13): 494 and 949.
        assert_eq!(reconstruct_fee(d("0.0563927"), Term::OneYear), d("494"));
        assert_eq!(reconstruct_fee(d("0.0361111"), Term::ThreeYears), d("949"));
        // c5.xlarge Windows Tokyo (Vantage, section 12): 2,714.00 and 6,950.01 -> official 2714 / 6950.
        assert_eq!(reconstruct_fee(d("0.309817"), Term::OneYear), d("2714"));
        assert_eq!(reconstruct_fee(d("0.264460"), Term::ThreeYears), d("6950"));
    }

    #[test]
    fn fees_far_from_a_whole_dollar_keep_their_cents() {
        // 0.0123 x 8760 = 107.748: 0.252 from 108, so cents are kept.
        assert_eq!(reconstruct_fee(d("0.0123"), Term::OneYear), d("107.75"));
        // 1.028729 x 26280 = 27034.99812: within 0.02 of 27035.
        assert_eq!(reconstruct_fee(d("1.028729"), Term::ThreeYears), d("27035"));
    }
}
