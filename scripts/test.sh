#!/usr/bin/env bash
# Installs what is missing, then runs every check: formatting, clippy (host and wasm),
# actionlint on the Pages workflow,
# the data-file check, native tests, browser tests (wasm-bindgen-test in headless Chrome and
# headless Firefox), a release build under a GitHub Pages-style base path, and end-to-end
# tests against it (Chromium, and the core journeys in Firefox as well).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
. "${TOOLS_DIR:-.tools}/env.sh"
PUBLIC_URL="${PUBLIC_URL:-/some-repo/}"
T() { local s=$SECONDS; echo; echo "==> $*"; "$@"; echo "    [$((SECONDS - s)) s] $*"; }

T cargo fetch --locked
T cargo fmt --check
T cargo clippy --locked --offline --all-targets -- -D warnings
T cargo clippy --locked --offline --target wasm32-unknown-unknown --all-targets -- -D warnings
T node scripts/lint-workflows.mjs
T cargo run --locked --offline --quiet --bin gen-data -- --check
T cargo test --locked --offline
# wasm-bindgen-test-runner takes GECKODRIVER over CHROMEDRIVER when both are set, so each
# run names its driver explicitly; Firefox's binary goes in through the capabilities file.
T env -u GECKODRIVER cargo test --locked --offline --target wasm32-unknown-unknown --test web
firefox_caps=$(mktemp); trap 'rm -f "$firefox_caps"' EXIT
printf '{"moz:firefoxOptions": {"binary": "%s"}}\n' "${FIREFOX_PATH:-/usr/bin/firefox-esr}" > "$firefox_caps"
T env GECKODRIVER="${GECKODRIVER_PATH:-${TOOLS_DIR:-.tools}/bin/geckodriver}" WASM_BINDGEN_TEST_WEBDRIVER_JSON="$firefox_caps" \
  cargo test --locked --offline --target wasm32-unknown-unknown --test web
T scripts/build-release.sh "$PUBLIC_URL"
T scripts/e2e.sh "$PUBLIC_URL"
