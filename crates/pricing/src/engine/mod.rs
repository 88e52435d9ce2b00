//! The estimate engine: an estimate in, priced line items out, by AWS's billing rules.
//!
//! Three stages (STYLE habit 5): each service module ([`ec2`], [`lambda`], [`s3`], [`rds`],
//! [`aurora`], with [`transfer`] for egress) turns an item into line specs that name their price
//! without looking it up; [`pricer`] resolves every price once, shares aggregated tiers and free
//! allowances among the items in item order, and multiplies; this module checks the request,
//! assembles the items and adds up the totals.
//!
//! Money: every amount is computed at full precision and rounded once for presentation. An item's
//! totals are the rounded sums of its unrounded lines; the estimate's totals are the rounded sums
//! of the unrounded item amounts.

mod aurora;
mod ec2;
mod lambda;
pub(crate) mod pricer;
mod rds;
mod s3;
pub(crate) mod spec;
pub(crate) mod tiers;
mod transfer;

use std::borrow::Cow;

use model::response::{EstimateResponse, ItemCost, PriceSourceRef, Totals};
use model::{ErrorCode, EstimateRequest, FieldError, Item, ItemSpec, Usage};
use rust_decimal::Decimal;

use crate::book::PriceBook;
use pricer::{ItemInput, Settings};
use spec::{NO_CENTS, cents};

/// What every service module needs: the book and the estimate's settings.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    pub book: &'a PriceBook,
    /// Hours in the billing month (default 730).
    pub month_hours: Decimal,
    pub free_tier: bool,
}

impl Ctx<'_> {
    /// Hours used in the month: `hours_per_month` (at most the month), or the month ×
    /// `utilization_percent` / 100; the whole month by default.
    pub fn used_hours(&self, usage: &Option<Usage>) -> Decimal {
        match usage {
            Some(Usage {
                hours_per_month: Some(h),
                ..
            }) => h.value().min(self.month_hours),
            Some(Usage {
                utilization_percent: Some(p),
                ..
            }) => self.month_hours * p.value() / Decimal::ONE_HUNDRED,
            _ => self.month_hours,
        }
    }
}

/// Prices an estimate.
///
/// Checks the request's limits first ([`model::validate::validate_estimate`]), then every region,
/// instance type and price against the book. All problems of all items are reported together;
/// a missing price is an error, never a $0 line.
pub fn estimate(
    book: &PriceBook,
    req: &EstimateRequest,
) -> Result<EstimateResponse, Vec<FieldError>> {
    model::validate::validate_estimate(req)?;
    let month_hours = req
        .hours_per_month
        .map(|h| h.value())
        .unwrap_or_else(|| Decimal::from(model::HOURS_PER_MONTH));
    let ctx = Ctx {
        book,
        month_hours,
        free_tier: req.free_tier,
    };
    let mut errors = Vec::new();
    let mut inputs = Vec::with_capacity(req.items.len());
    let mut region_reported = false;
    // Looked up once: most items are in the estimate's region.
    let estimate_region_known = book.region(&req.region).is_some();
    for (i, item) in req.items.iter().enumerate() {
        let at = spec::At::item(i);
        let (region, known) = match &item.region {
            Some(own) => (own.as_str(), book.region(own).is_some()),
            None => (req.region.as_str(), estimate_region_known),
        };
        if !known {
            let field = if item.region.is_some() {
                at.field("region").to_string()
            } else if region_reported {
                continue;
            } else {
                region_reported = true;
                "region".to_owned()
            };
            errors.push(FieldError::new(
                ErrorCode::UnknownRegion,
                field,
                unknown_region_message(book, region),
            ));
            continue;
        }
        match item_specs(&ctx, at, region, item) {
            Ok(specs) => inputs.push(ItemInput {
                id: &item.id,
                region,
                specs,
            }),
            Err(e) => errors.extend(e),
        }
    }
    // The estimate's region is checked even when every item names its own.
    if !region_reported && !estimate_region_known {
        errors.insert(
            0,
            FieldError::new(
                ErrorCode::UnknownRegion,
                "region",
                unknown_region_message(book, &req.region),
            ),
        );
    }
    // Price what could be specified even when other items failed, so that every problem of
    // every item is reported at once.
    let settings = Settings {
        free_tier: req.free_tier,
    };
    let priced = match pricer::price(book, settings, &inputs) {
        Ok(p) if errors.is_empty() => p,
        Ok(_) => return Err(errors),
        Err(e) => {
            errors.extend(e);
            errors.sort_by_key(|e| item_index(&e.field));
            return Err(errors);
        }
    };
    Ok(assemble(req, month_hours, inputs, priced))
}

/// The item a field path belongs to (`items[3].x` → 3); estimate-level fields sort first.
fn item_index(field: &str) -> Option<usize> {
    field
        .strip_prefix("items[")?
        .split(']')
        .next()?
        .parse()
        .ok()
}

