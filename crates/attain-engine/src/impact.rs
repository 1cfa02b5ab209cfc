//! The impact of a draft version: every partner decided under the version in force and under the
//! draft, compared. Pure: it reads two sets of decisions, of either form, and says who gains and
//! who loses a level, where, and which requirements make the difference.

use std::collections::BTreeMap;

use attain_rules::{Market, Program, Usd};
use jiff::civil::Date;
use serde::Serialize;

use crate::{Amount, Decision, MetricDecision};

/// One unmet requirement of a level: what is required, what the partner has, what is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "requirement", rename_all = "snake_case")]
pub enum Shortfall {
    /// Consumption credited in the window, against the level's threshold.
    Consumption { required: Usd, value: Usd, gap: Usd },
    /// Qualified individuals, against the number the level asks for.
    Individuals { required: u32, value: u32, gap: u32 },
    /// The total of the scored metrics' points.
    Score { required: i64, value: i64, gap: i64 },
    /// A scored metric below the least points it must earn.
    Minimum { metric: String },
    /// A metric's value against a level's threshold on it.
    Threshold { metric: String, required: Amount, value: Amount, gap: Amount },
}

impl Shortfall {
    /// What is short, without the figures: two shortfalls of one key are of the same requirement.
    pub fn key(&self) -> String {
        match self {
            Shortfall::Consumption { .. } => "consumption".into(),
            Shortfall::Individuals { .. } => "individuals".into(),
            Shortfall::Score { .. } => "score".into(),
            Shortfall::Minimum { metric } => format!("minimum:{metric}"),
            Shortfall::Threshold { metric, .. } => format!("threshold:{metric}"),
        }
    }
}

/// A partner's decision, reduced to what a comparison reads.
#[derive(Debug, Clone)]
pub struct Standing {
    pub partner_id: String,
    pub name: String,
    pub country: String,
    pub market: Option<Market>,
    /// The level attained: its position among the program's levels.
    pub level: Option<usize>,
    /// For each of the program's levels, lowest first: what the partner lacks for it.
    pub shortfalls: Vec<Vec<Shortfall>>,
}

impl Standing {
    pub fn of_decision(program: &Program, d: &Decision) -> Standing {
        let shortfalls = d
            .levels
            .iter()
            .map(|l| {
                let mut lacks = Vec::new();
                if let Some(required) = l.threshold_usd.filter(|_| l.consumption_gap_usd > Usd::ZERO) {
                    let gap = l.consumption_gap_usd;
                    lacks.push(Shortfall::Consumption { required, value: required - gap, gap });
                }
                if let Some(required) = l.individuals_required.filter(|_| l.individuals_gap > 0) {
                    let (value, gap) = (l.qualified_individuals, l.individuals_gap);
                    lacks.push(Shortfall::Individuals { required, value, gap });
                }
                lacks
            })
            .collect();
        Standing {
            partner_id: d.partner_id.clone(),
            name: d.name.clone(),
            country: d.country.clone(),
            market: Some(d.market),
            level: program.level_by_id(&d.level).map(|l| usize::from(l.0)),
            shortfalls,
        }
    }

    pub fn of_metric_decision(program: &Program, d: &MetricDecision) -> Standing {
        let shortfalls = d
            .levels
            .iter()
            .map(|l| {
                let mut lacks = Vec::new();
                if let (Some(required), Some(gap)) = (l.score_required, l.score_gap.filter(|g| *g > 0)) {
                    lacks.push(Shortfall::Score { required, value: required - gap, gap });
                }
                lacks.extend(l.metrics_below_minimum.iter().map(|m| Shortfall::Minimum { metric: m.clone() }));
                lacks.extend(l.thresholds.iter().filter(|t| t.gap.raw() > 0).map(|t| Shortfall::Threshold {
                    metric: t.metric.clone(),
                    required: t.required,
                    value: t.value,
                    gap: t.gap,
                }));
                lacks
            })
            .collect();
        Standing {
            partner_id: d.partner_id.clone(),
            name: d.name.clone(),
            country: d.country.clone(),
            market: d.market,
            level: program.level_by_id(&d.level).map(|l| usize::from(l.0)),
            shortfalls,
        }
    }
}

