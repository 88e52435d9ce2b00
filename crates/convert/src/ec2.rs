//! EC2: the instance catalogue, On-Demand (Linux, Windows, RHEL, SUSE), Reserved Instances,
//! Spot averages and Savings Plans rates.
//!
//! Newer captures win where two give the same key; every replacement that changes a figure is
//! reported. Reserved, Spot and Savings Plans rows need an On-Demand row for the same Region,
//! type and operating system; orphans are dropped and counted.

use std::collections::{BTreeMap, BTreeSet};

use model::response::Unit;
use model::{OfferingClass, OperatingSystem, Payment, SavingsPlanType, Term};
use pricing::rows::{
    Ec2InstanceTypeRow, Ec2OnDemandRow, Ec2ReservedRow, Ec2SavingsPlanRow, Ec2SpotRow,
};
use rust_decimal::Decimal;

use crate::Ctx;
use crate::common::{
    Result, Table, err, parse_dec, parse_payment, parse_term, read_json, reconstruct_fee,
    term_hours,
};

const V0RTS_EC2: &str = "aws-price-watcher__v0rts/ec2.csv";
const VANTAGE_2026: &str = "vantage-ec2instances__via-jawaadjariwala-parquet/ec2_all_os_ondemand_spot_ri_allupfront_2026-05.csv";
const VANTAGE_2024: &str =
    "vantage-sh-ec2instances.info/ec2_linux_ondemand_spot_avg_2024-04-04.csv";
const EC2SHOP_OD: &str = "yeo-ec2.shop/ec2_ondemand_linux.csv";
const EC2SHOP_RI: &str = "yeo-ec2.shop/ec2_reserved_linux_shared_noupfront.csv";
const PRICESIM: &str = "pricing-page-feeds__addisonj-pricesim/ec2_us-east-1_linux_ondemand_ri_std_compute_sp_2026-09-24.csv";
const OFFICIAL_TOKYO: &str = "official-price-list-format-samples__jtdelia-ec2-priceit/c5.xlarge_windows_ap-northeast-1_ondemand_ri_savingsplans.csv";
const GETPRODUCTS: &str = "official-price-list-format-samples__aws-amazon-ec2-instance-selector/GetProducts_m5_large.json";
const KARPENTER: &str = "karpenter-provider-aws/ec2_ondemand_linux_karpenter_generated.csv";

const VANTAGE_ORIGIN: &str = "GitHub jawaadjariwala/AWS-EC2-Pricing-Landscape-Analysis data/ec2_pricing_tidy.parquet (blob f56f4c5af58a4f4a06bbeaf9a895875d2ccb3775, added in ecf2e2140e4c182d47de58c7b0a9cd8efc33764c, still at HEAD b7dbceba0649cdc693d50de8a96e696b281e847a): a flattening of Vantage's instances.json (ec2instances.info, built from the AWS Price List); via vantage-ec2instances__via-jawaadjariwala-parquet/ec2_all_os_ondemand_spot_ri_allupfront_2026-05.csv";
const PRICESIM_ORIGIN: &str = "GitHub addisonj/pricesim src/catalog/aws/ec2.gen.ts @cbdb505146ff2c34ea44b6b5deaf6083643d5b5f (generated from the AWS pricing-page feeds ec2-ondemand-without-sec-sel, ec2-reservedinstance and compute-savings-plan-ec2 for US East (N. Virginia)/Linux/Shared, header 'retrieved 2026-09-24'); via pricing-page-feeds__addisonj-pricesim/ec2_us-east-1_linux_ondemand_ri_std_compute_sp_2026-09-24.csv";
const OFFICIAL_ORIGIN: &str = "GitHub jtdelia/ec2-priceit examples/how-to-match-pricing.md and examples/aws-calculator-output.md @ae128cc09a45b1a757adc76719865449464133ab (2025-10-17): official AWS Price List rows (EC2 table ec2_global_pricing_20250926182136 / ec2_global_pricing_latest, savings_plan_ap_northeast_1_latest); via official-price-list-format-samples__jtdelia-ec2-priceit/c5.xlarge_windows_ap-northeast-1_ondemand_ri_savingsplans.csv";

type OdKey = (String, String, OperatingSystem);
type RiKey = (
    String,
    String,
    OperatingSystem,
    OfferingClass,
    Term,
    Payment,
);

/// One Reserved offer with the date of its capture (to let newer captures win).
#[derive(Debug, Clone)]
struct RiOffer {
    upfront: Decimal,
    hourly: Decimal,
    reconstructed: bool,
    source_id: String,
    date: String,
}

/// The Vantage OS keys kept and the operating system they mean.
fn vantage_os(key: &str) -> Option<OperatingSystem> {
    match key {
        "linux" => Some(OperatingSystem::Linux),
        "mswin" => Some(OperatingSystem::Windows),
        "rhel" => Some(OperatingSystem::Rhel),
        "sles" => Some(OperatingSystem::Suse),
        _ => None,
    }
}

/// The instance family: the part of the type before the dot (`m5.large` -> `m5`).
pub fn family(instance_type: &str) -> &str {
    instance_type.split('.').next().unwrap_or(instance_type)
}

