# shellcheck shell=bash
# bench.sh --federation-s3: Ringway (-Xmx256m, embedded node) whose default storage policy keeps
# every container in an S3 cluster: s3proxy (org.gaul:s3proxy from Maven Central, the jar the
# build copies to target/s3proxy for the tests), objects in a directory of the run. The big
# object then goes through the gateway to S3 and back, and with --copy-policy Policy-0 (set here)
# Bench.java copies it to a local container and back: the cross-cluster COPY.

start_s3_federation() {
  local jar=$ROOT/target/s3proxy/s3proxy.jar
  if [ ! -f "$jar" ]; then
    echo "# fetching s3proxy (./mvnw -q dependency:copy@s3proxy)" >&2
    (cd "$ROOT" && ./mvnw -q dependency:copy@s3proxy >&2)
  fi
  check_disk 2
  local port
  port=$(free_port 29080)
  mkdir -p "$WORK/s3/data" "$WORK/data/etc"
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
  cat >"$WORK/data/etc/swift.conf" <<EOF2
# Written by Ringway's scripts/bench.sh --federation-s3: every new container lives in S3.
$(swift_hash_section)

[storage-policy:0]
name = Policy-0

[storage-policy:1]
name = s3
policy_type = federated
target = s3
default = yes
EOF2
  start_ringway --ringway.embedded.swift-dir="$WORK/data/etc" --ringway.storage.devices="$WORK/data/node" \
    --ringway.storage.account-port=0 --ringway.storage.container-port=0 --ringway.storage.object-port=0 \
    --ringway.federation.targets.s3.type=s3 --ringway.federation.targets.s3.endpoint="http://127.0.0.1:$port" \
    --ringway.federation.targets.s3.access-key=bench-access --ringway.federation.targets.s3.secret-key=bench-secret \
    '--ringway.federation.targets.s3.bucket=bench-{account}-{container}'
  GATEWAY_PIDS=$GATEWAY_PID CLUSTER_PIDS=$S3_PID
}
