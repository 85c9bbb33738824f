#!/usr/bin/env bash
# Installs the Debian packages listed in cmake/debian-packages.txt (or the list file given) that are
# missing (apt-get; sudo when not root). Exits non-zero with the list and the command to run when it
# cannot install them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
list=${1:-$here/debian-packages.txt}
mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$list" | grep -v '^$')

# A package another installed package provides counts as installed (NodeSource's nodejs provides npm).
provided=$(dpkg-query -W -f='${db:Status-Abbrev} ${Provides}\n' 2>/dev/null |
  awk '$1 == "ii" { $1 = ""; print }' | tr ',' '\n' | sed -e 's/(.*)//' -e 's/[[:space:]]//g' | sort -u)
missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || grep -qx "$pkg" <<<"$provided" || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "recto: installing missing Debian packages: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo)
else
  echo "recto: cannot install packages (not root and no password-less sudo). Run:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! "${run[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
  "${run[@]}" apt-get update -q >/dev/null
  if ! "${run[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    echo "recto: apt-get could not install: ${missing[*]}" >&2
    exit 1
  fi
fi
