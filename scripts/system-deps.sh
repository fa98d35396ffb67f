#!/usr/bin/env bash
# Makes sure the Debian packages a make target needs are present: installs them when run as
# root, otherwise prints the exact command to run and stops.
#   scripts/system-deps.sh site   what `make site` needs
#   scripts/system-deps.sh test   what `make test` needs too (headless Chromium, poppler, npm)
set -euo pipefail

packages=(libpango-1.0-0 libpangoft2-1.0-0)
if [ "${1:-site}" = test ]; then
  packages+=(chromium poppler-utils)
  # npm installs the JavaScript the browser tests load; any Node.js with npm will do
  command -v npm >/dev/null || packages+=(nodejs npm)
fi

missing=()
if command -v dpkg-query >/dev/null; then
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
else
  echo "Not a Debian system: make sure these are installed: ${packages[*]}" >&2
fi
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)

[ ${#missing[@]} -eq 0 ] && exit 0

command="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $command -qq
else
  {
    echo "Missing system packages: ${missing[*]}"
    echo "Run this once, then try again:"
    echo "  sudo apt-get update && sudo $command"
  } >&2
  exit 1
fi
