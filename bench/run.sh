#!/usr/bin/env bash
# attain `evaluate` against the same decision written as one DuckDB SQL query, side by side on the
# same generated CSV folders; answers compared (level, market, consumption_usd, qualified
# individuals). Then the roll-up: `attain rollup` once, `evaluate --rollup` timed writing to a
# file, discarding its output, and beside `cat` writing as many bytes to a file.
#
#   bench/run.sh [PARTNERS...]      default: 10000 30000 100000
#   DATA=/tmp/attain-bench RUNS=5 bench/run.sh 100000
#
# Data goes to $DATA (default /tmp/attain-bench), never into the repository: 100k partners is
# 36M consumption rows, 1.26 GB.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/tmp/attain-bench}
RUNS=${RUNS:-5}
AS_OF=${AS_OF:-2018-06-30}
SIZES=("${@:-10000 30000 100000}")
read -r -a SIZES <<<"${SIZES[*]}"

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
python3 -c 'import duckdb' 2>/dev/null || pip install -q duckdb
cargo build --release -p attain
ATTAIN=$PWD/target/release/attain
mkdir -p "$DATA"

# hyperfine prints means; a busy host's outliers pull them, so the medians too.
medians() {
  python3 - "$1" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"median {r['median'] * 1000:9.1f} ms  min {r['min'] * 1000:9.1f} ms  {r['command']}")
PY
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB"
echo "duckdb $(python3 -c 'import duckdb; print(duckdb.__version__)')"
for n in "${SIZES[@]}"; do
  dir=$DATA/gen-$n
  [ -f "$dir/consumption.csv" ] || "$ATTAIN" gen --partners "$n" --out "$dir"
  echo "== $n partners: $(($(wc -l <"$dir/consumption.csv") - 1)) consumption rows, $(du -h "$dir/consumption.csv" | cut -f1)"
  "$ATTAIN" evaluate --data "$dir" --as-of "$AS_OF" --format json >"$DATA/attain-$n.json"
  python3 bench/duckdb_decide.py "$dir" "$AS_OF" "$DATA/duckdb-$n.csv"
  python3 bench/compare.py "$DATA/attain-$n.json" "$DATA/duckdb-$n.csv"
  hyperfine --warmup 1 --runs "$RUNS" --export-json "$DATA/hyperfine-$n.json" \
    -n attain "$ATTAIN evaluate --data $dir --as-of $AS_OF --format json > $DATA/attain-$n.json" \
    -n duckdb "python3 bench/duckdb_decide.py $dir $AS_OF $DATA/duckdb-$n.csv"
  medians "$DATA/hyperfine-$n.json"
  for what in attain duckdb; do
    if [ $what = attain ]; then cmd=("$ATTAIN" evaluate --data "$dir" --as-of "$AS_OF" --format json)
    else cmd=(python3 bench/duckdb_decide.py "$dir" "$AS_OF" "$DATA/duckdb-$n.csv"); fi
    /usr/bin/time -f "$what peak RSS: %M KB" "${cmd[@]}" >/dev/null
  done
  "$ATTAIN" rollup --data "$dir" --out "$DATA/gen-$n.rollup"
  # Written to a file, as above; beside it, the same run with the document discarded, and `cat`
  # writing a document of the same size to a file: the file system's share of the time.
  hyperfine --warmup 2 --runs 20 --export-json "$DATA/hyperfine-rollup-$n.json" \
    -n "attain --rollup" "$ATTAIN evaluate --rollup $DATA/gen-$n.rollup --as-of $AS_OF --format json > $DATA/rollup-$n.json" \
    -n "attain --rollup, discarded" "$ATTAIN evaluate --rollup $DATA/gen-$n.rollup --as-of $AS_OF --format json > /dev/null" \
    -n "cat, same size" "cat $DATA/attain-$n.json > $DATA/cat-$n.json"
  medians "$DATA/hyperfine-rollup-$n.json"
  cmp "$DATA/rollup-$n.json" "$DATA/attain-$n.json" && echo "roll-up answers equal the data folder's"
  /usr/bin/time -f "attain --rollup peak RSS: %M KB" \
    "$ATTAIN" evaluate --rollup "$DATA/gen-$n.rollup" --as-of "$AS_OF" --format json >/dev/null
done
