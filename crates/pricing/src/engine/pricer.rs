//! What it costs: the one place that looks prices up, shares aggregated tiers and free
//! allowances among items, multiplies and builds [`LineItem`]s.
//!
//! Allocation rule (documented in the API): a tier or free allowance shared by several items is
//! filled in item order. The first item that uses Lambda x86 duration in us-east-1 takes the first
//! GB-seconds of the first tier, the next item continues where it stopped, and so on. Each item's
//! lines therefore add up to exactly what the aggregate costs, and moving an item earlier never
//! changes the estimate's total, only how it is attributed.

use std::borrow::Cow;

use model::response::{LineItem, Warning};
use model::{ErrorCode, FieldError};
use rust_decimal::Decimal;

use crate::book::{PriceBook, QuotedSource, Tier};
use crate::rows::RuleId;

use super::spec::*;
use super::{Sums, tiers};

/// One item's specs with the region they are priced in.
#[derive(Debug)]
pub(crate) struct ItemInput<'a> {
    pub id: &'a str,
    pub region: &'a str,
    pub specs: ItemSpecs<'a>,
}

/// One item's priced lines with the exact sums behind its totals, added up as the lines are
/// made (rather than in a second pass that then had to strip the exact amounts off the lines).
#[derive(Debug, Default)]
pub(crate) struct PricedItem {
    pub lines: Vec<LineItem>,
    pub sums: Sums,
}

impl PricedItem {
    /// Adds the line of `spec` for `quantity` at `unit_price`, and its exact amount to the sums.
    fn push(
        &mut self,
        spec: &LineSpec<'_>,
        name: String,
        (quantity, unit_price): (Decimal, Decimal),
        formula: String,
        (table, price_date): (&'static str, &'static str),
    ) {
        let exact = quantity * unit_price;
        let amount = cents(exact);
        let one_time = spec.one_time_term_months.is_some();
        self.sums.add(exact, spec.one_time_term_months);
        self.lines.push(LineItem {
            name,
            quantity: model::money::normalized(quantity),
            unit: spec.unit,
            unit_price,
            amount,
            monthly: (!one_time).then_some(amount),
            one_time,
            formula,
            price_table: Cow::Borrowed(table),
            price_date: Cow::Borrowed(price_date),
        });
    }
}

/// A price source the estimate uses.
#[derive(Debug)]
pub(crate) struct UsedSource<'b> {
    /// The table the price came from.
    pub table: &'static str,
    pub id: &'b str,
    /// Its date and origin; `None` when the book lacks the source (possible only in hand-built
    /// test books).
    pub quoted: Option<QuotedSource>,
}

/// The pricer's answer for the whole estimate.
#[derive(Debug)]
pub(crate) struct Priced<'b> {
    pub items: Vec<PricedItem>,
    /// Estimate-wide notes (shared tiers, free tier).
    pub warnings: Vec<Warning>,
    /// Every (table, source) used, in first-use order.
    pub sources: Vec<UsedSource<'b>>,
}

/// The sources used so far, each looked up in the book once rather than once per line.
struct Sources<'b> {
    book: &'b PriceBook,
    used: Vec<UsedSource<'b>>,
}

impl<'b> Sources<'b> {
    /// The date of a price from source `id` in `table`; records the source at its first use.
    fn price_date(&mut self, table: &'static str, id: &'b str) -> &'static str {
        // An estimate uses a handful of sources: a scan beats hashing every line. The latest
        // first (lines of one item tend to share a source), and the ids, which differ more,
        // before the tables.
        let quoted = match self
            .used
            .iter()
            .rev()
            .find(|s| s.id == id && s.table == table)
        {
            Some(s) => s.quoted,
            None => {
                let quoted = self.book.quoted_source(id);
                self.used.push(UsedSource { table, id, quoted });
                quoted
            }
        };
        quoted.map_or("unknown", |q| q.price_date)
    }
}

/// A price found in the book.
enum Resolved<'b> {
    Flat {
        price: Decimal,
        table: &'static str,
        source_id: &'b str,
    },
    Tiered {
        tiers: &'b [Tier],
        table: &'static str,
    },
}

/// The settings the pricer needs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Settings {
    pub free_tier: bool,
}

/// Where an aggregated line sits in its aggregate.
#[derive(Clone, Copy, Debug, Default)]
struct Alloc {
    free: Decimal,
    offset: Decimal,
}

