#!/usr/bin/env bash
# Smoke test of the bundle `make dist` built: run dist/explorer/explorer from another directory,
# headless, with no Python environment: --version, mentions on the bundled seeds, --screenshot.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bundle="$repo/dist/explorer"
[ -x "$bundle/explorer" ] || { echo "FAIL: no bundle; run make dist first"; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
# No venv, no PYTHONPATH, no checkout on the path: only the bundle.
clean=(env -i HOME="$work" PATH=/usr/bin:/bin LANG=C.UTF-8 EXPLORER_CACHE_DIR="$work/cache"
       EXPLORER_CONFIG_DIR="$work/config" QT_QPA_PLATFORM=offscreen)
"${clean[@]}" "$bundle/explorer" --version
seeds="$bundle/_internal/explorer/seeds"
n="$("${clean[@]}" "$bundle/explorer" mentions "$seeds" | grep -c '"place"')"
[ "$n" -gt 0 ] || { echo "FAIL: no mentions in the bundled seeds"; exit 1; }
echo "mentions: $n"
# Other formats (explorer/formats): a web page (trafilatura) and an Arabic PDF (pdfminer.six).
mkdir "$work/formats"
cp "$repo/tests/data/formats/ar_page.html" "$repo/tests/data/formats/ar_report.pdf" "$work/formats/"
"${clean[@]}" "$bundle/explorer" mentions "$work/formats" > "$work/formats.jsonl"
for doc in ar_page.html ar_report.pdf; do
    grep -q "\"doc\": \"$doc\"" "$work/formats.jsonl" || { echo "FAIL: no mentions in $doc"; exit 1; }
done
echo "formats: web page and PDF read"
"${clean[@]}" "$bundle/explorer" --screenshot "$work/window.png" >/dev/null  # the bundled seeds
[ "$(stat -c %s "$work/window.png")" -gt 20000 ] || { echo "FAIL: screenshot too small"; exit 1; }
echo "smoke_test: OK ($bundle)"
