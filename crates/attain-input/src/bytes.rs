//! CSV read straight from bytes, for the fast readers of large files (here and in
//! `attain-batch`): they take only what they are sure the exact reader ([`crate::read`]) reads
//! the same way, and leave anything else (quotes they cannot undo, padded values, blank lines,
//! non-ASCII where it matters) to it, which reads it or reports it with line and column.

use std::collections::HashSet;
use std::io::Read;

use attain_engine::{Achievement, Market, Partner, Person};

use crate::iso::COUNTRIES;
use crate::{find, parse_date, Found, Source};

/// More fields than this in a row and the fast readers leave the file to the exact reader.
const MAX_FIELDS: usize = 256;

/// The position of each named column in a header line (BOM and `\r` allowed), and how many
/// fields the header has; `None` for a header the exact reader might read otherwise.
pub fn columns(line: &[u8], names: &[&str]) -> Option<(Vec<Option<usize>>, usize)> {
    let line = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let mut fields = Vec::new();
    split(line, &mut fields)?;
    let header: Vec<&[u8]> = fields.iter().map(|&(a, b)| &line[a..b]).collect();
    if header.iter().any(|n| !trimmed(n)) {
        return None;
    }
    let found = names.iter().map(|name| header.iter().position(|n| *n == name.as_bytes())).collect();
    Some((found, header.len()))
}

/// Splits a line at commas into `fields` (start, end) and undoes simple quoting (`"..."` with no
/// quote, comma or line break inside). `None` for anything else the CSV grammar allows: quotes
/// inside fields, escaped quotes, a lone `\r`, invalid UTF-8, a blank line.
#[inline]
pub fn split(line: &[u8], fields: &mut Vec<(usize, usize)>) -> Option<()> {
    fields.clear();
    if line.is_empty() {
        return None;
    }
    let mut start = 0;
    let mut special = false;
    for (i, &b) in line.iter().enumerate() {
        if b == b',' {
            fields.push((start, i));
            start = i + 1;
        } else if b == b'"' || b == b'\r' || b >= 0x80 {
            special = true;
        }
    }
    fields.push((start, line.len()));
    if fields.len() > MAX_FIELDS {
        return None;
    }
    if special {
        if line.contains(&b'\r') || std::str::from_utf8(line).is_err() {
            return None;
        }
        for (a, b) in fields.iter_mut() {
            let field = &line[*a..*b];
            if field.contains(&b'"') {
                let inner = field.strip_prefix(b"\"")?.strip_suffix(b"\"")?;
                if inner.contains(&b'"') {
                    return None;
                }
                *a += 1;
                *b -= 1;
            }
        }
    }
    Some(())
}

/// Whether the exact reader (which trims every value) would read the value as written: its first
/// and last bytes are visible ASCII.
#[inline]
pub fn trimmed(value: &[u8]) -> bool {
    let visible = |b: &u8| (b'!'..=b'~').contains(b);
    value.first().is_none_or(visible) && value.last().is_none_or(visible)
}

/// Whether a buffer holds any byte that needs the careful split: a quote, or non-ASCII.
/// Written over fixed chunks without early exit so that it compiles to vector instructions.
#[inline]
pub fn plain(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(64);
    let special = |b: u8| (b == b'"') | (b >= 0x80);
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, &b| any | special(b)) {
            return false;
        }
    }
    !chunks.remainder().iter().any(|&b| special(b))
}

/// A whole CSV file the fast readers take: a header, then one record a line, no quotes and no
/// non-ASCII byte anywhere after the header, every record as wide as the header.
pub struct Plain<'b> {
    /// The position of each column asked for, if the header has it.
    pub columns: Vec<Option<usize>>,
    width: usize,
    body: &'b [u8],
}

