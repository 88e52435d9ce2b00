//! Money and quantities: exact decimals that cross JSON as strings.
//!
//! Prices and amounts are `rust_decimal::Decimal`, never floats. `Usd` is an amount of US dollars;
//! `Quantity` is a usage figure a person typed (hours, GB, milliseconds). JSON numbers are
//! accepted for quantities because people write `730`, but they are read from their shortest
//! decimal text, so `0.1` stays exactly one tenth.

use std::fmt;
use std::ops::{Add, AddAssign, Div, Mul, Rem, Sub};
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount of US dollars, exact.
///
/// Serialises as a decimal string. Amounts are kept at full precision while they are summed and
/// rounded once, for presentation, with [`Usd::round_cents`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Usd(Decimal);

impl Usd {
    /// Zero dollars.
    pub const ZERO: Usd = Usd(Decimal::ZERO);

    /// Wraps an exact decimal amount of dollars.
    pub const fn new(amount: Decimal) -> Self {
        Usd(amount)
    }

    /// The exact amount.
    pub const fn amount(self) -> Decimal {
        self.0
    }

    /// Rounds to cents, half away from zero: the one rounding every presented amount gets.
    ///
    /// Exactly `round_dp_with_strategy(2, MidpointAwayFromZero)`, including the scale of the
    /// result, which decides its text: an amount with two places or fewer comes back as it is
    /// (`1.5` stays `1.5`), any other with two (`0.005` → `0.01`, `-0.001` → `0.00`). The engine
    /// rounds every line amount and every total, and the general routine divides three 32-bit
    /// words in a loop; here it is one division, of 64 bits when the mantissa fits them (all
    /// line amounts, in practice) and of 128 otherwise (BENCHMARKS.md).
    #[must_use]
    pub fn round_cents(self) -> Usd {
        let d = self.0;
        let scale = d.scale();
        if scale <= 2 {
            return self;
        }
        let places = (scale - 2) as usize;
        match (
            u64::try_from(d.mantissa().unsigned_abs()),
            POWERS_OF_TEN.get(places),
        ) {
            // Zero is left to the general case: it keeps its sign, which `from_parts` drops.
            (Ok(mantissa), Some(&unit)) if mantissa != 0 => {
                let [lo, mid, hi] = words(u128::from(divide_half_away(mantissa, unit)));
                Usd(Decimal::from_parts(lo, mid, hi, d.is_sign_negative(), 2))
            }
            _ => Usd(round_cents_wide(d)),
        }
    }

    /// Whether the amount is exactly zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }
}

impl fmt::Display for Usd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Add for Usd {
    type Output = Usd;
    fn add(self, rhs: Usd) -> Usd {
        Usd(self.0 + rhs.0)
    }
}

impl AddAssign for Usd {
    fn add_assign(&mut self, rhs: Usd) {
        self.0 += rhs.0;
    }
}

impl Sub for Usd {
    type Output = Usd;
    fn sub(self, rhs: Usd) -> Usd {
        Usd(self.0 - rhs.0)
    }
}

/// A price per unit times a quantity of units is money.
impl Mul<Decimal> for Usd {
    type Output = Usd;
    fn mul(self, quantity: Decimal) -> Usd {
        Usd(self.0 * quantity)
    }
}

impl std::iter::Sum for Usd {
    fn sum<I: Iterator<Item = Usd>>(iter: I) -> Usd {
        iter.fold(Usd::ZERO, Add::add)
    }
}

impl Serialize for Usd {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        decimal_str::serialize(&self.0, s)
    }
}

/// Exactly `d.normalize()` (value, scale and sign: zero comes back unsigned and whole), with
/// the zeros that end a 64-bit mantissa divided out in 64-bit arithmetic, where `normalize`
/// divides three 32-bit words by ten for each zero and once more to find the last.
#[inline]
pub fn normalized(d: Decimal) -> Decimal {
    // `normalize`'s own early answers: zero, no fraction, an odd last digit.
    if d.is_zero() {
        return Decimal::ZERO;
    }
    if d.scale() == 0 || d.mantissa() & 1 == 1 {
        return d;
    }
    strip_zeros(d)
}

/// [`normalized`] of a decimal with a fraction and an even mantissa.
#[inline(never)]
fn strip_zeros(d: Decimal) -> Decimal {
    let Ok(mut mantissa) = u64::try_from(d.mantissa().unsigned_abs()) else {
        return d.normalize();
    };
    let mut scale = d.scale();
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    let [lo, mid, hi] = words(u128::from(mantissa));
    Decimal::from_parts(lo, mid, hi, d.is_sign_negative(), scale)
}

