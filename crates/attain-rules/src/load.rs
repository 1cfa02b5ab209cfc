//! Reading rules files: TOML into raw shapes, then validated into the model.
//! Every error carries the file, line and column it is about.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::path::Path;

use jiff::civil::Date;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use toml::Spanned;

use crate::metric::*;
use crate::model::*;
use crate::money::{Decimal, Usd};
use crate::vocab::AssociationKind;

/// One problem in a rules file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path, self.line, self.column, self.message)
    }
}

/// Every problem found; rules load whole or not at all.
#[derive(Debug)]
pub struct RulesErrors(pub Vec<RulesError>);

impl fmt::Display for RulesErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RulesErrors {}

/// Collects errors against one file, turning byte spans into lines and columns.
struct Reporter<'a> {
    file: &'a SourceFile,
    errors: &'a mut Vec<RulesError>,
}

impl Reporter<'_> {
    fn at(&mut self, span: Range<usize>, message: impl Into<String>) {
        let before = &self.file.text[..span.start.min(self.file.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        self.errors.push(RulesError { path: self.file.path.clone(), line, column, message: message.into() });
    }

    fn parse<T: serde::de::DeserializeOwned>(&mut self) -> Option<T> {
        match toml::from_str(&self.file.text) {
            Ok(value) => Some(value),
            Err(e) => {
                self.at(e.span().unwrap_or(0..0), e.message().trim_end());
                None
            }
        }
    }
}

pub(crate) fn read_dir(dir: &Path) -> Result<Vec<SourceFile>, RulesErrors> {
    let fail = |path: &Path, message: String| {
        RulesErrors(vec![RulesError { path: path.display().to_string(), line: 0, column: 0, message }])
    };
    let mut sources = Vec::new();
    for sub in ["catalog", "programs", "l10n"] {
        let folder = dir.join(sub);
        if sub == "l10n" && !folder.exists() {
            continue;
        }
        let entries = std::fs::read_dir(&folder).map_err(|e| {
            fail(&folder, format!("cannot read the rules folder: {e} (expected {sub}/*.toml under --rules)"))
        })?;
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.retain(|p| p.extension().is_some_and(|e| e == "toml"));
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|e| fail(&path, format!("cannot read: {e}")))?;
            sources.push(SourceFile { path: path.display().to_string(), text });
        }
    }
    Ok(sources)
}

pub(crate) fn load(sources: Vec<SourceFile>) -> Result<Rules, RulesErrors> {
    let mut errors = Vec::new();
    let is_catalog = |s: &SourceFile| s.path.contains("catalog/");
    let (catalogs, rest): (Vec<_>, Vec<_>) = sources.into_iter().partition(is_catalog);
    let (l10n_files, rest): (Vec<_>, Vec<_>) = rest.into_iter().partition(|s| s.path.contains("l10n/"));
    let (case_files, program_files): (Vec<_>, Vec<_>) = rest.into_iter().partition(|s| s.path.ends_with(".cases.toml"));

    let mut catalog = Catalog::default();
    let raw_catalogs: Vec<_> = catalogs
        .iter()
        .filter_map(|file| Reporter { file, errors: &mut errors }.parse::<RawCatalog>().map(|raw| (file, raw)))
        .collect();
    // Ids first, so that `replaced_by` may point forward or into another file.
    for (file, raw) in &raw_catalogs {
        let mut report = Reporter { file, errors: &mut errors };
        for c in &raw.credential {
            let id = c.id.get_ref();
            if !id.split_once(':').is_some_and(|(kind, code)| !kind.is_empty() && !code.is_empty()) {
                report.at(c.id.span(), format!("credential id {id:?} must be namespaced, e.g. \"exam:70-532\""));
            } else if catalog.lookup(id).is_some() {
                report.at(c.id.span(), format!("credential {id:?} is defined twice"));
            } else {
                catalog.push(Credential {
                    id: id.clone(),
                    title: c.title.clone(),
                    url: c.url.clone(),
                    retires: c.retires.as_ref().and_then(|d| date(&mut report, d)),
                    registration_until: c.registration_until.as_ref().and_then(|d| date(&mut report, d)),
                    accepted_until: c.accepted_until.as_ref().and_then(|d| date(&mut report, d)),
                    replaced_by: None,
                });
            }
        }
    }
    for (file, raw) in &raw_catalogs {
        catalog.products.extend(raw.products.iter().cloned());
        let mut report = Reporter { file, errors: &mut errors };
        for c in &raw.credential {
            if let (Some(this), Some(by)) = (catalog.lookup(c.id.get_ref()), &c.replaced_by) {
                catalog.credentials[this.0 as usize].replaced_by = credential(&mut report, &catalog, by);
            }
        }
    }

    let mut programs: Vec<Program> = Vec::new();
    for file in &program_files {
        let mut report = Reporter { file, errors: &mut errors };
        let Some(raw) = report.parse::<RawProgram>() else {
            continue;
        };
        if let Some(program) = compile_program(&mut report, &catalog, raw) {
            if programs.iter().any(|p| p.id == program.id) {
                report.at(0..0, format!("program {:?} is defined in another file too", program.id));
            } else {
                programs.push(program);
            }
        }
    }
    programs.sort_by(|a, b| a.id.cmp(&b.id));
    let mut translations = HashMap::new();
    for file in &l10n_files {
        let mut report = Reporter { file, errors: &mut errors };
        let Some(translation) = report.parse::<Translation>() else { continue };
        for id in translation.credentials.keys() {
            if catalog.lookup(id).is_none() {
                report.at(0..0, format!("translates credential {id:?}, which is not in the catalog"));
            }
        }
        let locale = file.path.rsplit('/').next().unwrap_or_default().trim_end_matches(".toml").to_owned();
        translations.insert(locale, translation);
    }
    if errors.is_empty() {
        Ok(Rules { catalog, programs, case_files, translations })
    } else {
        Err(RulesErrors(errors))
    }
}

