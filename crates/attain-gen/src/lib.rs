//! Deterministic synthetic input in the SPEC layout, shaped like a real partner program:
//! heavy-tailed consumption per customer, several currencies with monthly rates, customers
//! shared by two partners (DPOR for one, TPOR for the other), overlapping and ended
//! associations, DAP-only customers, people who join and leave, and transcripts full of
//! credentials that never count and exams that have retired.
//!
//! The same options and seed always give the same bytes. Floating point only shapes the
//! synthetic amounts; each is written as a decimal string, which attain reads exactly.
//!
//! # Profiles
//!
//! [`Shape::profile`] chooses what kind of program the data is shaped for:
//!
//! - [`Profile::Competency`] (the default, and the only output before profiles existed, byte
//!   for byte): a threshold competency like Cloud Platform. Six files in the basic SPEC layout,
//!   DPOR/TPOR/DAP associations, Cloud Platform exams, months up to June 2018.
//! - [`Profile::Points`]: a points-scored program like Solutions Partner for Infrastructure
//!   (SPEC section 6). `consumption.csv` gains `service` (Azure service level 2: Virtual Machines,
//!   Azure Kubernetes Service, Storage, ...) and `offer` (mostly empty; some `Trial`, `Support`,
//!   `Benefit Program`, `Internal`); associations are `CSP`, `DPOR`, `PAL` (counting there) and
//!   `TPOR`, `DAP` (not), some overlapping, shared or ended; `achievements.csv` gains `expires`
//!   (empty for some, dated for most, some already expired) over the Azure role-based
//!   certifications that program lists and some it does not; people join and leave. Each
//!   partner has a hidden strength that drives its customer growth, onboarding, churn, service
//!   breadth and certified staff together, so every metric spreads over its range and, with
//!   [`Shape::with_profile`]`(Profile::Points)` (data 2021-08 through 2024-07), about a third of
//!   partners are designated as of 2024-07-15 (31 to 35% over seeds 1 to 5 at 1000 partners,
//!   33.4% at 10,000). It writes about 560 consumption rows per partner: 5.6 million rows,
//!   300 MB, for 10,000 partners.
//!
//! `last_month` differs by profile: build the shape with [`Shape::with_profile`] and override
//! the counts. [`Shape::default`] is `Shape::with_profile(Profile::Competency)`.
//!
//! ```no_run
//! use attain_gen::{generate, Profile, Shape};
//!
//! let shape = Shape { partners: 1000, seed: 7, ..Shape::with_profile(Profile::Points) };
//! generate(&shape, std::path::Path::new("/tmp/points-1000")).unwrap();
//! ```
//!
//! Without the CLI: `cargo run --release -p attain-gen --example gen -- OUT PARTNERS points`.
//!
//! # Row order
//!
//! Consumption is generated customer by customer. Billing exports are not: they come by date
//! (every customer's rows of a day, then the next day's). [`Shape::order`] rewrites
//! `consumption.csv` in the order asked ([`Order`]), with the same rows, in bounded memory: one
//! month's rows at a time for [`Order::Date`], one of 64 random buckets at a time for
//! [`Order::Random`].

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::Path;

use jiff::civil::{date, Date};
use jiff::ToSpan;

mod points;

/// What kind of program the data is shaped for (see the crate docs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Profile {
    /// A threshold competency like Cloud Platform: the original output, unchanged.
    #[default]
    Competency,
    /// A points-scored program like Solutions Partner for Infrastructure: services, offers,
    /// CSP/PAL associations, expiring role-based certifications.
    Points,
}

impl Profile {
    /// The `last_month` this profile's data is calibrated for: 2018-07-01 for
    /// [`Profile::Competency`] (months up to June 2018), 2024-08-01 for [`Profile::Points`]
    /// (months up to July 2024, to decide as of 2024-07-15).
    pub fn last_month(self) -> Date {
        match self {
            Profile::Competency => date(2018, 7, 1),
            Profile::Points => date(2024, 8, 1),
        }
    }
}

