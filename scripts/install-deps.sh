#!/usr/bin/env bash
# Installs eutl's dependencies from Debian 12 packages.
#   scripts/install-deps.sh          what building and running the program needs (README command a)
#   scripts/install-deps.sh --test   that plus what the test suite, sanitizers, fuzzing and
#                                    benchmarks need: GoogleTest, Google Benchmark, clang/LLVM
#                                    (clang-query for scripts/check-test-helpers.py),
#                                    Chromium and poppler-utils for the HTML report test,
#                                    python3-jsonschema for the JSON schema test (command b)
# Run as root on a fresh machine; safe to run again (apt skips what is there).
set -euo pipefail
packages=(
  build-essential cmake pkg-config ca-certificates
  libxml2-dev libxml2-utils
  libxmlsec1-dev libxmlsec1-openssl xmlsec1
  libssl-dev openssl
  libcurl4-openssl-dev libboost-dev
  nlohmann-json3-dev libcli11-dev libxxhash-dev
)
test_packages=(
  git libgtest-dev libgmock-dev googletest libbenchmark-dev time
  clang clang-tools libclang-rt-14-dev llvm
  chromium chromium-driver poppler-utils wrk
  python3 python3-jsonschema python3-selenium
)
case ${1:-} in
  --test) packages+=("${test_packages[@]}") ;;
  "") ;;
  *) echo "usage: $0 [--test]" >&2; exit 2 ;;
esac
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "eutl: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
