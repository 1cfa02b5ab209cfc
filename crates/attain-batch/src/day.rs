//! Days as `yyyymmdd` integers: ordered like dates, read straight from `YYYY-MM-DD` bytes.

use jiff::civil::Date;

/// A calendar day packed as `year * 10000 + month * 100 + day`; comparing two is comparing dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd(pub u32);

impl Ymd {
    pub const MAX: Ymd = Ymd(u32::MAX);

    pub fn of(date: Date) -> Ymd {
        Ymd(date.year() as u32 * 10_000 + date.month() as u32 * 100 + date.day() as u32)
    }

    /// The day after `date` (`Ymd::MAX` after the last representable day).
    pub fn after(date: Date) -> Ymd {
        date.tomorrow().map_or(Ymd::MAX, Ymd::of)
    }

    pub fn date(self) -> Date {
        let (y, m, d) = (self.0 / 10_000, self.0 / 100 % 100, self.0 % 100);
        Date::new(y as i16, m as i8, d as i8).expect("packed from a valid date")
    }

    /// Months since year 0 (see `attain_engine::month_number`).
    pub fn month(self) -> i32 {
        (self.0 / 10_000) as i32 * 12 + (self.0 / 100 % 100) as i32 - 1
    }

    /// Reads `YYYY-MM-DD`, a real calendar date: exactly what `attain_input::parse_date` accepts.
    pub fn parse(b: &[u8]) -> Option<Ymd> {
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digit = |i: usize| {
            let d = b[i].wrapping_sub(b'0');
            (d < 10).then_some(u32::from(d))
        };
        let y = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
        let m = digit(5)? * 10 + digit(6)?;
        let d = digit(8)? * 10 + digit(9)?;
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Ymd(y * 10_000 + m * 100 + d))
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn reads_exactly_what_the_input_reader_reads(y in 0u32..10000, m in 0u32..14, d in 0u32..33, junk in "[-0-9 a]{0,12}") {
            for text in [format!("{y:04}-{m:02}-{d:02}"), junk] {
                let ours = Ymd::parse(text.as_bytes());
                let theirs = attain_input::parse_date(&text).ok();
                prop_assert_eq!(ours, theirs.map(Ymd::of), "{}", text);
                if let Some(day) = ours {
                    prop_assert_eq!(Some(day.date()), theirs);
                    prop_assert_eq!(day.month(), attain_engine::month_number(day.date()));
                }
            }
        }
    }

    #[test]
    fn leap_days() {
        assert!(Ymd::parse(b"2000-02-29").is_some());
        assert!(Ymd::parse(b"2016-02-29").is_some());
        assert!(Ymd::parse(b"1900-02-29").is_none());
        assert!(Ymd::parse(b"2017-02-29").is_none());
        assert_eq!(Ymd::after(jiff::civil::date(2016, 12, 31)), Ymd(20170101));
    }
}