impl<'b> Plain<'b> {
    /// `None` when the file needs the exact reader.
    pub fn new(bytes: &'b [u8], names: &[&str]) -> Option<Plain<'b>> {
        let (header, body) = match bytes.iter().position(|b| *b == b'\n') {
            Some(at) => (&bytes[..at], &bytes[at + 1..]),
            None => (bytes, &[][..]),
        };
        let (columns, width) = columns(header, names)?;
        plain(body).then_some(Plain { columns, width, body })
    }

    /// Calls `f` with each record's line and fields, in file order; `None` as soon as a line is
    /// blank, holds a lone `\r`, has another number of fields, or `f` returns `None`.
    pub fn each(&self, mut f: impl FnMut(Record<'_, 'b>) -> Option<()>) -> Option<()> {
        let body = self.body.strip_suffix(b"\n").unwrap_or(self.body);
        if body.is_empty() {
            return Some(());
        }
        let mut fields = Vec::with_capacity(self.width);
        for line in body.split(|b| *b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            split(line, &mut fields)?;
            if fields.len() != self.width {
                return None;
            }
            f(Record { line, fields: &fields })?;
        }
        Some(())
    }
}

/// One record of a [`Plain`] file.
#[derive(Clone, Copy)]
pub struct Record<'r, 'b> {
    pub line: &'b [u8],
    fields: &'r [(usize, usize)],
}

impl<'b> Record<'_, 'b> {
    /// The field at `column` as written.
    pub fn field(&self, column: usize) -> &'b [u8] {
        let (a, b) = self.fields[column];
        &self.line[a..b]
    }

    /// A required value: present, not empty, not padded (the exact reader trims).
    pub fn required(&self, column: usize) -> Option<&'b [u8]> {
        Some(self.field(column)).filter(|f| !f.is_empty() && trimmed(f))
    }

    /// An optional column: `Some(None)` when it is absent or empty, `None` when padded.
    pub fn optional(&self, column: Option<usize>) -> Option<Option<&'b [u8]>> {
        match column.map(|c| self.field(c)) {
            None | Some(b"") => Some(None),
            Some(_) => self.required(column?).map(Some),
        }
    }
}

/// ASCII bytes as text (a [`Plain`] body holds no other byte).
fn text(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes).ok()
}

fn date(bytes: &[u8]) -> Option<jiff::civil::Date> {
    parse_date(text(bytes)?).ok()
}

