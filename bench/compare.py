"""Checks that attain's JSON and DuckDB's CSV decide the same: level, market, consumption_usd
(DuckDB's micro-dollars rounded half to even to cents) and qualified_individuals, every partner.

    python3 bench/compare.py ATTAIN.json DUCKDB.csv
"""

import csv
import json
import sys


def cents(micros: int) -> str:
    q, r = divmod(abs(micros), 10_000)
    if r > 5_000 or (r == 5_000 and q % 2 == 1):
        q += 1
    sign = "-" if micros < 0 and q else ""
    return f"{sign}{q // 100}.{q % 100:02d}"


def main() -> None:
    attain = {p["partner_id"]: p for p in json.load(open(sys.argv[1]))["partners"]}
    rows = list(csv.DictReader(open(sys.argv[2])))
    assert len(rows) == len(attain), f"{len(rows)} partners from DuckDB, {len(attain)} from attain"
    differ = 0
    for row in rows:
        mine = attain[row["partner_id"]]
        theirs = (row["level"], row["market"], cents(int(row["consumption_micros"])), int(row["qualified_individuals"]))
        ours = (mine["level"], mine["market"], mine["consumption_usd"], mine["qualified_individuals"])
        if theirs != ours:
            differ += 1
            if differ <= 5:
                print(f"{row['partner_id']}: DuckDB {theirs}, attain {ours}")
    print(f"{len(rows)} partners compared (level, market, consumption_usd, qualified_individuals): {differ} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