/// [`Usd::round_cents`] of zero (with its sign) and of mantissas beyond 64 bits, which sums
/// over a year reach now and then.
#[inline(never)]
fn round_cents_wide(d: Decimal) -> Decimal {
    if d.is_zero() {
        return d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    }
    // Scales are at most 28, so the unit is at most 10^26.
    let unit = 10u128.pow(d.scale().saturating_sub(2));
    let [lo, mid, hi] = words(divide_half_away(d.mantissa().unsigned_abs(), unit));
    Decimal::from_parts(lo, mid, hi, d.is_sign_negative(), 2)
}

/// The low three 32-bit words of `n`, least significant first: a decimal's mantissa, when `n`
/// is a tenth of one or less.
fn words(n: u128) -> [u32; 3] {
    let [b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, ..] = n.to_le_bytes();
    [
        u32::from_le_bytes([b0, b1, b2, b3]),
        u32::from_le_bytes([b4, b5, b6, b7]),
        u32::from_le_bytes([b8, b9, b10, b11]),
    ]
}

/// `n / unit`, rounded half away from zero (`n` is a magnitude).
fn divide_half_away<T>(n: T, unit: T) -> T
where
    T: Copy + PartialOrd + From<bool> + Add<Output = T> + Sub<Output = T>,
    T: Div<Output = T> + Rem<Output = T>,
{
    let (quotient, rest) = (n / unit, n % unit);
    // Half a unit or more: `rest >= unit / 2` without rounding `unit / 2` down.
    quotient + T::from(rest >= unit - rest)
}

/// `10^0` … `10^19`: every power of ten that fits `u64`.
const POWERS_OF_TEN: [u64; 20] = {
    let mut powers = [1u64; 20];
    let mut i = 1;
    while i < powers.len() {
        powers[i] = powers[i - 1] * 10;
        i += 1;
    }
    powers
};

/// The longest decimal text: a sign, 29 digits, a point and a leading `0` (`-0.000…1` has 28
/// fraction digits at most).
const DECIMAL_TEXT_MAX: usize = 32;

/// A decimal as text on the stack, exactly as `Display` writes it (`-12.50`, `0.005`, `0`),
/// without going through `core::fmt`: a response carries a hundred decimals, and the formatting
/// machinery was a tenth of the time it takes to write one (BENCHMARKS.md).
#[derive(Clone, Copy)]
pub struct DecimalText {
    /// The text is `buf[start..DECIMAL_TEXT_MAX]`: it is written from the right, least
    /// significant digit first, by the code [`push_decimal`] uses, whose buffer has 16 bytes
    /// of slack after the text for copying it in fixed blocks.
    buf: [u8; DECIMAL_TEXT_MAX + 16],
    start: usize,
}

/// `00`, `01`, … `99`: two digits per division by a hundred.
const DIGIT_PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

impl DecimalText {
    /// The text of `d`.
    pub fn new(d: Decimal) -> Self {
        let mut buf = [b'0'; DECIMAL_TEXT_MAX + 16];
        let start = write_text(&mut buf, d);
        DecimalText { buf, start }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits, `-` and `.` were written.
        std::str::from_utf8(self.as_bytes()).unwrap_or("0")
    }

    /// The text as bytes (ASCII), for writers that need no `&str`.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[self.start..DECIMAL_TEXT_MAX]
    }
}

/// Appends the text of `d` to `out`, exactly as `Display` writes it: [`DecimalText`]'s text,
/// for writers of bytes. The text is built in this function's
/// own frame and copied once, where a `DecimalText` was returned (56 bytes) and then appended:
/// a response writes two hundred decimals.
pub fn push_decimal(out: &mut Vec<u8>, d: Decimal) {
    let mut buf = [b'0'; DECIMAL_TEXT_MAX + 16];
    let start = write_text(&mut buf, d);
    append_text(out, &buf, start, DECIMAL_TEXT_MAX);
}

/// [`push_decimal`] between double quotes (`"0.096"`), as a JSON string: the quotes are copied
/// with the text rather than pushed on their own.
pub fn push_quoted_decimal(out: &mut Vec<u8>, d: Decimal) {
    // Every byte no digit is written to is a quote, the ones either side of the text included.
    let mut buf = [b'"'; DECIMAL_TEXT_MAX + 16];
    let start = write_text(&mut buf, d);
    // The text is 31 bytes at most (only a mantissa of 28 digits or fewer has a leading `0.`),
    // so its opening quote is inside the buffer.
    append_text(out, &buf, start - 1, DECIMAL_TEXT_MAX + 1);
}

