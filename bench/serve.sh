#!/usr/bin/env bash
# `eutl serve` under load: requests/s and p50/p99 latency of POST /v1/check for a repeated
# certificate and for distinct certificates, next to GET /healthz, on one server, with
# wrk (Debian package) at 64 connections on loopback. Written to bench/SERVE_RESULTS.md.
#
# Usage: bench/serve.sh [BUILD_DIR] [SECONDS]   (defaults: build, 10; EUTL_SERVE_ROUNDS=3)
#
# Data: the real 2026 set (LOTL 390 + pivots + tl/2026, ../shared/realdata) imported at
# 2026-08-21T12:00:00Z and the real certificates of realdata/certs; without real data,
# the generated fixture lists and certificates at 2025-03-01. The server evaluates at
# that instant (its hidden --now). No timing assertion: figures are reported only.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
[[ "$BUILD" = /* ]] || BUILD="$ROOT/$BUILD"
SECONDS_EACH=${2:-10}
EUTL="$BUILD/eutl"
CONNECTIONS=64
THREADS=2
OUT="$ROOT/bench/SERVE_RESULTS.md"
command -v wrk >/dev/null || { echo "serve.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[[ -x "$EUTL" ]] || { echo "serve.sh: $EUTL not built" >&2; exit 2; }

WORK=$(mktemp -d /tmp/eutl-bench-serve.XXXXXX)
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill -TERM "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

REAL="$ROOT/../shared/realdata"
if [[ -f "$REAL/MANIFEST.md" ]]; then
  DATA="the real 2026 set (LOTL 390, tl/2026) and the real certificates of realdata/certs"
  AT=2026-08-21T12:00:00Z
  "$EUTL" import --store "$WORK/store" --at "$AT" "$REAL/lotl/eu-lotl-seq390-2026-08-03.xml" "$REAL/lotl/pivots" \
    "$REAL/tl/2026" >/dev/null 2>&1 || [[ $? -le 1 ]]
  find "$REAL/certs/qualified" "$REAL/certs/non-qualified" -maxdepth 1 -type f -name '*.pem' | sort >"$WORK/certs.txt"
  REPEATED=$(head -1 "$WORK/certs.txt")
else
  DATA="the generated fixture lists and certificates"
  AT=2025-03-01T00:00:00Z
  "$EUTL" import --store "$WORK/store" --lotl-signers "$BUILD/fixtures/pki/oj-anchors.pem" --at "$AT" \
    "$BUILD/fixtures/lists" >/dev/null 2>&1
  find "$BUILD/fixtures/certs" -maxdepth 1 -type f -name '*.pem' | sort >"$WORK/certs.txt"
  REPEATED="$BUILD/fixtures/certs/qes-natural.pem"
fi
DISTINCT=$(wc -l <"$WORK/certs.txt")

"$EUTL" serve --listen 127.0.0.1:0 --store "$WORK/store" --now "$AT" --refresh 0 --quiet 2>"$WORK/serve.log" &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 200); do
  PORT=$(sed -n 's|^eutl: serving on http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$WORK/serve.log")
  [[ -n "$PORT" ]] && break
  sleep 0.05
done
[[ -n "$PORT" ]] || { echo "serve.sh: the server did not start:" >&2; cat "$WORK/serve.log" >&2; exit 1; }
URL="http://127.0.0.1:$PORT"
CHECK_STATUS=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/x-pem-file' \
  --data-binary @"$REPEATED" "$URL/v1/check" || true)

# The server's CPU time so far (user + system), in clock ticks (/proc/PID/stat fields 14, 15).
server_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))

# run NAME PATH [LUA]: one wrk run; prints "req/s p50 p99 non2xx cpu_us" (latencies in ms;
# cpu_us: the server's CPU time per request answered, in µs, which other load on the
# machine hardly changes, unlike the request rate).
run() {
  local name=$1 path=$2 script=${3:-}
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency)
  [[ -n "$script" ]] && args+=(-s "$script")
  local before after
  before=$(server_ticks)
  wrk "${args[@]}" "$URL$path" >"$WORK/$name.txt" 2>&1 || true
  after=$(server_ticks)
  awk -v ticks=$((after - before)) -v tick_us="$TICK_US" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { bad = $5 }
    / requests in / { n = $1 }
    END { printf "%.0f %.2f %.2f %d %.1f\n", rps, p50, p99, bad, (n > 0 ? ticks * tick_us / n : 0) }' "$WORK/$name.txt"
}

export EUTL_CERT="$REPEATED" EUTL_CERT_LIST="$WORK/certs.txt"
# healthz and the repeated check alternate for ROUNDS rounds (other work on the machine
# then falls on both alike); each row is the round with the median request rate, and the
# ratio is the median of the rounds' ratios.
ROUNDS=${EUTL_SERVE_ROUNDS:-3}
: >"$WORK/rounds.txt"
for _ in $(seq 1 "$ROUNDS"); do
  read -r h_rps h_p50 h_p99 h_bad h_cpu < <(run healthz /healthz)
  read -r r_rps r_p50 r_p99 r_bad r_cpu < <(run repeated /v1/check "$ROOT/bench/serve/check_repeated.lua")
  echo "$h_rps $h_p50 $h_p99 $h_bad $r_rps $r_p50 $r_p99 $r_bad $h_cpu $r_cpu" >>"$WORK/rounds.txt"
done
MID=$(((ROUNDS + 1) / 2))
read -r H_RPS H_P50 H_P99 H_BAD < <(sort -n -k1,1 "$WORK/rounds.txt" | awk -v m=$MID 'NR == m { print $1, $2, $3, $4 }')
read -r R_RPS R_P50 R_P99 R_BAD < <(sort -n -k5,5 "$WORK/rounds.txt" | awk -v m=$MID 'NR == m { print $5, $6, $7, $8 }')
H_CPU=$(sort -n -k9,9 "$WORK/rounds.txt" | awk -v m=$MID 'NR == m { print $9 }')
R_CPU=$(sort -n -k10,10 "$WORK/rounds.txt" | awk -v m=$MID 'NR == m { print $10 }')
ROUND_RATIOS=$(awk '{ printf "%s%.2f", (NR > 1 ? ", " : ""), ($1 > 0 ? $5 / $1 : 0) }' "$WORK/rounds.txt")
CPU_RATIOS=$(awk '{ printf "%s%.2f", (NR > 1 ? ", " : ""), ($10 > 0 ? $9 / $10 : 0) }' "$WORK/rounds.txt")
read -r D_RPS D_P50 D_P99 D_BAD D_CPU < <(run distinct /v1/check "$ROOT/bench/serve/check_distinct.lua")
EUTL_AT_EPOCH=$(date -ud "$AT" +%s)
export EUTL_AT_EPOCH
read -r U_RPS U_P50 U_P99 U_BAD U_CPU < <(run uncached /v1/check "$ROOT/bench/serve/check_uncached.lua")
RATIO=$(awk '{ print ($1 > 0 ? $5 / $1 : 0) }' "$WORK/rounds.txt" | sort -n | awk -v m=$MID 'NR == m { printf "%.2f", $1 }')
CPU_RATIO=$(awk '{ print ($10 > 0 ? $9 / $10 : 0) }' "$WORK/rounds.txt" | sort -n | awk -v m=$MID 'NR == m { printf "%.2f", $1 }')

{
  echo "# \`eutl serve\` under load"
  echo
  echo "Written by \`bench/serve.sh\` on $(date -u +%Y-%m-%dT%H:%M:%SZ): wrk $THREADS threads, $CONNECTIONS connections,"
  echo "${SECONDS_EACH} s per row, one server on loopback ($(nproc) cores, shared with the load generator),"
  echo "$DATA, evaluated at $AT."
  echo
  echo "| request | requests/s | p50 ms | p99 ms | non-2xx answers | server CPU µs per request |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "| GET /healthz | $H_RPS | $H_P50 | $H_P99 | $H_BAD | $H_CPU |"
  echo "| POST /v1/check, one certificate repeated | $R_RPS | $R_P50 | $R_P99 | $R_BAD | $R_CPU |"
  echo "| POST /v1/check, $DISTINCT distinct certificates in turn | $D_RPS | $D_P50 | $D_P99 | $D_BAD | $D_CPU |"
  echo "| POST /v1/check, those certificates, each request with a new ?at= (never from the memo) | $U_RPS | $U_P50 | $U_P99 | $U_BAD | $U_CPU |"
  echo
  echo "Repeated check / healthz request rate: $RATIO, the median of $ROUNDS alternating rounds ($ROUND_RATIOS)"
  echo "(target: at least 0.5; p99 target: under 10 ms)."
  echo "Server CPU per request, healthz / repeated check: $CPU_RATIO, the median of the same rounds ($CPU_RATIOS):"
  echo "the share of a check's server-side cost that is the HTTP around it, which load from other"
  echo "processes on the machine changes much less than it changes request rates."
  echo
  echo "The server keeps the answers of each snapshot's checks (server/check_memo.h): the same"
  echo "certificate, claim and evaluation time within the same second get the same decision and"
  echo "the same evidence record without deciding again. The server here evaluates at a fixed"
  echo "instant (--now), so after its first round every row but the last is answered from that"
  echo "memo; with the wall clock, a certificate asked about again in a later second is decided"
  echo "again, at the cost the last row shows (a decision and a record of about 100 KB written)."
  echo "Machine load (uptime) when this was run: $(uptime | sed 's/.*load average: //')."
  if [[ "$CHECK_STATUS" != "200" ]]; then
    echo
    echo "POST /v1/check answered HTTP $CHECK_STATUS when this was run: the /v1 API was not in this build,"
    echo "so its rows measure an error answer, not a decision."
  fi
} >"$OUT"
cat "$OUT"
