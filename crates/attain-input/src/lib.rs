//! Reading a folder of CSV files (SPEC section 3) into validated [`Facts`]; each file may also
//! be given as Parquet (`NAME.parquet`, same columns), read by [`columnar`] into the same rows.
//!
//! All or nothing: every problem is collected with its file, line and column,
//! and no facts are returned unless there are none.

pub mod bytes;
mod columnar;
mod credits;
mod iso;
mod table;
pub use credits::read_credits;
pub use table::MAX_LINE_BYTES;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use attain_engine::{
    usd_value, Achievement, Association, AssociationKind, Consumption, Decimal, Facts, Label, Market, MeasureReport,
    Partner, Person,
};
use jiff::civil::Date;

use table::{Row, Table};

/// One problem in the input, located as `file:line:column` (line and column 1-based). In a
/// Parquet file (its name ends in `.parquet`) `line` is the data row and `column` the top-level
/// column, shown as `file:row 17:column 3` so that neither is taken for a line of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub file: String,
    /// `None` for problems with the file as a whole (e.g. it is missing).
    pub line: Option<u64>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = &self.file;
        match (self.line, self.column, file.ends_with(".parquet")) {
            (Some(line), Some(column), false) => write!(f, "{file}:{line}:{column}: {}", self.message),
            (Some(line), None, false) => write!(f, "{file}:{line}: {}", self.message),
            (Some(row), Some(column), true) => write!(f, "{file}:row {row}:column {column}: {}", self.message),
            (Some(row), None, true) => write!(f, "{file}:row {row}: {}", self.message),
            (None, Some(column), true) => write!(f, "{file}:column {column}: {}", self.message),
            _ => write!(f, "{file}: {}", self.message),
        }
    }
}

/// Every problem found, in file order; reading stops after [`InputErrors::LIMIT`].
#[derive(Debug, Clone, Default)]
pub struct InputErrors(pub Vec<InputError>);

impl InputErrors {
    pub const LIMIT: usize = 50;

    fn full(&self) -> bool {
        self.0.len() >= Self::LIMIT
    }
}

impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.0 {
            writeln!(f, "{e}")?;
        }
        if self.full() {
            writeln!(f, "(stopped after {} errors)", Self::LIMIT)?;
        }
        Ok(())
    }
}

impl std::error::Error for InputErrors {}

/// Where the input files come from: a folder, or files held in memory (uploads, rule test cases).
pub trait Source: Sync {
    /// The file's name as shown in messages.
    fn path_of(&self, name: &str) -> String;
    /// The whole source as shown in messages.
    fn describe(&self) -> String;
    /// `Ok(None)` when the file does not exist.
    fn open(&self, name: &str) -> std::io::Result<Option<Box<dyn Read + '_>>>;
    /// A Parquet file (`name` ends in `.parquet`), opened to be read in place: Parquet is read by
    /// seeking to its footer and column chunks. `Ok(None)` when it does not exist, as in every
    /// source that holds text only.
    fn open_parquet(&self, _name: &str) -> std::io::Result<Option<std::fs::File>> {
        Ok(None)
    }
    /// When `name` is given as a folder of parts (`consumption/` for `consumption.csv`, as cloud
    /// cost exports write them: one file per day or run, nested by date), the name of each part
    /// in the order of their paths: every `*.csv`, `*.csv.gz` and `*.parquet` at any depth
    /// (anything else, such as an export's manifest, is no part). `Ok(None)` when there is no
    /// such folder, as in every source that holds files only.
    fn parts(&self, _name: &str) -> std::io::Result<Option<Vec<String>>> {
        Ok(None)
    }
}

/// The folder that may hold `name`'s parts: its name without `.csv`.
pub fn parts_folder(name: &str) -> &str {
    name.strip_suffix(".csv").unwrap_or(name)
}

/// Whether a file name is one of a part (see [`Source::parts`]).
fn is_part(file_name: &str) -> bool {
    !file_name.starts_with(['.', '_'])
        && [".csv", ".csv.gz", ".parquet"].iter().any(|suffix| file_name.ends_with(suffix))
}

/// The files of a folder on disk.
pub struct DirSource<'a>(pub &'a Path);

impl Source for DirSource<'_> {
    fn path_of(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
    fn describe(&self) -> String {
        self.0.display().to_string()
    }
    fn open(&self, name: &str) -> std::io::Result<Option<Box<dyn Read + '_>>> {
        use std::io::BufReader;
        Ok(self.file(name)?.map(|file| match name.ends_with(".gz") {
            // Several gzip members one after the other are one stream (as `cat a.gz b.gz` makes).
            true => Box::new(BufReader::with_capacity(
                1 << 16,
                flate2::read::MultiGzDecoder::new(BufReader::with_capacity(1 << 16, file)),
            )) as _,
            false => Box::new(BufReader::with_capacity(1 << 16, file)) as _,
        }))
    }
    fn open_parquet(&self, name: &str) -> std::io::Result<Option<std::fs::File>> {
        self.file(name)
    }
    fn parts(&self, name: &str) -> std::io::Result<Option<Vec<String>>> {
        let folder = parts_folder(name);
        match std::fs::metadata(self.0.join(folder)) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => return Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        }
        let mut parts = Vec::new();
        let mut folders = vec![folder.to_owned()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(self.0.join(&folder))? {
                let entry = entry?;
                let Some(file_name) = entry.file_name().to_str().map(str::to_owned) else { continue };
                let name = format!("{folder}/{file_name}");
                // Links are followed, as for the input files themselves.
                if std::fs::metadata(entry.path())?.is_dir() {
                    folders.push(name);
                } else if is_part(&file_name) {
                    parts.push(name);
                }
            }
        }
        parts.sort();
        Ok(Some(parts))
    }
}

