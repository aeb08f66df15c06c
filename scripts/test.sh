#!/usr/bin/env bash
# Runs every test: unit + integration (PGlite and PostgreSQL) with vitest, then Playwright in
# Chromium against a production build. Starts or installs PostgreSQL and Chromium where it can
# (Debian, as root); otherwise stops with one line saying what to install.
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

ensure_postgres
ensure_chromium
ensure_nginx
ensure_cph

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
