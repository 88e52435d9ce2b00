//! The official-format importer: AWS Price List bulk offer files (AmazonEC2 and Compute Savings
//! Plans) into the price tables.
//!
//! Fixtures under `tests/fixtures/price-list/`: two excerpts of official files
//! (`ec2-global-sample-excerpt.csv`, the first rows of jtdelia/ec2-priceit's
//! `3-global-pricing-file-sample.csv`; `savingsplan-ap-east-2-sample.csv`, its whole
//! `5-ap-east-2-savingsplan-pricing.csv`) and hand-written files in the same format whose prices
//! are transcribed from SOURCES.md sections 7 and 10 (c5.xlarge Windows Tokyo; m5.large Linux
//! us-east-1 from the GetProducts document).

use std::path::{Path, PathBuf};

use model::{OfferingClass, OperatingSystem, Payment, SavingsPlanType, Term};
use pricing::book::PriceBook;
use pricing::import::{ImportError, ImportSource, import_files, import_price_list};
use pricing::load;
use pricing::rows::Tables;
use rust_decimal::Decimal;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(&format!("price-list/{name}"))).expect("fixture file")
}

/// The small hand-made book (us-east-1 and ap-northeast-2 only).
fn fixture_tables() -> Tables {
    load::read_dir(&fixture("book")).expect("fixture tables")
}

fn bundled_tables() -> Tables {
    load::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../pricing-data/aws"))
        .expect("bundled tables")
}

fn d(text: &str) -> Decimal {
    text.parse().expect("decimal literal")
}

