//! "Compare pricing options" on an EC2 card: every way to pay for the item as entered, a
//! 36-month cumulative chart, and one click to apply an option to the card.
//!
//! The panel opens inline under the card. Focus moves to its heading when it opens; Escape or
//! Close shuts it and gives focus back to the button. While it is open, editing the card
//! re-runs the comparison (debounced like the bill); applying an option does not, because the
//! comparison does not depend on the card's own pricing.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use model::compare::{ComparePricingResponse, PricingOption};
use model::{Ec2Pricing, Usd};
use rust_decimal::Decimal;

use crate::api;
use crate::browser::focus_soon;
use crate::compare::{self, PricingSort};
use crate::form::{Ec2PricingForm, SpecForm};
use crate::format;
use crate::i18n::{Key, Lang, names};
use crate::state::Ctx;

/// How long editing must pause before an open comparison is re-run.
const DEBOUNCE_MS: u32 = 250;

/// "—" for a figure the API left out, with its reason for the pointer and for screen readers.
fn missing(reason: String) -> AnyView {
    let title = reason.clone();
    view! {
        <span class="na" title=title>"—"{(!reason.is_empty()).then(move || view! { <span class="sr-only">" " {reason}</span> })}</span>
    }
    .into_any()
}

/// A percentage from the API: `28.77%`.
fn percent(p: Decimal) -> String {
    format!("{}%", format::quantity(p))
}

