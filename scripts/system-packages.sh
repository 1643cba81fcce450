#!/usr/bin/env bash
# Debian 12 packages the application and its tests need (run as root).
set -euo pipefail
packages=(
    # Qt offscreen and under X (the PySide6 wheels bring Qt itself)
    libgl1 libglib2.0-0 libxkbcommon0 libegl1 libfontconfig1 libdbus-1-3
    xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0
    libxcb-xinerama0 libxcb-xfixes0
    # PDF checks in the tests (pdftoppm, pdftotext)
    poppler-utils
    # the sync benchmark compares with the sqlite3 command line
    sqlite3
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
