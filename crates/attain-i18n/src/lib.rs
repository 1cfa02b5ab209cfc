//! Speaking the partner's language: Project Fluent messages, one folder per locale,
//! with numbers and dates formatted from CLDR data through ICU4X.
//!
//! Every message exists in en-US, the source; a message missing from another locale
//! falls back to en-US (and a test reports it).

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_calendar::Gregorian;
use icu_datetime::fieldsets::YMD;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use unic_langid::LanguageIdentifier;

/// The locales attain speaks, the source first.
pub const LOCALES: [&str; 8] = ["en-US", "ko-KR", "zh-CN", "fr-FR", "de-DE", "ja-JP", "es-ES", "pt-BR"];

/// The Fluent source of each locale, embedded.
pub const SOURCES: [(&str, &str); 8] = [
    ("en-US", include_str!("../locales/en-US/attain.ftl")),
    ("ko-KR", include_str!("../locales/ko-KR/attain.ftl")),
    ("zh-CN", include_str!("../locales/zh-CN/attain.ftl")),
    ("fr-FR", include_str!("../locales/fr-FR/attain.ftl")),
    ("de-DE", include_str!("../locales/de-DE/attain.ftl")),
    ("ja-JP", include_str!("../locales/ja-JP/attain.ftl")),
    ("es-ES", include_str!("../locales/es-ES/attain.ftl")),
    ("pt-BR", include_str!("../locales/pt-BR/attain.ftl")),
];

/// The supported locale that best matches a tag such as `fr`, `fr_CA.UTF-8` or `pt-BR`; en-US otherwise.
pub fn negotiate(requested: &str) -> &'static str {
    supported(requested).unwrap_or(LOCALES[0])
}

/// The supported locale with the same tag, else the same language, if any: what `--lang` may
/// name (an unsupported one is refused rather than silently spoken as en-US).
pub fn supported(requested: &str) -> Option<&'static str> {
    let tag = requested.trim().split(['.', '@']).next().unwrap_or("").replace('_', "-");
    let wanted = tag.parse::<LanguageIdentifier>().ok()?;
    let same_language = |l: &&&str| l.parse::<LanguageIdentifier>().is_ok_and(|id| id.language == wanted.language);
    LOCALES
        .iter()
        .find(|l| l.parse::<LanguageIdentifier>().is_ok_and(|id| id == wanted))
        .or_else(|| LOCALES.iter().find(same_language))
        .copied()
}

/// The supported locale a browser prefers, from an HTTP `Accept-Language` header
/// (`ko-KR,ko;q=0.9,en;q=0.5`): the highest-weighted range that a locale matches; en-US otherwise.
pub fn from_accept_language(header: &str) -> &'static str {
    let mut ranges: Vec<(u16, usize, &str)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let range = pieces.next()?.trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), |q| q.trim().parse::<f32>().ok().map(|q| (q.clamp(0.0, 1.0) * 1000.0) as u16))?;
            (q > 0 && !range.is_empty() && range != "*").then_some((q, i, range))
        })
        .collect();
    // Highest weight first; among equal weights, the order the browser gave.
    ranges.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges.iter().find_map(|(_, _, range)| supported(range)).unwrap_or(LOCALES[0])
}

/// The locale from the environment, as POSIX programs read it: `LC_ALL`, then `LANG`.
pub fn from_environment() -> &'static str {
    ["LC_ALL", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty() && v != "C" && v != "POSIX")
        .map_or(LOCALES[0], |v| negotiate(&v))
}

fn bundle(tag: &str, source: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = tag.parse().expect("supported tags parse");
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(_, errors)| {
        panic!("locales/{tag}/attain.ftl does not parse: {errors:?}");
    });
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminal and Markdown output must not carry invisible isolation marks.
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).expect("message ids are unique");
    bundle
}

/// Formats messages, numbers, amounts and dates for one locale.
pub struct Localizer {
    tag: &'static str,
    bundle: FluentBundle<FluentResource>,
    source: FluentBundle<FluentResource>,
    decimal: DecimalFormatter,
    dates: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
}

impl Localizer {
    /// A localizer for the supported locale best matching `requested`.
    pub fn new(requested: &str) -> Localizer {
        let tag = negotiate(requested);
        let text = SOURCES.iter().find(|(t, _)| *t == tag).expect("every locale has a source").1;
        let locale: icu_locale_core::Locale = tag.parse().expect("supported tags parse");
        Localizer {
            tag,
            bundle: bundle(tag, text),
            source: bundle(LOCALES[0], SOURCES[0].1),
            decimal: DecimalFormatter::try_new(locale.clone().into(), Default::default()).expect("compiled data"),
            dates: FixedCalendarDateTimeFormatter::try_new(locale.into(), YMD::long()).expect("compiled data"),
        }
    }

