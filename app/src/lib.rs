//! cloudcalc's browser app: Leptos, client-side rendered, talking to the JSON API.
//!
//! `main.rs` only mounts [`App`]. The pure parts (the form and its conversion to a request,
//! number formatting, exports, labels) build and are tested on the host; the rest runs in the
//! browser. State lives in [`state::Ctx`]; the estimate itself lives in the URL.

pub mod api;
pub mod browser;
pub mod compare;
pub mod components;
pub mod cumulative;
pub mod disclosure;
pub mod export;
pub mod form;
pub mod format;
pub mod i18n;
pub mod pages;
pub mod state;

use leptos::prelude::*;

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::i18n::Lang;
use crate::pages::estimator::EstimatorPage;
use crate::state::Ctx;

/// The application: header, the estimator, footer.
#[component]
pub fn App() -> impl IntoView {
    browser::remove_boot_message();
    // `?lang=ko` (a link made for someone), then the remembered choice, then the browser's.
    let lang = browser::query_lang()
        .or_else(|| browser::stored("cloudcalc.lang"))
        .map(|t| Lang::from_tag(&t))
        .unwrap_or_else(|| Lang::from_tag(&browser::language()));
    browser::set_document_language(lang.tag());
    let ctx = Ctx::new(lang, &browser::path());
    provide_context(ctx);
    ctx.load_catalog();
    // Every change of the form re-prices it (debounced); the first run prices the opened page.
    Effect::new(move |_| {
        ctx.form.track();
        ctx.schedule();
    });
    // Back and forward move between estimates kept in the URL.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        ctx.follow_url(&browser::path())
    });
    browser::open_breakdowns_while_printing();
    view! {
        <a class="skip" href="#main">"Skip to the estimate"</a>
        <Header />
        <EstimatorPage />
        <Footer />
    }
}
