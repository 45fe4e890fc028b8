#!/usr/bin/env bash
# Installs every build and test dependency of eutl from Debian 12 packages.
# Run as root on a fresh machine; safe to run again (apt skips what is there).
set -euo pipefail
packages=(
  build-essential cmake pkg-config git ca-certificates
  libxml2-dev libxml2-utils
  libxmlsec1-dev libxmlsec1-openssl xmlsec1
  libssl-dev openssl
  libcurl4-openssl-dev
  nlohmann-json3-dev libcli11-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev time
  clang libclang-rt-14-dev llvm
  chromium poppler-utils
)
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