/// Writes the text of `d` at the end of `buf` (see [`DecimalText`]); returns where it starts.
#[inline(always)]
fn write_text(buf: &mut [u8; DECIMAL_TEXT_MAX + 16], d: Decimal) -> usize {
    let scale = d.scale() as usize;
    let mantissa = d.mantissa().unsigned_abs();
    let mut start = match u64::try_from(mantissa) {
        Ok(m) => write_digits(buf, m, scale),
        Err(_) => write_wide_digits(buf, mantissa, scale),
    };
    if d.is_sign_negative() {
        start -= 1;
        buf[start] = b'-';
    }
    start
}

/// Appends `buf[start..end]` to `out`. A text of 16 bytes or fewer (nearly every amount and
/// price) is copied as the fixed 16 bytes from its start and cut back to its length: a few
/// moves, where a copy of the text's own length is a `memcpy` call.
#[inline(always)]
fn append_text(out: &mut Vec<u8>, buf: &[u8; DECIMAL_TEXT_MAX + 16], start: usize, end: usize) {
    let text = &buf[start..end];
    match buf[start..].first_chunk::<16>() {
        Some(window) if text.len() <= 16 => {
            out.extend_from_slice(window);
            out.truncate(out.len() - (16 - text.len()));
        }
        _ => out.extend_from_slice(text),
    }
}

/// Writes the text of the decimal with mantissa `m` and `scale` at the end of `buf`, without
/// its sign, in one pass from the right: `scale` fraction digits (the mantissa's own, then zeros
/// once it runs out: `0.005`), the point, and the whole digits, at least one. Returns where the
/// text starts.
///
/// Two digits at a time: below 2^64 a division by a hundred is a multiplication.
fn write_digits(buf: &mut [u8; DECIMAL_TEXT_MAX + 16], mut m: u64, scale: usize) -> usize {
    let mut start = DECIMAL_TEXT_MAX;
    let mut fraction = scale;
    while fraction >= 2 {
        start -= 2;
        buf[start..start + 2].copy_from_slice(digit_pair(m));
        m /= 100;
        fraction -= 2;
    }
    if fraction == 1 {
        start -= 1;
        buf[start] = b'0' + (m % 10) as u8;
        m /= 10;
    }
    if scale > 0 {
        start -= 1;
        buf[start] = b'.';
    }
    while m >= 100 {
        start -= 2;
        buf[start..start + 2].copy_from_slice(digit_pair(m));
        m /= 100;
    }
    if m >= 10 {
        start -= 2;
        buf[start..start + 2].copy_from_slice(digit_pair(m));
    } else {
        start -= 1;
        buf[start] = b'0' + (m % 10) as u8;
    }
    start
}

/// The last two digits of `n`.
fn digit_pair(n: u64) -> &'static [u8] {
    let at = (n % 100) as usize * 2;
    &DIGIT_PAIRS[at..at + 2]
}

/// [`write_digits`] for mantissas beyond 64 bits (29 digits at most), one digit at a time.
///
/// Out of line: inlined, its registers were saved and restored on every call of the common path.
#[cold]
#[inline(never)]
fn write_wide_digits(buf: &mut [u8; DECIMAL_TEXT_MAX + 16], mut m: u128, scale: usize) -> usize {
    let mut start = DECIMAL_TEXT_MAX;
    for written in 0.. {
        if written == scale && scale > 0 {
            start -= 1;
            buf[start] = b'.';
        }
        start -= 1;
        buf[start] = b'0' + (m % 10) as u8;
        m /= 10;
        // The fraction in full, then whole digits up to the last non-zero one, at least one.
        if m == 0 && written >= scale {
            break;
        }
    }
    start
}

impl fmt::Debug for DecimalText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Serialises a `Decimal` as its decimal string (`"0.0960"`) through [`DecimalText`]; for
/// `#[serde(serialize_with = "…")]` on plain `Decimal` fields.
pub mod decimal_str {
    use rust_decimal::Decimal;
    use serde::Serializer;

    use super::DecimalText;

    /// Writes `d` as a JSON string of its decimal text.
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(DecimalText::new(*d).as_str())
    }
}