/// A draft version read from a file of its own: `program = "ID"` and one `[[versions]]` entry,
/// written as in the program's file (it may name the program's credential sets).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDraftFile {
    program: Spanned<String>,
    versions: Vec<RawVersion>,
}

/// Reads a draft file against `rules`: the version it holds, validated as the program's own are,
/// and marked a draft.
pub(crate) fn draft(rules: &Rules, file: &SourceFile) -> Result<(String, Version), RulesErrors> {
    let mut errors = Vec::new();
    let mut report = Reporter { file, errors: &mut errors };
    let found = report.parse::<RawDraftFile>().and_then(|raw| {
        let Some(program) = rules.program(raw.program.get_ref()) else {
            let known: Vec<&str> = rules.programs.iter().map(|p| p.id.as_str()).collect();
            report.at(
                raw.program.span(),
                format!("no program {:?}; known programs: {}", raw.program.get_ref(), known.join(", ")),
            );
            return None;
        };
        let span = raw.program.span();
        let Ok([version]) = <[RawVersion; 1]>::try_from(raw.versions) else {
            report.at(0..0, "a draft file holds one [[versions]] entry, beside `program = \"ID\"`");
            return None;
        };
        let level_ids: Vec<&str> = program.levels.iter().map(|l| l.id.as_str()).collect();
        let mut version = compile_version(&mut report, &rules.catalog, &program.credential_sets, &level_ids, version)?;
        version.draft = true;
        if version.by_metrics() != program.by_metrics() {
            report.at(
                span,
                format!("the draft states its levels in another form than program {}'s versions", program.id),
            );
            return None;
        }
        if program.version(&version.id).is_some() {
            report.at(
                span,
                format!(
                    "program {} has a version {:?} already: give the draft an id of its own",
                    program.id, version.id
                ),
            );
            return None;
        }
        Some((program.id.clone(), version))
    });
    match found {
        Some(found) if errors.is_empty() => Ok(found),
        _ => Err(RulesErrors(errors)),
    }
}

fn compile_program(report: &mut Reporter<'_>, catalog: &Catalog, raw: RawProgram) -> Option<Program> {
    let errors_before = report.errors.len();
    let mut seen = HashSet::new();
    for level in &raw.levels {
        if !seen.insert(level.id.get_ref().as_str()) {
            report.at(level.id.span(), format!("level {:?} is listed twice", level.id.get_ref()));
        }
    }
    if raw.levels.is_empty() || raw.levels.len() > usize::from(u8::MAX) {
        report.at(raw.id.span(), "a program needs between 1 and 255 levels, lowest first");
    }
    let no_markets = RawMarkets::default();
    for code in &raw.markets.as_ref().unwrap_or(&no_markets).developed {
        let c = code.get_ref();
        if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
            report.at(code.span(), format!("{c:?} is not an ISO 3166-1 alpha-2 country code"));
        }
    }
    let sets = credential_sets(report, catalog, &raw.credential_sets);
    let level_ids: Vec<&str> = raw.levels.iter().map(|l| l.id.get_ref().as_str()).collect();
    let mut versions = Vec::new();
    let mut drafts = Vec::new();
    let mut ids = HashSet::new();
    for v in raw.versions {
        if !ids.insert(v.id.clone()) {
            report.at(raw.id.span(), format!("version id {:?} is used twice", v.id));
        }
        if let Some(version) = compile_version(report, catalog, &sets, &level_ids, v) {
            if version.draft {
                drafts.push(version)
            } else {
                versions.push(version)
            }
        }
    }
    drafts.sort_by_key(|v: &Version| v.effective);
    if raw.markets.is_none() && versions.iter().any(|v| !v.by_metrics()) {
        report.at(raw.id.span(), "a program of the threshold form needs [markets] with its developed countries");
    }
    if raw.currency.as_ref().is_some_and(|c| c != "USD") {
        report.at(raw.id.span(), "currency: only USD is supported (amounts are converted to USD with fx_rates.csv)");
    }
    if versions.iter().any(Version::by_metrics) && !versions.iter().all(Version::by_metrics) {
        report.at(
            raw.id.span(),
            "every version of a program declares metrics, or none does: \
             write the threshold form's levels as metrics too",
        );
    }
    versions.sort_by_key(|v: &Version| v.effective);
    for pair in versions.windows(2) {
        if pair[0].effective == pair[1].effective {
            report.at(raw.id.span(), format!("versions {} and {} take effect on the same day", pair[0].id, pair[1].id));
        }
    }
    if versions.is_empty() && report.errors.len() == errors_before {
        report.at(raw.id.span(), "a program needs at least one [[versions]] entry that is not a draft");
    }
    let by_metrics = versions.iter().any(Version::by_metrics);
    if let Some(draft) = drafts.iter().find(|d| d.by_metrics() != by_metrics) {
        report.at(
            raw.id.span(),
            format!("draft {} states its levels in another form than the program's versions", draft.id),
        );
    }
    (report.errors.len() == errors_before).then(|| Program {
        id: raw.id.into_inner(),
        name: raw.name,
        description: raw.description.unwrap_or_default(),
        option_id: raw.option.id,
        option_name: raw.option.name,
        option_description: raw.option.description.unwrap_or_default(),
        product: raw.product.unwrap_or_default(),
        currency: raw.currency.unwrap_or_else(|| "USD".to_owned()),
        default: raw.default,
        associations_url: raw.associations_url,
        levels: raw.levels.into_iter().map(|l| LevelDef { id: l.id.into_inner(), name: l.name }).collect(),
        markets: {
            let markets = raw.markets.unwrap_or_default();
            MarketRule::new(markets.developed.into_iter().map(Spanned::into_inner).collect(), markets.source)
        },
        versions,
        drafts,
        credential_sets: sets,
    })
}

