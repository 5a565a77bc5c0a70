#!/usr/bin/env bash
# Serves dist/ under PUBLIC_URL on a free loopback port, as GitHub Pages would, and runs
# the end-to-end tests against it: in headless Chromium (Playwright), and the shared core
# journeys (e2e/journeys.mjs) in headless Firefox too (WebDriver, e2e/firefox.test.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
. "${TOOLS_DIR:-.tools}/env.sh"
PUBLIC_URL="${1:-/some-repo/}"
site=$(mktemp -d)
mkdir -p "$site$PUBLIC_URL"
cp -r dist/. "$site$PUBLIC_URL"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$site"' EXIT
for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT$PUBLIC_URL" && break; sleep 0.1; done
kill -0 "$server"   # our server, not a stale one on the same port, must be answering
# SITE_DIR: e2e/offline-update.test.mjs "deploys" again on a copy of the site.
SITE_DIR="$site" BASE_URL="http://127.0.0.1:$PORT$PUBLIC_URL" node --test ${E2E_FILES:-e2e/}
