//! `attain`: decides partner program levels from rules and facts, and explains them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod batch;
mod books;
mod json;
mod whatif;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use attain_engine::{Engine, MetricEngine};
use attain_rules::{Program, Rules};
use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

#[derive(Parser)]
#[command(
    name = "attain",
    version,
    about = "Decides which partners attain which level of a partner program, and explains why.",
    long_about = "Decides which partners attain which level of a partner program (such as Microsoft's \
Cloud Platform competency, Silver or Gold), from a folder of CSV files: partners, their customer \
associations, customer consumption, people and their exam or assessment achievements.\n\n\
The rules of each program are data (TOML), shipped inside attain; --rules DIR loads another set.",
    after_help = "Examples:\n  \
attain evaluate --data examples/contoso --as-of 2018-06-30\n  \
attain explain --data examples/contoso --partner P003 --as-of 2018-06-30\n  \
attain evaluate --data examples/contoso --as-of 2018-06-30 --format json > decisions.json\n  \
attain programs\n  \
attain test-rules"
)]
struct Cli {
    /// Load rules from DIR (with catalog/*.toml and programs/*.toml) instead of the shipped ones.
    #[arg(long, global = true, value_name = "DIR")]
    rules: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Decide every partner's level as of a date.
    #[command(after_help = "The data folder holds partners.csv, associations.csv, consumption.csv, people.csv, \
achievements.csv and, when any amount is not in USD, fx_rates.csv; any of them may be NAME.parquet instead, \
with the same columns. Invalid data is rejected as a whole, with file, line and column, and nothing is printed \
on standard output.\n\n\
Whole programs are decided by streaming consumption.csv or .parquet (same results); --rollup FILE decides from a roll-up \
saved by `attain rollup`, in milliseconds; --credits PATH decides from consumption credited on Apache Spark by the \
job `attain spark-job` writes (the data folder then needs no consumption).")]
    #[command(group(clap::ArgGroup::new("source").required(true).args(["data", "rollup"])))]
    Evaluate {
        #[command(flatten)]
        input: Input,
        /// Decide from this roll-up file (see `attain rollup`) instead of a data folder.
        #[arg(long, value_name = "FILE")]
        rollup: Option<PathBuf>,
        /// Decide from this table of credited consumption (Parquet folder or file, or CSV) that the job of
        /// `attain spark-job` wrote; partners, people and achievements come from --data.
        #[arg(long, value_name = "PATH", requires = "data", conflicts_with = "rollup")]
        credits: Option<PathBuf>,
        /// Only these partners (repeat the flag for several).
        #[arg(long = "partner", value_name = "ID")]
        partners: Vec<String>,
        #[arg(long, value_enum, default_value_t = EvaluateFormat::Table)]
        format: EvaluateFormat,
        #[command(flatten)]
        lang: Lang,
    },
    /// Explain one partner's decision: requirements, gaps, evidence, warnings and when the level drops.
    #[command(group(clap::ArgGroup::new("source").required(true).args(["data"])))]
    Explain {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_name = "ID")]
        partner: String,
        #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
        format: ExplainFormat,
        #[command(flatten)]
        lang: Lang,
    },
    /// Render the requirement page of a program version from the rules, in any supported language.
    #[command(after_help = "Every amount, count, exam id and date on the page comes from the rules, so the page \
cannot contradict them in any language. Languages: en-US, ko-KR, zh-CN, fr-FR, de-DE, ja-JP, es-ES, pt-BR.\n\n\
With --draft, the page says what a draft changes against the version in force (\"Gold: US$100,000 → US$150,000\", \
\"No longer listed: exam 70-534\"), requirement by requirement, in the same languages.\n\n\
Examples:\n  attain requirements --version 2017-11-03 --lang fr-FR --format html > fr.html\n  \
attain requirements --draft examples/drafts/gold-150k.toml --lang de-DE")]
    Requirements {
        /// The program; may be left out when the rules hold only one.
        #[arg(long, value_name = "ID")]
        program: Option<String>,
        /// The version to render (see `attain programs`).
        #[arg(long, value_name = "V", conflicts_with = "as_of")]
        version: Option<String>,
        /// Render the version in force on this date; without --version or --as-of, the latest.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<Date>,
        /// Render the change page of this draft (a draft file, or the id of a draft in the rules)
        /// against the version in force when it takes effect (or --version, or --as-of).
        #[arg(long, value_name = "FILE_OR_ID")]
        draft: Option<String>,
        #[arg(long, value_enum, default_value_t = PageFormat::Md)]
        format: PageFormat,
        #[command(flatten)]
        lang: Lang,
    },
    /// Check requirement pages written by people against the rules.
    #[command(after_help = "Each page is Markdown with front matter, as Microsoft's docs are, or HTML, in any \
