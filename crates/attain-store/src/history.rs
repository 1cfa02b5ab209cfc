//! Snapshots of every partner's decision, and each partner's status history read from them.

use attain_engine::{Evaluation, MetricEvaluation};
use serde::Serialize;

use crate::{Result, Store};

/// What the store remembers of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SnapshotRecord {
    pub id: i64,
    pub program: String,
    pub version: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub as_of: jiff::civil::Date,
    pub taken_at: String,
    /// The latest import when the snapshot was taken: the facts it was decided from.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub import_id: Option<i64>,
    pub partners: usize,
}

/// One partner's decision in one snapshot.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SnapshotEntry {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub as_of: jiff::civil::Date,
    pub version: String,
    pub level: String,
    /// The decision's figures, as `evaluate --format json` writes them: `consumption_usd` and
    /// `qualified_individuals` for a threshold program, `score` and `points` for a scored one.
    #[serde(flatten)]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub detail: serde_json::Map<String, serde_json::Value>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date, required = true))]
    pub drops_on: Option<jiff::civil::Date>,
}

impl SnapshotEntry {
    /// A figure of the decision, as text: money as its string, numbers as digits.
    pub fn figure(&self, name: &str) -> Option<String> {
        match self.detail.get(name)? {
            serde_json::Value::String(text) => Some(text.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
}

/// Every partner's decision of one program as of one date, as a snapshot keeps it.
pub struct Snapshot {
    pub program: String,
    pub version: String,
    pub as_of: jiff::civil::Date,
    pub decisions: Vec<SnapshotDecision>,
}

pub struct SnapshotDecision {
    pub partner_id: String,
    pub level: String,
    pub drops_on: Option<jiff::civil::Date>,
    /// The figures kept beside the level (see [`SnapshotEntry::detail`]), as JSON.
    pub detail: String,
}

impl From<&Evaluation> for Snapshot {
    fn from(e: &Evaluation) -> Snapshot {
        let decisions = e
            .partners
            .iter()
            .map(|d| SnapshotDecision {
                partner_id: d.partner_id.clone(),
                level: d.level.clone(),
                drops_on: d.drops_on,
                detail: serde_json::json!({
                    "consumption_usd": d.consumption_usd,
                    "qualified_individuals": d.qualified_individuals,
                })
                .to_string(),
            })
            .collect();
        Snapshot { program: e.program.clone(), version: e.version.clone(), as_of: e.as_of, decisions }
    }
}

impl From<&MetricEvaluation> for Snapshot {
    fn from(e: &MetricEvaluation) -> Snapshot {
        let decisions = e
            .partners
            .iter()
            .map(|d| {
                let mut detail = serde_json::Map::new();
                if let Some(score) = d.score {
                    detail.insert("score".into(), score.into());
                }
                if !d.points.is_empty() {
                    detail.insert("points".into(), serde_json::to_value(&d.points).expect("points serialize"));
                }
                // Metrics that score no points are kept by value.
                for m in d.metrics.iter().filter(|m| m.points.is_none()) {
                    detail.insert(m.metric.clone(), serde_json::to_value(m.value).expect("amounts serialize"));
                }
                SnapshotDecision {
                    partner_id: d.partner_id.clone(),
                    level: d.level.clone(),
                    drops_on: d.drops_on,
                    detail: serde_json::Value::Object(detail).to_string(),
                }
            })
            .collect();
        Snapshot { program: e.program.clone(), version: e.version.clone(), as_of: e.as_of, decisions }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Attained,
    Lost,
}

/// A change of level between two consecutive snapshots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Change {
    /// The snapshot that first shows the new level.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub as_of: jiff::civil::Date,
    /// The snapshot before it, which still showed the old level: the change happened in between.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date, required = true))]
    pub previous_as_of: Option<jiff::civil::Date>,
    pub kind: ChangeKind,
    /// The level attained, or the level lost.
    pub level: String,
    pub from: String,
    pub to: String,
}

/// A partner's decisions over time, oldest first, and the changes of level they show.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct History {
    pub partner_id: String,
    pub program: String,
    pub snapshots: Vec<SnapshotEntry>,
    pub changes: Vec<Change>,
}

/// id, program, version, as_of, taken_at, import_id, decisions.
type SnapshotRow = (i64, String, String, String, String, Option<i64>, i64);

impl Store {
    /// Stores every decision of `evaluation` (an [`Evaluation`] or a [`MetricEvaluation`], into a
    /// [`Snapshot`]), decided from the facts of import `import_id` (see
    /// [`Store::facts_as_imported`]); a snapshot of the same program and date is replaced.
    pub async fn save_snapshot(
        &self,
        evaluation: impl Into<Snapshot>,
        import_id: Option<i64>,
    ) -> Result<SnapshotRecord> {
        let evaluation: Snapshot = evaluation.into();
        let mut tx = self.write_transaction().await?;
        if self.backend == crate::Backend::Postgres {
            // Two snapshots of the same date at once would both find no old one to replace.
            sqlx::query("LOCK TABLE snapshots IN EXCLUSIVE MODE").execute(&mut *tx).await?;
        }
        let as_of = evaluation.as_of.to_string();
        let old: Option<i64> = sqlx::query_scalar("SELECT id FROM snapshots WHERE program = $1 AND as_of = $2")
            .bind(&evaluation.program)
            .bind(&as_of)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(old) = old {
            sqlx::query("DELETE FROM snapshot_decisions WHERE snapshot_id = $1").bind(old).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM snapshots WHERE id = $1").bind(old).execute(&mut *tx).await?;
        }
        let taken_at = crate::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO snapshots (program, version, as_of, taken_at, import_id) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(&evaluation.program)
        .bind(&evaluation.version)
        .bind(&as_of)
        .bind(&taken_at)
        .bind(import_id)
        .fetch_one(&mut *tx)
        .await?;
        for chunk in evaluation.decisions.chunks(5_000) {
            let sql = self.backend.values(
                "INSERT INTO snapshot_decisions (snapshot_id, partner_id, level, drops_on, detail)",
                chunk.len(),
                5,
            );
            let mut q = sqlx::query(&sql).persistent(false);
            for d in chunk {
                q = q
                    .bind(id)
                    .bind(&d.partner_id)
                    .bind(&d.level)
                    .bind(d.drops_on.map(|d| d.to_string()))
                    .bind(&d.detail);
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(SnapshotRecord {
            id,
            program: evaluation.program.clone(),
            version: evaluation.version.clone(),
            as_of: evaluation.as_of,
            taken_at,
            import_id,
            partners: evaluation.decisions.len(),
        })
    }

    /// Every snapshot of `program`, oldest as-of date first.
    pub async fn snapshots(&self, program: &str) -> Result<Vec<SnapshotRecord>> {
        let rows: Vec<SnapshotRow> = sqlx::query_as(
            "SELECT s.id, s.program, s.version, s.as_of, s.taken_at, s.import_id, \
             (SELECT COUNT(*) FROM snapshot_decisions d WHERE d.snapshot_id = s.id) \
             FROM snapshots s WHERE s.program = $1 ORDER BY s.as_of",
        )
        .bind(program)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, program, version, as_of, taken_at, import_id, partners)| {
                Ok(SnapshotRecord {
                    id,
                    program,
                    version,
                    as_of: crate::parse_date(&as_of, "snapshot as_of")?,
                    taken_at,
                    import_id,
                    partners: partners as usize,
                })
            })
            .collect()
    }

    /// `partner_id`'s decisions in every snapshot of `program`, and the changes of level, where
    /// `levels` lists the program's level ids from lowest to highest (the no-level id is below all).
    pub async fn history(&self, program: &str, partner_id: &str, levels: &[&str]) -> Result<History> {
        let rows: Vec<(String, String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT s.as_of, s.version, d.level, d.detail, d.drops_on \
             FROM snapshot_decisions d JOIN snapshots s ON s.id = d.snapshot_id \
             WHERE s.program = $1 AND d.partner_id = $2 ORDER BY s.as_of",
        )
        .bind(program)
        .bind(partner_id)
        .fetch_all(&self.pool)
        .await?;
        let mut snapshots = Vec::with_capacity(rows.len());
        for (as_of, version, level, detail, drops_on) in rows {
            let detail = match serde_json::from_str(&detail) {
                Ok(serde_json::Value::Object(detail)) => detail,
                _ => {
                    return Err(crate::StoreError::Corrupt(format!(
                        "decision of {partner_id} as of {as_of}: {detail:?}"
                    )))
                }
            };
            snapshots.push(SnapshotEntry {
                as_of: crate::parse_date(&as_of, "snapshot as_of")?,
                version,
                level,
                detail,
                drops_on: drops_on.map(|d| crate::parse_date(&d, "drops_on")).transpose()?,
            });
        }
        let changes = changes(&snapshots, levels);
        Ok(History { partner_id: partner_id.to_owned(), program: program.to_owned(), snapshots, changes })
    }
}

/// Each rise is one `Attained` per level gained, each fall one `Lost` per level lost, so that
/// "attained Silver on …, Gold on …, lost Gold on …" reads straight off the list.
fn changes(snapshots: &[SnapshotEntry], levels: &[&str]) -> Vec<Change> {
    let rank = |level: &str| levels.iter().position(|l| *l == level).map_or(0, |i| i + 1);
    let mut changes = Vec::new();
    let mut previous: Option<&SnapshotEntry> = None;
    for entry in snapshots {
        let (from, before) = match previous {
            Some(p) => (p.level.as_str(), rank(&p.level)),
            None => ("none", 0),
        };
        let after = rank(&entry.level);
        let change = |kind, level: usize| Change {
            as_of: entry.as_of,
            previous_as_of: previous.map(|p| p.as_of),
            kind,
            level: levels[level - 1].to_owned(),
            from: from.to_owned(),
            to: entry.level.clone(),
        };
        changes.extend((before + 1..=after).map(|l| change(ChangeKind::Attained, l)));
        changes.extend((after + 1..=before).rev().map(|l| change(ChangeKind::Lost, l)));
        previous = Some(entry);
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(as_of: &str, level: &str) -> SnapshotEntry {
        SnapshotEntry {
            as_of: as_of.parse().unwrap(),
            version: "v".into(),
            level: level.into(),
            detail: serde_json::Map::new(),
            drops_on: None,
        }
    }

    #[test]
    fn changes_read_as_attained_and_lost_levels() {
        let levels = ["silver", "gold"];
        let snaps = [
            entry("2018-01-31", "none"),
            entry("2018-02-28", "silver"),
            entry("2018-03-31", "gold"),
            entry("2018-04-30", "gold"),
            entry("2018-05-31", "none"),
            entry("2018-06-30", "gold"),
        ];
        let got: Vec<_> =
            changes(&snaps, &levels).iter().map(|c| format!("{:?} {} {}", c.kind, c.level, c.as_of)).collect();
        assert_eq!(
            got,
            [
                "Attained silver 2018-02-28",
                "Attained gold 2018-03-31",
                "Lost gold 2018-05-31",
                "Lost silver 2018-05-31",
                "Attained silver 2018-06-30",
                "Attained gold 2018-06-30",
            ]
        );
        assert_eq!(changes(&snaps[..1], &levels), []);
        // A first snapshot at a level counts as attaining it then.
        assert_eq!(changes(&snaps[2..3], &levels).len(), 2);
    }
}