/// The comparison panel and its button, for the EC2 card `uid`.
#[component]
pub fn ComparePricing(uid: u32) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let result = RwSignal::new(None::<Result<ComparePricingResponse, String>>);
    let busy = RwSignal::new(false);
    let sort = RwSignal::new(PricingSort::Listed);
    let seq = StoredValue::new(0u64);
    let button_id = format!("cmp-pricing-{uid}");
    let panel_id = format!("cmp-pricing-panel-{uid}");
    let title_id = format!("cmp-pricing-title-{uid}");
    let request = Memo::new(move |_| ctx.form.with(|f| compare::pricing_request(f, uid)));
    let current = Memo::new(move |_| {
        ctx.form.with(|f| match f.item(uid).map(|i| &i.spec) {
            Some(SpecForm::Ec2(e)) => Some(e.pricing.clone()),
            _ => None,
        })
    });
    // Runs the comparison while the panel is open, again whenever the item changes.
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let my = seq.get_value() + 1;
        seq.set_value(my);
        let Ok(req) = request.get() else {
            busy.set(false);
            result.set(None);
            return;
        };
        busy.set(true);
        spawn_local(async move {
            TimeoutFuture::new(DEBOUNCE_MS).await;
            // The card may be gone (removed, or switched to another service) by now.
            if seq.try_get_value() != Some(my) {
                return;
            }
            let answer = api::compare_pricing(&req)
                .await
                .map_err(|e| e.error.message);
            if seq.try_get_value() != Some(my) {
                return;
            }
            result.try_set(Some(answer));
            busy.try_set(false);
        });
    });
    let close = {
        let button_id = button_id.clone();
        move || {
            open.set(false);
            focus_soon(button_id.clone());
        }
    };
    let toggle = {
        let title_id = title_id.clone();
        let close = close.clone();
        move |_| {
            if open.get_untracked() {
                close();
            } else {
                open.set(true);
                focus_soon(title_id.clone());
            }
        }
    };
    let on_key = {
        let close = close.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Escape" {
                ev.prevent_default();
                close();
            }
        }
    };
    let apply = {
        let title_id = title_id.clone();
        move |pricing: Ec2Pricing| {
            ctx.act(|f| {
                if let Some(SpecForm::Ec2(e)) = f.item_mut(uid).map(|i| &mut i.spec) {
                    compare::apply_pricing(&mut e.pricing, &pricing);
                }
            });
            // The clicked button becomes "Current" and disabled: keep focus in the panel.
            focus_soon(title_id.clone());
        }
    };
    let header = move |by: PricingSort, key: Key, testid: &'static str| {
        view! {
            <th scope="col" class="num" aria-sort=move || if sort.get() == by { "ascending" } else { "none" }>
                <button type="button" class="link" data-testid=testid on:click=move |_| sort.set(by)>{move || ctx.t(key)}</button>
            </th>
        }
    };
    let close_button = close.clone();
    view! {
        <div class="decide no-print">
            <button type="button" id=button_id data-testid="compare-pricing"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=panel_id.clone()
                on:click=toggle>
                {move || ctx.t(Key::ComparePricing)}
            </button>
        </div>
        <Show when=move || open.get()>
            <section id=panel_id.clone() class="compare-panel no-print" data-testid="pricing-panel"
                aria-labelledby=title_id.clone() on:keydown=on_key.clone()>
                <div class="panel-head">
                    <h4 id=title_id.clone() tabindex="-1">{move || ctx.t(Key::ComparePricing)}</h4>
                    <button type="button" data-testid="close-compare" on:click={
                        let close = close_button.clone();
                        move |_| close()
                    }>{move || ctx.t(Key::Close)}</button>
                </div>
                <p class="hint">{move || ctx.t(Key::PricingCompareNote)}</p>
                <p class="status" aria-live="polite" data-testid="pricing-status">
                    {move || {
                        if request.with(|r| r.is_err()) {
                            ctx.t(Key::FixToCompare)
                        } else if busy.get() {
                            ctx.t(Key::Calculating)
                        } else {
                            ""
                        }
                    }}
                </p>
                {
                    let apply = apply.clone();
                    move || match result.get() {
                        None => ().into_any(),
                        Some(Err(e)) => view! { <p class="field-error" role="alert" data-testid="pricing-error">{e}</p> }.into_any(),
                        Some(Ok(r)) => {
                            let options = r.options.clone();
                            let apply = apply.clone();
                            view! {
                                <p class="price-date">{move || ctx.t(Key::PriceDate)} ": " {r.price_date.clone()}</p>
                                <div class="table-wrap">
                                    <table class="lines options" data-testid="pricing-table">
                                        <thead>
                                            <tr>
                                                <th scope="col" aria-sort=move || if sort.get() == PricingSort::Listed { "ascending" } else { "none" }>
                                                    <button type="button" class="link" data-testid="sort-listed" on:click=move |_| sort.set(PricingSort::Listed)>{move || ctx.t(Key::PricingOption)}</button>
                                                </th>
                                                <th scope="col" class="num">{move || ctx.t(Key::Upfront)}</th>
                                                <th scope="col" class="num">{move || ctx.t(Key::Monthly)}</th>
                                                {header(PricingSort::EffectiveMonthly, Key::EffectiveMonthly, "sort-effective")}
                                                <th scope="col" class="num">{move || ctx.t(Key::Total1yr)}</th>
                                                {header(PricingSort::Total3yr, Key::Total3yr, "sort-3yr")}
                                                <th scope="col" class="num">{move || ctx.t(Key::SavingVsOnDemand)}</th>
                                                <th scope="col" class="num">{move || ctx.t(Key::BreakEvenMonth)}</th>
                                                <th scope="col" class="num">{move || ctx.t(Key::BreakEvenUtilization)}</th>
                                                <th scope="col"><span class="sr-only">{move || ctx.t(Key::Apply)}</span></th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {
                                                let options = options.clone();
                                                move || compare::sort_options(options.clone(), sort.get()).into_iter().map(|o| {
                                                    let apply = apply.clone();
                                                    view! { <OptionRow option=o current=current apply=apply /> }
                                                }).collect_view()
                                            }
                                        </tbody>
                                    </table>
                                </div>
                                <CumulativeChart options=options current=current />
                            }.into_any()
                        }
                    }
                }
            </section>
        </Show>
    }
}

