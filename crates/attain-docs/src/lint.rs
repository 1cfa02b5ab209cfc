//! `attain lint`: checks a requirement page written by people against the rules.
//!
//! A page rendered from the rules has a known shape: a section per level, in it the
//! performance requirement (one line per market under the market's heading), the people
//! required and the credentials they may hold. A written page is matched against that shape,
//! in whatever language it is written: which program it describes (title, anchors,
//! credentials), which version (its date; a page dated before the first version is checked
//! against the one it announces), which level and market a threshold belongs to (its position,
//! and the English source where the bilingual form carries it). Values are read in the
//! page's own writing ([`values`]) so that `zwölf Monaten` is 12 months and
//! `2017 年 12 月 31 日` is December 31, 2017. In the bilingual form, each translated segment
//! is also compared with its English source, as localization QA tools such as Okapi
//! CheckMate do.
//!
//! What cannot be identified is reported as such (a warning naming the line), never guessed
//! into an error.

mod metrics;
mod read;
mod sarif;
mod values;

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::ops::Range;
use std::rc::Rc;

use attain_i18n::{Arg, Localizer};
use attain_rules::{CredentialIdx, Market, Program, Rules, Usd, Version};
use jiff::civil::Date;
use regex_lite::Regex;
use serde::Serialize;

use read::{Line, Markup, Page};
pub use sarif::sarif;
use values::Reading;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The page contradicts the rules.
    Error,
    /// The page leaves something out, a translated segment disagrees with its source, or a
    /// part of the page cannot be identified.
    Warning,
    /// What the reader of the findings should know about how the page was checked.
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub file: String,
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// Which check found it (`threshold`, `segment-numbers`, …); stable across releases.
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub expected: String,
    pub found: String,
    /// The message with what was expected and found, as printed.
    #[serde(skip)]
    statement: String,
}

impl Finding {
    /// What was found, without where: the message, with what was expected and found, in the
    /// language the findings are written in.
    pub fn statement(&self) -> &str {
        &self.statement
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (file, line, column, severity, rule) =
            (&self.file, self.line, self.column, self.severity.as_str(), self.rule);
        write!(f, "{file}:{line}:{column}: {severity} [{rule}]: {}", self.statement())
    }
}

/// Every rule a finding may name, with what it checks: the SARIF output lists them.
pub const RULES: &[(&str, &str)] = &[
    ("threshold", "A level's consumption threshold equals the rules' for its market."),
    ("threshold-missing", "A page that states thresholds per market states one for every market."),
    ("window", "The span of months the consumption is measured over equals the rules'."),
    ("individuals", "The number of people a level needs equals the rules'."),
    ("credential-unlisted", "Every credential a level lists is one the version lists."),
    ("credential-missing", "Every credential the version lists for a level is on the page."),
    ("credential-unknown", "Every credential named is in the catalog."),
    ("credential-title", "A credential's title names no product that its catalog title does not."),
    ("date", "Every date is a lifecycle date of a listed credential or the version's effective date."),
    ("market-heading", "Each heading over a threshold names a market."),
    ("score", "A level's score and thresholds on metrics equal the rules'."),
    ("metric", "A metric's points, amounts, months and prerequisites equal the rules'."),
    ("metric-missing", "A page that describes metrics describes every metric of the version."),
    ("segment-numbers", "A translated segment states the numbers of its source."),
    ("segment-dates", "A translated segment states the dates of its source."),
    ("segment-links", "A translated segment links where its source does."),
    ("segment-products", "A translated segment names the products of its source (never translated)."),
    ("segment-names", "A translated segment names the program, option and levels as the glossary translates them."),
    ("program-unknown", "The page describes a program of the rules."),
    ("page-date", "The page's date can be read."),
    ("version-announced", "A page dated before the first version is checked against the version it announces."),
    ("no-requirements", "The page states requirements (it may have been retired)."),
];

/// The patterns the structure checks use, compiled once per run.
struct Patterns {
    /// A bold count (`**2**`), tried where `**` is ([`bold_starts`]).
    bold_count: values::Starts,
    bold: Regex,
    bold_line: Regex,
    number: Regex,
    /// A number of points (`**10** points`, `10 Punkte`, `10점`) and a percentage.
    points: Regex,
    percent: Regex,
}

impl Patterns {
    fn new() -> Patterns {
        let r = |p: &str| Regex::new(p).expect("valid pattern");
        const NUM: &str = r"(\d{1,3}(?:[,.\x{202F}\x{00A0} ']\d{3})+|\d+)";
        const GAP: &str = r"[ \x{00A0}\x{202F}]?";
        Patterns {
            bold_count: values::Starts::new(r"\*\*([0-9]+)[^*0-9]{0,8}\*\*"),
            bold: r(r"\*\*([^*]+)\*\*"),
            bold_line: r(r"^\s*(?:[-*+]\s+|\d+\.\s+)?\*\*([^*\d]+)\*\*\s*:?\s*$"),
            number: r(r"\d+(?:[,.\x{202F}\x{00A0}]\d{3})*"),
            points: r(&format!(
                r"{NUM}(?:\*\*)?{GAP}(?:\*\*)?(?:(?i:points?|punkte?n?|puntos?|pontos?|pts)\b{{end-half}}|ポイント|점|포인트|分|点)"
            )),
            percent: r(&format!(r"{NUM}{GAP}%")),
        }
    }
}

/// Words that name a market in a heading, emerging first: "en développement" contains
/// "développ", "Entwicklungsländer" is not "entwickelt", "развивающиеся" is not "развитые".
const EMERGING_WORDS: &[&str] = &[
    "developing",
    "emerging",
    "en développement",
    "émergent",
    "entwicklungs",
    "schwellen",
    "en desarrollo",
    "vías de desarrollo",
    "voie de développement",
    "vias de desenvolvimento",
    "emergente",
    "em desenvolvimento",
    "in via di sviluppo",
    "emergent",
    "opkomend",
    "ontwikkelings",
    "формирующ",
    "gelişen",
    "tillväxt",
    "utvecklings",
    "udviklings",
    "vækst",
    "nye markeder",
    "rozvíjející",
    "rozvojov",
    "berkembang",
    "מתפתח",
    "กำลังพัฒนา",
    "เกิดใหม่",
    "الناشئة",
    "النامية",
    "yükselen",
    "개발 중",
    "развивающ",
    "rozwijając",
    "wschodząc",
    "gelişmekte",
    "新兴",
    "新興",
    "発展途上",
    "開發中",
    "开发中",
    "发展中",
    "開発途上",
    "개발 도상",
    "개발도상",
    "신흥",
];
const DEVELOPED_WORDS: &[&str] = &[
    "developed",
    "advanced",
    "développé",
    "entwickelt",
    "industrieländer",
    "desarrollado",
    "desenvolvido",
    "sviluppat",
    "avanzat",
    "ontwikkelde",
    "развит",
    "rozwinięt",
    "gelişmiş",
    "utvecklade",
    "udviklede",
    "utviklede",
    "vyspěl",
    "rozvinut",
    "maju",
    "מפותח",
    "พัฒนาแล้ว",
    "المتقدمة",
    "olgun",
    "maturi",
    "maduro",
    "gevestigde",
    "发达",
    "已開發",
    "已开发",
    "成熟",
    "先進",
    "先进",
    "선진",
];

/// attain's own market headings, in every locale, lower-cased: built on first need only (eight
/// localizers cost more than checking a page), which the words above make rare.
fn own_market_headings() -> &'static [(String, Market)] {
    static HEADINGS: std::sync::OnceLock<Vec<(String, Market)>> = std::sync::OnceLock::new();
    HEADINGS.get_or_init(|| {
        let mut headings = Vec::new();
        for tag in attain_i18n::LOCALES {
            let l10n = attain_i18n::Localizer::new(tag);
            for market in Market::ALL {
                headings.push((l10n.text(&format!("req-market-{market}")).to_lowercase(), market));
            }
        }
        headings
    })
}