/// The architecture of an instance family. Graviton families have a `g` right after the
/// generation digits (`m6g`, `c7gn`, `t4g`, `r8g`, `x2gd`, `im4gn`, `is4gen`, `g5g`); `a1` is the
/// first Graviton. Mac families: `mac1` is Intel (`x86_64_mac`), every later `mac*` is Apple
/// silicon (`arm64_mac`). Everything else is `x86_64`.
pub fn architecture(family: &str) -> &'static str {
    if let Some(rest) = family.strip_prefix("mac") {
        return if rest == "1" {
            "x86_64_mac"
        } else {
            "arm64_mac"
        };
    }
    if family == "a1" {
        return "arm64";
    }
    let after_letters = family.trim_start_matches(|c: char| c.is_ascii_lowercase());
    let after_digits = after_letters.trim_start_matches(|c: char| c.is_ascii_digit());
    if after_digits.len() < after_letters.len() && after_digits.starts_with('g') {
        "arm64"
    } else {
        "x86_64"
    }
}

/// Builds every EC2 table.
pub fn convert(ctx: &mut Ctx) -> Result<()> {
    let od = on_demand(ctx)?;
    let reserved = reserved(ctx, &od)?;
    let spot = spot(ctx, &od)?;
    let plans = savings_plans(ctx, &od)?;
    catalog(ctx, &od)?;

    ctx.tables.ec2_on_demand = od
        .into_iter()
        .map(
            |((region_code, instance_type, operating_system), (price_usd, source_id))| {
                Ec2OnDemandRow {
                    region_code,
                    instance_type,
                    operating_system,
                    unit: Unit::Hours,
                    price_usd,
                    source_id,
                }
            },
        )
        .collect();
    ctx.tables.ec2_reserved = reserved;
    ctx.tables.ec2_spot = spot;
    ctx.tables.ec2_savings_plans = plans;
    Ok(())
}

fn on_demand(ctx: &mut Ctx) -> Result<BTreeMap<OdKey, (Decimal, String)>> {
    let mut od: BTreeMap<OdKey, (Decimal, String)> = BTreeMap::new();

    // Linux, every Region: the pricing-page feed as captured by v0rts (2025-11-20).
    let linux_v0rts = ctx.sources.add(
        "ec2_on_demand_linux_v0rts_2025-11-20",
        "ec2_on_demand",
        "2025-11-20",
        "GitHub v0rts/aws-price-watcher processed/ec2.json @c4a0470f63402104fb3793bb114a39e488eb04ec (pricing-page feed ec2.json, Linux, shared tenancy; processed file last changed 2025-11-20, unchanged in daily fetches to 2025-12-06); via aws-price-watcher__v0rts/ec2.csv",
        "Metric `OnDemand Linux-instancetype-<type>`. Raw feed not preserved (over 4 MiB): date is the last change of the processed file. Every (Region, type) pair kept here also in the Vantage 2026-05 capture has the same price there (16,769 pairs, 0 differences).",
    );
    let table = Table::read(&ctx.dir, V0RTS_EC2)?;
    for row in table.rows() {
        let Some(instance_type) = row
            .get("metric")?
            .strip_prefix("OnDemand Linux-instancetype-")
        else {
            continue;
        };
        let region = row.get("region_code")?;
        if !ctx.regions.contains(region) {
            continue;
        }
        let price = row.dec("price_usd")?;
        if price <= Decimal::ZERO {
            ctx.note(format!(
                "ec2 on-demand: v0rts zero price skipped: {region} {instance_type}"
            ));
            continue;
        }
        let key = (
            region.to_string(),
            instance_type.to_string(),
            OperatingSystem::Linux,
        );
        if let Some((old, _)) = od.insert(key, (price, linux_v0rts.clone()))
            && old != price
        {
            return Err(row.at(&format!("two Linux prices for {region} {instance_type}")));
        }
    }

    // Windows, RHEL, SUSE (and Linux types v0rts lacks): Vantage, on or before 2026-05-12.
    let table = Table::read(&ctx.dir, VANTAGE_2026)?;
    let mut linux_same = 0u32;
    let mut linux_diff = Vec::new();
    let mut linux_added = 0u32;
    for row in table.rows() {
        let Some(os) = vantage_os(row.get("vantage_os_key")?) else {
            continue;
        };
        let region = row.get("region_code")?;
        if !ctx.regions.contains(region) {
            continue;
        }
        let instance_type = row.get("instance_type")?;
        let Some(price) = row.opt_dec("ondemand_hourly_usd")? else {
            continue;
        };
        if price <= Decimal::ZERO {
            continue;
        }
        let key = (region.to_string(), instance_type.to_string(), os);
        if let Some((existing, _)) = od.get(&key) {
            if os == OperatingSystem::Linux {
                if *existing == price {
                    linux_same += 1;
                } else {
                    linux_diff.push(format!(
                        "{region} {instance_type}: v0rts {existing} vs Vantage {price}"
                    ));
                }
                continue;
            }
            return Err(row.at(&format!(
                "duplicate Vantage row for {region} {instance_type} {}",
                os.as_str()
            )));
        }
        let id = vantage_od_source(ctx, os);
        if os == OperatingSystem::Linux {
            linux_added += 1;
        }
        od.insert(key, (price, id));
    }
    ctx.note(format!(
        "ec2 on-demand: Linux v0rts vs Vantage 2026-05: {linux_same} pairs equal, {} differ {:?}; {linux_added} Linux pairs added from Vantage",
        linux_diff.len(),
        linux_diff.iter().take(5).collect::<Vec<_>>()
    ));

    cross_check_on_demand(ctx, &od)?;
    Ok(od)
}

