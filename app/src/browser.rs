//! The few browser calls the app makes, in one place: URL and history, language, clipboard,
//! storage, printing. Failures are ignored where a person loses nothing by them (a missing
//! `localStorage`) and reported where they would (the clipboard).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The path the page was opened at, e.g. `/e/v1.abc`.
pub fn path() -> String {
    window().location().pathname().unwrap_or_default()
}

/// The page's origin, e.g. `https://cloudcalc.example`.
pub fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// Sets the URL without loading: a new history entry when `push`, else the current one replaced.
pub fn set_url(url: &str, push: bool) {
    let Ok(history) = window().history() else {
        return;
    };
    let current = path();
    if current == url {
        return;
    }
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(url))
    };
}

/// The language asked for by the URL's query (`?lang=ko`).
pub fn query_lang() -> Option<String> {
    let search = window().location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .map(str::to_owned)
}

/// The browser's preferred language tag.
pub fn language() -> String {
    window().navigator().language().unwrap_or_default()
}

/// A remembered setting.
pub fn stored(key: &str) -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()?
        .get_item(key)
        .ok()
        .flatten()
}

/// Remembers a setting.
pub fn store(key: &str, value: &str) {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Sets `<html lang>` so screen readers and fonts follow the chosen language.
pub fn set_document_language(tag: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", tag);
    }
}

/// Removes the static "Loading…" line once the app runs.
pub fn remove_boot_message() {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
}

/// Copies text to the clipboard; `false` when the browser refused.
pub async fn copy(text: &str) -> bool {
    let promise = window().navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Opens the print dialog.
pub fn print() {
    let _ = window().print();
}

/// Calls `f` on every element matching `selector`.
fn each_element(selector: &str, f: impl Fn(&web_sys::Element)) {
    let Ok(list) = document().query_selector_all(selector) else {
        return;
    };
    for i in 0..list.length() {
        if let Some(element) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            f(&element);
        }
    }
}

/// Opens the bill's closed breakdowns while the page prints and closes them again afterwards.
/// The print stylesheet already shows closed `<details>` content through `::details-content`;
/// this is the fallback for browsers older than that pseudo-element (Chromium 131, Safari 18.4,
/// Firefox 143), which print only what is open.
pub fn open_breakdowns_while_printing() {
    let _ = window_event_listener_untyped("beforeprint", |_| {
        each_element(
            "details.item-cost:not([open]), details.formula:not([open])",
            |d| {
                let _ = d.set_attribute("data-print-opened", "");
                let _ = d.set_attribute("open", "");
            },
        );
    });
    let _ = window_event_listener_untyped("afterprint", |_| {
        each_element("details[data-print-opened]", |d| {
            let _ = d.remove_attribute("open");
            let _ = d.remove_attribute("data-print-opened");
        });
    });
}

/// A `data:` URL holding `text`, for download links.
pub fn data_url(mime: &str, text: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(text).into();
    format!("data:{mime};charset=utf-8,{encoded}")
}

/// Moves keyboard focus to the element with `id` once the current update has been rendered
/// (an element shown by this update does not exist yet when its handler runs).
pub fn focus_soon(id: String) {
    set_timeout(
        move || {
            if let Some(element) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}
