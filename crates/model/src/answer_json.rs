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

use std::ops::Range;

use rust_decimal::Decimal;

use crate::money::{Quantity, Usd, push_decimal, push_quoted_decimal};
use crate::response::{
    EstimateResponse, ItemCost, LineItem, PriceSourceRef, Totals, Unit, Warning,
};

/// `{"name":`: an object's opening brace and first key, as one literal. Every object here has a
/// first field that is always present, so whether a key needs a comma is known where it is
/// written.
macro_rules! first_key {
    ($name:literal) => {
        concat!("{\"", $name, "\":").as_bytes()
    };
}

/// `,"name":`: the comma and key of every field after the first, as one literal.
macro_rules! key {
    ($name:literal) => {
        concat!(",\"", $name, "\":").as_bytes()
    };
}

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
        let mut w = Json(out);
        w.string(first_key!("currency"), currency);
        if let Some(name) = name {
            w.string(key!("name"), name);
        }
        w.string(key!("region"), region);
        w.quantity(key!("hours_per_month"), *hours_per_month);
        w.boolean(key!("free_tier"), *free_tier);
        w.string(key!("price_date"), price_date);
        w.list(key!("price_sources"), price_sources, source);
        w.raw(key!("totals"));
        write_totals(&mut w, totals);
        w.list(key!("items"), items, item);
        w.list(key!("warnings"), warnings, warning);
        w.raw(b"}");
    }
}

fn write_totals(w: &mut Json<'_>, totals: &Totals) {
    let Totals {
        monthly,
        upfront,
        first_12_months,
        effective_monthly,
    } = totals;
    w.usd(first_key!("monthly"), *monthly);
    w.usd(key!("upfront"), *upfront);
    w.usd(key!("first_12_months"), *first_12_months);
    w.usd(key!("effective_monthly"), *effective_monthly);
    w.raw(b"}");
}

fn source(w: &mut Json<'_>, s: &PriceSourceRef) {
    let PriceSourceRef {
        table,
        price_date,
        source,
    } = s;
    w.string(first_key!("table"), table);
    w.string(key!("price_date"), price_date);
    w.string(key!("source"), source);
    w.raw(b"}");
}

fn item(w: &mut Json<'_>, item: &ItemCost) {
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
    w.string(first_key!("id"), id);
    if let Some(label) = label {
        w.string(key!("label"), label);
    }
    w.string(key!("service"), service.as_str());
    w.string(key!("region"), region);
    let monthly_text = w.usd(key!("monthly"), *monthly);
    w.usd(key!("upfront"), *upfront);
    // Without upfront fees the effective monthly amount is the monthly one.
    w.usd_again(
        key!("effective_monthly"),
        *effective_monthly,
        (*monthly, monthly_text),
    );
    w.usd(key!("first_12_months"), *first_12_months);
    w.list(key!("line_items"), line_items, line);
    w.list(key!("warnings"), warnings, warning);
    w.raw(b"}");
}

fn line(w: &mut Json<'_>, line: &LineItem) {
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
    w.string(first_key!("name"), name);
    w.decimal(key!("quantity"), *quantity);
    w.raw(unit_field(*unit));
    w.decimal(key!("unit_price"), *unit_price);
    let amount_text = w.usd(key!("amount"), *amount);
    if let Some(monthly) = monthly {
        // A recurring line's monthly amount is its amount.
        w.usd_again(key!("monthly"), *monthly, (*amount, amount_text));
    }
    if *one_time {
        w.boolean(key!("one_time"), true);
    }
    w.string(key!("formula"), formula);
    w.string(key!("price_table"), price_table);
    w.string(key!("price_date"), price_date);
    w.raw(b"}");
}

/// `,"unit":"hours"`: a line's unit with its key, as one literal (a unit's text needs no
/// escaping, so there is nothing to check). A test holds each to what serde_json writes.
/// The texts repeat `Unit::as_str` on purpose: writing the key, the quotes and `as_str` as four
/// pieces measured 3 k instructions more per 10-item request (233.2 k against 230.2 k).
fn unit_field(unit: Unit) -> &'static [u8] {
    macro_rules! unit {
        ($text:literal) => {
            concat!(",\"unit\":\"", $text, "\"").as_bytes()
        };
    }
    match unit {
        Unit::Hours => unit!("hours"),
        Unit::GbMonths => unit!("GB-months"),
        Unit::GbSeconds => unit!("GB-seconds"),
        Unit::Requests => unit!("requests"),
        Unit::Gb => unit!("GB"),
        Unit::IopsMonths => unit!("IOPS-months"),
        Unit::MbpsMonths => unit!("MBps-months"),
        Unit::AcuHours => unit!("ACU-hours"),
        Unit::Objects => unit!("objects"),
        Unit::ChangeRecords => unit!("change-records"),
        Unit::Reservations => unit!("reservations"),
        Unit::IoRequests => unit!("I/O requests"),
    }
}

fn warning(w: &mut Json<'_>, warning: &Warning) {
    let Warning {
        code,
        message,
        field,
    } = warning;
    w.string(first_key!("code"), code);
    w.string(key!("message"), message);
    if let Some(field) = field {
        w.string(key!("field"), field);
    }
    w.raw(b"}");
}