fn vantage_od_source(ctx: &mut Ctx, os: OperatingSystem) -> String {
    let (id, note) = match os {
        OperatingSystem::Linux => (
            "ec2_on_demand_linux_vantage_2026-05-12",
            "Vantage key `linux`; used only for (Region, type) pairs the v0rts 2025-11-20 capture lacks. Capture on or before 2026-05-12 (notebook run date); exact Vantage build date unknown.",
        ),
        OperatingSystem::Windows => (
            "ec2_on_demand_windows_vantage_2026-05-12",
            "Vantage key `mswin` (Windows, license included, shared tenancy). Capture on or before 2026-05-12. Cross-checked: us-east-1 c5.xlarge 0.354, eu-west-1 c5.large 0.188 equal the AWS Price List (2026-08/09); c5.xlarge Tokyo 0.398 equals the official Price List row.",
        ),
        OperatingSystem::Rhel => (
            "ec2_on_demand_rhel_vantage_2026-05-12",
            "Vantage key `rhel` (Red Hat Enterprise Linux, not RHEL with HA). Capture on or before 2026-05-12. Not cross-checked against another source.",
        ),
        OperatingSystem::Suse => (
            "ec2_on_demand_suse_vantage_2026-05-12",
            "Vantage key `sles` (SUSE Linux Enterprise Server). Capture on or before 2026-05-12. Not cross-checked against another source.",
        ),
    };
    ctx.sources
        .add(id, "ec2_on_demand", "2026-05-12", VANTAGE_ORIGIN, note)
}

fn cross_check_on_demand(ctx: &mut Ctx, od: &BTreeMap<OdKey, (Decimal, String)>) -> Result<()> {
    // Karpenter (generated 2026-07-20): cross-check only, never a source.
    let table = Table::read(&ctx.dir, KARPENTER)?;
    let (mut same, mut diff) = (0u32, Vec::new());
    for row in table.rows() {
        let region = row.get("region_code")?;
        if !ctx.regions.contains(region) {
            continue;
        }
        let instance_type = row.get("instance_type")?;
        let price = row.dec("price_usd_per_hour")?;
        let key = (
            region.to_string(),
            instance_type.to_string(),
            OperatingSystem::Linux,
        );
        if let Some((ours, _)) = od.get(&key) {
            if *ours == price {
                same += 1;
            } else {
                diff.push(format!(
                    "{region} {instance_type} ours {ours} karpenter {price}"
                ));
            }
        }
    }
    let metal = diff.iter().filter(|d| d.contains("metal")).count();
    ctx.note(format!(
        "ec2 on-demand vs Karpenter 2026-07-20: {same} equal, {} differ ({metal} of them *.metal*); first: {:?}",
        diff.len(),
        diff.iter().take(8).collect::<Vec<_>>()
    ));

    // pricesim on-demand (2026-09-24).
    let table = Table::read(&ctx.dir, PRICESIM)?;
    let (mut same, mut diff) = (0u32, Vec::new());
    for row in table.rows() {
        let instance_type = row.get("instance_type")?;
        let Some(price) = row.opt_dec("ondemand_hourly_usd")? else {
            continue;
        };
        let key = (
            "us-east-1".to_string(),
            instance_type.to_string(),
            OperatingSystem::Linux,
        );
        if let Some((ours, _)) = od.get(&key) {
            if *ours == price {
                same += 1;
            } else {
                diff.push(format!("{instance_type} ours {ours} pricesim {price}"));
            }
        }
    }
    ctx.note(format!(
        "ec2 on-demand vs pricesim us-east-1 2026-09-24: {same} equal, {} differ {:?}",
        diff.len(),
        diff.iter().take(8).collect::<Vec<_>>()
    ));
    Ok(())
}

/// Figures changed when a newer capture replaced an older one.
#[derive(Debug, Default)]
struct Replacements {
    /// (old source -> new source (payment)) -> (count, largest fee change, largest hourly change).
    by_kind: BTreeMap<String, (u32, Decimal, Decimal)>,
    examples: Vec<String>,
}

/// Records `offer` for `key` unless an offer from a newer capture is already there; reports
/// every changed figure.
fn put_offer(
    map: &mut BTreeMap<RiKey, RiOffer>,
    diffs: &mut Replacements,
    key: RiKey,
    offer: RiOffer,
) {
    if let Some(old) = map.get(&key) {
        if old.date > offer.date {
            return;
        }
        if old.upfront != offer.upfront || old.hourly != offer.hourly {
            let summary = format!(
                "{} -> {} ({})",
                old.source_id,
                offer.source_id,
                key.5.as_str()
            );
            let entry = diffs.by_kind.entry(summary).or_default();
            entry.0 += 1;
            entry.1 = entry.1.max((old.upfront - offer.upfront).abs());
            entry.2 = entry.2.max((old.hourly - offer.hourly).abs());
            diffs.examples.push(format!(
                "{} {} {} {} {} {}: {} {}+{}/h -> {} {}+{}/h",
                key.0,
                key.1,
                key.2.as_str(),
                key.3.as_str(),
                key.4.as_str(),
                key.5.as_str(),
                old.source_id,
                old.upfront,
                old.hourly,
                offer.source_id,
                offer.upfront,
                offer.hourly
            ));
        }
    }
    map.insert(key, offer);
}