/// Prices every item; collects every missing price as an error.
pub(crate) fn price<'b>(
    book: &'b PriceBook,
    settings: Settings,
    items: &[ItemInput<'_>],
) -> Result<Priced<'b>, Vec<FieldError>> {
    let allocs = allocate(book, settings, items);
    let mut allocs_of_lines = allocs.lines.iter();
    let mut sources = Sources {
        book,
        used: Vec::new(),
    };
    let mut priced = Vec::with_capacity(items.len());
    let mut errors = Vec::new();
    for item in items {
        let mut lines = PricedItem {
            lines: Vec::with_capacity(item.specs.lines.len()),
            sums: Sums::default(),
        };
        for (spec, alloc) in item.specs.lines.iter().zip(&mut allocs_of_lines) {
            let Some(resolved) = resolve(book, item.region, &spec.price) else {
                errors.push(FieldError::new(
                    ErrorCode::PriceNotAvailable,
                    spec.field.to_string(),
                    missing_message(book, item.id, item.region, &spec.price),
                ));
                continue;
            };
            build(spec, &resolved, *alloc, &mut sources, &mut lines);
        }
        priced.push(lines);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Priced {
        items: priced,
        warnings: allocs.warnings,
        sources: sources.used,
    })
}

struct Allocations {
    /// One per line spec, in item order.
    lines: Vec<Alloc>,
    warnings: Vec<Warning>,
}

/// One aggregate's running total. The items that use it are only named by the warning about
/// shared tiers, so they are listed then (see [`users`]) rather than collected for every
/// aggregate.
struct Aggregate<'k> {
    key: &'k AggregateKey<'k>,
    total: Decimal,
}

/// The ids of the items with a non-zero quantity in aggregate `key`, in item order.
fn users<'k>(items: &'k [ItemInput<'k>], key: &AggregateKey<'_>) -> Vec<&'k str> {
    let mut users: Vec<&str> = Vec::new();
    for item in items {
        let uses = item.specs.lines.iter().any(|spec| {
            matches!(&spec.tiering, Tiering::Aggregate { key: k, .. } if k == key)
                && !spec.quantity.is_zero()
        });
        if uses && users.last() != Some(&item.id) {
            users.push(item.id);
        }
    }
    users
}

