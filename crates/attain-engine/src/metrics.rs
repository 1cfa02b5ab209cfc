//! Deciding programs whose versions declare metrics (see `attain_rules::metric`): each metric
//! measured from a partner's credited consumption and people, turned into points, and levels
//! met by score or by thresholds. Nothing here knows any program: only the measures the rules
//! may declare.
//!
//! Consumption measures are taken as of month X, the last complete month before the date
//! decided; people measures on the date itself. `drops_on` follows SPEC section 4.8: the facts
//! as recorded, but only consumption and achievements dated on or before the decision's date.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use attain_rules::{
    AssociationKind, Catalog, CredentialIdx, LevelIdx, Market, Measure, Metric, Program, RowColumn, Rules, Unit, Usd,
    Version,
};
use jiff::civil::Date;
use jiff::ToSpan;
use serde::Serialize;

use crate::facts::affiliated;
use crate::{
    month_date, month_number, version_in_force, CreditGroup, CreditTable, EngineError, Facts, Label, WindowRange,
};

/// A metric's value: money (exact, in micro-units of the program's currency) or a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    Money(Usd),
    Whole(i128),
}

impl Amount {
    pub(crate) fn of(unit: Unit, value: i128) -> Amount {
        match unit {
            Unit::Currency => Amount::Money(Usd(value)),
            Unit::Count | Unit::Percent => Amount::Whole(value),
        }
    }

    pub fn raw(self) -> i128 {
        match self {
            Amount::Money(usd) => usd.micros(),
            Amount::Whole(n) => n,
        }
    }
}

/// Money as the decisions write it (a string with two decimals), whole numbers as numbers.
impl Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Amount::Money(usd) => s.serialize_str(&usd.to_plain_string()),
            Amount::Whole(n) => match i64::try_from(*n) {
                Ok(n) => s.serialize_i64(n),
                Err(_) => s.serialize_str(&n.to_string()),
            },
        }
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Amount {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        let text = |pattern, description| {
            ObjectBuilder::new().schema_type(Type::String).pattern(Some(pattern)).description(Some(description))
        };
        OneOfBuilder::new()
            .item(text(r"^-?[0-9]+\.[0-9]{2}$", "money, two decimals (cents rounded half to even)"))
            .item(ObjectBuilder::new().schema_type(Type::Integer).description(Some("a count or a percentage")))
            .item(text(r"^-?[0-9]+$", "a count or a percentage beyond 64 bits, as its digits"))
            .into()
    }
}
#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Amount {}

/// Every partner's decision under a program that declares metrics.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MetricEvaluation {
    pub program: String,
    pub version: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub as_of: Date,
    pub window: WindowRange,
    pub partners: Vec<MetricDecision>,
}

impl MetricEvaluation {
    /// How many partners are at each level of `program`, highest first, then at none.
    pub fn partners_per_level<'p>(&self, program: &'p Program) -> Vec<(&'p str, usize)> {
        let ids = program.levels.iter().rev().map(|l| l.id.as_str()).chain([program.level_id(None)]);
        ids.map(|id| (id, self.partners.iter().filter(|d| d.level == id).count())).collect()
    }
}

/// One partner's decision: the level, the score and each metric's points, then the detail.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MetricDecision {
    pub partner_id: String,
    pub level: String,
    /// The sum of every scored metric's points; absent where no metric scores.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub score: Option<i64>,
    /// Each scored metric's points, by metric id, in the order the rules declare them.
    #[serde(skip_serializing_if = "Points::is_empty")]
    pub points: Points,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date, required = true))]
    pub drops_on: Option<Date>,
    pub name: String,
    pub country: String,
    /// Present where the program's thresholds depend on the market.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub market: Option<Market>,
    pub metrics: Vec<MetricValue>,
    pub levels: Vec<MetricLevelStatus>,
}

/// Metric id → points, kept in declared order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Points(pub Vec<(String, i64)>);

impl Points {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<i64> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, v)| *v)
    }
}

impl Serialize for Points {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (id, points) in &self.0 {
            map.serialize_entry(id, points)?;
        }
        map.end()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Points {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .additional_properties(Some(AdditionalProperties::RefOr(
                ObjectBuilder::new().schema_type(Type::Integer).into(),
            )))
            .description(Some("points by metric id"))
            .into()
    }
}
#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Points {}

/// A metric's value on the date decided, with the points it earns.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MetricValue {
    pub metric: String,
    pub unit: Unit,
    pub value: Amount,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub points: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub max_points: Option<i64>,
}

/// Where a partner stands against one level.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MetricLevelStatus {
    pub level: String,
    pub met: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub score_required: Option<i64>,
    /// Points still missing from the total.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub score_gap: Option<i64>,
    /// Scored metrics below the least points each must have.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub metrics_below_minimum: Vec<String>,
    /// Thresholds on metric values, with what is missing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub thresholds: Vec<ThresholdStatus>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThresholdStatus {
    pub metric: String,
    pub required: Amount,
    pub value: Amount,
    pub gap: Amount,
}

/// The evidence behind one metric of one partner's decision.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MetricEvidence {
    pub metric: String,
    pub unit: Unit,
    pub value: Amount,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub points: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub max_points: Option<i64>,
    /// For a change or a growth: the measure now (month X) and then (the earlier month).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub current: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub earlier: Option<Amount>,
    /// The months the measure reads, now: first and last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub span: Option<WindowRange>,
    /// What is counted now: customer ids, column values or person ids, with their amounts
    /// where the measure sums consumption.
    pub counted: Vec<Counted>,
    /// What was looked at but does not count, and why.
    pub not_counted: Vec<Counted>,
    /// A prerequisite of a people measure: how many must hold it, how many do.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub prerequisite: Option<PrerequisiteStatus>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Counted {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub amount: Option<Amount>,
    /// Credentials through which a person counts, or the reason something does not.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub because: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrerequisiteStatus {
    pub people_required: u32,
    pub people: u32,
    pub met: bool,
}