/// The most points a metric, a rate or a score total may state: far below any overflow of sums.
const MAX_POINTS: i64 = 1_000_000_000;

/// Named lists of credentials, each id checked against the catalog.
type CredentialSets = BTreeMap<String, Vec<CredentialIdx>>;

fn credential_sets(
    report: &mut Reporter<'_>,
    catalog: &Catalog,
    raw: &BTreeMap<String, Vec<Spanned<String>>>,
) -> CredentialSets {
    let mut sets = CredentialSets::new();
    for (name, ids) in raw {
        if name.contains(':') {
            let span = ids.first().map_or(0..0, |id| id.span());
            report.at(span, format!("credential set name {name:?} may not hold a colon (ids do)"));
        }
        let listed = ids.iter().filter_map(|id| credential(report, catalog, id)).collect();
        sets.insert(name.clone(), listed);
    }
    sets
}

/// Credential ids and set names, resolved to credentials in listed order, without repeats.
fn credential_list(
    report: &mut Reporter<'_>,
    catalog: &Catalog,
    sets: &CredentialSets,
    names: &[Spanned<String>],
) -> Vec<CredentialIdx> {
    let mut list = Vec::new();
    for name in names {
        let found = if name.get_ref().contains(':') {
            credential(report, catalog, name).map(|c| vec![c])
        } else {
            let set = sets.get(name.get_ref()).cloned();
            if set.is_none() {
                let known: Vec<&str> = sets.keys().map(String::as_str).collect();
                report.at(
                    name.span(),
                    format!(
                        "{:?} is neither a credential id (kind:code) nor a credential set of the program (known: {})",
                        name.get_ref(),
                        if known.is_empty() { "none".to_owned() } else { known.join(", ") }
                    ),
                );
            }
            set
        };
        for c in found.into_iter().flatten() {
            if !list.contains(&c) {
                list.push(c);
            }
        }
    }
    list
}

fn compile_version(
    report: &mut Reporter<'_>,
    catalog: &Catalog,
    sets: &CredentialSets,
    level_ids: &[&str],
    raw: RawVersion,
) -> Option<Version> {
    let errors_before = report.errors.len();
    let effective = date(report, &raw.effective);
    let months = *raw.window.months.get_ref();
    if !(1..=120).contains(&months) {
        report.at(raw.window.months.span(), format!("window months must be 1 to 120, found {months}"));
    }
    let align = match raw.window.align.get_ref().as_str() {
        "month" => Some(Align::Month),
        "day" => Some(Align::Day),
        other => {
            report.at(raw.window.align.span(), format!("window align must be \"month\" or \"day\", found {other:?}"));
            None
        }
    };
    let mut counting_kinds = 0u8;
    for kind in &raw.counting_associations {
        match kind.get_ref().parse::<AssociationKind>() {
            Ok(k) => counting_kinds |= k.bit(),
            Err(message) => report.at(kind.span(), message),
        }
    }
    for id in raw.levels.get_ref().keys() {
        if !level_ids.contains(&id.as_str()) {
            report.at(
                raw.levels.span(),
                format!("version {} names level {id:?}, which the program does not list", raw.id),
            );
        }
    }
    let metrics: Vec<Metric> = raw.metrics.iter().filter_map(|m| compile_metric(report, catalog, sets, m)).collect();
    for (i, m) in metrics.iter().enumerate() {
        if metrics[..i].iter().any(|earlier| earlier.id == m.id) {
            report.at(raw.metrics[i].id.span(), format!("metric {:?} is declared twice", m.id));
        }
    }
    if !raw.metrics.is_empty() && align != Some(Align::Month) {
        report.at(raw.window.align.span(), "metrics are measured in calendar months: use align = \"month\"");
    }
    if raw.metrics.is_empty() {
        if let Some((column, _)) = raw.exclude_rows.iter().next() {
            report.at(column.span(), "exclude_rows applies to metrics: declare [[versions.metrics]] to use it");
        }
    }
    let exclude_rows = raw
        .exclude_rows
        .iter()
        .filter_map(|(column, values)| {
            let found = RowColumn::ALL.into_iter().find(|c| c.as_str() == column.get_ref());
            if found.is_none() {
                report.at(
                    column.span(),
                    format!("exclude_rows names column {:?}: expected service or offer", column.get_ref()),
                );
            }
            Some(RowExclusion { column: found?, values: values.clone() })
        })
        .collect();
    let mut levels = Vec::new();
    let mut metric_levels = Vec::new();
    for &level in level_ids {
        let Some(req) = raw.levels.get_ref().get(level) else {
            report.at(raw.levels.span(), format!("version {} has no requirements for level {:?}", raw.id, level));
            continue;
        };
        if raw.metrics.is_empty() {
            if req.score.is_some() || !req.at_least.is_empty() {
                report.at(
                    raw.levels.span(),
                    format!("level {:?} states `score` or `at_least`, which need [[versions.metrics]]", level),
                );
            }
            if req.threshold_usd.is_none() && req.individuals.is_none() {
                report.at(
                    raw.levels.span(),
                    format!("level {:?} requires nothing: give threshold_usd, individuals or both", level),
                );
            }
            levels.push(compile_level(report, catalog, req));
        } else {
            levels.push(LevelRequirements { performance: None, skills: None });
            metric_levels.push(compile_metric_level(report, &metrics, req, raw.levels.span()));
        }
    }
    (report.errors.len() == errors_before).then(|| Version {
        id: raw.id,
        draft: raw.draft,
        effective: effective.expect("no errors"),
        source: raw.source,
        window: Window { months: months as i8, align: align.expect("no errors") },
        counting_kinds,
        same_credentials: Version::same_credentials(&levels),
        levels,
        metrics,
        metric_levels,
        exclude_rows,
    })
}

