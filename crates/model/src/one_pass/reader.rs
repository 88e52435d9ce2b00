//! A small `serde::Deserializer` for the one pass: JSON text in, the visitor calls serde_json
//! would make, or a refusal.
//!
//! serde_json spent most of a request's decode on work this input does not need: checking each
//! string for escapes a byte at a time, peeking at whitespace a byte at a time through its
//! `Read` trait, and keeping positions for error messages. This reader keeps only what the one
//! pass needs, over text whose UTF-8 is already checked: eight bytes at a time through strings
//! and indentation, and no error but [`Refused`], because the one pass words no errors (the path
//! through values does).
//!
//! It answers as serde_json does or refuses. Each `deserialize_*` method accepts the tokens
//! serde_json's accepts and then makes the same visitor call serde_json's `deserialize_any` makes
//! for them; anything else is refused before the visitor sees it. Where serde_json's rules are
//! intricate the work is handed to serde_json itself, on just that token's text:
//! - a string with a backslash escape (serde_json decodes it and calls `visit_str`);
//! - a number with a fraction or an exponent, `-0`, and integers beyond 19 digits or below
//!   `i64::MIN` (serde_json's own float parsing, which is not always correctly rounded, and its
//!   rules for which numbers become floats).
//!
//! Plain integers are read here: unsigned ones reach the visitor as `visit_u64`, negative ones as
//! `visit_i64`, which is what serde_json does for them. Strings without escapes are lent to the
//! visitor (`visit_borrowed_str`), so keys cost no allocation. It refuses what serde_json
//! refuses (control characters in strings, trailing commas, leading zeros, anything after the
//! value) and, to keep itself simple, byte strings, 128-bit integers, keys read as anything but
//! strings, serde_json's private raw-value name, and nesting deeper than [`MAX_DEPTH`].

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, Visitor};
use serde::{Deserialize, forward_to_deserialize_any};

/// How deeply arrays and objects may nest. Estimates nest five deep (body, items, item, `ebs`,
/// volume); serde_json allows 128, and anything deeper than this is left to it.
pub(super) const MAX_DEPTH: u32 = 16;

/// The name under which serde_json asks for a raw value (its `raw_value` feature, which the
/// server's build turns on). Refused: the one pass never asks for one.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// Decodes a `T` from the whole of `text`, as `serde_json::from_str` would, or refuses.
pub(super) fn from_str<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Refused> {
    let mut reader = Reader {
        text,
        pos: 0,
        depth: MAX_DEPTH,
    };
    let value = T::deserialize(&mut reader)?;
    match reader.peek() {
        Err(Refused) => Ok(value),
        Ok(_) => Err(Refused),
    }
}

/// The reader's only error: this text is left to the path that explains problems.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Refused;

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("refused by the one pass")
    }
}

impl std::error::Error for Refused {}

impl de::Error for Refused {
    #[cold]
    fn custom<T: fmt::Display>(_: T) -> Self {
        Refused
    }
}

/// Maps any other error (serde_json's, when it reads a token for us) to a refusal.
fn refused<E>(_: E) -> Refused {
    Refused
}

/// Eight copies of a byte, for looking at eight bytes at once.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

const LOW: u64 = splat(0x01);
const HIGH: u64 = splat(0x80);

/// The high bit of the first byte of `w` (in memory order) that is zero. Bytes after that one
/// may be marked wrongly, so only the lowest mark counts.
const fn zero_bytes(w: u64) -> u64 {
    w.wrapping_sub(LOW) & !w & HIGH
}

/// Marks, in eight bytes of a string, the first byte that ends the fast scan: a quote, a
/// backslash, or a control character (below 0x20, which serde_json refuses in strings).
const fn string_stops(w: u64) -> u64 {
    zero_bytes(w ^ splat(b'"'))
        | zero_bytes(w ^ splat(b'\\'))
        | (w.wrapping_sub(splat(0x20)) & !w & HIGH)
}