impl DirSource<'_> {
    fn file(&self, name: &str) -> std::io::Result<Option<std::fs::File>> {
        open_regular(&self.0.join(name))
    }
}

/// The file at `path`, `Ok(None)` when there is none. Anything but a regular file (after links)
/// is refused before it is opened: opening a FIFO blocks until a writer comes, and a device
/// such as `/dev/zero` never ends.
pub fn open_regular(path: &Path) -> std::io::Result<Option<std::fs::File>> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file (a folder, a FIFO or a device): give the path of a file",
        )),
        Ok(_) => std::fs::File::open(path).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Files held in memory, by name; `label` stands for the folder in messages.
pub struct MemorySource {
    pub label: String,
    pub files: BTreeMap<String, String>,
}

impl Source for MemorySource {
    fn path_of(&self, name: &str) -> String {
        format!("{}/{name}", self.label)
    }
    fn describe(&self) -> String {
        self.label.clone()
    }
    fn open(&self, name: &str) -> std::io::Result<Option<Box<dyn Read + '_>>> {
        Ok(self.files.get(name).map(|text| Box::new(text.as_bytes()) as Box<dyn Read>))
    }
}

/// `consumption.parquet` for `consumption.csv`: the name under which an input file is given as Parquet.
pub fn parquet_name(name: &str) -> String {
    format!("{}.parquet", name.strip_suffix(".csv").unwrap_or(name))
}

/// The form in which a source holds an input file.
pub(crate) enum Found<'s> {
    Csv(Box<dyn Read + 's>),
    Parquet(std::fs::File),
    Missing,
}

/// `NAME.parquet` when the source holds it, else `NAME.csv` (`name`). Both at once is an error:
/// which one is meant cannot be known, and reading either could silently drop the other's rows.
pub(crate) fn find<'s>(source: &'s dyn Source, name: &str) -> Result<Found<'s>, InputError> {
    let parquet = parquet_name(name);
    let cannot = |file: &str, e: std::io::Error| InputError {
        file: source.path_of(file),
        line: None,
        column: None,
        message: format!("cannot read: {e}"),
    };
    let columnar = source.open_parquet(&parquet).map_err(|e| cannot(&parquet, e))?;
    let text = source.open(name).map_err(|e| cannot(name, e))?;
    match (text, columnar) {
        (Some(_), Some(_)) => Err(InputError {
            file: source.describe(),
            line: None,
            column: None,
            message: format!("holds both {name} and {parquet}: keep one"),
        }),
        (None, Some(file)) => Ok(Found::Parquet(file)),
        (Some(read), None) => Ok(Found::Csv(read)),
        (None, None) => Ok(Found::Missing),
    }
}

/// The files of an input folder (SPEC section 3); `fx_rates.csv` may be absent. Each may be
/// given as Parquet instead, under its [`parquet_name`].
pub const FILE_NAMES: [&str; 6] =
    ["partners.csv", "associations.csv", "consumption.csv", "fx_rates.csv", "people.csv", "achievements.csv"];

/// [`FILE_NAMES`] and the optional files some programs read (`measures.csv`): every file an
/// input folder or an upload may hold.
pub const ALL_FILE_NAMES: [&str; 7] = [
    "partners.csv",
    "associations.csv",
    "consumption.csv",
    "fx_rates.csv",
    "people.csv",
    "achievements.csv",
    "measures.csv",
];

/// Which columns of `consumption.csv` carry the customer, date, amount and currency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ConsumptionFormat {
    /// The SPEC's columns: `customer_id`, `date` (`YYYY-MM-DD`), `amount`, `currency`.
    #[default]
    Spec,
    /// A FOCUS 1.0 to 1.2 cost and usage export: `SubAccountId`, `ChargePeriodStart` (an ISO 8601
    /// datetime in UTC), `EffectiveCost` (amortized cost), `BillingCurrency`. Where a row has
    /// Azure's `x_EffectiveCostInUsd`, that is its value in US dollars (no rate is needed). A
    /// row of `ChargeClass` `Correction` is dated, as every row, by its `ChargePeriodStart`: the
    /// period it corrects, whichever billing period brought it.
    Focus,
}

