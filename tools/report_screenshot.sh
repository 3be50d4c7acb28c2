#!/usr/bin/env bash
# Renders a report's HTML page in headless Chromium to a PNG, to look at it as a reader
# would (phone width and desktop width). Installs Debian's chromium when missing.
#   tools/report_screenshot.sh report.html [out-prefix]
# writes <out-prefix>-desktop.png (900 px wide) and <out-prefix>-phone.png (390 px wide).
set -euo pipefail
html="${1:?usage: tools/report_screenshot.sh report.html [out-prefix]}"
prefix="${2:-${html%.html}}"
if ! command -v chromium >/dev/null 2>&1; then
    echo "installing chromium (Debian package)…" >&2
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi
url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
shot() {
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="$1" --screenshot="$2" "$url" 2>/dev/null
    echo "$2"
}
shot 900,4200 "$prefix-desktop.png"
shot 390,7000 "$prefix-phone.png"
