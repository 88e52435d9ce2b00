//! cloudcalc's engine: the price book and the billing rules.
//!
//! Pure: no HTTP, no async, no files except through a reader. The layers are
//! [`rows`] (the CSV schema), [`load`] (CSV to rows, with positioned errors), [`book`] (validated,
//! indexed tables), [`engine`] (estimate in, priced line items out), [`compare`] (the decision
//! views), [`catalog`] (what the UI may offer) and [`import`] (AWS's official price-list files).

pub mod book;
pub mod catalog;
pub mod compare;
pub mod engine;
pub mod import;
pub mod load;
pub mod rows;
mod validate;

pub use book::{LoadError, PriceBook, Tier};
