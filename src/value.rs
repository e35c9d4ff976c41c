//! The value parser: what people type into a cell, turned into a number or a precise refusal.
//!
//! Clerks type what they see on paper or copy from a spreadsheet: full-width digits (６４５), thousands
//! separators (1,234 or 1，234), a unit after the number (645条, 2.5万元), stray spaces and zero-width
//! characters from copied web pages, annotations such as 22（其中修订16件）. The parser accepts these and
//! records each normalisation, so the caller can say "accepted after normalising" without ever changing
//! the user's text. Anything else is refused with a reason of its own. It never panics.

use serde::{Deserialize, Serialize};

/// Fixed-point scale: amounts are kept in millionths, so 万元 with 6 decimals (1 分: published reports
/// give fees to the cent, e.g. 5949.088667 万元) is exact and sums never suffer from binary floating
/// point. 10^12 (the largest magnitude) × 10^6 stays well inside an i64.
pub const SCALE: i64 = 1_000_000;

/// Decimal places of 万元 the scale holds.
pub const MONEY_PLACES: usize = 6;

/// The largest magnitude accepted: no real count in an annual report comes near 10^12.
pub const MAX_MAGNITUDE: i64 = 1_000_000_000_000;

/// The longest cell text read as a value, in characters: the longest real one is a figure with its
/// note (22（其中修订16件）, 5949.088667万元), well under 100. Longer text is refused before it is
/// read, whatever it holds (the server's bound on a cell is the same).
pub const MAX_CELL_CHARS: usize = 256;

/// What a cell holds, which decides what is allowed in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ValueKind {
    /// A non-negative whole number (件, 条, 次, 人…).
    Count,
    /// Money in 万元: non-negative, at most 6 decimal places (1 分); 元 (to the 分) is converted.
    Money,
    /// A signed whole number (本年增/减: "+3", "-2").
    Signed,
}

/// An exact decimal number, in millionths. Serialised as a plain JSON number (645, 160.5964, 5949.088667).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(pub i64);

impl Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % SCALE == 0 {
            s.serialize_i64(self.0 / SCALE)
        } else {
            s.serialize_f64(self.to_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = f64::deserialize(d)?;
        Ok(Amount((f * SCALE as f64).round() as i64))
    }
}

impl Amount {
    pub const ZERO: Amount = Amount(0);

    pub fn from_int(n: i64) -> Amount {
        Amount(n.saturating_mul(SCALE))
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        self.0.checked_add(other.0).map(Amount)
    }

    /// The value as a float, for JSON and JS (exact for every value the parser accepts).
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / SCALE as f64
    }
}

