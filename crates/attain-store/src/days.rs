//! Each customer's consumption summed per day (`consumption_days`), kept in step with the
//! `consumption` rows by every import and read back by a service instead of every row: at a
//! program's scale, rows are what memory and reload time go to (36 million at 100k partners).

use std::collections::HashMap;

use attain_engine::{decode_days, encode_days, ConsumptionDays, ConsumptionDaysBuilder, DayTotal, Facts, Usd};
use futures_util::TryStreamExt as _;
use sqlx::Any;

use crate::import::{delete_where_in, Turn, VALUES_PER_STATEMENT};
use crate::{parse_date, Result, Store, StoreError};

/// Customers per statement: a customer's days are a few hundred bytes to a few kilobytes.
const CUSTOMERS_PER_STATEMENT: usize = 2_000;

/// The name under which `rebuilds` asks for the days to be built from the rows.
const REBUILD: &str = "consumption_days";

impl Store {
    /// Brings the days of the import's customers in step with its rows, in its transaction: as
    /// for the rows, each customer's days from the first to the last date the import holds for
    /// it are the import's, and its other days are kept.
    pub(crate) async fn replace_days(&self, tx: &mut sqlx::Transaction<'_, Any>, facts: &Facts) -> Result<()> {
        let batch =
            ConsumptionDays::from_rows(facts.consumption.iter().map(|r| (r.customer_id.as_str(), r.date, r.usd)));
        let customers: Vec<usize> = (0..batch.customers()).collect();
        for chunk in customers.chunks(CUSTOMERS_PER_STATEMENT) {
            let ids: Vec<&str> = chunk.iter().map(|c| batch.customer_id(*c)).collect();
            let sql = self.backend.list(
                "SELECT customer_id, days FROM consumption_days WHERE customer_id IN (",
                ids.len(),
                ")",
            );
            let mut q = sqlx::query_as::<_, (String, Vec<u8>)>(&sql).persistent(false);
            for id in &ids {
                q = q.bind(*id);
            }
            let mut kept: HashMap<String, Vec<u8>> = q.fetch_all(&mut **tx).await?.into_iter().collect();
            delete_where_in(tx, self.backend, "DELETE FROM consumption_days WHERE customer_id IN (", &ids, ")").await?;
            let mut rows = Vec::with_capacity(chunk.len());
            for (c, id) in chunk.iter().zip(&ids) {
                let new: Vec<DayTotal> = batch.of_customer(*c).iter().collect();
                let (first, last) = (new[0].day, new[new.len() - 1].day);
                let mut days = match kept.remove(*id) {
                    Some(bytes) => decode_days(&bytes)
                        .map_err(|e| StoreError::Corrupt(format!("consumption days of customer {id}: {e}")))?,
                    None => Vec::new(),
                };
                days.retain(|t| t.day < first || last < t.day);
                days.extend(new);
                days.sort_unstable_by_key(|t| t.day);
                rows.push((*id, encode_days(days)));
            }
            self.insert_days(tx, &rows).await?;
        }
        Ok(())
    }

    async fn insert_days(&self, tx: &mut sqlx::Transaction<'_, Any>, rows: &[(&str, Vec<u8>)]) -> Result<()> {
        for chunk in rows.chunks(CUSTOMERS_PER_STATEMENT.min(VALUES_PER_STATEMENT / 2)) {
            let sql = self.backend.values("INSERT INTO consumption_days (customer_id, days)", chunk.len(), 2);
            let mut q = sqlx::query(&sql).persistent(false);
            for (id, bytes) in chunk {
                q = q.bind(*id).bind(bytes.as_slice());
            }
            q.execute(&mut **tx).await?;
        }
        Ok(())
    }

    /// Builds the days from the rows, if the store asks for it (a store that held consumption
    /// before the days were kept): once, in one transaction, in the imports' turn.
    pub(crate) async fn rebuild_if_asked(&self) -> Result<()> {
        let asked = || sqlx::query_scalar::<_, String>("SELECT name FROM rebuilds WHERE name = $1").bind(REBUILD);
        if asked().fetch_optional(&self.pool).await?.is_none() {
            return Ok(());
        }
        let (_turn, mut tx) = self.import_turn(Turn::Wait).await?;
        // Another process may have rebuilt them while this one waited.
        if asked().fetch_optional(&mut *tx).await?.is_none() {
            return Ok(());
        }
        sqlx::query("DELETE FROM consumption_days").execute(&mut *tx).await?;
        let mut builder = ConsumptionDaysBuilder::default();
        {
            let mut rows = sqlx::query_as::<_, (String, String, String)>(
                "SELECT customer_id, consumed_on, usd_micros FROM consumption ORDER BY customer_id, consumed_on",
            )
            .fetch(&mut *tx);
            while let Some((customer, day, micros)) = rows.try_next().await? {
                let usd = micros.parse().map(Usd).map_err(|_| {
                    StoreError::Corrupt(format!("consumption of {customer}: {micros:?} is not micro-dollars"))
                })?;
                builder.push(&customer, DayTotal { day: parse_date(&day, "consumption date")?, usd, rows: 1 });
            }
        }
        let days = builder.build();
        let rows: Vec<(&str, Vec<u8>)> =
            (0..days.customers()).map(|c| (days.customer_id(c), encode_days(days.of_customer(c).iter()))).collect();
        self.insert_days(&mut tx, &rows).await?;
        sqlx::query("DELETE FROM rebuilds WHERE name = $1").bind(REBUILD).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }
}