/// One partner's decision with the evidence behind every metric.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MetricExplanation {
    pub program: String,
    pub version: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub as_of: Date,
    pub window: WindowRange,
    pub decision: MetricDecision,
    pub evidence: Vec<MetricEvidence>,
    /// Consumption rows of the partner's customers in the window left out of every measure.
    pub excluded_rows: Vec<ExcludedRows>,
    /// When the level drops, the metrics whose points are lower then.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub drop: Option<MetricDrop>,
}

/// Rows that count for no metric, for one reason.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExcludedRows {
    pub reason: ExclusionReason,
    pub rows: u64,
    pub amount: Amount,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExclusionReason {
    /// The partner's only associations with the customer are of kinds that do not count.
    NonCountingKind { kinds: Vec<AssociationKind> },
    /// No counting association covers the row's date.
    OutsideAssociation,
    /// The rules leave out rows with this value in this column (e.g. offer `Trial`).
    Column { column: String, value: String },
}

/// The level's drop: its date, the level then, and each metric whose points fall.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MetricDrop {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    pub level: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub score: Option<i64>,
    pub metrics: Vec<MetricChange>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MetricChange {
    pub metric: String,
    pub value: Amount,
    pub then: Amount,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub points: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub points_then: Option<i64>,
}

/// A program that declares metrics, bound to one set of facts.
pub struct MetricEngine<'r> {
    program: &'r Program,
    pub(crate) catalog: &'r Catalog,
    /// Whether the program's thresholds differ by market, so that decisions say the market.
    shows_market: bool,
    /// Shared, so that the same facts can be decided under another program (`MetricEngine::under`).
    data: Arc<MetricData>,
}

/// The facts as a metric engine indexes them; nothing here depends on the program.
struct MetricData {
    facts: Facts,
    /// Consumption rows per customer (by customer number), sorted by date.
    rows: Vec<Vec<Row>>,
    customer_ids: Vec<String>,
    /// Per partner (in id order): its associations.
    associations: Vec<Vec<Link>>,
    /// Per partner: indexes into `facts.people`.
    people: Vec<Vec<usize>>,
    /// Per person (as `facts.people`): catalog credentials with earned and expiry dates.
    held: Vec<Vec<(CredentialIdx, Date, Option<Date>)>>,
    /// Per customer (as `rows`): reported values (measure name, date, value), sorted by date.
    reports: Vec<Vec<(u32, Date, i128)>>,
    measure_names: Vec<String>,
    /// Consumption credited elsewhere, which stands in for `rows` (then empty).
    credited: Option<Credited>,
}

/// Whether `program`'s thresholds differ by market, so that decisions say the market.
fn shows_market(program: &Program) -> bool {
    program
        .versions
        .iter()
        .flat_map(|v| &v.metric_levels)
        .any(|l| l.at_least.iter().any(|(_, t)| t.developed != t.emerging))
}

/// A [`CreditTable`] as the engine reads it.
struct Credited {
    /// Sorted by partner, basis, customer (the engine's numbers) and month.
    groups: Vec<CreditGroup>,
    /// Per version (by position in the program): its basis.
    basis_of: Vec<u8>,
    /// The latest credited day of each month (see [`CreditTable::latest`]).
    latest: BTreeMap<i32, Date>,
}

/// An association of a partner: customer number, kind, start and end (inclusive).
type Link = (u32, AssociationKind, Date, Option<Date>);

#[derive(Debug, Clone, Copy)]
struct Row {
    date: Date,
    micros: i128,
    service: Label,
    offer: Label,
}