fn compile_metric(
    report: &mut Reporter<'_>,
    catalog: &Catalog,
    sets: &CredentialSets,
    raw: &RawMetric,
) -> Option<Metric> {
    let errors_before = report.errors.len();
    let id = raw.id.get_ref();
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
        report.at(raw.id.span(), format!("metric id {id:?} must be lower-case letters, digits and _"));
    }
    // Decisions and snapshots write these beside the metrics.
    const RESERVED: [&str; 9] =
        ["partner_id", "level", "version", "as_of", "drops_on", "score", "points", "name", "country"];
    if RESERVED.contains(&id.as_str()) {
        report.at(raw.id.span(), format!("metric id {id:?} is reserved for the decision's own fields"));
    }
    let measure = compile_measure(report, catalog, sets, &raw.measure);
    let points = raw.points.as_ref().map(|p| {
        let every = match &p.every {
            // One unit of the metric: for money, one unit of the program's currency.
            None if measure.as_ref().map(Measure::unit) == Some(Unit::Currency) => Usd::ONE.micros(),
            None => 1,
            Some(every) => match measure.as_ref().map(Measure::unit) {
                Some(Unit::Currency) => amount(report, every, "points every").micros(),
                _ => integer(report, every, "points every"),
            },
        };
        if every <= 0 {
            report.at(raw.id.span(), "points `every` must be above zero");
        }
        if !(0..=MAX_POINTS).contains(&p.max) || !(0..=MAX_POINTS).contains(&p.per) {
            report.at(raw.id.span(), format!("points `per` and `max` must be 0 to {MAX_POINTS}"));
        }
        PointsRule { per: p.per, every: every.max(1), max: p.max }
    });
    (report.errors.len() == errors_before).then(|| Metric {
        id: id.clone(),
        name: raw.name.clone().unwrap_or_else(|| id.replace('_', " ")),
        category: raw.category.clone(),
        measure: measure.expect("no errors"),
        points,
    })
}

fn compile_measure(
    report: &mut Reporter<'_>,
    catalog: &Catalog,
    sets: &CredentialSets,
    raw: &Spanned<RawMeasure>,
) -> Option<Measure> {
    let span = raw.span();
    let m = raw.get_ref();
    let kind = m.kind.as_str();
    let allowed: &[&str] = match kind {
        "consumption" => &["months"],
        "customers" => &["months", "at_least"],
        "distinct" => &["months", "column", "except"],
        "people" => &["any_of", "all_of", "prerequisite"],
        "latest" => &["measure"],
        other => {
            report.at(
                span,
                format!("unknown measure kind {other:?}: expected consumption, customers, distinct, people or latest"),
            );
            return None;
        }
    };
    let given = [
        ("months", m.months.is_some()),
        ("at_least", m.at_least.is_some()),
        ("column", m.column.is_some()),
        ("except", m.except.is_some()),
        ("any_of", m.any_of.is_some()),
        ("all_of", m.all_of.is_some()),
        ("prerequisite", m.prerequisite.is_some()),
        ("measure", m.measure.is_some()),
    ];
    for (key, present) in given {
        if present && !allowed.contains(&key) {
            report.at(span.clone(), format!("a {kind} measure takes no `{key}` (it takes {})", allowed.join(", ")));
        }
    }
    if m.change.is_some() && m.growth.is_some() {
        report.at(span.clone(), "a measure is a change or a growth, not both");
    }
    let months = |report: &mut Reporter<'_>| months_in_range(report, span.clone(), m.months.unwrap_or(1));
    let base = match kind {
        "consumption" => Measure::Consumption { months: months(report) },
        "customers" => {
            let months = months(report);
            let Some(at_least) = &m.at_least else {
                report.at(span, "a customers measure needs `at_least`, the least consumption of a month that counts");
                return None;
            };
            Measure::Customers { at_least: amount(report, at_least, "at_least"), months }
        }
        "distinct" => {
            let months = months(report);
            let column = match m.column.as_deref() {
                Some(name) => RowColumn::ALL.into_iter().find(|c| c.as_str() == name),
                None => None,
            };
            let Some(column) = column else {
                report.at(span, "a distinct measure needs `column`: service or offer");
                return None;
            };
            Measure::Distinct { column, months, except: m.except.clone().unwrap_or_default() }
        }
        "latest" => match &m.measure {
            Some(measure) if !measure.is_empty() => Measure::Latest { measure: measure.clone() },
            _ => {
                report.at(span, "a latest measure needs `measure`: the name reported in measures.csv");
                return None;
            }
        },
        _ => {
            let any_of = credential_list(report, catalog, sets, m.any_of.as_deref().unwrap_or_default());
            let all_of = credential_list(report, catalog, sets, m.all_of.as_deref().unwrap_or_default());
            if any_of.is_empty() == all_of.is_empty() {
                report.at(
                    span.clone(),
                    "a people measure needs `any_of` or `all_of` (not both): credential ids or credential set names",
                );
            }
            let prerequisite = m
                .prerequisite
                .as_ref()
                .map(|p| Prerequisite { people: p.people, any_of: credential_list(report, catalog, sets, &p.any_of) });
            if prerequisite.as_ref().is_some_and(|p| p.any_of.is_empty()) {
                report.at(span.clone(), "a prerequisite needs `any_of`: credential ids or credential set names");
            }
            Measure::People { any_of, all_of, prerequisite }
        }
    };
    Some(match (&m.change, &m.growth) {
        (Some(change), _) => {
            Measure::Change { of: Box::new(base), months: months_in_range(report, span, change.months) }
        }
        (None, Some(growth)) => {
            let from_at_least = match (&growth.from_at_least, base.unit()) {
                (None, _) => 0,
                (Some(raw), Unit::Currency) => amount(report, raw, "from_at_least").micros(),
                (Some(raw), _) => integer(report, raw, "from_at_least"),
            };
            Measure::Growth { of: Box::new(base), months: months_in_range(report, span, growth.months), from_at_least }
        }
        (None, None) => base,
    })
}