/// The market a heading names: by common wordings in many languages, else as one of attain's
/// own headings.
fn market_of_heading(text: &str) -> Option<Market> {
    let lower = text.to_lowercase();
    if EMERGING_WORDS.iter().any(|w| lower.contains(w)) {
        Some(Market::Emerging)
    } else if DEVELOPED_WORDS.iter().any(|w| lower.contains(w)) {
        Some(Market::Developed)
    } else {
        own_market_headings().iter().find(|(h, _)| *h == lower.trim()).map(|(_, m)| *m)
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

/// Checks pages against the rules; holds what is compiled once per run (patterns, and the
/// reading of each language met).
pub struct Linter<'r> {
    rules: &'r Rules,
    /// The language findings are written in: the user's, not the page's.
    l10n: Localizer,
    markup: Markup,
    p: Patterns,
    catalog: CatalogIndex,
    /// One per program of the rules, in their order.
    signatures: Vec<ProgramSignature>,
    readings: RefCell<HashMap<String, Rc<Reading>>>,
}

/// How a page shows which program it describes, prepared once per program: its names in every
/// translation (lower-cased) and the codes of the credentials any of its versions lists.
struct ProgramSignature {
    names: Vec<String>,
    codes: Vec<String>,
}

impl ProgramSignature {
    fn new(rules: &Rules, p: &Program) -> ProgramSignature {
        let mut names = vec![p.name.to_lowercase()];
        for t in rules.translations.values() {
            if let Some(pt) = t.programs.get(&p.id) {
                let variants = pt.variants.get(&p.name).into_iter().flatten();
                names.extend(pt.name.iter().chain(variants).map(|n| n.to_lowercase()));
            }
        }
        let ids: BTreeSet<CredentialIdx> = p.versions.iter().flat_map(|v| v.credentials()).collect();
        let codes = ids
            .iter()
            .map(|c| {
                let id = &rules.catalog.get(*c).id;
                id.rsplit(':').next().unwrap_or(id).to_owned()
            })
            .collect();
        ProgramSignature { names, codes }
    }
}

/// What lint looks up in the catalog on every line, prepared once.
struct CatalogIndex {
    /// Credential by the address of its page.
    by_url: HashMap<String, CredentialIdx>,
    /// Product names, longest first (a longer name hides a shorter one inside it).
    products: Vec<String>,
}

impl CatalogIndex {
    fn new(rules: &Rules) -> CatalogIndex {
        let credentials = rules.catalog.credentials.iter().enumerate();
        let by_url = credentials.filter_map(|(i, c)| Some((c.url.clone()?, CredentialIdx(i as u32)))).collect();
        let mut products = rules.catalog.products.clone();
        products.sort_by_key(|p| std::cmp::Reverse(p.len()));
        CatalogIndex { by_url, products }
    }
}

/// The summary of a run, in `l10n`'s language: `48 files, 3 errors, 2 warnings, 24 notes`.
pub fn summary(l10n: &Localizer, files: usize, findings: &[Finding]) -> String {
    let count = |s: Severity| Arg::Count(findings.iter().filter(|f| f.severity == s).count() as i64);
    let args = [
        ("files", Arg::Count(files as i64)),
        ("errors", count(Severity::Error)),
        ("warnings", count(Severity::Warning)),
        ("notes", count(Severity::Note)),
    ];
    l10n.msg("lint-summary", &args)
}

/// Checks one page, with findings in English: see [`Linter::lint`].
pub fn lint(rules: &Rules, program: Option<&Program>, file: &str, text: &str, as_of: Option<Date>) -> Vec<Finding> {
    Linter::new(rules, "en-US").lint(program, file, text, as_of)
}

impl<'r> Linter<'r> {
    /// A linter writing its findings in `lang` (a BCP 47 tag; the closest locale attain speaks).
    pub fn new(rules: &'r Rules, lang: &str) -> Linter<'r> {
        Linter {
            rules,
            l10n: Localizer::new(lang),
            markup: Markup::new(),
            p: Patterns::new(),
            catalog: CatalogIndex::new(rules),
            signatures: rules.programs.iter().map(|p| ProgramSignature::new(rules, p)).collect(),
            readings: RefCell::default(),
        }
    }

    fn reading(&self, locale: Option<&str>) -> Rc<Reading> {
        let key = locale.unwrap_or("").to_owned();
        self.readings.borrow_mut().entry(key).or_insert_with(|| Rc::new(Reading::new(locale))).clone()
    }

    /// Checks `text` (the page, shown as `file` in findings) against `program`, or against the
    /// program the page describes when `program` is `None`. The version is the one in force
    /// on `as_of`, else on the page's date (`ms.lasthandoff`, `ms.date`), else the one whose
    /// id an HTML page of attain's names in its footer, else the latest.
    pub fn lint(&self, program: Option<&Program>, file: &str, text: &str, as_of: Option<Date>) -> Vec<Finding> {
        let page = self.markup.read(text);
        let reading = self.reading(page.locale.as_deref());
        let english = self.reading(Some("en-US"));
        let mut out = Findings::new(file, &self.l10n);
        let program = match program.or_else(|| self.recognize(&page, text)) {
            Some(p) => p,
            None => {
                let known: Vec<&str> = self.rules.programs.iter().map(|p| p.name.as_str()).collect();
                out.push(
                    &page.lines,
                    "program-unknown",
                    page.body_line,
                    Severity::Warning,
                    self.l10n.text("lint-program-unknown"),
                    self.l10n.join(&known.iter().map(|k| (*k).to_owned()).collect::<Vec<_>>(), "list-or"),
                    if page.title.is_empty() { self.l10n.text("lint-no-title") } else { page.title.clone() },
                );
                return out.findings;
            }
        };
        let version = self.version(program, &page, as_of, &mut out);
        let mut checker = Checker {
            rules: self.rules,
            program,
            version,
            p: &self.p,
            catalog: &self.catalog,
            l10n: &self.l10n,
            markup: &self.markup,
            reading: &reading,
            english: &english,
            page: &page,
            out,
            sections: 0,
            long: text.len() >= LONG_PAGE,
        };
        if version.by_metrics() {
            checker.metric_sections(&page.lines);
        } else {
            checker.levels(&page.lines);
        }
        if checker.sections == 0 {
            let why = if page.hides_headings { "lint-no-requirements-commented" } else { "lint-no-requirements" };
            let message = self.l10n.text(why);
            checker.out.push(
                &page.lines,
                "no-requirements",
                page.body_line,
                Severity::Note,
                message,
                String::new(),
                String::new(),
            );
        }
        checker.dates(&page.lines);
        checker.segments(&page.lines);
        let mut findings = checker.out.findings;

        // One line, one account of a difference: a segment whose numbers differ on a line
        // that already contradicts the rules, or whose products differ where a credential's
        // title was found to name another product, says the same thing again.
        let on_line = |rules: &[&str], findings: &[Finding]| -> BTreeSet<usize> {
            findings.iter().filter(|f| rules.contains(&f.rule)).map(|f| f.line).collect()
        };
        let error_lines = on_line(&["threshold", "window", "individuals", "date"], &findings);
        let title_lines = on_line(&["credential-title"], &findings);
        findings.retain(|f| {
            !(matches!(f.rule, "segment-numbers" | "segment-dates") && error_lines.contains(&f.line)
                || matches!(f.rule, "segment-products" | "segment-names") && title_lines.contains(&f.line))
        });
        sort_stably(&mut findings);
        findings.dedup();
        findings
    }

    /// The program a page describes, among all the rules hold: by its title (in any
    /// translation), its anchors, and the credentials it names — commented out or not (a retired
    /// page still says what it was).
    fn recognize<'a>(&'a self, page: &Page, text: &str) -> Option<&'a Program> {
        let title = page.title.to_lowercase();
        let h1 = page
            .lines
            .iter()
            .find(|l| l.raw.trim_start().starts_with("# ") || l.raw.trim_start().starts_with("#<"))
            .map(|l| l.visible.to_lowercase())
            .unwrap_or_default();
        let score = |(p, sign): (&Program, &ProgramSignature)| -> usize {
            let mut score = 0;
            if sign.names.iter().any(|n| !n.is_empty() && (title.contains(n.as_str()) || h1.contains(n.as_str()))) {
                score += 3;
            }
            if has_anchor(text, &p.id) {
                score += 3;
            }
            if has_anchor(text, &p.option_id) {
                score += 2;
            }
            score + sign.codes.iter().filter(|code| text.contains(code.as_str())).count().min(3)
        };
        let programs = self.rules.programs.iter().zip(&self.signatures);
        let (best, score) = programs.map(|p| (p.0, score(p))).max_by_key(|(_, s)| *s)?;
        (score >= 3).then_some(best)
    }

    /// The version to check the page against, with a note where the choice needs one.
    fn version<'a>(
        &self,
        program: &'a Program,
        page: &Page,
        as_of: Option<Date>,
        out: &mut Findings<'_>,
    ) -> &'a Version {
        let first = program.versions.first().expect("a program has versions");
        let latest = program.versions.last().expect("a program has versions");
        let dated = ["ms.lasthandoff", "ms.date"].iter().find_map(|key| {
            let at = page.front.iter().position(|(k, _)| k == key)?;
            Some((page.front_lines[at], page.front[at].1.as_str()))
        });
        let date = match (as_of, dated) {
            (Some(d), _) => d,
            (None, Some((line, written))) => match parse_us_date(written) {
                Some(d) => d,
                None => {
                    out.push(
                        &page.lines,
                        "page-date",
                        line,
                        Severity::Warning,
                        self.l10n.msg("lint-page-date", &[("version", Arg::Text(&latest.id))]),
                        "MM/DD/YYYY".into(),
                        written.to_owned(),
                    );
                    return latest;
                }
            },
            (None, None) => {
                // What the reader sees of the page (a commented-out footer names no version).
                let body: String = page.lines.iter().map(|l| l.raw.as_str()).collect::<Vec<_>>().join("\n");
                return named_version(program, &body).unwrap_or(latest);
            }
        };
        match program.version_on(date) {
            Some(v) => v,
            None => {
                let line = dated.map_or(page.body_line, |(l, _)| l);
                out.push(
                    &page.lines,
                    "version-announced",
                    line,
                    Severity::Note,
                    self.l10n.msg(
                        "lint-version-announced",
                        &[
                            ("date", Arg::Text(&date.to_string())),
                            ("program", Arg::Text(&program.id)),
                            ("version", Arg::Text(&first.id)),
                            ("start", Arg::Text(&first.effective.to_string())),
                        ],
                    ),
                    String::new(),
                    String::new(),
                );
                first
            }
        }
    }
}

