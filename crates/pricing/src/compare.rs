//! The decision comparisons: pricing models with break-even, Aurora vs RDS, every region.
//!
//! Each comparison builds ordinary estimate items and prices them with [`crate::engine::estimate`],
//! so every figure follows exactly the billing rules of an estimate and carries its line items.

use std::collections::{BTreeSet, HashMap};

use model::compare::*;
use model::response::{EstimateResponse, Totals};
use model::{
    AuroraEngine, AuroraInstances, AuroraItem, AuroraStorageConfig, DbPricing, Deployment,
    Ec2Pricing, ErrorCode, EstimateRequest, FieldError, Item, ItemSpec, OfferingClass, Payment,
    Quantity, RdsEngine, RdsItem, RdsStorage, RdsStorageType, SavingsPlanType, ServerlessV2, Term,
};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::book::PriceBook;
use crate::engine::estimate;
use crate::engine::spec::cents;
use crate::rows::AuroraComponent;

/// Months shown in the cumulative cost curve.
const HORIZON_MONTHS: u32 = 36;

/// A one-item estimate of `item` in `region`.
fn one_item(region: &str, hours: Option<Quantity>, item: Item) -> EstimateRequest {
    EstimateRequest {
        name: None,
        region: region.to_owned(),
        hours_per_month: hours,
        free_tier: false,
        items: vec![item],
    }
}

/// Re-roots the field paths of a one-item estimate's errors (`items[0].x` → `item.x`).
fn as_item_errors(errors: Vec<FieldError>) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|mut e| {
            if let Some(rest) = e.field.strip_prefix("items[0]") {
                e.field = format!("item{rest}");
            }
            e
        })
        .collect()
}

/// The exact recurring and one-time sums of a priced estimate (from quantity × unit price).
fn exact(r: &EstimateResponse) -> (Decimal, Decimal) {
    let mut monthly = Decimal::ZERO;
    let mut upfront = Decimal::ZERO;
    for l in r.items.iter().flat_map(|i| &i.line_items) {
        let amount = l.quantity * l.unit_price;
        if l.one_time {
            upfront += amount;
        } else {
            monthly += amount;
        }
    }
    (monthly, upfront)
}

/// `first … last` of a set of dates, or the one date.
fn date_range(dates: &BTreeSet<String>) -> String {
    match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (Some(a), Some(b)) => format!("{a} … {b}"),
        _ => String::new(),
    }
}

fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

// ---------------------------------------------------------------------------------------------
// Pricing models
// ---------------------------------------------------------------------------------------------

