//! A small hand-built price book with real published prices (from `/work/shared/pricing-sources/
//! SOURCES.md` samples, us-east-1 unless noted) and helpers to build requests.
//!
//! Figures marked "illustrative" are not published prices; they are there to exercise a rule.
#![allow(dead_code)]

use model::response::Unit::{self, *};
use model::*;
use pricing::PriceBook;
use pricing::rows::*;
use rust_decimal::Decimal;

/// A decimal from its text.
pub fn d(s: &str) -> Decimal {
    s.parse().expect("a decimal literal")
}

pub const USE1: &str = "us-east-1";
pub const SEOUL: &str = "ap-northeast-2";

fn src(id: &str, table: &str, date: &str) -> SourceRow {
    SourceRow {
        source_id: id.to_owned(),
        table: table.to_owned(),
        price_date: date.to_owned(),
        origin: format!("test fixture for {table}"),
        notes: String::new(),
    }
}

/// The test book's tables.
pub fn tables() -> Tables {
    let mut t = Tables::default();
    for (code, name) in [
        (USE1, "US East (N. Virginia)"),
        (SEOUL, "Asia Pacific (Seoul)"),
    ] {
        t.regions.push(RegionRow {
            region_code: code.to_owned(),
            name: name.to_owned(),
        });
    }
    for table in [
        "ec2_on_demand",
        "ec2_reserved",
        "ec2_spot",
        "ec2_savings_plans",
        "public_ipv4",
        "lambda",
        "s3_storage",
        "s3_requests",
        "s3_retrieval",
        "s3_monitoring",
        "s3_storage_classes",
        "rds_instances",
        "rds_reserved",
        "rds_storage",
        "rds_backup",
        "aurora_instances",
        "aurora_reserved",
        "aurora_cluster",
        "billing_rules",
    ] {
        t.sources.push(src(table, table, "2025-11-20"));
    }
    // Data transfer prices from an older capture: the estimate's price_date becomes a range.
    t.sources
        .push(src("data_transfer_out", "data_transfer_out", "2024-07-18"));

    for (it, arch) in [("m5.large", "x86_64"), ("m7g.large", "arm64")] {
        t.ec2_instance_types.push(Ec2InstanceTypeRow {
            instance_type: it.to_owned(),
            family: it.split('.').next().unwrap_or_default().to_owned(),
            vcpu: 2,
            memory_gib: d("8"),
            architecture: arch.to_owned(),
            current_generation: true,
        });
    }
    let od = |region: &str, it: &str, os: OperatingSystem, price: &str| Ec2OnDemandRow {
        region_code: region.to_owned(),
        instance_type: it.to_owned(),
        operating_system: os,
        unit: Hours,
        price_usd: d(price),
        source_id: "ec2_on_demand".to_owned(),
    };
    t.ec2_on_demand = vec![
        od(USE1, "m5.large", OperatingSystem::Linux, "0.096"),
        od(USE1, "m5.large", OperatingSystem::Windows, "0.188"),
        od(USE1, "m7g.large", OperatingSystem::Linux, "0.0816"),
        od(SEOUL, "m5.large", OperatingSystem::Linux, "0.118"),
    ];
    let ri = |region: &str,
              it: &str,
              class: OfferingClass,
              term: Term,
              payment: Payment,
              upfront: &str,
              hourly: &str| Ec2ReservedRow {
        region_code: region.to_owned(),
        instance_type: it.to_owned(),
        operating_system: OperatingSystem::Linux,
        offering_class: class,
        term,
        payment,
        upfront_usd: d(upfront),
        hourly_usd: d(hourly),
        unit: Hours,
        reconstructed: false,
        source_id: "ec2_reserved".to_owned(),
    };
    use OfferingClass::{Convertible, Standard as StdClass};
    use Payment::*;
    use Term::*;
    t.ec2_reserved = vec![
        // m5.large standard: 1yr NU 0.06; AU 0.0563927 effective × 8,760 = 494; 3yr AU
        // 0.0361111 × 26,280 = 949; 1yr PU 252 + 0.029/h (effective 0.0577671).
        ri(USE1, "m5.large", StdClass, OneYear, NoUpfront, "0", "0.06"),
        ri(
            USE1,
            "m5.large",
            StdClass,
            OneYear,
            PartialUpfront,
            "252",
            "0.029",
        ),
        ri(USE1, "m5.large", StdClass, OneYear, AllUpfront, "494", "0"),
        ri(
            USE1, "m5.large", StdClass, ThreeYears, NoUpfront, "0", "0.041",
        ),
        ri(
            USE1, "m5.large", StdClass, ThreeYears, AllUpfront, "949", "0",
        ),
        ri(
            USE1,
            "m5.large",
            Convertible,
            OneYear,
            NoUpfront,
            "0",
            "0.071",
        ),
        ri(
            USE1,
            "m5.large",
            Convertible,
            ThreeYears,
            NoUpfront,
            "0",
            "0.049",
        ),
        // m7g.large standard 1yr NU (illustrative).
        ri(
            USE1,
            "m7g.large",
            StdClass,
            OneYear,
            NoUpfront,
            "0",
            "0.0516",
        ),
        // Seoul: only a StdClass 1yr No Upfront offer in this book (illustrative figure).
        ri(
            SEOUL, "m5.large", StdClass, OneYear, NoUpfront, "0", "0.074",
        ),
    ];
    t.ec2_spot = vec![Ec2SpotRow {
        region_code: USE1.to_owned(),
        instance_type: "m5.large".to_owned(),
        operating_system: OperatingSystem::Linux,
        unit: Hours,
        price_usd: d("0.0364"),
        source_id: "ec2_spot".to_owned(),
    }];
    let sp = |plan, term, payment, price: &str| Ec2SavingsPlanRow {
        region_code: USE1.to_owned(),
        instance_type: "m5.large".to_owned(),
        operating_system: OperatingSystem::Linux,
        plan,
        term,
        payment,
        unit: Hours,
        price_usd: d(price),
        source_id: "ec2_savings_plans".to_owned(),
    };
    // Compute SP m5.large: 1yr 0.071 / 0.067 / 0.066, 3yr 0.049 / 0.045 / 0.044.
    t.ec2_savings_plans = vec![
        sp(SavingsPlanType::Compute, OneYear, NoUpfront, "0.071"),
        sp(SavingsPlanType::Compute, OneYear, PartialUpfront, "0.067"),
        sp(SavingsPlanType::Compute, OneYear, AllUpfront, "0.066"),
        sp(SavingsPlanType::Compute, ThreeYears, NoUpfront, "0.049"),
        sp(
            SavingsPlanType::Compute,
            ThreeYears,
            PartialUpfront,
            "0.045",
        ),
        sp(SavingsPlanType::Compute, ThreeYears, AllUpfront, "0.044"),
    ];
    let ebs =
        |vt, component, start: &str, end: Option<&str>, unit: Unit, price: &str| EbsVolumeRow {
            region_code: USE1.to_owned(),
            volume_type: vt,
            component,
            tier_start: d(start),
            tier_end: end.map(d),
            unit,
            price_usd: d(price),
            source_id: "ebs_volumes".to_owned(),
        };
    use EbsComponent as E;
    t.sources
        .push(src("ebs_volumes", "ebs_volumes", "2024-07-18"));
    t.ebs_volumes = vec![
        ebs(VolumeType::Gp3, E::Storage, "0", None, GbMonths, "0.08"),
        ebs(VolumeType::Gp3, E::Iops, "0", Some("3000"), IopsMonths, "0"),
        ebs(VolumeType::Gp3, E::Iops, "3000", None, IopsMonths, "0.005"),
        ebs(
            VolumeType::Gp3,
            E::Throughput,
            "0",
            Some("125"),
            MbpsMonths,
            "0",
        ),
        ebs(
            VolumeType::Gp3,
            E::Throughput,
            "125",
            None,
            MbpsMonths,
            "0.04",
        ),
        ebs(VolumeType::Io1, E::Storage, "0", None, GbMonths, "0.125"),
        ebs(VolumeType::Io1, E::Iops, "0", None, IopsMonths, "0.065"),
        ebs(VolumeType::Io2, E::Storage, "0", None, GbMonths, "0.125"),
        ebs(
            VolumeType::Io2,
            E::Iops,
            "0",
            Some("32000"),
            IopsMonths,
            "0.065",
        ),
        ebs(
            VolumeType::Io2,
            E::Iops,
            "32000",
            Some("64000"),
            IopsMonths,
            "0.0455",
        ),
        ebs(
            VolumeType::Io2,
            E::Iops,
            "64000",
            None,
            IopsMonths,
            "0.03185",
        ),
        ebs(
            VolumeType::Standard,
            E::Storage,
            "0",
            None,
            GbMonths,
            "0.05",
        ),
    ];
    t.public_ipv4 = vec![PublicIpv4Row {
        region_code: USE1.to_owned(),
        unit: Hours,
        price_usd: d("0.005"),
        source_id: "public_ipv4".to_owned(),
    }];
    let dt = |region: &str, start: &str, end: Option<&str>, price: &str| DataTransferOutRow {
        region_code: region.to_owned(),
        tier_start: d(start),
        tier_end: end.map(d),
        unit: Gb,
        price_usd: d(price),
        source_id: "data_transfer_out".to_owned(),
    };
    // us-east-1: $0.09 first 10 TB, $0.085 next 40 TB, $0.07 next 100 TB, $0.05 over 150 TB.
    t.data_transfer_out = vec![
        dt(USE1, "0", Some("10240"), "0.09"),
        dt(USE1, "10240", Some("51200"), "0.085"),
        dt(USE1, "51200", Some("153600"), "0.07"),
        dt(USE1, "153600", None, "0.05"),
        dt(SEOUL, "0", Some("10240"), "0.126"),
        dt(SEOUL, "10240", None, "0.122"),
    ];
    let lam =
        |arch, component, start: &str, end: Option<&str>, unit: Unit, price: &str| LambdaRow {
            region_code: USE1.to_owned(),
            architecture: arch,
            component,
            tier_start: d(start),
            tier_end: end.map(d),
            unit,
            price_usd: d(price),
            source_id: "lambda".to_owned(),
        };
    use Architecture::*;
    use LambdaComponent as L;
    t.lambda = vec![
        lam(X86_64, L::Requests, "0", None, Requests, "0.0000002"),
        lam(
            X86_64,
            L::Duration,
            "0",
            Some("6000000000"),
            GbSeconds,
            "0.0000166667",
        ),
        lam(
            X86_64,
            L::Duration,
            "6000000000",
            Some("15000000000"),
            GbSeconds,
            "0.0000150000",
        ),
        lam(
            X86_64,
            L::Duration,
            "15000000000",
            None,
            GbSeconds,
            "0.0000133334",
        ),
        lam(
            X86_64,
            L::EphemeralStorage,
            "0",
            None,
            GbSeconds,
            "0.0000000309",
        ),
        lam(
            X86_64,
            L::ProvisionedConcurrency,
            "0",
            None,
            GbSeconds,
            "0.0000041667",
        ),
        lam(
            X86_64,
            L::ProvisionedDuration,
            "0",
            None,
            GbSeconds,
            "0.0000097222",
        ),
        lam(Arm64, L::Requests, "0", None, Requests, "0.0000002"),
        lam(
            Arm64,
            L::Duration,
            "0",
            Some("7500000000"),
            GbSeconds,
            "0.0000133334",
        ),
        lam(
            Arm64,
            L::Duration,
            "7500000000",
            Some("18750000000"),
            GbSeconds,
            "0.0000120001",
        ),
        lam(
            Arm64,
            L::Duration,
            "18750000000",
            None,
            GbSeconds,
            "0.0000106667",
        ),
    ];
    let s3 = |tier, start: &str, end: Option<&str>, price: &str| S3StorageRow {
        region_code: USE1.to_owned(),
        storage_tier: tier,
        tier_start: d(start),
        tier_end: end.map(d),
        unit: GbMonths,
        price_usd: d(price),
        source_id: "s3_storage".to_owned(),
    };
    use S3StorageTier as T;
    t.s3_storage = vec![
        s3(T::Standard, "0", Some("51200"), "0.023"),
        s3(T::Standard, "51200", Some("512000"), "0.022"),
        s3(T::Standard, "512000", None, "0.021"),
        s3(T::IntelligentTieringFrequent, "0", Some("51200"), "0.023"),
        s3(
            T::IntelligentTieringFrequent,
            "51200",
            Some("512000"),
            "0.022",
        ),
        s3(T::IntelligentTieringFrequent, "512000", None, "0.021"),
        s3(T::StandardIa, "0", None, "0.0125"),
        s3(T::OneZoneIa, "0", None, "0.01"),
        s3(T::GlacierInstantRetrieval, "0", None, "0.004"),
        s3(T::GlacierFlexibleRetrieval, "0", None, "0.0036"),
        s3(T::GlacierDeepArchive, "0", None, "0.00099"),
    ];
    let req = |class, kind, price: &str| S3RequestRow {
        region_code: USE1.to_owned(),
        storage_class: class,
        request_type: kind,
        unit: Requests,
        price_usd: d(price),
        source_id: "s3_requests".to_owned(),
    };
    t.s3_requests = Vec::new();
    for (class, put, get) in [
        (StorageClass::Standard, "0.000005", "0.0000004"),
        (StorageClass::IntelligentTiering, "0.000005", "0.0000004"),
        (StorageClass::StandardIa, "0.00001", "0.000001"),
        (StorageClass::OneZoneIa, "0.00001", "0.000001"),
        (StorageClass::GlacierInstantRetrieval, "0.00002", "0.00001"),
        (
            StorageClass::GlacierFlexibleRetrieval,
            "0.00003",
            "0.0000004",
        ),
        (StorageClass::GlacierDeepArchive, "0.00005", "0.0000004"),
    ] {
        t.s3_requests.push(req(class, S3RequestType::Put, put));
        t.s3_requests.push(req(class, S3RequestType::Get, get));
    }
    t.s3_retrieval = vec![S3RetrievalRow {
        region_code: USE1.to_owned(),
        storage_class: StorageClass::StandardIa,
        unit: Gb,
        price_usd: d("0.01"),
        source_id: "s3_retrieval".to_owned(),
    }];
    t.s3_monitoring = vec![S3MonitoringRow {
        region_code: USE1.to_owned(),
        unit: Objects,
        price_usd: d("0.0000025"),
        source_id: "s3_monitoring".to_owned(),
    }];
    let class = |c,
                 days: Option<&str>,
                 min: Option<&str>,
                 oc: Option<&str>,
                 os: Option<&str>,
                 mon: Option<&str>| S3ClassRuleRow {
        storage_class: c,
        min_storage_duration_days: days.map(d),
        min_billable_object_size_kb: min.map(d),
        overhead_kb_at_class_rate: oc.map(d),
        overhead_kb_at_standard_rate: os.map(d),
        monitoring_min_object_size_kb: mon.map(d),
        source_id: "s3_storage_classes".to_owned(),
    };
    t.s3_storage_classes = vec![
        class(StorageClass::Standard, None, None, None, None, None),
        class(
            StorageClass::IntelligentTiering,
            None,
            None,
            None,
            None,
            Some("128"),
        ),
        class(
            StorageClass::StandardIa,
            Some("30"),
            Some("128"),
            None,
            None,
            None,
        ),
        class(
            StorageClass::OneZoneIa,
            Some("30"),
            Some("128"),
            None,
            None,
            None,
        ),
        class(
            StorageClass::GlacierInstantRetrieval,
            Some("90"),
            Some("128"),
            None,
            None,
            None,
        ),
        class(
            StorageClass::GlacierFlexibleRetrieval,
            Some("90"),
            None,
            Some("32"),
            Some("8"),
            None,
        ),
        class(
            StorageClass::GlacierDeepArchive,
            Some("180"),
            None,
            Some("32"),
            Some("8"),
            None,
        ),
    ];
    for c in ["db.m5.large", "db.r6g.large", "db.r7g.large"] {
        t.db_instance_classes.push(DbInstanceClassRow {
            instance_class: c.to_owned(),
            vcpu: 2,
            memory_gib: d("16"),
        });
    }
    let rds = |engine, class: &str, dep, price: &str| RdsInstanceRow {
        region_code: USE1.to_owned(),
        engine,
        edition: None,
        license_model: None,
        instance_class: class.to_owned(),
        deployment: dep,
        unit: Hours,
        price_usd: d(price),
        source_id: "rds_instances".to_owned(),
    };
    // RDS MySQL db.r6g.large: Single-AZ 0.215, Multi-AZ 0.430.
    t.rds_instances = vec![
        rds(
            RdsEngine::Mysql,
            "db.r6g.large",
            Deployment::SingleAz,
            "0.215",
        ),
        rds(
            RdsEngine::Mysql,
            "db.r6g.large",
            Deployment::MultiAz,
            "0.430",
        ),
        rds(
            RdsEngine::Postgresql,
            "db.r6g.large",
            Deployment::SingleAz,
            "0.225",
        ),
        rds(
            RdsEngine::Postgresql,
            "db.r6g.large",
            Deployment::MultiAz,
            "0.450",
        ),
        rds(
            RdsEngine::Oracle,
            "db.r6g.large",
            Deployment::SingleAz,
            "0.3",
        ),
    ];
    t.rds_instances[4].edition = Some(RdsEdition::StandardTwo);
    t.rds_instances[4].license_model = Some(LicenseModel::BringYourOwnLicense);
    // Illustrative reservation figures (the RDS All Upfront prices are not in our sources).
    t.rds_reserved = vec![RdsReservedRow {
        region_code: USE1.to_owned(),
        engine: RdsEngine::Mysql,
        edition: None,
        license_model: None,
        instance_class: "db.r6g.large".to_owned(),
        deployment: Deployment::SingleAz,
        term: ThreeYears,
        payment: AllUpfront,
        upfront_usd: d("2500"),
        hourly_usd: d("0"),
        unit: Hours,
        reconstructed: false,
        source_id: "rds_reserved".to_owned(),
    }];
    let rs = |st, dep, component, start: &str, unit: Unit, price: &str| RdsStorageRow {
        region_code: USE1.to_owned(),
        storage_type: st,
        deployment: dep,
        component,
        tier_start: d(start),
        tier_end: None,
        unit,
        price_usd: d(price),
        source_id: "rds_storage".to_owned(),
    };
    use RdsStorageComponent as R;
    // RDS storage (Single-AZ): gp3 $0.115, io1 $0.125 per GB-month; PIOPS $0.10; gp3 extra IOPS
    // $0.02; Multi-AZ twice these. gp3 throughput $0.08 per MBps-month (illustrative).
    for (dep, k) in [
        (Deployment::SingleAz, d("1")),
        (Deployment::MultiAz, d("2")),
    ] {
        t.rds_storage.push(rs(
            RdsStorageType::Gp3,
            dep,
            R::Storage,
            "0",
            GbMonths,
            &(d("0.115") * k).to_string(),
        ));
        t.rds_storage.push(rs(
            RdsStorageType::Gp3,
            dep,
            R::Iops,
            "0",
            IopsMonths,
            &(d("0.02") * k).to_string(),
        ));
        t.rds_storage.push(rs(
            RdsStorageType::Gp3,
            dep,
            R::Throughput,
            "0",
            MbpsMonths,
            &(d("0.08") * k).to_string(),
        ));
        t.rds_storage.push(rs(
            RdsStorageType::Io1,
            dep,
            R::Storage,
            "0",
            GbMonths,
            &(d("0.125") * k).to_string(),
        ));
        t.rds_storage.push(rs(
            RdsStorageType::Io1,
            dep,
            R::Iops,
            "0",
            IopsMonths,
            &(d("0.10") * k).to_string(),
        ));
    }
    t.rds_backup = vec![RdsBackupRow {
        region_code: USE1.to_owned(),
        unit: GbMonths,
        price_usd: d("0.095"),
        source_id: "rds_backup".to_owned(),
    }];
    let au = |region: &str, engine, config, price: &str| AuroraInstanceRow {
        region_code: region.to_owned(),
        engine,
        instance_class: "db.r6g.large".to_owned(),
        storage_config: config,
        unit: Hours,
        price_usd: d(price),
        source_id: "aurora_instances".to_owned(),
    };
    use AuroraStorageConfig::{IoOptimized, Standard as AStd};
    for engine in AuroraEngine::ALL {
        t.aurora_instances.push(au(USE1, engine, AStd, "0.26"));
        t.aurora_instances
            .push(au(USE1, engine, IoOptimized, "0.338"));
        t.aurora_instances.push(au(SEOUL, engine, AStd, "0.313"));
        t.aurora_instances
            .push(au(SEOUL, engine, IoOptimized, "0.407"));
    }
    // Aurora db.r6g.large 1yr: NU 0.17; AU effective 0.141553 × 8,760 = 1,240.
    let ar = |payment, upfront: &str, hourly: &str| AuroraReservedRow {
        region_code: USE1.to_owned(),
        engine: AuroraEngine::AuroraMysql,
        instance_class: "db.r6g.large".to_owned(),
        storage_config: AStd,
        term: OneYear,
        payment,
        upfront_usd: d(upfront),
        hourly_usd: d(hourly),
        unit: Hours,
        reconstructed: false,
        source_id: "aurora_reserved".to_owned(),
    };
    t.aurora_reserved = vec![ar(NoUpfront, "0", "0.17"), ar(AllUpfront, "1240", "0")];
    let ac = |engine, config, component, unit: Unit, price: &str| AuroraClusterRow {
        region_code: USE1.to_owned(),
        engine,
        storage_config: config,
        component,
        unit,
        price_usd: d(price),
        source_id: "aurora_cluster".to_owned(),
    };
    use AuroraComponent as A;
    for engine in AuroraEngine::ALL {
        t.aurora_cluster
            .push(ac(engine, AStd, A::Storage, GbMonths, "0.10"));
        t.aurora_cluster
            .push(ac(engine, IoOptimized, A::Storage, GbMonths, "0.225"));
        t.aurora_cluster
            .push(ac(engine, AStd, A::IoRequests, IoRequests, "0.0000002"));
        t.aurora_cluster
            .push(ac(engine, AStd, A::ServerlessV2, AcuHours, "0.12"));
        t.aurora_cluster
            .push(ac(engine, IoOptimized, A::ServerlessV2, AcuHours, "0.16"));
        t.aurora_cluster
            .push(ac(engine, AStd, A::Backup, GbMonths, "0.021"));
        t.aurora_cluster
            .push(ac(engine, IoOptimized, A::Backup, GbMonths, "0.021"));
    }
    t.aurora_cluster.push(ac(
        AuroraEngine::AuroraMysql,
        AStd,
        A::Backtrack,
        ChangeRecords,
        "0.000000012",
    ));
    t.aurora_cluster.push(ac(
        AuroraEngine::AuroraMysql,
        IoOptimized,
        A::Backtrack,
        ChangeRecords,
        "0.000000012",
    ));
    let rule = |rule, value: &str, unit: &str| BillingRuleRow {
        rule,
        value: d(value),
        unit: unit.to_owned(),
        source_id: "billing_rules".to_owned(),
    };
    t.billing_rules = vec![
        rule(RuleId::LambdaFreeRequests, "1000000", "requests"),
        rule(RuleId::LambdaFreeGbSeconds, "400000", "GB-seconds"),
        rule(RuleId::LambdaFreeEphemeralMb, "512", "MB"),
        rule(RuleId::DataTransferFreeGb, "100", "GB"),
        rule(RuleId::DbBackupFreePercent, "100", "percent"),
        rule(RuleId::RdsGp3BaselineIopsSmall, "3000", "IOPS"),
        rule(RuleId::RdsGp3BaselineThroughputSmall, "125", "MBps"),
        rule(RuleId::RdsGp3BaselineThresholdGb, "400", "GB"),
        rule(RuleId::RdsGp3BaselineThresholdGbOracle, "200", "GB"),
        rule(RuleId::RdsGp3BaselineIopsLarge, "12000", "IOPS"),
        rule(RuleId::RdsGp3BaselineThroughputLarge, "500", "MBps"),
    ];
    t
}

