//! Checks of pages for versions that state their levels in declared metrics.
//!
//! A level's section (found by its anchor or its name in any locale) may state the score: the
//! total, the least points of every metric (on a line that says "every metric") and the highest
//! score (after "up to", "höchstens", "最大" …); and thresholds on metric values, on lines naming
//! the metric. A metric's section may state its points (the cap after such a word, else the rate
//! per step), the amounts and month counts of its measure, the people its prerequisite needs
//! (a bold number), and must list exactly the credentials it counts.

use std::collections::BTreeMap;

use attain_i18n::Arg;
use attain_rules::{MarketAmounts, Measure, Metric, MetricLevel, Unit};

use super::*;

/// A quantity the reader sees on a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quantity {
    /// A number of points; `cap` when a word like "up to" stands before it.
    Points {
        value: i128,
        cap: bool,
    },
    Months(i128),
    /// Whole units of money (the page's amounts are whole).
    Money(i128),
    Percent(i128),
    /// A bold number that is none of the above.
    Count(i128),
}

/// Words before a number of points that make it a cap, in attain's locales and common wordings.
const CAP_WORDS: &[&str] = &[
    "up to",
    "at most",
    "maximum",
    "max.",
    "capped at",
    "no more than",
    "höchstens",
    "maximal",
    "bis zu",
    "au plus",
    "au maximum",
    "jusqu'à",
    "jusqu’à",
    "plafonné",
    "como máximo",
    "hasta",
    "máximo",
    "no máximo",
    "até",
    "最大",
    "上限",
    "최대",
    "最多",
    "最高",
];

/// Words that make the points on a level's line the least of every metric.
const EACH_WORDS: &[&str] = &[
    "every metric",
    "each metric",
    "each of the metrics",
    "jede kennzahl",
    "jeder kennzahl",
    "chaque métrique",
    "chaque indicateur",
    "cada métrica",
    "cada indicador",
    "各メトリック",
    "すべてのメトリック",
    "모든 지표",
    "각 지표",
    "每项指标",
    "每个指标",
    "各项指标",
];

/// The names a page may give levels and metrics: the rules' own and every translation's,
/// lower-cased.
struct Names {
    levels: Vec<Vec<String>>,
    metrics: Vec<Vec<String>>,
}

impl Names {
    fn new(rules: &Rules, program: &Program, version: &Version) -> Names {
        let translations: Vec<_> = rules.translations.values().filter_map(|t| t.programs.get(&program.id)).collect();
        let levels = program
            .levels
            .iter()
            .map(|l| {
                let mut names = vec![l.name.to_lowercase()];
                names.extend(translations.iter().filter_map(|t| t.levels.get(&l.id)).map(|n| n.to_lowercase()));
                names
            })
            .collect();
        let metrics = version
            .metrics
            .iter()
            .map(|m| {
                let mut names = vec![m.name.to_lowercase()];
                names.extend(translations.iter().filter_map(|t| t.metrics.get(&m.id)).map(|n| n.to_lowercase()));
                names
            })
            .collect();
        Names { levels, metrics }
    }

    fn heading_text(line: &Line) -> String {
        line.visible.trim().trim_start_matches('#').trim().to_lowercase()
    }

    fn level_of_heading(&self, program: &Program, line: &Line) -> Option<usize> {
        let text = Names::heading_text(line);
        (0..self.levels.len()).find(|&i| has_anchor(&line.raw, &program.levels[i].id) || self.levels[i].contains(&text))
    }

    fn metric_of_heading(&self, version: &Version, line: &Line) -> Option<usize> {
        let text = Names::heading_text(line);
        (0..self.metrics.len())
            .find(|&i| has_anchor(&line.raw, &version.metrics[i].id) || self.metrics[i].contains(&text))
    }

    /// The metric a line names (the longest name found), if any.
    fn metric_named(&self, text: &str) -> Option<usize> {
        let lower = text.to_lowercase();
        self.metrics
            .iter()
            .enumerate()
            .flat_map(|(i, names)| names.iter().map(move |n| (i, n)))
            .filter(|(_, n)| !n.is_empty() && lower.contains(n.as_str()))
            .max_by_key(|(_, n)| n.len())
            .map(|(i, _)| i)
    }
}

impl Checker<'_> {
    /// A metric's name in the findings' language.
    fn metric_name(&self, at: usize) -> String {
        self.rules.metric_name(self.program, &self.version.metrics[at], self.l10n.tag()).to_owned()
    }
}

