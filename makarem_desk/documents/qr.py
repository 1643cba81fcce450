"""The codes on the papers: what each says, and their modules.

Every code starts ``MKD1|<reference>|`` and carries nothing personal — a lost paper's code
reveals only the reference:

- declaration ``MKD1|<reference>|<hex>``: the first 32 hex digits (128 bits) of the SHA-256
  of its data snapshot.  Papers printed before this change carry all 64 digits and still
  verify.  32 digits keep the code at version 4 (33 modules) where 64 needed version 6
  (41): drawn 32 mm wide a module is 0.8 mm, three dots of a 100 dpi scan, which is what
  lets a scan at that resolution and a blurred, tilted phone photo decode
  (tests/test_qr_scans.py);
- receipt ``MKD1|<reference>|R|<16 hex>``: a fingerprint of the name, identity number and
  program it shows;
- decision letter ``MKD1|<reference>|L|<outgoing number>|<16 hex>``: the number it was
  issued under and a fingerprint of what it says (``services/letter_numbers.py``).
"""

from __future__ import annotations

import enum
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import segno

from ..errors import UserError

PREFIX = "MKD1"
_SHA = re.compile(r"^[0-9a-f]{32}(?:[0-9a-f]{32})?$")
_SHORT = re.compile(r"^[0-9a-f]{16}$")
_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9\-]{2,38}$")
_LETTER_NUMBER = re.compile(r"^[A-Z0-9]{2,8}/\d{4}/\d{4,6}$")
DECLARATION_DIGITS = 32


class CodeKind(enum.StrEnum):
    DECLARATION = "declaration"
    RECEIPT = "receipt"
    LETTER = "letter"


@dataclass(frozen=True)
class QrPayload:
    reference: str
    fingerprint: str  # hex: the declaration's snapshot SHA-256 (or its first half), ...
    kind: CodeKind = CodeKind.DECLARATION
    letter_number: str = ""  # a letter's outgoing number

    def matches(self, sha256_hex: str) -> bool:
        """Whether a full SHA-256 is the one this code's fingerprint was cut from."""
        return bool(self.fingerprint) and sha256_hex.lower().startswith(self.fingerprint)


def payload_for(reference: str, snapshot_sha256: str) -> str:
    """A declaration's code."""
    if not _REFERENCE.match(reference) or not re.match(r"^[0-9a-f]{64}$", snapshot_sha256):
        raise ValueError(f"not a reference and SHA-256: {reference!r}, {snapshot_sha256!r}")
    return f"{PREFIX}|{reference}|{snapshot_sha256[:DECLARATION_DIGITS]}"


def receipt_payload(reference: str, fingerprint: str) -> str:
    if not _REFERENCE.match(reference) or not _SHORT.match(fingerprint):
        raise ValueError(f"not a reference and fingerprint: {reference!r}, {fingerprint!r}")
    return f"{PREFIX}|{reference}|R|{fingerprint}"


def letter_payload(reference: str, number: str, digest: str) -> str:
    if not (_REFERENCE.match(reference) and _LETTER_NUMBER.match(number)
            and _SHORT.match(digest)):
        raise ValueError(f"not a letter's code: {reference!r}, {number!r}, {digest!r}")
    return f"{PREFIX}|{reference}|L|{number}|{digest}"


def _damaged() -> UserError:
    return UserError(
        "The code is damaged (bad reference, number or fingerprint).",
        message_ar="الرمز تالف (رقم الطلب أو رقم الخطاب أو البصمة غير صحيحة).",
    )


def parse_payload(text: str) -> QrPayload:
    """Any paper's code; a clear error for a code of something else or a damaged one."""
    parts = [p.strip() for p in text.strip().split("|")]
    if len(parts) not in (3, 4, 5) or parts[0] != PREFIX:
        raise UserError(
            f"This is not a Makarem Desk code (expected {PREFIX}|reference|…).",
            message_ar="هذا ليس رمزًا صادرًا من مكتب مكارم.",
        )
    reference = parts[1].upper()
    if not _REFERENCE.match(reference):
        raise _damaged()
    if len(parts) == 3 and _SHA.match(parts[2].lower()):
        return QrPayload(reference, parts[2].lower())
    if len(parts) == 4 and parts[2].upper() == "R" and _SHORT.match(parts[3].lower()):
        return QrPayload(reference, parts[3].lower(), CodeKind.RECEIPT)
    if (len(parts) == 5 and parts[2].upper() == "L" and _LETTER_NUMBER.match(parts[3].upper())
            and _SHORT.match(parts[4].lower())):
        return QrPayload(reference, parts[4].lower(), CodeKind.LETTER, parts[3].upper())
    raise _damaged()


# A fixed mask: choosing the "best" of eight costs ~12 ms a code in pure Python and
# changes nothing for a decoder.
@lru_cache(maxsize=64)
def _matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    code = segno.make_qr(payload, error="m", boost_error=False, mask=0)
    return tuple(tuple(bool(cell) for cell in row) for row in code.matrix)


def qr_matrix(payload: str) -> list[list[bool]]:
    """Dark modules of the code, row by row (drawn as vector squares in the PDF)."""
    return [list(row) for row in _matrix(payload)]


def receipt_fingerprint(snapshot: Mapping[str, Any]) -> str:
    """16 hex digits over what a receipt shows of the application: its reference, the
    name, identity number and program (the dates on it move with the record)."""
    b = snapshot.get("beneficiary") or {}
    p = snapshot.get("program") or {}
    shown = [str(snapshot.get("reference") or ""), str(b.get("full_name") or ""),
             str(b.get("identity_number") or ""), str(p.get("code") or "")]
    return hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def receipt_code(snapshot: Mapping[str, Any]) -> str:
    return receipt_payload(str(snapshot.get("reference") or ""), receipt_fingerprint(snapshot))