language. lint recognizes the program a page describes (its title, anchors and credentials; or --program) and \
checks it against the version in force on its date (ms.lasthandoff, or --as-of); a page dated before the first \
version is checked against the version it announces. Numbers, amounts, month spans and dates are read as the \
page's language writes them (ms.contentlocale). In bilingual pages, where each translated segment carries its \
English source in an sxs-lookup span, every segment is also compared with its source by value.\n\n\
Findings: FILE:LINE:COLUMN: error|warning|note [RULE]: message (expected ..., found ...). Errors contradict the \
rules; warnings are omissions, segments that differ from their source and parts of a page that cannot be \
identified; notes say how a page was checked. A summary line goes to standard error. Exit status: 1 when any \
error is found, 2 when a file cannot be read.\n\n\
Example: attain lint docs/*.md --format sarif > lint.sarif")]
    Lint {
        /// The pages to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The program the pages describe; without it, each page's program is recognized.
        #[arg(long, value_name = "ID")]
        program: Option<String>,
        /// Check against the version in force on this date instead of the page's ms.lasthandoff.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<Date>,
        #[arg(long, value_enum, default_value_t = LintFormat::Text)]
        format: LintFormat,
        /// The language of the findings (the user's, whatever the pages' language).
        #[command(flatten)]
        lang: Lang,
    },
    /// Generate a deterministic synthetic data set in the input layout, for trials and benchmarks.
    #[command(
        after_help = "Example: attain gen --partners 100000 --out /tmp/program-100k   (36M consumption rows, ~1.3 GB)"
    )]
    Gen {
        /// How many partners.
        #[arg(long, value_name = "N")]
        partners: u32,
        /// The folder to write the CSV files into (created if missing; files are replaced).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
        /// Customers per partner.
        #[arg(long, value_name = "N", default_value_t = 10)]
        customers: u32,
        /// Monthly consumption rows per customer, up to June 2018 (July 2024 for a program of the
        /// metric form).
        #[arg(long, value_name = "N", default_value_t = 36)]
        months: u32,
        /// The program the data is for: a program of the metric form gets services, offers, CSP
        /// and PAL associations and expiring certifications, shaped so that about a third of
        /// partners are designated as of 2024-07-15.
        #[arg(long, value_name = "ID")]
        program: Option<String>,
        /// The order of the rows of consumption.csv.
        #[arg(long, value_enum, default_value_t = RowOrder::Customer)]
        order: RowOrder,
    },
    /// Import a data folder into the store: validated whole, then written in one transaction.
    #[command(after_help = "Re-importing the same folder changes nothing; a newer export of the same partners \
replaces their partner row, associations and people, and each customer's consumption over the span of dates the \
folder covers. Every import is recorded with who ran it, its row counts and the files' SHA-256.\n\n\
Example: attain import --data examples/contoso --db attain.db")]
    Import {
        /// The folder of input files (CSV, or Parquet as NAME.parquet).
        #[arg(long, value_name = "DIR", value_parser = data_folder)]
        data: PathBuf,
        #[command(flatten)]
        db: books::Db,
        /// When another import is being written to the store (by any process), stop at once
        /// instead of waiting for it to finish.
        #[arg(long)]
        no_wait: bool,
    },
    /// Decide every stored partner as of a date and keep the decisions: the status history is built from these.
    #[command(after_help = "Example, month ends of a year:\n  \
for m in 01-31 02-28 03-31 04-30 05-31 06-30; do attain snapshot --as-of 2018-$m --db attain.db; done")]
    Snapshot {
        /// Decide as of this date (YYYY-MM-DD). Required: a snapshot is history, and today's date over
        /// data that ends long before would record levels as lost. A snapshot of the same date is replaced.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Date,
        /// The program; may be left out when the rules hold only one.
        #[arg(long, value_name = "ID")]
        program: Option<String>,
        #[command(flatten)]
        db: books::Db,
    },
    /// A partner's level in every snapshot, and when it attained or lost each level.
    History {
        #[arg(long, value_name = "ID")]
        partner: String,
        #[arg(long, value_name = "ID")]
        program: Option<String>,
        #[arg(long, value_enum, default_value_t = books::HistoryFormat::Text)]
        format: books::HistoryFormat,
        #[command(flatten)]
        lang: Lang,
        #[command(flatten)]
        db: books::Db,
    },
    /// Create, revoke and list the bearer tokens of the API and the dashboard.
    #[command(subcommand)]
    Token(books::TokenCommand),
    /// Serve the HTTP API and the dashboard over a store.
    #[command(after_help = "Partners sign in on the dashboard (http://ADDR/) with a partner token and see only \
