#!/usr/bin/env bash
# swift-storage.sh up|down|status [BASE]
#
# Runs one REAL Swift 2.30 storage node on loopback (Debian's swift-account-server,
# swift-container-server and swift-object-server) for Ringway's real-server test tier.
#
#   up      start whatever is not running yet (idempotent), wait for /healthcheck, print ports
#   down    stop only the processes this script started (PID files under BASE/run)
#   status  print ports; exit 0 only if every server answers /healthcheck
#
# BASE (default /tmp/ringway-swift):
#   etc/           one <type>-server.conf per server (swift_dir too)
#   srv/d1..d3     devices: plain directories (mount_check = false)
#   run/*.pid      PID files of the servers started here
#   log/*.log      console log (-v) of each server
#   cache/         recon cache
#   ports.env      the KEY=VALUE lines up prints (SWIFT_OBJECT_PORT=...), for shells: . ports.env
#
# Ports: env SWIFT_OBJECT_PORT, SWIFT_CONTAINER_PORT, SWIFT_ACCOUNT_PORT if set; otherwise the
# ports of a previous run, else 16200/16201/16202 when free, else any free loopback port.
#
# NOTE: Swift's servers read the hash prefix/suffix and storage policies only from
# /etc/swift/swift.conf (no per-server override). The tests need policy 1, so when that file
# lacks [storage-policy:1] it is backed up once to /etc/swift/swift.conf.pre-ringway; then a
# usable file (hash section, policy 0, a default) only gets [storage-policy:1] "silver"
# appended, anything else is replaced by policies 0 "gold" (default) and 1 "silver" with the
# same hash prefix/suffix, if any (existing data keeps its hash paths). Restore with:
#   mv /etc/swift/swift.conf.pre-ringway /etc/swift/swift.conf
set -euo pipefail

CMD=${1:-}
BASE=$(realpath -m "${2:-${RINGWAY_SWIFT_BASE:-/tmp/ringway-swift}}")
ETC=$BASE/etc RUN=$BASE/run LOG=$BASE/log SRV=$BASE/srv CACHE=$BASE/cache
PORTS_FILE=$BASE/ports.env
SERVERS="account container object"
DEVICES="d1 d2 d3"
# PY, SWIFT_CONF, port_free, free_port, healthy, ensure_swift_conf, storage_server_conf
. "$(dirname "$(realpath "$0")")/lib/swift-servers.sh"

usage() { echo "usage: $0 up|down|status [BASE]" >&2; exit 2; }

default_port() {
  case $1 in object) echo 16200;; container) echo 16201;; account) echo 16202;; esac
}

env_name() { echo "SWIFT_$(echo "$1" | tr '[:lower:]' '[:upper:]')_PORT"; }

# is_ours PIDFILE: a live process whose command line mentions our BASE (not a reused PID).
is_ours() {
  local pid
  [ -s "$1" ] || return 1
  pid=$(cat "$1")
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$ETC/"
}

running_port() {  # running_port TYPE -> bind_port of the server's config, or nothing
  [ -f "$ETC/$1-server.conf" ] || return 0
  sed -n 's/^bind_port = \([0-9]*\)$/\1/p' "$ETC/$1-server.conf"
}

choose_port() {  # choose_port TYPE
  local t=$1 var p
  var=$(env_name "$t")
  if [ -n "${!var:-}" ]; then echo "${!var}"; return; fi
  p=$(running_port "$t")
  if [ -n "$p" ] && is_ours "$RUN/$t-server.pid"; then echo "$p"; return; fi
  p=$(default_port "$t")
  if port_free "$p"; then echo "$p"; return; fi
  free_port
}

write_conf() {  # write_conf TYPE PORT
  local t=$1 port=$2
  { echo "# Written by Ringway's scripts/swift-storage.sh"
    storage_server_conf "$t" "$port" "$SRV" "$ETC" "ringway-$t-server" "$CACHE"
  } >"$ETC/$t-server.conf.tmp"
  mv "$ETC/$t-server.conf.tmp" "$ETC/$t-server.conf"
}

stop_one() {  # stop_one TYPE
  local pidf=$RUN/$1-server.pid pid
  if ! is_ours "$pidf"; then rm -f "$pidf"; return 0; fi
  pid=$(cat "$pidf")
  # The server runs in its own session (setsid): its PID is the process group of its workers.
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pidf"
  echo "   stopped $1-server (pid $pid)" >&2
}

print_ports() {
  local t
  for t in $SERVERS; do echo "$(env_name "$t")=$(running_port "$t")"; done
  echo "SWIFT_DEVICES=$SRV"
  echo "SWIFT_DEVICE_NAMES=${DEVICES// /,}"
}

write_ports() {
  print_ports >"$PORTS_FILE.tmp"
  mv "$PORTS_FILE.tmp" "$PORTS_FILE"
}

cmd_up() {
  [ -x /usr/bin/swift-object-server ] || { echo "ERROR: Debian's swift-object-server is not installed" >&2; exit 1; }
  mkdir -p "$ETC" "$RUN" "$LOG" "$CACHE"
  for d in $DEVICES; do mkdir -p "$SRV/$d"; done
  ensure_swift_conf
  local t port
  for t in $SERVERS; do
    port=$(choose_port "$t")
    if is_ours "$RUN/$t-server.pid"; then
      if [ "$(running_port "$t")" = "$port" ]; then continue; fi
      stop_one "$t"   # asked for another port than the running one
    fi
    # The config is the record of the port (running_port), written before the server starts.
    write_conf "$t" "$port"
    setsid "/usr/bin/swift-$t-server" "$ETC/$t-server.conf" -v >>"$LOG/$t-server.log" 2>&1 </dev/null &
    echo $! >"$RUN/$t-server.pid"
    echo "   started $t-server pid $! port $port (log $LOG/$t-server.log)" >&2
  done
  write_ports
  for t in $SERVERS; do
    port=$(running_port "$t")
    for _ in $(seq 100); do
      healthy "$port" && continue 2
      if ! is_ours "$RUN/$t-server.pid"; then break; fi
      sleep 0.1
    done
    echo "ERROR: $t-server not healthy on 127.0.0.1:$port; last log lines:" >&2
    tail -n 20 "$LOG/$t-server.log" >&2
    exit 1
  done
  cat "$PORTS_FILE"
}

cmd_down() {
  local t
  for t in $SERVERS; do stop_one "$t"; done
}

cmd_status() {
  local t port rc=0
  for t in $SERVERS; do
    port=$(running_port "$t")
    if is_ours "$RUN/$t-server.pid" && healthy "$port"; then
      echo "   $t-server OK (pid $(cat "$RUN/$t-server.pid"), port $port)" >&2
    else
      echo "   $t-server DOWN (port $port)" >&2
      rc=1
    fi
  done
  [ $rc -eq 0 ] && print_ports
  exit $rc
}

case $CMD in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) usage ;;
esac
