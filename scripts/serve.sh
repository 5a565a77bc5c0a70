#!/usr/bin/env bash
# Installs what is missing, builds the app with its embedded data, and serves it on
# http://127.0.0.1:8080/ (rebuilding on change). PORT=… to change the port.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
. "${TOOLS_DIR:-.tools}/env.sh"
# Every crate of Cargo.lock, the Wasm-only ones too: `cargo run` below fetches only the
# host's, and Trunk builds offline.
cargo fetch --locked
cargo run --locked --quiet --bin gen-data -- --check || {
  echo "data/explorer-data.json is older than data/**/*.csv: regenerating it"
  cargo run --locked --quiet --bin gen-data
}
exec trunk serve --locked --offline --address 127.0.0.1 --port "${PORT:-8080}"
