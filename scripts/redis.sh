#!/usr/bin/env bash
# Starts a private, throw-away Redis for the SignalR backplane tests and prints its connection
# string. Usage: scripts/redis.sh start | stop <dir>
# Loopback only, a free port, a temp folder, nothing persisted.
set -euo pipefail

command -v redis-server >/dev/null || { echo "redis-server not found (apt-get install redis-server)" >&2; exit 1; }

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/civicgrid-redis.XXXXXX)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save "" --appendonly no \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    for _ in $(seq 1 50); do
      redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG && break
      sleep 0.1
    done
    echo "REDIS_DIR=$dir"
    echo "CIVICGRID_TEST_REDIS=127.0.0.1:$port"
    ;;
  stop)
    dir=${2:?data folder}
    [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop <dir>" >&2
    exit 2
    ;;
esac
