//! Exact money: decimal literals as (mantissa, scale) and US dollars as integer
//! micro-dollars. Binary floating point never touches an amount.

use std::fmt;

/// A decimal number exactly as written: `mantissa × 10^-scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: i128,
    pub scale: u32,
}

/// Why a decimal literal was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecimalError {
    /// Not of the form `-?digits[.digits]`.
    Syntax,
    /// More digits than can be held exactly.
    TooLong,
}

impl fmt::Display for DecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecimalError::Syntax => f.write_str(
                "expected a decimal number such as 1234.56 (digits, '.' as separator, optional leading '-')",
            ),
            DecimalError::TooLong => f.write_str("too many digits to hold exactly (at most 30)"),
        }
    }
}

impl Decimal {
    /// Parses `-?[0-9]+(\.[0-9]+)?`. No exponent, no grouping, no '+'.
    pub fn parse(text: &str) -> Result<Decimal, DecimalError> {
        let bytes = text.as_bytes();
        let (negative, digits) = match bytes.first() {
            Some(b'-') => (true, &bytes[1..]),
            _ => (false, bytes),
        };
        let (int_part, frac_part) = match digits.iter().position(|&b| b == b'.') {
            Some(dot) => (&digits[..dot], Some(&digits[dot + 1..])),
            None => (digits, None),
        };
        let well_formed = |part: &[u8]| !part.is_empty() && part.iter().all(u8::is_ascii_digit);
        if !well_formed(int_part) || frac_part.is_some_and(|frac| !well_formed(frac)) {
            return Err(DecimalError::Syntax);
        }
        // Trailing zeros of the fraction carry no value; dropping them keeps products small.
        let mut frac_part = frac_part.unwrap_or(&[]);
        while let [rest @ .., b'0'] = frac_part {
            frac_part = rest;
        }
        // Leading zeros carry no value; counting them would refuse "0000.5".
        let significant = int_part.iter().skip_while(|&&b| b == b'0').count() + frac_part.len();
        if significant > 30 {
            return Err(DecimalError::TooLong);
        }
        let mut mantissa: i128 = 0;
        for &b in int_part.iter().chain(frac_part) {
            mantissa = mantissa * 10 + i128::from(b - b'0');
        }
        Ok(Decimal { mantissa: if negative { -mantissa } else { mantissa }, scale: frac_part.len() as u32 })
    }

    /// `self × other`, rounded half to even to whole micro-units (6 decimals).
    /// `None` when the exact product does not fit.
    pub fn mul_to_micros(self, other: Decimal) -> Option<i128> {
        let product = self.mantissa.checked_mul(other.mantissa)?;
        rescale_half_even(product, self.scale + other.scale, 6)
    }

    /// The value in micro-units, rounded half to even.
    pub fn to_micros(self) -> Option<i128> {
        rescale_half_even(self.mantissa, self.scale, 6)
    }
}

/// Re-expresses `value × 10^-from` with `to` decimals, rounding half to even.
pub fn rescale_half_even(value: i128, from: u32, to: u32) -> Option<i128> {
    if from <= to {
        return value.checked_mul(10i128.checked_pow(to - from)?);
    }
    let divisor = 10i128.checked_pow(from - to)?;
    let quotient = value / divisor;
    let remainder = value % divisor;
    let twice = remainder.abs() * 2;
    let away = twice > divisor || (twice == divisor && quotient % 2 != 0);
    Some(if away { quotient + value.signum() } else { quotient })
}

/// An amount as [`Usd::plain`] writes it: dereferences to the text.
#[derive(Clone, Copy)]
pub struct PlainUsd {
    /// The text is `bytes[start..]`: a sign, 37 digits (i128 cents) and a point fit.
    bytes: [u8; 44],
    start: u8,
}

impl PlainUsd {
    fn push(&mut self, byte: u8) {
        self.start -= 1;
        self.bytes[self.start as usize] = byte;
    }