/// The order of the rows of `consumption.csv` (see the crate docs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Order {
    /// Customer by customer, each customer's rows by date: as generated.
    #[default]
    Customer,
    /// By date, as billing exports come: a day's rows in customer order, then the next day's.
    Date,
    /// Shuffled: no order at all.
    Random,
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct Shape {
    pub partners: u32,
    pub customers_per_partner: u32,
    /// Monthly consumption rows per customer, ending with the month before `last_month`.
    pub months: u32,
    /// The first day of the month after the last generated month.
    pub last_month: Date,
    pub seed: u64,
    /// What kind of program to shape the data for; [`Profile::Competency`] by default.
    pub profile: Profile,
    /// The order of the consumption rows; [`Order::Customer`] by default.
    pub order: Order,
}

impl Default for Shape {
    fn default() -> Shape {
        Shape::with_profile(Profile::Competency)
    }
}

impl Shape {
    /// The default shape for a profile: 1000 partners, 10 customer slots each, 36 months ending
    /// with the month before [`Profile::last_month`], seed 1.
    pub fn with_profile(profile: Profile) -> Shape {
        Shape {
            partners: 1000,
            customers_per_partner: 10,
            months: 36,
            last_month: profile.last_month(),
            seed: 1,
            profile,
            order: Order::Customer,
        }
    }
}

/// Counts of what was written, for the caller to report.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Written {
    pub partners: u64,
    pub associations: u64,
    pub consumption: u64,
    pub rates: u64,
    pub people: u64,
    pub achievements: u64,
}

/// SplitMix64: tiny, fast and good enough for synthetic data; no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Pareto with shape `alpha` and minimum 1: a few customers consume most.
    fn pareto(&mut self, alpha: f64) -> f64 {
        (1.0 - self.unit()).powf(-1.0 / alpha)
    }
}

const COUNTRIES: [&str; 16] =
    ["US", "DE", "GB", "FR", "JP", "KR", "AU", "CA", "NL", "IN", "BR", "CN", "MX", "PL", "ZA", "TR"];
/// Currency, units per USD in the first month, and the monthly drift in per mille.
const CURRENCIES: [(&str, f64, i64); 5] =
    [("EUR", 0.94, 3), ("GBP", 0.81, -2), ("JPY", 115.0, 4), ("KRW", 1180.0, -3), ("BRL", 3.3, 6)];
const QUALIFYING: [&str; 8] = [
    "exam:70-532",
    "exam:70-533",
    "exam:70-534",
    "exam:70-535",
    "exam:70-473",
    "assessment:13736",
    "assessment:16252",
    "certification:mcsa-linux-on-azure",
];
const OTHERS: [&str; 8] = [
    "exam:70-347",
    "exam:70-346",
    "exam:MB2-716",
    "exam:70-410",
    "exam:70-411",
    "exam:98-349",
    "exam:70-480",
    "exam:AZ-900",
];

fn file(dir: &Path, name: &str, header: &str) -> io::Result<BufWriter<File>> {
    let mut w = BufWriter::with_capacity(1 << 20, File::create(dir.join(name))?);
    writeln!(w, "{header}")?;
    Ok(w)
}

/// Writes the six CSV files of the SPEC into `dir` (created if missing), shaped as
/// `shape.profile` says.
pub fn generate(shape: &Shape, dir: &Path) -> io::Result<Written> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng(shape.seed ^ 0x5EED_A77A_1D00_0000);
    let mut written = Written::default();
    let first_month = shape.last_month.first_of_month().saturating_sub((shape.months as i32).months());
    let months: Vec<Date> = (0..shape.months as i32).map(|m| first_month.saturating_add(m.months())).collect();
    let per_unit = write_rates(dir, &mut rng, &months, &mut written)?;
    let written = match shape.profile {
        Profile::Competency => competency(shape, dir, &mut rng, &months, &per_unit, written)?,
        Profile::Points => points::generate(shape, dir, &mut rng, &months, &per_unit, written)?,
    };
    reorder(&dir.join("consumption.csv"), shape.order, shape.seed)?;
    Ok(written)
}

