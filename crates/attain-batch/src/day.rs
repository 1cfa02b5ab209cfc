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

    /// Reads `YYYY-MM-DD`, a real calendar date: by the rule `attain_input::parse_date` reads by.
    #[inline]
    pub fn parse(b: &[u8]) -> Option<Ymd> {
        let (y, m, d) = attain_input::field::calendar_day(b).ok()?;
        Some(Ymd(u32::from(y) * 10_000 + u32::from(m) * 100 + u32::from(d)))
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
