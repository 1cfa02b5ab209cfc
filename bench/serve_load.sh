#!/usr/bin/env bash
# Load test of `attain serve`: one partner's evaluation endpoint under 200 concurrent connections
# on loopback (wrk), side by side with /healthz on the same server as the floor of HTTP itself.
# Usage: bench/serve_load.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-200}
command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
cargo build --release -q -p attain
attain=./target/release/attain
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
$attain import --data examples/contoso --db "$work/attain.db" >/dev/null 2>&1
token=$($attain token create --partner P001 --db "$work/attain.db" | tail -1)
RUST_LOG=warn $attain serve --db "$work/attain.db" --listen 127.0.0.1:18080 2>"$work/serve.log" &
server=$!
for _ in $(seq 50); do curl -fs http://127.0.0.1:18080/healthz >/dev/null && break; sleep 0.1; done
url="http://127.0.0.1:18080/api/v1/partners/P001/evaluation?as_of=2018-06-30&lang=en-US"
curl -fs -H "Authorization: Bearer $token" "$url" | head -c 200; echo
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for run in evaluation healthz evaluation healthz; do
  case $run in
    evaluation) target=$url ;;
    healthz) target=http://127.0.0.1:18080/healthz ;;
  esac
  echo "== $run: wrk -t2 -c$connections -d${seconds}s --latency"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$target" |
    grep -E "Requests/sec|Non-2xx|Socket errors|  50%|  99%|requests in"
done
echo "server peak RSS: $(grep VmHWM /proc/$server/status)"
