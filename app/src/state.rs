//! The page's state and the one loop that keeps the bill in step with the form.
//!
//! Every change to the form schedules a re-price 250 ms later; a newer change cancels it, and a
//! response that arrives after a newer request was sent is dropped (a request counter), so the
//! bill never shows the answer to an older question. The estimate lives in the URL (`/e/<token>`):
//! typing replaces the history entry, explicit actions (add, remove, move, import) push one.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use model::catalog::Catalog;
use model::{ApiError, EstimateRequest, EstimateResponse, Service};

use crate::api;
use crate::form::{self, EstimateForm, FormError, Problem};
use crate::i18n::{Key, Lang};

/// How long typing must pause before the estimate is re-priced.
const DEBOUNCE_MS: u32 = 250;

/// What an error says: a problem the form found, or the API's own message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    Problem(Problem),
    Text(String),
}

impl Message {
    /// The message in `lang`.
    pub fn show(&self, lang: Lang) -> String {
        match self {
            Message::Problem(p) => lang
                .t(match p {
                    Problem::Required => Key::Required,
                    Problem::NotANumber => Key::NotANumber,
                    Problem::NotWhole => Key::NotWhole,
                    Problem::Negative => Key::Negative,
                    Problem::TooLarge => Key::TooLarge,
                })
                .to_owned(),
            Message::Text(t) => t.clone(),
        }
    }
}

/// An error placed on the page: on a card's input (`uid` and the path inside the item), or on an
/// estimate-level setting (`uid` none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownError {
    pub uid: Option<u32>,
    pub path: String,
    pub message: Message,
}

/// Places errors with contract paths (`items[2].count`) on the cards of `form`, the form the
/// request was built from (so a reorder after sending cannot misplace them).
fn place(
    form: &EstimateForm,
    errors: impl IntoIterator<Item = (String, Message)>,
) -> Vec<ShownError> {
    errors
        .into_iter()
        .map(|(field, message)| match form::split_item_path(&field) {
            (Some(i), inner) => ShownError {
                uid: form.items.get(i).map(|item| item.uid),
                path: inner.to_owned(),
                message,
            },
            (None, path) => ShownError {
                uid: None,
                path: path.to_owned(),
                message,
            },
        })
        .collect()
}

fn form_errors(form: &EstimateForm, errors: Vec<FormError>) -> Vec<ShownError> {
    place(
        form,
        errors
            .into_iter()
            .map(|e| (e.field, Message::Problem(e.problem))),
    )
}

fn api_errors(form: &EstimateForm, error: ApiError) -> Vec<ShownError> {
    let body = error.error;
    let first = (body.field.unwrap_or_default(), Message::Text(body.message));
    let more = body
        .more
        .into_iter()
        .map(|e| (e.field, Message::Text(e.message)));
    place(form, std::iter::once(first).chain(more))
}

/// Everything the components share. Copy: each field is an arena handle.
#[derive(Clone, Copy, Debug)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    pub form: RwSignal<EstimateForm>,
    pub catalog: RwSignal<Option<Catalog>>,
    /// The latest priced estimate and the request it answers.
    pub priced: RwSignal<Option<(EstimateRequest, EstimateResponse)>>,
    /// Errors of the current form (from the form itself or from the API).
    pub errors: RwSignal<Vec<ShownError>>,
    /// A request is being priced.
    pub pending: RwSignal<bool>,
    /// Why the link the page was opened with could not be read.
    pub link_error: RwSignal<Option<String>>,
    /// A short status after share, import and copy actions.
    pub notice: RwSignal<Option<String>>,
    /// The counter of scheduled re-prices; only the latest may update the page.
    seq: StoredValue<u64>,
    /// The next URL update should push a history entry (an explicit action).
    push_next: StoredValue<bool>,
    /// The URL should not change yet (the page was just opened).
    url_frozen: StoredValue<bool>,
}

impl Ctx {
    /// The state for a page opened at `path` (`/` or `/e/<token>`) in a browser speaking `lang`.
    pub fn new(lang: Lang, path: &str) -> Ctx {
        let (form, link_error) = initial_form(lang, path);
        Ctx {
            lang: RwSignal::new(lang),
            form: RwSignal::new(form),
            catalog: RwSignal::new(None),
            priced: RwSignal::new(None),
            errors: RwSignal::new(Vec::new()),
            pending: RwSignal::new(false),
            link_error: RwSignal::new(link_error),
            notice: RwSignal::new(None),
            seq: StoredValue::new(0),
            push_next: StoredValue::new(false),
            url_frozen: StoredValue::new(true),
        }
    }

