#!/usr/bin/env bash
# Takes a screenshot of a readout report in headless Chromium (Debian's `chromium` package),
# to check that it opens without network and shows its charts.
#
# Usage: scripts/screenshot-report.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]
# Example: swift run readout annotate ../shared/corpus/dev -o /tmp/dev &&
#          scripts/screenshot-report.sh /tmp/dev/report.html /tmp/dev/report.png
set -euo pipefail
report=${1:?usage: screenshot-report.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]}
out=${2:-${report%.html}.png}
size=${3:-1400x2400}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "screenshot-report: chromium not found; install it with: apt-get install chromium" >&2
    exit 2
fi
[ -f "$report" ] || { echo "screenshot-report: $report: no such file" >&2; exit 2; }
abs=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
# --no-sandbox: Chromium refuses to run as root otherwise (containers, CI).
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size="${size/x/,}" --screenshot="$out" "file://$abs" >/dev/null 2>&1
[ -s "$out" ] || { echo "screenshot-report: no screenshot written" >&2; exit 1; }
echo "screenshot-report: wrote $out"
