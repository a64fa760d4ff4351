#!/usr/bin/env bash
# The whole test suite, from a fresh clone: system dependencies, npm packages, typecheck, lint,
# build, unit tests, integration tests on PGlite and PostgreSQL, browser tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step says when it starts, counted from the start of the run, so a slow step shows in CI's log.
step() { printf '\n=== %s (at %ds) ===\n' "$*" "$SECONDS"; }

step "system dependencies (PostgreSQL server, Chromium)"
bash scripts/install-test-dependencies.sh

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

step "typecheck"
npm run typecheck
step "lint"
npm run lint
step "build"
npm run build
step "unit tests"
npx vitest run --project unit
step "integration tests on PGlite and PostgreSQL"
npx vitest run --project pglite --project postgres
step "browser tests in Chromium"
npx vitest run --config vitest.e2e.config.ts
step "all tests passed"
