#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang + ASan + UBSan) in build-fuzz/ and runs
# each one for SECONDS (default 60). Seeds come from the generated fixtures and, read
# in place at run time, from ../shared/realdata; new inputs accumulate in
# build-fuzz/corpus/<target>. Any crash, leak, timeout or broken invariant fails the
# script and leaves the input in build-fuzz/artifacts/<target>/.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#   EUTL_FUZZ_JOBS=2 scripts/fuzz.sh 60            # build parallelism
#   EUTL_FUZZ_PARALLEL=1 scripts/fuzz.sh 60        # targets run at once (default: cores)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
shift || true
all_targets=(fuzz_list_parser fuzz_signature fuzz_c14n fuzz_certificate fuzz_qc_statements fuzz_helpers)
targets=("$@")
((${#targets[@]})) || targets=("${all_targets[@]}")
build_dir=${EUTL_FUZZ_BUILD_DIR:-build-fuzz}
realdata=${EUTL_REALDATA_DIR:-$root/../shared/realdata}

CC=${CC:-clang} CXX=${CXX:-clang++} cmake -S fuzz -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build_dir" -j"${EUTL_FUZZ_JOBS:-$(nproc)}" --target "${targets[@]}" eutl_fixtures >/dev/null
fixtures=$build_dir/fixtures

# ---- seed corpora (rebuilt on every run; nothing is copied into the repository) ----
seeds=$build_dir/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{lists,certs,qc,helpers}
cp "$fixtures"/lists/*.xml "$fixtures"/bad/*.xml "$fixtures"/pss/*.xml "$seeds/lists/"
bash fuzz/hostile_seeds.sh "$seeds"  # hostile-path bytes and markup-limit floods
if [[ -d $realdata ]]; then
  # Real lists up to 128 KB (larger ones only slow each execution down).
  find "$realdata/tl" "$realdata/lotl" "$realdata/broken" -name '*.xml' -size -128k \
    -exec cp {} "$seeds/lists/" \; 2>/dev/null || true
fi
pems=("$fixtures"/pki/*.pem "$fixtures"/certs/*.pem)
if [[ -d $realdata/certs ]]; then
  mapfile -t -O "${#pems[@]}" pems < <(find "$realdata/certs" -name '*.pem')
fi
n=0
for pem in "${pems[@]}"; do
  n=$((n + 1))
  openssl x509 -in "$pem" -outform DER -out "$seeds/certs/$n.der" 2>/dev/null || continue
  # The qcStatements extension value: the OCTET STRING right after the extension OID.
  off=$(openssl asn1parse -inform DER -in "$seeds/certs/$n.der" 2>/dev/null |
    awk '/qcStatements|1\.3\.6\.1\.5\.5\.7\.1\.3/ {f=1; next} f && /OCTET STRING/ {sub(":.*", "", $1); print $1; exit}')
  if [[ -n $off ]]; then
    openssl asn1parse -inform DER -in "$seeds/certs/$n.der" -strparse "$off" -noout -out "$seeds/qc/$n.der" \
      >/dev/null 2>&1 || true
  fi
done
i=0
for s in 2025-01-01T00:00:00Z 2016-06-30T22:00:00+02:00 2024-02-29 2023-12-31T24:00:00Z 1999-01-01T00:00:00.123-14:00 \
  MIIBIjANBgkqhkiG9w0BAQEFAAOC QUJD QQ== "QU Jj\r\nRA==" \
  http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted http://uri.etsi.org/TrstSvc/Svctype/CA/QC \
  http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/QCWithSSCD http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric; do
  i=$((i + 1))
  printf '%s' "$s" >"$seeds/helpers/$i"
done

seed_dir() {
  case $1 in
    fuzz_list_parser | fuzz_signature | fuzz_c14n) echo "$seeds/lists" ;;
    fuzz_certificate) echo "$seeds/certs" ;;
    fuzz_qc_statements) echo "$seeds/qc" ;;
    fuzz_helpers) echo "$seeds/helpers" ;;
  esac
}
extra_args() {
  case $1 in
    fuzz_list_parser) echo "-dict=$root/fuzz/xml.dict -max_len=131072" ;;
    fuzz_signature) echo "-dict=$root/fuzz/xml.dict -max_len=65536" ;;
    fuzz_c14n) echo "-dict=$root/fuzz/xml.dict -max_len=16384" ;;
    fuzz_certificate) echo "-max_len=16384" ;;
    fuzz_qc_statements) echo "-max_len=4096" ;;
    fuzz_helpers) echo "-max_len=256" ;;
  esac
}

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
# One target's run: its summary line into $build_dir/logs/<target>.summary, and exit
# non-zero on a finding.
run_target() {
  local t=$1
  local corpus=$build_dir/corpus/$t artifacts=$build_dir/artifacts/$t log=$build_dir/logs/$t.log
  local start result elapsed execs cov rc=0
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  start=$(date +%s)
  # shellcheck disable=SC2046
  if "$build_dir/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" $(extra_args "$t") "$corpus" "$(seed_dir "$t")" >"$log" 2>&1; then
    result=ok
  else
    result=FAILED
    rc=1
    grep -E "ERROR|invariant|SUMMARY|Test unit written" "$log" | head -20 >&2 || true
  fi
  elapsed=$(($(date +%s) - start))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || echo '?')
  printf '%-20s %-6s %5ss  execs %-10s %s  corpus %s\n' "$t" "$result" "$elapsed" "$execs" "$cov" \
    "$(find "$corpus" -type f | wc -l)" >"$build_dir/logs/$t.summary"
  return "$rc"
}

# Each target is one single-threaded process with its own time budget, so as many run
# side by side as there are cores (EUTL_FUZZ_PARALLEL): every target still gets its
# SECONDS, and the phase takes about ceil(targets / cores) x SECONDS.
parallel=${EUTL_FUZZ_PARALLEL:-$(nproc)}
status=0
running=0
for t in "${targets[@]}"; do
  if ((running >= parallel)); then
    wait -n || status=1
    running=$((running - 1))
  fi
  run_target "$t" &
  running=$((running + 1))
done
while ((running > 0)); do
  wait -n || status=1
  running=$((running - 1))
done
for t in "${targets[@]}"; do
  cat "$build_dir/logs/$t.summary"
done
exit "$status"
