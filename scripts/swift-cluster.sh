#!/usr/bin/env bash
# swift-cluster.sh COMMAND [ARGS]
#
# A REAL Swift 2.30 cluster on loopback from Debian's packages, for Ringway's real-cluster test
# tier, the functional tests and the side-by-side benchmark: 4 nodes of account, container and
# object servers in two regions, 3 replicas, two object policies, and Debian's swift-proxy-server
# (with memcached for its tempauth tokens) in front of the same nodes, to compare with.
#
#   up                  start whatever is not running yet (idempotent), wait until healthy, print
#                       where everything listens (also written to BASE/cluster.env)
#   down [--wipe]       stop only what this script started (PID files), unmount the disk image;
#                       --wipe also deletes BASE
#   status              print cluster.env; exit 0 only if every server answers /healthcheck
#   stop TYPE N         stop one server (TYPE account|container|object|proxy, N 1..4) gracefully
#   kill TYPE N         SIGKILL one server and its workers, as a crash (a fault for the tests)
#   start TYPE N        start one server again (after stop or kill) and wait until healthy
#   disk-off N|disk-on N  take node N's device away (the servers of node N answer 507 for it, as
#                       for an unmounted disk) and give it back
#   updaters            run the object and container updaters once on every node: what Swift's
#                       daemons do in the background (async pendings, account stats)
#
# Layout (node N = 1..4, all on 127.0.0.1):
#   node N: object 17N10, container 17N11, account 17N12 (env PORT_BASE, default 17000, moves
#           them all), device sdbN, region 1 for nodes 1-2 and region 2 for nodes 3-4, zone N
#   rings:  account, container and object (policy 0) 3 replicas, object-1 (policy 1) 2 replicas,
#           part power 10
#   proxy:  PORT_BASE + 80 (17080), memcached PORT_BASE + 91, SWIFT_PROXY_WORKERS (default 1),
#           SWIFT_MEMCACHE_MAX_CONNECTIONS (memcache_max_connections per worker, Swift's default 2);
#           the pipeline is Ringway's default one with Swift's names, tempauth with the users of
#           Swift's functional tests (test:tester/testing, ...; see write_proxy_conf)
#
# BASE (env RINGWAY_CLUSTER_BASE, default /tmp/ringway-cluster):
#   etc/          swift_dir: swift.conf (a copy of /etc/swift/swift.conf), rings and builders,
#                 one conf per server (etc/<type>-server/N.conf), proxy-server.conf
#   srv/N/sdbN    devices; srv/ is a sparse XFS image (disk.img) loop-mounted when possible,
#                 because ext4 holds only ~3.5 KiB of Swift's xattr metadata per file
#                 (CLUSTER_FS=dir: plain directories)
#   run/*.pid  log/*.log  cache/N (recon)
#
# NOTE: Swift's servers read the hash prefix/suffix and storage policies only from
# /etc/swift/swift.conf; this needs policies 0 and 1 there (see ensure_swift_conf in
# scripts/lib/swift-servers.sh: adds [storage-policy:1] once, keeping the original aside).
set -euo pipefail
{

HERE=$(dirname "$(realpath "$0")")
# PY, SWIFT_CONF, port_free, free_port, healthy, ensure_swift_conf, storage_server_conf
. "$HERE/lib/swift-servers.sh"
. "$HERE/lib/proxy-filters.sh"

BASE=$(realpath -m "${RINGWAY_CLUSTER_BASE:-/tmp/ringway-cluster}")
ETC=$BASE/etc RUN=$BASE/run LOG=$BASE/log SRV=$BASE/srv CACHE=$BASE/cache
ENV_FILE=$BASE/cluster.env
PORT_BASE=${PORT_BASE:-17000}
PROXY_PORT=$((PORT_BASE + 80)) MEMCACHE_PORT=$((PORT_BASE + 91))
PROXY_WORKERS=${SWIFT_PROXY_WORKERS:-1}
MEMCACHE_EXTRA=""   # an extra line of [filter:cache], only when asked for (unchanged conf otherwise)
[ -z "${SWIFT_MEMCACHE_MAX_CONNECTIONS:-}" ] || MEMCACHE_EXTRA=$'\n'"memcache_max_connections = $SWIFT_MEMCACHE_MAX_CONNECTIONS"
NODES="1 2 3 4"
SERVERS="account container object"
ME=$(id -un)

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2; }