impl<'r> MetricEngine<'r> {
    pub fn new(rules: &'r Rules, program: &'r Program, facts: Facts) -> Result<MetricEngine<'r>, EngineError> {
        MetricEngine::with_catalog(&rules.catalog, program, facts)
    }

    /// [`MetricEngine::new`] given the credentials catalog alone.
    pub(crate) fn with_catalog(
        catalog: &'r Catalog,
        program: &'r Program,
        mut facts: Facts,
    ) -> Result<MetricEngine<'r>, EngineError> {
        facts.partners.sort_by(|a, b| a.id.cmp(&b.id));
        if let Some(pair) = facts.partners.windows(2).find(|pair| pair[0].id == pair[1].id) {
            return Err(EngineError::DanglingReference(format!("partner {:?} appears twice", pair[0].id)));
        }
        let partner_of = |id: &str| {
            facts
                .partners
                .binary_search_by(|p| p.id.as_str().cmp(id))
                .map_err(|_| EngineError::DanglingReference(format!("unknown partner {id:?}")))
        };
        let mut customer_numbers: HashMap<&str, u32> = HashMap::new();
        let mut customer_ids = Vec::new();
        let mut associations = vec![Vec::new(); facts.partners.len()];
        for a in &facts.associations {
            let next = customer_ids.len() as u32;
            let c = *customer_numbers.entry(a.customer_id.as_str()).or_insert(next);
            if c == next {
                customer_ids.push(a.customer_id.clone());
            }
            associations[partner_of(&a.partner_id)?].push((c, a.kind, a.start, a.end));
        }
        // Only rows of customers some partner is associated with can count for anyone.
        let mut rows: Vec<Vec<Row>> = vec![Vec::new(); customer_ids.len()];
        for r in &facts.consumption {
            if let Some(c) = customer_numbers.get(r.customer_id.as_str()) {
                rows[*c as usize].push(Row {
                    date: r.date,
                    micros: r.usd.micros(),
                    service: r.service,
                    offer: r.offer,
                });
            }
        }
        let mut measure_names: Vec<String> = Vec::new();
        let mut reports: Vec<Vec<(u32, Date, i128)>> = vec![Vec::new(); customer_ids.len()];
        for r in &facts.measures {
            if let Some(c) = customer_numbers.get(r.customer_id.as_str()) {
                let name = match measure_names.iter().position(|n| *n == r.measure) {
                    Some(at) => at,
                    None => {
                        measure_names.push(r.measure.clone());
                        measure_names.len() - 1
                    }
                };
                reports[*c as usize].push((name as u32, r.date, r.value));
            }
        }
        drop(customer_numbers);
        for list in &mut reports {
            list.sort_by_key(|r| r.1);
        }
        for list in &mut rows {
            list.sort_by_key(|r| r.date);
        }
        let mut people = vec![Vec::new(); facts.partners.len()];
        let mut person_of = HashMap::new();
        for (i, person) in facts.people.iter().enumerate() {
            people[partner_of(&person.partner_id)?].push(i);
            person_of.insert(person.id.as_str(), i);
        }
        let mut held = vec![Vec::new(); facts.people.len()];
        for a in &facts.achievements {
            let person = *person_of
                .get(a.person_id.as_str())
                .ok_or_else(|| EngineError::DanglingReference(format!("unknown person {:?}", a.person_id)))?;
            if let Some(credential) = catalog.lookup(&a.credential) {
                held[person].push((credential, a.date, a.expires));
            }
        }
        Ok(MetricEngine {
            program,
            catalog,
            shows_market: shows_market(program),
            data: Arc::new(MetricData {
                facts,
                rows,
                customer_ids,
                associations,
                people,
                held,
                reports,
                measure_names,
                credited: None,
            }),
        })
    }

    /// The engine over `facts` (partners sorted by id, as the table numbers them; no consumption
    /// rows) whose consumption was credited elsewhere, per customer, into `table`. Every credited
    /// customer must be associated with some partner in the facts.
    pub fn with_credits(
        rules: &'r Rules,
        program: &'r Program,
        facts: Facts,
        table: CreditTable,
    ) -> Result<MetricEngine<'r>, EngineError> {
        if !facts.partners.is_sorted_by(|a, b| a.id <= b.id) {
            return Err(EngineError::DanglingReference("partners are not sorted by id".into()));
        }
        let mut engine = MetricEngine::new(rules, program, Facts { consumption: Vec::new(), ..facts })?;
        let number: HashMap<&str, u32> =
            engine.data.customer_ids.iter().enumerate().map(|(i, id)| (id.as_str(), i as u32)).collect();
        let latest = table.latest();
        let CreditTable { bases: table_bases, customers, mut groups } = table;
        for g in &mut groups {
            let Some(c) = g.customer else {
                return Err(EngineError::MonthlyCredit(
                    "the credits are summed per partner, and this program's measures need them per customer".into(),
                ));
            };
            let id = &customers[c as usize];
            g.customer = Some(*number.get(id.as_str()).ok_or_else(|| {
                EngineError::DanglingReference(format!(
                    "credits of customer {id:?}, whom no partner is associated with"
                ))
            })?);
        }
        groups.sort_unstable_by_key(|g| (g.partner, g.basis, g.customer, g.month));
        let bases = program.credit_bases();
        if bases != table_bases {
            return Err(EngineError::MonthlyCredit("the credits were computed for other rules of the program".into()));
        }
        let mut basis_of = vec![0; program.versions.len()];
        for (b, basis) in bases.iter().enumerate() {
            for v in &basis.versions {
                basis_of[*v] = b as u8;
            }
        }
        Arc::get_mut(&mut engine.data).expect("not shared yet").credited = Some(Credited { groups, basis_of, latest });
        Ok(engine)
    }

    /// Why the credits this engine was built with cannot stand in for the rows as of `as_of`.
    fn unsuitable(&self, as_of: Date) -> Result<(), EngineError> {
        match self.data.credited.as_ref().and_then(|c| crate::credits::unsuitable(&c.latest, as_of)) {
            Some(why) => Err(EngineError::MonthlyCredit(why)),
            None => Ok(()),
        }
    }

    pub fn program(&self) -> &Program {
        self.program
    }

    /// The same facts decided under `program`'s versions (a program with a draft in force, say:
    /// [`Program::with_draft`]): nothing is copied. Refused for consumption credited elsewhere,
    /// whose bases are those of the program it was credited for.
    pub fn under<'p>(&'p self, program: &'p Program) -> Result<MetricEngine<'p>, EngineError> {
        if self.data.credited.is_some() {
            return Err(EngineError::MonthlyCredit(
                "the credits were computed for the program's own versions, not for a draft: decide from --data".into(),
            ));
        }
        Ok(MetricEngine {
            program,
            catalog: self.catalog,
            shows_market: shows_market(program),
            data: Arc::clone(&self.data),
        })
    }

    pub fn facts(&self) -> &Facts {
        &self.data.facts
    }

    /// The consumption rows of the customers of `associations`, as facts hold them. Refused for
    /// consumption credited elsewhere, which holds no rows.
    pub(crate) fn customer_rows(
        &self,
        associations: &[crate::Association],
    ) -> Result<Vec<crate::Consumption>, EngineError> {
        if self.data.credited.is_some() {
            return Err(EngineError::NoRows);
        }
        let mut rows = Vec::new();
        for (c, id) in self.data.customer_ids.iter().enumerate() {
            if associations.iter().any(|a| a.customer_id == *id) {
                rows.extend(self.data.rows[c].iter().map(|r| crate::Consumption {
                    customer_id: id.clone(),
                    date: r.date,
                    usd: Usd(r.micros),
                    service: r.service,
                    offer: r.offer,
                }));
            }
        }
        Ok(rows)
    }

    fn version_on(&self, date: Date) -> Result<&'r Version, EngineError> {
        version_in_force(self.program, date)
    }

    /// Decides every partner (or only `only`, when not empty) as of `as_of`, sorted by partner id.
    pub fn evaluate(&self, as_of: Date, only: &[String]) -> Result<MetricEvaluation, EngineError> {
        let version = self.version_on(as_of)?;
        self.unsuitable(as_of)?;
        let (start, end) = version.window.range(as_of);
        let chosen: Vec<usize> = if only.is_empty() {
            (0..self.data.facts.partners.len()).collect()
        } else {
            let mut chosen = only.iter().map(|id| self.partner_index(id)).collect::<Result<Vec<_>, _>>()?;
            chosen.sort_unstable();
            chosen.dedup();
            chosen
        };
        let partners = self.decide_all(&chosen, as_of);
        Ok(MetricEvaluation {
            program: self.program.id.clone(),
            version: version.id.clone(),
            as_of,
            window: WindowRange { start, end },
            partners,
        })
    }

    /// The partners' decisions, shared out among the cores, in the order given.
    fn decide_all(&self, chosen: &[usize], as_of: Date) -> Vec<MetricDecision> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
        let per = chosen.len().div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            let parts: Vec<_> = chosen
                .chunks(per)
                .map(|part| scope.spawn(move || part.iter().map(|&p| self.decide(p, as_of)).collect::<Vec<_>>()))
                .collect();
            parts.into_iter().flat_map(|h| h.join().expect("deciding does not panic")).collect()
        })
    }

    fn partner_index(&self, id: &str) -> Result<usize, EngineError> {
        self.data
            .facts
            .partners
            .binary_search_by(|p| p.id.as_str().cmp(id))
            .map_err(|_| EngineError::UnknownPartner(id.to_owned()))
    }

    fn market(&self, p: usize) -> Market {
        let partner = &self.data.facts.partners[p];
        partner.market.unwrap_or_else(|| self.program.markets.market_of(&partner.country))
    }

    fn decide(&self, p: usize, as_of: Date) -> MetricDecision {
        let view = PartnerView::new(self, p, as_of);
        let version = self.program.version_on(as_of).expect("checked by the caller");
        let now = view.standing(version, as_of);
        let drops_on = now.level.and_then(|level| view.drop_after(level));
        self.decision(p, version, &now, drops_on)
    }

    fn decision(&self, p: usize, version: &Version, now: &Standing, drops_on: Option<Date>) -> MetricDecision {
        let partner = &self.data.facts.partners[p];
        let market = self.market(p);
        let scored = version.metrics.iter().zip(&now.points).filter_map(|(m, pts)| Some((m.id.clone(), (*pts)?)));
        let points = Points(scored.collect());
        let score = version.metrics.iter().any(|m| m.points.is_some()).then(|| now.score());
        MetricDecision {
            partner_id: partner.id.clone(),
            level: self.program.level_id(now.level).to_owned(),
            score,
            points,
            drops_on,
            name: partner.name.clone(),
            country: partner.country.clone(),
            market: self.shows_market.then_some(market),
            metrics: version
                .metrics
                .iter()
                .enumerate()
                .map(|(i, m)| MetricValue {
                    metric: m.id.clone(),
                    unit: m.unit(),
                    value: Amount::of(m.unit(), now.values[i]),
                    points: now.points[i],
                    max_points: m.points.map(|r| r.max),
                })
                .collect(),
            levels: version
                .metric_levels
                .iter()
                .enumerate()
                .map(|(i, rule)| {
                    let score = rule.score.map(|s| (s, now.score()));
                    let below: Vec<String> = match rule.score {
                        Some(s) => version
                            .metrics
                            .iter()
                            .zip(&now.points)
                            .filter(|(_, pts)| pts.is_some_and(|pts| pts < s.each_at_least))
                            .map(|(m, _)| m.id.clone())
                            .collect(),
                        None => Vec::new(),
                    };
                    MetricLevelStatus {
                        level: self.program.levels[i].id.clone(),
                        met: now.meets(version, i, market),
                        score_required: score.map(|(s, _)| s.total),
                        score_gap: score.map(|(s, have)| s.total.saturating_sub(have).max(0)),
                        metrics_below_minimum: below,
                        thresholds: rule
                            .at_least
                            .iter()
                            .map(|(m, amounts)| {
                                let unit = version.metrics[*m].unit();
                                let (required, value) = (amounts.of(market), now.values[*m]);
                                ThresholdStatus {
                                    metric: version.metrics[*m].id.clone(),
                                    required: Amount::of(unit, required),
                                    value: Amount::of(unit, value),
                                    gap: Amount::of(unit, (required - value).max(0)),
                                }
                            })
                            .collect(),
                    }
                })
                .collect(),
        }
    }

    /// One partner's decision as of `as_of` with the evidence behind each metric.
    pub fn explain(&self, partner_id: &str, as_of: Date) -> Result<MetricExplanation, EngineError> {
        let p = self.partner_index(partner_id)?;
        let version = self.version_on(as_of)?;
        self.unsuitable(as_of)?;
        let (start, end) = version.window.range(as_of);
        let view = PartnerView::new(self, p, as_of);
        let now = view.standing(version, as_of);
        let drops_on = now.level.and_then(|level| view.drop_after(level));
        let decision = self.decision(p, version, &now, drops_on);
        let credit = view.credit(version);
        let x = month_number(as_of) - 1;
        let evidence = version
            .metrics
            .iter()
            .enumerate()
            .map(|(i, metric)| view.evidence(version, metric, &credit, x, as_of, now.values[i], now.points[i]))
            .collect();
        let drop = drops_on.map(|date| {
            let later = self.program.version_on(date).expect("after a version in force");
            let then = view.standing(later, date);
            let metrics = later
                .metrics
                .iter()
                .enumerate()
                .filter_map(|(i, m)| {
                    let was = version.metrics.iter().position(|v| v.id == m.id)?;
                    let lower =
                        then.points[i] < now.points[was] || (m.points.is_none() && then.values[i] < now.values[was]);
                    lower.then(|| MetricChange {
                        metric: m.id.clone(),
                        value: Amount::of(m.unit(), now.values[was]),
                        then: Amount::of(m.unit(), then.values[i]),
                        points: now.points[was],
                        points_then: then.points[i],
                    })
                })
                .collect();
            let scored = later.metrics.iter().any(|m| m.points.is_some());
            MetricDrop {
                date,
                level: self.program.level_id(then.level).to_owned(),
                score: scored.then(|| then.score()),
                metrics,
            }
        });
        Ok(MetricExplanation {
            program: self.program.id.clone(),
            version: version.id.clone(),
            as_of,
            window: WindowRange { start, end },
            decision,
            evidence,
            excluded_rows: view.excluded_rows(version, start, end),
            drop,
        })
    }
}