/// Rewrites the CSV file at `path` (a header, then rows whose second field is a `YYYY-MM-DD`
/// date) with its rows in `order`. The rows are dealt into buckets on disk (a month each, or 64
/// random ones), then each bucket is ordered in memory and appended: memory holds one bucket.
fn reorder(path: &Path, order: Order, seed: u64) -> io::Result<()> {
    if order == Order::Customer {
        return Ok(());
    }
    let mut rng = Rng(seed ^ 0x0DE5_0DE5_0DE5_0DE5);
    let buckets_dir = path.with_extension("buckets");
    std::fs::create_dir_all(&buckets_dir)?;
    let mut input = BufReader::with_capacity(1 << 20, File::open(path)?);
    let mut header = String::new();
    input.read_line(&mut header)?;
    let mut buckets: std::collections::BTreeMap<String, BufWriter<File>> = Default::default();
    let mut line = Vec::new();
    while {
        line.clear();
        input.read_until(b'\n', &mut line)? > 0
    } {
        let key = match order {
            Order::Date => {
                let date = line.split(|b| *b == b',').nth(1).unwrap_or_default();
                String::from_utf8_lossy(date.get(..7).unwrap_or(date)).into_owned()
            }
            _ => format!("{:02}", rng.below(64)),
        };
        let bucket = match buckets.get_mut(&key) {
            Some(bucket) => bucket,
            None => {
                let file = File::create(buckets_dir.join(&key))?;
                buckets.entry(key).or_insert(BufWriter::with_capacity(1 << 16, file))
            }
        };
        bucket.write_all(&line)?;
        if !line.ends_with(b"\n") {
            bucket.write_all(b"\n")?;
        }
    }
    drop(input);
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    out.write_all(header.as_bytes())?;
    for (key, mut bucket) in buckets {
        bucket.flush()?;
        drop(bucket);
        let bytes = std::fs::read(buckets_dir.join(&key))?;
        let mut rows: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
        match order {
            // Stable: a day's rows keep their customer order.
            Order::Date => rows.sort_by_key(|row| row.split(|b| *b == b',').nth(1).unwrap_or_default()),
            _ => {
                for i in (1..rows.len()).rev() {
                    rows.swap(i, rng.below(i as u64 + 1) as usize);
                }
            }
        }
        for row in rows {
            out.write_all(row)?;
        }
    }
    out.flush()?;
    std::fs::remove_dir_all(&buckets_dir)
}

/// `fx_rates.csv`: every currency of [`CURRENCIES`] for every month, drifting and wobbling.
/// Returns the rates as written, `[currency][month]`.
fn write_rates(dir: &Path, rng: &mut Rng, months: &[Date], written: &mut Written) -> io::Result<Vec<Vec<f64>>> {
    let mut rates = file(dir, "fx_rates.csv", "currency,month,usd_per_unit")?;
    let mut per_unit = vec![vec![0.0; months.len()]; CURRENCIES.len()];
    for (c, (code, units, drift)) in CURRENCIES.iter().enumerate() {
        for (m, month) in months.iter().enumerate() {
            let wobble = 1.0 + (*drift as f64 / 1000.0) * m as f64 + (rng.unit() - 0.5) * 0.02;
            let usd = 1.0 / (units * wobble);
            // Rates are written with 8 significant decimals, as providers publish them.
            let text = format!("{usd:.8}");
            per_unit[c][m] = text.parse().expect("just formatted");
            writeln!(rates, "{code},{},{text}", month.strftime("%Y-%m"))?;
            written.rates += 1;
        }
    }
    rates.flush()?;
    Ok(per_unit)
}