their own data; operators use an admin token. The API is described at /api/openapi.json.\n\n\
Example:\n  attain import --data examples/contoso --db attain.db\n  attain token create --admin --db attain.db\n  \
attain serve --db attain.db --listen 127.0.0.1:8080")]
    Serve(books::ServeArgs),
    /// Save a folder's consumption, credited to partners per month, with the facts decisions need,
    /// so that `evaluate --rollup FILE` decides any as-of date in milliseconds.
    Rollup(batch::RollupArgs),
    /// Write the PySpark job that credits a program's consumption to its partners on an Apache Spark
    /// cluster, for data past one machine; `evaluate --credits` decides from what it writes.
    #[command(after_help = "The job is derived from the program's rules (which association kinds count, which \
rows are left out): write it again when they change. It reads consumption and associations (and fx_rates) as \
Parquet, CSV or Delta, with the columns of the data folder, and writes one Parquet table, exactly (DECIMAL, \
half-even rounding per row, ANSI mode).\n\n\
Example:\n  attain spark-job --program cloud-platform --out credits_job.py\n  \
spark-submit credits_job.py --consumption s3://lake/consumption \\\n      \
--associations s3://lake/associations --fx-rates s3://lake/fx_rates --out s3://lake/credits\n  \
attain evaluate --data reference/ --credits credits/ --as-of 2018-06-30 --format json\n\n\
A local trial needs only `pip install pyspark` and Java 17: `python3 credits_job.py --help`.")]
    SparkJob {
        /// The program to credit; may be left out when the rules hold only one.
        #[arg(long, value_name = "ID")]
        program: Option<String>,
        /// Write the job to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Weigh a draft version against the version in force: every partner decided under both, and who
    /// gains or loses a level, where, and which requirement makes the difference.
    #[command(after_help = "The draft is a file holding program = \"ID\" and one [[versions]] entry written as in \
the program's rules (thresholds, credentials, metrics), or the id of a version the rules mark draft = true. It is \
taken to be in force from its own date or from --as-of, whichever comes first; later versions are left out.\n\n\
The table gives the partners per change of level, gained, lost and unchanged per market and per country, each \
partner whose level changes with what it lacks for each level between the two (before → under the draft), and the \
requirements newly unmet. --format csv writes the partners who change; --format json everything.\n\n\
Example:\n  attain compare --data examples/contoso --as-of 2018-06-30 --draft examples/drafts/gold-150k.toml")]
    Compare(whatif::CompareArgs),
    /// A partner's plan: what must happen, and by when, to hold a level on a date.
    #[command(after_help = "The plan meets the requirements of the version in force on --by (default: --as-of), \
the data taken as complete up to --as-of (default: today): the consumption still needed in the window, month by \
month, and the customers whose consumption would be credited; the qualified individuals still needed, the \
partner's own people closest to qualifying first (fewest credentials still to earn), then people it does not \
have yet, with the credentials that can still be earned in time (registration ends and retirements counted) and \
the last day for each. Departures, acceptance ends and associations that end before --by are counted as a \
decision counts them.\n\n\
Example:\n  attain plan --data examples/contoso --as-of 2018-06-30 --partner P002 --target gold --by 2018-09-30")]
    Plan {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_name = "ID")]
        partner: String,
        /// The level to reach or keep (a level id, e.g. gold).
        #[arg(long, value_name = "LEVEL")]
        target: String,
        /// The day the level must be held; defaults to --as-of.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        by: Option<Date>,
        #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
        format: ExplainFormat,
        #[command(flatten)]
        lang: Lang,
    },
    /// List the programs, their levels and their versions with the dates they take effect.
    Programs,
    /// Run the rule test cases that ship beside each program (PROGRAM.cases.toml).
    TestRules {
        /// Only the cases of this program.
        #[arg(long, value_name = "ID")]
        program: Option<String>,
    },
    /// Print the shell completion script for SHELL.
    #[command(
        after_help = "Example:\n  attain completions bash > ~/.local/share/bash-completion/completions/attain\n  \
attain completions zsh > ~/.zfunc/_attain\n  attain completions fish > ~/.config/fish/completions/attain.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the JSON Schema (2020-12) of the JSON that `evaluate` or `explain` prints.
    #[command(after_help = "Prints the JSON Schema (2020-12) of `evaluate --format json` or \