/// The first pass: free allowances and shared tiers, in item order.
///
/// An estimate has a handful of aggregates and free pools: the tables here are small vectors
/// searched in order, which costs less than hashing a key for every line.
fn allocate<'k>(book: &PriceBook, settings: Settings, items: &'k [ItemInput<'k>]) -> Allocations {
    let mut free_left: Vec<(FreePool, Decimal)> = Vec::new();
    if settings.free_tier {
        free_left = vec![
            (
                FreePool::LambdaRequests,
                rule(book, RuleId::LambdaFreeRequests),
            ),
            (
                FreePool::LambdaGbSeconds,
                rule(book, RuleId::LambdaFreeGbSeconds),
            ),
            (
                FreePool::DataTransferOut,
                rule(book, RuleId::DataTransferFreeGb),
            ),
        ];
    }
    let mut free_used: Vec<(&'static str, Decimal)> = Vec::new();
    let mut aggregates: Vec<Aggregate<'k>> = Vec::new();
    let mut lines = Vec::with_capacity(items.iter().map(|i| i.specs.lines.len()).sum());
    for item in items {
        for spec in &item.specs.lines {
            let Tiering::Aggregate { key, free } = &spec.tiering else {
                lines.push(Alloc::default());
                continue;
            };
            let mut a = Alloc::default();
            if let Some(pool) = free
                && let Some((_, left)) = free_left.iter_mut().find(|(p, _)| p == pool)
            {
                a.free = (*left).min(spec.quantity);
                *left -= a.free;
                if !a.free.is_zero() {
                    let name = pool_name(*pool);
                    match free_used.iter_mut().find(|(what, _)| *what == name) {
                        Some((_, used)) => *used += a.free,
                        None => free_used.push((name, a.free)),
                    }
                }
            }
            let index = match aggregates.iter().position(|g| g.key == key) {
                Some(index) => index,
                None => {
                    aggregates.push(Aggregate {
                        key,
                        total: Decimal::ZERO,
                    });
                    aggregates.len() - 1
                }
            };
            let g = &mut aggregates[index];
            a.offset = g.total;
            g.total += spec.quantity - a.free;
            lines.push(a);
        }
    }
    let mut warnings = Vec::new();
    for g in &aggregates {
        // Sharing only matters when the total reaches beyond the first tier.
        let first_end = key_tiers(book, g.key)
            .and_then(|t| t.first())
            .and_then(|t| t.end);
        let crosses = first_end.is_some_and(|end| g.total > end);
        if !crosses {
            continue;
        }
        let users = users(items, g.key);
        if users.len() > 1 {
            warnings.push(Warning {
                code: "tiers_shared".to_owned(),
                message: format!(
                    "{} is priced on the total of {} items ({}), which goes beyond the first price tier; tiers are filled in item order: earlier items fill the first tier, later items get the next tiers' prices",
                    key_text(g.key),
                    users.len(),
                    users.join(", ")
                ),
                field: None,
            });
        }
    }
    if !free_used.is_empty() {
        // Listed by name, as they always have been.
        free_used.sort_unstable_by_key(|(what, _)| *what);
        let mut message = String::with_capacity(160);
        message
            .push_str("always-free allowances deducted, in item order across the whole estimate: ");
        for (i, (what, q)) in free_used.iter().enumerate() {
            if i > 0 {
                message.push_str("; ");
            }
            push_num(&mut message, *q);
            message.push(' ');
            message.push_str(what);
        }
        warnings.push(Warning {
            code: "free_tier_applied".to_owned(),
            message,
            field: Some("free_tier".to_owned()),
        });
    }
    Allocations { lines, warnings }
}

/// The tiers of an aggregate.
fn key_tiers<'b>(book: &'b PriceBook, key: &AggregateKey<'_>) -> Option<&'b [Tier]> {
    match key {
        AggregateKey::Lambda(r, a, c) => book.lambda(r, *a, *c),
        AggregateKey::S3Storage(r, t) => book.s3_storage(r, *t),
        AggregateKey::DataTransferOut(r) => book.data_transfer_out(r),
    }
}

fn pool_name(p: FreePool) -> &'static str {
    match p {
        FreePool::LambdaRequests => "Lambda requests",
        FreePool::LambdaGbSeconds => "Lambda GB-seconds",
        FreePool::DataTransferOut => "GB of data transfer out",
    }
}

fn key_text(k: &AggregateKey<'_>) -> String {
    match k {
        AggregateKey::Lambda(r, a, c) => {
            format!("Lambda {} ({}) in {r}", words::lambda(*c), a.as_str())
        }
        AggregateKey::S3Storage(r, t) => format!("S3 storage ({}) in {r}", words::s3_tier(*t)),
        AggregateKey::DataTransferOut(r) => format!("Data transfer out to the internet in {r}"),
    }
}

/// A billing-rule quantity; the documented AWS figure when the book lacks the row (the loader
/// requires every rule, so this only matters for hand-built test books).
pub(crate) fn rule(book: &PriceBook, id: RuleId) -> Decimal {
    if let Some(r) = book.rule(id) {
        return r.value;
    }
    Decimal::from(match id {
        RuleId::LambdaFreeRequests => 1_000_000u64,
        RuleId::LambdaFreeGbSeconds => 400_000,
        RuleId::LambdaFreeEphemeralMb => 512,
        RuleId::DataTransferFreeGb => 100,
        RuleId::DbBackupFreePercent => 100,
        RuleId::RdsGp3BaselineIopsSmall => 3_000,
        RuleId::RdsGp3BaselineThroughputSmall => 125,
        RuleId::RdsGp3BaselineThresholdGb => 400,
        RuleId::RdsGp3BaselineThresholdGbOracle => 200,
        RuleId::RdsGp3BaselineIopsLarge => 12_000,
        RuleId::RdsGp3BaselineThroughputLarge => 500,
    })
}

/// `… × $0.096 per hour (70% Spot discount)`: the price part every formula ends with.
fn push_price(out: &mut String, unit_price: Decimal, unit: model::response::Unit, factor: &str) {
    out.push_str(" × ");
    push_usd(out, unit_price);
    out.push_str(" per ");
    out.push_str(unit.singular());
    if !factor.is_empty() {
        out.push_str(" (");
        out.push_str(factor);
        out.push(')');
    }
}

