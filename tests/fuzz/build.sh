#!/usr/bin/env bash
# build.sh OUTDIR — build the libFuzzer targets of tests/fuzz (TRUST FUZ-1)
# into OUTDIR with clang: ASan + UBSan, UB aborts. With FUZZ_COVERAGE=1 the
# targets are built with source-based coverage instead (for FUZ-2, see
# coverage.sh). Without clang it builds nothing and exits 0.
# Each target links only src/core, src/rules and src/http/parse.c.
set -euo pipefail

out=${1:?usage: build.sh OUTDIR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
CC=${FUZZ_CC:-clang}
source "$(dirname "${BASH_SOURCE[0]}")/targets.sh"

if ! command -v "$CC" >/dev/null 2>&1; then
  echo "build.sh: $CC not found, fuzz targets not built (apt-get install clang libclang-rt-14-dev)"
  exit 0
fi

CFLAGS=(-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
        '-DPRECINCT_VERSION="fuzz"' -I "$root/src" -g -O1
        -Wall -Wextra -Wshadow -Wformat=2 -Wvla)
if [ "${FUZZ_COVERAGE:-0}" = 1 ]; then
  SAN_OBJ=(-fsanitize=fuzzer-no-link -fprofile-instr-generate -fcoverage-mapping)
  SAN_BIN=(-fsanitize=fuzzer -fprofile-instr-generate -fcoverage-mapping)
else
  SAN_OBJ=(-fsanitize=fuzzer-no-link,address,undefined
           -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  SAN_BIN=(-fsanitize=fuzzer,address,undefined
           -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
fi
if pkg-config --exists jansson libsodium zlib 2>/dev/null; then
  read -r -a DEP_CFLAGS <<<"$(pkg-config --cflags jansson libsodium zlib)"
  read -r -a DEP_LIBS <<<"$(pkg-config --libs jansson libsodium zlib)"
else
  DEP_CFLAGS=()
  DEP_LIBS=(-ljansson -lsodium -lz)
fi

rm -rf "$out/obj"
mkdir -p "$out/obj"
objs=()
for src in "$root"/src/core/*.c "$root"/src/rules/*.c "$root/src/http/parse.c" "$root/src/store/sqlite_sql.c"; do
  rel=${src#"$root"/src/}
  obj="$out/obj/${rel//\//_}.o"
  "$CC" "${CFLAGS[@]}" "${DEP_CFLAGS[@]+"${DEP_CFLAGS[@]}"}" "${SAN_OBJ[@]}" -c "$src" -o "$obj"
  objs+=("$obj")
done
# an archive, so a target pulls in only the objects it uses
rm -f "$out/libprecinct_fuzz.a"
ar rcs "$out/libprecinct_fuzz.a" "${objs[@]}"

for t in "${TARGETS[@]}"; do
  "$CC" "${CFLAGS[@]}" -Werror "${DEP_CFLAGS[@]+"${DEP_CFLAGS[@]}"}" "${SAN_BIN[@]}" \
    "$here/$t.c" "$out/libprecinct_fuzz.a" "${DEP_LIBS[@]}" -o "$out/$t"
done
echo "build.sh: built ${TARGETS[*]} in $out"