fn reserved(ctx: &mut Ctx, od: &BTreeMap<OdKey, (Decimal, String)>) -> Result<Vec<Ec2ReservedRow>> {
    let mut map: BTreeMap<RiKey, RiOffer> = BTreeMap::new();
    let mut diffs = Replacements::default();

    // pricesim m5.large effective rates, to vet the 2021 GetProducts offers.
    let pricesim = Table::read(&ctx.dir, PRICESIM)?;
    let mut effective_2026: BTreeMap<(String, Term, Payment), Decimal> = BTreeMap::new();
    for row in pricesim.rows() {
        for (term, term_text) in [(Term::OneYear, "1yr"), (Term::ThreeYears, "3yr")] {
            for (payment, pay_text) in [
                (Payment::NoUpfront, "noupfront"),
                (Payment::PartialUpfront, "partialupfront"),
                (Payment::AllUpfront, "allupfront"),
            ] {
                let col = format!("ri_std_{term_text}_{pay_text}_effective_hourly_usd");
                if let Some(value) = row.opt_dec(&col)? {
                    effective_2026.insert(
                        (row.get("instance_type")?.to_string(), term, payment),
                        value,
                    );
                }
            }
        }
    }

    // 1. GetProducts m5.large us-east-1 Linux (2021-02-05): only options whose effective rate
    //    still equals the 2026 one (within 1e-6).
    let getproducts_id = ctx.sources.add(
        "ec2_reserved_linux_getproducts_2021-02-05",
        "ec2_reserved",
        "2021-02-05",
        "GitHub aws/amazon-ec2-instance-selector test/static/GetProducts/m5_large.json @74e721cb8c1e70efd5388afa5267c1fe5e352769 (AWS Price List Query API product document, publicationDate 2021-02-05T20:45:00Z); via official-price-list-format-samples__aws-amazon-ec2-instance-selector/GetProducts_m5_large.json",
        "m5.large us-east-1 Linux shared tenancy, real upfront fee + hourly. Kept only for Standard options whose effective rate (fee / term hours + hourly) equals the 2026-09-24 pricesim effective rate within 1e-6; Convertible options have no 2026 effective rate to check against and are left out. Where pricesim gives the same option (No/All Upfront) its newer row replaces this one.",
    );
    let json = read_json(&ctx.dir, GETPRODUCTS)?;
    let terms = json
        .pointer("/terms/Reserved")
        .and_then(serde_json::Value::as_object)
        .ok_or_else(|| err(format!("{GETPRODUCTS}: no terms.Reserved")))?;
    let mut kept = Vec::new();
    for term_doc in terms.values() {
        let attr = |name: &str| {
            term_doc
                .pointer(&format!("/termAttributes/{name}"))
                .and_then(serde_json::Value::as_str)
                .unwrap_or("")
        };
        let (Some(term), Some(payment)) = (
            parse_term(attr("LeaseContractLength")),
            parse_payment(attr("PurchaseOption")),
        ) else {
            return Err(err(format!("{GETPRODUCTS}: unreadable term attributes")));
        };
        let class = match attr("OfferingClass") {
            "standard" => OfferingClass::Standard,
            "convertible" => OfferingClass::Convertible,
            other => return Err(err(format!("{GETPRODUCTS}: offering class `{other}`"))),
        };
        let mut upfront = Decimal::ZERO;
        let mut hourly = Decimal::ZERO;
        let dims = term_doc
            .get("priceDimensions")
            .and_then(serde_json::Value::as_object)
            .ok_or_else(|| err(format!("{GETPRODUCTS}: no priceDimensions")))?;
        for dim in dims.values() {
            let unit = dim
                .get("unit")
                .and_then(serde_json::Value::as_str)
                .unwrap_or("");
            let text = dim
                .pointer("/pricePerUnit/USD")
                .and_then(serde_json::Value::as_str)
                .ok_or_else(|| err(format!("{GETPRODUCTS}: no USD price")))?;
            let value = parse_dec(text)?;
            match unit {
                "Hrs" => hourly = value,
                "Quantity" => upfront = value,
                other => return Err(err(format!("{GETPRODUCTS}: unit `{other}`"))),
            }
        }
        let label = format!("{} {} {}", class.as_str(), term.as_str(), payment.as_str());
        let effective = upfront / term_hours(term) + hourly;
        let consistent = class == OfferingClass::Standard
            && effective_2026
                .get(&("m5.large".to_string(), term, payment))
                .is_some_and(|now| (*now - effective).abs() <= Decimal::new(1, 6));
        if !consistent {
            kept.push(format!("{label}: left out"));
            continue;
        }
        kept.push(format!("{label}: kept ({upfront} + {hourly}/h)"));
        let key = (
            "us-east-1".to_string(),
            "m5.large".to_string(),
            OperatingSystem::Linux,
            class,
            term,
            payment,
        );
        let offer = RiOffer {
            upfront,
            hourly,
            reconstructed: false,
            source_id: getproducts_id.clone(),
            date: "2021-02-05".to_string(),
        };
        put_offer(&mut map, &mut diffs, key, offer);
    }
    kept.sort();
    ctx.note(format!(
        "ec2 reserved: GetProducts m5.large 2021 vetting: {kept:?}"
    ));

    // 2. ec2.shop: Linux No Upfront, Standard and Convertible (2025-04-05).
    let ec2shop_id = ctx.sources.add(
        "ec2_reserved_linux_noupfront_ec2shop_2025-04-05",
        "ec2_reserved",
        "2025-04-05",
        "GitHub yeo/ec2.shop re-fetch commit 951cd0d425fd69949e3cec7db7e8238102e2a6f6 (2025-04-05; pricing-page feeds ec2-reservedinstance and ec2-reservedinstance-convertible, {1,3} year/No Upfront/<Location>/Linux/Shared); via yeo-ec2.shop/ec2_reserved_linux_shared_noupfront.csv",
        "Linux, shared tenancy, No Upfront only: hourly = the feed's effective hourly, upfront 0. These feeds carry no publication date; the date is the commit date.",
    );
    let table = Table::read(&ctx.dir, EC2SHOP_RI)?;
    for row in table.rows() {
        let region = row.get("region_code")?;
        if !ctx.regions.contains(region) || row.get("operating_system")? != "Linux" {
            continue;
        }
        if row.get("tenancy")? != "Shared" || row.get("pre_installed_sw")? != "NA" {
            continue;
        }
        let class = match row.get("offering_class")? {
            "standard" => OfferingClass::Standard,
            "convertible" => OfferingClass::Convertible,
            other => return Err(row.at(&format!("offering class `{other}`"))),
        };
        let term = parse_term(row.get("lease_contract_length")?)
            .ok_or_else(|| row.at("unknown lease length"))?;
        if parse_payment(row.get("purchase_option")?) != Some(Payment::NoUpfront) {
            return Err(row.at("expected No Upfront only"));
        }
        let hourly = row.dec("effective_hourly_usd")?;
        let key = (
            region.to_string(),
            row.get("instance_type")?.to_string(),
            OperatingSystem::Linux,
            class,
            term,
            Payment::NoUpfront,
        );
        let offer = RiOffer {
            upfront: Decimal::ZERO,
            hourly,
            reconstructed: false,
            source_id: ec2shop_id.clone(),
            date: "2025-04-05".to_string(),
        };
        put_offer(&mut map, &mut diffs, key, offer);
    }

    // 3. Official Price List rows: c5.xlarge Windows Tokyo, the six Standard options.
    let official_id = ctx.sources.add(
        "ec2_reserved_windows_official_2025-10-17",
        "ec2_reserved",
        "2025-10-17",
        OFFICIAL_ORIGIN,
        "c5.xlarge Windows (RunInstances:0002) shared tenancy ap-northeast-1: real upfront fee + hourly for the six Standard options, identical in the AWS Pricing Calculator output of the same repo. Price List tables of 2025-09/10; date = repo commit. The All Upfront keys are superseded by the newer Vantage 2026-05 rows, whose reconstructed fees are identical (2714 / 6950).",
    );
    let official = Table::read(&ctx.dir, OFFICIAL_TOKYO)?;
    for row in official.rows() {
        if row.get("pricing_model")? != "Reserved" {
            continue;
        }
        if row.get("offering_class")? != "standard" {
            return Err(row.at("expected Standard offering class"));
        }
        let term = parse_term(row.get("lease_contract_length_years")?)
            .ok_or_else(|| row.at("unknown lease length"))?;
        let payment =
            parse_payment(row.get("purchase_option")?).ok_or_else(|| row.at("unknown payment"))?;
        let key = (
            row.get("region_code")?.to_string(),
            row.get("instance_type")?.to_string(),
            OperatingSystem::Windows,
            OfferingClass::Standard,
            term,
            payment,
        );
        let offer = RiOffer {
            upfront: row.opt_dec("upfront_fee_usd")?.unwrap_or_default(),
            hourly: row.dec("hourly_rate_usd")?,
            reconstructed: false,
            source_id: official_id.clone(),
            date: "2025-10-17".to_string(),
        };
        put_offer(&mut map, &mut diffs, key, offer);
    }

    // 4. Vantage: Standard All Upfront, every OS and Region (<= 2026-05-12), reconstructed fee.
    let table = Table::read(&ctx.dir, VANTAGE_2026)?;
    for row in table.rows() {
        let Some(os) = vantage_os(row.get("vantage_os_key")?) else {
            continue;
        };
        let region = row.get("region_code")?;
        if !ctx.regions.contains(region) {
            continue;
        }
        for (term, col) in [
            (Term::OneYear, "ri_std_1yr_allupfront_effective_hourly_usd"),
            (
                Term::ThreeYears,
                "ri_std_3yr_allupfront_effective_hourly_usd",
            ),
        ] {
            let Some(effective) = row.opt_dec(col)? else {
                continue;
            };
            if effective <= Decimal::ZERO {
                continue;
            }
            let id = vantage_ri_source(ctx, os);
            let key = (
                region.to_string(),
                row.get("instance_type")?.to_string(),
                os,
                OfferingClass::Standard,
                term,
                Payment::AllUpfront,
            );
            let offer = RiOffer {
                upfront: reconstruct_fee(effective, term),
                hourly: Decimal::ZERO,
                reconstructed: true,
                source_id: id,
                date: "2026-05-12".to_string(),
            };
            put_offer(&mut map, &mut diffs, key, offer);
        }
    }

    // 5. pricesim us-east-1 Linux (2026-09-24): Standard No Upfront and All Upfront.
    let pricesim_id = ctx.sources.add(
        "ec2_reserved_linux_pricesim_2026-09-24",
        "ec2_reserved",
        "2026-09-24",
        PRICESIM_ORIGIN,
        "us-east-1 Linux shared, Standard. No Upfront: hourly = the published effective rate (no upfront part). All Upfront: reconstructed = true, fee = effective x 8,760 (1yr) or x 26,280 (3yr), rounded to whole dollars when within $0.02 of one, else to cents; hourly 0 (m5.large: 494 and 949, as the official GetProducts fees). The rates have 6 significant digits, so fees above about $2,000 can land up to $0.13 from the whole-dollar fee and keep cents under this rule (167 offers). Partial Upfront cannot be split into fee + hourly from an effective rate and is left out.",
    );
    for row in pricesim.rows() {
        let instance_type = row.get("instance_type")?;
        for (term, term_text) in [(Term::OneYear, "1yr"), (Term::ThreeYears, "3yr")] {
            let key = |payment| {
                (
                    "us-east-1".to_string(),
                    instance_type.to_string(),
                    OperatingSystem::Linux,
                    OfferingClass::Standard,
                    term,
                    payment,
                )
            };
            if let Some(hourly) = row.opt_dec(&format!(
                "ri_std_{term_text}_noupfront_effective_hourly_usd"
            ))? {
                let offer = RiOffer {
                    upfront: Decimal::ZERO,
                    hourly,
                    reconstructed: false,
                    source_id: pricesim_id.clone(),
                    date: "2026-09-24".to_string(),
                };
                put_offer(&mut map, &mut diffs, key(Payment::NoUpfront), offer);
            }
            if let Some(effective) = row.opt_dec(&format!(
                "ri_std_{term_text}_allupfront_effective_hourly_usd"
            ))? {
                let offer = RiOffer {
                    upfront: reconstruct_fee(effective, term),
                    hourly: Decimal::ZERO,
                    reconstructed: true,
                    source_id: pricesim_id.clone(),
                    date: "2026-09-24".to_string(),
                };
                put_offer(&mut map, &mut diffs, key(Payment::AllUpfront), offer);
            }
        }
    }
    ctx.note(format!(
        "ec2 reserved: {} figures changed when a newer capture replaced an older one: {:#?}; first 5: {:#?}",
        diffs.examples.len(),
        diffs.by_kind,
        diffs.examples.iter().take(5).collect::<Vec<_>>()
    ));

    // Every offer needs an On-Demand row for the same Region, type and OS.
    let mut orphans: BTreeMap<String, u32> = BTreeMap::new();
    let mut rows = Vec::new();
    for ((region_code, instance_type, os, class, term, payment), offer) in map {
        if !od.contains_key(&(region_code.clone(), instance_type.clone(), os)) {
            *orphans.entry(offer.source_id).or_default() += 1;
            continue;
        }
        rows.push(Ec2ReservedRow {
            region_code,
            instance_type,
            operating_system: os,
            offering_class: class,
            term,
            payment,
            upfront_usd: offer.upfront,
            hourly_usd: offer.hourly,
            unit: Unit::Hours,
            reconstructed: offer.reconstructed,
            source_id: offer.source_id,
        });
    }
    ctx.note(format!(
        "ec2 reserved: orphan offers dropped (no On-Demand row), by source: {orphans:?}"
    ));
    Ok(rows)
}

