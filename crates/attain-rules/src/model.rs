//! The program model, as the engine sees it after loading and validation.

use std::collections::HashMap;

use jiff::civil::Date;
use jiff::ToSpan;

use crate::metric::{Metric, MetricLevel, RowExclusion};
use crate::money::Usd;
use crate::vocab::{AssociationKind, Market};

/// Every program and the credentials catalog they draw on.
#[derive(Debug)]
pub struct Rules {
    pub catalog: Catalog,
    pub programs: Vec<Program>,
    /// Translations of program texts and credential titles, by locale tag (e.g. `fr-FR`).
    pub translations: HashMap<String, Translation>,
    /// Rule test cases found beside the programs, unparsed (see `attain-cases`).
    pub case_files: Vec<SourceFile>,
}

/// A rules file as read, for whoever parses it later and must point into it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

impl Rules {
    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }

    fn program_translation(&self, program: &Program, locale: &str) -> Option<&ProgramTranslation> {
        self.translations.get(locale)?.programs.get(&program.id)
    }

    /// A program text in `locale`, falling back to the program file's own (English) text.
    pub fn program_text<'a>(&'a self, program: &'a Program, locale: &str, text: ProgramText) -> &'a str {
        let translated = self.program_translation(program, locale).and_then(|t| match text {
            ProgramText::Name => t.name.as_deref(),
            ProgramText::Description => t.description.as_deref(),
            ProgramText::OptionName => t.option_name.as_deref(),
            ProgramText::OptionDescription => t.option_description.as_deref(),
        });
        translated.unwrap_or(match text {
            ProgramText::Name => &program.name,
            ProgramText::Description => &program.description,
            ProgramText::OptionName => &program.option_name,
            ProgramText::OptionDescription => &program.option_description,
        })
    }

    /// A level's name in `locale`, falling back to English.
    pub fn level_name<'a>(&'a self, program: &'a Program, level: LevelIdx, locale: &str) -> &'a str {
        let def = &program.levels[level.0 as usize];
        self.program_translation(program, locale).and_then(|t| t.levels.get(&def.id)).unwrap_or(&def.name)
    }

    /// A metric's name in `locale`, falling back to the program file's (English) name.
    pub fn metric_name<'a>(&'a self, program: &'a Program, metric: &'a Metric, locale: &str) -> &'a str {
        self.program_translation(program, locale).and_then(|t| t.metrics.get(&metric.id)).unwrap_or(&metric.name)
    }

    /// A credential's title in `locale`, falling back to the catalog's (English) title.
    pub fn credential_title<'a>(&'a self, credential: &'a Credential, locale: &str) -> &'a str {
        self.translations.get(locale).and_then(|t| t.credentials.get(&credential.id)).unwrap_or(&credential.title)
    }
}

/// Which program text to look up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgramText {
    Name,
    Description,
    OptionName,
    OptionDescription,
}

/// What one locale's `l10n/TAG.toml` translates.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    #[serde(default)]
    pub programs: HashMap<String, ProgramTranslation>,
    /// Credential id → title.
    #[serde(default)]
    pub credentials: HashMap<String, String>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramTranslation {
    pub name: Option<String>,
    /// Other translations that pages in this language use for the program's, option's or
    /// levels' English names, by English name: accepted by `attain lint` beside the ones above
    /// (`"Cloud Platform" = ["Plateforme cloud"]`).
    #[serde(default)]
    pub variants: HashMap<String, Vec<String>>,
    pub description: Option<String>,
    pub option_name: Option<String>,
    pub option_description: Option<String>,
    /// Level id → name.
    #[serde(default)]
    pub levels: HashMap<String, String>,
    /// Metric id → name.
    #[serde(default)]
    pub metrics: HashMap<String, String>,
}

/// Index of a credential in the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CredentialIdx(pub u32);

#[derive(Debug, Default)]
pub struct Catalog {
    pub credentials: Vec<Credential>,
    /// Product names that are never translated.
    pub products: Vec<String>,
    /// Looked up once per achievement read: a fast hash (the keys are the rules' own, so input
    /// cannot choose collisions among them).
    by_id: HashMap<String, CredentialIdx, rustc_hash::FxBuildHasher>,
}