    /// Two digits, `00` to `99`.
    fn push_pair(&mut self, pair: usize) {
        const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
            2021222324252627282930313233343536373839\
            4041424344454647484950515253545556575859\
            6061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899";
        self.push(PAIRS[2 * pair + 1]);
        self.push(PAIRS[2 * pair]);
    }

    /// The text's bytes (ASCII).
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[self.start as usize..]
    }
}

impl std::ops::Deref for PlainUsd {
    type Target = str;
    fn deref(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).expect("ASCII digits")
    }
}

/// An exact amount of US dollars, in micro-dollars.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Usd(pub i128);

impl Usd {
    pub const ZERO: Usd = Usd(0);
    /// One dollar.
    pub const ONE: Usd = Usd(1_000_000);

    pub fn micros(self) -> i128 {
        self.0
    }

    /// Whole cents, rounded half to even.
    pub fn cents(self) -> i128 {
        rescale_half_even(self.0, 6, 2).expect("dividing never overflows")
    }

    /// `"1234.50"`: exactly two decimals, half to even, no grouping.
    pub fn to_plain_string(self) -> String {
        self.plain().to_string()
    }

    /// [`Usd::to_plain_string`] without allocating: a program's document writes a few of these
    /// per partner, for every partner.
    pub fn plain(self) -> PlainUsd {
        let cents = match i64::try_from(self.0) {
            // The common case, in 64-bit arithmetic (the same rounding as `cents`).
            Ok(micros) => {
                let (quotient, remainder) = (micros / 10_000, (micros % 10_000).abs() * 2);
                let away = remainder > 10_000 || (remainder == 10_000 && quotient % 2 != 0);
                i128::from(if away { quotient + micros.signum() } else { quotient })
            }
            Err(_) => self.cents(),
        };
        let mut text = PlainUsd { bytes: [b'0'; 44], start: 44 };
        // In 64-bit arithmetic whenever the amount allows; two digits at a time.
        let abs = cents.unsigned_abs();
        let (cents_part, mut dollars) = match u64::try_from(abs) {
            Ok(small) => (small % 100, u128::from(small / 100)),
            Err(_) => ((abs % 100) as u64, abs / 100),
        };
        text.push_pair(cents_part as usize);
        text.push(b'.');
        while dollars > u128::from(u64::MAX) {
            text.push_pair((dollars % 100) as usize);
            dollars /= 100;
        }
        let mut dollars = dollars as u64;
        while dollars >= 100 {
            text.push_pair((dollars % 100) as usize);
            dollars /= 100;
        }
        if dollars >= 10 {
            text.push_pair(dollars as usize);
        } else {
            text.push(b'0' + dollars as u8);
        }
        if cents < 0 {
            text.push(b'-');
        }
        text
    }

    /// `"US$1,234.50"`: for people reading English reports.
    pub fn to_display_string(self) -> String {
        let cents = self.cents();
        let whole = (cents.abs() / 100).to_string();
        let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        let sign = if cents < 0 { "-" } else { "" };
        format!("{sign}US${grouped}.{:02}", cents.abs() % 100)
    }
}

impl std::ops::Add for Usd {
    type Output = Usd;
    fn add(self, rhs: Usd) -> Usd {
        Usd(self.0 + rhs.0)
    }
}

impl std::ops::Sub for Usd {
    type Output = Usd;
    fn sub(self, rhs: Usd) -> Usd {
        Usd(self.0 - rhs.0)
    }
}

impl std::iter::Sum for Usd {
    fn sum<I: Iterator<Item = Usd>>(iter: I) -> Usd {
        Usd(iter.map(|u| u.0).sum())
    }
}

impl serde::Serialize for Usd {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.plain())
    }
}

