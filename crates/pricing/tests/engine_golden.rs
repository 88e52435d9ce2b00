//! A golden estimate: the whole JSON response users see, snapshotted (STYLE habit 11). A change
//! to a name, formula, unit or amount shows up as a snapshot diff to review.

mod engine_support;

use engine_support::*;

#[test]
fn a_mixed_estimate_reads_like_a_bill() {
    let r = price(
        r#"{"name":"shop","region":"us-east-1","free_tier":true,"items":[
            {"id":"web","label":"Web servers","service":"ec2","instance_type":"m5.large","count":2,"usage":{"utilization_percent":50},
             "ebs":[{"volume_type":"gp3","size_gb":100,"iops":4000}],"public_ipv4_addresses":1,"data_transfer_out_gb":150,
             "pricing":{"model":"reserved","term":"1yr","offering_class":"standard","payment":"partial_upfront"}},
            {"id":"api","service":"lambda","requests_per_month":3000000,"avg_duration_ms":"120.5","memory_mb":512,"ephemeral_storage_mb":1024},
            {"id":"assets","service":"s3","storage_class":"standard_ia","storage_gb":50,"object_count":1000000,"get_requests_per_month":2000000},
            {"id":"db","service":"aurora","engine":"aurora_mysql","instances":[{"instance_class":"db.r6g.large","count":2}],
             "storage_gb":100,"io_requests_per_month":20000000,"backup_storage_gb":150}]}"#,
    );
    insta::assert_json_snapshot!(r);
}
