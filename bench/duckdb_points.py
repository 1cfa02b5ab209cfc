"""SPEC section 6, Solutions Partner for Infrastructure (Azure), as one DuckDB SQL query over the
same CSV folder attain reads, written from the SPEC text (not from attain's rules file or code).

    python3 bench/duckdb_points.py DIR AS_OF [OUT.json]

Prints (or writes to OUT.json) the shape of `attain evaluate --program
solutions-partner-infrastructure --data DIR --as-of AS_OF --format json`: an object with
`program`, `version`, `as_of`, `window` and `partners`, each partner with `partner_id`, `level`,
`score` and `points` {net_customer_adds, intermediate_certifications, advanced_certifications,
usage_growth, deployments}, sorted by partner_id. It does not compute drops_on.

Money is exact: amounts and rates are read as DECIMAL(38, 12), each row's USD value is rounded
half to even to DECIMAL(38, 6) (DuckDB's ROUND rounds half away from zero, so ties are moved back
to the even neighbour by hand), sums stay DECIMAL, and the usage-growth percentage is integer
division of micro-dollars (HUGEINT), never a float. Optional columns (market, end, service,
offer, joined, left, expires) and fx_rates.csv may be absent.
"""

import csv
import json
import os
import sys
from datetime import date

import duckdb

PROGRAM = "solutions-partner-infrastructure"
VERSION, EFFECTIVE = "2023-06-13", date(2023, 6, 13)

# SPEC 6: credential sets and the one acceptance limit of the catalog additions.
ADMINS = ["certification:azure-administrator-associate"]
ARCHITECTS = ["certification:azure-solutions-architect-expert"]
INTERMEDIATE = [
    "certification:azure-network-engineer-associate",
    "certification:azure-stack-hub-operator-associate",
    "certification:windows-server-hybrid-administrator-associate",
]
ADVANCED = ["certification:azure-virtual-desktop-specialty", "certification:azure-for-sap-workloads-specialty"]
ACCEPTED_UNTIL = {"certification:azure-stack-hub-operator-associate": "2024-07-31"}
COUNTING = ["CSP", "DPOR", "PAL"]
EXCLUDED_OFFERS = ["Support", "Internal", "Benefit Program", "Trial"]
NOT_DEPLOYMENTS = ["Virtual Machines", "Virtual Machines Licenses"]