/// In JSON an amount is a string of dollars with exactly two decimals, e.g. `"1234.50"`, so that
/// no reader parses money as a floating-point number.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Usd {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^-?[0-9]+\.[0-9]{2}$"))
            .description(Some("US dollars, exactly two decimals (cents rounded half to even)"))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Usd {}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    #[test]
    fn parses_the_spec_grammar_only() {
        assert_eq!(d("12.50"), Decimal { mantissa: 125, scale: 1 });
        assert_eq!(d("-3"), Decimal { mantissa: -3, scale: 0 });
        assert_eq!(d("0000.5"), Decimal { mantissa: 5, scale: 1 });
        assert_eq!(d("100.0000000000000000000"), Decimal { mantissa: 100, scale: 0 });
        assert_eq!(d("1.10"), Decimal { mantissa: 11, scale: 1 });
        for bad in ["", "-", "1.", ".5", "+1", "1e5", "1,000", "1 000", "--1", "1.2.3", "NaN", " 1"] {
            assert_eq!(Decimal::parse(bad), Err(DecimalError::Syntax), "{bad:?}");
        }
        assert_eq!(Decimal::parse(&"9".repeat(31)), Err(DecimalError::TooLong));
    }

    #[test]
    fn micro_rounding_is_half_to_even() {
        assert_eq!(d("0.0000005").to_micros(), Some(0));
        assert_eq!(d("0.0000015").to_micros(), Some(2));
        assert_eq!(d("0.0000025").to_micros(), Some(2));
        assert_eq!(d("0.00000250001").to_micros(), Some(3));
        assert_eq!(d("-0.0000025").to_micros(), Some(-2));
        assert_eq!(d("-0.0000035").to_micros(), Some(-4));
        // 10.00 × 1.1234565 = 11.234565 exactly; 3 × 0.3333335 = 1.0000005 → 1.000000 (even).
        assert_eq!(d("10.00").mul_to_micros(d("1.1234565")), Some(11_234_565));
        assert_eq!(d("3").mul_to_micros(d("0.3333335")), Some(1_000_000));
        assert_eq!(d("3").mul_to_micros(d("0.3333345")), Some(1_000_004));
    }

    #[test]
    fn cents_are_half_to_even_and_plainly_written() {
        assert_eq!(Usd(12_345_005_000).to_plain_string(), "12345.00");
        assert_eq!(Usd(12_345_015_000).to_plain_string(), "12345.02");
        assert_eq!(Usd(12_345_015_001).to_plain_string(), "12345.02");
        assert_eq!(Usd(12_345_025_000).to_plain_string(), "12345.02");
        assert_eq!(Usd(-5_000).to_plain_string(), "0.00");
        assert_eq!(Usd(-15_000).to_plain_string(), "-0.02");
        assert_eq!(Usd(7).to_plain_string(), "0.00");
        assert_eq!(Usd(1_005_000).to_plain_string(), "1.00");
        assert_eq!(Usd(1_015_000).to_plain_string(), "1.02");
        assert_eq!(Usd(i128::MAX).to_plain_string(), "170141183460469231731687303715884.11");
        assert_eq!(Usd(i128::MIN).to_plain_string(), "-170141183460469231731687303715884.11");
        assert_eq!(Usd(i64::MIN.into()).to_plain_string(), "-9223372036854.78");
        assert_eq!(Usd(-1_234_567_890_000).to_display_string(), "-US$1,234,567.89");
        assert_eq!(Usd(100_000_000_000).to_display_string(), "US$100,000.00");
    }

    proptest::proptest! {
        /// The allocation-free text is the plain formula's, in 64 bits or not.
        #[test]
        fn plain_text_is_cents_with_two_decimals(micros in proptest::num::i128::ANY, small in proptest::num::i64::ANY) {
            for micros in [micros, i128::from(small), i128::from(small % 100_000_000)] {
                let cents = Usd(micros).cents();
                let sign = if cents < 0 { "-" } else { "" };
                let expected = format!("{sign}{}.{:02}", cents.abs() / 100, cents.abs() % 100);
                proptest::prop_assert_eq!(&*Usd(micros).plain(), expected.as_str());
            }
        }
    }
}
