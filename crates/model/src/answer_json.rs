//! The estimate answer written as JSON by hand: the bytes `serde_json` would write, faster.
//!
//! An answer is mostly text (line names, formulas, dates) and serde_json checks every byte of
//! every string for characters to escape, one at a time: that scan was three quarters of the
//! time it took to write an answer, and a quarter of the server's time per estimate
//! (BENCHMARKS.md). Here a string is checked in one pass the compiler vectorises and copied
//! whole; a string that does need escaping (a label with a quote, say) goes to serde_json.
//!
//! The output is byte-for-byte `serde_json::to_vec(&answer)`: tests compare the two on answers
//! with every optional field present and absent and on arbitrary strings. Every struct is
//! destructured in full, so a field added to the response types does not compile here until it
//! is written.

use rust_decimal::Decimal;

use crate::money::{DecimalText, Quantity, Usd};
use crate::response::{EstimateResponse, ItemCost, LineItem, PriceSourceRef, Totals, Warning};

impl EstimateResponse {
    /// The answer as JSON, exactly as `serde_json::to_vec` writes it.
    pub fn to_json(&self) -> Vec<u8> {
        // About 2 KB per item; one allocation for a typical answer.
        let mut out = Vec::with_capacity(1024 + 2048 * self.items.len().min(1000));
        self.write_json(&mut out);
        out
    }

    /// Appends the answer's JSON to `out`.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let EstimateResponse {
            currency,
            name,
            region,
            hours_per_month,
            free_tier,
            price_date,
            price_sources,
            totals,
            items,
            warnings,
        } = self;
        let mut o = Object::open(out);
        o.key("currency").string(currency);
        if let Some(name) = name {
            o.key("name").string(name);
        }
        o.key("region").string(region);
        o.key("hours_per_month").quantity(*hours_per_month);
        o.key("free_tier").boolean(*free_tier);
        o.key("price_date").string(price_date);
        o.key("price_sources");
        o.list(price_sources, source);
        o.key("totals");
        write_totals(o.out, totals);
        o.key("items");
        o.list(items, item);
        o.key("warnings");
        o.list(warnings, warning);
        o.close();
    }
}

fn write_totals(out: &mut Vec<u8>, totals: &Totals) {
    let Totals {
        monthly,
        upfront,
        first_12_months,
        effective_monthly,
    } = totals;
    let mut o = Object::open(out);
    o.key("monthly").usd(*monthly);
    o.key("upfront").usd(*upfront);
    o.key("first_12_months").usd(*first_12_months);
    o.key("effective_monthly").usd(*effective_monthly);
    o.close();
}

fn source(out: &mut Vec<u8>, s: &PriceSourceRef) {
    let PriceSourceRef {
        table,
        price_date,
        source,
    } = s;
    let mut o = Object::open(out);
    o.key("table").string(table);
    o.key("price_date").string(price_date);
    o.key("source").string(source);
    o.close();
}

fn item(out: &mut Vec<u8>, item: &ItemCost) {
    let ItemCost {
        id,
        label,
        service,
        region,
        monthly,
        upfront,
        effective_monthly,
        first_12_months,
        line_items,
        warnings,
    } = item;
    let mut o = Object::open(out);
    o.key("id").string(id);
    if let Some(label) = label {
        o.key("label").string(label);
    }
    o.key("service").string(service.as_str());
    o.key("region").string(region);
    o.key("monthly").usd(*monthly);
    o.key("upfront").usd(*upfront);
    o.key("effective_monthly").usd(*effective_monthly);
    o.key("first_12_months").usd(*first_12_months);
    o.key("line_items");
    o.list(line_items, line);
    o.key("warnings");
    o.list(warnings, warning);
    o.close();
}

