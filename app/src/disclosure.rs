//! Which parts of the bill a person opened, remembered across re-prices.
//!
//! Every re-price rebuilds the bill's items from the new answer, so a `<details>` element cannot
//! keep its own open state: a person who opened an item's breakdown, or a line's calculation,
//! and then changed a number would see it snap shut. The bill records each toggle here under a
//! key that survives re-pricing (the item's contract id; for a line's calculation also the
//! line's name) and opens the rebuilt elements from it. Pure, so it is tested on the host.

/// One disclosure of the bill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Disclosure {
    /// The line items of the item with this contract id.
    Item(String),
    /// The calculation of one line (by its name) of one item.
    Line { item: String, line: String },
}

impl Disclosure {
    /// The contract id of the item the disclosure belongs to.
    fn item(&self) -> &str {
        match self {
            Disclosure::Item(item) | Disclosure::Line { item, .. } => item,
        }
    }
}

/// The disclosures that are open. A list, not a set: a person opens a handful, and a list keeps
/// the WASM smaller than a tree or hash set would.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenDisclosures {
    open: Vec<Disclosure>,
}

impl OpenDisclosures {
    /// Whether `d` was left open.
    pub fn is_open(&self, d: &Disclosure) -> bool {
        self.open.contains(d)
    }

    /// Records that `d` was opened or closed.
    pub fn set(&mut self, d: Disclosure, open: bool) {
        self.open.retain(|o| *o != d);
        if open {
            self.open.push(d);
        }
    }

    /// Forgets the items that are no longer in the estimate, so an item added later under a
    /// removed item's id starts closed.
    pub fn keep_items<'a>(&mut self, ids: impl IntoIterator<Item = &'a str> + Clone) {
        self.open
            .retain(|d| ids.clone().into_iter().any(|id| id == d.item()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(item: &str, line: &str) -> Disclosure {
        Disclosure::Line {
            item: item.to_owned(),
            line: line.to_owned(),
        }
    }

    #[test]
    fn opened_breakdowns_and_calculations_stay_open_until_closed() {
        let mut open = OpenDisclosures::default();
        let web = Disclosure::Item("web".into());
        let usage = line("web", "Instance usage (Linux, on-demand, m5.large)");
        assert!(!open.is_open(&web));

        open.set(web.clone(), true);
        open.set(usage.clone(), true);

        assert!(open.is_open(&web));
        assert!(open.is_open(&usage));
        // Keys are exact: another item, or another line of the same item, is not open.
        assert!(!open.is_open(&Disclosure::Item("api".into())));
        assert!(!open.is_open(&line("web", "EBS storage (gp3)")));
        assert!(!open.is_open(&line("api", "Instance usage (Linux, on-demand, m5.large)")));

        // Opening twice and closing once closes it.
        open.set(web.clone(), true);
        open.set(web.clone(), false);
        assert!(!open.is_open(&web));
        assert!(open.is_open(&usage), "a line's calculation is its own");
    }

    #[test]
    fn items_that_left_the_estimate_are_forgotten() {
        let mut open = OpenDisclosures::default();
        open.set(Disclosure::Item("web".into()), true);
        open.set(line("web", "EBS storage (gp3)"), true);
        open.set(Disclosure::Item("api".into()), true);
        open.set(line("api", "Requests"), true);

        open.keep_items(["api", "assets"]);

        assert!(!open.is_open(&Disclosure::Item("web".into())));
        assert!(!open.is_open(&line("web", "EBS storage (gp3)")));
        assert!(open.is_open(&Disclosure::Item("api".into())));
        assert!(open.is_open(&line("api", "Requests")));
    }
}
