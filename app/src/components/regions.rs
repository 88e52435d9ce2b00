//! "Compare regions": the whole estimate priced in every region, sortable, one click to move.

use leptos::prelude::*;
use leptos::task::spawn_local;
use model::compare::{CompareRegionsResponse, RegionTotal};

use crate::api;
use crate::format;
use crate::i18n::Key;
use crate::state::Ctx;

/// The column the table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortBy {
    Region,
    Monthly,
}

/// Sorts rows: complete estimates first, then by the column.
fn sorted(mut rows: Vec<RegionTotal>, by: SortBy) -> Vec<RegionTotal> {
    rows.sort_by(|a, b| match by {
        SortBy::Region => a.name.cmp(&b.name),
        SortBy::Monthly => a
            .incomplete
            .cmp(&b.incomplete)
            .then(a.totals.monthly.cmp(&b.totals.monthly)),
    });
    rows
}

/// The region comparison, fetched on request.
#[component]
pub fn CompareRegions() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let result = RwSignal::new(None::<Result<CompareRegionsResponse, String>>);
    let busy = RwSignal::new(false);
    let sort = RwSignal::new(SortBy::Monthly);
    let run = move |_| {
        let Some(request) = ctx
            .priced
            .with_untracked(|p| p.as_ref().map(|(q, _)| q.clone()))
        else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let answer = api::compare_regions(&request)
                .await
                .map_err(|e| e.error.message);
            result.set(Some(answer));
            busy.set(false);
        });
    };
    let header = move |by: SortBy, key: Key| {
        let testid = match by {
            SortBy::Region => "sort-region",
            SortBy::Monthly => "sort-monthly",
        };
        view! {
            <th scope="col" aria-sort=move || if sort.get() == by { "ascending" } else { "none" }>
                <button type="button" class="link" data-testid=testid on:click=move |_| sort.set(by)>{move || ctx.t(key)}</button>
            </th>
        }
    };
    view! {
        <section class="card regions no-print" aria-labelledby="regions-title">
            <h2 id="regions-title">{ctx.text(Key::CompareRegions)}</h2>
            <button type="button" data-testid="compare-regions" disabled=move || busy.get() on:click=run>
                {move || if busy.get() { ctx.t(Key::Calculating) } else { ctx.t(Key::CompareRegions) }}
            </button>
            {move || match result.get() {
                None => ().into_any(),
                Some(Err(e)) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                Some(Ok(r)) => {
                    let current = r.current_region.clone();
                    view! {
                        <div class="table-wrap">
                            <table class="lines" data-testid="regions-table">
                                <thead>
                                    <tr>
                                        {header(SortBy::Region, Key::Region)}
                                        {header(SortBy::Monthly, Key::Monthly)}
                                        <th scope="col" class="num">{ctx.text(Key::Difference)}</th>
                                        <th scope="col"><span class="sr-only">{ctx.text(Key::MoveHere)}</span></th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {move || sorted(r.regions.clone(), sort.get()).into_iter().map(|row| {
                                        let code = row.region.clone();
                                        let is_current = row.region == current;
                                        let missing = row.missing.join(", ");
                                        view! {
                                            <tr class:current=is_current data-testid="region-row" data-region=row.region.clone()>
                                                <td>{row.name.clone()} <span class="item-meta">" " {row.region.clone()}</span>
                                                    {row.incomplete.then(|| view! { <br /><span class="item-meta">{ctx.text(Key::NotPricedHere)} ": " {missing.clone()}</span> })}
                                                </td>
                                                <td class="num" data-testid="region-monthly">{format::usd(row.totals.monthly.amount())}</td>
                                                <td class="num">{row.difference_monthly.map(|d| format::usd(d.amount())).unwrap_or_else(|| "—".to_owned())}</td>
                                                <td>
                                                    {(!is_current).then(|| view! {
                                                        <button type="button" data-testid="move-here" on:click=move |_| {
                                                            let code = code.clone();
                                                            ctx.act(|f| f.region = code);
                                                            result.set(None);
                                                        }>{ctx.text(Key::MoveHere)}</button>
                                                    })}
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