/// The bytes of a file the source holds as CSV only: given as Parquet (or as both, which the
/// exact reader reports), it is none of these readers' business.
fn read_all(source: &dyn Source, name: &str) -> Option<Vec<u8>> {
    let Ok(Found::Csv(mut file)) = find(source, name) else { return None };
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// `partners.csv` as the exact reader reads it, and the partner ids, when it is plain and valid:
/// every partner listed once, with a name, a country code in capitals and a known market or none.
/// `None` for anything else, valid or not.
pub(crate) fn partners(source: &dyn Source) -> Option<(Vec<Partner>, HashSet<String>)> {
    let bytes = read_all(source, "partners.csv")?;
    let table = Plain::new(&bytes, &["partner_id", "name", "country", "market"])?;
    let [id, name, country, market] = table.columns[..] else { return None };
    let (id, name, country) = (id?, name?, country?);
    let mut partners = Vec::with_capacity(bytes.len() / 32);
    let mut ids = HashSet::with_capacity(bytes.len() / 32);
    table.each(|row| {
        let partner_id = text(row.required(id)?)?;
        let country = text(row.required(country)?).filter(|c| COUNTRIES.binary_search(c).is_ok())?;
        let market =
            row.optional(market)?.map(|m| text(m)?.parse::<Market>().ok()).map_or(Some(None), |m| m.map(Some))?;
        if !ids.insert(partner_id.to_owned()) {
            return None;
        }
        partners.push(Partner {
            id: partner_id.to_owned(),
            name: text(row.required(name)?)?.to_owned(),
            country: country.to_owned(),
            market,
        });
        Some(())
    })?;
    Some((partners, ids))
}

/// `people.csv` and `achievements.csv` as the exact reader reads them, when they are plain and
/// valid: every person of a known partner and listed once, `left` not before `joined`, every
/// achievement of a known person. `None` for anything else, valid or not.
pub(crate) fn people_and_achievements(
    source: &dyn Source,
    partners: &HashSet<String>,
) -> Option<(Vec<Person>, Vec<Achievement>)> {
    let bytes = read_all(source, "people.csv")?;
    let table = Plain::new(&bytes, &["person_id", "partner_id", "name", "joined", "left"])?;
    let [id, partner, name, joined, left] = table.columns[..] else { return None };
    let (id, partner, name) = (id?, partner?, name?);
    let mut people = Vec::with_capacity(bytes.len() / 40);
    let mut seen: HashSet<&[u8]> = HashSet::with_capacity(bytes.len() / 40);
    // Files list a partner's people, and a person's achievements, together: a row naming the
    // previous row's partner (or person) needs no look-up.
    let mut known: &str = "";
    table.each(|row| {
        let person_id = row.required(id)?;
        let partner_id = text(row.required(partner)?)?;
        if partner_id != known {
            known = partners.get(partner_id)?;
        }
        let joined = row.optional(joined)?.map(date).map_or(Some(None), |d| d.map(Some))?;
        let left = row.optional(left)?.map(date).map_or(Some(None), |d| d.map(Some))?;
        if joined.zip(left).is_some_and(|(j, l)| l < j) || !seen.insert(person_id) {
            return None;
        }
        people.push(Person {
            id: text(person_id)?.to_owned(),
            partner_id: partner_id.to_owned(),
            name: text(row.required(name)?)?.to_owned(),
            joined,
            left,
        });
        Some(())
    })?;
    let bytes = read_all(source, "achievements.csv")?;
    let table = Plain::new(&bytes, &["person_id", "credential", "date", "expires"])?;
    let [Some(person), Some(credential), Some(on), expires] = table.columns[..] else { return None };
    let mut achievements = Vec::with_capacity(bytes.len() / 32);
    let mut known: &[u8] = &[];
    table.each(|row| {
        let person_id = row.required(person)?;
        if person_id != known {
            known = seen.get(person_id)?;
        }
        let on = date(row.required(on)?)?;
        let expires = row.optional(expires)?.map(date).map_or(Some(None), |d| d.map(Some))?;
        achievements.push(Achievement {
            person_id: text(person_id)?.to_owned(),
            credential: text(row.required(credential)?)?.to_owned(),
            date: on,
            expires,
        });
        Some(())
    })?;
    Some((people, achievements))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DirSource, InputErrors};
    use attain_engine::Facts;
    use std::path::Path;

    fn example() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/contoso")
    }

    #[test]
    fn people_and_achievements_as_the_exact_reader_reads_them() {
        let facts = crate::read_dir(&example()).unwrap();
        let partners: HashSet<String> = facts.partners.iter().map(|p| p.id.clone()).collect();
        let (people, achievements) = people_and_achievements(&DirSource(&example()), &partners).unwrap();
        assert_eq!(people, facts.people);
        assert_eq!(achievements, facts.achievements);
    }

    #[test]
    fn partners_as_the_exact_reader_reads_them_or_not_at_all() {
        let dir = std::env::temp_dir().join(format!("attain-bytes-partners-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let header = "partner_id,name,country,market\n";
        let valid = "P2,Two,US,\nP1,One,IN,emerging\nP3,Three,DE,developed\n";
        std::fs::write(dir.join("partners.csv"), format!("{header}{valid}")).unwrap();
        let (read, ids) = partners(&DirSource(&dir)).expect("plain and valid");
        let mut exact = Facts::default();
        let exact_ids = crate::read_partners(
            &crate::MemorySource {
                label: "x".into(),
                files: [("partners.csv".to_owned(), format!("{header}{valid}"))].into_iter().collect(),
            },
            &mut InputErrors::default(),
            &mut exact,
        );
        assert_eq!((read, ids), (exact.partners, exact_ids));
        for row in [
            "P1,Again,US,",
            "P4,Four,us,",
            "P4,Four,XX,",
            "P4,Four,US,Developed",
            "P4,,US,",
            "\"P4\",Four,US,",
            "P4, Four,US,",
            "",
        ] {
            std::fs::write(dir.join("partners.csv"), format!("{header}{valid}{row}\n")).unwrap();
            assert!(partners(&DirSource(&dir)).is_none(), "{row:?}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn anything_unsure_is_left_to_the_exact_reader() {
        let dir = std::env::temp_dir().join(format!("attain-bytes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let facts = crate::read_dir(&example()).unwrap();
        let partners: HashSet<String> = facts.partners.iter().map(|p| p.id.clone()).collect();
        for file in ["people.csv", "achievements.csv"] {
            std::fs::copy(example().join(file), dir.join(file)).unwrap();
        }
        let people = std::fs::read_to_string(example().join("people.csv")).unwrap();
        let achievements = std::fs::read_to_string(example().join("achievements.csv")).unwrap();
        let first_person = people.lines().nth(1).unwrap();
        let second_person = people.lines().nth(2).unwrap();
        let first_achievement = achievements.lines().nth(1).unwrap();
        let (person_id, rest) = first_person.split_once(',').unwrap();
        let cases = [
            ("people.csv", people.replacen(second_person, first_person, 1)), // a duplicate person
            ("people.csv", people.replacen(first_person, &first_person.replacen(",P", ",NOBODY", 1), 1)),
            ("people.csv", people.replacen(first_person, &format!("\"{person_id}\",{rest}"), 1)),
            ("people.csv", people.replacen(first_person, &format!(" {person_id},{rest}"), 1)),
            ("people.csv", people.replacen(first_person, &format!("{first_person}\n"), 1)),
            ("achievements.csv", achievements.replacen(first_achievement, &format!("X{first_achievement}"), 1)),
            ("achievements.csv", achievements.replacen(first_achievement, &first_achievement.replace("-", "/"), 1)),
        ];
        for (file, text) in cases {
            std::fs::write(dir.join(file), &text).unwrap();
            assert!(people_and_achievements(&DirSource(&dir), &partners).is_none(), "{text}");
            std::fs::copy(example().join(file), dir.join(file)).unwrap();
        }
        assert!(people_and_achievements(&DirSource(&dir), &partners).is_some());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
