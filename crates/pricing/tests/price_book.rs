//! The price book: loading, validation errors with file and line, the bundled tables and the
//! catalogue built from them.
//!
//! The validation tests corrupt one line of a small hand-made fixture
//! (`tests/fixtures/book/`) and assert that the error names that file and line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use model::{AuroraEngine, AuroraStorageConfig, OperatingSystem, StorageClass};
use pricing::LoadError;
use pricing::book::PriceBook;
use pricing::load;
use pricing::rows::{LambdaComponent, S3StorageTier, TABLE_FILES};
use rust_decimal::Decimal;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/book")
}

/// The fixture's files in memory, to corrupt one line at a time.
fn fixture() -> BTreeMap<String, String> {
    TABLE_FILES
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(fixture_dir().join(f)).expect("fixture file");
            (f.to_string(), text)
        })
        .collect()
}

fn load(files: &BTreeMap<String, String>) -> Result<PriceBook, Vec<LoadError>> {
    load::book_from(|f| files.get(f).map(|t| t.clone().into_bytes()))
}

/// Replaces line `line` (1-based) of `file`.
fn set_line(files: &mut BTreeMap<String, String>, file: &str, line: usize, text: &str) {
    let body = files.get_mut(file).expect("known file");
    let mut lines: Vec<String> = body.lines().map(str::to_owned).collect();
    lines[line - 1] = text.to_owned();
    *body = lines.join("\n") + "\n";
}

/// Appends a row to `file`; returns its line number.
fn append(files: &mut BTreeMap<String, String>, file: &str, text: &str) -> u64 {
    let body = files.get_mut(file).expect("known file");
    body.push_str(text);
    body.push('\n');
    body.lines().count() as u64
}