impl Catalog {
    pub(crate) fn push(&mut self, credential: Credential) -> CredentialIdx {
        let idx = CredentialIdx(self.credentials.len() as u32);
        self.by_id.insert(credential.id.clone(), idx);
        self.credentials.push(credential);
        idx
    }

    pub fn lookup(&self, id: &str) -> Option<CredentialIdx> {
        self.by_id.get(id).copied()
    }

    pub fn get(&self, idx: CredentialIdx) -> &Credential {
        &self.credentials[idx.0 as usize]
    }
}

/// An exam, assessment or certification, with its lifecycle.
#[derive(Debug, Clone)]
pub struct Credential {
    /// Namespaced id, e.g. `exam:70-534`.
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub retires: Option<Date>,
    pub registration_until: Option<Date>,
    pub accepted_until: Option<Date>,
    pub replaced_by: Option<CredentialIdx>,
}

impl Credential {
    /// `exam`, `assessment`, `certification`: the part before the colon.
    pub fn kind(&self) -> &str {
        self.id.split_once(':').map_or("", |(kind, _)| kind)
    }

    /// The part after the colon, e.g. `70-534`.
    pub fn code(&self) -> &str {
        self.id.split_once(':').map_or(&self.id, |(_, code)| code)
    }

    /// A credential counts on `date` unless its acceptance has ended before it.
    pub fn accepted_on(&self, date: Date) -> bool {
        self.accepted_until.is_none_or(|until| date <= until)
    }
}

/// Index of a level in `Program::levels`; a larger index is a higher level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LevelIdx(pub u8);

#[derive(Debug, Clone)]
pub struct Program {
    pub id: String,
    pub name: String,
    pub description: String,
    pub option_id: String,
    pub option_name: String,
    pub option_description: String,
    /// What the consumption is of, as the requirement pages say it (e.g. `Azure`).
    pub product: String,
    /// The ISO 4217 code of the program's money.
    pub currency: String,
    /// Whether commands decide this program when none is named.
    pub default: bool,
    /// Where partners learn about the associations that count.
    pub associations_url: Option<String>,
    /// Lowest first.
    pub levels: Vec<LevelDef>,
    pub markets: MarketRule,
    /// Sorted by `effective`, strictly increasing.
    pub versions: Vec<Version>,
    /// Versions marked `draft`: never in force, whatever their date; what `attain compare` and
    /// change pages weigh against the versions in force. Sorted by `effective`.
    pub drafts: Vec<Version>,
    /// The program's named lists of credentials, which versions (and drafts from other files)
    /// may name.
    pub credential_sets: std::collections::BTreeMap<String, Vec<CredentialIdx>>,
}

#[derive(Debug, Clone)]
pub struct LevelDef {
    pub id: String,
    pub name: String,
}

/// How a partner's market follows from its country when the data does not say.
#[derive(Debug, Clone)]
pub struct MarketRule {
    developed_countries: Vec<String>,
    /// The developed two-letter codes `AA`..`ZZ` as bits: a look-up for every partner of a
    /// program, where scanning the list took longer than the rest of reading its country.
    developed_codes: [u64; 11],
    pub source: Option<String>,
}

impl MarketRule {
    pub fn new(developed_countries: Vec<String>, source: Option<String>) -> MarketRule {
        let mut developed_codes = [0; 11];
        for bit in developed_countries.iter().filter_map(|c| code_bit(c)) {
            developed_codes[bit / 64] |= 1 << (bit % 64);
        }
        MarketRule { developed_countries, developed_codes, source }
    }

    pub fn market_of(&self, country: &str) -> Market {
        let developed = match code_bit(country) {
            Some(bit) => self.developed_codes[bit / 64] & (1 << (bit % 64)) != 0,
            None => self.developed_countries.iter().any(|c| c == country),
        };
        if developed {
            Market::Developed
        } else {
            Market::Emerging
        }
    }
}

