//! Reading the values a page states — amounts, counts, month spans, dates — in the page's own
//! writing, so that checks compare meaning rather than digits.
//!
//! Separators and month names come from CLDR through ICU4X for whatever locale the page
//! declares (`it-IT`, `ru-RU`, `zh-TW` as well as attain's own eight); CJK and Korean dates,
//! ISO dates and English dates are read on every page (pages mix English segments with
//! translated ones). Number words are known for the small counts and for twelve in the
//! languages listed in [`NUMBER_WORDS`].

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use jiff::civil::Date;
use regex_lite::{Captures, Regex};

use super::char_start;

/// Words for 1–12 (and the forms a count takes before a noun), lower-cased, per language.
/// A word is a value only as a whole word; in CJK, numerals are read before a counter.
pub(super) const NUMBER_WORDS: &[(&str, &[(&str, i128)])] = &[
    ("en", &[("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("ten", 10), ("twelve", 12)]),
    (
        "de",
        &[
            ("ein", 1),
            ("eine", 1),
            ("einer", 1),
            ("eins", 1),
            ("zwei", 2),
            ("drei", 3),
            ("vier", 4),
            ("fünf", 5),
            ("sechs", 6),
            ("zehn", 10),
            ("zwölf", 12),
        ],
    ),
    (
        "fr",
        &[
            ("un", 1),
            ("une", 1),
            ("deux", 2),
            ("trois", 3),
            ("quatre", 4),
            ("cinq", 5),
            ("six", 6),
            ("dix", 10),
            ("douze", 12),
        ],
    ),
    (
        "es",
        &[
            ("un", 1),
            ("una", 1),
            ("uno", 1),
            ("dos", 2),
            ("tres", 3),
            ("cuatro", 4),
            ("cinco", 5),
            ("seis", 6),
            ("diez", 10),
            ("doce", 12),
        ],
    ),
    (
        "pt",
        &[
            ("um", 1),
            ("uma", 1),
            ("dois", 2),
            ("duas", 2),
            ("três", 3),
            ("quatro", 4),
            ("cinco", 5),
            ("seis", 6),
            ("dez", 10),
            ("doze", 12),
        ],
    ),
    (
        "it",
        &[
            ("un", 1),
            ("uno", 1),
            ("una", 1),
            ("due", 2),
            ("tre", 3),
            ("quattro", 4),
            ("cinque", 5),
            ("sei", 6),
            ("dieci", 10),
            ("dodici", 12),
        ],
    ),
    (
        "sv",
        &[
            ("en", 1),
            ("ett", 1),
            ("två", 2),
            ("tre", 3),
            ("fyra", 4),
            ("fem", 5),
            ("sex", 6),
            ("tio", 10),
            ("tolv", 12),
        ],
    ),
    (
        "da",
        &[("en", 1), ("et", 1), ("to", 2), ("tre", 3), ("fire", 4), ("fem", 5), ("seks", 6), ("ti", 10), ("tolv", 12)],
    ),
    (
        "nb",
        &[("en", 1), ("ett", 1), ("to", 2), ("tre", 3), ("fire", 4), ("fem", 5), ("seks", 6), ("ti", 10), ("tolv", 12)],
    ),
    (
        "nl",
        &[
            ("een", 1),
            ("één", 1),
            ("twee", 2),
            ("drie", 3),
            ("vier", 4),
            ("vijf", 5),
            ("zes", 6),
            ("tien", 10),
            ("twaalf", 12),
        ],
    ),
    (
        "ru",
        &[
            ("один", 1),
            ("одна", 1),
            ("одного", 1),
            ("два", 2),
            ("две", 2),
            ("двух", 2),
            ("три", 3),
            ("трёх", 3),
            ("четыре", 4),
            ("пять", 5),
            ("шесть", 6),
            ("трех", 3),
            ("четырёх", 4),
            ("пяти", 5),
            ("шести", 6),
            ("десять", 10),
            ("десяти", 10),
            ("двенадцать", 12),
            ("двенадцати", 12),
        ],
    ),
    (
        "pl",
        &[
            ("jeden", 1),
            ("jedna", 1),
            ("jedną", 1),
            ("dwie", 2),
            ("dwa", 2),
            ("dwóch", 2),
            ("trzy", 3),
            ("cztery", 4),
            ("pięć", 5),
            ("sześć", 6),
            ("sześciu", 6),
            ("trzech", 3),
            ("czterech", 4),
            ("pięciu", 5),
            ("dziesięć", 10),
            ("dwanaście", 12),
            ("dwunastu", 12),
        ],
    ),
    ("tr", &[("bir", 1), ("iki", 2), ("üç", 3), ("dört", 4), ("beş", 5), ("altı", 6), ("on", 10), ("on iki", 12)]),
    (
        "cs",
        &[
            ("jeden", 1),
            ("jedna", 1),
            ("dva", 2),
            ("dvě", 2),
            ("tři", 3),
            ("čtyři", 4),
            ("pět", 5),
            ("šest", 6),
            ("šesti", 6),
            ("deset", 10),
            ("dvanáct", 12),
            ("dvanácti", 12),
        ],
    ),
    (
        "id",
        &[
            ("satu", 1),
            ("dua", 2),
            ("tiga", 3),
            ("empat", 4),
            ("lima", 5),
            ("enam", 6),
            ("sepuluh", 10),
            ("dua belas", 12),
        ],
    ),
    (
        "he",
        &[
            ("אחד", 1),
            ("אחת", 1),
            ("שניים", 2),
            ("שני", 2),
            ("שלושה", 3),
            ("שישה", 6),
            ("שנים-עשר", 12),
            ("שנים עשר", 12),
            ("שתים עשרה", 12),
        ],
    ),
    (
        "ar",
        &[
            ("واحد", 1),
            ("اثنان", 2),
            ("اثنين", 2),
            ("ثلاثة", 3),
            ("ستة", 6),
            ("اثنا عشر", 12),
            ("اثني عشر", 12),
            ("الاثني عشر", 12),
        ],
    ),
    ("th", &[("หนึ่ง", 1), ("สอง", 2), ("สาม", 3), ("หก", 6), ("สิบ", 10), ("สิบสอง", 12)]),
    (
        "ko",
        &[
            ("한", 1),
            ("하나", 1),
            ("두", 2),
            ("둘", 2),
            ("세", 3),
            ("네", 4),
            ("다섯", 5),
            ("여섯", 6),
            ("열", 10),
            ("열두", 12),
        ],
    ),
];

/// CJK numerals, read before a counter (`十二か月`, `两名`, `兩位`).
const CJK_DIGITS: &[(char, i128)] = &[
    ('一', 1),
    ('二', 2),
    ('两', 2),
    ('兩', 2),
    ('三', 3),
    ('四', 4),
    ('五', 5),
    ('六', 6),
    ('七', 7),
    ('八', 8),
    ('九', 9),
];

/// Nouns of a span of months, after a number (with at most one word between: "12 derniers mois").
const MONTH_NOUNS: &str = r"months?|monaten?|monate|mois|meses|mes|mês|mesi|mese|maanden|maand|месяцев|месяца|месяц|miesięcy|miesiące|miesiąc|månaderna|månader|månad|måneder|måned|měsíců|měsíce|měsíc|bulan|החודשים|חודשים|חודש|شهرًا|شهرا|أشهر|شهر|เดือน|ay|か月|ヶ月|カ月|ケ月|箇月|개월|个月|個月";

/// Currency marks after an amount (`15.000 US-Dollar`, `15 000 $ US`, `10,000 美元`), in any case:
/// the amount pattern and the quick test before it ([`has_currency_mark`]) are both made of these.
/// A shorter mark inside a longer one (`dolar` in `dolarów`) is enough for the quick test.
const CURRENCY_AFTER: &[&str] = &[
    "usd",
    "us$",
    "$ us",
    "$\u{a0}us",
    "$\u{202f}us",
    "$us",
    "us-dollar",
    "us-dollars",
    "$",
    "abd dolar",
    "dollar",
    "dollars",
    "dollari",
    "dólares",
    "dolares",
    "dolarów",
    "dolar",
    "美元",
    "美金",
    "米ドル",
    "ドル",
    "달러",
    "долл",
    "доллар",
    "دولار",
    "דולר",
    "ดอลลาร์",
];
/// Words for a thousand (`US$ 15 mil`, `15 bin`, `15 тыс.`) and ten thousand (`1.5 万美元`) after
/// a number, and what they multiply it by.
const MULTIPLIERS: &[(&str, i128)] = &[
    ("mil", 1_000),
    ("bin", 1_000),
    ("тыс.", 1_000),
    ("тыс", 1_000),
    ("tys.", 1_000),
    ("tys", 1_000),
    ("tsd.", 1_000),
    ("万", 10_000),
    ("萬", 10_000),
    ("千", 1_000),
];
/// Currency marks before an amount (`US$15,000`, `USD 15.000`, `美金 15,000`).
const CURRENCY_BEFORE: &[&str] = &["us$", "usd", "$", "美金", "美元"];

/// The twelve months in English and in the Latin-script locales attain writes, lower-cased:
/// read on every page, since pages mix English and translated segments.
const COMMON_MONTHS: [&[&str]; 12] = [
    &["january", "janvier", "januar", "enero", "janeiro"],
    &["february", "février", "februar", "febrero", "fevereiro"],
    &["march", "mars", "märz", "marzo", "março"],
    &["april", "avril", "abril"],
    &["may", "mai", "mayo", "maio"],
    &["june", "juin", "juni", "junio", "junho"],
    &["july", "juillet", "juli", "julio", "julho"],
    &["august", "août", "agosto"],
    &["september", "septembre", "septiembre", "setembro"],
    &["october", "octobre", "oktober", "octubre", "outubro"],
    &["november", "novembre", "noviembre", "novembro"],
    &["december", "décembre", "dezember", "diciembre", "dezembro"],
];

/// How one locale's page is read.
pub(super) struct Reading {
    /// The language subtag (`de`, `zh`), lower-cased; empty when the page does not say.
    language: String,
    number: Regex,
    decimal: char,
    /// The patterns that read amounts, spans of months and dates that name their month, each
    /// tried only where one of its matches may begin ([`Starts`]).
    amount: Starts,
    months_span: Starts,
    word_months_span: Option<Starts>,
    iso_date: Regex,
    cjk_date: Regex,
    named_date: Starts,
    month_first_date: Starts,
    /// How far before its year a date that names its month may start, in bytes (see [`near_years`]).
    name_reach: usize,
    /// A month of a year, without a day.
    month_year: Regex,
    numeric_date: Regex,
    /// Whether `1/2/2017` is January 2 (en-US) rather than February 1.
    slash_month_first: bool,
    /// Lower-cased month name → month number.
    month_names: Vec<(String, i8)>,
    words: Vec<(&'static str, i128)>,
    /// What the patterns above begin or end with, looked for where they are tried
    /// ([`Starts`]): month names, number words, nouns of months, currency marks.
    month_marks: Marks,
    word_marks: Marks,
    nouns: Marks,
    before_marks: Marks,
    after_marks: Marks,
    /// The characters a number is written with besides its digits: separators, the decimal one.
    number_chars: Vec<char>,
    /// The most bytes that may stand between a number and the currency mark after it.
    amount_reach: usize,
}

const SEPARATORS: &str = r",.\x{202F}\x{00A0} '’";

impl Reading {
    /// The reading of pages in `locale` (a BCP 47 tag, or none when the page does not say).
    pub(super) fn new(locale: Option<&str>) -> Reading {
        let r = |p: &str| Regex::new(p).expect("valid pattern");
        let tag = locale.unwrap_or("en-US");
        let language = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        let (group, decimal) = attain_i18n::number_separators(tag).unwrap_or((',', '.'));
        let escape = |c: char| format!("\\x{{{:04X}}}", c as u32);
        let seps = format!("{SEPARATORS}{}", escape(group));
        // A group of three digits after a separator is a thousands group; a number may end
        // with the locale's decimal part.
        let num = format!(r"(\d{{1,3}}(?:[{seps}]\d{{3}})+|\d+)(?:{}\d{{1,2}}\b)?", escape(decimal));
        let gap = r"[ \x{00A0}\x{202F}]?";
        let (before, after) = (alternation_of(CURRENCY_BEFORE), alternation_of(CURRENCY_AFTER));
        let multipliers = MULTIPLIERS.iter().map(|(w, _)| regex_escape(w)).collect::<Vec<_>>().join("|");
        let mut month_names: Vec<(String, i8)> = Vec::new();
        for (i, names) in COMMON_MONTHS.iter().enumerate() {
            month_names.extend(names.iter().map(|n| ((*n).to_owned(), i as i8 + 1)));
        }
        month_names.extend(cldr_month_names(tag));
        month_names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
        month_names.dedup();
        let alternation = month_names.iter().map(|(n, _)| regex_escape(n)).collect::<Vec<_>>().join("|");
        let words: Vec<(&'static str, i128)> = NUMBER_WORDS
            .iter()
            .filter(|(l, _)| *l == "en" || *l == language)
            .flat_map(|(_, w)| w.iter().copied())
            .collect();
        let word_months_span = (!words.is_empty()).then(|| {
            let mut alts: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
            alts.sort_by_key(|w| std::cmp::Reverse(w.len()));
            Starts::new(&format!(
                r"(?:^|[^\w])({})\s?(?:[^\s\d]{{1,15}}\s)?(?:{MONTH_NOUNS})(?:[^\w]|$)",
                alts.join("|")
            ))
        });
        let slash_month_first = tag.eq_ignore_ascii_case("en-US") || language.is_empty();
        Reading {
            language,
            number: r(&num),
            decimal,
            // A word for a thousand may follow the number, and one word (an adjective: `amerických
            // dolarů`, `amerikanska dollar`) may stand between the number and the currency.
            amount: Starts::new(&format!(
                r"{before}{gap}{num}(?:{gap}(?i:{multipliers})(?:[^\w]|$))?|{num}{gap}(?:(?i:{multipliers}){gap})?(?:[^\s\d$]{{1,15}}\s)?{after}"
            )),
            months_span: Starts::new(&format!(
                r"{num}(?:\*\*)?{gap}(?:\*\*)?(?:[^\s\d*]{{1,15}}\s)?(?:{MONTH_NOUNS})(?:[^\w]|$)"
            )),
            word_months_span,
            iso_date: r(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b"),
            cjk_date: r(r"(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]"),
            named_date: Starts::new(&format!(r"(\d{{1,2}})\.?\s?(?:de\s)?({alternation})\.?\s?(?:de\s)?(\d{{4}})")),
            month_first_date: Starts::new(&format!(r"({alternation})\s(\d{{1,2}}),?\s(\d{{4}})")),
            // The longest stretch before the year in either pattern above: `31. de ` before the
            // month's name, `. de ` after it (`\d`, `\s` and `.` are one byte each).
            name_reach: month_names.iter().map(|(n, _)| n.len()).max().unwrap_or(0) + 12,
            month_year: r(&format!(r"(?:{alternation})\s?(?:de\s|of\s)?\d{{4}}|\d{{4}}\s?[年년]\s?\d{{1,2}}\s?[月월]")),
            numeric_date: r(r"\b(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4})\b"),
            slash_month_first,
            month_marks: Marks::new(month_names.iter().map(|(n, _)| n.as_str()), false),
            month_names,
            word_marks: Marks::new(words.iter().map(|(w, _)| *w), false),
            words,
            nouns: Marks::new(MONTH_NOUNS.split('|').map(noun_stem), false),
            before_marks: Marks::new(CURRENCY_BEFORE.iter().copied(), true),
            after_marks: Marks::new(CURRENCY_AFTER.iter().copied(), true),
            number_chars: ",.\u{202F}\u{00A0} '’".chars().chain([group, decimal]).collect(),
            // `{gap}(?:(?i:{multipliers}){gap})?(?:[^\s\d$]{1,15}\s)?`: a character is four bytes at most.
            amount_reach: 3 + MULTIPLIERS.iter().map(|(w, _)| w.len()).max().unwrap_or(0) + 3 + 15 * 4 + 1,
        }
    }

    /// Where a span of months in words may begin in `text` (lower-cased): at its start, and at
    /// the character before each number word (the pattern's `(?:^|[^\w])`).
    fn word_starts(&self, text: &str) -> Vec<usize> {
        let mut starts = vec![0];
        starts.extend(self.word_marks.find(text).filter(|at| *at > 0).map(|at| char_start(text, at - 1)));
        starts.dedup();
        starts
    }

    /// Where a month's name begins in `text` (lower-cased).
    fn month_starts(&self, text: &str) -> Vec<usize> {
        self.month_marks.find(text).collect()
    }

    /// Where an amount may begin in `text`: at a mark before a number, or at a number that a
    /// mark follows.
    fn amount_starts(&self, text: &str) -> Vec<usize> {
        let before: Vec<usize> = self.before_marks.find(text).collect();
        let mut starts = self.numbers_before(text, &self.after_marks, self.amount_reach);
        starts.extend(before);
        starts.sort_unstable();
        starts.dedup();
        starts
    }

    /// Where a span of months in digits may begin in `text` (lower-cased): at a number that a
    /// noun of months follows.
    fn span_starts(&self, text: &str) -> Vec<usize> {
        // `(?:\*\*)?{gap}(?:\*\*)?(?:[^\s\d*]{1,15}\s)?`: a character is four bytes at most.
        self.numbers_before(text, &self.nouns, 2 + 3 + 2 + 15 * 4 + 1)
    }

    /// Where a match may begin of a pattern that reads a number, then at most `reach` bytes
    /// without a digit, then one of `marks`. A number is written in a run of digits, separators
    /// and the decimal separator, and ends with a digit: the last digit before the mark. So the
    /// match begins in the run that holds that digit, where [`number_starts`] says, up to it.
    fn numbers_before(&self, text: &str, marks: &Marks, reach: usize) -> Vec<usize> {
        // The runs that hold the last digit before a mark: where each begins, and ends after
        // that digit (the last such, where marks follow one run several times).
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut run: Option<usize> = None;
        let mut last: Option<(usize, usize)> = None;
        let bytes = text.as_bytes();
        for (at, c) in text.char_indices() {
            if let Some((from, end)) = last.filter(|(_, end)| at - end <= reach) {
                if marks.at(bytes, at) {
                    match runs.last_mut() {
                        Some(same) if same.0 == from => same.1 = end,
                        _ => runs.push((from, end)),
                    }
                }
            }
            if c.is_ascii_digit() {
                last = Some((*run.get_or_insert(at), at + 1));
            } else if self.number_chars.contains(&c) {
                run.get_or_insert(at);
            } else {
                run = None;
            }
        }
        let mut starts = Vec::new();
        for (from, end) in runs {
            starts.extend(number_starts(&text[from..end]).into_iter().map(|at| from + at));
        }
        starts
    }

    /// Whether this reading is of the language `language` (`it`, `zh`).
    pub(super) fn language(&self) -> &str {
        &self.language
    }

    /// The value of a number as written: its digits without group separators, the decimal
    /// part dropped (amounts and counts on requirement pages are whole).
    fn value_of(&self, written: &str) -> Option<i128> {
        let whole = match written.rfind(self.decimal) {
            Some(i) if written.len() - i - self.decimal.len_utf8() <= 2 && written[i..].chars().count() > 1 => {
                &written[..i]
            }
            _ => written,
        };
        let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
        digits.parse().ok()
    }

    /// A number written with a word for thousands: `15` × 1,000, `1.5` × 10,000 (the fraction
    /// read with the locale's decimal separator).
    fn scaled(&self, written: &str, times: i128) -> Option<i128> {
        let (whole, fraction) = written.rsplit_once(self.decimal).unwrap_or((written, ""));
        let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
        let mut value = digits(whole).parse::<i128>().ok()? * times;
        let fraction = digits(fraction);
        if !fraction.is_empty() {
            value += fraction.parse::<i128>().ok()? * times / 10i128.pow(fraction.len() as u32);
        }
        Some(value)
    }

    /// Amounts of money, in whole units, with where they are.
    pub(super) fn amounts(&self, text: &str) -> Vec<(Range<usize>, i128)> {
        // The patterns are costly (regex-lite has no DFA): most lines have no digit or no
        // currency mark at all.
        if !text.bytes().any(|b| b.is_ascii_digit()) || !has_currency_mark(text) {
            return Vec::new();
        }
        self.amount
            .find(text, &self.amount_starts(text))
            .into_iter()
            .filter_map(|range| {
                let m = &text[range.clone()];
                let number = self.number.find(m)?;
                let after = m[number.end()..].trim_start_matches([' ', '\u{a0}', '\u{202f}']).to_lowercase();
                let times = MULTIPLIERS.iter().find(|(w, _)| after.starts_with(w));
                let value = match times {
                    Some((_, times)) => self.scaled(number.as_str(), *times)?,
                    None => self.value_of(number.as_str())?,
                };
                Some((range, value))
            })
            .collect()
    }

    /// Spans of months (`12 months`, `zwölf Monaten`, `12derniers mois`, `十二か月`); a span of
    /// one month written in words is not one.
    pub(super) fn month_spans(&self, text: &str) -> Vec<(Range<usize>, i128)> {
        let lower = text.to_lowercase();
        // A noun of months must be there.
        if self.nouns.find(&lower).next().is_none() {
            return Vec::new();
        }
        let mut spans: Vec<(Range<usize>, i128)> = self
            .months_span
            .find(&lower, &self.span_starts(&lower))
            .into_iter()
            .filter_map(|range| {
                let number = self.number.find(&lower[range.clone()])?;
                Some((range, self.value_of(number.as_str())?))
            })
            .collect();
        if let Some(words) = &self.word_months_span {
            for (at, c) in words.captures(&lower, &self.word_starts(&lower)) {
                let word = c.get(1).expect("group 1");
                // "One month" in words is "any one month", not a span ("어느 한 달", "in any one month").
                if let Some((_, n)) = self.words.iter().find(|(w, _)| *w == word.as_str()).filter(|(_, n)| *n > 1) {
                    spans.push((at + word.start()..at + word.end(), *n));
                }
            }
        }
        spans.extend(
            cjk_numerals(&lower, &["か月", "ヶ月", "カ月", "个月", "個月"]).into_iter().filter(|(_, n)| *n > 1),
        );
        spans
    }

    /// Every date written in a form this reading knows.
    pub(super) fn dates(&self, text: &str) -> Vec<(Range<usize>, Date)> {
        // Every form has a four-digit year; most lines have none.
        if !text.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit)) {
            return Vec::new();
        }
        let lower = text.to_lowercase();
        let mut dates = Vec::new();
        // Where the dates found so far stand (they never overlap), by start: whether a match
        // overlaps one is a look at the one starting last before it ends.
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let num = |s: &str| s.parse::<i16>().ok();
        let thai = self.language == "th";
        let mut add = |range: Range<usize>, y: Option<i16>, m: Option<i16>, d: Option<i16>| {
            if let (Some(y), Some(m), Some(d)) = (y, m, d) {
                // Thai pages may count years in the Buddhist era (2560 = 2017).
                let y = if thai && y > 2400 { y - 543 } else { y };
                if let Ok(date) = Date::new(y, m as i8, d as i8) {
                    if taken.range(..range.end).next_back().is_none_or(|(_, end)| *end <= range.start) {
                        taken.insert(range.start, range.end);
                        dates.push((range, date));
                    }
                }
            }
        };
        let month = |name: &str| self.month_names.iter().find(|(n, _)| n == name).map(|(_, m)| i16::from(*m));
        // Each pattern only where what it cannot match without is (a year and its separator, a
        // year mark): they are slow (regex-lite has no DFA), and years stand in addresses too.
        let bytes = lower.as_bytes();
        let year_then = |w: &[u8]| w[..4].iter().all(u8::is_ascii_digit) && matches!(w[4], b'-' | b'/');
        if bytes.windows(5).any(year_then) {
            for c in self.iso_date.captures_iter(&lower) {
                add(c.get(0).expect("match").range(), num(&c[1]), num(&c[2]), num(&c[3]));
            }
        }
        if lower.contains(['年', '년']) {
            for c in self.cjk_date.captures_iter(&lower) {
                add(c.get(0).expect("match").range(), num(&c[1]), num(&c[2]), num(&c[3]));
            }
        }
        if self.month_names.iter().any(|(name, _)| lower.contains(name.as_str())) {
            // A year ends both patterns, after a month's name (no digit) or `\s` and a day.
            // The first begins with its day, the second with a month's name.
            let day = |t: &str| number_starts(t);
            for (range, c) in near_years(&self.named_date, &lower, self.name_reach, |_| true, day) {
                add(range, num(&c[3]), month(&c[2]), num(&c[1]));
            }
            let name = |t: &str| self.month_starts(t);
            for (range, c) in near_years(&self.month_first_date, &lower, self.name_reach, is_space, name) {
                add(range, num(&c[3]), month(&c[1]), num(&c[2]));
            }
        }
        let then_year = |w: &[u8]| matches!(w[0], b'/' | b'.' | b'-') && w[1..].iter().all(u8::is_ascii_digit);
        let numeric = bytes.windows(5).any(then_year).then(|| self.numeric_date.captures_iter(&lower));
        for c in numeric.into_iter().flatten() {
            // Slashes put the month first where the locale writes them so (en-US); dots never do.
            let month_first = &c[2] == "/" && self.slash_month_first;
            let (m, d) = if month_first { (&c[1], &c[3]) } else { (&c[3], &c[1]) };
            add(c.get(0).expect("match").range(), num(&c[4]), num(m), num(d));
        }
        dates
    }

    /// The whole numbers a text states, outside dates: digits in the page's writing.
    /// Months of a year without a day (`December 2017`, `2017年12月`) are left out too: one
    /// side names the month, the other numbers it.
    pub(super) fn numbers(&self, text: &str) -> BTreeSet<i128> {
        // Dates are found in the lower-cased text: blank them out of that same text.
        let mut text = text.to_lowercase();
        let blank = |text: &mut String, ranges: Vec<Range<usize>>| {
            for range in ranges.into_iter().rev() {
                text.replace_range(range.clone(), &" ".repeat(range.len()));
            }
        };
        let dates: Vec<Range<usize>> = self.dates(&text).into_iter().map(|(r, _)| r).collect();
        blank(&mut text, dates);
        if text.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit)) {
            let months: Vec<Range<usize>> = self.month_year.find_iter(&text).map(|m| m.range()).collect();
            blank(&mut text, months);
        }
        // Amounts count as their value (`15 mil` is 15000), whatever their writing.
        let amounts = self.amounts(&text);
        let mut numbers: BTreeSet<i128> = amounts.iter().map(|(_, v)| *v).collect();
        blank(&mut text, amounts.into_iter().map(|(r, _)| r).collect());
        numbers.extend(self.number.find_iter(&text).filter_map(|m| self.value_of(m.as_str())));
        numbers
    }

    /// The numbers a text states in words (`zwölf`, `deux`, `十二か月`): they stand for the
    /// digits of the other side of a segment, never demand them.
    pub(super) fn number_words(&self, text: &str) -> BTreeSet<i128> {
        let lower = text.to_lowercase();
        // Thai, Lao, Khmer and Burmese write no spaces between words.
        let unspaced = matches!(self.language.as_str(), "th" | "lo" | "km" | "my");
        let stands = |w: &str| if unspaced { lower.contains(w) } else { whole_word(&lower, w) };
        let mut found: BTreeSet<i128> = self.words.iter().filter(|(w, _)| stands(w)).map(|(_, n)| *n).collect();
        found.extend(
            cjk_numerals(&lower, &["か月", "ヶ月", "カ月", "个月", "個月", "人", "名", "位"])
                .into_iter()
                .map(|(_, n)| n),
        );
        found
    }
}

/// What every ASCII mark of [`CURRENCY_AFTER`] and [`CURRENCY_BEFORE`] without a dollar sign holds.
const ASCII_MARK_CORES: [&[u8]; 3] = [b"usd", b"dolar", b"dollar"];

/// Whether a text holds any mark of money that [`CURRENCY_AFTER`] or [`CURRENCY_BEFORE`] lists.
/// Without allocating, in one pass: it runs on every line that holds a digit.
fn has_currency_mark(text: &str) -> bool {
    // Most amounts carry a dollar sign: found by memchr before any other mark is looked for.
    if text.contains('$') {
        return true;
    }
    // Without a dollar sign, an ASCII mark is there when one of its cores is (in any case).
    let bytes = text.as_bytes();
    let core_at = |i: usize| {
        let rest = &bytes[i..];
        ASCII_MARK_CORES.iter().any(|core| rest.get(..core.len()).is_some_and(|w| w.eq_ignore_ascii_case(core)))
    };
    if bytes.iter().enumerate().any(|(i, b)| matches!(b, b'u' | b'U' | b'd' | b'D') && core_at(i)) {
        return true;
    }
    !text.is_ascii() && CURRENCY_AFTER.iter().chain(CURRENCY_BEFORE).any(|mark| !mark.is_ascii() && text.contains(mark))
}

/// The matches of `pattern` in `text`, with where each stands, looked for only before four-digit
/// years. For a pattern without anchors or word boundaries whose every match ends with a year that
/// begins a run of digits, after a byte `after` accepts, and starts at most `reach` bytes before
/// that year, these are the matches `captures_iter` finds in the whole text (each match lies in the
/// stretch before its year, and a stretch holds nothing else), found at a fraction of the cost: a
/// pattern of month names tries every name at every character, and long lines hold few years.
fn near_years<'t>(
    pattern: &Starts,
    text: &'t str,
    reach: usize,
    after: impl Fn(u8) -> bool,
    starts: impl Fn(&str) -> Vec<usize>,
) -> Vec<(Range<usize>, Captures<'t>)> {
    let bytes = text.as_bytes();
    // The stretch before each year, those that touch merged.
    let mut stretches: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let digits = bytes[at..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits >= 4 && at > 0 && after(bytes[at - 1]) {
            let mut start = at.saturating_sub(reach);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            match stretches.last_mut() {
                Some(last) if start <= last.end => last.end = at + 4,
                _ => stretches.push(start..at + 4),
            }
        }
        at += digits.max(1);
    }
    let mut found = Vec::new();
    for stretch in stretches {
        let part = &text[stretch.clone()];
        for (at, c) in pattern.captures(part, &starts(part)) {
            let range = c.get(0).expect("the match").range();
            found.push((stretch.start + at + range.start..stretch.start + at + range.end, c));
        }
    }
    found
}

/// A pattern tried only where one of its matches may begin: anchored there, on the text from
/// each such place, left to right, from the end of the last match on. For a pattern that looks
/// at nothing before where its match begins and never matches empty, these are the matches
/// `find_iter` and `captures_iter` find in the whole text, so long as the places include every
/// one where a match may begin: the leftmost place where any match begins, and there the match
/// the pattern prefers, each time. regex-lite has no DFA: unanchored, a pattern tries every
/// character of the text, its alternatives of month names or currency marks at each; anchored,
/// it stops where its last alternative fails, a few characters on.
pub(super) struct Starts {
    at: Regex,
    /// The pattern as written, which the tests compare with.
    #[cfg(test)]
    pub(super) whole: Regex,
}

impl Starts {
    pub(super) fn new(pattern: &str) -> Starts {
        let r = |p: &str| Regex::new(p).expect("valid pattern");
        Starts {
            at: r(&format!("^(?:{pattern})")),
            #[cfg(test)]
            whole: r(pattern),
        }
    }

    /// Where each match stands, tried at `starts` (increasing).
    fn find(&self, text: &str, starts: &[usize]) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        let mut from = 0;
        for &at in starts {
            if at < from {
                continue;
            }
            if let Some(m) = self.at.find(&text[at..]) {
                debug_assert!(!m.is_empty(), "the pattern matches no empty text");
                found.push(at..at + m.end());
                from = at + m.end();
            }
        }
        found
    }

    /// Each match with its groups and where the text it was found in begins (the groups' ranges
    /// are from there), tried at `starts` (increasing).
    pub(super) fn captures<'t>(&self, text: &'t str, starts: &[usize]) -> Vec<(usize, Captures<'t>)> {
        let mut found = Vec::new();
        let mut from = 0;
        for &at in starts {
            if at < from {
                continue;
            }
            // Most tries fail: groups are read only where the pattern matches.
            if self.at.is_match(&text[at..]) {
                let c = self.at.captures(&text[at..]).expect("a match");
                let end = c.get(0).expect("the match").end();
                debug_assert!(end > 0, "the pattern matches no empty text");
                from = at + end;
                found.push((at, c));
            }
        }
        found
    }
}