impl<'de> Deserialize<'de> for Usd {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DecimalVisitor).map(Usd)
    }
}

/// A non-negative usage quantity as a person wrote it (hours, GB, milliseconds, percent).
///
/// Accepts a JSON number or a decimal string; rejects negative values, NaN, infinities and
/// anything that does not fit a 96-bit decimal. Serialises as a JSON integer when it is a whole
/// number (so `730` round-trips as `730`) and as a decimal string otherwise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quantity(Decimal);

impl Quantity {
    /// Zero.
    pub const ZERO: Quantity = Quantity(Decimal::ZERO);

    /// A quantity from a decimal; `None` when it is negative.
    pub fn new(value: Decimal) -> Option<Self> {
        (!value.is_sign_negative() || value.is_zero()).then_some(Quantity(normalized(value)))
    }

    /// A whole-number quantity.
    pub fn from_u64(value: u64) -> Self {
        Quantity(Decimal::from(value))
    }

    /// The exact value.
    pub const fn value(self) -> Decimal {
        self.0
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl FromStr for Quantity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let d = parse_decimal_text(s)?;
        Quantity::new(d)
            .ok_or_else(|| format!("`{s}` is negative; a quantity must be zero or more"))
    }
}

impl Quantity {
    /// How the quantity is written in JSON: a whole number that fits `u64` as a number,
    /// anything else as its normalised decimal string.
    pub(crate) fn json_form(self) -> Result<u64, Decimal> {
        let n = normalized(self.0);
        match u64::try_from(n) {
            Ok(whole) if n.scale() == 0 => Ok(whole),
            _ => Err(n),
        }
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.json_form() {
            Ok(whole) => s.serialize_u64(whole),
            Err(n) => decimal_str::serialize(&n, s),
        }
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = d.deserialize_any(DecimalVisitor)?;
        Quantity::new(value).ok_or_else(|| {
            de::Error::custom(format!(
                "{value} is negative; a quantity must be zero or more"
            ))
        })
    }
}

