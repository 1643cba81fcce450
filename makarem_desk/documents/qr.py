"""The QR code on a declaration: the reference and the SHA-256 of its data snapshot.

Payload ``MKD1|<reference>|<sha256 hex>``: short enough for a small code (version 5 or so
at level M), versioned so a later format can be told apart, and nothing personal in it —
a lost paper's code reveals only the reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import segno

from ..errors import UserError

PREFIX = "MKD1"
_SHA = re.compile(r"^[0-9a-f]{64}$")
_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9\-]{2,38}$")


@dataclass(frozen=True)
class QrPayload:
    reference: str
    snapshot_sha256: str


def payload_for(reference: str, snapshot_sha256: str) -> str:
    if not _REFERENCE.match(reference) or not _SHA.match(snapshot_sha256):
        raise ValueError(f"not a reference and SHA-256: {reference!r}, {snapshot_sha256!r}")
    return f"{PREFIX}|{reference}|{snapshot_sha256}"


def parse_payload(text: str) -> QrPayload:
    parts = text.strip().split("|")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise UserError(
            f"This is not a Makarem Desk declaration code (expected {PREFIX}|reference|sha256).",
            message_ar="هذا ليس رمز إقرار صادرًا من مكتب مكارم.",
        )
    reference, sha = parts[1].strip().upper(), parts[2].strip().lower()
    if not _REFERENCE.match(reference) or not _SHA.match(sha):
        raise UserError(
            "The declaration code is damaged (bad reference or fingerprint).",
            message_ar="رمز الإقرار تالف (رقم الطلب أو البصمة غير صحيحين).",
        )
    return QrPayload(reference, sha)


# A fixed mask: choosing the "best" of eight costs ~12 ms a code in pure Python and
# changes nothing for a decoder.
@lru_cache(maxsize=64)
def _matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    code = segno.make_qr(payload, error="m", boost_error=False, mask=0)
    return tuple(tuple(bool(cell) for cell in row) for row in code.matrix)


def qr_matrix(payload: str) -> list[list[bool]]:
    """Dark modules of the code, row by row (drawn as vector squares in the PDF)."""
    return [list(row) for row in _matrix(payload)]
