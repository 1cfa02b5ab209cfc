//! `attain compare`: every partner decided under the version in force and under a draft, and
//! what changes. Drafts are read here (`--draft FILE` or the id of a draft in the rules).

use std::borrow::Cow;
use std::path::PathBuf;
use std::process::ExitCode;

use attain_engine::{Engine, Impact};
use attain_rules::{Program, Rules, Version};
use clap::ValueEnum;
use jiff::civil::Date;

use crate::{batch, books, choose_program, Failure, Input, Lang};

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["data", "rollup", "db"])))]
pub struct CompareArgs {
    #[command(flatten)]
    input: Input,
    /// Decide from this roll-up file (see `attain rollup`) instead of a data folder.
    #[arg(long, value_name = "FILE")]
    rollup: Option<PathBuf>,
    /// Decide from the facts of this store (an SQLite file or a postgres:// URL).
    #[arg(long, value_name = "PATH_OR_URL")]
    db: Option<String>,
    /// The draft: a file holding `program = "ID"` and one [[versions]] entry, or the id of a version
    /// marked `draft = true` in the program's rules.
    #[arg(long, value_name = "FILE_OR_ID")]
    draft: String,
    #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
    format: CompareFormat,
    #[command(flatten)]
    lang: Lang,
}

#[derive(Clone, Copy, ValueEnum)]
enum CompareFormat {
    /// The summary, transitions, markets, countries, partners who change and new gaps, aligned.
    Table,
    /// The partners whose level changes, a row per level between the two.
    Csv,
    /// Everything, as the engine's `Impact`.
    Json,
}

/// The program and the draft `--draft` names: a draft file (whose program must agree with
/// `--program`, when given), else a draft in the rules of the chosen program.
pub fn draft<'r>(
    rules: &'r Rules,
    program: Option<&str>,
    draft: &str,
) -> Result<(&'r Program, Cow<'r, Version>), Failure> {
    let path = std::path::Path::new(draft);
    if path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        let (id, version) =
            rules.draft(&path.display().to_string(), &text).map_err(|e| Failure(format!("invalid draft:\n{e}")))?;
        if let Some(named) = program.filter(|named| *named != id) {
            return Err(Failure(format!("{} is a draft of program {id}, not of {named}", path.display())));
        }
        return Ok((choose_program(rules, Some(&id))?, Cow::Owned(version)));
    }
    let program = choose_program(rules, program)?;
    match program.draft(draft) {
        Some(version) => Ok((program, Cow::Borrowed(version))),
        None => {
            let known: Vec<&str> = program.drafts.iter().map(|v| v.id.as_str()).collect();
            Err(Failure(format!(
                "--draft {draft}: no such file, and program {} has no draft {draft:?} (its drafts: {}); \
                 a draft file holds program = \"{}\" and one [[versions]] entry",
                program.id,
                if known.is_empty() { "none".to_owned() } else { known.join(", ") },
                program.id,
            )))
        }
    }
}

/// The date from which the draft is taken to be in force for a decision as of `as_of`: its own,
/// or the as-of date when that comes first (the question is "what if it were in force then").
pub fn draft_from(draft: &Version, as_of: Date) -> Date {
    draft.effective.min(as_of)
}

pub fn compare(rules: &Rules, mut args: CompareArgs) -> Result<ExitCode, Failure> {
    let (program, draft) = draft(rules, args.input.program.as_deref(), &args.draft)?;
    args.input.program = Some(program.id.clone());
    let as_of = args.input.as_of_or_today();
    let what_if = program.with_draft(&draft, draft_from(&draft, as_of));
    let impact = if program.by_metrics() {
        let engine = match &args.db {
            Some(location) => books::metric_engine_of_store(rules, program, location)?,
            None if args.rollup.is_some() => {
                return Err(Failure(format!(
                    "program {} states its levels in metrics, which roll-ups do not hold yet: use --data DIR",
                    program.id
                )))
            }
            None => args.input.decide_by_metrics(rules, program)?,
        };
        engine.impact(&what_if, &draft.id, as_of)?
    } else {
        let engine: Engine<'_> = match (&args.db, &args.rollup) {
            (Some(location), _) => books::engine_of_store(rules, program, location)?,
            (None, Some(file)) => batch::engine(rules, &args.input, Some(file), true)?.0,
            // The batch path credits consumption for the program's own sets of counting kinds.
            (None, None) if counts_alike(program, &what_if) => batch::engine(rules, &args.input, None, true)?.0,
            (None, None) => {
                tracing::info!("deciding row by row: the draft counts other associations than the versions in force");
                args.input.decide_with(rules)?.0
            }
        };
        args.input.note_today(engine.last_consumption_date());
        engine.impact(&what_if, &draft.id, as_of)?
    };
    print(rules, program, &what_if, &impact, &args);
    Ok(ExitCode::SUCCESS)
}

/// Whether every version of `what_if` credits through association kinds some version of
/// `program` credits through, so that consumption credited for `program` serves both.
fn counts_alike(program: &Program, what_if: &Program) -> bool {
    what_if.versions.iter().all(|w| program.versions.iter().any(|v| v.counting_kinds == w.counting_kinds))
}

fn print(rules: &Rules, program: &Program, what_if: &Program, impact: &Impact, args: &CompareArgs) {
    let l10n = args.lang.localizer();
    let cx = attain_report::Context { rules, program, l10n: &l10n };
    let text = match args.format {
        CompareFormat::Table => attain_report::impact_table(&cx, what_if, impact),
        CompareFormat::Csv => attain_report::impact_csv(impact),
        CompareFormat::Json => serde_json::to_string_pretty(impact).expect("serializable") + "\n",
    };
    use std::io::Write as _;
    // A closed pipe (e.g. `| head`) is not an error worth reporting.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
