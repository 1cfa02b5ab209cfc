//! The roll-up file: a folder's monthly credit table and the facts a decision needs besides
//! consumption, saved once so that any as-of date (or a what-if on the rules) decides in
//! milliseconds.
//!
//! Layout (little-endian): the magic `ATTAINRU`, the format number, then the body, then a CRC-32
//! of everything before it. The body holds the program id and the counting-kinds sets the table
//! was credited for; the table's months and the latest row date per month; the number of partners
//! and where the credentials begin (so that partners and people are read at once); the partners;
//! the credential ids people hold; the people, partner by partner, each with their affiliation and the
//! earliest achievement of each credential the catalog knew when rolling up (others never count);
//! and last the table, micro-dollars per partner, set and month. People keep no ids or names,
//! which no decision shows. Associations are not kept: they are already applied in the table, so
//! the rules read with a roll-up may change thresholds, credentials and versions, but not which
//! association kinds count (such rules are refused).
//!
//! The people are laid out as the engine indexes them ([`StaffBuilder`]), so reading a roll-up
//! allocates a string only for each partner's id, name and country. The table starts at a
//! multiple of eight bytes (zeros pad the people), so that a file mapped into memory is used where
//! it lies: nothing of its bulk is copied, and no fresh memory is zeroed to hold it.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use attain_engine::{Cells, Engine, EngineError, Facts, Market, MonthlyCredit, Partner, Staff, StaffBuilder};
use attain_rules::{Catalog, CredentialIdx, Program, Rules};
use jiff::civil::Date;
use zerocopy::FromBytes;

const MAGIC: &[u8; 8] = b"ATTAINRU";
const FORMAT: u32 = 3;
/// The fewest bytes a partner takes: three text lengths and a market.
const PARTNER_BYTES: usize = 13;
const TRUNCATED: &str = "the roll-up file is truncated";

/// The bytes of a roll-up (a file mapped into memory, or a vector): kept by the roll-up read from
/// them, for its table.
pub type Bytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// What a roll-up file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Rollup {
    pub program: String,
    /// Sorted by id.
    pub partners: Vec<Partner>,
    /// The ids of the credentials people hold, each once.
    pub credentials: Vec<String>,
    /// The people of each partner, with their affiliation and the earliest achievement of each
    /// credential, numbered as `credentials` lists them (`CredentialIdx(i)` is `credentials[i]`)
    /// until [`Rollup::engine`] maps them to the rules' catalog.
    pub staff: Staff,
    pub credit: MonthlyCredit,
}

impl Rollup {
    /// A roll-up of `facts` (partners sorted by id, consumption already credited in `credit`),
    /// keeping of the achievements only the earliest per person and credential the catalog knows.
    pub fn new(program: &str, facts: Facts, credit: MonthlyCredit, catalog: &Catalog) -> Rollup {
        let partner_index = |id: &str| facts.partners.binary_search_by(|p| p.id.as_str().cmp(id)).expect("validated");
        let mut order: Vec<(u32, usize)> =
            facts.people.iter().enumerate().map(|(i, p)| (partner_index(&p.partner_id) as u32, i)).collect();
        order.sort_unstable();
        let mut by_id: Vec<(&str, usize)> = facts.people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        by_id.sort_unstable();
        // (person, credential, date) of every known credential, earliest first per pair.
        let mut achieved: Vec<(usize, u32, Date)> = facts
            .achievements
            .iter()
            .filter_map(|a| {
                let c = catalog.lookup(&a.credential)?;
                let at = by_id.binary_search_by(|(id, _)| (*id).cmp(a.person_id.as_str())).expect("validated");
                Some((by_id[at].1, c.0, a.date))
            })
            .collect();
        achieved.sort_unstable();
        achieved.dedup_by_key(|(person, c, _)| (*person, *c));
        let mut credentials: Vec<u32> = achieved.iter().map(|(_, c, _)| *c).collect();
        credentials.sort_unstable();
        credentials.dedup();
        let mut staff = StaffBuilder::new(facts.partners.len(), order.len(), achieved.len());
        for (partner, person) in order {
            let p = &facts.people[person];
            staff.person(partner as usize, p.joined, p.left).expect("people in partner order");
            let own =
                &achieved[achieved.partition_point(|a| a.0 < person)..achieved.partition_point(|a| a.0 <= person)];
            for (_, c, date) in own {
                staff.hold(CredentialIdx(credentials.binary_search(c).expect("listed") as u32), *date);
            }
        }
        let credentials = credentials.iter().map(|c| catalog.get(CredentialIdx(*c)).id.clone()).collect();
        Rollup { program: program.to_owned(), partners: facts.partners, credentials, staff: staff.build(), credit }
    }

