#!/usr/bin/env bash
# Benchmarks of issues 2, 7 and 18, all figures from the same run, written to bench/RESULTS.md.
#
# Usage: bench/run.sh [BUILD_DIR] [REPS]   (defaults: build-bench, 5)
#   BUILD_DIR must hold eutl and eutl_bench built in Release
#   (cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release && cmake --build build-bench).
# Needs: xmllint, xmlsec1, /usr/bin/time (Debian packages libxml2-utils, xmlsec1, time).
#
# Data: the real 2023 set in ../shared/realdata: LOTL 332 + pivots 282 and 300 + the 30
# national lists of tl/2023 (33 files). Every figure is the minimum over REPS runs (the
# machine is shared and loaded: noise only ever adds time), wall and CPU (user + sys of
# the process and its children), in milliseconds unless said otherwise.
#
# Issue 18 rows (medians with min and max over REPS rounds; in each round the two
# commands compared run back to back, alternating which goes first, and the ratio is
# taken per round, so both sides see the same load):
#   verify vs xmllint   one `eutl verify --lotl-signers OJ --at T` process over the 33
#                       files vs one `xmllint --noout --nonet` process over the same files
#   check vs openssl    one warm `eutl check CERT --store DIR` process vs one
#                       `openssl x509 -noout -subject -in CERT` process
#   version             `eutl --version` vs `xmllint --version` (start-up alone)
#   304 fetch           one `eutl fetch` process where the LOTL and every list answer 304,
#                       real 2026 set served on loopback (`eutl_bench --fetch-304-real`),
#                       trusting the test CA alone, and again with the system store
#                       (`… system`: /etc/ssl/certs and the test CA as one hashed directory,
#                       which `eutl fetch --cacert` takes since 2026-12-06: no before row);
#                       paired in each round with its yardstick `eutl_fetch_floor`, a plain
#                       libcurl client sending the same conditional GETs to the same servers
#                       (bench/floor/fetch_floor.cpp): what libcurl and OpenSSL cost before
#                       any work of ours;
#                       each `eutl fetch` resumes the TLS sessions the one before kept
#                       (include/eutl/net/tls_sessions.h), as a refresh within the servers'
#                       ticket lifetimes does; the test-CA row is measured again with
#                       --no-tls-resumption (full handshakes, as once the tickets expired);
#                       and once more in a store that also holds a snapshot for every hour
#                       of the year before (`… history`: 8,760 more), as a store refreshed
#                       hourly for a year does: its ratio to the floor should be the
#                       fresh store's;
#                       with EUTL_BEFORE=/path/to/an/older/eutl, that binary is measured the
#                       same way in the same run, for before/after rows
#   RSS / XML           peak RSS of the cold `eutl verify` over the XML bytes
#
# Issue 7 rows:
#   xmllint loop   one `xmllint --noout F` process per file (parse floor)
#   xmllint one    one `xmllint --noout F1 … F33` process
#   xmlsec1 loop   the realdata/MANIFEST.md command, once per file, with signers/<F>.signer.pem
#   eutl cold      one `eutl check CERT --lists F… --lotl-signers OJ` process: parse + every
#                  signature + pivot/LOTL anchoring + index + one decision (threads: one per core)
#   eutl warm load TrustedLists::load(store) in process (`eutl_bench --load-store`): current
#                  snapshot + model cache + freshness + index + engine
#   eutl warm check one `eutl check CERT --store DIR` process end to end (model cache present)
#   check p50/p99  in process, over every certificate of realdata/certs (`eutl_bench --check-latency`)
#   peak RSS       /usr/bin/time -v "Maximum resident set size" (loops: the largest process)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build-bench}
[[ "$BUILD" = /* ]] || BUILD="$ROOT/$BUILD"
REPS=${2:-5}
REAL=$(cd "$ROOT/../shared/realdata" && pwd)
BENCH="$BUILD/eutl_bench"
EUTL="$BUILD/eutl"
AT=2023-10-28T00:00:00Z
CERT="$REAL/certs/qualified/AT-Neelie-Kroes-c5f8b3af.pem"
OJ="$REAL/oj/oj-C276-2019-lotl-signers.pem"

for tool in "$BENCH" "$EUTL"; do
  [[ -x "$tool" ]] || { echo "run.sh: $tool not built (cmake --build $BUILD)" >&2; exit 2; }
done
for tool in xmllint xmlsec1 openssl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not installed" >&2; exit 2; }
done

cd "$REAL"
FILES=(lotl/eu-lotl-seq332-2023-09-27.xml lotl/pivots/eu-lotl-pivot-282.xml lotl/pivots/eu-lotl-pivot-300.xml
       tl/2023/*.xml)
if [[ ${#FILES[@]} -ne 33 ]]; then
  echo "run.sh: expected 33 files in the 2023 set, found ${#FILES[@]}" >&2
  exit 2
fi
BYTES=$(cat "${FILES[@]}" | wc -c)
PARSE_FILES=(lotl/eu-lotl-seq332-2023-09-27.xml tl/2023/*.xml)  # issue 2 set (31 files)
PARSE_BYTES=$(cat "${PARSE_FILES[@]}" | wc -c)

# shellcheck source=bench/timing.sh
source "$ROOT/bench/timing.sh"
# Peak RSS in MiB of one command (the largest when called on several).
RSS_FILE=$(mktemp /tmp/eutl-bench-rss.XXXXXX)
rss_mib() {
  /usr/bin/time -o "$RSS_FILE" -f '%M' "$@" >/dev/null 2>&1 || true
  awk '{ k = $1 } END { printf "%.1f", k / 1024 }' "$RSS_FILE"
}
# Peak RSS in KiB of one command.
rss_kib() {
  /usr/bin/time -o "$RSS_FILE" -f '%M' "$@" >/dev/null 2>&1 || true
  tail -1 "$RSS_FILE"
}
max_of() { printf '%s\n' "$@" | sort -g | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() {
  if [[ "$1" == "-" ]]; then echo "not measured"; return; fi
  awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "met" : "NOT met" }'
}

signer_of() { echo "signers/$(basename "${1%.xml}").signer.pem"; }
xmlsec_one() {
  xmlsec1 --verify --enabled-reference-uris same-doc,empty \
    --id-attr:Id http://uri.etsi.org/01903/v1.3.2#:SignedProperties \
    --id-attr:Id http://uri.etsi.org/02231/v2#:TrustServiceStatusList \
    --pubkey-cert-pem "$(signer_of "$1")" "$1"
}
xmllint_loop() { for f in "${FILES[@]}"; do xmllint --noout "$f"; done; }
xmllint_all() { xmllint --noout "${FILES[@]}"; }
xmlsec_loop() { for f in "${FILES[@]}"; do xmlsec_one "$f"; done; }
eutl_cold() { "$EUTL" check "$CERT" --lists "${FILES[@]}" --lotl-signers "$OJ" --at "$AT" || [[ $? -eq 1 ]]; }
eutl_warm() { "$EUTL" check "$CERT" --store "$STORE" --at "$AT" || [[ $? -eq 1 ]]; }
xmllint_nonet() { xmllint --noout --nonet "${FILES[@]}"; }
eutl_verify() { "$EUTL" verify --lotl-signers "$OJ" --at "$AT" "${FILES[@]}" || [[ $? -eq 1 ]]; }
openssl_subject() { openssl x509 -noout -subject -in "$CERT"; }
eutl_version() { "$EUTL" --version; }
xmllint_version() { xmllint --version; }

# Sanity: every baseline and our pipeline succeed on the set.
xmllint_all >/dev/null 2>&1 || { echo "run.sh: xmllint fails on the 2023 set" >&2; exit 1; }
for f in "${FILES[@]}"; do
  xmlsec_one "$f" >/dev/null 2>&1 || { echo "run.sh: xmlsec1 does not verify $f" >&2; exit 1; }
done
# The certificate expired in 2019: at $AT the answer is "not qualified" (exit 1), reached
# through its granted service; anything else (2 and up) means the check could not run.
decided() { local rc=0; "$@" >/dev/null || rc=$?; [[ $rc -le 1 ]]; }
decided eutl_cold || { echo "run.sh: eutl check --lists could not decide on $CERT" >&2; exit 1; }

STORE=$(mktemp -d /tmp/eutl-bench-store.XXXXXX)
trap 'rm -rf "$STORE" "$RSS_FILE"' EXIT
# Exit 1 only says some list is not valid (FR 112 expired on 2023-08-23): expected.
import_rc=0
"$EUTL" import --store "$STORE" --lotl-signers "$OJ" --at "$AT" "${FILES[@]}" >/dev/null || import_rc=$?
[[ $import_rc -le 1 ]] || { echo "run.sh: eutl import failed ($import_rc)" >&2; exit 1; }
decided eutl_warm || { echo "run.sh: eutl check --store could not decide on $CERT" >&2; exit 1; }
ls "$STORE"/models/*.bin >/dev/null 2>&1 || { echo "run.sh: no model cache was written" >&2; exit 1; }
MODEL_BYTES=$(cat "$STORE"/models/*.bin | wc -c)

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
UPTIME_BEFORE=$(uptime)
# Issue 18: paired yardsticks (see the header).
{ read -r V_WALL V_WMIN V_WMAX V_CPU V_CMIN V_CMAX; read -r XN_WALL XN_WMIN XN_WMAX XN_CPU XN_CMIN XN_CMAX
  read -r VR_WALL VR_WMIN VR_WMAX VR_CPU VR_CMIN VR_CMAX; } < <(paired_time eutl_verify xmllint_nonet)
{ read -r K_WALL K_WMIN K_WMAX K_CPU K_CMIN K_CMAX; read -r O_WALL O_WMIN O_WMAX O_CPU O_CMIN O_CMAX
  read -r KR_WALL KR_WMIN KR_WMAX KR_CPU KR_CMIN KR_CMAX; } < <(paired_time eutl_warm openssl_subject)
{ read -r E_WALL E_WMIN E_WMAX E_CPU E_CMIN E_CMAX; read -r XV_WALL XV_WMIN XV_WMAX XV_CPU XV_CMIN XV_CMAX
  read -r ER_WALL ER_WMIN ER_WMAX ER_CPU ER_CMIN ER_CMAX; } < <(paired_time eutl_version xmllint_version)
# Twice the rounds of the other rows: a fetch is short and this VM's noise is not.
FREPS=$((REPS * 2))
read -r F_CPU F_CMIN F_CMAX F_WALL F_WMIN F_WMAX FL_CPU FL_CMIN FL_CMAX FR_CPU FR_CMIN FR_CMAX < <(
  "$BENCH" --fetch-304-real "$EUTL" "$FREPS" 2>/dev/null || echo "- - - - - - - - - - - -")
read -r FS_CPU FS_CMIN FS_CMAX FS_WALL FS_WMIN FS_WMAX FSL_CPU FSL_CMIN FSL_CMAX FSR_CPU FSR_CMIN FSR_CMAX < <(
  "$BENCH" --fetch-304-real "$EUTL" "$FREPS" system 2>/dev/null || echo "- - - - - - - - - - - -")
# The test-CA row once more with every handshake a full one (`--no-tls-resumption`): what
# a fetch costs once the servers' session tickets have expired.
read -r FN_CPU FN_CMIN FN_CMAX FN_WALL FN_WMIN FN_WMAX FNL_CPU FNL_CMIN FNL_CMAX FNR_CPU FNR_CMIN FNR_CMAX < <(
  "$BENCH" --fetch-304-real "$EUTL" "$FREPS" no-tls-resumption 2>/dev/null || echo "- - - - - - - - - - - -")
# The test-CA row in a store holding a year of hourly snapshots besides.
read -r FH_CPU FH_CMIN FH_CMAX FH_WALL FH_WMIN FH_WMAX FHL_CPU FHL_CMIN FHL_CMAX FHR_CPU FHR_CMIN FHR_CMAX < <(
  "$BENCH" --fetch-304-real "$EUTL" "$FREPS" history 2>/dev/null || echo "- - - - - - - - - - - -")
FB_ROW=""
FHB_ROW=""
if [[ -n ${EUTL_BEFORE:-} ]]; then
  read -r FB_CPU FB_CMIN FB_CMAX FB_WALL FB_WMIN FB_WMAX FBL_CPU FBL_CMIN FBL_CMAX FBR_CPU FBR_CMIN FBR_CMAX < <(
    "$BENCH" --fetch-304-real "$EUTL_BEFORE" "$FREPS" 2>/dev/null || echo "- - - - - - - - - - - -")
  FB_ROW="| the same with \`$EUTL_BEFORE\` (before), CPU ms [min–max] (wall $FB_WALL ms; libcurl floor beside it $FBL_CPU ms, ratio $FBR_CPU) | $FB_CPU [$FB_CMIN–$FB_CMAX] | < 50 | $(verdict "$FB_CPU" 50) |"
  read -r FHB_CPU FHB_CMIN FHB_CMAX FHB_WALL FHB_WMIN FHB_WMAX FHBL_CPU FHBL_CMIN FHBL_CMAX FHBR_CPU FHBR_CMIN FHBR_CMAX < <(
    "$BENCH" --fetch-304-real "$EUTL_BEFORE" "$FREPS" history 2>/dev/null || echo "- - - - - - - - - - - -")
  FHB_ROW="| the year-old store with \`$EUTL_BEFORE\` (before), CPU ms [min–max] (floor beside it $FHBL_CPU ms) / its ratio to the floor | $FHB_CPU [$FHB_CMIN–$FHB_CMAX] / $FHBR_CPU | | |"
fi
rss_list=()
for ((i = 0; i < 3; i++)); do rss_list+=("$(rss_kib "$EUTL" verify --lotl-signers "$OJ" --at "$AT" "${FILES[@]}")"); done
V_RSS_KIB=$(printf '%s\n' "${rss_list[@]}" | sort -g | sed -n 2p)
rss_list=()
for ((i = 0; i < 3; i++)); do rss_list+=("$(rss_kib xmllint --noout --nonet "${FILES[@]}")"); done
XN_RSS_KIB=$(printf '%s\n' "${rss_list[@]}" | sort -g | sed -n 2p)
RSS_RATIO=$(awk -v k="$V_RSS_KIB" -v b="$BYTES" 'BEGIN { printf "%.2f", k * 1024 / b }')
read -r XLL_WALL XLL_CPU < <(min_time xmllint_loop)
read -r XLA_WALL XLA_CPU < <(min_time xmllint_all)
read -r XS_WALL XS_CPU < <(min_time xmlsec_loop)
read -r COLD_WALL COLD_CPU < <(min_time eutl_cold)
read -r WARM_WALL WARM_CPU < <(min_time eutl_warm)
read -r LOAD_WALL LOAD_CPU LOAD_LISTS LOAD_VALID LOAD_SERVICES < <("$BENCH" --load-store "$STORE" $((REPS * 2)))
read -r FIRST_P50 FIRST_P99 REP_P50 REP_P99 NCERTS NSAMPLES < <("$BENCH" --check-latency "$STORE" 200)
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)

rss_list=()
for f in "${FILES[@]}"; do rss_list+=("$(rss_mib xmllint --noout "$f")"); done
XLL_RSS=$(max_of "${rss_list[@]}")
XLA_RSS=$(rss_mib xmllint --noout "${FILES[@]}")
rss_list=()
for f in "${FILES[@]}"; do
  rss_list+=("$(rss_mib xmlsec1 --verify --enabled-reference-uris same-doc,empty \
    --id-attr:Id http://uri.etsi.org/01903/v1.3.2#:SignedProperties \
    --id-attr:Id http://uri.etsi.org/02231/v2#:TrustServiceStatusList --pubkey-cert-pem "$(signer_of "$f")" "$f")")
done
XS_RSS=$(max_of "${rss_list[@]}")
COLD_RSS=$(rss_mib "$EUTL" check "$CERT" --lists "${FILES[@]}" --lotl-signers "$OJ" --at "$AT")
WARM_RSS=$(rss_mib "$EUTL" check "$CERT" --store "$STORE" --at "$AT")
XML_MIB=$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1048576 }')
RSS_LIMIT=$(awk -v b="$XML_MIB" 'BEGIN { printf "%.1f", 4 * b }')

# Issue 2 figures (parser alone), as before.
read -r P_OURS_WALL P_OURS_CPU < <("$BENCH" --benchmark_filter='^BM_ReadParseModel2023' \
  --benchmark_min_time=0.05 --benchmark_repetitions=$((REPS * 3)) --benchmark_format=csv 2>/dev/null |
  awk -F, '/^"BM_ReadParseModel2023/ && $1 !~ /_(mean|median|stddev|cv)"$/ {
      if (w == "" || $3 < w) w = $3; if (c == "" || $4 < c) c = $4 }
    END { printf "%.1f %.1f\n", w, c }')
p_xmllint_all() { xmllint --noout "${PARSE_FILES[@]}"; }
p_ours_once() { "$BENCH" --once; }
read -r P_XL_WALL P_XL_CPU < <(min_time p_xmllint_all)
read -r P_ONCE_WALL P_ONCE_CPU < <(min_time p_ours_once)

OUT="$ROOT/bench/RESULTS.md"
{
  echo "# Benchmarks: the real 2023 set"
  echo
  echo "Generated by \`bench/run.sh $(basename "$BUILD") $REPS\` on $(date -u +%Y-%m-%dT%H:%M:%SZ)."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), shared and loaded:" \
       "load average $LOAD_BEFORE before / $LOAD_AFTER after. $(xmllint --version 2>&1 | head -1 | sed 's/^xmllint: //');" \
       "$(xmlsec1 --version | head -1); eutl build type $(grep -m1 CMAKE_BUILD_TYPE: "$BUILD/CMakeCache.txt" | cut -d= -f2)."
  echo "Data: LOTL 332 + pivots 282, 300 + 30 national lists = ${#FILES[@]} files, $((BYTES / 1024)) KiB of XML" \
       "($LOAD_LISTS lists, $LOAD_VALID valid at $AT, $LOAD_SERVICES services indexed; model cache $((MODEL_BYTES / 1024)) KiB)."
  echo "Every time is the minimum of $REPS runs (noise on a loaded machine only adds time), in ms;" \
       "CPU = user + sys of the process and its children. Ratios are ours / baseline, from this run."
  echo
  echo "## Issue 18: verify at the parse floor, a check cheaper than \`openssl x509\`"
  echo
  echo "Medians of $REPS rounds, [min–max] in brackets. In each round the two commands of a row run back"
  echo "to back (alternating which goes first) and the ratio is taken per round. Load before: \`$UPTIME_BEFORE\`."
  echo
  echo "| ours | wall ms | CPU ms | baseline | wall ms | CPU ms | wall ratio | CPU ratio |"
  echo "|---|---:|---:|---|---:|---:|---:|---:|"
  echo "| \`eutl verify\` (33 files, OJ anchors, --at $AT) | $V_WALL [$V_WMIN–$V_WMAX] | $V_CPU [$V_CMIN–$V_CMAX] |" \
       "one \`xmllint --noout --nonet\` over the same 33 files | $XN_WALL [$XN_WMIN–$XN_WMAX] | $XN_CPU [$XN_CMIN–$XN_CMAX] |" \
       "$VR_WALL [$VR_WMIN–$VR_WMAX] | $VR_CPU [$VR_CMIN–$VR_CMAX] |"
  echo "| warm \`eutl check CERT --store DIR\` | $K_WALL [$K_WMIN–$K_WMAX] | $K_CPU [$K_CMIN–$K_CMAX] |" \
       "\`openssl x509 -noout -subject -in CERT\` | $O_WALL [$O_WMIN–$O_WMAX] | $O_CPU [$O_CMIN–$O_CMAX] |" \
       "$KR_WALL [$KR_WMIN–$KR_WMAX] | $KR_CPU [$KR_CMIN–$KR_CMAX] |"
  echo "| \`eutl --version\` | $E_WALL [$E_WMIN–$E_WMAX] | $E_CPU [$E_CMIN–$E_CMAX] |" \
       "\`xmllint --version\` | $XV_WALL [$XV_WMIN–$XV_WMAX] | $XV_CPU [$XV_CMIN–$XV_CMAX] |" \
       "$ER_WALL [$ER_WMIN–$ER_WMAX] | $ER_CPU [$ER_CMIN–$ER_CMAX] |"
  echo
  echo "| target (issue 18) | value | target | |"
  echo "|---|---:|---:|---|"
  echo "| verify / xmllint, wall (median of per-round ratios) | $VR_WALL | ≤ 1.2 | $(verdict "$VR_WALL" 1.2) |"
  echo "| verify / xmllint, CPU | $VR_CPU | ≤ 2.0 | $(verdict "$VR_CPU" 2.0) |"
  echo "| warm check / openssl x509, wall | $KR_WALL | ≤ 0.5 | $(verdict "$KR_WALL" 0.5) |"
  echo "| all-304 \`eutl fetch\`, real 2026 set, CPU ms [min–max] (wall $F_WALL ms) | $F_CPU [$F_CMIN–$F_CMAX] | < 50 |" \
       "$(verdict "$F_CPU" 50) |"
  echo "| its yardstick: \`eutl_fetch_floor\`, the same conditional GETs with libcurl alone, CPU ms [min–max] | $FL_CPU [$FL_CMIN–$FL_CMAX] | (< 50) | $(verdict "$FL_CPU" 50) |"
  echo "| all-304 fetch / libcurl floor, CPU (median of per-round ratios) [min–max] | $FR_CPU [$FR_CMIN–$FR_CMAX] | | |"
  echo "| the same fetch with \`--no-tls-resumption\` (every handshake a full one, as once the servers' tickets expired), CPU ms [min–max] (floor beside it $FNL_CPU ms) | $FN_CPU [$FN_CMIN–$FN_CMAX] | (< 50) | $(verdict "$FN_CPU" 50) |"
  echo "| that fetch / libcurl floor, CPU [min–max] | $FNR_CPU [$FNR_CMIN–$FNR_CMAX] | | |"
  echo "| the same, trusting the system store (/etc/ssl/certs as a hashed directory, with the test CA), CPU ms [min–max] (wall $FS_WALL ms) | $FS_CPU [$FS_CMIN–$FS_CMAX] | < 50 |" \
       "$(verdict "$FS_CPU" 50) |"
  echo "| its yardstick, the libcurl floor with the same directory, CPU ms [min–max] | $FSL_CPU [$FSL_CMIN–$FSL_CMAX] | (< 50) | $(verdict "$FSL_CPU" 50) |"
  echo "| system-store fetch / libcurl floor, CPU [min–max] | $FSR_CPU [$FSR_CMIN–$FSR_CMAX] | | |"
  echo "| the same fetch in a store holding a year of hourly snapshots besides (8,760 more), CPU ms [min–max] (floor beside it $FHL_CPU ms) | $FH_CPU [$FH_CMIN–$FH_CMAX] | | |"
  echo "| that fetch / libcurl floor, CPU [min–max] (the fresh store's: $FR_CPU) | $FHR_CPU [$FHR_CMIN–$FHR_CMAX] | | |"
  [[ -z $FB_ROW ]] || echo "$FB_ROW"
  [[ -z $FHB_ROW ]] || echo "$FHB_ROW"
  echo "| cold \`eutl verify\` peak RSS / XML bytes ($((V_RSS_KIB / 1024)) MiB / $((BYTES / 1048576)) MiB; xmllint: $((XN_RSS_KIB / 1024)) MiB) | $RSS_RATIO | ≤ 3 | $(verdict "$RSS_RATIO" 3) |"
  echo
  echo "## Issue 7: verification, indexing and checking against the baselines"
  echo
  echo "| measurement | wall ms | CPU ms | peak RSS MiB |"
  echo "|---|---:|---:|---:|"
  echo "| xmllint --noout, one process per file (parse floor) | $XLL_WALL | $XLL_CPU | $XLL_RSS |"
  echo "| xmllint --noout, one process for all files | $XLA_WALL | $XLA_CPU | $XLA_RSS |"
  echo "| xmlsec1 --verify, one process per file (signature baseline) | $XS_WALL | $XS_CPU | $XS_RSS |"
  echo "| **eutl cold**: one \`eutl check --lists … --lotl-signers\` process (parse + verify + anchor + index + check) | $COLD_WALL | $COLD_CPU | $COLD_RSS |"
  echo "| eutl warm load, in process: TrustedLists::load(store) from the model cache | $LOAD_WALL | $LOAD_CPU | - |"
  echo "| **eutl warm check**: one \`eutl check CERT --store DIR\` process end to end | $WARM_WALL | $WARM_CPU | $WARM_RSS |"
  echo
  echo "| in-process check over $NCERTS real certificates | p50 µs | p99 µs |"
  echo "|---|---:|---:|"
  echo "| first check (fresh engine: issuer key decoded, signature verified) | $FIRST_P50 | $FIRST_P99 |"
  echo "| repeat check (engine warm: issuer keys decoded, signature results memoised per certificate and anchor; $NSAMPLES samples) | $REP_P50 | $REP_P99 |"
  echo
  echo "| target (issue 7) | value | target | |"
  echo "|---|---:|---:|---|"
  echo "| cold wall / xmlsec1 loop wall | $(ratio "$COLD_WALL" "$XS_WALL") | ≤ 0.25 | $(verdict "$(ratio "$COLD_WALL" "$XS_WALL")" 0.25) |"
  echo "| cold CPU / xmlsec1 loop CPU | $(ratio "$COLD_CPU" "$XS_CPU") | ≤ 0.25 | $(verdict "$(ratio "$COLD_CPU" "$XS_CPU")" 0.25) |"
  echo "| cold wall / xmllint loop wall | $(ratio "$COLD_WALL" "$XLL_WALL") | ≤ 3 | $(verdict "$(ratio "$COLD_WALL" "$XLL_WALL")" 3) |"
  echo "| cold CPU / xmllint loop CPU | $(ratio "$COLD_CPU" "$XLL_CPU") | ≤ 3 | $(verdict "$(ratio "$COLD_CPU" "$XLL_CPU")" 3) |"
  echo "| warm \`eutl check\` process, wall ms | $WARM_WALL | ≤ 30 | $(verdict "$WARM_WALL" 30) |"
  echo "| in-process check p50 µs (first / repeat) | $FIRST_P50 / $REP_P50 | ≤ 20 | $(verdict "$FIRST_P50" 20) / $(verdict "$REP_P50" 20) |"
  echo "| cold peak RSS MiB vs 4 × XML ($XML_MIB MiB) | $COLD_RSS | ≤ $RSS_LIMIT | $(verdict "$COLD_RSS" "$RSS_LIMIT") |"
  echo
  echo "## Issue 2: the parser alone (31 files: LOTL 332 + tl/2023, $((PARSE_BYTES / 1024)) KiB)"
  echo
  echo "| measurement | ours wall | xmllint wall | ratio (wall) | ours CPU | xmllint CPU | ratio (CPU) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "| A. in process, one pass: read + XmlDocument::parse + read_trusted_list vs one \`xmllint --noout\` process |" \
       "$P_OURS_WALL | $P_XL_WALL | $(ratio "$P_OURS_WALL" "$P_XL_WALL") | $P_OURS_CPU | $P_XL_CPU | $(ratio "$P_OURS_CPU" "$P_XL_CPU") |"
  echo "| A'. the same as one fresh process: \`eutl_bench --once\` vs one \`xmllint --noout\` process |" \
       "$P_ONCE_WALL | $P_XL_WALL | $(ratio "$P_ONCE_WALL" "$P_XL_WALL") | $P_ONCE_CPU | $P_XL_CPU | $(ratio "$P_ONCE_CPU" "$P_XL_CPU") |"
  echo
  echo "Notes. The cold pipeline verifies the 33 lists on all cores (verify_list_set threads = cores);"
  echo "compare CPU columns for work done, wall for latency. A long in-process run is time-sliced with"
  echo "other load while a short process is not, which inflates in-process wall times. The warm check"
  echo "reads \`<store>/models/<snapshot>.bin\` (no XML parse, no signature verification; freshness"
  echo "re-decided from NextUpdate at the requested time); a missing or corrupt file falls back to"
  echo "verifying the blobs and rewrites it."
} >"$OUT"
cat "$OUT"
