//! The roll-up file: a folder's monthly credit table and the facts a decision needs besides
//! consumption, saved once so that any as-of date (or a what-if on the rules) decides in
//! milliseconds.
//!
//! Layout (little-endian): the magic `ATTAINRU`, the format number, then the body, then a CRC-32
//! of everything before it. The body holds the program id and the counting-kinds sets the table
//! was credited for; the table (months, latest row date per month, micro-dollars per partner,
//! set and month); the partners; the people (without names, which no decision shows); and each
//! person's earliest achievement of each credential the catalog knew when rolling up (others
//! never count). Associations are not kept: they are already applied in the table, so the rules
//! read with a roll-up may change thresholds, credentials and versions, but not which
//! association kinds count (such rules are refused).

use attain_engine::{Achievement, Facts, Market, MonthlyCredit, Partner, Person};
use attain_rules::Catalog;
use jiff::civil::Date;

const MAGIC: &[u8; 8] = b"ATTAINRU";
const FORMAT: u32 = 1;

/// What a roll-up file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Rollup {
    pub program: String,
    /// Partners, people and achievements; no associations, no consumption rows.
    pub facts: Facts,
    pub credit: MonthlyCredit,
}

impl Rollup {
    /// A roll-up of `facts` (consumption already credited in `credit`), keeping of the
    /// achievements only the earliest per person and credential the catalog knows.
    pub fn new(program: &str, mut facts: Facts, credit: MonthlyCredit, catalog: &Catalog) -> Rollup {
        facts.associations = Vec::new();
        facts.consumption = Vec::new();
        facts.achievements.retain(|a| catalog.lookup(&a.credential).is_some());
        facts
            .achievements
            .sort_by(|a, b| (&a.person_id, &a.credential, a.date).cmp(&(&b.person_id, &b.credential, b.date)));
        facts
            .achievements
            .dedup_by(|later, first| later.person_id == first.person_id && later.credential == first.credential);
        for person in &mut facts.people {
            person.name = String::new();
        }
        Rollup { program: program.to_owned(), facts, credit }
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
        let facts = &self.facts;
        w.u32(facts.partners.len() as u32);
        for p in &facts.partners {
            w.str(&p.id);
            w.str(&p.name);
            w.str(&p.country);
            w.0.push(match p.market {
                None => 0,
                Some(Market::Developed) => 1,
                Some(Market::Emerging) => 2,
            });
        }
        let partner_index = |id: &str| facts.partners.binary_search_by(|p| p.id.as_str().cmp(id)).expect("validated");
        w.u32(facts.people.len() as u32);
        for person in &facts.people {
            w.str(&person.id);
            w.u32(partner_index(&person.partner_id) as u32);
            w.opt_date(person.joined);
            w.opt_date(person.left);
        }
        let mut person_index: Vec<(&str, u32)> =
            facts.people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i as u32)).collect();
        person_index.sort_unstable();
        w.u32(facts.achievements.len() as u32);
        for a in &facts.achievements {
            let at = person_index.binary_search_by(|(id, _)| (*id).cmp(a.person_id.as_str())).expect("validated");
            w.u32(person_index[at].1);
            w.str(&a.credential);
            w.date(a.date);
        }
        for micros in &credit.micros {
            w.0.extend_from_slice(&micros.to_le_bytes());
        }
        let crc = crc32fast::hash(&w.0);
        w.u32(crc);
        w.0
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Rollup, String> {
        let body = bytes.len().checked_sub(4).ok_or("not a roll-up file (too short)")?;
        if !bytes.starts_with(MAGIC) {
            return Err("not a roll-up file (no ATTAINRU header)".into());
        }
        let stored = u32::from_le_bytes(bytes[body..].try_into().expect("four bytes"));
        if crc32fast::hash(&bytes[..body]) != stored {
            return Err("the roll-up file is damaged (checksum mismatch)".into());
        }
        let mut r = Reader { bytes: &bytes[..body], at: MAGIC.len() };
        let format = r.u32()?;
        if format != FORMAT {
            return Err(format!("roll-up format {format} is not the one this attain reads ({FORMAT}); roll up again"));
        }
        let program = r.str()?.to_owned();
        let count = r.u32()? as usize;
        let kinds = r.take(count)?.to_vec();
        let first_month = r.date()?;
        let months = r.u32()? as usize;
        let complete_from = r.date()?;
        let latest = (0..months).map(|_| r.opt_date()).collect::<Result<Vec<_>, _>>()?;
        let mut facts = Facts::default();
        for _ in 0..r.u32()? {
            let (id, name, country) = (r.str()?.to_owned(), r.str()?.to_owned(), r.str()?.to_owned());
            let market = match r.take(1)?[0] {
                0 => None,
                1 => Some(Market::Developed),
                2 => Some(Market::Emerging),
                m => return Err(format!("unknown market code {m}")),
            };
            facts.partners.push(Partner { id, name, country, market });
        }
        for _ in 0..r.u32()? {
            let id = r.str()?.to_owned();
            let partner = facts.partners.get(r.u32()? as usize).ok_or("a person of an unknown partner")?;
            let (joined, left) = (r.opt_date()?, r.opt_date()?);
            facts.people.push(Person { id, partner_id: partner.id.clone(), name: String::new(), joined, left });
        }
        for _ in 0..r.u32()? {
            let person = facts.people.get(r.u32()? as usize).ok_or("an achievement of an unknown person")?;
            let (credential, date) = (r.str()?.to_owned(), r.date()?);
            facts.achievements.push(Achievement { person_id: person.id.clone(), credential, date });
        }
        let cells = facts.partners.len() * kinds.len() * months;
        let raw = r.take(cells * 8)?;
        let micros = raw.chunks_exact(8).map(|c| i64::from_le_bytes(c.try_into().expect("eight bytes"))).collect();
        if r.at != r.bytes.len() {
            return Err("the roll-up file has trailing bytes".into());
        }
        let credit = MonthlyCredit { first_month, months, kinds, complete_from, latest, micros };
        Ok(Rollup { program, facts, credit })
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
        let end = self.at.checked_add(n).filter(|e| *e <= self.bytes.len()).ok_or("the roll-up file is truncated")?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("four bytes")))
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
