#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1, for the clustered reminder test.
#
#   eval "$(tests/postgres.sh start)"      # exports CMBOT_TEST_POSTGRES and CMBOT_TEST_POSTGRES_DIR
#   dotnet test ...
#   tests/postgres.sh stop "$CMBOT_TEST_POSTGRES_DIR"
#
# Uses the binaries of Debian's `postgresql` package (initdb, pg_ctl under /usr/lib/postgresql/*/bin).
# PostgreSQL refuses to run as root, so when run as root the server runs as the `postgres` user the
# package creates. The cluster lives in a temporary folder and listens on a free port, loopback only.
set -euo pipefail

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$dir" && -x "$dir/initdb" ]] || { echo "postgres.sh: no PostgreSQL binaries under /usr/lib/postgresql (apt-get install -y postgresql)" >&2; exit 1; }
  echo "$dir"
}

# Runs a command as the server's owner: ourselves, or `postgres` when we are root.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    # Nothing answers there: take it.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "postgres.sh: no free port found" >&2; exit 1
}

start() {
  local bin dir port
  bin=$(bin_dir)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/cmbot-pg.XXXXXX")
  chmod 755 "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$dir"
  port=$(free_port)
  as_owner "$bin/initdb" -D "$dir/data" -U cmbot -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U cmbot cmbot_test
  echo "export CMBOT_TEST_POSTGRES_DIR='$dir'"
  echo "export CMBOT_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=cmbot;Database=cmbot_test;Pooling=true'"
}

stop() {
  local dir=${1:-${CMBOT_TEST_POSTGRES_DIR:-}}
  [[ -n "$dir" && -d "$dir/data" ]] || { echo "postgres.sh: usage: stop <dir printed by start>" >&2; exit 1; }
  as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop <dir>" >&2; exit 2 ;;
esac
