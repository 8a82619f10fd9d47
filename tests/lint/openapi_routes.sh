#!/usr/bin/env bash
# Every route in src/api/routes.c is in docs/openapi.yaml, and back.
set -u
root="$1"
router=$(grep -oE 'ROUTE(_B)?\("[A-Z]+", "[^"]+"' "$root/src/api/routes.c" \
  | sed -E 's/ROUTE(_B)?\("([A-Z]+)", "\/api\/v1([^"]*)"/\2 \3/' | sort -u)
doc=$(awk '
  /^  \/[^ ]*:$/ { path=$1; sub(/:$/, "", path); next }
  /^    (get|post|put|patch|delete):/ { m=$1; sub(/:$/, "", m); print toupper(m) " " path }
' "$root/docs/openapi.yaml" | sort -u)
missing=$(comm -23 <(echo "$router") <(echo "$doc"))
extra=$(comm -13 <(echo "$router") <(echo "$doc"))
fail=0
[ -n "$missing" ] && { echo "routes missing from docs/openapi.yaml:"; echo "$missing"; fail=1; }
[ -n "$extra" ] && { echo "documented routes the router does not have:"; echo "$extra"; fail=1; }
[ $fail -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
