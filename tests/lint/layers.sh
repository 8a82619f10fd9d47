#!/usr/bin/env bash
# Layers point down only (DESIGN §2): driver calls only in store/, no SQL
# keywords in api/ or http/, rules/ includes nothing from above.
set -u
src="$1/src"; fail=0
drv=$(grep -rnE '\b(sqlite3_|PQ[a-z])' "$src" --include='*.c' --include='*.h' | grep -v "^$src/store/")
[ -n "$drv" ] && { echo "database driver calls outside store/:"; echo "$drv"; fail=1; }
sql=$(grep -rnE '"(SELECT|INSERT|UPDATE|DELETE) ' "$src/api" "$src/http" "$src/cli" 2>/dev/null)
[ -n "$sql" ] && { echo "SQL outside domain/store:"; echo "$sql"; fail=1; }
up=$(grep -rnE '#include "(api|http|domain|store|cli|seed)/' "$src/rules" "$src/core" 2>/dev/null)
[ -n "$up" ] && { echo "rules/ or core/ includes an upper layer:"; echo "$up"; fail=1; }
up=$(grep -rnE '#include "(api|http|cli|seed)/' "$src/domain" "$src/store" 2>/dev/null)
[ -n "$up" ] && { echo "domain/ or store/ includes an upper layer:"; echo "$up"; fail=1; }
up=$(grep -rnE '#include "(cli|seed)/' "$src/api" "$src/http" 2>/dev/null)
[ -n "$up" ] && { echo "api/ or http/ includes cli/ or the demo data (seed/):"; echo "$up"; fail=1; }
up=$(grep -rnE '#include "(http|cli)/' "$src/api" 2>/dev/null)
[ -n "$up" ] && { echo "api/ includes http/ or cli/:"; echo "$up"; fail=1; }
[ $fail -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
