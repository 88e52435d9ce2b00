//! What is billed: line-item specifications that name a price without looking it up.
//!
//! Each service module turns an item into [`LineSpec`]s (name, quantity, unit, a typed
//! [`PriceRef`]); [`super::pricer`] resolves the references against the price book, splits tiered
//! quantities and multiplies. Keeping the stages apart is infracost's pipeline
//! (`internal/resources` → `internal/prices` → `internal/output`) with typed keys instead of strings.

use std::borrow::Cow;
use std::fmt;

use model::money::DecimalText;
use model::response::{Unit, Warning};
use model::{
    Architecture, AuroraEngine, AuroraStorageConfig, Deployment, LicenseModel, OfferingClass,
    OperatingSystem, Payment, RdsEdition, RdsEngine, RdsStorageType, SavingsPlanType, StorageClass,
    Term, VolumeType,
};
use rust_decimal::Decimal;

use crate::rows::{
    AuroraComponent, EbsComponent, LambdaComponent, RdsStorageComponent, S3RequestType,
    S3StorageTier,
};

/// Where an item's fields are: `items[2]`, or a list entry inside it (`items[2].ebs[0]`).
///
/// Paths are kept as parts and written out only when a message names them: most lines of most
/// estimates never need theirs, and formatting every path eagerly was a tenth of an estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct At {
    item: usize,
    /// A list field of the item and the index in it.
    entry: Option<(&'static str, usize)>,
}

impl At {
    /// Item `index` of the estimate.
    pub fn item(index: usize) -> Self {
        At {
            item: index,
            entry: None,
        }
    }

    /// Entry `index` of the item's list `list` (`ebs`, `instances`).
    pub fn entry(self, list: &'static str, index: usize) -> Self {
        At {
            entry: Some((list, index)),
            ..self
        }
    }

    /// The field `name` here; `name` may itself be a path (`storage.size_gb`).
    pub fn field(self, name: &'static str) -> FieldPath {
        FieldPath { at: self, name }
    }
}

impl At {
    /// Appends `items[2]` or `items[2].ebs[0]` to `out`, without the formatting machinery: every
    /// warning names its field, and `write!` cost more than the path.
    fn push_to(self, out: &mut String) {
        let index = |i: usize| DecimalText::new(Decimal::from(i));
        out.push_str("items[");
        out.push_str(index(self.item).as_str());
        out.push(']');
        if let Some((list, i)) = self.entry {
            out.push('.');
            out.push_str(list);
            out.push('[');
            out.push_str(index(i).as_str());
            out.push(']');
        }
    }
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::with_capacity(24);
        self.push_to(&mut out);
        f.write_str(&out)
    }
}

/// The path of one request field, e.g. `items[2].ebs[0].size_gb`, written out on demand (see
/// [`At`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FieldPath {
    at: At,
    name: &'static str,
}