/// One row of the options table.
#[component]
fn OptionRow<A>(
    option: PricingOption,
    current: Memo<Option<Ec2PricingForm>>,
    apply: A,
) -> impl IntoView
where
    A: Fn(Ec2Pricing) + Clone + Send + Sync + 'static,
{
    let ctx = expect_context::<Ctx>();
    let o = option;
    let pricing = o.pricing;
    let is_current = Memo::new(move |_| {
        current.with(|c| c.as_ref().is_some_and(|c| compare::is_current(c, &pricing)))
    });
    let is_on_demand = pricing == Ec2Pricing::OnDemand;
    let reason = o.notes.join("; ");
    let money = |u: Usd| format::usd(u.amount());
    let saving = match o.saving_vs_on_demand_percent {
        Some(p) => percent(p).into_any(),
        None => missing(String::new()).into_any(),
    };
    // On-Demand is the baseline: its break-even figures are empty by definition.
    let break_even_month = o.break_even_month;
    let break_even_use = match o.break_even_utilization_percent {
        Some(p) => percent(p).into_any(),
        None if is_on_demand => missing(String::new()),
        None => missing(reason.clone()),
    };
    let month_reason = if is_on_demand {
        String::new()
    } else {
        reason.clone()
    };
    view! {
        <tr data-testid="pricing-row" data-option=compare::option_key(&pricing) class:current=move || is_current.get()>
            <th scope="row">
                <span data-testid="option-name">{move || names::pricing_option(ctx.lang.get(), &pricing)}</span>
                {move || is_current.get().then(|| view! { " " <span class="badge">{move || ctx.t(Key::CurrentChoice)}</span> })}
            </th>
            <td class="num" data-testid="upfront">{money(o.upfront)}</td>
            <td class="num" data-testid="monthly">{money(o.monthly)}</td>
            <td class="num" data-testid="effective-monthly">{money(o.effective_monthly)}</td>
            <td class="num" data-testid="total-1yr">{money(o.total_1yr)}</td>
            <td class="num" data-testid="total-3yr">{money(o.total_3yr)}</td>
            <td class="num" data-testid="saving">{saving}</td>
            <td class="num" data-testid="break-even-month">
                {match break_even_month {
                    Some(m) => (move || names::month(ctx.lang.get(), m)).into_any(),
                    None => missing(month_reason),
                }}
            </td>
            <td class="num" data-testid="break-even-utilization">{break_even_use}</td>
            <td>
                <button type="button" data-testid="apply-pricing" disabled=move || is_current.get()
                    on:click=move |_| apply(pricing)>
                    {move || if is_current.get() { ctx.t(Key::CurrentChoice) } else { ctx.t(Key::Apply) }}
                </button>
            </td>
        </tr>
    }
}

/// Chart geometry, in SVG user units.
const WIDTH: i64 = 640;
const HEIGHT: i64 = 300;
const LEFT: i64 = 78;
const RIGHT: i64 = 40;
const TOP: i64 = 12;
const BOTTOM: i64 = 40;
const MONTHS: i64 = 36;

/// The letter that names a line in the chart and its legend.
fn letter(n: usize) -> &'static str {
    ["A", "B", "C", "D", "E", "F"]
        .get(n)
        .copied()
        .unwrap_or("?")
}

/// An SVG coordinate to one decimal place.
fn coord(d: Decimal) -> String {
    d.round_dp(1).normalize().to_string()
}

/// The x of month `m` (1..=36).
fn x_of(m: i64) -> Decimal {
    let plot = Decimal::from(WIDTH - LEFT - RIGHT);
    Decimal::from(LEFT) + plot * Decimal::from(m - 1) / Decimal::from(MONTHS - 1)
}

/// The y of an amount on a scale up to `max`.
fn y_of(amount: Decimal, max: Decimal) -> Decimal {
    let plot = Decimal::from(HEIGHT - TOP - BOTTOM);
    let bottom = Decimal::from(HEIGHT - BOTTOM);
    if max.is_zero() {
        bottom
    } else {
        bottom - plot * amount / max
    }
}