/// Builds the line items of one spec. Formulas are built by appending to one string each.
fn build<'b>(
    spec: &LineSpec<'_>,
    resolved: &Resolved<'b>,
    alloc: Alloc,
    sources: &mut Sources<'b>,
    out: &mut PricedItem,
) {
    // Room for the tier phrase of the line being built (`first 10 TB`) when the book's own does
    // not fit its unit (see `tiers::phrase_for`); used for its name and its formula.
    let mut phrase_text = String::new();
    // The price with the spec's factor applied; most specs have none, and multiplying by one
    // would cost a decimal multiplication for the same figure.
    let with_factor = |price: Decimal| match &spec.price_factor {
        Some((factor, _)) => price * *factor,
        None => price,
    };
    let factor_text = spec.price_factor.as_ref().map_or("", |f| f.1.as_str());
    let unit = spec.unit;
    match resolved {
        Resolved::Flat {
            price,
            table,
            source_id,
        } => {
            let unit_price = with_factor(*price);
            if spec.quantity.is_zero() {
                return;
            }
            let mut formula = String::with_capacity(96);
            spec.quantity_text.push_to(&mut formula);
            push_price(&mut formula, unit_price, unit, factor_text);
            out.push(
                spec,
                name(spec, None),
                (spec.quantity, unit_price),
                formula,
                (table, sources.price_date(table, source_id)),
            );
        }
        Resolved::Tiered { tiers, table } => match &spec.tiering {
            Tiering::Flat => {
                let shares = tiers::split(tiers, Decimal::ZERO, spec.quantity);
                for s in shares {
                    let unit_price = with_factor(s.tier.price_usd);
                    if unit_price.is_zero() {
                        continue;
                    }
                    let phrase = tiers::phrase_for(&mut phrase_text, tiers, s.index, unit);
                    let mut formula = String::with_capacity(128);
                    spec.quantity_text.push_to(&mut formula);
                    if let Some(p) = phrase {
                        formula.push_str(" (");
                        formula.push_str(p);
                        formula.push(')');
                    }
                    push_price(&mut formula, unit_price, unit, factor_text);
                    out.push(
                        spec,
                        name(spec, phrase),
                        (s.quantity, unit_price),
                        formula,
                        (table, sources.price_date(table, &s.tier.source_id)),
                    );
                }
            }
            Tiering::PerUnit {
                per_unit,
                units,
                noun,
            } => {
                for s in tiers::split(tiers, Decimal::ZERO, *per_unit) {
                    let unit_price = with_factor(s.tier.price_usd);
                    // A zero-priced tier is a free baseline (gp3's first 3,000 IOPS): no line.
                    if unit_price.is_zero() {
                        continue;
                    }
                    let phrase = tiers::phrase_for(&mut phrase_text, tiers, s.index, unit);
                    let quantity = s.quantity * *units;
                    let mut formula = String::with_capacity(160);
                    match phrase {
                        // `2 volumes × 1,000 IOPS-months (above 3,000 of 4,000) × …`
                        Some(p) => {
                            push_num(&mut formula, *units);
                            formula.push(' ');
                            formula.push_str(noun);
                            formula.push_str(" × ");
                            push_num(&mut formula, s.quantity);
                            formula.push(' ');
                            formula.push_str(unit.as_str());
                            formula.push_str(" (");
                            formula.push_str(p);
                            formula.push_str(" of ");
                            spec.quantity_text.push_to(&mut formula);
                            formula.push(')');
                        }
                        None => spec.quantity_text.push_to(&mut formula),
                    }
                    push_price(&mut formula, unit_price, unit, factor_text);
                    out.push(
                        spec,
                        name(spec, phrase),
                        (quantity, unit_price),
                        formula,
                        (table, sources.price_date(table, &s.tier.source_id)),
                    );
                }
            }
            Tiering::Aggregate { .. } => {
                let billable = spec.quantity - alloc.free;
                // `20,000,000 requests`, or in brackets when `bracket` or when the free tier took
                // a part: `(20,000,000 requests − 1,000,000 free-tier requests)`.
                let push_what = |formula: &mut String, bracket: bool| {
                    let bracket = bracket || !alloc.free.is_zero();
                    if bracket {
                        formula.push('(');
                    }
                    spec.quantity_text.push_to(formula);
                    if !alloc.free.is_zero() {
                        formula.push_str(" − ");
                        push_num(formula, alloc.free);
                        formula.push_str(" free-tier ");
                        formula.push_str(unit.as_str());
                    }
                    if bracket {
                        formula.push(')');
                    }
                };
                let mut shares = tiers::split(tiers, alloc.offset, billable).peekable();
                if shares.peek().is_none() && !alloc.free.is_zero() {
                    // Entirely covered by the free tier: show it, at the first tier's price.
                    if let Some(s) = tiers::split(tiers, alloc.offset, Decimal::ONE).next() {
                        let unit_price = with_factor(s.tier.price_usd);
                        let mut formula = String::with_capacity(160);
                        push_what(&mut formula, true);
                        formula.push_str(" = 0 ");
                        formula.push_str(unit.as_str());
                        push_price(&mut formula, unit_price, unit, "");
                        out.push(
                            spec,
                            name(spec, Some("free tier")),
                            (Decimal::ZERO, unit_price),
                            formula,
                            (table, sources.price_date(table, &s.tier.source_id)),
                        );
                    }
                    return;
                }
                for s in shares {
                    // The only share is the whole billable quantity; each of several is less.
                    let whole = s.quantity == billable;
                    let unit_price = with_factor(s.tier.price_usd);
                    let phrase = tiers::phrase_for(&mut phrase_text, tiers, s.index, unit);
                    let mut formula = String::with_capacity(192);
                    if !whole {
                        // `1,000 GB of (…)`: this tier's share of the quantity.
                        push_num(&mut formula, s.quantity);
                        formula.push(' ');
                        formula.push_str(unit.as_str());
                        formula.push_str(" of ");
                    }
                    push_what(&mut formula, !whole);
                    if let Some(p) = phrase {
                        formula.push_str(" in the ");
                        formula.push_str(p);
                    }
                    push_price(&mut formula, unit_price, unit, factor_text);
                    out.push(
                        spec,
                        name(spec, phrase),
                        (s.quantity, unit_price),
                        formula,
                        (table, sources.price_date(table, &s.tier.source_id)),
                    );
                }
            }
        },
    }
}

