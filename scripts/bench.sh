#!/usr/bin/env bash
# Benchmarks in headless Chromium (not part of scripts/test.sh: timings are noisy):
#  1. the engine (build_table, the app's release profile) against Arquero, DuckDB-Wasm and a
#     plain-JS binary search over the same sorted columns, on synthetic tables of ~100k, 1M
#     and 4M facts (examples/synthetic): one line per size, medians of 15;
#  2. the release app: time to performance.mark("app-ready") over 10 fresh loads, and filter
#     -> next frame latency with DOM mutation counts for 30 metric, museum, year and chart
#     changes.
# Everything is served from this machine (bench/run.mjs on loopback); nothing from a CDN.
#   scripts/bench.sh            both;  BENCH_SKIP_APP=1 / BENCH_SKIP_ENGINES=1 to skip one
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh >/dev/null
. "${TOOLS_DIR:-.tools}/env.sh"
[ -d node_modules/arquero ] && [ -d node_modules/@duckdb/duckdb-wasm ] || npm ci --no-audit --no-fund
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The engine's bench module: the app's release profile, bound like the app, shrunk like it
# (Trunk runs wasm-opt -Oz --converge on the app).
cargo build --locked --offline --release --target wasm32-unknown-unknown --example bench_wasm
wasm-bindgen --target web --no-typescript --out-dir "$work/pkg" \
  target/wasm32-unknown-unknown/release/examples/bench_wasm.wasm
wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  -o "$work/pkg/bench_wasm_bg.wasm" "$work/pkg/bench_wasm_bg.wasm"

# The release app as deployed, under /app/ (into dist/, like scripts/build-release.sh always does).
if [ -z "${BENCH_SKIP_APP:-}" ]; then
  scripts/build-release.sh /app/ >/dev/null
  cp -r dist "$work/app"
fi
node bench/run.mjs "$work/pkg" "$work/app"