/// Where a match of a pattern that begins with a number (`\d+`, `\d{1,3}` then groups of three
/// after a separator, `\d{1,2}` then no digit) may begin: the first digit of each run of digits
/// and its last three. A match that begins further in a run of digits begins with `\d+` (a
/// separator cannot follow three digits and more of a run), and `\d+` from the run's first digit
/// reaches wherever it reaches.
fn number_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii_digit() {
            let end = at + bytes[at..].iter().take_while(|b| b.is_ascii_digit()).count();
            starts.push(at);
            starts.extend(end.saturating_sub(3).max(at + 1)..end);
            at = end;
        } else {
            at += 1;
        }
    }
    starts
}

/// A noun of [`MONTH_NOUNS`] without its optional last letter (`months?` → `month`): what
/// every match of it begins with.
fn noun_stem(noun: &str) -> &str {
    noun.strip_suffix('?').map_or(noun, |n| &n[..n.len() - 1])
}

/// Words looked for at every place of a text, by the byte they begin with first.
struct Marks {
    /// The words that begin with each byte (with either case of an ASCII letter where case does
    /// not count), without that byte.
    by_first: Vec<Vec<Box<[u8]>>>,
    /// Whether case does not count, as in a pattern's `(?i:…)`: for ASCII letters only.
    any_case: bool,
}

