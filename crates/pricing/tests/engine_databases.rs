//! RDS and Aurora billing rules.

mod engine_support;

use engine_support::*;

fn rds(extra: &str) -> String {
    format!(
        r#"{{"region":"us-east-1","items":[{{"id":"db","service":"rds","engine":"mysql","instance_class":"db.r6g.large",{extra}}}]}}"#
    )
}

#[test]
fn multi_az_uses_the_multi_az_rows_which_already_cover_the_standby() {
    // Both primary and standby are billed (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_OnDemandDBInstances.html);
    // the Multi-AZ rows carry it. Single-AZ: 730 × $0.215 = $156.95 + 100 GB × $0.115 = $11.50
    // = $168.45. Multi-AZ: 730 × $0.430 = $313.90 + 100 × $0.23 = $23 = $336.90.
    let cases = [("single_az", "168.45"), ("multi_az", "336.90")];
    for (deployment, expected) in cases {
        let r = price(&rds(&format!(
            r#""deployment":"{deployment}","storage":{{"type":"gp3","size_gb":100}}"#
        )));
        assert_eq!(r.totals.monthly, usd(expected), "{deployment}");
    }
    let r = price(&rds(
        r#""deployment":"multi_az","storage":{"type":"gp3","size_gb":100}"#,
    ));
    assert_eq!(
        line(&r.items[0], "Database instance").name,
        "Database instance (MySQL, Multi-AZ, on-demand, db.r6g.large)"
    );
}

#[test]
fn backup_storage_is_free_up_to_the_provisioned_storage_and_never_negative() {
    // Free up to 100 % of provisioned storage
    // (https://aws.amazon.com/blogs/database/demystifying-amazon-rds-backup-storage-costs/):
    // 2 instances × 100 GB = 200 GB free; 250 GB backup → 50 GB × $0.095 = $4.75.
    // 150 GB of backup is all free: no backup charge.
    let r = price(&rds(
        r#""count":2,"storage":{"type":"gp3","size_gb":100},"backup_storage_gb":250"#,
    ));
    let l = line(&r.items[0], "Backup storage");
    assert_eq!(l.quantity, d("50"));
    assert_eq!(l.amount, usd("4.75"));
    let r = price(&rds(
        r#""count":2,"storage":{"type":"gp3","size_gb":100},"backup_storage_gb":150"#,
    ));
    assert!(
        lines(&r.items[0], "Backup storage")
            .iter()
            .all(|l| l.amount.is_zero())
    );
    assert_eq!(r.totals.monthly, usd("336.90"));
}

#[test]
fn gp3_iops_and_throughput_are_billed_above_the_engines_baseline() {
    // RDS gp3 baselines (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html#gp3-storage):
    // MySQL below 400 GB: 3,000 IOPS and 125 MB/s; at or above 400 GB: 12,000 and 500.
    // Oracle's threshold is 200 GB. Extra IOPS $0.02, extra throughput $0.08 (Single-AZ).
    let cases = [
        // 100 GB, 5,000 IOPS, 200 MB/s: (5,000 − 3,000) × 0.02 = $40; (200 − 125) × 0.08 = $6.
        ("mysql", 100, 5000, 200, "40", Some("6")),
        // 500 GB, 12,000 IOPS, 500 MB/s: at the baseline, nothing extra.
        ("mysql", 500, 12000, 500, "0", None),
        // 500 GB, 15,000 IOPS, 600 MB/s: 3,000 × 0.02 = $60; 100 × 0.08 = $8.
        ("mysql", 500, 15000, 600, "60", Some("8")),
        // Oracle 300 GB is above its 200 GB threshold: (15,000 − 12,000) × 0.02 = $60.
        ("oracle", 300, 15000, 500, "60", None),
        // Oracle 150 GB: (5,000 − 3,000) × 0.02 = $40.
        ("oracle", 150, 5000, 125, "40", None),
    ];
    for (engine, size, iops, mbps, iops_usd, mbps_usd) in cases {
        let commercial = if engine == "oracle" {
            r#""edition":"standard_two","license_model":"bring_your_own_license","#
        } else {
            ""
        };
        let r = price(&format!(
            r#"{{"region":"us-east-1","items":[{{"id":"db","service":"rds","engine":"{engine}",{commercial}"instance_class":"db.r6g.large",
                "storage":{{"type":"gp3","size_gb":{size},"iops":{iops},"throughput_mbps":{mbps}}}}}]}}"#
        ));
        let item = &r.items[0];
        let got_iops: model::Usd = lines(item, "Provisioned IOPS")
            .iter()
            .map(|l| l.amount)
            .sum();
        assert_eq!(got_iops, usd(iops_usd), "{engine} {size} GB {iops} IOPS");
        let got_mbps = lines(item, "Provisioned throughput")
            .first()
            .map(|l| l.amount);
        assert_eq!(
            got_mbps,
            mbps_usd.map(usd),
            "{engine} {size} GB {mbps} MB/s"
        );
    }
}

