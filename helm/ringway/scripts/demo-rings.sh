#!/bin/sh
# Builds swift.conf and the rings of the chart's demo cluster (storage.enabled) with Swift's own
# swift-ring-builder, one zone per storage pod, the devices named by the pods' DNS names, and writes
# them as a values file for the chart:
#
#   helm/ringway/scripts/demo-rings.sh --release demo --namespace swift > demo-values.yaml
#   helm install demo helm/ringway --namespace swift -f demo-values.yaml
#
# The rings name <release>-ringway-storage-<i>.<release>-ringway-storage.<namespace>.svc.<domain>
# (<release> alone when it contains "ringway", as the chart names things; a fullnameOverride needs
# --fullname). They are fixed once written: adding storage pods later needs new rings, built from
# the .builder files this script leaves in --keep DIR.
set -eu

release="" namespace="default" fullname="" pods=3 devices="d1" part_power=10 replicas=3
domain="cluster.local" keep=""
object_port=6200 container_port=6201 account_port=6202

usage() {
    sed -n '2,15p' "$0" >&2
    echo "options: --release NAME (required) --namespace NS --fullname NAME --pods N --devices 'd1 d2'" >&2
    echo "         --part-power N --replicas N --cluster-domain DOMAIN --keep DIR" >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --release) release=$2; shift 2 ;;
        --namespace) namespace=$2; shift 2 ;;
        --fullname) fullname=$2; shift 2 ;;
        --pods) pods=$2; shift 2 ;;
        --devices) devices=$2; shift 2 ;;
        --part-power) part_power=$2; shift 2 ;;
        --replicas) replicas=$2; shift 2 ;;
        --cluster-domain) domain=$2; shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        *) usage ;;
    esac
done
[ -n "$release" ] || usage
command -v swift-ring-builder >/dev/null || { echo "swift-ring-builder not found (Debian: swift)" >&2; exit 1; }

if [ -z "$fullname" ]; then
    case "$release" in
        *ringway*) fullname=$release ;;
        *) fullname="$release-ringway" ;;
    esac
fi
storage="$fullname-storage"

work=${keep:-$(mktemp -d)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT

device_count=0
for _ in $devices; do device_count=$((device_count + 1)); done
slots=$((pods * device_count))
[ "$replicas" -le "$slots" ] || replicas=$slots

# swift-ring-builder exits 1 on a warning (e.g. a balance it could not reach), 2 on an error.
builder() {
    status=0
    swift-ring-builder "$@" >&2 || status=$?
    [ "$status" -le 1 ] || exit "$status"
}

for ring in account container object; do
    case "$ring" in
        account) port=$account_port ;;
        container) port=$container_port ;;
        object) port=$object_port ;;
    esac
    builder "$work/$ring.builder" create "$part_power" "$replicas" 1
    pod=0
    while [ "$pod" -lt "$pods" ]; do
        for device in $devices; do
            builder "$work/$ring.builder" add --region 1 --zone $((pod + 1)) \
                --ip "$storage-$pod.$storage.$namespace.svc.$domain" --port "$port" \
                --device "$device" --weight 100
        done
        pod=$((pod + 1))
    done
    builder "$work/$ring.builder" rebalance
done

random() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }

echo "# Written by demo-rings.sh: release $release, namespace $namespace, $pods storage pods, devices: $devices."
echo "# Keep it: the hash path below decides where every object lives."
echo "role: gateway"
echo "auth:"
echo "  tempauth:"
echo "    tokenSecret: \"$(random)\""
echo "storage:"
echo "  enabled: true"
echo "  replicas: $pods"
echo "  devices:"
for device in $devices; do echo "    - $device"; done
echo "swift:"
echo "  hashPathPrefix: \"$(random)\""
echo "  hashPathSuffix: \"$(random)\""
echo "  rings:"
for ring in account container object; do
    echo "    $ring.ring.gz: $(base64 -w0 < "$work/$ring.ring.gz")"
done