QUERY = """
WITH
-- mi: a month as year * 12 + month - 1. m = M (the month before the as-of date's month).
params AS (SELECT CAST($as_of AS DATE) AS as_of, year(CAST($as_of AS DATE)) * 12 + month(CAST($as_of AS DATE)) - 2 AS m),
partners AS (SELECT partner_id FROM {partners}),
assoc AS (
    SELECT partner_id, customer_id, CAST(start AS DATE) AS start, CAST(NULLIF({end}, '') AS DATE) AS stop
    FROM {associations}
    WHERE kind IN ({counting})
),
rates AS (SELECT currency, month, CAST(usd_per_unit AS DECIMAL(38, 12)) AS rate FROM {rates}),
-- Only the 24 months from M-23 to M matter: T(M-12) starts at M-23, everything ends with M.
raw AS (
    SELECT c.customer_id, CAST(c.date AS DATE) AS d, c.amount, c.currency,
           NULLIF({service}, '') AS service, COALESCE({offer}, '') AS offer
    FROM {consumption} c
),
rows AS (
    SELECT r.customer_id, r.d, year(r.d) * 12 + month(r.d) - 1 AS mi, r.service,
           CASE WHEN r.currency = 'USD' THEN CAST(r.amount AS DECIMAL(38, 12))
                ELSE CAST(r.amount AS DECIMAL(38, 12)) * x.rate END AS exact
    FROM raw r
    LEFT JOIN rates x ON x.currency = r.currency AND x.month = strftime(r.d, '%Y-%m'), params p
    WHERE r.offer NOT IN ({excluded})
      AND year(r.d) * 12 + month(r.d) - 1 BETWEEN p.m - 23 AND p.m
),
rounded AS (SELECT customer_id, d, mi, service, exact, ROUND(exact, 6) AS away FROM rows),
valued AS (
    SELECT customer_id, d, mi, service,
           CAST(CASE WHEN abs(exact - away) = 0.0000005 AND CAST(away * 1000000 AS HUGEINT) % 2 <> 0
                     THEN away - sign(away - exact) * 0.000001 ELSE away END AS DECIMAL(38, 6)) AS usd
    FROM rounded
),
-- Credited once per partner however many of its counting associations cover the row's date.
pairs AS (SELECT DISTINCT partner_id, customer_id FROM assoc),
credited AS (
    SELECT p.partner_id, v.customer_id, v.mi, v.service, v.usd
    FROM valued v JOIN pairs p ON p.customer_id = v.customer_id
    WHERE EXISTS (
        SELECT 1 FROM assoc a
        WHERE a.partner_id = p.partner_id AND a.customer_id = v.customer_id
          AND a.start <= v.d AND (a.stop IS NULL OR v.d <= a.stop)
    )
),
acr AS (SELECT partner_id, customer_id, mi, SUM(usd) AS usd FROM credited GROUP BY ALL),
adds AS (
    SELECT a.partner_id,
           COUNT(DISTINCT a.customer_id) FILTER (WHERE a.mi IN (p.m, p.m - 1) AND a.usd >= 1000) AS now,
           COUNT(DISTINCT a.customer_id) FILTER (WHERE a.mi IN (p.m - 12, p.m - 13) AND a.usd >= 1000) AS before
    FROM acr a, params p GROUP BY a.partner_id
),
totals AS (
    SELECT c.partner_id,
           COALESCE(SUM(c.usd) FILTER (WHERE c.mi BETWEEN p.m - 11 AND p.m), 0) AS t_m,
           COALESCE(SUM(c.usd) FILTER (WHERE c.mi BETWEEN p.m - 23 AND p.m - 12), 0) AS t_m12
    FROM credited c, params p GROUP BY c.partner_id
),
services AS (
    SELECT c.partner_id, c.service
    FROM credited c, params p
    WHERE c.mi BETWEEN p.m - 11 AND p.m AND c.service IS NOT NULL AND c.service NOT IN ({not_deployments})
    GROUP BY ALL HAVING SUM(c.usd) > 0
),
deployed AS (SELECT partner_id, COUNT(*) AS n FROM services GROUP BY partner_id),
catalog AS (
    SELECT * FROM (VALUES {catalog}) AS t(credential, set_name, accepted_until)
),
held AS (
    SELECT pe.partner_id, pe.person_id, l.set_name
    FROM {people} pe
    JOIN {achievements} a ON a.person_id = pe.person_id
    JOIN catalog l ON l.credential = a.credential, params p
    WHERE (NULLIF({joined}, '') IS NULL OR CAST({joined} AS DATE) <= p.as_of)
      AND (NULLIF({left}, '') IS NULL OR p.as_of <= CAST({left} AS DATE))
      AND CAST(a.date AS DATE) <= p.as_of
      AND (NULLIF({expires}, '') IS NULL OR p.as_of <= CAST({expires} AS DATE))
      AND (l.accepted_until IS NULL OR p.as_of <= l.accepted_until)
),
skills AS (
    SELECT partner_id,
           COUNT(DISTINCT person_id) FILTER (WHERE set_name = 'admins') AS admins,
           COUNT(DISTINCT person_id) FILTER (WHERE set_name = 'intermediate') AS intermediate,
           COUNT(DISTINCT person_id) FILTER (WHERE set_name = 'architects') AS architects,
           COUNT(DISTINCT person_id) FILTER (WHERE set_name = 'advanced') AS advanced
    FROM held GROUP BY partner_id
),
points AS (
    SELECT pa.partner_id,
           least(greatest((COALESCE(ad.now, 0) - COALESCE(ad.before, 0)) * 10, 0), 30) AS net_customer_adds,
           CASE WHEN COALESCE(s.admins, 0) >= 2 THEN least(s.intermediate * 4, 20) ELSE 0 END
               AS intermediate_certifications,
           CASE WHEN COALESCE(s.architects, 0) >= 2 THEN least(s.advanced * 4, 20) ELSE 0 END
               AS advanced_certifications,
           CASE WHEN t.t_m IS NULL OR t.t_m < 1000 OR t.t_m12 <= 0 THEN 0
                ELSE least(greatest(
                    (CAST(t.t_m * 1000000 AS HUGEINT) - CAST(t.t_m12 * 1000000 AS HUGEINT)) * 100
                        // CAST(t.t_m12 * 1000000 AS HUGEINT), 0), 20) END AS usage_growth,
           least(COALESCE(dp.n, 0) * 2, 10) AS deployments
    FROM partners pa
    LEFT JOIN adds ad USING (partner_id) LEFT JOIN totals t USING (partner_id)
    LEFT JOIN deployed dp USING (partner_id) LEFT JOIN skills s USING (partner_id)
)
SELECT partner_id,
       CASE WHEN score >= 70 AND least(net_customer_adds, intermediate_certifications, advanced_certifications,
                                        usage_growth, deployments) >= 1 THEN 'designated' ELSE 'none' END AS level,
       score, net_customer_adds, intermediate_certifications, advanced_certifications, usage_growth, deployments
FROM (
    SELECT partner_id,
           CAST(net_customer_adds AS INTEGER) AS net_customer_adds,
           CAST(intermediate_certifications AS INTEGER) AS intermediate_certifications,
           CAST(advanced_certifications AS INTEGER) AS advanced_certifications,
           CAST(usage_growth AS INTEGER) AS usage_growth,
           CAST(deployments AS INTEGER) AS deployments,
           CAST(net_customer_adds + intermediate_certifications + advanced_certifications + usage_growth
                + deployments AS INTEGER) AS score
    FROM points
)
ORDER BY partner_id
"""

