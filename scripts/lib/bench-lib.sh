# Helpers of scripts/bench.sh (sourced, not run): sizes, ports, waiting for a server, the disk
# check, and the Ringway gateway (its jar, start, leak check). They use bench.sh's globals: ROOT,
# WORK, LOG, STARTED, BIG, BIG_BYTES, XMX, LEAK, NMT, USER_NAME, KEY.
# shellcheck shell=bash

bytes() {  # bytes 10G -> 10737418240
  local v=${1^^}; v=${v%IB}; v=${v%B}
  case $v in
    *K) echo $(( ${v%K} << 10 )) ;; *M) echo $(( ${v%M} << 20 )) ;; *G) echo $(( ${v%G} << 30 )) ;;
    *) echo "$v" ;;
  esac
}

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

await_port() {  # await_port PORT PID LOGFILE: until something listens on 127.0.0.1:PORT (60 s)
  for _ in $(seq 600); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 0.1
  done
  echo "ERROR: nothing listens on port $1 after 60 s" >&2; tail -n 40 "$3" >&2; exit 1
}

check_disk() {  # check_disk REPLICAS [DIR]: DIR (default WORK) has room for the replicas of the big object
  local need avail dir=${2:-$WORK}
  need=$(( BIG_BYTES * $1 + (2 << 30) ))
  avail=$(df -B1 --output=avail "$dir" | tail -n 1 | tr -d ' ')
  echo "# disk: $(( avail >> 30 )) GiB free under $dir, this run needs about $(( need >> 30 )) GiB ($1 replicas of $BIG)"
  if [ "$avail" -lt "$need" ]; then
    echo "ERROR: not enough free disk for $1 replicas of a $BIG object; use a smaller --big or free space" >&2
    exit 1
  fi
}

swift_hash_section() {  # the [swift-hash] section of a new embedded cluster's swift.conf, drawn at random
  printf '[swift-hash]\nswift_hash_path_prefix = bench-%s\nswift_hash_path_suffix = bench-%s\n' \
    "$RANDOM$RANDOM" "$RANDOM$RANDOM"
}

# start_federated_ringway OPTION WHY POLICY TARGET EXTRA_ARGS...: a Ringway with its embedded node
# (keeping the containers' records) whose default storage policy POLICY is federated to TARGET;
# WHY goes into the swift.conf's comment (OPTION: the bench.sh option that wrote it).
start_federated_ringway() {
  local option=$1 why=$2 policy=$3 target=$4
  shift 4
  mkdir -p "$WORK/data/etc"
  cat >"$WORK/data/etc/swift.conf" <<EOF
# Written by Ringway's scripts/bench.sh $option: $why.
$(swift_hash_section)

[storage-policy:0]
name = Policy-0

[storage-policy:1]
name = $policy
policy_type = federated
target = $target
default = yes
EOF
  start_ringway --ringway.embedded.swift-dir="$WORK/data/etc" --ringway.storage.devices="$WORK/data/node" \
    --ringway.storage.recon-cache-path="$WORK/data/recon" --ringway.storage.account-port=0 --ringway.storage.container-port=0 --ringway.storage.object-port=0 "$@"
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

start_ringway() {  # start_ringway EXTRA_ARGS...: sets GATEWAY_PID, AUTH_URL (port from RINGWAY_PORT_FROM, 18080)
  local jar port
  jar=$(ringway_jar)
  port=$(free_port "${RINGWAY_PORT_FROM:-18080}")
  local jvm=("-Xmx$XMX" "-Dio.netty.leakDetection.level=$LEAK")
  if [ $NMT = 1 ]; then jvm+=(-XX:NativeMemoryTracking=summary); fi
  # RINGWAY_JVM_OPTS: extra JVM options for profiling runs (e.g. a JFR recording), split on spaces.
  if [ -n "${RINGWAY_JVM_OPTS:-}" ]; then read -r -a extra_jvm <<<"$RINGWAY_JVM_OPTS"; jvm+=("${extra_jvm[@]}"); fi
  "${TASKSET[@]}" java "${jvm[@]}" -jar "$jar" \
    --server.port="$port" --server.address=127.0.0.1 \
    --management.server.port=0 --management.server.address=127.0.0.1 \
    "$@" >"$LOG/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  STARTED+=("$GATEWAY_PID")
  AUTH_URL=http://127.0.0.1:$port/auth/v1.0
  await_http "http://127.0.0.1:$port/healthcheck" "$GATEWAY_PID" "$LOG/gateway.log"
  echo "# ringway pid $GATEWAY_PID on port $port, -Xmx$XMX, leak detection $LEAK ($jar)"
}

# ringway_leak_check: Netty reports a leak when the leaked buffer's tracker is garbage collected
# and a later allocation is tracked: collect, then a few more requests, then read the log. Sets
# rc=1 and KEEP=1 on a leak.
ringway_leak_check() {
  local leaks
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
}
