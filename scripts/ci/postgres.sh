#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests and benchmarks: initdb in a temp dir, listening on
# 127.0.0.1 at a free port, with a throw-away role and database. PostgreSQL refuses to run as root, so
# as root the cluster runs as an unprivileged user (created when missing). The role may create
# databases, so each test file works in a fresh one of its own.
#   eval "$(scripts/ci/postgres.sh start)"   # exports DATABASE_URL and FORMULARY_PG_DIR
#   scripts/ci/postgres.sh stop [DIR]        # stops it and removes its folder
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_USER="${FORMULARY_PG_USER:-formulary-pg}"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "postgres.sh: no PostgreSQL at $PG_BIN (apt-get install -y postgresql)" >&2
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ] && ! id "$PG_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
  fi
  local dir port password
  dir="$(mktemp -d /tmp/formulary-pg-XXXXXX)"
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown "$PG_USER" "$dir"
  port="$(free_port)"
  password="$(node -e "console.log(require('crypto').randomBytes(12).toString('hex'))")"
  as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=200" >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$PG_BIN/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE formulary_test LOGIN CREATEDB PASSWORD '$password'" \
    -c "CREATE DATABASE formulary_test OWNER formulary_test" >/dev/null
  echo "export FORMULARY_PG_DIR='$dir'"
  echo "export DATABASE_URL='postgres://formulary_test:$password@127.0.0.1:$port/formulary_test'"
}

stop() {
  local dir="${1:-${FORMULARY_PG_DIR:-}}"
  if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
    echo "postgres.sh stop: give the cluster folder (or set FORMULARY_PG_DIR)" >&2
    exit 1
  fi
  as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