/// Findings of one page, each placed at its column.
struct Findings<'a> {
    file: &'a str,
    l10n: &'a Localizer,
    findings: Vec<Finding>,
    /// The column of each text found on the line of the last finding, and that line's index: a
    /// long line may hold many values, each a finding (one after the other), and a search
    /// through the line for each would grow with its square.
    columns: (usize, HashMap<String, usize>, Option<LineIndex>),
    said: Said,
}

/// Messages already written, by id and arguments: a long page says the same things many times
/// over (each level's section the credentials it leaves out), and writing a message costs more
/// than looking it up.
#[derive(Default)]
struct Said(RefCell<HashMap<Vec<u8>, String>>);

impl Said {
    /// At most this many messages are kept: a page whose messages all differ keeps a few.
    const KEPT: usize = 4096;

    /// `l10n.msg(id, args)`, written once.
    fn msg(&self, l10n: &Localizer, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        // Each part after its length: no two lists of parts make the same key.
        let mut key = Vec::with_capacity(64);
        let mut part = |bytes: &[u8]| {
            key.extend_from_slice(&bytes.len().to_le_bytes());
            key.extend_from_slice(bytes);
        };
        part(id.as_bytes());
        for (name, arg) in args {
            part(name.as_bytes());
            match arg {
                Arg::Text(text) => {
                    part(b"t");
                    part(text.as_bytes());
                }
                Arg::Count(n) => {
                    part(b"c");
                    part(&n.to_le_bytes());
                }
            }
        }
        if let Some(said) = self.0.borrow().get(&key) {
            return said.clone();
        }
        let said = l10n.msg(id, args);
        let mut kept = self.0.borrow_mut();
        if kept.len() >= Self::KEPT {
            kept.clear();
        }
        kept.insert(key, said.clone());
        said
    }
}

impl<'a> Findings<'a> {
    fn new(file: &'a str, l10n: &'a Localizer) -> Findings<'a> {
        Findings { file, l10n, findings: Vec::new(), columns: (0, HashMap::new(), None), said: Said::default() }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        lines: &[Line],
        rule: &'static str,
        line: usize,
        severity: Severity,
        message: String,
        expected: String,
        found: String,
    ) {
        if self.columns.0 != line {
            self.columns = (line, HashMap::new(), None);
        }
        let (_, columns, index) = &mut self.columns;
        let column = match columns.get(&found) {
            Some(column) => *column,
            None => {
                // Lines are in the order of their numbers: found by halving, not by a walk from the top.
                let at = lines.binary_search_by_key(&line, |l| l.number).ok();
                let column = at.map_or(1, |at| {
                    let raw = &lines[at].raw;
                    index.get_or_insert_with(|| LineIndex::new(raw)).column_of(raw, &found)
                });
                columns.insert(found.clone(), column);
                column
            }
        };
        let statement = if expected.is_empty() && found.is_empty() {
            message.clone()
        } else {
            let args =
                [("message", Arg::Text(&message)), ("expected", Arg::Text(&expected)), ("found", Arg::Text(&found))];
            self.said.msg(self.l10n, "lint-statement", &args)
        };
        self.findings.push(Finding {
            file: self.file.to_owned(),
            line,
            column,
            rule,
            severity,
            message,
            expected,
            found,
            statement,
        });
    }
}

/// Findings in the order of their lines, columns and severities, those equal in all three in the
/// order they were found in: what a stable sort gives, without its copy of the findings (a long
/// page may have hundreds of thousands). The keys, each with where its finding is, are sorted;
/// the findings are then moved where they go along each cycle of that order.
fn sort_stably(findings: &mut [Finding]) {
    let mut order: Vec<(usize, usize, Severity, usize)> =
        findings.iter().enumerate().map(|(i, f)| (f.line, f.column, f.severity, i)).collect();
    order.sort_unstable();
    // Place `k` takes the finding now at `order[k].3`; each cycle of places is followed once.
    let mut from: Vec<usize> = order.into_iter().map(|(.., i)| i).collect();
    for start in 0..from.len() {
        let mut k = start;
        while from[k] != start {
            let next = from[k];
            findings.swap(k, next);
            from[k] = k;
            k = next;
        }
        from[k] = k;
    }
}

/// What places findings on a line quickly. A long line (a whole page on one line) may hold tens
/// of thousands of findings, each looked for through it: past [`LineIndex::LONG`] bytes a line
/// is indexed once, so that a search costs what the places of its first bytes cost, not the line.
#[derive(Default)]
struct LineIndex {
    /// Where each run of [`LineIndex::KEY`] bytes stands, in order…
    at: HashMap<[u8; LineIndex::KEY], Vec<u32>>,
    /// …and the characters before every [`LineIndex::BLOCK`]th byte.
    chars_before: Vec<u32>,
}

