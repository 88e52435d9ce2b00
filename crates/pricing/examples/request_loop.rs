//! What the server does per estimate request, in a loop, for profilers that need a plain
//! process (`valgrind --tool=callgrind`, `valgrind --tool=dhat`, `perf record`): decode the
//! 10-item benchmark fixture from bytes, price it against the bundled book and write the answer
//! as JSON (`EstimateResponse::to_json`, as the server does), `N` times (the first argument, default 1,000).
//!
//! ```text
//! cargo build --release --example request_loop -p pricing
//! valgrind --tool=callgrind target/release/examples/request_loop 1000
//! ```
//! `BENCHMARKS.md` records the instruction counts per request.
//!
//! `request_loop dump` prints the answer instead, for checking that a change to the engine or
//! the writer leaves it byte for byte the same (`cmp` two dumps).
//!
//! `request_loop N KB` writes over KB kilobytes of memory between requests and prints the
//! wall-clock time per request, measured around the request only. In a server the kernel and
//! the load generator run between two requests on the same core and evict the caches; this shows
//! what a request costs when its code and data have to come back from memory
//! (`request_loop 20000 0` against `request_loop 20000 4096`; BENCHMARKS.md).

use model::EstimateRequest;

/// The server's allocator, so that the figures are the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ESTIMATE_10: &[u8] = include_bytes!("../benches/data/estimate-10.json");

fn main() {
    if std::env::args().nth(1).as_deref() == Some("dump") {
        let book = pricing::load::bundled().expect("the bundled price book loads");
        let request = EstimateRequest::from_json(ESTIMATE_10).expect("the fixture decodes");
        let answer = pricing::engine::estimate(&book, &request).expect("the fixture prices");
        let json = String::from_utf8(answer.to_json()).expect("answers are UTF-8");
        println!("{json}");
        return;
    }
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000);
    let evict_kb: Option<usize> = std::env::args().nth(2).and_then(|a| a.parse().ok());
    let book = match pricing::load::bundled() {
        Ok(book) => book,
        Err(errors) => panic!("the bundled price book does not load: {errors:#?}"),
    };
    let mut bytes = 0;
    let Some(evict_kb) = evict_kb else {
        for _ in 0..n {
            bytes += request(&book).len();
        }
        println!("{n} requests, {} bytes of answers each", bytes / n.max(1));
        return;
    };
    let mut junk = vec![0u64; evict_kb * 1024 / 8];
    let mut spent = std::time::Duration::ZERO;
    for round in 0..n {
        for (i, word) in junk.iter_mut().enumerate() {
            *word = word.wrapping_add((round ^ i) as u64);
        }
        std::hint::black_box(&junk);
        let started = std::time::Instant::now();
        bytes += request(&book).len();
        spent += started.elapsed();
    }
    // Nanoseconds, shown as µs with one decimal, without floats.
    let per_request = spent.as_nanos() / n.max(1) as u128;
    println!(
        "{n} requests, {} bytes of answers each, {}.{} µs a request with {evict_kb} KB written \
         between requests",
        bytes / n.max(1),
        per_request / 1000,
        per_request % 1000 / 100
    );
}

/// One request as the server handles it: decode, price, write the answer (dropped before the
/// clock stops, as the server drops it after sending).
fn request(book: &pricing::PriceBook) -> Vec<u8> {
    let request =
        EstimateRequest::from_json(std::hint::black_box(ESTIMATE_10)).expect("the fixture decodes");
    let answer = pricing::engine::estimate(book, &request).expect("the fixture prices");
    std::hint::black_box(answer.to_json())
}
