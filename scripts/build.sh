#!/usr/bin/env bash
# Configures and builds eutl into build/ (EUTL_BUILD_DIR).
#   scripts/build.sh             everything: the program, the tests, the benchmarks, the fixtures
#   scripts/build.sh --program   only what the demo runs: eutl, the demo's fixture server and
#                                the generated fixture lists (no test suite, no benchmarks)
# Further arguments go to cmake's configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${EUTL_BUILD_DIR:-build}
targets=()
if [[ ${1:-} == --program ]]; then
  shift
  set -- -DEUTL_BUILD_TESTS=OFF -DEUTL_BUILD_BENCH=OFF "$@"
  targets=(--target eutl eutl_fixture_server eutl_fixtures)
else
  set -- -DEUTL_BUILD_TESTS=ON -DEUTL_BUILD_BENCH=ON "$@"
fi
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=${EUTL_BUILD_TYPE:-RelWithDebInfo} "$@" >/dev/null
cmake --build "$build_dir" -j"$(nproc)" "${targets[@]}"
