#!/usr/bin/env bash
# Installs npm dependencies when they are missing or differ from the lockfile, so that `npm start` and
# `npm test` are the only two commands a fresh clone needs. Whether they differ is read from what npm
# itself recorded (node_modules/.package-lock.json, see deps-in-sync.cjs), so a plain `npm ci` or
# `npm install` counts as well as our own.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || ! node scripts/deps-in-sync.cjs; then
  echo "Installing npm dependencies (npm ci)..."
  npm ci --no-audit --no-fund
fi
# Kept for tools that wait for it; it no longer decides anything.
touch node_modules/.deps-stamp
# better-sqlite3 is a native addon: make sure it loads on this Node (v12 supports Node 20; v13 does not).
node -e "require('better-sqlite3')(':memory:').close()" 2>/dev/null || npm rebuild better-sqlite3
