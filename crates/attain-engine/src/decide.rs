//! Deciding a partner's level on a date (SPEC section 4), and when it drops.

use attain_rules::{Align, CredentialIdx, LevelIdx, LevelRequirements, Market, Program, Skills, Usd, Version};
use jiff::civil::Date;
use jiff::ToSpan;
use serde::Serialize;

use crate::{month_number, Engine, EngineError};

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evaluation {
    pub program: String,
    pub version: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub as_of: Date,
    pub window: WindowRange,
    pub partners: Vec<Decision>,
}

impl Evaluation {
    /// How many partners are at each level of `program`, highest first, then at none.
    pub fn partners_per_level<'p>(&self, program: &'p Program) -> Vec<(&'p str, usize)> {
        let ids = program.levels.iter().rev().map(|l| l.id.as_str()).chain([program.level_id(None)]);
        ids.map(|id| (id, self.partners.iter().filter(|d| d.level == id).count())).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WindowRange {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub start: Date,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub end: Date,
}

/// One partner's decision: the SPEC's fields first, then each level's requirements.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Decision {
    pub partner_id: String,
    pub market: Market,
    pub level: String,
    pub consumption_usd: Usd,
    /// Counted under the attained level's list, or the lowest level's when none is attained.
    pub qualified_individuals: u32,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date, required = true))]
    pub drops_on: Option<Date>,
    pub name: String,
    pub country: String,
    pub levels: Vec<LevelStatus>,
}

impl Decision {
    /// A decision to be filled (see [`PartnerView::decision_into`]).
    fn blank() -> Decision {
        Decision {
            partner_id: String::new(),
            market: Market::Developed,
            level: String::new(),
            consumption_usd: Usd::ZERO,
            qualified_individuals: 0,
            drops_on: None,
            name: String::new(),
            country: String::new(),
            levels: Vec::new(),
        }
    }
}

/// Where a partner stands against one level: what is required, what it has, what is missing.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelStatus {
    pub level: String,
    pub met: bool,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub threshold_usd: Option<Usd>,
    pub consumption_gap_usd: Usd,
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub individuals_required: Option<u32>,
    pub qualified_individuals: u32,
    pub individuals_gap: u32,
}

/// A partner's consumption credited through the given association kinds, by date,
/// with prefix sums so that any window sums in O(log n).
pub(crate) struct Series {
    kinds: u8,
    dates: Vec<Date>,
    prefix: Vec<i128>,
}

impl Series {
    fn sum(&self, start: Date, end: Date) -> Usd {
        let lo = self.dates.partition_point(|d| *d < start);
        let hi = self.dates.partition_point(|d| *d <= end);
        Usd(self.prefix[hi.max(lo)] - self.prefix[lo])
    }
}

/// A partner's associations with one customer whose kinds count: what decides whether a row is credited.
pub(crate) struct Counting<'a>(Vec<&'a crate::Association>);

impl<'a> Counting<'a> {
    pub fn of(associations: &[&'a crate::Association], kinds: u8) -> Counting<'a> {
        Counting(associations.iter().copied().filter(|a| kinds & a.kind.bit() != 0).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A row counts once, however many of the associations cover its date.
    pub fn credits(&self, date: Date) -> bool {
        self.0.iter().any(|a| a.covers(date))
    }
}

/// How a partner stands against one level on one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LevelCheck {
    pub consumption_met: bool,
    pub qualified: u32,
    pub individuals_met: bool,
}

impl LevelCheck {
    pub fn met(&self) -> bool {
        self.consumption_met && self.individuals_met
    }
}

pub(crate) struct Standing<'r> {
    pub version: &'r Version,
    pub consumption: Usd,
    pub levels: Vec<LevelCheck>,
}

impl Standing<'_> {
    /// The highest level met.
    pub fn level(&self) -> Option<LevelIdx> {
        self.levels.iter().rposition(LevelCheck::met).map(|i| LevelIdx(i as u8))
    }
}

/// One partner's facts known on `cutoff`, ready to be judged on that date or any later one:
/// consumption and achievements dated after `cutoff` are left out; people,
/// associations and the catalog are taken as recorded.
pub(crate) struct PartnerView<'e, 'r> {
    pub engine: &'e Engine<'r>,
    pub partner: usize,
    pub market: Market,
    pub cutoff: Date,
    series: Vec<Series>,
    /// The partner's cells of the engine's monthly table, when it has one (fetched once: the
    /// table may be kept behind a pointer, a mapped roll-up file's).
    monthly: &'e [i64],
}

impl<'e, 'r> PartnerView<'e, 'r> {
    pub fn new(engine: &'e Engine<'r>, partner: usize, cutoff: Date) -> PartnerView<'e, 'r> {
        let facts = &engine.facts.partners[partner];
        let market = facts.market.unwrap_or_else(|| engine.program.markets.market_of(&facts.country));
        let mut view = PartnerView { engine, partner, market, cutoff, series: Vec::new(), monthly: &[] };
        if let Some(monthly) = &engine.monthly {
            view.monthly = monthly.partner_cells(partner);
            return view;
        }
        for version in &engine.program.versions {
            if !view.series.iter().any(|s| s.kinds == version.counting_kinds) {
                let series = view.credited_series(version.counting_kinds);
                view.series.push(series);
            }
        }
        view
    }