    /// The text of `key` in the current language (tracked).
    pub fn t(&self, key: Key) -> &'static str {
        self.lang.get().t(key)
    }

    /// The text of `key` as a reactive view child that follows the language. Every call returns
    /// the same closure type, so the view code for it is compiled once (each distinct
    /// `move || ctx.t(…)` closure in a view is compiled separately and grows the WASM).
    pub fn text(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// Changes the form as an explicit action: the URL gets a new history entry.
    pub fn act(&self, change: impl FnOnce(&mut EstimateForm)) {
        self.push_next.set_value(true);
        self.url_frozen.set_value(false);
        self.form.update(change);
    }

    /// Changes the form as typing: the URL entry is replaced.
    pub fn edit(&self, change: impl FnOnce(&mut EstimateForm)) {
        self.url_frozen.set_value(false);
        self.form.update(change);
    }

    /// Adds a card of `service`.
    pub fn add(&self, service: Service) {
        self.act(|f| {
            f.add(service);
        });
    }

    /// The errors shown at one input (tracked).
    pub fn error_at(&self, uid: Option<u32>, path: &str) -> Option<String> {
        let lang = self.lang.get();
        self.errors.with(|errors| {
            let texts: Vec<String> = errors
                .iter()
                .filter(|e| e.uid == uid && e.path == path)
                .map(|e| e.message.show(lang))
                .collect();
            (!texts.is_empty()).then(|| texts.join(" "))
        })
    }

    /// Re-prices the form after the debounce; see the module docs.
    pub fn schedule(self) {
        let my = self.seq.get_value() + 1;
        self.seq.set_value(my);
        // Say "updating" from the first keystroke, not only once the request is sent.
        self.pending.set(true);
        spawn_local(async move {
            TimeoutFuture::new(DEBOUNCE_MS).await;
            if self.seq.get_value() != my {
                return;
            }
            let form = self.form.get_untracked();
            let request = match form::to_request(&form) {
                Ok(request) => request,
                Err(errors) => {
                    self.errors.set(form_errors(&form, errors));
                    self.pending.set(false);
                    return;
                }
            };
            self.write_url(&request);
            self.pending.set(true);
            let result = api::estimate(&request).await;
            if self.seq.get_value() != my {
                return;
            }
            self.pending.set(false);
            match result {
                Ok(response) => {
                    self.errors.set(Vec::new());
                    self.priced.set(Some((request, response)));
                }
                Err(error) => self.errors.set(api_errors(&form, error)),
            }
        });
    }

    fn write_url(&self, request: &EstimateRequest) {
        if self.url_frozen.get_value() {
            return;
        }
        let push = self.push_next.get_value();
        self.push_next.set_value(false);
        let url = format!("/e/{}", model::share::encode(request));
        crate::browser::set_url(&url, push);
    }

    /// Shows the estimate in the URL the browser just moved to (back / forward).
    pub fn follow_url(&self, path: &str) {
        let (form, link_error) = initial_form(self.lang.get_untracked(), path);
        self.url_frozen.set_value(true);
        self.link_error.set(link_error);
        // New uids: the cards of the estimate left behind must not be reused for this one.
        self.form.update(|f| f.replace_with(form));
    }

    /// Replaces the estimate with `request` (an import), as an explicit action.
    pub fn load(&self, request: &EstimateRequest) {
        let form = form::from_request(request);
        self.link_error.set(None);
        self.act(|f| f.replace_with(form));
    }

    /// Loads the catalogue once.
    pub fn load_catalog(self) {
        spawn_local(async move {
            if let Ok(catalog) = api::catalog().await {
                self.catalog.set(Some(catalog));
            }
        });
    }
}

/// The form for a page opened at `path`: the estimate in its token, an empty estimate with the
/// reason when the token is broken, or a first EC2 card for a fresh visit.
fn initial_form(lang: Lang, path: &str) -> (EstimateForm, Option<String>) {
    let region = lang.default_region();
    match path.strip_prefix("/e/") {
        Some(token) => match model::share::decode(token.trim_end_matches('/')) {
            Ok(request) => (form::from_request(&request), None),
            Err(e) => (EstimateForm::new(region), Some(e.message)),
        },
        None => {
            let mut form = EstimateForm::new(region);
            form.add(Service::Ec2);
            (form, None)
        }
    }
}