fn compile_metric_level(
    report: &mut Reporter<'_>,
    metrics: &[Metric],
    raw: &RawLevelRequirements,
    span: Range<usize>,
) -> MetricLevel {
    if raw.threshold_usd.is_some() || raw.individuals.is_some() || raw.credentials.is_some() {
        report.at(
            span.clone(),
            "a version that declares metrics states its levels with `score` and `at_least`, \
             not threshold_usd, individuals or credentials",
        );
    }
    let mut level = MetricLevel::default();
    for (id, value) in &raw.at_least {
        let Some(at) = metrics.iter().position(|m| &m.id == id.get_ref()) else {
            report
                .at(id.span(), format!("at_least names metric {:?}, which the version does not declare", id.get_ref()));
            continue;
        };
        let read = |report: &mut Reporter<'_>, raw: &RawAmount| match metrics[at].unit() {
            Unit::Currency => amount_at(report, raw, id.span(), "threshold").micros(),
            _ => integer_at(report, raw, id.span(), "threshold"),
        };
        let amounts = match value {
            RawMarketAmount::Same(v) => {
                let v = read(report, v);
                MarketAmounts { developed: v, emerging: v }
            }
            RawMarketAmount::PerMarket { developed, emerging } => {
                MarketAmounts { developed: read(report, developed), emerging: read(report, emerging) }
            }
        };
        level.at_least.push((at, amounts));
    }
    if let Some(score) = &raw.score {
        if !metrics.iter().any(|m| m.points.is_some()) {
            report.at(span.clone(), "a score requirement needs metrics with `points`");
        }
        if !(0..=MAX_POINTS).contains(&score.total) {
            report.at(span.clone(), format!("a score total must be 0 to {MAX_POINTS}"));
        }
        level.score = Some(ScoreRule { total: score.total, each_at_least: score.each_metric_at_least.unwrap_or(0) });
    }
    if level.at_least.is_empty() && level.score.is_none() {
        report.at(span, "a level needs `score` or `at_least` (or both) in a version that declares metrics");
    }
    level
}

fn months_in_range(report: &mut Reporter<'_>, span: Range<usize>, months: i64) -> u8 {
    if !(1..=120).contains(&months) {
        report.at(span, format!("months must be 1 to 120, found {months}"));
    }
    months.clamp(1, 120) as u8
}

/// A whole, non-negative number written as an integer or a string of digits.
fn integer(report: &mut Reporter<'_>, raw: &Spanned<RawAmount>, what: &str) -> i128 {
    integer_at(report, raw.get_ref(), raw.span(), what)
}

fn integer_at(report: &mut Reporter<'_>, raw: &RawAmount, span: Range<usize>, what: &str) -> i128 {
    let parsed = match raw {
        RawAmount::Integer(i) => Some(i128::from(*i)),
        RawAmount::Text(t) => t.parse::<i128>().ok(),
    };
    match parsed {
        Some(v) if v >= 0 => v,
        _ => {
            report.at(span, format!("{what} must be a whole number, not negative"));
            0
        }
    }
}

