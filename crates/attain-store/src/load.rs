//! Reading the stored facts back, as the engine takes them.

use attain_engine::{Achievement, Association, Consumption, Facts, Partner, Person, Usd};

use crate::{parse_date, Result, Store, StoreError};

/// partner_id, customer_id, kind, start_date, end_date.
type AssociationRow = (String, String, String, String, Option<String>);
/// id, partner_id, name, joined_on, left_on.
type PersonRow = (String, String, String, Option<String>, Option<String>);

impl Store {
    /// Every fact in the store. The store only ever holds validated imports, so what comes back is
    /// as consistent as what went in; anything else is reported as corruption, not skipped.
    pub async fn facts(&self) -> Result<Facts> {
        let mut facts = Facts::default();
        let partners: Vec<(String, String, String, Option<String>)> =
            sqlx::query_as("SELECT id, name, country, market FROM partners ORDER BY id").fetch_all(&self.pool).await?;
        for (id, name, country, market) in partners {
            let market = match market {
                Some(m) => Some(m.parse().map_err(|e| StoreError::Corrupt(format!("partner {id}: {e}")))?),
                None => None,
            };
            facts.partners.push(Partner { id, name, country, market });
        }
        let associations: Vec<AssociationRow> = sqlx::query_as(
            "SELECT partner_id, customer_id, kind, start_date, end_date FROM associations \
             ORDER BY partner_id, customer_id, start_date",
        )
        .fetch_all(&self.pool)
        .await?;
        for (partner_id, customer_id, kind, start, end) in associations {
            facts.associations.push(Association {
                kind: kind.parse().map_err(|e| StoreError::Corrupt(format!("association of {partner_id}: {e}")))?,
                start: parse_date(&start, "association start")?,
                end: end.map(|d| parse_date(&d, "association end")).transpose()?,
                partner_id,
                customer_id,
            });
        }
        let consumption: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT customer_id, consumed_on, usd_micros FROM consumption ORDER BY customer_id, consumed_on",
        )
        .fetch_all(&self.pool)
        .await?;
        facts.consumption.reserve(consumption.len());
        for (customer_id, date, micros) in consumption {
            let micros: i128 = micros.parse().map_err(|_| {
                StoreError::Corrupt(format!("consumption of {customer_id}: {micros:?} is not micro-dollars"))
            })?;
            facts.consumption.push(Consumption {
                customer_id,
                date: parse_date(&date, "consumption date")?,
                usd: Usd(micros),
            });
        }
        let people: Vec<PersonRow> =
            sqlx::query_as("SELECT id, partner_id, name, joined_on, left_on FROM people ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        for (id, partner_id, name, joined, left) in people {
            facts.people.push(Person {
                joined: joined.map(|d| parse_date(&d, "joined")).transpose()?,
                left: left.map(|d| parse_date(&d, "left")).transpose()?,
                id,
                partner_id,
                name,
            });
        }
        let achievements: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT person_id, credential, achieved_on FROM achievements ORDER BY person_id, credential, achieved_on",
        )
        .fetch_all(&self.pool)
        .await?;
        for (person_id, credential, date) in achievements {
            facts.achievements.push(Achievement {
                person_id,
                credential,
                date: parse_date(&date, "achievement date")?,
            });
        }
        Ok(facts)
    }

    /// Partner ids and names, by id: what the overview lists without deciding anything.
    pub async fn partner_names(&self) -> Result<Vec<(String, String)>> {
        Ok(sqlx::query_as("SELECT id, name FROM partners ORDER BY id").fetch_all(&self.pool).await?)
    }
}
