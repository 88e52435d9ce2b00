//! The `cloudcalc` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;
use cloudcalc::cli::{self, Cli, Command};

/// mimalloc rather than the system allocator: pricing an estimate builds a few hundred short
/// strings (line names, formulas, field paths), and glibc's malloc and free were a quarter of
/// the server's CPU time per request (see BENCHMARKS.md, "Allocator").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        None => run_server(&args.pricing_data, &args.serve),
        Some(Command::Serve(ref serve)) => run_server(&args.pricing_data, serve),
        Some(Command::Estimate { ref file, format }) => {
            let book = match cli::load_book(args.pricing_data.as_ref()) {
                Ok(book) => book,
                Err(e) => return fail(&e),
            };
            match cli::estimate(&book, file, format) {
                Ok(text) => {
                    print!("{text}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e),
            }
        }
        Some(Command::ImportPriceList {
            ref files,
            ref into,
        }) => match pricing::import::import_files(into, files) {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e.to_string()),
        },
        Some(Command::CheckPricingData) => match cli::load_book(args.pricing_data.as_ref()) {
            Ok(book) => {
                println!(
                    "price data is valid ({} regions, version {})",
                    book.regions().len(),
                    book.version()
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        },
    }
}

fn fail(message: &str) -> ExitCode {
    eprint!("{message}");
    if !message.ends_with('\n') {
        eprintln!();
    }
    ExitCode::FAILURE
}

fn run_server(pricing_data: &Option<std::path::PathBuf>, serve: &cli::ServeArgs) -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tower_http=info".into()),
        )
        .init();
    let book = match cli::load_book(pricing_data.as_ref()) {
        Ok(book) => book,
        Err(e) => return fail(&format!("refusing to start: {e}")),
    };
    let dist = serve.dist.clone();
    if !dist.join("index.html").is_file() {
        tracing::warn!(dist = %dist.display(), "the front end is not built; serving the API only");
    }
    let state = cloudcalc::AppState::new(book, Some(dist));
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => return fail(&format!("cannot start the runtime: {e}")),
    };
    runtime.block_on(async {
        let listener = match tokio::net::TcpListener::bind(serve.addr()).await {
            Ok(l) => l,
            Err(e) => return fail(&format!("cannot listen on {}: {e}", serve.addr())),
        };
        let addr = listener
            .local_addr()
            .map(|a| a.to_string())
            .unwrap_or_default();
        tracing::info!("cloudcalc is serving on http://{addr}");
        println!("cloudcalc is serving on http://{addr}");
        match cloudcalc::serve(
            listener,
            cloudcalc::app(state),
            cloudcalc::serve::shutdown_signal(),
        )
        .await
        {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&format!("server error: {e}")),
        }
    })
}
