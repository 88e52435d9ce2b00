//! The live bill: totals (announced politely to screen readers), per-item totals and each item's
//! line items with the arithmetic behind them, plus an optional conversion to another currency.

use leptos::prelude::*;
use model::{EstimateResponse, ItemCost};
use rust_decimal::Decimal;

use crate::disclosure::{Disclosure, OpenDisclosures};
use crate::format::{self, Conversion};
use crate::i18n::{Key, names};
use crate::state::Ctx;

/// The totals box, the per-item table and the currency conversion.
#[component]
pub fn Bill() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let response = Memo::new(move |_| ctx.priced.with(|p| p.as_ref().map(|(_, r)| r.clone())));
    let code = RwSignal::new(String::new());
    let rate = RwSignal::new(String::new());
    let conversion = Memo::new(move |_| Conversion::parse(&code.get(), &rate.get()));
    let has_errors = Memo::new(move |_| ctx.errors.with(|e| !e.is_empty()));
    let total = move |pick: fn(&EstimateResponse) -> Decimal| {
        response
            .with(|r| r.as_ref().map(|r| format::usd(pick(r))))
            .unwrap_or_else(|| "—".to_owned())
    };
    let converted = move |pick: fn(&EstimateResponse) -> Decimal| {
        let c = conversion.get()?;
        response.with(|r| r.as_ref().map(|r| c.format(pick(r))))
    };
    view! {
        <section class="card bill" aria-labelledby="bill-title" data-testid="bill">
            <h2 id="bill-title">{ctx.text(Key::Bill)}</h2>
            <div class="totals" aria-live="polite" aria-atomic="true" data-testid="totals">
                <div class="total main">
                    <span class="total-label">{ctx.text(Key::Monthly)}</span>
                    <span class="total-value" data-testid="total-monthly">{move || total(|r| r.totals.monthly.amount())}</span>
                </div>
                <div class="total">
                    <span class="total-label">{ctx.text(Key::Upfront)}</span>
                    <span class="total-value" data-testid="total-upfront">{move || total(|r| r.totals.upfront.amount())}</span>
                </div>
                <div class="total">
                    <span class="total-label">{ctx.text(Key::First12Months)}</span>
                    <span class="total-value" data-testid="total-first-12">{move || total(|r| r.totals.first_12_months.amount())}</span>
                </div>
                <div class="total">
                    <span class="total-label">{ctx.text(Key::EffectiveMonthly)}</span>
                    <span class="total-value" data-testid="total-effective">{move || total(|r| r.totals.effective_monthly.amount())}</span>
                </div>
            </div>
            // Reserved space: the status line never moves the layout.
            <p class="status" data-testid="bill-status">
                {move || {
                    if has_errors.get() {
                        ctx.t(Key::FixErrors).to_owned()
                    } else if ctx.pending.get() {
                        ctx.t(Key::Updating).to_owned()
                    } else {
                        "\u{a0}".to_owned()
                    }
                }}
            </p>
            <p class="price-date" hidden=move || response.with(|r| r.is_none())>
                {ctx.text(Key::PriceDate)} " "
                <span data-testid="price-date">{move || response.with(|r| r.as_ref().map(|r| r.price_date.clone())).unwrap_or_default()}</span>
            </p>
            <Show when=move || conversion.get().is_some()>
                <div class="converted" data-testid="converted">
                    <p>
                        <strong>{ctx.text(Key::Converted)}</strong> ": "
                        {ctx.text(Key::Monthly)} " " {move || converted(|r| r.totals.monthly.amount())} " · "
                        {ctx.text(Key::First12Months)} " " {move || converted(|r| r.totals.first_12_months.amount())}
                    </p>
                    <p class="hint">{ctx.text(Key::ConversionNote)} " (1 USD = " {move || rate.get()} " " {move || code.get().to_uppercase()} ")"</p>
                </div>
            </Show>
            <details class="currency no-print">
                <summary>{ctx.text(Key::Currency)}</summary>
                <div class="grid">
                    <div class="field">
                        <label for="cur-code">{ctx.text(Key::CurrencyCode)}</label>
                        <input id="cur-code" type="text" maxlength="3" placeholder="KRW" autocomplete="off" data-testid="currency-code"
                            prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="cur-rate">{ctx.text(Key::Rate)}</label>
                        <input id="cur-rate" type="text" inputmode="decimal" placeholder="1380" autocomplete="off" data-testid="currency-rate"
                            prop:value=move || rate.get() on:input=move |ev| rate.set(event_target_value(&ev)) />
                    </div>
                </div>
            </details>
            <GlobalErrors />
            <ItemTotals response=response />
        </section>
    }
}

