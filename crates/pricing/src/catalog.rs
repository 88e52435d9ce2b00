//! The catalogue: what the UI may offer in each region, built from the price book.
