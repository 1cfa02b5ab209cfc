"""Runs every case of rules/programs/solutions-partner-infrastructure.cases.toml through both
attain and bench/duckdb_points.py, as CSV folders, and compares level, score and points with
each other and with the case's expectations. A check of the DuckDB query, not of attain (for
that, `attain test-rules`).

    python3 bench/points_cases.py [ATTAIN]      default: $ATTAIN or target/release/attain
"""

import json
import os
import subprocess
import sys
import tempfile
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "..", "rules", "programs", "solutions-partner-infrastructure.cases.toml")
KEYS = ["net_customer_adds", "intermediate_certifications", "advanced_certifications", "usage_growth", "deployments"]


def decided(text: str) -> dict:
    return {p["partner_id"]: (p["level"], p["score"], tuple(p["points"][k] for k in KEYS)) for p in json.loads(text)["partners"]}


def main() -> None:
    attain = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ATTAIN", os.path.join(HERE, "..", "target", "release", "attain"))
    spec = tomllib.load(open(CASES, "rb"))
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, case in enumerate(spec["case"]):
            folder = os.path.join(tmp, f"case-{i:03}")
            os.makedirs(folder)
            for name, text in {**spec["defaults"]["data"], **case.get("data", {})}.items():
                with open(os.path.join(folder, name), "w") as f:
                    f.write(text.lstrip("\n"))
            as_of = str(case.get("as_of", spec["defaults"]["as_of"]))
            a = subprocess.run([attain, "evaluate", "--program", spec["program"], "--data", folder, "--as-of", as_of,
                                "--format", "json"], capture_output=True, text=True)
            d = subprocess.run([sys.executable, os.path.join(HERE, "duckdb_points.py"), folder, as_of],
                               capture_output=True, text=True)
            if "expect_error" in case:
                # The query checks the version's date but validates no input: that is attain's job.
                ok = a.returncode != 0 and (d.returncode != 0 or "no version" not in case["expect_error"])
                note = f"attain rc {a.returncode}, duckdb rc {d.returncode}"
            elif a.returncode or d.returncode:
                ok, note = False, f"attain rc {a.returncode} {a.stderr.strip()[:200]}; duckdb rc {d.returncode} {d.stderr.strip()[-300:]}"
            else:
                ours, theirs = decided(a.stdout), decided(d.stdout)
                # Expectations may name only some of the points: compare those given.
                expected = {
                    pid: (e.get("level"), e.get("score"), tuple(e.get("points", {}).get(k) for k in KEYS))
                    for pid, e in case.get("expect", {}).items()
                }

                def meets(got, want):
                    return got is not None and all(
                        w is None or g == w for g, w in zip(got[:2] + got[2], want[:2] + want[2]))

                wrong = [pid for pid in ours if ours[pid] != theirs.get(pid)] + [
                    f"{pid} (expected)" for pid, e in expected.items() if not meets(theirs.get(pid), e)
                ]
                ok = not wrong and set(ours) == set(theirs)
                note = "" if ok else "; ".join(f"{p}: attain {ours.get(p.split()[0])}, duckdb {theirs.get(p.split()[0])}, "
                                               f"expected {expected.get(p.split()[0])}" for p in wrong)
            bad += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {case['name'][:100]}" + (f"\n     {note}" if note and not ok else ""))
    print(f"{len(spec['case'])} cases, {bad} failed")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
