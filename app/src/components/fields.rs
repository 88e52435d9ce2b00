//! Labelled inputs bound to one field of one card, each showing its own error.
//!
//! Each input reads its value from the form by card uid and writes it back on every keystroke.
//! Structural choices (options, visibility) go through memos, so typing in one input never
//! rebuilds another and focus stays where it is.

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::form::ItemForm;
use crate::i18n::Key;
use crate::state::Ctx;

/// Reads a closed-set value from its contract name (`"3yr"` → `Term::ThreeYears`).
pub fn parse_enum<T: DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

/// An element id made from a card uid and a field path.
pub fn field_id(uid: u32, path: &str) -> String {
    let clean: String = path
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("f{uid}-{clean}")
}

/// What kind of text an input holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A number; the phone keyboard shows digits.
    Number,
    /// Free text.
    Text,
}

/// The error line under an input (empty space is not reserved, to keep cards compact).
#[component]
pub fn FieldError(
    uid: Option<u32>,
    #[prop(into)] path: String,
    #[prop(into)] id: String,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let p = path.clone();
    let error = Memo::new(move |_| ctx.error_at(uid, &p));
    view! {
        <p class="field-error" id=id data-testid="field-error" data-field=path hidden=move || error.get().is_none()>
            {move || error.get().unwrap_or_default()}
        </p>
    }
}

/// Reads a field of a card as text.
type Getter = std::sync::Arc<dyn Fn(&ItemForm) -> String + Send + Sync>;
/// Writes a field of a card from text.
type Setter = std::sync::Arc<dyn Fn(&mut ItemForm, String) + Send + Sync>;

