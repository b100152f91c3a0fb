#!/usr/bin/env bash
# Regenerates the Swift ring test vectors in this folder with Swift itself (Debian's swift
# 2.30.1 packages: swift-ring-builder and the python3 'swift' module). SwiftRingVectorTests
# asserts that Ringway picks the same partition, primaries and handoffs for every path.
#
# Output: <name>.ring.gz (made by swift-ring-builder) and <name>.json per ring:
#   {ring, prefix, suffix, part_power, replica_count, paths: [{a, c, o, hash, part, primaries, handoffs}]}
# Rebalances use fixed seeds, so re-running reproduces the same files.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The python3 first on PATH (pyenv, venv) may lack Debian's swift module.
py=""
for candidate in /usr/bin/python3 python3; do
  if "$candidate" -c 'import swift' 2>/dev/null; then py="$candidate"; break; fi
done
[ -n "$py" ] || { echo "no python3 with the swift module (apt-get install python3-swift)" >&2; exit 1; }

srb() { swift-ring-builder "$@" >/dev/null; }

# (a) part power 10, 3 replicas, 4 zones, 1 region, one device per zone.
b="$work/a-4zones.builder"
srb "$b" create 10 3 1
for z in 1 2 3 4; do srb "$b" add "r1z$z-10.0.0.$z:6200/sdb1" 100; done
srb "$b" rebalance --seed 1

# (b) 2 regions x 3 zones, unequal weights, several devices per ip.
b="$work/b-2regions.builder"
srb "$b" create 9 3 1
for r in 1 2; do
  for z in 1 2 3; do
    for ipn in 1 2; do
      ip="10.$r.$z.$ipn"
      for d in 1 2 3; do
        weight=$(( 50 * d + 25 * z + 10 * ipn + (r - 1) * 40 ))
        srb "$b" add "r${r}z$z-$ip:6200/sd$d" "$weight"
      done
    done
  done
done
srb "$b" rebalance --seed 2

# (c) 2.5 replicas, and device ids with holes: two devices removed after a first rebalance.
b="$work/c-fractional-holes.builder"
srb "$b" create 8 2.5 1
for z in 1 2 3; do
  for d in 1 2 3; do srb "$b" add "r1z$z-10.0.$z.1:6200/sd$d" $(( 100 + 10 * d )); done
done
srb "$b" rebalance --seed 3
srb "$b" remove "d1" --yes
srb "$b" remove "d5" --yes
srb "$b" pretend_min_part_hours_passed
srb "$b" rebalance --seed 4 || true  # exit status 1 only warns that balance is not perfect

# (e) part power 17: 131072 partitions make Swift's handoff walk step by 2 (inc = parts / 65536),
# which production rings (part power 16 and up) do; 2 replicas keep the file near 90 KB.
b="$work/e-partpower17.builder"
srb "$b" create 17 2 1
for r in 1 2; do
  for z in 1 2; do
    for ipn in 1 2; do srb "$b" add "r${r}z$z-10.$r.$z.$ipn:6200/sda" $(( 100 + 10 * ipn )); done
  done
done
srb "$b" rebalance --seed 5

cp "$work"/*.ring.gz "$here"/

"$py" - "$here" <<'PY'
import array, gzip, json, os, random, struct, sys

from swift.common import utils
from swift.common.ring import Ring, RingData

here = sys.argv[1]
prefix, suffix = 'ringway-prefix', 'ringway-suffix'
# Swift 2.30 keeps the swift.conf hash settings as bytes in these module globals.
utils.HASH_PATH_PREFIX = prefix.encode('utf-8')
utils.HASH_PATH_SUFFIX = suffix.encode('utf-8')

rng = random.Random(20301)
alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.'
unicode_bits = ['\u00e9t\u00e9', '\u65e5\u672c\u8a9e', '\U0001f600', '\u0161\u0107', 'caf\u00e9']

def word(n):
    return ''.join(rng.choice(alphabet) for _ in range(n))

paths = []
for i in range(120):
    paths.append(('AUTH_' + word(rng.randint(3, 12)), None, None))
for i in range(120):
    paths.append(('AUTH_' + word(6), word(rng.randint(1, 20)), None))
for i in range(160):
    parts = [word(rng.randint(1, 10)) for _ in range(rng.randint(1, 4))]
    if i % 3 == 0:
        parts.insert(rng.randint(0, len(parts)), rng.choice(unicode_bits))
    obj = '/'.join(parts)
    if i % 7 == 0:
        obj = '/' + obj + '/'
    paths.append(('AUTH_' + word(6), word(8), obj))
paths.append(('AUTH_test', 'c\u00e9', 'o\u00e9/\u65e5\u672c/x'))
paths.append(('.expiring_objects', '1700000000', '1700000000-AUTH_a/c/o'))

def vectors(ring_file):
    ring = Ring(os.path.join(here, ring_file))
    out = []
    for a, c, o in paths:
        part, primaries = ring.get_nodes(a, c, o)
        out.append({
            'a': a, 'c': c, 'o': o,
            'hash': utils.hash_path(a, c, o),
            'part': part,
            'primaries': [n['id'] for n in primaries],
            'handoffs': [n['id'] for n in ring.get_more_nodes(part)],
        })
    return {'ring': ring_file, 'prefix': prefix, 'suffix': suffix,
            'part_power': ring.part_power, 'replica_count': ring.replica_count,
            'paths': out}

for name in ('a-4zones', 'b-2regions', 'c-fractional-holes', 'e-partpower17'):
    with open(os.path.join(here, name + '.json'), 'w') as f:
        json.dump(vectors(name + '.ring.gz'), f, ensure_ascii=True, sort_keys=True)

# (d) Swift 2.30 only writes 2-byte device ids; newer Swift writes 'dev_id_bytes': 4 when ids
# need it. Rewrite ring (b) with 4-byte big-endian ids: Ringway must read it to the same ring,
# so the vectors of (b) apply to it unchanged.
data = RingData.load(os.path.join(here, 'b-2regions.ring.gz'))
header = {'devs': data.devs, 'part_shift': data._part_shift,
          'replica_count': len(data._replica2part2dev_id), 'byteorder': 'big',
          'dev_id_bytes': 4}
text = json.dumps(header, sort_keys=True, ensure_ascii=True).encode('ascii')
with gzip.GzipFile(os.path.join(here, 'd-4byte-ids.ring.gz'), 'wb', mtime=1300507380.0) as f:
    f.write(struct.pack('!4sHI', b'R1NG', 1, len(text)))
    f.write(text)
    for row in data._replica2part2dev_id:
        wide = array.array('I', row)
        if sys.byteorder != 'big':
            wide.byteswap()
        f.write(wide.tobytes())
PY
echo "ring vectors written to $here"
