//! The footer: the app's version and the API's health, proving the WASM ↔ API round trip.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, Health};
use crate::i18n::Key;
use crate::state::Ctx;

/// The footer with the version and the `/healthz` result.
#[component]
pub fn Footer() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let health = RwSignal::new(None::<Result<Health, String>>);
    spawn_local(async move {
        let result = api::health().await.map_err(|e| e.error.message);
        health.set(Some(result));
    });
    view! {
        <footer class="site-footer">
            <span>"cloudcalc " {ctx.text(Key::Version)} " " <span data-testid="app-version">{env!("CARGO_PKG_VERSION")}</span></span>
            " · "
            <span data-testid="health" class=move || match health.get() { Some(Ok(_)) => "health ok", Some(Err(_)) => "health down", None => "health" }>
                {move || match health.get() {
                    None => ctx.t(Key::Checking).to_owned(),
                    Some(Ok(h)) if h.status == "ok" => format!("{} · {} {}", ctx.t(Key::ApiOk), ctx.t(Key::PricesAsOf), h.price_date),
                    Some(Ok(h)) => format!("{}: {}", ctx.t(Key::ApiDown), h.status),
                    Some(Err(e)) => format!("{}: {e}", ctx.t(Key::ApiDown)),
                }}
            </span>
            " · "
            <a href="/api/v1/catalog">"API"</a>
        </footer>
    }
}