/// Parses a plain decimal (`12`, `0.5`, `1e3` is refused) without going through a float.
fn parse_decimal_text(s: &str) -> Result<Decimal, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err("an empty string is not a number".to_owned());
    }
    Decimal::from_str_exact(t)
        .or_else(|_| Decimal::from_scientific(t))
        .map_err(|_| format!("`{}` is not a decimal number", truncate(t, 40)))
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// Reads a decimal from a JSON string or number. Numbers are taken from their shortest
/// round-trip text, which is what the person typed for any value with up to 15 significant digits.
struct DecimalVisitor;

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number or a string holding one")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        if !v.is_finite() {
            return Err(E::custom("the number is not finite"));
        }
        // `{}` prints the shortest text that reads back as the same f64.
        let text = format!("{v}");
        Decimal::from_str_exact(&text).map_err(|_| {
            E::custom(format!(
                "{} is too large or too precise; at most 28 significant digits are supported",
                truncate(&text, 40)
            ))
        })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_decimal_text(v).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_text_is_what_display_writes() {
        let cases = [
            ("0", "0"),
            ("0.00", "0.00"),
            ("0.005", "0.005"),
            ("-0.005", "-0.005"),
            ("12.50", "12.50"),
            ("-12.50", "-12.50"),
            ("730", "730"),
            ("1000000", "1000000"),
            (
                "0.0000000000000000000000000001",
                "0.0000000000000000000000000001",
            ),
            (
                "79228162514264337593543950335",
                "79228162514264337593543950335",
            ),
            (
                "-7.9228162514264337593543950335",
                "-7.9228162514264337593543950335",
            ),
            // The longest texts: 31 bytes.
            (
                "-0.0000000000000000000000000001",
                "-0.0000000000000000000000000001",
            ),
            (
                "-79228162514264337593543950335",
                "-79228162514264337593543950335",
            ),
        ];
        for (input, expected) in cases {
            let d: Decimal = input.parse().expect("a decimal literal");
            assert_eq!(DecimalText::new(d).as_str(), expected, "{input}");
            let mut quoted = Vec::new();
            push_quoted_decimal(&mut quoted, d);
            assert_eq!(quoted, format!("\"{expected}\"").into_bytes(), "{input}");
            assert_eq!(d.to_string(), expected, "Display of {input}");
        }
        // Every short mantissa at every small scale: one digit, two, odd and even counts.
        for mantissa in 0..=1_000u32 {
            for scale in 0..=5 {
                let d = Decimal::from_parts(mantissa, 0, 0, mantissa % 3 == 1, scale);
                assert_eq!(DecimalText::new(d).as_str(), d.to_string(), "{d:?}");
                let mut out = b"x".to_vec();
                push_decimal(&mut out, d);
                assert_eq!(out, format!("x{d}").into_bytes());
                let mut out = b"x".to_vec();
                push_quoted_decimal(&mut out, d);
                assert_eq!(out, format!("x\"{d}\"").into_bytes());
            }
        }
        // Negative zero keeps its sign, as Display does.
        // (`from_parts` drops the sign of zero; `set_sign_negative` keeps it.)
        let mut negative_zero = Decimal::new(0, 2);
        negative_zero.set_sign_negative(true);
        assert!(negative_zero.is_sign_negative());
        assert_eq!(
            DecimalText::new(negative_zero).as_str(),
            negative_zero.to_string()
        );
        let mut out = Vec::new();
        push_decimal(&mut out, negative_zero);
        assert_eq!(out, b"-0.00");
    }

    proptest::proptest! {
        #[test]
        fn decimal_text_matches_display_everywhere(
            lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=28,
            small in proptest::bool::ANY,
        ) {
            // Half the cases are small mantissas, the common case (and the u64 path).
            let (mid, hi) = if small { (mid % 4, 0) } else { (mid, hi) };
            let d = Decimal::from_parts(lo, mid, hi, negative, scale);
            let text = DecimalText::new(d);
            proptest::prop_assert_eq!(text.as_str(), d.to_string());
            let mut pushed = b"x".to_vec();
            push_decimal(&mut pushed, d);
            proptest::prop_assert_eq!(pushed, format!("x{d}").into_bytes());
            let mut quoted = b"x".to_vec();
            push_quoted_decimal(&mut quoted, d);
            proptest::prop_assert_eq!(quoted, format!("x\"{d}\"").into_bytes());
        }
    }

    #[test]
    fn cents_round_half_away_from_zero() {
        let cases = [
            ("0.005", "0.01"),
            ("0.0049", "0.00"),
            ("140.165", "140.17"),
            ("-0.005", "-0.01"),
            ("2.675", "2.68"),
        ];
        for (input, expected) in cases {
            let usd = Usd::new(Decimal::from_str(input).unwrap());
            assert_eq!(usd.round_cents().to_string(), expected, "rounding {input}");
        }
    }

    /// Value, scale and sign (of zero too): `Decimal`'s `==` compares values only.
    fn exactly(d: Decimal) -> [u8; 16] {
        d.serialize()
    }

    fn round_cents_slowly(d: Decimal) -> Decimal {
        d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    }

    #[test]
    fn cents_are_what_rust_decimal_rounds_to_at_the_edges() {
        let mut cases: Vec<Decimal> = [
            "0",
            "0.0",
            "0.00",
            "0.000",
            "1.5",
            "-1.5",
            "12",
            "0.005",
            "-0.005",
            "0.0049999",
            "-0.0049999",
            "0.0050000",
            "1.995",
            "-1.995",
            "1.994999",
            "140.165",
            "-140.165",
            "2.675",
            "0.001",
            "-0.001",
            "99.999",
            "-99.9950",
            "0.0000000000000000000000000005",
            "-0.0000000000000000000000000005",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "-7.9228162514264337593543950335",
            "184467440737095516.15",
            "1844674407370955161.5",
            "18446744073709551.615",
            "18446744073709551615.5",
            "0.18446744073709551615",
            "-0.18446744073709551615",
            "18446744073709551.6159",
        ]
        .iter()
        .map(|s| s.parse().expect("a decimal literal"))
        .collect();
        // Zeros with a sign and more places than cents.
        for scale in 0..=28 {
            let mut zero = Decimal::new(0, scale);
            cases.push(zero);
            zero.set_sign_negative(true);
            cases.push(zero);
        }
        // Every midpoint and its neighbours at every scale the fast path takes.
        for scale in 3..=21u32 {
            let half = 5 * 10u128.pow(scale - 3);
            for whole in [0u128, 1, 7, 10u128.pow(14)] {
                let base = whole * 10u128.pow(scale - 2);
                for m in [
                    base + half - 1,
                    base + half,
                    base + half + 1,
                    base + 2 * half - 1,
                ] {
                    for negative in [false, true] {
                        let signed = if negative { -(m as i128) } else { m as i128 };
                        // Beyond 96 bits there is no decimal to round.
                        cases.extend(Decimal::try_from_i128_with_scale(signed, scale));
                    }
                }
            }
        }
        for d in cases {
            let fast = Usd::new(d).round_cents().amount();
            assert_eq!(exactly(fast), exactly(round_cents_slowly(d)), "{d:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn normalized_is_what_rust_decimal_normalises_to(
            lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=28,
            width in 0u8..4, zeros in 0u32..12,
        ) {
            // Mantissas of one, two and three words, many ending in zeros (and zero itself).
            let d = match width {
                0 => Decimal::from_parts(lo % 1000, 0, 0, negative, scale),
                1 => Decimal::from_parts(lo, 0, 0, negative, scale),
                2 => Decimal::from_parts(lo, mid, 0, negative, scale),
                _ => Decimal::from_parts(lo, mid, hi, negative, scale),
            };
            // Times a power of ten: the same scale, a mantissa ending in zeros.
            let d = d.checked_mul(Decimal::from(10u64.pow(zeros))).unwrap_or(d);
            proptest::prop_assert_eq!(exactly(normalized(d)), exactly(d.normalize()), "{:?}", d);
        }
    }

    #[test]
    fn normalized_keeps_what_normalize_keeps() {
        let mut negative_zero = Decimal::new(0, 3);
        negative_zero.set_sign_negative(true);
        for d in [
            negative_zero,
            Decimal::new(0, 3),
            Decimal::new(-5000, 3),
            Decimal::new(730, 0),
        ] {
            assert_eq!(exactly(normalized(d)), exactly(d.normalize()), "{d:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn cents_are_what_rust_decimal_rounds_to_everywhere(
            lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=28,
            width in 0u8..4,
        ) {
            // Mantissas of one, two and three words (and zero, now and then).
            let d = match width {
                0 => Decimal::from_parts(lo % 100_000, 0, 0, negative, scale),
                1 => Decimal::from_parts(lo, 0, 0, negative, scale),
                2 => Decimal::from_parts(lo, mid, 0, negative, scale),
                _ => Decimal::from_parts(lo, mid, hi, negative, scale),
            };
            let fast = Usd::new(d).round_cents().amount();
            proptest::prop_assert_eq!(exactly(fast), exactly(round_cents_slowly(d)), "{:?}", d);
        }
    }

    #[test]
    fn quantities_read_numbers_and_strings_exactly() {
        let q: Quantity = serde_json::from_str("0.1").unwrap();
        assert_eq!(q.value(), Decimal::from_str("0.1").unwrap());
        let q: Quantity = serde_json::from_str("\"730.5\"").unwrap();
        assert_eq!(q.value(), Decimal::from_str("730.5").unwrap());
        let q: Quantity = serde_json::from_str("730").unwrap();
        assert_eq!(serde_json::to_string(&q).unwrap(), "730");
        let q: Quantity = serde_json::from_str("\"0.25\"").unwrap();
        assert_eq!(serde_json::to_string(&q).unwrap(), "\"0.25\"");
    }

    #[test]
    fn quantities_refuse_negative_and_non_numbers() {
        assert!(serde_json::from_str::<Quantity>("-1").is_err());
        assert!(serde_json::from_str::<Quantity>("\"NaN\"").is_err());
        assert!(serde_json::from_str::<Quantity>("\"\"").is_err());
        assert!(serde_json::from_str::<Quantity>("1e308").is_err());
        assert!(serde_json::from_str::<Quantity>("true").is_err());
    }

    #[test]
    fn usd_serialises_as_a_string() {
        let usd = Usd::new(Decimal::from_str("140.16").unwrap());
        assert_eq!(serde_json::to_string(&usd).unwrap(), "\"140.16\"");
    }
}

#[cfg(feature = "schema")]
mod schema {
    use std::borrow::Cow;

    use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

    impl JsonSchema for super::Usd {
        fn schema_name() -> Cow<'static, str> {
            "Usd".into()
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
                "description": "An amount of US dollars as a decimal string, e.g. \"140.16\". Presented amounts are rounded once, half away from zero, to cents.",
                "examples": ["140.16"]
            })
        }
    }

    impl JsonSchema for super::Quantity {
        fn schema_name() -> Cow<'static, str> {
            "Quantity".into()
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "A non-negative quantity: a JSON number or a decimal string (read exactly, never through a float).",
                "oneOf": [
                    { "type": "number", "minimum": 0 },
                    { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$" }
                ]
            })
        }
    }
}