/// `Instance usage (Linux, on-demand, m5.large)`: the spec's name with its details and tier.
fn name(spec: &LineSpec<'_>, tier: Option<&str>) -> String {
    if spec.details.is_empty() && tier.is_none() {
        return spec.name.to_owned();
    }
    let tier_len = tier.map_or(0, |t| t.len() + 2);
    let mut out = String::with_capacity(spec.name.len() + spec.details.len() + tier_len + 3);
    out.push_str(spec.name);
    out.push_str(" (");
    out.push_str(&spec.details);
    if let Some(tier) = tier {
        if !spec.details.is_empty() {
            out.push_str(", ");
        }
        out.push_str(tier);
    }
    out.push(')');
    out
}

/// Looks a reference up in the book.
fn resolve<'b>(book: &'b PriceBook, region: &str, r: &PriceRef<'_>) -> Option<Resolved<'b>> {
    fn flat<'b>(price: Decimal, table: &'static str, source_id: &'b str) -> Option<Resolved<'b>> {
        Some(Resolved::Flat {
            price,
            table,
            source_id,
        })
    }
    let tiered = |tiers: Option<&'b [Tier]>, table: &'static str| {
        tiers
            .filter(|t| !t.is_empty())
            .map(|tiers| Resolved::Tiered { tiers, table })
    };
    match r {
        PriceRef::Ec2OnDemand { instance_type, os } => {
            let row = book.ec2_on_demand(region, instance_type, *os)?;
            flat(row.price_usd, "ec2_on_demand", &row.source_id)
        }
        PriceRef::Ec2Reserved {
            instance_type,
            os,
            class,
            term,
            payment,
            part,
        } => {
            let row = book.ec2_reserved(region, instance_type, *os, *class, *term, *payment)?;
            let price = match part {
                RiPart::Hourly => row.hourly_usd,
                RiPart::Upfront => row.upfront_usd,
            };
            flat(price, "ec2_reserved", &row.source_id)
        }
        PriceRef::Ec2Spot { instance_type, os } => {
            let row = book.ec2_spot(region, instance_type, *os)?;
            flat(row.price_usd, "ec2_spot", &row.source_id)
        }
        PriceRef::Ec2SavingsPlan {
            instance_type,
            os,
            plan,
            term,
            payment,
        } => {
            let row = book.ec2_savings_plan(region, instance_type, *os, *plan, *term, *payment)?;
            flat(row.price_usd, "ec2_savings_plans", &row.source_id)
        }
        PriceRef::Ebs {
            volume_type,
            component,
        } => tiered(book.ebs(region, *volume_type, *component), "ebs_volumes"),
        PriceRef::PublicIpv4 => {
            let row = book.public_ipv4(region)?;
            flat(row.price_usd, "public_ipv4", &row.source_id)
        }
        PriceRef::DataTransferOut => tiered(book.data_transfer_out(region), "data_transfer_out"),
        PriceRef::Lambda { arch, component } => {
            tiered(book.lambda(region, *arch, *component), "lambda")
        }
        PriceRef::S3Storage { tier } => tiered(book.s3_storage(region, *tier), "s3_storage"),
        PriceRef::S3Request { class, kind } => {
            let row = book.s3_request(region, *class, *kind)?;
            flat(row.price_usd, "s3_requests", &row.source_id)
        }
        PriceRef::S3Retrieval { class } => {
            let row = book.s3_retrieval(region, *class)?;
            flat(row.price_usd, "s3_retrieval", &row.source_id)
        }
        PriceRef::S3Monitoring => {
            let row = book.s3_monitoring(region)?;
            flat(row.price_usd, "s3_monitoring", &row.source_id)
        }
        PriceRef::RdsInstance(o) => {
            let row = book.rds_instance(
                region,
                o.engine,
                o.edition,
                o.license,
                o.class,
                o.deployment,
            )?;
            flat(row.price_usd, "rds_instances", &row.source_id)
        }
        PriceRef::RdsReserved {
            offer: o,
            term,
            payment,
            part,
        } => {
            let row = book.rds_reserved(
                region,
                o.engine,
                o.edition,
                o.license,
                o.class,
                o.deployment,
                *term,
                *payment,
            )?;
            let price = match part {
                RiPart::Hourly => row.hourly_usd,
                RiPart::Upfront => row.upfront_usd,
            };
            flat(price, "rds_reserved", &row.source_id)
        }
        PriceRef::RdsStorage {
            storage_type,
            deployment,
            component,
        } => tiered(
            book.rds_storage(region, *storage_type, *deployment, *component),
            "rds_storage",
        ),
        PriceRef::RdsBackup => {
            let row = book.rds_backup(region)?;
            flat(row.price_usd, "rds_backup", &row.source_id)
        }
        PriceRef::AuroraInstance {
            engine,
            class,
            config,
        } => {
            let row = book.aurora_instance(region, *engine, class, *config)?;
            flat(row.price_usd, "aurora_instances", &row.source_id)
        }
        PriceRef::AuroraReserved {
            engine,
            class,
            config,
            term,
            payment,
            part,
        } => {
            let row = book.aurora_reserved(region, *engine, class, *config, *term, *payment)?;
            let price = match part {
                RiPart::Hourly => row.hourly_usd,
                RiPart::Upfront => row.upfront_usd,
            };
            flat(price, "aurora_reserved", &row.source_id)
        }
        PriceRef::AuroraCluster {
            engine,
            config,
            component,
        } => {
            let row = book.aurora_cluster(region, *engine, *config, *component)?;
            flat(row.price_usd, "aurora_cluster", &row.source_id)
        }
    }
}

