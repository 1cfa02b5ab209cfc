//! Integer-indexed views of the facts, built once per engine.

use std::collections::HashMap;

use attain_rules::{Catalog, CredentialIdx};
use jiff::civil::Date;

use crate::days::{ConsumptionDays, CustomerDays};
use crate::{EngineError, Facts};

pub(crate) struct Index {
    /// For each partner, its associations (indices into `facts.associations`), grouped by customer.
    pub associations: Vec<Vec<(u32, usize)>>,
    /// For each associated customer, an association naming it (where its id is read).
    customer_association: Vec<usize>,
    /// For each associated customer, its number in `days` ([`NO_DAYS`]: it has no consumption).
    customer_days: Vec<u32>,
    pub days: ConsumptionDays,
    pub staff: Staff,
    /// For each person, the indices of all their achievements (for explanations).
    pub achievements: Vec<Vec<usize>>,
}

/// An associated customer without consumption.
const NO_DAYS: u32 = u32::MAX;

/// The position of `id` among sorted ids, trying `last` first: files list a partner's rows (or
/// a person's achievements) together, so most lookups are the previous one's.
fn position<T>(sorted: &[T], key: impl Fn(&T) -> &str, last: &mut usize, id: &str) -> Option<usize> {
    if sorted.get(*last).is_some_and(|known| key(known) == id) {
        return Some(*last);
    }
    *last = sorted.binary_search_by(|known| key(known).cmp(id)).ok()?;
    Some(*last)
}

impl Index {
    /// `facts.partners` must be sorted by id (as [`crate::Engine::new`] leaves them).
    /// `days` is the consumption of `facts` (whose own `consumption` is not read).
    pub fn build(facts: &Facts, mut days: ConsumptionDays, catalog: &Catalog) -> Result<Index, EngineError> {
        let mut last_partner = 0;
        let mut find_partner = |id: &str, what: &str| {
            position(&facts.partners, |p| p.id.as_str(), &mut last_partner, id)
                .ok_or_else(|| EngineError::DanglingReference(format!("{what} names unknown partner {id:?}")))
        };

        // Only customers some partner is associated with can ever count.
        let mut customer_by_id: HashMap<&str, u32> = HashMap::new();
        let mut customer_association = Vec::new();
        let mut associations = vec![Vec::new(); facts.partners.len()];
        for (a, assoc) in facts.associations.iter().enumerate() {
            let p = find_partner(&assoc.partner_id, "an association")?;
            let c = *customer_by_id.entry(assoc.customer_id.as_str()).or_insert_with(|| {
                customer_association.push(a);
                customer_association.len() as u32 - 1
            });
            associations[p].push((c, a));
        }
        for list in &mut associations {
            list.sort_unstable();
        }
        let mut customer_days = vec![NO_DAYS; customer_association.len()];
        for d in 0..days.customers() {
            if let Some(c) = customer_by_id.get(days.customer_id(d)) {
                customer_days[*c as usize] = d as u32;
            }
        }
        days.forget_customer_ids();

        let partner_of = facts
            .people
            .iter()
            .map(|person| find_partner(&person.partner_id, "a person"))
            .collect::<Result<Vec<_>, _>>()?;
        let person_by_id: HashMap<&str, usize> =
            facts.people.iter().enumerate().map(|(i, person)| (person.id.as_str(), i)).collect();
        let mut achievements = vec![Vec::new(); facts.people.len()];
        let mut last_person = usize::MAX;
        for (i, a) in facts.achievements.iter().enumerate() {
            let person = match facts.people.get(last_person) {
                Some(p) if p.id == a.person_id => last_person,
                _ => *person_by_id.get(a.person_id.as_str()).ok_or_else(|| {
                    EngineError::DanglingReference(format!("an achievement names unknown person {:?}", a.person_id))
                })?,
            };
            last_person = person;
            achievements[person].push(i);
        }
        let staff = Staff::of_people(facts.partners.len(), &partner_of, |person, hold| {
            let people = &facts.people[person];
            for a in &achievements[person] {
                let a = &facts.achievements[*a];
                if let Some(credential) = catalog.lookup(&a.credential) {
                    hold(credential, a.date);
                }
            }
            (people.joined, people.left)
        });
        Ok(Index { associations, customer_association, customer_days, days, staff, achievements })
    }

