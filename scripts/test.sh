#!/usr/bin/env bash
# Installs dependencies, builds, and runs the whole test suite (README command b).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
ctest --test-dir "${EUTL_BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"