/// The bit of a two-letter upper-case code in `MarketRule::developed_codes`.
fn code_bit(code: &str) -> Option<usize> {
    match code.as_bytes() {
        &[a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => Some(usize::from(a - b'A') * 26 + usize::from(b - b'A')),
        _ => None,
    }
}

impl Program {
    /// The version in force on `date`: the last one whose `effective` is not after it.
    pub fn version_on(&self, date: Date) -> Option<&Version> {
        let after = self.versions.partition_point(|v| v.effective <= date);
        after.checked_sub(1).map(|i| &self.versions[i])
    }

    /// The version with this id.
    pub fn version(&self, id: &str) -> Option<&Version> {
        self.versions.iter().find(|v| v.id == id)
    }

    /// The draft with this id.
    pub fn draft(&self, id: &str) -> Option<&Version> {
        self.drafts.iter().find(|v| v.id == id)
    }

    /// The program as it would be were `draft` in force from `from` on: the versions that take
    /// effect before `from`, then the draft (its `effective` set to `from`). Versions after it are
    /// left out, so that the draft alone decides every later date.
    pub fn with_draft(&self, draft: &Version, from: Date) -> Program {
        let mut versions: Vec<Version> = self.versions.iter().filter(|v| v.effective < from).cloned().collect();
        versions.push(Version { effective: from, ..draft.clone() });
        Program { versions, drafts: Vec::new(), ..self.clone() }
    }

    pub fn level_id(&self, level: Option<LevelIdx>) -> &str {
        level.map_or("none", |l| self.levels[l.0 as usize].id.as_str())
    }

    pub fn level_by_id(&self, id: &str) -> Option<LevelIdx> {
        self.levels.iter().position(|l| l.id == id).map(|i| LevelIdx(i as u8))
    }

    /// Whether the program's versions state their levels in declared metrics (all of them or
    /// none: the loader refuses a program that mixes both forms).
    pub fn by_metrics(&self) -> bool {
        self.versions.iter().any(Version::by_metrics)
    }

    /// The program's versions grouped by how they credit consumption: the association kinds that
    /// count and, where levels are stated in metrics, the rows left out. Versions of one basis
    /// credit every row alike, so consumption credited elsewhere (a Spark job) is computed once
    /// per basis and named by its first version's id.
    pub fn credit_bases(&self) -> Vec<CreditBasis> {
        let mut bases: Vec<CreditBasis> = Vec::new();
        for (i, v) in self.versions.iter().enumerate() {
            let exclude_rows = if v.by_metrics() { v.exclude_rows.clone() } else { Vec::new() };
            match bases.iter_mut().find(|b| b.counting_kinds == v.counting_kinds && b.exclude_rows == exclude_rows) {
                Some(basis) => basis.versions.push(i),
                None => bases.push(CreditBasis {
                    id: v.id.clone(),
                    counting_kinds: v.counting_kinds,
                    exclude_rows,
                    versions: vec![i],
                }),
            }
        }
        bases
    }
}

/// Versions of a program that credit consumption alike (see [`Program::credit_bases`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditBasis {
    /// The id of its first version.
    pub id: String,
    /// Bit set of the association kinds through which rows are credited.
    pub counting_kinds: u8,
    /// Rows no measure counts.
    pub exclude_rows: Vec<crate::RowExclusion>,
    /// Its versions, by position in the program.
    pub versions: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Version {
    pub id: String,
    pub effective: Date,
    /// A draft is never in force (see [`Program::drafts`]); a program made by
    /// [`Program::with_draft`] holds one among its versions.
    pub draft: bool,
    pub source: Option<String>,
    pub window: Window,
    /// Bit set of the association kinds through which consumption is credited.
    pub counting_kinds: u8,
    /// One entry per program level, in the same order (empty requirements where the version
    /// declares metrics: see `metric_levels`).
    pub levels: Vec<LevelRequirements>,
    /// What the version measures, when it states its levels in metrics rather than as a
    /// consumption threshold and a number of people.
    pub metrics: Vec<Metric>,
    /// With `metrics`: one entry per program level, in the same order.
    pub metric_levels: Vec<MetricLevel>,
    /// Consumption rows no measure counts (e.g. offers of the category `Trial`).
    pub exclude_rows: Vec<RowExclusion>,
    /// For each level, the first level with the very same credential alternatives, if another.
    pub(crate) same_credentials: Vec<Option<usize>>,
}

impl Version {
    pub(crate) fn same_credentials(levels: &[LevelRequirements]) -> Vec<Option<usize>> {
        fn alternatives(l: &LevelRequirements) -> Option<&[Vec<CredentialIdx>]> {
            l.skills.as_ref().map(Skills::alternatives)
        }
        (0..levels.len())
            .map(|i| {
                let own = alternatives(&levels[i])?;
                levels[..i].iter().position(|earlier| alternatives(earlier) == Some(own))
            })
            .collect()
    }

    /// An earlier level listing the very same credential alternatives as `level`, if any: who
    /// qualifies for one qualifies for the other (Silver and Gold often list the same).
    pub fn same_credentials_as(&self, level: usize) -> Option<usize> {
        self.same_credentials[level]
    }

    /// Whether the version states its levels in declared metrics (see `metrics`).
    pub fn by_metrics(&self) -> bool {
        !self.metrics.is_empty()
    }

    /// Whether any level or metric of this version lists `credential`.
    pub fn lists(&self, credential: CredentialIdx) -> bool {
        self.levels.iter().any(|l| l.skills.as_ref().is_some_and(|s| s.lists(credential)))
            || self.metrics.iter().any(|m| m.measure.credentials().contains(&credential))
    }

    /// Every credential any level or metric of this version lists.
    pub fn credentials(&self) -> std::collections::BTreeSet<CredentialIdx> {
        let listed = self.levels.iter().flat_map(|l| l.skills.iter().flat_map(Skills::credentials));
        listed.chain(self.metrics.iter().flat_map(|m| m.measure.credentials())).collect()
    }

    pub fn counts(&self, kind: AssociationKind) -> bool {
        self.counting_kinds & kind.bit() != 0
    }

    pub fn counting_kinds(&self) -> impl Iterator<Item = AssociationKind> + '_ {
        AssociationKind::ALL.into_iter().filter(|k| self.counts(*k))
    }
}

