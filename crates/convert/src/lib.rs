//! pricing-convert: regenerates `pricing-data/aws/*.csv` from the dated AWS price captures in
//! `../shared/pricing-sources`, deterministically (same input, byte-identical output).
//!
//! Each service module reads its captures and fills rows of [`pricing::rows::Tables`], so the
//! output schema is the loader's schema. Prices are parsed from their text as exact decimals and
//! written normalized. Rows are sorted by their key columns; nothing depends on hash order or on
//! the clock.

pub mod aurora;
pub mod common;
pub mod ebs;
pub mod ec2;
pub mod lambda;
pub mod network;
pub mod rds;
pub mod regions;
pub mod rules;
pub mod s3;
mod write;

use std::path::{Path, PathBuf};

use pricing::rows::Tables;

use common::Sources;
pub use common::{Error, Result};
use regions::Regions;

/// The conversion state shared by the service modules.
#[derive(Debug)]
pub struct Ctx {
    /// The sources folder.
    pub dir: PathBuf,
    /// The Regions kept.
    pub regions: Regions,
    /// The source register.
    pub sources: Sources,
    /// The tables being built.
    pub tables: Tables,
    /// Cross-check results and counts, for the README and the console.
    pub notes: Vec<String>,
}

impl Ctx {
    /// Records a cross-check result or count.
    pub fn note(&mut self, text: String) {
        self.notes.push(text);
    }
}

/// What a conversion produced.
#[derive(Debug)]
pub struct Report {
    /// `(file name, data rows)` for each table, in `TABLE_FILES` order.
    pub counts: Vec<(String, usize)>,
    /// Cross-checks and counts.
    pub notes: Vec<String>,
}

/// Builds every table from `sources` without writing.
pub fn build(sources: &Path) -> Result<(Tables, Vec<String>)> {
    if !sources.is_dir() {
        return Err(common::err(format!(
            "sources folder not found: {} (pass --sources)",
            sources.display()
        )));
    }
    let mut ctx = Ctx {
        dir: sources.to_path_buf(),
        regions: Regions::load(sources)?,
        sources: Sources::default(),
        tables: Tables::default(),
        notes: Vec::new(),
    };
    ec2::convert(&mut ctx)?;
    ebs::convert(&mut ctx)?;
    network::convert(&mut ctx)?;
    lambda::convert(&mut ctx)?;
    s3::convert(&mut ctx)?;
    let specs = rds::convert(&mut ctx)?;
    aurora::convert(&mut ctx, specs)?;
    rules::convert(&mut ctx)?;
    write::finish(&mut ctx)?;
    Ok((ctx.tables, ctx.notes))
}

/// Builds every table from `sources` and writes the 26 CSV files into `out`.
pub fn run(sources: &Path, out: &Path) -> Result<Report> {
    let (tables, notes) = build(sources)?;
    let counts = write::write_all(&tables, out)?;
    Ok(Report { counts, notes })
}

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .components()
        .collect()
}