/// The cumulative cost of the picked options over 36 months, one dashed line each, labelled with
/// letters at their ends and in a legend (so it reads without colour), break-even months marked.
#[component]
fn CumulativeChart(
    options: Vec<PricingOption>,
    current: Memo<Option<Ec2PricingForm>>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let picked = Memo::new(move |_| {
        let c = current.get().unwrap_or_default();
        compare::chart_picks(&options, &c)
            .into_iter()
            .map(|i| options[i].clone())
            .collect::<Vec<_>>()
    });
    let summary = move |lang: Lang, lines: &[PricingOption]| {
        let parts: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(n, o)| {
                let mut s = format!(
                    "{} {}: {} {}",
                    letter(n),
                    names::pricing_option(lang, &o.pricing),
                    lang.t(Key::Total3yr),
                    format::usd(o.total_3yr.amount())
                );
                if let Some(m) = o.break_even_month {
                    s.push_str(&format!(", {}", names::breaks_even(lang, m)));
                }
                s
            })
            .collect();
        format!("{}. {}", lang.t(Key::CumulativeCost), parts.join("; "))
    };
    view! {
        <figure class="chart cumulative" data-testid="pricing-chart">
            <figcaption>{move || ctx.t(Key::CumulativeCost)}</figcaption>
            <svg class="lines-chart" role="img" width="100%" preserveAspectRatio="xMinYMin meet"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                aria-label=move || picked.with(|p| summary(ctx.lang.get(), p))>
                {move || {
                    let lines = picked.get();
                    let max = lines
                        .iter()
                        .flat_map(|o| o.cumulative.iter().map(|c| c.amount()))
                        .max()
                        .unwrap_or_default();
                    let bottom = HEIGHT - BOTTOM;
                    let right = WIDTH - RIGHT;
                    let axes = view! {
                        <line class="axis" x1=LEFT.to_string() y1=TOP.to_string() x2=LEFT.to_string() y2=bottom.to_string() />
                        <line class="axis" x1=LEFT.to_string() y1=bottom.to_string() x2=right.to_string() y2=bottom.to_string() />
                        {[Decimal::ZERO, max / Decimal::TWO, max].into_iter().map(|v| {
                            let y = coord(y_of(v, max));
                            view! {
                                <line class="grid-line" x1=LEFT.to_string() x2=right.to_string() y1=y.clone() y2=y.clone() />
                                <text class="tick" x=(LEFT - 6).to_string() y=y text-anchor="end" dominant-baseline="middle">{format!("${}", format::fixed(v, 0))}</text>
                            }
                        }).collect_view()}
                        {[1i64, 12, 24, 36].into_iter().map(|m| view! {
                            <text class="tick" x=coord(x_of(m)) y=(bottom + 16).to_string() text-anchor="middle">{m.to_string()}</text>
                        }).collect_view()}
                        <text class="tick" x=coord(x_of(18)) y=(HEIGHT - 4).to_string() text-anchor="middle">{move || ctx.t(Key::MonthAxis)}</text>
                    };
                    let ends: Vec<Decimal> = lines
                        .iter()
                        .map(|o| y_of(o.cumulative.last().map(|c| c.amount()).unwrap_or_default(), max))
                        .collect();
                    let label_ys = compare::spread(&ends, Decimal::from(16), Decimal::from(bottom));
                    let drawn = lines.iter().enumerate().map(|(n, o)| {
                        let points: Vec<String> = o
                            .cumulative
                            .iter()
                            .zip(1i64..=MONTHS)
                            .map(|(c, m)| format!("{},{}", coord(x_of(m)), coord(y_of(c.amount(), max))))
                            .collect();
                        let marker = o.break_even_month.and_then(|m| {
                            let at = o.cumulative.get(usize::try_from(m).ok()?.checked_sub(1)?)?;
                            let (x, y) = (coord(x_of(i64::from(m))), coord(y_of(at.amount(), max)));
                            Some(view! { <circle class=format!("break-even s{n}") cx=x cy=y r="5" /> })
                        });
                        view! {
                            <g class=format!("series s{n}") data-testid="chart-line" data-option=compare::option_key(&o.pricing)>
                                <polyline class="line" points=points.join(" ") />
                                {marker}
                                <text class="end-label" x=(right + 6).to_string() y=coord(label_ys[n]) dominant-baseline="middle">{letter(n)}</text>
                            </g>
                        }
                    }).collect_view();
                    view! { {axes} {drawn} }
                }}
            </svg>
            <ol class="legend" data-testid="chart-legend">
                {move || picked.get().into_iter().enumerate().map(|(n, o)| {
                    let pricing = o.pricing;
                    view! {
                        <li>
                            <svg class="key" viewBox="0 0 36 10" width="36" height="10" aria-hidden="true">
                                <line class=format!("line s{n}") x1="0" y1="5" x2="36" y2="5" />
                            </svg>
                            <strong>{letter(n)}</strong> " "
                            {move || names::pricing_option(ctx.lang.get(), &pricing)} ": "
                            {format::usd(o.total_3yr.amount())} " (" {move || ctx.t(Key::Total3yr)} ")"
                            {o.break_even_month.map(|m| view! { " · " {move || names::breaks_even(ctx.lang.get(), m)} })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <p class="hint">{move || ctx.t(Key::ChartShows)}</p>
        </figure>
    }
}
