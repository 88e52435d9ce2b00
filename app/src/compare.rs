//! The pure half of the two decision panels on the item cards: a card's inputs become a
//! comparison request, and the option a person picks becomes the card's new inputs.
//!
//! "Compare pricing options" (EC2) and "Compare with Aurora/RDS" (MySQL and PostgreSQL databases)
//! call `POST /api/v1/compare/pricing` and `/compare/database`; every figure they show comes from
//! those answers. No web-sys here: this module is tested on the host with `cargo test -p app`.

use model::compare::{
    CompareDatabaseRequest, ComparePricingRequest, DatabaseOptionKind, DbFamily, PricingOption,
};
use model::{
    AuroraEngine, AuroraStorageConfig, Deployment, Ec2Pricing, ItemSpec, PricingModel, Quantity,
    RdsEngine, RdsStorageType, Service,
};
use rust_decimal::Decimal;

use crate::form::{
    self, AuroraGroupForm, DEFAULT_AURORA_CLASS, DbPricingForm, Ec2PricingForm, EstimateForm,
    FormError, SpecForm,
};

// ---------------------------------------------------------------------------------------------
// Pricing options (EC2)
// ---------------------------------------------------------------------------------------------

/// The pricing comparison for the EC2 card `uid`: the item as entered, in its region, with the
/// estimate's hours per month. The card's own pricing is not sent (the comparison prices every
/// option anyway), so applying an option does not make the comparison stale.
pub fn pricing_request(
    form: &EstimateForm,
    uid: u32,
) -> Result<ComparePricingRequest, Vec<FormError>> {
    let (mut item, hours_per_month) = form::item_request(form, uid)?;
    let ItemSpec::Ec2(e) = &mut item.spec else {
        return Err(Vec::new());
    };
    e.pricing = Ec2Pricing::OnDemand;
    let region = form
        .item(uid)
        .map(|i| i.effective_region(&form.region).to_owned())
        .unwrap_or_default();
    Ok(ComparePricingRequest {
        region,
        hours_per_month,
        item,
    })
}

/// A stable name for an option, for `data-option` and keys: `on_demand`, `spot`,
/// `reserved.1yr.standard.no_upfront`, `savings_plan.compute.3yr.all_upfront`.
pub fn option_key(p: &Ec2Pricing) -> String {
    match p {
        Ec2Pricing::OnDemand => "on_demand".to_owned(),
        Ec2Pricing::Spot { .. } => "spot".to_owned(),
        Ec2Pricing::Reserved {
            term,
            offering_class,
            payment,
        } => format!(
            "reserved.{}.{}.{}",
            term.as_str(),
            offering_class.as_str(),
            payment.as_str()
        ),
        Ec2Pricing::SavingsPlan {
            plan,
            term,
            payment,
        } => format!(
            "savings_plan.{}.{}.{}",
            plan.as_str(),
            term.as_str(),
            payment.as_str()
        ),
    }
}

/// Whether the card's pricing inputs choose `option`. Any Spot choice is the Spot option (the
/// comparison prices the dated average discount; a typed discount is still Spot).
pub fn is_current(p: &Ec2PricingForm, option: &Ec2Pricing) -> bool {
    match *option {
        Ec2Pricing::OnDemand => p.model == PricingModel::OnDemand,
        Ec2Pricing::Spot { .. } => p.model == PricingModel::Spot,
        Ec2Pricing::Reserved {
            term,
            offering_class,
            payment,
        } => {
            p.model == PricingModel::Reserved
                && p.term == term
                && p.offering_class == offering_class
                && p.payment == payment
        }
        Ec2Pricing::SavingsPlan {
            plan,
            term,
            payment,
        } => {
            p.model == PricingModel::SavingsPlan
                && p.plan == plan
                && p.term == term
                && p.payment == payment
        }
    }
}

/// Sets the card's pricing inputs to `option`. Choices the option does not use are kept (as the
/// card keeps them when the model changes); a typed Spot discount is cleared, because the
/// comparison priced the dated average.
pub fn apply_pricing(p: &mut Ec2PricingForm, option: &Ec2Pricing) {
    p.model = option.model();
    match *option {
        Ec2Pricing::OnDemand => {}
        Ec2Pricing::Spot { discount_percent } => {
            p.discount_percent = discount_percent.map(|d| d.to_string()).unwrap_or_default()
        }
        Ec2Pricing::Reserved {
            term,
            offering_class,
            payment,
        } => {
            p.term = term;
            p.offering_class = offering_class;
            p.payment = payment;
        }
        Ec2Pricing::SavingsPlan {
            plan,
            term,
            payment,
        } => {
            p.plan = plan;
            p.term = term;
            p.payment = payment;
        }
    }
}