port_of() {  # port_of TYPE N
  case $1 in
    object) echo $((PORT_BASE + $2 * 100 + 10)) ;;
    container) echo $((PORT_BASE + $2 * 100 + 11)) ;;
    account) echo $((PORT_BASE + $2 * 100 + 12)) ;;
    proxy) echo "$PROXY_PORT" ;;
    *) echo "unknown server type: $1" >&2; exit 2 ;;
  esac
}

region_of() { if [ "$1" -le 2 ]; then echo 1; else echo 2; fi; }

name_of() { if [ "$1" = proxy ]; then echo proxy-server; else echo "$1-server-$2"; fi; }

conf_of() { if [ "$1" = proxy ]; then echo "$ETC/proxy-server.conf"; else echo "$ETC/$1-server/$2.conf"; fi; }

# is_ours PIDFILE: a live process whose command line mentions BASE (not a reused PID).
is_ours() {
  local pid
  [ -s "$1" ] || return 1
  pid=$(cat "$1")
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -F -- "$BASE/" >/dev/null
}

# --- storage ---------------------------------------------------------------------------------

mount_disk() {
  if [ "${CLUSTER_FS:-xfs}" != xfs ] || mountpoint -q "$SRV"; then return 0; fi
  local img=$BASE/disk.img
  if [ ! -f "$img" ]; then
    truncate -s "${CLUSTER_DISK_SIZE:-16G}" "$img"
    mkfs.xfs -q "$img" 2>/dev/null || { rm -f "$img"; echo "WARN: no mkfs.xfs; plain directories" >&2; return 0; }
  fi
  if ! mount -o loop,noatime "$img" "$SRV" 2>/dev/null; then
    echo "WARN: could not loop-mount $img (not root, or no loop device): plain directories in $SRV;" \
         "objects with more than ~3.5 KiB of metadata will get 507" >&2
  fi
}

prepare_devices() {
  local n
  for n in $NODES; do
    mkdir -p "$SRV/$n" "$CACHE/$n"
    # A device left off by disk-off stays off until disk-on.
    [ -d "$SRV/$n/sdb$n.off" ] || mkdir -p "$SRV/$n/sdb$n"
  done
}

# --- configuration ---------------------------------------------------------------------------

# write_if_changed FILE: stdin to FILE when it differs; true (0) when FILE changed.
write_if_changed() {
  local tmp=$1.tmp
  cat >"$tmp"
  if [ -f "$1" ] && cmp -s "$tmp" "$1"; then rm -f "$tmp"; return 1; fi
  mv "$tmp" "$1"
}

server_conf() {  # server_conf TYPE N
  local t=$1 n=$2
  echo "# Written by Ringway's scripts/swift-cluster.sh"
  storage_server_conf "$t" "$(port_of "$t" "$n")" "$SRV/$n" "$ETC" "$t-server-$n" "$CACHE/$n"
  printf '\n[%s-replicator]\n\n[%s-auditor]\n' "$t" "$t"
  case $t in
    object) printf '\n[object-updater]\ninterval = 1\n' ;;
    container) printf '\n[container-updater]\ninterval = 1\n\n[container-sharder]\n' ;;
  esac
}

proxy_conf() {
  cat <<EOF
# Written by Ringway's scripts/swift-cluster.sh
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $PROXY_PORT
workers = $PROXY_WORKERS
user = $ME
swift_dir = $ETC
log_name = proxy-server

[pipeline:main]
# Ringway's default pipeline, with Swift's filter names
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats tempauth copy proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
allow_account_management = true
account_autocreate = true

[filter:tempauth]
use = egg:swift#tempauth
reseller_prefix = AUTH, SERVICE
SERVICE_require_group = service
user_admin_admin = admin .admin .reseller_admin
user_test_tester = testing .admin
user_test_tester2 = testing2 .admin
user_test_tester3 = testing3
user_test2_tester2 = testing2 .admin
user_test5_tester5 = testing5 service
user_test6_tester6 = testing6 .reseller_admin

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$MEMCACHE_PORT$MEMCACHE_EXTRA
EOF
  egg_filters catch_errors gatekeeper healthcheck proxy-logging listing_formats copy
}

# Writes every config; prints the names of the servers whose config changed (to restart).
write_confs() {
  local t n
  for t in $SERVERS; do
    mkdir -p "$ETC/$t-server"
    for n in $NODES; do
      if server_conf "$t" "$n" | write_if_changed "$(conf_of "$t" "$n")"; then name_of "$t" "$n"; fi
    done
  done
  if proxy_conf | write_if_changed "$ETC/proxy-server.conf"; then name_of proxy; fi
  # Ringway reads swift.conf from its swift dir; Swift's servers read the global one.
  write_if_changed "$ETC/swift.conf" <"$SWIFT_CONF" || true
}

