#!/usr/bin/env bash
# Starts a private, throw-away PostgreSQL 15 cluster for the test suite and prints the
# connection string. Usage: scripts/postgres.sh start [durable] | stop <data-dir>
# Tests run without fsync (nothing to keep); benchmarks pass "durable" to measure commits as
# production pays for them.
# It runs as a non-root user (PostgreSQL refuses root), on loopback only, in a temp folder.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id civicgrid-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin civicgrid-pg
    runuser -u civicgrid-pg -- "$@"
  else
    "$@"
  fi
}

case "${1:-}" in
  start)
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${2:-}" = durable ] && durability=""
    dir=$(mktemp -d /tmp/civicgrid-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && { id civicgrid-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin civicgrid-pg; chown civicgrid-pg "$dir"; }
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir $durability -c max_connections=200" \
      start >/dev/null
    echo "PG_DIR=$dir"
    echo "CIVICGRID_TEST_POSTGRES=Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
    ;;
  stop)
    dir=${2:?data folder}
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop <dir>" >&2
    exit 2
    ;;
esac