fn compile_level(report: &mut Reporter<'_>, catalog: &Catalog, raw: &RawLevelRequirements) -> LevelRequirements {
    let performance = raw.threshold_usd.as_ref().map(|t| Performance {
        developed: amount(report, &t.developed, "threshold"),
        emerging: amount(report, &t.emerging, "threshold"),
    });
    let skills = match (&raw.individuals, &raw.credentials) {
        (Some(individuals), Some(credentials)) => {
            let alternatives = credentials
                .iter()
                .map(|alt| {
                    let ids = match alt.get_ref() {
                        RawAlternative::One(id) => vec![id.as_str()],
                        RawAlternative::AllOf(ids) => ids.iter().map(String::as_str).collect(),
                    };
                    if ids.is_empty() {
                        report.at(alt.span(), "an all-of alternative needs at least one credential");
                    }
                    ids.into_iter()
                        .filter_map(|id| {
                            let found = catalog.lookup(id);
                            if found.is_none() {
                                report.at(alt.span(), format!("credential {id:?} is not in the catalog"));
                            }
                            found
                        })
                        .collect()
                })
                .collect();
            Some(Skills::new(*individuals, alternatives))
        }
        (None, None) => None,
        _ => {
            report.at(0..0, "a level's skills requirement needs both `individuals` and `credentials`");
            None
        }
    };
    LevelRequirements { performance, skills }
}

fn amount(report: &mut Reporter<'_>, raw: &Spanned<RawAmount>, what: &str) -> Usd {
    amount_at(report, raw.get_ref(), raw.span(), what)
}

fn amount_at(report: &mut Reporter<'_>, raw: &RawAmount, span: Range<usize>, what: &str) -> Usd {
    let text = match raw {
        RawAmount::Text(t) => t.clone(),
        RawAmount::Integer(i) => i.to_string(),
    };
    match Decimal::parse(&text).map(Decimal::to_micros) {
        Ok(Some(micros)) if micros >= 0 => Usd(micros),
        Ok(_) => {
            report.at(span.clone(), format!("{what} {text:?} must be a non-negative amount"));
            Usd::ZERO
        }
        Err(e) => {
            report.at(span.clone(), format!("{what} {text:?}: {e}"));
            Usd::ZERO
        }
    }
}

fn date(report: &mut Reporter<'_>, raw: &Spanned<toml::value::Datetime>) -> Option<Date> {
    let value = raw.get_ref();
    let parsed = match (value.date, value.time, value.offset) {
        (Some(d), None, None) => Date::new(d.year as i16, d.month as i8, d.day as i8).ok(),
        _ => None,
    };
    if parsed.is_none() {
        report.at(raw.span(), format!("expected a plain date such as 2017-07-07, found {value}"));
    }
    parsed
}

