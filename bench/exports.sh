#!/usr/bin/env bash
# The export's throughput and peak memory on two synthetic stores, side by side, three runs each
# (writes bench/results/exports.md's raw lines to stdout). Needs a build (`npm run build`).
#   bash bench/exports.sh [SMALL_COMPANIES] [LARGE_COMPANIES]
set -euo pipefail
cd "$(dirname "$0")/.."
small="${1:-2000}"; large="${2:-20000}"
dir="$(mktemp -d /tmp/conflict-explorer-export-bench.XXXXXX)"
trap 'rm -rf "$dir"' EXIT
for n in "$small" "$large"; do
  DATABASE_URL="sqlite:$dir/s$n.sqlite" node dist/seeds/seed-synthetic.js --companies "$n" >/dev/null 2>&1
done
for n in "$small" "$large"; do
  for format in ftm jsonl csv; do
    out="$dir/out.$format"; [ "$format" = csv ] && out="$dir/csv"
    for run in 1 2 3; do
      /usr/bin/time -f "companies=$n format=$format run=$run peak_rss_kb=%M wall_s=%e" \
        env DATABASE_URL="sqlite:$dir/s$n.sqlite" node dist/scripts/export.js --format "$format" --out "$out" 2>&1 | tr '\n' ' '
      echo
    done
  done
  # The same export with V8's old space capped: it finishes at the same pace when memory does not grow with the store.
  /usr/bin/time -f "companies=$n format=ftm max-old-space-size=64 peak_rss_kb=%M wall_s=%e" \
    env DATABASE_URL="sqlite:$dir/s$n.sqlite" node --max-old-space-size=64 dist/scripts/export.js --format ftm --out "$dir/out.ftm" 2>&1 | tr '\n' ' '
  echo
  echo "companies=$n $(node --expose-gc dist/bench/export-heap.js "sqlite:$dir/s$n.sqlite")"
done
