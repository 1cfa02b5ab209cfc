//! `attain lint`: checks a requirement page written by people against the rules.
//!
//! The page is Markdown with front matter, as Microsoft's docs are, possibly in the
//! bilingual form where each translated segment is followed by its English source in
//! an `sxs-lookup` span. Rule checks read the text the reader sees (the translation);
//! segment checks compare each translation with its source, as localization QA tools
//! such as Okapi CheckMate do.

mod metrics;

use std::collections::BTreeSet;
use std::fmt;

use attain_rules::{CredentialIdx, Market, Program, Rules, Usd, Version};
use jiff::civil::Date;
use regex_lite::Regex;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The page contradicts the rules.
    Error,
    /// A translated segment disagrees with its source.
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub file: String,
    pub line: usize,
    pub severity: Severity,
    pub message: String,
    pub expected: String,
    pub found: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}: {severity}: {} (expected {}, found {})",
            self.file, self.line, self.message, self.expected, self.found
        )
    }
}

/// The patterns, compiled once per run.
struct Patterns {
    sxs: Regex,
    segment: Regex,
    tag: Regex,
    html_link: Regex,
    link_target: Regex,
    amount: Regex,
    bold_count: Regex,
    bold: Regex,
    exam_code: Regex,
    course_id: Regex,
    number: Regex,
    iso_date: Regex,
    cjk_date: Regex,
    named_date: Regex,
    english_date: Regex,
    market_headings: Vec<(String, Market)>,
    /// A number of points (`**10** points`, `10 Punkte`, `10점`), a number of months, a percentage.
    points: Regex,
    months: Regex,
    percent: Regex,
}

