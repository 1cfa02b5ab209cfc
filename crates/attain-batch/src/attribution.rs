//! Which partners a consumption row is credited to, from its customer and its day.
//!
//! A customer's associations only start and end on days, so its timeline splits at every
//! `start` and every day after an `end` into spans inside which the same partners credit its
//! rows through the same association kinds. Each span keeps, per partner, the bit set of the
//! program's counting-kinds sets that credit it: a row counts once per partner and set, however
//! many associations cover it (SPEC 4.5).

use attain_engine::Facts;
use rustc_hash::FxHashMap;

use crate::day::Ymd;

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
    customers: FxHashMap<&'f str, u32>,
    first_span: Vec<u32>,
    spans: Vec<Span>,
    credits: Vec<Credit>,
    /// The distinct counting-kinds sets of the program's versions.
    pub kinds: Vec<u8>,
    /// The first day any association starts, if any.
    pub earliest: Option<Ymd>,
}

impl<'f> Attribution<'f> {
    /// `facts.partners` sorted by id: a credit's partner is its index there.
    pub fn build(facts: &'f Facts, kinds: Vec<u8>) -> Attribution<'f> {
        assert!(kinds.len() <= 8, "a kinds-set mask is a byte");
        let partner_of: FxHashMap<&str, u32> =
            facts.partners.iter().enumerate().map(|(i, p)| (p.id.as_str(), i as u32)).collect();
        let mut customers: FxHashMap<&str, u32> = FxHashMap::default();
        let mut by_customer: Vec<Vec<usize>> = Vec::new();
        for (a, association) in facts.associations.iter().enumerate() {
            let next = customers.len() as u32;
            let c = *customers.entry(association.customer_id.as_str()).or_insert(next);
            if c == next {
                by_customer.push(Vec::new());
            }
            by_customer[c as usize].push(a);
        }
        let mut attribution = Attribution {
            customers,
            first_span: Vec::with_capacity(by_customer.len() + 1),
            spans: Vec::new(),
            credits: Vec::new(),
            kinds,
            earliest: facts.associations.iter().map(|a| Ymd::of(a.start)).min(),
        };
        let mut cuts = Vec::new();
        let mut credits = Vec::new();
        for list in &by_customer {
            attribution.first_span.push(attribution.spans.len() as u32);
            cuts.clear();
            for &a in list {
                let association = &facts.associations[a];
                cuts.push(Ymd::of(association.start));
                cuts.extend(association.end.map(Ymd::after));
            }
            cuts.sort_unstable();
            cuts.dedup();
            for (i, &from) in cuts.iter().enumerate() {
                let until = cuts.get(i + 1).copied().unwrap_or(Ymd::MAX);
                credits.clear();
                for &a in list {
                    let association = &facts.associations[a];
                    let covers =
                        Ymd::of(association.start) <= from && association.end.is_none_or(|e| from <= Ymd::of(e));
                    if !covers {
                        continue;
                    }
                    let sets = attribution.sets_of(association.kind.bit());
                    if sets != 0 {
                        let partner = partner_of[association.partner_id.as_str()];
                        credits.push(Credit { partner, sets });
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
        self.customers.get(id).copied()
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