impl FieldPath {
    /// The path as text (what `to_string` gives, for less).
    pub fn text(self) -> String {
        let mut out = String::with_capacity(24 + self.name.len());
        self.at.push_to(&mut out);
        out.push('.');
        out.push_str(self.name);
        out
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// Which part of a reservation offer a line bills.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum RiPart {
    /// The recurring fee per hour of the term.
    Hourly,
    /// The one-time fee per reservation.
    Upfront,
}

/// A typed reference to one price (or one set of tiers) in the book; the region is the line's.
/// Names (instance types, classes) are borrowed from the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum PriceRef<'a> {
    Ec2OnDemand {
        instance_type: &'a str,
        os: OperatingSystem,
    },
    Ec2Reserved {
        instance_type: &'a str,
        os: OperatingSystem,
        class: OfferingClass,
        term: Term,
        payment: Payment,
        part: RiPart,
    },
    Ec2Spot {
        instance_type: &'a str,
        os: OperatingSystem,
    },
    Ec2SavingsPlan {
        instance_type: &'a str,
        os: OperatingSystem,
        plan: SavingsPlanType,
        term: Term,
        payment: Payment,
    },
    /// Tiered.
    Ebs {
        volume_type: VolumeType,
        component: EbsComponent,
    },
    PublicIpv4,
    /// Tiered.
    DataTransferOut,
    /// Tiered.
    Lambda {
        arch: Architecture,
        component: LambdaComponent,
    },
    /// Tiered.
    S3Storage {
        tier: S3StorageTier,
    },
    S3Request {
        class: StorageClass,
        kind: S3RequestType,
    },
    S3Retrieval {
        class: StorageClass,
    },
    S3Monitoring,
    RdsInstance(RdsOffer<'a>),
    RdsReserved {
        offer: RdsOffer<'a>,
        term: Term,
        payment: Payment,
        part: RiPart,
    },
    /// Tiered.
    RdsStorage {
        storage_type: RdsStorageType,
        deployment: Deployment,
        component: RdsStorageComponent,
    },
    RdsBackup,
    AuroraInstance {
        engine: AuroraEngine,
        class: &'a str,
        config: AuroraStorageConfig,
    },
    AuroraReserved {
        engine: AuroraEngine,
        class: &'a str,
        config: AuroraStorageConfig,
        term: Term,
        payment: Payment,
        part: RiPart,
    },
    AuroraCluster {
        engine: AuroraEngine,
        config: AuroraStorageConfig,
        component: AuroraComponent,
    },
}

/// The key of an RDS instance offer (without region).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct RdsOffer<'a> {
    pub engine: RdsEngine,
    pub edition: Option<RdsEdition>,
    pub license: Option<LicenseModel>,
    pub class: &'a str,
    pub deployment: Deployment,
}

/// A quantity whose tiers are shared by every item of the estimate (per region and key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum AggregateKey<'a> {
    /// Lambda duration or requests, per region and architecture.
    Lambda(&'a str, Architecture, LambdaComponent),
    /// S3 storage per region and storage tier.
    S3Storage(&'a str, S3StorageTier),
    /// Data transfer out to the internet, per region.
    DataTransferOut(&'a str),
}

/// An always-free allowance shared by the whole estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum FreePool {
    LambdaRequests,
    LambdaGbSeconds,
    DataTransferOut,
}

/// How a line's quantity meets its price's tiers.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tiering<'a> {
    /// One flat price.
    Flat,
    /// Tiers apply to the quantity of one unit (one volume); `units` alike units are billed.
    PerUnit {
        per_unit: Decimal,
        units: Decimal,
        noun: &'static str,
    },
    /// Tiers apply to the sum over the estimate; items fill them in item order.
    Aggregate {
        key: AggregateKey<'a>,
        free: Option<FreePool>,
    },
}

/// One thing to bill, before prices are known. It borrows its names from the request: an
/// estimate makes a few dozen specs, and copying strings into each was a fifth of its time.
#[derive(Clone, Debug)]
pub(crate) struct LineSpec<'a> {
    /// The line's name without its bracket, e.g. `Instance usage`.
    pub name: &'static str,
    /// The variable parts inside the bracket, joined (see [`details`]):
    /// `Linux, on-demand, m5.large`; empty for none.
    pub details: Cow<'a, str>,
    /// The quantity (for `PerUnit` tiering: `per_unit × units`).
    pub quantity: Decimal,
    /// The arithmetic that gives the quantity, in words: `2 instances × 730 hours`.
    pub quantity_text: QuantityText,
    pub unit: Unit,
    pub price: PriceRef<'a>,
    /// A factor applied to the looked-up price, with words for the formula (Spot discounts).
    pub price_factor: Option<(Decimal, String)>,
    pub tiering: Tiering<'a>,
    /// `Some(term months)` for one-time upfront fees.
    pub one_time_term_months: Option<u32>,
    /// The request field a missing price is reported at.
    pub field: FieldPath,
}