impl std::fmt::Display for Amount {
    /// Plain decimal form without trailing zeros: 645, 160.5964, -3.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = abs / SCALE as u64;
        let frac = abs % SCALE as u64;
        if frac == 0 {
            write!(f, "{sign}{whole}")
        } else {
            let digits = format!("{frac:0width$}", width = MONEY_PLACES);
            write!(f, "{sign}{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

/// One thing the parser did to the text to read it; reported as `normalized` (info).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Normalization {
    /// Full-width digits or signs (６４５) read as ASCII.
    FullWidth,
    /// Thousands separators removed (1,234 or 1，234).
    Separators,
    /// Spaces or zero-width characters around or inside the number removed.
    Whitespace,
    /// A unit after the number dropped (645条).
    Unit { unit: String },
    /// An amount in 元 converted to 万元 (251000元 → 25.1).
    Converted { from: String, to: String },
    /// A note after the number kept aside (22（其中修订16件）).
    Annotation { note: String },
    /// An explicit plus sign (+3).
    PlusSign,
}

/// Why a text is not a value. Each reason has its own message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "camelCase")]
pub enum Refusal {
    /// Nothing but spaces.
    Empty,
    /// Letters mixed into digits ("1O", "l2"): the character found, as typed.
    Letters { found: String },
    /// A character that has no place in a number.
    UnexpectedCharacter { found: String },
    /// Two decimal points (1.2.3).
    DecimalPoints,
    /// A sign written twice or in the middle ("--253", "3-").
    MalformedSign,
    /// Thousands separators in the wrong places (1,23).
    MisplacedSeparator,
    /// No digit at all (a lone sign or unit).
    NoDigits,
    /// More than 10^12: not a real count.
    TooLarge,
    /// Below zero where that cannot be.
    Negative,
    /// A fraction in a count.
    NotInteger,
    /// Money with more than 6 decimal places of 万元 (2 of 元).
    TooManyDecimals,
    /// A unit that does not belong to this cell (e.g. 元 in a count).
    UnknownUnit { unit: String },
    /// Longer than any value (`MAX_CELL_CHARS`): how long, and the bound.
    TooLong { chars: usize, limit: usize },
}

/// A number read from a cell, with what was done to read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Number {
    pub amount: Amount,
    pub normalizations: Vec<Normalization>,
}

impl Number {
    pub fn note(&self) -> Option<&str> {
        self.normalizations.iter().find_map(|n| match n {
            Normalization::Annotation { note } => Some(note.as_str()),
            _ => None,
        })
    }
}

/// The outcome of reading a cell's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum Parsed {
    /// Nothing typed: `missing`, never 0.
    Blank,
    /// "/" or "—": not applicable.
    NotApplicable,
    /// A number.
    Number(Number),
    /// Not a number, with the reason.
    Refused(Refusal),
}

impl Parsed {
    pub fn amount(&self) -> Option<Amount> {
        match self {
            Parsed::Number(n) => Some(n.amount),
            _ => None,
        }
    }
}

/// Units a count may carry after its number.
const COUNT_UNITS: &[&str] = &["人次", "条", "件", "次", "篇", "个", "人", "项", "期", "家", "份"];

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{00A0}'
}

/// Full-width ASCII (U+FF01–U+FF5E) to ASCII; other characters unchanged.
fn to_half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{2212}' | '\u{2013}' | '\u{2014}' | '\u{FE63}' => '-',
        '。' => '.',
        '、' => ',',
        _ => c,
    }
}

fn is_letter_like(c: char) -> bool {
    c.is_ascii_alphabetic()
}

/// Plain ASCII digits, at most twelve (below `MAX_MAGNITUDE`, so no check of the magnitude is
/// needed), as the amount they are: how most cells are typed.
#[inline]
fn plain_digits(text: &str) -> Option<Amount> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 12 {
        return None;
    }
    let mut whole: i64 = 0;
    for &b in bytes {
        if !b.is_ascii_digit() {
            return None;
        }
        whole = whole * 10 + i64::from(b - b'0');
    }
    Some(Amount(whole * SCALE))
}

/// Read a cell's text as a value of `kind`.
pub fn parse(text: &str, kind: ValueKind) -> Parsed {
    // The common case first, before any Unicode handling and without allocating: a blank cell, or
    // plain ASCII digits, which read the same whatever the kind (no sign, fraction or unit).
    if text.is_empty() {
        return Parsed::Blank;
    }
    if let Some(amount) = plain_digits(text) {
        return Parsed::Number(Number { amount, normalizations: Vec::new() });
    }
    read(text, kind)
}

