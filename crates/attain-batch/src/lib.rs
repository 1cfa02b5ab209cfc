//! Deciding whole programs at operator scale: consumption streamed from disk, credited to
//! partners per month as it is read, then decided by the same engine.
//!
//! The engine of `attain-engine` holds every consumption row. Here, the consumption file is
//! read in parallel pieces (see [`scan`]) straight into a [`MonthlyCredit`] table: micro-dollars
//! per partner, per counting-kinds set, per month, attributed through each customer's
//! association spans (see [`attribution`]). Memory grows with partners × months, associations
//! and people, not with rows. The engine then decides from the table with the very code that
//! decides from rows, so levels, figures and `drops_on` are the same.
//!
//! The batch path declines (the caller then reads and decides the classic way) whenever it
//! cannot vouch for the same result: a day-aligned window, anything in the input it does not
//! read exactly as `attain_input` does, input errors (reported by the classic reader), or a sum
//! beyond 64 bits.

pub mod attribution;
pub mod day;
pub mod rollup;
pub mod scan;
pub mod spark;
pub mod tally;

use std::path::Path;

use attain_engine::{month_date, Consumption, Engine, Evaluation, Facts, MonthlyCredit};
use attain_input::{ConsumptionFormat, DirSource};
use attain_rules::{Align, Program, Rules};
use jiff::civil::Date;

use attribution::Attribution;
use day::Ymd;
use scan::{RateTable, Rejection, Scan};
use tally::{Span, Tally};

/// Why the batch path left a decision to the classic reader and engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declined(pub String);

impl std::fmt::Display for Declined {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Rejection> for Declined {
    fn from(r: Rejection) -> Declined {
        Declined(r.0)
    }
}

/// The distinct counting-kinds sets of a program's versions, in version order.
pub fn counting_kinds(program: &Program) -> Vec<u8> {
    let mut kinds = Vec::new();
    for v in &program.versions {
        if !kinds.contains(&v.counting_kinds) {
            kinds.push(v.counting_kinds);
        }
    }
    kinds
}

/// The months a decision as of `as_of` may sum (the longest window before its month, up to it),
/// and only rows dated on or before it.
fn span_for(program: &Program, as_of: Date) -> Span {
    let longest = program.versions.iter().map(|v| i32::from(v.window.months)).max().unwrap_or(0);
    let last = Ymd::of(as_of).month();
    Span { first: last - longest, last, cutoff: Ymd::of(as_of) }
}

/// All months from the first association's, every row: what a roll-up keeps.
fn span_all(attribution: &Attribution<'_>) -> Span {
    let first = attribution.earliest.map_or(0, Ymd::month);
    Span { first, last: Ymd(99991231).month(), cutoff: Ymd::MAX }
}

/// Reads everything but the consumption rows; declines on any input error (the classic reader
/// reports them).
fn read_reference(dir: &Path) -> Result<(Facts, RateTable), Declined> {
    let (facts, rates) = attain_input::read_reference(&DirSource(dir)).map_err(input_errors)?;
    Ok((facts, RateTable::new(rates.as_ref())))
}

fn input_errors(errors: attain_input::InputErrors) -> Declined {
    Declined(format!("the input has errors ({} found)", errors.0.len()))
}

fn months_only(program: &Program) -> Result<(), Declined> {
    match program.versions.iter().find(|v| v.window.align != Align::Month) {
        Some(v) => Err(Declined(format!("version {} has a day-aligned window", v.id))),
        None => Ok(()),
    }
}

/// Decides every partner of `program` in the folder `dir` as of `as_of`, streaming its
/// consumption (`consumption.csv` or `consumption.parquet`).
pub fn evaluate_dir(
    rules: &Rules,
    program: &Program,
    dir: &Path,
    format: ConsumptionFormat,
    as_of: Date,
) -> Result<Evaluation, Declined> {
    evaluate_dir_in_pieces(rules, program, dir, format, as_of, scan::PIECE)
}

/// [`evaluate_dir`], reading `piece` bytes at a time.
pub fn evaluate_dir_in_pieces(
    rules: &Rules,
    program: &Program,
    dir: &Path,
    format: ConsumptionFormat,
    as_of: Date,
    piece: u64,
) -> Result<Evaluation, Declined> {
    decide_with(credited_engine_in_pieces(rules, program, dir, format, as_of, piece)?, as_of)
}

/// The engine that decides every partner of `program` in the folder `dir` as of `as_of`, its
/// consumption streamed and credited per month (see [`evaluate_dir`]).
pub fn credited_engine<'r>(
    rules: &'r Rules,
    program: &'r Program,
    dir: &Path,
    format: ConsumptionFormat,
    as_of: Date,
) -> Result<Engine<'r>, Declined> {
    credited_engine_in_pieces(rules, program, dir, format, as_of, scan::PIECE)
}

