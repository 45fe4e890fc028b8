#!/usr/bin/env bash
# Generates the man page docs/man/eutl.1 from the --help output of the built CLI:
# the top-level help, then one section per command (and sub-command) with its help,
# options and examples verbatim. Our own generator rather than help2man, because
# help2man reads only the top-level --help and does not follow CLI11 sub-commands.
#
#   scripts/make-man.sh [path/to/eutl] [output.1]    # defaults: build/eutl docs/man/eutl.1
set -euo pipefail
cd "$(dirname "$0")/.."
eutl=${1:-${EUTL_BUILD_DIR:-build}/eutl}
out=${2:-docs/man/eutl.1}
[[ -x $eutl ]] || { echo "make-man: $eutl not found; run scripts/build.sh first" >&2; exit 2; }
mkdir -p "$(dirname "$out")"

# roff-safe text: escape backslashes, protect lines starting with . or '.
roff() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/" -e 's/-/\\-/g'; }
# The names listed under "Subcommands:" in a help text.
subcommands() { awk '/^Subcommands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {on=0}'; }

version=$("$eutl" --version | awk '{print $NF}')
top=$("$eutl" --help)
{
  echo ".TH EUTL 1 \"\" \"eutl $version\" \"User Commands\""
  echo ".SH NAME"
  echo "eutl \\- EU trusted lists: fetch, verify and decide whether a certificate is an EU qualified certificate"
  echo ".SH SYNOPSIS"
  echo ".B eutl"
  echo ".I COMMAND"
  echo "[\\fIOPTIONS\\fR]"
  echo ".SH DESCRIPTION"
  echo ".nf"
  printf '%s\n' "$top" | roff
  echo ".fi"
  echo ".SH COMMANDS"
  for cmd in $(printf '%s\n' "$top" | subcommands); do
    help=$("$eutl" "$cmd" --help)
    echo ".SS \"eutl $cmd\""
    echo ".nf"
    printf '%s\n' "$help" | roff
    echo ".fi"
    for sub in $(printf '%s\n' "$help" | subcommands); do
      echo ".SS \"eutl $cmd $sub\""
      echo ".nf"
      "$eutl" "$cmd" "$sub" --help | roff
      echo ".fi"
    done
  done
  echo ".SH EXIT STATUS"
  echo "0 yes/valid/confirmed, 1 no/invalid/refuted, 2 usage or input error (including a missing, unreadable,"
  echo "non\-regular or oversized input file), 3 indeterminate, 4 could not run (I/O error, store busy,"
  echo "network unreachable, out of memory, internal error)."
  echo ".SH ENVIRONMENT"
  echo ".TP"
  echo ".B EUTL_STORE"
  echo "Default store directory (else \\fB\$XDG_CACHE_HOME/eutl\\fR, else \\fB~/.cache/eutl\\fR)."
  echo ".TP"
  echo ".B NO_COLOR"
  echo "Disables colours (which are used only when standard output is a terminal)."
  echo ".SH SEE ALSO"
  echo "ETSI TS 119 612 (trusted lists), ETSI TS 119 615 (procedures for using them), EN 319 412\\-5 (QC statements)."
} >"$out"
echo "make-man: wrote $out" >&2
