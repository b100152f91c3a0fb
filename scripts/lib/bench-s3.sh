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
#   with --copy: bench/Bench.java through Ringway, then with --copy-policy Policy-0 the big object
#     copied to a local container and back: the cross-cluster COPY.

start_s3_federation() {
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
  for _ in $(seq 600); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    kill -0 "$S3_PID" 2>/dev/null || { cat "$LOG/s3proxy.log" >&2; exit 1; }
    sleep 0.1
  done
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
  start_federated_ringway --federation-s3 "every new container lives in S3" s3 s3 \
    --ringway.federation.targets.s3.type=s3 --ringway.federation.targets.s3.endpoint="http://127.0.0.1:$port" \
    --ringway.federation.targets.s3.access-key=bench-access --ringway.federation.targets.s3.secret-key=bench-secret \
    '--ringway.federation.targets.s3.bucket=bench-{account}-{container}'
  GATEWAY_PIDS=$GATEWAY_PID CLUSTER_PIDS=$S3_PID
}

run_federation_s3() {
  start_s3_federation
  mkdir -p "$WORK/classes"
  javac -d "$WORK/classes" "$ROOT"/bench/*.java
  local cmd=("${LOAD_TASKSET[@]}" java -Xmx512m -cp "$WORK/classes" Compare
    --target direct --s3 "$S3_ENDPOINT" --user bench-access --key bench-secret --pids "$S3_PID"
    --target federated --auth "$AUTH_URL" --user "$USER_NAME" --key "$KEY" --pids "$GATEWAY_PID"
    --storage-pids "$S3_PID" --concurrency "$CONCURRENCY" --duration "$DURATION" --big "$BIG_BYTES"
    --goal forwarding)
  compare_exec "${cmd[@]}"
}
