#!/usr/bin/env bash
# Writes hostile seeds into DIR/lists and DIR/certs (called by scripts/fuzz.sh): the
# byte-level rows of the hostile-path table (an empty file, what /dev/zero and
# /dev/urandom deliver) and inputs near the XML markup limits (namespace and attribute
# floods, a '>' hidden in a quoted value, UTF-16, declared and detected encodings the
# pre-scan refuses). Small, so that each execution stays fast.
#
#   fuzz/hostile_seeds.sh DIR
set -euo pipefail
dir=${1:?usage: hostile_seeds.sh DIR}
mkdir -p "$dir/lists" "$dir/certs"
for sub in lists certs; do
  : >"$dir/$sub/hostile-empty"
  head -c 4096 /dev/zero >"$dir/$sub/hostile-zeros"
  head -c 4096 /dev/urandom >"$dir/$sub/hostile-random"
done
decls() { # N PREFIX -> N namespace declarations
  local i out=""
  for ((i = 0; i < $1; i++)); do out+=" xmlns:$2$i=\"urn:$i\""; done
  printf '%s' "$out"
}
root='<TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#"'
printf '<?xml version="1.0" encoding="UTF-8"?>\n%s%s/>\n' "$root" "$(decls 64 p)" >"$dir/lists/hostile-ns-64"
printf '<?xml version="1.0" encoding="UTF-8"?>\n%s%s/>\n' "$root" "$(decls 65 p)" >"$dir/lists/hostile-ns-65"
printf "<r a='>\"'%s/>" "$(decls 70 q)" >"$dir/lists/hostile-ns-quoted"
attrs=""
for ((i = 0; i < 300; i++)); do attrs+=" a$i='v'"; done
printf '<r%s/>' "$attrs" >"$dir/lists/hostile-attrs-300"
printf '<?xml version="1.0" encoding="IBM037"?><r/>' >"$dir/lists/hostile-encoding-ibm037"
printf '\x4c\x6f\xa7\x94' >"$dir/lists/hostile-ebcdic"
printf '<?xml version="1.0" encoding="UTF-16"?><r%s/>' "$(decls 70 u)" |
  iconv -f UTF-8 -t UTF-16 >"$dir/lists/hostile-ns-utf16"