/// The output, written as serde_json's compact formatter writes it (no spaces). Each field is
/// written as its key literal (`key!`, `first_key!`: keys are this file's own, and need no
/// escaping) followed by its value.
struct Json<'a>(&'a mut Vec<u8>);

// The methods are inlined so that each key literal is copied with a few moves, not `memcpy`; the
// values are written by functions that are not.
impl Json<'_> {
    #[inline(always)]
    fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    #[inline(always)]
    fn string(&mut self, key: &[u8], s: &str) {
        self.raw(key);
        string(self.0, s);
    }

    /// Writes an amount; answers where in the output its text (with its quotes) is.
    #[inline(always)]
    fn usd(&mut self, key: &[u8], amount: Usd) -> Range<usize> {
        self.raw(key);
        let start = self.0.len();
        push_quoted_decimal(self.0, amount.amount());
        start..self.0.len()
    }

    /// Writes `amount`, copying the text of `earlier` (an amount written at `text`) when the two
    /// are the same decimal, digit for digit: most lines' monthly amount is their amount.
    #[inline(always)]
    fn usd_again(&mut self, key: &[u8], amount: Usd, (earlier, text): (Usd, Range<usize>)) {
        // The same 16 bytes are the same value at the same scale, so the same text.
        if amount.amount().serialize() == earlier.amount().serialize() {
            self.raw(key);
            self.0.extend_from_within(text);
        } else {
            self.usd(key, amount);
        }
    }

    /// A decimal as a JSON string (`"0.096"`): digits, a point and a sign need no escaping.
    #[inline(always)]
    fn decimal(&mut self, key: &[u8], d: Decimal) {
        self.raw(key);
        push_quoted_decimal(self.0, d);
    }

    /// As `Quantity`'s `Serialize`: a whole number as a JSON number, otherwise a string.
    fn quantity(&mut self, key: &[u8], q: Quantity) {
        self.raw(key);
        match q.json_form() {
            // A whole number's decimal text is its digits, as serde_json writes a `u64`.
            Ok(whole) => push_decimal(self.0, Decimal::from(whole)),
            Err(n) => push_quoted_decimal(self.0, n),
        }
    }

    #[inline(always)]
    fn boolean(&mut self, key: &[u8], b: bool) {
        self.raw(key);
        self.raw(if b { b"true" } else { b"false" });
    }

    #[inline(always)]
    fn list<T>(&mut self, key: &[u8], values: &[T], write: fn(&mut Self, &T)) {
        self.raw(key);
        self.0.push(b'[');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.0.push(b',');
            }
            write(self, v);
        }
        self.0.push(b']');
    }
}

/// A JSON string: copied whole when nothing in it needs escaping, else escaped by serde_json.
///
/// Most strings here are short (units, dates, table names, decimals' neighbours): one shorter
/// than a block is read into a padded block that is both checked and copied, with moves of a
/// fixed size; a longer one is checked in blocks and copied with `memcpy`.
fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    if bytes.len() < 16 {
        let mut block = short_block(bytes);
        if !found(&block) {
            out.push(b'"');
            // The closing quote after the string in the block, then the whole block and back to
            // the quote: a copy of 16, not of `len` bytes, and no push of its own for the quote.
            block[bytes.len()] = b'"';
            out.extend_from_slice(&block);
            out.truncate(out.len() - (15 - bytes.len()));
            return;
        }
    } else if needs_no_escape(bytes) {
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    // Writing a &str into a Vec cannot fail; serde_json escapes exactly as it always does.
    let _ = serde_json::to_writer(&mut *out, s);
}

/// No quote, backslash or control character: the bytes JSON requires to be escaped.
///
/// Sixteen bytes at a time with no early exit inside a block, which the compiler turns into a
/// handful of vector operations, two blocks per loop step; the answer's text is checked at a
/// few instructions per block instead of a few per byte (`BENCHMARKS.md`).
fn needs_no_escape(bytes: &[u8]) -> bool {
    let (blocks, _) = bytes.as_chunks::<16>();
    let (pairs, odd) = blocks.as_chunks::<2>();
    let last = match bytes.last_chunk::<16>() {
        // The bytes after the last whole block are among the last 16 (some are checked twice).
        Some(last) => *last,
        None => short_block(bytes),
    };
    !pairs.iter().any(|[a, b]| found(a) | found(b)) && !odd.iter().any(found) && !found(&last)
}

/// Whether a block holds a byte that needs escaping; no early exit, so it is a few vector
/// compares (inlined: a call per block cost more than the compares).
#[inline(always)]
fn found(block: &[u8; 16]) -> bool {
    // `b < 0x20 || b == b'"' || b == b'\\'`, as one test for zero of the least of three bytes
    // (a saturating subtraction, two exclusive ors and two minimums on a vector).
    block.iter().fold(false, |found, &b| {
        found | ((b.saturating_sub(0x1f)).min(b ^ b'"').min(b ^ b'\\') == 0)
    })
}