/// A partner's standing on one date: each metric's value and points, and the level met.
struct Standing {
    values: Vec<i128>,
    points: Vec<Option<i64>>,
    level: Option<LevelIdx>,
}

impl Standing {
    fn score(&self) -> i64 {
        self.points.iter().flatten().fold(0i64, |sum, p| sum.saturating_add(*p))
    }

    fn meets(&self, version: &Version, level: usize, market: Market) -> bool {
        let rule = &version.metric_levels[level];
        let thresholds = rule.at_least.iter().all(|(m, amounts)| self.values[*m] >= amounts.of(market));
        let score = rule
            .score
            .is_none_or(|s| self.score() >= s.total && self.points.iter().flatten().all(|pts| *pts >= s.each_at_least));
        thresholds && score
    }
}

/// A partner's consumption credited under one version's association kinds and exclusions,
/// from the rows dated on or before the cutoff, in cells of one customer and month.
struct Credit {
    /// (customer, month, amount), sorted by customer then month.
    cells: Vec<(u32, i32, i128)>,
    /// Per month, all customers.
    totals: BTreeMap<i32, i128>,
    /// (column, label) → per month.
    labels: BTreeMap<(usize, Label), BTreeMap<i32, i128>>,
}

impl Credit {
    fn total(&self, first: i32, last: i32) -> i128 {
        self.totals.range(first..=last).map(|(_, v)| v).sum()
    }

