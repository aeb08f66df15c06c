#!/usr/bin/env bash
# Runs every check: lint (ESLint, dependency-cruiser), formatting, types, unit + integration
# (PGlite and PostgreSQL) with vitest, then Playwright in Chromium against a production build.
# Installs nothing: stops with one line naming what is missing (.ci/run installs it on CI); starts
# an installed PostgreSQL cluster when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/lib/ensure.sh

# A build is stale when any source the app is built from is newer than it.
needs_build() {
  [ "${CI:-}" = "true" ] && return 0
  [ -f .next/BUILD_ID ] || return 0
  [ -n "$(find . \( -path ./node_modules -o -path ./.next -o -path ./.data -o -path ./.git -o -path ./e2e \
      -o -path ./test -o -path ./test-results -o -path ./playwright-report \) -prune \
    -o -newer .next/BUILD_ID -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.css' -o -name '*.mjs' \
      -o -name '*.json' -o -path './public/*' \) ! -name '*.test.ts' ! -name vitest.config.ts ! -name playwright.config.ts -print -quit)" ]
}

check_installed postgres chromium
ensure_postgres

echo "test: lint (eslint, dependency-cruiser)"
npm run --silent lint

echo "test: format (prettier --check)"
npm run --silent format:check

echo "test: typecheck (tsc --noEmit)"
npx tsc --noEmit

echo "test: vitest (unit, pglite, postgres)"
npx vitest run

if needs_build; then
  echo "test: next build"
  npx next build
fi

echo "test: playwright (chromium)"
CHROMIUM_PATH="$CHROMIUM" npx playwright test