    pub fn tag(&self) -> &'static str {
        self.tag
    }

    /// The message `id` with `args`, from this locale or else from en-US.
    pub fn msg(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(s) => {
                    // Korean particles follow the sound a word ends with: `{ $level_final -> ... }`.
                    if self.tag == "ko-KR" {
                        fluent_args.set(format!("{name}_final"), FluentValue::String(Cow::Borrowed(hangul_final(s))));
                    }
                    FluentValue::String(Cow::Borrowed(s))
                }
                Arg::Count(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        for bundle in [&self.bundle, &self.source] {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
            }
        }
        panic!("message {id} is missing from en-US")
    }

    /// A plain message without arguments.
    pub fn text(&self, id: &str) -> String {
        self.msg(id, &[])
    }

    /// An integer, grouped as the locale groups digits.
    pub fn integer(&self, n: i128) -> String {
        self.decimal.format(&Decimal::from(n)).to_string()
    }

    /// A decimal given as `units × 10^-scale`, with exactly `scale` fraction digits.
    pub fn decimal(&self, units: i128, scale: i16) -> String {
        let mut d = Decimal::from(units);
        d.multiply_pow10(-scale);
        d.pad_end(-scale);
        self.decimal.format(&d).to_string()
    }

    /// `US$1,234.50` in the locale's writing, from whole cents.
    pub fn usd_cents(&self, cents: i128) -> String {
        self.msg("money-usd", &[("amount", Arg::Text(&self.decimal(cents, 2)))])
    }

    /// `US$15,000` in the locale's writing, for whole dollars.
    pub fn usd_whole(&self, dollars: i128) -> String {
        self.msg("money-usd", &[("amount", Arg::Text(&self.integer(dollars)))])
    }

    /// Joins items with the locale's list message (`list-and`, `list-or`): `a`, `a and b`, `a, b and c`.
    pub fn join(&self, items: &[String], message: &str) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => {
                self.msg(message, &[("first", Arg::Text(&init.join(", "))), ("second", Arg::Text(last))])
            }
        }
    }

    /// A date in the locale's long form, e.g. `December 31, 2018` or `2018년 12월 31일`.
    pub fn date(&self, date: jiff::civil::Date) -> String {
        let date =
            icu_datetime::input::Date::try_new_gregorian(i32::from(date.year()), date.month() as u8, date.day() as u8)
                .expect("jiff dates are valid Gregorian dates");
        self.dates.format(&date).to_string()
    }
}

/// How a locale writes numbers, read off CLDR through ICU4X for any locale it knows (not only
/// the ones attain speaks): the digit-group separator and the decimal separator, as
/// `1234567.5` is formatted.
pub fn number_separators(tag: &str) -> Option<(char, char)> {
    let locale: icu_locale_core::Locale = tag.replace('_', "-").parse().ok()?;
    let formatter = DecimalFormatter::try_new(locale.into(), Default::default()).ok()?;
    let mut d = Decimal::from(12_345_675);
    d.multiply_pow10(-1);
    let shown = formatter.format(&d).to_string();
    let marks: Vec<char> = shown.chars().filter(|c| !c.is_ascii_digit()).collect();
    match marks.as_slice() {
        [.., group, decimal] if marks.len() >= 2 => Some((*group, *decimal)),
        [decimal] => Some((' ', *decimal)),
        _ => None,
    }
}

/// The twelve dates `YEAR-MM-15` as a locale writes them in long form (`15 января 2017 г.`,
/// `15. Dezember 2017`), from CLDR through ICU4X, for any locale it knows: the month names a
/// page in that language uses are read off them.
pub fn long_dates(tag: &str, year: i32) -> Option<Vec<String>> {
    dates_written(tag, year, YMD::long())
}

/// The same dates in the locale's medium form, where months are abbreviated (`15 déc. 2017`,
/// `15 ธ.ค. 2017`).
pub fn medium_dates(tag: &str, year: i32) -> Option<Vec<String>> {
    dates_written(tag, year, YMD::medium())
}

fn dates_written(tag: &str, year: i32, form: YMD) -> Option<Vec<String>> {
    let locale: icu_locale_core::Locale = tag.replace('_', "-").parse().ok()?;
    let formatter = FixedCalendarDateTimeFormatter::<Gregorian, YMD>::try_new(locale.into(), form).ok()?;
    (1..=12u8)
        .map(|m| {
            let date = icu_datetime::input::Date::try_new_gregorian(year, m, 15).ok()?;
            Some(formatter.format(&date).to_string())
        })
        .collect()
}

/// How a word ends, for the Korean particle after it (으로/로, 이/가, 을/를): `vowel`, `rieul`
/// (ㄹ, which takes 로 as a vowel does), `consonant`, or `other` when the last letter is not Hangul
/// nor a digit (a Latin name: messages then write both forms, as Korean does, `(으)로`).
pub fn hangul_final(word: &str) -> &'static str {
    match word.trim_end().chars().next_back() {
        Some(c @ '\u{AC00}'..='\u{D7A3}') => match (c as u32 - 0xAC00) % 28 {
            0 => "vowel",
            8 => "rieul",
            _ => "consonant",
        },
        // Digits as Sino-Korean numbers are read: 영 삼 육 end in a consonant, 일 칠 팔 in ㄹ.
        Some('0' | '3' | '6') => "consonant",
        Some('1' | '7' | '8') => "rieul",
        Some('2' | '4' | '5' | '9') => "vowel",
        _ => "other",
    }
}

/// A message argument: text already formatted, or a number that selects a plural form.
#[derive(Clone, Copy)]
pub enum Arg<'a> {
    Text(&'a str),
    Count(i64),
}

/// Message ids defined in a Fluent source.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

// `attain serve` keeps one localizer per locale for all its threads.
const _: () = {
    const fn shared_between_threads<T: Send + Sync>() {}
    shared_between_threads::<Localizer>();
};