/// Loads the corrupted files and asserts an error on `file:line` whose message contains `words`.
fn assert_error(
    files: &BTreeMap<String, String>,
    file: &str,
    line: u64,
    words: &str,
) -> Vec<LoadError> {
    let errors = load(files).expect_err("the corrupted tables must be refused");
    assert!(
        errors
            .iter()
            .any(|e| e.file == file && e.line == Some(line) && e.message.contains(words)),
        "expected an error at {file}:{line} containing `{words}`, got:\n{}",
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    errors
}

fn d(text: &str) -> Decimal {
    text.parse().expect("decimal literal")
}

// --- the fixture itself --------------------------------------------------------------------------

#[test]
fn the_fixture_tables_load_without_error() {
    let book = load::from_dir(&fixture_dir()).unwrap_or_else(|e| panic!("{e:#?}"));

    let m5 = book
        .ec2_on_demand("us-east-1", "m5.large", OperatingSystem::Linux)
        .expect("m5.large");
    assert_eq!(m5.price_usd, d("0.096"));
    assert_eq!(
        book.version().len(),
        16,
        "the version is a 64-bit hex digest"
    );
}

#[test]
fn the_same_bytes_give_the_same_version_and_one_changed_byte_a_new_one() {
    let files = fixture();
    let first = load(&files).expect("loads");
    let again = load(&files).expect("loads");
    let mut changed = files.clone();
    set_line(
        &mut changed,
        "ec2_on_demand.csv",
        2,
        "us-east-1,m5.large,linux,hours,0.097,fx_ec2",
    );

    let other = load(&changed).expect("loads");

    assert_eq!(first.version(), again.version());
    assert_ne!(first.version(), other.version());
}

#[test]
fn written_tables_read_back_identically() {
    let (tables, _) =
        load::read_tables(|f| std::fs::read(fixture_dir().join(f)).ok()).expect("reads");
    let dir = std::env::temp_dir().join(format!("cloudcalc-write-{}", std::process::id()));

    load::write_tables(&tables, &dir).expect("writes");
    let again = load::read_dir(&dir).expect("reads back");
    std::fs::remove_dir_all(&dir).ok();

    assert_eq!(again, tables);
}

// --- one test per load or validation rule ----------------------------------------------------------

#[test]
fn a_missing_file_is_reported_by_name() {
    let mut files = fixture();
    files.remove("lambda.csv");

    let errors = load(&files).expect_err("refused");

    assert!(
        errors
            .iter()
            .any(|e| e.file == "lambda.csv" && e.line.is_none() && e.message.contains("missing"))
    );
}

#[test]
fn a_wrong_header_is_reported_on_line_1_with_expected_and_found() {
    let mut files = fixture();
    set_line(
        &mut files,
        "ec2_on_demand.csv",
        1,
        "region,instance_type,operating_system,unit,price_usd,source_id",
    );

    let errors = assert_error(
        &files,
        "ec2_on_demand.csv",
        1,
        "expected `region_code,instance_type",
    );

    let e = errors
        .iter()
        .find(|e| e.file == "ec2_on_demand.csv")
        .expect("error");
    assert!(e.message.contains("found `region,instance_type"), "{e}");
}

#[test]
fn a_bad_decimal_is_reported_with_file_line_and_column() {
    let mut files = fixture();
    set_line(
        &mut files,
        "ec2_on_demand.csv",
        3,
        "ap-northeast-2,m5.large,linux,hours,0.11.8,fx_ec2",
    );

    assert_error(
        &files,
        "ec2_on_demand.csv",
        3,
        "column `price_usd`: `0.11.8` is not a decimal number",
    );
}

#[test]
fn an_unknown_unit_is_reported_with_file_and_line() {
    let mut files = fixture();
    set_line(
        &mut files,
        "s3_storage.csv",
        4,
        "us-east-1,standard,512000,,GB-mo,0.021,fx_s3",
    );

    assert_error(
        &files,
        "s3_storage.csv",
        4,
        "column `unit`: unknown variant `GB-mo`",
    );
}

#[test]
fn a_known_unit_in_the_wrong_table_is_reported() {
    let mut files = fixture();
    set_line(
        &mut files,
        "ec2_on_demand.csv",
        2,
        "us-east-1,m5.large,linux,GB-months,0.096,fx_ec2",
    );

    assert_error(
        &files,
        "ec2_on_demand.csv",
        2,
        "wrong unit `GB-months`: this price must be per `hours`",
    );
}

#[test]
fn a_lambda_duration_priced_per_request_is_reported() {
    let mut files = fixture();
    set_line(
        &mut files,
        "lambda.csv",
        3,
        "us-east-1,x86_64,duration,0,6000000000,requests,0.0000166667,fx_lambda",
    );

    assert_error(&files, "lambda.csv", 3, "must be per `GB-seconds`");
}

#[test]
fn errors_in_several_files_are_all_reported_at_once() {
    let mut files = fixture();
    set_line(
        &mut files,
        "ec2_on_demand.csv",
        2,
        "us-east-1,m5.large,linux,hours,abc,fx_ec2",
    );
    set_line(
        &mut files,
        "lambda.csv",
        2,
        "us-east-1,x86_64,requests,0,,requests,xyz,fx_lambda",
    );
    set_line(
        &mut files,
        "lambda.csv",
        3,
        "us-east-1,x86_64,duration,0,6000000000,GB-seconds,??,fx_lambda",
    );

    let errors = load(&files).expect_err("refused");

    let places: Vec<String> = errors
        .iter()
        .map(|e| format!("{}:{}", e.file, e.line.unwrap_or(0)))
        .collect();
    assert_eq!(
        places,
        ["ec2_on_demand.csv:2", "lambda.csv:2", "lambda.csv:3"]
    );
}

#[test]
fn a_row_with_too_few_fields_is_reported_with_its_line() {
    let mut files = fixture();
    set_line(&mut files, "regions.csv", 3, "ap-northeast-2");

    assert_error(&files, "regions.csv", 3, "1 fields where the header has 2");
}

#[test]
fn a_negative_price_is_reported() {
    let mut files = fixture();
    set_line(
        &mut files,
        "s3_requests.csv",
        3,
        "us-east-1,standard,get,requests,-0.0000004,fx_s3",
    );

    assert_error(
        &files,
        "s3_requests.csv",
        3,
        "negative `price_usd` -0.0000004",
    );
}

#[test]
fn a_negative_upfront_fee_is_reported() {
    let mut files = fixture();
    set_line(
        &mut files,
        "ec2_reserved.csv",
        3,
        "us-east-1,m5.large,linux,standard,1yr,partial_upfront,-252,0.029,hours,false,fx_ri",
    );

    assert_error(&files, "ec2_reserved.csv", 3, "negative `upfront_usd` -252");
}

#[test]
fn a_duplicate_price_key_is_reported_on_the_second_line_naming_the_first() {
    let mut files = fixture();
    let line = append(
        &mut files,
        "ec2_on_demand.csv",
        "us-east-1,m5.large,linux,hours,0.1,fx_ec2",
    );

    assert_error(&files, "ec2_on_demand.csv", line, "already on line 2");
}

#[test]
fn a_gap_between_tiers_is_reported_on_the_tier_after_the_gap() {
    let mut files = fixture();
    set_line(
        &mut files,
        "s3_storage.csv",
        3,
        "us-east-1,standard,60000,512000,GB-months,0.022,fx_s3",
    );

    assert_error(
        &files,
        "s3_storage.csv",
        3,
        "starts at 60000 where the previous one ends at 51200",
    );
}

#[test]
fn a_duplicate_tier_is_reported_as_a_duplicate_key_naming_the_first_line() {
    let mut files = fixture();
    let line = append(
        &mut files,
        "s3_storage.csv",
        "us-east-1,standard,51200,512000,GB-months,0.0225,fx_s3",
    );

    assert_error(
        &files,
        "s3_storage.csv",
        line,
        "duplicate price key: the tier of `us-east-1 Standard` starting at 51200 is already on line 3",
    );
}

#[test]
fn tiers_that_do_not_start_at_zero_are_reported() {
    let mut files = fixture();
    set_line(
        &mut files,
        "data_transfer_out.csv",
        2,
        "us-east-1,1,10240,GB,0.09,fx_ec2",
    );

    assert_error(
        &files,
        "data_transfer_out.csv",
        2,
        "starts at 1; tiers start at 0",
    );
}

#[test]
fn a_closed_last_tier_is_reported() {
    let mut files = fixture();
    set_line(
        &mut files,
        "lambda.csv",
        5,
        "us-east-1,x86_64,duration,15000000000,20000000000,GB-seconds,0.0000133334,fx_lambda",
    );

    assert_error(&files, "lambda.csv", 5, "the last tier must be open");
}

#[test]
fn an_open_tier_followed_by_more_tiers_is_reported() {
    let mut files = fixture();
    set_line(
        &mut files,
        "ebs_volumes.csv",
        3,
        "us-east-1,gp3,iops,0,,IOPS-months,0,fx_ebs",
    );

    assert_error(&files, "ebs_volumes.csv", 3, "open but more tiers follow");
}

#[test]
fn an_unknown_region_is_reported() {
    let mut files = fixture();
    set_line(
        &mut files,
        "public_ipv4.csv",
        2,
        "us-east-9,hours,0.005,fx_ebs",
    );

    assert_error(&files, "public_ipv4.csv", 2, "unknown region `us-east-9`");
}

#[test]
fn a_missing_source_is_reported() {
    let mut files = fixture();
    set_line(
        &mut files,
        "rds_backup.csv",
        2,
        "us-east-1,GB-months,0.095,no_such_source",
    );

    assert_error(
        &files,
        "rds_backup.csv",
        2,
        "unknown source `no_such_source`",
    );
}

#[test]
fn an_impossible_price_date_is_reported() {
    let mut files = fixture();
    set_line(
        &mut files,
        "sources.csv",
        3,
        "fx_ri,ec2_reserved,2021-02-30,fixture,hand-made",
    );

    assert_error(
        &files,
        "sources.csv",
        3,
        "price_date `2021-02-30` is not a valid YYYY-MM-DD date",
    );
}

#[test]
fn an_ec2_price_for_an_unknown_instance_type_is_reported() {
    let mut files = fixture();
    let line = append(
        &mut files,
        "ec2_spot.csv",
        "us-east-1,m9.huge,linux,hours,0.1,fx_spot",
    );

    assert_error(
        &files,
        "ec2_spot.csv",
        line,
        "unknown instance type `m9.huge`",
    );
}

#[test]
fn a_database_price_for_an_unknown_class_is_reported() {
    let mut files = fixture();
    let line = append(
        &mut files,
        "aurora_instances.csv",
        "us-east-1,aurora_postgresql,db.x9.huge,standard,hours,1,fx_aurora",
    );

    assert_error(
        &files,
        "aurora_instances.csv",
        line,
        "unknown instance class `db.x9.huge`",
    );
}

#[test]
fn an_orphan_reservation_without_an_on_demand_price_is_reported() {
    let mut files = fixture();
    let line = append(
        &mut files,
        "ec2_reserved.csv",
        "us-east-1,m5.large,windows,standard,1yr,no_upfront,0,0.1,hours,false,fx_ri",
    );

    assert_error(
        &files,
        "ec2_reserved.csv",
        line,
        "orphan reservation: no On-Demand price for us-east-1 m5.large windows",
    );
}

#[test]
fn an_orphan_savings_plan_rate_is_reported() {
    let mut files = fixture();
    let line = append(
        &mut files,
        "ec2_savings_plans.csv",
        "ap-northeast-2,m7g.large,linux,compute,1yr,no_upfront,hours,0.06,fx_sp",
    );

    assert_error(
        &files,
        "ec2_savings_plans.csv",
        line,
        "orphan Savings Plans rate",
    );
}

#[test]
fn an_orphan_database_reservation_is_reported() {
    let mut files = fixture();
    let rds = append(
        &mut files,
        "rds_reserved.csv",
        "us-east-1,postgresql,,,db.m5.large,single_az,1yr,no_upfront,0,0.1,hours,false,fx_rds",
    );
    let aurora = append(
        &mut files,
        "aurora_reserved.csv",
        "us-east-1,aurora_postgresql,db.r6g.large,io_optimized,3yr,all_upfront,5000,0,hours,false,fx_aurora",
    );

    assert_error(&files, "rds_reserved.csv", rds, "no On-Demand price");
    assert_error(&files, "aurora_reserved.csv", aurora, "no On-Demand price");
}

#[test]
fn an_all_upfront_reservation_with_an_hourly_fee_is_reported() {
    let mut files = fixture();
    set_line(
        &mut files,
        "ec2_reserved.csv",
        4,
        "us-east-1,m5.large,linux,standard,1yr,all_upfront,494,0.01,hours,false,fx_ri",
    );

    assert_error(
        &files,
        "ec2_reserved.csv",
        4,
        "All Upfront must have hourly_usd 0",
    );
}

#[test]
fn a_no_upfront_reservation_with_an_upfront_fee_is_reported() {
    let mut files = fixture();
    set_line(
        &mut files,
        "ec2_reserved.csv",
        2,
        "us-east-1,m5.large,linux,standard,1yr,no_upfront,10,0.06,hours,false,fx_ri",
    );

    assert_error(
        &files,
        "ec2_reserved.csv",
        2,
        "No Upfront must have upfront_usd 0",
    );
}

#[test]
fn a_partial_upfront_reservation_without_an_hourly_fee_is_reported() {
    let mut files = fixture();
    set_line(
        &mut files,
        "ec2_reserved.csv",
        3,
        "us-east-1,m5.large,linux,standard,1yr,partial_upfront,252,0,hours,false,fx_ri",
    );

    assert_error(
        &files,
        "ec2_reserved.csv",
        3,
        "Partial Upfront must have both",
    );
}

#[test]
fn a_missing_billing_rule_is_reported() {
    let mut files = fixture();
    let text = files["billing_rules.csv"].replace("data_transfer_free_gb,100,GB,fx_rules\n", "");
    files.insert("billing_rules.csv".into(), text);

    let errors = load(&files).expect_err("refused");

    assert!(
        errors.iter().any(|e| e.file == "billing_rules.csv"
            && e.message.contains("missing rule `data_transfer_free_gb`")),
        "{errors:#?}"
    );
}

#[test]
fn a_blank_line_inside_a_table_is_refused_so_line_numbers_stay_true() {
    let mut files = fixture();
    let text = files["regions.csv"].replace("\nap-northeast-2", "\n\nap-northeast-2");
    files.insert("regions.csv".into(), text);

    assert_error(
        &files,
        "regions.csv",
        4,
        "a blank line comes before this row",
    );
}

#[test]
fn a_line_break_inside_a_field_is_refused_so_line_numbers_stay_true() {
    let mut files = fixture();
    set_line(
        &mut files,
        "regions.csv",
        3,
        "ap-northeast-2,\"Asia Pacific\n(Seoul)\"",
    );

    assert_error(&files, "regions.csv", 3, "a field holds a line break");
}

// --- the bundled tables ---------------------------------------------------------------------------

fn bundled() -> PriceBook {
    load::bundled().unwrap_or_else(|errors| {
        panic!(
            "the bundled tables must load:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

#[test]
fn the_bundled_tables_load_without_error() {
    let book = bundled();

    assert!(!book.regions().is_empty());
    assert_eq!(book.version().len(), 16);
}

#[test]
fn bundled_prices_match_their_sources() {
    let book = bundled();
    let ec2 = |region: &str| {
        book.ec2_on_demand(region, "m5.large", OperatingSystem::Linux)
            .unwrap_or_else(|| panic!("m5.large Linux in {region}"))
            .price_usd
    };
    let first_tier = |tiers: Option<&[pricing::Tier]>| tiers.expect("tiers")[0].price_usd;
    let aurora = |config| {
        book.aurora_instance(
            "us-east-1",
            AuroraEngine::AuroraMysql,
            "db.r6g.large",
            config,
        )
        .expect("db.r6g.large Aurora MySQL")
        .price_usd
    };

    // Figures from /work/shared/pricing-sources (SOURCES.md sections 1 and 7).
    assert_eq!(ec2("us-east-1"), d("0.096"), "m5.large Linux us-east-1");
    assert_eq!(
        ec2("ap-northeast-2"),
        d("0.118"),
        "m5.large Linux ap-northeast-2"
    );
    assert_eq!(
        first_tier(book.lambda(
            "us-east-1",
            model::Architecture::X86_64,
            LambdaComponent::Duration
        )),
        d("0.0000166667"),
        "Lambda x86 GB-second us-east-1"
    );
    assert_eq!(
        first_tier(book.s3_storage("ap-northeast-2", S3StorageTier::Standard)),
        d("0.025"),
        "S3 Standard first tier ap-northeast-2"
    );
    assert_eq!(
        aurora(AuroraStorageConfig::Standard),
        d("0.26"),
        "Aurora Standard"
    );
    assert_eq!(
        aurora(AuroraStorageConfig::IoOptimized),
        d("0.338"),
        "Aurora I/O-Optimized"
    );
}

// --- the catalogue --------------------------------------------------------------------------------

#[test]
fn the_catalogue_offers_what_the_fixture_prices() {
    let book = load::from_dir(&fixture_dir()).expect("loads");

    let catalog = pricing::catalog::build(&book);

    assert_eq!(catalog.version, book.version());
    let codes: Vec<&str> = catalog.regions.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["ap-northeast-2", "us-east-1"]);
    let us = catalog
        .offers
        .iter()
        .find(|o| o.region == "us-east-1")
        .expect("us-east-1 offers");
    let m5 = us
        .ec2
        .instance_types
        .iter()
        .find(|t| t.name == "m5.large")
        .expect("m5.large offered");
    assert_eq!(m5.operating_systems, [OperatingSystem::Linux]);
    assert!(m5.spot && m5.commitments);
    let m7g = us
        .ec2
        .instance_types
        .iter()
        .find(|t| t.name == "m7g.large")
        .expect("m7g.large offered");
    assert!(!m7g.spot && !m7g.commitments);
    assert!(us.ec2.public_ipv4);
    assert_eq!(
        us.ec2.volume_types,
        [model::VolumeType::Gp3, model::VolumeType::Gp2]
    );
    assert_eq!(
        us.lambda,
        [model::Architecture::X86_64, model::Architecture::Arm64]
    );
    assert_eq!(us.s3, [StorageClass::Standard, StorageClass::StandardIa]);
    assert_eq!(us.rds.len(), 1);
    assert_eq!(us.rds[0].instance_classes, ["db.m5.large"]);
    assert_eq!(
        us.rds[0].deployments,
        [model::Deployment::SingleAz, model::Deployment::MultiAz]
    );
    assert_eq!(us.rds[0].storage_types, [model::RdsStorageType::Gp3]);
    assert_eq!(us.aurora.len(), 1);
    assert_eq!(
        us.aurora[0].storage_configs,
        [
            AuroraStorageConfig::Standard,
            AuroraStorageConfig::IoOptimized
        ]
    );
    assert!(us.aurora[0].serverless_v2);
    let seoul = catalog
        .offers
        .iter()
        .find(|o| o.region == "ap-northeast-2")
        .expect("seoul offers");
    assert!(seoul.rds.is_empty() && seoul.lambda.is_empty() && !seoul.ec2.public_ipv4);
    assert_eq!(catalog.price_tables.len(), 10, "one per source row");
}

#[test]
fn the_bundled_catalogue_covers_every_region_and_is_deterministic() {
    let book = bundled();

    let first = pricing::catalog::build(&book);
    let second = pricing::catalog::build(&book);

    assert_eq!(first, second);
    assert_eq!(first.regions.len(), book.regions().len());
    assert_eq!(first.offers.len(), first.regions.len());
}