/// Everything `attain compare` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Impact {
    pub program: String,
    pub as_of: Date,
    /// The version in force on `as_of`.
    pub version: String,
    pub draft: String,
    pub partners: usize,
    pub gained: usize,
    pub lost: usize,
    pub unchanged: usize,
    /// Partners per change of level (`before` → `after`, level ids or `none`), unchanged
    /// levels included; highest `before` first.
    pub transitions: Vec<Transition>,
    /// Gained, lost and unchanged per market (absent for programs whose levels ignore markets).
    pub markets: Vec<Tally>,
    /// Gained, lost and unchanged per country, by country code.
    pub countries: Vec<Tally>,
    /// The partners whose level changes, by partner id.
    pub changed: Vec<Change>,
    /// Requirements that partners fall short of under the draft and did not before, per level:
    /// how many partners each.
    pub new_gaps: Vec<NewGap>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transition {
    pub before: String,
    pub after: String,
    pub partners: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// A market (`developed`, `emerging`) or a country code.
    pub group: String,
    pub gained: usize,
    pub lost: usize,
    pub unchanged: usize,
}

/// A partner whose level differs under the draft, and why: for each level between the two, what
/// it lacks under the version in force and under the draft.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub partner_id: String,
    pub name: String,
    pub country: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market: Option<Market>,
    pub before: String,
    pub after: String,
    pub levels: Vec<LevelChange>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LevelChange {
    pub level: String,
    /// What the partner lacked for this level under the version in force.
    pub before: Vec<Shortfall>,
    /// What it lacks under the draft.
    pub after: Vec<Shortfall>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewGap {
    pub level: String,
    /// `consumption`, `individuals`, `score`, `minimum:METRIC` or `threshold:METRIC`.
    pub requirement: String,
    pub partners: usize,
}

/// Compares `before` (decided under the version in force) with `after` (under the draft), the
/// same partners in the same order.
pub fn compare(
    program: &Program,
    (version, draft): (&str, &str),
    as_of: Date,
    before: impl ExactSizeIterator<Item = Standing>,
    after: impl ExactSizeIterator<Item = Standing>,
) -> Impact {
    let level_id = |l: Option<usize>| program.level_id(l.map(|l| attain_rules::LevelIdx(l as u8))).to_owned();
    let mut impact = Impact {
        program: program.id.clone(),
        as_of,
        version: version.to_owned(),
        draft: draft.to_owned(),
        partners: before.len(),
        gained: 0,
        lost: 0,
        unchanged: 0,
        transitions: Vec::new(),
        markets: Vec::new(),
        countries: Vec::new(),
        changed: Vec::new(),
        new_gaps: Vec::new(),
    };
    let mut transitions: BTreeMap<(Option<usize>, Option<usize>), usize> = BTreeMap::new();
    let mut markets: BTreeMap<Market, Tally> = BTreeMap::new();
    let mut countries: BTreeMap<String, Tally> = BTreeMap::new();
    let mut new_gaps: BTreeMap<(usize, String), usize> = BTreeMap::new();
    for (b, a) in before.zip(after) {
        debug_assert_eq!(b.partner_id, a.partner_id, "the same partners, in the same order");
        *transitions.entry((b.level, a.level)).or_default() += 1;
        let count = |tally: &mut Tally| match a.level.cmp(&b.level) {
            std::cmp::Ordering::Greater => tally.gained += 1,
            std::cmp::Ordering::Less => tally.lost += 1,
            std::cmp::Ordering::Equal => tally.unchanged += 1,
        };
        if let Some(market) = b.market {
            count(markets.entry(market).or_insert_with(|| Tally { group: market.as_str().into(), ..Tally::default() }));
        }
        let country = countries
            .entry(b.country.clone())
            .or_insert_with(|| Tally { group: b.country.clone(), ..Tally::default() });
        count(country);
        for (level, (was, is)) in b.shortfalls.iter().zip(&a.shortfalls).enumerate() {
            for lack in is.iter().filter(|lack| !was.iter().any(|w| w.key() == lack.key())) {
                *new_gaps.entry((level, lack.key())).or_default() += 1;
            }
        }
        if a.level != b.level {
            // The levels between the two: those gained, or those lost.
            let (low, high) = (a.level.min(b.level), a.level.max(b.level));
            let between = low.map_or(0, |l| l + 1)..=high.expect("the higher of two different levels is one");
            impact.changed.push(Change {
                partner_id: b.partner_id,
                name: b.name,
                country: b.country,
                market: b.market,
                before: level_id(b.level),
                after: level_id(a.level),
                levels: between
                    .map(|l| LevelChange {
                        level: program.levels[l].id.clone(),
                        before: b.shortfalls.get(l).cloned().unwrap_or_default(),
                        after: a.shortfalls.get(l).cloned().unwrap_or_default(),
                    })
                    .collect(),
            });
        }
    }
    let total = |t: &Tally| (t.gained, t.lost, t.unchanged);
    (impact.gained, impact.lost, impact.unchanged) =
        countries.values().map(total).fold((0, 0, 0), |(g, l, u), (tg, tl, tu)| (g + tg, l + tl, u + tu));
    // Highest level first, as the evaluate summary lists them; "none" last.
    let rank = |l: Option<usize>| std::cmp::Reverse(l.map_or(0, |l| l + 1));
    let mut transitions: Vec<_> = transitions.into_iter().collect();
    transitions.sort_by_key(|((b, a), _)| (rank(*b), rank(*a)));
    impact.transitions = transitions
        .into_iter()
        .map(|((b, a), partners)| Transition { before: level_id(b), after: level_id(a), partners })
        .collect();
    impact.markets = markets.into_values().collect();
    impact.countries = countries.into_values().collect();
    impact.changed.sort_by(|x, y| x.partner_id.cmp(&y.partner_id));
    impact.new_gaps = new_gaps
        .into_iter()
        .map(|((level, requirement), partners)| NewGap {
            level: program.levels[level].id.clone(),
            requirement,
            partners,
        })
        .collect();
    impact
}

/// `before` and `after` (the same partners, decided under `program` and under `what_if`) compared,
/// each decision reduced by `standing`.
fn weigh<D>(
    (program, what_if): (&Program, &Program),
    (version, draft): (&str, &str),
    as_of: Date,
    (before, after): (&[D], &[D]),
    standing: fn(&Program, &D) -> Standing,
) -> Impact {
    compare(
        program,
        (version, draft),
        as_of,
        before.iter().map(|d| standing(program, d)),
        after.iter().map(|d| standing(what_if, d)),
    )
}

impl crate::Engine<'_> {
    /// Every partner decided as of `as_of` under this engine's program and under `what_if` (the
    /// program with `draft` in force: [`Program::with_draft`]), compared.
    pub fn impact(&self, what_if: &Program, draft: &str, as_of: Date) -> Result<Impact, crate::EngineError> {
        let before = self.evaluate(as_of, &[])?;
        let after = self.under(what_if).evaluate(as_of, &[])?;
        let programs = (self.program(), what_if);
        let decided = (&before.partners[..], &after.partners[..]);
        Ok(weigh(programs, (&before.version, draft), as_of, decided, Standing::of_decision))
    }
}

impl crate::MetricEngine<'_> {
    /// [`crate::Engine::impact`] for a program of the metric form.
    pub fn impact(&self, what_if: &Program, draft: &str, as_of: Date) -> Result<Impact, crate::EngineError> {
        let before = self.evaluate(as_of, &[])?;
        let after = self.under(what_if)?.evaluate(as_of, &[])?;
        let programs = (self.program(), what_if);
        let decided = (&before.partners[..], &after.partners[..]);
        Ok(weigh(programs, (&before.version, draft), as_of, decided, Standing::of_metric_decision))
    }
}
