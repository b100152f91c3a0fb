# scripts/bench.sh --compare (sourced, not run): Debian's swift-proxy-server and Ringway side by
# side in front of the same real Swift cluster (scripts/swift-cluster.sh: 4 nodes, 3 replicas,
# XFS), every phase run for one gateway and then the other by bench/Compare.java.
# shellcheck shell=bash

# Its own cluster instance, away from the test tier's (/tmp/ringway-cluster, ports 17000+).
COMPARE_BASE=$(realpath -m "${RINGWAY_CLUSTER_BASE:-/tmp/ringway-bench-cluster}")
COMPARE_PORT_BASE=${PORT_BASE:-23000}
COMPARE_UP=0

# memcache_max_connections per proxy worker: as many as the requests a worker may have in flight.
# Swift's default pool (2) made requests wait for a connection; on this loaded 2-core machine a
# wait passed the pool timeout (1 s), ten of those error-limited memcached for 60 s, and tempauth,
# finding no token, answered 401 to every request. More connections only remove that waiting.
compare_memcache_connections() {
  local top=${CONCURRENCY##*,}
  echo $(( (top + WORKERS - 1) / WORKERS ))
}

cluster() {  # cluster COMMAND...: scripts/swift-cluster.sh on the benchmark's instance
  RINGWAY_CLUSTER_BASE=$COMPARE_BASE PORT_BASE=$COMPARE_PORT_BASE SWIFT_PROXY_WORKERS=$WORKERS \
    SWIFT_MEMCACHE_MAX_CONNECTIONS=${SWIFT_MEMCACHE_MAX_CONNECTIONS:-$(compare_memcache_connections)} \
    "$ROOT/scripts/swift-cluster.sh" "$@"
}

# compare_down RC: called by cleanup. Stops the cluster; wipes it (the disk image may hold GiBs)
# unless --keep; a failed run first copies its servers' logs next to the gateway's.
compare_down() {
  [ $COMPARE_UP = 1 ] || return 0
  if [ "$1" != 0 ] && [ -d "$COMPARE_BASE/log" ]; then cp -r "$COMPARE_BASE/log" "$LOG/cluster" 2>/dev/null || true; fi
  if [ $KEEP = 1 ]; then
    cluster down >/dev/null 2>&1 || true
    echo "# kept the cluster in $COMPARE_BASE (stopped; scripts/swift-cluster.sh up starts it again)" >&2
  else
    cluster down --wipe >/dev/null 2>&1 || true
  fi
}

pids_of_group() {  # pids_of_group PIDFILE...: each server and the workers in its process group
  local f
  for f in "$@"; do
    if [ -s "$f" ]; then pgrep -g "$(cat "$f")" || true; fi
  done | sort -n | tr '\n' ' '
}

run_compare() {
  compare_cluster_up
  RINGWAY_PORT_FROM=$((COMPARE_PORT_BASE + 81)) start_ringway --ringway.role=gateway --ringway.swift-dir="$SWIFT_DIR"
  compare_run swift ringway proxy
}

# --federation: Ringway with its embedded node (for the containers' local records) whose default
# storage policy is federated to the cluster's swift-proxy-server, against that proxy directly:
# what forwarding costs in latency and throughput. A target is another cluster, on other
# machines: here the whole target (proxy, storage servers, memcached) runs on core 0 and the
# gateway and the load generator on core 1 (taskset), so that the gateway's work does not take
# the target's CPU, as it would not across machines (FEDERATION_PIN=0: no pinning).
run_federation() {
  compare_cluster_up
  local pin=${FEDERATION_PIN:-1}
  if [ "$pin" = 1 ] && [ "$(nproc)" -ge 2 ]; then
    local pid
    for pid in $SWIFT_PIDS $STORAGE_PIDS_OF_CLUSTER $MEMCACHED_PID_OF_CLUSTER; do
      taskset -a -p -c 0 "$pid" >/dev/null
    done
    TASKSET=(taskset -c 1)
    echo "# pinned: the target (swift-proxy-server, storage servers, memcached) on core 0; gateway and load on core 1"
  fi
  RINGWAY_PORT_FROM=$((COMPARE_PORT_BASE + 81)) start_federated_ringway --federation \
    "every new container lives in the target" federated swift \
    --ringway.federation.targets.swift.auth-url="$SWIFT_AUTH_URL" \
    --ringway.federation.targets.swift.user="$USER_NAME" --ringway.federation.targets.swift.key="$KEY" \
    --ringway.federation.targets.swift.container-prefix=fed-
  compare_run direct federated forwarding
}

# compare_cluster_up: the benchmark's cluster, up; sets SWIFT_AUTH_URL, SWIFT_DIR, SWIFT_PIDS,
# STORAGE_PIDS_OF_CLUSTER and MEMCACHED_PID_OF_CLUSTER.
compare_cluster_up() {
  if [ "$BIG_BYTES" -gt "$SWIFT_MAX_FILE_SIZE" ]; then
    echo "ERROR: real Swift reads max_file_size from /etc/swift/swift.conf only (5 GiB + 2); use --big 5G or less" >&2
    exit 1
  fi
  if [ "$CLIENT" != raw ]; then echo "ERROR: --compare uses the raw client only" >&2; exit 2; fi
  local dir=$COMPARE_BASE
  [ -d "$dir" ] || dir=$(dirname "$dir")
  check_disk 3 "$dir"
  # One big object at a time (Compare deletes each after its GET): 3 replicas and room for the
  # 4 KiB ones. The image is sparse; this only sizes a new one.
  local image=$(( BIG_BYTES * 3 + (4 << 30) ))
  [ $image -ge $((16 << 30)) ] || image=$((16 << 30))
  export CLUSTER_DISK_SIZE=${CLUSTER_DISK_SIZE:-$image}

  echo "# cluster: scripts/swift-cluster.sh up in $COMPARE_BASE, PORT_BASE $COMPARE_PORT_BASE," \
    "swift-proxy-server workers $WORKERS, memcache_max_connections" \
    "${SWIFT_MEMCACHE_MAX_CONNECTIONS:-$(compare_memcache_connections)}"
  COMPARE_UP=1
  cluster up >"$LOG/cluster.out" 2>&1 || { cat "$LOG/cluster.out" >&2; exit 1; }
  local SWIFT_FS
  # shellcheck disable=SC1091
  . "$COMPARE_BASE/cluster.env"
  local run=$COMPARE_BASE/run
  SWIFT_PIDS=$(pids_of_group "$run/proxy-server.pid")
  STORAGE_PIDS_OF_CLUSTER=$(pids_of_group "$run"/account-server-*.pid "$run"/container-server-*.pid "$run"/object-server-*.pid)
  MEMCACHED_PID_OF_CLUSTER=$(cat "$run/memcached.pid")
  echo "# swift-proxy-server pids $SWIFT_PIDS at $SWIFT_AUTH_URL; memcached $MEMCACHED_PID_OF_CLUSTER;" \
    "storage servers (4 nodes, $SWIFT_FS) pids $STORAGE_PIDS_OF_CLUSTER"
  if [ "$SWIFT_FS" != xfs ]; then
    echo "# WARNING: the devices are on $SWIFT_FS, not XFS (see $LOG/cluster.out): not the cluster of the recorded runs"
  fi
}

# compare_run SWIFT_NAME RINGWAY_NAME GOAL: bench/Compare.java, the swift-proxy-server first.
# compare_exec COMMAND...: runs bench/Compare.java's COMMAND (with --chunked when asked and the
# extra options), sets rc, then checks the Ringway gateway for leaks.
compare_exec() {
  local cmd=("$@")
  if [ $CHUNKED = 1 ]; then cmd+=(--chunked); fi
  rc=0
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  "${cmd[@]}" "${EXTRA[@]}" || rc=$?
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "${GATEWAY_PID:-}" ]; then ringway_leak_check; fi  # none in the haproxy control
}

compare_run() {
  mkdir -p "$WORK/classes"
  javac -d "$WORK/classes" "$ROOT"/bench/*.java
  local cmd=("${TASKSET[@]}" java -Xmx512m -cp "$WORK/classes" Compare
    --target "$1" --auth "$SWIFT_AUTH_URL" --user "$USER_NAME" --key "$KEY" --pids "$SWIFT_PIDS"
    --target "$2" --auth "$AUTH_URL" --user "$USER_NAME" --key "$KEY" --pids "$GATEWAY_PID"
    --storage-pids "$STORAGE_PIDS_OF_CLUSTER" --memcached-pids "$MEMCACHED_PID_OF_CLUSTER"
    --concurrency "$CONCURRENCY" --duration "$DURATION" --big "$BIG_BYTES" --goal "$3")
  compare_exec "${cmd[@]}"
  local plog=$COMPARE_BASE/log/proxy-server.log errors memcache
  errors=$(grep -c 'ERROR' "$plog" 2>/dev/null || true)
  memcache=$(grep -ci 'memcache' "$plog" 2>/dev/null || true)
  echo "# swift-proxy-server logged ${errors:-0} ERROR line(s) and ${memcache:-0} about memcached ($plog)"
}
