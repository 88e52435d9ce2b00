//! Criterion benchmarks of the engine and of what the server does per request or at start-up.
//!
//! Run with `cargo bench -p pricing --bench engine`; `BENCHMARKS.md` records the figures with
//! the date and the machine. The fixtures are realistic rather than minimal:
//! `benches/data/estimate-10.json` touches all five services and every EC2 pricing model, the
//! same file `scripts/bench` posts to the server.
//!
//! - `estimate/10_items`, `estimate/1000_items`: `pricing::engine::estimate` (limits, lookups,
//!   shared tiers, totals) on the bundled price book. The 1,000-item estimate is the documented
//!   maximum (`model::validate::limits::MAX_ITEMS`): the 10 items repeated with unique ids.
//! - `share/encode_10_items`, `share/decode_10_items`: the share-link codec (JSON, deflate,
//!   base64) both ways.
//! - `startup/load_and_validate`: `pricing::load::bundled()`, which parses every bundled CSV
//!   table, validates the cross-table rules and indexes the book, as the server does once.
//!
//! Times are wall-clock by default. `BENCH_CPU_TIME=1` measures the benchmark thread's CPU time
//! instead (`/proc/thread-self/schedstat`), which ignores other processes on a shared machine;
//! the kernel updates that figure at scheduler ticks, so it only suits benchmarks whose samples
//! last many milliseconds (start-up, 1,000 items, the region comparison): shorter samples read
//! as zero and criterion refuses them.
//!
//! - `compare/regions_20_items_x_N_regions`: `benches/data/estimate-20.json` moved to every
//!   region of the book.

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use model::EstimateRequest;
use pricing::PriceBook;

/// The server's allocator (see `server/src/main.rs`), so that these figures are the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The typical estimate: 10 items over EC2 (On-Demand, Reserved, Savings Plan, Spot), Lambda,
/// S3, RDS and Aurora in us-east-1, with the free tier on.
const ESTIMATE_10: &str = include_str!("data/estimate-10.json");

/// The same 10 items twice with unique ids, for the region comparison (`scripts/bench` posts it
/// to `/api/v1/compare/regions`).
const ESTIMATE_20: &str = include_str!("data/estimate-20.json");

/// CPU time of the current thread in nanoseconds, from the first field of its schedstat.
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// A criterion measurement of the benchmark thread's CPU time (see the module comment).
struct CpuTime {
    use_cpu: bool,
    /// Values are nanoseconds either way, so the wall clock's formatter fits.
    wall: WallTime,
}

impl CpuTime {
    fn new() -> Self {
        let wanted = std::env::var_os("BENCH_CPU_TIME").is_some();
        CpuTime {
            use_cpu: wanted && thread_cpu_ns().is_some(),
            wall: WallTime,
        }
    }
}

impl Measurement for CpuTime {
    type Intermediate = (std::time::Instant, u64);
    type Value = u64;

    fn start(&self) -> Self::Intermediate {
        let cpu = if self.use_cpu {
            thread_cpu_ns().unwrap_or(0)
        } else {
            0
        };
        (std::time::Instant::now(), cpu)
    }

    fn end(&self, (wall, cpu): Self::Intermediate) -> u64 {
        if self.use_cpu {
            thread_cpu_ns().unwrap_or(cpu).saturating_sub(cpu)
        } else {
            u64::try_from(wall.elapsed().as_nanos()).unwrap_or(u64::MAX)
        }
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a.saturating_add(*b)
    }

    fn zero(&self) -> u64 {
        0
    }

    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        self.wall.formatter()
    }
}

fn book() -> PriceBook {
    match pricing::load::bundled() {
        Ok(book) => book,
        Err(errors) => panic!("the bundled price book does not load: {errors:#?}"),
    }
}

fn estimate_10() -> EstimateRequest {
    EstimateRequest::from_json(ESTIMATE_10.as_bytes()).expect("the 10-item fixture decodes")
}

/// The 10-item fixture repeated until it has `n` items; ids stay unique.
fn repeated(n: usize) -> EstimateRequest {
    let base = estimate_10();
    let mut req = base.clone();
    req.items = (0..n)
        .map(|i| {
            let mut item = base.items[i % base.items.len()].clone();
            item.id = format!("{}-{i}", item.id);
            item
        })
        .collect();
    req
}

/// Fails the benchmark loudly if a fixture does not price: timing an error path would be a lie.
fn priced(book: &PriceBook, req: &EstimateRequest) {
    if let Err(errors) = pricing::engine::estimate(book, req) {
        panic!("the benchmark fixture does not price: {errors:#?}");
    }
}

fn engine(c: &mut Criterion<CpuTime>) {
    let book = book();
    let ten = estimate_10();
    let thousand = repeated(model::validate::limits::MAX_ITEMS);
    priced(&book, &ten);
    priced(&book, &thousand);

    let mut group = c.benchmark_group("estimate");
    group.bench_function("10_items", |b| {
        b.iter(|| pricing::engine::estimate(black_box(&book), black_box(&ten)))
    });
    group.bench_function("1000_items", |b| {
        b.iter(|| pricing::engine::estimate(black_box(&book), black_box(&thousand)))
    });
    // What the server does per request beyond the engine: decode the body and encode the answer.
    group.bench_function("10_items_json_in_and_out", |b| {
        b.iter(|| {
            let req = EstimateRequest::from_json(black_box(ESTIMATE_10.as_bytes()))
                .expect("the fixture decodes");
            let response = pricing::engine::estimate(&book, &req).expect("the fixture prices");
            response.to_json()
        })
    });
    group.finish();
}

fn share(c: &mut Criterion<CpuTime>) {
    let ten = estimate_10();
    let token = model::share::encode(&ten);
    assert_eq!(
        model::share::decode(&token).expect("the token decodes"),
        ten
    );
    let mut group = c.benchmark_group("share");
    group.bench_function("encode_10_items", |b| {
        b.iter(|| model::share::encode(black_box(&ten)))
    });
    group.bench_function("decode_10_items", |b| {
        b.iter(|| model::share::decode(black_box(&token)))
    });
    group.finish();
}

fn startup(c: &mut Criterion<CpuTime>) {
    let mut group = c.benchmark_group("startup");
    // About a second per run: ten samples are enough and keep the run short.
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    group.bench_function("load_and_validate", |b| {
        b.iter_batched(|| (), |()| book(), BatchSize::PerIteration)
    });
    group.finish();
}

fn compare(c: &mut Criterion<CpuTime>) {
    let book = book();
    let twenty =
        EstimateRequest::from_json(ESTIMATE_20.as_bytes()).expect("the 20-item fixture decodes");
    assert_eq!(twenty.items.len(), 20);
    if let Err(errors) = pricing::compare::regions(&book, &twenty) {
        panic!("the 20-item fixture does not compare: {errors:#?}");
    }
    let mut group = c.benchmark_group("compare");
    group.sample_size(20);
    group.bench_function(
        format!("regions_20_items_x_{}_regions", book.regions().len()),
        |b| b.iter(|| pricing::compare::regions(black_box(&book), black_box(&twenty))),
    );
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(CpuTime::new());
    targets = engine, share, startup, compare
}
criterion_main!(benches);
