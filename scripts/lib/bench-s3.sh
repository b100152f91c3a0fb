# shellcheck shell=bash
# bench.sh --federation-s3: Ringway (-Xmx256m, embedded node) whose default storage policy keeps
# every container in an S3 cluster: s3proxy (org.gaul:s3proxy from Maven Central, the jar the
# build copies to target/s3proxy for the tests), objects in a directory of the run.
#   run_federation_s3: bench/Compare.java, every phase against s3proxy directly (signed S3
#     requests, "direct") and through Ringway ("federated"), --goal forwarding. Pinned as
#     FEDERATION_PIN says: 1 (default, as --federation): s3proxy on core 0, Ringway and the load
#     on core 1; "gateway": s3proxy and the load on core 0, Ringway alone on core 1 (the client
#     and the target get the same CPU in both runs, the gateway what a machine of its own would
#     give it); 0: not pinned.
#     FEDERATION_GATEWAY=haproxy puts Debian's haproxy (HTTP mode, one thread, kept connections)
#     where Ringway would be, pinned as Ringway would be: the control, what a lean HTTP relay
#     costs on the same machine (docs/performance.md).
#   with --copy: bench/Bench.java through Ringway, then with --copy-policy Policy-0 the big object
#     copied to a local container and back: the cross-cluster COPY.

start_s3_federation() {
  start_s3proxy
  start_federated_ringway --federation-s3 "every new container lives in S3" s3 s3 \
    --ringway.federation.targets.s3.type=s3 --ringway.federation.targets.s3.endpoint="$S3_ENDPOINT" \
    --ringway.federation.targets.s3.access-key=bench-access --ringway.federation.targets.s3.secret-key=bench-secret \
    '--ringway.federation.targets.s3.bucket=bench-{account}-{container}'
  GATEWAY_PIDS=$GATEWAY_PID CLUSTER_PIDS=$S3_PID
}

start_s3proxy() {  # sets S3_PID, S3_ENDPOINT, and TASKSET / LOAD_TASKSET as FEDERATION_PIN says
  local jar=$ROOT/target/s3proxy/s3proxy.jar
  if [ ! -f "$jar" ]; then
    echo "# fetching s3proxy (./mvnw -q dependency:copy@s3proxy)" >&2
    (cd "$ROOT" && ./mvnw -q dependency:copy@s3proxy >&2)
  fi
  check_disk 2
  local port
  port=$(free_port 29080)
  mkdir -p "$WORK/s3/data"
  cat >"$WORK/s3/s3proxy.conf" <<EOF2
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench-access
s3proxy.credential=bench-secret
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$WORK/s3/data
EOF2
  LOG_LEVEL=warn java -Xmx512m -jar "$jar" --properties "$WORK/s3/s3proxy.conf" >"$LOG/s3proxy.log" 2>&1 &
  S3_PID=$!
  STARTED+=("$S3_PID")
  await_port "$port" "$S3_PID" "$LOG/s3proxy.log"
  echo "# s3proxy pid $S3_PID on port $port (filesystem store in $WORK/s3/data)"
  S3_ENDPOINT=http://127.0.0.1:$port
  LOAD_TASKSET=()
  if [ "${FEDERATION_PIN:-1}" != 0 ] && [ "$(nproc)" -ge 2 ] && [ "$COPY" = 0 ]; then
    taskset -a -p -c 0 "$S3_PID" >/dev/null
    TASKSET=(taskset -c 1)
    if [ "${FEDERATION_PIN:-1}" = gateway ]; then
      LOAD_TASKSET=(taskset -c 0)
      echo "# pinned: the target (s3proxy) and the load on core 0; the gateway alone on core 1"
    else
      LOAD_TASKSET=(taskset -c 1)
      echo "# pinned: the target (s3proxy) on core 0; gateway and load on core 1"
    fi
  fi
}

# haproxy in HTTP mode between the load and s3proxy: it passes the load generator's own signed
# requests on, over connections it keeps to s3proxy. Sets RELAY_PID, RELAY_ENDPOINT.
start_haproxy_relay() {
  command -v haproxy >/dev/null || { echo "ERROR: FEDERATION_GATEWAY=haproxy needs Debian's haproxy (apt-get install haproxy)" >&2; exit 2; }
  local port
  port=$(free_port 29180)
  cat >"$WORK/haproxy.cfg" <<EOF2
global
    nbthread 1
    maxconn 4096
defaults
    mode http
    option http-keep-alive
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    timeout http-keep-alive 60s
listen s3
    bind 127.0.0.1:$port
    http-reuse always
    server s3proxy ${S3_ENDPOINT#http://}
EOF2
  "${TASKSET[@]}" haproxy -f "$WORK/haproxy.cfg" -db >"$LOG/haproxy.log" 2>&1 &
  RELAY_PID=$!
  STARTED+=("$RELAY_PID")
  await_port "$port" "$RELAY_PID" "$LOG/haproxy.log"
  echo "# haproxy pid $RELAY_PID on port $port, in place of Ringway (the control)"
  RELAY_ENDPOINT=http://127.0.0.1:$port
}

run_federation_s3() {
  local through
  if [ "${FEDERATION_GATEWAY:-ringway}" = haproxy ]; then
    start_s3proxy
    start_haproxy_relay
    through=(--target haproxy --s3 "$RELAY_ENDPOINT" --user bench-access --key bench-secret --pids "$RELAY_PID")
  else
    start_s3_federation
    through=(--target federated --auth "$AUTH_URL" --user "$USER_NAME" --key "$KEY" --pids "$GATEWAY_PID")
  fi
  mkdir -p "$WORK/classes"
  javac -d "$WORK/classes" "$ROOT"/bench/*.java
  local cmd=("${LOAD_TASKSET[@]}" java -Xmx512m -cp "$WORK/classes" Compare
    --target direct --s3 "$S3_ENDPOINT" --user bench-access --key bench-secret --pids "$S3_PID"
    "${through[@]}"
    --storage-pids "$S3_PID" --concurrency "$CONCURRENCY" --duration "$DURATION" --big "$BIG_BYTES"
    --goal forwarding)
  compare_exec "${cmd[@]}"
}
