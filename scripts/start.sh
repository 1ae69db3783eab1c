#!/usr/bin/env bash
# `npm start`: install what is missing, build the Custom UIs, start the local Confluence.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
npm run --silent build:ui
exec npx tsx local/start.ts "$@"
