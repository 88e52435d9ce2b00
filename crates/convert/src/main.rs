//! `pricing-convert [--sources DIR] [--out DIR]`: regenerates the price tables.
//!
//! Defaults (relative to the workspace root): `--sources ../shared/pricing-sources`,
//! `--out pricing-data/aws`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = pricing_convert::workspace_root();
    let mut sources = root.join("../shared/pricing-sources");
    let mut out = root.join("pricing-data/aws");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let target = match arg.as_str() {
            "--sources" => &mut sources,
            "--out" => &mut out,
            "-h" | "--help" => {
                println!("usage: pricing-convert [--sources DIR] [--out DIR]");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("error: unknown argument `{other}` (try --help)");
                return ExitCode::from(2);
            }
        };
        match args.next() {
            Some(value) => *target = PathBuf::from(value),
            None => {
                eprintln!("error: `{arg}` needs a value");
                return ExitCode::from(2);
            }
        }
    }
    match pricing_convert::run(&sources, &out) {
        Ok(report) => {
            for note in &report.notes {
                eprintln!("note: {note}");
            }
            for (file, rows) in &report.counts {
                println!("{file}: {rows} rows");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