/// Where the indentation that starts at `pos` (after a line break) ends, up to eight spaces
/// read in one step: all eight when the next eight bytes are spaces.
#[inline(always)]
fn after_indentation(bytes: &[u8], pos: usize) -> usize {
    match bytes.get(pos..).and_then(<[u8]>::first_chunk::<8>) {
        Some(chunk) => {
            let others = u64::from_le_bytes(*chunk) ^ splat(b' ');
            pos + (others.trailing_zeros() / 8) as usize
        }
        None => pos,
    }
}

/// A number token other than a plain unsigned integer: a negative integer read here, or text
/// for serde_json.
enum Number<'de> {
    I64(i64),
    Other(&'de str),
}

/// The reader: the text, the position of the next byte, and how much deeper values may nest.
#[derive(Debug)]
pub(super) struct Reader<'de> {
    text: &'de str,
    pos: usize,
    depth: u32,
}

impl<'de> Reader<'de> {
    /// The next byte that is not whitespace, left unread; refused at the end of the text.
    #[inline]
    fn peek(&mut self) -> Result<u8, Refused> {
        match self.text.as_bytes().get(self.pos) {
            Some(&b) if b > b' ' => Ok(b),
            _ => self.peek_after_space(),
        }
    }

    /// Reads the `:` after a key, and the one space that pretty printers put after it.
    #[inline]
    fn colon(&mut self) -> Result<(), Refused> {
        self.expect(b':')?;
        if self
            .text
            .as_bytes()
            .get(self.pos..self.pos + 2)
            .is_some_and(|two| two[0] == b' ' && two[1] > b' ')
        {
            self.pos += 1;
        }
        Ok(())
    }

    /// [`Reader::peek`] when whitespace comes first. The runs in an estimate are one space, or a
    /// line break and indentation: both are read without a loop, indentation eight spaces at a
    /// time, and anything else by [`Reader::peek_after_spaces`].
    #[inline(never)]
    fn peek_after_space(&mut self) -> Result<u8, Refused> {
        let bytes = self.text.as_bytes();
        let mut pos = self.pos;
        match bytes.get(pos) {
            Some(b'\n') => pos = after_indentation(bytes, pos + 1),
            Some(b' ') => pos += 1,
            _ => {}
        }
        match bytes.get(pos) {
            Some(&b) if b > b' ' => {
                self.pos = pos;
                Ok(b)
            }
            _ => self.peek_after_spaces(pos),
        }
    }

    /// [`Reader::peek`] from `pos` on, a byte at a time but for indentation.
    #[cold]
    fn peek_after_spaces(&mut self, mut pos: usize) -> Result<u8, Refused> {
        let bytes = self.text.as_bytes();
        loop {
            let Some(&b) = bytes.get(pos) else {
                self.pos = pos;
                return Err(Refused);
            };
            if b == b'\n' {
                pos = after_indentation(bytes, pos + 1);
            } else if b == b' ' || b == b'\t' || b == b'\r' {
                pos += 1;
            } else {
                self.pos = pos;
                return Ok(b);
            }
        }
    }

    /// Reads `byte`, which must come next after whitespace.
    #[inline]
    fn expect(&mut self, byte: u8) -> Result<(), Refused> {
        if self.peek()? != byte {
            return Err(Refused);
        }
        self.pos += 1;
        Ok(())
    }

    /// Reads `word` (`null`, `true`, `false`), which starts at the position.
    fn literal(&mut self, word: &[u8]) -> Result<(), Refused> {
        if !self.text.as_bytes()[self.pos..].starts_with(word) {
            return Err(Refused);
        }
        self.pos += word.len();
        Ok(())
    }

    /// The array or object (or enum written as an object) whose opening byte is at the position:
    /// `read` reads its contents one level deeper, refused past [`MAX_DEPTH`], and then its
    /// `close` byte must come.
    #[inline(always)]
    fn nested<T>(
        &mut self,
        close: u8,
        read: impl FnOnce(&mut Self) -> Result<T, Refused>,
    ) -> Result<T, Refused> {
        self.depth = self
            .depth
            .checked_sub(1)
            .filter(|&d| d > 0)
            .ok_or(Refused)?;
        self.pos += 1;
        let value = read(self);
        self.depth += 1;
        let value = value?;
        self.expect(close)?;
        Ok(value)
    }

