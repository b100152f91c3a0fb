#!/usr/bin/env bash
# bench.sh [options] [-- extra bench/Bench.java (or bench/Compare.java) options]
#
# Ringway's benchmark: starts a cluster on loopback in a temporary directory, runs the load
# generator bench/Bench.java against it while sampling the gateway's CPU and resident memory,
# checks the gateway log for Netty buffer leaks, and stops everything it started.
# See docs/performance.md for what each number means and what was measured.
#
#   --compare      (recommended) Debian's swift-proxy-server (--workers, default 2) and Ringway
#                  (the jar, gateway only) in front of the SAME real Swift cluster
#                  (scripts/swift-cluster.sh: 4 nodes, 3 replicas, XFS; its own instance in
#                  RINGWAY_CLUSTER_BASE, default /tmp/ringway-bench-cluster, ports from PORT_BASE,
#                  default 23000); bench/Compare.java runs every phase for one gateway and then
#                  the other and prints both side by side with Ringway's ratios. The cluster is
#                  stopped and wiped at the end (--keep: stopped, kept)
#   --federation   forwarding's cost: the same cluster's swift-proxy-server directly ("direct")
#                  against Ringway (-Xmx256m, embedded node for the containers' records) whose
#                  default storage policy is federated to that proxy ("federated"); the summary
#                  checks issue 5's targets (p50 at most 10 % more, 90 % of the throughput)
#   --federation-s3  forwarding's cost to an S3 target: s3proxy (started here) directly, with
#                  signed S3 requests ("direct"), against Ringway (-Xmx256m) whose default
#                  policy keeps containers in it ("federated"), as --federation does for Swift
#                  (FEDERATION_PIN=gateway: s3proxy and the load on core 0, Ringway alone on 1;
#                  FEDERATION_GATEWAY=haproxy: Debian's haproxy instead of Ringway, the control).
#                  With --copy instead: Bench.java through Ringway only (the gateway's RSS at
#                  every tenth of the big object), then the big object copied (COPY) to a local
#                  container and back, each copy read and checked
#
# Targets (--target), one gateway per run:
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
. "$ROOT/scripts/lib/bench-lib.sh"      # bytes, ports, disk check, the Ringway gateway
. "$ROOT/scripts/lib/proxy-filters.sh"  # filter sections of proxy-server.conf
. "$ROOT/scripts/lib/bench-swift.sh"    # the single-node Swift targets
. "$ROOT/scripts/lib/bench-compare.sh"  # --compare
. "$ROOT/scripts/lib/bench-s3.sh"       # --federation-s3
TARGET=ringway BIG=1G DURATION=10 CONCURRENCY=16,64 CLIENT=raw LEAK=simple XMX=256m KEEP=0
URL="" USER_NAME=test:tester KEY=testing PIDS="" WORKERS=2 CHUNKED=0 NMT=0 COPY=0
EXTRA=()
TASKSET=()      # a prefix for the processes of Ringway and the load generator (--federation pins them)
while [ $# -gt 0 ]; do
  case $1 in
    --compare) TARGET=compare; shift ;;
    --federation) TARGET=federation; shift ;;
    --federation-s3) TARGET=federation-s3; shift ;;
    --copy) COPY=1; shift ;;
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
  compare_down "$rc"
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
$(swift_hash_section)

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
      --ringway.storage.recon-cache-path="$WORK/data/recon" --ringway.storage.account-port=0 --ringway.storage.container-port=0 --ringway.storage.object-port=0 \
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
  compare)
    run_compare
    exit $rc
    ;;
  federation)
    run_federation
    exit $rc
    ;;
  federation-s3)
    if [ $COPY = 0 ]; then
      run_federation_s3
      exit $rc
    fi
    start_s3_federation
    EXTRA=(--copy-policy Policy-0 "${EXTRA[@]}")
    ;;
  url)
    [ -n "$URL" ] || { echo "ERROR: --target url needs --url AUTH_URL" >&2; exit 2; }
    AUTH_URL=$URL GATEWAY_PIDS=$PIDS
    ;;
  *) echo "unknown target $TARGET (compare, federation, federation-s3, ringway, ringway-swift, swift, url)" >&2; exit 2 ;;
esac

BENCH=(java -Xmx512m "$ROOT/bench/Bench.java" --auth "$AUTH_URL" --user "$USER_NAME" --key "$KEY"
  --client "$CLIENT" --concurrency "$CONCURRENCY" --duration "$DURATION" --big "$BIG_BYTES"
  --pids "$GATEWAY_PIDS" --cluster-pids "$CLUSTER_PIDS")
if [ $CHUNKED = 1 ]; then BENCH+=(--chunked); fi
rc=0
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"${BENCH[@]}" "${EXTRA[@]}" || rc=$?
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$TARGET" = ringway ] || [ "$TARGET" = ringway-swift ] || [ "$TARGET" = federation-s3 ]; then
  ringway_leak_check
fi
exit $rc
}
