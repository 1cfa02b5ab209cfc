//! Which partners a consumption row is credited to, from its customer and its day.
//!
//! A customer's associations only start and end on days, so its timeline splits at every
//! `start` and every day after an `end` into spans inside which the same partners credit its
//! rows through the same association kinds. Each span keeps, per partner, the bit set of the
//! program's counting-kinds sets that credit it: a row counts once per partner and set, however
//! many associations cover it (SPEC 4.5).

use attain_engine::{AssociationKind, Facts, Partner};
use rustc_hash::FxHashMap;

use crate::day::Ymd;
use attain_input::bytes::Plain;

use crate::scan::Rejection;

/// A partner credited in a span, and the counting-kinds sets (bits of indices into
/// [`Attribution::kinds`]) through which it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Credit {
    pub partner: u32,
    pub sets: u8,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    from: Ymd,
    /// Exclusive; `Ymd::MAX` while associations last.
    until: Ymd,
    credits: (u32, u32),
}

/// The spans of every associated customer, by dense customer number.
pub struct Attribution<'f> {
    customers: FxHashMap<&'f [u8], u32>,
    /// Customer ids by number.
    ids: Vec<&'f [u8]>,
    first_span: Vec<u32>,
    spans: Vec<Span>,
    credits: Vec<Credit>,
    /// The distinct counting-kinds sets of the program's versions.
    pub kinds: Vec<u8>,
    /// The first day any association starts, if any.
    pub earliest: Option<Ymd>,
}

/// One association as the attribution needs it: the customer's id, the partner's index in the
/// partners sorted by id, the kind's bit, the first day and the last day (inclusive) it covers.
#[derive(Debug, Clone, Copy)]
pub struct Link<'f> {
    pub customer: &'f [u8],
    pub partner: u32,
    pub kind: u8,
    pub start: Ymd,
    pub end: Option<Ymd>,
}

/// Reads `associations.csv` from its bytes, validating what `attain_input` validates there
/// (columns, field counts, known partners, kinds, dates, `end` not before `start`); a
/// [`Rejection`] for anything it is not sure of, error or not (quotes, non-ASCII, padded or
/// blank values, blank lines...): the caller then reads the file with `attain_input`.
/// `partners` sorted by id, as in `Facts`.
pub fn read_links<'b>(bytes: &'b [u8], partners: &[Partner]) -> Result<Vec<Link<'b>>, Rejection> {
    let unsure = || Rejection("associations.csv needs the exact reader".into());
    let table = Plain::new(bytes, &["partner_id", "customer_id", "kind", "start", "end"]).ok_or_else(unsure)?;
    let [Some(partner), Some(customer), Some(kind), Some(start), end] = table.columns[..] else {
        return Err(unsure());
    };
    let partner_of: FxHashMap<&[u8], u32> =
        partners.iter().enumerate().map(|(i, p)| (p.id.as_bytes(), i as u32)).collect();
    let mut links = Vec::with_capacity(bytes.len() / 48);
    // Files list a partner's associations together: most rows name the previous row's partner.
    let mut last: (&[u8], u32) = (&[], 0);
    table
        .each(|row| {
            let kind_text = row.required(kind)?;
            let partner_id = row.required(partner)?;
            if partner_id != last.0 {
                last = (partner_id, *partner_of.get(partner_id)?);
            }
            let link = Link {
                partner: last.1,
                customer: row.required(customer)?,
                kind: AssociationKind::ALL.into_iter().find(|k| k.as_str().as_bytes() == kind_text)?.bit(),
                start: Ymd::parse(row.required(start)?)?,
                end: row.optional(end)?.map(Ymd::parse).map_or(Some(None), |e| e.map(Some))?,
            };
            if link.end.is_some_and(|e| e < link.start) {
                return None;
            }
            links.push(link);
            Some(())
        })
        .ok_or_else(unsure)?;
    Ok(links)
}

