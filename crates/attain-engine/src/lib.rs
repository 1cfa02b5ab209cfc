//! The decision engine: facts in, decisions and their evidence out.
//!
//! Pure by design: no files, no network, no clock. Dates are given, rules are
//! given (see `attain-rules`), facts are given already validated (see
//! `attain-input`). Everything here is a function of those three.

mod credits;
mod days;
mod decide;
mod explain;
mod facts;
mod impact;
mod index;
mod metric_plan;
mod metrics;
mod monthly;
mod plan;

pub use attain_rules::{AssociationKind, Decimal, Market, Usd};
pub use credits::{CreditGroup, CreditTable};
pub use days::{
    decode as decode_days, encode as encode_days, ConsumptionDays, ConsumptionDaysBuilder, CustomerDays, DayTotal,
};
pub use decide::{Decision, Evaluation, LevelStatus, WindowRange};
pub use explain::{
    CreditedMonth, CustomerEvidence, Drop, DropCause, Exclusion, Explanation, NotCounted, PersonEvidence, StopCause,
    Warning,
};
pub use facts::{usd_value, Achievement, Association, Consumption, Facts, Label, MeasureReport, Partner, Person};
pub use impact::{compare, Change, Impact, LevelChange, NewGap, Shortfall, Standing, Tally, Transition};
pub use index::{Staff, StaffBuilder};
pub use metric_plan::{MetricOutlook, MetricPlan, PlanChange, PlannedChange, ScoreNeed};
pub use metrics::{
    Amount, Counted, ExcludedRows, ExclusionReason, MetricChange, MetricDecision, MetricDrop, MetricEngine,
    MetricEvaluation, MetricEvidence, MetricExplanation, MetricLevelStatus, MetricValue, Points, PrerequisiteStatus,
    ThresholdStatus,
};
pub use monthly::{month_date, month_number, Cells, MonthlyCredit};
pub use plan::{Alternative, ConsumptionStep, CreditedCustomer, MonthNeed, PeopleStep, PersonStep, Plan, PlanHead};

use std::ops::ControlFlow;
use std::sync::Arc;

use attain_rules::{Catalog, Program, Rules, Version};
use jiff::civil::Date;

use index::Index;

/// Partners decided in one go by a thread: small enough to share out evenly and to start writing
/// early, large enough that handing runs over costs nothing.
pub const RUN: usize = 1_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineError {
    /// The as-of date precedes every version of the program.
    NoVersionInForce {
        program: String,
        as_of: Date,
        first: Option<Date>,
    },
    UnknownPartner(String),
    /// Facts that name a partner or person that does not exist (input validation prevents this).
    DanglingReference(String),
    /// A monthly credit table cannot stand in for the consumption rows here (the reason).
    MonthlyCredit(String),
    /// Explaining needs the consumption rows, which an engine built on monthly credit lacks.
    NoRows,
    /// The program states its levels in metrics: [`MetricEngine`] decides it, not [`Engine`].
    DecidedByMetrics(String),
}

impl std::fmt::Display for EngineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EngineError::NoVersionInForce { program, as_of, first } => {
                write!(f, "no version of program {program} is in force on {as_of}")?;
                if let Some(first) = first {
                    write!(f, " (the first takes effect on {first}); choose a later --as-of")?;
                }
                Ok(())
            }
            EngineError::UnknownPartner(id) => write!(f, "no partner {id:?} in the data"),
            EngineError::DanglingReference(what) => write!(f, "inconsistent facts: {what}"),
            EngineError::MonthlyCredit(why) => write!(f, "the monthly credit cannot be used: {why}"),
            EngineError::NoRows => {
                f.write_str("explaining a decision or planning needs the data folder's facts, not monthly totals")
            }
            EngineError::DecidedByMetrics(program) => write!(
                f,
                "program {program} states its levels in metrics, which this path does not decide yet \
                 (attain evaluate and attain explain on a data folder do)"
            ),
        }
    }
}