`explain --format json`, for programs of either form (consumption thresholds and people, or \
metrics), made from the same definitions as the API's /api/openapi.json: any JSON Schema validator \
can check a document against it.\n\n\
Example:\n  attain schema evaluate > evaluate.schema.json\n  attain schema explain > explain.schema.json")]
    Schema {
        #[arg(value_enum)]
        output: SchemaOutput,
    },
    /// Print the manual page (roff), or write one page per command into a folder.
    #[command(after_help = "Example:\n  attain man | man -l -\n  attain man --out /usr/local/share/man/man1")]
    Man {
        /// Write attain.1 and attain-COMMAND.1 for every command into DIR.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
struct Input {
    /// The folder of input files (CSV, or Parquet as NAME.parquet).
    #[arg(long, value_name = "DIR", value_parser = data_folder)]
    data: Option<PathBuf>,
    /// The columns of consumption.csv (or .parquet): attain's own, or a FOCUS 1.0 cost and usage export.
    #[arg(long, value_enum, default_value_t)]
    consumption_format: batch::ConsumptionFormatArg,
    /// Decide as of this date (YYYY-MM-DD); defaults to today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<Date>,
    /// The program to decide; may be left out when the rules hold only one.
    #[arg(long, value_name = "ID")]
    program: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum EvaluateFormat {
    Table,
    Json,
    Csv,
}

#[derive(clap::Args)]
struct Lang {
    /// The language of the output: en-US, ko-KR, zh-CN, fr-FR, de-DE, ja-JP, es-ES or pt-BR (or
    /// their language alone: fr); defaults from LC_ALL or LANG, else en-US.
    #[arg(long = "lang", value_name = "TAG", value_parser = parse_lang)]
    tag: Option<String>,
}

impl Lang {
    fn localizer(&self) -> attain_i18n::Localizer {
        attain_i18n::Localizer::new(self.requested())
    }

    /// The tag asked for, or the environment's.
    fn requested(&self) -> &str {
        self.tag.as_deref().unwrap_or_else(|| attain_i18n::from_environment())
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum PageFormat {
    Md,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum RowOrder {
    /// Customer by customer, each customer's rows by date.
    Customer,
    /// By date, as billing exports come: a day's rows, then the next day's.
    Date,
    /// Shuffled.
    Random,
}

#[derive(Clone, Copy, ValueEnum)]
enum LintFormat {
    /// One line per finding (`file:line:column: severity [rule]: message`), and a summary on
    /// standard error.
    Text,
    /// An array of findings: file, line, column, rule, severity, message, expected, found.
    Json,
    /// A SARIF 2.1.0 log, for code hosts that show findings inline.
    Sarif,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaOutput {
    /// What `evaluate --format json` prints.
    Evaluate,
    /// What `explain --format json` prints.
    Explain,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExplainFormat {
    Text,
    Json,
}

/// A page to lint: a regular file of at most 64 MiB, read as UTF-8.
fn read_page(path: &std::path::Path) -> Result<String, String> {
    const MOST: u64 = 64 << 20;
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file; give the path of a page".into());
    }
    if meta.len() > MOST {
        return Err(format!("{} bytes, more than the {MOST} a page may have", meta.len()));
    }
    std::fs::read_to_string(path).map_err(|e| e.to_string())
}

/// The folder `--data` names: it must be one (a missing folder is one mistake, not five missing files).
fn data_folder(text: &str) -> Result<PathBuf, String> {
    // clap's message names the value already ("invalid value '/x' for '--data <DIR>': ...").
    let path = PathBuf::from(text);
    match std::fs::metadata(&path) {
        Ok(meta) if meta.is_dir() => Ok(path),
        Ok(_) => Err("a file, not a folder: --data names the folder that holds partners.csv, associations.csv, consumption.csv, people.csv and achievements.csv".into()),
        Err(_) => Err("no such folder: --data names the folder that holds partners.csv, associations.csv, consumption.csv, people.csv and achievements.csv (try examples/contoso)".into()),
    }
}

/// A language attain speaks: an unsupported one is refused, not spoken as English.
fn parse_lang(text: &str) -> Result<String, String> {
    match attain_i18n::supported(text) {
        Some(_) => Ok(text.to_owned()),
        None => Err(format!("attain has no messages in {text}; it speaks {}", attain_i18n::LOCALES.join(", "))),
    }
}

fn parse_date(text: &str) -> Result<Date, String> {
    attain_input::parse_date(text)
}

/// A failure to report on standard error, with the exit status it ends with.
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure(e.to_string())
    }
}

/// Asks Linux not to back this process with transparent huge pages. The allocator's arenas are
/// large, and the kernel zeroes a whole 2 MB page on its first touch: with millions of rows or
/// findings that zeroing was a third of the time (a server's start-up, `lint` on a 50 MB page),
/// for no gain in speed measured afterwards (BENCHMARKS.md).
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments only and changes nothing but this
    // process's paging; failing (an old kernel) leaves things as they were.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Notes for the one running a command, on standard error: which path decided and why (a script
/// that became slow can tell), filtered by `RUST_LOG` (default: `attain`'s own notes at info).
/// `serve` sets up its own logs.
fn notes() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,attain=info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .without_time()
        .with_target(false)
        .init();
}

fn main() -> ExitCode {
    without_huge_pages();
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_)) {
        notes();
    }
    match run(cli) {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("error: {}", message.trim_end());
            ExitCode::FAILURE
        }
    }
}