/// The bytes of a string shorter than 16 at the start of a block padded with a byte that needs
/// no escaping. Two overlapping copies of a fixed size (the first and the last 8 bytes, or 4, or
/// single bytes) put every byte in its place with a few moves, where copying `len` bytes was a
/// `memcpy` call. Inlined, so that the block is built in a register (measured: a call cost 3k
/// instructions per answer).
#[inline(always)]
fn short_block(bytes: &[u8]) -> [u8; 16] {
    let n = bytes.len();
    let mut block = [b'a'; 16];
    if n >= 16 {
        // Not a short string; the callers do not pass one.
    } else if n >= 8 {
        block[..8].copy_from_slice(&bytes[..8]);
        block[n - 8..n].copy_from_slice(&bytes[n - 8..]);
    } else if n >= 4 {
        block[..4].copy_from_slice(&bytes[..4]);
        block[n - 4..n].copy_from_slice(&bytes[n - 4..]);
    } else if n > 0 {
        // One to three bytes: the first, the middle and the last are all of them.
        block[0] = bytes[0];
        block[n / 2] = bytes[n / 2];
        block[n - 1] = bytes[n - 1];
    }
    block
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
            price_table: "ec2_on_demand".into(),
            price_date: "2025-06-01".into(),
        };
        EstimateResponse {
            currency: "USD".into(),
            name: name.map(str::to_owned),
            region: "ap-northeast-2".to_owned(),
            hours_per_month: Quantity::new(d(hours)).expect("a quantity"),
            free_tier: true,
            price_date: "2025-06-01 … 2025-07-01".to_owned(),
            price_sources: vec![PriceSourceRef {
                table: "ec2_on_demand".into(),
                price_date: "2025-06-01".into(),
                // Owned, as an answer read from JSON holds it.
                source: String::from("AWS Price List API, \"offer file\" \\ C:\\path").into(),
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
    fn every_unit_is_written_as_serde_json_writes_it() {
        let units = [
            Unit::Hours,
            Unit::GbMonths,
            Unit::GbSeconds,
            Unit::Requests,
            Unit::Gb,
            Unit::IopsMonths,
            Unit::MbpsMonths,
            Unit::AcuHours,
            Unit::Objects,
            Unit::ChangeRecords,
            Unit::Reservations,
            Unit::IoRequests,
        ];
        // A unit added to `Unit` must be added to the list above (and to `unit_field`).
        let listed = |u: Unit| match u {
            Unit::Hours
            | Unit::GbMonths
            | Unit::GbSeconds
            | Unit::Requests
            | Unit::Gb
            | Unit::IopsMonths
            | Unit::MbpsMonths
            | Unit::AcuHours
            | Unit::Objects
            | Unit::ChangeRecords
            | Unit::Reservations
            | Unit::IoRequests => true,
        };
        for unit in units {
            assert!(listed(unit));
            let expected = format!(
                ",\"unit\":{}",
                serde_json::to_string(&unit).expect("serialises")
            );
            assert_eq!(String::from_utf8_lossy(unit_field(unit)), expected);
        }
    }

    #[test]
    fn amounts_equal_in_value_but_not_in_scale_are_written_each_as_it_is() {
        // `usd_again` copies an amount's text only when the decimals are the same digit for
        // digit: 300.0 and 300.00 are equal but read differently.
        for (monthly, again) in [
            ("300.0", "300.00"),
            ("300.00", "300.0"),
            ("1.5", "1.5"),
            ("-0.01", "0.01"),
            ("0.00", "-0.00"),
        ] {
            let mut a = answer(None, None, "730");
            a.items[0].monthly = usd(monthly);
            a.items[0].effective_monthly = usd(again);
            a.items[0].line_items[0].amount = usd(monthly);
            a.items[0].line_items[0].monthly = Some(usd(again));
            let expected = serde_json::to_vec(&a).expect("serialises");
            assert_eq!(
                String::from_utf8_lossy(&a.to_json()),
                String::from_utf8_lossy(&expected),
                "{monthly} then {again}"
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
        // Every length up to three blocks, with the special byte at every position.
        let written = |s: &str| {
            let mut out = Vec::new();
            string(&mut out, s);
            assert_eq!(out, serde_json::to_vec(s).expect("serialises"), "{s:?}");
        };
        for len in 0..48 {
            let plain: String = ('a'..='z').cycle().take(len).collect();
            assert!(needs_no_escape(plain.as_bytes()), "{len}");
            written(&plain);
            for at in 0..len {
                for c in specials {
                    let mut s = "a".repeat(len - 1);
                    s.insert(at, c);
                    assert!(!needs_no_escape(s.as_bytes()), "{s:?}");
                    written(&s);
                }
            }
        }
        // Bytes just beside the special ones need no escaping.
        assert!(needs_no_escape(b" !#[]^~\x7f abcdefgh"));
    }

    #[test]
    fn the_block_test_finds_exactly_the_bytes_json_escapes() {
        for b in 0..=u8::MAX {
            let escaped = b < 0x20 || b == b'"' || b == b'\\';
            for at in 0..16 {
                let mut block = [b'a'; 16];
                block[at] = b;
                assert_eq!(found(&block), escaped, "{b:#04x} at {at}");
            }
        }
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
