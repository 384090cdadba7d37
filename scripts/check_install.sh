#!/usr/bin/env bash
# A real install, not a checkout: build a clean venv, `pip install .` (not editable) with the
# pinned versions, and run the app from a directory that is not the repository.
#   bash scripts/check_install.sh            (PYTHON=python3.11 to choose the interpreter)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python="${PYTHON:-python3}"

"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
# The repository's files (tracked or new, not ignored), so no stale build/ of the checkout counts.
mkdir "$work/src"
git -C "$repo" ls-files -z --cached --others --exclude-standard \
    | tar -C "$repo" --null --files-from=- --ignore-failed-read -cf - | tar -C "$work/src" -xf -
"$work/venv/bin/python" -m pip install --quiet -c "$repo/requirements/constraints.txt" "$work/src"
cd "$work"  # nothing of the checkout is reachable from here
export EXPLORER_CACHE_DIR="$work/cache" EXPLORER_CONFIG_DIR="$work/config"
bin="$work/venv/bin"
seeds="$("$bin/python" -c 'from explorer.resources import seeds_dir; print(seeds_dir())')"

case "$seeds" in "$work"/venv/*) ;; *) echo "FAIL: seeds not inside the install: $seeds"; exit 1;; esac
"$bin/explorer" --version
n="$("$bin/explorer" mentions "$seeds" | wc -l)"
[ "$n" -gt 0 ] || { echo "FAIL: no mentions in the installed seeds"; exit 1; }
echo "mentions: $n lines"
"$bin/explorer" map "$seeds" --html "$work/map.html" >/dev/null
grep -q 'explorer/assets/web/leaflet/leaflet.js' "$work/map.html" \
    || { echo "FAIL: map.html does not load the installed Leaflet"; exit 1; }
QT_QPA_PLATFORM=offscreen "$bin/explorer" --screenshot "$work/window.png" >/dev/null
[ "$(stat -c %s "$work/window.png")" -gt 20000 ] || { echo "FAIL: screenshot too small"; exit 1; }
echo "check_install: OK (pip install . from $repo, run in $work)"
