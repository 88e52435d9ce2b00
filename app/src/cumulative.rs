//! The cumulative-cost chart of the pricing comparison, as SVG markup.
//!
//! One line per option over 36 months, each with its own dash pattern (set by its `s<n>` class in
//! the stylesheet) and a letter at its end, so it reads without colour; a dot marks each option's
//! break-even month. The markup is built here as one string and set as the inner HTML of its
//! figure: a few hundred typed view nodes would each be compiled into the WASM. Every text in it
//! is escaped; it carries no script and no style attribute (the CSP allows neither).
//! Coordinates are computed with decimals and rounded to a tenth of a unit.

use model::compare::PricingOption;
use rust_decimal::Decimal;

use crate::compare;
use crate::format;

/// Chart geometry, in SVG user units.
const WIDTH: i64 = 640;
const HEIGHT: i64 = 300;
const LEFT: i64 = 78;
const RIGHT: i64 = 40;
const TOP: i64 = 12;
const BOTTOM: i64 = 40;
const MONTHS: i64 = 36;
/// The least distance between two end labels.
const LABEL_GAP: i64 = 16;

/// The letter that names line `n` in the chart and its legend.
pub fn letter(n: usize) -> &'static str {
    ["A", "B", "C", "D", "E", "F"]
        .get(n)
        .copied()
        .unwrap_or("?")
}

/// Text made safe for XML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A coordinate to one decimal place.
fn coord(d: Decimal) -> String {
    d.round_dp(1).normalize().to_string()
}

/// The x of month `m` (1..=36).
fn x_of(m: i64) -> Decimal {
    let plot = Decimal::from(WIDTH - LEFT - RIGHT);
    Decimal::from(LEFT) + plot * Decimal::from(m - 1) / Decimal::from(MONTHS - 1)
}

/// The y of an amount on a scale from 0 to `max`.
fn y_of(amount: Decimal, max: Decimal) -> Decimal {
    let plot = Decimal::from(HEIGHT - TOP - BOTTOM);
    let bottom = Decimal::from(HEIGHT - BOTTOM);
    if max.is_zero() {
        bottom
    } else {
        bottom - plot * amount / max
    }
}

