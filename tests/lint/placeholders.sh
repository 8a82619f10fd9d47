#!/usr/bin/env bash
# Fails when a page of the web says it is not built (issue 18): "功能建设中",
# "建设中" or "TODO" in the web sources (web/src) or in the built bundle
# (web/dist, when it was built: `make test` builds it before the browser
# tests). Every home card and page shows real data.
set -u
root="$1"
dirs="$root/web/src"
[ -d "$root/web/dist" ] && dirs="$dirs $root/web/dist"
hits=$(grep -rnE "功能建设中|建设中|TODO" $dirs --include='*.js' --include='*.vue' --include='*.html' --include='*.mjs' 2>/dev/null | cut -c1-200)
if [ -n "$hits" ]; then
	echo "placeholder text in the web (every page shows real data):"
	echo "$hits"
	exit 1
fi
echo "1 passed, 0 failed ($dirs)"
