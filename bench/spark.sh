#!/usr/bin/env bash
# The Spark job (`attain spark-job`) in pyspark's local mode beside `attain evaluate` on the same
# generated CSV folder, this machine's cores for both; the decisions compared byte for byte.
#
#   bench/spark.sh [PARTNERS]        default: 10000
#   DATA=/tmp/attain-bench bench/spark.sh 30000
#
# Local mode shows what Spark costs on one machine, not what a cluster gains: the figure that
# tells when to switch is attain's own time and memory as the data grows (bench/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/tmp/attain-bench}
N=${1:-10000}
AS_OF=${AS_OF:-2018-06-30}
python3 -c 'import pyspark' 2>/dev/null || pip install -q "pyspark>=3.5,<5"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
cargo build --release -p attain
ATTAIN=$PWD/target/release/attain
dir=$DATA/gen-$N
[ -f "$dir/consumption.csv" ] || "$ATTAIN" gen --partners "$N" --out "$dir"
"$ATTAIN" spark-job --program cloud-platform --out "$DATA/credits_job.py"
echo "== $N partners: $(($(wc -l <"$dir/consumption.csv") - 1)) consumption rows, $(du -h "$dir/consumption.csv" | cut -f1); pyspark $(python3 -c 'import pyspark; print(pyspark.__version__)')"
rm -rf "$DATA/credits-$N"
PYSPARK_SUBMIT_ARGS="--master local[$(nproc)] --driver-memory 8g --conf spark.ui.enabled=false pyspark-shell" \
  /usr/bin/time -f "spark job: %e s, peak RSS of the python driver %M KB (the JVM it starts is not counted)" \
  python3 "$DATA/credits_job.py" --input-format csv --consumption "$dir/consumption.csv" \
    --associations "$dir/associations.csv" --fx-rates "$dir/fx_rates.csv" --out "$DATA/credits-$N" 2>&1 | grep -v WARN | tail -1
/usr/bin/time -f "evaluate --credits: %e s, peak RSS %M KB" \
  "$ATTAIN" evaluate --data "$dir" --credits "$DATA/credits-$N" --as-of "$AS_OF" --format json >"$DATA/spark-$N.json"
for run in 1 2 3; do
  /usr/bin/time -f "evaluate --data (run $run): %e s, peak RSS %M KB" \
    "$ATTAIN" evaluate --data "$dir" --as-of "$AS_OF" --format json >"$DATA/attain-$N.json"
done
cmp "$DATA/spark-$N.json" "$DATA/attain-$N.json" && echo "decisions equal, byte for byte"