/// The chart of `lines` (in the order their letters are given), with `label` as its text
/// alternative and `month` naming the horizontal axis.
pub fn svg(lines: &[PricingOption], label: &str, month: &str) -> String {
    let max = lines
        .iter()
        .flat_map(|o| o.cumulative.iter().map(|c| c.amount()))
        .max()
        .unwrap_or_default();
    let bottom = HEIGHT - BOTTOM;
    let right = WIDTH - RIGHT;
    let mut s = format!(
        r#"<svg class="lines-chart" role="img" width="100%" viewBox="0 0 {WIDTH} {HEIGHT}" preserveAspectRatio="xMinYMin meet" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        escape(label)
    );
    s.push_str(&format!(
        r#"<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}"/><line class="axis" x1="{LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}"/>"#
    ));
    for v in [Decimal::ZERO, max / Decimal::TWO, max] {
        let y = coord(y_of(v, max));
        s.push_str(&format!(
            r#"<line class="grid-line" x1="{LEFT}" x2="{right}" y1="{y}" y2="{y}"/><text class="tick" x="{}" y="{y}" text-anchor="end" dominant-baseline="middle">${}</text>"#,
            LEFT - 6,
            format::fixed(v, 0)
        ));
    }
    for m in [1i64, 12, 24, 36] {
        s.push_str(&format!(
            r#"<text class="tick" x="{}" y="{}" text-anchor="middle">{m}</text>"#,
            coord(x_of(m)),
            bottom + 16
        ));
    }
    s.push_str(&format!(
        r#"<text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>"#,
        coord(x_of(18)),
        HEIGHT - 4,
        escape(month)
    ));
    let ends: Vec<Decimal> = lines
        .iter()
        .map(|o| {
            y_of(
                o.cumulative.last().map(|c| c.amount()).unwrap_or_default(),
                max,
            )
        })
        .collect();
    let label_ys = compare::spread(&ends, Decimal::from(LABEL_GAP), Decimal::from(bottom));
    for (n, (o, label_y)) in lines.iter().zip(label_ys).enumerate() {
        let points: Vec<String> = o
            .cumulative
            .iter()
            .zip(1i64..=MONTHS)
            .map(|(c, m)| format!("{},{}", coord(x_of(m)), coord(y_of(c.amount(), max))))
            .collect();
        s.push_str(&format!(
            r#"<g class="series s{n}" data-testid="chart-line" data-option="{}"><polyline class="line" points="{}"/>"#,
            escape(&compare::option_key(&o.pricing)),
            points.join(" ")
        ));
        let at = o.break_even_month.and_then(|m| {
            let i = usize::try_from(m).ok()?.checked_sub(1)?;
            Some((m, o.cumulative.get(i)?.amount()))
        });
        if let Some((m, amount)) = at {
            s.push_str(&format!(
                r#"<circle class="break-even s{n}" data-month="{m}" cx="{}" cy="{}" r="5"/>"#,
                coord(x_of(i64::from(m))),
                coord(y_of(amount, max))
            ));
        }
        s.push_str(&format!(
            r#"<text class="end-label" x="{}" y="{}" dominant-baseline="middle">{}</text></g>"#,
            right + 6,
            coord(label_y),
            letter(n)
        ));
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Ec2Pricing, Usd};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn line(pricing: Ec2Pricing, upfront: i64, monthly: i64, be: Option<u32>) -> PricingOption {
        let cumulative: Vec<Usd> = (1..=36)
            .map(|m| Usd::new(Decimal::from(upfront + monthly * m)))
            .collect();
        PricingOption {
            pricing,
            upfront: Usd::new(Decimal::from(upfront)),
            monthly: Usd::new(Decimal::from(monthly)),
            effective_monthly: Usd::new(Decimal::from(monthly)),
            total_1yr: cumulative[11],
            total_3yr: cumulative[35],
            saving_vs_on_demand_percent: None,
            break_even_month: be,
            break_even_utilization_percent: None,
            notes: Vec::new(),
            cumulative,
        }
    }

    #[test]
    fn lines_scale_to_the_largest_total_and_break_even_is_marked() {
        let on_demand = line(Ec2Pricing::OnDemand, 0, 100, None);
        let reserved = line(
            Ec2Pricing::Reserved {
                term: model::Term::ThreeYears,
                offering_class: model::OfferingClass::Standard,
                payment: model::Payment::AllUpfront,
            },
            1800,
            0,
            Some(19),
        );
        let s = svg(&[on_demand, reserved], "Costs <&> \"all\"", "Month");
        // On-Demand ends at the top right ($3,600 is the largest figure), starts near the bottom.
        assert!(s.contains(r#"points="78,253.1 92.9,246.2 "#), "{s}");
        assert!(s.contains(" 600,12\"/>"), "{s}");
        // The flat $1,800 line sits at half height; its break-even dot is in month 19.
        let half = coord(y_of(d("1800"), d("3600")));
        assert_eq!(half, "136");
        assert!(
            s.contains(&format!(
                r#"data-month="19" cx="{}" cy="136""#,
                coord(x_of(19))
            )),
            "{s}"
        );
        assert!(s.contains(r#"aria-label="Costs &lt;&amp;&gt; &quot;all&quot;""#));
        assert!(s.contains(">$3,600</text>") && s.contains(">$1,800</text>"));
        assert!(s.contains(r#"data-option="reserved.3yr.standard.all_upfront""#));
        assert_eq!(s.matches("<polyline").count(), 2);
        assert_eq!(s.matches("<circle").count(), 1);
        assert!(!s.contains("style="));
    }

    #[test]
    fn an_empty_or_zero_chart_still_draws_its_axes() {
        let s = svg(&[], "", "Month");
        assert!(s.starts_with("<svg") && s.ends_with("</svg>"));
        assert_eq!(s.matches("<polyline").count(), 0);
        let flat = line(Ec2Pricing::OnDemand, 0, 0, None);
        let s = svg(&[flat], "", "Month");
        assert!(s.contains(r#"points="78,260"#), "{s}");
    }
}