fn import(tables: &mut Tables, name: &str) -> pricing::import::ImportSummary {
    import_price_list(&bytes(name), tables, ImportSource::file(name))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn validated(tables: Tables) -> PriceBook {
    PriceBook::from_tables(tables).unwrap_or_else(|errors| {
        panic!(
            "the imported tables must validate:\n{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

#[test]
fn every_reserved_option_of_m5_large_is_imported_with_its_hourly_rate_and_upfront_fee() {
    let mut tables = fixture_tables();

    let summary = import(&mut tables, "ec2-m5large-linux-us-east-1.csv");

    // One On-Demand price (already in the fixture: replaced) and 12 offers (one was in the
    // fixture's 3: those 3 are replaced, 9 added).
    assert_eq!(summary.on_demand.replaced, 1);
    assert_eq!(summary.reserved.added + summary.reserved.replaced, 12);
    assert_eq!(summary.reserved.replaced, 3);
    let book = validated(tables);
    // Figures from GetProducts_m5_large.json (SOURCES.md section 7).
    let cases = [
        (
            OfferingClass::Standard,
            Term::OneYear,
            Payment::NoUpfront,
            "0",
            "0.06",
        ),
        (
            OfferingClass::Standard,
            Term::OneYear,
            Payment::PartialUpfront,
            "252",
            "0.029",
        ),
        (
            OfferingClass::Standard,
            Term::OneYear,
            Payment::AllUpfront,
            "494",
            "0",
        ),
        (
            OfferingClass::Standard,
            Term::ThreeYears,
            Payment::NoUpfront,
            "0",
            "0.041",
        ),
        (
            OfferingClass::Standard,
            Term::ThreeYears,
            Payment::PartialUpfront,
            "505",
            "0.019",
        ),
        (
            OfferingClass::Standard,
            Term::ThreeYears,
            Payment::AllUpfront,
            "949",
            "0",
        ),
        (
            OfferingClass::Convertible,
            Term::OneYear,
            Payment::NoUpfront,
            "0",
            "0.071",
        ),
        (
            OfferingClass::Convertible,
            Term::OneYear,
            Payment::PartialUpfront,
            "294",
            "0.034",
        ),
        (
            OfferingClass::Convertible,
            Term::OneYear,
            Payment::AllUpfront,
            "577",
            "0",
        ),
        (
            OfferingClass::Convertible,
            Term::ThreeYears,
            Payment::NoUpfront,
            "0",
            "0.049",
        ),
        (
            OfferingClass::Convertible,
            Term::ThreeYears,
            Payment::PartialUpfront,
            "592",
            "0.023",
        ),
        (
            OfferingClass::Convertible,
            Term::ThreeYears,
            Payment::AllUpfront,
            "1161",
            "0",
        ),
    ];
    for (class, term, payment, upfront, hourly) in cases {
        let case = format!("{class:?} {term:?} {payment:?}");
        let row = book
            .ec2_reserved(
                "us-east-1",
                "m5.large",
                OperatingSystem::Linux,
                class,
                term,
                payment,
            )
            .unwrap_or_else(|| panic!("{case} imported"));
        assert_eq!(row.upfront_usd, d(upfront), "{case} upfront");
        assert_eq!(row.hourly_usd, d(hourly), "{case} hourly");
        assert!(!row.reconstructed, "{case}");
        assert_eq!(
            row.source_id, "import_amazonec2_2025-10-17_ec2_reserved",
            "{case}"
        );
    }
    let on_demand = book
        .ec2_on_demand("us-east-1", "m5.large", OperatingSystem::Linux)
        .expect("On-Demand");
    assert_eq!(on_demand.price_usd, d("0.096"));
}

#[test]
fn c5_xlarge_windows_in_tokyo_adds_the_region_the_type_and_six_standard_offers() {
    let mut tables = fixture_tables();

    let summary = import(&mut tables, "ec2-c5xlarge-windows-tokyo.csv");

    assert_eq!(summary.regions_added, 1);
    assert_eq!(summary.instance_types_added, 1);
    assert_eq!(summary.on_demand.added, 1);
    assert_eq!(summary.reserved.added, 6);
    // Dedicated, unused capacity, BYOL, SQL Server and Local Zone rows are left out.
    assert_eq!(summary.skipped.values().sum::<usize>(), 5, "{summary}");
    let book = validated(tables);
    assert_eq!(
        book.region("ap-northeast-1").expect("Tokyo").name,
        "Asia Pacific (Tokyo)"
    );
    let c5 = book
        .ec2_instance_type("c5.xlarge")
        .expect("c5.xlarge added");
    assert_eq!(
        (c5.family.as_str(), c5.vcpu, c5.memory_gib),
        ("c5", 4, d("8"))
    );
    assert_eq!(c5.architecture, "x86_64");
    let windows = OperatingSystem::Windows;
    let od = book
        .ec2_on_demand("ap-northeast-1", "c5.xlarge", windows)
        .expect("On-Demand");
    assert_eq!(od.price_usd, d("0.398"));
    // Figures from SOURCES.md section 10.
    let cases = [
        (Term::OneYear, Payment::NoUpfront, "0", "0.319"),
        (Term::OneYear, Payment::PartialUpfront, "1368", "0.156"),
        (Term::OneYear, Payment::AllUpfront, "2714", "0"),
        (Term::ThreeYears, Payment::NoUpfront, "0", "0.276"),
        (Term::ThreeYears, Payment::PartialUpfront, "3543", "0.135"),
        (Term::ThreeYears, Payment::AllUpfront, "6950", "0"),
    ];
    for (term, payment, upfront, hourly) in cases {
        let row = book
            .ec2_reserved(
                "ap-northeast-1",
                "c5.xlarge",
                windows,
                OfferingClass::Standard,
                term,
                payment,
            )
            .unwrap_or_else(|| panic!("{term:?} {payment:?}"));
        assert_eq!(
            (row.upfront_usd, row.hourly_usd),
            (d(upfront), d(hourly)),
            "{term:?} {payment:?}"
        );
    }
    let source = book
        .source("import_amazonec2_2025-10-17_ec2_on_demand")
        .expect("a source row for the import");
    assert_eq!(source.price_date, "2025-10-17");
    assert_eq!(source.origin, "ec2-c5xlarge-windows-tokyo.csv");
}

#[test]
fn compute_and_ec2_instance_savings_plans_rates_are_imported_for_every_term_and_payment() {
    let mut tables = fixture_tables();
    import(&mut tables, "ec2-c5xlarge-windows-tokyo.csv");

    let summary = import(&mut tables, "savingsplan-c5xlarge-windows-tokyo.csv");

    assert_eq!(summary.savings_plans.added, 12);
    assert_eq!(
        summary.skipped.values().sum::<usize>(),
        2,
        "dedicated and unused rows: {summary}"
    );
    let book = validated(tables);
    // Figures from SOURCES.md section 10.
    let cases = [
        (
            SavingsPlanType::Compute,
            Term::OneYear,
            Payment::NoUpfront,
            "0.361",
        ),
        (
            SavingsPlanType::Compute,
            Term::OneYear,
            Payment::PartialUpfront,
            "0.352",
        ),
        (
            SavingsPlanType::Compute,
            Term::OneYear,
            Payment::AllUpfront,
            "0.349",
        ),
        (
            SavingsPlanType::Compute,
            Term::ThreeYears,
            Payment::NoUpfront,
            "0.31",
        ),
        (
            SavingsPlanType::Compute,
            Term::ThreeYears,
            Payment::PartialUpfront,
            "0.301",
        ),
        (
            SavingsPlanType::Compute,
            Term::ThreeYears,
            Payment::AllUpfront,
            "0.299",
        ),
        (
            SavingsPlanType::Ec2Instance,
            Term::OneYear,
            Payment::NoUpfront,
            "0.319",
        ),
        (
            SavingsPlanType::Ec2Instance,
            Term::OneYear,
            Payment::PartialUpfront,
            "0.312",
        ),
        (
            SavingsPlanType::Ec2Instance,
            Term::OneYear,
            Payment::AllUpfront,
            "0.31",
        ),
        (
            SavingsPlanType::Ec2Instance,
            Term::ThreeYears,
            Payment::NoUpfront,
            "0.276",
        ),
        (
            SavingsPlanType::Ec2Instance,
            Term::ThreeYears,
            Payment::PartialUpfront,
            "0.27",
        ),
        (
            SavingsPlanType::Ec2Instance,
            Term::ThreeYears,
            Payment::AllUpfront,
            "0.264",
        ),
    ];
    for (plan, term, payment, rate) in cases {
        let case = format!("{plan:?} {term:?} {payment:?}");
        let row = book
            .ec2_savings_plan(
                "ap-northeast-1",
                "c5.xlarge",
                OperatingSystem::Windows,
                plan,
                term,
                payment,
            )
            .unwrap_or_else(|| panic!("{case} imported"));
        assert_eq!(row.price_usd, d(rate), "{case}");
    }
}

#[test]
fn savings_plans_rates_without_an_on_demand_price_are_left_out_and_counted() {
    let mut tables = fixture_tables();
    let before = tables.clone();

    let summary = import(&mut tables, "savingsplan-c5xlarge-windows-tokyo.csv");

    assert_eq!(summary.savings_plans.added, 0);
    assert_eq!(summary.skipped.values().sum::<usize>(), 14, "{summary}");
    assert_eq!(tables, before, "nothing imported, nothing changed");
}

#[test]
fn the_official_ap_east_2_sample_imports_its_shared_tenancy_rates_into_the_bundled_tables() {
    let mut tables = bundled_tables();

    let summary = import(&mut tables, "savingsplan-ap-east-2-sample.csv");

    // Of the 44 rows, six are BoxUsage Linux/RHEL/SUSE rates; the rest are dedicated, unused
    // capacity or other operations.
    assert_eq!(
        summary.savings_plans.added + summary.savings_plans.replaced,
        6,
        "{summary}"
    );
    let book = validated(tables);
    let rate = |ty: &str, os| {
        book.ec2_savings_plan(
            "ap-east-2",
            ty,
            os,
            SavingsPlanType::Ec2Instance,
            Term::ThreeYears,
            Payment::PartialUpfront,
        )
        .unwrap_or_else(|| panic!("{ty} {os:?}"))
        .price_usd
    };
    // Figures from 5-ap-east-2-savingsplan-pricing.csv (SOURCES.md section 6).
    assert_eq!(rate("r7g.2xlarge", OperatingSystem::Linux), d("0.1954"));
    assert_eq!(rate("r7g.12xlarge", OperatingSystem::Linux), d("1.1721"));
    assert_eq!(rate("r7g.12xlarge", OperatingSystem::Rhel), d("1.6905"));
    assert_eq!(rate("r7g.xlarge", OperatingSystem::Rhel), d("0.1553"));
    assert_eq!(rate("r7g.16xlarge", OperatingSystem::Suse), d("1.6168"));
    assert_eq!(rate("r7g.metal", OperatingSystem::Suse), d("1.6168"));
}

#[test]
fn the_official_global_ec2_sample_has_no_shared_tenancy_base_prices_and_changes_nothing() {
    let mut tables = fixture_tables();
    let before = tables.clone();

    let summary = import(&mut tables, "ec2-global-sample-excerpt.csv");

    // Its first 21 rows are dedicated, host, SQL Server, BYOL, unused-capacity or Ubuntu Pro
    // prices, none of which cloudcalc prices.
    assert_eq!(summary.skipped.values().sum::<usize>(), 21, "{summary}");
    assert!(summary.sources.is_empty());
    assert_eq!(tables, before);
}

#[test]
fn a_file_that_is_not_a_price_list_is_refused_with_its_line() {
    let mut tables = fixture_tables();
    let text = b"region_code,name\nus-east-1,US East\n";

    let error = import_price_list(text, &mut tables, ImportSource::file("regions.csv"))
        .expect_err("refused");

    assert!(
        matches!(&error, ImportError::Format { line: Some(1), message, .. } if message.contains("FormatVersion")),
        "{error}"
    );
}

#[test]
fn an_unsupported_offer_is_refused() {
    let mut tables = fixture_tables();
    let text = bytes("ec2-m5large-linux-us-east-1.csv");
    let text = String::from_utf8(text)
        .expect("utf8")
        .replace("\"AmazonEC2\"", "\"AmazonRDS\"");

    let error = import_price_list(text.as_bytes(), &mut tables, ImportSource::file("rds.csv"))
        .expect_err("refused");

    assert!(
        error
            .to_string()
            .contains("rds.csv:5: offer `AmazonRDS` is not supported"),
        "{error}"
    );
}

#[test]
fn a_bad_price_is_refused_with_its_line_and_nothing_is_changed() {
    let mut tables = fixture_tables();
    let before = tables.clone();
    let text = String::from_utf8(bytes("ec2-m5large-linux-us-east-1.csv")).expect("utf8");
    let text = text.replacen("\"0.0600000000\"", "\"0.06.0\"", 1);
    let line = text
        .lines()
        .position(|l| l.contains("0.06.0"))
        .expect("corrupted")
        + 1;

    let error = import_price_list(text.as_bytes(), &mut tables, ImportSource::file("m5.csv"))
        .expect_err("refused");

    assert!(
        matches!(&error, ImportError::Format { line: Some(l), .. } if *l == line as u64),
        "{error}"
    );
    assert_eq!(tables, before);
}

#[test]
fn import_files_orders_ec2_before_savings_plans_validates_and_writes_the_directory() {
    let dir = std::env::temp_dir().join(format!("cloudcalc-import-{}", std::process::id()));
    load::write_tables(&fixture_tables(), &dir).expect("copy of the fixture book");
    let files = [
        fixture("price-list/savingsplan-c5xlarge-windows-tokyo.csv"),
        fixture("price-list/ec2-c5xlarge-windows-tokyo.csv"),
        fixture("price-list/ec2-m5large-linux-us-east-1.csv"),
    ];

    let summary = import_files(&dir, &files);
    let book = load::from_dir(&dir);
    std::fs::remove_dir_all(&dir).ok();

    let summary = summary.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary.savings_plans.added, 12, "{summary}");
    let book = book.unwrap_or_else(|e| panic!("{e:#?}"));
    let sp = book
        .ec2_savings_plan(
            "ap-northeast-1",
            "c5.xlarge",
            OperatingSystem::Windows,
            SavingsPlanType::Compute,
            Term::OneYear,
            Payment::NoUpfront,
        )
        .expect("Savings Plans rate written");
    assert_eq!(sp.price_usd, d("0.361"));
    assert_eq!(
        sp.source_id,
        "import_awscomputesavingsplan_2025-10-17_ec2_savings_plans"
    );
}
