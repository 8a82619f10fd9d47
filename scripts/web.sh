#!/usr/bin/env bash
# web.sh — build the browser UI into web/dist (npm ci only when the lock changed).
set -euo pipefail
cd "$(dirname "$0")/../web"
stamp=node_modules/.precinct-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
if [ ! -f dist/index.html ] || [ -n "$(find src index.html vite.config.js package-lock.json -newer dist/index.html 2>/dev/null | head -1)" ]; then
  npm run build --silent
fi
