"""The SPEC's decision (section 4) as one DuckDB SQL query over the same CSV folder attain reads.

    python3 bench/duckdb_decide.py DIR AS_OF OUT.csv

Writes partner_id, market, level, consumption_micros, qualified_individuals per partner, sorted
by partner_id. Money is exact: amounts and rates as DECIMAL, each row rounded half to even to
micro-dollars (DuckDB's ROUND rounds half away from zero, so the rounding is written out), sums
in HUGEINT. It decides the Cloud Platform program only (thresholds, credentials and the 70-534
acceptance date written into the query) and does not compute drops_on.
"""

import sys

import duckdb

QUERY = """
WITH
params AS (
    SELECT CAST(? AS DATE) AS as_of,
           CAST(date_trunc('month', CAST(? AS DATE)) - INTERVAL 12 MONTH AS DATE) AS ws,
           CAST(date_trunc('month', CAST(? AS DATE)) - INTERVAL 1 DAY AS DATE) AS we
),
partners AS (SELECT * FROM read_csv('{dir}/partners.csv', header = true, all_varchar = true)),
assoc AS (
    SELECT partner_id, customer_id, kind, CAST(start AS DATE) AS start, CAST(NULLIF("end", '') AS DATE) AS stop
    FROM read_csv('{dir}/associations.csv', header = true, all_varchar = true)
    WHERE kind IN ('DPOR', 'TPOR')
),
rates AS (
    SELECT currency, month, CAST(usd_per_unit AS DECIMAL(38, 12)) AS rate
    FROM read_csv('{dir}/fx_rates.csv', header = true, all_varchar = true)
),
rows AS (
    SELECT c.customer_id, CAST(c.date AS DATE) AS d,
           CASE WHEN c.currency = 'USD' THEN CAST(c.amount AS DECIMAL(38, 12))
                ELSE CAST(c.amount AS DECIMAL(38, 12)) * r.rate END * 1000000 AS scaled
    FROM read_csv('{dir}/consumption.csv', header = true, all_varchar = true) c
    LEFT JOIN rates r ON r.currency = c.currency AND r.month = substr(c.date, 1, 7)
),
valued AS (
    SELECT customer_id, d,
           CAST(CASE WHEN scaled - floor(scaled) > 0.5 THEN floor(scaled) + 1
                     WHEN scaled - floor(scaled) < 0.5 THEN floor(scaled)
                     WHEN CAST(floor(scaled) AS HUGEINT) % 2 = 0 THEN floor(scaled)
                     ELSE floor(scaled) + 1 END AS HUGEINT) AS micros
    FROM rows, params WHERE d BETWEEN ws AND we
),
-- A row counts once per partner, however many of its associations cover the row's date: each
-- row is joined to the partners associated with its customer at all, and kept when one of
-- that partner's associations covers its date (a semi-join, so never counted twice).
pairs AS (SELECT DISTINCT partner_id, customer_id FROM assoc),
covered AS (
    SELECT p.partner_id, v.micros
    FROM valued v JOIN pairs p ON p.customer_id = v.customer_id
    WHERE EXISTS (
        SELECT 1 FROM assoc a
        WHERE a.partner_id = p.partner_id AND a.customer_id = v.customer_id
          AND a.start <= v.d AND (a.stop IS NULL OR v.d <= a.stop)
    )
),
credited AS (SELECT partner_id, SUM(micros) AS micros FROM covered GROUP BY partner_id),
listed AS (
    SELECT * FROM (VALUES
        ('assessment:13736', NULL), ('assessment:13735', NULL), ('assessment:13979', NULL),
        ('assessment:16252', NULL), ('assessment:16571', NULL), ('exam:70-532', NULL),
        ('exam:70-533', NULL), ('exam:70-534', DATE '2018-12-31'), ('exam:70-473', NULL),
        ('exam:70-475', NULL), ('certification:mcsa-linux-on-azure', NULL), ('exam:70-535', NULL)
    ) AS t(credential, accepted_until)
),
qualified AS (
    SELECT pe.partner_id, COUNT(DISTINCT pe.person_id) AS q
    FROM read_csv('{dir}/people.csv', header = true, all_varchar = true) pe
    JOIN read_csv('{dir}/achievements.csv', header = true, all_varchar = true) a ON a.person_id = pe.person_id
    JOIN listed l ON l.credential = a.credential, params
    WHERE (NULLIF(pe.joined, '') IS NULL OR CAST(pe.joined AS DATE) <= as_of)
      AND (NULLIF(pe."left", '') IS NULL OR as_of <= CAST(pe."left" AS DATE))
      AND CAST(a.date AS DATE) <= as_of
      AND (l.accepted_until IS NULL OR as_of <= l.accepted_until)
      AND (l.credential <> 'exam:70-535' OR as_of >= DATE '2017-11-03')
    GROUP BY pe.partner_id
),
decided AS (
    SELECT p.partner_id,
           COALESCE(NULLIF(p.market, ''), CASE WHEN p.country IN ({developed}) THEN 'developed' ELSE 'emerging' END)
               AS market,
           COALESCE(c.micros, 0) AS micros,
           COALESCE(q.q, 0) AS q
    FROM partners p LEFT JOIN credited c USING (partner_id) LEFT JOIN qualified q USING (partner_id)
)
SELECT partner_id, market,
       CASE WHEN micros >= 100000000000 AND q >= 2 THEN 'gold'
            WHEN micros >= CASE WHEN market = 'developed' THEN 15000000000 ELSE 10000000000 END AND q >= 1 THEN 'silver'
            ELSE 'none' END AS level,
       micros AS consumption_micros, q AS qualified_individuals
FROM decided ORDER BY partner_id
"""

DEVELOPED = (
    "AT AU BE CA CH CY CZ DE DK EE ES FI FR GB GR HK IE IL IS IT JP KR LT LU LV MO MT NL NO NZ PR PT SE SG SI SK SM TW US"
)


def main() -> None:
    folder, as_of, out = sys.argv[1:4]
    developed = ", ".join(f"'{c}'" for c in DEVELOPED.split())
    query = QUERY.format(dir=folder, developed=developed)
    con = duckdb.connect()
    con.execute(f"COPY ({query}) TO '{out}' (HEADER, DELIMITER ',')", [as_of, as_of, as_of])


if __name__ == "__main__":
    main()