    fn credited_series(&self, kinds: u8) -> Series {
        let mut rows: Vec<(Date, Usd)> = Vec::new();
        self.for_each_customer(|customer, associations| {
            let counting = Counting::of(associations, kinds);
            if counting.is_empty() {
                return;
            }
            let known = self.engine.index.customer_days(customer).until(self.cutoff);
            rows.extend(known.iter().filter(|t| counting.credits(t.day)).map(|t| (t.day, t.usd)));
        });
        rows.sort_unstable_by_key(|(d, _)| *d);
        let mut prefix = Vec::with_capacity(rows.len() + 1);
        prefix.push(0i128);
        let mut total = 0i128;
        for (_, usd) in &rows {
            total += usd.micros();
            prefix.push(total);
        }
        Series { kinds, dates: rows.into_iter().map(|(d, _)| d).collect(), prefix }
    }

    /// Calls `f` once per customer the partner is associated with, with those associations.
    pub fn for_each_customer(&self, mut f: impl FnMut(u32, &[&crate::Association])) {
        let all = &self.engine.facts.associations;
        let list = self.engine.index.associations.get(self.partner).map_or(&[][..], Vec::as_slice);
        let mut group: Vec<&crate::Association> = Vec::new();
        for (i, (customer, a)) in list.iter().enumerate() {
            group.push(&all[*a]);
            if list.get(i + 1).is_none_or(|(next, _)| next != customer) {
                f(*customer, &group);
                group.clear();
            }
        }
    }

    pub fn consumption(&self, version: &Version, date: Date) -> Usd {
        if let Some(monthly) = &self.engine.monthly {
            // Whole months (the table is refused for other windows): those before the date's.
            let month = month_number(date);
            let months = month - i32::from(version.window.months)..=month - 1;
            return monthly.sum(self.monthly, version.counting_kinds, months, self.cutoff);
        }
        let (start, end) = version.window.range(date);
        self.credited_between(version, start, end)
    }

    /// Consumption credited under `version`'s association kinds between two dates, inclusive,
    /// from the rows (an engine built from monthly totals does not explain).
    pub fn credited_between(&self, version: &Version, start: Date, end: Date) -> Usd {
        let series = self.series.iter().find(|s| s.kinds == version.counting_kinds).expect("built for every version");
        series.sum(start, end)
    }

