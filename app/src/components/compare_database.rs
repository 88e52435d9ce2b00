//! "Compare with Aurora/RDS" on an RDS or Aurora card: the same MySQL or PostgreSQL workload as
//! RDS Single-AZ, RDS Multi-AZ, Aurora Standard, Aurora I/O-Optimized and Aurora Serverless v2,
//! side by side, and one click to switch the card to any of them.
//!
//! Other engines have no Aurora counterpart: their button is disabled and says why. The panel
//! behaves like the pricing one (focus, Escape, live re-comparison while open).

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use model::compare::{CompareDatabaseResponse, DatabaseOptionKind};

use crate::api;
use crate::browser::focus_soon;
use crate::compare::{self, DB_OPTIONS, DbInputs};
use crate::format;
use crate::i18n::{Key, names};
use crate::state::{Ctx, Message};

/// How long typing must pause before an open comparison is re-run.
const DEBOUNCE_MS: u32 = 250;

/// The comparison panel and its button, for the database card `uid`.
#[component]
pub fn CompareDatabase(uid: u32) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let inputs = RwSignal::new(DbInputs::default());
    let result = RwSignal::new(None::<Result<CompareDatabaseResponse, String>>);
    let busy = RwSignal::new(false);
    let seq = StoredValue::new(0u64);
    let button_id = format!("cmp-db-{uid}");
    let panel_id = format!("cmp-db-panel-{uid}");
    let title_id = format!("cmp-db-title-{uid}");
    let note_id = format!("cmp-db-note-{uid}");
    let comparable = Memo::new(move |_| {
        ctx.form.with(|f| {
            f.item(uid)
                .and_then(|i| compare::db_family(&i.spec))
                .is_some()
        })
    });
    let current = Memo::new(move |_| {
        ctx.form.with(|f| {
            f.item(uid)
                .and_then(|i| compare::current_db_option(&i.spec))
        })
    });
    let request = Memo::new(move |_| {
        let inputs = inputs.get();
        ctx.form
            .with(|f| compare::database_request(f, uid, &inputs))
    });
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
            if seq.try_get_value() != Some(my) {
                return;
            }
            let answer = api::compare_database(&req)
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
                return;
            }
            // Start from the card's own figures (and ACUs that match its class).
            let start = ctx.form.with_untracked(|f| {
                f.item(uid).map(|i| {
                    compare::db_inputs(&i.spec, |class| {
                        ctx.catalog.with_untracked(|c| {
                            c.as_ref()?
                                .db_instance_classes
                                .iter()
                                .find(|d| d.name == class)
                                .map(|d| d.memory_gib)
                        })
                    })
                })
            });
            inputs.set(start.unwrap_or_default());
            open.set(true);
            focus_soon(title_id.clone());
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
    let use_option = {
        let title_id = title_id.clone();
        move |kind: DatabaseOptionKind| {
            let Ok(req) = request.get_untracked() else {
                return;
            };
            let Some((spec, same_service)) = ctx.form.with_untracked(|f| {
                let item = f.item(uid)?;
                let spec = compare::switch_database(&item.spec, kind, &req)?;
                let same = spec.service() == item.spec.service();
                Some((spec, same))
            }) else {
                return;
            };
            if same_service {
                // The card stays: the panel stays open on the new choice.
                ctx.act(|f| {
                    if let Some(item) = f.item_mut(uid) {
                        item.spec = spec;
                    }
                });
                focus_soon(title_id.clone());
            } else {
                // A card of another service replaces this one; keep the keyboard on its button.
                let mut new_uid = None;
                ctx.act(|f| new_uid = f.replace_spec(uid, spec));
                if let Some(n) = new_uid {
                    focus_soon(format!("cmp-db-{n}"));
                }
            }
        }
    };
    let input = move |id: String, label: Key, hint: Key, field: &'static str| {
        let err_id = format!("{id}-err");
        let error = Memo::new(move |_| {
            let lang = ctx.lang.get();
            request.with(|r| match r {
                Err(errors) => errors
                    .iter()
                    .find(|e| e.field == field)
                    .map(|e| Message::Problem(e.problem).show(lang)),
                Ok(_) => None,
            })
        });
        let get = move || {
            inputs.with(|i| match field {
                "io_requests_per_month" => i.io_requests_per_month.clone(),
                _ => i.average_acus.clone(),
            })
        };
        view! {
            <div class="field" class:invalid=move || error.get().is_some()>
                <label for=id.clone()>{ctx.text(label)}</label>
                <input id=id type="text" inputmode="decimal" autocomplete="off" data-field=field
                    aria-describedby=err_id.clone()
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    prop:value=get
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        inputs.update(|i| match field {
                            "io_requests_per_month" => i.io_requests_per_month = v,
                            _ => i.average_acus = v,
                        });
                    } />
                <span class="hint">{ctx.text(hint)}</span>
                <p class="field-error" id=err_id hidden=move || error.get().is_none()>{move || error.get().unwrap_or_default()}</p>
            </div>
        }
    };
    let close_button = close.clone();
    view! {
        <div class="decide no-print">
            <button type="button" id=button_id data-testid="compare-database"
                disabled=move || !comparable.get()
                aria-describedby=move || (!comparable.get()).then(|| note_id.clone())
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=panel_id.clone()
                on:click=toggle>
                {ctx.text(Key::CompareDatabase)}
            </button>
            {
                let note_id = format!("cmp-db-note-{uid}");
                move || (!comparable.get()).then(|| view! {
                    <span class="hint" id=note_id.clone() data-testid="compare-database-note">{ctx.text(Key::CompareDatabaseOnly)}</span>
                })
            }
        </div>
        <Show when=move || open.get() && comparable.get()>
            <section id=panel_id.clone() class="compare-panel no-print" data-testid="database-panel"
                aria-labelledby=title_id.clone() on:keydown=on_key.clone()>
                <div class="panel-head">
                    <h4 id=title_id.clone() tabindex="-1">{ctx.text(Key::CompareDatabase)}</h4>
                    <button type="button" data-testid="close-compare" on:click={
                        let close = close_button.clone();
                        move |_| close()
                    }>{ctx.text(Key::Close)}</button>
                </div>
                <p class="hint">{ctx.text(Key::DbCompareNote)}</p>
                <div class="grid">
                    {input(format!("cmp-db-{uid}-io"), Key::IoRequests, Key::IoHint, "io_requests_per_month")}
                    {input(format!("cmp-db-{uid}-acus"), Key::AverageAcus, Key::AcusHint, "average_acus")}
                </div>
                <p class="status" aria-live="polite" data-testid="database-status">
                    {move || {
                        // Only the card's own mistakes; the panel's are shown at its inputs.
                        let card_problem = request.with(|r| match r {
                            Err(errors) => errors.iter().any(|e| e.field.starts_with("items[") || e.field == "hours_per_month"),
                            Ok(_) => false,
                        });
                        if card_problem {
                            ctx.t(Key::FixToCompare)
                        } else if busy.get() {
                            ctx.t(Key::Calculating)
                        } else {
                            ""
                        }
                    }}
                </p>
                {
                    let use_option = use_option.clone();
                    move || match result.get() {
                        None => ().into_any(),
                        Some(Err(e)) => view! { <p class="field-error" role="alert" data-testid="database-error">{e}</p> }.into_any(),
                        Some(Ok(r)) => {
                            let use_option = use_option.clone();
                            let both_aurora = [DatabaseOptionKind::AuroraStandard, DatabaseOptionKind::AuroraIoOptimized]
                                .iter()
                                .all(|k| r.options.iter().any(|o| o.option == *k && o.monthly.is_some()));
                            let crossover = r.io_optimized_crossover_io_requests_per_month;
                            view! {
                                <p class="price-date">{ctx.text(Key::PriceDate)} ": " {r.price_date.clone()}</p>
                                <ul class="db-options" data-testid="db-options">
                                    {DB_OPTIONS.into_iter().map(|kind| {
                                        let option = r.options.iter().find(|o| o.option == kind).cloned();
                                        let use_option = use_option.clone();
                                        let is_current = move || current.get() == Some(kind);
                                        let offered = option.as_ref().is_some_and(|o| o.monthly.is_some());
                                        let name_id = format!("cmp-db-{uid}-{}", compare::db_option_key(kind));
                                        let labelled_by = name_id.clone();
                                        view! {
                                            <li class="db-option" class:current=is_current data-testid="db-option"
                                                data-option=compare::db_option_key(kind) aria-labelledby=labelled_by>
                                                <h5 id=name_id>{move || names::db_option(ctx.lang.get(), kind)}
                                                    {move || is_current().then(|| view! { " " <span class="badge">{ctx.text(Key::CurrentChoice)}</span> })}
                                                </h5>
                                                {match option {
                                                    None => view! {
                                                        <p class="hint" data-testid="db-unavailable">{ctx.text(Key::ServerlessNeedsAcus)}</p>
                                                    }.into_any(),
                                                    Some(o) => match o.monthly {
                                                        None => view! {
                                                            <p class="db-na" data-testid="db-unavailable">
                                                                <strong>{ctx.text(Key::NotOfferedHere)}</strong>
                                                                <br /><span class="item-meta">{o.unavailable.clone().unwrap_or_default()}</span>
                                                            </p>
                                                        }.into_any(),
                                                        Some(monthly) => view! {
                                                            <p class="db-monthly">
                                                                <strong data-testid="db-monthly">{format::usd(monthly.amount())}</strong>
                                                                <span class="item-meta">{ctx.text(Key::PerMonth)}</span>
                                                            </p>
                                                            <details class="formula">
                                                                <summary>{ctx.text(Key::LineItems)}</summary>
                                                                <table class="lines">
                                                                    <tbody>
                                                                        {o.line_items.iter().map(|l| view! {
                                                                            <tr>
                                                                                <td>{l.name.clone()}</td>
                                                                                <td class="num">{format::usd(l.amount.amount())}</td>
                                                                            </tr>
                                                                        }).collect_view()}
                                                                    </tbody>
                                                                </table>
                                                            </details>
                                                        }.into_any(),
                                                    },
                                                }}
                                                <button type="button" data-testid="use-db-option"
                                                    disabled=move || !offered || is_current()
                                                    on:click=move |_| use_option(kind)>
                                                    {move || if is_current() { ctx.t(Key::CurrentChoice) } else { ctx.t(Key::UseThis) }}
                                                </button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                {both_aurora.then(|| view! {
                                    <p class="crossover" data-testid="io-crossover">
                                        {move || match crossover {
                                            Some(n) => names::io_crossover(ctx.lang.get(), &format::quantity(n)),
                                            None => ctx.t(Key::IoNeverCheaper).to_owned(),
                                        }}
                                    </p>
                                })}
                            }.into_any()
                        }
                    }
                }
            </section>
        </Show>
    }
}