    /// An index of people only, for an engine that holds no rows or associations (not even an
    /// empty list per partner: at 100k partners, 2.4 MB to fill with nothing).
    pub fn of_staff(staff: Staff) -> Index {
        Index {
            associations: Vec::new(),
            customer_association: Vec::new(),
            customer_days: Vec::new(),
            days: ConsumptionDays::default(),
            staff,
            achievements: Vec::new(),
        }
    }

    /// The consumption of associated customer `customer`, by day.
    pub fn customer_days(&self, customer: u32) -> CustomerDays<'_> {
        match self.customer_days[customer as usize] {
            NO_DAYS => CustomerDays::none(&self.days),
            d => self.days.of_customer(d as usize),
        }
    }

    /// The id of associated customer `customer`.
    pub fn customer_id<'f>(&self, facts: &'f Facts, customer: u32) -> &'f str {
        &facts.associations[self.customer_association[customer as usize]].customer_id
    }
}

/// The people of every partner, flat, with what deciding needs of each: when they belong to
/// their partner and the earliest day they achieved each catalog credential. Built from facts
/// (see [`Index::build`]) or straight from a roll-up's people (see [`StaffBuilder`]).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Staff {
    /// Partner `p`'s people are `people[starts[p]..starts[p + 1]]`: indices into `Facts::people`
    /// when built from facts.
    starts: Vec<u32>,
    people: Vec<u32>,
    /// Joined and left (inclusive), per person.
    affiliations: Vec<(Option<Date>, Option<Date>)>,
    /// Person `i`'s credentials are `held[held_starts[i]..held_starts[i + 1]]`, each once.
    held_starts: Vec<u32>,
    held: Vec<(CredentialIdx, Date)>,
}

impl Staff {
    /// `partner_of[i]` is person `i`'s partner; `each(i, hold)` calls `hold` for each catalog
    /// credential person `i` achieved (in any order, repeats allowed) and returns their
    /// affiliation.
    fn of_people(
        partners: usize,
        partner_of: &[usize],
        mut each: impl FnMut(usize, &mut dyn FnMut(CredentialIdx, Date)) -> (Option<Date>, Option<Date>),
    ) -> Staff {
        let mut starts = vec![0u32; partners + 1];
        for p in partner_of {
            starts[p + 1] += 1;
        }
        for p in 0..partners {
            starts[p + 1] += starts[p];
        }
        let mut next = starts.clone();
        let mut people = vec![0u32; partner_of.len()];
        for (person, p) in partner_of.iter().enumerate() {
            people[next[*p] as usize] = person as u32;
            next[*p] += 1;
        }
        let mut staff = Staff { starts, people, ..Staff::default() };
        staff.held_starts.push(0);
        for person in 0..partner_of.len() {
            let affiliation = each(person, &mut |credential, date| staff.hold(credential, date));
            staff.affiliations.push(affiliation);
            staff.held_starts.push(staff.held.len() as u32);
        }
        staff
    }

    /// Records that the person being built achieved `credential` on `date`, keeping the earliest.
    fn hold(&mut self, credential: CredentialIdx, date: Date) {
        let own = &mut self.held[*self.held_starts.last().expect("started") as usize..];
        match own.iter_mut().find(|(c, _)| *c == credential) {
            Some((_, earliest)) => *earliest = (*earliest).min(date),
            None => self.held.push((credential, date)),
        }
    }

    /// The people of partner `p`.
    pub fn of_partner(&self, p: usize) -> &[u32] {
        &self.people[self.starts[p] as usize..self.starts[p + 1] as usize]
    }

    pub fn affiliation(&self, person: u32) -> (Option<Date>, Option<Date>) {
        self.affiliations[person as usize]
    }

    pub fn affiliated_on(&self, person: u32, date: Date) -> bool {
        let (joined, left) = self.affiliation(person);
        crate::facts::affiliated(joined, left, date)
    }

    /// Each catalog credential the person achieved, once, with the earliest date.
    pub fn held(&self, person: u32) -> &[(CredentialIdx, Date)] {
        let person = person as usize;
        &self.held[self.held_starts[person] as usize..self.held_starts[person + 1] as usize]
    }