/// Whether the book has a price for `r` in `region` (used by the comparisons too).
pub(crate) fn has_price(book: &PriceBook, region: &str, r: &PriceRef<'_>) -> bool {
    resolve(book, region, r).is_some()
}

/// What the missing price is, in words, and where (or in which variants) it does exist.
fn missing_message(book: &PriceBook, item_id: &str, region: &str, r: &PriceRef<'_>) -> String {
    let what = match r {
        PriceRef::Ec2OnDemand { instance_type, os } => {
            format!("no On-Demand price for {instance_type} ({})", os.display())
        }
        PriceRef::Ec2Reserved {
            instance_type,
            os,
            class,
            term,
            payment,
            ..
        } => format!(
            "no {} {} {} reservation price for {instance_type} ({})",
            title(class.as_str()),
            term.as_str(),
            title_words(payment.display()),
            os.display()
        ),
        PriceRef::Ec2Spot { instance_type, os } => format!(
            "no Spot price for {instance_type} ({}){}",
            os.display(),
            if *os == model::OperatingSystem::Linux {
                ""
            } else {
                " (Spot prices are published for Linux only; give `discount_percent` to price Spot as a discount off On-Demand)"
            }
        ),
        PriceRef::Ec2SavingsPlan {
            instance_type,
            os,
            plan,
            term,
            payment,
        } => format!(
            "no {} Savings Plan {} {} rate for {instance_type} ({})",
            title_words(&plan.as_str().replace('_', " ")),
            term.as_str(),
            title_words(payment.display()),
            os.display()
        ),
        PriceRef::Ebs {
            volume_type,
            component,
        } => {
            format!(
                "no EBS {} {} price",
                volume_type.as_str(),
                words::ebs(*component)
            )
        }
        PriceRef::PublicIpv4 => "no public IPv4 price".to_owned(),
        PriceRef::DataTransferOut => "no data transfer out price".to_owned(),
        PriceRef::Lambda { arch, component } => {
            format!(
                "no Lambda {} price for {}",
                words::lambda(*component),
                arch.as_str()
            )
        }
        PriceRef::S3Storage { tier } => {
            format!("no S3 storage price for {}", words::s3_tier(*tier))
        }
        PriceRef::S3Request { class, kind } => {
            format!(
                "no {} request price for {}",
                words::s3_request(*kind),
                class.display()
            )
        }
        PriceRef::S3Retrieval { class } => format!("no retrieval price for {}", class.display()),
        PriceRef::S3Monitoring => "no Intelligent-Tiering monitoring price".to_owned(),
        PriceRef::RdsInstance(o) => format!("no On-Demand price for {}", rds_offer(o)),
        PriceRef::RdsReserved {
            offer,
            term,
            payment,
            ..
        } => format!(
            "no {} {} reservation price for {}",
            term.as_str(),
            title_words(payment.display()),
            rds_offer(offer)
        ),
        PriceRef::RdsStorage {
            storage_type,
            deployment,
            component,
        } => format!(
            "no RDS {} {} price ({})",
            storage_type.as_str(),
            words::rds(*component),
            deployment.display()
        ),
        PriceRef::RdsBackup => "no RDS backup storage price".to_owned(),
        PriceRef::AuroraInstance {
            engine,
            class,
            config,
        } => format!(
            "no On-Demand price for {class} ({}, {})",
            engine.display(),
            config.display()
        ),
        PriceRef::AuroraReserved {
            engine,
            class,
            config,
            term,
            payment,
            ..
        } => format!(
            "no {} {} reservation price for {class} ({}, {})",
            term.as_str(),
            title_words(payment.display()),
            engine.display(),
            config.display()
        ),
        PriceRef::AuroraCluster {
            engine,
            config,
            component,
        } => format!(
            "no {} {} price ({})",
            engine.display(),
            words::aurora(*component),
            config.display()
        ),
    };
    let alternatives = alternatives(book, region, r);
    let tail = if alternatives.is_empty() {
        String::new()
    } else {
        format!("; prices exist for: {}", alternatives.join(", "))
    };
    format!("item `{item_id}`: {what} in {region}{tail}")
}

