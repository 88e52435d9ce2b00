//! The committed tables pass the price book's own loader and validator.

#[test]
fn the_committed_tables_load_into_a_valid_price_book() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../pricing-data/aws");
    if let Err(errors) = pricing::load::from_dir(&dir) {
        let shown: Vec<String> = errors.iter().take(20).map(|e| e.to_string()).collect();
        panic!("{} load errors, first: {shown:#?}", errors.len());
    }
}
