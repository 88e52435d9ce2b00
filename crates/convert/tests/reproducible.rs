//! The committed price tables are exactly what the converter makes from the shared captures,
//! and they carry the figures other tests rely on.

use std::path::{Path, PathBuf};

use pricing::rows::TABLE_FILES;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn committed(file: &str) -> String {
    let path = workspace_root().join("pricing-data/aws").join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn regenerating_from_the_sources_reproduces_the_committed_tables_byte_for_byte() {
    let sources = workspace_root().join("../shared/pricing-sources");
    if !sources.is_dir() {
        eprintln!(
            "SKIPPED: {} is absent, so the committed pricing-data/aws tables cannot be regenerated here",
            sources.display()
        );
        return;
    }
    let out = std::env::temp_dir().join(format!(
        "pricing-convert-reproducible-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&out);

    let report = pricing_convert::run(&sources, &out).expect("the conversion succeeds");

    assert_eq!(report.counts.len(), TABLE_FILES.len());
    for file in TABLE_FILES {
        let fresh = std::fs::read_to_string(out.join(file)).expect("written");
        let kept = committed(file);
        if fresh != kept {
            let line = fresh
                .lines()
                .zip(kept.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| fresh.lines().count().min(kept.lines().count()));
            panic!(
                "{file} differs from the committed copy at line {}: regenerated {:?}, committed {:?} (rerun the converter and commit)",
                line + 1,
                fresh.lines().nth(line),
                kept.lines().nth(line)
            );
        }
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn the_committed_tables_carry_the_sanity_figures() {
    let cases = [
        ("ec2_on_demand.csv", "us-east-1,m5.large,linux,hours,0.096,"),
        (
            "ec2_on_demand.csv",
            "ap-northeast-2,m5.large,linux,hours,0.118,",
        ),
        (
            "lambda.csv",
            "us-east-1,x86_64,duration,0,6000000000,GB-seconds,0.0000166667,",
        ),
        (
            "s3_storage.csv",
            "ap-northeast-2,standard,0,51200,GB-months,0.025,",
        ),
        (
            "aurora_instances.csv",
            "us-east-1,aurora_mysql,db.r6g.large,standard,hours,0.26,",
        ),
        (
            "aurora_instances.csv",
            "us-east-1,aurora_mysql,db.r6g.large,io_optimized,hours,0.338,",
        ),
        (
            "aurora_instances.csv",
            "ap-northeast-2,aurora_mysql,db.r6g.large,standard,hours,0.313,",
        ),
        (
            "rds_instances.csv",
            "us-east-1,mysql,,,db.r6g.large,single_az,hours,0.215,",
        ),
        (
            "rds_instances.csv",
            "us-east-1,mysql,,,db.r6g.large,multi_az,hours,0.43,",
        ),
        (
            "ec2_reserved.csv",
            "us-east-1,m5.large,linux,standard,1yr,all_upfront,494,0,hours,true,",
        ),
        (
            "ec2_reserved.csv",
            "us-east-1,m5.large,linux,standard,3yr,all_upfront,949,0,hours,true,",
        ),
        (
            "ec2_reserved.csv",
            "ap-northeast-1,c5.xlarge,windows,standard,1yr,all_upfront,2714,0,",
        ),
        (
            "ec2_reserved.csv",
            "ap-northeast-1,c5.xlarge,windows,standard,3yr,all_upfront,6950,0,",
        ),
        (
            "ec2_reserved.csv",
            "ap-northeast-1,c5.xlarge,windows,standard,1yr,partial_upfront,1368,0.156,hours,false,",
        ),
        (
            "ebs_volumes.csv",
            "us-east-1,gp3,throughput,125,,MBps-months,0.04,",
        ),
        ("data_transfer_out.csv", "us-east-1,0,10240,GB,0.09,"),
    ];
    for (file, line_start) in cases {
        let text = committed(file);
        assert!(
            text.lines().any(|l| l.starts_with(line_start)),
            "{file} has no line starting `{line_start}`"
        );
    }
}

#[test]
fn every_table_file_is_committed_with_a_header_and_rows() {
    for file in TABLE_FILES {
        let text = committed(file);
        assert!(text.lines().count() >= 2, "{file} has no data rows");
    }
}
