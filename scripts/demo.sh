#!/usr/bin/env bash
# README command (a): install, build, and run the whole flow end to end against a
# local HTTPS server that publishes the project's generated fixture lists:
#   fetch -> status -> check a sample QWAC (--for qwac) with an evidence record
#   -> verify the record offline -> check-site on a local TLS server -> export.
# Prints a short story of what happened. Nothing leaves 127.0.0.1.
#
#   scripts/demo.sh                 # EUTL_BUILD_DIR=build by default
#   EUTL_DEMO_SKIP_SETUP=1 scripts/demo.sh   # packages already installed: skip step 1
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${EUTL_BUILD_DIR:-build}

# The fixture lists are issued 2025-01-01 with NextUpdate 2025-07-01, so every
# step evaluates them at one fixed time inside that window instead of "now".
AT=2025-03-01T00:00:00Z

bold=""; dim=""; reset=""
if [[ -t 1 && -z ${NO_COLOR:-} ]]; then bold=$'\033[1m'; dim=$'\033[2m'; reset=$'\033[0m'; fi
step() { printf '\n%s==> %s%s\n' "$bold" "$*" "$reset"; }
say() { printf '    %s\n' "$*"; }
run() { printf '%s$ %s%s\n' "$dim" "$*" "$reset"; "$@"; }

if [[ -z ${EUTL_DEMO_SKIP_SETUP:-} ]]; then
  step "1. Install the Debian packages eutl needs to build and run (scripts/install-deps.sh)"
  if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null; then sudo ./scripts/install-deps.sh; else ./scripts/install-deps.sh; fi
  say "dependencies present."
fi
step "2. Build eutl, the demo's HTTPS server and the fixture lists (scripts/build.sh --program)"
./scripts/build.sh --program >/dev/null
eutl=$root/$build/eutl
fx=$root/$build/fixtures
say "built $eutl ($("$eutl" --version))."
say "fixtures: a test PKI, a LOTL (seq 102) reached through a pivot (seq 101), and national lists AA, BB, CC,"
say "all XAdES-signed with openssl + xmlsec1; valid 2025-01-01..2025-07-01, so we evaluate at $AT."

work=$(mktemp -d "${TMPDIR:-/tmp}/eutl-demo.XXXXXX")
server_pid=""
site_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [[ -n $site_pid ]] && kill "$site_pid" 2>/dev/null && wait "$site_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step "3. Publish the lists on a local HTTPS server"
"$root/$build/eutl_fixture_server" "$fx/lists" --ca-out "$work/server-ca.pem" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 100); do [[ -s $work/server.out ]] && break; sleep 0.05; done
map=$(head -n1 "$work/server.out")
[[ -n $map ]] || { cat "$work/server.err" >&2; exit 1; }
say "$(cat "$work/server.err" | sed 's/^eutl-fixture-server: //')"
say "the lists point at https://127.0.0.1/<file>; --connect-to $map sends port 443 there (as curl does),"
say "and --cacert trusts the server's fresh self-signed certificate."

store=$work/store
step "4. eutl fetch: download the LOTL, follow the pivot, download every national list, verify, store"
set +e
run "$eutl" fetch --store "$store" --lotl-url https://127.0.0.1/lotl.xml --lotl-signers "$fx/pki/oj-anchors.pem" \
  --cacert "$work/server-ca.pem" --connect-to "$map" --at "$AT"
rc=$?
set -e
say "exit $rc: the LOTL is anchored in the Official Journal certificates (oj-anchors.pem) via pivot 101;"
say "each national list is accepted only if signed by a certificate the LOTL names for its territory."

step "5. eutl status: the health of the snapshot now in the store"
set +e
run "$eutl" status --store "$store" --at "$AT"
set -e

step "6. eutl check: is certs/qwac.pem a QWAC? (claim qwac, decided against the stored snapshot)"
set +e
run "$eutl" check "$fx/certs/qwac.pem" --for qwac --at "$AT" --snapshot current --store "$store" \
  --evidence "$work/evidence.json"
rc=$?
set -e
say "exit $rc (0 = claim confirmed). The decision rests on the listed CA/QC service with"
say "ForWebSiteAuthentication that issued the certificate; the trace above lists each ETSI rule applied."

step "7. The evidence record: re-verified offline from the stored bytes"
say "record: $(wc -c <"$work/evidence.json") bytes of JSON ($work/evidence.json while the demo runs)"
set +e
run "$eutl" evidence verify "$work/evidence.json" --store "$store"
set -e

step "8. eutl check-site: the same decision for a live TLS server presenting the QWAC chain"
openssl s_server -accept 127.0.0.1:0 -www -cert "$fx/certs/qwac.pem" -key "$fx/certs/qwac.key" \
  -cert_chain "$fx/pki/ca-qwac-BB.pem" </dev/null >"$work/site.out" 2>&1 &
site_pid=$!
for _ in $(seq 100); do grep -q ACCEPT "$work/site.out" 2>/dev/null && break; sleep 0.05; done
port=$(grep -o 'ACCEPT 127.0.0.1:[0-9]*' "$work/site.out" | cut -d: -f2)
set +e
run "$eutl" check-site "127.0.0.1:$port" --sni qwac.example.test --at "$AT" --store "$store"
rc=$?
set -e
say "exit $rc: the chain the server sent was judged against the same verified lists."

step "9. eutl export: the CA certificates granted for website authentication, for a TLS stack"
set +e
run "$eutl" export --pem --for wsa --at "$AT" --store "$store" -o "$work/qwac-cas.pem"
set -e
grep '^# [A-Z][A-Z] / ' "$work/qwac-cas.pem" | sed 's/^/    /'

step "Done"
say "fetched and verified the lists over HTTPS, stored them as an immutable snapshot, decided that"
say "certs/qwac.pem is a QWAC with a verifiable evidence record, checked a live TLS server, and exported"
say "the qualified website CAs. For the real EU lists: eutl fetch (with the Official Journal anchors"
say "bundled with eutl; eutl anchors lists them), then eutl check CERT."