fn vantage_ri_source(ctx: &mut Ctx, os: OperatingSystem) -> String {
    let id = format!("ec2_reserved_{}_allupfront_vantage_2026-05-12", os.as_str());
    let note = format!(
        "{} Standard All Upfront, shared tenancy, 1yr and 3yr. reconstructed = true: Vantage publishes only the effective hourly rate (fee / term hours, 6 decimals); fee = effective x 8,760 (1yr) or x 26,280 (3yr), rounded to whole dollars when within $0.02 of one, else to cents; hourly 0. Check: c5.xlarge Windows Tokyo gives 2714 / 6950, the official Price List fees. Capture on or before 2026-05-12.",
        os.display()
    );
    ctx.sources
        .add(&id, "ec2_reserved", "2026-05-12", VANTAGE_ORIGIN, &note)
}

fn spot(ctx: &mut Ctx, od: &BTreeMap<OdKey, (Decimal, String)>) -> Result<Vec<Ec2SpotRow>> {
    let mut map: BTreeMap<(String, String), (Decimal, String)> = BTreeMap::new();
    let id_2026 = ctx.sources.add(
        "ec2_spot_linux_vantage_2026-05-12",
        "ec2_spot",
        "2026-05-12",
        VANTAGE_ORIGIN,
        "Vantage `spot_avg` for key `linux`: an average Spot price per Region and type; the averaging window is not documented. Capture on or before 2026-05-12.",
    );
    let table = Table::read(&ctx.dir, VANTAGE_2026)?;
    for row in table.rows() {
        if row.get("vantage_os_key")? != "linux" {
            continue;
        }
        let region = row.get("region_code")?;
        if !ctx.regions.contains(region) {
            continue;
        }
        if let Some(price) = row.opt_dec("spot_avg_hourly_usd")?
            && price > Decimal::ZERO
        {
            map.insert(
                (region.to_string(), row.get("instance_type")?.to_string()),
                (price, id_2026.clone()),
            );
        }
    }
    let id_2024 = ctx.sources.add(
        "ec2_spot_linux_vantage_2024-04-04",
        "ec2_spot",
        "2024-04-04",
        "GitHub vantage-sh/ec2instances.info opszero-app/instances.json @a19cd859f0591c40bead51230996dcfc8c468071 (2024-04-04); via vantage-sh-ec2instances.info/ec2_linux_ondemand_spot_avg_2024-04-04.csv",
        "Vantage `spot_avg` (Linux), averaging window undocumented. Used only for (Region, type) pairs the 2026-05 capture has no Spot average for.",
    );
    let table = Table::read(&ctx.dir, VANTAGE_2024)?;
    let mut fallback = 0u32;
    for row in table.rows() {
        let region = row.get("region_code")?;
        if !ctx.regions.contains(region) {
            continue;
        }
        let key = (region.to_string(), row.get("instance_type")?.to_string());
        if map.contains_key(&key) {
            continue;
        }
        if let Some(price) = row.opt_dec("spot_avg_linux_hourly_usd")?
            && price > Decimal::ZERO
        {
            fallback += 1;
            map.insert(key, (price, id_2024.clone()));
        }
    }
    let mut orphans = 0u32;
    let mut rows = Vec::new();
    for ((region_code, instance_type), (price_usd, source_id)) in map {
        if !od.contains_key(&(
            region_code.clone(),
            instance_type.clone(),
            OperatingSystem::Linux,
        )) {
            orphans += 1;
            continue;
        }
        rows.push(Ec2SpotRow {
            region_code,
            instance_type,
            operating_system: OperatingSystem::Linux,
            unit: Unit::Hours,
            price_usd,
            source_id,
        });
    }
    ctx.note(format!(
        "ec2 spot: {fallback} pairs from the 2024 fallback; {orphans} Spot prices dropped (no Linux On-Demand row)"
    ));
    Ok(rows)
}

