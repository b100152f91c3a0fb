#!/usr/bin/env bash
# bench.sh [options] [-- extra bench/Bench.java options]
#
# Ringway's benchmark: starts a cluster on loopback in a temporary directory, runs the load
# generator bench/Bench.java against it while sampling the gateway's CPU and resident memory,
# checks the gateway log for Netty buffer leaks, and stops everything it started.
# See docs/performance.md for what each number means and what was measured.
#
# Targets (--target):
#   ringway        (default) the Ringway jar, -Xmx256m, with its embedded storage node
#                  (3 replicas on 3 directories of one disk), its default pipeline (Swift's sample
#                  one: ... cache listing_formats tempauth copy proxy_logging)
#   ringway-swift  the Ringway jar as gateway only (ringway.role=gateway) over REAL Swift
#                  storage servers (scripts/swift-storage.sh): the proxy layer compared like for like
#   swift          Debian's swift-proxy-server (2 workers, tempauth, private memcached) over
#                  REAL Swift storage servers: the reference
#   url            any Swift endpoint already running: --url AUTH_URL [--user U --key K];
#                  nothing is started, CPU/RSS only with --pids
#
# Options:
#   --big SIZE          big object size (default 1G; 10G for the -Xmx256m target run; 0: skip)
#   --duration SECONDS  each 4 KiB phase (default 10)
#   --concurrency LIST  default 16,64
#   --client raw|jdk    load generator's HTTP client (default raw)
#   --leak-check        paranoid Netty leak detection (every buffer tracked; slow: numbers not
#                       representative); the default is simple (1 buffer in 128 tracked)
#   --xmx SIZE          gateway heap (default 256m)
#   --keep              keep the temporary directory (logs, data) and print where it is
#   --url URL --user U --key K --pids PIDS   for --target url
#   --workers N         swift-proxy-server workers for --target swift (default 2, the core count)
#   --chunked           send the big PUT with Transfer-Encoding: chunked instead of Content-Length
#                       (automatic for --target ringway above 5 GiB: see docs/performance.md)
#   --nmt               Ringway with -XX:NativeMemoryTracking=summary: where its resident memory
#                       goes (heap, metaspace, code, threads, Netty's direct buffers), printed at the end
#
# Environment: RINGWAY_JVM_OPTS adds JVM options to a Ringway gateway (profiling, e.g.
#   RINGWAY_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/gw.jfr,settings=profile").
#
# Disk: every replica is a full copy: a 10 GiB object needs 30 GiB free (3 replicas), plus
# logs. The script checks free space first and refuses to start without 3 x big + 2 GiB.
set -euo pipefail
# The whole script is one compound command, parsed before it runs: editing this file while a
# benchmark runs cannot change what the running one does.
{

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET=ringway BIG=1G DURATION=10 CONCURRENCY=16,64 CLIENT=raw LEAK=simple XMX=256m KEEP=0
URL="" USER_NAME=test:tester KEY=testing PIDS="" WORKERS=2 CHUNKED=0 NMT=0
EXTRA=()
while [ $# -gt 0 ]; do
  case $1 in
    --target) TARGET=$2; shift 2 ;;
    --big) BIG=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --client) CLIENT=$2; shift 2 ;;
    --leak-check) LEAK=paranoid; shift ;;
    --xmx) XMX=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --url) URL=$2; TARGET=url; shift 2 ;;
    --user) USER_NAME=$2; shift 2 ;;
    --key) KEY=$2; shift 2 ;;
    --pids) PIDS=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    --chunked) CHUNKED=1; shift ;;
    --nmt) NMT=1; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

bytes() {  # bytes 10G -> 10737418240
  local v=${1^^}; v=${v%IB}; v=${v%B}
  case $v in
    *K) echo $(( ${v%K} << 10 )) ;; *M) echo $(( ${v%M} << 20 )) ;; *G) echo $(( ${v%G} << 30 )) ;;
    *) echo "$v" ;;
  esac
}
BIG_BYTES=$(bytes "$BIG")
# Swift's default max_file_size (5 GiB + 2): a bigger single object needs a raised limit.
SWIFT_MAX_FILE_SIZE=5368709122

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ringway-bench.XXXXXX")
LOG=$WORK/log
mkdir -p "$LOG"
STARTED=()      # PIDs this script started, stopped in reverse order
STORAGE_UP=0