/// `parse` for any text: spaces, widths, separators, units, signs, fractions and notes.
fn read(text: &str, kind: ValueKind) -> Parsed {
    let mut norms: Vec<Normalization> = Vec::new();
    let push = |norms: &mut Vec<Normalization>, n: Normalization| {
        if !norms.contains(&n) {
            norms.push(n);
        }
    };

    // 0. Past the bound nothing is read: a pasted page in a cell is no number.
    if text.len() > MAX_CELL_CHARS && text.chars().nth(MAX_CELL_CHARS).is_some() {
        return Parsed::Refused(Refusal::TooLong { chars: text.chars().count(), limit: MAX_CELL_CHARS });
    }

    // 1. Spaces and zero-width characters anywhere.
    let mut had_space_inside = false;
    let trimmed_outer = text.trim_matches(|c| is_space(c) || is_zero_width(c));
    let mut compact = String::with_capacity(trimmed_outer.len());
    for c in trimmed_outer.chars() {
        if is_space(c) || is_zero_width(c) {
            had_space_inside = true;
        } else {
            compact.push(c);
        }
    }
    if compact.is_empty() {
        return Parsed::Blank;
    }
    if had_space_inside || trimmed_outer.len() != text.len() {
        push(&mut norms, Normalization::Whitespace);
    }

    // 2. Not applicable.
    if matches!(compact.as_str(), "/" | "／" | "—" | "——" | "-" | "－" | "无" | "N/A" | "n/a") {
        return Parsed::NotApplicable;
    }

    // 3. An annotation in brackets after the number: 22（其中修订16件）.
    let mut body = compact.as_str();
    if let Some(open) = body.find(['（', '(']) {
        if open > 0 && (body.ends_with('）') || body.ends_with(')')) {
            let close_len = body.chars().last().map(char::len_utf8).unwrap_or(0);
            let open_len = body[open..].chars().next().map(char::len_utf8).unwrap_or(0);
            let note = &body[open + open_len..body.len() - close_len];
            push(&mut norms, Normalization::Annotation { note: note.to_string() });
            body = &body[..open];
        }
    }

    // 4. Full-width characters.
    let mut half = String::with_capacity(body.len());
    for c in body.chars() {
        let h = to_half_width(c);
        if h != c {
            push(&mut norms, Normalization::FullWidth);
        }
        half.push(h);
    }

    // 5. A unit after the number.
    let mut num = half.as_str();
    let mut scale_down_yuan = false;
    if let Some(rest) = num.strip_suffix("万元") {
        if kind == ValueKind::Money {
            push(&mut norms, Normalization::Unit { unit: "万元".into() });
            num = rest;
        } else {
            return Parsed::Refused(Refusal::UnknownUnit { unit: "万元".into() });
        }
    } else if let Some(rest) = num.strip_suffix('元') {
        if kind == ValueKind::Money {
            push(&mut norms, Normalization::Converted { from: "元".into(), to: "万元".into() });
            num = rest;
            scale_down_yuan = true;
        } else {
            return Parsed::Refused(Refusal::UnknownUnit { unit: "元".into() });
        }
    } else if let Some(unit) = COUNT_UNITS.iter().find(|u| num.ends_with(**u)) {
        if kind == ValueKind::Money {
            return Parsed::Refused(Refusal::UnknownUnit { unit: (*unit).into() });
        }
        push(&mut norms, Normalization::Unit { unit: (*unit).into() });
        num = &num[..num.len() - unit.len()];
    }

    // 6. Sign.
    let mut negative = false;
    let mut digits_part = num;
    if let Some(rest) = num.strip_prefix('+') {
        push(&mut norms, Normalization::PlusSign);
        digits_part = rest;
    } else if let Some(rest) = num.strip_prefix('-') {
        negative = true;
        digits_part = rest;
    }
    if digits_part.starts_with(['+', '-']) {
        return Parsed::Refused(Refusal::MalformedSign);
    }

    // 7. Characters: digits, one decimal point, separators.
    let mut int_part = String::new();
    let mut frac_part = String::new();
    let mut seen_point = false;
    let mut seen_separator = false;
    let mut groups: Vec<usize> = vec![0];
    for c in digits_part.chars() {
        match c {
            '0'..='9' => {
                if seen_point {
                    frac_part.push(c);
                } else {
                    int_part.push(c);
                    if let Some(last) = groups.last_mut() {
                        *last += 1;
                    }
                }
            }
            '.' => {
                if seen_point {
                    return Parsed::Refused(Refusal::DecimalPoints);
                }
                seen_point = true;
            }
            ',' | '，' => {
                if seen_point {
                    return Parsed::Refused(Refusal::MisplacedSeparator);
                }
                seen_separator = true;
                groups.push(0);
            }
            '+' | '-' => return Parsed::Refused(Refusal::MalformedSign),
            c if is_letter_like(c) => return Parsed::Refused(Refusal::Letters { found: c.to_string() }),
            c => return Parsed::Refused(Refusal::UnexpectedCharacter { found: c.to_string() }),
        }
    }
    if int_part.is_empty() && frac_part.is_empty() {
        return Parsed::Refused(Refusal::NoDigits);
    }
    if seen_separator {
        let well_placed = groups.first().is_some_and(|g| (1..=3).contains(g)) && groups[1..].iter().all(|g| *g == 3);
        if !well_placed {
            return Parsed::Refused(Refusal::MisplacedSeparator);
        }
        push(&mut norms, Normalization::Separators);
    }

    // 8. Magnitude, before any arithmetic can overflow.
    let int_digits = int_part.trim_start_matches('0');
    if int_digits.len() > 13 {
        return Parsed::Refused(Refusal::TooLarge);
    }
    let whole: i64 = if int_digits.is_empty() { 0 } else { int_digits.parse().unwrap_or(i64::MAX) };
    // Before scaling: 13 digits times the scale would not fit an i64 (found by fuzzing).
    if whole > MAX_MAGNITUDE {
        return Parsed::Refused(Refusal::TooLarge);
    }

    // 9. Fraction: millionths of 万元, or hundredths (分) when in 元 (converted below).
    let frac_trimmed = frac_part.trim_end_matches('0');
    let places_allowed = if scale_down_yuan { 2 } else { MONEY_PLACES };
    let amount = match kind {
        ValueKind::Count | ValueKind::Signed if !frac_trimmed.is_empty() => {
            return Parsed::Refused(Refusal::NotInteger);
        }
        ValueKind::Money if frac_trimmed.len() > places_allowed => {
            return Parsed::Refused(Refusal::TooManyDecimals);
        }
        _ => {
            let mut frac_value: i64 = 0;
            for (i, d) in frac_trimmed.bytes().enumerate() {
                frac_value += i64::from(d - b'0') * 10_i64.pow((places_allowed - 1 - i) as u32);
            }
            if scale_down_yuan {
                // 元 → 万元: a 分 is exactly one millionth of 万元.
                whole * 100 + frac_value
            } else {
                whole * SCALE + frac_value
            }
        }
    };
    if amount > MAX_MAGNITUDE * SCALE {
        return Parsed::Refused(Refusal::TooLarge);
    }
    let amount = if negative { -amount } else { amount };
    if negative && amount != 0 && kind != ValueKind::Signed {
        return Parsed::Refused(Refusal::Negative);
    }
    Parsed::Number(Number { amount: Amount(amount), normalizations: norms })
}