/// A labelled text input bound to a card field. Generic only in this thin shim: the view is
/// compiled once (80-odd inputs would otherwise each monomorphise it and bloat the WASM).
#[component]
pub fn ItemInput<G, S>(
    uid: u32,
    #[prop(into)] path: String,
    label: Key,
    get: G,
    set: S,
    #[prop(default = Kind::Number)] kind: Kind,
    #[prop(optional, into)] list: Option<Signal<String>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView
where
    G: Fn(&ItemForm) -> String + Send + Sync + 'static,
    S: Fn(&mut ItemForm, String) + Send + Sync + 'static,
{
    item_input(
        uid,
        path,
        label,
        std::sync::Arc::new(get),
        std::sync::Arc::new(set),
        kind,
        list,
        hint,
    )
}

#[allow(clippy::too_many_arguments)]
fn item_input(
    uid: u32,
    path: String,
    label: Key,
    get: Getter,
    set: Setter,
    kind: Kind,
    list: Option<Signal<String>>,
    hint: Option<Signal<String>>,
) -> AnyView {
    let ctx = expect_context::<Ctx>();
    let id = field_id(uid, &path);
    let err_id = format!("{id}-err");
    let p = path.clone();
    let invalid = Memo::new(move |_| ctx.error_at(Some(uid), &p).is_some());
    let value = move || {
        ctx.form
            .with(|f| f.item(uid).map(&*get).unwrap_or_default())
    };
    let on_input = move |ev| {
        let v = event_target_value(&ev);
        ctx.edit(|f| {
            if let Some(item) = f.item_mut(uid) {
                set(item, v);
            }
        });
    };
    let list_id = move || list.map(|l| l.get());
    view! {
        <div class="field" class:invalid=move || invalid.get()>
            <label for=id.clone()>{move || ctx.t(label)}</label>
            <input
                id=id
                type="text"
                inputmode=match kind { Kind::Number => "decimal", Kind::Text => "text" }
                autocomplete="off"
                spellcheck="false"
                list=list_id
                data-field=path.clone()
                aria-invalid=move || if invalid.get() { "true" } else { "false" }
                aria-describedby=err_id.clone()
                prop:value=value
                on:input=on_input
            />
            {move || hint.map(|h| view! { <span class="hint">{h.get()}</span> })}
            <FieldError uid=Some(uid) path=path id=err_id />
        </div>
    }
    .into_any()
}

/// `(value, text)` options of a select.
type Options = std::sync::Arc<dyn Fn() -> Vec<(String, String)> + Send + Sync>;

/// A labelled select bound to a card field. `options` are `(value, text)` pairs.
#[component]
pub fn ItemSelect<O, G, S>(
    uid: u32,
    #[prop(into)] path: String,
    label: Key,
    options: O,
    get: G,
    set: S,
) -> impl IntoView
where
    O: Fn() -> Vec<(String, String)> + Send + Sync + 'static,
    G: Fn(&ItemForm) -> String + Send + Sync + 'static,
    S: Fn(&mut ItemForm, String) + Send + Sync + 'static,
{
    item_select(
        uid,
        path,
        label,
        std::sync::Arc::new(options),
        std::sync::Arc::new(get),
        std::sync::Arc::new(set),
    )
}

fn item_select(
    uid: u32,
    path: String,
    label: Key,
    options: Options,
    get: Getter,
    set: Setter,
) -> AnyView {
    let ctx = expect_context::<Ctx>();
    let id = field_id(uid, &path);
    let err_id = format!("{id}-err");
    let p = path.clone();
    let invalid = Memo::new(move |_| ctx.error_at(Some(uid), &p).is_some());
    let options = Memo::new(move |_| options());
    let current = Memo::new(move |_| {
        ctx.form
            .with(|f| f.item(uid).map(&*get).unwrap_or_default())
    });
    let on_change = move |ev| {
        let v = event_target_value(&ev);
        ctx.edit(|f| {
            if let Some(item) = f.item_mut(uid) {
                set(item, v);
            }
        });
    };
    view! {
        <div class="field" class:invalid=move || invalid.get()>
            <label for=id.clone()>{move || ctx.t(label)}</label>
            <select
                id=id
                data-field=path.clone()
                aria-invalid=move || if invalid.get() { "true" } else { "false" }
                aria-describedby=err_id.clone()
                on:change=on_change
            >
                {move || {
                    let cur = current.get();
                    let mut opts = options.get();
                    if !cur.is_empty() && !opts.iter().any(|(v, _)| *v == cur) {
                        // Keep a value the region does not offer visible (the API will say why).
                        opts.insert(0, (cur.clone(), cur.clone()));
                    }
                    opts.into_iter()
                        .map(|(v, text)| {
                            let selected = v == cur;
                            view! { <option value=v prop:selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <FieldError uid=Some(uid) path=path id=err_id />
        </div>
    }
    .into_any()
}

/// A labelled checkbox bound to a card field.
#[component]
pub fn ItemCheck<G, S>(
    uid: u32,
    #[prop(into)] path: String,
    label: Key,
    get: G,
    set: S,
) -> impl IntoView
where
    G: Fn(&ItemForm) -> bool + Send + Sync + 'static,
    S: Fn(&mut ItemForm, bool) + Send + Sync + 'static,
{
    item_check(
        uid,
        path,
        label,
        std::sync::Arc::new(get),
        std::sync::Arc::new(set),
    )
}

#[allow(clippy::type_complexity)]
fn item_check(
    uid: u32,
    path: String,
    label: Key,
    get: std::sync::Arc<dyn Fn(&ItemForm) -> bool + Send + Sync>,
    set: std::sync::Arc<dyn Fn(&mut ItemForm, bool) + Send + Sync>,
) -> AnyView {
    let ctx = expect_context::<Ctx>();
    let id = field_id(uid, &path);
    let checked = Memo::new(move |_| ctx.form.with(|f| f.item(uid).map(&*get).unwrap_or(false)));
    view! {
        <div class="field check">
            <input
                id=id.clone()
                type="checkbox"
                data-field=path.clone()
                prop:checked=move || checked.get()
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    ctx.edit(|f| {
                        if let Some(item) = f.item_mut(uid) {
                            set(item, on);
                        }
                    });
                }
            />
            <label for=id>{move || ctx.t(label)}</label>
            <FieldError uid=Some(uid) path=path.clone() id=format!("{}-err", field_id(uid, &path)) />
        </div>
    }
    .into_any()
}
