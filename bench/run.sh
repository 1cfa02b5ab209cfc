#!/usr/bin/env bash
# attain `evaluate` against the same decision written as one DuckDB SQL query, side by side on the
# same generated CSV folders; answers compared (level, market, consumption_usd, qualified
# individuals). Then the roll-up: `attain rollup` once, `evaluate --rollup` timed writing to a
# file, discarding its output, and beside `cat` writing as many bytes to a file.
#
#   bench/run.sh [PARTNERS...]      default: 10000 30000 100000
#   DATA=/tmp/attain-bench RUNS=5 bench/run.sh 100000
#   ORDERS="date" bench/run.sh 1000000
#
# Each size is measured in each row order of ORDERS (default: customer date random; see
# `attain gen --order`): billing exports come by date, the generator writes by customer. The
# decisions must be byte-identical across orders.
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
read -r -a ORDERS <<<"${ORDERS:-customer date random}"

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
 for order in "${ORDERS[@]}"; do
  # The customer order keeps the folder name it always had.
  tag=$n; [ "$order" = customer ] || tag=$n-$order
  dir=$DATA/gen-$tag
  [ -f "$dir/consumption.csv" ] || "$ATTAIN" gen --partners "$n" --order "$order" --out "$dir"
  echo "== $n partners, rows by $order: $(($(wc -l <"$dir/consumption.csv") - 1)) consumption rows, $(du -h "$dir/consumption.csv" | cut -f1)"
  "$ATTAIN" evaluate --data "$dir" --as-of "$AS_OF" --format json >"$DATA/attain-$tag.json"
  python3 bench/duckdb_decide.py "$dir" "$AS_OF" "$DATA/duckdb-$tag.csv"
  python3 bench/compare.py "$DATA/attain-$tag.json" "$DATA/duckdb-$tag.csv"
  if [ "$tag" != "$n" ] && [ -f "$DATA/attain-$n.json" ]; then
    cmp "$DATA/attain-$tag.json" "$DATA/attain-$n.json" && echo "decisions equal the customer order's, byte for byte"
  fi
  hyperfine --warmup 1 --runs "$RUNS" --export-json "$DATA/hyperfine-$tag.json" \
    -n "attain ($order)" "$ATTAIN evaluate --data $dir --as-of $AS_OF --format json > $DATA/attain-$tag.json" \
    -n "duckdb ($order)" "python3 bench/duckdb_decide.py $dir $AS_OF $DATA/duckdb-$tag.csv"
  medians "$DATA/hyperfine-$tag.json"
  for what in attain duckdb; do
    if [ $what = attain ]; then cmd=("$ATTAIN" evaluate --data "$dir" --as-of "$AS_OF" --format json)
    else cmd=(python3 bench/duckdb_decide.py "$dir" "$AS_OF" "$DATA/duckdb-$tag.csv"); fi
    /usr/bin/time -f "$what ($order) peak RSS: %M KB" "${cmd[@]}" >/dev/null
  done
 done
  # The roll-up of the first order's folder.
  tag=$n; [ "${ORDERS[0]}" = customer ] || tag=$n-${ORDERS[0]}
  dir=$DATA/gen-$tag
  "$ATTAIN" rollup --data "$dir" --out "$DATA/gen-$tag.rollup"
  # Written to a file, as above; beside it, the same run with the document discarded, and `cat`
  # writing a document of the same size to a file: the file system's share of the time.
  hyperfine --warmup 2 --runs 20 --export-json "$DATA/hyperfine-rollup-$tag.json" \
    -n "attain --rollup" "$ATTAIN evaluate --rollup $DATA/gen-$tag.rollup --as-of $AS_OF --format json > $DATA/rollup-$tag.json" \
    -n "attain --rollup, discarded" "$ATTAIN evaluate --rollup $DATA/gen-$tag.rollup --as-of $AS_OF --format json > /dev/null" \
    -n "cat, same size" "cat $DATA/attain-$tag.json > $DATA/cat-$tag.json"
  medians "$DATA/hyperfine-rollup-$tag.json"
  cmp "$DATA/rollup-$tag.json" "$DATA/attain-$tag.json" && echo "roll-up answers equal the data folder's"
  /usr/bin/time -f "attain --rollup peak RSS: %M KB" \
    "$ATTAIN" evaluate --rollup "$DATA/gen-$tag.rollup" --as-of "$AS_OF" --format json >/dev/null
done
