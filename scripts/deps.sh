#!/usr/bin/env bash
# deps.sh — install what Precinct needs on Debian 12, and nothing else.
# As root it runs apt-get; otherwise it prints the apt-get line and stops.
set -euo pipefail

PKGS=(build-essential cmake pkg-config
      libmicrohttpd-dev libjansson-dev libsodium-dev libsqlite3-dev
      libcmocka-dev libcurl4-openssl-dev libxlsxwriter-dev zlib1g-dev sqlite3
      libgnutls28-dev openssl
      postgresql postgresql-contrib libpq-dev nginx-light
      clang libclang-rt-14-dev
      nodejs npm chromium chromium-headless-shell fonts-wqy-microhei python3 python3-yaml)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# a Node.js installed outside Debian's packages (e.g. NodeSource) is fine
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  tmp=(); for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || tmp+=("$p"); done
  missing=("${tmp[@]+"${tmp[@]}"}")
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Precinct needs these Debian packages: ${missing[*]}" >&2
  echo "Run as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