impl std::ops::Add for Amount {
    type Output = Amount;
    fn add(self, other: Amount) -> Amount {
        Amount(self.0.saturating_add(other.0))
    }
}

impl std::ops::Sub for Amount {
    type Output = Amount;
    fn sub(self, other: Amount) -> Amount {
        Amount(self.0.saturating_sub(other.0))
    }
}

impl std::iter::Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, |a, b| a + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path reads plain digits exactly as the general reader does, for every kind.
    #[test]
    fn plain_digits_read_as_the_general_reader_reads_them() {
        let mut texts: Vec<String> = ["0", "00", "007", "645", "999999999999", "1000000000000", "9999999999999"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // Every length up to 14 digits, with leading zeros and without.
        for len in 1..=14 {
            texts.push("9".repeat(len));
            texts.push(format!("1{}", "0".repeat(len - 1)));
            texts.push(format!("0{}", "5".repeat(len - 1)));
        }
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 14) as usize + 1;
            texts.push(state.to_string().chars().take(len).collect());
        }
        for text in &texts {
            for kind in [ValueKind::Count, ValueKind::Money, ValueKind::Signed] {
                assert_eq!(parse(text, kind), read(text, kind), "{text:?} as {kind:?}");
            }
        }
        assert_eq!(parse("", ValueKind::Count), read("", ValueKind::Count));
    }
}