    /// The engine deciding `program` from this roll-up, with the credentials known to `rules`.
    pub fn engine<'r>(self, rules: &'r Rules, program: &'r Program) -> Result<Engine<'r>, EngineError> {
        let known: Vec<_> = self.credentials.iter().map(|id| rules.catalog.lookup(id)).collect();
        let staff = self.staff.with_credentials(|c| known[c.0 as usize]);
        Engine::from_staff(rules, program, self.partners, staff, self.credit)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(self.credit.micros.len() * 8 + (1 << 20)));
        w.0.extend_from_slice(MAGIC);
        w.u32(FORMAT);
        w.str(&self.program);
        let credit = &self.credit;
        w.u32(credit.kinds.len() as u32);
        w.0.extend_from_slice(&credit.kinds);
        w.date(credit.first_month);
        w.u32(credit.months as u32);
        w.date(credit.complete_from);
        for latest in &credit.latest {
            w.opt_date(*latest);
        }
        w.u32(self.partners.len() as u32);
        // Where the credentials and people begin, so that they are read while the partners are.
        let credentials_at = w.0.len();
        w.u32(0);
        for p in &self.partners {
            w.str(&p.id);
            w.str(&p.name);
            w.str(&p.country);
            w.0.push(match p.market {
                None => 0,
                Some(Market::Developed) => 1,
                Some(Market::Emerging) => 2,
            });
        }
        let at = u32::try_from(w.0.len()).expect("a roll-up's partners take under 4 GiB").to_le_bytes();
        w.0[credentials_at..credentials_at + 4].copy_from_slice(&at);
        w.u32(self.credentials.len() as u32);
        for c in &self.credentials {
            w.str(c);
        }
        let staff = &self.staff;
        w.u32((0..staff.partners()).map(|p| staff.of_partner(p).len() as u32).sum());
        for partner in 0..staff.partners() {
            for &person in staff.of_partner(partner) {
                let ((joined, left), held) = (staff.affiliation(person), staff.held(person));
                w.u32(partner as u32);
                w.opt_date(joined);
                w.opt_date(left);
                w.u32(held.len() as u32);
                for (c, date) in held {
                    w.u32(c.0);
                    w.date(*date);
                }
            }
        }
        w.0.resize(w.0.len().next_multiple_of(8), 0);
        for micros in credit.micros.iter() {
            w.0.extend_from_slice(&micros.to_le_bytes());
        }
        let crc = crc32fast::hash(&w.0);
        w.u32(crc);
        w.0
    }

    /// The roll-up in the file at `path`: mapped into memory when it is a regular file, read
    /// whole otherwise (a pipe, `/dev/stdin`; an empty file, which cannot be mapped).
    pub fn open(path: &Path) -> Result<Rollup, String> {
        let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
        let metadata = file.metadata().map_err(|e| e.to_string())?;
        if !metadata.is_file() || metadata.len() == 0 {
            return Rollup::from_bytes(Arc::new(std::fs::read(path).map_err(|e| e.to_string())?));
        }
        // SAFETY: the map is read-only and lives as long as the roll-up, on the assumption that
        // no process changes the file meanwhile: were one to, what the engine reads would change
        // under it (undefined behaviour), or, were the file cut short, reading would fault.
        // attain's own `rollup` never writes over a file in place: it renames a new one over it,
        // which leaves a mapped old one whole.
        let map = unsafe { memmap2::MmapOptions::new().populate().map(&file) }.map_err(|e| e.to_string())?;
        Rollup::from_bytes(Arc::new(map))
    }

    /// The roll-up in `kept`, which it keeps for its table when that can be used in place.
    pub fn from_bytes(kept: Bytes) -> Result<Rollup, String> {
        let bytes: &[u8] = (*kept).as_ref();
        let body = bytes.len().checked_sub(4).ok_or("not a roll-up file (too short)")?;
        if !bytes.starts_with(MAGIC) {
            return Err("not a roll-up file (no ATTAINRU header)".into());
        }
        let stored = u32::from_le_bytes(bytes[body..].try_into().expect("four bytes"));
        let intact = || crc32fast::hash(&bytes[..body]) == stored;
        let damaged = || -> String { "the roll-up file is damaged (checksum mismatch)".into() };
        let mut r = Reader { bytes: &bytes[..body], at: MAGIC.len() };
        let head = (|| {
            let format = r.u32()?;
            if format != FORMAT {
                return Err(format!(
                    "roll-up format {format} is not the one this attain reads ({FORMAT}); roll up again"
                ));
            }
            let program = r.str()?.to_owned();
            let count = r.u32()? as usize;
            let kinds = r.take(count)?.to_vec();
            let (first_month, months, complete_from) = (r.date()?, r.u32()? as usize, r.date()?);
            let latest = (0..months).map(|_| r.opt_date()).collect::<Result<Vec<_>, _>>()?;
            let partners = r.u32()? as usize;
            let credentials_at = r.u32()? as usize;
            // The table is the body's end: its size is known from here.
            let table = partners
                .checked_mul(kinds.len())
                .and_then(|n| n.checked_mul(months))
                .and_then(|n| n.checked_mul(8))
                .and_then(|size| body.checked_sub(size))
                .filter(|at| *at >= credentials_at && credentials_at >= r.at)
                .ok_or(TRUNCATED)?;
            // Each partner takes at least its three lengths and its market: a count no larger
            // than the bytes allow, before anything is sized by it (a damaged file is reported as
            // damaged first, below).
            if partners > (credentials_at - r.at) / PARTNER_BYTES {
                return Err(format!("the roll-up file's head counts {partners} partners, more than it holds"));
            }
            // A roll-up holds every month of the data: its last row is in the last month held.
            let last_row = latest.iter().flatten().max().copied();
            let credit = MonthlyCredit {
                first_month,
                months,
                kinds,
                complete_from,
                latest,
                last_row,
                micros: Cells::Owned(Vec::new()),
            };
            Ok((program, credit, partners, credentials_at, table))
        })();
        let (program, mut credit, partners, credentials_at, table_at) = match head {
            Ok(head) => head,
            Err(_) if !intact() => return Err(damaged()),
            Err(e) => return Err(e),
        };
        // The checksum, the table (its numbers, when they cannot be used in place) and the people
        // are worked out on another thread while the partners are read.
        let (partners_read, (intact, micros, people_read)) = std::thread::scope(|scope| {
            let rest = scope.spawn(|| {
                let intact = intact();
                let micros = match Table::in_place(&kept, table_at..body) {
                    Some(table) => Cells::Kept(Arc::new(table)),
                    None => Cells::Owned(
                        bytes[table_at..body]
                            .chunks_exact(8)
                            .map(|c| i64::from_le_bytes(c.try_into().expect("eight bytes")))
                            .collect(),
                    ),
                };
                let people = People::read(&mut Reader { bytes: &bytes[..table_at], at: credentials_at }, partners);
                (intact, micros, people)
            });
            r.bytes = &bytes[..credentials_at];
            let partners = read_partners(&mut r, partners);
            (partners, rest.join().expect("reading the checksum, table and people panicked"))
        });
        if !intact {
            return Err(damaged());
        }
        let (partners, People { credentials, staff }) = (partners_read?, people_read?);
        credit.micros = micros;
        Ok(Rollup { program, partners, credentials, staff, credit })
    }
}