impl ConsumptionFormat {
    /// The header names of the customer, date, amount and currency columns.
    pub fn columns(self) -> [&'static str; 4] {
        match self {
            ConsumptionFormat::Spec => ["customer_id", "date", "amount", "currency"],
            ConsumptionFormat::Focus => ["SubAccountId", "ChargePeriodStart", "EffectiveCost", "BillingCurrency"],
        }
    }

    /// The optional columns read as labels of a row (the service and the offer's category), which
    /// matter to some programs only; FOCUS exports name them otherwise and are read without them.
    fn label_columns(self) -> &'static [&'static str] {
        match self {
            ConsumptionFormat::Spec => &["service", "offer"],
            ConsumptionFormat::Focus => &[],
        }
    }

    /// The optional column that holds a row's value already in US dollars, if the format has one.
    pub fn usd_column(self) -> Option<&'static str> {
        match self {
            ConsumptionFormat::Spec => None,
            ConsumptionFormat::Focus => Some("x_EffectiveCostInUsd"),
        }
    }

    /// Every optional column read: the labels, then the value in US dollars.
    fn optional_columns(self) -> Vec<&'static str> {
        self.label_columns().iter().copied().chain(self.usd_column()).collect()
    }

    /// The day a row is dated on.
    pub fn parse_date(self, text: &str) -> Result<Date, String> {
        match self {
            ConsumptionFormat::Spec => parse_date(text),
            ConsumptionFormat::Focus => parse_utc_datetime(text),
        }
    }
}

/// `consumption.parquet`, for readers that stream consumption themselves: the customer, date,
/// amount and currency of each row as the text [`read_with`] validates, a row group at a time.
/// The file is opened and its footer read once, here: the readers of its row groups, in any
/// number of threads, share both.
pub struct ParquetConsumption {
    file: Arc<columnar::Opened>,
    /// The columns read: the four above, then the labels [`read_with`] reads too.
    columns: usize,
}

impl ParquetConsumption {
    /// `None` when `dir` holds no `consumption.parquet`, or none this reader can read as a table
    /// of the format's columns, labels included (the exact reader then says why).
    pub fn open(dir: &Path, format: ConsumptionFormat) -> Option<ParquetConsumption> {
        let path = dir.join(parquet_name("consumption.csv"));
        let file = open_regular(&path).ok()??;
        let shown = path.display().to_string();
        let (required, labels) = (format.columns(), format.label_columns());
        let optional = format.optional_columns();
        let (file, columns) = columnar::Opened::open(file, &shown, &required, &optional, &mut InputErrors::default())?;
        // Values already in US dollars are read by the exact reader only.
        if format.usd_column().is_some_and(|usd| columns.iter().any(|(name, at)| *name == usd && at.is_some())) {
            return None;
        }
        Some(ParquetConsumption { file, columns: required.len() + labels.len() })
    }

    pub fn groups(&self) -> usize {
        self.file.groups()
    }

    /// Calls `f` with the `[customer, date, amount, currency]` of each row of row group `group`,
    /// in order; `None` as soon as one of those is empty, a value of any column read (labels
    /// too) has no text form (the exact reader reports both), the file cannot be read, or `f`
    /// returns `None`.
    pub fn each_row(&self, group: usize, mut f: impl FnMut([&str; 4]) -> Option<()>) -> Option<()> {
        let mut rows = self.file.rows(group..group + 1);
        let mut batch = columnar::Batch::default();
        loop {
            let n = rows.next(&mut batch).ok()?;
            if n == 0 {
                return Some(());
            }
            for row in 0..n {
                let text = |k: usize| match batch.field(k, row) {
                    table::Field::Text(text) => Some(text),
                    table::Field::Empty | table::Field::Invalid(_) => None,
                };
                if (4..self.columns).any(|k| matches!(batch.field(k, row), table::Field::Invalid(_))) {
                    return None;
                }
                f([text(0)?, text(1)?, text(2)?, text(3)?])?;
            }
        }
    }
}

/// Reads and validates `partners.csv`, `associations.csv`, `consumption.csv`,
/// `fx_rates.csv` (when present), `people.csv` and `achievements.csv` from `dir`.
pub fn read_dir(dir: &Path) -> Result<Facts, InputErrors> {
    read(&DirSource(dir))
}

/// Reads and validates the input files of any [`Source`].
pub fn read(source: &dyn Source) -> Result<Facts, InputErrors> {
    read_with(source, ConsumptionFormat::Spec)
}

/// Reads and validates the input files of any [`Source`], consumption in the given format.
pub fn read_with(source: &dyn Source, format: ConsumptionFormat) -> Result<Facts, InputErrors> {
    let mut errors = InputErrors::default();
    let mut facts = Facts::default();
    read_files(source, Some(format), &mut errors, &mut facts);
    finish(facts, errors)
}

/// Everything but the consumption rows, and the exchange rates (`None` without `fx_rates.csv`).
pub type Reference = (Facts, Option<Rates>);

