#!/usr/bin/env bash
# Installs dependencies, builds, and runs the whole test suite (README command b):
#   1. the normal build and its ctest suite;
#   2. the same suite under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/);
#   3. a short libFuzzer run of every fuzz target (build-fuzz/, EUTL_FUZZ_SECONDS each,
#      default 30: a smoke run that keeps CI inside its time; longer runs by hand).
# EUTL_QUICK=1 stops after step 1 (for the edit-build-test loop; CI never sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh --test
./scripts/build.sh
ctest --test-dir "${EUTL_BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"
if [[ ${EUTL_QUICK:-0} == 1 ]]; then
  exit 0
fi
echo "== sanitizers: the whole suite under ASan + UBSan"
./scripts/sanitize.sh
echo "== fuzzing: ${EUTL_FUZZ_SECONDS:-30} s per target"
./scripts/fuzz.sh "${EUTL_FUZZ_SECONDS:-30}"