/// A roll-up's table where it lies in the roll-up's bytes.
struct Table {
    bytes: Bytes,
    range: Range<usize>,
}

impl Table {
    /// The table at `range` of `bytes`, if its numbers can be read where they lie: aligned for
    /// `i64`, in this machine's byte order (the file's is little-endian).
    fn in_place(bytes: &Bytes, range: Range<usize>) -> Option<Table> {
        let table = Table { bytes: bytes.clone(), range };
        (cfg!(target_endian = "little") && table.cells().is_some()).then_some(table)
    }

    fn cells(&self) -> Option<&[i64]> {
        <[i64]>::ref_from_bytes(&(*self.bytes).as_ref()[self.range.clone()]).ok()
    }
}

impl AsRef<[i64]> for Table {
    fn as_ref(&self) -> &[i64] {
        self.cells().expect("checked by Table::in_place")
    }
}

/// The partners (`count` of them), which end where the credentials begin.
fn read_partners(r: &mut Reader<'_>, count: usize) -> Result<Vec<Partner>, String> {
    let mut partners = Vec::with_capacity(count.min(r.left()));
    for _ in 0..count {
        let (id, name, country) = (r.str()?.to_owned(), r.str()?.to_owned(), r.str()?.to_owned());
        let market = match r.take(1)?[0] {
            0 => None,
            1 => Some(Market::Developed),
            2 => Some(Market::Emerging),
            m => return Err(format!("unknown market code {m}")),
        };
        partners.push(Partner { id, name, country, market });
    }
    if r.left() != 0 {
        return Err("the roll-up file's partners do not end where its credentials begin".into());
    }
    Ok(partners)
}

