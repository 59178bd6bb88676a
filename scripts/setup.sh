#!/usr/bin/env bash
# Idempotent set-up shared by scripts/demo and scripts/test: Debian packages, npm dependencies, build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build --silent