/// Everything but the consumption rows, validated, and the exchange rates (`None` without
/// `fx_rates.csv`): for readers that stream `consumption.csv` themselves. Their rows are valid
/// only if [`read_with`] would accept them. A folder that holds both `consumption.csv` and
/// `consumption.parquet` is refused here already, as [`read_with`] refuses it.
pub fn read_reference(source: &dyn Source) -> Result<Reference, InputErrors> {
    let mut errors = InputErrors::default();
    let mut facts = Facts::default();
    let rates = read_files(source, None, &mut errors, &mut facts);
    finish(facts, errors).map(|facts| (facts, rates))
}

/// [`read_reference`] in two threads: `partners.csv`, then `associations.csv` and `fx_rates.csv`
/// on this thread while `people.csv` and `achievements.csv` are read on another. When the first
/// three hold no error, `meanwhile` runs on them (partners already sorted by id) before the
/// people are joined: a streaming reader credits consumption, which needs nothing else, while
/// the people are still being read. Errors are those of [`read_reference`], in the same order.
///
/// Without `associations`, `associations.csv` is not read at all (no facts, no errors but that of
/// a folder holding `associations.parquet` too): for a caller that reads it itself and refuses
/// whatever this reader would report.
pub fn read_reference_meanwhile<T>(
    source: &(dyn Source + Sync),
    associations: bool,
    meanwhile: impl FnOnce(&Facts, Option<&Rates>) -> T,
) -> (Result<Reference, InputErrors>, Option<T>) {
    let mut errors = InputErrors::default();
    let mut facts = Facts::default();
    let partner_ids = read_partners(source, &mut errors, &mut facts);
    facts.partners.sort_by(|a, b| a.id.cmp(&b.id));
    let (people, (rates, outcome)) = std::thread::scope(|scope| {
        let people = scope.spawn(|| {
            // Each file's errors apart, so that they can be put back in file order.
            let (mut people_errors, mut achievement_errors) = (InputErrors::default(), InputErrors::default());
            let mut facts = Facts::default();
            // Plain, valid files straight from their bytes; anything else the exact way.
            if let Some((people, achievements)) = bytes::people_and_achievements(source, &partner_ids) {
                facts.people = people;
                facts.achievements = achievements;
                return (facts, people_errors, achievement_errors);
            }
            let person_ids = read_people(source, &partner_ids, &mut people_errors, &mut facts);
            read_achievements(source, &person_ids, &mut achievement_errors, &mut facts);
            (facts, people_errors, achievement_errors)
        });
        let mut mine = InputErrors::default();
        if associations {
            read_associations(source, &partner_ids, &mut mine, &mut facts);
        } else {
            unambiguous(source, "associations.csv", &mut mine);
        }
        let rates = read_rates(source, &mut mine);
        consumption_unambiguous(source, &mut mine);
        let outcome = (errors.0.is_empty() && mine.0.is_empty()).then(|| meanwhile(&facts, rates.as_ref()));
        (people.join().expect("the people reader panicked"), (rates, (mine, outcome)))
    });
    let (mut theirs, people_errors, achievement_errors) = people;
    let (association_errors, outcome) = outcome;
    let mut measure_errors = InputErrors::default();
    read_measures(source, &mut measure_errors, &mut facts);
    // The order of `read_files`: partners, people, associations and rates, achievements, measures.
    for more in [people_errors, association_errors, achievement_errors, measure_errors] {
        errors.0.extend(more.0);
    }
    errors.0.truncate(InputErrors::LIMIT);
    facts.people = std::mem::take(&mut theirs.people);
    facts.achievements = std::mem::take(&mut theirs.achievements);
    (finish(facts, errors).map(|facts| (facts, rates)), outcome)
}

/// Reads the files in the order their errors are reported; consumption only when a format is given.
fn read_files(
    source: &dyn Source,
    consumption: Option<ConsumptionFormat>,
    errors: &mut InputErrors,
    facts: &mut Facts,
) -> Option<Rates> {
    let partner_ids = read_partners(source, errors, facts);
    let person_ids = read_people(source, &partner_ids, errors, facts);
    read_associations(source, &partner_ids, errors, facts);
    let rates = read_rates(source, errors);
    match consumption {
        Some(format) => read_consumption(source, format, rates.as_ref(), errors, facts),
        None => consumption_unambiguous(source, errors),
    }
    read_achievements(source, &person_ids, errors, facts);
    read_measures(source, errors, facts);
    rates
}

/// Reports a consumption given twice over (as CSV and Parquet, or beside a folder of parts), for
/// readers that stream consumption themselves.
fn consumption_unambiguous(source: &dyn Source, errors: &mut InputErrors) {
    let before = errors.0.len();
    if consumption_parts(source, errors).is_some() || errors.0.len() > before {
        return;
    }
    unambiguous(source, "consumption.csv", errors);
}

/// For a file that the caller reads itself, from `NAME.csv`: the error of a source that holds
/// `NAME.parquet` too, which the classic reader would report.
fn unambiguous(source: &dyn Source, name: &str, errors: &mut InputErrors) {
    if let Err(e) = find(source, name) {
        errors.0.push(e);
    }
}