    /// Each customer's cells, in customer order.
    fn customers(&self) -> impl Iterator<Item = (u32, &[(u32, i32, i128)])> {
        self.cells.chunk_by(|a, b| a.0 == b.0).map(|cells| (cells[0].0, cells))
    }
}

/// One partner as of one cutoff date: what its decisions on the cutoff and after it read.
struct PartnerView<'e, 'r> {
    engine: &'e MetricEngine<'r>,
    partner: usize,
    cutoff: Date,
    /// Credit per version (by position in the program), built when first needed.
    credit: std::cell::RefCell<Vec<Option<std::rc::Rc<Credit>>>>,
    /// Consumption values per (version, metric, month): the same on every day of a month.
    measured: std::cell::RefCell<HashMap<(usize, usize, i32), i128>>,
}

impl<'e, 'r> PartnerView<'e, 'r> {
    fn new(engine: &'e MetricEngine<'r>, partner: usize, cutoff: Date) -> Self {
        PartnerView {
            engine,
            partner,
            cutoff,
            credit: std::cell::RefCell::new(vec![None; engine.program.versions.len()]),
            measured: std::cell::RefCell::new(HashMap::new()),
        }
    }

    fn version_index(&self, version: &Version) -> usize {
        self.engine.program.versions.iter().position(|v| std::ptr::eq(v, version)).expect("a version of the program")
    }

    fn credit(&self, version: &Version) -> std::rc::Rc<Credit> {
        let at = self.version_index(version);
        if let Some(credit) = &self.credit.borrow()[at] {
            return credit.clone();
        }
        let credit = std::rc::Rc::new(self.build_credit(version));
        self.credit.borrow_mut()[at] = Some(credit.clone());
        credit
    }

    /// Why the version leaves a row out of every measure, if it does.
    fn excluded(&self, version: &Version, row: &Row) -> Option<ExclusionReason> {
        version.exclude_rows.iter().find_map(|exclusion| {
            let label = match exclusion.column {
                RowColumn::Service => row.service,
                RowColumn::Offer => row.offer,
            };
            let text = self.engine.data.facts.label(label);
            exclusion.values.iter().any(|v| v == text).then(|| ExclusionReason::Column {
                column: exclusion.column.as_str().to_owned(),
                value: text.to_owned(),
            })
        })
    }

    /// The partner's customers through the version's counting kinds, each with its associations.
    fn counting_customers(&self, version: &Version) -> BTreeMap<u32, Vec<(Date, Option<Date>)>> {
        let mut customers: BTreeMap<u32, Vec<(Date, Option<Date>)>> = BTreeMap::new();
        for &(c, kind, start, end) in &self.engine.data.associations[self.partner] {
            if version.counts(kind) {
                customers.entry(c).or_default().push((start, end));
            }
        }
        customers
    }

    fn build_credit(&self, version: &Version) -> Credit {
        if let Some(credited) = &self.engine.data.credited {
            return self.credit_from_table(credited, version);
        }
        let mut cells: Vec<(u32, i32, i128)> = Vec::new();
        let mut totals = BTreeMap::new();
        let mut labels: BTreeMap<(usize, Label), BTreeMap<i32, i128>> = BTreeMap::new();
        for (c, spans) in self.counting_customers(version) {
            let rows = &self.engine.data.rows[c as usize];
            let upto = rows.partition_point(|r| r.date <= self.cutoff);
            for row in &rows[..upto] {
                let credited = spans.iter().any(|(start, end)| *start <= row.date && end.is_none_or(|e| row.date <= e));
                if !credited || self.excluded(version, row).is_some() {
                    continue;
                }
                let month = month_number(row.date);
                match cells.last_mut() {
                    Some(last) if last.0 == c && last.1 == month => last.2 += row.micros,
                    _ => cells.push((c, month, row.micros)),
                }
                *totals.entry(month).or_insert(0) += row.micros;
                for (column, label) in [row.service, row.offer].into_iter().enumerate() {
                    if label != Label::NONE {
                        *labels.entry((column, label)).or_default().entry(month).or_insert(0) += row.micros;
                    }
                }
            }
        }
        Credit { cells, totals, labels }
    }

