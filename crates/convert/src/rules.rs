//! `billing_rules.csv`: quantities that are rules, not prices (free allowances, baselines).

use pricing::rows::{BillingRuleRow, RuleId};
use rust_decimal::Decimal;

use crate::Ctx;
use crate::common::{Result, Table, err};

const LAMBDA_RULES: &str = "aws-pages-transcribed/lambda_pricing_rules.csv";

/// Builds `billing_rules`.
pub fn convert(ctx: &mut Ctx) -> Result<()> {
    let lambda = ctx.sources.add(
        "billing_rules_lambda_pages_2026-11-22",
        "billing_rules",
        "2026-11-22",
        "https://docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/lambda.html (free tier: 1M requests, 400,000 GB-s per month) and https://aws.amazon.com/lambda/pricing/ (512 MB ephemeral storage at no cost), stored copies; via aws-pages-transcribed/lambda_pricing_rules.csv",
        "The stored pages show no date; the date is the day they were transcribed. Always-free allowance, shared by x86 and arm64; not applicable to provisioned concurrency.",
    );
    let transfer = ctx.sources.add(
        "billing_rules_data_transfer_free_2026-11-22",
        "billing_rules",
        "2026-11-22",
        "https://aws.amazon.com/about-aws/global-infrastructure/global-network/faqs/ and https://repost.aws/questions/QUAT1NfOeZSAK5z8KXXO9jgA/do-amazon-aws-ec-2-free-tier-have-a-bandwidth-limit ([B7] in /work/shared/BILLING-RULES.md)",
        "100 GB per month of data transfer out to the internet free, aggregated across services and Regions (not China/GovCloud). Not in any price feed. Page date unknown; recorded 2026-11-22.",
    );
    let backup = ctx.sources.add(
        "billing_rules_db_backup_free_2026-11-22",
        "billing_rules",
        "2026-11-22",
        "RDS billing FAQ http://docs.amazonwebservices.com/AmazonRDS/latest/UserGuide/RDSFAQ.Billing.html and https://aws.amazon.com/blogs/database/demystifying-amazon-rds-backup-storage-costs/ ([B14]/[B16] in /work/shared/BILLING-RULES.md)",
        "Backup storage up to 100 % of the provisioned database storage per Region is free (active instances); the rest is billed at the backup rate. Page date unknown; recorded 2026-11-22.",
    );
    let gp3 = ctx.sources.add(
        "billing_rules_rds_gp3_baseline_2026-11-22",
        "billing_rules",
        "2026-11-22",
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html#gp3-storage (Amazon RDS User Guide, 'General Purpose SSD storage', gp3 baseline table), as read 2026-11-22",
        "RDS gp3 includes a baseline that depends on engine and allocated size: below 400 GB (Oracle: 200 GB) 3,000 IOPS and 125 MiB/s; at and above it 12,000 IOPS and 500 MiB/s (Db2 and SQL Server differ and are not modelled here). Only IOPS and throughput provisioned above the baseline are charged.",
    );

    // Lambda rules are read from the transcription so a changed figure shows up.
    let table = Table::read(&ctx.dir, LAMBDA_RULES)?;
    let lambda_value = |rule: &str| -> Result<Decimal> {
        table
            .rows()
            .find(|r| r.get("rule").ok() == Some(rule))
            .ok_or_else(|| err(format!("{LAMBDA_RULES}: no rule `{rule}`")))?
            .dec("value")
    };
    let free_requests = lambda_value("free_tier_requests")?;
    let free_gbs = lambda_value("free_tier_compute")?;
    let free_ephemeral = lambda_value("ephemeral_storage_included")?;

    let rule = |rule, value: Decimal, unit: &str, source_id: &String| BillingRuleRow {
        rule,
        value,
        unit: unit.to_string(),
        source_id: source_id.clone(),
    };
    ctx.tables.billing_rules = vec![
        rule(
            RuleId::LambdaFreeRequests,
            free_requests,
            "requests",
            &lambda,
        ),
        rule(RuleId::LambdaFreeGbSeconds, free_gbs, "GB-seconds", &lambda),
        rule(RuleId::LambdaFreeEphemeralMb, free_ephemeral, "MB", &lambda),
        rule(
            RuleId::DataTransferFreeGb,
            Decimal::from(100),
            "GB",
            &transfer,
        ),
        rule(
            RuleId::DbBackupFreePercent,
            Decimal::from(100),
            "percent",
            &backup,
        ),
        rule(
            RuleId::RdsGp3BaselineIopsSmall,
            Decimal::from(3000),
            "IOPS",
            &gp3,
        ),
        rule(
            RuleId::RdsGp3BaselineThroughputSmall,
            Decimal::from(125),
            "MBps",
            &gp3,
        ),
        rule(
            RuleId::RdsGp3BaselineThresholdGb,
            Decimal::from(400),
            "GB",
            &gp3,
        ),
        rule(
            RuleId::RdsGp3BaselineThresholdGbOracle,
            Decimal::from(200),
            "GB",
            &gp3,
        ),
        rule(
            RuleId::RdsGp3BaselineIopsLarge,
            Decimal::from(12000),
            "IOPS",
            &gp3,
        ),
        rule(
            RuleId::RdsGp3BaselineThroughputLarge,
            Decimal::from(500),
            "MBps",
            &gp3,
        ),
    ];
    Ok(())
}
