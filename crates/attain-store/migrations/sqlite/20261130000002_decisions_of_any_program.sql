-- A snapshot's decisions hold what every program decides (level, drops_on) in columns and the
-- rest of the decision as JSON, as `attain evaluate --format json` writes it for the partner:
-- consumption and qualified individuals for a threshold program, score and points for a
-- scored one. Earlier snapshots keep their figures.
CREATE TABLE snapshot_decisions (
    snapshot_id  BIGINT NOT NULL REFERENCES snapshots (id),
    partner_id   TEXT   NOT NULL,
    level        TEXT   NOT NULL,
    drops_on     TEXT,
    detail       TEXT   NOT NULL,
    PRIMARY KEY (snapshot_id, partner_id)
);
INSERT INTO snapshot_decisions (snapshot_id, partner_id, level, drops_on, detail)
SELECT snapshot_id, partner_id, level, drops_on,
       '{"consumption_usd":"' || consumption_usd || '","qualified_individuals":' || qualified_individuals || '}'
FROM decisions;
DROP INDEX decisions_by_partner;
DROP TABLE decisions;
CREATE INDEX snapshot_decisions_by_partner ON snapshot_decisions (partner_id);