    /// [`PartnerView::build_credit`] from credits summed elsewhere: the months up to the
    /// cutoff's (whose rows are all dated on or before it: see [`MetricEngine::unsuitable`]).
    fn credit_from_table(&self, credited: &Credited, version: &Version) -> Credit {
        let basis = credited.basis_of[self.version_index(version)];
        let key = |g: &CreditGroup| (g.partner, g.basis);
        let at = (self.partner as u32, basis);
        let from = credited.groups.partition_point(|g| key(g) < at);
        let to = credited.groups.partition_point(|g| key(g) <= at);
        let last = month_number(self.cutoff);
        let mut cells: Vec<(u32, i32, i128)> = Vec::new();
        let mut totals = BTreeMap::new();
        let mut labels: BTreeMap<(usize, Label), BTreeMap<i32, i128>> = BTreeMap::new();
        for g in credited.groups[from..to].iter().filter(|g| g.month <= last) {
            let (c, month, micros) = (g.customer.expect("checked when built"), g.month, i128::from(g.micros));
            match cells.last_mut() {
                Some(cell) if cell.0 == c && cell.1 == month => cell.2 += micros,
                _ => cells.push((c, month, micros)),
            }
            *totals.entry(month).or_insert(0) += micros;
            for (column, label) in [g.service, g.offer].into_iter().enumerate() {
                if label != Label::NONE {
                    *labels.entry((column, label)).or_default().entry(month).or_insert(0) += micros;
                }
            }
        }
        Credit { cells, totals, labels }
    }

    /// A metric's value as of `date` under `version`.
    fn value(&self, version: &Version, metric: usize, date: Date) -> i128 {
        let measure = &version.metrics[metric].measure;
        if !measure.reads_consumption() {
            return self.measure(version, measure, None, date, 0);
        }
        let x = month_number(date) - 1;
        let key = (self.version_index(version), metric, x);
        if let Some(value) = self.measured.borrow().get(&key) {
            return *value;
        }
        let credit = self.credit(version);
        let value = self.measure(version, measure, Some(&credit), date, x);
        self.measured.borrow_mut().insert(key, value);
        value
    }

    fn measure(&self, version: &Version, measure: &Measure, credit: Option<&Credit>, date: Date, x: i32) -> i128 {
        let credited = || credit.expect("consumption measures are given the credit");
        match measure {
            Measure::Consumption { months } => credited().total(x - i32::from(*months) + 1, x),
            Measure::Customers { at_least, months } => {
                let first = x - i32::from(*months) + 1;
                credited()
                    .customers()
                    .filter(|(_, cells)| {
                        cells.iter().any(|(_, m, v)| (first..=x).contains(m) && *v >= at_least.micros())
                    })
                    .count() as i128
            }
            Measure::Distinct { column, months, except } => {
                self.distinct(credited(), *column, x - i32::from(*months) + 1, x, except).len() as i128
            }
            Measure::People { any_of, all_of, prerequisite } => {
                let holders = |list: &[CredentialIdx]| self.qualified(version, list, date).len() as u32;
                if prerequisite.as_ref().is_some_and(|p| holders(&p.any_of) < p.people) {
                    0
                } else if all_of.is_empty() {
                    i128::from(holders(any_of))
                } else {
                    self.qualified(version, all_of, date)
                        .iter()
                        .filter(|(_, through)| through.len() == all_of.len())
                        .count() as i128
                }
            }
            Measure::Latest { measure } => self.latest(version, measure, date).iter().map(|(_, v)| v).sum(),
            Measure::Change { of, months } => {
                let earlier = self.earlier(date, *months);
                self.measure(version, of, credit, date, x)
                    - self.measure(version, of, credit, earlier, x - i32::from(*months))
            }
            Measure::Growth { of, months, from_at_least } => {
                let earlier_date = self.earlier(date, *months);
                let now = self.measure(version, of, credit, date, x);
                let earlier = self.measure(version, of, credit, earlier_date, x - i32::from(*months));
                if now < *from_at_least || earlier <= 0 {
                    0
                } else {
                    // Whole percent, rounded down (the difference may be negative).
                    (now - earlier).saturating_mul(100).div_euclid(earlier)
                }
            }
        }
    }

    /// The day `months` months before `date`: where a change compares people (consumption
    /// compares months).
    fn earlier(&self, date: Date, months: u8) -> Date {
        date.saturating_sub(i32::from(months).months())
    }

    /// The values of a column with credited consumption above zero over the months, not counting
    /// `except`, with their sums.
    fn distinct(
        &self,
        credit: &Credit,
        column: RowColumn,
        first: i32,
        last: i32,
        except: &[String],
    ) -> Vec<(Label, i128)> {
        let at = RowColumn::ALL.iter().position(|c| *c == column).expect("a column");
        credit
            .labels
            .iter()
            .filter(|((col, label), _)| *col == at && !except.iter().any(|e| e == self.engine.data.facts.label(*label)))
            .map(|((_, label), months)| (*label, months.range(first..=last).map(|(_, v)| v).sum::<i128>()))
            .filter(|(_, sum)| *sum > 0)
            .collect()
    }

    /// The partner's people who count on `date` through one of `list`: affiliated then, with an
    /// achievement dated on or before both `date` and the cutoff, not expired, whose credential
    /// the version lists (it does: `list` is the version's) and is accepted then. Each with the
    /// credentials through which they count.
    fn qualified(&self, _version: &Version, list: &[CredentialIdx], date: Date) -> Vec<(usize, Vec<CredentialIdx>)> {
        let catalog = self.engine.catalog;
        let mut found = Vec::new();
        for &person in &self.engine.data.people[self.partner] {
            let who = &self.engine.data.facts.people[person];
            if !affiliated(who.joined, who.left, date) {
                continue;
            }
            let mut through: Vec<CredentialIdx> = self.engine.data.held[person]
                .iter()
                .filter(|(c, earned, expires)| {
                    list.contains(c)
                        && *earned <= date
                        && *earned <= self.cutoff
                        && expires.is_none_or(|e| date <= e)
                        && catalog.get(*c).accepted_on(date)
                })
                .map(|(c, _, _)| *c)
                .collect();
            through.sort_unstable();
            through.dedup();
            if !through.is_empty() {
                found.push((person, through));
            }
        }
        found
    }

