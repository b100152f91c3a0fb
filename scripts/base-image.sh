#!/usr/bin/env bash
# Builds the container image's base images offline, from Debian's packages alone, for machines
# that reach Debian's mirror and Maven Central but no container registry (the test tier's, CI's):
#
#   ringway-base:jre   Debian minbase + openjdk-17-jre-headless    (the Dockerfile's BASE_IMAGE)
#   ringway-base:jdk   the same + openjdk-17-jdk-headless           (the Dockerfile's BUILD_IMAGE)
#
# debootstrap makes a root filesystem, `docker import` turns it into an image FROM scratch, and
# two small builds add the machine's own CA certificates and the JDK. Both images trust the CAs
# this machine added to its trust store (/usr/local/share/ca-certificates), so that the build
# stage's Maven reaches Maven Central wherever this machine does.
#
# Usage: scripts/base-image.sh [--force]
#   Does nothing when both images exist (the usual case after the first run on a Docker engine);
#   --force builds them again. Needs root (debootstrap), debootstrap, and a Docker engine that the
#   docker CLI reaches (DOCKER_HOST, e.g. from scripts/docker-engine.sh).
# Environment:
#   RINGWAY_BASE_REPO  image name, default ringway-base (tags :jre and :jdk)
#   DEBIAN_SUITE       default: this machine's release (VERSION_CODENAME), e.g. bookworm
#   DEBIAN_MIRROR      default: the mirror this machine's apt uses for that suite
#   JAVA_MAJOR         default 17
#   DOCKER             the CLI, default docker
set -euo pipefail

REPO=${RINGWAY_BASE_REPO:-ringway-base}
DOCKER=${DOCKER:-docker}
JAVA_MAJOR=${JAVA_MAJOR:-17}
FORCE=false
[ "${1:-}" = --force ] && FORCE=true

log() { printf 'base-image: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
image_exists() { "$DOCKER" image inspect "$1" >/dev/null 2>&1; }

if ! $FORCE && image_exists "$REPO:jre" && image_exists "$REPO:jdk"; then
  log "$REPO:jre and $REPO:jdk exist (--force builds them again)"
  exit 0
fi
[ "$(id -u)" -eq 0 ] || die "debootstrap needs root"
command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"
"$DOCKER" version >/dev/null 2>&1 || die "no Docker engine answers ($DOCKER version failed; DOCKER_HOST=${DOCKER_HOST:-unset})"

# The suite and mirror this machine's apt is configured with (sources.list or deb822 .sources alike).
if [ -z "${DEBIAN_SUITE:-}" ]; then
  # shellcheck source=/dev/null
  DEBIAN_SUITE=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  [ -n "$DEBIAN_SUITE" ] || die "cannot tell this machine's Debian release: set DEBIAN_SUITE"
fi
if [ -z "${DEBIAN_MIRROR:-}" ]; then
  # shellcheck disable=SC2016 # $(...) is apt's own field syntax, not the shell's
  DEBIAN_MIRROR=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 2>/dev/null |
                  awk -v suite="$DEBIAN_SUITE" '$2 == suite { print $1; exit }')
  [ -n "$DEBIAN_MIRROR" ] || die "apt has no source for suite $DEBIAN_SUITE: set DEBIAN_MIRROR"
fi

WORK=$(mktemp -d /var/tmp/ringway-base.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
ROOTFS=$WORK/rootfs

started=$SECONDS
log "debootstrap $DEBIAN_SUITE from $DEBIAN_MIRROR into $ROOTFS"
debootstrap --variant=minbase --include="openjdk-$JAVA_MAJOR-jre-headless,ca-certificates" \
  "$DEBIAN_SUITE" "$ROOTFS" "$DEBIAN_MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
  { tail -n 30 "$WORK/debootstrap.log" >&2; die "debootstrap failed (log above)"; }
# Downloaded packages and package lists are not part of an image (the JDK step updates its lists).
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/cache/apt/*.bin "$ROOTFS"/var/lib/apt/lists/*
log "debootstrap: $((SECONDS - started)) s, $(du -sh "$ROOTFS" | cut -f1)"

started=$SECONDS
tar --numeric-owner -C "$ROOTFS" -c . | "$DOCKER" import - "$REPO:rootfs" >/dev/null
rm -rf "$ROOTFS"
log "import: $((SECONDS - started)) s"

# The classic builder has no network without a bridge (dockerd --bridge=none): host network.
started=$SECONDS
mkdir -p "$WORK/jre/local-ca"
find /usr/local/share/ca-certificates -name '*.crt' -exec cp {} "$WORK/jre/local-ca/" \; 2>/dev/null || true
cat >"$WORK/jre/Dockerfile" <<EOF
FROM $REPO:rootfs
COPY local-ca/ /usr/local/share/ca-certificates/
RUN update-ca-certificates
CMD ["bash"]
EOF
"$DOCKER" build -q --network host -t "$REPO:jre" "$WORK/jre" >/dev/null
mkdir -p "$WORK/jdk"
cat >"$WORK/jdk/Dockerfile" <<EOF
FROM $REPO:jre
RUN apt-get update -q \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends openjdk-$JAVA_MAJOR-jdk-headless \\
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /var/cache/apt/*.bin
EOF
"$DOCKER" build -q --network host -t "$REPO:jdk" "$WORK/jdk" >/dev/null
"$DOCKER" rmi "$REPO:rootfs" >/dev/null
log "jre and jdk images: $((SECONDS - started)) s"
"$DOCKER" image ls "$REPO" >&2