    pub fn partners(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The same people with their credentials renumbered by `map`, in place; those it maps to
    /// `None` are dropped. (A roll-up numbers credentials its own way until the rules are known.)
    pub fn with_credentials(mut self, map: impl Fn(CredentialIdx) -> Option<CredentialIdx>) -> Staff {
        let mut kept = 0;
        let mut from = 0;
        for end in self.held_starts.iter_mut().skip(1) {
            for i in from..*end as usize {
                if let Some(credential) = map(self.held[i].0) {
                    self.held[kept] = (credential, self.held[i].1);
                    kept += 1;
                }
            }
            from = *end as usize;
            *end = kept as u32;
        }
        self.held.truncate(kept);
        self
    }
}

/// Builds a [`Staff`] from people listed partner by partner, each followed by their credentials:
/// how a roll-up, which keeps people that way, hands them to the engine without names or ids.
pub struct StaffBuilder {
    staff: Staff,
    partners: usize,
}

impl StaffBuilder {
    /// A builder for `partners` partners, with room for `people` people holding `held`
    /// credentials in all (sized up front: growing would copy, and touch twice the memory).
    pub fn new(partners: usize, people: usize, held: usize) -> StaffBuilder {
        let mut staff = Staff {
            starts: Vec::with_capacity(partners + 1),
            people: Vec::with_capacity(people),
            affiliations: Vec::with_capacity(people),
            held_starts: Vec::with_capacity(people + 1),
            held: Vec::with_capacity(held),
        };
        staff.starts.push(0);
        staff.held_starts.push(0);
        StaffBuilder { staff, partners }
    }

    /// Adds the next person, of partner `p`: no earlier than the previous person's partner.
    pub fn person(&mut self, p: usize, joined: Option<Date>, left: Option<Date>) -> Result<(), String> {
        let staff = &mut self.staff;
        if p >= self.partners {
            return Err(format!("a person of partner number {p}, of {} partners", self.partners));
        }
        if p + 1 < staff.starts.len() {
            return Err(format!("a person of partner {p} after those of partner {}", staff.starts.len() - 1));
        }
        let count = staff.affiliations.len() as u32;
        staff.starts.resize(p + 1, count);
        staff.people.push(count);
        staff.affiliations.push((joined, left));
        staff.held_starts.push(staff.held.len() as u32);
        Ok(())
    }

    /// The last person added achieved `credential` on `date` (the earliest is kept).
    pub fn hold(&mut self, credential: CredentialIdx, date: Date) {
        let staff = &mut self.staff;
        staff.held_starts.pop();
        staff.hold(credential, date);
        staff.held_starts.push(staff.held.len() as u32);
    }

    pub fn build(mut self) -> Staff {
        let count = self.staff.affiliations.len() as u32;
        self.staff.starts.resize(self.partners + 1, count);
        self.staff
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_renumbered_in_place_drop_the_unmapped() {
        let day = |d| jiff::civil::date(2018, 1, d);
        let mut builder = StaffBuilder::new(2, 3, 5);
        builder.person(0, None, None).unwrap();
        builder.hold(CredentialIdx(0), day(1));
        builder.hold(CredentialIdx(1), day(2));
        builder.person(1, Some(day(3)), None).unwrap();
        builder.person(1, None, Some(day(4))).unwrap();
        builder.hold(CredentialIdx(1), day(5));
        builder.hold(CredentialIdx(2), day(6));
        // 0 is unknown to the rules; 1 and 2 swap places.
        let staff =
            builder.build().with_credentials(|c| [None, Some(CredentialIdx(2)), Some(CredentialIdx(1))][c.0 as usize]);
        assert_eq!(staff.of_partner(0), [0]);
        assert_eq!(staff.of_partner(1), [1, 2]);
        assert_eq!(staff.held(0), [(CredentialIdx(2), day(2))]);
        assert_eq!(staff.held(1), []);
        assert_eq!(staff.held(2), [(CredentialIdx(2), day(5)), (CredentialIdx(1), day(6))]);
        assert_eq!(staff.affiliation(2), (None, Some(day(4))));
    }
}