/// The measure a change or growth compares, or the measure itself.
fn base(measure: &Measure) -> &Measure {
    match measure {
        Measure::Change { of, .. } | Measure::Growth { of, .. } => base(of),
        other => other,
    }
}

fn shown(unit: Unit, value: i128) -> String {
    match unit {
        Unit::Currency => whole_dollars(Usd(value)),
        Unit::Percent => format!("{value}%"),
        Unit::Count => value.to_string(),
    }
}

type Span = std::ops::Range<usize>;
/// How a number becomes a quantity.
type Make = fn(i128) -> Quantity;

impl Checker<'_> {
    /// Finds the sections of levels and metrics and checks each against the version.
    pub(super) fn metric_sections(&mut self, lines: &[Line]) {
        let names = Names::new(self.rules, self.program, self.version);
        let mut described: Vec<Option<usize>> = vec![None; self.version.metrics.len()];
        // A heading's depth, and the level or metric it begins, if any.
        let kind = |line: &Line| {
            let depth = heading_depth(&line.raw)?;
            let level = names.level_of_heading(self.program, line);
            let metric = if level.is_none() { names.metric_of_heading(self.version, line) } else { None };
            Some((depth, level, metric))
        };
        for (i, line) in lines.iter().enumerate() {
            let Some((depth, level, metric)) = kind(line) else { continue };
            if level.is_none() && metric.is_none() {
                continue;
            }
            // A section ends at the next heading as high as its own, or at the next level or metric.
            let end = lines[i + 1..]
                .iter()
                .position(|l| kind(l).is_some_and(|(d, lv, m)| d <= depth || lv.is_some() || m.is_some()))
                .map_or(lines.len(), |e| i + 1 + e);
            let section = &lines[i..end];
            self.sections += 1;
            if let Some(level) = level {
                self.metric_level_section(&names, level, section);
            } else if let Some(metric) = metric {
                described[metric].get_or_insert(line.number);
                self.metric_section(metric, section);
            }
        }
        // A page that describes metrics describes them all.
        if let Some(first) = described.iter().flatten().min().copied() {
            for (m, (metric, line)) in self.version.metrics.iter().zip(&described).enumerate() {
                if line.is_none() {
                    self.push(
                        "metric-missing",
                        first,
                        Severity::Error,
                        self.say(
                            "lint-metric-missing",
                            &[("metric", Arg::Text(&self.metric_name(m))), ("version", Arg::Text(&self.version.id))],
                        ),
                        metric.id.clone(),
                        self.l10n.text("lint-not-described"),
                    );
                }
            }
        }
    }

    /// The quantities on a line (link targets removed), in the order they stand.
    fn quantities(&self, text: &str) -> Vec<Quantity> {
        let mut found: Vec<(Span, Quantity)> = Vec::new();
        // Where the quantities found so far stand (they never overlap), by start: whether a span is
        // free is a look at the one starting last before it ends, not a walk through them all.
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let free = |taken: &BTreeMap<usize, usize>, r: &Span| {
            taken.range(..r.end).next_back().is_none_or(|(_, end)| *end <= r.start)
        };
        let value_of = |m: &str| self.p.number.find(m).and_then(|n| digits_value(n.as_str()));
        for m in self.p.points.find_iter(text) {
            let Some(value) = value_of(m.as_str()) else { continue };
            let before = text[found.last().map_or(0, |(r, _)| r.end)..m.start()].to_lowercase();
            let cap = CAP_WORDS.iter().any(|w| before.contains(w));
            taken.insert(m.start(), m.end());
            found.push((m.range(), Quantity::Points { value, cap }));
        }
        let read: [(Vec<(Span, i128)>, Make); 2] =
            [(self.reading.month_spans(text), Quantity::Months), (self.reading.amounts(text), Quantity::Money)];
        for (spans, make) in read {
            for (range, value) in spans {
                if free(&taken, &range) {
                    taken.insert(range.start, range.end);
                    found.push((range, make(value)));
                }
            }
        }
        for m in self.p.percent.find_iter(text) {
            if let Some(value) = value_of(m.as_str()).filter(|_| free(&taken, &m.range())) {
                taken.insert(m.start(), m.end());
                found.push((m.range(), Quantity::Percent(value)));
            }
        }
        for bold in self.p.bold.captures_iter(text) {
            let whole = bold.get(0).expect("the match").range();
            if let Some(value) = value_of(&bold[1]).filter(|_| free(&taken, &whole)) {
                taken.insert(whole.start, whole.end);
                found.push((whole, Quantity::Count(value)));
            }
        }
        found.sort_by_key(|(r, _)| r.start);
        found.into_iter().map(|(_, q)| q).collect()
    }

    fn metric_level_section(&mut self, names: &Names, level: usize, section: &[Line]) {
        let name = self.level_name(level);
        let level_arg = || ("level", Arg::Text(&name));
        let req: &MetricLevel = &self.version.metric_levels[level];
        let most: i64 = self.version.metrics.iter().filter_map(|m| m.points.map(|p| p.max)).sum();
        let mut market: Option<Market> = None;
        for line in section {
            if let Some(bold) = self.p.bold.captures(&line.visible) {
                if let Some(m) = market_of_heading(&bold[1]) {
                    market = Some(m);
                }
            }
            let text = without_links(&line.visible).into_owned();
            let lower = text.to_lowercase();
            let each = EACH_WORDS.iter().any(|w| lower.contains(w));
            let named = names.metric_named(&text);
            for quantity in self.quantities(&text) {
                let (value, unit) = match quantity {
                    Quantity::Points { value, cap } => {
                        let Some(score) = req.score else {
                            self.push(
                                "score",
                                line.number,
                                Severity::Error,
                                self.say("lint-score-none", &[level_arg(), ("version", Arg::Text(&self.version.id))]),
                                self.l10n.text("lint-no-points"),
                                value.to_string(),
                            );
                            continue;
                        };
                        let (what, expected) = if each {
                            ("lint-score-each", score.each_at_least)
                        } else if cap {
                            ("lint-score-highest", most)
                        } else {
                            ("lint-score-total", score.total)
                        };
                        if value != i128::from(expected) {
                            self.push(
                                "score",
                                line.number,
                                Severity::Error,
                                self.say(what, &[level_arg()]),
                                expected.to_string(),
                                value.to_string(),
                            );
                        }
                        continue;
                    }
                    Quantity::Months(_) => continue,
                    Quantity::Money(v) => (v * 1_000_000, Unit::Currency),
                    Quantity::Percent(v) => (v, Unit::Percent),
                    Quantity::Count(v) => (v, Unit::Count),
                };
                // A threshold: on the metric the line names, else on any metric of that unit.
                let candidates: Vec<&(usize, MarketAmounts)> = req
                    .at_least
                    .iter()
                    .filter(|(m, _)| named.map_or(self.version.metrics[*m].unit() == unit, |n| n == *m))
                    .collect();
                let what = named.map_or_else(|| self.l10n.text("lint-a-metric"), |m| self.metric_name(m));
                if candidates.is_empty() {
                    // A bold number on a line that names no metric may be anything else.
                    if named.is_some() || unit == Unit::Currency {
                        self.push(
                            "score",
                            line.number,
                            Severity::Error,
                            self.say(
                                "lint-metric-threshold-none",
                                &[level_arg(), ("metric", Arg::Text(&what)), ("version", Arg::Text(&self.version.id))],
                            ),
                            self.l10n.text("lint-no-threshold"),
                            shown(unit, value),
                        );
                    }
                    continue;
                }
                // Under a market heading the value is that market's; otherwise every market's.
                let markets: Vec<Market> = market.map_or(Market::ALL.to_vec(), |m| vec![m]);
                let expected: Vec<i128> =
                    candidates.iter().flat_map(|(_, a)| markets.iter().map(|m| a.of(*m))).collect();
                // The page's amounts are whole: a threshold with cents is shown rounded down.
                let same =
                    |e: i128| if unit == Unit::Currency { e / 1_000_000 * 1_000_000 == value } else { e == value };
                let wrong = if named.is_some() {
                    expected.iter().copied().find(|e| !same(*e))
                } else {
                    // On a line naming no metric, any threshold of that unit may be meant.
                    (!expected.iter().any(|e| same(*e))).then_some(expected[0])
                };
                if let Some(e) = wrong {
                    let message = match market {
                        None => self.say("lint-metric-threshold", &[level_arg(), ("metric", Arg::Text(&what))]),
                        Some(m) => self.say(
                            "lint-metric-threshold-market",
                            &[level_arg(), ("metric", Arg::Text(&what)), ("market", Arg::Text(m.as_str()))],
                        ),
                    };
                    self.push("score", line.number, Severity::Error, message, shown(unit, e), shown(unit, value));
                }
            }
        }
    }

    fn metric_section(&mut self, at: usize, section: &[Line]) {
        let metric: &Metric = &self.version.metrics[at];
        let name = self.metric_name(at);
        let metric_arg = || ("metric", Arg::Text(&name));
        let measure = &metric.measure;
        let base = base(measure);
        // What the rules state of the metric: amounts (micro-units), month counts, prerequisite people.
        let mut money: Vec<i128> = Vec::new();
        let mut months: Vec<i128> = Vec::new();
        let mut prerequisite = None;
        match base {
            Measure::Consumption { months: m } | Measure::Distinct { months: m, .. } => months.push(i128::from(*m)),
            Measure::Customers { at_least, months: m } => {
                money.push(at_least.micros());
                months.push(i128::from(*m));
            }
            Measure::People { prerequisite: p, .. } => prerequisite = p.as_ref().map(|p| i128::from(p.people)),
            _ => {}
        }
        match measure {
            Measure::Change { months: m, .. } => months.push(i128::from(*m)),
            Measure::Growth { months: m, from_at_least, .. } => {
                months.push(i128::from(*m));
                if base.unit() == Unit::Currency && *from_at_least > 0 {
                    money.push(*from_at_least);
                }
            }
            _ => {}
        }
        if let Some(points) = metric.points.filter(|_| metric.unit() == Unit::Currency) {
            money.push(points.every);
        }
        let list = |values: &[i128], unit: Unit| match values {
            [] => self.l10n.text("lint-none"),
            _ => self.l10n.join(&values.iter().map(|v| shown(unit, *v)).collect::<Vec<_>>(), "list-or"),
        };
        let mut mentioned: Vec<(CredentialIdx, usize)> = Vec::new();
        for line in section {
            let text = without_links(&line.visible).into_owned();
            for quantity in self.quantities(&text) {
                let wrong = match quantity {
                    Quantity::Points { value, cap } => match metric.points {
                        None => Some((
                            self.say("lint-points-none", &[metric_arg(), ("version", Arg::Text(&self.version.id))]),
                            self.l10n.text("lint-no-points"),
                            value.to_string(),
                        )),
                        Some(p) if cap && value != i128::from(p.max) => {
                            Some((self.say("lint-points-cap", &[metric_arg()]), p.max.to_string(), value.to_string()))
                        }
                        Some(p) if !cap && value != i128::from(p.per) => {
                            Some((self.say("lint-points-rate", &[metric_arg()]), p.per.to_string(), value.to_string()))
                        }
                        Some(_) => None,
                    },
                    Quantity::Money(v) if !money.iter().any(|e| e / 1_000_000 == v) => Some((
                        self.say("lint-metric-amount", &[metric_arg()]),
                        list(&money, Unit::Currency),
                        whole_dollars(Usd(v * 1_000_000)),
                    )),
                    Quantity::Months(v) if !months.contains(&v) => Some((
                        self.say("lint-metric-months", &[metric_arg()]),
                        list(&months, Unit::Count),
                        v.to_string(),
                    )),
                    Quantity::Count(v) => match prerequisite {
                        Some(p) if p != v => {
                            Some((self.say("lint-prerequisite", &[metric_arg()]), p.to_string(), v.to_string()))
                        }
                        _ => None,
                    },
                    _ => None,
                };
                if let Some((message, expected, found)) = wrong {
                    self.push("metric", line.number, Severity::Error, message, expected, found);
                }
            }
            self.credentials_on(line, &mut mentioned);
            for c in self.credentials_titled(&text) {
                if !mentioned.iter().any(|(m, _)| *m == c) {
                    mentioned.push((c, line.number));
                }
            }
        }
        let listed: BTreeSet<CredentialIdx> = measure.credentials().into_iter().collect();
        self.compare_lists(&name, &mentioned, &listed, section[0].number, true);
    }

    /// Credentials a line names by their title, in English or any translation; a longer title
    /// hides a shorter one inside it.
    fn credentials_titled(&self, text: &str) -> Vec<CredentialIdx> {
        let mut titles: Vec<(&str, CredentialIdx)> = Vec::new();
        for (i, c) in self.rules.catalog.credentials.iter().enumerate() {
            let idx = CredentialIdx(i as u32);
            titles.push((c.title.as_str(), idx));
            for t in self.rules.translations.values() {
                if let Some(title) = t.credentials.get(&c.id) {
                    titles.push((title.as_str(), idx));
                }
            }
        }
        titles.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        let mut rest = text.to_owned();
        let mut found = Vec::new();
        for (title, c) in titles {
            if title.is_empty() {
                continue;
            }
            if let Some(i) = rest.find(title) {
                rest.replace_range(i..i + title.len(), &" ".repeat(title.len()));
                if !found.contains(&c) {
                    found.push(c);
                }
            }
        }
        found
    }
}
