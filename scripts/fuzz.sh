#!/usr/bin/env bash
# Long property-based fuzzing runs of the whole pipeline (random readout-like texts, random
# Unicode, mutated readouts), on a release build. Each text is checked for: no crash or hang,
# spans inside the text on scalar boundaries, covered text equal to its slice, a flat layer
# without overlaps, stance holders that exist, and a brat file that `check` accepts.
#
# Usage: scripts/fuzz.sh [ITERATIONS] [SEED]     (default 200000 iterations, seed 1)
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-200000}
seed=${2:-1}
echo "fuzz: $iterations random texts (and a quarter as many random-Unicode and mutated ones), seed $seed"
READOUT_FUZZ_ITERATIONS=$iterations READOUT_FUZZ_SEED=$seed \
    swift test -c release --filter RandomTextTests 2>&1 | grep -E "✔|✘|error|Fatal|passed|failed"