fn savings_plans(
    ctx: &mut Ctx,
    od: &BTreeMap<OdKey, (Decimal, String)>,
) -> Result<Vec<Ec2SavingsPlanRow>> {
    let mut rows = Vec::new();
    let pricesim_id = ctx.sources.add(
        "ec2_savings_plans_linux_compute_pricesim_2026-09-24",
        "ec2_savings_plans",
        "2026-09-24",
        PRICESIM_ORIGIN,
        "Compute Savings Plans rate per instance-hour, us-east-1 Linux shared tenancy, all six term/payment options, as published (the Price List `DiscountedRate` equivalent). The only multi-type Savings Plans source; no other Region or plan type is sourced.",
    );
    let table = Table::read(&ctx.dir, PRICESIM)?;
    for row in table.rows() {
        let instance_type = row.get("instance_type")?;
        for (term, term_text) in [(Term::OneYear, "1yr"), (Term::ThreeYears, "3yr")] {
            for (payment, pay_text) in [
                (Payment::NoUpfront, "noupfront"),
                (Payment::PartialUpfront, "partialupfront"),
                (Payment::AllUpfront, "allupfront"),
            ] {
                let col = format!("compute_sp_{term_text}_{pay_text}_rate_usd");
                if let Some(price_usd) = row.opt_dec(&col)? {
                    rows.push(Ec2SavingsPlanRow {
                        region_code: "us-east-1".to_string(),
                        instance_type: instance_type.to_string(),
                        operating_system: OperatingSystem::Linux,
                        plan: SavingsPlanType::Compute,
                        term,
                        payment,
                        unit: Unit::Hours,
                        price_usd,
                        source_id: pricesim_id.clone(),
                    });
                }
            }
        }
    }
    let official_id = ctx.sources.add(
        "ec2_savings_plans_windows_official_2025-10-17",
        "ec2_savings_plans",
        "2025-10-17",
        OFFICIAL_ORIGIN,
        "c5.xlarge Windows ap-northeast-1: Compute and EC2 Instance (family c5) Savings Plans `DiscountedRate`, six options each, identical in the AWS Pricing Calculator output of the same repo.",
    );
    let table = Table::read(&ctx.dir, OFFICIAL_TOKYO)?;
    for row in table.rows() {
        let plan = match row.get("pricing_model")? {
            "ComputeSavingsPlans" => SavingsPlanType::Compute,
            "EC2InstanceSavingsPlans" => SavingsPlanType::Ec2Instance,
            _ => continue,
        };
        rows.push(Ec2SavingsPlanRow {
            region_code: row.get("region_code")?.to_string(),
            instance_type: row.get("instance_type")?.to_string(),
            operating_system: OperatingSystem::Windows,
            plan,
            term: parse_term(row.get("lease_contract_length_years")?)
                .ok_or_else(|| row.at("unknown lease length"))?,
            payment: parse_payment(row.get("purchase_option")?)
                .ok_or_else(|| row.at("unknown payment"))?,
            unit: Unit::Hours,
            price_usd: row.dec("hourly_rate_usd")?,
            source_id: official_id.clone(),
        });
    }
    let before = rows.len();
    rows.retain(|r| {
        od.contains_key(&(
            r.region_code.clone(),
            r.instance_type.clone(),
            r.operating_system,
        ))
    });
    ctx.note(format!(
        "ec2 savings plans: {} rows dropped (no On-Demand row)",
        before - rows.len()
    ));
    Ok(rows)
}

