#!/usr/bin/env bash
# Release build into dist/ for a site served at PUBLIC_URL (GitHub Pages: /<repo>/).
#   scripts/build-release.sh /<repo>/
set -euo pipefail
cd "$(dirname "$0")/.."
. "${TOOLS_DIR:-.tools}/env.sh"
PUBLIC_URL="${1:-/}"
trunk build --release --locked --offline --public-url "$PUBLIC_URL"
touch dist/.nojekyll   # Pages must serve files as they are
# The Content-Security-Policy (with the hash of Trunk's inline loader) and the offline worker's
# file list: both must describe the files exactly as built.
node scripts/postprocess-dist.mjs dist
for f in dist/*.wasm dist/*.js; do
  br=""; command -v brotli >/dev/null && br=", $(brotli -c -q 11 "$f" | wc -c) brotli"
  printf '%-60s %9d bytes raw, %8d gzip -9%s\n' "$f" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)" "$br"
done

# Size budget: everything the first view loads (page, loader, Wasm, CSS, failure script),
# brotli -q 11. A ratchet: lower it as the app shrinks, never raise it without a note in
# the commit. Measured 381,855 B on 2026-11-25, 349,529 B after serde_json, csv and the
# f64 parser left the Wasm, 329,255 B with the chart drawn from one string and one small
# sort; raised once to 332,000 for the results table drawn over fixed slots (+1.7 kB: a
# year or museum change now patches the table, p95 28 -> 25 ms and 36 -> 29 ms), then
# 331,500 with gloo-file for the downloads' Blob URLs (331,108 B); raised to 331,600 for
# the history entry pushed after the frame (+363 B: a museum or year change's busy time
# p50 -6 to -8 ms, bench/run.mjs); lowered to 331,000 once the stylesheet shipped without
# its comments (330,825 B), then 330,500 with wasm-opt run to a fixed point (index.html's
# data-wasm-opt-params="--converge": 330,237 B; --gufa and Leptos's "delegation" feature made
# it bigger); raised to 330,600 for the tab title set with the deferred history entry, so the
# entry left behind keeps its own title (+306 B; the title took about 1 ms of each frame);
# 330,100 with each cell's hover text written into one string (330,000 B); raised to
# 332,300 for the line chart's points drawn as one path per series (+800 B) with the
# pointer finding the point (+1.2 kB: hover and tap show a point's figure, which no
# element per point now does): the browser lays out and paints hundreds fewer elements,
# a museum change's busy p50 34 -> 27 ms and a year's 24 -> 19 ms (bench/run.mjs A/B;
# 332,225 B; two doc comments alone moved it by 244 B, through the line numbers of the
# panic locations every build carries); raised to 332,700 after a review of that change
# (332,577 B): the pointer mapped to the chart as the browser letterboxes a viewBox, points
# found by the pointer highlighted but not spoken to screen readers, and the point on top
# picked where points coincide; a second review's fixes (a point the arrow keys chose stays
# when the mouse leaves; nothing re-spoken when the mouse takes over): 332,479 B, 332,457 B
# after a tidy-up; raised to 334,900 for the results table drawn after the frame while it
# is out of view (core::redraw; an IntersectionObserver says where it is: +2.2 kB): a museum
# change's busy p50 / p95 26.6 / 37.2 -> 12.2 / 20.3 ms, a year's 21.0 / 32.1 -> 12.7 /
# 18.1 ms, a metric's p95 45.6 -> 23.2 ms (bench/run.mjs A/B; 334,682 B); raised to 335,500
# for the chart drawn the same way (+670 B: 335,350 B): with the controls panel open, as a
# reader changes them, the chart is below the fold too, and a museum change's busy p50 / p95
# fell 11.6 / 21.2 -> 6.6 / 10.5 ms, a year's 10.6 / 16.1 -> 5.9 / 8.6 ms; raised to
# 335,800 after a review of that change (+386 B: 335,736 B): back/forward draws both at
# once (the browser restores the scroll position), a part the change itself brings into
# view is measured just before the frame and drawn in it, and the watch starts as the part
# is first drawn (a render effect), so no change can slip between the two. The goal
# of issue 12 is 150,000 B; README "Performance" says why it is not reached.
# scripts/wasm-size-by-crate.py says which crates the Wasm's bytes come from.
FIRST_LOAD_BUDGET=${FIRST_LOAD_BUDGET:-335800}   # 335,792 B with content-visibility (+56 B of CSS)
first_load=0
for f in dist/index.html dist/*.wasm dist/*.js dist/*.css; do
  [ "$(basename "$f")" = sw.js ] && continue   # fetched by the browser after the first view
  first_load=$((first_load + $(brotli -c -q 11 "$f" | wc -c)))
done
echo "first load: $first_load bytes brotli (budget $FIRST_LOAD_BUDGET)"
if [ "$first_load" -gt "$FIRST_LOAD_BUDGET" ]; then
  echo "error: the first load is over its size budget" >&2
  exit 1
fi