fn credential(report: &mut Reporter<'_>, catalog: &Catalog, id: &Spanned<String>) -> Option<CredentialIdx> {
    let found = catalog.lookup(id.get_ref());
    if found.is_none() {
        report.at(id.span(), format!("credential {:?} is not in the catalog", id.get_ref()));
    }
    found
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    #[serde(default)]
    credential: Vec<RawCredential>,
    #[serde(default)]
    products: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCredential {
    id: Spanned<String>,
    title: String,
    url: Option<String>,
    retires: Option<Spanned<toml::value::Datetime>>,
    registration_until: Option<Spanned<toml::value::Datetime>>,
    accepted_until: Option<Spanned<toml::value::Datetime>>,
    replaced_by: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgram {
    id: Spanned<String>,
    name: String,
    description: Option<String>,
    product: Option<String>,
    associations_url: Option<String>,
    /// The ISO 4217 code of the program's money (thresholds, consumption); USD unless given.
    currency: Option<String>,
    /// The program commands decide when none is named.
    #[serde(default)]
    default: bool,
    option: RawOption,
    levels: Vec<RawLevelDef>,
    markets: Option<RawMarkets>,
    #[serde(default)]
    credential_sets: BTreeMap<String, Vec<Spanned<String>>>,
    #[serde(default)]
    versions: Vec<RawVersion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    id: String,
    name: String,
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevelDef {
    id: Spanned<String>,
    name: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawMarkets {
    developed: Vec<Spanned<String>>,
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVersion {
    id: String,
    /// Not in force, whatever its date: weighed against the versions that are (`attain compare`).
    #[serde(default)]
    draft: bool,
    effective: Spanned<toml::value::Datetime>,
    source: Option<String>,
    window: RawWindow,
    counting_associations: Vec<Spanned<String>>,
    #[serde(default)]
    exclude_rows: BTreeMap<Spanned<String>, Vec<String>>,
    #[serde(default)]
    metrics: Vec<RawMetric>,
    levels: Spanned<BTreeMap<String, RawLevelRequirements>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetric {
    id: Spanned<String>,
    name: Option<String>,
    category: Option<String>,
    measure: Spanned<RawMeasure>,
    points: Option<RawPoints>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeasure {
    kind: String,
    months: Option<i64>,
    at_least: Option<Spanned<RawAmount>>,
    column: Option<String>,
    except: Option<Vec<String>>,
    any_of: Option<Vec<Spanned<String>>>,
    all_of: Option<Vec<Spanned<String>>>,
    prerequisite: Option<RawPrerequisite>,
    measure: Option<String>,
    change: Option<RawChange>,
    growth: Option<RawGrowth>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrerequisite {
    people: u32,
    any_of: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChange {
    months: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrowth {
    months: i64,
    from_at_least: Option<Spanned<RawAmount>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPoints {
    per: i64,
    every: Option<Spanned<RawAmount>>,
    max: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScore {
    total: i64,
    each_metric_at_least: Option<i64>,
}

/// A least value for all markets, or one per market.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawMarketAmount {
    PerMarket { developed: RawAmount, emerging: RawAmount },
    Same(RawAmount),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWindow {
    months: Spanned<i64>,
    align: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevelRequirements {
    threshold_usd: Option<RawThresholds>,
    individuals: Option<u32>,
    credentials: Option<Vec<Spanned<RawAlternative>>>,
    score: Option<RawScore>,
    #[serde(default)]
    at_least: BTreeMap<Spanned<String>, RawMarketAmount>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawThresholds {
    developed: Spanned<RawAmount>,
    emerging: Spanned<RawAmount>,
}

/// An amount written as a TOML integer (`15000`) or a decimal string (`"15000.50"`);
/// TOML floats are refused, since they are binary.
enum RawAmount {
    Text(String),
    Integer(i64),
}

impl<'de> Deserialize<'de> for RawAmount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawAmount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an integer or a decimal string such as \"15000.50\" (not a float)")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawAmount, E> {
                Ok(RawAmount::Integer(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAmount, E> {
                Ok(RawAmount::Text(v.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}

/// One way to qualify: a single credential id, or an array of ids all required.
enum RawAlternative {
    One(String),
    AllOf(Vec<String>),
}

impl<'de> Deserialize<'de> for RawAlternative {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawAlternative;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a credential id, or an array of credential ids that are all required")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAlternative, E> {
                Ok(RawAlternative::One(v.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawAlternative, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(RawAlternative::AllOf(ids))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_texts(files: &[(&str, &str)]) -> Result<Rules, RulesErrors> {
        load(files.iter().map(|(p, t)| SourceFile { path: (*p).into(), text: (*t).into() }).collect())
    }

    const CATALOG: &str = "[[credential]]\nid = \"exam:1\"\ntitle = \"One\"\n";

    fn program(levels_block: &str) -> String {
        format!(
            "id = \"p\"\nname = \"P\"\noption = {{ id = \"o\", name = \"O\" }}\nlevels = [{{ id = \"silver\", name = \"Silver\" }}]\n\
             markets = {{ developed = [\"US\"] }}\n\n[[versions]]\nid = \"v1\"\neffective = 2020-01-01\n\
             window = {{ months = 12, align = \"month\" }}\ncounting_associations = [\"DPOR\"]\n{levels_block}"
        )
    }

    #[test]
    fn a_valid_program_loads() {
        let text = program("[versions.levels.silver]\nthreshold_usd = { developed = 10, emerging = \"5.5\" }\nindividuals = 1\ncredentials = [\"exam:1\"]\n");
        let rules = load_texts(&[("catalog/c.toml", CATALOG), ("programs/p.toml", &text)]).unwrap();
        let p = rules.program("p").unwrap();
        assert_eq!(p.versions[0].levels[0].performance.as_ref().unwrap().emerging, Usd(5_500_000));
    }

    #[test]
    fn drafts_are_never_in_force_and_are_checked_as_versions_are() {
        let level = "[versions.levels.silver]\nthreshold_usd = { developed = 10, emerging = 5 }\n";
        let draft = "\n[[versions]]\nid = \"higher\"\ndraft = true\neffective = 2020-06-01\n\
             window = { months = 12, align = \"month\" }\ncounting_associations = [\"DPOR\"]\n\
             [versions.levels.silver]\nthreshold_usd = { developed = 20, emerging = 5 }\n";
        let text = program(level) + draft;
        let rules = load_texts(&[("catalog/c.toml", CATALOG), ("programs/p.toml", &text)]).unwrap();
        let p = rules.program("p").unwrap();
        assert_eq!((p.versions.len(), p.drafts.len()), (1, 1));
        let on = Date::constant(2021, 1, 1);
        assert_eq!(p.version_on(on).unwrap().id, "v1", "a draft is not in force, whatever its date");
        assert!(p.draft("higher").unwrap().draft);

        // With the draft in force from a date: the versions before it, then the draft alone.
        let what_if = p.with_draft(p.draft("higher").unwrap(), Date::constant(2020, 3, 1));
        assert_eq!(what_if.version_on(on).unwrap().id, "higher");
        assert_eq!(what_if.version_on(Date::constant(2020, 2, 1)).unwrap().id, "v1");
        assert_eq!(what_if.version_on(on).unwrap().effective, Date::constant(2020, 3, 1));
        let before_all = p.with_draft(p.draft("higher").unwrap(), Date::constant(2019, 1, 1));
        assert_eq!(before_all.versions.len(), 1, "versions from the draft's date on are left out");

        // A draft's mistakes are located as a version's; ids are the program's own.
        let bad = text.replace("developed = 20", "developed = \"x\"");
        let errors = load_texts(&[("catalog/c.toml", CATALOG), ("programs/p.toml", &bad)]).unwrap_err();
        assert!(errors.to_string().starts_with("programs/p.toml:22:31: threshold \"x\""), "{errors}");
        let twice = text.replace("\"higher\"", "\"v1\"");
        let errors = load_texts(&[("catalog/c.toml", CATALOG), ("programs/p.toml", &twice)]).unwrap_err();
        assert!(errors.to_string().contains("version id \"v1\" is used twice"), "{errors}");
        let only_drafts = text.replacen("[[versions]]\nid = \"v1\"", "[[versions]]\nid = \"v1\"\ndraft = true", 1);
        let errors = load_texts(&[("catalog/c.toml", CATALOG), ("programs/p.toml", &only_drafts)]).unwrap_err();
        assert!(errors.to_string().contains("at least one [[versions]] entry that is not a draft"), "{errors}");

        // A draft from a file of its own.
        let file = format!("program = \"p\"\n{draft}");
        let (program, version) = rules.draft("d.toml", &file).unwrap();
        assert_eq!((program.as_str(), version.id.as_str(), version.draft), ("p", "higher", true));
        let errors = rules.draft("d.toml", &file.replace("program = \"p\"", "program = \"q\"")).unwrap_err();
        assert_eq!(errors.to_string(), "d.toml:1:11: no program \"q\"; known programs: p");
        let errors = rules
            .draft(
                "d.toml",
                &file.replace("emerging = 5 }", "emerging = 5 }\nindividuals = 1\ncredentials = [\"exam:2\"]"),
            )
            .unwrap_err();
        assert!(errors.to_string().starts_with("d.toml:12:16:"), "{errors}");
    }

    /// A program of the metric form around `metrics` and `level` (TOML of one metric entry and
    /// the level's table body).
    fn metric_program(metric: &str, level: &str) -> String {
        format!(
            "id = \"m\"\nname = \"M\"\noption = {{ id = \"o\", name = \"O\" }}\nlevels = [{{ id = \"top\", name = \"Top\" }}]\n\n\
             [[versions]]\nid = \"v1\"\neffective = 2020-01-01\nwindow = {{ months = 12, align = \"month\" }}\n\
             counting_associations = [\"CSP\"]\n\n[[versions.metrics]]\n{metric}\n\n[versions.levels.top]\n{level}\n"
        )
    }

    #[test]
    fn the_metric_form_loads_and_its_mistakes_are_located() {
        let load_one = |text: &str| load_texts(&[("catalog/c.toml", CATALOG), ("programs/m.toml", text)]);
        let good = metric_program(
            "id = \"spend\"\nmeasure = { kind = \"consumption\", months = 12 }\npoints = { per = 1, max = 20 }",
            "score = { total = 10 }",
        );
        let rules = load_one(&good).unwrap();
        let metric = &rules.program("m").unwrap().versions[0].metrics[0];
        // Money steps by one unit of the currency unless `every` says otherwise.
        assert_eq!(metric.points.unwrap().every, 1_000_000);

        let cases = [
            (good.replace("\"spend\"", "\"score\""), "reserved"),
            (good.replace("kind = \"consumption\"", "kind = \"sum\""), "unknown measure kind \"sum\""),
            (good.replace("score = { total = 10 }", "at_least = { nothing = 1 }"), "names metric \"nothing\""),
            (
                good.replace("score = { total = 10 }", "individuals = 1\ncredentials = [\"exam:1\"]"),
                "states its levels with",
            ),
            (good.replace("per = 1,", "per = -1,"), "must be 0 to"),
            (good.replace("id = \"m\"", "id = \"m\"\ncurrency = \"EUR\""), "only USD"),
        ];
        for (text, expected) in cases {
            let err = load_one(&text).unwrap_err().to_string();
            assert!(err.contains(expected), "expected {expected:?} in {err}");
            assert!(err.starts_with("programs/m.toml:") && !err.starts_with("programs/m.toml:0:"), "{err}");
        }
        // The threshold form refuses the metric form's keys and a level that requires nothing.
        let text = program("[versions.levels.silver]\nscore = { total = 1 }\n");
        let err = load_texts(&[("catalog/c.toml", CATALOG), ("programs/p.toml", &text)]).unwrap_err().to_string();
        assert!(err.contains("need [[versions.metrics]]") && err.contains("requires nothing"), "{err}");
        let text = program("[versions.levels.silver]\nindividuals = 1\ncredentials = [\"exam:1\"]\n")
            .replace("markets = { developed = [\"US\"] }\n", "");
        let err = load_texts(&[("catalog/c.toml", CATALOG), ("programs/p.toml", &text)]).unwrap_err().to_string();
        assert!(err.contains("needs [markets]"), "{err}");
    }

    #[test]
    fn errors_name_file_line_and_reason() {
        let text = program("[versions.levels.silver]\nthreshold_usd = { developed = 10, emerging = 5 }\nindividuals = 1\ncredentials = [\"exam:2\"]\n");
        let err = load_texts(&[("catalog/c.toml", CATALOG), ("programs/p.toml", &text)]).unwrap_err();
        assert_eq!(err.to_string(), "programs/p.toml:15:16: credential \"exam:2\" is not in the catalog");

        let text = program("[versions.levels.silver]\nthreshold_usd = { developed = 1.5, emerging = 5 }\n");
        let err = load_texts(&[("catalog/c.toml", CATALOG), ("programs/p.toml", &text)]).unwrap_err();
        assert!(err.to_string().starts_with("programs/p.toml:13:31: "), "{err}");
        assert!(err.to_string().contains("not a float"), "{err}");

        let text = program("[versions.levels.gold]\nindividuals = 1\ncredentials = [\"exam:1\"]\n");
        let err = load_texts(&[("catalog/c.toml", CATALOG), ("programs/p.toml", &text)]).unwrap_err();
        assert!(err.to_string().contains("names level \"gold\", which the program does not list"), "{err}");

        let err =
            load_texts(&[("catalog/c.toml", "[[credential]]\nid = \"exam:1\"\ntitle = \"One\"\nretires = \"2017\"\n")])
                .unwrap_err();
        assert!(err.to_string().starts_with("catalog/c.toml:4:11: "), "{err}");
    }
}
