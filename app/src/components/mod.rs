//! Widgets: each one a Leptos component reading the shared [`crate::state::Ctx`].

pub mod bill;
pub mod chart;
pub mod compare_database;
pub mod compare_pricing;
pub mod fields;
pub mod footer;
pub mod header;
pub mod item_card;
pub mod regions;
pub mod share;