impl Marks {
    fn new<'w>(words: impl IntoIterator<Item = &'w str>, any_case: bool) -> Marks {
        let mut by_first: Vec<Vec<Box<[u8]>>> = vec![Vec::new(); 256];
        for w in words.into_iter().map(str::as_bytes).filter(|w| !w.is_empty()) {
            let mut firsts = vec![w[0]];
            if any_case {
                firsts = vec![w[0].to_ascii_lowercase(), w[0].to_ascii_uppercase()];
                firsts.dedup();
            }
            for b in firsts {
                by_first[usize::from(b)].push(w[1..].into());
            }
        }
        Marks { by_first, any_case }
    }

    /// Whether a word begins at byte `at` of `bytes`.
    fn at(&self, bytes: &[u8], at: usize) -> bool {
        let rest = &bytes[at + 1..];
        // Byte by byte: the words are short, most differ from the text at once.
        let same = |w: &[u8]| match self.any_case {
            true => w.len() <= rest.len() && w.iter().zip(rest).all(|(a, b)| a.eq_ignore_ascii_case(b)),
            false => w.len() <= rest.len() && w.iter().zip(rest).all(|(a, b)| a == b),
        };
        self.by_first[usize::from(bytes[at])].iter().any(|w| same(w))
    }

    /// Where a word begins in `text`, left to right. (Words begin with a whole character: none
    /// begins inside another.)
    fn find<'t>(&'t self, text: &'t str) -> impl Iterator<Item = usize> + 't {
        let bytes = text.as_bytes();
        (0..bytes.len()).filter(move |&at| self.at(bytes, at))
    }
}

