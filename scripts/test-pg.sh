#!/usr/bin/env bash
# `npm run test:pg`: the whole suite on PostgreSQL. Uses TEST_POSTGRES_URL when it is set (a
# server where the tests may create databases); otherwise starts a throwaway cluster in a
# temporary directory and stops it afterwards, also when the tests fail.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TEST_POSTGRES_URL:-}" ]; then
  dir="$(mktemp -d /tmp/conflict-explorer-pg.XXXXXX)"
  trap 'scripts/pg-cluster.sh stop "$dir"' EXIT
  TEST_POSTGRES_URL="$(scripts/pg-cluster.sh start "$dir")" || exit 1
  export TEST_POSTGRES_URL
fi
npx jest "$@"