impl Patterns {
    fn new() -> Patterns {
        let r = |p: &str| Regex::new(p).expect("valid pattern");
        const NUM: &str = r"(\d{1,3}(?:[,.\x{202F}\x{00A0} ']\d{3})+|\d+)";
        const GAP: &str = r"[ \x{00A0}\x{202F}]?";
        Patterns {
            sxs: r(r#"<span class="sxs-lookup"><span data-stu-id="[^"]*">.*?</span></span>"#),
            segment: r(
                r#"<span data-ttu-id="[^"]*">(.*?)</span><span class="sxs-lookup"><span data-stu-id="[^"]*">(.*?)</span></span>"#,
            ),
            tag: r(r"<[^>]+>"),
            html_link: r(r#"<a href="([^"]*)">(.*?)</a>"#),
            link_target: r(r"\]\(([^)\s]+)\)"),
            amount: r(&format!(
                r"(?:US\$|\$){GAP}{NUM}|{NUM}{GAP}(?:USD|US\$|\${GAP}US|\$|美元|米ドル|ドル|달러|dollars)"
            )),
            bold_count: r(r"\*\*([0-9]+)[^*0-9]{0,8}\*\*"),
            bold: r(r"\*\*([^*]+)\*\*"),
            exam_code: r(r"(?:^|[^0-9])([0-9]{2}-[0-9]{3})(?:[^0-9]|$)"),
            course_id: r(r"courseId=([0-9]+)"),
            number: r(r"\d+(?:[,.\x{202F}\x{00A0}]\d{3})*"),
            iso_date: r(r"(\d{4})-(\d{2})-(\d{2})"),
            cjk_date: r(r"(\d{4}) ?[年년] ?(\d{1,2}) ?[月월] ?(\d{1,2}) ?[日일]"),
            named_date: r(r"(\d{1,2})\.? ?(?:de )?([A-Za-zéûäèçÉ]+) ?(?:de )?(\d{4})"),
            english_date: r(r"([A-Z][a-z]+) (\d{1,2}), (\d{4})"),
            market_headings: market_headings(),
            points: r(&format!(
                r"{NUM}(?:\*\*)?{GAP}(?:\*\*)?(?:(?i:points?|punkte?n?|puntos?|pontos?|pts)\b{{end-half}}|ポイント|점|포인트|分|点)"
            )),
            months: r(&format!(
                r"{NUM}(?:\*\*)?{GAP}(?:\*\*)?(?:(?i:months?|monaten?|monate|mois|meses|mes|mês)\b{{end-half}}|か月|ヶ月|カ月|ケ月|개월|个月|個月)"
            )),
            percent: r(&format!(r"{NUM}{GAP}%")),
        }
    }
}

/// Month names of the Latin-script locales attain writes and reads.
const MONTHS: [&[&str]; 12] = [
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

/// Words that mark a market heading, emerging first ("en développement" contains "développ").
const EMERGING_WORDS: &[&str] = &[
    "developing",
    "emerging",
    "en développement",
    "émergent",
    "schwellen",
    "新兴",
    "新興",
    "개발 도상국",
    "신흥",
    "emergente",
    "en desarrollo",
    "em desenvolvimento",
];
const DEVELOPED_WORDS: &[&str] = &[
    "developed",
    "développés",
    "entwickelt",
    "industrie",
    "发达",
    "成熟",
    "先進",
    "선진",
    "desarrollado",
    "desenvolvido",
];

/// attain's own market headings, in every locale, lower-cased.
fn market_headings() -> Vec<(String, Market)> {
    let mut headings = Vec::new();
    for tag in attain_i18n::LOCALES {
        let l10n = attain_i18n::Localizer::new(tag);
        for market in Market::ALL {
            headings.push((l10n.text(&format!("req-market-{market}")).to_lowercase(), market));
        }
    }
    headings
}

/// The market a bold heading names: attain's own headings first, then common wordings.
fn market_of_heading(headings: &[(String, Market)], text: &str) -> Option<Market> {
    let lower = text.to_lowercase();
    if let Some((_, market)) = headings.iter().find(|(h, _)| *h == lower.trim()) {
        return Some(*market);
    }
    if EMERGING_WORDS.iter().any(|w| lower.contains(w)) {
        Some(Market::Emerging)
    } else if DEVELOPED_WORDS.iter().any(|w| lower.contains(w)) {
        Some(Market::Developed)
    } else {
        None
    }
}

fn whole_dollars(usd: Usd) -> String {
    let shown = usd.to_display_string();
    shown.strip_suffix(".00").map(str::to_owned).unwrap_or(shown)
}

fn digits_value(text: &str) -> Option<i128> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

struct Line<'a> {
    number: usize,
    raw: &'a str,
    /// What the reader sees: translations only, no tags.
    visible: String,
}

/// Checks `text` (the page, shown as `file` in findings) against `rules`.
/// The program version is the one in force on `as_of`, else on the front matter's `ms.lasthandoff`.
pub fn lint(
    rules: &Rules,
    program: &Program,
    file: &str,
    text: &str,
    as_of: Option<Date>,
) -> Result<Vec<Finding>, String> {
    let p = Patterns::new();
    let all: Vec<&str> = text.lines().collect();
    let (front, body_start) = front_matter(&all);
    let handoff = front.iter().find(|(k, _)| *k == "ms.lasthandoff").map(|(_, v)| *v);
    let date = match (as_of, handoff) {
        (Some(d), _) => d,
        (None, Some(handoff)) => {
            parse_us_date(handoff).ok_or_else(|| format!("{file}: ms.lasthandoff {handoff:?} is not MM/DD/YYYY"))?
        }
        // A page attain wrote as HTML names its version in the footer.
        (None, None) => named_version(program, text)
            .map(|v| v.effective)
            .ok_or_else(|| format!("{file}: no ms.lasthandoff in the front matter; give --as-of"))?,
    };
    let version = program
        .version_on(date)
        .ok_or_else(|| format!("{file}: no version of {} is in force on {date}", program.id))?;
    let html = is_html(text);
    let lines: Vec<Line<'_>> = all
        .iter()
        .enumerate()
        .skip(body_start)
        .map(|(i, raw)| Line { number: i + 1, raw, visible: visible(&p, raw, html) })
        .collect();

    let mut checker = Checker { rules, program, version, file, p: &p, findings: Vec::new() };
    if version.by_metrics() {
        checker.metric_sections(&lines);
    } else {
        checker.levels(&lines);
    }
    checker.dates(&lines);
    checker.segments(&lines);

    // A segment whose numbers differ on a line that already contradicts the rules says the same thing twice.
    let error_lines: BTreeSet<usize> =
        checker.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.line).collect();
    let mut findings = checker.findings;
    findings.retain(|f| {
        !(f.severity == Severity::Warning && f.message.contains("numbers") && error_lines.contains(&f.line))
    });
    findings.sort_by(|a, b| a.line.cmp(&b.line).then(a.severity.cmp(&b.severity)));
    Ok(findings)
}

/// Whether the page is an HTML document rather than Markdown.
fn is_html(text: &str) -> bool {
    let start: String = text.trim_start().chars().take(14).collect::<String>().to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

/// What the reader sees of a line: translations only, no tags; in HTML, links and `<strong>` as
/// Markdown writes them (the checks read link targets and bold numbers) and the entities the
/// HTML writer escapes, unescaped.
fn visible(p: &Patterns, raw: &str, html: bool) -> String {
    let without_sources = p.sxs.replace_all(raw, "");
    if !html {
        return p.tag.replace_all(&without_sources, "").into_owned();
    }
    let links = p.html_link.replace_all(&without_sources, "[$2]($1)");
    let bold = links.replace("<strong>", "**").replace("</strong>", "**");
    p.tag.replace_all(&bold, "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

/// The one version of `program` whose id the page names, if exactly one is named.
fn named_version<'a>(program: &'a Program, text: &str) -> Option<&'a Version> {
    let mut named = program.versions.iter().filter(|v| text.contains(v.id.as_str()));
    let version = named.next()?;
    named.next().is_none().then_some(version)
}

/// The depth of a Markdown (`###`) or HTML (`<h3`) heading.
fn heading_depth(raw: &str) -> Option<usize> {
    let hashes = raw.chars().take_while(|c| *c == '#').count();
    if hashes > 0 {
        return Some(hashes);
    }
    match raw.trim_start().as_bytes() {
        [b'<', b'h' | b'H', d @ b'1'..=b'6', b'>' | b' ', ..] => Some(usize::from(d - b'0')),
        _ => None,
    }
}

/// Whether a heading line carries the anchor `id` (`<a name="id">` or `<h3 id="id">`).
fn has_anchor(raw: &str, id: &str) -> bool {
    raw.contains(&format!("name=\"{id}\"")) || raw.contains(&format!(" id=\"{id}\""))
}

fn front_matter<'a>(lines: &[&'a str]) -> (Vec<(&'a str, &'a str)>, usize) {
    if lines.first().map(|l| l.trim()) != Some("---") {
        return (Vec::new(), 0);
    }
    let Some(end) = lines.iter().skip(1).position(|l| l.trim() == "---") else {
        return (Vec::new(), 0);
    };
    let pairs = lines[1..=end]
        .iter()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim(), v.trim().trim_matches('"')))
        .collect();
    (pairs, end + 2)
}