cleanup() {
  local rc=$? i pid
  for (( i=${#STARTED[@]}-1; i>=0; i-- )); do
    pid=${STARTED[$i]}
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ $STORAGE_UP = 1 ]; then "$ROOT/scripts/swift-storage.sh" down "$WORK/swift" >/dev/null 2>&1 || true; fi
  if [ $KEEP = 1 ]; then
    echo "# kept $WORK" >&2
  else
    if [ $rc != 0 ] && [ -n "$(ls -A "$LOG" 2>/dev/null)" ]; then
      # A failed run keeps its logs (not the data, which may be tens of GiB).
      mv "$LOG" "$WORK-log" && echo "# failed: logs kept in $WORK-log" >&2
    fi
    rm -rf "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT INT TERM

free_port() {  # the first port from $1 up that nothing listens on
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

await_http() {  # await_http URL PID LOGFILE
  for _ in $(seq 600); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "ERROR: exited before answering $1; log:" >&2; tail -n 40 "$3" >&2; exit 1; fi
    sleep 0.2
  done
  echo "ERROR: no answer from $1 after 120 s" >&2; tail -n 40 "$3" >&2; exit 1
}

check_disk() {  # check_disk REPLICAS
  local need avail
  need=$(( BIG_BYTES * $1 + (2 << 30) ))
  avail=$(df -B1 --output=avail "$WORK" | tail -n 1 | tr -d ' ')
  echo "# disk: $(( avail >> 30 )) GiB free under $WORK, this run needs about $(( need >> 30 )) GiB ($1 replicas of $BIG)"
  if [ "$avail" -lt "$need" ]; then
    echo "ERROR: not enough free disk for $1 replicas of a $BIG object; use a smaller --big or free space" >&2
    exit 1
  fi
}

ringway_jar() {
  local jar
  jar=$(ls "$ROOT"/target/ringway-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
  if [ -z "$jar" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$jar" -print -quit)" ]; then
    echo "# building the jar (./mvnw -q -o -DskipTests package)" >&2
    (cd "$ROOT" && ./mvnw -q -o -DskipTests package >&2)
    jar=$(ls "$ROOT"/target/ringway-*.jar | grep -v original | head -n 1 || true)
  fi
  echo "$jar"
}

start_ringway() {  # start_ringway EXTRA_ARGS...: sets GATEWAY_PID, AUTH_URL
  local jar port
  jar=$(ringway_jar)
  port=$(free_port 18080)
  local jvm=("-Xmx$XMX" "-Dio.netty.leakDetection.level=$LEAK")
  if [ $NMT = 1 ]; then jvm+=(-XX:NativeMemoryTracking=summary); fi
  # RINGWAY_JVM_OPTS: extra JVM options for profiling runs (e.g. a JFR recording), split on spaces.
  if [ -n "${RINGWAY_JVM_OPTS:-}" ]; then read -r -a extra_jvm <<<"$RINGWAY_JVM_OPTS"; jvm+=("${extra_jvm[@]}"); fi
  java "${jvm[@]}" -jar "$jar" \
    --server.port="$port" --server.address=127.0.0.1 \
    --management.server.port=0 --management.server.address=127.0.0.1 \
    "$@" >"$LOG/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  STARTED+=("$GATEWAY_PID")
  AUTH_URL=http://127.0.0.1:$port/auth/v1.0
  await_http "http://127.0.0.1:$port/healthcheck" "$GATEWAY_PID" "$LOG/gateway.log"
  echo "# ringway pid $GATEWAY_PID on port $port, -Xmx$XMX, leak detection $LEAK ($jar)"
}

# A swift dir for real Swift: /etc/swift/swift.conf as it is (Swift reads the hash path and the
# policies only there) and rings built with swift-ring-builder, 3 replicas over d1..d3.
write_swift_rings() {  # write_swift_rings DIR ACCOUNT_PORT CONTAINER_PORT OBJECT_PORT
  local dir=$1 ring port policy
  mkdir -p "$dir"
  cp /etc/swift/swift.conf "$dir/swift.conf"
  for ring in account container object $(sed -n 's/^\[storage-policy:\([1-9][0-9]*\)\]$/object-\1/p' /etc/swift/swift.conf); do
    case $ring in account) port=$2 ;; container) port=$3 ;; *) port=$4 ;; esac
    swift-ring-builder "$dir/$ring.builder" create 8 3 1 >/dev/null
    for d in 1 2 3; do
      swift-ring-builder "$dir/$ring.builder" add "r1z$d-127.0.0.1:$port/d$d" 100 >/dev/null
    done
    swift-ring-builder "$dir/$ring.builder" rebalance >/dev/null || true
  done
}

start_swift_storage() {  # sets STORAGE_PIDS and the SWIFT_*_PORT variables
  if [ "$BIG_BYTES" -gt "$SWIFT_MAX_FILE_SIZE" ]; then
    echo "ERROR: real Swift reads max_file_size from /etc/swift/swift.conf only (5 GiB + 2); use --big 5G or less" >&2
    exit 1
  fi
  export SWIFT_ACCOUNT_PORT SWIFT_CONTAINER_PORT SWIFT_OBJECT_PORT
  SWIFT_ACCOUNT_PORT=$(free_port 26202)
  SWIFT_CONTAINER_PORT=$(free_port $((SWIFT_ACCOUNT_PORT + 1)))
  SWIFT_OBJECT_PORT=$(free_port $((SWIFT_CONTAINER_PORT + 1)))
  STORAGE_UP=1
  "$ROOT/scripts/swift-storage.sh" up "$WORK/swift" >"$LOG/swift-storage.out" 2>&1 ||
    { cat "$LOG/swift-storage.out" >&2; exit 1; }
  write_swift_rings "$WORK/etc" "$SWIFT_ACCOUNT_PORT" "$SWIFT_CONTAINER_PORT" "$SWIFT_OBJECT_PORT"
  STORAGE_PIDS=$(cat "$WORK"/swift/run/*.pid | tr '\n' ' ')
  local pid
  for pid in $STORAGE_PIDS; do STORAGE_PIDS="$STORAGE_PIDS $(pgrep -P "$pid" | tr '\n' ' ')"; done
  echo "# real Swift storage servers: pids $STORAGE_PIDS, ports $SWIFT_ACCOUNT_PORT/$SWIFT_CONTAINER_PORT/$SWIFT_OBJECT_PORT"
}

start_swift_proxy() {  # sets GATEWAY_PID (the parent), AUTH_URL
  local port mport
  mport=$(free_port 21211)
  memcached -l 127.0.0.1 -p "$mport" -U 0 -m 64 $( [ "$(id -u)" = 0 ] && echo "-u root" ) >"$LOG/memcached.log" 2>&1 &
  STARTED+=("$!")
  MEMCACHED_PID=$!
  port=$(free_port 28080)
  cat >"$WORK/etc/proxy-server.conf" <<EOF
# Written by Ringway's scripts/bench.sh
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $port
workers = $WORKERS
user = $(id -un)
swift_dir = $WORK/etc
log_name = bench-proxy

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats tempauth copy dlo slo proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
allow_account_management = true
account_autocreate = true

[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = testing .admin

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$mport

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:copy]
use = egg:swift#copy
[filter:dlo]
use = egg:swift#dlo
[filter:slo]
use = egg:swift#slo
EOF
  # -v: log to the console (the log file), as Ringway does; no syslog here.
  setsid swift-proxy-server "$WORK/etc/proxy-server.conf" -v >"$LOG/proxy-server.log" 2>&1 </dev/null &
  GATEWAY_PID=$!
  STARTED+=("$GATEWAY_PID")
  AUTH_URL=http://127.0.0.1:$port/auth/v1.0
  await_http "http://127.0.0.1:$port/healthcheck" "$GATEWAY_PID" "$LOG/proxy-server.log"
  sleep 1   # the workers fork after the parent listens
  GATEWAY_PIDS="$GATEWAY_PID $(pgrep -P "$GATEWAY_PID" | tr '\n' ' ')"
  echo "# swift-proxy-server pids $GATEWAY_PIDS (workers $WORKERS) on port $port, memcached $MEMCACHED_PID"
}

echo "# $(date -u +%FT%TZ) $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') target $TARGET" \
  "big $BIG duration ${DURATION}s concurrency $CONCURRENCY, $(nproc) cores, $(java -version 2>&1 | head -n 1)"
GATEWAY_PIDS="" CLUSTER_PIDS=""
case $TARGET in
  ringway)
    check_disk 3
    mkdir -p "$WORK/data/etc"
    if [ "$BIG_BYTES" -gt "$SWIFT_MAX_FILE_SIZE" ]; then
      # A single object above Swift's default limit: the embedded cluster's swift.conf, written
      # here before the first start (Ringway then keeps it), raises max_file_size.
      cat >"$WORK/data/etc/swift.conf" <<EOF
# Written by Ringway's scripts/bench.sh: max_file_size raised for a $BIG object.
[swift-hash]
swift_hash_path_prefix = bench-$RANDOM$RANDOM
swift_hash_path_suffix = bench-$RANDOM$RANDOM

[storage-policy:0]
name = Policy-0
default = yes

[swift-constraints]
max_file_size = $(( BIG_BYTES + 2 ))
EOF
      echo "# max_file_size raised to $(( BIG_BYTES + 2 )) in the embedded swift.conf"
      if [ $CHUNKED = 0 ]; then
        # Ringway's object server keeps Swift's default limit whatever swift.conf says, so every
        # replica refuses a Content-Length above 5 GiB; a chunked body is only counted by the
        # proxy, which honours the raised max_file_size.
        CHUNKED=1
        echo "# big PUT chunked: the embedded object server refuses a Content-Length above 5 GiB"
      fi
    fi
    start_ringway --ringway.embedded.swift-dir="$WORK/data/etc" --ringway.storage.devices="$WORK/data/node" \
      --ringway.storage.account-port=0 --ringway.storage.container-port=0 --ringway.storage.object-port=0 \
      --ringway.storage.updater-interval=5s
    GATEWAY_PIDS=$GATEWAY_PID
    ;;
  ringway-swift)
    check_disk 3
    start_swift_storage
    start_ringway --ringway.role=gateway --ringway.swift-dir="$WORK/etc"
    GATEWAY_PIDS=$GATEWAY_PID CLUSTER_PIDS=$STORAGE_PIDS
    ;;
  swift)
    check_disk 3
    start_swift_storage
    start_swift_proxy
    CLUSTER_PIDS="$STORAGE_PIDS $MEMCACHED_PID"
    ;;
  url)
    [ -n "$URL" ] || { echo "ERROR: --target url needs --url AUTH_URL" >&2; exit 2; }
    AUTH_URL=$URL GATEWAY_PIDS=$PIDS
    ;;
  *) echo "unknown target $TARGET (ringway, ringway-swift, swift, url)" >&2; exit 2 ;;
esac

BENCH=(java -Xmx512m "$ROOT/bench/Bench.java" --auth "$AUTH_URL" --user "$USER_NAME" --key "$KEY"
  --client "$CLIENT" --concurrency "$CONCURRENCY" --duration "$DURATION" --big "$BIG_BYTES"
  --pids "$GATEWAY_PIDS" --cluster-pids "$CLUSTER_PIDS")
if [ $CHUNKED = 1 ]; then BENCH+=(--chunked); fi
rc=0
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"${BENCH[@]}" "${EXTRA[@]}" || rc=$?
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$TARGET" = ringway ] || [ "$TARGET" = ringway-swift ]; then
  # Netty reports a leak when the leaked buffer's tracker is garbage collected and a later
  # allocation is tracked: collect, then a few more requests, then read the log.
  jcmd "$GATEWAY_PID" GC.run >/dev/null 2>&1 || true
  sleep 1
  java "$ROOT/bench/Bench.java" --auth "$AUTH_URL" --user "$USER_NAME" --key "$KEY" --concurrency 4 \
    --duration 2 --warmup 0 --only small >/dev/null 2>&1 || true
  leaks=$(grep -c 'LEAK:' "$LOG/gateway.log" || true)
  echo "# gateway RSS at the end: $(awk '/VmRSS/ {print int($2/1024) " MiB"}' "/proc/$GATEWAY_PID/status")," \
    "Netty leak detection $LEAK: $leaks LEAK report(s) in the gateway log"
  if [ "$leaks" != 0 ]; then grep -m 3 -A 20 'LEAK:' "$LOG/gateway.log" || true; rc=1; KEEP=1; fi
  if [ $NMT = 1 ]; then
    echo "# native memory (committed KiB) of the gateway after the run:"
    jcmd "$GATEWAY_PID" VM.native_memory summary | grep -E '^(Total|-)' | sed 's/^/#   /' || true
  fi
  if grep -q 'ERROR' "$LOG/gateway.log"; then
    echo "# the gateway logged errors (first lines):"; grep -m 5 'ERROR' "$LOG/gateway.log" | cut -c 1-300 || true
  fi
fi
exit $rc
}