    /// The credentials of the first alternative through which `person` qualifies on `date`.
    pub fn qualifying_alternative<'s>(
        &self,
        person: u32,
        skills: &'s Skills,
        date: Date,
    ) -> Option<&'s [CredentialIdx]> {
        let staff = &self.engine.index.staff;
        if !staff.affiliated_on(person, date) {
            return None;
        }
        let held = staff.held(person);
        let known_by = date.min(self.cutoff);
        let catalog = self.engine.catalog;
        skills.first_met(held.iter().map(|(c, _)| *c), |credential| {
            held.iter().any(|(c, achieved)| *c == credential && *achieved <= known_by)
                && catalog.get(credential).accepted_on(date)
        })
    }

    pub fn people(&self) -> &'e [u32] {
        self.engine.index.staff.of_partner(self.partner)
    }

    pub fn standing(&self, date: Date) -> Standing<'r> {
        let version = self.engine.program.version_on(date).expect("callers check the first version");
        self.standing_with(version, date, &self.qualified(version, date))
    }

    /// How many of the partner's people qualify for each level of `version` on `date` (0 for a
    /// level without a skills requirement).
    fn qualified(&self, version: &Version, date: Date) -> Vec<u32> {
        let mut counts: Vec<u32> = Vec::with_capacity(version.levels.len());
        for (i, req) in version.levels.iter().enumerate() {
            let Some(skills) = &req.skills else {
                counts.push(0);
                continue;
            };
            counts.push(match version.same_credentials_as(i) {
                Some(j) => counts[j],
                None => {
                    self.people().iter().filter(|p| self.qualifying_alternative(**p, skills, date).is_some()).count()
                        as u32
                }
            });
        }
        counts
    }

    /// The standing on `date` under `version`, given [`PartnerView::qualified`] then.
    fn standing_with(&self, version: &'r Version, date: Date, qualified: &[u32]) -> Standing<'r> {
        let consumption = self.consumption(version, date);
        let levels = version.levels.iter().zip(qualified).map(|(req, q)| self.check(req, consumption, *q)).collect();
        Standing { version, consumption, levels }
    }

    /// [`Standing::level`] of [`PartnerView::standing_with`], without building the standing.
    fn level_with(&self, version: &Version, date: Date, qualified: &[u32]) -> Option<LevelIdx> {
        let consumption = self.consumption(version, date);
        let met = |(req, q): (&LevelRequirements, &u32)| self.check(req, consumption, *q).met();
        version.levels.iter().zip(qualified).rposition(met).map(|i| LevelIdx(i as u8))
    }

    fn check(&self, req: &LevelRequirements, consumption: Usd, qualified: u32) -> LevelCheck {
        let consumption_met = req.performance.as_ref().is_none_or(|p| consumption >= p.threshold(self.market));
        let individuals_met = req.skills.as_ref().is_none_or(|s| qualified >= s.individuals);
        LevelCheck { consumption_met, qualified, individuals_met }
    }

    /// The dates after the cutoff, up to and including `last`, on which the standing may change:
    /// between two of them nothing it depends on moves.
    pub fn change_dates(&self, last: Date) -> Vec<Date> {
        let shared = SharedDates::new(self.engine, self.cutoff, last);
        merged(&shared.all, &self.own_change_dates(last)).into_owned()
    }

    /// The days after the cutoff, up to and including `last`, on which one of the partner's
    /// people joins or stops belonging: sorted, unique.
    fn own_change_dates(&self, last: Date) -> Vec<Date> {
        let mut dates = Vec::new();
        for &p in self.people() {
            let (joined, left) = self.engine.index.staff.affiliation(p);
            dates.extend(joined.into_iter().chain(left.and_then(|l| l.tomorrow().ok())));
        }
        dates.retain(|d| self.cutoff < *d && *d <= last);
        dates.sort_unstable();
        dates.dedup();
        dates
    }

    /// The last date a drop is looked for: 13 months after the first day of the cutoff's month.
    pub fn horizon(&self) -> Date {
        horizon(self.cutoff)
    }

    /// The earliest date after the cutoff on which the level is lower than `level`, with the standing then.
    pub fn drop_after(&self, level: Option<LevelIdx>) -> Option<(Date, Standing<'r>)> {
        level?;
        let version = self.engine.program.version_on(self.cutoff).expect("callers check the first version");
        let counted = (self.cutoff, version, self.qualified(version, self.cutoff));
        let shared = SharedDates::new(self.engine, self.cutoff, self.horizon());
        let (date, version, qualified) = self.drop_among(level, &shared, counted)?;
        Some((date, self.standing_with(version, date, &qualified)))
    }

    /// [`PartnerView::drop_after`], given the shared change dates up to the horizon and the
    /// version and [`PartnerView::qualified`] on the cutoff: the date, with the version in force
    /// and [`PartnerView::qualified`] then.
    ///
    /// After the cutoff, who qualifies changes only when someone joins or leaves, a credential's
    /// acceptance ends or a version takes effect; between such days only the window moves. So
    /// the people are counted again only when one of those falls since the last count, the first
    /// being the cutoff's (a day-by-day scan in the tests holds the result to the SPEC's
    /// definition).
    fn drop_among(
        &self,
        level: Option<LevelIdx>,
        shared: &SharedDates,
        on_cutoff: (Date, &'r Version, Vec<u32>),
    ) -> Option<(Date, &'r Version, Vec<u32>)> {
        level?;
        let program = self.engine.program;
        let own = self.own_change_dates(self.horizon());
        let changes_between = |since: Date, date: Date| {
            [&shared.people, &own]
                .iter()
                .any(|dates| dates.get(dates.partition_point(|d| *d <= since)).is_some_and(|d| *d <= date))
        };
        let mut counted = on_cutoff;
        for &date in merged(&shared.all, &own).iter() {
            // A version taking effect is among the shared people-change dates: where none fell
            // since the last count, the version is the one counted for.
            if changes_between(counted.0, date) {
                let version = program.version_on(date).expect("after the cutoff's version");
                counted = (date, version, self.qualified(version, date));
            }
            let (_, version, qualified) = &counted;
            if self.level_with(version, date, qualified) < level {
                return Some((date, counted.1, counted.2));
            }
        }
        None
    }

    pub fn decision(&self, standing: &Standing<'_>, drops_on: Option<Date>) -> Decision {
        let mut decision = Decision::blank();
        self.decision_into(standing, drops_on, &mut decision);
        decision
    }

    /// [`PartnerView::decision`], written over an earlier decision: its texts and list are
    /// filled again rather than allocated anew (a program decided in runs reuses each run's).
    pub fn decision_into(&self, standing: &Standing<'_>, drops_on: Option<Date>, out: &mut Decision) {
        let program = self.engine.program;
        let partner = &self.engine.facts.partners[self.partner];
        let level = standing.level();
        let refill = |text: &mut String, with: &str| {
            text.clear();
            text.push_str(with);
        };
        refill(&mut out.partner_id, &partner.id);
        out.market = self.market;
        refill(&mut out.level, program.level_id(level));
        out.consumption_usd = standing.consumption;
        out.qualified_individuals = standing.levels[level.map_or(0, |l| l.0 as usize)].qualified;
        out.drops_on = drops_on;
        refill(&mut out.name, &partner.name);
        refill(&mut out.country, &partner.country);
        let levels = program.levels.iter().zip(&standing.version.levels).zip(&standing.levels);
        let mut written = 0;
        for (i, ((def, req), check)) in levels.enumerate() {
            let threshold = req.performance.as_ref().map(|p| p.threshold(self.market));
            let required = req.skills.as_ref().map(|s| s.individuals);
            // The level's text of the earlier decision, if it had one, refilled.
            let mut level = out.levels.get_mut(i).map_or_else(String::new, |old| std::mem::take(&mut old.level));
            refill(&mut level, &def.id);
            let status = LevelStatus {
                level,
                met: check.met(),
                threshold_usd: threshold,
                consumption_gap_usd: threshold.map_or(Usd::ZERO, |t| (t - standing.consumption).max(Usd::ZERO)),
                individuals_required: required,
                qualified_individuals: check.qualified,
                individuals_gap: required.map_or(0, |r| r.saturating_sub(check.qualified)),
            };
            match out.levels.get_mut(i) {
                Some(old) => *old = status,
                None => out.levels.push(status),
            }
            written = i + 1;
        }
        out.levels.truncate(written);
    }
}

/// The last date a drop is looked for after `cutoff`: 13 months after the first day of its month.
pub(crate) fn horizon(cutoff: Date) -> Date {
    cutoff.first_of_month().saturating_add(13.months())
}

/// The change dates after one day, up to and including another, that do not depend on the
/// partner; the same for every partner, so deciding many partners computes them once.
pub(crate) struct SharedDates {
    /// Sorted, unique: the window moving, versions taking effect, credentials' acceptance ending.
    all: Vec<Date>,
    /// Sorted: those of them on which who qualifies may change (versions and acceptance ends).
    people: Vec<Date>,
}

impl SharedDates {
    pub fn new(engine: &Engine<'_>, after: Date, last: Date) -> SharedDates {
        let program = engine.program;
        let within = |d: &Date| after < *d && *d <= last;
        let mut people: Vec<Date> = program.versions.iter().map(|v| v.effective).collect();
        people.extend(engine.catalog.credentials.iter().filter_map(|c| c.accepted_until?.tomorrow().ok()));
        people.retain(within);
        people.sort_unstable();
        let mut all = people.clone();
        if program.versions.iter().any(|v| v.window.align == Align::Day) {
            all.extend(after.series(1.day()).skip(1).take_while(within));
        } else {
            all.extend(after.first_of_month().series(1.month()).skip(1).take_while(within));
        }
        all.sort_unstable();
        all.dedup();
        SharedDates { all, people }
    }
}

/// Two sorted lists of days as one, sorted and unique; borrowed when the second is empty (most
/// partners' people neither join nor leave in the coming months).
fn merged<'d>(shared: &'d [Date], own: &[Date]) -> std::borrow::Cow<'d, [Date]> {
    if own.is_empty() {
        return shared.into();
    }
    let mut dates = [shared, own].concat();
    dates.sort_unstable();
    dates.dedup();
    dates.into()
}

impl Engine<'_> {
    /// Decides one partner as of `as_of`; `shared` is [`SharedDates`] from `as_of` to its
    /// [`horizon`].
    pub(crate) fn decide(&self, partner: usize, as_of: Date, shared: &SharedDates) -> Result<Decision, EngineError> {
        let mut decision = Decision::blank();
        self.decide_into(partner, as_of, shared, &mut decision)?;
        Ok(decision)
    }

    /// [`Engine::decide`], written over an earlier decision (see [`PartnerView::decision_into`]).
    pub(crate) fn decide_into(
        &self,
        partner: usize,
        as_of: Date,
        shared: &SharedDates,
        out: &mut Decision,
    ) -> Result<(), EngineError> {
        let version = self.version_on(as_of)?;
        let view = PartnerView::new(self, partner, as_of);
        let qualified = view.qualified(version, as_of);
        let standing = view.standing_with(version, as_of, &qualified);
        let counted = (as_of, version, qualified);
        let drops_on = view.drop_among(standing.level(), shared, counted).map(|(date, ..)| date);
        view.decision_into(&standing, drops_on, out);
        Ok(())
    }
}