build_ring() {  # build_ring NAME REPLICAS SERVER_TYPE
  local b=$ETC/$1.builder n rc=0
  [ -f "$b" ] && [ -f "$ETC/$1.ring.gz" ] && return 0
  rm -f "$b" "$ETC/$1.ring.gz"
  swift-ring-builder "$b" create 10 "$2" 1 >/dev/null
  for n in $NODES; do
    swift-ring-builder "$b" add "r$(region_of "$n")z$n-127.0.0.1:$(port_of "$3" "$n")/sdb$n" 100 >/dev/null
  done
  swift-ring-builder "$b" rebalance >/dev/null || rc=$?
  [ $rc -le 1 ] || { echo "ERROR: rebalancing $1 failed ($rc)" >&2; exit 1; }  # 1: a warning
  echo "   built ring $1 ($2 replicas)" >&2
}

# --- processes -------------------------------------------------------------------------------

start_one() {  # start_one TYPE N: starts the server unless running
  local t=$1 n=${2:-0} name pidf
  name=$(name_of "$t" "$n") pidf=$RUN/$(name_of "$t" "$n").pid
  is_ours "$pidf" && return 0
  if ! port_free "$(port_of "$t" "$n")"; then
    echo "ERROR: port $(port_of "$t" "$n") for $name is taken by another process (set PORT_BASE)" >&2
    exit 1
  fi
  local bin=/usr/bin/swift-$t-server
  [ "$t" = proxy ] && bin=/usr/bin/swift-proxy-server
  # Its own session: the server's PID is the process group of its workers (kill takes both).
  setsid "$bin" "$(conf_of "$t" "$n")" -v >>"$LOG/$name.log" 2>&1 </dev/null &
  echo $! >"$pidf"
  echo "   started $name pid $! port $(port_of "$t" "$n")" >&2
}

signal_one() {  # signal_one TYPE N TERM|KILL
  local pidf pid
  pidf=$RUN/$(name_of "$1" "${2:-0}").pid
  if ! is_ours "$pidf"; then rm -f "$pidf"; return 0; fi
  pid=$(cat "$pidf")
  if [ "$3" = TERM ]; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  kill -KILL -- "-$pid" 2>/dev/null || true
  for _ in $(seq 50); do pgrep -g "$pid" >/dev/null || break; sleep 0.1; done
  rm -f "$pidf"
  echo "   stopped $(name_of "$1" "${2:-0}") (pid $pid, SIG$3)" >&2
}

wait_healthy() {  # wait_healthy TYPE N
  local port
  port=$(port_of "$1" "${2:-0}")
  for _ in $(seq 150); do
    healthy "$port" && return 0
    is_ours "$RUN/$(name_of "$1" "${2:-0}").pid" || break
    sleep 0.1
  done
  echo "ERROR: $(name_of "$1" "${2:-0}") not healthy on 127.0.0.1:$port; last log lines:" >&2
  tail -n 20 "$LOG/$(name_of "$1" "${2:-0}").log" >&2
  exit 1
}

start_memcached() {
  is_ours "$RUN/memcached.pid" && return 0
  rm -f "$RUN/memcached.pid"
  # memcached's command line does not name BASE: memcached_ours checks its port instead.
  memcached -d -u "$ME" -l 127.0.0.1 -p "$MEMCACHE_PORT" -U 0 -m 64 -P "$RUN/memcached.pid"
  for _ in $(seq 20); do [ -s "$RUN/memcached.pid" ] && break; sleep 0.1; done
  echo "   started memcached pid $(cat "$RUN/memcached.pid") port $MEMCACHE_PORT" >&2
}

