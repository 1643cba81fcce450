"""Canonical JSON and its SHA-256: how a declaration's data snapshot is fingerprinted.

The same bytes must come out on every machine and Python version, so keys are sorted,
separators fixed and non-ASCII kept as UTF-8.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(data: Any) -> bytes:
    return json.dumps(
        data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
    ).encode("utf-8")


def sha256_of(data: Any) -> str:
    return hashlib.sha256(canonical_json(data)).hexdigest()