fn credited_engine_in_pieces<'r>(
    rules: &'r Rules,
    program: &'r Program,
    dir: &Path,
    format: ConsumptionFormat,
    as_of: Date,
    piece: u64,
) -> Result<Engine<'r>, Declined> {
    months_only(program)?;
    program.version_on(as_of).ok_or_else(|| Declined(format!("no version in force on {as_of}")))?;
    let span = span_for(program, as_of);
    let kinds = counting_kinds(program);
    let credit_with = |attribution: &Attribution<'_>, rates: &RateTable, partners: usize| {
        let scan = Scan { attribution, rates, format, span, partners, piece };
        let tally = scan.folder(dir)?;
        finish(tally, attribution, span, false)
    };
    let engine_with = |facts: Facts| {
        // Credited already: the engine needs no associations to decide from the table.
        let facts = Facts { associations: Vec::new(), ..facts };
        Engine::awaiting_monthly_credit(rules, program, facts).map_err(|e| Declined(e.to_string()))
    };
    // Consumption is credited on another thread from associations read straight from their
    // bytes, when the fast reader vouches for them, while people and achievements are read and
    // the engine is built from them...
    let associations = attain_input::open_regular(&dir.join("associations.csv")).ok().flatten().and_then(|mut file| {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes).ok().map(|_| bytes)
    });
    let streamed = std::thread::scope(|scope| {
        let (reference, scanning) = attain_input::read_reference_meanwhile(&DirSource(dir), false, |facts, rates| {
            let links = attribution::read_links(associations.as_deref()?, &facts.partners).ok()?;
            let (rates, partners, kinds) = (RateTable::new(rates), facts.partners.len(), kinds.clone());
            Some(scope.spawn(move || credit_with(&Attribution::of_links(&links, kinds), &rates, partners)))
        });
        let scanning = scanning.flatten()?;
        let engine = reference.map_err(input_errors).and_then(|(facts, _)| engine_with(facts));
        let credit = scanning.join().expect("the consumption scan panicked");
        Some(engine.and_then(|engine| Ok(engine.credited(credit?))))
    });
    drop(associations);
    let engine = match streamed {
        Some(engine) => engine?,
        None => {
            // ...else from the associations `attain_input` reads.
            let (reference, credit) = attain_input::read_reference_meanwhile(&DirSource(dir), true, |facts, rates| {
                let attribution = Attribution::build(facts, kinds.clone());
                credit_with(&attribution, &RateTable::new(rates), facts.partners.len())
            });
            let (facts, _) = reference.map_err(input_errors)?;
            let credit = credit.expect("credited when the reference files hold no error")?;
            engine_with(facts)?.credited(credit)
        }
    };
    Ok(engine)
}

/// Decides every partner from facts whose consumption is already credited per month.
pub fn decide(
    rules: &Rules,
    program: &Program,
    facts: Facts,
    credit: MonthlyCredit,
    as_of: Date,
) -> Result<Evaluation, Declined> {
    let engine = Engine::with_monthly_credit(rules, program, facts, credit).map_err(|e| Declined(e.to_string()))?;
    decide_with(engine, as_of)
}

fn decide_with(engine: Engine<'_>, as_of: Date) -> Result<Evaluation, Declined> {
    let evaluation = engine.evaluate(as_of, &[]).map_err(|e| Declined(e.to_string()));
    engine.free_in_background();
    evaluation
}

fn finish(tally: Tally, attribution: &Attribution<'_>, span: Span, open: bool) -> Result<MonthlyCredit, Declined> {
    let complete_from = if open { Date::MIN } else { month_date(span.first) };
    tally
        .into_credit(attribution.kinds.clone(), complete_from, open)
        .ok_or_else(|| Declined("a partner's monthly sum does not fit 64 bits".into()))
}

/// Credits rows already read (by `attain_input`) the way the streaming reader does.
fn credit_rows(attribution: &Attribution<'_>, rows: &[Consumption], span: Span, partners: usize) -> Tally {
    let mut tally = Tally::new(span, partners, attribution.kinds.len());
    for row in rows {
        // Every row's date is noted, credited or not, as the streaming reader notes it.
        let day = Ymd::of(row.date);
        tally.saw(day);
        let Some(customer) = attribution.customer(&row.customer_id) else { continue };
        match i64::try_from(row.usd.micros()) {
            Ok(micros) => tally.add(day, micros, attribution.credits(customer, day)),
            Err(_) => tally.overflow = true,
        }
    }
    tally
}

/// The monthly credit table of facts already read, as of `as_of` (or of every row when `None`):
/// the table the streaming reader builds from the same rows.
pub fn credit_of(facts: &Facts, program: &Program, as_of: Option<Date>) -> Result<MonthlyCredit, Declined> {
    let attribution = Attribution::build(facts, counting_kinds(program));
    let span = as_of.map_or_else(|| span_all(&attribution), |d| span_for(program, d));
    let tally = credit_rows(&attribution, &facts.consumption, span, facts.partners.len());
    finish(tally, &attribution, span, as_of.is_none())
}

/// The facts and monthly credit of a whole folder, for every as-of date: what a roll-up saves.
/// Streams the consumption when it can, else reads the folder with `attain_input` (whose errors
/// are returned as they are).
pub fn roll_up(
    program: &Program,
    dir: &Path,
    format: ConsumptionFormat,
) -> Result<(Facts, MonthlyCredit), attain_input::InputErrors> {
    months_only(program).map_err(|Declined(why)| {
        attain_input::InputErrors(vec![attain_input::InputError {
            file: dir.display().to_string(),
            line: None,
            column: None,
            message: format!("a roll-up holds whole months, but {why}"),
        }])
    })?;
    let streamed = read_reference(dir).ok().and_then(|(facts, rates)| {
        let credit = {
            let attribution = Attribution::build(&facts, counting_kinds(program));
            let span = span_all(&attribution);
            let scan = Scan {
                attribution: &attribution,
                rates: &rates,
                format,
                span,
                partners: facts.partners.len(),
                piece: scan::PIECE,
            };
            let tally = scan.folder(dir).ok()?;
            finish(tally, &attribution, span, true).ok()?
        };
        Some((facts, credit))
    });
    if let Some(done) = streamed {
        return Ok(done);
    }
    let mut facts = attain_input::read_with(&DirSource(dir), format)?;
    let credit = credit_of(&facts, program, None).map_err(|Declined(why)| {
        attain_input::InputErrors(vec![attain_input::InputError {
            file: dir.join("consumption.csv").display().to_string(),
            line: None,
            column: None,
            message: why,
        }])
    })?;
    facts.consumption = Vec::new();
    Ok((facts, credit))
}
