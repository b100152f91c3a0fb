# Shared by scripts/swift-storage.sh and scripts/swift-cluster.sh (sourced, not run): Debian's
# python, the global swift.conf both scripts' servers read, and small port/health helpers.
# shellcheck shell=bash

PY=/usr/bin/python3   # Debian's python, the one with the swift package (PATH may differ)
SWIFT_CONF=/etc/swift/swift.conf

# port_free PORT: nobody listens there. SO_REUSEADDR as the servers themselves: connections of a
# server just stopped (TIME_WAIT) do not keep the next one from listening.
port_free() {
  "$PY" - "$1" <<'EOF'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
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

ensure_swift_conf() {
  local conf_dir
  conf_dir=$(dirname "$SWIFT_CONF")
  if [ -f "$SWIFT_CONF" ] && grep -q '^\[swift-hash\]' "$SWIFT_CONF" &&
     grep -q '^\[storage-policy:0\]' "$SWIFT_CONF" &&
     grep -q '^\[storage-policy:1\]' "$SWIFT_CONF"; then
    return 0
  fi
  if ! { mkdir -p "$conf_dir" && [ -w "$conf_dir" ]; } 2>/dev/null; then
    echo "ERROR: $SWIFT_CONF needs [storage-policy:1] and $conf_dir is not writable;" \
         "run once as root: sudo $0 up $BASE" >&2
    exit 1
  fi
  [ ! -f "$SWIFT_CONF" ] || [ -f "$SWIFT_CONF.pre-ringway" ] || cp -p "$SWIFT_CONF" "$SWIFT_CONF.pre-ringway"
  if [ -f "$SWIFT_CONF" ] && grep -q '^\[swift-hash\]' "$SWIFT_CONF" &&
     grep -q '^\[storage-policy:0\]' "$SWIFT_CONF" && grep -Eq '^default *= *(yes|true)' "$SWIFT_CONF"; then
    # Keep everything already there (hash prefix/suffix, policy 0's name and aliases: other
    # servers on this machine may rely on them) and only add policy 1.
    echo >&2 "== adding [storage-policy:1] silver to $SWIFT_CONF (original: $SWIFT_CONF.pre-ringway)"
    cp -p "$SWIFT_CONF" "$SWIFT_CONF.tmp"
    printf '\n%s\n[storage-policy:1]\nname = silver\npolicy_type = replication\n' \
      "# Added by Ringway's scripts/swift-storage.sh" >>"$SWIFT_CONF.tmp"
    mv "$SWIFT_CONF.tmp" "$SWIFT_CONF"
    return 0
  fi
  local prefix=ringway-prefix suffix=ringway-suffix v
  if [ -f "$SWIFT_CONF" ]; then
    v=$(sed -n 's/^swift_hash_path_prefix *= *//p' "$SWIFT_CONF" | tail -n 1)
    [ -n "$v" ] && prefix=$v
    v=$(sed -n 's/^swift_hash_path_suffix *= *//p' "$SWIFT_CONF" | tail -n 1)
    [ -n "$v" ] && suffix=$v
  fi
  echo >&2 "== writing $SWIFT_CONF (policies gold=0 default, silver=1; hash prefix/suffix kept)"
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

# storage_server_conf TYPE PORT DEVICES SWIFT_DIR LOG_NAME RECON_CACHE: the config of one of
# Swift's account, container or object servers on loopback, one worker, with healthcheck and
# recon, devices as plain directories (mount_check off), to stdout.
storage_server_conf() {
  cat <<EOF
[DEFAULT]
devices = $3
mount_check = false
disable_fallocate = true
bind_ip = 127.0.0.1
bind_port = $2
workers = 1
user = $(id -un)
swift_dir = $4
log_name = $5
recon_cache_path = $6

[pipeline:main]
pipeline = healthcheck recon $1-server

[app:$1-server]
use = egg:swift#$1

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:recon]
use = egg:swift#recon
EOF
}
