//! Where the money goes: horizontal bar charts by item and by service, in plain SVG.
//!
//! Every bar carries its name, amount and share as text, so the chart reads without colour.
//! Geometry is computed with decimals (no floats) and set as SVG attributes (no inline styles,
//! which the CSP forbids).

use leptos::prelude::*;
use model::{EstimateResponse, Service};
use rust_decimal::Decimal;

use crate::format;
use crate::i18n::{Key, names};
use crate::state::Ctx;

/// The width of the bar area in SVG user units.
const BAR_WIDTH: u32 = 600;
/// The height of one row.
const ROW: u32 = 44;

/// One bar: a name and a monthly amount.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub name: String,
    pub amount: Decimal,
}

/// Monthly cost per item, largest first.
pub fn by_item(r: &EstimateResponse) -> Vec<Bar> {
    let mut bars: Vec<Bar> = r
        .items
        .iter()
        .map(|i| Bar {
            name: i.label.clone().unwrap_or_else(|| i.id.clone()),
            amount: i.monthly.amount(),
        })
        .collect();
    bars.sort_by_key(|b| std::cmp::Reverse(b.amount));
    bars
}

/// Monthly cost per service, largest first.
pub fn by_service(r: &EstimateResponse) -> Vec<Bar> {
    let mut bars: Vec<Bar> = Service::ALL
        .iter()
        .filter_map(|&s| {
            let items: Vec<_> = r.items.iter().filter(|i| i.service == s).collect();
            (!items.is_empty()).then(|| Bar {
                name: names::service(s).to_owned(),
                amount: items.iter().map(|i| i.monthly.amount()).sum(),
            })
        })
        .collect();
    bars.sort_by_key(|b| std::cmp::Reverse(b.amount));
    bars
}

/// `part` as a share of `whole` in whole percent.
fn percent(part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        Decimal::ZERO
    } else {
        (part * Decimal::ONE_HUNDRED / whole).round()
    }
}

/// A bar's length in user units.
fn length(part: Decimal, max: Decimal) -> String {
    if max.is_zero() || part.is_sign_negative() {
        return "0".to_owned();
    }
    (part * Decimal::from(BAR_WIDTH) / max)
        .round_dp(1)
        .normalize()
        .to_string()
}

/// One bar chart.
#[component]
fn Bars(
    #[prop(into)] title: Signal<String>,
    bars: Signal<Vec<Bar>>,
    testid: &'static str,
) -> impl IntoView {
    let height = move || u32::try_from(bars.with(Vec::len)).unwrap_or(1).max(1) * ROW;
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>{move || title.get()}</figcaption>
            <svg
                class="bars"
                role="img"
                aria-label=move || {
                    let parts: Vec<String> = bars.get().iter().map(|b| format!("{} {}", b.name, format::usd(b.amount))).collect();
                    format!("{}: {}", title.get(), parts.join(", "))
                }
                viewBox=move || format!("0 0 {} {}", BAR_WIDTH, height())
                width="100%"
                preserveAspectRatio="xMinYMin meet"
            >
                {move || {
                    let bars = bars.get();
                    let total: Decimal = bars.iter().map(|b| b.amount).sum();
                    let max = bars.iter().map(|b| b.amount).max().unwrap_or_default();
                    bars.into_iter()
                        .zip(0u32..)
                        .map(|(b, n)| {
                            let y = n * ROW;
                            let label = format!("{} — {} ({}%)", b.name, format::usd(b.amount), percent(b.amount, total));
                            view! {
                                <g class=format!("bar c{}", n % 6)>
                                    <text x="0" y=(y + 14).to_string() class="bar-label">{label}</text>
                                    <rect x="0" y=(y + 20).to_string() height="16" rx="2" width=length(b.amount, max) />
                                </g>
                            }
                        })
                        .collect_view()
                }}
            </svg>
        </figure>
    }
}

/// The two charts, updating with the estimate.
#[component]
pub fn Chart() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let items = Memo::new(move |_| {
        ctx.priced
            .with(|p| p.as_ref().map(|(_, r)| by_item(r)).unwrap_or_default())
    });
    let services = Memo::new(move |_| {
        ctx.priced
            .with(|p| p.as_ref().map(|(_, r)| by_service(r)).unwrap_or_default())
    });
    let empty = move || items.with(|b| b.iter().all(|b| b.amount.is_zero()));
    view! {
        <section class="card charts" aria-labelledby="chart-title">
            <h2 id="chart-title">{ctx.text(Key::WhereMoneyGoes)}</h2>
            <Show when=move || !empty() fallback=move || view! { <p class="hint">{ctx.text(Key::NothingToChart)}</p> }>
                <Bars title=Signal::derive(move || ctx.t(Key::ByService).to_owned()) bars=services.into() testid="chart-services" />
                <Bars title=Signal::derive(move || ctx.t(Key::ByItem).to_owned()) bars=items.into() testid="chart-items" />
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_shares_round() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(length(d("70.08"), d("70.08")), "600");
        assert_eq!(length(d("2.40"), d("70.08")), "20.5");
        assert_eq!(length(d("0"), d("0")), "0");
        assert_eq!(percent(d("1"), d("3")), d("33"));
        assert_eq!(percent(d("1"), d("0")), d("0"));
    }
}