fn parse_us_date(text: &str) -> Option<Date> {
    let mut parts = text.split('/').map(|p| p.trim().parse::<i16>().ok());
    let (m, d, y) = (parts.next()??, parts.next()??, parts.next()??);
    Date::new(y, m as i8, d as i8).ok()
}

struct Checker<'a> {
    rules: &'a Rules,
    program: &'a Program,
    version: &'a Version,
    file: &'a str,
    p: &'a Patterns,
    findings: Vec<Finding>,
}

impl Checker<'_> {
    fn push(&mut self, line: usize, severity: Severity, message: String, expected: String, found: String) {
        self.findings.push(Finding { file: self.file.to_owned(), line, severity, message, expected, found });
    }

    /// Finds each level's section by its anchor (`<a name="silver">`) or heading, and checks it.
    fn levels(&mut self, lines: &[Line<'_>]) {
        let heading = |l: &Line<'_>| heading_depth(l.raw);
        for (i, line) in lines.iter().enumerate() {
            let Some(depth) = heading(line) else { continue };
            let Some(level) = self.program.levels.iter().position(|l| {
                has_anchor(line.raw, &l.id) || line.visible.trim_start_matches('#').trim().eq_ignore_ascii_case(&l.name)
            }) else {
                continue;
            };
            let end = lines[i + 1..]
                .iter()
                .position(|l| heading(l).is_some_and(|d| d <= depth))
                .map_or(lines.len(), |e| i + 1 + e);
            self.level_section(level, &lines[i..end]);
        }
    }

    fn level_section(&mut self, level: usize, section: &[Line<'_>]) {
        let name = &self.program.levels[level].name;
        let req = &self.version.levels[level];
        let mut market: Option<Market> = None;
        let mut mentioned: Vec<(CredentialIdx, usize)> = Vec::new();
        for line in section {
            if let Some(bold) = self.p.bold.captures(&line.visible) {
                if let Some(m) = market_of_heading(&self.p.market_headings, &bold[1]) {
                    market = Some(m);
                }
            }
            let without_links = self.p.link_target.replace_all(&line.visible, "]");
            for amount in self.p.amount.find_iter(&without_links) {
                let Some(found) = digits_value(amount.as_str()) else {
                    continue;
                };
                let found = Usd(found * 1_000_000);
                let Some(performance) = &req.performance else {
                    self.push(
                        line.number,
                        Severity::Error,
                        format!("{name} has no consumption threshold in version {}", self.version.id),
                        "no amount".into(),
                        whole_dollars(found),
                    );
                    continue;
                };
                // Under a market heading the amount is that market's; otherwise every market's.
                let markets: Vec<Market> = market.map_or(Market::ALL.to_vec(), |m| vec![m]);
                if let Some(expected) = markets.iter().map(|m| performance.threshold(*m)).find(|t| *t != found) {
                    let whose = market.map_or(String::new(), |m| format!(" for {m} markets"));
                    self.push(
                        line.number,
                        Severity::Error,
                        format!("{name} threshold{whose} contradicts the rules"),
                        whole_dollars(expected),
                        whole_dollars(found),
                    );
                }
            }
            for count in self.p.bold_count.captures_iter(&line.visible) {
                let found: u32 = count[1].parse().unwrap_or(u32::MAX);
                let expected = req.skills.as_ref().map_or(0, |s| s.individuals);
                if found != expected {
                    self.push(
                        line.number,
                        Severity::Error,
                        format!("{name} individual count contradicts the rules"),
                        expected.to_string(),
                        found.to_string(),
                    );
                }
            }
            self.credentials_on(line, &mut mentioned);
        }
        let listed: BTreeSet<CredentialIdx> = req.skills.iter().flat_map(|s| s.credentials()).collect();
        let catalog = &self.rules.catalog;
        for (c, line) in &mentioned {
            if !listed.contains(c) {
                self.push(
                    *line,
                    Severity::Error,
                    format!("{name} lists {}, which version {} does not", catalog.get(*c).id, self.version.id),
                    "not listed".into(),
                    catalog.get(*c).id.clone(),
                );
            }
        }
        let heading_line = section[0].number;
        for c in &listed {
            if !mentioned.iter().any(|(m, _)| m == c) {
                self.push(
                    heading_line,
                    Severity::Error,
                    format!("{name} does not list {}, which version {} requires", catalog.get(*c).id, self.version.id),
                    catalog.get(*c).id.clone(),
                    "not listed".into(),
                );
            }
        }
    }

    /// Credentials a line names: by exam code, assessment course id or catalog link.
    fn credentials_on(&mut self, line: &Line<'_>, mentioned: &mut Vec<(CredentialIdx, usize)>) {
        let catalog = &self.rules.catalog;
        let mut ids: Vec<String> = Vec::new();
        ids.extend(self.p.exam_code.captures_iter(&line.visible).map(|c| format!("exam:{}", &c[1])));
        ids.extend(self.p.course_id.captures_iter(&line.visible).map(|c| format!("assessment:{}", &c[1])));
        for c in &catalog.credentials {
            if c.url.as_ref().is_some_and(|u| line.visible.contains(u.as_str())) {
                ids.push(c.id.clone());
            }
        }
        for id in ids {
            match catalog.lookup(&id) {
                Some(c) if !mentioned.iter().any(|(m, _)| *m == c) => mentioned.push((c, line.number)),
                Some(_) => {}
                None => self.push(
                    line.number,
                    Severity::Error,
                    format!("names {id}, which no catalog knows"),
                    "a credential of the catalog".into(),
                    id.clone(),
                ),
            }
        }
    }

    /// Every date the reader sees must be a lifecycle date of a credential this version lists, or
    /// the day the version takes effect (which attain's HTML pages name in their footer).
    fn dates(&mut self, lines: &[Line<'_>]) {
        let catalog = &self.rules.catalog;
        let listed = self.version.credentials();
        let mut known: BTreeSet<Date> = listed
            .iter()
            .map(|c| catalog.get(*c))
            .flat_map(|c| [c.retires, c.registration_until, c.accepted_until])
            .flatten()
            .collect();
        known.insert(self.version.effective);
        for line in lines {
            let text = self.p.link_target.replace_all(&line.visible, "]");
            for date in find_dates(self.p, &text) {
                if !known.contains(&date) {
                    let expected = known.iter().map(Date::to_string).collect::<Vec<_>>().join(" or ");
                    self.push(
                        line.number,
                        Severity::Error,
                        "date is not a retirement, registration or acceptance date of a listed credential".into(),
                        if expected.is_empty() { "no date".into() } else { expected },
                        date.to_string(),
                    );
                }
            }
        }
    }

    /// Compares each translated segment with its English source.
    fn segments(&mut self, lines: &[Line<'_>]) {
        for line in lines {
            for pair in self.p.segment.captures_iter(line.raw) {
                let (target, source) = (&pair[1], &pair[2]);
                let checks = [
                    ("numbers", self.numbers(target), self.numbers(source)),
                    ("links", self.links(target), self.links(source)),
                    ("product names", self.products(target), self.products(source)),
                ];
                for (what, t, s) in checks {
                    if t != s {
                        let show = |set: &BTreeSet<String>| {
                            if set.is_empty() {
                                "none".to_owned()
                            } else {
                                set.iter().cloned().collect::<Vec<_>>().join(", ")
                            }
                        };
                        self.push(
                            line.number,
                            Severity::Warning,
                            format!("translated segment differs from its source in {what}"),
                            show(&s.difference(&t).cloned().collect()),
                            show(&t.difference(&s).cloned().collect()),
                        );
                    }
                }
            }
        }
    }

    fn numbers(&self, text: &str) -> BTreeSet<String> {
        let text = self.p.link_target.replace_all(text, "]");
        self.p.number.find_iter(&text).filter_map(|m| digits_value(m.as_str())).map(|n| n.to_string()).collect()
    }

    fn links(&self, text: &str) -> BTreeSet<String> {
        self.p.link_target.captures_iter(text).map(|c| c[1].to_owned()).collect()
    }

    /// Product names present, each as a whole word; a longer name hides the shorter inside it.
    fn products(&self, text: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        let mut products: Vec<&String> = self.rules.catalog.products.iter().collect();
        products.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let mut rest = self.p.link_target.replace_all(text, "]").into_owned();
        for product in products {
            let mut at = 0;
            while let Some(i) = rest[at..].find(product.as_str()).map(|i| i + at) {
                let end = i + product.len();
                let before = rest[..i].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric());
                let after = rest[end..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
                if !before && !after {
                    found.insert(product.clone());
                    rest.replace_range(i..end, &" ".repeat(product.len()));
                }
                at = end.min(rest.len());
            }
        }
        found
    }
}

/// Dates written in any of the forms attain's locales use.
fn find_dates(p: &Patterns, text: &str) -> Vec<Date> {
    let mut dates = Vec::new();
    let num = |s: &str| s.parse::<i16>().ok();
    let mut add = |y: Option<i16>, m: Option<i16>, d: Option<i16>| {
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            if let Ok(date) = Date::new(y, m as i8, d as i8) {
                dates.push(date);
            }
        }
    };
    let month = |name: &str| {
        let lower = name.to_lowercase();
        MONTHS.iter().position(|names| names.contains(&lower.as_str())).map(|i| i as i16 + 1)
    };
    for c in p.iso_date.captures_iter(text) {
        add(num(&c[1]), num(&c[2]), num(&c[3]));
    }
    for c in p.cjk_date.captures_iter(text) {
        add(num(&c[1]), num(&c[2]), num(&c[3]));
    }
    for c in p.named_date.captures_iter(text) {
        add(num(&c[3]), month(&c[2]), num(&c[1]));
    }
    for c in p.english_date.captures_iter(text) {
        add(num(&c[3]), month(&c[1]), num(&c[2]));
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_in_every_locale_s_writing() {
        let p = Patterns::new();
        let read =
            |text: &str| -> Vec<i128> { p.amount.find_iter(text).filter_map(|m| digits_value(m.as_str())).collect() };
        for (text, amount) in [
            ("demonstrate US$15,000 Azure", 15_000),
            ("a atteint 15000USD au cours", 15_000),
            ("de 15 000 USD par", 15_000),
            ("de 15\u{202f}000 $ US par", 15_000),
            ("von 15.000 US$ nachweisen", 15_000),
            ("消费了 10,000 美元", 10_000),
            ("사용량이 US$100,000 이상임을", 100_000),
            ("顧客消費額が 15,000 米ドル 以上", 15_000),
            ("US$ 15.000 em consumo", 15_000),
        ] {
            assert_eq!(read(text), vec![amount], "{text}");
        }
        assert!(read("within the previous 12 months, 12derniers mois").is_empty());
    }

    #[test]
    fn dates_are_read_in_every_locale_s_writing() {
        let p = Patterns::new();
        let expected = jiff::civil::date(2017, 12, 31);
        for text in [
            "Retires on December 31, 2017.",
            "Retrait le 31décembre2017.",
            "Wird am 31. Dezember 2017 eingestellt.",
            "el 31 de diciembre de 2017",
            "em 31 de dezembro de 2017",
            "2017년 12월 31일에",
            "2017年12月31日",
            "on 2017-12-31",
        ] {
            assert_eq!(find_dates(&p, text), vec![expected], "{text}");
        }
    }
}