    /// Before the next entry of an object or element of an array: `None` at its `close`, or the
    /// first byte of the next one, past the comma that must come before all but the first
    /// (`first` says whether one came already). A comma before `close` is refused, as serde_json
    /// refuses it.
    #[inline(always)]
    fn next_member(&mut self, first: &mut bool, close: u8) -> Result<Option<u8>, Refused> {
        let mut next = self.peek()?;
        if next == close {
            return Ok(None);
        }
        if *first {
            *first = false;
        } else {
            if next != b',' {
                return Err(Refused);
            }
            self.pos += 1;
            next = self.peek()?;
            if next == close {
                return Err(Refused);
            }
        }
        Ok(Some(next))
    }

    /// The string whose opening quote is at the position, read past, when it has no escape;
    /// `None`, with nothing read, for a string with an escape or a control character, or without
    /// an end. Most strings in an estimate (keys, ids, names) end within eight bytes: that case
    /// is inlined, longer ones are scanned out of line.
    #[inline(always)]
    fn plain_string(&mut self) -> Option<&'de str> {
        let bytes = self.text.as_bytes();
        let start = self.pos + 1;
        let Some(chunk) = bytes.get(start..).and_then(<[u8]>::first_chunk::<8>) else {
            return self.plain_string_tail(start);
        };
        let stops = string_stops(u64::from_le_bytes(*chunk));
        if stops == 0 {
            return self.long_plain_string(start + 8);
        }
        self.plain_string_to(start + (stops.trailing_zeros() / 8) as usize)
    }

    /// [`Reader::plain_string`] from `from` on, when the bytes before it hold no quote.
    #[inline(never)]
    fn long_plain_string(&mut self, from: usize) -> Option<&'de str> {
        let bytes = self.text.as_bytes();
        let mut pos = from;
        while let Some(chunk) = bytes.get(pos..).and_then(<[u8]>::first_chunk::<8>) {
            let stops = string_stops(u64::from_le_bytes(*chunk));
            if stops != 0 {
                return self.plain_string_to(pos + (stops.trailing_zeros() / 8) as usize);
            }
            pos += 8;
        }
        self.plain_string_tail(pos)
    }

    /// [`Reader::plain_string`] in the last few bytes of the text, from `pos` on.
    #[cold]
    fn plain_string_tail(&mut self, mut pos: usize) -> Option<&'de str> {
        let bytes = self.text.as_bytes();
        while bytes
            .get(pos)
            .is_some_and(|&b| b >= 0x20 && b != b'"' && b != b'\\')
        {
            pos += 1;
        }
        self.plain_string_to(pos)
    }

    /// The string that starts after the quote at the position, if it ends at `stop`, the
    /// first quote, backslash or control character in it.
    #[inline(always)]
    fn plain_string_to(&mut self, stop: usize) -> Option<&'de str> {
        if self.text.as_bytes().get(stop) != Some(&b'"') {
            return None;
        }
        // Both ends are next to a quote, so on character boundaries.
        let (before, _) = self.text.split_at_checked(stop)?;
        let (_, text) = before.split_at_checked(self.pos + 1)?;
        self.pos = stop + 1;
        Some(text)
    }

    /// The whole token of the string whose opening quote is at the position, read past, when
    /// [`Reader::plain_string`] declined it: one with escapes, for serde_json to decode.
    #[cold]
    fn escaped_string(&mut self) -> Result<&'de str, Refused> {
        let bytes = self.text.as_bytes();
        let open = self.pos;
        let mut pos = open + 1;
        loop {
            match bytes.get(pos) {
                // The escaped byte is skipped: it may be a quote. serde_json checks the rest.
                Some(b'\\') => pos += 2,
                Some(b'"') => break,
                Some(&b) if b >= 0x20 => pos += 1,
                _ => return Err(Refused),
            }
        }
        self.pos = pos + 1;
        Ok(&self.text[open..=pos])
    }

    /// The plain integer that starts at the position, read past, if it is one that serde_json
    /// hands over as a `u64`: digits without a sign, a fraction or an exponent, and at most 19
    /// of them (which always fit). `None`, with nothing read, for any other number.
    #[inline(never)]
    fn plain_u64(&mut self) -> Option<u64> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut pos = start;
        let mut n: u64 = 0;
        while let Some(&b) = bytes.get(pos) {
            let digit = b.wrapping_sub(b'0');
            if digit > 9 {
                break;
            }
            n = n.wrapping_mul(10).wrapping_add(u64::from(digit));
            pos += 1;
        }
        let count = pos - start;
        // A leading zero is only allowed alone.
        let plain = (1..=19).contains(&count)
            && !matches!(bytes.get(pos), Some(b'.' | b'e' | b'E'))
            && (count == 1 || bytes[start] != b'0');
        if !plain {
            return None;
        }
        self.pos = pos;
        Some(n)
    }

    /// Any number token that [`Reader::plain_u64`] declined, read past: a negative integer that
    /// serde_json hands over as an `i64`, or the token's text for serde_json.
    #[cold]
    fn other_number(&mut self) -> Number<'de> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        if bytes.get(start) == Some(&b'-') {
            self.pos += 1;
            // serde_json reads `-0` as the float -0.0, and below i64::MIN as floats.
            let negative = self
                .plain_u64()
                .filter(|&n| n != 0)
                .and_then(|n| 0i64.checked_sub_unsigned(n));
            if let Some(i) = negative {
                return Number::I64(i);
            }
        }
        let mut pos = start;
        while bytes
            .get(pos)
            .is_some_and(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
        {
            pos += 1;
        }
        self.pos = pos;
        Number::Other(&self.text[start..pos])
    }

    /// The value whose first byte, `first`, is at the position, as serde_json's `deserialize_any`
    /// hands it to a visitor.
    fn any<V: Visitor<'de>>(&mut self, first: u8, visitor: V) -> Result<V::Value, Refused> {
        match first {
            b'"' => self.string(visitor),
            b'-' | b'0'..=b'9' => self.number(visitor),
            b'{' => self.nested(b'}', |reader| {
                visitor.visit_map(Entries {
                    reader,
                    first: true,
                })
            }),
            b'[' => self.nested(b']', |reader| {
                visitor.visit_seq(Elements {
                    reader,
                    first: true,
                })
            }),
            b'n' => {
                self.literal(b"null")?;
                visitor.visit_unit()
            }
            b't' => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            _ => Err(Refused),
        }
    }

    /// The string whose opening quote is at the position, as serde_json hands it to a visitor.
    #[inline(always)]
    fn string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Refused> {
        match self.plain_string() {
            Some(s) => visitor.visit_borrowed_str(s),
            None => by_serde_json(self.escaped_string()?, visitor),
        }
    }

    /// The number that starts at the position, as serde_json hands it to a visitor.
    #[inline(always)]
    fn number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Refused> {
        match self.plain_u64() {
            Some(n) => visitor.visit_u64(n),
            None => match self.other_number() {
                Number::I64(n) => visitor.visit_i64(n),
                Number::Other(token) => by_serde_json(token, visitor),
            },
        }
    }

    /// [`Reader::any`] for a value that must start with one of `allowed`, as the
    /// `deserialize_*` method asking for it requires; anything else is refused unread.
    #[inline]
    fn any_of<V: Visitor<'de>>(
        &mut self,
        allowed: fn(u8) -> bool,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        let first = self.peek()?;
        if !allowed(first) {
            return Err(Refused);
        }
        self.any(first, visitor)
    }
}