impl LineIndex {
    const LONG: usize = 4096;
    const KEY: usize = 4;
    const BLOCK: usize = 256;

    fn new(raw: &str) -> LineIndex {
        let mut index = LineIndex::default();
        if raw.len() >= LineIndex::LONG {
            let bytes = raw.as_bytes();
            for (i, key) in bytes.windows(LineIndex::KEY).enumerate() {
                index.at.entry(key.try_into().expect("a key's length")).or_default().push(i as u32);
            }
            let mut chars = 0;
            for block in bytes.chunks(LineIndex::BLOCK) {
                index.chars_before.push(chars);
                chars += block.iter().filter(|b| !is_continuation(**b)).count() as u32;
            }
        }
        index
    }

    /// The first place `needle` stands in `raw` (the line indexed).
    fn find(&self, raw: &str, needle: &str) -> Option<usize> {
        let Some(key) = needle.as_bytes().first_chunk::<{ LineIndex::KEY }>().filter(|_| !self.at.is_empty()) else {
            return raw.find(needle);
        };
        let places = self.at.get(key)?;
        places.iter().map(|p| *p as usize).find(|p| raw.as_bytes()[*p..].starts_with(needle.as_bytes()))
    }

    /// The 1-based character column of byte `at` of `raw`.
    fn column(&self, raw: &str, at: usize) -> usize {
        let (from, before) = match self.chars_before.get(at / LineIndex::BLOCK) {
            Some(before) => (at / LineIndex::BLOCK * LineIndex::BLOCK, *before as usize),
            None => (0, 0),
        };
        before + raw.as_bytes()[from..at].iter().filter(|b| !is_continuation(**b)).count() + 1
    }

    /// Where `found` stands on `raw` (its digits for a number), else the line's first non-blank
    /// character; 1-based, in characters.
    fn column_of(&self, raw: &str, found: &str) -> usize {
        let needle = found.trim_start_matches("US$").split(',').next().unwrap_or("").trim();
        if !needle.is_empty() {
            if let Some(i) = self.find(raw, found).or_else(|| self.find(raw, needle)) {
                return self.column(raw, i);
            }
        }
        raw.find(|c: char| !c.is_whitespace() && c != '-' && c != '*').map_or(1, |i| self.column(raw, i))
    }
}

/// Whether `byte` continues a UTF-8 character (the characters of a text are its other bytes).
fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// Each link target in `text`, left to right: where it stands (`](url)`) and its address. What the
/// pattern `\]\(([^)\s]+)\)` finds, found without it: the pattern ran on every line, and was
/// most of the time a long page took (regex-lite has no DFA).
fn link_targets(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(at) = text[from..].find("](").map(|i| from + i) {
            let url = at + 2;
            // The pattern's `\s` is ASCII white space, vertical tab included.
            let stop = |c: char| matches!(c, ')' | ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r');
            let end = text[url..].find(stop).map_or(text.len(), |i| url + i);
            if end > url && text[end..].starts_with(')') {
                from = end + 1;
                return Some((at..end + 1, &text[url..end]));
            }
            // Every `](` before `end` runs into the same space, `)` or end of text: none is a link.
            from = end;
        }
        None
    })
}

/// Where `**` begins in `text` (each, overlapping ones too): where a bold count may begin.
fn bold_starts(text: &str) -> Vec<usize> {
    text.as_bytes().windows(2).enumerate().filter(|(_, w)| w == b"**").map(|(at, _)| at).collect()
}

/// The text with each link's target left out (`[title](url)` → `[title]`).
fn without_links(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut kept = 0;
    for (at, _) in link_targets(text) {
        out.push_str(&text[kept..at.start]);
        out.push(']');
        kept = at.end;
    }
    if kept == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[kept..]);
    Cow::Owned(out)
}

/// The assessment ids of `courseId=16571` in `text`: what the pattern `courseId=([0-9]+)` finds.
fn course_ids(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("courseId=").filter_map(|(at, key)| {
        let start = at + key.len();
        let digits = text[start..].bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0).then(|| &text[start..start + digits])
    })
}

/// The exam codes in `text` (`70-535`), left to right, as the pattern
/// `(?:^|[^0-9])([0-9]{2}-[0-9]{3})(?:[^0-9]|$)` finds them, without its cost: two digits, a
/// hyphen and three digits, with no digit on either side. A code takes the character after it
/// along, which then cannot stand before the next (`70-535,71-123` names `70-535` only).
fn exam_codes(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    // Where the next code's character before may begin, and where the next code may.
    let (mut from, mut at) = (0, 0);
    std::iter::from_fn(move || {
        while at + 6 <= bytes.len() {
            let shaped = digit(at) && digit(at + 1) && bytes[at + 2] == b'-' && (3..6).all(|k| digit(at + k));
            // The character before: none at the text's start, else no digit and not taken by the last code.
            let before = at == 0 || !digit(at - 1) && char_start(text, at - 1) >= from;
            if shaped && before && !digit(at + 6) {
                let code = &text[at..at + 6];
                from = at + 6 + text[at + 6..].chars().next().map_or(0, char::len_utf8);
                at = from;
                return Some(code);
            }
            at += 1;
        }
        None
    })
}

/// Where the character that holds byte `at` of `text` begins.
fn char_start(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The one version of `program` whose id the page names, if exactly one is named.
fn named_version<'a>(program: &'a Program, text: &str) -> Option<&'a Version> {
    let mut named = program.versions.iter().filter(|v| text.contains(v.id.as_str()));
    let version = named.next()?;
    named.next().is_none().then_some(version)
}

/// The depth of a Markdown (`###`) or HTML (`<h3`) heading. Seven `#` or more make no heading,
/// as in CommonMark (the reader sees them as text): depths stop at six, so sections nest six deep
/// at most and a line is checked in as many sections at most.
fn heading_depth(raw: &str) -> Option<usize> {
    let hashes = raw.bytes().take_while(|c| *c == b'#').count();
    if hashes > 6 {
        return None;
    }
    if hashes > 0 {
        return Some(hashes);
    }
    match raw.trim_start().as_bytes() {
        [b'<', b'h' | b'H', d @ b'1'..=b'6', b'>' | b' ', ..] => Some(usize::from(d - b'0')),
        _ => None,
    }
}

/// Whether text carries the anchor `id` (`<a name="id">` or `<h3 id="id">`).
fn has_anchor(raw: &str, id: &str) -> bool {
    raw.contains(&format!("name=\"{id}\"")) || raw.contains(&format!(" id=\"{id}\""))
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
    p: &'a Patterns,
    catalog: &'a CatalogIndex,
    l10n: &'a Localizer,
    markup: &'a Markup,
    reading: &'a Reading,
    /// How the English sources of segments are read.
    english: &'a Reading,
    page: &'a Page,
    out: Findings<'a>,
    /// Sections of levels or metrics found.
    sections: usize,
    /// Whether the page is long enough to be read on every core ([`each`]).
    long: bool,
}

/// What a checker reads, without what it writes: shared with the threads that read the lines and
/// check the sections of a long page.
#[derive(Clone, Copy)]
struct Parts<'a> {
    rules: &'a Rules,
    program: &'a Program,
    version: &'a Version,
    p: &'a Patterns,
    catalog: &'a CatalogIndex,
    markup: &'a Markup,
    reading: &'a Reading,
    english: &'a Reading,
    page: &'a Page,
    file: &'a str,
    long: bool,
}