/// Every pricing model with a price for an EC2 item in its region, with break-even figures.
///
/// Conventions: upfront fees are paid in month 1; a 1-year commitment compared over 3 years is
/// assumed renewed at the same price (upfront again in months 13 and 25). The item's own usage
/// profile applies: On-Demand and Spot bill the hours used, commitments every hour.
pub fn pricing(
    book: &PriceBook,
    req: &ComparePricingRequest,
) -> Result<ComparePricingResponse, Vec<FieldError>> {
    model::validate::validate_item("item", &req.item)?;
    let ItemSpec::Ec2(ec2) = &req.item.spec else {
        return Err(vec![FieldError::new(
            ErrorCode::InvalidValue,
            "item.service",
            "the pricing comparison takes an `ec2` item",
        )]);
    };
    let region = req
        .item
        .region
        .clone()
        .unwrap_or_else(|| req.region.clone());
    let month_hours = req
        .hours_per_month
        .map(|h| h.value())
        .unwrap_or_else(|| Decimal::from(model::HOURS_PER_MONTH));
    let with = |pricing: Ec2Pricing| {
        let mut item = req.item.clone();
        if let ItemSpec::Ec2(e) = &mut item.spec {
            e.pricing = pricing;
        }
        item.region = Some(region.clone());
        estimate(book, &one_item(&region, req.hours_per_month, item))
    };
    let on_demand = with(Ec2Pricing::OnDemand).map_err(as_item_errors)?;
    let mut candidates = vec![Ec2Pricing::Spot {
        discount_percent: None,
    }];
    for offering_class in OfferingClass::ALL {
        for term in Term::ALL {
            for payment in Payment::ALL {
                candidates.push(Ec2Pricing::Reserved {
                    term,
                    offering_class,
                    payment,
                });
            }
        }
    }
    for plan in SavingsPlanType::ALL {
        for term in Term::ALL {
            for payment in Payment::ALL {
                candidates.push(Ec2Pricing::SavingsPlan {
                    plan,
                    term,
                    payment,
                });
            }
        }
    }
    // The On-Demand hourly rate of one instance, for the break-even utilisation.
    let od_hourly = book
        .ec2_on_demand(&region, &ec2.instance_type, ec2.operating_system)
        .map(|r| r.price_usd);
    let count = Decimal::from(ec2.count);
    let (od_monthly, _) = exact(&on_demand);
    let od_curve = curve(od_monthly, Decimal::ZERO, None);
    let mut dates = BTreeSet::new();
    let mut options = Vec::new();
    let mut add = |pricing: Ec2Pricing, r: &EstimateResponse, dates: &mut BTreeSet<String>| {
        for s in &r.price_sources {
            dates.insert(s.price_date.to_string());
        }
        let (monthly, upfront) = exact(r);
        let term = match pricing {
            Ec2Pricing::Reserved { term, .. } | Ec2Pricing::SavingsPlan { term, .. } => Some(term),
            Ec2Pricing::OnDemand | Ec2Pricing::Spot { .. } => None,
        };
        let cumulative = curve(monthly, upfront, term);
        let mut notes = Vec::new();
        let effective =
            monthly + term.map_or(Decimal::ZERO, |t| upfront / Decimal::from(t.months()));
        let od_effective = od_monthly;
        let is_od = pricing == Ec2Pricing::OnDemand;
        let saving = (!is_od && !od_effective.is_zero())
            .then(|| round2((od_effective - effective) / od_effective * Decimal::ONE_HUNDRED));
        let break_even_month = if is_od {
            None
        } else {
            let m = (1..=HORIZON_MONTHS)
                .zip(cumulative.iter().zip(&od_curve))
                .find(|(_, (c, o))| c < o)
                .map(|(m, _)| m);
            if m.is_none() {
                notes.push(format!(
                    "never cheaper than On-Demand within {HORIZON_MONTHS} months at this usage"
                ));
            }
            m
        };
        if term == Some(Term::OneYear) {
            notes.push(
                "the 1-year commitment is assumed renewed at the same price for years 2 and 3"
                    .to_owned(),
            );
        }
        // Commitments bill every hour: their effective hourly cost per instance against the
        // On-Demand rate is the utilisation at which both cost the same.
        let break_even_utilization = match (term, od_hourly) {
            (Some(t), Some(od)) if !od.is_zero() && !count.is_zero() => {
                let instance_monthly = instance_exact(r);
                let upfront_per_month = upfront / Decimal::from(t.months());
                let hourly = (instance_monthly + upfront_per_month) / count / month_hours;
                Some(round2(hourly / od * Decimal::ONE_HUNDRED))
            }
            _ => None,
        };
        if term.is_none() && !is_od {
            notes.push(
                "Spot bills the hours used, like On-Demand; it has no break-even utilisation"
                    .to_owned(),
            );
        }
        options.push(PricingOption {
            pricing,
            upfront: cents(upfront),
            monthly: cents(monthly),
            effective_monthly: cents(effective),
            total_1yr: cents(cumulative[11]),
            total_3yr: cents(cumulative[35]),
            saving_vs_on_demand_percent: saving,
            break_even_month,
            break_even_utilization_percent: break_even_utilization,
            notes,
            cumulative: cumulative.iter().map(|c| cents(*c)).collect(),
        });
    };
    add(Ec2Pricing::OnDemand, &on_demand, &mut dates);
    for p in candidates {
        if let Ok(r) = with(p) {
            add(p, &r, &mut dates);
        }
    }
    Ok(ComparePricingResponse {
        options,
        price_date: date_range(&dates),
    })
}

/// The exact monthly instance charge (hourly lines of `Instance usage`) of a priced item.
fn instance_exact(r: &EstimateResponse) -> Decimal {
    r.items
        .iter()
        .flat_map(|i| &i.line_items)
        .filter(|l| !l.one_time && l.name.starts_with("Instance usage"))
        .map(|l| l.quantity * l.unit_price)
        .sum()
}