/// A byte of the patterns' `\s` (ASCII white space, vertical tab included).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// A list of marks as a case-insensitive alternation, longest first.
fn alternation_of(marks: &[&str]) -> String {
    let mut marks = marks.to_vec();
    marks.sort_by_key(|m| std::cmp::Reverse(m.len()));
    format!("(?i:{})", marks.iter().map(|m| regex_escape(m)).collect::<Vec<_>>().join("|"))
}

/// Whether `word` occurs in `text` between non-letters.
fn whole_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[i + word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

/// CJK numerals (`十二`, `两`) standing right before one of `counters`.
fn cjk_numerals(text: &str, counters: &[&str]) -> Vec<(Range<usize>, i128)> {
    let mut found = Vec::new();
    for counter in counters {
        for (at, _) in text.match_indices(counter) {
            let before = &text[..at];
            let numeral: Vec<(usize, char)> = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| *c == '十' || CJK_DIGITS.iter().any(|(d, _)| d == c))
                .collect();
            let Some(&(start, _)) = numeral.last() else { continue };
            let chars: String = numeral.iter().rev().map(|(_, c)| *c).collect();
            if let Some(value) = cjk_value(&chars) {
                found.push((start..at, value));
            }
        }
    }
    found
}

/// The value of a CJK numeral up to 99 (`十二` = 12, `二十` = 20, `五` = 5).
fn cjk_value(numeral: &str) -> Option<i128> {
    let digit = |c: char| CJK_DIGITS.iter().find(|(d, _)| *d == c).map(|(_, v)| *v);
    let chars: Vec<char> = numeral.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// The month names a locale's dates use, lower-cased, in full and abbreviated: the words of the
/// twelve formatted dates that are not common to all twelve (the year's and day's marks are).
fn cldr_month_names(tag: &str) -> Vec<(String, i8)> {
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| c.is_whitespace() || c.is_ascii_digit() || c == ',')
            .map(|w| w.trim_matches('.'))
            .filter(|w| w.chars().any(char::is_alphabetic))
            .map(str::to_owned)
            .collect()
    };
    let mut names = Vec::new();
    for dates in [attain_i18n::long_dates(tag, 2017), attain_i18n::medium_dates(tag, 2017)].into_iter().flatten() {
        let all: Vec<Vec<String>> = dates.iter().map(|d| words(d)).collect();
        let common: BTreeSet<&String> = all[0].iter().filter(|w| all.iter().all(|other| other.contains(w))).collect();
        for (i, month) in all.iter().enumerate() {
            for w in month.iter().filter(|w| !common.contains(w)) {
                names.push((w.clone(), i as i8 + 1));
            }
        }
    }
    names
}

fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(tag: &str) -> Reading {
        Reading::new(Some(tag))
    }

    #[test]
    fn every_ascii_currency_mark_holds_a_core_or_a_dollar_sign() {
        for mark in CURRENCY_AFTER.iter().chain(CURRENCY_BEFORE).filter(|m| m.is_ascii() && !m.contains('$')) {
            assert!(
                ASCII_MARK_CORES.iter().any(|core| mark.as_bytes().windows(core.len()).any(|w| w == *core)),
                "{mark}"
            );
        }
        for text in ["15 USD", "15 Usd", "15 US-Dollar", "15 ABD Doları", "15 dólares", "15 $", "15 美元"] {
            assert!(has_currency_mark(text), "{text}");
        }
        for text in ["15 euros", "us 15", "dólar", "15 DÓLARES", "dola"] {
            assert!(!has_currency_mark(text), "{text}");
        }
    }

    #[test]
    fn dates_near_years_are_those_of_the_whole_text() {
        for tag in ["en-US", "de-DE", "es-ES", "fr-FR", "ru-RU", "ja-JP"] {
            let r = reading(tag);
            for text in [
                "retires on december 31, 2017. accepted until december 31, 2018; register until november 30, 2017.",
                "31 december 2017 and 1 de diciembre de 2017 and 31. dezember 2017 and 31 décembre 2017",
                "december 31, 20175 and december 31 2017 and december 1, 2017december 2, 2018",
                "1 2017 december 31, 2017 31 декабря 2017 г. scoid=n3fxnd7vb_8805299994 may 5, 2019",
                "2017 december 1, 2017 december 2, 2017",
                "déc 2017 31 déc. 2017 é1 décembre 2017",
            ] {
                let day = |t: &str| number_starts(t);
                let name = |t: &str| r.month_starts(t);
                type Tried<'a> = (&'a Starts, fn(u8) -> bool, &'a dyn Fn(&str) -> Vec<usize>);
                let named: [Tried<'_>; 2] = [(&r.named_date, |_| true, &day), (&r.month_first_date, is_space, &name)];
                for (pattern, after, starts) in named {
                    let near: Vec<_> = near_years(pattern, text, r.name_reach, after, starts)
                        .into_iter()
                        .map(|(at, c)| (at, c[1].to_owned(), c[2].to_owned(), c[3].to_owned()))
                        .collect();
                    let whole: Vec<_> = pattern
                        .whole
                        .captures_iter(text)
                        .map(|c| (c.get(0).unwrap().range(), c[1].to_owned(), c[2].to_owned(), c[3].to_owned()))
                        .collect();
                    assert_eq!(near, whole, "{tag}: {text}");
                }
            }
        }
    }

    /// Pieces of text whose joins hold what the patterns tried where their matches begin could
    /// read otherwise than the patterns over the whole text: runs of digits of every length,
    /// separators, marks before and after, number words, month names, characters of more than one
    /// byte next to all of these.
    const PIECES: &[&str] = &[
        "",
        "1",
        "12",
        "123",
        "1234",
        "123456789",
        "1,234",
        "12,345.67",
        "1234,567",
        "15.000",
        "15 000",
        "15\u{202f}000",
        "15\u{a0}000",
        "15’000",
        ",5",
        " ",
        "é",
        "€",
        "**",
        "US$",
        "us$ ",
        "Usd",
        "usd15",
        "$",
        "$ us",
        " USD",
        "US-Dollar ",
        " mil ",
        "万",
        "美元",
        "美金 ",
        " dolarów",
        "долларов США",
        "amerických dolarů ",
        " months",
        "month.",
        " mois",
        "derniers mois ",
        "12 months",
        "12derniers mois",
        "x months",
        "monaten ",
        "か月",
        "개월 ",
        "twelve ",
        "atwelve",
        "zwölf ",
        "douze ",
        "one ",
        "dua belas ",
        "december ",
        "dezember",
        "déc. ",
        "31, ",
        "2017",
        " de ",
    ];

    /// Every text of one, two and three pieces of a few (all pairs of all of them).
    fn joins() -> Vec<String> {
        let mut texts: Vec<String> = Vec::new();
        for a in PIECES {
            for b in PIECES {
                texts.push(format!("{a}{b}"));
            }
        }
        for a in ["12", "1234", "US$", "€"] {
            for b in PIECES {
                for c in [" months", " USD", "15", "é1", "december 31, 2017"] {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        texts
    }

    #[test]
    fn patterns_tried_where_matches_begin_find_what_they_find_in_the_whole_text() {
        let texts = joins();
        for tag in ["en-US", "de-DE", "fr-FR", "pt-BR", "ru-RU", "zh-CN", "cs-CZ", "id-ID", "de-CH"] {
            let r = reading(tag);
            let whole =
                |p: &Starts, t: &str| -> Vec<Range<usize>> { p.whole.find_iter(t).map(|m| m.range()).collect() };
            let groups = |p: &Starts, t: &str, found: Vec<(usize, Captures<'_>)>| {
                let tried: Vec<Vec<Option<Range<usize>>>> = found
                    .iter()
                    .map(|(at, c)| c.iter().map(|g| g.map(|g| at + g.start()..at + g.end())).collect())
                    .collect();
                let expected: Vec<Vec<Option<Range<usize>>>> =
                    p.whole.captures_iter(t).map(|c| c.iter().map(|g| g.map(|g| g.range())).collect()).collect();
                assert_eq!(tried, expected, "{tag}: {t:?}");
            };
            for text in &texts {
                assert_eq!(r.amount.find(text, &r.amount_starts(text)), whole(&r.amount, text), "{tag}: {text:?}");
                let lower = text.to_lowercase();
                let spans = r.span_starts(&lower);
                assert_eq!(r.months_span.find(&lower, &spans), whole(&r.months_span, &lower), "{tag}: {lower:?}");
                let numbers = number_starts(&lower);
                if let Some(words) = &r.word_months_span {
                    groups(words, &lower, words.captures(&lower, &r.word_starts(&lower)));
                }
                groups(&r.named_date, &lower, r.named_date.captures(&lower, &numbers));
                groups(&r.month_first_date, &lower, r.month_first_date.captures(&lower, &r.month_starts(&lower)));
            }
        }
    }

    #[test]
    fn amounts_are_read_in_each_locale_s_writing() {
        for (tag, text, amount) in [
            ("en-US", "demonstrate US$15,000 Azure", 15_000),
            ("fr-FR", "a atteint 15000USD au cours", 15_000),
            ("fr-FR", "de 15 000 USD par", 15_000),
            ("fr-FR", "de 15\u{202f}000 $ US par", 15_000),
            ("de-DE", "von 15.000 US$ nachweisen", 15_000),
            ("de-DE", "in Höhe von 15.000US-Dollar in", 15_000),
            ("zh-CN", "消费了 10,000 美元", 10_000),
            ("ko-KR", "사용량이 US$100,000 이상임을", 100_000),
            ("ja-JP", "顧客消費額が 15,000 米ドル 以上", 15_000),
            ("pt-BR", "US$ 15.000 em consumo", 15_000),
            ("it-IT", "un consumo di 15.000 USD negli ultimi", 15_000),
            ("ru-RU", "на сумму 15 000 долларов США", 15_000),
            ("de-CH", "von 15’000 USD", 15_000),
            ("en-US", "US$15,000.00 of consumption", 15_000),
            ("it-IT", "almeno USD 15.000 di consumo", 15_000),
            ("tr-TR", "15.000 ABD Doları tutarında", 15_000),
            ("pl-PL", "15 000 dolarów amerykańskich", 15_000),
            ("zh-TW", "美金 15,000 元", 15_000),
            ("pt-BR", "US$ 15 mil em consumo", 15_000),
            ("tr-TR", "15 bin ABD Doları", 15_000),
            ("ru-RU", "15 тыс. долларов США", 15_000),
            ("ru-RU", "15 000 долл. США", 15_000),
            ("zh-CN", "1.5 万美元", 15_000),
            ("zh-TW", "1.5 萬美元", 15_000),
            ("cs-CZ", "15 000 amerických dolarů", 15_000),
            ("sv-SE", "15 000 amerikanska dollar", 15_000),
            ("he-IL", "10,000 דולר ארה\"ב", 10_000),
            ("th-TH", "10,000 ดอลลาร์สหรัฐ", 10_000),
            ("ar-SA", "10,000 دولار أمريكي", 10_000),
        ] {
            let found: Vec<i128> = reading(tag).amounts(text).into_iter().map(|(_, v)| v).collect();
            assert_eq!(found, vec![amount], "{tag}: {text}");
        }
        assert!(reading("fr-FR").amounts("au cours des 12derniers mois").is_empty());
    }

    #[test]
    fn dates_are_read_in_each_locale_s_writing() {
        let expected = jiff::civil::date(2017, 12, 31);
        for (tag, text) in [
            ("en-US", "Retires on December 31, 2017."),
            ("fr-FR", "Retrait le 31décembre2017."),
            ("de-DE", "Wird am 31. Dezember 2017 eingestellt."),
            ("de-DE", "Zum 31.Dezember2017 eingestellt."),
            ("es-ES", "el 31 de diciembre de 2017"),
            ("pt-BR", "em 31 de dezembro de 2017"),
            ("ko-KR", "2017년 12월 31일에"),
            ("ja-JP", "2017 年 12 月 31 日に廃止"),
            ("zh-TW", "於 2017年12月31日 停用"),
            ("it-IT", "ritirato il 31 dicembre 2017"),
            ("ru-RU", "снимается 31 декабря 2017 г."),
            ("pl-PL", "wycofany 31 grudnia 2017"),
            ("nl-NL", "vervalt op 31 december 2017"),
            ("tr-TR", "31 Aralık 2017 tarihinde"),
            ("de-DE", "am 31.12.2017"),
            ("en-US", "on 12/31/2017"),
            ("en-GB", "on 31/12/2017"),
            ("en-US", "on 2017-12-31"),
            ("zh-TW", "於 2017/12/31 停用"),
            ("nl-NL", "vervalt op 31-12-2017"),
            ("th-TH", "เลิกใช้ 31 ธ.ค. 2017"),
            ("th-TH", "เลิกใช้ 31 ธันวาคม 2560"),
            ("fr-FR", "retrait le 31 déc. 2017"),
            ("cs-CZ", "vyřazena 31. prosince 2017"),
        ] {
            let found: Vec<Date> = reading(tag).dates(text).into_iter().map(|(_, d)| d).collect();
            assert_eq!(found, vec![expected], "{tag}: {text}");
        }
    }

    #[test]
    fn month_spans_are_read_in_digits_and_words() {
        for (tag, text) in [
            ("en-US", "within the previous 12 months"),
            ("en-US", "within the previous twelve months"),
            ("de-DE", "in den vergangenen zwölf Monaten"),
            ("fr-FR", "au cours des 12derniers mois"),
            ("fr-FR", "au cours des douze derniers mois"),
            ("es-ES", "en los doce meses anteriores"),
            ("it-IT", "negli ultimi dodici mesi"),
            ("ru-RU", "за последние двенадцать месяцев"),
            ("nl-NL", "in de afgelopen twaalf maanden"),
            ("pl-PL", "w ciągu ostatnich dwunastu miesięcy"),
            ("tr-TR", "son 12 ay içinde"),
            ("sv-SE", "under de senaste tolv månaderna"),
            ("sv-SE", "de senaste 12 månaderna"),
            ("ru-RU", "в течение последних двенадцати месяцев"),
            ("cs-CZ", "za posledních dvanáct měsíců"),
            ("id-ID", "dalam dua belas bulan terakhir"),
            ("th-TH", "ในช่วงสิบสองเดือนที่ผ่านมา"),
            ("he-IL", "ב-12 החודשים האחרונים"),
            ("ja-JP", "過去 12 か月間"),
            ("ja-JP", "過去十二か月間"),
            ("zh-TW", "過去 12 個月"),
            ("ko-KR", "지난 12개월 동안"),
        ] {
            let found: Vec<i128> = reading(tag).month_spans(text).into_iter().map(|(_, n)| n).collect();
            assert_eq!(found, vec![12], "{tag}: {text}");
        }
    }

    #[test]
    fn numbers_outside_dates_and_number_words() {
        let de = reading("de-DE");
        assert_eq!(de.numbers("Nach dem 30.November2017 – Prüfung 70-535."), BTreeSet::from([70, 535]));
        assert_eq!(reading("ja-JP").numbers("2017年12月に廃止"), BTreeSet::new());
        assert_eq!(reading("en-US").numbers("retires in December 2017"), BTreeSet::new());
        assert_eq!(reading("pt-BR").numbers("US$ 15 mil em 12 meses"), BTreeSet::from([12, 15_000]));
        assert_eq!(reading("pt-BR").numbers("USD 15 mil"), BTreeSet::from([15_000]), "marks in any case");
        assert_eq!(de.number_words("in den vergangenen zwölf Monaten"), BTreeSet::from([12]));
        assert_eq!(reading("zh-TW").number_words("兩位人員"), BTreeSet::from([2]));
        assert_eq!(reading("ja-JP").number_words("十二か月"), BTreeSet::from([12]));
        assert_eq!(reading("th-TH").number_words("ภายในสิบสองเดือนที่ผ่านมา"), BTreeSet::from([2, 10, 12]));
    }
}
