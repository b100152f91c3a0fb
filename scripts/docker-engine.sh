#!/usr/bin/env bash
# A private Docker engine for the container-image tests (Debian's docker.io dockerd), on its own
# socket, data root and exec root, so it never meets a system Docker or another engineer's. It
# runs without a bridge, NAT or iptables rules (--bridge=none --iptables=false): builds and
# containers use the host's network (docker build --network host, docker run --network host).
#
# Usage: scripts/docker-engine.sh up|down|status
#   up      starts dockerd unless it already answers (about 2 s), then prints the environment
#           for clients:  eval "$(scripts/docker-engine.sh up)"
#   down    stops the dockerd this script started (its PID file), with its containers
#   status  exit 0 when it answers; prints the environment too
# Environment:
#   RINGWAY_DOCKER_DATA  data root, default /var/lib/ringway-docker: images and the build cache
#                        stay there between runs (the base images are built once per machine)
#   RINGWAY_DOCKER_RUN   exec root, socket, PID file and log, default /run/ringway-docker
#   RINGWAY_DOCKER_STORAGE_DRIVER  default: dockerd's own choice (overlay2 where it works, else vfs)
# Needs root and Debian's docker.io (dockerd, containerd, runc).
set -euo pipefail

DATA=${RINGWAY_DOCKER_DATA:-/var/lib/ringway-docker}
RUN=${RINGWAY_DOCKER_RUN:-/run/ringway-docker}
SOCKET=$RUN/docker.sock
PIDFILE=$RUN/dockerd.pid
LOG=$RUN/dockerd.log

log() { printf 'docker-engine: %s\n' "$*" >&2; }
answers() { DOCKER_HOST=unix://$SOCKET docker version >/dev/null 2>&1; }
print_env() { echo "export DOCKER_HOST=unix://$SOCKET"; }

case "${1:-}" in
  up)
    if answers; then
      print_env
      exit 0
    fi
    [ "$(id -u)" -eq 0 ] || { log "ERROR: dockerd needs root"; exit 1; }
    command -v dockerd >/dev/null || { log "ERROR: dockerd not found (apt-get install docker.io)"; exit 1; }
    mkdir -p "$DATA" "$RUN/exec"
    driver=()
    [ -n "${RINGWAY_DOCKER_STORAGE_DRIVER:-}" ] && driver=(--storage-driver="$RINGWAY_DOCKER_STORAGE_DRIVER")
    # setsid: the engine outlives the calling shell's job control and gets no terminal signals.
    setsid dockerd --host="unix://$SOCKET" --data-root="$DATA" --exec-root="$RUN/exec" \
      --pidfile="$PIDFILE" --bridge=none --iptables=false --ip6tables=false "${driver[@]}" \
      </dev/null >"$LOG" 2>&1 &
    for _ in $(seq 1 60); do
      if answers; then
        log "dockerd $(DOCKER_HOST=unix://$SOCKET docker version --format '{{.Server.Version}}') on $SOCKET," \
            "storage driver $(DOCKER_HOST=unix://$SOCKET docker info --format '{{.Driver}}')"
        print_env
        exit 0
      fi
      if ! kill -0 $! 2>/dev/null; then
        break
      fi
      sleep 0.5
    done
    log "ERROR: dockerd did not answer on $SOCKET; the end of $LOG:"
    tail -n 20 "$LOG" >&2
    exit 1
    ;;
  down)
    [ -f "$PIDFILE" ] || exit 0
    pid=$(cat "$PIDFILE")
    if kill "$pid" 2>/dev/null; then
      # dockerd stops its containers (10 s each at most) and its containerd before it exits.
      for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
      done
      kill -0 "$pid" 2>/dev/null && log "dockerd $pid still running after 30 s"
    fi
    rm -f "$PIDFILE"
    # dockerd leaves its default network namespace mounted in the exec root.
    umount "$RUN/exec/netns/default" 2>/dev/null || true
    ;;
  status)
    answers || { log "no dockerd on $SOCKET"; exit 1; }
    print_env
    ;;
  *)
    echo "usage: $0 up|down|status" >&2
    exit 2
    ;;
esac
