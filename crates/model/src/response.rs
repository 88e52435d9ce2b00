//! The priced estimate: totals, items and line items with their arithmetic shown.
//!
//! Amounts are `Usd` rounded once to cents for presentation; each total is the rounded sum of the
//! unrounded amounts beneath it, so a column of rounded line items can differ from its total by a
//! cent. `unit_price` is the published price of one `unit`, unrounded.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::{Quantity, Usd};
use crate::request::Service;

/// The answer to `POST /api/v1/estimate`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EstimateResponse {
    /// Always `USD`.
    pub currency: Cow<'static, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The estimate's default region.
    pub region: String,
    pub hours_per_month: Quantity,
    pub free_tier: bool,
    /// The date of the prices used: one date, or `first … last` when tables differ.
    pub price_date: String,
    /// Every price table the estimate used, with its source and date.
    pub price_sources: Vec<PriceSourceRef>,
    pub totals: Totals,
    pub items: Vec<ItemCost>,
    /// Estimate-wide notes (aggregated tiers, free tier applied, assumptions).
    pub warnings: Vec<Warning>,
}

/// Money totals of an estimate or item.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// The recurring monthly charge.
    pub monthly: Usd,
    /// One-time payments (reservation upfront fees).
    pub upfront: Usd,
    /// upfront + 12 × monthly.
    pub first_12_months: Usd,
    /// The monthly cost with upfront payments spread over their terms.
    pub effective_monthly: Usd,
}

/// One priced item.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemCost {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub service: Service,
    pub region: String,
    pub monthly: Usd,
    pub upfront: Usd,
    pub effective_monthly: Usd,
    pub first_12_months: Usd,
    pub line_items: Vec<LineItem>,
    pub warnings: Vec<Warning>,
}

/// One line of a bill: quantity × unit price = amount.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LineItem {
    /// Named the way bills read: `Instance usage (Linux, on-demand, m5.large)`.
    pub name: String,
    #[serde(serialize_with = "crate::money::decimal_str::serialize")]
    pub quantity: Decimal,
    pub unit: Unit,
    /// The published price of one unit, unrounded.
    #[serde(serialize_with = "crate::money::decimal_str::serialize")]
    pub unit_price: Decimal,
    /// The amount, rounded to cents.
    pub amount: Usd,
    /// The amount when it recurs monthly; absent on one-time lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly: Option<Usd>,
    /// True on upfront payments.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub one_time: bool,
    /// The arithmetic in words: `2 instances × 730 hours × $0.096 per hour`.
    pub formula: String,
    /// The price table the unit price came from (see `price_sources`).
    ///
    /// This and `price_date` are the price book's own text, which lives as long as the process:
    /// the engine borrows them (`Cow::Borrowed`) instead of copying two strings into every line;
    /// an answer read from JSON owns its copies.
    pub price_table: Cow<'static, str>,
    /// The date that price was valid.
    pub price_date: Cow<'static, str>,
}

/// The units line items are counted in: one documented vocabulary.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    #[serde(rename = "hours")]
    Hours,
    #[serde(rename = "GB-months")]
    GbMonths,
    #[serde(rename = "GB-seconds")]
    GbSeconds,
    #[serde(rename = "requests")]
    Requests,
    #[serde(rename = "GB")]
    Gb,
    #[serde(rename = "IOPS-months")]
    IopsMonths,
    #[serde(rename = "MBps-months")]
    MbpsMonths,
    #[serde(rename = "ACU-hours")]
    AcuHours,
    /// Object-months (S3 Intelligent-Tiering monitoring).
    #[serde(rename = "objects")]
    Objects,
    /// Aurora backtrack change records.
    #[serde(rename = "change-records")]
    ChangeRecords,
    /// Reservations bought (an upfront fee is per reservation).
    #[serde(rename = "reservations")]
    Reservations,
    /// I/O requests of an EBS magnetic volume or Aurora Standard cluster.
    #[serde(rename = "I/O requests")]
    IoRequests,
}

impl Unit {
    /// The unit as written in responses.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Hours => "hours",
            Unit::GbMonths => "GB-months",
            Unit::GbSeconds => "GB-seconds",
            Unit::Requests => "requests",
            Unit::Gb => "GB",
            Unit::IopsMonths => "IOPS-months",
            Unit::MbpsMonths => "MBps-months",
            Unit::AcuHours => "ACU-hours",
            Unit::Objects => "objects",
            Unit::ChangeRecords => "change-records",
            Unit::Reservations => "reservations",
            Unit::IoRequests => "I/O requests",
        }
    }

    /// The singular, for "per hour" in formulas.
    pub fn singular(self) -> &'static str {
        match self {
            Unit::Hours => "hour",
            Unit::GbMonths => "GB-month",
            Unit::GbSeconds => "GB-second",
            Unit::Requests => "request",
            Unit::Gb => "GB",
            Unit::IopsMonths => "IOPS-month",
            Unit::MbpsMonths => "MBps-month",
            Unit::AcuHours => "ACU-hour",
            Unit::Objects => "object",
            Unit::ChangeRecords => "change record",
            Unit::Reservations => "reservation",
            Unit::IoRequests => "I/O request",
        }
    }
}

/// A note about how something was priced.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// A stable code, e.g. `per_object_rules_skipped`.
    pub code: String,
    pub message: String,
    /// The field it concerns, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// A price table used by an estimate.
///
/// Its text is the price book's, borrowed for the process's lifetime by the engine (as
/// [`LineItem::price_table`]): an estimate quotes a few hundred bytes of origin per table.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceSourceRef {
    /// The table, e.g. `ec2_on_demand`.
    pub table: Cow<'static, str>,
    /// The date its prices were valid (YYYY-MM-DD).
    pub price_date: Cow<'static, str>,
    /// Where they came from.
    pub source: Cow<'static, str>,
}
