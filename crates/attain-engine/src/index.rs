//! Integer-indexed views of the facts, built once per engine.

use std::collections::HashMap;

use attain_rules::{Catalog, CredentialIdx, Usd};
use jiff::civil::Date;

use crate::{EngineError, Facts};

pub(crate) struct Index {
    /// For each partner, its associations (indices into `facts.associations`), grouped by customer.
    pub associations: Vec<Vec<(u32, usize)>>,
    /// Consumption rows of each associated customer, sorted by date: `rows[offsets[c]..offsets[c + 1]]`.
    offsets: Vec<usize>,
    rows: Vec<(Date, Usd)>,
    pub customer_ids: Vec<String>,
    pub people: Vec<Vec<usize>>,
    /// For each person, the earliest achievement date of each catalog credential,
    /// and the indices of all their achievements.
    pub earliest: Vec<Vec<(CredentialIdx, Date)>>,
    pub achievements: Vec<Vec<usize>>,
}

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
    pub fn build(facts: &Facts, catalog: &Catalog) -> Result<Index, EngineError> {
        let mut last_partner = 0;
        let mut find_partner = |id: &str, what: &str| {
            position(&facts.partners, |p| p.id.as_str(), &mut last_partner, id)
                .ok_or_else(|| EngineError::DanglingReference(format!("{what} names unknown partner {id:?}")))
        };

        // Only customers some partner is associated with can ever count.
        let mut customer_by_id: HashMap<&str, u32> = HashMap::new();
        let mut customer_ids = Vec::new();
        let mut associations = vec![Vec::new(); facts.partners.len()];
        for (a, assoc) in facts.associations.iter().enumerate() {
            let p = find_partner(&assoc.partner_id, "an association")?;
            let c = *customer_by_id.entry(assoc.customer_id.as_str()).or_insert_with(|| {
                customer_ids.push(assoc.customer_id.clone());
                customer_ids.len() as u32 - 1
            });
            associations[p].push((c, a));
        }
        for list in &mut associations {
            list.sort_unstable();
        }

        let mut counts = vec![0usize; customer_ids.len() + 1];
        let row_customer: Vec<Option<u32>> =
            facts.consumption.iter().map(|row| customer_by_id.get(row.customer_id.as_str()).copied()).collect();
        for c in row_customer.iter().flatten() {
            counts[*c as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let offsets = counts.clone();
        let mut rows = vec![(Date::MIN, Usd::ZERO); *offsets.last().unwrap()];
        for (row, c) in facts.consumption.iter().zip(&row_customer) {
            if let Some(c) = c {
                rows[counts[*c as usize]] = (row.date, row.usd);
                counts[*c as usize] += 1;
            }
        }
        for c in 0..customer_ids.len() {
            rows[offsets[c]..offsets[c + 1]].sort_unstable();
        }

        let mut person_by_id = HashMap::with_capacity(facts.people.len());
        let mut people = vec![Vec::new(); facts.partners.len()];
        for (i, person) in facts.people.iter().enumerate() {
            people[find_partner(&person.partner_id, "a person")?].push(i);
            person_by_id.insert(person.id.as_str(), i);
        }
        let mut earliest = vec![Vec::<(CredentialIdx, Date)>::new(); facts.people.len()];
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
            if let Some(credential) = catalog.lookup(&a.credential) {
                let held = &mut earliest[person];
                match held.iter_mut().find(|(c, _)| *c == credential) {
                    Some((_, date)) => *date = (*date).min(a.date),
                    None => held.push((credential, a.date)),
                }
            }
        }
        Ok(Index { associations, offsets, rows, customer_ids, people, earliest, achievements })
    }

    pub fn customer_rows(&self, customer: u32) -> &[(Date, Usd)] {
        &self.rows[self.offsets[customer as usize]..self.offsets[customer as usize + 1]]
    }
}