    /// Each customer credited to the partner on `date` through the version's counting kinds, with
    /// the latest value of `measure` reported on or before `date` (and the cutoff), if any.
    fn latest(&self, version: &Version, measure: &str, date: Date) -> Vec<(u32, i128)> {
        let Some(name) = self.engine.data.measure_names.iter().position(|n| n == measure) else { return Vec::new() };
        let upto = date.min(self.cutoff);
        self.counting_customers(version)
            .into_iter()
            .filter(|(_, spans)| spans.iter().any(|(start, end)| *start <= date && end.is_none_or(|e| date <= e)))
            .filter_map(|(c, _)| {
                let reports = &self.engine.data.reports[c as usize];
                let known = &reports[..reports.partition_point(|r| r.1 <= upto)];
                known.iter().rev().find(|r| r.0 as usize == name).map(|r| (c, r.2))
            })
            .collect()
    }

    fn standing(&self, version: &Version, date: Date) -> Standing {
        let values: Vec<i128> = (0..version.metrics.len()).map(|m| self.value(version, m, date)).collect();
        let points = version.metrics.iter().zip(&values).map(|(m, v)| m.points.map(|r| r.points(*v))).collect();
        let mut standing = Standing { values, points, level: None };
        let market = self.engine.market(self.partner);
        standing.level = (0..version.metric_levels.len())
            .rev()
            .find(|l| standing.meets(version, *l, market))
            .map(|l| LevelIdx(l as u8));
        standing
    }

