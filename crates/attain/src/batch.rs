//! `evaluate` over whole programs and `rollup`: the batch path of `attain-batch`, with the
//! classic reader and engine whenever the batch path declines.

use std::io::Write;
use std::path::{Path, PathBuf};

use attain_batch::rollup::Rollup;
use attain_engine::{CreditTable, Engine, MetricEngine};
use attain_input::{ConsumptionFormat, DirSource};
use attain_rules::{Program, Rules};
use clap::ValueEnum;
use jiff::civil::Date;

use crate::{choose_program, Failure, Input};

/// The columns of `consumption.csv`.
#[derive(Clone, Copy, Default, ValueEnum)]
pub enum ConsumptionFormatArg {
    /// customer_id, date, amount, currency.
    #[default]
    Attain,
    /// A FOCUS 1.0 cost and usage export: SubAccountId, ChargePeriodStart, EffectiveCost, BillingCurrency.
    Focus,
}

impl From<ConsumptionFormatArg> for ConsumptionFormat {
    fn from(arg: ConsumptionFormatArg) -> ConsumptionFormat {
        match arg {
            ConsumptionFormatArg::Attain => ConsumptionFormat::Spec,
            ConsumptionFormatArg::Focus => ConsumptionFormat::Focus,
        }
    }
}

#[derive(clap::Args)]
pub struct RollupArgs {
    /// The folder of input files (CSV or Parquet).
    #[arg(long, value_name = "DIR", value_parser = crate::data_folder)]
    data: PathBuf,
    /// The roll-up file to write.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// The program to roll up for; may be left out when the rules hold only one.
    #[arg(long, value_name = "ID")]
    program: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    consumption_format: ConsumptionFormatArg,
}

/// The engine `evaluate` decides with, and the as-of date: from a roll-up file; else, for the
/// whole program, the batch path's (consumption already credited); else (some partners only, or
/// the batch path declined) the classic engine over every row.
pub fn engine<'r>(
    rules: &'r Rules,
    input: &Input,
    rollup: Option<&Path>,
    whole_program: bool,
) -> Result<(Engine<'r>, Date), Failure> {
    let program = choose_program(rules, input.program.as_deref())?;
    let as_of = input.as_of_or_today();
    if let Some(file) = rollup {
        let rollup = Rollup::open(file).map_err(|e| Failure(format!("{}: {e}", file.display())))?;
        if rollup.program != program.id {
            return Err(Failure(format!(
                "{} was rolled up for program {}, not {}",
                file.display(),
                rollup.program,
                program.id
            )));
        }
        tracing::info!("deciding from the roll-up {}", file.display());
        return Ok((rollup.engine(rules, program)?, as_of));
    }
    if whole_program {
        let data = input.data_dir();
        match attain_batch::credited_engine(rules, program, data, input.consumption_format.into(), as_of) {
            Ok(engine) => {
                tracing::info!("deciding from consumption credited per month as it was streamed (the batch path)");
                return Ok((engine, as_of));
            }
            Err(declined) => tracing::info!("deciding row by row: the batch path declined ({declined})"),
        }
    } else {
        tracing::info!("deciding row by row: the batch path decides whole programs only, and partners were named");
    }
    input.decide_with(rules)
}

/// The engine deciding `program` from credits computed elsewhere (`attain spark-job`), and the
/// as-of date; the rest of the facts from the data folder (whose consumption is not read).
pub fn engine_of_credits<'r>(
    rules: &'r Rules,
    program: &'r Program,
    input: &Input,
    path: &Path,
) -> Result<(Engine<'r>, Date), Failure> {
    let (facts, table) = credits(program, input, path)?;
    let credit = table
        .monthly(facts.partners.len())
        .ok_or_else(|| Failure(format!("{}: a partner's monthly sum does not fit 64 bits", path.display())))?;
    let facts = attain_engine::Facts { associations: Vec::new(), ..facts };
    Ok((Engine::with_monthly_credit(rules, program, facts, credit)?, input.as_of_or_today()))
}

/// [`engine_of_credits`] for a program of the metric form.
pub fn metric_engine_of_credits<'r>(
    rules: &'r Rules,
    program: &'r Program,
    input: &Input,
    path: &Path,
) -> Result<MetricEngine<'r>, Failure> {
    let (facts, table) = credits(program, input, path)?;
    Ok(MetricEngine::with_credits(rules, program, facts, table)?)
}

/// The data folder's facts but consumption, and the credits at `path` for their partners.
fn credits(program: &Program, input: &Input, path: &Path) -> Result<(attain_engine::Facts, CreditTable), Failure> {
    let invalid = |e: attain_input::InputErrors| Failure(format!("invalid input:\n{e}"));
    let (mut facts, _) = attain_input::read_reference(&DirSource(input.data_dir())).map_err(invalid)?;
    let table = attain_input::read_credits(path, program, &mut facts).map_err(invalid)?;
    tracing::info!("deciding from consumption credited elsewhere: {} groups in {}", table.groups.len(), path.display());
    Ok((facts, table))
}

/// `attain rollup`: saves the folder's monthly credit and the facts decisions need.
pub fn rollup(rules: &Rules, args: &RollupArgs) -> Result<(), Failure> {
    let program = choose_program(rules, args.program.as_deref())?;
    let (facts, credit) = attain_batch::roll_up(program, &args.data, args.consumption_format.into())
        .map_err(|e| Failure(format!("invalid input:\n{e}")))?;
    let rollup = Rollup::new(&program.id, facts, credit, &rules.catalog);
    let bytes = rollup.to_bytes();
    write_whole(&args.out, &bytes).map_err(Failure)?;
    let credit = &rollup.credit;
    eprintln!(
        "rolled up {} partners over {} months from {} ({:.1} MB) into {}",
        rollup.partners.len(),
        credit.months,
        credit.first_month.strftime("%Y-%m"),
        bytes.len() as f64 / 1e6,
        args.out.display()
    );
    Ok(())
}

/// Writes `bytes` to `path` whole: to a new file beside it, synced, then renamed over it, so that
/// a reader of the old file (`evaluate --rollup` maps it) keeps it whole and a failed write leaves
/// no half a file. A `path` that is not a regular file (a symlink, `/dev/stdout`) is written to.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| !m.is_file()) {
        return std::fs::write(path, bytes).map_err(|e| failed(path, e));
    }
    let mut new = path.as_os_str().to_owned();
    new.push(format!(".{}.new", std::process::id()));
    let new = PathBuf::from(new);
    let written = std::fs::File::create(&new)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .map_err(|e| failed(&new, e))
        .and_then(|()| std::fs::rename(&new, path).map_err(|e| failed(path, e)));
    if written.is_err() {
        let _ = std::fs::remove_file(&new);
    }
    written
}

fn failed(path: &Path, e: std::io::Error) -> String {
    format!("{}: {e}", path.display())
}
