#!/usr/bin/env bash
# npm test — everything CI runs: type check, formatting, lint and layering rules, migrations (SQLite's
# and PostgreSQL's) in step with the schema, unit and integration tests (Vitest, on real SQLite files and
# again on a throwaway PostgreSQL cluster from Debian's packages), then end-to-end tests (Playwright, Debian's
# Chromium, a production build on a fresh database: SQLite, then PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Installing Debian's Chromium for the browser tests…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

echo "== a throwaway PostgreSQL cluster (installed from Debian's packages when missing)"
TEST_POSTGRES_URL=$(bash scripts/postgres-test-cluster.sh start)
export TEST_POSTGRES_URL
trap 'bash scripts/postgres-test-cluster.sh stop' EXIT

echo "== prisma client in step with the schema"
node scripts/generate-client.mjs >/dev/null
echo "== typecheck"
npx tsc --noEmit
echo "== format, lint and layering (Biome, dependency-cruiser)"
npm run --silent lint
echo "== migrations (SQLite and PostgreSQL) match prisma/schema"
npx tsx scripts/db-migrate.ts --check
echo "== unit and integration tests (SQLite)"
npx vitest run
echo "== the same integration tests on PostgreSQL (a database per test file, made from a migrated template)"
TEST_DATABASE=postgres npx vitest run
echo "== end-to-end tests (SQLite)"
npx playwright test
echo "== the same end-to-end tests on PostgreSQL (a fresh database parley_e2e_<port> on the throwaway cluster)"
E2E_DATABASE=postgres npx playwright test
