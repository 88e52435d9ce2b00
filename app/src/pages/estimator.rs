//! The estimator: settings, item cards and the live bill on one page, no wizard.

use leptos::prelude::*;
use model::Service;

use crate::components::bill::Bill;
use crate::components::chart::Chart;
use crate::components::fields::FieldError;
use crate::components::item_card::ItemCard;
use crate::components::regions::CompareRegions;
use crate::components::share::SharePanel;
use crate::i18n::{Key, names};
use crate::state::Ctx;

/// The estimate-level settings: name, region, hours per month, free tier.
#[component]
fn Settings() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let regions = Memo::new(move |_| {
        let current = ctx.form.with(|f| f.region.clone());
        let mut list = ctx.catalog.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.regions
                        .iter()
                        .map(|r| (r.code.clone(), format!("{} · {}", r.code, r.name)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        });
        if !list.iter().any(|(c, _)| *c == current) {
            list.insert(0, (current.clone(), current));
        }
        list
    });
    let region = Memo::new(move |_| ctx.form.with(|f| f.region.clone()));
    view! {
        <section class="card settings" aria-labelledby="settings-title">
            <h2 id="settings-title" class="sr-only">{ctx.text(Key::EstimateName)}</h2>
            <div class="grid">
                <div class="field">
                    <label for="est-name">{ctx.text(Key::EstimateName)}</label>
                    <input id="est-name" type="text" autocomplete="off" data-testid="estimate-name"
                        prop:value=move || ctx.form.with(|f| f.name.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); ctx.edit(|f| f.name = v) } />
                    <FieldError uid=None path="name" id="est-name-err" />
                </div>
                <div class="field">
                    <label for="est-region">{ctx.text(Key::Region)}</label>
                    <select id="est-region" data-testid="region" aria-describedby="est-region-err"
                        on:change=move |ev| { let v = event_target_value(&ev); ctx.act(|f| f.region = v) }>
                        {move || {
                            let cur = region.get();
                            regions.get().into_iter().map(|(code, text)| {
                                let selected = code == cur;
                                view! { <option value=code prop:selected=selected>{text}</option> }
                            }).collect_view()
                        }}
                    </select>
                    <FieldError uid=None path="region" id="est-region-err" />
                </div>
                <div class="field">
                    <label for="est-hours">{ctx.text(Key::HoursPerMonth)}</label>
                    <input id="est-hours" type="text" inputmode="decimal" placeholder="730" autocomplete="off" data-testid="hours-per-month"
                        aria-describedby="est-hours-err"
                        prop:value=move || ctx.form.with(|f| f.hours_per_month.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); ctx.edit(|f| f.hours_per_month = v) } />
                    <span class="hint">{ctx.text(Key::HoursPerMonthHint)}</span>
                    <FieldError uid=None path="hours_per_month" id="est-hours-err" />
                </div>
                <div class="field check">
                    <input id="est-free" type="checkbox" data-testid="free-tier"
                        prop:checked=move || ctx.form.with(|f| f.free_tier)
                        on:change=move |ev| { let on = event_target_checked(&ev); ctx.edit(|f| f.free_tier = on) } />
                    <label for="est-free">{ctx.text(Key::FreeTier)}</label>
                </div>
            </div>
        </section>
    }
}

/// The buttons that add a card of each service.
#[component]
fn AddBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <nav class="add-bar no-print" aria-label=move || ctx.t(Key::AddItem)>
            <span class="add-label">{ctx.text(Key::AddItem)} ":"</span>
            {Service::ALL.iter().map(|&s| view! {
                <button type="button" data-testid=format!("add-{}", s.as_str()) title=names::service(s) on:click=move |_| ctx.add(s)>
                    "+ " {names::service(s)}
                </button>
            }).collect_view()}
        </nav>
    }
}

/// The whole estimator page.
#[component]
pub fn EstimatorPage() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let uids = move || {
        ctx.form
            .with(|f| f.items.iter().map(|i| i.uid).collect::<Vec<_>>())
    };
    let empty = Memo::new(move |_| ctx.form.with(|f| f.items.is_empty()));
    view! {
        <main id="main" class="layout">
            <div class="compose">
                <Show when=move || ctx.link_error.get().is_some()>
                    <div class="banner error" role="alert" data-testid="link-error">
                        <strong>{ctx.text(Key::BrokenLink)}</strong>
                        ": " {move || ctx.link_error.get().unwrap_or_default()}
                    </div>
                </Show>
                <Settings />
                <AddBar />
                <p class="empty" hidden=move || !empty.get() data-testid="empty">{ctx.text(Key::Empty)}</p>
                <div class="cards">
                    <For each=uids key=|uid| *uid let:uid>
                        <ItemCard uid=uid />
                    </For>
                </div>
            </div>
            // On phones the bill is below the cards: keep the monthly total in sight while typing.
            <div class="mobile-total no-print" aria-hidden="true">
                <span>{ctx.text(Key::Monthly)}</span>
                <strong>{move || ctx.priced.with(|p| p.as_ref().map(|(_, r)| crate::format::usd(r.totals.monthly.amount()))).unwrap_or_default()}</strong>
            </div>
            <aside class="summary">
                <Bill />
                <Chart />
                <SharePanel />
                <CompareRegions />
            </aside>
        </main>
    }
}