/// The span of consumption that counts for a decision as of some date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub months: i8,
    pub align: Align,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Complete calendar months before the month of the as-of date.
    Month,
    /// The period ending on the as-of date itself.
    Day,
}

impl Window {
    /// The inclusive date range this window covers as of `date`.
    pub fn range(&self, date: Date) -> (Date, Date) {
        let months = i32::from(self.months).months();
        match self.align {
            // Integer month arithmetic: what jiff's span arithmetic gives from a first of the
            // month (saturating at the first day of time), many times faster; decisions of a
            // whole program ask for millions of windows.
            Align::Month => {
                let month = |back: i32| {
                    let m = i32::from(date.year()) * 12 + i32::from(date.month()) - 1 - back;
                    i16::try_from(m.div_euclid(12))
                        .ok()
                        .and_then(|year| Date::new(year, (m.rem_euclid(12) + 1) as i8, 1).ok())
                        .unwrap_or(Date::MIN)
                };
                (month(i32::from(self.months)), month(1).last_of_month())
            }
            // jiff clamps the day to the month's end, so 29 February minus 12 months is 28 February.
            Align::Day => (date.saturating_sub(months).tomorrow().expect("in range"), date),
        }
    }
}

#[derive(Debug, Clone)]
pub struct LevelRequirements {
    pub performance: Option<Performance>,
    pub skills: Option<Skills>,
}

#[derive(Debug, Clone)]
pub struct Performance {
    pub developed: Usd,
    pub emerging: Usd,
}

