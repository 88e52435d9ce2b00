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
    let book = match pricing::load::bundled() {
        Ok(book) => book,
        Err(errors) => panic!("the bundled price book does not load: {errors:#?}"),
    };
    let mut bytes = 0;
    for _ in 0..n {
        let request = EstimateRequest::from_json(std::hint::black_box(ESTIMATE_10))
            .expect("the fixture decodes");
        let answer = pricing::engine::estimate(&book, &request).expect("the fixture prices");
        bytes += std::hint::black_box(answer.to_json()).len();
    }
    println!("{n} requests, {} bytes of answers each", bytes / n.max(1));
}
