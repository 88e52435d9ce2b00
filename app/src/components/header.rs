//! The page header: product name, tagline and the language switch.

use leptos::prelude::*;

use crate::browser;
use crate::i18n::{Key, Lang};
use crate::state::Ctx;

/// The header with the visible language switch.
#[component]
pub fn Header() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let switch = move |_| {
        let next = match ctx.lang.get_untracked() {
            Lang::En => Lang::Ko,
            Lang::Ko => Lang::En,
        };
        ctx.lang.set(next);
        browser::set_document_language(next.tag());
        browser::store("cloudcalc.lang", next.tag());
    };
    view! {
        <header class="site-header">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◆"</span>
                <span class="name" data-testid="product-name">"cloudcalc"</span>
                <span class="tagline">{ctx.text(Key::Tagline)}</span>
            </div>
            <button
                type="button"
                class="lang no-print"
                data-testid="lang-switch"
                lang=move || match ctx.lang.get() { Lang::En => "ko", Lang::Ko => "en" }
                aria-label=move || format!("{}: {}", ctx.t(Key::Language), ctx.t(Key::SwitchLanguage))
                on:click=switch
            >
                {ctx.text(Key::SwitchLanguage)}
            </button>
        </header>
    }
}
