//! cloudcalc's shared vocabulary.
//!
//! Everything that crosses a boundary lives here: the estimate request (what a person asks to be
//! priced), the priced response, money and quantity types, the error envelope, the catalogue and
//! comparison contracts, and the share-link codec. The browser app and the server both compile this
//! crate, so it depends on serde and rust_decimal only (no axum, tokio, csv or leptos); a test in
//! `tests/` enforces that boundary with `cargo tree`.

mod answer_json;
pub mod catalog;
pub mod compare;
pub mod error;
pub mod money;
mod one_pass;
pub mod request;
pub mod response;
pub mod share;
pub mod validate;

pub use error::{ApiError, ErrorBody, ErrorCode, FieldError};
pub use money::{Quantity, Usd};
pub use request::*;
pub use response::*;

/// The number of hours in a billing month when the estimate does not say otherwise
/// (365 × 24 / 12, the convention of the AWS Pricing Calculator).
pub const HOURS_PER_MONTH: u32 = 730;

/// The version of the public JSON API this crate describes.
pub const API_VERSION: &str = "v1";