    /// The earliest date after the cutoff, up to 13 months after the first of its month, on
    /// which the level is lower than `level`; only the days on which a standing can change.
    fn drop_after(&self, level: LevelIdx) -> Option<Date> {
        let horizon = self.cutoff.first_of_month().saturating_add(13.months());
        let mut dates = Vec::new();
        let mut month = self.cutoff.first_of_month();
        while month < horizon {
            month = month.saturating_add(1.months());
            dates.push(month);
        }
        let program = self.engine.program;
        dates.extend(program.versions.iter().map(|v| v.effective));
        // The days on which people or reported values can change: joins, departures, achievements,
        // expiries and acceptance ends, associations starting and ending, reports.
        let listed: Vec<CredentialIdx> = program.versions.iter().flat_map(Version::credentials).collect();
        let mut events = Vec::new();
        for &person in &self.engine.data.people[self.partner] {
            let who = &self.engine.data.facts.people[person];
            events.extend(who.joined);
            events.extend(who.left.and_then(|l| l.tomorrow().ok()));
            for (c, earned, expires) in &self.engine.data.held[person] {
                if listed.contains(c) && *earned <= self.cutoff {
                    events.push(*earned);
                    events.extend(expires.and_then(|e| e.tomorrow().ok()));
                }
            }
        }
        events.extend(
            listed.iter().filter_map(|c| self.engine.catalog.get(*c).accepted_until.and_then(|u| u.tomorrow().ok())),
        );
        for &(c, _, start, end) in &self.engine.data.associations[self.partner] {
            events.push(start);
            events.extend(end.and_then(|e| e.tomorrow().ok()));
            events.extend(self.engine.data.reports[c as usize].iter().map(|r| r.1).filter(|d| *d <= self.cutoff));
        }
        dates.extend(&events);
        // A change or growth of such a measure compares with the day `months` earlier: it changes
        // again `months` after each of those days.
        for metric in program.versions.iter().flat_map(|v| &v.metrics) {
            if let Measure::Change { of, months } | Measure::Growth { of, months, .. } = &metric.measure {
                if !of.reads_consumption() {
                    dates.extend(events.iter().map(|d| d.saturating_add(i32::from(*months).months())));
                }
            }
        }
        dates.retain(|d| *d > self.cutoff && *d <= horizon);
        dates.sort_unstable();
        dates.dedup();
        dates.into_iter().find(|date| {
            let version = program.version_on(*date).expect("after a version in force");
            self.standing(version, *date).level.is_none_or(|l| l < level)
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn evidence(
        &self,
        version: &Version,
        metric: &Metric,
        credit: &Credit,
        x: i32,
        date: Date,
        value: i128,
        points: Option<i64>,
    ) -> MetricEvidence {
        let unit = metric.unit();
        let (base, change) = match &metric.measure {
            Measure::Change { of, months } | Measure::Growth { of, months, .. } => (&**of, Some(*months)),
            other => (other, None),
        };
        let (current, earlier) = match change {
            Some(months) => {
                let now = self.measure(version, base, Some(credit), date, x);
                let then = self.measure(version, base, Some(credit), self.earlier(date, months), x - i32::from(months));
                (Some(Amount::of(base.unit(), now)), Some(Amount::of(base.unit(), then)))
            }
            None => (None, None),
        };
        let span = |months: u8| {
            let first = month_date(x - i32::from(months) + 1);
            WindowRange { start: first, end: month_date(x).last_of_month() }
        };
        let engine = self.engine;
        let mut counted = Vec::new();
        let mut not_counted = Vec::new();
        let mut prerequisite = None;
        let window = match base {
            Measure::Consumption { months } => {
                let first = x - i32::from(*months) + 1;
                for (c, cells) in credit.customers() {
                    let sum: i128 = cells.iter().filter(|(_, m, _)| (first..=x).contains(m)).map(|(_, _, v)| v).sum();
                    if sum != 0 {
                        counted.push(Counted {
                            id: engine.data.customer_ids[c as usize].clone(),
                            name: None,
                            amount: Some(Amount::Money(Usd(sum))),
                            because: Vec::new(),
                        });
                    }
                }
                Some(span(*months))
            }
            Measure::Customers { at_least, months } => {
                let first = x - i32::from(*months) + 1;
                for (c, cells) in credit.customers() {
                    let best = cells.iter().filter(|(_, m, _)| (first..=x).contains(m)).map(|(_, _, v)| *v).max();
                    let Some(best) = best else { continue };
                    let entry = Counted {
                        id: engine.data.customer_ids[c as usize].clone(),
                        name: None,
                        amount: Some(Amount::Money(Usd(best))),
                        because: Vec::new(),
                    };
                    if best >= at_least.micros() {
                        counted.push(entry);
                    } else {
                        not_counted.push(Counted { because: vec!["below_least_amount".into()], ..entry });
                    }
                }
                Some(span(*months))
            }
            Measure::Distinct { column, months, except } => {
                let first = x - i32::from(*months) + 1;
                let at = RowColumn::ALL.iter().position(|c| c == column).expect("a column");
                for ((col, label), by_month) in &credit.labels {
                    if *col != at {
                        continue;
                    }
                    let text = engine.data.facts.label(*label).to_owned();
                    let sum: i128 = by_month.range(first..=x).map(|(_, v)| v).sum();
                    let entry = Counted {
                        id: text.clone(),
                        name: None,
                        amount: Some(Amount::Money(Usd(sum))),
                        because: Vec::new(),
                    };
                    if except.contains(&text) {
                        not_counted.push(Counted { because: vec!["not_counted_by_rule".into()], ..entry });
                    } else if sum > 0 {
                        counted.push(entry);
                    } else if by_month.range(first..=x).next().is_some() {
                        not_counted.push(Counted { because: vec!["no_consumption_above_zero".into()], ..entry });
                    }
                }
                Some(span(*months))
            }
            Measure::Latest { measure } => {
                for (c, value) in self.latest(version, measure, date) {
                    counted.push(Counted {
                        id: engine.data.customer_ids[c as usize].clone(),
                        name: None,
                        amount: Some(Amount::Whole(value)),
                        because: Vec::new(),
                    });
                }
                None
            }
            Measure::People { any_of, all_of, prerequisite: needed } => {
                let people = &engine.data.facts.people;
                let name_list =
                    |list: Vec<CredentialIdx>| list.into_iter().map(|c| engine.catalog.get(c).id.clone()).collect();
                if let Some(needed) = needed {
                    let holders = self.qualified(version, &needed.any_of, date).len() as u32;
                    prerequisite = Some(PrerequisiteStatus {
                        people_required: needed.people,
                        people: holders,
                        met: holders >= needed.people,
                    });
                }
                let met = prerequisite.as_ref().is_none_or(|p| p.met);
                let list = if all_of.is_empty() { any_of } else { all_of };
                for (person, through) in self.qualified(version, list, date) {
                    if !all_of.is_empty() && through.len() < all_of.len() {
                        let missing = all_of.iter().filter(|c| !through.contains(c)).copied().collect();
                        let mut because = vec!["incomplete".to_owned()];
                        because.extend(name_list(missing));
                        not_counted.push(Counted {
                            id: people[person].id.clone(),
                            name: Some(people[person].name.clone()),
                            amount: None,
                            because,
                        });
                        continue;
                    }
                    let mut entry = Counted {
                        id: people[person].id.clone(),
                        name: Some(people[person].name.clone()),
                        amount: None,
                        because: name_list(through),
                    };
                    if met {
                        counted.push(entry);
                    } else {
                        entry.because.insert(0, "prerequisite_not_met".into());
                        not_counted.push(entry);
                    }
                }
                None
            }
            Measure::Change { .. } | Measure::Growth { .. } => None,
        };
        // Listed by id, whatever order the input rows came in.
        counted.sort_by(|a, b| a.id.cmp(&b.id));
        not_counted.sort_by(|a, b| a.id.cmp(&b.id));
        MetricEvidence {
            metric: metric.id.clone(),
            unit,
            value: Amount::of(unit, value),
            points,
            max_points: metric.points.map(|r| r.max),
            current,
            earlier,
            span: window,
            counted,
            not_counted,
            prerequisite,
        }
    }

    /// Rows of the partner's customers inside the window that no measure counts, summed by reason:
    /// associations of kinds that do not count, dates no counting association covers, or rows
    /// the version leaves out.
    fn excluded_rows(&self, version: &Version, start: Date, end: Date) -> Vec<ExcludedRows> {
        let mut kinds: BTreeMap<u32, Vec<AssociationKind>> = BTreeMap::new();
        for &(c, kind, _, _) in &self.engine.data.associations[self.partner] {
            let list = kinds.entry(c).or_default();
            if !list.contains(&kind) {
                list.push(kind);
            }
        }
        let counting = self.counting_customers(version);
        let mut by_reason: BTreeMap<ExclusionReason, (u64, i128)> = BTreeMap::new();
        for (c, mut kinds) in kinds {
            kinds.sort_unstable();
            let rows = &self.engine.data.rows[c as usize];
            for row in rows.iter().filter(|r| start <= r.date && r.date <= end.min(self.cutoff)) {
                let reason = match counting.get(&c) {
                    None => Some(ExclusionReason::NonCountingKind { kinds: kinds.clone() }),
                    Some(spans) if !spans.iter().any(|(s, e)| *s <= row.date && e.is_none_or(|e| row.date <= e)) => {
                        Some(ExclusionReason::OutsideAssociation)
                    }
                    Some(_) => self.excluded(version, row),
                };
                if let Some(reason) = reason {
                    let entry = by_reason.entry(reason).or_default();
                    entry.0 += 1;
                    entry.1 += row.micros;
                }
            }
        }
        by_reason
            .into_iter()
            .map(|(reason, (rows, sum))| ExcludedRows { reason, rows, amount: Amount::Money(Usd(sum)) })
            .collect()
    }
}