/// Hands one token's text to serde_json, which calls the visitor as it would have in the whole
/// body (the same parser, on the same characters).
#[cold]
fn by_serde_json<'de, V: Visitor<'de>>(token: &'de str, visitor: V) -> Result<V::Value, Refused> {
    let mut json = serde_json::Deserializer::from_str(token);
    let value = de::Deserializer::deserialize_any(&mut json, visitor).map_err(refused)?;
    json.end().map_err(refused)?;
    Ok(value)
}

fn is_number(b: u8) -> bool {
    matches!(b, b'-' | b'0'..=b'9')
}

/// `deserialize_*` methods that refuse whatever comes, unread.
macro_rules! refuse {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Refused> {
            Err(Refused)
        }
    )*};
}

/// `deserialize_*` methods that accept a number token and hand it to [`Reader::number`].
macro_rules! numbers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
            if !is_number(self.peek()?) {
                return Err(Refused);
            }
            self.number(visitor)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        let first = self.peek()?;
        self.any(first, visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.any_of(|b| matches!(b, b't' | b'f'), visitor)
    }

    // serde_json answers a number token the same way whichever number type is asked for, and
    // lets the visitor judge the value; so does this reader.
    numbers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_f64
    }

    // An f32: serde_json reads one through its f64 path unless `float_roundtrip` is on, when it
    // rounds once, to f32; left to serde_json rather than guessed. Byte strings and 128-bit
    // integers: the request has none.
    refuse! { deserialize_f32 deserialize_i128 deserialize_u128 deserialize_bytes deserialize_byte_buf }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        if self.peek()? != b'"' {
            return Err(Refused);
        }
        self.string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        if self.peek()? == b'n' {
            self.literal(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.any_of(|b| b == b'n', visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        if name == RAW_VALUE_TOKEN {
            return Err(Refused);
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.any_of(|b| b == b'[', visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.any_of(|b| b == b'{', visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        self.any_of(|b| matches!(b, b'{' | b'['), visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        match self.peek()? {
            // `"name"`: a unit variant.
            b'"' => visitor.visit_enum(UnitVariant(self)),
            // `{"name": value}`: any variant.
            b'{' => self.nested(b'}', |reader| visitor.visit_enum(Variant(reader))),
            _ => Err(Refused),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        // Read, and so checked, as any value is; serde_json checks what it skips too.
        de::Deserializer::deserialize_any(&mut *self, IgnoredAny)?;
        visitor.visit_unit()
    }
}

/// The entries of an object, after its `{`.
struct Entries<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Refused> {
        let Some(next) = self.reader.next_member(&mut self.first, b'}')? else {
            return Ok(None);
        };
        if next != b'"' {
            return Err(Refused);
        }
        seed.deserialize(Key(&mut *self.reader)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Refused> {
        self.reader.colon()?;
        seed.deserialize(&mut *self.reader)
    }
}

/// The elements of an array, after its `[`.
struct Elements<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = Refused;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Refused> {
        if self.reader.next_member(&mut self.first, b']')?.is_none() {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

/// An object's key, whose opening quote is at the position. Keys are strings: asked for as one
/// (or as anything serde_json reads from a string key's text), they are handed over as
/// `deserialize_any` hands a string; asked for as numbers, booleans or enums, they are refused.
struct Key<'a, 'de>(&'a mut Reader<'de>);

impl<'de> de::Deserializer<'de> for Key<'_, 'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.0.string(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        // Keys are never null.
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        if name == RAW_VALUE_TOKEN {
            return Err(Refused);
        }
        visitor.visit_newtype_struct(self)
    }

    refuse! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_bytes deserialize_byte_buf
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Refused> {
        Err(Refused)
    }

    forward_to_deserialize_any! {
        char str string unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// An enum written as its variant's name: only a unit variant reads from it.
struct UnitVariant<'a, 'de>(&'a mut Reader<'de>);

impl<'de> de::EnumAccess<'de> for UnitVariant<'_, 'de> {
    type Error = Refused;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Refused> {
        let variant = seed.deserialize(&mut *self.0)?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant<'_, 'de> {
    type Error = Refused;

    fn unit_variant(self) -> Result<(), Refused> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value, Refused> {
        Err(Refused)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value, Refused> {
        Err(Refused)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Refused> {
        Err(Refused)
    }
}

/// An enum written as an object of one entry, after its `{`: the key names the variant, the
/// value holds its content.
struct Variant<'a, 'de>(&'a mut Reader<'de>);

impl<'de> de::EnumAccess<'de> for Variant<'_, 'de> {
    type Error = Refused;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Refused> {
        if self.0.peek()? != b'"' {
            return Err(Refused);
        }
        let variant = seed.deserialize(Key(&mut *self.0))?;
        self.0.expect(b':')?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Refused;

    fn unit_variant(self) -> Result<(), Refused> {
        <()>::deserialize(self.0)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Refused> {
        seed.deserialize(self.0)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Refused> {
        de::Deserializer::deserialize_seq(self.0, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        de::Deserializer::deserialize_struct(self.0, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use proptest::prelude::*;
    use serde::Deserialize;
    use serde_json::Value;

    use super::*;
    use crate::money::Quantity;

    /// Decodes `text` as a `T` with the reader and with serde_json. Where the reader accepts,
    /// serde_json must accept too and give the same; returns whether the reader accepted.
    fn agrees<'de, T>(text: &'de str) -> bool
    where
        T: Deserialize<'de> + PartialEq + Debug,
    {
        let ours = from_str::<T>(text);
        if let Ok(value) = &ours {
            let theirs = serde_json::from_str::<T>(text);
            assert_eq!(theirs.as_ref().ok(), Some(value), "{text:?}");
        }
        ours.is_ok()
    }

    /// `agrees`, and the reader accepts exactly what serde_json accepts.
    fn accepts_as_serde_json<'de, T>(text: &'de str)
    where
        T: Deserialize<'de> + PartialEq + Debug,
    {
        let accepted = agrees::<T>(text);
        assert_eq!(
            accepted,
            serde_json::from_str::<T>(text).is_ok(),
            "{text:?} as {}",
            std::any::type_name::<T>()
        );
    }

    #[test]
    fn numbers_reach_visitors_as_serde_json_hands_them() {
        let numbers = [
            "0",
            "7",
            "730",
            "20000000",
            "1234567890123456789",
            "9999999999999999999",
            "18446744073709551615",
            "18446744073709551616",
            "123456789012345678901234567890",
            "-1",
            "-0",
            "-0.0",
            "-9223372036854775808",
            "-9223372036854775809",
            "-18446744073709551616",
            "0.1",
            "12.5",
            "2.675",
            "700.5",
            "1.0000000000000002",
            "0.30000000000000004",
            "9007199254740993",
            "9007199254740993.0",
            "1e2",
            "1E+2",
            "1e-7",
            "2.5e-3",
            "1e308",
            "1e400",
            "-1e400",
            "4.9e-324",
            "1e-400",
            "123456789.123456789123456789",
            "01",
            "-01",
            "00",
            "1.",
            ".5",
            "-",
            "+1",
            "1e",
            "1e+",
            "1.5.5",
            "1-2",
            "--1",
            "0x10",
        ];
        for text in numbers {
            accepts_as_serde_json::<Value>(text);
            accepts_as_serde_json::<u64>(text);
            accepts_as_serde_json::<i64>(text);
            accepts_as_serde_json::<u32>(text);
            accepts_as_serde_json::<f64>(text);
            accepts_as_serde_json::<Quantity>(text);
            accepts_as_serde_json::<Option<Quantity>>(text);
            // The sign of zero and every bit of a float, which `==` does not compare.
            if let Ok(ours) = from_str::<f64>(text) {
                let theirs: f64 = serde_json::from_str(text).expect("serde_json accepts it too");
                assert_eq!(ours.to_bits(), theirs.to_bits(), "{text}");
            }
            // Inside a document, where the token ends at a delimiter.
            accepts_as_serde_json::<Vec<Value>>(&format!("[{text}]"));
            accepts_as_serde_json::<Vec<Value>>(&format!("[ {text} , 1 ]"));
        }
        // The ones the reader reads itself.
        assert_eq!(from_str::<Value>("730"), Ok(Value::from(730u64)));
        assert_eq!(from_str::<Value>("-5"), Ok(Value::from(-5i64)));
        assert_eq!(
            from_str::<Value>("-9223372036854775808"),
            Ok(Value::from(i64::MIN))
        );
        assert_eq!(
            from_str::<f64>("-0").map(f64::is_sign_negative),
            Ok(true),
            "serde_json reads -0 as a float"
        );
    }

    #[test]
    fn strings_are_lent_and_escapes_decoded_as_serde_json_does() {
        let strings = [
            r#""""#,
            r#""a""#,
            r#""us-east-1""#,
            r#""exactly8""#,
            r#""a string of well over eight bytes, so scanned out of line""#,
            "\"héllo wörld\"",
            "\"日本語のラベル、八バイトを超える\"",
            "\"🚀 launch\"",
            r#""a\"b""#,
            r#""back\\slash""#,
            r#""\u00e9t\u00e9""#,
            r#""\ud83d\ude80""#,
            r#""tab\tnew\nline""#,
            r#""long text before an escape: \/""#,
            r#""\ud800""#,
            r#""\x""#,
            r#""\u12""#,
            "\"raw\ttab\"",
            "\"raw\nline\"",
            "\"\u{1f}\"",
            r#""unterminated"#,
            r#""unterminated\""#,
            r#"""#,
        ];
        for text in strings {
            accepts_as_serde_json::<String>(text);
            accepts_as_serde_json::<Value>(text);
            accepts_as_serde_json::<Vec<String>>(&format!("[{text}]"));
            accepts_as_serde_json::<Value>(&format!("{{{text}:1}}"));
        }
        // Plain strings are lent, not copied.
        #[derive(Deserialize, Debug, PartialEq)]
        struct Lent<'a> {
            #[serde(borrow)]
            name: &'a str,
        }
        assert_eq!(
            from_str::<Lent<'_>>(r#"{"name":"borrowed, and longer than eight"}"#),
            Ok(Lent {
                name: "borrowed, and longer than eight"
            })
        );
        // A string with an escape cannot be lent; serde_json says so too.
        assert!(from_str::<Lent<'_>>(r#"{"name":"a\"b"}"#).is_err());
        assert!(serde_json::from_str::<Lent<'_>>(r#"{"name":"a\"b"}"#).is_err());
    }

    #[test]
    fn whitespace_is_skipped_wherever_json_allows_it() {
        let texts = [
            "{}",
            " {} ",
            "{ }",
            "[ ]",
            "[]",
            "\t[\r\n1 ,\t2\r\n]\n",
            "{\"a\" : 1 , \"b\":[ true ,false , null ] }",
            "{\n  \"a\": {\n    \"b\": [\n      1,\n      2\n    ]\n  }\n}",
            // Indentation longer than eight spaces, and runs ending near the end of the text.
            "{\n                  \"deep\":                    1\n                 }",
            "[1,                         2]      ",
            "[1,\n\n\n        \n2]",
            " \n \r\n\t  null  \n",
            "{\"a\":1}\n\n\n\n\n\n\n\n\n\n",
            "",
            "   ",
            "\u{a0}1",
            "\u{b}1",
            "\u{c}1",
        ];
        for text in texts {
            accepts_as_serde_json::<Value>(text);
        }
    }

    #[test]
    fn containers_literals_and_trailing_data_are_checked_as_serde_json_does() {
        let texts = [
            "{}",
            "[]",
            "{\"a\":[]}",
            "{\"a\":{}}",
            "[[],[[]],{}]",
            "true",
            "false",
            "null",
            "tru",
            "nul",
            "nullx",
            "truefalse",
            "{} x",
            "{}}",
            "[]]",
            "{},",
            "[1,]",
            "[,1]",
            "[1 2]",
            "[1,,2]",
            "{\"a\":1,}",
            "{,\"a\":1}",
            "{\"a\" 1}",
            "{\"a\":}",
            "{\"a\"}",
            "{\"a\":1 \"b\":2}",
            "{1:2}",
            "{null:2}",
            "{\"a\":1",
            "[1",
            "[",
            "{",
            "]",
            "}",
            ":",
            ",",
            "x",
        ];
        for text in texts {
            accepts_as_serde_json::<Value>(text);
            accepts_as_serde_json::<Option<Vec<Value>>>(text);
        }
    }

    #[test]
    fn nesting_past_the_limit_is_refused() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let deepest = usize::try_from(MAX_DEPTH - 1).expect("a small number");
        assert!(agrees::<Value>(&nested(deepest)));
        assert_eq!(from_str::<Value>(&nested(deepest + 1)), Err(Refused));
        // serde_json accepts it: the path through values decides.
        assert!(serde_json::from_str::<Value>(&nested(deepest + 1)).is_ok());
        let objects = |depth: usize| format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        assert!(agrees::<Value>(&objects(deepest)));
        assert_eq!(from_str::<Value>(&objects(deepest + 1)), Err(Refused));
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Record {
        name: String,
        #[serde(default)]
        count: Option<u32>,
        #[serde(default)]
        kind: Option<Kind>,
        #[serde(default)]
        flag: bool,
        #[serde(default)]
        list: Vec<Quantity>,
        #[serde(default)]
        unit: (),
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Wrapped(u32),
        Pair(u32, u32),
        Named { x: u32 },
    }

    #[test]
    fn structs_and_enums_decode_in_every_form_serde_json_reads() {
        let texts = [
            r#"{"name":"a"}"#,
            r#"["a"]"#,
            r#"["a",3,"plain",true,[1,"2.5"],null]"#,
            r#"{"name":"a","count":3,"kind":"plain","flag":true,"list":[1,2.5,"0.1"]}"#,
            r#"{"name":"a","count":null,"kind":null}"#,
            r#"{"name":"a","kind":{"plain":null}}"#,
            r#"{"name":"a","kind":{ "wrapped" : 7 }}"#,
            r#"{"name":"a","kind":{"pair":[1,2]}}"#,
            r#"{"name":"a","kind":{"named":{"x":1}}}"#,
            r#"{"name":"a","kind":{"named":[1]}}"#,
            r#"{"name":"a","kind":"wrapped"}"#,
            r#"{"name":"a","kind":{"wrapped":7,"plain":null}}"#,
            r#"{"name":"a","kind":{"plain":1}}"#,
            r#"{"name":"a","kind":{}}"#,
            r#"{"name":"a","kind":"bogus"}"#,
            r#"{"name":"a","kind":3}"#,
            r#"{"name":"a","count":-1}"#,
            r#"{"name":"a","count":4294967296}"#,
            r#"{"name":"a","count":1.0}"#,
            r#"{"name":"a","flag":"true"}"#,
            r#"{"name":"a","unit":null}"#,
            r#"{"name":"a","unit":0}"#,
            r#"{"name":"a","other":1}"#,
            r#"{"name":"a","name":"b"}"#,
            r#"{"n\u0061me":"a"}"#,
            r#"{"name":1}"#,
            r#"{}"#,
        ];
        for text in texts {
            accepts_as_serde_json::<Record>(text);
        }
    }

    /// JSON values of every kind, with keys and strings that need escapes now and then.
    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            "[a-z0-9 é\"\\\\\n]{0,20}".prop_map(Value::from),
        ];
        leaf.prop_recursive(6, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
                prop::collection::btree_map("[a-z_\"]{0,12}", inner, 0..6)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn generated_json_reads_as_serde_json_reads_it(value in json_value()) {
            for text in [
                serde_json::to_string(&value).expect("values serialise"),
                serde_json::to_string_pretty(&value).expect("values serialise"),
            ] {
                // Everything serde_json writes is read, as serde_json reads it (which is not always
                // the value written: without `float_roundtrip` a float may come back a bit off).
                let theirs = serde_json::from_str::<Value>(&text).expect("serde_json reads it");
                prop_assert_eq!(from_str::<Value>(&text), Ok(theirs), "{}", text);
            }
        }

        #[test]
        fn numbers_in_any_spelling_read_as_serde_json_reads_them(
            sign in prop::sample::select(vec!["", "-"]),
            whole in "(0|[1-9][0-9]{0,24})",
            fraction in prop::option::of("[0-9]{1,20}"),
            exponent in prop::option::of("[eE][+-]?[0-9]{1,3}"),
        ) {
            let mut text = format!("{sign}{whole}");
            if let Some(fraction) = fraction {
                text.push('.');
                text.push_str(&fraction);
            }
            if let Some(exponent) = exponent {
                text.push_str(&exponent);
            }
            accepts_as_serde_json::<Value>(&text);
            accepts_as_serde_json::<Quantity>(&text);
            accepts_as_serde_json::<u32>(&text);
            if let Ok(ours) = from_str::<f64>(&text) {
                let theirs: f64 = serde_json::from_str(&text).expect("serde_json accepts it too");
                prop_assert_eq!(ours.to_bits(), theirs.to_bits(), "{}", text);
            }
        }
    }
}