#[test]
fn io1_bills_every_provisioned_iops() {
    // 100 GB × $0.125 = $12.50; 1,000 IOPS × $0.10 = $100; instance $156.95.
    let r = price(&rds(
        r#""storage":{"type":"io1","size_gb":100,"iops":1000}"#,
    ));
    assert_eq!(line(&r.items[0], "Provisioned IOPS").amount, usd("100"));
    assert_eq!(r.totals.monthly, usd("269.45"));
}

#[test]
fn a_database_reservation_bills_upfront_and_amortises_it_over_the_term() {
    // 3yr All Upfront $2,500 (illustrative); storage 100 GB × $0.115 = $11.50 a month.
    // First 12 months: 2,500 + 12 × 11.50 = $2,638. Effective monthly: 11.50 + 2,500 / 36 =
    // $80.9444 → $80.94.
    let r = price(&rds(
        r#""storage":{"type":"gp3","size_gb":100},"pricing":{"model":"reserved","term":"3yr","payment":"all_upfront"}"#,
    ));
    assert_eq!(r.totals.monthly, usd("11.50"));
    assert_eq!(r.totals.upfront, usd("2500"));
    assert_eq!(r.totals.first_12_months, usd("2638"));
    assert_eq!(r.totals.effective_monthly, usd("80.94"));
}

fn aurora(config: &str, extra: &str) -> String {
    format!(
        r#"{{"region":"us-east-1","items":[{{"id":"c","service":"aurora","engine":"aurora_mysql","storage_config":"{config}",{extra}}}]}}"#
    )
}

#[test]
fn aurora_standard_bills_io_and_io_optimized_does_not() {
    // Standard: 2 × 730 × $0.26 = $379.60; storage 100 GB × $0.10 = $10 (one volume shared by
    // both instances); I/O 100,000,000 × $0.0000002 = $20. Total $409.60.
    // I/O-Optimized: 2 × 730 × $0.338 = $493.48; storage 100 × $0.225 = $22.50; no I/O charge.
    // Total $515.98.
    let body = r#""instances":[{"instance_class":"db.r6g.large","count":2}],"storage_gb":100,"io_requests_per_month":100000000"#;
    let std = price(&aurora("standard", body));
    assert_eq!(std.totals.monthly, usd("409.60"));
    assert_eq!(line(&std.items[0], "I/O requests").amount, usd("20"));
    let opt = price(&aurora("io_optimized", body));
    assert_eq!(opt.totals.monthly, usd("515.98"));
    assert!(lines(&opt.items[0], "I/O requests").is_empty());
    assert!(
        opt.items[0]
            .warnings
            .iter()
            .any(|w| w.code == "io_included")
    );
}

#[test]
fn serverless_v2_bills_acu_hours_at_the_configurations_rate() {
    // 4 ACUs × 730 h × $0.12 = $350.40 (Standard); × $0.16 = $467.20 (I/O-Optimized).
    let cases = [("standard", "350.40"), ("io_optimized", "467.20")];
    for (config, expected) in cases {
        let r = price(&aurora(config, r#""serverless_v2":{"average_acus":4}"#));
        assert_eq!(
            line(&r.items[0], "Serverless v2 capacity").amount,
            usd(expected),
            "{config}"
        );
    }
}

#[test]
fn backtrack_bills_change_records_stored_every_hour() {
    // 10,000 records/h × 24 h window = 240,000 records stored; × 730 h = 175,200,000
    // record-hours × $0.000000012 = $2.1024 → $2.10.
    let r = price(&aurora(
        "standard",
        r#""instances":[{"instance_class":"db.r6g.large"}],"backtrack":{"change_records_per_hour":10000,"window_hours":24}"#,
    ));
    let l = line(&r.items[0], "Backtrack");
    assert_eq!(l.quantity, d("175200000"));
    assert_eq!(l.amount, usd("2.10"));
}

#[test]
fn aurora_backup_is_free_up_to_the_cluster_volume() {
    // 300 GB backup − 100 GB volume = 200 GB × $0.021 = $4.20.
    let r = price(&aurora(
        "standard",
        r#""instances":[{"instance_class":"db.r6g.large"}],"storage_gb":100,"backup_storage_gb":300"#,
    ));
    assert_eq!(line(&r.items[0], "Backup storage").amount, usd("4.20"));
}

#[test]
fn an_aurora_reservation_bills_the_whole_month() {
    // 1yr No Upfront 730 × $0.17 = $124.10 even at 40 % utilisation.
    let r = price(&aurora(
        "standard",
        r#""instances":[{"instance_class":"db.r6g.large"}],"usage":{"utilization_percent":40},"pricing":{"model":"reserved","term":"1yr","payment":"no_upfront"}"#,
    ));
    assert_eq!(r.totals.monthly, usd("124.10"));
    assert_eq!(r.items[0].warnings[0].code, "commitment_bills_unused_hours");
}

#[test]
fn an_unknown_aurora_class_names_its_instance_group() {
    let e = errors(&aurora(
        "standard",
        r#""instances":[{"instance_class":"db.r6g.large"},{"instance_class":"db.x9.huge"}]"#,
    ));
    assert_eq!(e[0].code, model::ErrorCode::UnknownOption);
    assert_eq!(e[0].field, "items[0].instances[1].instance_class");
}
