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
use crate::cumulative::{self, letter};
use crate::form::{Ec2PricingForm, SpecForm};
use crate::format;
use crate::i18n::{Key, Lang, names};
use crate::state::Ctx;

/// How long editing must pause before an open comparison is re-run.
const DEBOUNCE_MS: u32 = 250;

/// A figure of the table: the value, or "—" for one the API left out, with its reason for the
/// pointer and for screen readers. One view type for every cell keeps the WASM small.
fn figure(value: Option<String>, reason: String) -> impl IntoView {
    let text = value.unwrap_or_else(|| "—".to_owned());
    let dash = text == "—";
    let title = (dash && !reason.is_empty()).then(|| reason.clone());
    view! {
        <span class:na=dash title=title>{text}{(dash && !reason.is_empty()).then(move || view! { <span class="sr-only">" " {reason}</span> })}</span>
    }
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
                <button type="button" class="link" data-testid=testid on:click=move |_| sort.set(by)>{ctx.text(key)}</button>
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
                {ctx.text(Key::ComparePricing)}
            </button>
        </div>
        <Show when=move || open.get()>
            <section id=panel_id.clone() class="compare-panel no-print" data-testid="pricing-panel"
                aria-labelledby=title_id.clone() on:keydown=on_key.clone()>
                <div class="panel-head">
                    <h4 id=title_id.clone() tabindex="-1">{ctx.text(Key::ComparePricing)}</h4>
                    <button type="button" data-testid="close-compare" on:click={
                        let close = close_button.clone();
                        move |_| close()
                    }>{ctx.text(Key::Close)}</button>
                </div>
                <p class="hint">{ctx.text(Key::PricingCompareNote)}</p>
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
                                <p class="price-date">{ctx.text(Key::PriceDate)} ": " {r.price_date.clone()}</p>
                                <div class="table-wrap">
                                    <table class="lines options" data-testid="pricing-table">
                                        <thead>
                                            <tr>
                                                <th scope="col" aria-sort=move || if sort.get() == PricingSort::Listed { "ascending" } else { "none" }>
                                                    <button type="button" class="link" data-testid="sort-listed" on:click=move |_| sort.set(PricingSort::Listed)>{ctx.text(Key::PricingOption)}</button>
                                                </th>
                                                <th scope="col"><span class="sr-only">{ctx.text(Key::Apply)}</span></th>
                                                <th scope="col" class="num">{ctx.text(Key::Upfront)}</th>
                                                <th scope="col" class="num">{ctx.text(Key::Monthly)}</th>
                                                {header(PricingSort::EffectiveMonthly, Key::EffectiveMonthly, "sort-effective")}
                                                <th scope="col" class="num">{ctx.text(Key::Total1yr)}</th>
                                                {header(PricingSort::Total3yr, Key::Total3yr, "sort-3yr")}
                                                <th scope="col" class="num">{ctx.text(Key::SavingVsOnDemand)}</th>
                                                <th scope="col" class="num">{ctx.text(Key::BreakEvenMonth)}</th>
                                                <th scope="col" class="num">{ctx.text(Key::BreakEvenUtilization)}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {
                                                let options = options.clone();
                                                move || {
                                                    let lang = ctx.lang.get();
                                                    compare::sort_options(options.clone(), sort.get()).into_iter().map(|o| {
                                                        let apply = apply.clone();
                                                        view! { <OptionRow option=o lang=lang current=current apply=apply /> }
                                                    }).collect_view()
                                                }
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

/// One row of the options table, its texts in `lang` (the rows are rebuilt when it changes).
#[component]
fn OptionRow<A>(
    option: PricingOption,
    lang: Lang,
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
    // On-Demand is the baseline: its saving and break-even figures are empty by definition.
    let reason = if pricing == Ec2Pricing::OnDemand {
        String::new()
    } else {
        o.notes.join("; ")
    };
    let money = |u: Usd| figure(Some(format::usd(u.amount())), String::new());
    view! {
        <tr data-testid="pricing-row" data-option=compare::option_key(&pricing) class:current=move || is_current.get()>
            <th scope="row">
                <span data-testid="option-name">{names::pricing_option(lang, &pricing)}</span>
            </th>
            <td>
                <button type="button" data-testid="apply-pricing" disabled=move || is_current.get()
                    on:click=move |_| apply(pricing)>
                    {move || if is_current.get() { ctx.t(Key::CurrentChoice) } else { ctx.t(Key::Apply) }}
                </button>
            </td>
            <td class="num" data-testid="upfront">{money(o.upfront)}</td>
            <td class="num" data-testid="monthly">{money(o.monthly)}</td>
            <td class="num" data-testid="effective-monthly">{money(o.effective_monthly)}</td>
            <td class="num" data-testid="total-1yr">{money(o.total_1yr)}</td>
            <td class="num" data-testid="total-3yr">{money(o.total_3yr)}</td>
            <td class="num" data-testid="saving">{figure(o.saving_vs_on_demand_percent.map(percent), String::new())}</td>
            <td class="num" data-testid="break-even-month">{figure(o.break_even_month.map(|m| names::month(lang, m)), reason.clone())}</td>
            <td class="num" data-testid="break-even-utilization">{figure(o.break_even_utilization_percent.map(percent), reason)}</td>
        </tr>
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
            <figcaption>{ctx.text(Key::CumulativeCost)}</figcaption>
            <div class="chart-svg" inner_html=move || {
                let lang = ctx.lang.get();
                picked.with(|p| cumulative::svg(p, &summary(lang, p), lang.t(Key::MonthAxis)))
            } />
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
                            {format::usd(o.total_3yr.amount())} " (" {ctx.text(Key::Total3yr)} ")"
                            {o.break_even_month.map(|m| view! { " · " {move || names::breaks_even(ctx.lang.get(), m)} })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <p class="hint">{ctx.text(Key::ChartShows)}</p>
        </figure>
    }
}