fn load_rules(dir: Option<&PathBuf>) -> Result<Rules, Failure> {
    match dir {
        Some(dir) => Rules::from_dir(dir).map_err(|e| Failure(format!("invalid rules:\n{e}"))),
        None => Rules::embedded().map_err(|e| Failure(format!("the shipped rules are invalid (a bug):\n{e}"))),
    }
}

/// The program named, else the only one loaded, else the one the rules mark `default = true`.
fn choose_program<'r>(rules: &'r Rules, id: Option<&str>) -> Result<&'r Program, Failure> {
    let known = || rules.programs.iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join(", ");
    let default = || rules.programs.iter().filter(|p| p.default).collect::<Vec<_>>();
    match id {
        Some(id) => rules.program(id).ok_or_else(|| Failure(format!("no program {id:?}; known programs: {}", known()))),
        None if rules.programs.len() == 1 => Ok(&rules.programs[0]),
        None if default().len() == 1 => Ok(default()[0]),
        None => Err(Failure(format!("several programs are loaded; choose one with --program ({})", known()))),
    }
}

impl Input {
    /// The engine over this folder's facts for the chosen program, and the as-of date.
    fn decide_with<'r>(&self, rules: &'r Rules) -> Result<(Engine<'r>, Date), Failure> {
        let program = choose_program(rules, self.program.as_deref())?;
        Ok((Engine::new(rules, program, self.facts()?)?, self.as_of_or_today()))
    }

    /// The metric engine over this folder's facts, for a program that declares metrics.
    fn decide_by_metrics<'r>(&self, rules: &'r Rules, program: &'r Program) -> Result<MetricEngine<'r>, Failure> {
        tracing::info!("deciding row by row: a program of metrics has no batch path yet");
        Ok(MetricEngine::new(rules, program, self.facts()?)?)
    }

    fn facts(&self) -> Result<attain_engine::Facts, Failure> {
        let source = attain_input::DirSource(self.data_dir());
        let facts = attain_input::read_with(&source, self.consumption_format.into())
            .map_err(|e| Failure(format!("invalid input:\n{e}")))?;
        Ok(facts)
    }

    fn data_dir(&self) -> &Path {
        self.data.as_deref().expect("clap requires --data here")
    }

    fn as_of_or_today(&self) -> Date {
        self.as_of.unwrap_or_else(|| jiff::Zoned::now().date())
    }

    /// Without `--as-of`, the decision is today's: say so when the data ends before last month
    /// began (today's window would then be empty of it), naming its last date.
    fn note_today(&self, last_in_data: Option<Date>) {
        if self.as_of.is_some() {
            return;
        }
        let today = jiff::Zoned::now().date();
        let last_month = today.first_of_month().saturating_sub(jiff::Span::new().months(1));
        match last_in_data {
            Some(last) if last < last_month => eprintln!(
                "warning: deciding as of today, {today}, but the consumption data ends on {last}; pass --as-of {} to decide as of the end of the data",
                last.last_of_month()
            ),
            None => eprintln!("warning: deciding as of today, {today}, on no consumption at all"),
            Some(_) => {}
        }
    }
}