/// Other variants of the same option in the region (EC2 commitments), else other regions.
fn alternatives(book: &PriceBook, region: &str, r: &PriceRef<'_>) -> Vec<String> {
    use model::{OfferingClass, Payment, SavingsPlanType, Term};
    let mut out = Vec::new();
    match r {
        PriceRef::Ec2Reserved {
            instance_type, os, ..
        } => {
            for class in OfferingClass::ALL {
                for term in Term::ALL {
                    for payment in Payment::ALL {
                        if book
                            .ec2_reserved(region, instance_type, *os, class, term, payment)
                            .is_some()
                        {
                            out.push(format!(
                                "{} {} {}",
                                title(class.as_str()),
                                term.as_str(),
                                title_words(payment.display())
                            ));
                        }
                    }
                }
            }
        }
        PriceRef::Ec2SavingsPlan {
            instance_type, os, ..
        } => {
            for plan in SavingsPlanType::ALL {
                for term in Term::ALL {
                    for payment in Payment::ALL {
                        if book
                            .ec2_savings_plan(region, instance_type, *os, plan, term, payment)
                            .is_some()
                        {
                            out.push(format!(
                                "{} {} {}",
                                plan.as_str(),
                                term.as_str(),
                                title_words(payment.display())
                            ));
                        }
                    }
                }
            }
        }
        _ => {}
    }
    if !out.is_empty() {
        return out;
    }
    let regions: Vec<&str> = book
        .regions()
        .iter()
        .map(|r| r.region_code.as_str())
        .filter(|code| *code != region && has_price(book, code, r))
        .collect();
    let n = regions.len();
    let mut shown: Vec<String> = regions.iter().take(6).map(|s| (*s).to_owned()).collect();
    if n > 6 {
        shown.push(format!("and {} more regions", n - 6));
    }
    shown
}

