#!/usr/bin/env bash
# attain `evaluate --program solutions-partner-infrastructure` against the same decision written as
# one DuckDB SQL query (bench/duckdb_points.py, from SPEC section 6), side by side on one CSV
# folder: the answers compared partner by partner (level, score and the five points), then both
# timed, and the ratio of the medians printed.
#
#   bench/points.sh DIR AS_OF
#   ATTAIN=target/debug/attain RUNS=10 bench/points.sh /tmp/points-10k 2024-07-15
#
# A folder to try it on (data 2021-08 .. 2024-07, about a third designated on 2024-07-15):
#   cargo run --release -p attain-gen --example gen -- /tmp/points-10k 10000 points
#
# ATTAIN   the binary (default target/release/attain; nothing is built here)
# RUNS     timed runs of each (default 5), after one warm-up
# OUT      where answers and timings go (default /tmp/attain-points-bench)
# PYTHON   a python with duckdb; by default python3 if it has it, else a venv made in
#          /tmp/attain-duckdb-venv with `pip install duckdb`
# Uses hyperfine when installed (HYPERFINE=none to not), else /usr/bin/time over the same runs.
# Exits non-zero when any partner's answer differs.
set -euo pipefail
[ $# -eq 2 ] || { sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 2; }
# Paths given relative to where this is run from, resolved before moving to the repository.
DIR=$(cd "$1" && pwd)
AS_OF=$2
if [ -n "${ATTAIN:-}" ] && [ -e "$ATTAIN" ]; then ATTAIN=$(cd "$(dirname "$ATTAIN")" && pwd)/$(basename "$ATTAIN"); fi
cd "$(dirname "$0")/.."
ATTAIN=${ATTAIN:-$PWD/target/release/attain}
RUNS=${RUNS:-5}
OUT=${OUT:-/tmp/attain-points-bench}
PROGRAM=solutions-partner-infrastructure
mkdir -p "$OUT"

if [ -z "${PYTHON:-}" ]; then
  if python3 -c 'import duckdb' 2>/dev/null; then
    PYTHON=python3
  else
    venv=/tmp/attain-duckdb-venv
    [ -x $venv/bin/python ] && $venv/bin/python -c 'import duckdb' 2>/dev/null ||
      { python3 -m venv $venv && $venv/bin/pip install -q duckdb; }
    PYTHON=$venv/bin/python
  fi
fi
[ -x "$ATTAIN" ] || ATTAIN=$(command -v "$ATTAIN") || { echo "no attain binary at $ATTAIN (cargo build --release -p attain, or set ATTAIN)" >&2; exit 2; }

attain_cmd=("$ATTAIN" evaluate --program "$PROGRAM" --data "$DIR" --as-of "$AS_OF" --format json)
duckdb_cmd=("$PYTHON" bench/duckdb_points.py "$DIR" "$AS_OF")
quoted() { printf '%q ' "$@"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB"
echo "attain: $ATTAIN; duckdb $("$PYTHON" -c 'import duckdb; print(duckdb.__version__)')"
rows=$(($(wc -l <"$DIR/consumption.csv") - 1))
echo "data: $DIR, $(($(wc -l <"$DIR/partners.csv") - 1)) partners, $rows consumption rows ($(du -h "$DIR/consumption.csv" | cut -f1)); as of $AS_OF"

# The answers, once, compared partner by partner.
"${attain_cmd[@]}" >"$OUT/attain.json"
"${duckdb_cmd[@]}" >"$OUT/duckdb.json"
status=0
python3 bench/compare_points.py "$OUT/attain.json" "$OUT/duckdb.json" || status=$?

# The timings: the same commands, output to a file as above.
if command -v "${HYPERFINE:-hyperfine}" >/dev/null; then
  "${HYPERFINE:-hyperfine}" --warmup 1 --runs "$RUNS" --export-json "$OUT/hyperfine.json" \
    -n attain "$(quoted "${attain_cmd[@]}")> $OUT/attain.json" \
    -n duckdb "$(quoted "${duckdb_cmd[@]}")> $OUT/duckdb.json" >/dev/null
  python3 - "$OUT/hyperfine.json" >"$OUT/times.tsv" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    for t in r["times"]:
        print(f"{r['command']}\t{t}")
PY
  timer=hyperfine
else
  [ -x /usr/bin/time ] || { echo "neither hyperfine nor /usr/bin/time is installed" >&2; exit 2; }
  : >"$OUT/times.tsv"
  for name in attain duckdb; do
    if [ $name = attain ]; then cmd=("${attain_cmd[@]}"); else cmd=("${duckdb_cmd[@]}"); fi
    "${cmd[@]}" >"$OUT/$name.json" # warm-up
    for _ in $(seq "$RUNS"); do
      /usr/bin/time -f "$name"$'\t'"%e" -a -o "$OUT/times.tsv" "${cmd[@]}" >"$OUT/$name.json"
    done
  done
  timer="/usr/bin/time (10 ms resolution)"
fi
for name in attain duckdb; do
  if [ $name = attain ]; then cmd=("${attain_cmd[@]}"); else cmd=("${duckdb_cmd[@]}"); fi
  /usr/bin/time -f "%M" -o "$OUT/rss-$name" "${cmd[@]}" >/dev/null 2>&1 || true
done
python3 - "$OUT" "$RUNS" "$timer" <<'PY'
import statistics, sys
out, runs, timer = sys.argv[1], sys.argv[2], sys.argv[3]
times = {}
for line in open(f"{out}/times.tsv"):
    name, t = line.rstrip("\n").split("\t")
    times.setdefault(name, []).append(float(t))
med = {n: statistics.median(ts) for n, ts in times.items()}
print(f"timed with {timer}, {runs} runs each after a warm-up")
for n, ts in times.items():
    try:
        rss = f"peak RSS {int(open(f'{out}/rss-{n}').read().split()[-1]) / 1024:8.1f} MB"
    except (OSError, ValueError, IndexError):
        rss = ""
    print(f"{n:7} median {med[n] * 1000:9.1f} ms  min {min(ts) * 1000:9.1f} ms  max {max(ts) * 1000:9.1f} ms  {rss}")
if med.get("attain"):
    print(f"ratio of medians, duckdb / attain: {med['duckdb'] / med['attain']:.2f}")
PY
exit $status
