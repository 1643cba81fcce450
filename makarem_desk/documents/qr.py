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
    data = payload.encode("latin-1", "replace")
    if _FAST_MIN_BYTES <= len(data) <= _FAST_MAX_BYTES and payload.isascii():
        return _version_4_m(data)
    code = segno.make_qr(payload, error="m", boost_error=False, mask=0)
    return tuple(tuple(bool(cell) for cell in row) for row in code.matrix)


# -- the declaration's code, without the general encoder ----------------------------------
# A declaration's code (54 bytes with a reference like RYD1-2026-000123) is a version 4
# code, level M, mask 0, in byte mode, which segno builds in ~2 ms of pure Python (a tenth
# of a declaration). Its fixed modules (finders, timing, alignment, format) are the same
# for every such code, so only the data is placed here: 64 data codewords in 2 blocks, 18
# Reed-Solomon codewords each, interleaved, along the standard zigzag. The codes are
# identical to segno's (tests/test_qr_fast.py compares them); other lengths use segno.
_SIZE = 33
_FAST_MIN_BYTES, _FAST_MAX_BYTES = 43, 62  # segno picks version 3 below, 5 above
_DATA, _EC, _BLOCKS = 32, 18, 2


def _gf_tables() -> tuple[list[int], list[int]]:
    exp, log = [0] * 512, [0] * 256
    value = 1
    for i in range(255):
        exp[i], log[value] = value, i
        value <<= 1
        if value & 0x100:
            value ^= 0x11D
    for i in range(255, 512):
        exp[i] = exp[i - 255]
    return exp, log


_EXP, _LOG = _gf_tables()


def _generator(degree: int) -> list[int]:
    poly = [1]
    for i in range(degree):
        nxt = [0] * (len(poly) + 1)
        for j, coef in enumerate(poly):
            nxt[j] ^= coef
            if coef:
                nxt[j + 1] ^= _EXP[_LOG[coef] + i]
        poly = nxt
    return poly


_GENERATOR = [_LOG[c] for c in _generator(_EC)[1:]]


def _error_codewords(block: list[int]) -> list[int]:
    rest = [0] * _EC
    for byte in block:
        factor = byte ^ rest[0]
        rest = rest[1:] + [0]
        if factor:
            lf = _LOG[factor]
            rest = [r ^ _EXP[lf + g] for r, g in zip(rest, _GENERATOR, strict=True)]
    return rest


@lru_cache(maxsize=1)
def _template() -> tuple[tuple[list[bool], ...], tuple[tuple[int, int], ...]]:
    """The fixed modules (taken from a segno code of the same kind) and the data modules'
    order: right to left in column pairs, up and down in turn, past the fixed ones."""
    code = segno.make_qr("M" * _FAST_MIN_BYTES + "|", error="m", boost_error=False, mask=0,
                         mode="byte")
    assert code.version == 4
    fixed = {(x, y) for y in range(9) for x in (*range(9), *range(_SIZE - 8, _SIZE))}
    fixed |= {(x, y) for y in range(_SIZE - 8, _SIZE) for x in range(9)}
    fixed |= {(6, i) for i in range(_SIZE)} | {(i, 6) for i in range(_SIZE)}
    fixed |= {(x, y) for y in range(24, 29) for x in range(24, 29)}  # alignment at 26,26
    order: list[tuple[int, int]] = []
    x, upward = _SIZE - 1, True
    while x > 0:
        if x == 6:
            x -= 1
        for y in (range(_SIZE - 1, -1, -1) if upward else range(_SIZE)):
            order += [(x - dx, y) for dx in (0, 1) if (x - dx, y) not in fixed]
        upward, x = not upward, x - 2
    rows = tuple([bool(cell) and (x, y) in fixed for x, cell in enumerate(row)]
                 for y, row in enumerate(code.matrix))
    return rows, tuple(order)


def _version_4_m(data: bytes) -> tuple[tuple[bool, ...], ...]:
    bits = "0100" + f"{len(data):08b}" + "".join(f"{b:08b}" for b in data)
    capacity = _DATA * _BLOCKS * 8
    bits += "0" * min(4, capacity - len(bits))
    bits += "0" * (8 - len(bits) % 8)  # as segno: a zero byte when on a byte boundary
    codewords = [int(bits[i:i + 8], 2) for i in range(0, len(bits), 8)][:_DATA * _BLOCKS]
    codewords += [0xEC, 0x11] * ((_DATA * _BLOCKS - len(codewords)) // 2 + 1)
    blocks = [codewords[i * _DATA:(i + 1) * _DATA] for i in range(_BLOCKS)]
    errors = [_error_codewords(block) for block in blocks]
    stream = [b[i] for i in range(_DATA) for b in blocks]
    stream += [e[i] for i in range(_EC) for e in errors]
    template, order = _template()
    rows = [list(row) for row in template]
    for (x, y), bit in zip(order, "".join(f"{c:08b}" for c in stream) + "0" * 7, strict=True):
        rows[y][x] = (bit == "1") != ((x + y) % 2 == 0)  # mask 0
    return tuple(tuple(row) for row in rows)


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