/// The credentials and people of a roll-up, read up to its table.
struct People {
    credentials: Vec<String>,
    staff: Staff,
}

impl People {
    /// The credentials and the people, of `partners` partners.
    fn read(r: &mut Reader<'_>, partners: usize) -> Result<People, String> {
        let credentials = (0..r.u32()?).map(|_| r.str().map(str::to_owned)).collect::<Result<Vec<_>, _>>()?;
        // Listed once each: two numbers for one credential would both reach it in the catalog.
        let mut ids: Vec<&str> = credentials.iter().map(String::as_str).collect();
        ids.sort_unstable();
        if let Some(twice) = ids.windows(2).find(|pair| pair[0] == pair[1]) {
            return Err(format!("the roll-up file lists credential {} twice", twice[0]));
        }
        let count = r.u32()? as usize;
        // Each person takes ten bytes at least, each credential held eight: room enough, never
        // grown, and never more than the bytes allow.
        let mut staff = StaffBuilder::new(partners, count.min(r.left() / 10), r.left() / 8);
        for _ in 0..count {
            let partner = r.u32()? as usize;
            let (joined, left, count) = (r.opt_date()?, r.opt_date()?, r.u32()?);
            staff.person(partner, joined, left)?;
            for _ in 0..count {
                let credential = r.u32()?;
                if credential as usize >= credentials.len() {
                    return Err("an achievement of an unknown credential".into());
                }
                staff.hold(CredentialIdx(credential), r.date()?);
            }
        }
        // Then only the zeros that align the table.
        if r.left() >= 8 || r.take(r.left())?.iter().any(|b| *b != 0) {
            return Err("the roll-up file's people do not end where its table begins".into());
        }
        Ok(People { credentials, staff: staff.build() })
    }
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn date(&mut self, d: Date) {
        self.0.extend_from_slice(&d.year().to_le_bytes());
        self.0.extend_from_slice(&[d.month() as u8, d.day() as u8]);
    }
    fn opt_date(&mut self, d: Option<Date>) {
        match d {
            None => self.0.push(0),
            Some(d) => {
                self.0.push(1);
                self.date(d);
            }
        }
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], String> {
        let end = self.at.checked_add(n).filter(|e| *e <= self.bytes.len()).ok_or(TRUNCATED)?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("four bytes")))
    }
    /// Bytes not read yet: a bound on how many items a count can truthfully announce.
    fn left(&self) -> usize {
        self.bytes.len() - self.at
    }
    fn str(&mut self) -> Result<&'b str, String> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| "a text in the roll-up file is not UTF-8".into())
    }
    fn date(&mut self) -> Result<Date, String> {
        let b = self.take(4)?;
        let year = i16::from_le_bytes([b[0], b[1]]);
        Date::new(year, b[2] as i8, b[3] as i8).map_err(|_| "a date in the roll-up file is not valid".into())
    }
    fn opt_date(&mut self) -> Result<Option<Date>, String> {
        match self.take(1)?[0] {
            0 => Ok(None),
            _ => self.date().map(Some),
        }
    }
}
