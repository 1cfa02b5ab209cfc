#!/usr/bin/env bash
# `attain serve` at a program's scale: a generated program of PARTNERS partners (36 months of
# consumption for 10 customers each: 360 rows a partner) in an SQLite store, measured on this
# machine: start-up, resident memory, one partner's evaluation under load (wrk, 32 connections),
# the operator's overview (/admin), and how soon an import made by another process is served,
# with the memory a reload peaks at.
# Usage: bench/serve_scale.sh [PARTNERS] [SECONDS]   (the store is kept in /tmp/attain-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
partners=${1:-20000}
seconds=${2:-10}
command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
[ -n "${ATTAIN:-}" ] || cargo build --release -q -p attain
attain=${ATTAIN:-$PWD/target/release/attain}
bench=/tmp/attain-bench
data=$bench/gen-$partners
db=$bench/serve-$partners.db
mkdir -p "$bench"
[ -f "$data/consumption.csv" ] || $attain gen --partners "$partners" --out "$data" >/dev/null
if [ ! -f "$db" ]; then
  start=$(date +%s.%N)
  $attain import --data "$data" --db "$db" >/dev/null
  echo "import of $partners partners: $(echo "$(date +%s.%N) - $start" | bc) s"
fi
work=$(mktemp -d)
port=18081
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
admin=$($attain token create --admin --db "$db" | tail -1)
token=$($attain token create --partner P0000007 --db "$db" | tail -1)
health() { curl -fs http://127.0.0.1:$port/healthz 2>/dev/null || true; }
start=$(date +%s.%N)
RUST_LOG=warn $attain serve --db "$db" --listen 127.0.0.1:$port 2>"$work/serve.log" &
server=$!
until [ -n "$(health)" ]; do sleep 0.05; done
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "start-up (store read, engine built, listening): $(echo "$(date +%s.%N) - $start" | bc) s"
echo "resident after start: $(grep VmRSS /proc/$server/status | awk '{print $2/1024 " MB"}')"
url="http://127.0.0.1:$port/api/v1/partners/P0000007/evaluation?as_of=2018-06-30&lang=en-US"
# Into a file: `| head` would close the pipe under curl, which then fails (and so would the script).
curl -fs -o "$work/one.json" -H "Authorization: Bearer $token" "$url"
head -c 160 "$work/one.json"; echo
for run in 1 2 3; do
  echo "== evaluation, run $run: wrk -t2 -c32 -d${seconds}s --latency"
  wrk -t2 -c32 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$url" |
    grep -E "Requests/sec|Non-2xx|Socket errors|  50%|  99%"
done
echo "== /admin?as_of=2018-06-30 (the first decides the whole program, the others are kept)"
for run in 1 2 3 4 5 6; do
  curl -fs -o /dev/null -w "  %{time_total} s, %{size_download} bytes\n" \
    -H "Authorization: Bearer $admin" "http://127.0.0.1:$port/admin?as_of=2018-06-30"
done
echo "resident before the import: $(grep VmRSS /proc/$server/status | awk '{print $2/1024 " MB"}')"
# Another process imports (the bundled example: a few partners), the server picks it up.
before=$(health)
$attain import --data examples/contoso --db "$db" >/dev/null
imported=$(date +%s.%N)
until [ "$(health)" != "$before" ]; do sleep 0.02; done
echo "an import by another process served after: $(echo "$(date +%s.%N) - $imported" | bc) s"
echo "resident after the reload: $(grep VmRSS /proc/$server/status | awk '{print $2/1024 " MB"}')"
echo "peak resident (start, load and reload): $(grep VmHWM /proc/$server/status | awk '{print $2/1024 " MB"}')"