/// Errors that concern the whole estimate rather than one card.
#[component]
fn GlobalErrors() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let errors = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.errors.with(|e| {
            e.iter()
                .filter(|e| {
                    e.uid.is_none()
                        && !matches!(e.path.as_str(), "region" | "hours_per_month" | "name")
                })
                .map(|e| {
                    if e.path.is_empty() {
                        e.message.show(lang)
                    } else {
                        format!("{}: {}", e.path, e.message.show(lang))
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <ul class="card-errors" role="alert" hidden=move || errors.with(|e| e.is_empty())>
            {move || errors.get().into_iter().map(|e| view! { <li data-testid="global-error">{e}</li> }).collect_view()}
        </ul>
    }
}

/// Per-item totals, each expandable into its line items.
#[component]
fn ItemTotals(response: Memo<Option<EstimateResponse>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let items = move || response.with(|r| r.as_ref().map(|r| r.items.clone()).unwrap_or_default());
    // An item is rebuilt whenever its figures change; what the person had open is kept here and
    // reapplied, so a re-price never closes a breakdown they are reading.
    let open = StoredValue::new(OpenDisclosures::default());
    Effect::new(move |_| {
        response.with(|r| {
            if let Some(r) = r {
                open.update_value(|o| o.keep_items(r.items.iter().map(|i| i.id.as_str())));
            }
        })
    });
    view! {
        <div class="items" data-testid="item-totals">
            // Keyed by everything a breakdown shows (its region, every line and formula), so any
            // change rebuilds it; `OpenDisclosures` reopens what was open.
            <For each=items key=|i: &ItemCost| serde_json::to_string(i).unwrap_or_else(|_| i.id.clone()) let:item>
                <ItemBreakdown item=item open=open />
            </For>
        </div>
        <p class="hint" hidden=move || response.with(|r| r.as_ref().is_some_and(|r| !r.items.is_empty()))>{ctx.text(Key::Empty)}</p>
    }
}

/// Records the new state of the `<details>` that fired a `toggle` event under `d`.
fn remember(open: StoredValue<OpenDisclosures>, d: Disclosure) -> impl Fn(leptos::ev::Event) {
    move |ev| {
        let is_open = event_target::<web_sys::Element>(&ev).has_attribute("open");
        open.update_value(|o| o.set(d.clone(), is_open));
    }
}

/// One item's total with its line items in a disclosure, open if the person left it open.
#[component]
fn ItemBreakdown(item: ItemCost, open: StoredValue<OpenDisclosures>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let this = Disclosure::Item(item.id.clone());
    let was_open = open.with_value(|o| o.is_open(&this));
    let item_id = item.id.clone();
    let name = item.label.clone().unwrap_or_else(|| item.id.clone());
    let monthly = format::usd(item.monthly.amount());
    let upfront = (!item.upfront.is_zero()).then(|| format::usd(item.upfront.amount()));
    let warnings = item.warnings.clone();
    let lines = item.line_items.clone();
    view! {
        <details class="item-cost" data-testid="item-cost" data-item=item.id.clone() open=was_open on:toggle=remember(open, this)>
            <summary>
                <span class="item-name">{name}</span>
                <span class="item-meta">{names::service(item.service)} " · " {item.region.clone()}</span>
                <span class="item-amount" data-testid="item-total">{monthly}{ctx.text(Key::PerMonth)}</span>
                {upfront.map(|u| view! { <span class="item-upfront">" + " {u} " " {ctx.text(Key::Upfront)}</span> })}
            </summary>
            <div class="table-wrap">
                <table class="lines">
                    <caption class="sr-only">{ctx.text(Key::Breakdown)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ctx.text(Key::LineItem)}</th>
                            <th scope="col" class="num">{ctx.text(Key::Quantity)}</th>
                            <th scope="col">{ctx.text(Key::Unit)}</th>
                            <th scope="col" class="num">{ctx.text(Key::UnitPrice)}</th>
                            <th scope="col" class="num">{ctx.text(Key::Amount)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {lines.into_iter().map(|l| {
                            let calculation = Disclosure::Line { item: item_id.clone(), line: l.name.clone() };
                            let was_open = open.with_value(|o| o.is_open(&calculation));
                            view! {
                                <tr data-testid="line-item">
                                    <td>
                                        {l.name.clone()}
                                        <details class="formula" open=was_open on:toggle=remember(open, calculation)>
                                            <summary>{ctx.text(Key::ShowCalculation)}</summary>
                                            <code data-testid="formula">{l.formula.clone()}</code>
                                        </details>
                                    </td>
                                    <td class="num">{format::quantity(l.quantity)}</td>
                                    <td class="unit">{move || names::unit(ctx.lang.get(), l.unit)}</td>
                                    <td class="num">{format::unit_price(l.unit_price)}</td>
                                    <td class="num" data-testid="line-amount">{format::usd(l.amount.amount())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(!warnings.is_empty()).then(|| view! {
                <ul class="warnings" aria-label=move || ctx.t(Key::Warnings)>
                    {warnings.into_iter().map(|w| view! { <li>{w.message}</li> }).collect_view()}
                </ul>
            })}
        </details>
    }
}
