# The proxy-server.conf sections of filters that take no options, for the scripts that write a
# proxy-server.conf for Debian's swift-proxy-server: scripts/swift-cluster.sh and the
# single-node Swift target of scripts/bench.sh (scripts/lib/bench-swift.sh). Sourced.
# shellcheck shell=bash

# egg_filters NAME...: one "[filter:NAME]" with "use = egg:swift#EGG" each, EGG being NAME with
# '-' as '_' (the pipeline names proxy-logging, the egg is proxy_logging), each after a blank line.
egg_filters() {
  local name
  for name in "$@"; do
    printf '\n[filter:%s]\nuse = egg:swift#%s\n' "$name" "${name//-/_}"
  done
}
