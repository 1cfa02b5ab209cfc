#!/usr/bin/env bash
# `attain lint` over N requirement pages (default 10,000) in all eight locales, both programs and
# every version, Markdown and HTML, with a Markdown linter (markdownlint-cli, from npm) timed side
# by side on the Markdown half as a peer: what reading and checking a page costs, per page.
#
#   bench/lint.sh [N]
#   ATTAIN=target/release/attain RUNS=5 bench/lint.sh 10000
#
# ATTAIN   the binary (default target/release/attain; nothing is built here)
# RUNS     timed runs of each (default 5), after one warm-up; the median is printed
# OUT      where the pages go (default /tmp/attain-lint-bench)
# PEER     0 to skip the markdownlint peer (it is fetched with npx the first time)
set -euo pipefail
N=${1:-10000}
if [ -n "${ATTAIN:-}" ] && [ -e "$ATTAIN" ]; then ATTAIN=$(cd "$(dirname "$ATTAIN")" && pwd)/$(basename "$ATTAIN"); fi
cd "$(dirname "$0")/.."
ATTAIN=${ATTAIN:-$PWD/target/release/attain}
RUNS=${RUNS:-5}
OUT=${OUT:-/tmp/attain-lint-bench}
rm -rf "$OUT" && mkdir -p "$OUT/distinct" "$OUT/pages"

# The distinct pages attain renders: every locale, program, version and format.
for program in $("$ATTAIN" programs | grep -v '^ ' | cut -d' ' -f1); do
  for version in $("$ATTAIN" programs | awk -v p="$program" '$1==p{on=1;next} /^[^ ]/{on=0} on&&/version/{print $2}'); do
    for lang in en-US ko-KR zh-CN fr-FR de-DE ja-JP es-ES pt-BR; do
      for format in md html; do
        "$ATTAIN" requirements --program "$program" --version "$version" --lang "$lang" --format "$format" \
          > "$OUT/distinct/$program-$version-$lang.$format"
      done
    done
  done
done
distinct=( "$OUT"/distinct/* )
# N pages, round-robin over the distinct ones; in every seventh the Silver threshold of developed
# markets reads 25,000 (as each locale writes it), so that the error path is timed too.
python3 - "$OUT" "$N" "${distinct[@]}" <<'PY'
import re, sys
out, n, pages = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
texts = [(p, open(p, encoding="utf-8").read()) for p in pages]
for i in range(n):
    path, text = texts[i % len(texts)]
    if i % 7 == 0:
        text = re.sub(r"15([^\d]{1,3})000", r"25\g<1>000", text, count=1)
    ext = path.rsplit(".", 1)[1]
    open(f"{out}/pages/page-{i:06d}.{ext}", "w", encoding="utf-8").write(text)
PY
echo "pages: $N ($(du -sh "$OUT/pages" | cut -f1)), from ${#distinct[@]} distinct renderings"

median() { sort -n | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
time_runs() { # command... ; prints the median wall seconds of RUNS runs after a warm-up
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$RUNS"); do
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    echo "$e - $s" | bc
  done | median
}
cd "$OUT/pages"
attain_s=$(time_runs "$ATTAIN" lint --lang en-US -- *)
findings=$("$ATTAIN" lint --lang en-US -- * 2>&1 >/dev/null | tail -1 || true)
echo "attain lint: ${attain_s}s median of $RUNS for $N pages = $(echo "scale=3; $attain_s * 1000 / $N" | bc) ms a page ($findings)"
if [ "${PEER:-1}" != 0 ] && command -v npx >/dev/null; then
  npx --yes markdownlint-cli@0.41.0 --version >/dev/null 2>&1 || { echo "peer: markdownlint-cli unavailable"; exit 0; }
  md=$(ls -- *.md | wc -l)
  peer_s=$(time_runs npx --yes markdownlint-cli@0.41.0 --disable MD013 -- *.md)
  attain_md=$(time_runs "$ATTAIN" lint --lang en-US -- *.md)
  echo "on the $md Markdown pages: attain lint ${attain_md}s, markdownlint-cli ${peer_s}s (ratio $(echo "scale=2; $peer_s / $attain_md" | bc)x)"
fi
