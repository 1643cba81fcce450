#!/usr/bin/env bash
# Creates .venv beside the project and installs the app with its test tools.
# Re-runs the install only when pyproject.toml changed since the last one.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$here/.venv"
py="${PYTHON:-python3}"
if ! "$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
    echo "Makarem Desk needs Python 3.11 or newer (found $("$py" --version 2>&1))." >&2
    exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
    "$py" -m venv "$venv"
fi
stamp="$venv/.installed-$(sha256sum "$here/pyproject.toml" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
    "$venv/bin/python" -m pip install --quiet --upgrade pip >&2
    "$venv/bin/python" -m pip install --quiet -e "$here[test]" >&2
    rm -f "$venv"/.installed-*
    touch "$stamp"
fi