/// vCPU and memory: ec2.shop 2025-04 (the AWS feed's own attributes), then Vantage 2026, then
/// Vantage 2024, then pricesim; disagreements between the first two are reported.
/// Current generation: ec2.shop's `generation_feed`, then Vantage 2024's `current_generation`;
/// types in neither are newer than both captures and are marked current.
fn catalog(ctx: &mut Ctx, od: &BTreeMap<OdKey, (Decimal, String)>) -> Result<()> {
    let wanted: BTreeSet<&str> = od.keys().map(|(_, t, _)| t.as_str()).collect();
    let mut specs: BTreeMap<String, (u32, Decimal)> = BTreeMap::new();
    let mut generation: BTreeMap<String, bool> = BTreeMap::new();
    let mut arch_2024: BTreeMap<String, String> = BTreeMap::new();
    let mut spec_diff: BTreeSet<String> = BTreeSet::new();

    let parse_vcpu = |text: &str| text.trim().parse::<u32>().ok();
    let add_spec = |specs: &mut BTreeMap<String, (u32, Decimal)>,
                    t: &str,
                    v: Option<u32>,
                    m: Option<Decimal>| {
        if let (Some(v), Some(m)) = (v, m) {
            specs.entry(t.to_string()).or_insert((v, m));
        }
    };

    let table = Table::read(&ctx.dir, EC2SHOP_OD)?;
    for row in table.rows() {
        let t = row.get("instance_type")?;
        if !wanted.contains(t) {
            continue;
        }
        let memory = row.get("memory")?.trim_end_matches(" GiB").replace(',', "");
        add_spec(
            &mut specs,
            t,
            parse_vcpu(row.get("vcpu")?),
            parse_dec(&memory).ok(),
        );
        match row.get("generation_feed")? {
            "current" => {
                generation.entry(t.to_string()).or_insert(true);
            }
            "previous" => {
                generation.entry(t.to_string()).or_insert(false);
            }
            _ => {}
        }
    }
    let table = Table::read(&ctx.dir, VANTAGE_2026)?;
    for row in table.rows() {
        let t = row.get("instance_type")?;
        if !wanted.contains(t) {
            continue;
        }
        let theirs = (parse_vcpu(row.get("vcpu")?), row.opt_dec("memory_gib")?);
        match specs.get(t) {
            Some((v, m)) => {
                if (Some(*v), Some(*m)) != theirs {
                    spec_diff.insert(format!(
                        "{t}: AWS feed {v} vCPU {m} GiB, Vantage {theirs:?}"
                    ));
                }
            }
            None => add_spec(&mut specs, t, theirs.0, theirs.1),
        }
    }
    let table = Table::read(&ctx.dir, VANTAGE_2024)?;
    for row in table.rows() {
        let t = row.get("instance_type")?;
        if !wanted.contains(t) {
            continue;
        }
        add_spec(
            &mut specs,
            t,
            parse_vcpu(row.get("vcpu")?),
            row.opt_dec("memory_gib")?,
        );
        match row.get("current_generation")? {
            "True" => {
                generation.entry(t.to_string()).or_insert(true);
            }
            "False" => {
                generation.entry(t.to_string()).or_insert(false);
            }
            _ => {}
        }
        arch_2024.insert(t.to_string(), row.get("arch")?.to_string());
    }
    let table = Table::read(&ctx.dir, PRICESIM)?;
    for row in table.rows() {
        let t = row.get("instance_type")?;
        if wanted.contains(t) {
            add_spec(
                &mut specs,
                t,
                parse_vcpu(row.get("vcpu")?),
                row.opt_dec("memory_gib")?,
            );
        }
    }

    let mut defaulted = Vec::new();
    let mut arch_diff = Vec::new();
    let mut rows = Vec::new();
    for t in &wanted {
        let (vcpu, memory_gib) = specs
            .get(*t)
            .copied()
            .ok_or_else(|| err(format!("no vCPU/memory for priced instance type {t}")))?;
        let current_generation = match generation.get(*t) {
            Some(g) => *g,
            None => {
                defaulted.push(*t);
                true
            }
        };
        let fam = family(t);
        let architecture = architecture(fam).to_string();
        if let Some(a) = arch_2024.get(*t) {
            let base = if architecture.starts_with("arm64") {
                "arm64"
            } else {
                "x86_64"
            };
            let theirs = if a == "i386" { "x86_64" } else { a.as_str() };
            if theirs != base {
                arch_diff.push(format!("{t}: rule {architecture}, Vantage 2024 {a}"));
            }
        }
        rows.push(Ec2InstanceTypeRow {
            instance_type: t.to_string(),
            family: fam.to_string(),
            vcpu,
            memory_gib: memory_gib.normalize(),
            architecture,
            current_generation,
        });
    }
    ctx.note(format!(
        "ec2 catalogue: vCPU/memory AWS feed vs Vantage 2026 disagreements: {spec_diff:?}; {} types; {} types in neither generation source, marked current: {:?}; architecture rule vs Vantage 2024 arch disagreements: {arch_diff:?}",
        rows.len(),
        defaulted.len(),
        defaulted
    ));
    ctx.tables.ec2_instance_types = rows;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn architectures_follow_the_graviton_family_rule() {
        let cases = [
            ("m6g", "arm64"),
            ("c7gn", "arm64"),
            ("t4g", "arm64"),
            ("r8g", "arm64"),
            ("x2gd", "arm64"),
            ("im4gn", "arm64"),
            ("is4gen", "arm64"),
            ("g5g", "arm64"),
            ("a1", "arm64"),
            ("m5", "x86_64"),
            ("g4dn", "x86_64"),
            ("g6e", "x86_64"),
            ("gr6", "x86_64"),
            ("c6i", "x86_64"),
            ("u-6tb1", "x86_64"),
            ("mac1", "x86_64_mac"),
            ("mac2-m2pro", "arm64_mac"),
        ];
        for (fam, want) in cases {
            assert_eq!(architecture(fam), want, "case {fam}");
        }
    }

    #[test]
    fn the_family_is_the_part_before_the_dot() {
        assert_eq!(family("m5.large"), "m5");
        assert_eq!(family("mac2-m2pro.metal"), "mac2-m2pro");
    }
}