fn competency(
    shape: &Shape,
    dir: &Path,
    rng: &mut Rng,
    months: &[Date],
    per_unit: &[Vec<f64>],
    mut written: Written,
) -> io::Result<Written> {
    let mut partners = file(dir, "partners.csv", "partner_id,name,country,market")?;
    let mut associations = file(dir, "associations.csv", "partner_id,customer_id,kind,start,end")?;
    let mut consumption = file(dir, "consumption.csv", "customer_id,date,amount,currency")?;
    let mut people = file(dir, "people.csv", "person_id,partner_id,name,joined,left")?;
    let mut achievements = file(dir, "achievements.csv", "person_id,credential,date")?;
    let day = |d: Date| d.strftime("%Y-%m-%d").to_string();
    let n = shape.partners.max(1);
    for p in 0..n {
        let pid = format!("P{p:07}");
        let country = COUNTRIES[rng.below(COUNTRIES.len() as u64) as usize];
        // One partner in fifty has its market set by the operator, against the country's default.
        let market = if rng.chance(0.02) {
            if rng.chance(0.5) {
                "developed"
            } else {
                "emerging"
            }
        } else {
            ""
        };
        writeln!(partners, "{pid},Partner {p} {country},{country},{market}")?;
        written.partners += 1;
        // Partner size is heavy-tailed too: most are small, a few are giants.
        let scale = rng.pareto(1.3) * 120.0;
        for c in 0..shape.customers_per_partner {
            let cid = format!("C{p:07}-{c:02}");
            let start =
                months[rng.below(months.len() as u64 / 2) as usize].saturating_add((rng.below(27) as i32).days());
            let roll = rng.unit();
            if roll < 0.08 {
                writeln!(associations, "{pid},{cid},DAP,{},", day(start))?;
            } else {
                let end = if rng.chance(0.12) {
                    day(start.saturating_add((90 + rng.below(600) as i32).days()))
                } else {
                    String::new()
                };
                writeln!(associations, "{pid},{cid},DPOR,{},{end}", day(start))?;
                if rng.chance(0.05) {
                    // The same partner again as TPOR, overlapping: a row must still count once.
                    writeln!(associations, "{pid},{cid},TPOR,{},", day(start.saturating_add(30.days())))?;
                    written.associations += 1;
                }
            }
            written.associations += 1;
            if rng.chance(0.15) && n > 1 {
                // Another partner transacts for this customer.
                let other = (p + 1 + rng.below(u64::from(n - 1)) as u32) % n;
                writeln!(associations, "P{other:07},{cid},TPOR,{},", day(start))?;
                written.associations += 1;
            }
            let currency = if rng.chance(0.7) { None } else { Some(rng.below(CURRENCIES.len() as u64) as usize) };
            let base = scale * rng.pareto(1.6);
            for (m, month) in months.iter().enumerate() {
                let usd = base * (0.6 + rng.unit() * 0.8);
                let date = month.saturating_add((rng.below(28) as i32).days());
                // One row in two hundred is a credit.
                let sign = if rng.chance(0.005) { -1.0 } else { 1.0 };
                match currency {
                    None => writeln!(consumption, "{cid},{},{:.2},USD", day(date), sign * usd)?,
                    Some(k) => {
                        let amount = sign * usd / per_unit[k][m];
                        let decimals = if matches!(CURRENCIES[k].0, "JPY" | "KRW") { 0 } else { 2 };
                        writeln!(consumption, "{cid},{},{amount:.decimals$},{}", day(date), CURRENCIES[k].0)?
                    }
                }
                written.consumption += 1;
            }
        }
        for e in 0..(1 + rng.below(4)) {
            let eid = format!("E{p:07}-{e}");
            let joined = date(2012, 1, 1).saturating_add((rng.below(2400) as i32).days());
            let left = if rng.chance(0.15) {
                day(joined.saturating_add((200 + rng.below(1500) as i32).days()))
            } else {
                String::new()
            };
            writeln!(people, "{eid},{pid},Person {p}-{e},{},{left}", day(joined))?;
            written.people += 1;
            for _ in 0..rng.below(6) {
                let credential = if rng.chance(0.35) {
                    QUALIFYING[rng.below(QUALIFYING.len() as u64) as usize]
                } else {
                    OTHERS[rng.below(OTHERS.len() as u64) as usize]
                };
                let when = date(2014, 1, 1).saturating_add((rng.below(1700) as i32).days());
                writeln!(achievements, "{eid},{credential},{}", day(when))?;
                written.achievements += 1;
            }
        }
    }
    for w in [&mut partners, &mut associations, &mut consumption, &mut people, &mut achievements] {
        w.flush()?;
    }
    Ok(written)
}