fn line(out: &mut Vec<u8>, line: &LineItem) {
    let LineItem {
        name,
        quantity,
        unit,
        unit_price,
        amount,
        monthly,
        one_time,
        formula,
        price_table,
        price_date,
    } = line;
    let mut o = Object::open(out);
    o.key("name").string(name);
    o.key("quantity").decimal(*quantity);
    o.key("unit").string(unit.as_str());
    o.key("unit_price").decimal(*unit_price);
    o.key("amount").usd(*amount);
    if let Some(monthly) = monthly {
        o.key("monthly").usd(*monthly);
    }
    if *one_time {
        o.key("one_time").boolean(true);
    }
    o.key("formula").string(formula);
    o.key("price_table").string(price_table);
    o.key("price_date").string(price_date);
    o.close();
}

fn warning(out: &mut Vec<u8>, w: &Warning) {
    let Warning {
        code,
        message,
        field,
    } = w;
    let mut o = Object::open(out);
    o.key("code").string(code);
    o.key("message").string(message);
    if let Some(field) = field {
        o.key("field").string(field);
    }
    o.close();
}

/// A JSON object being written: keys are separated by commas as serde_json's compact
/// formatter separates them (no spaces).
struct Object<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Object<'a> {
    fn open(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        Object { out, first: true }
    }

    /// Writes `"key":`; the value follows.
    fn key(&mut self, key: &str) -> &mut Self {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        // Keys are this file's own literals: nothing in them needs escaping.
        debug_assert!(needs_no_escape(key.as_bytes()));
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
        self
    }

    fn string(&mut self, s: &str) {
        string(self.out, s);
    }

    fn usd(&mut self, amount: Usd) {
        self.decimal(amount.amount());
    }

    /// A decimal as a JSON string (`"0.096"`): digits, a point and a sign need no escaping.
    fn decimal(&mut self, d: Decimal) {
        self.out.push(b'"');
        self.out.extend_from_slice(DecimalText::new(d).as_bytes());
        self.out.push(b'"');
    }

    /// As `Quantity`'s `Serialize`: a whole number as a JSON number, otherwise a string.
    fn quantity(&mut self, q: Quantity) {
        match q.json_form() {
            // Writing a number into a Vec cannot fail.
            Ok(whole) => {
                let _ = serde_json::to_writer(&mut *self.out, &whole);
            }
            Err(n) => self.decimal(n),
        }
    }

    fn boolean(&mut self, b: bool) {
        self.out
            .extend_from_slice(if b { b"true" } else { b"false" });
    }

    fn list<T>(&mut self, values: &[T], write: fn(&mut Vec<u8>, &T)) {
        self.out.push(b'[');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            write(self.out, v);
        }
        self.out.push(b']');
    }

    fn close(self) {
        self.out.push(b'}');
    }
}

/// A JSON string: copied whole when nothing in it needs escaping, else escaped by serde_json.
fn string(out: &mut Vec<u8>, s: &str) {
    if needs_no_escape(s.as_bytes()) {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        // Writing a &str into a Vec cannot fail; serde_json escapes exactly as it always does.
        let _ = serde_json::to_writer(&mut *out, s);
    }
}