impl std::error::Error for EngineError {}

/// The version of `program` in force on `date`, or the error that says when the first begins.
pub(crate) fn version_in_force(program: &Program, date: Date) -> Result<&Version, EngineError> {
    program.version_on(date).ok_or_else(|| EngineError::NoVersionInForce {
        program: program.id.clone(),
        as_of: date,
        first: program.versions.first().map(|v| v.effective),
    })
}

/// A program's rules bound to one set of facts, indexed for deciding many partners and dates.
pub struct Engine<'r> {
    program: &'r Program,
    catalog: &'r Catalog,
    // Shared, so that the same facts can be decided under another program (`Engine::under`).
    facts: Arc<Facts>,
    index: Arc<Index>,
    /// When set, consumption is summed from these monthly totals instead of `facts.consumption`.
    monthly: Option<Arc<MonthlyCredit>>,
}

impl<'r> Engine<'r> {
    /// An engine over `facts`. Their consumption rows are kept only as [`ConsumptionDays`] (the
    /// facts the engine hands back have none).
    pub fn new(rules: &'r Rules, program: &'r Program, mut facts: Facts) -> Result<Engine<'r>, EngineError> {
        let rows = std::mem::take(&mut facts.consumption);
        let days = ConsumptionDays::from_rows(rows.iter().map(|r| (r.customer_id.as_str(), r.date, r.usd)));
        drop(rows);
        Engine::with_days(rules, program, facts, days)
    }

    /// An engine over `facts` whose consumption is `days` (`facts.consumption` is not read): what
    /// a service keeps of a whole program.
    pub fn with_days(
        rules: &'r Rules,
        program: &'r Program,
        mut facts: Facts,
        days: ConsumptionDays,
    ) -> Result<Engine<'r>, EngineError> {
        if program.by_metrics() {
            return Err(EngineError::DecidedByMetrics(program.id.clone()));
        }
        facts.consumption = Vec::new();
        // Output order is by partner id, whatever order the facts came in.
        facts.partners.sort_by(|a, b| a.id.cmp(&b.id));
        if let Some(pair) = facts.partners.windows(2).find(|pair| pair[0].id == pair[1].id) {
            return Err(EngineError::DanglingReference(format!("partner {:?} appears twice", pair[0].id)));
        }
        let index = Index::build(&facts, days, &rules.catalog)?;
        Ok(Engine { program, catalog: &rules.catalog, facts: Arc::new(facts), index: Arc::new(index), monthly: None })
    }

    /// An engine whose consumption comes from `credit`, credited per partner and month elsewhere;
    /// `facts.consumption` is not used and may be empty. `facts.partners` must be sorted by id,
    /// the order of the table. Decisions are those of [`Engine::new`] on the rows the table sums,
    /// as long as [`Engine::evaluate`] does not refuse the table for its as-of date.
    pub fn with_monthly_credit(
        rules: &'r Rules,
        program: &'r Program,
        facts: Facts,
        credit: MonthlyCredit,
    ) -> Result<Engine<'r>, EngineError> {
        Ok(Engine::awaiting_monthly_credit(rules, program, facts)?.credited(credit))
    }

    /// [`Engine::with_monthly_credit`] in two steps, so that the engine can be built while the
    /// table is still being summed: this one, then [`Engine::credited`].
    pub fn awaiting_monthly_credit(
        rules: &'r Rules,
        program: &'r Program,
        facts: Facts,
    ) -> Result<Engine<'r>, EngineError> {
        if facts.partners.windows(2).any(|pair| pair[0].id >= pair[1].id) {
            return Err(EngineError::MonthlyCredit("partners are not sorted by id".into()));
        }
        Engine::new(rules, program, facts)
    }

    /// An engine deciding from a roll-up: partners sorted by id, their people already indexed
    /// (see [`StaffBuilder`]), consumption credited per month. It holds no rows, associations,
    /// names or achievements: it decides, it does not explain.
    pub fn from_staff(
        rules: &'r Rules,
        program: &'r Program,
        partners: Vec<Partner>,
        staff: Staff,
        credit: MonthlyCredit,
    ) -> Result<Engine<'r>, EngineError> {
        if program.by_metrics() {
            return Err(EngineError::DecidedByMetrics(program.id.clone()));
        }
        if partners.windows(2).any(|pair| pair[0].id >= pair[1].id) {
            return Err(EngineError::MonthlyCredit("partners are not sorted by id".into()));
        }
        if staff.partners() != partners.len() {
            return Err(EngineError::DanglingReference(format!(
                "people of {} partners, {} partners",
                staff.partners(),
                partners.len()
            )));
        }
        let facts = Facts { partners, ..Facts::default() };
        let index = Index::of_staff(staff);
        Ok(Engine {
            program,
            catalog: &rules.catalog,
            facts: Arc::new(facts),
            index: Arc::new(index),
            monthly: Some(Arc::new(credit)),
        })
    }

    /// The engine deciding from `credit` (see [`Engine::with_monthly_credit`]).
    pub fn credited(mut self, credit: MonthlyCredit) -> Engine<'r> {
        self.monthly = Some(Arc::new(credit));
        self
    }

    pub fn program(&self) -> &Program {
        self.program
    }

    /// The same facts decided under `program`'s versions (a program with a draft in force, say:
    /// [`Program::with_draft`]): nothing is copied. The facts' index does not depend on the
    /// program; a monthly credit table is checked against it as of each date decided.
    pub fn under<'p>(&'p self, program: &'p Program) -> Engine<'p> {
        Engine {
            program,
            catalog: self.catalog,
            facts: Arc::clone(&self.facts),
            index: Arc::clone(&self.index),
            monthly: self.monthly.clone(),
        }
    }

    /// Drops the engine, its facts and index freed on another thread: at 100k partners, a
    /// million small allocations the caller need not wait for.
    pub fn free_in_background(self) {
        let Engine { facts, index, monthly, .. } = self;
        std::thread::spawn(move || drop((facts, index, monthly)));
    }

    /// The date of the latest consumption the decisions read (a credited row's, from monthly
    /// totals), if any.
    pub fn last_consumption_date(&self) -> Option<Date> {
        match &self.monthly {
            Some(monthly) => monthly.last_row.or_else(|| monthly.latest.iter().flatten().max().copied()),
            None => self.index.days.last_row(),
        }
    }

    /// The facts decided from, but for consumption rows (see [`Engine::new`]).
    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    fn version_on(&self, date: Date) -> Result<&'r Version, EngineError> {
        version_in_force(self.program, date)
    }

    /// The version in force on `as_of`, if the facts (a monthly credit table, say) can decide then.
    fn decidable_on(&self, as_of: Date) -> Result<&'r Version, EngineError> {
        let version = self.version_on(as_of)?;
        match self.monthly.as_ref().and_then(|m| m.unsuitable(self.program, self.facts.partners.len(), as_of)) {
            Some(why) => Err(EngineError::MonthlyCredit(why)),
            None => Ok(version),
        }
    }

    /// Decides every partner (or only `only`, when not empty) as of `as_of`, sorted by partner id.
    pub fn evaluate(&self, as_of: Date, only: &[String]) -> Result<Evaluation, EngineError> {
        let mut evaluation = self.evaluation_head(as_of)?;
        if only.is_empty() {
            evaluation.partners.reserve(self.facts.partners.len());
            self.decide_in_runs(
                as_of,
                RUN,
                |_, run| std::mem::take(run),
                |run| {
                    evaluation.partners.extend(run);
                    ControlFlow::Continue(())
                },
            )?;
        } else {
            let shared = decide::SharedDates::new(self, as_of, decide::horizon(as_of));
            for id in only {
                evaluation.partners.push(self.decide(self.partner_index(id)?, as_of, &shared)?);
            }
            evaluation.partners.sort_by(|a, b| a.partner_id.cmp(&b.partner_id));
            evaluation.partners.dedup_by(|a, b| a.partner_id == b.partner_id);
        }
        Ok(evaluation)
    }

    /// The evaluation as of `as_of` without its partners: what [`Engine::decide_in_runs`] fills.
    pub fn evaluation_head(&self, as_of: Date) -> Result<Evaluation, EngineError> {
        let version = self.decidable_on(as_of)?;
        let (start, end) = version.window.range(as_of);
        Ok(Evaluation {
            program: self.program.id.clone(),
            version: version.id.clone(),
            as_of,
            window: WindowRange { start, end },
            partners: Vec::new(),
        })
    }

    /// Decides every partner as of `as_of` on every core, in runs of consecutive partners (by
    /// id): `each` makes something of a run's decisions on the thread that decided them (given
    /// the run's number, from 0; what it leaves of them, that thread's next run decides over,
    /// reusing their texts), and `then` receives those, in partner order, on the calling
    /// thread as soon as they are ready. So a program's document can be written while later
    /// partners are still being decided, and no thread holds every decision at once. When `then`
    /// breaks (its reader went away, say) or a run fails, the runs under way are finished and no
    /// others begun.
    pub fn decide_in_runs<T: Send>(
        &self,
        as_of: Date,
        run: usize,
        each: impl Fn(usize, &mut Vec<Decision>) -> T + Sync,
        mut then: impl FnMut(T) -> ControlFlow<()>,
    ) -> Result<(), EngineError> {
        self.decidable_on(as_of)?;
        let count = self.facts.partners.len();
        let run = run.max(1);
        let runs = count.div_ceil(run);
        let shared = &decide::SharedDates::new(self, as_of, decide::horizon(as_of));
        let decide_run = |i: usize, decided: &mut Vec<Decision>| -> Result<T, EngineError> {
            let partners = i * run..((i + 1) * run).min(count);
            decided.truncate(partners.len());
            for (k, p) in partners.enumerate() {
                match decided.get_mut(k) {
                    Some(earlier) => self.decide_into(p, as_of, shared, earlier)?,
                    None => decided.push(self.decide(p, as_of, shared)?),
                }
            }
            Ok(each(i, decided))
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8).min(runs);
        if threads <= 1 {
            let mut decided = Vec::new();
            for i in 0..runs {
                if then(decide_run(i, &mut decided)?).is_break() {
                    break;
                }
            }
            return Ok(());
        }
        // Threads take the next run as they finish one; runs finished out of order wait here.
        let next = std::sync::atomic::AtomicUsize::new(0);
        let stop = std::sync::atomic::AtomicBool::new(false);
        let (done, ready) = std::sync::mpsc::sync_channel(threads * 2);
        std::thread::scope(|scope| {
            for _ in 0..threads {
                let (done, next, stop, decide_run) = (done.clone(), &next, &stop, &decide_run);
                scope.spawn(move || {
                    let mut decided = Vec::new();
                    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        // Stops when every run is taken, or the caller stopped listening.
                        if i >= runs || done.send((i, decide_run(i, &mut decided))).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(done);
            let mut waiting = std::collections::BTreeMap::new();
            let mut due = 0;
            for (i, decided) in ready {
                waiting.insert(i, decided);
                while let Some(decided) = waiting.remove(&due) {
                    let went_on = decided.map(&mut then);
                    if !matches!(went_on, Ok(ControlFlow::Continue(()))) {
                        stop.store(true, std::sync::atomic::Ordering::Relaxed);
                        return went_on.map(drop);
                    }
                    due += 1;
                }
            }
            Ok(())
        })
    }

    fn partner_index(&self, id: &str) -> Result<usize, EngineError> {
        self.facts
            .partners
            .binary_search_by(|p| p.id.as_str().cmp(id))
            .map_err(|_| EngineError::UnknownPartner(id.to_owned()))
    }
}
