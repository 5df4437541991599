#!/usr/bin/env bash
# Benchmarks on SQLite and on a private PostgreSQL cluster: scripts/bench.sh [events] [seconds] [concurrency]
# The grid index alone (no database): scripts/bench.sh geography [grids] [lookups] [tolerance metres]
# Category suggestion against the labelled set: scripts/bench.sh suggestions [file]
# SMS throughput through the HTTP gateway against a local server: scripts/bench.sh sms [messages] [concurrencies, e.g. 16,1]
# Ledger import (upload, dry run, import, the same file again) on SQLite: scripts/bench.sh import [persons]
# The street's registry (standard reports, lookup by ID number) on SQLite and PostgreSQL: scripts/bench.sh registry [persons]
# A realistic year of events (timelines, ratings, callbacks, supervision) planted and checked on SQLite and PostgreSQL: scripts/bench.sh year [events] [seed]
# The indicators over a planted year (outcome backfill, cost per save, dashboards of the district, a street, a community): scripts/bench.sh indicators [events] [postgres|sqlite|both]
# Dispatch → the assignee's open page (Chromium) with other hub connections: scripts/bench.sh notify [rounds] [listeners]
# The residents' public pages on Regular 3G and a 4× slower CPU (Chromium): scripts/bench.sh phone [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/CivicGrid.Bench -c Release >/dev/null
run() { dotnet bench/CivicGrid.Bench/bin/Release/net10.0/CivicGrid.Bench.dll "$@"; }

if [ "${1:-}" = suggestions ]; then
  shift
  run suggestions "$@"
  exit
fi

if [ "${1:-}" = sms ]; then
  shift
  run sms "$@"
  exit
fi

if [ "${1:-}" = phone ]; then
  run phone "${2:-5}"
  exit
fi

if [ "${1:-}" = import ]; then
  dotnet build src/CivicGrid.Web -c Release >/dev/null
  run import Sqlite "" "${2:-100000}"
  exit
fi

if [ "${1:-}" = registry ]; then
  persons=${2:-100000}
  dotnet build src/CivicGrid.Web -c Release >/dev/null
  echo "== SQLite"
  run registry Sqlite "" "$persons"
  echo "== PostgreSQL"
  started=$(scripts/postgres.sh start durable)
  pg=$(echo "$started" | sed -n 's/^PG_DIR=//p')
  trap 'scripts/postgres.sh stop "$pg"' EXIT
  server=$(echo "$started" | sed -n 's/^CIVICGRID_TEST_POSTGRES=//p')
  run registry Postgres "$server;Database=civicgrid_registry_bench" "$persons"
  exit
fi

if [ "${1:-}" = year ]; then
  events=${2:-100000}; seed=${3:-20261206}
  dotnet build src/CivicGrid.Web -c Release >/dev/null
  echo "== SQLite"
  run year Sqlite "" "$events" "$seed"
  echo "== PostgreSQL"
  started=$(scripts/postgres.sh start durable)
  pg=$(echo "$started" | sed -n 's/^PG_DIR=//p')
  trap 'scripts/postgres.sh stop "$pg"' EXIT
  server=$(echo "$started" | sed -n 's/^CIVICGRID_TEST_POSTGRES=//p')
  run year Postgres "$server;Database=civicgrid_year" "$events" "$seed"
  exit
fi

if [ "${1:-}" = indicators ]; then
  events=${2:-1000000}; which=${3:-postgres}
  dotnet build src/CivicGrid.Web -c Release >/dev/null
  if [ "$which" != postgres ]; then
    echo "== SQLite"
    run indicators Sqlite "" "$events"
  fi
  if [ "$which" != sqlite ]; then
    echo "== PostgreSQL"
    started=$(scripts/postgres.sh start durable)
    pg=$(echo "$started" | sed -n 's/^PG_DIR=//p')
    trap 'scripts/postgres.sh stop "$pg"' EXIT
    server=$(echo "$started" | sed -n 's/^CIVICGRID_TEST_POSTGRES=//p')
    run indicators Postgres "$server;Database=civicgrid_indicators" "$events"
  fi
  exit
fi

if [ "${1:-}" = notify ]; then
  run notify Sqlite "" "${2:-100}" "${3:-200}"
  exit
fi

if [ "${1:-}" = geography ]; then
  shift
  run geography "$@"
  exit
fi

events=${1:-100000}; seconds=${2:-20}; concurrency=${3:-16}

echo "== SQLite"
run Sqlite "" "$events" "$seconds" "$concurrency"

echo "== PostgreSQL"
started=$(scripts/postgres.sh start durable)
pg=$(echo "$started" | sed -n 's/^PG_DIR=//p')
trap 'scripts/postgres.sh stop "$pg"' EXIT
server=$(echo "$started" | sed -n 's/^CIVICGRID_TEST_POSTGRES=//p')
run Postgres "$server;Database=civicgrid_bench;Maximum Pool Size=100" "$events" "$seconds" "$concurrency"
