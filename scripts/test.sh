#!/usr/bin/env bash
# `npm test`: everything a clean clone needs, then every check. Fails on the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
if [ -f scripts/ensure-chromium.sh ]; then bash scripts/ensure-chromium.sh; fi
npm run --silent build:ui
npm run --silent typecheck
npm run --silent lint
npx jest --ci "$@"
