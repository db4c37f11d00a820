#!/usr/bin/env bash
# A throw-away ActiveMQ broker with one STOMP connector on 127.0.0.1 at a free port, for the broker
# dispatcher's tests and benchmark. Uses Debian's `activemq` package (its activemq.jar and libraries)
# with this project's configuration (scripts/ci/activemq/activemq.xml), not the package's instance,
# which opens OpenWire only. Its data (persistent messages) live in the run folder, so `start DIR`
# on a stopped run's folder brings the same broker back on the same port with what it had queued.
#   eval "$(scripts/ci/activemq.sh start)"   # exports FORMULARY_STOMP_URL and FORMULARY_ACTIVEMQ_DIR
#   scripts/ci/activemq.sh stop DIR [--keep] # stops it; removes its folder unless --keep
#   scripts/ci/activemq.sh start DIR         # starts a kept folder again (same port, same messages)
set -euo pipefail

ACTIVEMQ_HOME="${ACTIVEMQ_HOME:-/usr/share/activemq}"
CONF_DIR="$(cd "$(dirname "$0")/activemq" && pwd)"
START_TIMEOUT="${FORMULARY_ACTIVEMQ_START_TIMEOUT:-90}"

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# True once the connector answers a STOMP CONNECT with CONNECTED (bash's /dev/tcp, no client needed).
answers_stomp() (
  port="$1" reply=''
  exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
  printf 'CONNECT\naccept-version:1.2\nhost:localhost\n\n\0' >&3
  IFS= read -r -t 5 reply <&3 || true
  printf 'DISCONNECT\n\n\0' >&3 || true
  [ "$reply" = "CONNECTED" ]
) 2>/dev/null

start() {
  if [ ! -f "$ACTIVEMQ_HOME/bin/activemq.jar" ]; then
    echo "activemq.sh: no ActiveMQ at $ACTIVEMQ_HOME (apt-get install -y activemq)" >&2
    exit 1
  fi
  if ! command -v java >/dev/null; then
    echo "activemq.sh: no java on PATH (apt-get install -y default-jre-headless)" >&2
    exit 1
  fi
  local dir="${1:-}" port
  if [ -n "$dir" ]; then
    [ -f "$dir/port" ] || { echo "activemq.sh start: $dir is not a kept broker folder" >&2; exit 1; }
    port="$(cat "$dir/port")"
  else
    dir="$(mktemp -d /tmp/formulary-activemq-XXXXXX)"
    port="$(free_port)"
    echo "$port" >"$dir/port"
    mkdir -p "$dir/data" "$dir/tmp"
  fi
  # -Xmx small and a serial GC: the machine is shared, and the tests move a few thousand messages.
  # The process runs in its own session (setsid) so a signal to the caller's group does not reach it.
  setsid java -Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Djava.io.tmpdir="$dir/tmp" \
    -Dactivemq.home="$ACTIVEMQ_HOME" -Dactivemq.base="$dir" \
    -Dactivemq.conf="$CONF_DIR" -Dactivemq.data="$dir/data" \
    -Dlog4j2.configurationFile="$CONF_DIR/log4j2.properties" \
    -Dformulary.stomp.port="$port" \
    -jar "$ACTIVEMQ_HOME/bin/activemq.jar" start "xbean:file:$CONF_DIR/activemq.xml" \
    </dev/null >>"$dir/console.log" 2>&1 &
  echo $! >"$dir/pid"
  local waited=0
  until answers_stomp "$port"; do
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
      echo "activemq.sh: the broker exited while starting; its output:" >&2
      tail -n 40 "$dir/console.log" >&2
      exit 1
    fi
    if [ "$waited" -ge $((START_TIMEOUT * 5)) ]; then
      echo "activemq.sh: no STOMP answer on 127.0.0.1:$port after ${START_TIMEOUT}s; its output:" >&2
      tail -n 40 "$dir/console.log" >&2
      kill -KILL "$(cat "$dir/pid")" 2>/dev/null || true
      exit 1
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  echo "export FORMULARY_ACTIVEMQ_DIR='$dir'"
  echo "export FORMULARY_STOMP_URL='stomp://127.0.0.1:$port'"
}

stop() {
  local dir="${1:-${FORMULARY_ACTIVEMQ_DIR:-}}" keep="${2:-}"
  if [ -z "$dir" ] || [ ! -f "$dir/port" ]; then
    echo "activemq.sh stop: give the broker folder (or set FORMULARY_ACTIVEMQ_DIR)" >&2
    exit 1
  fi
  if [ -f "$dir/pid" ]; then
    local pid
    pid="$(cat "$dir/pid")"
    # SIGTERM runs the broker's shutdown hook (closes the store cleanly); SIGKILL after 30 s.
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    rm -f "$dir/pid"
  fi
  if [ "$keep" != "--keep" ]; then rm -rf "$dir"; fi
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start [DIR] | stop [DIR] [--keep]" >&2; exit 2 ;;
esac
