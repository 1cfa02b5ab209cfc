#!/usr/bin/env bash
# `attain compare` (a draft against the version in force) from a roll-up and from the data folder,
# beside `attain evaluate` of the same program from the same inputs: a comparison decides every
# partner twice, so the ratio to one evaluation is the figure to watch. Medians of five runs.
#
#   bench/whatif.sh [PARTNERS]        default: 100000
#   DATA=/tmp/attain-bench ATTAIN=/path/to/release/attain bench/whatif.sh 100000
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/tmp/attain-bench}
N=${1:-100000}
AS_OF=${AS_OF:-2018-06-30}
DRAFT=${DRAFT:-examples/drafts/gold-150k.toml}
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
if [ -z "${ATTAIN:-}" ]; then
  cargo build --release -p attain
  ATTAIN=$PWD/target/release/attain
fi
dir=$DATA/gen-$N
[ -f "$dir/consumption.csv" ] || "$ATTAIN" gen --partners "$N" --out "$dir"
rollup=$DATA/rollup-$N.bin
[ -f "$rollup" ] || "$ATTAIN" rollup --data "$dir" --out "$rollup"
echo "== $N partners, $(($(wc -l <"$dir/consumption.csv") - 1)) consumption rows; draft $DRAFT as of $AS_OF"
# Median wall time (s) and the largest peak RSS (KB) of five runs of a command whose output is discarded.
median() {
  local label=$1; shift
  local times=() rss=0
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o "$DATA/time.txt" "$@" >/dev/null 2>/dev/null
    read -r t m <"$DATA/time.txt"
    times+=("$t"); [ "$m" -gt "$rss" ] && rss=$m
  done
  printf '%s: median %s s (runs: %s), peak RSS %s MB\n' "$label" \
    "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)" "${times[*]}" "$((rss / 1024))"
}
median "evaluate --rollup --format json" "$ATTAIN" evaluate --rollup "$rollup" --as-of "$AS_OF" --format json
median "compare --rollup --format json " "$ATTAIN" compare --rollup "$rollup" --as-of "$AS_OF" --draft "$DRAFT" --format json
median "compare --rollup --format table" "$ATTAIN" compare --rollup "$rollup" --as-of "$AS_OF" --draft "$DRAFT"
median "evaluate --data --format json  " "$ATTAIN" evaluate --data "$dir" --as-of "$AS_OF" --format json
median "compare --data --format json   " "$ATTAIN" compare --data "$dir" --as-of "$AS_OF" --draft "$DRAFT" --format json
"$ATTAIN" compare --rollup "$rollup" --as-of "$AS_OF" --draft "$DRAFT" 2>/dev/null | sed -n 1,2p