fn finish(mut facts: Facts, errors: InputErrors) -> Result<Facts, InputErrors> {
    if errors.0.is_empty() {
        facts.partners.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(facts)
    } else {
        Err(errors)
    }
}

/// Remembers the line of each id, to point at the first when one repeats.
fn first_seen(seen: &mut HashMap<String, u64>, row: &mut Row<'_>, column: &str, id: &str, what: &str) {
    if let Some(first) = seen.get(id) {
        let first = row.place(*first);
        row.error(column, format!("duplicate {what} {id:?} (first on {first})"));
    } else {
        seen.insert(id.to_owned(), row.line());
    }
}

fn read_partners(dir: &dyn Source, errors: &mut InputErrors, facts: &mut Facts) -> HashSet<String> {
    // A plain, valid file straight from its bytes; anything else the exact way.
    if let Some((partners, ids)) = bytes::partners(dir) {
        facts.partners.extend(partners);
        return ids;
    }
    let mut seen = HashMap::new();
    if let Some(mut table) = Table::open(dir, "partners.csv", &["partner_id", "name", "country"], &["market"], errors) {
        table.each(errors, |row| {
            let id = row.required("partner_id");
            let name = row.required("name");
            let country = row.parse("country", |c| {
                if iso::COUNTRIES.binary_search(&c).is_ok() {
                    Ok(c.to_owned())
                } else if c.len() == 2 && iso::COUNTRIES.binary_search(&c.to_ascii_uppercase().as_str()).is_ok() {
                    Err(format!("country {c:?} must be written in capitals: {:?}", c.to_ascii_uppercase()))
                } else {
                    Err(format!("{c:?} is not an ISO 3166-1 alpha-2 country code (e.g. US, DE, KR)"))
                }
            });
            let market = row.optional_parse("market", |m| m.parse::<Market>());
            if let Some(id) = &id {
                first_seen(&mut seen, row, "partner_id", id, "partner_id");
            }
            if let (Some(id), Some(name), Some(country), Some(market)) = (id, name, country, market) {
                facts.partners.push(Partner { id, name, country, market });
            }
        });
    }
    seen.into_keys().collect()
}

fn read_people(
    dir: &dyn Source,
    partners: &HashSet<String>,
    errors: &mut InputErrors,
    facts: &mut Facts,
) -> HashSet<String> {
    let mut seen = HashMap::new();
    if let Some(mut table) =
        Table::open(dir, "people.csv", &["person_id", "partner_id", "name"], &["joined", "left"], errors)
    {
        table.each(errors, |row| {
            let id = row.required("person_id");
            let partner_id = row.reference("partner_id", partners, "partner", "partners.csv");
            let name = row.required("name");
            let joined = row.optional_parse("joined", parse_date);
            let left = row.optional_parse("left", parse_date);
            if let (Some(Some(joined)), Some(Some(left))) = (joined, left) {
                if left < joined {
                    row.error("left", format!("left {left} is before joined {joined}"));
                }
            }
            if let Some(id) = &id {
                first_seen(&mut seen, row, "person_id", id, "person_id");
            }
            if let (Some(id), Some(partner_id), Some(name), Some(joined), Some(left)) =
                (id, partner_id, name, joined, left)
            {
                facts.people.push(Person { id, partner_id, name, joined, left });
            }
        });
    }
    seen.into_keys().collect()
}

fn read_associations(dir: &dyn Source, partners: &HashSet<String>, errors: &mut InputErrors, facts: &mut Facts) {
    let columns = ["partner_id", "customer_id", "kind", "start"];
    if let Some(mut table) = Table::open(dir, "associations.csv", &columns, &["end"], errors) {
        table.each(errors, |row| {
            let partner_id = row.reference("partner_id", partners, "partner", "partners.csv");
            let customer_id = row.required("customer_id");
            let kind = row.parse("kind", |k| k.parse::<AssociationKind>());
            let start = row.parse("start", parse_date);
            let end = row.optional_parse("end", parse_date);
            if let (Some(start), Some(Some(end))) = (start, end) {
                if end < start {
                    row.error("end", format!("end {end} is before start {start}"));
                }
            }
            if let (Some(partner_id), Some(customer_id), Some(kind), Some(start), Some(end)) =
                (partner_id, customer_id, kind, start, end)
            {
                facts.associations.push(Association { partner_id, customer_id, kind, start, end });
            }
        });
    }
}

/// USD per unit, by currency and month (`YYYY-MM`).
pub type Rates = HashMap<(String, String), Decimal>;

fn read_rates(dir: &dyn Source, errors: &mut InputErrors) -> Option<Rates> {
    if matches!(find(dir, "fx_rates.csv"), Ok(Found::Missing)) {
        return None;
    }
    let mut rates = Rates::new();
    let mut lines = HashMap::new();
    let mut table = Table::open(dir, "fx_rates.csv", &["currency", "month", "usd_per_unit"], &[], errors)?;
    table.each(errors, |row| {
        let currency = row.parse("currency", parse_currency);
        let month = row.parse("month", parse_month);
        let rate = row.parse("usd_per_unit", |r| Decimal::parse(r).map_err(|e| format!("usd_per_unit {r:?}: {e}")));
        if let (Some(currency), Some(month), Some(rate)) = (currency, month, rate) {
            let key = (currency, month);
            if let Some(first) = lines.get(&key) {
                let first = row.place(*first);
                row.error("month", format!("second rate for {} in {} (first on {first})", key.0, key.1));
            } else {
                lines.insert(key.clone(), row.line());
                rates.insert(key, rate);
            }
        }
    });
    Some(rates)
}

