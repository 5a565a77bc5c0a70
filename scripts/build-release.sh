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
