#!/usr/bin/env bash
# Installs npm dependencies when they are missing or older than the lockfile, so that `npm start` and
# `npm test` are the only two commands a fresh clone needs.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.deps-stamp
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "Installing npm dependencies (npm ci)..."
  npm ci --no-audit --no-fund
  touch "$stamp"
fi
# better-sqlite3 is a native addon: make sure it loads on this Node (v12 supports Node 20; v13 does not).
node -e "require('better-sqlite3')(':memory:').close()" 2>/dev/null || npm rebuild better-sqlite3