fn rds_offer(o: &RdsOffer<'_>) -> String {
    let mut parts = vec![o.engine.display().to_owned()];
    if let Some(e) = o.edition {
        parts.push(e.as_str().replace('_', " "));
    }
    if let Some(l) = o.license {
        parts.push(l.as_str().replace('_', " "));
    }
    parts.push(o.deployment.display().to_owned());
    format!("{} ({})", o.class, parts.join(", "))
}

fn title(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn title_words(s: &str) -> String {
    s.split(' ').map(title).collect::<Vec<_>>().join(" ")
}

/// Table components in words, for messages.
mod words {
    use crate::rows::{
        AuroraComponent, EbsComponent, LambdaComponent, RdsStorageComponent, S3RequestType,
        S3StorageTier,
    };

    pub fn lambda(c: LambdaComponent) -> &'static str {
        match c {
            LambdaComponent::Requests => "requests",
            LambdaComponent::Duration => "duration",
            LambdaComponent::EphemeralStorage => "ephemeral storage",
            LambdaComponent::ProvisionedConcurrency => "provisioned concurrency",
            LambdaComponent::ProvisionedDuration => "provisioned concurrency duration",
        }
    }

    pub fn ebs(c: EbsComponent) -> &'static str {
        match c {
            EbsComponent::Storage => "storage",
            EbsComponent::Iops => "IOPS",
            EbsComponent::Throughput => "throughput",
            EbsComponent::IoRequests => "I/O request",
        }
    }

    pub fn rds(c: RdsStorageComponent) -> &'static str {
        match c {
            RdsStorageComponent::Storage => "storage",
            RdsStorageComponent::Iops => "IOPS",
            RdsStorageComponent::Throughput => "throughput",
            RdsStorageComponent::IoRequests => "I/O request",
        }
    }

    pub fn aurora(c: AuroraComponent) -> &'static str {
        match c {
            AuroraComponent::Storage => "storage",
            AuroraComponent::IoRequests => "I/O request",
            AuroraComponent::ServerlessV2 => "Serverless v2 ACU-hour",
            AuroraComponent::Backtrack => "backtrack",
            AuroraComponent::Backup => "backup storage",
        }
    }

    pub fn s3_request(k: S3RequestType) -> &'static str {
        match k {
            S3RequestType::Put => "PUT",
            S3RequestType::Get => "GET",
        }
    }

    pub fn s3_tier(t: S3StorageTier) -> &'static str {
        match t {
            S3StorageTier::Standard => "S3 Standard",
            S3StorageTier::IntelligentTieringFrequent => "Intelligent-Tiering Frequent Access",
            S3StorageTier::IntelligentTieringInfrequent => "Intelligent-Tiering Infrequent Access",
            S3StorageTier::IntelligentTieringArchiveInstant => {
                "Intelligent-Tiering Archive Instant Access"
            }
            S3StorageTier::IntelligentTieringArchive => "Intelligent-Tiering Archive Access",
            S3StorageTier::IntelligentTieringDeepArchive => {
                "Intelligent-Tiering Deep Archive Access"
            }
            S3StorageTier::StandardIa => "S3 Standard-IA",
            S3StorageTier::OneZoneIa => "S3 One Zone-IA",
            S3StorageTier::GlacierInstantRetrieval => "S3 Glacier Instant Retrieval",
            S3StorageTier::GlacierFlexibleRetrieval => "S3 Glacier Flexible Retrieval",
            S3StorageTier::GlacierDeepArchive => "S3 Glacier Deep Archive",
        }
    }
}