/// The threshold form counts an achievement from its date on, whatever its expiry: said, not hidden.
fn note_unread_expiries(engine: &Engine<'_>) {
    if engine.facts().achievements.iter().any(|a| a.expires.is_some()) {
        eprintln!(
            "note: achievements.csv gives expiry dates, which programs of the threshold form ({}) do not read yet",
            engine.program().id
        );
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let rules = load_rules(cli.rules.as_ref())?;
    fn stdout(text: impl AsRef<[u8]>) {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        // A closed pipe (e.g. `| head`) is not an error worth reporting.
        let _ = out.write_all(text.as_ref()).and_then(|_| out.flush());
    }
    match cli.command {
        Command::Evaluate { input, rollup, credits, partners, format, lang } => {
            let program = choose_program(&rules, input.program.as_deref())?;
            if program.by_metrics() {
                if rollup.is_some() {
                    return Err(Failure(format!(
                        "program {} states its levels in metrics, which roll-ups do not hold yet: use --data DIR",
                        program.id
                    )));
                }
                let engine = match &credits {
                    Some(path) => batch::metric_engine_of_credits(&rules, program, &input, path)?,
                    None => input.decide_by_metrics(&rules, program)?,
                };
                input.note_today(engine.facts().last_consumption_date());
                let evaluation = engine.evaluate(input.as_of_or_today(), &partners)?;
                let l10n = lang.localizer();
                let cx = attain_report::Context { rules: &rules, program, l10n: &l10n };
                stdout(match format {
                    EvaluateFormat::Table => attain_report::metric_table(&cx, &evaluation),
                    EvaluateFormat::Json => serde_json::to_string_pretty(&evaluation)? + "\n",
                    EvaluateFormat::Csv => attain_report::metric_csv(&cx, &evaluation),
                });
                return Ok(ExitCode::SUCCESS);
            }
            let (engine, as_of) = match &credits {
                Some(path) => batch::engine_of_credits(&rules, program, &input, path)?,
                None => batch::engine(&rules, &input, rollup.as_deref(), partners.is_empty())?,
            };
            note_unread_expiries(&engine);
            input.note_today(engine.last_consumption_date());
            if let (EvaluateFormat::Json, true) = (&format, partners.is_empty()) {
                json::write_program(&engine, as_of, &mut std::io::stdout().lock())?;
            } else {
                let evaluation = engine.evaluate(as_of, &partners)?;
                let l10n = lang.localizer();
                let cx = attain_report::Context { rules: &rules, program: engine.program(), l10n: &l10n };
                stdout(match format {
                    EvaluateFormat::Table => attain_report::evaluation_table(&cx, &evaluation).into_bytes(),
                    EvaluateFormat::Json => json::evaluation(&evaluation),
                    EvaluateFormat::Csv => attain_report::evaluation_csv(&evaluation).into_bytes(),
                });
                std::mem::forget(evaluation);
            }
            // The process ends right after: freeing a million small allocations one by one
            // would only delay the exit (tens of milliseconds at 100k partners).
            std::mem::forget(engine);
        }
        Command::Explain { input, partner, format, lang } => {
            let program = choose_program(&rules, input.program.as_deref())?;
            if program.by_metrics() {
                let engine = input.decide_by_metrics(&rules, program)?;
                input.note_today(engine.facts().last_consumption_date());
                let explanation = engine.explain(&partner, input.as_of_or_today())?;
                let l10n = lang.localizer();
                let cx = attain_report::Context { rules: &rules, program, l10n: &l10n };
                stdout(match format {
                    ExplainFormat::Text => attain_report::metric_explain_text(&cx, &explanation),
                    ExplainFormat::Json => serde_json::to_string_pretty(&explanation)? + "\n",
                });
                return Ok(ExitCode::SUCCESS);
            }
            let (engine, as_of) = input.decide_with(&rules)?;
            note_unread_expiries(&engine);
            input.note_today(engine.last_consumption_date());
            let explanation = engine.explain(&partner, as_of)?;
            let l10n = lang.localizer();
            let cx = attain_report::Context { rules: &rules, program: engine.program(), l10n: &l10n };
            stdout(match format {
                ExplainFormat::Text => attain_report::explain_text(&cx, &explanation),
                ExplainFormat::Json => serde_json::to_string_pretty(&explanation)? + "\n",
            });
        }
        Command::Compare(args) => return whatif::compare(&rules, args),
        Command::Plan { input, partner, target, by, format, lang } => {
            let program = choose_program(&rules, input.program.as_deref())?;
            let level = program.level_by_id(&target).ok_or_else(|| {
                let known: Vec<&str> = program.levels.iter().map(|l| l.id.as_str()).collect();
                Failure(format!("program {} has no level {target:?}; its levels: {}", program.id, known.join(", ")))
            })?;
            let as_of = input.as_of_or_today();
            let by = by.unwrap_or(as_of);
            if by < as_of {
                return Err(Failure(format!("--by {by} is before --as-of {as_of}: a plan looks forward")));
            }
            let l10n = lang.localizer();
            let cx = attain_report::Context { rules: &rules, program, l10n: &l10n };
            if program.by_metrics() {
                let engine = input.decide_by_metrics(&rules, program)?;
                input.note_today(engine.facts().last_consumption_date());
                let plan = engine.plan(&partner, level, as_of, by)?;
                stdout(match format {
                    ExplainFormat::Text => attain_report::metric_plan_text(&cx, &plan),
                    ExplainFormat::Json => serde_json::to_string_pretty(&plan)? + "\n",
                });
                return Ok(ExitCode::SUCCESS);
            }
            let (engine, _) = input.decide_with(&rules)?;
            input.note_today(engine.last_consumption_date());
            let plan = engine.plan(&partner, level, as_of, by)?;
            stdout(match format {
                ExplainFormat::Text => attain_report::plan_text(&cx, &plan),
                ExplainFormat::Json => serde_json::to_string_pretty(&plan)? + "\n",
            });
        }
        Command::Requirements { program, version, as_of, draft, format, lang } => {
            let (program, draft) = match &draft {
                Some(draft) => whatif::draft(&rules, program.as_deref(), draft).map(|(p, d)| (p, Some(d)))?,
                None => (choose_program(&rules, program.as_deref())?, None),
            };
            // A draft is weighed against the version in force on the day it would take effect.
            let as_of = as_of.or_else(|| draft.as_ref().filter(|_| version.is_none()).map(|d| d.effective));
            let chosen = match (version, as_of) {
                (Some(id), _) => program.version(&id).ok_or_else(|| {
                    let known: Vec<_> = program.versions.iter().map(|v| v.id.as_str()).collect();
                    Failure(format!("no version {id:?} of {}; known versions: {}", program.id, known.join(", ")))
                })?,
                (None, Some(date)) => program
                    .version_on(date)
                    .ok_or_else(|| Failure(format!("no version of {} is in force on {date}", program.id)))?,
                (None, None) => program.versions.last().expect("a program has versions"),
            };
            let format = match format {
                PageFormat::Md => attain_docs::Format::Markdown,
                PageFormat::Html => attain_docs::Format::Html,
            };
            match draft {
                Some(draft) => stdout(attain_docs::changes(&rules, program, chosen, &draft, &lang.localizer(), format)),
                None => stdout(attain_docs::requirements(&rules, program, chosen, &lang.localizer(), format)),
            }
        }
        Command::Lint { files, program, as_of, format, lang } => {
            let program = program.as_deref().map(|id| choose_program(&rules, Some(id))).transpose()?;
            // Pages are independent: each thread checks a contiguous share with its own linter,
            // and the shares are put back in the order the files were given.
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len().max(1));
            let share = files.len().div_ceil(threads).max(1);
            let results: Vec<Vec<Result<Vec<attain_docs::Finding>, String>>> = std::thread::scope(|scope| {
                let workers: Vec<_> = files
                    .chunks(share)
                    .map(|chunk| {
                        let (rules, lang) = (&rules, lang.requested());
                        scope.spawn(move || {
                            let linter = attain_docs::Linter::new(rules, lang);
                            let check = |file: &PathBuf| {
                                let text = read_page(file).map_err(|e| format!("error: {}: {e}", file.display()))?;
                                Ok(linter.lint(program, &file.display().to_string(), &text, as_of))
                            };
                            chunk.iter().map(check).collect()
                        })
                    })
                    .collect();
                workers.into_iter().map(|w| w.join().expect("a lint thread panicked")).collect()
            });
            let mut findings = Vec::new();
            let mut unread = 0;
            for result in results.into_iter().flatten() {
                match result {
                    // One long page may have hundreds of thousands of findings: moved, not copied.
                    Ok(found) if findings.is_empty() => findings = found,
                    Ok(found) => findings.extend(found),
                    Err(message) => {
                        eprintln!("{message}");
                        unread += 1;
                    }
                }
            }
            // Written as they are formatted: a long page's findings are a hundred megabytes of text.
            use std::io::Write as _;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let written = match format {
                LintFormat::Text => findings.iter().try_for_each(|f| writeln!(out, "{f}")),
                LintFormat::Json => serde_json::to_writer_pretty(&mut out, &findings).map_err(std::io::Error::from),
                LintFormat::Sarif => {
                    let sarif = attain_docs::sarif(&findings, env!("CARGO_PKG_VERSION"));
                    serde_json::to_writer_pretty(&mut out, &sarif).map_err(std::io::Error::from)
                }
            };
            // A closed pipe (e.g. `| head`) is not an error worth reporting.
            let _ = written.and_then(|()| {
                if !matches!(format, LintFormat::Text) {
                    writeln!(out)?;
                }
                out.flush()
            });
            drop(out);
            if matches!(format, LintFormat::Text) {
                eprintln!("{}", attain_docs::lint_summary(&lang.localizer(), files.len(), &findings));
            }
            if unread > 0 {
                return Ok(ExitCode::from(2));
            }
            if findings.iter().any(|f| f.severity == attain_docs::Severity::Error) {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Gen { partners, out, seed, customers, months, program, order } => {
            let profile = match choose_program(&rules, program.as_deref())?.by_metrics() {
                true => attain_gen::Profile::Points,
                false => attain_gen::Profile::Competency,
            };
            let shape = attain_gen::Shape {
                partners,
                customers_per_partner: customers,
                months,
                seed,
                order: match order {
                    RowOrder::Customer => attain_gen::Order::Customer,
                    RowOrder::Date => attain_gen::Order::Date,
                    RowOrder::Random => attain_gen::Order::Random,
                },
                ..attain_gen::Shape::with_profile(profile)
            };
            let written = attain_gen::generate(&shape, &out).map_err(|e| Failure(format!("{}: {e}", out.display())))?;
            eprintln!(
                "wrote {} partners, {} associations, {} consumption rows, {} rates, {} people, {} achievements to {}",
                written.partners,
                written.associations,
                written.consumption,
                written.rates,
                written.people,
                written.achievements,
                out.display()
            );
        }
        Command::Import { data, db, no_wait } => return books::import(&data, &db, no_wait),
        Command::Snapshot { as_of, program, db } => return books::snapshot(&rules, program.as_deref(), as_of, &db),
        Command::History { partner, program, format, lang, db } => {
            return books::history(&rules, program.as_deref(), &partner, format, &lang, &db)
        }
        Command::Token(command) => return books::token(command),
        Command::Serve(args) => return books::serve(rules, args),
        Command::Rollup(args) => batch::rollup(&rules, &args)?,
        Command::SparkJob { program, out } => {
            let job = attain_batch::spark::job(choose_program(&rules, program.as_deref())?);
            match out {
                Some(file) => std::fs::write(&file, job).map_err(|e| Failure(format!("{}: {e}", file.display())))?,
                None => stdout(job),
            }
        }
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "attain", &mut script);
            stdout(script);
        }
        Command::Schema { output } => {
            let output = match output {
                SchemaOutput::Evaluate => attain_server::schema::Output::Evaluate,
                SchemaOutput::Explain => attain_server::schema::Output::Explain,
            };
            stdout(serde_json::to_string_pretty(&attain_server::schema::document(output))? + "\n");
        }
        Command::Man { out } => {
            use clap::CommandFactory;
            let render = |command: clap::Command, title: &str| -> Result<Vec<u8>, Failure> {
                let mut page = Vec::new();
                let man = clap_mangen::Man::new(command).title(title.to_uppercase());
                man.render(&mut page).map_err(|e| Failure(format!("man: {e}")))?;
                Ok(page)
            };
            let command = Cli::command();
            match out {
                None => stdout(render(command, "attain")?),
                Some(dir) => {
                    let write = |name: &str, page: Vec<u8>| {
                        let path = dir.join(name);
                        std::fs::write(&path, page).map_err(|e| Failure(format!("{}: {e}", path.display())))
                    };
                    std::fs::create_dir_all(&dir).map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
                    for sub in command.get_subcommands() {
                        let name = format!("attain-{}", sub.get_name());
                        write(&format!("{name}.1"), render(sub.clone(), &name)?)?;
                    }
                    write("attain.1", render(command, "attain")?)?;
                }
            }
        }
        Command::Programs => {
            let mut out = String::new();
            for p in &rules.programs {
                let levels: Vec<_> = p.levels.iter().map(|l| l.id.as_str()).collect();
                out.push_str(&format!("{}  {} ({})  levels: {}\n", p.id, p.name, p.option_name, levels.join(" < ")));
                for (i, v) in p.versions.iter().enumerate() {
                    let until = p.versions.get(i + 1).map_or_else(
                        || "until further notice".to_owned(),
                        |next| format!("until {}", next.effective.yesterday().expect("after the first day")),
                    );
                    out.push_str(&format!("  version {}  in force from {} {until}\n", v.id, v.effective));
                }
                for d in &p.drafts {
                    out.push_str(&format!(
                        "  draft {}  dated {}, not in force (attain compare --draft {})\n",
                        d.id, d.effective, d.id
                    ));
                }
            }
            stdout(out);
        }
        Command::TestRules { program } => {
            let reports = attain_cases::run_all(&rules, program.as_deref());
            let (mut passed, mut failed) = (0, 0);
            for report in &reports {
                for failure in &report.failures {
                    eprintln!("{failure}");
                }
                println!("{}: {} passed, {} failed", report.file, report.passed, report.failures.len());
                passed += report.passed;
                failed += report.failures.len();
            }
            println!("rule cases: {passed} passed, {failed} failed");
            if failed > 0 || reports.is_empty() {
                if reports.is_empty() {
                    eprintln!("error: no rule test cases found");
                }
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