/// Cumulative cost at the end of each month: upfront in month 1 (and again every term for a
/// renewed 1-year commitment), plus the monthly charge.
fn curve(monthly: Decimal, upfront: Decimal, term: Option<Term>) -> Vec<Decimal> {
    let mut out = Vec::with_capacity(HORIZON_MONTHS as usize);
    let mut total = Decimal::ZERO;
    for m in 0..HORIZON_MONTHS {
        if let Some(t) = term
            && m % t.months() == 0
        {
            total += upfront;
        }
        total += monthly;
        out.push(total);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Databases
// ---------------------------------------------------------------------------------------------

/// RDS Single-AZ and Multi-AZ, Aurora Standard and I/O-Optimized, and Serverless v2 when
/// `average_acus` is given, for the same workload.
///
/// RDS options price `instances` instances with gp3 storage of `storage_gb` (rounded up to a
/// whole GB) each. Aurora options price `instances` instances over one cluster volume; with
/// `multi_az` an Aurora cluster needs a replica in a second AZ, so it has at least 2 instances.
pub fn database(
    book: &PriceBook,
    req: &CompareDatabaseRequest,
) -> Result<CompareDatabaseResponse, Vec<FieldError>> {
    if book.region(&req.region).is_none() {
        return Err(vec![FieldError::new(
            ErrorCode::UnknownRegion,
            "region",
            format!("unknown region `{}`", req.region),
        )]);
    }
    if req.instances == 0 {
        return Err(vec![FieldError::new(
            ErrorCode::InvalidValue,
            "instances",
            "at least 1 instance",
        )]);
    }
    if book.db_instance_class(&req.instance_class).is_none() {
        return Err(vec![FieldError::new(
            ErrorCode::UnknownOption,
            "instance_class",
            format!("unknown DB instance class `{}`", req.instance_class),
        )]);
    }
    let (rds_engine, aurora_engine) = match req.engine {
        DbFamily::Mysql => (RdsEngine::Mysql, AuroraEngine::AuroraMysql),
        DbFamily::Postgresql => (RdsEngine::Postgresql, AuroraEngine::AuroraPostgresql),
    };
    let size_gb = u64::try_from(req.storage_gb.value().ceil())
        .unwrap_or(u64::MAX)
        .max(1);
    let rds = |deployment| {
        ItemSpec::Rds(RdsItem {
            engine: rds_engine,
            edition: None,
            license_model: None,
            instance_class: req.instance_class.clone(),
            deployment,
            count: req.instances,
            storage: RdsStorage {
                storage_type: RdsStorageType::Gp3,
                size_gb,
                iops: None,
                throughput_mbps: None,
            },
            backup_storage_gb: req.backup_storage_gb,
            usage: None,
            pricing: DbPricing::OnDemand,
        })
    };
    let aurora_count = if req.multi_az {
        req.instances.max(2)
    } else {
        req.instances
    };
    let aurora = |config, serverless: Option<Quantity>| {
        ItemSpec::Aurora(AuroraItem {
            engine: aurora_engine,
            storage_config: config,
            instances: if serverless.is_some() {
                Vec::new()
            } else {
                vec![AuroraInstances {
                    instance_class: req.instance_class.clone(),
                    count: aurora_count,
                }]
            },
            serverless_v2: serverless.map(|average_acus| ServerlessV2 {
                average_acus,
                hours_per_month: None,
            }),
            storage_gb: req.storage_gb,
            io_requests_per_month: req.io_requests_per_month,
            backup_storage_gb: req.backup_storage_gb,
            backtrack: None,
            usage: None,
            pricing: DbPricing::OnDemand,
        })
    };
    let mut kinds = vec![
        (DatabaseOptionKind::RdsSingleAz, rds(Deployment::SingleAz)),
        (DatabaseOptionKind::RdsMultiAz, rds(Deployment::MultiAz)),
        (
            DatabaseOptionKind::AuroraStandard,
            aurora(AuroraStorageConfig::Standard, None),
        ),
        (
            DatabaseOptionKind::AuroraIoOptimized,
            aurora(AuroraStorageConfig::IoOptimized, None),
        ),
    ];
    if let Some(acus) = req.average_acus {
        kinds.push((
            DatabaseOptionKind::AuroraServerlessV2,
            aurora(AuroraStorageConfig::Standard, Some(acus)),
        ));
    }
    let mut dates = BTreeSet::new();
    let mut options = Vec::new();
    let mut fixed: HashMap<DatabaseOptionKind, Decimal> = HashMap::new();
    for (kind, spec) in kinds {
        let item = Item {
            id: kind.as_str().to_owned(),
            label: None,
            region: None,
            spec,
        };
        match estimate(book, &one_item(&req.region, req.hours_per_month, item)) {
            Ok(r) => {
                for s in &r.price_sources {
                    dates.insert(s.price_date.to_string());
                }
                let (monthly, _) = exact(&r);
                let io: Decimal = r.items[0]
                    .line_items
                    .iter()
                    .filter(|l| l.name.starts_with("I/O requests"))
                    .map(|l| l.quantity * l.unit_price)
                    .sum();
                fixed.insert(kind, monthly - io);
                let item = r.items.into_iter().next();
                options.push(DatabaseOption {
                    option: kind,
                    monthly: item.as_ref().map(|i| i.monthly),
                    line_items: item.map(|i| i.line_items).unwrap_or_default(),
                    unavailable: None,
                });
            }
            Err(errors) => {
                let reasons: Vec<String> = errors.into_iter().map(|e| e.message).collect();
                options.push(DatabaseOption {
                    option: kind,
                    monthly: None,
                    line_items: Vec::new(),
                    unavailable: Some(format!(
                        "not offered in {}: {}",
                        req.region,
                        reasons.join("; ")
                    )),
                });
            }
        }
    }
    let io_price = book
        .aurora_cluster(
            &req.region,
            aurora_engine,
            AuroraStorageConfig::Standard,
            AuroraComponent::IoRequests,
        )
        .map(|r| r.price_usd);
    let crossover = match (
        fixed.get(&DatabaseOptionKind::AuroraStandard),
        fixed.get(&DatabaseOptionKind::AuroraIoOptimized),
        io_price,
    ) {
        (Some(std), Some(opt), Some(p)) if !p.is_zero() => {
            Some(((*opt - *std) / p).max(Decimal::ZERO).ceil())
        }
        _ => None,
    };
    Ok(CompareDatabaseResponse {
        options,
        io_optimized_crossover_io_requests_per_month: crossover,
        price_date: date_range(&dates),
    })
}

// ---------------------------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------------------------

/// The whole estimate moved to every region of the book, ranked by monthly total; regions where
/// some item has no price are `incomplete`, list those items in `missing`, and come last.
pub fn regions(
    book: &PriceBook,
    req: &EstimateRequest,
) -> Result<CompareRegionsResponse, Vec<FieldError>> {
    model::validate::validate_estimate(req)?;
    if book.region(&req.region).is_none() {
        return Err(vec![FieldError::new(
            ErrorCode::UnknownRegion,
            "region",
            format!("unknown region `{}`", req.region),
        )]);
    }
    let mut out = Vec::with_capacity(book.regions().len());
    for region in book.regions() {
        let code = region.region_code.as_str();
        let mut moved = req.clone();
        moved.region = code.to_owned();
        for item in &mut moved.items {
            item.region = None;
        }
        let (totals, missing) = match estimate(book, &moved) {
            Ok(r) => (r.totals, Vec::new()),
            Err(errors) => {
                let mut bad: BTreeSet<usize> = BTreeSet::new();
                for e in &errors {
                    match item_index(&e.field) {
                        Some(i) => {
                            bad.insert(i);
                        }
                        None => return Err(errors),
                    }
                }
                let missing: Vec<String> = bad.iter().map(|&i| req.items[i].id.clone()).collect();
                moved.items = moved
                    .items
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| !bad.contains(i))
                    .map(|(_, item)| item)
                    .collect();
                let totals = match estimate(book, &moved) {
                    Ok(r) => r.totals,
                    // Removing the unpriced items cannot introduce new errors; be safe anyway.
                    Err(_) => Totals::default(),
                };
                (totals, missing)
            }
        };
        out.push(RegionTotal {
            region: code.to_owned(),
            name: region.name.clone(),
            totals,
            difference_monthly: None,
            incomplete: !missing.is_empty(),
            missing,
        });
    }
    let current = out
        .iter()
        .find(|r| r.region == req.region && !r.incomplete)
        .map(|r| r.totals.monthly);
    for r in &mut out {
        if let (Some(c), false) = (current, r.incomplete) {
            r.difference_monthly = Some(r.totals.monthly - c);
        }
    }
    out.sort_by(|a, b| {
        (a.incomplete, a.missing.len(), a.totals.monthly, &a.region).cmp(&(
            b.incomplete,
            b.missing.len(),
            b.totals.monthly,
            &b.region,
        ))
    });
    Ok(CompareRegionsResponse {
        current_region: req.region.clone(),
        regions: out,
    })
}

/// The item a field path belongs to (`items[3].x` → 3).
fn item_index(field: &str) -> Option<usize> {
    field
        .strip_prefix("items[")?
        .split(']')
        .next()?
        .parse()
        .ok()
}