/// A row worth more than this many micro-dollars (10^24 US dollars), in either direction, could
/// overflow an exact sum of many rows, so it is refused.
pub const MAX_ROW_MICROS: i128 = 1_000_000_000_000_000_000_000_000_000_000;

fn read_consumption(
    source: &dyn Source,
    format: ConsumptionFormat,
    rates: Option<&Rates>,
    errors: &mut InputErrors,
    facts: &mut Facts,
) {
    let name = "consumption.csv";
    let columns = format.columns();
    let optional = &format.optional_columns()[..];
    let before = errors.0.len();
    let parts = match consumption_parts(source, errors) {
        Some(parts) => parts,
        // The folder of parts is in error (what earlier files said is no reason to stop here).
        None if errors.0.len() > before => return,
        None => {
            if let Some(mut table) = Table::open(source, name, &columns, optional, errors) {
                consumption_rows(&mut table, format, rates, errors, facts);
            }
            return;
        }
    };
    // Parts are independent: read on every core, each into facts of its own, then joined in the
    // order of their paths (rows, labels and errors as one reader reading them in turn would).
    let read_part = |part: &String| {
        let (mut part_facts, mut part_errors) = (Facts::default(), InputErrors::default());
        if let Some(mut table) = Table::open_part(source, part, &columns, optional, &mut part_errors) {
            consumption_rows(&mut table, format, rates, &mut part_errors, &mut part_facts);
        }
        (part_facts, part_errors)
    };
    let mut labels = HashMap::new();
    for (part_facts, part_errors) in in_parallel(&parts, read_part) {
        for e in part_errors.0 {
            if errors.full() {
                return;
            }
            errors.0.push(e);
        }
        let relabel = facts.intern_all(&mut labels, &part_facts);
        facts.consumption.extend(part_facts.consumption.into_iter().map(|mut row| {
            row.service = relabel[row.service.0 as usize];
            row.offer = relabel[row.offer.0 as usize];
            row
        }));
    }
}

/// The rate that turns `currency` into US dollars in `date`'s month (`None` for USD itself), or
/// why there is none.
fn rate_of(rates: Option<&Rates>, currency: &str, date: Date) -> Result<Option<Decimal>, String> {
    if currency == "USD" {
        return Ok(None);
    }
    let month = date.strftime("%Y-%m").to_string();
    match rates.map(|r| r.get(&(currency.to_owned(), month.clone()))) {
        Some(Some(rate)) => Ok(Some(*rate)),
        Some(None) => Err(format!("no rate for {currency} in {month} in fx_rates.csv{}", no_rate_hint(currency))),
        None => Err(match no_rate_hint(currency) {
            "" => format!("no rate for {currency} in {month}: add fx_rates.csv (currency,month,usd_per_unit), needed when a currency other than USD occurs"),
            _ => format!("{currency} is no currency ISO 4217 lists (a typo for USD?); a historic or new code reads once fx_rates.csv (currency,month,usd_per_unit) has its rates"),
        }),
    }
}

/// The parts of `consumption.csv` when the source gives it as a folder (see [`Source::parts`]);
/// `None`, with an error reported, when that folder cannot be read, holds no part, or stands
/// beside `consumption.csv` or `consumption.parquet` (which rows are meant cannot be known).
fn consumption_parts(source: &dyn Source, errors: &mut InputErrors) -> Option<Vec<String>> {
    let name = "consumption.csv";
    let folder = parts_folder(name);
    let error = |message: String| InputError { file: source.path_of(folder), line: None, column: None, message };
    let parts = match source.parts(name) {
        Ok(parts) => parts?,
        Err(e) => {
            errors.0.push(error(format!("cannot read: {e}")));
            return None;
        }
    };
    match find(source, name) {
        Ok(Found::Missing) => {}
        Ok(_) => {
            let message = format!("holds both {folder}/ and {name} or {}: keep one", parquet_name(name));
            errors.0.push(InputError { message, ..error(String::new()) });
            return None;
        }
        Err(e) => {
            errors.0.push(e);
            return None;
        }
    }
    if parts.is_empty() {
        errors.0.push(error("holds no part: files named *.csv, *.csv.gz or *.parquet, at any depth".to_owned()));
        return None;
    }
    Some(parts)
}

