#!/usr/bin/env bash
# The whole test suite, as the README promises: format check, build, then the tests on SQLite
# and again on a private PostgreSQL cluster this script starts and removes.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null
dotnet format CivicGrid.slnx --verify-no-changes
dotnet build CivicGrid.slnx -c Release

log=$(mktemp)
pg=""
redis=""
cleanup() { [ -n "$pg" ] && scripts/postgres.sh stop "$pg"; [ -n "$redis" ] && scripts/redis.sh stop "$redis"; rm -f "$log"; }
trap cleanup EXIT

# The SignalR backplane tests need a Redis; they are skipped (and say so) without one.
started=$(scripts/redis.sh start)
redis=$(echo "$started" | sed -n 's/^REDIS_DIR=//p')
export CIVICGRID_TEST_REDIS=$(echo "$started" | sed -n 's/^CIVICGRID_TEST_REDIS=//p')

status=0
# One project at a time: on two cores, the browser tests must not race the API suite for CPU.
echo "== tests on SQLite"
dotnet test tests/CivicGrid.Tests -c Release --no-build 2>&1 | tee -a "$log" || status=1

echo "== browser tests (headless Chromium, SQLite)"
dotnet test tests/CivicGrid.BrowserTests -c Release --no-build 2>&1 | tee -a "$log" || status=1

echo "== tests on PostgreSQL"
started=$(scripts/postgres.sh start)
pg=$(echo "$started" | sed -n 's/^PG_DIR=//p')
export CIVICGRID_TEST_POSTGRES=$(echo "$started" | sed -n 's/^CIVICGRID_TEST_POSTGRES=//p')
dotnet test tests/CivicGrid.Tests -c Release --no-build 2>&1 | tee -a "$log" || status=1

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "Tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] || status=1
exit $status
