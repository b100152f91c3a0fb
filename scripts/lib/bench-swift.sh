# The single-node Swift targets of scripts/bench.sh (sourced, not run): real Swift storage
# servers (scripts/swift-storage.sh) with rings written here, and Debian's swift-proxy-server.
# shellcheck shell=bash

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
EOF
  egg_filters catch_errors gatekeeper healthcheck proxy-logging listing_formats copy dlo slo \
    >>"$WORK/etc/proxy-server.conf"
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