/// No quote, backslash or control character: the bytes JSON requires to be escaped.
///
/// Sixteen bytes at a time with no early exit inside a block, which the compiler turns into a
/// handful of vector compares; the answer's text is checked at a few instructions per block
/// instead of a few per byte (`BENCHMARKS.md`).
fn needs_no_escape(bytes: &[u8]) -> bool {
    let found = |block: &[u8; 16]| {
        block.iter().fold(false, |found, &b| {
            found | (b < 0x20) | (b == b'"') | (b == b'\\')
        })
    };
    let (blocks, rest) = bytes.as_chunks::<16>();
    for block in blocks {
        if found(block) {
            return false;
        }
    }
    // The last partial block is padded with a byte that needs no escaping.
    let mut last = [b'a'; 16];
    last[..rest.len()].copy_from_slice(rest);
    !found(&last)
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::request::Service;
    use crate::response::Unit;

    fn d(s: &str) -> Decimal {
        s.parse().expect("a decimal literal")
    }

    fn usd(s: &str) -> Usd {
        Usd::new(d(s))
    }

    fn answer(name: Option<&str>, label: Option<&str>, hours: &str) -> EstimateResponse {
        let line = |one_time: bool, text: &str| LineItem {
            name: format!("Instance usage ({text})"),
            quantity: d("2920"),
            unit: Unit::IoRequests,
            unit_price: d("0.0960"),
            amount: usd("280.32"),
            monthly: (!one_time).then(|| usd("280.32")),
            one_time,
            formula: format!("4 instances × 730 hours × $0.096 per hour {text}"),
            price_table: "ec2_on_demand".to_owned(),
            price_date: "2025-06-01".to_owned(),
        };
        EstimateResponse {
            currency: "USD".to_owned(),
            name: name.map(str::to_owned),
            region: "ap-northeast-2".to_owned(),
            hours_per_month: Quantity::new(d(hours)).expect("a quantity"),
            free_tier: true,
            price_date: "2025-06-01 … 2025-07-01".to_owned(),
            price_sources: vec![PriceSourceRef {
                table: "ec2_on_demand".to_owned(),
                price_date: "2025-06-01".to_owned(),
                source: "AWS Price List API, \"offer file\" \\ C:\\path".to_owned(),
            }],
            totals: Totals {
                monthly: usd("-0.01"),
                upfront: usd("0.00"),
                first_12_months: usd("1234567.89"),
                effective_monthly: usd("0.10"),
            },
            items: vec![ItemCost {
                id: "web".to_owned(),
                label: label.map(str::to_owned),
                service: Service::Ec2,
                region: "us-east-1".to_owned(),
                monthly: usd("280.32"),
                upfront: usd("1000.00"),
                effective_monthly: usd("300.00"),
                first_12_months: usd("4363.84"),
                line_items: vec![line(false, "Linux"), line(true, "tab\there\nnewline")],
                warnings: vec![
                    Warning {
                        code: "free_tier_applied".to_owned(),
                        message: "always-free allowances deducted".to_owned(),
                        field: Some("free_tier".to_owned()),
                    },
                    Warning {
                        code: "x".to_owned(),
                        message: "control \u{1} and \u{7f} and 한국어".to_owned(),
                        field: None,
                    },
                ],
            }],
            warnings: vec![],
        }
    }

    #[test]
    fn answers_are_written_as_serde_json_writes_them() {
        let cases = [
            answer(None, None, "730"),
            answer(Some("My \"stack\""), Some("Web servers"), "672.5"),
            answer(Some("서울 견적"), Some("웹 서버\r\n"), "0"),
            answer(Some(""), Some(""), "100000000000000000000000"),
        ];
        for a in cases {
            let expected = serde_json::to_vec(&a).expect("serialises");
            assert_eq!(
                String::from_utf8_lossy(&a.to_json()),
                String::from_utf8_lossy(&expected)
            );
        }
    }

    #[test]
    fn every_byte_that_needs_escaping_is_found_at_every_position() {
        let specials = ['"', '\\', '\n', '\u{0}', '\u{1f}'];
        for at in 0..24 {
            assert!(needs_no_escape("é".repeat(at).as_bytes()));
            for c in specials {
                let mut s = "a".repeat(at);
                s.push(c);
                s.push_str("bcdefghij");
                assert!(!needs_no_escape(s.as_bytes()), "{s:?}");
                let mut out = Vec::new();
                string(&mut out, &s);
                assert_eq!(out, serde_json::to_vec(&s).expect("serialises"));
            }
        }
        // Bytes just beside the special ones need no escaping.
        assert!(needs_no_escape(b" !#[]^~\x7f abcdefgh"));
    }

    proptest::proptest! {
        #[test]
        fn strings_are_written_as_serde_json_writes_them(s in "\\PC*|[\\x00-\\x7f]*") {
            let mut out = Vec::new();
            string(&mut out, &s);
            proptest::prop_assert_eq!(out, serde_json::to_vec(&s).expect("serialises"));
        }
    }
}
