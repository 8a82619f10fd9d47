#!/usr/bin/env bash
# Fails when src/ uses a banned string function (STYLE.md 3).
set -u
hits=$(grep -rnE '\b(sprintf|strcpy|strcat|gets|vsprintf|strncpy)\s*\(' "$1/src" --include='*.c' --include='*.h' | grep -v 'snprintf\|vsnprintf')
if [ -n "$hits" ]; then echo "banned functions:"; echo "$hits"; exit 1; fi
echo "1 passed, 0 failed"