KEYS = ["net_customer_adds", "intermediate_certifications", "advanced_certifications", "usage_growth", "deployments"]


def header(path: str) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return next(csv.reader(f), [])


def sql_list(values) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


def main() -> None:
    folder, as_of = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if len(sys.argv) > 3 else None
    d = date.fromisoformat(as_of)
    if d < EFFECTIVE:
        sys.exit(f"no version of {PROGRAM} is in force on {as_of}")

    def table(name: str) -> str:
        # Every column as text, named from the header, RFC 4180 quoting, nothing sniffed.
        path = os.path.join(folder, name)
        columns = ", ".join(f"'{c}': 'VARCHAR'" for c in header(path))
        return (
            f"read_csv('{path.replace(chr(39), chr(39) * 2)}', header = true, delim = ',', quote = '\"',"
            f" escape = '\"', auto_detect = false, columns = {{{columns}}})"
        )

    def column(name: str, col: str, alias: str = "") -> str:
        prefix = f"{alias}." if alias else ""
        return f'{prefix}"{col}"' if col in header(os.path.join(folder, name)) else "CAST(NULL AS VARCHAR)"

    rates = (
        table("fx_rates.csv")
        if os.path.exists(os.path.join(folder, "fx_rates.csv"))
        else "(SELECT NULL::VARCHAR AS currency, NULL::VARCHAR AS month, NULL::VARCHAR AS usd_per_unit WHERE false)"
    )
    catalog = ", ".join(
        f"('{c}', '{s}', {('DATE ' + repr(ACCEPTED_UNTIL[c])) if c in ACCEPTED_UNTIL else 'NULL'})"
        for s, cs in [("admins", ADMINS), ("architects", ARCHITECTS), ("intermediate", INTERMEDIATE), ("advanced", ADVANCED)]
        for c in cs
    )
    query = QUERY.format(
        partners=table("partners.csv"),
        associations=table("associations.csv"),
        end=column("associations.csv", "end"),
        counting=sql_list(COUNTING),
        rates=rates,
        consumption=table("consumption.csv"),
        service=column("consumption.csv", "service", "c"),
        offer=column("consumption.csv", "offer", "c"),
        excluded=sql_list(EXCLUDED_OFFERS),
        not_deployments=sql_list(NOT_DEPLOYMENTS),
        catalog=catalog,
        people=table("people.csv"),
        achievements=table("achievements.csv"),
        joined=column("people.csv", "joined", "pe"),
        left=column("people.csv", "left", "pe"),
        expires=column("achievements.csv", "expires", "a"),
    )
    con = duckdb.connect()
    rows = con.execute(query, {"as_of": as_of}).fetchall()
    partners = [
        {"partner_id": r[0], "level": r[1], "score": r[2], "points": dict(zip(KEYS, r[3:]))}
        for r in sorted(rows, key=lambda r: r[0].encode())
    ]
    m = d.year * 12 + d.month - 2  # M, as year * 12 + month - 1
    start = date((m - 11) // 12, (m - 11) % 12 + 1, 1)
    end = date.fromordinal(date(d.year, d.month, 1).toordinal() - 1)
    document = {
        "program": PROGRAM,
        "version": VERSION,
        "as_of": as_of,
        "window": {"start": start.isoformat(), "end": end.isoformat()},
        "partners": partners,
    }
    text = json.dumps(document, indent=2) + "\n"
    if out:
        with open(out, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