impl<'f> Attribution<'f> {
    /// `facts.partners` sorted by id: a credit's partner is its index there.
    pub fn build(facts: &'f Facts, kinds: Vec<u8>) -> Attribution<'f> {
        let partner_of: FxHashMap<&str, u32> =
            facts.partners.iter().enumerate().map(|(i, p)| (p.id.as_str(), i as u32)).collect();
        let links: Vec<Link<'f>> = facts
            .associations
            .iter()
            .map(|a| Link {
                customer: a.customer_id.as_bytes(),
                partner: partner_of[a.partner_id.as_str()],
                kind: a.kind.bit(),
                start: Ymd::of(a.start),
                end: a.end.map(Ymd::of),
            })
            .collect();
        Attribution::of_links(&links, kinds)
    }

    /// The attribution of associations already resolved to partner indices.
    pub fn of_links(links: &[Link<'f>], kinds: Vec<u8>) -> Attribution<'f> {
        assert!(kinds.len() <= 8, "a kinds-set mask is a byte");
        // Dense customer numbers in order of first appearance, then the links grouped by
        // customer with one counting sort (no list per customer).
        let mut customers: FxHashMap<&[u8], u32> = FxHashMap::with_capacity_and_hasher(links.len(), Default::default());
        let mut ids = Vec::with_capacity(links.len());
        let mut customer_of = Vec::with_capacity(links.len());
        for link in links {
            let next = customers.len() as u32;
            let number = *customers.entry(link.customer).or_insert_with(|| {
                ids.push(link.customer);
                next
            });
            customer_of.push(number);
        }
        let mut group_start = vec![0u32; customers.len() + 1];
        for &c in &customer_of {
            group_start[c as usize + 1] += 1;
        }
        for i in 1..group_start.len() {
            group_start[i] += group_start[i - 1];
        }
        let mut grouped = vec![0u32; links.len()];
        let mut fill = group_start.clone();
        for (l, &c) in customer_of.iter().enumerate() {
            grouped[fill[c as usize] as usize] = l as u32;
            fill[c as usize] += 1;
        }
        let mut attribution = Attribution {
            customers,
            ids,
            first_span: Vec::with_capacity(group_start.len()),
            spans: Vec::new(),
            credits: Vec::new(),
            kinds,
            earliest: links.iter().map(|l| l.start).min(),
        };
        let mut cuts = Vec::new();
        let mut credits = Vec::new();
        for group in group_start.windows(2) {
            let list = &grouped[group[0] as usize..group[1] as usize];
            attribution.first_span.push(attribution.spans.len() as u32);
            cuts.clear();
            for &l in list {
                let link = &links[l as usize];
                cuts.push(link.start);
                cuts.extend(link.end.map(|e| Ymd::after(e.date())));
            }
            cuts.sort_unstable();
            cuts.dedup();
            for (i, &from) in cuts.iter().enumerate() {
                let until = cuts.get(i + 1).copied().unwrap_or(Ymd::MAX);
                credits.clear();
                for &l in list {
                    let link = &links[l as usize];
                    if !(link.start <= from && link.end.is_none_or(|e| from <= e)) {
                        continue;
                    }
                    let sets = attribution.sets_of(link.kind);
                    if sets != 0 {
                        credits.push(Credit { partner: link.partner, sets });
                    }
                }
                credits.sort_unstable_by_key(|c| c.partner);
                credits.dedup_by(|later, first| {
                    let same = later.partner == first.partner;
                    if same {
                        first.sets |= later.sets;
                    }
                    same
                });
                attribution.push_span(from, until, &credits);
            }
        }
        attribution.first_span.push(attribution.spans.len() as u32);
        attribution
    }

    /// Which counting-kinds sets a kind (bit) belongs to.
    fn sets_of(&self, kind: u8) -> u8 {
        self.kinds.iter().enumerate().filter(|(_, k)| *k & kind != 0).fold(0, |m, (i, _)| m | 1 << i)
    }

    /// Appends a span, or lengthens the previous one when it credits the same; spans crediting
    /// nobody are left out.
    fn push_span(&mut self, from: Ymd, until: Ymd, credits: &[Credit]) {
        if credits.is_empty() {
            return;
        }
        let customer_start = *self.first_span.last().expect("pushed before the spans") as usize;
        if self.spans.len() > customer_start {
            let last = self.spans.last_mut().expect("not empty");
            let (a, b) = last.credits;
            if last.until == from && self.credits[a as usize..b as usize] == *credits {
                last.until = until;
                return;
            }
        }
        let start = self.credits.len() as u32;
        self.credits.extend_from_slice(credits);
        self.spans.push(Span { from, until, credits: (start, self.credits.len() as u32) });
    }

    /// The dense number of a customer some partner is associated with.
    pub fn customer(&self, id: &str) -> Option<u32> {
        self.customer_bytes(id.as_bytes())
    }

    /// [`Attribution::customer`] of an id's bytes: a row's bytes need no UTF-8 check to be
    /// looked up, since only valid ids were put in.
    pub fn customer_bytes(&self, id: &[u8]) -> Option<u32> {
        self.customers.get(id).copied()
    }

    /// The id of customer number `customer`.
    #[inline]
    pub fn id(&self, customer: u32) -> Option<&'f [u8]> {
        self.ids.get(customer as usize).copied()
    }

    /// The partners credited with a row of `customer` dated `day`.
    pub fn credits(&self, customer: u32, day: Ymd) -> &[Credit] {
        let spans =
            &self.spans[self.first_span[customer as usize] as usize..self.first_span[customer as usize + 1] as usize];
        match spans.iter().find(|s| s.from <= day && day < s.until) {
            Some(span) => &self.credits[span.credits.0 as usize..span.credits.1 as usize],
            None => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_reader_reads_the_associations_the_exact_reader_reads() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/contoso");
        let facts = attain_input::read_dir(&dir).unwrap();
        let bytes = std::fs::read(dir.join("associations.csv")).unwrap();
        let links = read_links(&bytes, &facts.partners).unwrap();
        assert_eq!(links.len(), facts.associations.len());
        for (link, a) in links.iter().zip(&facts.associations) {
            assert_eq!(link.customer, a.customer_id.as_bytes());
            assert_eq!(facts.partners[link.partner as usize].id, a.partner_id);
            assert_eq!((link.kind, link.start, link.end), (a.kind.bit(), Ymd::of(a.start), a.end.map(Ymd::of)));
        }
        // Unsure or invalid: left to the exact reader.
        let text = String::from_utf8(bytes).unwrap();
        let first = text.lines().nth(1).unwrap();
        for changed in [first.replace("P0", "Q0"), first.replace("DPOR", "DAPX"), format!("{first},x"), String::new()] {
            let damaged = text.replacen(first, &changed, 1);
            assert!(read_links(damaged.as_bytes(), &facts.partners).is_err(), "{changed:?}");
        }
        let header_only = "partner_id,customer_id,kind,start\n";
        assert_eq!(read_links(header_only.as_bytes(), &facts.partners).unwrap().len(), 0);
    }
}
