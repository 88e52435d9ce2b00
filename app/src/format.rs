//! Numbers and money for people: `$1,234.56`, `1,000,000 requests`, and conversions.
//!
//! AWS bills in US dollars, so USD is written the same way in both languages; only the labels
//! around it change. A converted amount is always marked as such by the caller.

use rust_decimal::{Decimal, RoundingStrategy};

/// Inserts thousands separators into the whole part of a plain decimal text.
fn group(text: &str) -> String {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (whole, frac) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(text.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Rounds half away from zero to `dp` places and groups thousands: `1234.5` → `1,234.50`.
pub fn fixed(value: Decimal, dp: u32) -> String {
    let mut v = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    if v.is_zero() {
        v = Decimal::ZERO;
    }
    v.rescale(dp);
    group(&v.to_string())
}

/// US dollars to the cent: `$1,234.56`, `-$3.10`.
pub fn usd(value: Decimal) -> String {
    let text = fixed(value, 2);
    match text.strip_prefix('-') {
        Some(rest) => format!("-${rest}"),
        None => format!("${text}"),
    }
}

/// A quantity as exact as it was computed, grouped: `1,000,000`, `730`, `0.0001`.
pub fn quantity(value: Decimal) -> String {
    group(&value.normalize().to_string())
}

/// A unit price, unrounded (prices go to a hundredth of a cent and beyond): `$0.0000166667`.
pub fn unit_price(value: Decimal) -> String {
    let text = quantity(value);
    let text = if text.contains('.') {
        let (w, f) = text.split_once('.').unwrap_or((&text, ""));
        if f.len() < 2 {
            format!("{w}.{f:0<2}")
        } else {
            text.clone()
        }
    } else {
        format!("{text}.00")
    };
    format!("${text}")
}

/// A person-entered exchange rate and currency code, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversion {
    /// Upper-case ISO-like code, e.g. `KRW`.
    pub code: String,
    /// Units of that currency per US dollar.
    pub rate: Decimal,
}

impl Conversion {
    /// Reads a code and a rate as typed; `None` unless both make sense.
    pub fn parse(code: &str, rate: &str) -> Option<Conversion> {
        let code = code.trim().to_ascii_uppercase();
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_alphabetic()) || code == "USD" {
            return None;
        }
        let cleaned: String = rate
            .trim()
            .chars()
            .filter(|c| !matches!(c, ',' | '_' | ' '))
            .collect();
        let rate = Decimal::from_str_exact(&cleaned).ok()?;
        (rate > Decimal::ZERO).then_some(Conversion { code, rate })
    }

    /// Decimal places the currency is usually written with (none for won and yen).
    fn places(&self) -> u32 {
        match self.code.as_str() {
            "KRW" | "JPY" | "VND" | "IDR" | "CLP" | "ISK" | "HUF" | "TWD" => 0,
            _ => 2,
        }
    }

    /// A dollar amount in this currency: `₩1,380,000` or `1,234.56 EUR`.
    pub fn format(&self, usd_amount: Decimal) -> String {
        let amount = fixed(usd_amount * self.rate, self.places());
        match self.code.as_str() {
            "KRW" => format!("₩{amount}"),
            "JPY" => format!("¥{amount}"),
            "EUR" => format!("€{amount}"),
            "GBP" => format!("£{amount}"),
            _ => format!("{amount} {}", self.code),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn dollars_are_grouped_and_rounded_to_cents() {
        let cases = [
            ("0", "$0.00"),
            ("1234.56", "$1,234.56"),
            ("1234567.891", "$1,234,567.89"),
            ("999.995", "$1,000.00"),
            ("70.08", "$70.08"),
            ("100", "$100.00"),
            ("-3.1", "-$3.10"),
            ("-0.001", "$0.00"),
        ];
        for (input, expected) in cases {
            assert_eq!(usd(d(input)), expected, "formatting {input}");
        }
    }

    #[test]
    fn quantities_and_unit_prices_keep_their_digits() {
        assert_eq!(quantity(d("1000000")), "1,000,000");
        assert_eq!(quantity(d("730.000")), "730");
        assert_eq!(quantity(d("0.0001")), "0.0001");
        assert_eq!(unit_price(d("0.0000166667")), "$0.0000166667");
        assert_eq!(unit_price(d("0.096")), "$0.096");
        assert_eq!(unit_price(d("0.1")), "$0.10");
        assert_eq!(unit_price(d("5")), "$5.00");
    }

    #[test]
    fn conversions_need_a_code_and_a_positive_rate() {
        assert_eq!(
            Conversion::parse("krw", "1,380"),
            Some(Conversion {
                code: "KRW".into(),
                rate: d("1380")
            })
        );
        assert_eq!(Conversion::parse("KRW", "0"), None);
        assert_eq!(Conversion::parse("KRW", "abc"), None);
        assert_eq!(Conversion::parse("KR", "1"), None);
        assert_eq!(Conversion::parse("USD", "1"), None);
        let krw = Conversion::parse("KRW", "1380.5").unwrap();
        assert_eq!(krw.format(d("70.08")), "₩96,745");
        let eur = Conversion::parse("eur", "0.9").unwrap();
        assert_eq!(eur.format(d("100")), "€90.00");
        let cad = Conversion::parse("CAD", "1.25").unwrap();
        assert_eq!(cad.format(d("1000")), "1,250.00 CAD");
    }
}
