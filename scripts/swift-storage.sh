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
#   ports.env      SWIFT_OBJECT_PORT=... lines, read by the JUnit extension RealSwiftStorage
#
# Ports: env SWIFT_OBJECT_PORT, SWIFT_CONTAINER_PORT, SWIFT_ACCOUNT_PORT if set; otherwise the
# ports of a previous run, else 16200/16201/16202 when free, else any free loopback port.
#
# NOTE: Swift's servers read the hash prefix/suffix and storage policies only from
# /etc/swift/swift.conf (no per-server override). The object tests need policy 1, so when that
# file lacks [storage-policy:1] it is backed up once to /etc/swift/swift.conf.pre-ringway and
# rewritten with the SAME hash prefix/suffix (so existing data keeps its hash paths) and
# policies 0 "gold" (default) and 1 "silver". Restore with:
#   mv /etc/swift/swift.conf.pre-ringway /etc/swift/swift.conf
set -euo pipefail

CMD=${1:-}
BASE=$(realpath -m "${2:-${RINGWAY_SWIFT_BASE:-/tmp/ringway-swift}}")
ETC=$BASE/etc RUN=$BASE/run LOG=$BASE/log SRV=$BASE/srv CACHE=$BASE/cache
PORTS_FILE=$BASE/ports.env
SERVERS="account container object"
DEVICES="d1 d2 d3"
PY=/usr/bin/python3   # Debian's python, the one with the swift package (PATH may differ)
SWIFT_CONF=/etc/swift/swift.conf

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

port_free() {
  "$PY" - "$1" <<'EOF'
import socket, sys
s = socket.socket()
try:
    s.bind(('127.0.0.1', int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
EOF
}

free_port() {
  "$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1]); s.close()"
}

healthy() {  # healthy PORT
  "$PY" -c "
import sys, urllib.request
r = urllib.request.urlopen('http://127.0.0.1:%s/healthcheck' % sys.argv[1], timeout=2)
sys.exit(0 if r.read() == b'OK' else 1)" "$1" 2>/dev/null
}

saved_port() {  # saved_port TYPE -> port from ports.env or nothing
  [ -f "$PORTS_FILE" ] || return 0
  sed -n "s/^$(env_name "$1")=\([0-9]*\)$/\1/p" "$PORTS_FILE"
}

choose_port() {  # choose_port TYPE
  local t=$1 var p
  var=$(env_name "$t")
  if [ -n "${!var:-}" ]; then echo "${!var}"; return; fi
  p=$(saved_port "$t")
  if [ -n "$p" ] && is_ours "$RUN/$t-server.pid"; then echo "$p"; return; fi
  p=$(default_port "$t")
  if port_free "$p"; then echo "$p"; return; fi
  free_port
}

ensure_swift_conf() {
  if [ -f "$SWIFT_CONF" ] && grep -q '^\[swift-hash\]' "$SWIFT_CONF" &&
     grep -q '^\[storage-policy:0\]' "$SWIFT_CONF" &&
     grep -q '^\[storage-policy:1\]' "$SWIFT_CONF"; then
    return 0
  fi
  local prefix=ringway-prefix suffix=ringway-suffix v
  if [ -f "$SWIFT_CONF" ]; then
    v=$(sed -n 's/^swift_hash_path_prefix *= *//p' "$SWIFT_CONF" | tail -n 1)
    [ -n "$v" ] && prefix=$v
    v=$(sed -n 's/^swift_hash_path_suffix *= *//p' "$SWIFT_CONF" | tail -n 1)
    [ -n "$v" ] && suffix=$v
    [ -f "$SWIFT_CONF.pre-ringway" ] || cp -p "$SWIFT_CONF" "$SWIFT_CONF.pre-ringway"
  fi
  if ! { mkdir -p "$(dirname "$SWIFT_CONF")" && [ -w "$(dirname "$SWIFT_CONF")" ]; } 2>/dev/null; then
    echo "ERROR: $SWIFT_CONF needs [storage-policy:1] and $(dirname "$SWIFT_CONF") is not writable;" \
         "run once as root: sudo $0 up $BASE" >&2
    exit 1
  fi
  echo "== writing $SWIFT_CONF (policies gold=0 default, silver=1; hash prefix/suffix kept)"
  cat >"$SWIFT_CONF.tmp" <<EOF
# Written by Ringway's scripts/swift-storage.sh (original, if any: swift.conf.pre-ringway)
[swift-hash]
swift_hash_path_prefix = $prefix
swift_hash_path_suffix = $suffix

[storage-policy:0]
name = gold
default = yes

[storage-policy:1]
name = silver
policy_type = replication

[swift-constraints]
EOF
  mv "$SWIFT_CONF.tmp" "$SWIFT_CONF"
}

write_conf() {  # write_conf TYPE PORT
  local t=$1 port=$2
  cat >"$ETC/$t-server.conf.tmp" <<EOF
# Written by Ringway's scripts/swift-storage.sh
[DEFAULT]
devices = $SRV
mount_check = false
disable_fallocate = true
bind_ip = 127.0.0.1
bind_port = $port
workers = 1
user = $(id -un)
swift_dir = $ETC
log_name = ringway-$t-server
recon_cache_path = $CACHE

[pipeline:main]
pipeline = healthcheck recon $t-server

[app:$t-server]
use = egg:swift#$t

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:recon]
use = egg:swift#recon
EOF
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
  echo "   stopped $1-server (pid $pid)"
}

print_ports() {
  cat "$PORTS_FILE"
  echo "SWIFT_DEVICES=$SRV"
  echo "SWIFT_DEVICE_NAMES=${DEVICES// /,}"
}

cmd_up() {
  [ -x /usr/bin/swift-object-server ] || { echo "ERROR: Debian's swift-object-server is not installed" >&2; exit 1; }
  mkdir -p "$ETC" "$RUN" "$LOG" "$CACHE"
  for d in $DEVICES; do mkdir -p "$SRV/$d"; done
  ensure_swift_conf
  local t port started="" ports=""
  for t in $SERVERS; do
    port=$(choose_port "$t")
    ports+="$(env_name "$t")=$port"$'\n'
    if is_ours "$RUN/$t-server.pid"; then
      if [ "$(saved_port "$t")" = "$port" ]; then continue; fi
      stop_one "$t"   # asked for another port than the running one
    fi
    write_conf "$t" "$port"
    setsid "/usr/bin/swift-$t-server" "$ETC/$t-server.conf" -v >>"$LOG/$t-server.log" 2>&1 </dev/null &
    echo $! >"$RUN/$t-server.pid"
    started+=" $t"
    echo "   started $t-server pid $! port $port (log $LOG/$t-server.log)"
  done
  printf '%s' "$ports" >"$PORTS_FILE"
  for t in $SERVERS; do
    port=$(saved_port "$t")
    for _ in $(seq 100); do
      healthy "$port" && continue 2
      if ! is_ours "$RUN/$t-server.pid"; then break; fi
      sleep 0.1
    done
    echo "ERROR: $t-server not healthy on 127.0.0.1:$port; last log lines:" >&2
    tail -n 20 "$LOG/$t-server.log" >&2
    exit 1
  done
  print_ports
}

cmd_down() {
  local t
  for t in $SERVERS; do stop_one "$t"; done
}

cmd_status() {
  local t port rc=0
  [ -f "$PORTS_FILE" ] || { echo "not started (no $PORTS_FILE)" >&2; exit 1; }
  for t in $SERVERS; do
    port=$(saved_port "$t")
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
