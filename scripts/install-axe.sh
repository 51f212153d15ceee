#!/usr/bin/env bash
# Install axe-core from the npm registry for the accessibility browser test (idempotent).
# Node.js and npm come from Debian when missing; axe-core lands in tests/e2e/axe/node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
target=tests/e2e/axe
if [ -f "$target/node_modules/axe-core/axe.min.js" ] && [ "$target/node_modules/axe-core/axe.min.js" -nt "$target/package.json" ]; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=""; fi
  echo "Installation de Node.js et npm (Debian) pour axe-core"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
echo "Installation d’axe-core (npm)"
npm install --prefix "$target" --no-audit --no-fund --loglevel=error >/dev/null
touch "$target/node_modules/axe-core/axe.min.js"