/// The column the pricing table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PricingSort {
    /// The API's order: On-Demand, Spot, Reserved, Savings Plans.
    Listed,
    EffectiveMonthly,
    Total3yr,
}

/// The options in the order of `by` (ties keep the API's order).
pub fn sort_options(mut options: Vec<PricingOption>, by: PricingSort) -> Vec<PricingOption> {
    match by {
        PricingSort::Listed => {}
        PricingSort::EffectiveMonthly => options.sort_by_key(|o| o.effective_monthly),
        PricingSort::Total3yr => options.sort_by_key(|o| o.total_3yr),
    }
    options
}

/// How many lines the cumulative chart draws at most (each has its own dash pattern).
pub const CHART_LINES: usize = 4;

/// The options the cumulative chart draws, as indices into `options`: On-Demand, the card's
/// current option, then the cheapest over three years, at most [`CHART_LINES`].
pub fn chart_picks(options: &[PricingOption], current: &Ec2PricingForm) -> Vec<usize> {
    let mut picks: Vec<usize> = Vec::new();
    let add = |i: usize, picks: &mut Vec<usize>| {
        if !picks.contains(&i) && picks.len() < CHART_LINES {
            picks.push(i);
        }
    };
    if let Some(i) = options
        .iter()
        .position(|o| o.pricing == Ec2Pricing::OnDemand)
    {
        add(i, &mut picks);
    }
    if let Some(i) = options.iter().position(|o| is_current(current, &o.pricing)) {
        add(i, &mut picks);
    }
    let mut by_cost: Vec<usize> = (0..options.len()).collect();
    by_cost.sort_by_key(|&i| options[i].total_3yr);
    for i in by_cost {
        add(i, &mut picks);
    }
    picks
}

