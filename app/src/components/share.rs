//! Sharing and files: the link to this estimate, CSV and JSON downloads, JSON import, printing.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::export;
use crate::i18n::Key;
use crate::state::Ctx;

/// Why the last imported file was not taken (kept as data, so it follows a language switch).
#[derive(Clone, Debug)]
enum ImportProblem {
    Unreadable,
    Invalid(model::FieldError),
}

impl ImportProblem {
    fn show(&self, lang: crate::i18n::Lang) -> String {
        export::import_problem(
            lang,
            match self {
                ImportProblem::Unreadable => None,
                ImportProblem::Invalid(e) => Some(e),
            },
        )
    }
}

/// The share, export, import and print actions.
#[component]
pub fn SharePanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let link = RwSignal::new(String::new());
    let import_problem = RwSignal::new(None::<ImportProblem>);
    let csv_href = Memo::new(move |_| {
        ctx.priced
            .with(|p| {
                p.as_ref()
                    .map(|(_, r)| browser::data_url("text/csv", &export::breakdown_csv(r)))
            })
            .unwrap_or_default()
    });
    let json_href = Memo::new(move |_| {
        ctx.priced
            .with(|p| {
                p.as_ref().map(|(q, r)| {
                    browser::data_url("application/json", &export::estimate_json(q, r))
                })
            })
            .unwrap_or_default()
    });
    let share = move |_| {
        let form = ctx.form.get_untracked();
        let Ok(request) = crate::form::to_request(&form) else {
            ctx.notice
                .set(Some(ctx.lang.get_untracked().t(Key::FixErrors).to_owned()));
            return;
        };
        let path = format!("/e/{}", model::share::encode(&request));
        browser::set_url(&path, true);
        let url = format!("{}{path}", browser::origin());
        link.set(url.clone());
        spawn_local(async move {
            let ok = browser::copy(&url).await;
            let lang = ctx.lang.get_untracked();
            ctx.notice.set(Some(
                lang.t(if ok { Key::Copied } else { Key::CopyFailed })
                    .to_owned(),
            ));
        });
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        import_problem.set(None);
        spawn_local(async move {
            let lang = ctx.lang.get_untracked();
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            // A file that is not an estimate leaves the page's estimate as it is; the reason is
            // shown at the file input, not in the status line far from it.
            let Some(text) = text else {
                ctx.notice.set(None);
                import_problem.set(Some(ImportProblem::Unreadable));
                return;
            };
            match export::read_import(text.as_bytes()) {
                Ok(request) => {
                    ctx.load(&request);
                    ctx.notice.set(Some(lang.t(Key::Imported).to_owned()));
                }
                Err(e) => {
                    ctx.notice.set(None);
                    import_problem.set(Some(ImportProblem::Invalid(e)));
                }
            }
        });
    };
    let import_text = move || {
        let lang = ctx.lang.get();
        import_problem.with(|p| p.as_ref().map(|p| p.show(lang)))
    };
    view! {
        <section class="card share no-print" aria-labelledby="share-title">
            <h2 id="share-title">{ctx.text(Key::Share)}</h2>
            <div class="row">
                <button type="button" class="primary" data-testid="share" on:click=share>{ctx.text(Key::Share)}</button>
                <button type="button" data-testid="print" on:click=move |_| browser::print()>{ctx.text(Key::Print)}</button>
            </div>
            <div class="field" hidden=move || link.with(String::is_empty)>
                <label for="share-url">{ctx.text(Key::ShareLink)}</label>
                <input id="share-url" type="text" readonly data-testid="share-url" prop:value=move || link.get()
                    on:focus=move |ev| {
                        if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { i.select() }
                    } />
            </div>
            <p class="notice" role="status" data-testid="notice">{move || ctx.notice.get().unwrap_or_default()}</p>
            <h3>{ctx.text(Key::Export)}</h3>
            <div class="row">
                <a class="button" download="cloudcalc-estimate.csv" data-testid="export-csv"
                    href=move || csv_href.get() aria-disabled=move || if csv_href.with(String::is_empty) { "true" } else { "false" }>
                    {ctx.text(Key::ExportCsv)}
                </a>
                <a class="button" download="cloudcalc-estimate.json" data-testid="export-json"
                    href=move || json_href.get() aria-disabled=move || if json_href.with(String::is_empty) { "true" } else { "false" }>
                    {ctx.text(Key::ExportJson)}
                </a>
            </div>
            <div class="field" class:invalid=move || import_problem.with(Option::is_some)>
                <label for="import">{ctx.text(Key::Import)}</label>
                <input id="import" type="file" accept=".json,application/json" data-testid="import"
                    aria-describedby="import-err" aria-invalid=move || if import_problem.with(Option::is_some) { "true" } else { "false" }
                    on:change=import />
                // Always in the page, so screen readers announce the message when it appears.
                <div id="import-err" role="alert" data-testid="import-error">
                    {move || import_text().map(|t| view! { <p class="field-error">{t}</p> })}
                </div>
            </div>
        </section>
    }
}
