"""Checks that two evaluations of solutions-partner-infrastructure decide the same: level, score
and the five points of every partner (attain's JSON against bench/duckdb_points.py's JSON).

    python3 bench/compare_points.py ATTAIN.json DUCKDB.json
"""

import json
import sys

KEYS = ["net_customer_adds", "intermediate_certifications", "advanced_certifications", "usage_growth", "deployments"]


def decided(path: str) -> dict:
    return {
        p["partner_id"]: (p["level"], p["score"], tuple(p["points"][k] for k in KEYS))
        for p in json.load(open(path))["partners"]
    }


def main() -> None:
    ours, theirs = decided(sys.argv[1]), decided(sys.argv[2])
    differ = 0
    for pid in sorted(set(ours) | set(theirs), key=str.encode):
        a, b = ours.get(pid), theirs.get(pid)
        if a != b:
            differ += 1
            if differ <= 10:
                if a and b:
                    what = [k for k, x, y in zip(KEYS, a[2], b[2]) if x != y]
                    print(f"{pid}: {sys.argv[1]} {a}, {sys.argv[2]} {b}; differ in {', '.join(what) or 'level/score'}")
                else:
                    print(f"{pid}: only in {sys.argv[1] if a else sys.argv[2]}")
    designated = sum(1 for v in ours.values() if v[0] == "designated")
    print(f"{len(ours)} partners compared (level, score, 5 points): {differ} differ; {designated} designated")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
