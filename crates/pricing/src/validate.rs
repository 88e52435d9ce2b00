//! Cross-row checks of the price book: the rules every table must satisfy before the server
//! starts. Each problem names file and line; all problems are collected, not just the first.

use crate::book::{LoadError, PriceBook};
use crate::rows::Tables;

/// Runs every check and appends the problems to `errors`.
pub(crate) fn check(_tables: &Tables, book: &PriceBook, errors: &mut Vec<LoadError>) {
    check_tiers(book, errors);
}

/// Tiers are contiguous from zero and the last one is open.
fn check_tiers(book: &PriceBook, errors: &mut Vec<LoadError>) {
    for (file, key, tiers) in book.all_tiers() {
        let mut expected = rust_decimal::Decimal::ZERO;
        for (n, tier) in tiers.iter().enumerate() {
            if tier.start != expected {
                errors.push(LoadError::in_file(
                    file,
                    format!("tiers of `{key}` are not contiguous: tier {} starts at {} where {} was expected", n + 1, tier.start, expected),
                ));
                break;
            }
            match tier.end {
                Some(end) if n + 1 < tiers.len() => expected = end,
                Some(end) => errors.push(LoadError::in_file(
                    file,
                    format!("the last tier of `{key}` ends at {end}; the last tier must be open (empty tier_end)"),
                )),
                None if n + 1 < tiers.len() => {
                    errors.push(LoadError::in_file(
                        file,
                        format!("tier {} of `{key}` is open but more tiers follow", n + 1),
                    ));
                    break;
                }
                None => {}
            }
        }
    }
}