/// Moves label positions (SVG y, growing downwards) apart so no two are closer than `gap`,
/// keeping their order and staying at or above `floor`. Used for the chart's direct labels.
pub fn spread(ys: &[Decimal], gap: Decimal, floor: Decimal) -> Vec<Decimal> {
    let mut order: Vec<usize> = (0..ys.len()).collect();
    order.sort_by_key(|&i| ys[i]);
    let mut out = ys.to_vec();
    let mut last: Option<Decimal> = None;
    for &i in &order {
        let y = match last {
            Some(l) if out[i] < l + gap => l + gap,
            _ => out[i],
        };
        out[i] = y;
        last = Some(y);
    }
    // Labels pushed below the floor move up together.
    if let Some(&lowest) = order.last()
        && out[lowest] > floor
    {
        let shift = out[lowest] - floor;
        for y in &mut out {
            *y -= shift;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Aurora or RDS
// ---------------------------------------------------------------------------------------------

/// The engine family a database card can be compared in, or `None` (MariaDB, Oracle and SQL
/// Server have no Aurora counterpart; other services are not databases).
pub fn db_family(spec: &SpecForm) -> Option<DbFamily> {
    match spec {
        SpecForm::Rds(r) => match r.engine {
            RdsEngine::Mysql => Some(DbFamily::Mysql),
            RdsEngine::Postgresql => Some(DbFamily::Postgresql),
            RdsEngine::Mariadb | RdsEngine::Oracle | RdsEngine::Sqlserver => None,
        },
        SpecForm::Aurora(a) => Some(match a.engine {
            AuroraEngine::AuroraMysql => DbFamily::Mysql,
            AuroraEngine::AuroraPostgresql => DbFamily::Postgresql,
        }),
        SpecForm::Ec2(_) | SpecForm::Lambda(_) | SpecForm::S3(_) => None,
    }
}

/// The comparison's own inputs, typed in its panel: what an RDS card does not say.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DbInputs {
    /// Aurora Standard bills I/O requests; an RDS card has no such figure.
    pub io_requests_per_month: String,
    /// The Serverless v2 column needs an average capacity.
    pub average_acus: String,
}

/// A starting average capacity for an instance class of `memory_gib`: one ACU is about 2 GiB of
/// memory (AWS's definition), to the half ACU, within Serverless v2's 0.5–256 range.
pub fn suggested_acus(memory_gib: Decimal) -> Decimal {
    // Half the memory, to the half ACU: the memory rounded to a whole GiB, halved.
    (memory_gib.round() / Decimal::TWO).clamp(Decimal::new(5, 1), Decimal::from(256))
}

/// The panel's starting inputs for a card: its own I/O requests and ACUs where it has them;
/// otherwise no I/O and the capacity that matches its instance class (`memory_gib` looks a
/// class up in the catalogue).
pub fn db_inputs(spec: &SpecForm, memory_gib: impl Fn(&str) -> Option<Decimal>) -> DbInputs {
    let from_class = |class: &str| {
        memory_gib(class.trim())
            .map(|m| suggested_acus(m).normalize().to_string())
            .unwrap_or_default()
    };
    match spec {
        SpecForm::Rds(r) => DbInputs {
            io_requests_per_month: "0".to_owned(),
            average_acus: from_class(&r.instance_class),
        },
        SpecForm::Aurora(a) => DbInputs {
            io_requests_per_month: a.io_requests_per_month.clone(),
            average_acus: if a.serverless {
                a.average_acus.clone()
            } else {
                from_class(
                    a.instances
                        .first()
                        .map_or(DEFAULT_AURORA_CLASS, |g| &g.instance_class),
                )
            },
        },
        SpecForm::Ec2(_) | SpecForm::Lambda(_) | SpecForm::S3(_) => DbInputs::default(),
    }
}

/// The database comparison for the card `uid`: its engine family, instance class and count,
/// storage and backup, Multi-AZ (an RDS Multi-AZ deployment, or an Aurora cluster of two or more
/// instances), in its region with the estimate's hours, plus the panel's I/O and ACUs.
///
/// An Aurora card's instance groups are compared as one class (the first group's) × all
/// instances; a Serverless-only cluster is compared against the default class.
pub fn database_request(
    form: &EstimateForm,
    uid: u32,
    inputs: &DbInputs,
) -> Result<CompareDatabaseRequest, Vec<FormError>> {
    let (item, hours_per_month) = form::item_request(form, uid)?;
    let Some(engine) = form.item(uid).and_then(|i| db_family(&i.spec)) else {
        return Err(Vec::new());
    };
    let mut errors = Vec::new();
    let io = form::read_whole(
        "io_requests_per_month",
        &inputs.io_requests_per_month,
        false,
    )
    .map_err(|e| errors.push(e))
    .ok()
    .flatten()
    .unwrap_or(0);
    let average_acus = form::read_quantity("average_acus", &inputs.average_acus, false)
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    if !errors.is_empty() {
        return Err(errors);
    }
    let region = form
        .item(uid)
        .map(|i| i.effective_region(&form.region).to_owned())
        .unwrap_or_default();
    let (instance_class, instances, storage_gb, backup_storage_gb, multi_az) = match item.spec {
        ItemSpec::Rds(r) => (
            r.instance_class,
            r.count,
            Quantity::from_u64(r.storage.size_gb),
            r.backup_storage_gb,
            r.deployment == Deployment::MultiAz,
        ),
        ItemSpec::Aurora(a) => {
            let total: u32 = a.instances.iter().map(|g| g.count).sum();
            let class = a.instances.first().map_or_else(
                || DEFAULT_AURORA_CLASS.to_owned(),
                |g| g.instance_class.clone(),
            );
            (
                class,
                total.max(1),
                a.storage_gb,
                a.backup_storage_gb,
                total >= 2,
            )
        }
        ItemSpec::Ec2(_) | ItemSpec::Lambda(_) | ItemSpec::S3(_) => return Err(Vec::new()),
    };
    Ok(CompareDatabaseRequest {
        region,
        engine,
        instance_class,
        instances,
        storage_gb,
        io_requests_per_month: io,
        backup_storage_gb,
        multi_az,
        hours_per_month,
        average_acus,
    })
}

/// The five options in the order the panel shows them.
pub const DB_OPTIONS: [DatabaseOptionKind; 5] = [
    DatabaseOptionKind::RdsSingleAz,
    DatabaseOptionKind::RdsMultiAz,
    DatabaseOptionKind::AuroraStandard,
    DatabaseOptionKind::AuroraIoOptimized,
    DatabaseOptionKind::AuroraServerlessV2,
];

/// An option's contract name (`aurora_io_optimized`), for `data-option`.
pub fn db_option_key(kind: DatabaseOptionKind) -> &'static str {
    match kind {
        DatabaseOptionKind::RdsSingleAz => "rds_single_az",
        DatabaseOptionKind::RdsMultiAz => "rds_multi_az",
        DatabaseOptionKind::AuroraStandard => "aurora_standard",
        DatabaseOptionKind::AuroraIoOptimized => "aurora_io_optimized",
        DatabaseOptionKind::AuroraServerlessV2 => "aurora_serverless_v2",
    }
}

/// Which of the five options the card is now.
pub fn current_db_option(spec: &SpecForm) -> Option<DatabaseOptionKind> {
    match spec {
        SpecForm::Rds(r) => Some(match r.deployment {
            Deployment::SingleAz => DatabaseOptionKind::RdsSingleAz,
            Deployment::MultiAz => DatabaseOptionKind::RdsMultiAz,
        }),
        SpecForm::Aurora(a) if a.serverless && a.instances.is_empty() => {
            Some(DatabaseOptionKind::AuroraServerlessV2)
        }
        SpecForm::Aurora(a) => Some(match a.storage_config {
            AuroraStorageConfig::Standard => DatabaseOptionKind::AuroraStandard,
            AuroraStorageConfig::IoOptimized => DatabaseOptionKind::AuroraIoOptimized,
        }),
        SpecForm::Ec2(_) | SpecForm::Lambda(_) | SpecForm::S3(_) => None,
    }
}

/// The service an option is billed as.
pub fn db_option_service(kind: DatabaseOptionKind) -> Service {
    match kind {
        DatabaseOptionKind::RdsSingleAz | DatabaseOptionKind::RdsMultiAz => Service::Rds,
        DatabaseOptionKind::AuroraStandard
        | DatabaseOptionKind::AuroraIoOptimized
        | DatabaseOptionKind::AuroraServerlessV2 => Service::Aurora,
    }
}

/// The card's inputs after choosing `to` in the comparison `req` (built from this card by
/// [`database_request`]). Fields that mean the same on both sides carry over: engine family,
/// instance class and count, storage, I/O requests, backup, usage and the On-Demand / Reserved
/// choice. A card that stays RDS or Aurora keeps everything else too (storage type, backtrack,
/// several instance groups). An RDS card gets gp3 storage of the Aurora volume's size (rounded up
/// to a whole GB, as the comparison priced it); a Multi-AZ workload becomes an Aurora cluster of
/// at least two instances. Serverless v2 needs the request's ACUs: without them, `None`.
pub fn switch_database(
    spec: &SpecForm,
    to: DatabaseOptionKind,
    req: &CompareDatabaseRequest,
) -> Option<SpecForm> {
    let (rds_engine, aurora_engine) = match req.engine {
        DbFamily::Mysql => (RdsEngine::Mysql, AuroraEngine::AuroraMysql),
        DbFamily::Postgresql => (RdsEngine::Postgresql, AuroraEngine::AuroraPostgresql),
    };
    let deployment = match to {
        DatabaseOptionKind::RdsSingleAz => Some(Deployment::SingleAz),
        DatabaseOptionKind::RdsMultiAz => Some(Deployment::MultiAz),
        _ => None,
    };
    if let Some(deployment) = deployment {
        let mut rds = match spec {
            SpecForm::Rds(r) => r.clone(),
            SpecForm::Aurora(a) => {
                let SpecForm::Rds(mut r) = SpecForm::default_for(Service::Rds) else {
                    return None;
                };
                let gb = req.storage_gb.value().ceil().max(Decimal::ONE);
                r.engine = rds_engine;
                r.instance_class = req.instance_class.clone();
                r.count = req.instances.to_string();
                r.storage_type = RdsStorageType::Gp3;
                r.storage_gb = gb.normalize().to_string();
                r.backup_storage_gb = a.backup_storage_gb.clone();
                r.usage = a.usage.clone();
                r.pricing = a.pricing.clone();
                r
            }
            SpecForm::Ec2(_) | SpecForm::Lambda(_) | SpecForm::S3(_) => return None,
        };
        rds.deployment = deployment;
        return Some(SpecForm::Rds(rds));
    }
    let mut aurora = match spec {
        SpecForm::Aurora(a) => a.clone(),
        SpecForm::Rds(r) => {
            let SpecForm::Aurora(mut a) = SpecForm::default_for(Service::Aurora) else {
                return None;
            };
            a.engine = aurora_engine;
            a.instances.clear();
            a.storage_gb = r.storage_gb.clone();
            a.backup_storage_gb = r.backup_storage_gb.clone();
            a.usage = r.usage.clone();
            a.pricing = r.pricing.clone();
            a
        }
        SpecForm::Ec2(_) | SpecForm::Lambda(_) | SpecForm::S3(_) => return None,
    };
    aurora.io_requests_per_month = req.io_requests_per_month.to_string();
    match to {
        DatabaseOptionKind::AuroraServerlessV2 => {
            aurora.average_acus = req.average_acus?.to_string();
            aurora.serverless = true;
            aurora.instances.clear();
            aurora.storage_config = AuroraStorageConfig::Standard;
            // Serverless capacity has no reservations.
            aurora.pricing = DbPricingForm::default();
        }
        DatabaseOptionKind::AuroraStandard | DatabaseOptionKind::AuroraIoOptimized => {
            aurora.storage_config = if to == DatabaseOptionKind::AuroraIoOptimized {
                AuroraStorageConfig::IoOptimized
            } else {
                AuroraStorageConfig::Standard
            };
            aurora.serverless = false;
            if aurora.instances.is_empty() {
                let count = if req.multi_az {
                    req.instances.max(2)
                } else {
                    req.instances
                };
                aurora.instances.push(AuroraGroupForm {
                    instance_class: req.instance_class.clone(),
                    count: count.to_string(),
                });
            }
        }
        DatabaseOptionKind::RdsSingleAz | DatabaseOptionKind::RdsMultiAz => return None,
    }
    Some(SpecForm::Aurora(aurora))
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{
        AuroraItem, DbPricing, Ec2Item, OfferingClass, Payment, RdsItem, SavingsPlanType, Term, Usd,
    };

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn form_with(service: Service) -> (EstimateForm, u32) {
        let mut f = EstimateForm::new("us-east-1");
        f.add(Service::Lambda);
        let uid = f.add(service);
        (f, uid)
    }

    fn rds_mut(f: &mut EstimateForm, uid: u32) -> &mut crate::form::RdsForm {
        match &mut f.item_mut(uid).unwrap().spec {
            SpecForm::Rds(r) => r,
            _ => panic!("not rds"),
        }
    }

    fn aurora_mut(f: &mut EstimateForm, uid: u32) -> &mut crate::form::AuroraForm {
        match &mut f.item_mut(uid).unwrap().spec {
            SpecForm::Aurora(a) => a,
            _ => panic!("not aurora"),
        }
    }

    /// The request item the card now makes.
    fn item_of(f: &EstimateForm, uid: u32) -> ItemSpec {
        form::item_request(f, uid).unwrap().0.spec
    }

    #[test]
    fn an_ec2_card_is_compared_as_entered_in_its_region_without_its_own_pricing() {
        let (mut f, uid) = form_with(Service::Ec2);
        f.hours_per_month = "700".into();
        let item = f.item_mut(uid).unwrap();
        item.region = "eu-west-1".into();
        let SpecForm::Ec2(e) = &mut item.spec else {
            panic!()
        };
        e.count = "3".into();
        e.instance_type = "c6g.xlarge".into();
        e.pricing.model = PricingModel::Reserved;
        let req = pricing_request(&f, uid).unwrap();
        assert_eq!(req.region, "eu-west-1");
        assert_eq!(req.hours_per_month, Some(Quantity::from_u64(700)));
        assert_eq!(req.item.id, f.item(uid).unwrap().id);
        let ItemSpec::Ec2(Ec2Item {
            instance_type,
            count,
            pricing,
            ebs,
            ..
        }) = &req.item.spec
        else {
            panic!("not ec2")
        };
        assert_eq!(
            (instance_type.as_str(), *count, *pricing, ebs.len()),
            ("c6g.xlarge", 3, Ec2Pricing::OnDemand, 1)
        );
        // A card that cannot be read is not compared; its errors say why.
        if let SpecForm::Ec2(e) = &mut f.item_mut(uid).unwrap().spec {
            e.count = "x".into();
        }
        assert_eq!(
            pricing_request(&f, uid).unwrap_err()[0].field,
            "items[1].count"
        );
        // Another service is not an EC2 card.
        assert_eq!(pricing_request(&f, f.items[0].uid), Err(Vec::new()));
    }

    #[test]
    fn applying_an_option_makes_the_card_price_that_option() {
        let options = [
            Ec2Pricing::OnDemand,
            Ec2Pricing::Spot {
                discount_percent: None,
            },
            Ec2Pricing::Reserved {
                term: Term::ThreeYears,
                offering_class: OfferingClass::Convertible,
                payment: Payment::PartialUpfront,
            },
            Ec2Pricing::SavingsPlan {
                plan: SavingsPlanType::Ec2Instance,
                term: Term::OneYear,
                payment: Payment::AllUpfront,
            },
        ];
        for option in options {
            let (mut f, uid) = form_with(Service::Ec2);
            if let SpecForm::Ec2(e) = &mut f.item_mut(uid).unwrap().spec {
                e.pricing.discount_percent = "40".into();
                apply_pricing(&mut e.pricing, &option);
                assert!(is_current(&e.pricing, &option), "{option:?}");
            }
            let ItemSpec::Ec2(e) = item_of(&f, uid) else {
                panic!()
            };
            assert_eq!(e.pricing, option, "{option:?}");
        }
        let p = Ec2PricingForm::default();
        assert!(is_current(&p, &Ec2Pricing::OnDemand));
        assert!(!is_current(&p, &options[2]));
        assert_eq!(
            option_key(&options[2]),
            "reserved.3yr.convertible.partial_upfront"
        );
        assert_eq!(
            option_key(&options[3]),
            "savings_plan.ec2_instance.1yr.all_upfront"
        );
        assert_eq!(option_key(&options[1]), "spot");
    }

    fn option(pricing: Ec2Pricing, effective: &str, total_3yr: &str) -> PricingOption {
        PricingOption {
            pricing,
            upfront: Usd::ZERO,
            monthly: Usd::new(d(effective)),
            effective_monthly: Usd::new(d(effective)),
            total_1yr: Usd::ZERO,
            total_3yr: Usd::new(d(total_3yr)),
            saving_vs_on_demand_percent: None,
            break_even_month: None,
            break_even_utilization_percent: None,
            notes: Vec::new(),
            cumulative: Vec::new(),
        }
    }

    #[test]
    fn options_sort_and_the_chart_keeps_on_demand_the_current_and_the_cheapest() {
        let ri = |payment| Ec2Pricing::Reserved {
            term: Term::OneYear,
            offering_class: OfferingClass::Standard,
            payment,
        };
        let options = vec![
            option(Ec2Pricing::OnDemand, "70", "2520"),
            option(
                Ec2Pricing::Spot {
                    discount_percent: None,
                },
                "25",
                "900",
            ),
            option(ri(Payment::NoUpfront), "44", "1584"),
            option(ri(Payment::PartialUpfront), "42", "1512"),
            option(ri(Payment::AllUpfront), "41", "1476"),
        ];
        let keys =
            |o: Vec<PricingOption>| o.iter().map(|o| option_key(&o.pricing)).collect::<Vec<_>>();
        assert_eq!(
            keys(sort_options(options.clone(), PricingSort::EffectiveMonthly))[..3],
            [
                "spot",
                "reserved.1yr.standard.all_upfront",
                "reserved.1yr.standard.partial_upfront"
            ]
        );
        assert_eq!(
            keys(sort_options(options.clone(), PricingSort::Listed))[0],
            "on_demand"
        );
        let mut current = Ec2PricingForm::default();
        apply_pricing(&mut current, &ri(Payment::NoUpfront));
        assert_eq!(chart_picks(&options, &current), vec![0, 2, 1, 4]);
        assert_eq!(
            chart_picks(&options, &Ec2PricingForm::default()),
            vec![0, 1, 4, 3]
        );
        assert!(chart_picks(&[], &current).is_empty());
    }

    #[test]
    fn close_labels_move_apart_and_stay_above_the_floor() {
        let ys = [d("100"), d("104"), d("50"), d("101")];
        assert_eq!(
            spread(&ys, d("14"), d("400")),
            vec![d("100"), d("128"), d("50"), d("114")]
        );
        assert_eq!(
            spread(&[d("195"), d("200")], d("14"), d("200")),
            vec![d("186"), d("200")]
        );
    }

    #[test]
    fn option_names_are_the_contract_names() {
        for kind in DB_OPTIONS {
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json.as_str(), Some(db_option_key(kind)));
        }
    }

    #[test]
    fn acus_follow_the_class_memory_within_serverless_limits() {
        assert_eq!(suggested_acus(d("8")), d("4"));
        assert_eq!(suggested_acus(d("16")), d("8"));
        assert_eq!(suggested_acus(d("1")), d("0.5"));
        assert_eq!(suggested_acus(d("3")), d("1.5"));
        assert_eq!(suggested_acus(d("1024")), d("256"));
    }

    #[test]
    fn only_mysql_and_postgresql_databases_can_be_compared() {
        let (mut f, uid) = form_with(Service::Rds);
        assert_eq!(db_family(&f.item(uid).unwrap().spec), Some(DbFamily::Mysql));
        for (engine, family) in [
            (RdsEngine::Postgresql, Some(DbFamily::Postgresql)),
            (RdsEngine::Mariadb, None),
            (RdsEngine::Oracle, None),
            (RdsEngine::Sqlserver, None),
        ] {
            rds_mut(&mut f, uid).engine = engine;
            assert_eq!(db_family(&f.item(uid).unwrap().spec), family, "{engine:?}");
        }
        assert_eq!(
            database_request(&f, uid, &DbInputs::default()),
            Err(Vec::new())
        );
        let (f, uid) = form_with(Service::Aurora);
        assert_eq!(db_family(&f.item(uid).unwrap().spec), Some(DbFamily::Mysql));
        assert_eq!(db_family(&f.items[0].spec), None);
    }

    #[test]
    fn an_rds_card_becomes_the_database_comparison_of_its_workload() {
        let (mut f, uid) = form_with(Service::Rds);
        f.hours_per_month = "720".into();
        f.item_mut(uid).unwrap().region = "ap-northeast-2".into();
        let r = rds_mut(&mut f, uid);
        r.engine = RdsEngine::Postgresql;
        r.instance_class = "db.r6g.xlarge".into();
        r.count = "2".into();
        r.deployment = Deployment::MultiAz;
        r.storage_gb = "250".into();
        r.backup_storage_gb = "40".into();
        let memory = |class: &str| (class == "db.r6g.xlarge").then(|| d("32"));
        let inputs = db_inputs(&f.item(uid).unwrap().spec, memory);
        assert_eq!(
            inputs,
            DbInputs {
                io_requests_per_month: "0".into(),
                average_acus: "16".into()
            }
        );
        let req = database_request(&f, uid, &inputs).unwrap();
        assert_eq!(
            req,
            CompareDatabaseRequest {
                region: "ap-northeast-2".into(),
                engine: DbFamily::Postgresql,
                instance_class: "db.r6g.xlarge".into(),
                instances: 2,
                storage_gb: Quantity::from_u64(250),
                io_requests_per_month: 0,
                backup_storage_gb: Some(Quantity::from_u64(40)),
                multi_az: true,
                hours_per_month: Some(Quantity::from_u64(720)),
                average_acus: Some(Quantity::from_u64(16)),
            }
        );
        // The panel's own numbers are checked at their own names.
        let bad = DbInputs {
            io_requests_per_month: "lots".into(),
            average_acus: "-2".into(),
        };
        let fields: Vec<String> = database_request(&f, uid, &bad)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["io_requests_per_month", "average_acus"]);
    }

    #[test]
    fn an_aurora_card_is_compared_as_one_class_times_all_its_instances() {
        let (mut f, uid) = form_with(Service::Aurora);
        let a = aurora_mut(&mut f, uid);
        a.engine = AuroraEngine::AuroraPostgresql;
        a.instances = vec![
            AuroraGroupForm {
                instance_class: "db.r6g.2xlarge".into(),
                count: "1".into(),
            },
            AuroraGroupForm {
                instance_class: "db.r6g.large".into(),
                count: "2".into(),
            },
        ];
        a.storage_gb = "512.5".into();
        a.io_requests_per_month = "300000000".into();
        let inputs = db_inputs(&f.item(uid).unwrap().spec, |_| Some(d("64")));
        assert_eq!(inputs.io_requests_per_month, "300000000");
        assert_eq!(inputs.average_acus, "32");
        let req = database_request(&f, uid, &inputs).unwrap();
        assert_eq!(
            (
                req.engine,
                req.instance_class.as_str(),
                req.instances,
                req.multi_az,
                req.storage_gb,
                req.io_requests_per_month,
                req.hours_per_month
            ),
            (
                DbFamily::Postgresql,
                "db.r6g.2xlarge",
                3,
                true,
                Quantity::new(d("512.5")).unwrap(),
                300_000_000,
                None
            )
        );
        // A Serverless-only cluster: one instance of the default class, its own ACUs.
        let a = aurora_mut(&mut f, uid);
        a.instances.clear();
        a.serverless = true;
        a.average_acus = "3.5".into();
        let inputs = db_inputs(&f.item(uid).unwrap().spec, |_| None);
        assert_eq!(inputs.average_acus, "3.5");
        let req = database_request(&f, uid, &inputs).unwrap();
        assert_eq!(
            (
                req.instance_class.as_str(),
                req.instances,
                req.multi_az,
                req.average_acus
            ),
            (DEFAULT_AURORA_CLASS, 1, false, Quantity::new(d("3.5")))
        );
        assert_eq!(
            current_db_option(&f.item(uid).unwrap().spec),
            Some(DatabaseOptionKind::AuroraServerlessV2)
        );
    }

    #[test]
    fn choosing_aurora_for_an_rds_card_carries_the_workload_over() {
        let (mut f, uid) = form_with(Service::Rds);
        let r = rds_mut(&mut f, uid);
        r.instance_class = "db.m6g.large".into();
        r.deployment = Deployment::MultiAz;
        r.storage_gb = "100".into();
        r.backup_storage_gb = "20".into();
        r.pricing = DbPricingForm {
            reserved: true,
            term: Term::ThreeYears,
            payment: Payment::AllUpfront,
        };
        r.usage.mode = crate::form::UsageMode::Percent;
        r.usage.value = "50".into();
        let inputs = DbInputs {
            io_requests_per_month: "200000000".into(),
            average_acus: "4".into(),
        };
        let req = database_request(&f, uid, &inputs).unwrap();
        let spec = f.item(uid).unwrap().spec.clone();
        assert_eq!(
            current_db_option(&spec),
            Some(DatabaseOptionKind::RdsMultiAz)
        );

        let to = switch_database(&spec, DatabaseOptionKind::AuroraIoOptimized, &req).unwrap();
        let new = f.replace_spec(uid, to).unwrap();
        let ItemSpec::Aurora(AuroraItem {
            engine,
            storage_config,
            instances,
            serverless_v2,
            storage_gb,
            io_requests_per_month,
            backup_storage_gb,
            usage,
            pricing,
            ..
        }) = item_of(&f, new)
        else {
            panic!("not aurora")
        };
        assert_eq!(engine, AuroraEngine::AuroraMysql);
        assert_eq!(storage_config, AuroraStorageConfig::IoOptimized);
        // Multi-AZ: a writer and a reader in another AZ.
        assert_eq!(instances.len(), 1);
        assert_eq!(
            (instances[0].instance_class.as_str(), instances[0].count),
            ("db.m6g.large", 2)
        );
        assert_eq!(serverless_v2, None);
        assert_eq!(storage_gb, Quantity::from_u64(100));
        assert_eq!(io_requests_per_month, 200_000_000);
        assert_eq!(backup_storage_gb, Some(Quantity::from_u64(20)));
        assert_eq!(
            usage.and_then(|u| u.utilization_percent),
            Some(Quantity::from_u64(50))
        );
        assert_eq!(
            pricing,
            DbPricing::Reserved {
                term: Term::ThreeYears,
                payment: Payment::AllUpfront
            }
        );
        assert_eq!(
            current_db_option(&f.item(new).unwrap().spec),
            Some(DatabaseOptionKind::AuroraIoOptimized)
        );

        // Serverless v2: the panel's ACUs, no instances, On-Demand.
        let to = switch_database(&spec, DatabaseOptionKind::AuroraServerlessV2, &req).unwrap();
        let SpecForm::Aurora(a) = &to else { panic!() };
        assert!(a.serverless && a.instances.is_empty());
        assert_eq!(a.average_acus, "4");
        assert_eq!(a.storage_config, AuroraStorageConfig::Standard);
        assert!(!a.pricing.reserved);
        let no_acus = CompareDatabaseRequest {
            average_acus: None,
            ..req.clone()
        };
        assert_eq!(
            switch_database(&spec, DatabaseOptionKind::AuroraServerlessV2, &no_acus),
            None
        );

        // Staying RDS changes only the deployment.
        let to = switch_database(&spec, DatabaseOptionKind::RdsSingleAz, &req).unwrap();
        let SpecForm::Rds(r) = &to else { panic!() };
        let SpecForm::Rds(before) = &spec else {
            panic!()
        };
        assert_eq!(
            r,
            &crate::form::RdsForm {
                deployment: Deployment::SingleAz,
                ..before.clone()
            }
        );
    }

    #[test]
    fn choosing_rds_for_an_aurora_card_carries_the_workload_over() {
        let (mut f, uid) = form_with(Service::Aurora);
        let a = aurora_mut(&mut f, uid);
        a.engine = AuroraEngine::AuroraPostgresql;
        a.instances[0].count = "3".into();
        a.storage_gb = "120.2".into();
        a.backup_storage_gb = "10".into();
        let spec = f.item(uid).unwrap().spec.clone();
        let req = database_request(&f, uid, &db_inputs(&spec, |_| None)).unwrap();
        let to = switch_database(&spec, DatabaseOptionKind::RdsMultiAz, &req).unwrap();
        let new = f.replace_spec(uid, to).unwrap();
        let ItemSpec::Rds(RdsItem {
            engine,
            instance_class,
            deployment,
            count,
            storage,
            backup_storage_gb,
            edition,
            ..
        }) = item_of(&f, new)
        else {
            panic!("not rds")
        };
        assert_eq!(engine, RdsEngine::Postgresql);
        assert_eq!(edition, None);
        assert_eq!(
            (instance_class.as_str(), deployment, count),
            (DEFAULT_AURORA_CLASS, Deployment::MultiAz, 3)
        );
        assert_eq!(
            (storage.storage_type, storage.size_gb),
            (RdsStorageType::Gp3, 121)
        );
        assert_eq!(backup_storage_gb, Some(Quantity::from_u64(10)));

        // Staying Aurora keeps the card's groups and only changes the storage configuration.
        let to = switch_database(&spec, DatabaseOptionKind::AuroraIoOptimized, &req).unwrap();
        let (SpecForm::Aurora(after), SpecForm::Aurora(before)) = (&to, &spec) else {
            panic!()
        };
        assert_eq!(after.instances, before.instances);
        assert_eq!(after.storage_config, AuroraStorageConfig::IoOptimized);
        assert_eq!(after.io_requests_per_month, before.io_requests_per_month);
    }
}
