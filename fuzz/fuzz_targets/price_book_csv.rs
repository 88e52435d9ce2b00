//! Untrusted price tables (`--pricing-data DIR`, `check-pricing-data`): the fuzz input replaces
//! one table of a small, valid price book at a time; `read_tables` and `book_from` must answer
//! with positioned errors or a book, never panic. The first byte picks the table, the rest is
//! its content. The base is the engine tests' hand-built book (a few KB), so each run is fast;
//! the bundled tables would take about a second per run.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pricing::rows::TABLE_FILES;

fn base() -> &'static Vec<(&'static str, Vec<u8>)> {
    static BASE: OnceLock<Vec<(&'static str, Vec<u8>)>> = OnceLock::new();
    BASE.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../crates/pricing/tests/fixtures/book");
        TABLE_FILES
            .iter()
            .map(|f| {
                (
                    *f,
                    std::fs::read(dir.join(f)).expect("the fixture book is readable"),
                )
            })
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, content)) = data.split_first() else {
        return;
    };
    let replaced = TABLE_FILES[usize::from(which) % TABLE_FILES.len()];
    let open = |file: &str| {
        if file == replaced {
            Some(content.to_vec())
        } else {
            base()
                .iter()
                .find(|(name, _)| *name == file)
                .map(|(_, bytes)| bytes.clone())
        }
    };
    let _ = pricing::load::read_tables(open);
    if let Ok(book) = pricing::load::book_from(open) {
        // A book that loads can build its catalogue and price a small estimate without panicking.
        let _ = pricing::catalog::build(&book);
        for region in book.regions().iter().take(2) {
            let json = format!(
                r#"{{"region":"{}","items":[
                {{"id":"a","service":"ec2","instance_type":"m5.large","ebs":[{{"volume_type":"gp3","size_gb":10}}],"data_transfer_out_gb":20000}},
                {{"id":"b","service":"lambda","requests_per_month":5000000,"avg_duration_ms":100}},
                {{"id":"c","service":"s3","storage_gb":60000}}]}}"#,
                region.region_code
            );
            if let Ok(request) = model::EstimateRequest::from_json(json.as_bytes()) {
                let _ = pricing::engine::estimate(&book, &request);
            }
        }
    }
});