impl<'a> Parts<'a> {
    /// A checker of these parts writing its findings in `l10n`'s language.
    fn checker(self, l10n: &'a Localizer) -> Checker<'a> {
        Checker {
            rules: self.rules,
            program: self.program,
            version: self.version,
            p: self.p,
            catalog: self.catalog,
            l10n,
            markup: self.markup,
            reading: self.reading,
            english: self.english,
            page: self.page,
            out: Findings::new(self.file, l10n),
            sections: 0,
            long: self.long,
        }
    }
}

/// How long a page is read on every core: at least this many bytes. A thread costs about as much
/// as checking a few kilobytes; most pages are far shorter than this.
const LONG_PAGE: usize = 1 << 20;

/// `f` of each item, in order; on every core where `long`, each taking its share of the items
/// in turn, and writing what it finds in place (a long page's lines take much memory: it is not
/// copied again).
fn each<T: Sync, R: Send>(items: &[T], long: bool, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = if long { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { 1 };
    if threads < 2 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let mut all: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    let share = items.len().div_ceil(threads);
    let f = &f;
    let work = |items: &[T], out: &mut [Option<R>]| {
        for (item, out) in items.iter().zip(out) {
            *out = Some(f(item));
        }
    };
    std::thread::scope(|scope| {
        let mut shares = items.chunks(share).zip(all.chunks_mut(share));
        let (first, first_out) = shares.next().expect("items");
        let others: Vec<_> = shares.map(|(items, out)| scope.spawn(move || work(items, out))).collect();
        work(first, first_out);
        for other in others {
            other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        }
    });
    all.into_iter().map(|r| r.expect("every item done")).collect()
}

/// Where an amount on a level's page belongs.
#[derive(Clone, Copy, PartialEq)]
enum Under {
    /// No market heading above it: every market.
    AllMarkets,
    Market(Market),
    /// Under a heading that names no market attain can identify.
    Unidentified,
}

/// What the checks of a level's section read on a line. A line may stand in several sections
/// (a level's heading inside another's section, six deep at most): it is read once.
struct LevelLine {
    /// The words of a bold line alone (`**Developed markets**`), which heads the amounts below it.
    bold: Option<String>,
    /// Whether the search for the amount a bold line heads stops here: a bold line alone, or a
    /// numbered step.
    stops: bool,
    /// Whether the line states an amount of money, as the reader sees it (link targets and all).
    shows_amount: bool,
    /// The amounts, spans of months and bold counts, link targets left out.
    amounts: Vec<i128>,
    months: Vec<i128>,
    counts: Vec<u32>,
    credentials: LineCredentials,
}

/// The credentials a line names, each known one or the id of an unknown one; where it names one
/// only, that credential and the products its title on the line names beyond the catalog's.
struct LineCredentials {
    ids: Vec<Result<CredentialIdx, String>>,
    titled: Option<(CredentialIdx, Vec<String>)>,
}

impl<'a> Checker<'a> {
    fn push(
        &mut self,
        rule: &'static str,
        line: usize,
        severity: Severity,
        message: String,
        expected: String,
        found: String,
    ) {
        self.out.push(&self.page.lines, rule, line, severity, message, expected, found);
    }

    /// A message in the findings' language.
    fn say(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.out.said.msg(self.l10n, id, args)
    }

    /// A level's name in the findings' language.
    fn level_name(&self, level: usize) -> String {
        self.rules.level_name(self.program, attain_rules::LevelIdx(level as u8), self.l10n.tag()).to_owned()
    }

    /// Finds each level's section by its anchor (`<a name="silver">`) or heading, and checks it.
    fn levels(&mut self, lines: &[Line]) {
        let names = self.level_names();
        let heading = |l: &Line| heading_depth(&l.raw);
        // Each level's section: its level and lines.
        let mut sections: Vec<(usize, Range<usize>)> = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let Some(depth) = heading(line) else { continue };
            let text = line.visible.trim_start_matches('#').trim().to_lowercase();
            let Some(level) = (0..self.program.levels.len())
                .find(|&l| has_anchor(&line.raw, &self.program.levels[l].id) || names[l].contains(&text))
            else {
                continue;
            };
            let end = lines[i + 1..]
                .iter()
                .position(|l| heading(l).is_some_and(|d| d <= depth))
                .map_or(lines.len(), |e| i + 1 + e);
            sections.push((level, i..end));
        }
        self.sections += sections.len();
        // What the checks read on each line of a section, read once (a line may stand in several
        // sections, six at most).
        let mut wanted = vec![false; lines.len()];
        for (_, range) in &sections {
            wanted[range.clone()].fill(true);
        }
        let at: Vec<usize> = (0..lines.len()).filter(|&i| wanted[i]).collect();
        let parts = self.parts();
        // What a line reads is a matter of its visible text only, and pages say the same lines
        // over and over (each level's markets, amounts and exams): each text is read once.
        let mut texts: HashMap<&str, usize> = HashMap::new();
        let mut firsts: Vec<usize> = Vec::new();
        let which: Vec<usize> = at
            .iter()
            .map(|&i| {
                *texts.entry(lines[i].visible.as_str()).or_insert_with(|| {
                    firsts.push(i);
                    firsts.len() - 1
                })
            })
            .collect();
        drop(texts);
        let distinct = each(&firsts, self.long, |&i| parts.level_line(&lines[i]));
        let read: Vec<&LevelLine> = which.into_iter().map(|d| &distinct[d]).collect();
        // Where each line's reading is: a section's lines are all read, one after the other.
        let mut slot = vec![0; lines.len()];
        for (k, &i) in at.iter().enumerate() {
            slot[i] = k;
        }
        // The sections in order; on a long page, the later half of them (by lines) on another
        // core, its findings after the first half's, as one core would have found them.
        let total: usize = sections.iter().map(|(_, r)| r.len()).sum();
        let mut so_far = 0;
        let half = match self.long {
            true => sections
                .iter()
                .take_while(|(_, r)| {
                    so_far += r.len();
                    so_far * 2 <= total
                })
                .count()
                .max(1),
            false => sections.len(),
        };
        let (first, later) = sections.split_at(half.min(sections.len()));
        let (read, slot, tag) = (&read, &slot, self.l10n.tag());
        let later = std::thread::scope(|scope| {
            let later = (!later.is_empty()).then(|| {
                scope.spawn(move || {
                    let l10n = Localizer::new(tag);
                    let mut checker = parts.checker(&l10n);
                    for (level, range) in later {
                        let read = &read[slot[range.start]..][..range.len()];
                        checker.level_section(*level, &lines[range.clone()], read);
                    }
                    checker.out.findings
                })
            });
            for (level, range) in first {
                self.level_section(*level, &lines[range.clone()], &read[slot[range.start]..][..range.len()]);
            }
            later.map(|l| l.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        if let Some(later) = later {
            self.out.findings.extend(later);
        }
    }

    /// What this checker reads, for the threads that share its work.
    fn parts(&self) -> Parts<'a> {
        Parts {
            rules: self.rules,
            program: self.program,
            version: self.version,
            p: self.p,
            catalog: self.catalog,
            markup: self.markup,
            reading: self.reading,
            english: self.english,
            page: self.page,
            file: self.out.file,
            long: self.long,
        }
    }

    /// Credentials a line names: see [`Parts::credentials_read`].
    fn credentials_read(&self, line: &Line) -> LineCredentials {
        self.parts().credentials_read(line)
    }

    /// Product names present: see [`Parts::products`].
    fn products(&self, text: &str) -> BTreeSet<String> {
        self.parts().products(text)
    }
}

impl Parts<'_> {
    /// What the checks of a level's section read on `line`.
    fn level_line(&self, line: &Line) -> LevelLine {
        {
            let visible = &line.visible;
            // The patterns are slow (regex-lite has no DFA): each runs only where its marks are.
            let bolded = visible.contains("**");
            let bold = bolded.then(|| self.p.bold_line.captures(visible)).flatten().map(|c| c[1].to_owned());
            let text = visible.trim_start();
            let numbered = text.starts_with(|c: char| c.is_ascii_digit()) && text.contains(". ");
            let unlinked = without_links(visible);
            let counts = match bolded {
                true => (self.p.bold_count.captures(visible, &bold_starts(visible)).into_iter())
                    .map(|(_, c)| c[1].parse().unwrap_or(u32::MAX))
                    .collect(),
                false => Vec::new(),
            };
            let amounts: Vec<i128> = self.reading.amounts(&unlinked).into_iter().map(|(_, v)| v).collect();
            let shows_amount = match &unlinked {
                Cow::Borrowed(_) => !amounts.is_empty(),
                Cow::Owned(_) => !self.reading.amounts(visible).is_empty(),
            };
            LevelLine {
                stops: bold.is_some() || numbered,
                bold,
                shows_amount,
                amounts,
                months: self.reading.month_spans(&unlinked).into_iter().map(|(_, n)| n).collect(),
                counts,
                credentials: self.credentials_read(line),
            }
        }
    }

    /// Credentials a line names: by exam code, assessment course id or catalog link; and
    /// the products the title the line gives names that the credential's own title does not.
    fn credentials_read(&self, line: &Line) -> LineCredentials {
        let catalog = &self.rules.catalog;
        let mut ids: Vec<String> = Vec::new();
        ids.extend(exam_codes(&line.visible).map(|code| format!("exam:{code}")));
        ids.extend(course_ids(&line.visible).map(|id| format!("assessment:{id}")));
        for (_, url) in link_targets(&line.visible) {
            if let Some(c) = self.catalog.by_url.get(url) {
                ids.push(catalog.get(*c).id.clone());
            }
        }
        let ids: Vec<Result<CredentialIdx, String>> = ids.into_iter().map(|id| catalog.lookup(&id).ok_or(id)).collect();
        let mut on_line = Vec::new();
        for c in ids.iter().flatten() {
            if !on_line.contains(c) {
                on_line.push(*c);
            }
        }
        // A title is checked where the line names one credential only.
        let titled = match on_line[..] {
            [c] => {
                let credential = catalog.get(c);
                let text = without_links(&line.visible);
                let own = self.products(&credential.title);
                let shown = self.products(&text);
                let extra = shown.into_iter().filter(|p| !own.contains(p) && *p != self.program.product).collect();
                Some((c, extra))
            }
            _ => None,
        };
        LineCredentials { ids, titled }
    }

    /// Product names present, each as a whole word; a longer name hides the shorter inside it.
    /// A name glued to the word before it (`MicrosoftAzure`, where a translation lost a
    /// non-breaking space) still counts.
    fn products(&self, text: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        let mut rest = without_links(text).into_owned();
        for product in &self.catalog.products {
            let mut at = 0;
            while let Some(i) = rest[at..].find(product.as_str()).map(|i| i + at) {
                let end = i + product.len();
                let before =
                    rest[..i].chars().next_back().is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
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

impl Checker<'_> {
    /// Each level's names, lower-cased: the rules' own and every translation's.
    fn level_names(&self) -> Vec<Vec<String>> {
        self.program
            .levels
            .iter()
            .map(|l| {
                let mut names = vec![l.name.to_lowercase()];
                for t in self.rules.translations.values() {
                    names.extend(
                        t.programs.get(&self.program.id).and_then(|p| p.levels.get(&l.id)).map(|n| n.to_lowercase()),
                    );
                }
                names
            })
            .collect()
    }

    /// The market a heading line names: by its English source where the page carries it,
    /// else by its own words.
    fn market_of_line(&self, line: &Line, heading: &str) -> Option<Market> {
        line.source.as_deref().and_then(market_of_heading).or_else(|| market_of_heading(heading))
    }

    /// Whether an amount of money follows line `at` before the next bold-only line or the
    /// next numbered step: then the bold line heads that amount.
    fn heads_an_amount(&self, read: &[&LevelLine], at: usize) -> bool {
        for line in read.iter().skip(at + 1) {
            if line.stops {
                return false;
            }
            if line.shows_amount {
                return true;
            }
        }
        false
    }

    /// Checks a level's section, `read` holding what is read of each of its lines.
    fn level_section(&mut self, level: usize, section: &[Line], read: &[&LevelLine]) {
        let name = self.level_name(level);
        let req = &self.version.levels[level];
        let version_id = self.version.id.clone();
        let mut under = Under::AllMarkets;
        let mut stated: BTreeSet<Market> = BTreeSet::new();
        let mut first_heading: Option<usize> = None;
        let mut unidentified = false;
        let mut mentioned: Vec<(CredentialIdx, usize)> = Vec::new();
        for (k, line) in section.iter().enumerate() {
            let read_line = read[k];
            if let Some(bold) = &read_line.bold {
                if self.heads_an_amount(read, k) {
                    first_heading.get_or_insert(line.number);
                    match self.market_of_line(line, bold) {
                        Some(m) => under = Under::Market(m),
                        None => {
                            under = Under::Unidentified;
                            unidentified = true;
                            self.push(
                                "market-heading",
                                line.number,
                                Severity::Warning,
                                self.say("lint-market-heading", &[("level", Arg::Text(&name))]),
                                self.l10n.join(&Market::ALL.map(|m| m.as_str().to_owned()), "list-or"),
                                bold.trim().to_owned(),
                            );
                        }
                    }
                }
            }
            for &value in &read_line.amounts {
                let found = Usd(value * 1_000_000);
                let Some(performance) = &req.performance else {
                    self.push(
                        "threshold",
                        line.number,
                        Severity::Error,
                        self.say(
                            "lint-threshold-none",
                            &[("level", Arg::Text(&name)), ("version", Arg::Text(&version_id))],
                        ),
                        self.l10n.text("lint-no-amount"),
                        whole_dollars(found),
                    );
                    continue;
                };
                match under {
                    Under::AllMarkets => {
                        if let Some(expected) =
                            Market::ALL.iter().map(|m| performance.threshold(*m)).find(|t| *t != found)
                        {
                            self.push(
                                "threshold",
                                line.number,
                                Severity::Error,
                                self.say("lint-threshold", &[("level", Arg::Text(&name))]),
                                whole_dollars(expected),
                                whole_dollars(found),
                            );
                        }
                    }
                    Under::Market(m) => {
                        stated.insert(m);
                        if performance.threshold(m) != found {
                            self.push(
                                "threshold",
                                line.number,
                                Severity::Error,
                                self.say(
                                    "lint-threshold-market",
                                    &[("level", Arg::Text(&name)), ("market", Arg::Text(m.as_str()))],
                                ),
                                whole_dollars(performance.threshold(m)),
                                whole_dollars(found),
                            );
                        }
                    }
                    Under::Unidentified => {
                        if Market::ALL.iter().all(|m| performance.threshold(*m) != found) {
                            let all: BTreeSet<String> =
                                Market::ALL.iter().map(|m| whole_dollars(performance.threshold(*m))).collect();
                            self.push(
                                "threshold",
                                line.number,
                                Severity::Error,
                                self.say("lint-threshold-unidentified", &[("level", Arg::Text(&name))]),
                                self.l10n.join(&all.into_iter().collect::<Vec<_>>(), "list-or"),
                                whole_dollars(found),
                            );
                        }
                    }
                }
            }
            if req.performance.is_some() {
                let months = i128::from(self.version.window.months);
                for &n in &read_line.months {
                    if n != months {
                        self.push(
                            "window",
                            line.number,
                            Severity::Error,
                            self.say("lint-window", &[("level", Arg::Text(&name))]),
                            self.say("lint-months", &[("count", Arg::Count(months as i64))]),
                            self.say("lint-months", &[("count", Arg::Count(n as i64))]),
                        );
                    }
                }
            }
            for &found in &read_line.counts {
                let expected = req.skills.as_ref().map_or(0, |s| s.individuals);
                if found != expected {
                    self.push(
                        "individuals",
                        line.number,
                        Severity::Error,
                        self.say("lint-individuals", &[("level", Arg::Text(&name))]),
                        expected.to_string(),
                        found.to_string(),
                    );
                }
            }
            self.credentials_note(line, &read_line.credentials, &mut mentioned);
        }
        if let (Some(line), Some(performance), false) = (first_heading, &req.performance, unidentified) {
            for m in Market::ALL.iter().filter(|m| !stated.contains(m)) {
                self.push(
                    "threshold-missing",
                    line,
                    Severity::Warning,
                    self.say(
                        "lint-threshold-missing",
                        &[
                            ("level", Arg::Text(&name)),
                            ("market", Arg::Text(m.as_str())),
                            ("version", Arg::Text(&version_id)),
                        ],
                    ),
                    whole_dollars(performance.threshold(*m)),
                    self.l10n.text("lint-not-stated"),
                );
            }
        }
        let listed: BTreeSet<CredentialIdx> = req.skills.iter().flat_map(|s| s.credentials()).collect();
        self.compare_lists(&name, &mentioned, &listed, section[0].number, false);
    }

    /// Credentials the page names against those the version lists for a level (or, `of_metric`,
    /// counts for a metric).
    fn compare_lists(
        &mut self,
        name: &str,
        mentioned: &[(CredentialIdx, usize)],
        listed: &BTreeSet<CredentialIdx>,
        heading_line: usize,
        of_metric: bool,
    ) {
        let catalog = &self.rules.catalog;
        let version = self.version.id.as_str();
        let (whose, unlisted, missing) = match of_metric {
            false => ("level", "lint-credential-unlisted", "lint-credential-missing"),
            true => ("metric", "lint-metric-credential-unlisted", "lint-metric-credential-missing"),
        };
        let not_listed = self.l10n.text("lint-not-listed");
        for (c, line) in mentioned {
            if !listed.contains(c) {
                let id = catalog.get(*c).id.clone();
                let args = [(whose, Arg::Text(name)), ("id", Arg::Text(&id)), ("version", Arg::Text(version))];
                let message = self.say(unlisted, &args);
                self.push("credential-unlisted", *line, Severity::Error, message, not_listed.clone(), id);
            }
        }
        for c in listed {
            if !mentioned.iter().any(|(m, _)| m == c) {
                let id = catalog.get(*c).id.clone();
                let args = [(whose, Arg::Text(name)), ("id", Arg::Text(&id)), ("version", Arg::Text(version))];
                let message = self.say(missing, &args);
                self.push("credential-missing", heading_line, Severity::Error, message, id, not_listed.clone());
            }
        }
    }

    /// Credentials a line names, noted in `mentioned` (see [`Checker::credentials_read`]).
    fn credentials_on(&mut self, line: &Line, mentioned: &mut Vec<(CredentialIdx, usize)>) {
        let found = self.credentials_read(line);
        self.credentials_note(line, &found, mentioned);
    }

    /// Notes the credentials `found` on a line in `mentioned`, and reports the unknown ones and
    /// a title naming another product.
    fn credentials_note(&mut self, line: &Line, found: &LineCredentials, mentioned: &mut Vec<(CredentialIdx, usize)>) {
        let catalog = &self.rules.catalog;
        for id in &found.ids {
            match id {
                Ok(c) => {
                    if !mentioned.iter().any(|(m, _)| m == c) {
                        mentioned.push((*c, line.number));
                    }
                }
                Err(id) => self.push(
                    "credential-unknown",
                    line.number,
                    Severity::Error,
                    self.say("lint-credential-unknown", &[("id", Arg::Text(id))]),
                    self.l10n.text("lint-catalog-credential"),
                    id.clone(),
                ),
            }
        }
        if let Some((c, products)) = &found.titled {
            let credential = catalog.get(*c);
            for product in products {
                self.push(
                    "credential-title",
                    line.number,
                    Severity::Warning,
                    self.say(
                        "lint-credential-title",
                        &[("id", Arg::Text(&credential.id)), ("product", Arg::Text(product))],
                    ),
                    credential.title.clone(),
                    product.clone(),
                );
            }
        }
    }

    /// Every date the reader sees must be a lifecycle date of a credential this version lists, or
    /// the day the version takes effect (which attain's HTML pages name in their footer).
    fn dates(&mut self, lines: &[Line]) {
        let catalog = &self.rules.catalog;
        let listed = self.version.credentials();
        let mut known: BTreeSet<Date> = listed
            .iter()
            .map(|c| catalog.get(*c))
            .flat_map(|c| [c.retires, c.registration_until, c.accepted_until])
            .flatten()
            .collect();
        known.insert(self.version.effective);
        let reading = self.reading;
        let dates = each(lines, self.long, |line| reading.dates(&without_links(&line.visible)));
        for (line, dates) in lines.iter().zip(dates) {
            for (_, date) in dates {
                if !known.contains(&date) {
                    let expected = known.iter().map(Date::to_string).collect::<Vec<_>>().join(" or ");
                    self.push(
                        "date",
                        line.number,
                        Severity::Error,
                        self.say("lint-date", &[]),
                        if expected.is_empty() { self.l10n.text("lint-no-date") } else { expected },
                        date.to_string(),
                    );
                }
            }
        }
    }

    /// Compares each translated segment with its English source, by value.
    fn segments(&mut self, lines: &[Line]) {
        let english = self.english;
        let glossary = self.glossary();
        for line in lines {
            for (target, source) in &line.segments {
                let (target, source) = (self.markup.plain(target), self.markup.plain(source));
                if target == source {
                    continue;
                }
                let t_text = without_links(&target).into_owned();
                let s_text = without_links(&source).into_owned();
                let none = self.l10n.text("lint-none");
                let show = |set: BTreeSet<String>| {
                    if set.is_empty() {
                        none.clone()
                    } else {
                        set.into_iter().collect::<Vec<_>>().join(", ")
                    }
                };
                // Numbers: digits on one side are matched by digits or number words on the other.
                let (t_num, s_num) = (self.reading.numbers(&t_text), english.numbers(&s_text));
                let (t_words, s_words) = (self.reading.number_words(&t_text), english.number_words(&s_text));
                let unmatched = |own: &BTreeSet<i128>, other: &BTreeSet<i128>, words: &BTreeSet<i128>| {
                    own.iter().filter(|n| !other.contains(n) && !words.contains(n)).map(i128::to_string).collect()
                };
                // Each check: the rule, what the source has that the translation lacks, and the reverse.
                let mut differences: Vec<(&'static str, BTreeSet<String>, BTreeSet<String>)> =
                    vec![("segment-numbers", unmatched(&s_num, &t_num, &t_words), unmatched(&t_num, &s_num, &s_words))];
                let dates = |r: &Reading, t: &str| -> BTreeSet<String> {
                    r.dates(t).into_iter().map(|(_, d)| d.to_string()).collect()
                };
                let links = |t: &str| -> BTreeSet<String> { link_targets(t).map(|(_, url)| url.to_owned()).collect() };
                for (rule, source_has, target_has) in [
                    ("segment-dates", dates(english, &s_text), dates(self.reading, &t_text)),
                    ("segment-links", links(&source), links(&target)),
                    ("segment-products", self.products(&s_text), self.products(&t_text)),
                ] {
                    let lacking = source_has.difference(&target_has).cloned().collect();
                    differences.push((rule, lacking, target_has.difference(&source_has).cloned().collect()));
                }
                if let Some(glossary) = &glossary {
                    let lower = normalized(&t_text);
                    let missing = glossary
                        .iter()
                        .filter(|(name, _)| contains_word(&s_text, name))
                        .filter(|(name, accepted)| {
                            !lower.contains(&normalized(name)) && !accepted.iter().any(|a| lower.contains(a))
                        })
                        .map(|(name, _)| name.clone())
                        .collect();
                    differences.push(("segment-names", missing, BTreeSet::new()));
                }
                for (rule, lacking, added) in differences {
                    if !lacking.is_empty() || !added.is_empty() {
                        let message = self.say(&format!("lint-{rule}"), &[]);
                        self.push(rule, line.number, Severity::Warning, message, show(lacking), show(added));
                    }
                }
            }
        }
    }

    /// The program's own names (program, option, levels) with their accepted translations in the
    /// page's language (normalized); none when the rules have no translation for that language.
    fn glossary(&self) -> Option<Vec<(String, Vec<String>)>> {
        let locale = self.page.locale.as_deref()?;
        let language = self.reading.language();
        // The translation of that very locale; of the language only when the page names no region
        // (zh-TW is not written as zh-CN, nor pt-PT as pt-BR).
        let translation = self
            .rules
            .translations
            .iter()
            .find(|(tag, _)| tag.eq_ignore_ascii_case(locale))
            .or_else(|| {
                let bare = !locale.contains(['-', '_']);
                self.rules.translations.iter().find(|(tag, _)| bare && tag.split('-').next() == Some(language))
            })
            .map(|(_, t)| t)?;
        let own = translation.programs.get(&self.program.id);
        // An English name with its translation in the page's language and the variants pages use.
        let entry = |english: &str, translated: Option<&String>| -> (String, Vec<String>) {
            let variants = own.and_then(|o| o.variants.get(english)).into_iter().flatten();
            (english.to_owned(), translated.into_iter().chain(variants).map(|n| normalized(n)).collect())
        };
        let mut glossary = vec![
            entry(&self.program.name, own.and_then(|o| o.name.as_ref())),
            entry(&self.program.option_name, own.and_then(|o| o.option_name.as_ref())),
        ];
        for level in &self.program.levels {
            glossary.push(entry(&level.name, own.and_then(|o| o.levels.get(&level.id))));
        }
        Some(glossary)
    }
}

/// Lower-cased, with every run of spaces (of any kind) removed: `クラウド プラットフォーム`
/// and `クラウドプラットフォーム` are one name.
fn normalized(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// Whether `name` stands in `text` as a whole word (case-sensitive: a name as English writes it).
fn contains_word(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[i + name.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts where the scanners could part from the patterns they stand for: edges of the text,
    /// neighbouring and unfinished matches, white space the patterns know, characters of more
    /// than one byte.
    const TRICKY: &[&str] = &[
        "",
        "70-535",
        "x70-535",
        "70-535x",
        "170-535",
        "70-5351",
        "70-535-12-345",
        "70-535,71-123",
        "70-535, 71-123",
        "a70-535 b71-123c",
        "é70-535é71-123",
        "Prüfung 70-535 und 70-534.",
        "[Exam 70-532](https://www.microsoft.com/en-us/learning/exam-70-532.aspx): Developing",
        "[a](b)[c](d e)(f)](g)",
        "]( ](x)](\u{0B}y)](\u{0C})](z",
        "]()](ab)c](d\te)",
        "[[x]](y))",
        "](](](](url)",
        "https://x/?courseId=13736&scoId=N3FX courseId= courseId=x courseId=16571courseId=1",
        "courseId=courseId=42",
    ];

    fn captures<'t>(pattern: &str, text: &'t str) -> Vec<&'t str> {
        Regex::new(pattern).unwrap().captures_iter(text).map(|c| c.get(1).unwrap().as_str()).collect()
    }

    #[test]
    fn link_targets_are_what_their_pattern_finds() {
        let pattern = Regex::new(r"\]\(([^)\s]+)\)").unwrap();
        for text in TRICKY {
            let found: Vec<_> = link_targets(text).map(|(at, url)| (at, url.to_owned())).collect();
            let expected: Vec<_> =
                pattern.captures_iter(text).map(|c| (c.get(0).unwrap().range(), c[1].to_owned())).collect();
            assert_eq!(found, expected, "{text:?}");
            assert_eq!(without_links(text), pattern.replace_all(text, "]"), "{text:?}");
        }
    }

    #[test]
    fn course_ids_and_exam_codes_are_what_their_patterns_find() {
        for text in TRICKY {
            assert_eq!(course_ids(text).collect::<Vec<_>>(), captures(r"courseId=([0-9]+)", text), "{text:?}");
            let pattern = r"(?:^|[^0-9])([0-9]{2}-[0-9]{3})(?:[^0-9]|$)";
            assert_eq!(exam_codes(text).collect::<Vec<_>>(), captures(pattern, text), "{text:?}");
        }
    }

    #[test]
    fn findings_are_sorted_as_a_stable_sort_sorts_them() {
        let severities = [Severity::Error, Severity::Warning, Severity::Note];
        for n in [0, 1, 2, 3, 10, 100, 1000] {
            let findings: Vec<Finding> = (0..n)
                .map(|i: usize| Finding {
                    file: String::new(),
                    line: (i * 7919) % 13,
                    column: (i * 104_729) % 3,
                    rule: "threshold",
                    severity: severities[(i * 31) % 3],
                    message: i.to_string(),
                    expected: String::new(),
                    found: String::new(),
                    statement: String::new(),
                })
                .collect();
            let mut stable = findings.clone();
            stable.sort_by(|a, b| a.line.cmp(&b.line).then(a.column.cmp(&b.column)).then(a.severity.cmp(&b.severity)));
            let mut sorted = findings;
            sort_stably(&mut sorted);
            assert_eq!(sorted, stable, "{n}");
        }
    }

    #[test]
    fn bold_counts_are_what_their_pattern_finds() {
        let p = Patterns::new();
        let pieces = ["", "*", "**", "***", "2", "12", "x", "é", " ", "**2**", "**12 x**", "**2 individuals**"];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}{a}");
                    let tried: Vec<String> = (p.bold_count.captures(&text, &bold_starts(&text)).into_iter())
                        .map(|(_, c)| c[1].to_owned())
                        .collect();
                    let whole: Vec<String> = p.bold_count.whole.captures_iter(&text).map(|c| c[1].to_owned()).collect();
                    assert_eq!(tried, whole, "{text:?}");
                }
            }
        }
    }

    proptest::proptest! {
        /// An indexed long line places a finding where a search through it from the start does.
        #[test]
        fn an_indexed_line_places_findings_as_a_search_does(
            words in proptest::collection::vec(proptest::sample::select(vec!["12", "000", "US$", " USD ", "월", "é", ",", " "]), 0..3000),
            found in proptest::collection::vec(proptest::sample::select(vec!["1", "2", "0", "US$", ",", "월", "D", "é", "x"]), 1..6),
        ) {
            let raw: String = words.concat();
            let found: String = found.concat();
            let plain = |found: &str| {
                let chars = |byte: usize| raw[..byte].chars().count() + 1;
                let needle = found.trim_start_matches("US$").split(',').next().unwrap_or("").trim();
                match (!needle.is_empty()).then(|| raw.find(found).or_else(|| raw.find(needle))).flatten() {
                    Some(i) => chars(i),
                    None => raw.find(|c: char| !c.is_whitespace() && c != '-' && c != '*').map_or(1, chars),
                }
            };
            let index = LineIndex::new(&raw);
            proptest::prop_assert_eq!(index.at.is_empty(), raw.len() < LineIndex::LONG);
            proptest::prop_assert_eq!(index.column_of(&raw, &found), plain(&found));
        }
    }

    #[test]
    fn seven_hashes_make_no_heading() {
        assert_eq!(heading_depth("###### Gold"), Some(6));
        assert_eq!(heading_depth("#<a name=\"gold\"></a>Gold"), Some(1));
        assert_eq!(heading_depth("<h3 id=\"gold\">Gold</h3>"), Some(3));
        assert_eq!(heading_depth("####### Gold"), None);
    }
}