impl Performance {
    pub fn threshold(&self, market: Market) -> Usd {
        match market {
            Market::Developed => self.developed,
            Market::Emerging => self.emerging,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Skills {
    pub individuals: u32,
    /// A person qualifies through any one alternative, by holding all of its credentials.
    alternatives: Vec<Vec<CredentialIdx>>,
    /// The position of the first alternative made of each credential alone, sorted by credential;
    /// and the positions of the alternatives of several credentials, ascending.
    alone: Vec<(CredentialIdx, usize)>,
    all_of: Vec<usize>,
}

impl Skills {
    pub fn new(individuals: u32, alternatives: Vec<Vec<CredentialIdx>>) -> Skills {
        let mut alone: Vec<(CredentialIdx, usize)> = alternatives
            .iter()
            .enumerate()
            .filter_map(|(i, alt)| match alt.as_slice() {
                [one] => Some((*one, i)),
                _ => None,
            })
            .collect();
        alone.sort_unstable();
        alone.dedup_by_key(|(c, _)| *c);
        let all_of = (0..alternatives.len()).filter(|i| alternatives[*i].len() != 1).collect();
        Skills { individuals, alternatives, alone, all_of }
    }

    pub fn alternatives(&self) -> &[Vec<CredentialIdx>] {
        &self.alternatives
    }

    /// The first alternative, in listed order, all of whose credentials are `usable`; `held`
    /// names every credential that may be. What `alternatives().find(all usable)` finds, without
    /// trying every alternative: a person holds a few credentials, a list may name dozens.
    pub fn first_met(
        &self,
        held: impl Iterator<Item = CredentialIdx>,
        usable: impl Fn(CredentialIdx) -> bool,
    ) -> Option<&[CredentialIdx]> {
        let mut first = held
            .filter_map(|c| self.alone.binary_search_by_key(&c, |(alone, _)| *alone).ok())
            .filter(|at| usable(self.alone[*at].0))
            .map(|at| self.alone[at].1)
            .min();
        for &i in &self.all_of {
            if first.is_some_and(|f| f < i) {
                break;
            }
            if self.alternatives[i].iter().all(|c| usable(*c)) {
                first = Some(i);
                break;
            }
        }
        first.map(|i| self.alternatives[i].as_slice())
    }
    /// Every credential of every alternative.
    pub fn credentials(&self) -> impl Iterator<Item = CredentialIdx> + '_ {
        self.alternatives.iter().flatten().copied()
    }

    pub fn lists(&self, credential: CredentialIdx) -> bool {
        self.alternatives.iter().any(|alt| alt.contains(&credential))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn linear<'s>(skills: &'s Skills, usable: &[u32]) -> Option<&'s [CredentialIdx]> {
        skills.alternatives().iter().find(|alt| alt.iter().all(|c| usable.contains(&c.0))).map(Vec::as_slice)
    }

    proptest! {
        /// Month-aligned windows are the months before the date's, as jiff's arithmetic counts them.
        #[test]
        fn month_windows_are_jiffs_month_arithmetic(day in -3_650_000i64..2_900_000, months in 1i8..=i8::MAX) {
            let date = Date::new(1970, 1, 1).unwrap().checked_add(jiff::Span::new().days(day)).unwrap();
            let window = Window { months, align: Align::Month };
            let first = date.first_of_month();
            let span = jiff::Span::new().months(i32::from(months));
            prop_assert_eq!(window.range(date), (first.saturating_sub(span), first.yesterday().unwrap()));
        }

        /// The indexed search finds the alternative the plain search of the list finds, whatever
        /// the lists (repeats, all-of alternatives, empty ones) and whatever a person holds.
        #[test]
        fn first_met_is_the_first_alternative_met(
            alternatives in prop::collection::vec(prop::collection::vec(0u32..8, 0..4), 0..10),
            held in prop::collection::vec(0u32..10, 0..6),
            usable in prop::collection::vec(0u32..10, 0..6),
        ) {
            let alternatives: Vec<Vec<CredentialIdx>> =
                alternatives.into_iter().map(|alt| alt.into_iter().map(CredentialIdx).collect()).collect();
            let skills = Skills::new(1, alternatives);
            // Only held credentials can be usable.
            let usable: Vec<u32> = usable.into_iter().filter(|c| held.contains(c)).collect();
            let found = skills.first_met(held.iter().map(|c| CredentialIdx(*c)), |c| usable.contains(&c.0));
            prop_assert_eq!(found, linear(&skills, &usable));
        }

        /// The bit look-up gives the market the list gives, for codes in and out of the list and
        /// for texts that are not two capital letters.
        #[test]
        fn market_of_is_the_lists_answer(
            developed in prop::collection::vec("[A-Z]{2}|[a-zA-Z]{1,3}", 0..40),
            country in "[A-Z]{2}|[A-Za-z]{0,3}|\\PC{0,3}",
        ) {
            let rule = MarketRule::new(developed.clone(), None);
            let listed = if developed.contains(&country) { Market::Developed } else { Market::Emerging };
            prop_assert_eq!(rule.market_of(&country), listed);
            for code in &developed {
                prop_assert_eq!(rule.market_of(code), Market::Developed);
            }
        }
    }
}
