//! Tiered prices: splitting a quantity across tiers and naming the tiers the way bills do
//! (`first 6B GB-seconds`, `next 9B GB-seconds`, `over 15B GB-seconds`).

use model::money::DecimalText;
use model::response::Unit;
use rust_decimal::Decimal;

use super::spec::push_num;
use crate::book::Tier;

/// One tier's share of a quantity.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TierShare<'t> {
    pub tier: &'t Tier,
    /// Index of the tier (0 is the first).
    pub index: usize,
    pub quantity: Decimal,
}

/// Splits the range `[offset, offset + quantity)` of an aggregate across `tiers`, in tier order.
///
/// The tiers are contiguous from zero with an open last tier (the loader checks it), so the shares
/// always sum to `quantity`. A zero quantity yields no shares. The shares are produced as they
/// are read: most lines fall in one tier, and collecting them cost an allocation per line.
pub(crate) fn split(
    tiers: &[Tier],
    offset: Decimal,
    quantity: Decimal,
) -> impl Iterator<Item = TierShare<'_>> {
    // Most ranges start at zero (all but the later users of an aggregate): no offset to add,
    // and every tier starts at or after it (the decimal comparisons are what splitting costs).
    let from_zero = offset.is_zero();
    let end = if from_zero {
        quantity
    } else {
        offset + quantity
    };
    let any = quantity.is_sign_positive() && !quantity.is_zero();
    tiers
        .iter()
        .enumerate()
        // The tiers are sorted: none from the first that starts at the end can hold a share.
        .take_while(move |(_, tier)| any && tier.start < end)
        .filter_map(move |(index, tier)| {
            let lo = if from_zero {
                tier.start
            } else {
                tier.start.max(offset)
            };
            let hi = tier.end.map_or(end, |e| e.min(end));
            (hi > lo).then(|| TierShare {
                tier,
                index,
                quantity: hi - lo,
            })
        })
}

/// The phrase of tier `index` for a line in `unit`: the one the book wrote at load when the line
/// is in the tier's own unit (as every bundled price is), else written into `buf`.
pub(crate) fn phrase_for<'s>(
    buf: &'s mut String,
    tiers: &'s [Tier],
    index: usize,
    unit: Unit,
) -> Option<&'s str> {
    let tier = &tiers[index];
    if tier.unit == unit {
        return tier.phrase.as_deref();
    }
    phrase(buf, tiers, index, unit)
}

/// How a bill names a tier: `first 50 TB`, `next 450 TB`, `over 500 TB`; `None` for a single
/// open tier from zero (no tiering to speak of). Written into `buf`, which a caller reuses for
/// every tier of a line.
pub(crate) fn phrase<'s>(
    buf: &'s mut String,
    tiers: &[Tier],
    index: usize,
    unit: Unit,
) -> Option<&'s str> {
    let tier = &tiers[index];
    if tiers.len() == 1 && tier.start.is_zero() {
        return None;
    }
    buf.clear();
    match tier.end {
        None => {
            buf.push_str("over ");
            push_amount(buf, tier.start, unit);
        }
        Some(end) if tier.start.is_zero() => {
            buf.push_str("first ");
            push_amount(buf, end, unit);
        }
        Some(end) => {
            buf.push_str("next ");
            push_amount(buf, end - tier.start, unit);
        }
    }
    Some(buf)
}

/// A tier boundary with its unit, compact: `6B GB-seconds`, `10 TB`, `3,000 IOPS`.
fn push_amount(out: &mut String, q: Decimal, unit: Unit) {
    let gb_like = matches!(unit, Unit::Gb | Unit::GbMonths);
    let kib = Decimal::from(1024);
    if gb_like && q >= kib && (q % kib).is_zero() {
        push_num(out, q / kib);
        out.push_str(" TB");
        return;
    }
    let unit_word = match unit {
        Unit::GbMonths | Unit::Gb => "GB",
        Unit::IopsMonths => "IOPS",
        Unit::MbpsMonths => "MBps",
        other => other.as_str(),
    };
    let billion = Decimal::from(1_000_000_000u64);
    let million = Decimal::from(1_000_000u64);
    // Billions and millions are written without thousands separators (`1000B`).
    if q >= billion {
        out.push_str(DecimalText::new((q / billion).normalize()).as_str());
        out.push('B');
    } else if q >= million {
        out.push_str(DecimalText::new((q / million).normalize()).as_str());
        out.push('M');
    } else {
        push_num(out, q);
    }
    out.push(' ');
    out.push_str(unit_word);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A decimal from its text, for tests.
    fn d(s: &str) -> Decimal {
        s.parse().expect("a decimal literal")
    }

    fn lambda_x86() -> Vec<Tier> {
        let t = |start: &str, end: Option<&str>, price: &str| Tier {
            start: d(start),
            end: end.map(d),
            unit: Unit::GbSeconds,
            price_usd: d(price),
            source_id: "s".to_owned(),
            phrase: None,
        };
        vec![
            t("0", Some("6000000000"), "0.0000166667"),
            t("6000000000", Some("15000000000"), "0.0000150000"),
            t("15000000000", None, "0.0000133334"),
        ]
    }

    #[test]
    fn a_quantity_spanning_tiers_is_split_at_the_boundaries_and_the_shares_sum_to_it() {
        let tiers = lambda_x86();
        let shares = split(&tiers, d("5000000000"), d("11000000000"));
        let q: Vec<_> = shares.map(|s| (s.index, s.quantity)).collect();
        // 5B..16B: 1B in the first tier, 9B in the second, 1B over 15B.
        assert_eq!(
            q,
            vec![
                (0, d("1000000000")),
                (1, d("9000000000")),
                (2, d("1000000000"))
            ]
        );
    }

    #[test]
    fn tiers_are_named_first_next_and_over() {
        let tiers = lambda_x86();
        let mut buf = String::new();
        let names: Vec<_> = (0..3)
            .map(|i| phrase(&mut buf, &tiers, i, Unit::GbSeconds).map(str::to_owned))
            .collect();
        assert_eq!(
            names,
            vec![
                Some("first 6B GB-seconds".to_owned()),
                Some("next 9B GB-seconds".to_owned()),
                Some("over 15B GB-seconds".to_owned()),
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn tier_shares_always_sum_to_the_quantity(offset in 0u64..30_000_000_000, quantity in 0u64..30_000_000_000) {
            let tiers = lambda_x86();
            let q = Decimal::from(quantity);
            let shares: Vec<_> = split(&tiers, Decimal::from(offset), q).collect();
            let sum: Decimal = shares.iter().map(|s| s.quantity).sum();
            proptest::prop_assert_eq!(sum, q);
            proptest::prop_assert!(shares.iter().all(|s| s.quantity > Decimal::ZERO));
        }
    }
}