impl<'a> LineSpec<'a> {
    /// A flat-priced recurring line whose quantity is the product of (at most three) `factors`.
    pub fn new<const N: usize>(
        name: &'static str,
        details: Cow<'a, str>,
        factors: [(Decimal, &'static str); N],
        unit: Unit,
        price: PriceRef<'a>,
        field: FieldPath,
    ) -> Self {
        LineSpec {
            name,
            details,
            // Not `product()`, which starts from one: a decimal multiplication for nothing.
            quantity: factors
                .iter()
                .map(|f| f.0)
                .reduce(|a, b| a * b)
                .unwrap_or(Decimal::ONE),
            quantity_text: QuantityText::factors(factors),
            unit,
            price,
            price_factor: None,
            tiering: Tiering::Flat,
            one_time_term_months: None,
            field,
        }
    }

    /// The same line with tiers applied per unit.
    #[must_use]
    pub fn per_unit(mut self, per_unit: Decimal, units: (Decimal, &'static str)) -> Self {
        self.tiering = Tiering::PerUnit {
            per_unit,
            units: units.0,
            noun: units.1,
        };
        self
    }

    /// The same line with tiers shared across the estimate.
    #[must_use]
    pub fn aggregate(mut self, key: AggregateKey<'a>, free: Option<FreePool>) -> Self {
        self.tiering = Tiering::Aggregate { key, free };
        self
    }

    /// Replaces the quantity's description (when it is not a plain product of factors).
    #[must_use]
    pub fn described(mut self, quantity_text: String) -> Self {
        self.quantity_text = QuantityText::Words(quantity_text);
        self
    }
}

/// The arithmetic that gives a line's quantity, in words. Factors are kept as numbers and
/// written straight into the formula (see [`QuantityText::push_to`]): no string per spec, and
/// none at all for the specs that replace them with their own words.
#[derive(Clone, Debug)]
pub(crate) enum QuantityText {
    /// A product of factors, `2 instances × 730 hours`: the first `len` of `factors`.
    Factors {
        factors: [(Decimal, &'static str); 3],
        len: usize,
    },
    /// The service module's own words, e.g. `20,000,000 requests × 0.12 s × 0.5 GB`.
    Words(String),
}

impl QuantityText {
    /// The description of a product of at most three factors.
    fn factors<const N: usize>(given: [(Decimal, &'static str); N]) -> Self {
        const { assert!(N <= 3, "a quantity has at most three factors") };
        let mut factors = [(Decimal::ONE, ""); 3];
        factors[..N].copy_from_slice(&given);
        QuantityText::Factors { factors, len: N }
    }

    /// Appends the description to `out`.
    pub fn push_to(&self, out: &mut String) {
        match self {
            QuantityText::Factors { factors, len } => push_factors(out, &factors[..*len]),
            QuantityText::Words(words) => out.push_str(words),
        }
    }
}

/// What a service module returns for one item.
#[derive(Debug)]
pub(crate) struct ItemSpecs<'a> {
    pub lines: Vec<LineSpec<'a>>,
    pub warnings: Vec<Warning>,
}

impl ItemSpecs<'_> {
    /// Room for as many lines as an item usually makes, so that adding them does not
    /// reallocate.
    pub fn new() -> Self {
        ItemSpecs {
            lines: Vec::with_capacity(8),
            warnings: Vec::new(),
        }
    }

    pub fn warn(&mut self, code: &str, message: impl Into<String>, field: FieldPath) {
        self.warnings.push(Warning {
            code: code.to_owned(),
            message: message.into(),
            field: Some(field.text()),
        });
    }
}

/// A line name's bracket parts joined with `, ` (`Linux, on-demand, m5.large`), for lines with
/// several; a single part needs no joining and is borrowed as it is (`part.into()`).
pub(crate) fn details(parts: &[&str]) -> Cow<'static, str> {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len() + 2).sum());
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(part);
    }
    Cow::Owned(out)
}

/// `2 instances × 730 hours`, appended to `out`.
fn push_factors(out: &mut String, factors: &[(Decimal, &str)]) {
    for (i, (q, what)) in factors.iter().enumerate() {
        if i > 0 {
            out.push_str(" × ");
        }
        push_num(out, *q);
        if !what.is_empty() {
            out.push(' ');
            out.push_str(what);
        }
    }
}

/// Words and numbers appended into one new string, the numbers written as [`push_num`] writes
/// them: `text!(n, " objects × ", kb, " KB")`. It stands in for `format!` on the paths every
/// estimate takes, where the formatting machinery cost more than the arithmetic.
macro_rules! text {
    ($($part:expr),+ $(,)?) => {{
        let mut out = String::with_capacity(64);
        $( $crate::engine::spec::TextPart::push_to(&$part, &mut out); )+
        out
    }};
}
pub(crate) use text;

/// A piece of a [`text!`]: words as they are, numbers as people read them.
pub(crate) trait TextPart {
    fn push_to(&self, out: &mut String);
}

impl TextPart for str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl TextPart for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl TextPart for Decimal {
    fn push_to(&self, out: &mut String) {
        push_num(out, *self);
    }
}

impl<T: TextPart + ?Sized> TextPart for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

/// A number as people read it: normalised, thousands separated (`1,000,000`, `0.5`).
#[cfg(test)]
pub(crate) fn num(d: Decimal) -> String {
    let mut out = String::with_capacity(16);
    push_num(&mut out, d);
    out
}

/// [`num`] appended to `out`. Formulas are built by appending: `format!` and `Decimal`'s
/// `Display` were a fifth of the engine's time.
pub(crate) fn push_num(out: &mut String, d: Decimal) {
    let d = model::money::normalized(d);
    // Most figures are whole (counts, hours, GB): their digits and separators are written
    // straight from the integer.
    if d.scale() == 0
        && let Ok(whole) = u64::try_from(d.mantissa())
    {
        push_whole(out, whole);
        return;
    }
    let text = DecimalText::new(d);
    let bytes = text.as_bytes();
    // The sign, the whole digits, then the point and `scale` fraction digits: no scan needed.
    let sign_len = usize::from(bytes.first() == Some(&b'-'));
    let scale = d.scale() as usize;
    let fraction_len = if scale > 0 { scale + 1 } else { 0 };
    let (sign, rest) = bytes.split_at(sign_len);
    let (whole, fraction) = rest.split_at(rest.len() - fraction_len);
    out.reserve(bytes.len() + whole.len() / 3);
    push_ascii(out, sign);
    // One to three leading digits, then groups of three, each after a separator.
    let lead = (whole.len() + 2) % 3 + 1;
    push_ascii(out, &whole[..lead]);
    for group in whole[lead..].chunks_exact(3) {
        out.push(',');
        push_ascii(out, group);
    }
    push_ascii(out, fraction);
}

/// A whole number with thousands separators (`20,000,000`), appended to `out`.
fn push_whole(out: &mut String, n: u64) {
    // The groups of three digits, from the right: at most seven in a `u64`.
    let mut groups = [0u16; 7];
    let mut len = 0;
    let mut rest = n;
    loop {
        groups[len] = (rest % 1000) as u16;
        len += 1;
        rest /= 1000;
        if rest == 0 {
            break;
        }
    }
    // The first group without its leading zeros, the others whole after a separator.
    let first = groups[len - 1];
    let skip = match first {
        0..=9 => 2,
        10..=99 => 1,
        _ => 0,
    };
    push_ascii(out, &GROUPS[usize::from(first)][skip..]);
    for &group in groups[..len - 1].iter().rev() {
        out.push(',');
        push_ascii(out, &GROUPS[usize::from(group)]);
    }
}

/// `000`, `001`, … `999`: the digits of a group of three, looked up rather than divided out.
const GROUPS: [[u8; 3]; 1000] = {
    let mut table = [[b'0'; 3]; 1000];
    let mut i = 1;
    while i < 1000 {
        // Counting up in decimal from the previous group.
        let mut digits = table[i - 1];
        let mut place = 2;
        while digits[place] == b'9' {
            digits[place] = b'0';
            place -= 1;
        }
        digits[place] += 1;
        table[i] = digits;
        i += 1;
    }
    table
};

/// Appends ASCII text (a [`DecimalText`]'s bytes) to `out`, byte by byte: on a few digits that
/// costs less than checking them as UTF-8 for `push_str`. Masking to seven bits changes no ASCII
/// byte and tells the compiler that every byte is a one-byte `char`.
fn push_ascii(out: &mut String, ascii: &[u8]) {
    for &b in ascii {
        out.push(char::from(b & 0x7f));
    }
}

/// A price as written in formulas: `$0.096`, `$0.10`, unrounded (at least two decimals).
#[cfg(test)]
pub(crate) fn usd(d: Decimal) -> String {
    let mut out = String::with_capacity(16);
    push_usd(&mut out, d);
    out
}

/// A price as written in formulas (`$0.096`, `$0.10`: unrounded, at least two decimals),
/// appended to `out`. Missing decimals are written as zeros rather than rescaling the decimal.
///
/// The text is `d.normalize()`'s padded to two decimals: `d`'s own text without the zeros that
/// end its fraction beyond the second decimal (`0.0960` → `0.096`, `3.5000` → `3.50`), which
/// are dropped from the text rather than divided out of the 96-bit mantissa one at a time.
pub(crate) fn push_usd(out: &mut String, d: Decimal) {
    out.push('$');
    if d.is_zero() {
        // Unsigned, as `normalize` leaves zero.
        out.push_str("0.00");
        return;
    }
    let text = DecimalText::new(d);
    let bytes = text.as_bytes();
    let scale = d.scale() as usize;
    let zeros = bytes
        .iter()
        .rev()
        .take(scale.saturating_sub(2))
        .take_while(|&&b| b == b'0')
        .count();
    push_ascii(out, &bytes[..bytes.len() - zeros]);
    match scale {
        0 => out.push_str(".00"),
        1 => out.push('0'),
        _ => {}
    }
}

/// An amount for presentation: rounded once to cents (half away from zero), always shown with
/// two decimals.
pub fn cents(exact: Decimal) -> model::Usd {
    let mut d = model::Usd::new(exact).round_cents().amount();
    // Rounding leaves two places unless the amount had fewer; `rescale` (a call) would leave
    // two places as they are.
    if d.scale() != 2 {
        d.rescale(2);
    }
    model::Usd::new(d)
}

/// No money, as [`cents`] presents it (`0.00`), without rounding anything.
pub const NO_CENTS: model::Usd = model::Usd::new(Decimal::from_parts(0, 0, 0, false, 2));

/// Counts with their noun: `1 instance`, `2 instances`.
pub(crate) fn plural(n: Decimal, one: &'static str, many: &'static str) -> (Decimal, &'static str) {
    (n, if n == Decimal::ONE { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("a decimal literal")
    }

    #[test]
    fn numbers_read_with_thousands_separators_and_no_trailing_zeros() {
        assert_eq!(num(d("0.5")), "0.5");
        assert_eq!(num(d("100")), "100");
        assert_eq!(num(d("999.990")), "999.99");
        assert_eq!(num(d("1000")), "1,000");
        assert_eq!(num(d("2920.00")), "2,920");
        assert_eq!(num(d("1234567.89")), "1,234,567.89");
        assert_eq!(num(d("-1234")), "-1,234");
        assert_eq!(num(d("-12")), "-12");
        assert_eq!(num(d("400000")), "400,000");
        assert_eq!(num(d("0.0000001")), "0.0000001");
        assert_eq!(num(d("0")), "0");
        assert_eq!(num(d("0.000")), "0");
        assert_eq!(num(d("999999")), "999,999");
        assert_eq!(num(d("100000.0010")), "100,000.001");
        assert_eq!(num(d("-1234567.5")), "-1,234,567.5");
    }

    /// Thousands separators put into `Display`'s text, the slow way.
    fn grouped(d: Decimal) -> String {
        let text = d.normalize().to_string();
        let (sign, body) = text.split_at(usize::from(text.starts_with('-')));
        let (whole, fraction) = body.split_at(body.find('.').unwrap_or(body.len()));
        let mut out = sign.to_owned();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out + fraction
    }

    /// Decimals with mantissas up to 66 bits at every scale, either sign: every amount and
    /// quantity an estimate makes, and beyond.
    fn decimals() -> impl proptest::strategy::Strategy<Value = Decimal> {
        use proptest::prelude::*;
        (
            any::<u32>(),
            any::<u32>(),
            0u32..4,
            any::<bool>(),
            0u32..=28,
        )
            .prop_map(|(lo, mid, hi, negative, scale)| {
                Decimal::from_parts(lo, mid, hi, negative, scale)
            })
    }

    proptest::proptest! {
        #[test]
        fn numbers_read_as_display_writes_them_with_separators(d in decimals()) {
            proptest::prop_assert_eq!(num(d), grouped(d));
        }
    }

    #[test]
    fn prices_show_at_least_two_decimals_unrounded() {
        assert_eq!(usd(d("0.096")), "$0.096");
        assert_eq!(usd(d("0.1")), "$0.10");
        assert_eq!(usd(d("3")), "$3.00");
        assert_eq!(usd(d("0.0000166667")), "$0.0000166667");
        assert_eq!(usd(d("1234.5000")), "$1234.50");
        assert_eq!(usd(d("0")), "$0.00");
        assert_eq!(usd(d("0.000")), "$0.00");
        assert_eq!(usd(d("850")), "$850.00");
        assert_eq!(usd(d("-0.0500")), "$-0.05");
        assert_eq!(usd(d("-0.000")), "$0.00");
        assert_eq!(usd(d("3.0")), "$3.00");
        assert_eq!(usd(d("0.10000")), "$0.10");
    }

    proptest::proptest! {
        #[test]
        fn cents_are_rounded_and_rescaled_to_two_places(d in decimals()) {
            let mut slowly = d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            slowly.rescale(2);
            proptest::prop_assert_eq!(cents(d).amount().serialize(), slowly.serialize());
        }
    }

    /// A price the slow way: `Display` of the normalised decimal, padded to two decimals.
    fn usd_slowly(d: Decimal) -> String {
        let n = d.normalize();
        let pad = match n.scale() {
            0 => ".00",
            1 => "0",
            _ => "",
        };
        format!("${n}{pad}")
    }

    proptest::proptest! {
        #[test]
        fn prices_read_as_display_writes_them(
            lo in proptest::prelude::any::<u32>(),
            mid in proptest::prelude::any::<u32>(),
            hi in 0u32..4,
            negative in proptest::prelude::any::<bool>(),
            scale in 0u32..=28,
            small in proptest::prelude::any::<bool>(),
        ) {
            // Half the cases are prices as the book has them: a few digits, zeros after some.
            let (lo, mid, hi) = if small { (lo % 100_000 * 100, 0, 0) } else { (lo, mid, hi) };
            let d = Decimal::from_parts(lo, mid, hi, negative, scale);
            proptest::prop_assert_eq!(usd(d), usd_slowly(d));
        }
    }

    #[test]
    fn no_cents_is_zero_as_cents_writes_it() {
        let zero = cents(Decimal::ZERO).amount();
        assert_eq!(NO_CENTS.amount().to_string(), zero.to_string());
        assert_eq!(NO_CENTS.amount().serialize(), zero.serialize());
    }

    #[test]
    fn whole_numbers_are_grouped_in_threes() {
        for (n, text) in [
            (0, "0"),
            (7, "7"),
            (42, "42"),
            (999, "999"),
            (1_000, "1,000"),
            (1_000_001, "1,000,001"),
            (u64::MAX, "18,446,744,073,709,551,615"),
        ] {
            let mut out = String::new();
            push_whole(&mut out, n);
            assert_eq!(out, text);
        }
    }

    fn describe(factors: &[(Decimal, &str)]) -> String {
        let mut out = String::new();
        push_factors(&mut out, factors);
        out
    }

    #[test]
    fn quantities_are_described_as_their_factors() {
        assert_eq!(
            describe(&[(d("4"), "instances"), (d("730"), "hours")]),
            "4 instances × 730 hours"
        );
        assert_eq!(
            describe(&[(d("1500"), ""), (d("0.5"), "GB")]),
            "1,500 × 0.5 GB"
        );
        assert_eq!(describe(&[]), "");
    }
}
