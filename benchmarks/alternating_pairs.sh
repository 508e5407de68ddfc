#!/usr/bin/env bash
# Mention-linking CPU rate of two source trees, run alternately (a pair at a time) so that the shared machine's
# drift falls on both alike; prints each run, then each tree's range and median and how often the second was faster.
#
#   benchmarks/alternating_pairs.sh BASE_TREE NEW_TREE [PAIRS=12] [LANG=de]
#
# Each tree is a directory holding src/ (a checkout or `git archive REV | tar -x -C DIR`); both run with this
# repository's .venv and benchmarks/mentions_instructions.py (150,000 unseen characters, CPU time), with
# PYTHONHASHSEED=0 and the knowledge-base cache of COMMUNIQUE_CACHE (as the environment gives it).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
base="$(cd "$1" && pwd)"; new="$(cd "$2" && pwd)"; pairs="${3:-12}"; lang="${4:-de}"
out="$(mktemp)"
for i in $(seq 1 "$pairs"); do
  for tree in "$base" "$new"; do
    rate=$(cd "$tree" && PYTHONPATH="$tree/src" PYTHONHASHSEED=0 "$here/.venv/bin/python" \
      "$here/benchmarks/mentions_instructions.py" --lang "$lang" | grep -o '[0-9,]* chars/s' | tr -d ', chars/')
    echo "$i $tree $rate" | tee -a "$out"
  done
done
"$here/.venv/bin/python" - "$out" "$base" "$new" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
a = [int(r[2]) for r in rows if r[1] == sys.argv[2]]
b = [int(r[2]) for r in rows if r[1] == sys.argv[3]]
for name, xs in ((sys.argv[2], a), (sys.argv[3], b)):
    print(f"{name}: {min(xs):,}-{max(xs):,} chars/s, median {statistics.median(xs):,.0f}")
print(f"second faster in {sum(y > x for x, y in zip(a, b))} of {len(a)} pairs; "
      f"median ratio {statistics.median(y / x for x, y in zip(a, b)):.3f}")
PY
rm -f "$out"
