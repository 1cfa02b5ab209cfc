//! Reading the stored facts back, as the engine takes them.

use attain_engine::{Achievement, Association, Consumption, Facts, MeasureReport, Partner, Person, Usd};

use crate::{parse_date, Result, Store, StoreError};

/// partner_id, customer_id, kind, start_date, end_date.
type AssociationRow = (String, String, String, String, Option<String>);
/// id, partner_id, name, joined_on, left_on.
type PersonRow = (String, String, String, Option<String>, Option<String>);
/// customer, day, micro-dollars, service, offer.
type ConsumptionRow = (String, String, String, Option<String>, Option<String>);

impl Store {
    /// Every fact in the store. The store only ever holds validated imports, so what comes back is
    /// as consistent as what went in; anything else is reported as corruption, not skipped.
    pub async fn facts(&self) -> Result<Facts> {
        Ok(self.facts_as_imported().await?.1)
    }

    /// The facts with the id of the latest import they include, read in one transaction so that
    /// they never mix two imports (SQLite's WAL read snapshot; PostgreSQL's repeatable read).
    pub async fn facts_as_imported(&self) -> Result<(Option<i64>, Facts)> {
        let mut tx = self.read_transaction().await?;
        let read = self.read_facts(&mut tx, true).await?;
        tx.commit().await?;
        Ok(read)
    }

    /// A transaction that reads one state of the store (SQLite's WAL read snapshot; PostgreSQL's
    /// repeatable read).
    pub(crate) async fn read_transaction(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        let mut tx = self.pool.begin().await?;
        if self.backend == crate::Backend::Postgres {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute(&mut *tx).await?;
        }
        Ok(tx)
    }

    /// The facts with the id of the latest import they include; without consumption rows unless
    /// `consumption`.
    pub(crate) async fn read_facts(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        consumption: bool,
    ) -> Result<(Option<i64>, Facts)> {
        let tx = &mut **tx;
        let import_id: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM imports").fetch_one(&mut *tx).await?;
        let mut facts = Facts::default();
        let partners: Vec<(String, String, String, Option<String>)> =
            sqlx::query_as("SELECT id, name, country, market FROM partners ORDER BY id").fetch_all(&mut *tx).await?;
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
        .fetch_all(&mut *tx)
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
        let consumption: Vec<ConsumptionRow> = if consumption {
            sqlx::query_as(
                "SELECT customer_id, consumed_on, usd_micros, service, offer FROM consumption ORDER BY customer_id, consumed_on",
            )
            .fetch_all(&mut *tx)
            .await?
        } else {
            Vec::new()
        };
        facts.consumption.reserve(consumption.len());
        let mut labels = std::collections::HashMap::new();
        for (customer_id, date, micros, service, offer) in consumption {
            let micros: i128 = micros.parse().map_err(|_| {
                StoreError::Corrupt(format!("consumption of {customer_id}: {micros:?} is not micro-dollars"))
            })?;
            let service = facts.intern(&mut labels, service.as_deref().unwrap_or_default());
            let offer = facts.intern(&mut labels, offer.as_deref().unwrap_or_default());
            facts.consumption.push(Consumption {
                customer_id,
                date: parse_date(&date, "consumption date")?,
                usd: Usd(micros),
                service,
                offer,
            });
        }
        let people: Vec<PersonRow> =
            sqlx::query_as("SELECT id, partner_id, name, joined_on, left_on FROM people ORDER BY id")
                .fetch_all(&mut *tx)
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
        let achievements: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT person_id, credential, achieved_on, expires_on FROM achievements ORDER BY person_id, credential, achieved_on",
        )
        .fetch_all(&mut *tx)
        .await?;
        for (person_id, credential, date, expires) in achievements {
            facts.achievements.push(Achievement {
                person_id,
                credential,
                date: parse_date(&date, "achievement date")?,
                expires: expires.map(|d| parse_date(&d, "achievement expiry")).transpose()?,
            });
        }
        let measures: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT customer_id, measure, reported_on, value FROM measures ORDER BY customer_id, measure, reported_on",
        )
        .fetch_all(&mut *tx)
        .await?;
        for (customer_id, measure, date, value) in measures {
            let value = value.parse().map_err(|_| {
                StoreError::Corrupt(format!("{measure} of {customer_id}: {value:?} is not a whole number"))
            })?;
            facts.measures.push(MeasureReport {
                date: parse_date(&date, "measure date")?,
                customer_id,
                measure,
                value,
            });
        }
        Ok((import_id, facts))
    }

    /// Whether a partner has been imported.
    pub async fn has_partner(&self, id: &str) -> Result<bool> {
        let found: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM partners WHERE id = $1").bind(id).fetch_one(&self.pool).await?;
        Ok(found > 0)
    }
}