/// `f` of each item, on every core (contiguous shares), in the items' order.
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len()).max(1);
    let share = items.len().div_ceil(threads).max(1);
    let f = &f;
    std::thread::scope(|scope| {
        let shares: Vec<_> =
            items.chunks(share).map(|share| scope.spawn(move || share.iter().map(f).collect::<Vec<R>>())).collect();
        shares
            .into_iter()
            .flat_map(|share| share.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
}

/// Validates and values every row of a consumption table into `facts`.
fn consumption_rows(
    table: &mut Table<'_>,
    format: ConsumptionFormat,
    rates: Option<&Rates>,
    errors: &mut InputErrors,
    facts: &mut Facts,
) {
    let [customer_column, date_column, amount_column, currency_column] = format.columns();
    let optional = format.label_columns();
    let mut labels = HashMap::new();
    table.each(errors, |row| {
        let customer_id = row.required(customer_column);
        let date = row.parse(date_column, |d| format.parse_date(d));
        let decimal = |a: &str| Decimal::parse(a).map_err(|e| format!("amount {a:?}: {e}"));
        // A value the export already gives in US dollars needs neither currency nor rate.
        let in_usd = match format.usd_column() {
            Some(column) => row.optional_parse(column, decimal),
            None => Some(None),
        };
        let priced = match in_usd {
            Some(Some(usd)) => Some((usd, None)),
            Some(None) => {
                let amount = row.parse(amount_column, decimal);
                let currency = row.parse(currency_column, parse_currency);
                amount.zip(currency).map(|(amount, currency)| (amount, Some(currency)))
            }
            None => None,
        };
        let (Some(customer_id), Some(date), Some((amount, currency))) = (customer_id, date, priced) else {
            return;
        };
        let (rate, amount_column) = match currency {
            None => (None, format.usd_column().expect("a value in US dollars was read from it")),
            Some(currency) => match rate_of(rates, &currency, date) {
                Ok(rate) => (rate, amount_column),
                Err(message) => return row.error(currency_column, message),
            },
        };
        let [service, offer] = [0, 1].map(|i| match optional.get(i) {
            Some(column) => row.optional_parse(column, |t| Ok::<_, String>(facts.intern(&mut labels, t))),
            None => None,
        });
        let [service, offer] = [service, offer].map(|label| label.flatten().unwrap_or(Label::NONE));
        match usd_value(amount, rate) {
            Some(usd) if usd.micros().abs() < MAX_ROW_MICROS => {
                facts.consumption.push(Consumption { customer_id, date, usd, service, offer })
            }
            _ => row.error(amount_column, "amount too large to sum exactly (more than 10^24 US dollars)"),
        }
    });
}

fn read_achievements(dir: &dyn Source, people: &HashSet<String>, errors: &mut InputErrors, facts: &mut Facts) {
    let Some(mut table) =
        Table::open(dir, "achievements.csv", &["person_id", "credential", "date"], &["expires"], errors)
    else {
        return;
    };
    table.each(errors, |row| {
        let person_id = row.reference("person_id", people, "person", "people.csv");
        let credential = row.required("credential");
        let date = row.parse("date", parse_date);
        // An expiry before the achievement's date is valid (SPEC section 3 does not refuse it):
        // such an achievement never counts.
        let expires = row.optional_parse("expires", parse_date);
        if let (Some(person_id), Some(credential), Some(date), Some(expires)) = (person_id, credential, date, expires) {
            facts.achievements.push(Achievement { person_id, credential, date, expires });
        }
    });
}

/// `measures.csv`, optional: values reported per customer, measure and date (e.g. a workload's
/// active users), read by programs whose metrics name the measure. A second report of the same
/// customer, measure and date is an error.
fn read_measures(dir: &dyn Source, errors: &mut InputErrors, facts: &mut Facts) {
    if matches!(find(dir, "measures.csv"), Ok(Found::Missing)) {
        return;
    }
    let columns = ["customer_id", "measure", "date", "value"];
    let Some(mut table) = Table::open(dir, "measures.csv", &columns, &[], errors) else { return };
    let mut seen = HashMap::new();
    table.each(errors, |row| {
        let customer_id = row.required("customer_id");
        let measure = row.required("measure");
        let date = row.parse("date", parse_date);
        let value = row.parse("value", |v| {
            v.parse::<i128>()
                .ok()
                .filter(|n| n.abs() < MAX_ROW_MICROS)
                .ok_or_else(|| format!("value {v:?} must be a whole number, e.g. 1250"))
        });
        let (Some(customer_id), Some(measure), Some(date), Some(value)) = (customer_id, measure, date, value) else {
            return;
        };
        let key = (customer_id.clone(), measure.clone(), date);
        if let Some(first) = seen.get(&key) {
            let first = row.place(*first);
            row.error("date", format!("second {measure} of {customer_id} on {date} (first on {first})"));
            return;
        }
        seen.insert(key, row.line());
        facts.measures.push(MeasureReport { customer_id, measure, date, value });
    });
}

/// `YYYY-MM-DD`, a real calendar date.
pub fn parse_date(text: &str) -> Result<Date, String> {
    match field::calendar_day(text.as_bytes()) {
        Ok((y, m, d)) => Ok(Date::new(y as i16, m as i8, d as i8).expect("a calendar day of years 0 to 9999")),
        Err(field::NotADay::Shape) => Err(format!("date {text:?} must be written YYYY-MM-DD")),
        Err(field::NotADay::Calendar) => Err(format!("{text:?} is not a calendar date")),
    }
}

/// The rules for single values, written once: the classic reader (with its messages) and the
/// streamed reader of `attain-batch` (on bytes, declining what they refuse) both call them, so a
/// rule added here holds on every path.
pub mod field {
    /// Why bytes are no `YYYY-MM-DD` day.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum NotADay {
        Shape,
        Calendar,
    }

    /// `YYYY-MM-DD` as (year, month, day), a day of the proleptic Gregorian calendar.
    #[inline]
    pub fn calendar_day(b: &[u8]) -> Result<(u16, u8, u8), NotADay> {
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(NotADay::Shape);
        }
        let digit = |i: usize| {
            let d = b[i].wrapping_sub(b'0');
            (d < 10).then_some(u16::from(d)).ok_or(NotADay::Shape)
        };
        let y = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
        let m = (digit(5)? * 10 + digit(6)?) as u8;
        let d = (digit(8)? * 10 + digit(9)?) as u8;
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return Err(NotADay::Calendar);
        }
        Ok((y, m, d))
    }

    fn days_in_month(year: u16, month: u8) -> u8 {
        match month {
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    #[cfg(test)]
    #[test]
    fn a_calendar_day_is_a_day_of_jiff_s_calendar() {
        for year in [0u16, 4, 100, 1600, 1900, 2000, 2016, 2017, 2018, 2100, 2400, 9999] {
            for month in 0..=13u8 {
                for day in 0..=32u8 {
                    let text = format!("{year:04}-{month:02}-{day:02}");
                    let jiff = jiff::civil::Date::new(year as i16, month as i8, day as i8).is_ok();
                    assert_eq!(calendar_day(text.as_bytes()).is_ok(), jiff, "{text}");
                }
            }
        }
        for shape in ["2018-1-01", "2018-01-1", "2018/01/01", "+018-01-01", "2018-01-01 ", "２０１８-01-01", ""] {
            assert_eq!(calendar_day(shape.as_bytes()), Err(NotADay::Shape), "{shape}");
        }
    }

    /// An ISO 4217 code as attain reads one: three capital letters.
    #[inline]
    pub fn is_currency_code(b: &[u8]) -> bool {
        b.len() == 3 && b.iter().all(u8::is_ascii_uppercase)
    }
}

/// An ISO 8601 datetime in UTC, as FOCUS writes `ChargePeriodStart`: `YYYY-MM-DDTHH:MM:SS`, optional
/// fractional seconds, then `Z` (or `+00:00`). The row is dated on its UTC day.
pub fn parse_utc_datetime(text: &str) -> Result<Date, String> {
    let wrong = || format!("{text:?} must be an ISO 8601 datetime in UTC such as 2018-06-01T00:00:00Z");
    let (day, time) = text.split_at_checked(10).ok_or_else(wrong)?;
    let date = parse_date(day).map_err(|_| wrong())?;
    let time = time.strip_prefix('T').ok_or_else(wrong)?;
    let time = time.strip_suffix('Z').or_else(|| time.strip_suffix("+00:00")).ok_or_else(wrong)?;
    let (clock, fraction) = time.split_once('.').map_or((time, None), |(c, f)| (c, Some(f)));
    let b = clock.as_bytes();
    let shaped = b.len() == 8
        && b[2] == b':'
        && b[5] == b':'
        && b.iter().enumerate().all(|(i, c)| i == 2 || i == 5 || c.is_ascii_digit());
    let in_range = shaped && clock[0..2] < *"24" && clock[3..5] < *"60" && clock[6..8] < *"60";
    if !in_range || fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|c| c.is_ascii_digit())) {
        return Err(wrong());
    }
    Ok(date)
}

fn parse_month(text: &str) -> Result<String, String> {
    parse_date(&format!("{text}-01"))
        .map(|_| text.to_owned())
        .map_err(|_| format!("month {text:?} must be written YYYY-MM"))
}

/// The alphabetic codes of ISO 4217's current list (amendments to 2025), for messages only.
const ISO_4217: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG ZWL";

/// Why a currency has no rate: a code ISO 4217 does not list is most likely a typo.
fn no_rate_hint(currency: &str) -> &'static str {
    if ISO_4217.split(' ').any(|c| c == currency) {
        ""
    } else {
        " (ISO 4217 lists no such currency: a typo? a historic or new code reads once fx_rates.csv has its rates)"
    }
}

/// An ISO 4217 alphabetic code: three capital letters. Membership in today's list is not
/// required, so that historic or newly issued currencies with rates still read.
fn parse_currency(text: &str) -> Result<String, String> {
    if field::is_currency_code(text.as_bytes()) {
        Ok(text.to_owned())
    } else {
        Err(format!("{text:?} is not an ISO 4217 currency code: three capital letters such as USD, EUR, KRW"))
    }
}
