#!/usr/bin/env bash
# Configures and builds eutl (tests and benchmarks included) into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${EUTL_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=${EUTL_BUILD_TYPE:-RelWithDebInfo} "$@" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