/// The test book.
pub fn book() -> PriceBook {
    match PriceBook::from_tables(tables()) {
        Ok(b) => b,
        Err(errors) => panic!("the test book is invalid: {errors:#?}"),
    }
}

/// An estimate from JSON text.
pub fn request(json: &str) -> EstimateRequest {
    match EstimateRequest::from_json(json.as_bytes()) {
        Ok(r) => r,
        Err(e) => panic!("bad test request: {e}"),
    }
}

/// Prices JSON against the test book, expecting success.
pub fn price(json: &str) -> EstimateResponse {
    match pricing::engine::estimate(&book(), &request(json)) {
        Ok(r) => r,
        Err(e) => panic!("expected a priced estimate, got {e:#?}"),
    }
}

/// Prices JSON against the test book, expecting errors.
pub fn errors(json: &str) -> Vec<FieldError> {
    match pricing::engine::estimate(&book(), &request(json)) {
        Ok(r) => panic!("expected errors, got {r:#?}"),
        Err(e) => e,
    }
}

/// The line of an item whose name starts with `prefix`.
pub fn line<'a>(item: &'a ItemCost, prefix: &str) -> &'a LineItem {
    item.line_items
        .iter()
        .find(|l| l.name.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line `{prefix}…` in {:#?}", item.line_items))
}

/// Lines of an item whose name starts with `prefix`.
pub fn lines<'a>(item: &'a ItemCost, prefix: &str) -> Vec<&'a LineItem> {
    item.line_items
        .iter()
        .filter(|l| l.name.starts_with(prefix))
        .collect()
}

/// Dollars from text.
pub fn usd(s: &str) -> Usd {
    Usd::new(d(s))
}
