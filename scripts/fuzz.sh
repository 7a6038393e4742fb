#!/usr/bin/env bash
# Fuzzes the vendor decoders for a long run, for nightly use: the suite `swift test` runs with
# 4,000 cases, here with a million by default, on a release build.
#
#   scripts/fuzz.sh [CASES] [SEED]
#
# SEED is the first case's seed (random when not given, and printed). A failing case prints the
# LEADLINE_FUZZ_SEED and LEADLINE_FUZZ_CASES that run it again, with `swift test --filter
# DecoderFuzzTests`. Exits non-zero if any case fails.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1000000}
seed=${2:-$(( (RANDOM << 30) | (RANDOM << 15) | RANDOM ))}
echo "fuzzing the decoders: $cases cases from seed $seed"
# @testable import needs testing enabled, which release builds leave off.
set +e
LEADLINE_FUZZ_CASES=$cases LEADLINE_FUZZ_SEED=$seed \
    swift test -c release -Xswiftc -enable-testing --filter DecoderFuzzTests 2>&1 \
    | grep --line-buffered -E '^fuzz |✘|passed after|failed after|↳|error:'
exit "${PIPESTATUS[0]}"
