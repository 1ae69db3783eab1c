#!/usr/bin/env bash
# `npm start`: install what is missing, build the Custom UIs, start the local Confluence.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
# Rebuilt only when a UI source changed since the last build (scripts/build-ui.ts --if-changed).
npm run --silent build:ui -- --if-changed
exec npx tsx local/start.ts "$@"
