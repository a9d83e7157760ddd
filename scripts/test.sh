#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit, integration on SQLite and on PostgreSQL, build, e2e in Chromium.
# Installs PostgreSQL and Chromium from Debian's packages when missing (needs root for that).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
step() { printf '\n\033[1m== %s\033[0m (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

step "lint"
npm run lint
step "typecheck (builds contracts and server)"
npm run typecheck
step "unit tests"
npx vitest run --project unit
step "integration tests on SQLite"
TEST_DB=sqlite npx vitest run --project integration
step "integration tests on PostgreSQL"
url=$(bash scripts/ensure-postgres.sh)
TEST_DB=postgres TEST_DATABASE_URL="$url" npx vitest run --project integration
step "build"
npm run build
step "end-to-end tests in Chromium"
bash scripts/ensure-chromium.sh
npx vitest run --project e2e
step "all green in $(( $(date +%s) - started ))s"