/// The line specs of one item.
fn item_specs<'a>(
    ctx: &Ctx<'_>,
    at: spec::At,
    region: &'a str,
    item: &'a Item,
) -> Result<spec::ItemSpecs<'a>, Vec<FieldError>> {
    match &item.spec {
        ItemSpec::Ec2(e) => ec2::specs(ctx, at, region, e),
        ItemSpec::Lambda(l) => lambda::specs(ctx, at, region, l),
        ItemSpec::S3(s) => s3::specs(ctx, at, region, s),
        ItemSpec::Rds(r) => rds::specs(ctx, at, r),
        ItemSpec::Aurora(a) => aurora::specs(ctx, at, a),
    }
}

fn unknown_region_message(book: &PriceBook, region: &str) -> String {
    let codes: Vec<&str> = book
        .regions()
        .iter()
        .map(|r| r.region_code.as_str())
        .collect();
    let mut close: Vec<&str> = codes
        .iter()
        .copied()
        .filter(|c| {
            let prefix: String = region.chars().take(2).collect();
            !prefix.is_empty() && c.starts_with(&prefix)
        })
        .take(5)
        .collect();
    if close.is_empty() {
        close = codes.iter().copied().take(5).collect();
    }
    format!(
        "unknown region `{region}`; the price book has {} regions, e.g. {}",
        codes.len(),
        close.join(", ")
    )
}

/// Exact sums of one item or estimate.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Sums {
    monthly: Decimal,
    upfront: Decimal,
    /// Σ upfront / term months.
    amortised: Decimal,
}

impl Sums {
    /// Adds a line's exact amount: to the monthly sum, or for a one-time fee of a term of
    /// `term_months` to the upfront sum and its share per month to the amortised sum.
    pub(crate) fn add(&mut self, exact: Decimal, term_months: Option<u32>) {
        match term_months {
            Some(m) => {
                self.upfront += exact;
                self.amortised += exact / Decimal::from(m);
            }
            None => self.monthly += exact,
        }
    }

    /// Whether no one-time fee was added (most items have none).
    fn no_upfront(self) -> bool {
        self.upfront.is_zero() && self.amortised.is_zero()
    }

    /// Adds an item's sums to the estimate's; an item without one-time fees adds only its
    /// monthly sum (adding zero changes no value, and only values are presented).
    fn add_item(&mut self, item: Sums) {
        self.monthly += item.monthly;
        if !item.no_upfront() {
            self.upfront += item.upfront;
            self.amortised += item.amortised;
        }
    }

    fn totals(self) -> Totals {
        let monthly = cents(self.monthly);
        let twelve_months = Decimal::from(12) * self.monthly;
        if self.no_upfront() {
            // Most items: no upfront amount to round or add, and the effective monthly amount
            // is the monthly one (`cents` depends on the value only).
            return Totals {
                monthly,
                upfront: NO_CENTS,
                first_12_months: cents(twelve_months),
                effective_monthly: monthly,
            };
        }
        Totals {
            monthly,
            upfront: cents(self.upfront),
            first_12_months: cents(self.upfront + twelve_months),
            effective_monthly: cents(self.monthly + self.amortised),
        }
    }
}

fn assemble(
    req: &EstimateRequest,
    month_hours: Decimal,
    inputs: Vec<ItemInput<'_>>,
    priced: pricer::Priced<'_>,
) -> EstimateResponse {
    let mut total = Sums::default();
    let mut items = Vec::with_capacity(inputs.len());
    for ((item, input), priced_item) in req.items.iter().zip(inputs).zip(priced.items) {
        let s = priced_item.sums;
        total.add_item(s);
        let t = s.totals();
        items.push(ItemCost {
            id: item.id.clone(),
            label: item.label.clone(),
            service: item.spec.service(),
            region: input.region.to_owned(),
            monthly: t.monthly,
            upfront: t.upfront,
            effective_monthly: t.effective_monthly,
            first_12_months: t.first_12_months,
            line_items: priced_item.lines,
            warnings: input.specs.warnings,
        });
    }
    // The earliest and the latest price date.
    let mut dates: Option<(&str, &str)> = None;
    let price_sources: Vec<PriceSourceRef> = priced
        .sources
        .iter()
        .map(|s| {
            // The book's text is borrowed, not copied (see `PriceSourceRef`).
            let (date, origin) = match s.quoted {
                Some(q) => (q.price_date, Cow::Borrowed(q.origin)),
                None => ("unknown", Cow::Owned(s.id.to_owned())),
            };
            dates = Some(match dates {
                Some((first, last)) => (first.min(date), last.max(date)),
                None => (date, date),
            });
            PriceSourceRef {
                table: Cow::Borrowed(s.table),
                price_date: Cow::Borrowed(date),
                source: origin,
            }
        })
        .collect();
    let price_date = match dates {
        Some((a, b)) if a == b => a.to_owned(),
        // `concat` rather than `format!`: the bundled book's dates differ, so every estimate
        // writes this.
        Some((a, b)) => [a, " … ", b].concat(),
        None => String::new(),
    };
    EstimateResponse {
        currency: Cow::Borrowed("USD"),
        name: req.name.clone(),
        region: req.region.clone(),
        hours_per_month: model::Quantity::new(month_hours).unwrap_or_default(),
        free_tier: req.free_tier,
        price_date,
        price_sources,
        totals: total.totals(),
        items,
        warnings: priced.warnings,
    }
}