memcached_ours() {
  local pid
  [ -s "$RUN/memcached.pid" ] || return 1
  pid=$(cat "$RUN/memcached.pid")
  [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep "memcached .*-p $MEMCACHE_PORT" >/dev/null
}

print_env() {
  local t n
  echo "SWIFT_DIR=$ETC"
  echo "SWIFT_DEVICES=$SRV"
  echo "SWIFT_PROXY_PORT=$PROXY_PORT"
  echo "SWIFT_AUTH_URL=http://127.0.0.1:$PROXY_PORT/auth/v1.0"
  echo "MEMCACHE_PORT=$MEMCACHE_PORT"
  echo "SWIFT_FS=$(stat -f -c %T "$SRV")"
  for t in $SERVERS; do
    for n in $NODES; do echo "SWIFT_$(echo "$t" | tr '[:lower:]' '[:upper:]')_PORT_$n=$(port_of "$t" "$n")"; done
  done
}

# --- commands --------------------------------------------------------------------------------

cmd_up() {
  [ -x /usr/bin/swift-object-server ] && [ -x /usr/bin/swift-proxy-server ] ||
    { echo "ERROR: Debian's swift-object-server and swift-proxy-server are needed" >&2; exit 1; }
  mkdir -p "$ETC" "$RUN" "$LOG" "$SRV" "$CACHE"
  mount_disk
  prepare_devices
  ensure_swift_conf
  local changed t n
  changed=$(write_confs)
  build_ring account 3 account
  build_ring container 3 container
  build_ring object 3 object
  build_ring object-1 2 object
  for name in $changed; do   # a running server with an old config restarts with the new one
    case $name in proxy-server) signal_one proxy 0 TERM ;; *) t=${name%-server-*} n=${name##*-}; signal_one "$t" "$n" TERM ;; esac
  done
  memcached_ours || start_memcached
  for t in $SERVERS; do for n in $NODES; do start_one "$t" "$n"; done; done
  start_one proxy
  for t in $SERVERS; do for n in $NODES; do wait_healthy "$t" "$n"; done; done
  wait_healthy proxy
  print_env | write_if_changed "$ENV_FILE" || true
  cat "$ENV_FILE"
}

cmd_down() {
  local t n
  signal_one proxy 0 TERM
  for t in $SERVERS; do for n in $NODES; do signal_one "$t" "$n" TERM; done; done
  if memcached_ours; then
    local pid
    pid=$(cat "$RUN/memcached.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    echo "   stopped memcached (pid $pid)" >&2
  fi
  rm -f "$RUN/memcached.pid"
  if mountpoint -q "$SRV" 2>/dev/null && [ -f "$BASE/disk.img" ]; then
    umount "$SRV" && echo "   unmounted $SRV" >&2
  fi
  if [ "${1:-}" = --wipe ]; then
    mountpoint -q "$SRV" 2>/dev/null && { echo "ERROR: $SRV still mounted; not wiping" >&2; exit 1; }
    rm -rf "$BASE" && echo "   wiped $BASE" >&2
  fi
}

cmd_status() {
  local t n rc=0
  for t in $SERVERS proxy; do
    for n in $NODES; do
      [ "$t" = proxy ] && n=0
      if is_ours "$RUN/$(name_of "$t" "$n").pid" && healthy "$(port_of "$t" "$n")"; then :; else
        echo "   $(name_of "$t" "$n") DOWN (port $(port_of "$t" "$n"))" >&2
        rc=1
      fi
      [ "$t" = proxy ] && break
    done
  done
  memcached_ours || { echo "   memcached DOWN" >&2; rc=1; }
  [ $rc -eq 0 ] && cat "$ENV_FILE"
  return $rc
}

node_arg() {  # node_arg TYPE N: checks the arguments of stop/kill/start
  case $1 in account|container|object) [[ ${2:-} =~ ^[1-4]$ ]] || usage ;; proxy) ;; *) usage ;; esac
}

cmd_disk() {  # cmd_disk on|off N
  [[ ${2:-} =~ ^[1-4]$ ]] || usage
  local dev=$SRV/$2/sdb$2
  if [ "$1" = off ] && [ -d "$dev" ]; then mv "$dev" "$dev.off"; fi
  if [ "$1" = on ] && [ -d "$dev.off" ]; then mv "$dev.off" "$dev"; fi
  echo "   node $2's device sdb$2 is $1" >&2
}

cmd_updaters() {
  local n
  for n in $NODES; do
    "$PY" /usr/bin/swift-object-updater "$ETC/object-server/$n.conf" once >>"$LOG/object-updater-$n.log" 2>&1
    "$PY" /usr/bin/swift-container-updater "$ETC/container-server/$n.conf" once >>"$LOG/container-updater-$n.log" 2>&1
  done
  echo "   ran the object and container updaters once on nodes $NODES" >&2
}

case ${1:-} in
  up) cmd_up ;;
  down) cmd_down "${2:-}" ;;
  status) cmd_status ;;
  stop) node_arg "${2:-}" "${3:-}"; signal_one "$2" "${3:-0}" TERM ;;
  kill) node_arg "${2:-}" "${3:-}"; signal_one "$2" "${3:-0}" KILL ;;
  start) node_arg "${2:-}" "${3:-}"; start_one "$2" "${3:-0}"; wait_healthy "$2" "${3:-0}" ;;
  disk-off) cmd_disk off "${2:-}" ;;
  disk-on) cmd_disk on "${2:-}" ;;
  updaters) cmd_updaters ;;
  *) usage ;;
esac
exit
}
