//! The command line: serve (the default), price an estimate offline, import AWS price lists,
//! check a price-data directory.

use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use model::EstimateRequest;
use pricing::PriceBook;

/// cloudcalc: an exact, fast, open AWS cost calculator.
#[derive(Debug, Parser)]
#[command(name = "cloudcalc", version, about)]
pub struct Cli {
    /// Load price tables from this directory instead of the ones built into the binary.
    #[arg(
        long,
        global = true,
        env = "CLOUDCALC_PRICING_DATA",
        value_name = "DIR"
    )]
    pub pricing_data: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub serve: ServeArgs,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the app and the API (the default).
    Serve(ServeArgs),
    /// Price an estimate file offline with the same engine (`-` reads standard input).
    Estimate {
        /// The estimate JSON (the API's request format), or `-`.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Import AWS Price List bulk offer files (CSV) into a price-data directory.
    ImportPriceList {
        /// The offer files: AmazonEC2 per-region CSV, AWSComputeSavingsPlan CSV.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The directory whose tables are rewritten.
        #[arg(long, default_value = "pricing-data/aws")]
        into: PathBuf,
    },
    /// Load and validate a price-data directory (or the built-in tables) and report every problem.
    CheckPricingData,
}

/// How to serve.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, env = "CLOUDCALC_HOST", default_value = "127.0.0.1")]
    pub host: std::net::IpAddr,
    /// The port to listen on (0 picks a free one).
    #[arg(long, env = "CLOUDCALC_PORT", default_value_t = 8080)]
    pub port: u16,
    /// The built front end (Trunk's output).
    #[arg(long, env = "CLOUDCALC_DIST", default_value = "dist")]
    pub dist: PathBuf,
}

impl ServeArgs {
    /// The socket address to bind.
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::new(self.host, self.port)
    }
}

/// Output formats of `cloudcalc estimate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable table.
    Table,
    /// The API's JSON response.
    Json,
    /// The line items as CSV.
    Csv,
}

/// Loads the price book from `dir`, or the built-in tables; prints every problem on failure.
pub fn load_book(dir: Option<&PathBuf>) -> Result<PriceBook, String> {
    let loaded = match dir {
        Some(d) => pricing::load::from_dir(d),
        None => pricing::load::bundled(),
    };
    loaded.map_err(|errors| {
        let mut text = format!(
            "the price data is invalid ({} problem{}):\n",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        );
        for e in &errors {
            text.push_str(&format!("  {e}\n"));
        }
        text
    })
}

/// `cloudcalc estimate`: prices a file and renders it.
pub fn estimate(book: &PriceBook, file: &PathBuf, format: Format) -> Result<String, String> {
    let bytes = if file.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?
    };
    let request = EstimateRequest::from_json(&bytes).map_err(|e| describe(&[e]))?;
    let response = pricing::engine::estimate(book, &request).map_err(|e| describe(&e))?;
    Ok(match format {
        Format::Json => {
            serde_json::to_string_pretty(&response).expect("a response always serialises") + "\n"
        }
        Format::Csv => render_csv(&response),
        Format::Table => render_table(&response),
    })
}

fn describe(errors: &[model::FieldError]) -> String {
    let mut s = String::from("the estimate cannot be priced:\n");
    for e in errors {
        if e.field.is_empty() {
            s.push_str(&format!("  {}\n", e.message));
        } else {
            s.push_str(&format!("  {}: {}\n", e.field, e.message));
        }
    }
    s
}

/// The line items as CSV, one row per line item.
pub fn render_csv(r: &model::EstimateResponse) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "item_id",
        "service",
        "region",
        "line_item",
        "quantity",
        "unit",
        "unit_price_usd",
        "amount_usd",
        "one_time",
        "price_date",
    ]);
    for item in &r.items {
        for l in &item.line_items {
            let _ = w.write_record([
                item.id.as_str(),
                item.service.as_str(),
                item.region.as_str(),
                l.name.as_str(),
                &l.quantity.normalize().to_string(),
                l.unit.as_str(),
                &l.unit_price.normalize().to_string(),
                &l.amount.to_string(),
                if l.one_time { "true" } else { "false" },
                &l.price_date,
            ]);
        }
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A readable table: items, their line items, then the totals and the price date.
pub fn render_table(r: &model::EstimateResponse) -> String {
    let mut out = String::new();
    if let Some(name) = &r.name {
        out.push_str(&format!("{name}\n"));
    }
    out.push_str(&format!(
        "Region {} · {} hours/month · free tier {} · prices as of {}\n\n",
        r.region,
        r.hours_per_month,
        if r.free_tier { "on" } else { "off" },
        r.price_date
    ));
    for item in &r.items {
        let title = item.label.as_deref().unwrap_or(&item.id);
        out.push_str(&format!(
            "{title} ({}, {})  monthly ${}  upfront ${}\n",
            item.service.as_str(),
            item.region,
            item.monthly,
            item.upfront
        ));
        for l in &item.line_items {
            out.push_str(&format!(
                "  {:<60} {:>14} {:<12} {:>12}{}\n",
                l.name,
                l.quantity.normalize(),
                l.unit.as_str(),
                format!("${}", l.amount),
                if l.one_time { " (one-time)" } else { "" }
            ));
        }
        for w in &item.warnings {
            out.push_str(&format!("  note: {}\n", w.message));
        }
        out.push('\n');
    }
    for w in &r.warnings {
        out.push_str(&format!("note: {}\n", w.message));
    }
    out.push_str(&format!(
        "Monthly ${}   Upfront ${}   First 12 months ${}   Effective monthly ${}\n",
        r.totals.monthly, r.totals.upfront, r.totals.first_12_months, r.totals.effective_monthly
    ));
    out
}

/// Reads a whole file or standard input (for tests of the CLI).
pub fn read_input(file: &PathBuf) -> std::io::Result<Vec<u8>> {
    if file.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(file)
    }
}
